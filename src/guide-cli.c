/* guide-cli.c
 *
 * Copyright 2026 The CPMS Access Guide authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application's command line: its options, and what it does without a
 * window, for rollout scripts and trainers (checking a site, resetting
 * progress, setting the language, writing the handout), or through the app
 * already running, the only writer of the user's progress. Each returns the
 * process's exit status: 0 when done, 1 when it failed, 2 for a wrong use;
 * -1 to go on and start. */

#include "guide-application-private.h"
#include "guide-cli.h"
#include "guide-handout.h"
#include "guide-i18n.h"
#include "guide-library.h"
#include "guide-uri.h"

/**
 * guide_cli_add_options:
 *
 * Adds the command-line options to @application, in the current language.
 */
void
guide_cli_add_options (GApplication *application)
{
  const GOptionEntry options[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Show the guide in this language from now on: fr, it or en"), "fr|it|en" },
    { "presentation", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start in presentation mode, for workshops"), NULL },
    { "reset-progress", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Mark every step as not done, and quit"), NULL },
    { "progress-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep progress in this file instead of the user’s data folder"), N_("FILE") },
    { "check-site", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check the organisation’s settings, guide and pictures, print each problem, and quit"), NULL },
    { "require-site", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --check-site: fail, with status 3, when the organisation has no settings at all"), NULL },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the guide as a handout to print, in PDF, to this file, and quit"), N_("FILE") },
    { "blank", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export-pdf: leave every check box empty"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and quit"), NULL },
    { NULL }
  };
  GOptionEntry translated[G_N_ELEMENTS (options)];

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      translated[i] = options[i];
      if (options[i].description != NULL)
        translated[i].description = _(options[i].description);
      if (options[i].arg_description != NULL)
        translated[i].arg_description = _(options[i].arg_description);
    }

  g_application_add_main_option_entries (application, translated);
  g_application_set_option_context_summary (application,
                                            _("A step-by-step guide to getting access to the CPMS, the Clinical Patient Management System of the European Reference Networks, as a guest of ERN ReCONNET."));
}

/**
 * guide_cli_primary_running:
 *
 * Returns: whether the app already runs in this session: what changes its
 *   progress or its language must then go through it, the only writer
 */
static gboolean
guide_cli_primary_running (GApplication *application)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", g_application_get_application_id (application)),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* Prints a warning for each address of the site that hides the host it
 * opens, with the host the browser really opens. A warning, which leaves
 * the exit status alone: a hospital's own host may be written in its
 * language's letters. */
static void
guide_cli_check_site_hosts (GuideSite *site)
{
  g_autoptr(GuideLibrary) library = guide_library_new (site);
  g_autoptr(GPtrArray) addresses = guide_library_list_site_addresses (library);

  for (guint i = 0; i < addresses->len; i++)
    {
      g_autofree char *host = guide_uri_get_hidden_host (g_ptr_array_index (addresses, i));

      if (host != NULL)
        g_print (_("Warning: the address “%s” opens the host “%s”: written this way, it can pass for another. Check that it is the one you mean.\n"),
                 (char *) g_ptr_array_index (addresses, i), host);
    }
}

/**
 * guide_cli_check_site:
 *
 * Prints every problem of the site's configuration, guide and pictures, one
 * a line.
 *
 * Returns: 0, or 1 when there is any problem
 */
/* What the app read of the organisation's settings, as the window uses it. */
static void
print_site (GuideSite *site)
{
  const char *language = guide_site_get_language (site);
  const char *contact = guide_site_get_contact_name (site);

  g_print (_("Site file: %s\n"), guide_site_get_file (site) != NULL ? guide_site_get_file (site) : _("none"));
  g_print (_("Site guide: %s\n"), guide_site_get_guide_folder (site) != NULL ? guide_site_get_guide_folder (site)
                                                                               : _("none, the built-in guide is used"));
  if (language == NULL)
    g_print (_("Language: the user’s own, or the desktop’s\n"));
  else if (guide_site_get_language_locked (site))
    g_print (_("Language: %s, locked\n"), language);
  else
    g_print (_("Language: %s, unless the user chooses another\n"), language);

  if (contact != NULL)
    {
      const char *email = guide_site_get_contact_email (site);
      const char *phone = guide_site_get_contact_phone (site);

      g_print (_("Contact: %s%s%s%s%s\n"), contact,
               email != NULL ? ", " : "", email != NULL ? email : "",
               phone != NULL ? ", " : "", phone != NULL ? phone : "");
    }
  else
    g_print (_("Contact: none of the organisation’s own\n"));
}

static int
guide_cli_check_site (gboolean require_site)
{
  g_autoptr(GuideSite) site = guide_site_new ();
  g_autoptr(GPtrArray) pictures = guide_site_check_pictures (site);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) dates = guide_site_check_dates (site, now);
  GPtrArray *problems = guide_site_get_problems (site);
  guint n_problems = problems->len + pictures->len + dates->len;

  print_site (site);

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < dates->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (dates, i));
  for (guint i = 0; i < pictures->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (pictures, i));
  guide_cli_check_site_hosts (site);

  /* For a fleet's check: no settings at all is not the same as good ones. */
  if (n_problems == 0 && require_site && guide_site_get_file (site) == NULL && guide_site_get_guide_folder (site) == NULL)
    {
      g_print (_("No settings of the organisation were found.\n"));
      return 3;
    }

  if (n_problems == 0)
    {
      g_print (_("No problems found.\n"));
      return 0;
    }

  g_print (guide_ngettext ("%u problem found.\n", "%u problems found.\n", n_problems), n_problems);
  return 1;
}

/**
 * guide_cli_reset_progress:
 * @file: the progress file
 *
 * Marks every step as not done in @file. A broken file is moved aside
 * first, as at any start.
 */
static int
guide_cli_reset_progress (GFile *file)
{
  g_autoptr(GuideProgress) progress = guide_progress_new (file);
  g_autoptr(GError) error = NULL;

  if (!guide_progress_load (progress, &error))
    {
      g_printerr ("%s\n", error->message);
      if (!guide_progress_get_writable (progress))
        return 1;
    }

  g_clear_error (&error);
  guide_progress_reset (progress);
  if (!guide_progress_save (progress, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/**
 * guide_cli_set_language:
 * @locked: whether the organisation has set the language
 *
 * Makes @language the user's choice, and goes on to start.
 */
static int
guide_cli_set_language (GSettings  *settings,
                        const char *language,
                        gboolean    locked)
{
  if (locked)
    {
      g_printerr (_("cpms-guide: the language is set by your organisation and cannot be changed\n"));
      return 2;
    }

  g_settings_set_string (settings, "language", language);
  g_settings_sync ();
  return -1;
}

/**
 * guide_cli_export_pdf:
 * @path: the PDF file to write
 * @library: the guides
 * @language: the handout's language
 * @progress_file: (nullable): the progress to show ticked, or %NULL for a
 *   blank handout
 *
 * Writes the handout, for trainers and rollout scripts: no window, no
 * display, and nothing of the user's settings changed.
 */
static int
guide_cli_export_pdf (const char   *path,
                      GuideLibrary *library,
                      const char   *language,
                      GFile        *progress_file)
{
  GuideBook *book = guide_library_get_book (library, language);
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GuideHandout) handout = NULL;
  g_autoptr(GError) error = NULL;

  if (progress_file != NULL)
    {
      /* Only read: a broken file is left for the app to move aside, and an
       * older one is brought up to date in memory only. */
      progress = guide_progress_new (progress_file);
      if (!guide_progress_load_read_only (progress, &error) || !guide_progress_upgrade (progress, book, &error))
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
        }
    }

  handout = guide_handout_new (book, progress, guide_library_get_site (library));
  if (!guide_handout_export_pdf (handout, path, &error))
    {
      g_printerr ("cpms-guide: %s\n", error->message);

      /* Inside Flatpak (which sets FLATPAK_ID) the app sees none of the
       * user's folders: one that exists on the desktop is missing or
       * read-only here, and only `flatpak run --filesystem` shares it. */
      if (g_getenv ("FLATPAK_ID") != NULL
          && (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
              || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
              || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)))
        {
          g_autofree char *absolute = g_canonicalize_filename (path, NULL);
          g_autofree char *folder = g_path_get_dirname (absolute);
          g_autofree char *quoted_folder = g_shell_quote (folder);
          g_autofree char *quoted_path = g_shell_quote (absolute);

          g_printerr (_("cpms-guide: the app runs in a Flatpak sandbox, which sees only the folders it is given. "
                        "To give it this one: flatpak run --filesystem=%s %s --export-pdf %s\n"),
                      quoted_folder, APPLICATION_ID, quoted_path);
        }
      return 1;
    }

  return 0;
}

int
guide_cli_handle_local_options (GApplication *application,
                                GVariantDict *options)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  const char *language = NULL;
  gboolean reset;

  self->options_parsed = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "progress-file", "^ay", &self->progress_path);

  if (g_variant_dict_lookup (options, "language", "&s", &language) && !guide_i18n_is_language (language))
    {
      g_printerr (_("cpms-guide: --language takes “fr”, “it” or “en”, not “%s”\n"), language);
      return 2;
    }

  /* What the window would show: the site's guide and pictures, and the
   * language the user or the organisation chose, which --language only
   * overrides for the handout here. Startup never runs after this. */
  if (g_variant_dict_contains (options, "export-pdf"))
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      g_variant_dict_lookup (options, "export-pdf", "^ay", &path);
      if (path == NULL || *path == '\0')
        {
          g_printerr (_("cpms-guide: --export-pdf needs the name of the PDF file to write\n"));
          return 2;
        }

      guide_application_open_site (self);
      if (!g_variant_dict_contains (options, "blank"))
        file = guide_application_get_progress_file (self);
      if (language == NULL)
        language = guide_application_get_effective_language (self);
      guide_i18n_set_language (language);

      return guide_cli_export_pdf (path, self->library, language, file);
    }

  if (g_variant_dict_contains (options, "blank"))
    {
      g_printerr (_("cpms-guide: --blank goes with --export-pdf\n"));
      return 2;
    }

  if (g_variant_dict_contains (options, "check-site"))
    return guide_cli_check_site (g_variant_dict_contains (options, "require-site"));

  /* A running app would undo a change made behind its back with its next
   * save: it is sent the command line instead (see command_line()). Another
   * progress file than the app's own is not its business. */
  reset = g_variant_dict_contains (options, "reset-progress");
  if ((reset || language != NULL) && self->progress_path == NULL && guide_cli_primary_running (application))
    return -1;

  if (language != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autoptr(GuideSite) site = guide_site_new ();
      int status = guide_cli_set_language (settings, language, guide_application_language_is_locked (settings, site));

      if (status >= 0)
        return status;
    }

  if (reset)
    {
      g_autoptr(GFile) file = guide_application_get_progress_file (self);

      return guide_cli_reset_progress (file);
    }

  return -1;
}

/* The command line of this process or, when the app already runs, of
 * another one, which waits for the status returned here. */
int
guide_cli_command_line (GApplication            *application,
                        GApplicationCommandLine *command_line)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  const char *language;

  if (g_variant_dict_lookup (options, "language", "&s", &language))
    {
      if (self->language_locked)
        {
          g_application_command_line_printerr (command_line, "%s",
                                               _("cpms-guide: the language is set by your organisation and cannot be changed\n"));
          return 2;
        }

      g_settings_set_string (self->settings, "language", language);
    }

  if (g_variant_dict_contains (options, "reset-progress"))
    {
      guide_progress_reset (self->progress);
      if (!guide_progress_save (self->progress, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return 1;
        }

      return 0;
    }

  if (g_variant_dict_contains (options, "presentation"))
    g_action_group_activate_action (G_ACTION_GROUP (application), "presentation", NULL);
  else
    g_application_activate (application);

  return 0;
}

/* GApplication's own messages, an unknown option's among them, said as the
 * app's others are: after its name. */
static void
print_prefixed (const char *message)
{
  if (g_str_has_prefix (message, "cpms-guide:"))
    fputs (message, stderr);
  else
    fprintf (stderr, "cpms-guide: %s", message);
}

/* GApplication answers a command line it cannot parse with status 1, before
 * it gets to the options; scripts are told 2, as for a bad value. */
gboolean
guide_cli_local_command_line (GApplication   *application,
                              char         ***arguments,
                              int            *exit_status)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  GPrintFunc printerr = g_set_printerr_handler (print_prefixed);
  gboolean handled = guide_application_parent_local_command_line (application, arguments, exit_status);

  g_set_printerr_handler (printerr);
  if (!handled)
    return FALSE;

  if (!self->options_parsed && *exit_status != 0)
    *exit_status = 2;

  return TRUE;
}

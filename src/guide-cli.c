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

/* The command line's options, and what it does without a window, for
 * rollout scripts and trainers: checking a site, resetting progress, writing
 * the handout. Each job returns the process's exit status: 0 when done, 1
 * when it failed. */

#include "guide-cli.h"
#include "guide-handout.h"
#include "guide-i18n.h"
#include "guide-uri.h"

/**
 * guide_cli_add_options:
 * @application: the application
 *
 * Adds the command line's options to @application, in the language of the
 * moment, for --help to show.
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
 * @application: the application, not yet registered
 *
 * Returns: whether the app already runs in this session: what changes its
 *   progress or its language must then go through it, the only writer
 */
gboolean
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
check_site_hosts (GuideSite *site)
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

/**
 * guide_cli_check_site:
 * @require_site: whether no settings of the organisation at all is a failure
 *
 * Prints what the app reads of the organisation's settings, then every
 * problem of its configuration, guide and pictures, one a line.
 *
 * Returns: 0, 1 when there is any problem, or 3 when @require_site and the
 *   organisation has no settings
 */
int
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
  check_site_hosts (site);

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
int
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
int
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

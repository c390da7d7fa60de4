/* guide-application.c
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

/* The application: it owns the settings, the user's progress, the guide in
 * the chosen language and its actions, and reads the command line, which a
 * running app is sent by a second one. Without a window, the command line
 * checks a site, resets progress or writes the handout, for rollout scripts
 * and trainers. */

#include "guide-adw-compat.h"
#include "guide-application.h"
#include "guide-handout.h"
#include "guide-i18n.h"
#include "guide-presentation.h"
#include "guide-screenshot.h"
#include "guide-uri.h"
#include "guide-window.h"

struct _GuideApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GuideSite      *site;
  GuideLibrary   *library;
  GuideProgress  *progress;
  char           *progress_path;
  char           *startup_message;
  const char     *language;
  gboolean        language_locked;
  gboolean        options_parsed;
};

G_DEFINE_FINAL_TYPE (GuideApplication, guide_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GFile *
get_progress_file (GuideApplication *self)
{
  if (self->progress_path != NULL)
    return g_file_new_for_commandline_arg (self->progress_path);

  return guide_progress_get_default_file ();
}

/* What the site sets, before any window: its guide, pictures and language. */
static void
open_site (GuideApplication *self)
{
  if (self->site != NULL)
    return;

  self->site = guide_site_new ();
  self->library = guide_library_new (self->site);
  guide_screenshot_set_site_folder (guide_site_get_folder (self->site));

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);
}

static gboolean
language_is_locked (GuideApplication *self)
{
  return !g_settings_is_writable (self->settings, "language") || guide_site_get_language_locked (self->site);
}

/* The organisation's lock wins; then the user's own choice; then the
 * organisation's default, from the settings' defaults (a vendor override or
 * a dconf system database) or else from the site file; then the desktop's. */
static const char *
get_effective_language (GuideApplication *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "language");
  g_autoptr(GVariant) user = g_settings_get_user_value (self->settings, "language");
  const char *site = guide_site_get_language (self->site);

  if (site != NULL && guide_site_get_language_locked (self->site))
    return g_intern_string (site);

  if (user == NULL && *setting == '\0' && site != NULL)
    return g_intern_string (site);

  return guide_i18n_resolve_language (setting);
}

static GuideWindow *
get_main_window (GuideApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GUIDE_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* The checklist follows; a presentation keeps its own language. */
static void
update_language (GuideApplication *self)
{
  const char *language = get_effective_language (self);
  GuideWindow *window = get_main_window (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");

  if (language == self->language)
    return;

  self->language = language;
  guide_i18n_set_language (language);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (language));

  if (window != NULL)
    guide_window_set_language (window, language);
}

static void
update_language_writable (GuideApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  GuideWindow *window = get_main_window (self);

  self->language_locked = language_is_locked (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !self->language_locked);

  if (window != NULL)
    guide_window_set_language_locked (window, self->language_locked);
}

/* Whether the app already runs in this session: what changes its progress
 * or its language must then go through it, the only writer. */
static gboolean
primary_running (GApplication *application)
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

/* Prints what the app reads of the organisation's settings, then every
 * problem of its configuration, guide and pictures, one a line; 3 when
 * @require_site and the organisation has no settings at all. */
static int
check_site (gboolean require_site)
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

/* Marks every step as not done. A broken file is moved aside first, as at
 * any start. */
static int
reset_progress (GuideApplication *self)
{
  g_autoptr(GFile) file = get_progress_file (self);
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

/* Writes the handout, with the user's ticks unless @blank: no window, no
 * display, no setting changed. */
static int
export_pdf (GuideApplication *self,
            const char       *path,
            const char       *language,
            gboolean          blank)
{
  GuideBook *book = guide_library_get_book (self->library, language);
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GuideHandout) handout = NULL;
  g_autoptr(GError) error = NULL;

  if (!blank)
    {
      g_autoptr(GFile) file = get_progress_file (self);

      /* Only read: a broken file is left for the app to move aside, and an
       * older one is brought up to date in memory only. */
      progress = guide_progress_new (file);
      if (!guide_progress_load_read_only (progress, &error) || !guide_progress_upgrade (progress, book, &error))
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
        }
    }

  handout = guide_handout_new (book, progress, self->site);
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
static gboolean
guide_application_local_command_line (GApplication   *application,
                                      char         ***arguments,
                                      int            *exit_status)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  GPrintFunc printerr = g_set_printerr_handler (print_prefixed);
  gboolean handled = G_APPLICATION_CLASS (guide_application_parent_class)->local_command_line (application, arguments, exit_status);

  g_set_printerr_handler (printerr);
  if (handled && !self->options_parsed && *exit_status != 0)
    *exit_status = 2;

  return handled;
}

/* Returns the process's exit status: 0 when done, 1 when it failed, 2 for
 * a wrong use; or -1 to go on and start. */
static int
guide_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  g_autofree char *path = NULL;
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
  if (g_variant_dict_lookup (options, "export-pdf", "^ay", &path))
    {
      if (*path == '\0')
        {
          g_printerr (_("cpms-guide: --export-pdf needs the name of the PDF file to write\n"));
          return 2;
        }

      open_site (self);
      if (language == NULL)
        language = get_effective_language (self);
      guide_i18n_set_language (language);

      return export_pdf (self, path, language, g_variant_dict_contains (options, "blank"));
    }

  if (g_variant_dict_contains (options, "blank"))
    {
      g_printerr (_("cpms-guide: --blank goes with --export-pdf\n"));
      return 2;
    }

  if (g_variant_dict_contains (options, "check-site"))
    return check_site (g_variant_dict_contains (options, "require-site"));

  /* A running app would undo a change made behind its back with its next
   * save: it is sent the command line instead (see command_line()). Another
   * progress file than the app's own is not its business. */
  reset = g_variant_dict_contains (options, "reset-progress");
  if ((reset || language != NULL) && self->progress_path == NULL && primary_running (application))
    return -1;

  if (language != NULL)
    {
      open_site (self);
      if (language_is_locked (self))
        {
          g_printerr (_("cpms-guide: the language is set by your organisation and cannot be changed\n"));
          return 2;
        }

      g_settings_set_string (self->settings, "language", language);
      g_settings_sync ();
    }

  if (reset)
    return reset_progress (self);

  return -1;
}

/* The command line of this process or, when the app already runs, of
 * another one, which waits for the status returned here. */
static int
guide_application_command_line (GApplication            *application,
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

static void
change_language (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  GuideApplication *self = GUIDE_APPLICATION (user_data);

  g_settings_set_string (self->settings, "language", g_variant_get_string (value, NULL));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *application = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Closing the windows lets each one save its size. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (windows->data);
      windows = next;
    }

  g_application_quit (application);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The CPMS Access Guide authors", NULL };
  const char *translators = _("translator-credits");

  /* The translations are the project's own, credited as such in each
   * catalogue; a language without one shows no placeholder. */
  if (g_str_equal (translators, "translator-credits"))
    translators = NULL;

  adw_show_about_dialog (GTK_WIDGET (gtk_application_get_active_window (application)),
                         "application-name", _("CPMS Access Guide"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", "The CPMS Access Guide authors",
                         "version", PACKAGE_VERSION,
                         "comments", _("Get access to the CPMS as a guest of ERN ReCONNET, step by step."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The CPMS Access Guide authors",
                         "translator-credits", translators,
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_WEBSITE "/issues",
                         NULL);
}

/* Leaving the presentation brings back the checklist, built only now when
 * the app was started in presentation mode: a workshop that never leaves it
 * never pays for it. */
static void
presentation_closed_cb (GuideApplication *self)
{
  GuideWindow *window = get_main_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else
    g_application_activate (G_APPLICATION (self));
}

static void
presentation_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GuideApplication *self = GUIDE_APPLICATION (user_data);
  GtkWidget *presentation = guide_presentation_new (GTK_APPLICATION (self), self->library, self->language);

  g_signal_connect_object (presentation, "destroy", G_CALLBACK (presentation_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (presentation));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "presentation", presentation_activated },
  { "about", about_activated },
  { "language", NULL, "s", "'fr'", change_language },
};

/* A site's problems go to the system log, and the user is told once; a site
 * file that cannot be read at all has the window's banner instead. */
static void
report_site_problems (GuideApplication *self)
{
  GPtrArray *problems = guide_site_get_problems (self->site);

  for (guint i = 0; i < problems->len; i++)
    g_warning ("%s", (char *) g_ptr_array_index (problems, i));
  if (problems->len > (guide_site_get_file_unreadable (self->site) ? 1 : 0))
    self->startup_message = g_strdup (_("Your organisation’s settings for this app have problems, so some of them are not used. The details are in the system log."));
}

static void
guide_application_startup (GApplication *application)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *presentation_accels[] = { "F5", NULL };
  g_autoptr(GFile) file = get_progress_file (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_window_set_default_icon_name (APPLICATION_ID);
  G_APPLICATION_CLASS (guide_application_parent_class)->startup (application);

  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  open_site (self);
  report_site_problems (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.presentation", presentation_accels);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed::language",
                           G_CALLBACK (update_language_writable), self, G_CONNECT_SWAPPED);
  update_language (self);
  update_language_writable (self);

  self->progress = guide_progress_new (file);
  if (!guide_progress_load (self->progress, &error) ||
      !guide_progress_upgrade (self->progress, guide_application_get_book (self), &error))
    {
      g_warning ("%s", error->message);
      g_free (self->startup_message);
      self->startup_message = g_strdup (error->message);
    }
}

static void
guide_application_activate (GApplication *application)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  GuideWindow *window = get_main_window (self);

  if (window == NULL)
    {
      window = guide_window_new (GTK_APPLICATION (self), self->library, self->progress,
                                 self->settings, self->language);
      guide_window_set_language_locked (window, self->language_locked);
    }

  gtk_window_present (GTK_WINDOW (window));

  if (self->startup_message != NULL)
    {
      guide_window_add_toast (window, self->startup_message);
      g_clear_pointer (&self->startup_message, g_free);
    }
}

/* Before the process ends, the save in flight is waited for and what was
 * ticked since is written. */
static void
guide_application_shutdown (GApplication *application)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->progress != NULL && !guide_progress_save (self->progress, &error))
    g_warning ("Your progress could not be saved: %s", error->message);

  G_APPLICATION_CLASS (guide_application_parent_class)->shutdown (application);
}

static void
guide_application_dispose (GObject *object)
{
  GuideApplication *self = (GuideApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->site);
  g_clear_object (&self->library);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (guide_application_parent_class)->dispose (object);
}

static void
guide_application_finalize (GObject *object)
{
  GuideApplication *self = (GuideApplication *)object;

  g_free (self->startup_message);
  g_free (self->progress_path);

  G_OBJECT_CLASS (guide_application_parent_class)->finalize (object);
}

static void
guide_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GuideApplication *self = GUIDE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_application_class_init (GuideApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = guide_application_dispose;
  object_class->finalize = guide_application_finalize;
  object_class->set_property = guide_application_set_property;

  application_class->local_command_line = guide_application_local_command_line;
  application_class->handle_local_options = guide_application_handle_local_options;
  application_class->command_line = guide_application_command_line;
  application_class->startup = guide_application_startup;
  application_class->activate = guide_application_activate;
  application_class->shutdown = guide_application_shutdown;

  /* The settings, from a backend of the caller's choice; by default, the
   * schema's from the default backend. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
guide_application_init (GuideApplication *self)
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
  const char *desktop = guide_i18n_get_desktop_language ();

  /* --help and the command line's messages speak the desktop's language
   * when it is one of the guide's. */
  if (desktop != NULL)
    guide_i18n_set_language (desktop);

  /* GOption would look them up through textdomain(), which the app never
   * sets (see guide-i18n.c). */
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      translated[i] = options[i];
      if (options[i].description != NULL)
        translated[i].description = _(options[i].description);
      if (options[i].arg_description != NULL)
        translated[i].arg_description = _(options[i].arg_description);
    }

  g_application_add_main_option_entries (G_APPLICATION (self), translated);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A step-by-step guide to getting access to the CPMS, the Clinical Patient Management System of the European Reference Networks, as a guest of ERN ReCONNET."));
}

GuideApplication *
guide_application_new (void)
{
  /* GTK reads the icon theme on a thread as it starts. A folder added to the
   * theme meanwhile (GtkApplication adds one under the resource base path,
   * which the app leaves unset: startup() loads its style sheet) or the app's
   * icon looked up in it (startup() names it first) would have the main
   * thread read it all again before the first frame. */
  return g_object_new (GUIDE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", NULL,
                       NULL);
}

const char *
guide_application_get_language (GuideApplication *self)
{
  return self->language;
}

GuideBook *
guide_application_get_book (GuideApplication *self)
{
  return guide_library_get_book (self->library, self->language);
}

GuideLibrary *
guide_application_get_library (GuideApplication *self)
{
  return self->library;
}

GuideProgress *
guide_application_get_progress (GuideApplication *self)
{
  return self->progress;
}

GSettings *
guide_application_get_settings (GuideApplication *self)
{
  return self->settings;
}

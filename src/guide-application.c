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

/* The application: it owns the settings, the user's progress and the guide
 * in the chosen language, and tells its windows when the language changes. */

#include "guide-application-private.h"
#include "guide-adw-compat.h"
#if GUIDE_BENCHMARK
#include "guide-benchmark.h"
#endif
#include "guide-cli.h"
#include "guide-i18n.h"
#include "guide-presentation.h"
#include "guide-screenshot.h"
#include "guide-window.h"

G_DEFINE_FINAL_TYPE (GuideApplication, guide_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_LANGUAGE_LOCKED,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the organisation set the language, in the settings or the site file. */
gboolean
guide_application_language_is_locked (GSettings *settings,
                                      GuideSite *site)
{
  return !g_settings_is_writable (settings, "language") || guide_site_get_language_locked (site);
}

/* The organisation's lock wins; then the user's own choice; then the
 * organisation's default, from the settings' defaults (a vendor override or
 * a dconf system database) or else from the site file; then the desktop's. */
const char *
guide_application_get_effective_language (GuideApplication *self)
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

static void
update_language (GuideApplication *self)
{
  const char *language = guide_application_get_effective_language (self);
  GAction *action;

  if (language == self->language)
    return;

  self->language = language;
  guide_i18n_set_language (language);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (language));

  /* The checklist follows; a presentation keeps its own language. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GUIDE_IS_WINDOW (l->data))
      guide_window_set_language (l->data, language);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
update_language_writable (GuideApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  gboolean locked = guide_application_language_is_locked (self->settings, self->site);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !locked);

  if (locked != self->language_locked)
    {
      self->language_locked = locked;

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        if (GUIDE_IS_WINDOW (l->data))
          guide_window_set_language_locked (l->data, locked);

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE_LOCKED]);
    }
}

static void
language_setting_changed_cb (GuideApplication *self)
{
  update_language (self);
}

static void
language_writable_changed_cb (GuideApplication *self)
{
  update_language_writable (self);
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

static GtkWindow *
main_window (GuideApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GUIDE_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Leaving the presentation brings back the checklist, built only now when
 * the app was started in presentation mode: a workshop that never leaves it
 * never pays for it. */
static void
presentation_closed_cb (GuideApplication *self)
{
  GtkWindow *window = main_window (self);

  if (window != NULL)
    gtk_window_present (window);
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
#if GUIDE_BENCHMARK
  guide_benchmark_start (GTK_WINDOW (presentation), self->progress);
#endif
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "presentation", presentation_activated },
  { "about", about_activated },
  { "language", NULL, "s", "'fr'", change_language },
};

GFile *
guide_application_get_progress_file (GuideApplication *self)
{
  if (self->progress_path != NULL)
    return g_file_new_for_commandline_arg (self->progress_path);

  return guide_progress_get_default_file ();
}

/* What the site sets, before any window: its guide, pictures and language. */
void
guide_application_open_site (GuideApplication *self)
{
  self->site = guide_site_new ();
  self->library = guide_library_new (self->site);
  guide_screenshot_set_site_folder (guide_site_get_folder (self->site));

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);
}

/* GApplication's own parsing, for the command line's. */
gboolean
guide_application_parent_local_command_line (GApplication   *application,
                                             char         ***arguments,
                                             int            *exit_status)
{
  return G_APPLICATION_CLASS (guide_application_parent_class)->local_command_line (application, arguments, exit_status);
}

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
  g_autoptr(GFile) file = guide_application_get_progress_file (self);
  g_autoptr(GError) error = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *presentation_accels[] = { "F5", NULL };

  G_APPLICATION_CLASS (guide_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.presentation", presentation_accels);

  guide_application_open_site (self);
  report_site_problems (self);

  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (language_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed::language",
                           G_CALLBACK (language_writable_changed_cb), self, G_CONNECT_SWAPPED);
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
  GtkWindow *window = main_window (self);

  if (window == NULL)
    {
      window = GTK_WINDOW (guide_window_new (GTK_APPLICATION (self), self->library, self->progress,
                                             self->settings, self->language));
      guide_window_set_language_locked (GUIDE_WINDOW (window), self->language_locked);
    }

  gtk_window_present (window);
#if GUIDE_BENCHMARK
  guide_benchmark_start (window, self->progress);
#endif

  if (self->startup_message != NULL)
    {
      guide_window_add_toast (GUIDE_WINDOW (window), self->startup_message);
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
guide_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GuideApplication *self = GUIDE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_LANGUAGE_LOCKED:
      g_value_set_boolean (value, self->language_locked);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = guide_application_get_property;
  object_class->set_property = guide_application_set_property;

  application_class->local_command_line = guide_cli_local_command_line;
  application_class->handle_local_options = guide_cli_handle_local_options;
  application_class->command_line = guide_cli_command_line;
  application_class->startup = guide_application_startup;
  application_class->activate = guide_application_activate;
  application_class->shutdown = guide_application_shutdown;

  /**
   * GuideApplication:language:
   *
   * The language the guide is shown in: "fr", "it" or "en".
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideApplication:language-locked:
   *
   * Whether the organisation has set the language, so that it cannot be
   * changed here.
   */
  properties[PROP_LANGUAGE_LOCKED] =
    g_param_spec_boolean ("language-locked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideApplication:settings:
   *
   * The settings to use, from a backend of the caller's choice; by default,
   * the schema's settings from the default backend.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
guide_application_init (GuideApplication *self)
{
  /* --help and the command line's messages speak the desktop's language
   * when it is one of the guide's. */
  const char *desktop = guide_i18n_get_desktop_language ();

  if (desktop != NULL)
    guide_i18n_set_language (desktop);

  guide_cli_add_options (G_APPLICATION (self));
}

GuideApplication *
guide_application_new (void)
{
  return g_object_new (GUIDE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

const char *
guide_application_get_language (GuideApplication *self)
{
  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), NULL);

  return self->language;
}

/**
 * guide_application_get_book:
 *
 * Returns: (transfer none): the guide in the current language
 */
GuideBook *
guide_application_get_book (GuideApplication *self)
{
  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), NULL);

  return guide_library_get_book (self->library, self->language);
}

/**
 * guide_application_get_library:
 *
 * Returns: (transfer none): the guides, one per language
 */
GuideLibrary *
guide_application_get_library (GuideApplication *self)
{
  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), NULL);

  return self->library;
}

/**
 * guide_application_get_progress:
 *
 * Returns: (transfer none): the user's progress
 */
GuideProgress *
guide_application_get_progress (GuideApplication *self)
{
  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), NULL);

  return self->progress;
}

/**
 * guide_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
guide_application_get_settings (GuideApplication *self)
{
  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), NULL);

  return self->settings;
}

gboolean
guide_application_get_language_locked (GuideApplication *self)
{
  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), FALSE);

  return self->language_locked;
}

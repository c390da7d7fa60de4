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

#include "guide-application.h"
#include "guide-i18n.h"
#include "guide-presentation.h"
#include "guide-window.h"

struct _GuideApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GuideProgress  *progress;
  GHashTable     *books;
  char           *startup_message;
  const char     *language;
};

G_DEFINE_FINAL_TYPE (GuideApplication, guide_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_language (GuideApplication *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "language");
  const char *language = guide_i18n_resolve_language (setting);
  GAction *action;

  if (language == self->language)
    return;

  self->language = language;
  guide_i18n_set_language (language);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (language));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
update_language_writable (GuideApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               g_settings_is_writable (self->settings, "language"));
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

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("CPMS Access Guide"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", "The CPMS Access Guide authors",
                         "version", PACKAGE_VERSION,
                         "comments", _("Get access to the CPMS as a guest of ERN ReCONNET, step by step."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The CPMS Access Guide authors",
                         "translator-credits", _("translator-credits"),
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

static void
presentation_closed_cb (GuideApplication *self)
{
  GtkWindow *window = main_window (self);

  if (window != NULL)
    gtk_window_present (window);
}

static void
presentation_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GuideApplication *self = GUIDE_APPLICATION (user_data);
  GtkWidget *presentation;

  /* The checklist stays underneath, as it was, to come back to. */
  if (main_window (self) == NULL)
    g_application_activate (G_APPLICATION (self));

  presentation = guide_presentation_new (self);
  g_signal_connect_object (presentation, "destroy", G_CALLBACK (presentation_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (presentation));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "presentation", presentation_activated },
  { "about", about_activated },
  { "language", NULL, "s", "'fr'", change_language },
};

static int
guide_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "presentation"))
    return -1;

  /* Also when the app is already running: the action is sent to it. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (application), "presentation", NULL);
  return 0;
}

static void
guide_application_startup (GApplication *application)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  g_autoptr(GFile) file = guide_progress_get_default_file ();
  g_autoptr(GError) error = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *presentation_accels[] = { "F5", NULL };

  G_APPLICATION_CLASS (guide_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.presentation", presentation_accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (language_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed::language",
                           G_CALLBACK (language_writable_changed_cb), self, G_CONNECT_SWAPPED);
  update_language (self);
  update_language_writable (self);

  self->progress = guide_progress_new (file);
  if (!guide_progress_load (self->progress, &error))
    {
      g_warning ("%s", error->message);
      self->startup_message = g_strdup (error->message);
    }
}

static void
guide_application_activate (GApplication *application)
{
  GuideApplication *self = GUIDE_APPLICATION (application);
  GtkWindow *window = main_window (self);

  if (window == NULL)
    window = GTK_WINDOW (guide_window_new (self));

  gtk_window_present (window);

  if (self->startup_message != NULL)
    {
      guide_window_add_toast (GUIDE_WINDOW (window), self->startup_message);
      g_clear_pointer (&self->startup_message, g_free);
    }
}

static void
guide_application_dispose (GObject *object)
{
  GuideApplication *self = (GuideApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->progress);
  g_clear_pointer (&self->books, g_hash_table_unref);

  G_OBJECT_CLASS (guide_application_parent_class)->dispose (object);
}

static void
guide_application_finalize (GObject *object)
{
  GuideApplication *self = (GuideApplication *)object;

  g_free (self->startup_message);

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

  application_class->handle_local_options = guide_application_handle_local_options;
  application_class->startup = guide_application_startup;
  application_class->activate = guide_application_activate;

  /**
   * GuideApplication:language:
   *
   * The language the guide is shown in: "fr" or "it".
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
guide_application_init (GuideApplication *self)
{
  static const GOptionEntry options[] = {
    { "presentation", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start in presentation mode, for workshops"), NULL },
    { NULL }
  };

  self->books = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

GuideApplication *
guide_application_new (void)
{
  return g_object_new (GUIDE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
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
 * Returns: (transfer none): the guide in the current language, read the
 *   first time it is asked for
 */
GuideBook *
guide_application_get_book (GuideApplication *self)
{
  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), NULL);

  return guide_application_get_book_for_language (self, self->language);
}

/**
 * guide_application_get_book_for_language:
 * @language: "fr" or "it"
 *
 * Returns: (transfer none): the guide in @language, read the first time it
 *   is asked for
 */
GuideBook *
guide_application_get_book_for_language (GuideApplication *self,
                                         const char       *language)
{
  GuideBook *book;

  g_return_val_if_fail (GUIDE_IS_APPLICATION (self), NULL);

  language = g_intern_string (language);
  book = g_hash_table_lookup (self->books, language);
  if (book == NULL)
    {
      book = guide_book_new_for_language (language);
      g_hash_table_insert (self->books, (gpointer) language, book);
    }

  return book;
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

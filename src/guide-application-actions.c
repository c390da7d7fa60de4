/* guide-application-actions.c
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

/* The application's actions: quit, about, the presentation, and the
 * language, whose state follows the settings and the organisation's lock. */

#include "guide-adw-compat.h"
#include "guide-application-private.h"
#include "guide-i18n.h"
#include "guide-presentation.h"
#include "guide-window.h"

/* Whether the organisation set the language, in the settings or the site file. */
gboolean
_guide_application_language_is_locked (GSettings *settings,
                                       GuideSite *site)
{
  return !g_settings_is_writable (settings, "language") || guide_site_get_language_locked (site);
}

/* The organisation's lock wins; then the user's own choice; then the
 * organisation's default, from the settings' defaults (a vendor override or
 * a dconf system database) or else from the site file; then the desktop's. */
const char *
_guide_application_get_effective_language (GuideApplication *self)
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
  const char *language = _guide_application_get_effective_language (self);
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
}

static void
update_language_writable (GuideApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  gboolean locked = _guide_application_language_is_locked (self->settings, self->site);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !locked);

  if (locked != self->language_locked)
    {
      self->language_locked = locked;

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        if (GUIDE_IS_WINDOW (l->data))
          guide_window_set_language_locked (l->data, locked);
    }
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
  GtkWindow *window = _guide_application_get_main_window (self);

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
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "presentation", presentation_activated },
  { "about", about_activated },
  { "language", NULL, "s", "'fr'", change_language },
};

/* Called at startup, once the settings and the site are open. */
void
_guide_application_actions_init (GuideApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *presentation_accels[] = { "F5", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.presentation", presentation_accels);

  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed::language",
                           G_CALLBACK (update_language_writable), self, G_CONNECT_SWAPPED);
  update_language (self);
  update_language_writable (self);
}

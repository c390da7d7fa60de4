/* guide-window-language.c
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

/* The checklist window's language: the guide and the interface shown in
 * it, switched in place, and the language buttons and menu. */

#include "guide-i18n.h"
#include "guide-window-private.h"

/* The language buttons say, when the organisation has set the language,
 * why they cannot be used. */
static void
update_language_lock (GuideWindow *self)
{
  gboolean locked = self->language_locked;

  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->language_box));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
      const char *language = g_variant_get_string (target, NULL);
      /* Each language's name in itself, for whoever needs to find theirs. */
      const char *name = g_str_equal (language, "it") ? "Italiano" :
                         g_str_equal (language, "en") ? "English" : "Français";

      gtk_widget_set_tooltip_text (button, locked ? _("Set by your organisation") : name);
    }
}

/* The menu is translated when it is opened: building a menu's widgets costs
 * more than all the rest of a switch of language. */
void
guide_window_create_menu_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  GuideWindow *self = GUIDE_WINDOW (user_data);
  const char *language = guide_i18n_get_language ();
  g_autoptr(GMenuModel) menu = NULL;

  if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "guide-language"), language) == 0)
    return;

  menu = guide_i18n_translate_menu (self->primary_menu);
  gtk_menu_button_set_menu_model (button, menu);
  g_object_set_data (G_OBJECT (button), "guide-language", (gpointer) g_intern_string (language));
}

/* Shows everything in the window's language, in place. */
void
guide_window_load_language (GuideWindow *self)
{
  g_set_object (&self->book, guide_library_get_book (self->library, self->language));

  guide_i18n_translate_widget (GTK_WIDGET (self));

  guide_contacts_popover_set_guide (self->contacts_popover, self->book, guide_library_get_site (self->library));
  update_language_lock (self);
  guide_stage_page_show_stage (self->stage_page, self->book, self->stage_index);
  guide_window_update_progress (self);
}

/**
 * guide_window_set_language:
 * @language: "fr", "it" or "en"
 *
 * Shows the guide in @language, in place: the same stage, the same step,
 * the same progress.
 */
void
guide_window_set_language (GuideWindow *self,
                           const char  *language)
{
  g_return_if_fail (GUIDE_IS_WINDOW (self));

  language = g_intern_string (language);
  if (language == self->language)
    return;

  self->language = language;
  /* Once the window is built; before, it is built in @language. */
  if (self->book != NULL)
    guide_window_load_language (self);

  g_object_notify (G_OBJECT (self), "language");
}

/**
 * guide_window_set_language_locked:
 * @locked: whether the organisation has set the language
 *
 * Makes the language buttons say why they cannot be used.
 */
void
guide_window_set_language_locked (GuideWindow *self,
                                  gboolean     locked)
{
  g_return_if_fail (GUIDE_IS_WINDOW (self));

  if (self->language_locked == locked)
    return;

  self->language_locked = locked;
  if (self->book != NULL)
    update_language_lock (self);

  g_object_notify (G_OBJECT (self), "language-locked");
}

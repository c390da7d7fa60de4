/* guide-window-actions.c
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

/* What the checklist window does when asked, from its buttons, menus and
 * keys: open or copy an address, move between stages, continue where the
 * user left off, reset, print, change the text size. */

#include <math.h>

#include "guide-adw-compat.h"
#include "guide-handout.h"
#include "guide-i18n.h"
#include "guide-sources-window.h"
#include "guide-uri.h"
#include "guide-window-private.h"

#define ZOOM_STEP 0.1

static void
apply_zoom (GuideWindow *self)
{
  double zoom = g_settings_get_double (self->settings, "zoom");
  g_autofree char *css = g_strdup_printf ("window.checklist { font-size: %d%%; }", (int) round (zoom * 100));

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->zoom_provider, css);
#else
  gtk_css_provider_load_from_data (self->zoom_provider, css, -1);
#endif
  guide_stage_page_set_zoom (self->stage_page, zoom);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < 2.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > 0.5);
}

/* The menu is translated when it is opened: building a menu's widgets costs
 * more than all the rest of a switch of language. */
static void
create_menu_cb (GtkMenuButton *button,
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

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GuideWindow *self = GUIDE_WINDOW (source);
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (guide_uri_launch_finish (result, &error))
    return;

  g_warning ("Could not open %s: %s", uri, error->message);

  /* The address can still be pasted where the user wants it. */
  display = guide_uri_get_display (uri);
  escaped = g_markup_escape_text (display, -1);
  toast = adw_toast_new_format (_("Could not open %s"), escaped);
  adw_toast_set_button_label (toast, _("Copy"));
  adw_toast_set_action_name (toast, "win.copy-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!guide_library_is_allowed (self->library, uri))
    {
      g_warning ("Refused to open %s: not one of the official addresses", uri);
      guide_window_add_toast (self, _("This address is not one of the guide’s official addresses, so it was not opened."));
      return;
    }

  guide_uri_launch (GTK_WINDOW (self), uri, launch_done_cb, g_strdup (uri));
}

/* Opens the mail client on the message a step prepares, in the language of
 * the guide shown. */
static void
write_mail_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);
  GuideStep *step = guide_book_find_step (self->book, g_variant_get_string (parameter, NULL), NULL, NULL);
  g_autofree char *mail = NULL;

  if (step == NULL || step->mail_subject == NULL || !guide_library_is_allowed (self->library, step->uri))
    {
      g_warning ("Refused to prepare a message for step %s", g_variant_get_string (parameter, NULL));
      return;
    }

  mail = guide_uri_build_mail (step->uri, step->mail_subject, step->mail_body);
  /* Should it fail, the address alone is what the user can copy. */
  guide_uri_launch (GTK_WINDOW (self), mail, launch_done_cb, g_strdup (step->uri));
}

static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GuideSourcesWindow *sources = guide_sources_window_new (GTK_WINDOW (widget), GUIDE_WINDOW (widget)->book);

  gtk_window_present (GTK_WINDOW (sources));
}

static void
copy_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autofree char *display = guide_uri_get_display (g_variant_get_string (parameter, NULL));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), display);
  guide_window_add_toast (GUIDE_WINDOW (widget), _("Address copied"));
}

/* win.previous-stage and win.next-stage. */
static void
move_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);
  int step = g_str_equal (action_name, "win.next-stage") ? 1 : -1;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->stage_list, (int) self->stage_index + step);

  if (row != NULL)
    gtk_list_box_select_row (self->stage_list, row);
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);
  GPtrArray *stages = guide_book_get_stages (self->book);

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      for (guint j = 0; j < stage->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (stage->steps, j);

          if (!guide_progress_is_done (self->progress, step->id))
            {
              _guide_window_show_stage (self, i, step->id, TRUE);
              _guide_window_show_content (self, TRUE);
              guide_progress_set_current (self->progress, stage->id, step->id);
              return;
            }
        }
    }
}

static void
reset_response_cb (GuideWindow *self,
                   const char  *response)
{
  if (g_strcmp0 (response, "reset") != 0)
    return;

  guide_progress_reset (self->progress);
  _guide_window_show_stage (self, 0, NULL, FALSE);
}

static void
reset_progress_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Reset Progress?"),
                                                                   _("Every step will be marked as not done. This cannot be undone.")));

  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "reset", _("_Reset"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), widget, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

/* win.zoom-in, win.zoom-out and win.zoom-reset. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GSettings *settings = GUIDE_WINDOW (widget)->settings;
  double step = g_str_equal (action_name, "win.zoom-in") ? ZOOM_STEP : -ZOOM_STEP;
  double zoom = g_settings_get_double (settings, "zoom") + step;

  if (g_str_equal (action_name, "win.zoom-reset"))
    g_settings_reset (settings, "zoom");
  else
    g_settings_set_double (settings, "zoom", CLAMP (round (zoom * 10) / 10, 0.5, 2.0));
}

static void
show_save_error_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", g_variant_get_string (parameter, NULL),
                                           _("What you tick stays ticked while the app is open, and is saved with your next change once the disk can be written to again."));
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Your Progress Could Not Be Saved"), body));

  adw_alert_dialog_add_response (dialog, "close", _("_Close"));
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
show_contacts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_menu_button_popup (GUIDE_WINDOW (widget)->contacts_button);
}

static void
print_failed (GuideWindow  *self,
              const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("The guide could not be printed: %s"), error->message);

  g_warning ("%s", message);
  guide_window_add_toast (self, message);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GuideWindow             *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&self->page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      print_failed (self, error);
    }

  g_clear_object (&self->print_operation);
}

/* The whole guide in the window's language, with the user's ticks. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);
  g_autoptr(GuideHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* One print dialog at a time. */
  if (self->print_operation != NULL)
    return;

  handout = guide_handout_new (self->book, self->progress, guide_library_get_site (self->library));
  self->print_operation = guide_handout_create_print_operation (handout);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (self->print_operation, self->print_settings);
  if (self->page_setup != NULL)
    gtk_print_operation_set_default_page_setup (self->print_operation, self->page_setup);

  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);

  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* Unless the operation already said so when it was done. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation != NULL)
    print_failed (self, error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_clear_object (&self->print_operation);
}

/* The keyboard shortcuts, in the interface's language: in a dialog inside
 * the window from libadwaita 1.8, in a window of their own before. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/guide-shortcuts.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts"));

  guide_i18n_translate_builder (builder);
#if ADW_CHECK_VERSION (1, 8, 0)
  adw_dialog_present (ADW_DIALOG (shortcuts), widget);
#else
  gtk_window_set_transient_for (GTK_WINDOW (shortcuts), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (shortcuts));
#endif
}

/* What the actions need from the window once it is built: the text size
 * it opens at, and the menu. */
void
_guide_window_actions_init (GuideWindow *self)
{
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  self->zoom_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->zoom_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  apply_zoom (self);
  g_signal_connect_object (self->settings, "changed::zoom", G_CALLBACK (apply_zoom), self, G_CONNECT_SWAPPED);
}

void
_guide_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.write-mail", "s", write_mail_action);
  gtk_widget_class_install_action (widget_class, "win.copy-uri", "s", copy_uri_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.previous-stage", NULL, move_stage_action);
  gtk_widget_class_install_action (widget_class, "win.next-stage", NULL, move_stage_action);
  gtk_widget_class_install_action (widget_class, "win.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "win.reset-progress", NULL, reset_progress_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-contacts", NULL, show_contacts_action);
  gtk_widget_class_install_action (widget_class, "win.show-save-error", "s", show_save_error_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "win.continue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.show-contacts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
}

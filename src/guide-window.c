/* guide-window.c
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

/* The main window: the stages in a sidebar that folds away on narrow
 * screens, the selected stage with its steps, overall progress in the header,
 * and the helpdesk contacts one click away from every stage. */

#include <math.h>

#include "guide-contacts-popover.h"
#include "guide-i18n.h"
#include "guide-handout.h"
#include "guide-stage-page.h"
#include "guide-stage-row.h"
#include "guide-uri.h"
#include "guide-window.h"

/* The widths of the list of stages and of the stage, in guide-window.ui. */
#define SIDEBAR_WIDTH 270
#define CONTENT_WIDTH 360

#define ZOOM_STEP 0.1

struct _GuideWindow
{
  AdwApplicationWindow  parent_instance;

  GuideLibrary         *library;
  GuideProgress        *progress;
  GSettings            *settings;
  const char           *language;
  gboolean              language_locked;
  GuideBook            *book;
  guint                 stage_index;
  GtkCssProvider       *zoom_provider;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *stage_list;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *short_title;
  GtkMenuButton        *menu_button;
  GtkMenuButton        *contacts_button;
  GuideContactsPopover *contacts_popover;
  GtkBox               *language_box;
  GtkProgressBar       *overall_progress;
  GtkRevealer          *waiting_revealer;
  GtkLabel             *waiting_label;
  GtkRevealer          *site_revealer;
  GuideStagePage       *stage_page;
  GMenuModel           *primary_menu;

  /* The printer and paper chosen last, offered again at the next print. */
  GtkPrintSettings     *print_settings;
  GtkPageSetup         *page_setup;
  GtkPrintOperation    *print_operation;
};

G_DEFINE_FINAL_TYPE (GuideWindow, guide_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_PROGRESS,
  PROP_SETTINGS,
  PROP_LANGUAGE,
  PROP_LANGUAGE_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_waiting (GuideWindow *self)
{
  GPtrArray *addresses = guide_book_get_addresses (self->book);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 days = guide_progress_get_days_waiting (self->progress, self->book, now);
  g_autofree char *when = NULL;
  g_autofree char *helpdesk = NULL;
  g_autofree char *text = NULL;

  if (days < 0)
    {
      gtk_revealer_set_reveal_child (self->waiting_revealer, FALSE);
      return;
    }

  if (days == 0)
    when = g_strdup (_("You submitted your access request today."));
  else
    when = g_strdup_printf (guide_ngettext ("You submitted your access request %u day ago.",
                                            "You submitted your access request %u days ago.",
                                            days),
                            (guint) days);

  helpdesk = guide_uri_get_display (((GuideAddress *) g_ptr_array_index (addresses, 0))->uri);
  text = g_strdup_printf (_("%s Approval is manual and can take a few days; you will get an e-mail when it is done. If you have questions, write to the helpdesk at %s."),
                          when, helpdesk);

  guide_uri_label_set_text (self->waiting_label, text);
  gtk_revealer_set_reveal_child (self->waiting_revealer, TRUE);
}

static void
update_progress (GuideWindow *self)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  guint n_steps = guide_book_get_n_steps (self->book);
  guint n_done = 0;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->stage_list));

  for (guint i = 0; i < stages->len; i++, row = gtk_widget_get_next_sibling (row))
    {
      GuideStage *stage = g_ptr_array_index (stages, i);
      guint stage_done = guide_progress_count_done (self->progress, self->book, stage);

      guide_stage_row_update (GUIDE_STAGE_ROW (row), stage->title, stage_done, stage->steps->len);
      n_done += stage_done;
    }

  subtitle = g_strdup_printf (guide_ngettext ("%u of %u step done", "%u of %u steps done", n_done),
                              n_done, n_steps);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_window_title_set_subtitle (self->short_title, subtitle);
  gtk_progress_bar_set_fraction (self->overall_progress, (double) n_done / n_steps);

  guide_stage_page_update_progress (self->stage_page, self->progress);
  update_waiting (self);
}

static void
update_navigation (GuideWindow *self)
{
  guint n_stages = guide_book_get_stages (self->book)->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-stage", self->stage_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-stage", self->stage_index + 1 < n_stages);
}

/* Shows a stage, with @step_id selected (and focused, when @focus). */
static void
show_stage (GuideWindow *self,
            guint        index,
            const char  *step_id,
            gboolean     focus)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->stage_list, index);

  self->stage_index = index;

  /* Selecting the row comes back through stage_selected_cb(). */
  if (gtk_list_box_get_selected_row (self->stage_list) != row)
    gtk_list_box_select_row (self->stage_list, row);

  guide_stage_page_show_stage (self->stage_page, self->book, index);
  guide_stage_page_update_progress (self->stage_page, self->progress);
  guide_stage_page_select_step (self->stage_page, step_id, focus);
  update_navigation (self);
}

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

/* Narrow, as on a phone, the language buttons give way to the title: the
 * main menu has the languages too. */
static void
folded_cb (GuideWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->language_box), !adw_leaflet_get_folded (self->leaflet));
}

/* Shows everything in the window's language, in place. */
static void
load_language (GuideWindow *self)
{
  g_set_object (&self->book, guide_library_get_book (self->library, self->language));

  guide_i18n_translate_widget (GTK_WIDGET (self));

  guide_contacts_popover_set_guide (self->contacts_popover, self->book, guide_library_get_site (self->library));
  update_language_lock (self);
  guide_stage_page_show_stage (self->stage_page, self->book, self->stage_index);
  update_progress (self);
}

/* Text size, from the “zoom” setting. */
static void
apply_zoom (GuideWindow *self)
{
  double zoom = g_settings_get_double (self->settings, "zoom");
  g_autofree char *css = NULL;

  css = g_strdup_printf ("window.checklist { font-size: %d%%; }", (int) round (zoom * 100));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->zoom_provider, css);
#else
  gtk_css_provider_load_from_data (self->zoom_provider, css, -1);
#endif
  guide_stage_page_set_zoom (self->stage_page, zoom);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < 2.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > 0.5);
}

static void
zoom_changed_cb (GuideWindow *self)
{
  apply_zoom (self);
}

static void
zoom_by (GuideWindow *self,
         double       step)
{
  double zoom = g_settings_get_double (self->settings, "zoom");

  g_settings_set_double (self->settings, "zoom", CLAMP (round ((zoom + step) * 10) / 10, 0.5, 2.0));
}

static void
progress_changed_cb (GuideWindow *self)
{
  update_progress (self);
}

/* A toast is one line, cut off when longer: it says what happened, and its
 * button shows the reason in full, in the interface's language. */
static void
report_save_error (GuideWindow  *self,
                   const GError *error)
{
  AdwToast *toast = adw_toast_new (_("Your progress could not be saved"));

  g_warning ("Your progress could not be saved: %s", error->message);

  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "win.show-save-error");
  adw_toast_set_action_target_value (toast, g_variant_new_string (error->message));
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A save runs after the change, away from the window: a failure comes
 * back here. */
static void
progress_saved_cb (GuideWindow  *self,
                   const GError *error)
{
  if (error != NULL)
    report_save_error (self, error);
}

/* Where the user is, kept for the next start. */
static void
save_place (GuideWindow *self,
            const char  *stage_id,
            const char  *step_id)
{
  guide_progress_set_current (self->progress, stage_id, step_id);
}

static void
stage_selected_cb (GuideWindow   *self,
                   GtkListBoxRow *row)
{
  GuideStage *stage;

  if (row == NULL || (guint) gtk_list_box_row_get_index (row) == self->stage_index)
    return;

  show_stage (self, gtk_list_box_row_get_index (row), NULL, FALSE);

  stage = guide_book_get_stage (self->book, self->stage_index);
  save_place (self, stage->id, NULL);
}

static void
stage_activated_cb (GuideWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_stages_cb (GuideWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Selecting the step remembers it as the current one (step_selected_cb):
 * that and the tick are saved together, in one write. */
static void
step_toggled_cb (GuideWindow *self,
                 const char  *step_id,
                 gboolean     done)
{
  guide_stage_page_select_step (self->stage_page, step_id, FALSE);
  guide_progress_set_done (self->progress, step_id, done);
}

static void
step_selected_cb (GuideWindow *self,
                  const char  *step_id)
{
  GuideStage *stage;

  /* Rows are unselected as they go, when the stage changes or the window closes. */
  if (step_id == NULL)
    return;

  stage = guide_book_get_stage (self->book, self->stage_index);
  save_place (self, stage->id, step_id);
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
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (guide_uri_launch_finish (result, &error))
    return;

  g_warning ("Could not open %s: %s", uri, error->message);

  /* The address can still be pasted where the user wants it. */
  display = guide_uri_get_display (uri);
  escaped = g_markup_escape_text (display, -1);
  title = g_strdup_printf (_("Could not open %s"), escaped);
  toast = adw_toast_new (title);
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

static void
copy_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autofree char *display = guide_uri_get_display (g_variant_get_string (parameter, NULL));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), display);
  guide_window_add_toast (GUIDE_WINDOW (widget), _("Address copied"));
}

static void
previous_stage_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);

  if (self->stage_index > 0)
    gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, self->stage_index - 1));
}

static void
next_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->stage_list, self->stage_index + 1);

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
              show_stage (self, i, step->id, TRUE);
              adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
              save_place (self, stage->id, step->id);
              return;
            }
        }
    }

  guide_window_add_toast (self, _("Every step is done."));
}

static void
reset_response_cb (GuideWindow *self,
                   const char  *response)
{
  if (g_strcmp0 (response, "reset") != 0)
    return;

  guide_progress_reset (self->progress);
  show_stage (self, 0, NULL, FALSE);
}

static void
reset_progress_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (widget),
                                   _("Reset Progress?"),
                                   _("Every step will be marked as not done. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (GUIDE_WINDOW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (GUIDE_WINDOW (widget), -ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_settings_reset (GUIDE_WINDOW (widget)->settings, "zoom");
}

static void
show_save_error_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", g_variant_get_string (parameter, NULL),
                                           _("What you tick stays ticked while the app is open, and is saved with your next change once the disk can be written to again."));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Your Progress Could Not Be Saved"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_contacts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_menu_button_popup (GUIDE_WINDOW (widget)->contacts_button);
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
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("The guide could not be printed: %s"), error->message);
      g_warning ("%s", message);
      guide_window_add_toast (self, message);
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

  /* The operation keeps the handout it draws until it is done. */
  g_object_set_data_full (G_OBJECT (self->print_operation), "guide-handout", g_object_ref (handout), g_object_unref);
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);

  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* Unless the operation already said so when it was done. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The guide could not be printed: %s"), error->message);

      g_warning ("%s", message);
      guide_window_add_toast (self, message);
    }
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_clear_object (&self->print_operation);
}

static gboolean
guide_window_close_request (GtkWindow *window)
{
  GuideWindow *self = GUIDE_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (guide_window_parent_class)->close_request (window);
}

/* The shortcuts window, which the application builds for each of its
 * windows, is translated when it is shown. */
static void
application_set_cb (GuideWindow *self)
{
  GtkShortcutsWindow *help_overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (help_overlay != NULL)
    g_signal_connect (help_overlay, "map", G_CALLBACK (guide_i18n_translate_widget), NULL);
}

static void
guide_window_constructed (GObject *object)
{
  GuideWindow *self = GUIDE_WINDOW (object);
  GuideBook *book = guide_library_get_book (self->library, self->language);
  GPtrArray *stages;
  const char *step_id;
  int stage_index;

  G_OBJECT_CLASS (guide_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Without its site file the app silently loses the organisation's
   * language, contact and guide: the user is told, for as long as the
   * window is open, whom to ask. */
  gtk_revealer_set_reveal_child (self->site_revealer,
                                 guide_site_get_file_unreadable (guide_library_get_site (self->library)));

  stages = guide_book_get_stages (book);
  for (guint i = 0; i < stages->len; i++)
    gtk_list_box_append (self->stage_list, guide_stage_row_new (i + 1));

  /* Back exactly where the user was: the stage, and the step in it, which
   * the page scrolls to once it is laid out. */
  step_id = guide_progress_get_current_step (self->progress);
  stage_index = guide_book_find_stage (book, guide_progress_get_current_stage (self->progress));
  self->stage_index = MAX (stage_index, 0);
  gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, self->stage_index));
  load_language (self);
  guide_stage_page_select_step (self->stage_page, step_id, step_id != NULL);
  update_navigation (self);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);

  /* Narrow, the window opens on the stage rather than on the list of stages. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  /* Until the first layout folds the leaflet or not, from the window's size:
   * the buttons must not widen a window opened at a phone's width. The
   * leaflet folds below the stage list's width and the stage's together. */
  gtk_widget_set_visible (GTK_WIDGET (self->language_box),
                          g_settings_get_int (self->settings, "window-width") >= SIDEBAR_WIDTH + CONTENT_WIDTH);

  self->zoom_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->zoom_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  apply_zoom (self);
  g_signal_connect_object (self->settings, "changed::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "changed", G_CALLBACK (progress_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "saved", G_CALLBACK (progress_saved_cb), self, G_CONNECT_SWAPPED);
}

static void
guide_window_dispose (GObject *object)
{
  GuideWindow *self = (GuideWindow *)object;

  if (self->zoom_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->zoom_provider));

  gtk_widget_dispose_template (GTK_WIDGET (self), GUIDE_TYPE_WINDOW);
  g_clear_object (&self->zoom_provider);
  g_clear_object (&self->library);
  g_clear_object (&self->progress);
  g_clear_object (&self->settings);
  g_clear_object (&self->book);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->print_operation);

  G_OBJECT_CLASS (guide_window_parent_class)->dispose (object);
}

static void
guide_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GuideWindow *self = GUIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_LANGUAGE_LOCKED:
      g_value_set_boolean (value, self->language_locked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GuideWindow *self = GUIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_LANGUAGE:
      guide_window_set_language (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE_LOCKED:
      guide_window_set_language_locked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_window_class_init (GuideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = guide_window_constructed;
  object_class->dispose = guide_window_dispose;
  object_class->get_property = guide_window_get_property;
  object_class->set_property = guide_window_set_property;
  window_class->close_request = guide_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, stage_list);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, short_title);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, contacts_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, contacts_popover);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, language_box);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, overall_progress);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, waiting_revealer);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, site_revealer);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, stage_page);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, stage_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_stages_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.copy-uri", "s", copy_uri_action);
  gtk_widget_class_install_action (widget_class, "win.previous-stage", NULL, previous_stage_action);
  gtk_widget_class_install_action (widget_class, "win.next-stage", NULL, next_stage_action);
  gtk_widget_class_install_action (widget_class, "win.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "win.reset-progress", NULL, reset_progress_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-contacts", NULL, show_contacts_action);
  gtk_widget_class_install_action (widget_class, "win.show-save-error", "s", show_save_error_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "win.continue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.show-contacts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);

  /**
   * GuideWindow:library:
   *
   * The guides, one per language, and the organisation's configuration.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GUIDE_TYPE_LIBRARY,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideWindow:progress:
   *
   * The user's progress, which the window shows and changes.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL,
                         GUIDE_TYPE_PROGRESS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideWindow:settings:
   *
   * The settings for the window's size and text size.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideWindow:language:
   *
   * The language the guide is shown in: "fr", "it" or "en".
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "fr",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideWindow:language-locked:
   *
   * Whether the organisation has set the language, so that it cannot be
   * changed here.
   */
  properties[PROP_LANGUAGE_LOCKED] =
    g_param_spec_boolean ("language-locked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GUIDE_TYPE_CONTACTS_POPOVER);
  g_type_ensure (GUIDE_TYPE_STAGE_PAGE);
}

static void
guide_window_init (GuideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * guide_window_new:
 * @application: the application the window belongs to
 * @library: the guides, one per language
 * @progress: the user's progress
 * @settings: the settings for the window's size and text size
 * @language: the language to show the guide in
 *
 * Returns: (transfer none): the checklist window
 */
GuideWindow *
guide_window_new (GtkApplication *application,
                  GuideLibrary   *library,
                  GuideProgress  *progress,
                  GSettings      *settings,
                  const char     *language)
{
  return g_object_new (GUIDE_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       "progress", progress,
                       "settings", settings,
                       "language", language,
                       NULL);
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
    load_language (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
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

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE_LOCKED]);
}

void
guide_window_add_toast (GuideWindow *self,
                        const char  *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (GUIDE_IS_WINDOW (self));

  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

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

#include "guide-i18n.h"
#include "guide-handout.h"
#include "guide-stage-page.h"
#include "guide-stage-row.h"
#include "guide-uri.h"
#include "guide-window.h"

/* The step whose completion starts the wait for the administrators. IDs are
 * stable by design (data/guide/README.md), so naming it here is safe. */
/* The widths of the list of stages and of the stage, in guide-window.ui. */
#define SIDEBAR_WIDTH 270
#define CONTENT_WIDTH 360

#define SUBMIT_STEP_ID "cpms-access.submit"

#define ZOOM_STEP 0.1

struct _GuideWindow
{
  AdwApplicationWindow  parent_instance;

  GuideBook            *book;
  GuideProgress        *progress;
  guint                 stage_index;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *stage_list;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *short_title;
  GtkMenuButton        *menu_button;
  GtkMenuButton        *contacts_button;
  GtkLabel             *contacts_label;
  GtkBox               *contacts_box;
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

typedef struct
{
  GuideWindow *self;
  char        *uri;
} Launch;

static GuideApplication *
get_application (GuideWindow *self)
{
  return GUIDE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static gboolean
stage_complete (GuideWindow *self,
                GuideStage  *stage)
{
  return guide_progress_count_done (self->progress, self->book, stage) == stage->steps->len;
}

static void
update_waiting (GuideWindow *self)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  GDateTime *submitted = guide_progress_get_done_time (self->progress, SUBMIT_STEP_ID);
  GPtrArray *addresses = guide_book_get_addresses (self->book);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *helpdesk = NULL;
  g_autofree char *text = NULL;
  gint64 days;

  if (submitted == NULL || stage_complete (self, g_ptr_array_index (stages, stages->len - 1)))
    {
      gtk_revealer_set_reveal_child (self->waiting_revealer, FALSE);
      return;
    }

  /* Calendar days, as people count them: yesterday evening is one day ago. */
  now = g_date_time_new_now_local ();
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (submitted);
    g_autoptr(GDateTime) then = g_date_time_new_local (g_date_time_get_year (local),
                                                        g_date_time_get_month (local),
                                                        g_date_time_get_day_of_month (local),
                                                        12, 0, 0);
    g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                        g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now),
                                                        12, 0, 0);

    days = MAX (0, (g_date_time_difference (today, then) + G_TIME_SPAN_HOUR * 2) / G_TIME_SPAN_DAY);
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

static GtkWidget *
copy_button_new (const char *label,
                 const char *accessible_label,
                 const char *uri)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.copy-uri");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  return button;
}

static GtkWidget *
write_button_new (const char *display,
                  const char *uri)
{
  g_autofree char *accessible_label = g_strdup_printf (_("Write an e-mail to %s"), display);
  GtkWidget *button = gtk_button_new_with_label (_("Write an E-mail"));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-uri");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  return button;
}

/* The hospital's own IT, next to the ReCONNET helpdesk, when the site file
 * names them. */
static void
add_site_contact (GuideWindow *self,
                  GuideSite   *site)
{
  const char *email = guide_site_get_contact_email (site);
  const char *phone = guide_site_get_contact_phone (site);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (guide_site_get_contact_name (site));
  GtkWidget *details = gtk_label_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);

  if (email != NULL)
    {
      g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);
      g_autofree char *copy_label = g_strdup_printf (_("Copy the address %s"), email);

      g_string_append (text, email);
      gtk_box_append (GTK_BOX (buttons), write_button_new (email, mailto));
      gtk_box_append (GTK_BOX (buttons), copy_button_new (_("Copy Address"), copy_label, mailto));
    }

  if (phone != NULL)
    {
      g_autofree char *tel = g_strconcat ("tel:", phone, NULL);
      g_autofree char *copy_label = g_strdup_printf (_("Copy the phone number %s"), phone);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, phone);
      gtk_box_append (GTK_BOX (buttons), copy_button_new (_("Copy Number"), copy_label, tel));
    }

  guide_uri_label_set_text (GTK_LABEL (details), text->str);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_box_append (GTK_BOX (box), details);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (self->contacts_box, box);
}

static void
add_contact (GuideWindow        *self,
             const GuideAddress *address)
{
  g_autofree char *display = guide_uri_get_display (address->uri);
  g_autofree char *copy_label = g_strdup_printf (_("Copy the address %s"), display);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (address->name);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *write = write_button_new (display, address->uri);
  GtkWidget *copy = copy_button_new (_("Copy Address"), copy_label, address->uri);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  guide_uri_label_set_text (GTK_LABEL (label), display);

  gtk_widget_add_css_class (write, "suggested-action");

  gtk_box_append (GTK_BOX (buttons), write);
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (self->contacts_box, box);
}

static void
fill_contacts (GuideWindow *self)
{
  GPtrArray *addresses = guide_book_get_addresses (self->book);
  GuideSite *site;
  GtkWidget *child;

  guide_uri_label_set_text (self->contacts_label, guide_book_get_contacts_text (self->book));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_box))) != NULL)
    gtk_box_remove (self->contacts_box, child);

  for (guint i = 0; i < addresses->len; i++)
    add_contact (self, g_ptr_array_index (addresses, i));

  site = guide_application_get_site (get_application (self));
  if (guide_site_get_contact_name (site) != NULL)
    add_site_contact (self, site);
}

/* The language buttons say, when the organisation has set the language,
 * why they cannot be used. */
static void
update_language_lock (GuideWindow *self)
{
  gboolean locked = guide_application_get_language_locked (get_application (self));

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

/* Shows everything in the application's current language, in place. */
static void
load_language (GuideWindow *self)
{
  GuideApplication *application = get_application (self);

  g_set_object (&self->book, guide_application_get_book (application));

  guide_i18n_translate_widget (GTK_WIDGET (self));

  fill_contacts (self);
  update_language_lock (self);
  guide_stage_page_show_stage (self->stage_page, self->book, self->stage_index);
  update_progress (self);
}

/* Text size for every checklist window, from the “zoom” setting. */
static void
apply_zoom (GuideWindow *self)
{
  static GtkCssProvider *provider;
  GSettings *settings = guide_application_get_settings (get_application (self));
  double zoom = g_settings_get_double (settings, "zoom");
  g_autofree char *css = NULL;

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  css = g_strdup_printf ("window.checklist { font-size: %d%%; }", (int) round (zoom * 100));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (provider, css);
#else
  gtk_css_provider_load_from_data (provider, css, -1);
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
  GSettings *settings = guide_application_get_settings (get_application (self));
  double zoom = g_settings_get_double (settings, "zoom");

  g_settings_set_double (settings, "zoom", CLAMP (round ((zoom + step) * 10) / 10, 0.5, 2.0));
}

static void
language_changed_cb (GuideWindow *self)
{
  load_language (self);
}

static void
language_locked_changed_cb (GuideWindow *self)
{
  update_language_lock (self);
}

/* A closed window can outlive its place in the application, while a link it
 * opened is still being launched: from then on it follows nothing. */
static void
window_removed_cb (GuideWindow    *self,
                   GtkWindow      *window,
                   GtkApplication *application)
{
  if (window != GTK_WINDOW (self))
    return;

  g_signal_handlers_disconnect_by_data (application, self);
  g_signal_handlers_disconnect_by_data (guide_application_get_settings (GUIDE_APPLICATION (application)), self);
  g_signal_handlers_disconnect_by_data (self->progress, self);
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

/* Where the user is, kept for the next start. */
static void
save_place (GuideWindow *self,
            const char  *stage_id,
            const char  *step_id)
{
  g_autoptr(GError) error = NULL;

  if (!guide_progress_set_current (self->progress, stage_id, step_id, &error))
    report_save_error (self, error);
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

static void
step_toggled_cb (GuideWindow *self,
                 const char  *step_id,
                 gboolean     done)
{
  g_autoptr(GError) error = NULL;

  /* Selecting the step remembers it as the current one (step_selected_cb). */
  guide_stage_page_select_step (self->stage_page, step_id, FALSE);

  if (!guide_progress_set_done (self->progress, step_id, done, &error))
    report_save_error (self, error);
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
launch_free (Launch *launch)
{
  g_object_unref (launch->self);
  g_free (launch->uri);
  g_free (launch);
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Launch *launch = user_data;
  g_autoptr(GError) error = NULL;
  gboolean dismissed;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
  dismissed = g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED);
#else
  gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
  dismissed = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
#endif

  if (error != NULL && !dismissed)
    {
      g_autofree char *display = guide_uri_get_display (launch->uri);
      g_autofree char *escaped = g_markup_escape_text (display, -1);
      g_autofree char *title = g_strdup_printf (_("Could not open %s"), escaped);
      AdwToast *toast = adw_toast_new (title);

      g_warning ("Could not open %s: %s", launch->uri, error->message);

      adw_toast_set_button_label (toast, _("Copy"));
      adw_toast_set_action_name (toast, "win.copy-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (launch->uri));
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (launch->self->toast_overlay, toast);
    }

  launch_free (launch);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GuideWindow *self = GUIDE_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  Launch *launch;

  if (!guide_uri_is_allowed (uri))
    {
      g_warning ("Refused to open %s: not one of the official addresses", uri);
      guide_window_add_toast (self, _("This address is not one of the guide’s official addresses, so it was not opened."));
      return;
    }

  launch = g_new0 (Launch, 1);
  launch->self = g_object_ref (self);
  launch->uri = g_strdup (uri);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), NULL, launch_done_cb, launch);
  }
#else
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, launch_done_cb, launch);
#endif
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
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") != 0)
    return;

  if (!guide_progress_reset (self->progress, &error))
    report_save_error (self, error);

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
  GSettings *settings = guide_application_get_settings (get_application (GUIDE_WINDOW (widget)));

  g_settings_reset (settings, "zoom");
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
  GuideApplication *application = get_application (self);
  g_autoptr(GuideHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* One print dialog at a time. */
  if (self->print_operation != NULL)
    return;

  handout = guide_handout_new (self->book, self->progress, guide_application_get_site (application));
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
  GSettings *settings = guide_application_get_settings (get_application (self));
  gboolean maximized = gtk_window_is_maximized (window);

  g_settings_set_boolean (settings, "window-maximized", maximized);
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (guide_window_parent_class)->close_request (window);
}

/* Fills the window once it belongs to @application, which it takes the
 * guide, the progress and the settings from. */
static void
setup (GuideWindow      *self,
       GuideApplication *application)
{
  GSettings *settings = guide_application_get_settings (application);
  GtkWidget *help_overlay;
  GPtrArray *stages;
  const char *step_id;
  int stage_index;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->progress = g_object_ref (guide_application_get_progress (application));

  /* Without its site file the app silently loses the organisation's
   * language, contact and guide: the user is told, for as long as the
   * window is open, whom to ask. */
  gtk_revealer_set_reveal_child (self->site_revealer,
                                 guide_site_get_file_unreadable (guide_application_get_site (application)));

  stages = guide_book_get_stages (guide_application_get_book (application));
  for (guint i = 0; i < stages->len; i++)
    gtk_list_box_append (self->stage_list, guide_stage_row_new (i + 1));

  /* Back exactly where the user was: the stage, and the step in it, which
   * the page scrolls to once it is laid out. */
  step_id = guide_progress_get_current_step (self->progress);
  stage_index = guide_book_find_stage (guide_application_get_book (application),
                                       guide_progress_get_current_stage (self->progress));
  self->stage_index = MAX (stage_index, 0);
  gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, self->stage_index));
  load_language (self);
  guide_stage_page_select_step (self->stage_page, step_id, step_id != NULL);
  update_navigation (self);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  /* The shortcuts window, which GtkApplication builds for every window, is
   * translated when it is shown. */
  help_overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)));
  if (help_overlay != NULL)
    g_signal_connect (help_overlay, "map", G_CALLBACK (guide_i18n_translate_widget), NULL);

  /* Narrow, the window opens on the stage rather than on the list of stages. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  /* Until the first layout folds the leaflet or not, from the window's size:
   * the buttons must not widen a window opened at a phone's width. The
   * leaflet folds below the stage list's width and the stage's together. */
  gtk_widget_set_visible (GTK_WIDGET (self->language_box),
                          g_settings_get_int (settings, "window-width") >= SIDEBAR_WIDTH + CONTENT_WIDTH);

  apply_zoom (self);
  g_signal_connect_object (settings, "changed::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::language", G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::language-locked", G_CALLBACK (language_locked_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "changed", G_CALLBACK (progress_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "window-removed", G_CALLBACK (window_removed_cb), self, G_CONNECT_SWAPPED);
}

static void
guide_window_dispose (GObject *object)
{
  GuideWindow *self = (GuideWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GUIDE_TYPE_WINDOW);
  g_clear_object (&self->book);
  g_clear_object (&self->progress);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->print_operation);

  G_OBJECT_CLASS (guide_window_parent_class)->dispose (object);
}

static void
guide_window_class_init (GuideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = guide_window_dispose;
  window_class->close_request = guide_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, stage_list);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, short_title);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, contacts_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, contacts_label);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, contacts_box);
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

  g_type_ensure (GUIDE_TYPE_STAGE_PAGE);
}

static void
guide_window_init (GuideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GuideWindow *
guide_window_new (GuideApplication *application)
{
  GuideWindow *self;

  g_return_val_if_fail (GUIDE_IS_APPLICATION (application), NULL);

  self = g_object_new (GUIDE_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);

  return self;
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

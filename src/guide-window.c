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
#include "guide-stage-row.h"
#include "guide-uri.h"
#include "guide-window-private.h"

/* The window size's range in the schema, for a schema compiled without it. */
#define MIN_SIZE 200
#define MAX_SIZE 16384

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

/* How long access usually takes to be set up, by the original guide's "a few
 * days": past two weeks, the app suggests asking again. */
#define USUAL_WAIT_DAYS 14

/* What a request sent with the original guide's form became: it went to the
 * former CPMS, and the helpdesk is where to ask now. */
static char *
former_request_text (GDateTime *submitted)
{
  g_autofree char *day = guide_i18n_format_time (guide_i18n_get_language (), submitted);

  return g_strdup_printf (_("On %s you submitted an access request with the form of the former CPMS. Since CPMS 2.0, that form is no longer used, and your request may never be answered: write to the helpdesk to ask for access."),
                          day);
}

static void
update_waiting (GuideWindow *self)
{
  GuideAddress *helpdesk = guide_book_get_helpdesk (self->book);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 days = guide_progress_get_days_waiting (self->progress, self->book, now);
  GDateTime *former = guide_progress_get_former_request (self->progress, self->book);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  /* Hidden, not only folded away, so that its text is not measured. */
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_revealer), days >= 0 || former != NULL);
  if (days < 0 && former == NULL)
    {
      gtk_revealer_set_reveal_child (self->waiting_revealer, FALSE);
      return;
    }

  /* Past two weeks, the wait is longer than it should be: the prepared
   * message is the way to ask again. */
  gtk_widget_set_visible (self->waiting_contacts_button, days >= 0 && days <= USUAL_WAIT_DAYS);
  gtk_widget_set_visible (self->request_button, days < 0 || days > USUAL_WAIT_DAYS);

  if (days < 0)
    text = former_request_text (former);
  else
    {
      if (days == 0)
        when = g_strdup (_("You wrote to the helpdesk today."));
      else
        when = g_strdup_printf (guide_ngettext ("You wrote to the helpdesk %u day ago.",
                                                "You wrote to the helpdesk %u days ago.",
                                                days),
                                (guint) days);

      if (helpdesk != NULL)
        {
          g_autofree char *display = guide_uri_get_display (helpdesk->uri);

          if (days > USUAL_WAIT_DAYS)
            text = g_strdup_printf (_("%s This is taking longer than usual: write to the helpdesk again at %s, with the prepared message, to ask where your request stands."),
                                    when, display);
          else
            text = g_strdup_printf (_("%s Access is set up by hand and can take a few days; you will be told by e-mail when it is ready. If you have questions, write to the helpdesk at %s."),
                                    when, display);
        }
      else
        text = g_strdup_printf (_("%s Access is set up by hand and can take a few days; you will be told by e-mail when it is ready."),
                                when);
    }

  guide_uri_label_set_text (self->waiting_label, text);
  gtk_revealer_set_reveal_child (self->waiting_revealer, TRUE);
}

void
guide_window_update_progress (GuideWindow *self)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  guint n_steps = guide_book_get_n_steps (self->book);
  guint n_done = 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *short_subtitle = NULL;
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->stage_list));

  for (guint i = 0; i < stages->len; i++, row = gtk_widget_get_next_sibling (row))
    {
      GuideStage *stage = g_ptr_array_index (stages, i);
      guint stage_done = guide_progress_count_done (self->progress, self->book, stage);

      guide_stage_row_update (GUIDE_STAGE_ROW (row), stage->title, stage_done, stage->steps->len);
      n_done += stage_done;
    }

  subtitle = guide_i18n_format_count (guide_i18n_get_language (), n_done, n_steps);
  /* Somewhere to continue: a step done, and one still to do. */
  gtk_widget_set_visible (self->continue_button, n_done > 0 && n_done < n_steps);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.continue", n_done > 0 && n_done < n_steps);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Whole on a phone, beside the header's buttons: the steps done, and the
   * steps in all; the progress bar and its name say the rest. */
  /* Translators: steps done and steps in all, in a phone-sized window's header. */
  short_subtitle = g_strdup_printf (_("%u/%u"), n_done, n_steps);
  adw_window_title_set_subtitle (self->short_title, short_subtitle);
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
void
guide_window_show_stage (GuideWindow *self,
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

/* A save runs after the change, away from the window: a failure comes back
 * here. A toast is one line, cut off when longer: it says what happened, and
 * its button shows the reason in full, in the interface's language. */
static void
progress_saved_cb (GuideWindow  *self,
                   const GError *error)
{
  AdwToast *toast;

  if (error == NULL)
    return;

  toast = adw_toast_new (_("Your progress could not be saved"));
  g_warning ("Your progress could not be saved: %s", error->message);

  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "win.show-save-error");
  adw_toast_set_action_target_value (toast, g_variant_new_string (error->message));
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
stage_selected_cb (GuideWindow   *self,
                   GtkListBoxRow *row)
{
  GuideStage *stage;

  if (row == NULL || (guint) gtk_list_box_row_get_index (row) == self->stage_index)
    return;

  guide_window_show_stage (self, gtk_list_box_row_get_index (row), NULL, FALSE);

  stage = guide_book_get_stage (self->book, self->stage_index);
  guide_progress_set_current (self->progress, stage->id, NULL);
}

static void
stage_activated_cb (GuideWindow *self)
{
  guide_window_show_content (self, TRUE);
}

static void
show_stages_cb (GuideWindow *self)
{
  guide_window_show_content (self, FALSE);
}

/* Folded, the banner's text is one line, cut off; its buttons stay. */
static void
fold_toggled_cb (GuideWindow     *self,
                 GtkToggleButton *button)
{
  gboolean folded = gtk_toggle_button_get_active (button);

  gtk_label_set_lines (self->waiting_label, folded ? 1 : -1);
  gtk_label_set_ellipsize (self->waiting_label, folded ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_button_set_icon_name (GTK_BUTTON (button), folded ? "pan-down-symbolic" : "pan-up-symbolic");
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
  guide_progress_set_current (self->progress, stage->id, step_id);
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
      g_settings_set_int (self->settings, "window-width", CLAMP (width, MIN_SIZE, MAX_SIZE));
      g_settings_set_int (self->settings, "window-height", CLAMP (height, MIN_SIZE, MAX_SIZE));
    }

  return GTK_WINDOW_CLASS (guide_window_parent_class)->close_request (window);
}

/* A banner's text wraps on more lines in a narrower window, so the window's
 * least height is the one it needs at its narrowest: GTK sets the window's
 * smallest size from its least height at one width, and that height must hold
 * at every width, with every banner. */
static void
guide_window_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GTK_WIDGET_CLASS (guide_window_parent_class)->measure (widget, orientation, for_size,
                                                        minimum, natural,
                                                        minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      int narrowest, unused, unused_baselines[2];

      GTK_WIDGET_CLASS (guide_window_parent_class)->measure (widget, orientation, -1,
                                                            &narrowest, &unused,
                                                            &unused_baselines[0], &unused_baselines[1]);
      *minimum = MAX (*minimum, narrowest);
      *natural = MAX (*natural, *minimum);
    }
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
                               CLAMP (g_settings_get_int (self->settings, "window-width"), MIN_SIZE, MAX_SIZE),
                               CLAMP (g_settings_get_int (self->settings, "window-height"), MIN_SIZE, MAX_SIZE));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Before a step takes the focus, which moving the panes would drop.
   * Narrow, the window opens on the stage rather than on the list of stages. */
  guide_window_lay_out (self, g_settings_get_int (self->settings, "window-width"));

  /* Without its site file the app silently loses the organisation's
   * language, contact and guide: the user is told, for as long as the
   * window is open, whom to ask. */
  /* A hidden banner is not even measured: only the one that shows is
   * visible. */
  gtk_widget_set_visible (GTK_WIDGET (self->site_revealer),
                          guide_site_get_file_unreadable (guide_library_get_site (self->library)));
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
  guide_window_load_language (self);
  guide_stage_page_select_step (self->stage_page, step_id, step_id != NULL);
  update_navigation (self);

  gtk_menu_button_set_create_popup_func (self->menu_button, guide_window_create_menu_cb, self, NULL);


  self->zoom_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->zoom_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  guide_window_apply_zoom (self);
  g_signal_connect_object (self->settings, "changed::zoom", G_CALLBACK (guide_window_apply_zoom), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "changed", G_CALLBACK (guide_window_update_progress), self, G_CONNECT_SWAPPED);
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
  widget_class->measure = guide_window_measure;
  window_class->close_request = guide_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, panes);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, title_stack);
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
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, waiting_grid);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, waiting_buttons);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, fold_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, continue_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, waiting_contacts_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, request_button);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, site_revealer);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, stage_page);
  gtk_widget_class_bind_template_child (widget_class, GuideWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, stage_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_stages_cb);
  gtk_widget_class_bind_template_callback (widget_class, fold_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_selected_cb);

  guide_window_class_install_actions (widget_class);

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
  guide_window_add_stage_keys (self);
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

void
guide_window_add_toast (GuideWindow *self,
                        const char  *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (GUIDE_IS_WINDOW (self));

  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

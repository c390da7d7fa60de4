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

#include "guide-address-label.h"
#include "guide-i18n.h"
#include "guide-stage-row.h"
#include "guide-uri.h"
#include "guide-window-private.h"

/* The list of stages' width, in guide-window.ui. */
#define SIDEBAR_WIDTH 270
/* Narrower than the list and a stage with the full header together (some
 * 440 pixels of language and window buttons), the stage is alone. */
#define SPLIT_WIDTH (SIDEBAR_WIDTH + 490)

G_DEFINE_FINAL_TYPE (GuideWindow, guide_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_PROGRESS,
  PROP_SETTINGS,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How long access usually takes to be set up, by the original guide's "a few
 * days": past two weeks, the app suggests asking again. */
#define USUAL_WAIT_DAYS 14

static void
update_waiting (GuideWindow *self)
{
  g_autofree char *display = guide_uri_get_display (guide_book_get_helpdesk (self->book)->uri);
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

  gtk_widget_set_visible (self->waiting_contacts_button, days >= 0 && days <= USUAL_WAIT_DAYS);
  gtk_widget_set_visible (self->request_button, days < 0 || days > USUAL_WAIT_DAYS);

  /* A request sent with the original guide's form went to the former CPMS. */
  if (days < 0)
    {
      when = guide_i18n_format_time (guide_i18n_get_language (), former);
      text = g_strdup_printf (_("On %s you submitted an access request with the form of the former CPMS. Since CPMS 2.0, that form is no longer used, and your request may never be answered: write to the helpdesk to ask for access."),
                              when);
    }
  else
    {
      if (days == 0)
        when = g_strdup (_("You wrote to the helpdesk today."));
      else
        when = g_strdup_printf (guide_ngettext ("You wrote to the helpdesk %u day ago.",
                                                "You wrote to the helpdesk %u days ago.",
                                                days),
                                (guint) days);

      if (days > USUAL_WAIT_DAYS)
        text = g_strdup_printf (_("%s This is taking longer than usual: write to the helpdesk again at %s, with the prepared message, to ask where your request stands."),
                                when, display);
      else
        text = g_strdup_printf (_("%s Access is set up by hand and can take a few days; you will be told by e-mail when it is ready. If you have questions, write to the helpdesk at %s."),
                                when, display);
    }

  guide_address_label_set_text (self->waiting_label, text);
  gtk_revealer_set_reveal_child (self->waiting_revealer, TRUE);
}

static void
update_progress (GuideWindow *self)
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
  /* Translators: steps done and steps in all, in a phone-sized window's header. */
  short_subtitle = g_strdup_printf (_("%u/%u"), n_done, n_steps);
  adw_window_title_set_subtitle (self->short_title, short_subtitle);
  gtk_progress_bar_set_fraction (self->overall_progress, (double) n_done / n_steps);

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
_guide_window_show_stage (GuideWindow *self,
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
  guide_stage_page_select_step (self->stage_page, step_id, focus);
  update_navigation (self);
}

/* Each language button is named in its own language, or says why it cannot
 * be used. */
static void
update_language_lock (GuideWindow *self)
{
  static const char * const names[] = { "Français", "Italiano", "English" };
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->language_box));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++, button = gtk_widget_get_next_sibling (button))
    gtk_widget_set_tooltip_text (button, self->language_locked ? _("Set by your organisation") : names[i]);
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

/* Narrow, the header has the short title and no language buttons, and the
 * banner's buttons go below its text, which then has the window's width,
 * with the fold button beside it. */
static void
set_narrow (GuideWindow *self,
            gboolean     narrow)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->waiting_grid);
  GtkGridLayoutChild *buttons = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, self->waiting_buttons));
  GtkGridLayoutChild *fold = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, self->fold_button));

  gtk_widget_set_visible (GTK_WIDGET (self->language_box), !narrow);
  gtk_stack_set_visible_child_name (self->title_stack, narrow ? "short" : "long");

  gtk_grid_layout_child_set_row (buttons, narrow ? 1 : 0);
  gtk_grid_layout_child_set_column (buttons, narrow ? 0 : 1);
  gtk_grid_layout_child_set_column_span (buttons, narrow ? 2 : 1);
  gtk_grid_layout_child_set_column (fold, narrow ? 1 : 2);
}

/* The two panes of guide-window.ui, side by side when wide, one at a time
 * when narrow: in an AdwNavigationSplitView with a breakpoint from
 * libadwaita 1.4, in an AdwLeaflet, which folds by itself, before. */
#if ADW_CHECK_VERSION (1, 4, 0)

static void
narrow_applied_cb (GuideWindow *self)
{
  set_narrow (self, TRUE);
}

static void
narrow_unapplied_cb (GuideWindow *self)
{
  set_narrow (self, FALSE);
}

/* The stage's page keeps to its own back button, shown when it is alone,
 * so that Alt+Left goes to the previous stage rather than to the list. */
static void
lay_out (GuideWindow *self,
         GtkWidget   *sidebar,
         GtkWidget   *content)
{
  /* In English, as in the template: translated with the rest of it. */
  AdwNavigationPage *sidebar_page = adw_navigation_page_new_with_tag (sidebar, N_("Stages"), "sidebar");
  AdwNavigationPage *content_page = adw_navigation_page_new_with_tag (content, N_("CPMS Access Guide"), "content");
  g_autofree char *condition = g_strdup_printf ("max-width: %dpx", SPLIT_WIDTH - 1);
  AdwBreakpoint *narrow = adw_breakpoint_new (adw_breakpoint_condition_parse (condition));

  adw_navigation_page_set_can_pop (content_page, FALSE);
  self->split_view = ADW_NAVIGATION_SPLIT_VIEW (adw_navigation_split_view_new ());
  adw_navigation_split_view_set_sidebar (self->split_view, sidebar_page);
  adw_navigation_split_view_set_content (self->split_view, content_page);
  /* As wide as the leaflet's, where the button at its foot fits on a line. */
  adw_navigation_split_view_set_min_sidebar_width (self->split_view, SIDEBAR_WIDTH);
  adw_navigation_split_view_set_sidebar_width_fraction (self->split_view, 0.3);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->split_view));

  g_object_bind_property (self->split_view, "collapsed", self->back_button, "visible", G_BINDING_SYNC_CREATE);

  adw_breakpoint_add_setters (narrow, G_OBJECT (self->split_view), "collapsed", TRUE, NULL);
  g_signal_connect_object (narrow, "apply", G_CALLBACK (narrow_applied_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (narrow, "unapply", G_CALLBACK (narrow_unapplied_cb), self, G_CONNECT_SWAPPED);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), narrow);
}

void
_guide_window_show_content (GuideWindow *self,
                            gboolean     shown)
{
  adw_navigation_split_view_set_show_content (self->split_view, shown);
}

#else

/* libadwaita 1.2 has no breakpoints: the leaflet folds by itself, once the
 * window is laid out at its width, when the panes' least widths do not fit.
 * The header is narrow by the window's width alone, as a breakpoint would
 * make it: were it narrow when folded, its least width would shrink, the
 * leaflet unfold, the header widen, and the leaflet fold again, without end,
 * in windows a little narrower than the panes side by side. */
static void
guide_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  set_narrow (GUIDE_WINDOW (widget), width < SPLIT_WIDTH);
  GTK_WIDGET_CLASS (guide_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
lay_out (GuideWindow *self,
         GtkWidget   *sidebar,
         GtkWidget   *content)
{
  AdwLeafletPage *page;

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_unfold (self->leaflet, TRUE);
  page = adw_leaflet_append (self->leaflet, sidebar);
  adw_leaflet_page_set_name (page, "sidebar");
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  page = adw_leaflet_append (self->leaflet, content);
  adw_leaflet_page_set_name (page, "content");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->leaflet));

  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->sidebar_header, "show-end-title-buttons", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->content_header, "show-start-title-buttons", G_BINDING_SYNC_CREATE);
}

void
_guide_window_show_content (GuideWindow *self,
                            gboolean     shown)
{
  adw_leaflet_navigate (self->leaflet, shown ? ADW_NAVIGATION_DIRECTION_FORWARD : ADW_NAVIGATION_DIRECTION_BACK);
}

#endif

/* A toast is one line: its button shows the reason in full. */
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
  if (row == NULL || (guint) gtk_list_box_row_get_index (row) == self->stage_index)
    return;

  _guide_window_show_stage (self, gtk_list_box_row_get_index (row), NULL, FALSE);
  guide_progress_set_current (self->progress, guide_book_get_stage (self->book, self->stage_index)->id, NULL);
}

static void
stage_activated_cb (GuideWindow *self)
{
  _guide_window_show_content (self, TRUE);
}

static void
show_stages_cb (GuideWindow *self)
{
  _guide_window_show_content (self, FALSE);
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

/* A banner's text wraps on more lines in a narrower window: GTK sets the
 * window's smallest size from its least height at one width, so that height
 * is the one at its narrowest. */
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
  g_autoptr(GtkWidget) sidebar = g_object_ref (self->sidebar_pane);
  g_autoptr(GtkWidget) content = g_object_ref (self->content_pane);
  GPtrArray *stages = guide_book_get_stages (book);
  const char *step_id;
  int stage_index;

  G_OBJECT_CLASS (guide_window_parent_class)->constructed (object);

  /* The size the user leaves the window at is the one it opens at. The
   * window stays usable when the organisation has locked the keys. */
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  /* The panes move out of their box in the template before a step takes the
   * focus, which moving them would drop. The header is laid out for the
   * width the window opens at, so that the language buttons do not widen a
   * window opened at a phone's width. */
  gtk_box_remove (self->panes, sidebar);
  gtk_box_remove (self->panes, content);
  lay_out (self, sidebar, content);
  self->panes = NULL;
  set_narrow (self, g_settings_get_int (self->settings, "window-width") < SPLIT_WIDTH);
  guide_stage_page_set_progress (self->stage_page, self->progress);

  /* Without its site file the app loses the organisation's language,
   * contact and guide: the user is told whom to ask. */
  gtk_widget_set_visible (GTK_WIDGET (self->site_revealer),
                          guide_site_get_file_unreadable (guide_library_get_site (self->library)));
  gtk_revealer_set_reveal_child (self->site_revealer,
                                 guide_site_get_file_unreadable (guide_library_get_site (self->library)));

  for (guint i = 0; i < stages->len; i++)
    gtk_list_box_append (self->stage_list, guide_stage_row_new (i + 1));

  /* Back where the user was: the stage, and the step in it. */
  step_id = guide_progress_get_current_step (self->progress);
  stage_index = guide_book_find_stage (book, guide_progress_get_current_stage (self->progress));
  self->stage_index = MAX (stage_index, 0);
  gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, self->stage_index));
  load_language (self);
  guide_stage_page_select_step (self->stage_page, step_id, step_id != NULL);
  update_navigation (self);

  _guide_window_actions_init (self);
  g_signal_connect_object (self->progress, "changed", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
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
      self->language = g_intern_string (g_value_get_string (value));
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

  object_class->constructed = guide_window_constructed;
  object_class->dispose = guide_window_dispose;
  object_class->set_property = guide_window_set_property;
  widget_class->measure = guide_window_measure;
#if !ADW_CHECK_VERSION (1, 4, 0)
  widget_class->size_allocate = guide_window_size_allocate;
#endif

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

  _guide_window_class_actions_init (widget_class);

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GUIDE_TYPE_LIBRARY,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL,
                         GUIDE_TYPE_PROGRESS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "fr",
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

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

void
guide_window_add_toast (GuideWindow *self,
                        const char  *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
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
  language = g_intern_string (language);
  if (language == self->language)
    return;

  self->language = language;
  load_language (self);
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
  self->language_locked = locked;
  update_language_lock (self);
}

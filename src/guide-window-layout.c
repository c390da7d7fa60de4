/* guide-window-layout.c
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

/* The list of stages and the stage: side by side in a wide window; in a
 * narrow one, as on a phone, one at a time, with the app's short name
 * rather than a cut long one, and the languages in the main menu only.
 *
 * libadwaita 1.4 does this with AdwNavigationSplitView and breakpoints;
 * Debian 12's libadwaita 1.2 has AdwLeaflet, which folds by itself. The two
 * panes come from guide-window.ui either way: only their container is
 * chosen here, when the app is built. */

#include "guide-i18n.h"
#include "guide-window-private.h"

/* The list of stages' width, in guide-window.ui. */
#define SIDEBAR_WIDTH 270
/* Below the list's width and a stage's comfortable one together, the
 * stage is alone. The stage's least width, in guide-window.ui, is less: a
 * phone's 360 pixels less the window's border. */
#define SPLIT_WIDTH (SIDEBAR_WIDTH + 360)

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
guide_window_show_content (GuideWindow *self,
                           gboolean     shown)
{
  adw_navigation_split_view_set_show_content (self->split_view, shown);
}

#else

/* libadwaita 1.2 has no breakpoints: the leaflet folds by itself, once the
 * window is laid out at its width. */
static void
folded_cb (GuideWindow *self)
{
  set_narrow (self, adw_leaflet_get_folded (self->leaflet));
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
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
}

void
guide_window_show_content (GuideWindow *self,
                           gboolean     shown)
{
  adw_leaflet_navigate (self->leaflet, shown ? ADW_NAVIGATION_DIRECTION_FORWARD : ADW_NAVIGATION_DIRECTION_BACK);
}

#endif

/* Called once the template is built: moves the panes out of the box that
 * holds them there into the container, and lays the header out for the
 * width the window opens at, so that the language buttons do not widen a
 * window opened at a phone's width before its first layout. */
void
guide_window_lay_out (GuideWindow *self,
                      int          width)
{
  g_autoptr(GtkWidget) sidebar = g_object_ref (self->sidebar_pane);
  g_autoptr(GtkWidget) content = g_object_ref (self->content_pane);

  gtk_box_remove (self->panes, sidebar);
  gtk_box_remove (self->panes, content);
  lay_out (self, sidebar, content);
  self->panes = NULL;

  set_narrow (self, width < SPLIT_WIDTH);
}

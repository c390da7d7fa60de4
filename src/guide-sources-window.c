/* guide-sources-window.c
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

/* The Sources view: every page the guide's facts come from, with its title,
 * who publishes it, and a button that opens it. The button goes through the
 * checklist window's "win.open-uri", so that the same addresses are allowed
 * and a failure is told the same way. */

#include "guide-address-label.h"
#include "guide-i18n.h"
#include "guide-sources-window.h"

struct _GuideSourcesWindow
{
  AdwWindow   parent_instance;

  GtkListBox *source_list;
  GtkWidget  *empty_label;
};

G_DEFINE_FINAL_TYPE (GuideSourcesWindow, guide_sources_window, ADW_TYPE_WINDOW)

static GtkWidget *
wrapped_label_new (const char *text,
                   const char *style)
{
  GtkWidget *label = guide_address_label_new (text);

  g_object_set (label, "xalign", 0.0, "width-chars", 20, "hexpand", TRUE, NULL);

  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

/* A grid, not a horizontal box, for the reason given in guide-step-row.ui. */
static GtkWidget *
source_row_new (const GuideSource *source)
{
  g_autoptr(GUri) uri = g_uri_parse (source->uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *accessible = g_strdup_printf (_("Open “%s”"), source->title);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Open"));
  GtkWidget *row;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_grid_attach (GTK_GRID (grid), wrapped_label_new (source->title, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), wrapped_label_new (source->publisher, "dim-label"), 0, 1, 1, 1);
  /* The host the browser will open, as the address bar will show it. */
  gtk_grid_attach (GTK_GRID (grid), wrapped_label_new (uri != NULL ? g_uri_get_host (uri) : source->uri, "caption"),
                   0, 2, 1, 1);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", source->uri);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sources.open");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  guide_address_label_attach_tooltip (button, source->uri);
  gtk_grid_attach (GTK_GRID (grid), button, 1, 0, 1, 3);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  return row;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.open-uri", parameter);
}

static void
guide_sources_window_class_init (GuideSourcesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideSourcesWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, GuideSourcesWindow, empty_label);

  gtk_widget_class_install_action (widget_class, "sources.open", "s", open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
guide_sources_window_init (GuideSourcesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  guide_i18n_translate_widget (GTK_WIDGET (self));
}

/**
 * guide_sources_window_new:
 * @parent: the checklist window, whose "win.open-uri" opens the pages
 * @book: the guide whose sources are listed
 *
 * Returns: (transfer floating): the Sources view, in the current language
 */
GuideSourcesWindow *
guide_sources_window_new (GtkWindow *parent,
                          GuideBook *book)
{
  GuideSourcesWindow *self;
  GPtrArray *sources;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), NULL);

  self = g_object_new (GUIDE_TYPE_SOURCES_WINDOW,
                       "transient-for", parent,
                       NULL);

  sources = guide_book_get_sources (book);
  for (guint i = 0; i < sources->len; i++)
    gtk_list_box_append (self->source_list, source_row_new (g_ptr_array_index (sources, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->source_list), sources->len > 0);
  gtk_widget_set_visible (self->empty_label, sources->len == 0);

  return self;
}

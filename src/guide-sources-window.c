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
#include "guide-uri.h"

struct _GuideSourcesWindow
{
  AdwWindow   parent_instance;

  GtkListBox *source_list;
};

G_DEFINE_FINAL_TYPE (GuideSourcesWindow, guide_sources_window, ADW_TYPE_WINDOW)

static GtkWidget *
source_row_new (const GuideSource *source)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/guide-source-row.ui");
  g_autoptr(GUri) uri = g_uri_parse (source->uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *accessible = g_strdup_printf (_("Open “%s”"), source->title);
  GtkWidget *button = GTK_WIDGET (gtk_builder_get_object (builder, "button"));

  guide_i18n_translate_builder (builder);
  guide_address_label_set_text (GTK_LABEL (gtk_builder_get_object (builder, "title_label")), source->title);
  guide_address_label_set_text (GTK_LABEL (gtk_builder_get_object (builder, "publisher_label")), source->publisher);
  guide_address_label_set_text (GTK_LABEL (gtk_builder_get_object (builder, "host_label")),
                                uri != NULL ? g_uri_get_host (uri) : source->uri);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", source->uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  guide_address_label_attach_tooltip (button, source->uri);

  return g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (widget))),
                                      "win.open-uri", parameter);
}

static void
guide_sources_window_class_init (GuideSourcesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideSourcesWindow, source_list);

  gtk_widget_class_install_action (widget_class, "sources.open", "s", open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
guide_sources_window_init (GuideSourcesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  guide_i18n_translate_widget (GTK_WIDGET (self));
}

/* Returns: (transfer floating): the Sources view of @book's sources, in the
 * current language, for @parent, the checklist window, whose "win.open-uri"
 * opens the pages */
GuideSourcesWindow *
guide_sources_window_new (GtkWindow *parent,
                          GuideBook *book)
{
  GuideSourcesWindow *self = g_object_new (GUIDE_TYPE_SOURCES_WINDOW,
                                           "transient-for", parent,
                                           NULL);
  GPtrArray *sources = guide_book_get_sources (book);

  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(GtkWidget) row = source_row_new (g_ptr_array_index (sources, i));

      gtk_list_box_append (self->source_list, row);
    }

  return self;
}

/* guide-stage-row.c
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

/* A stage in the sidebar: its number, its title, how many of its steps are
 * done, and a check once they all are. */

#include "guide-i18n.h"
#include "guide-stage-row.h"

struct _GuideStageRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *number_label;
  GtkLabel      *title_label;
  GtkLabel      *count_label;
  GtkImage      *done_icon;
};

G_DEFINE_FINAL_TYPE (GuideStageRow, guide_stage_row, GTK_TYPE_LIST_BOX_ROW)

static void
guide_stage_row_class_init (GuideStageRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-stage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideStageRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStageRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStageRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStageRow, done_icon);
}

static void
guide_stage_row_init (GuideStageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
guide_stage_row_new (guint number)
{
  GuideStageRow *self = g_object_new (GUIDE_TYPE_STAGE_ROW, NULL);
  g_autofree char *text = g_strdup_printf ("%u", number);

  gtk_label_set_label (self->number_label, text);

  return GTK_WIDGET (self);
}

void
guide_stage_row_update (GuideStageRow *self,
                        const char    *title,
                        guint          n_done,
                        guint          n_steps)
{
  g_autofree char *count = guide_i18n_format_count (guide_i18n_get_language (), n_done, n_steps);
  gboolean complete = n_done == n_steps;

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->done_icon), complete);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED, complete ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                      : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);

  if (complete)
    gtk_widget_add_css_class (GTK_WIDGET (self), "complete");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "complete");
}

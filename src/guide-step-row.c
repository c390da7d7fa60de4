/* guide-step-row.c
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

/* One sub-step of a stage: the instruction, a check to mark it done, the
 * button that opens its address, and what the guide puts with it (the access
 * profiles table, notes). */

#include <adwaita.h>

#include "guide-address-label.h"
#include "guide-i18n.h"
#include "guide-note-box.h"
#include "guide-picture-viewer.h"
#include "guide-step-row.h"

struct _GuideStepRow
{
  GtkListBoxRow   parent_instance;

  char           *step_id;
  char           *picture_alt;
  char           *profiles_of;

  GtkLabel       *number_label;
  GtkLabel       *text_label;
  GtkButton      *picture_button;
  GtkPicture     *illustration;
  GtkListBox     *profiles_list;
  GtkCheckButton *done_check;
  GtkLabel       *done_date_label;
  GtkLabel       *withdrawn_label;
  GtkButton      *open_button;
  GtkBox         *notes_box;
};

G_DEFINE_FINAL_TYPE (GuideStepRow, guide_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A profile as the page names it, what it means in the interface's language,
 * and the page's own description, in English. */
static void
set_profile (GtkWidget          *row,
             const GuideProfile *profile)
{
  g_autofree char *page = g_strdup_printf (_("On the page: “%s”"), profile->description);
  g_autofree char *subtitle = profile->meaning != NULL ? g_strdup_printf ("%s\n%s", profile->meaning, page)
                                                       : g_strdup (page);

  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "guide-title"), profile->name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "guide-subtitle"), subtitle);
}

static GtkWidget *
profile_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* At least ten characters: laid out one word a line, the smallest width
   * of a long subtitle costs more than the rest of its layouts. */
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A row like AdwActionRow's, but in a grid: a horizontal box lays a wrapped
 * subtitle out again and again. */
static GtkWidget *
profile_row_new (const GuideProfile *profile)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = profile_label_new ("title");
  GtkWidget *subtitle = profile_label_new ("subtitle");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (grid, "profile");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_grid_attach (GTK_GRID (grid), texts, 0, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  g_object_set_data (G_OBJECT (row), "guide-title", title);
  g_object_set_data (G_OBJECT (row), "guide-subtitle", subtitle);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle, NULL,
                                  -1);
  set_profile (row, profile);

  if (profile->recommended)
    {
      /* Translated like the template's strings, at each switch of language. */
      GtkWidget *tag = gtk_label_new (N_("Usual choice"));

      guide_i18n_translate_widget (tag);

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "tag");
      gtk_grid_attach (GTK_GRID (grid), tag, 1, 0, 1, 1);
      gtk_widget_add_css_class (row, "recommended");
    }

  return row;
}

/* A step row, the column of a stage and the original guide's title each have
 * a height for their width, the natural one (a list box gives each row its
 * least, at which a picture, which can shrink to nothing, would not be seen),
 * and one width, their least. Asked for a height at no width, AdwClamp would
 * lay a whole stage out at its widest; asked for a width at a height, as the
 * expander's horizontal title box asks, a wrapped label would lay its text
 * out again and again, in a search: neither question is answered. */
static GtkSizeRequestMode
layout_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
  else if (for_size >= 0)
    {
      gtk_widget_measure (child, orientation, for_size, NULL, natural, NULL, NULL);
      *minimum = *natural;
    }
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

/**
 * guide_step_row_layout_new:
 *
 * Returns: (transfer full): the layout of a step row, for a widget whose one
 *   child has, like it, a height for its width and one width
 */
GtkLayoutManager *
guide_step_row_layout_new (void)
{
  return gtk_custom_layout_new (layout_request_mode, layout_measure, layout_allocate);
}

static void
done_toggled_cb (GuideStepRow   *self,
                 GtkCheckButton *check)
{
  g_signal_emit (self, signals[TOGGLED], 0, gtk_check_button_get_active (check));
}

static void
picture_clicked_cb (GuideStepRow *self)
{
  GtkWidget *viewer = guide_picture_viewer_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                GUIDE_SCREENSHOT (gtk_picture_get_paintable (self->illustration)),
                                                self->picture_alt);

  gtk_window_present (GTK_WINDOW (viewer));
}

static void
guide_step_row_finalize (GObject *object)
{
  GuideStepRow *self = (GuideStepRow *)object;

  g_free (self->step_id);
  g_free (self->picture_alt);
  g_free (self->profiles_of);

  G_OBJECT_CLASS (guide_step_row_parent_class)->finalize (object);
}

static void
guide_step_row_class_init (GuideStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = guide_step_row_finalize;

  /**
   * GuideStepRow::toggled:
   * @done: whether the user marked the step done
   */
  signals[TOGGLED] =
    g_signal_new ("toggled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, picture_button);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, illustration);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, profiles_list);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, done_date_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, withdrawn_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GuideStepRow, notes_box);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, picture_clicked_cb);
}

static void
guide_step_row_init (GuideStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  guide_i18n_translate_widget (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), guide_step_row_layout_new ());

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->done_check),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->text_label, NULL,
                                  -1);
}

/**
 * guide_step_row_new:
 * @number: the step's number in its list
 * @withdrawn: whether the step is one of the original guide's for a method
 *   that is no longer offered: marked as such, and without a check
 */
GtkWidget *
guide_step_row_new (guint    number,
                    gboolean withdrawn)
{
  GuideStepRow *self = g_object_new (GUIDE_TYPE_STEP_ROW, NULL);
  g_autofree char *text = g_strdup_printf ("%u", number);

  gtk_label_set_label (self->number_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->done_check), !withdrawn);
  gtk_widget_set_visible (GTK_WIDGET (self->withdrawn_label), withdrawn);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), !withdrawn);
  if (withdrawn)
    gtk_widget_add_css_class (GTK_WIDGET (self), "withdrawn");

  return GTK_WIDGET (self);
}

/**
 * guide_step_row_set_step:
 *
 * Shows @step, in place, but for its picture, which
 * guide_step_row_set_picture() shows: switching language keeps the row, its
 * focus and the scroll position around it.
 */
void
guide_step_row_set_step (GuideStepRow    *self,
                         const GuideStep *step)
{
  GtkWidget *child;

  g_free (self->step_id);
  self->step_id = g_strdup (step->id);

  guide_address_label_set_text (self->text_label, step->text);

  if (step->uri != NULL)
    guide_address_label_set_button (self->open_button, step->label, step->uri);
  /* A prepared message, which the guide gives only with a mailto: address,
   * is composed by the window from the guide it shows. */
  if (step->mail_subject != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", step->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "win.write-mail");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), step->uri != NULL);

  /* A different list is built again; the same one, in another language, is
   * updated in place. */
  if (g_strcmp0 (self->profiles_of, step->id) == 0 &&
      gtk_list_box_get_row_at_index (self->profiles_list, step->profiles->len) == NULL)
    {
      child = gtk_widget_get_first_child (GTK_WIDGET (self->profiles_list));
      for (guint i = 0; i < step->profiles->len; i++, child = gtk_widget_get_next_sibling (child))
        set_profile (child, g_ptr_array_index (step->profiles, i));
    }
  else
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profiles_list))) != NULL)
        gtk_list_box_remove (self->profiles_list, child);
      for (guint i = 0; i < step->profiles->len; i++)
        gtk_list_box_append (self->profiles_list, profile_row_new (g_ptr_array_index (step->profiles, i)));
      gtk_widget_set_visible (GTK_WIDGET (self->profiles_list), step->profiles->len > 0);
      g_free (self->profiles_of);
      self->profiles_of = g_strdup (step->id);
    }

  guide_note_box_fill (self->notes_box, step->notes);
}

/**
 * guide_step_row_set_picture:
 *
 * Shows the picture of @step, the step the row shows, in the current
 * language, if it has one.
 */
void
guide_step_row_set_picture (GuideStepRow    *self,
                            const GuideStep *step)
{
  g_autoptr(GuideScreenshot) screenshot = NULL;

  /* Only the pictures of the stage on screen are looked up, each read once. */
  g_free (self->picture_alt);
  self->picture_alt = g_strdup (step->picture_alt);
  if (step->picture != NULL)
    {
      screenshot = guide_screenshot_lookup (step->picture, guide_i18n_get_language ());
      gtk_picture_set_paintable (self->illustration, GDK_PAINTABLE (screenshot));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->illustration),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Illustration"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, step->picture_alt,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the illustration larger"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, step->picture_alt,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->picture_button), screenshot != NULL);
}

const char *
guide_step_row_get_step_id (GuideStepRow *self)
{
  return self->step_id;
}

/**
 * guide_step_row_set_done:
 * @done: (nullable): when the step was marked done, or %NULL if it is not
 *
 * Shows the step as done or not, without emitting #GuideStepRow::toggled.
 */
void
guide_step_row_set_done (GuideStepRow *self,
                         GDateTime    *done)
{
  g_signal_handlers_block_by_func (self->done_check, done_toggled_cb, self);
  gtk_check_button_set_active (self->done_check, done != NULL);
  g_signal_handlers_unblock_by_func (self->done_check, done_toggled_cb, self);

  gtk_widget_set_visible (GTK_WIDGET (self->done_date_label), done != NULL);
  if (done != NULL)
    {
      g_autofree char *day = guide_i18n_format_time (guide_i18n_get_language (), done);
      g_autofree char *text = g_strdup_printf (_("Done on %s"), day);

      gtk_label_set_label (self->done_date_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self), "done");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "done");
}

/* guide-presentation-fit.c
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

/* The fitting of a slide to the room the screen gives it. A slide whose
 * content is taller than the screen changes its layout (QR codes side by
 * side, under the text, smaller codes, then smaller type on that slide
 * alone), so that the window is never larger than the screen and every code
 * is entirely on it.
 *
 * The smaller type is a scale on the slide's labels, not a style: a label
 * measures with its attributes at once, where a change of style is only
 * seen at the next frame, so that a slide would be measured with the type
 * of the slide before it. */

#include "guide-presentation-fit.h"
#include "guide-presentation-private.h"
#include "guide-qr-code.h"

/* The ways a slide can be laid out, tried in this order until it fits:
 * the codes beside the text, one above the other, then side by side, then
 * under the text, then smaller codes; only then smaller type, a step at a
 * time. */
typedef struct
{
  gboolean codes_below;
  gboolean codes_side_by_side;
  gboolean small_codes;
  guint    smaller_type;
} Fit;

static const Fit fits[] = {
  { FALSE, FALSE, FALSE, 0 },
  { FALSE, TRUE, FALSE, 0 },
  { TRUE, TRUE, FALSE, 0 },
  { FALSE, TRUE, TRUE, 0 },
  { TRUE, TRUE, TRUE, 0 },
  { FALSE, TRUE, TRUE, 1 },
  { TRUE, TRUE, TRUE, 1 },
  { FALSE, TRUE, TRUE, 2 },
  { TRUE, TRUE, TRUE, 2 },
  { FALSE, TRUE, TRUE, 3 },
  { TRUE, TRUE, TRUE, 3 },
  { FALSE, TRUE, TRUE, 4 },
  { TRUE, TRUE, TRUE, 4 },
  { FALSE, TRUE, TRUE, 5 },
  { TRUE, TRUE, TRUE, 5 },
};

/* Each smaller type is a tenth smaller than the one before, and never
 * under ten pixels. */
static double
type_scale (GuidePresentation *self,
            guint              smaller_type)
{
  return MAX (self->font_size * (10 - (int) smaller_type) / 10, 10) / (double) self->font_size;
}

static gboolean
is_scale (PangoAttribute *attribute,
          gpointer        user_data)
{
  return attribute->klass->type == PANGO_ATTR_SCALE;
}

/* Every label of the slide but the counter and the keys' hint, which are
 * the trainer's, the same size on every slide. */
static void
scale_labels (GuidePresentation *self,
              GtkWidget         *widget,
              double             scale)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && child != GTK_WIDGET (self->counter_label) && child != GTK_WIDGET (self->hint_label))
        {
          PangoAttrList *current = gtk_label_get_attributes (GTK_LABEL (child));
          g_autoptr(PangoAttrList) attributes = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
          PangoAttrList *removed = pango_attr_list_filter (attributes, is_scale, NULL);

          g_clear_pointer (&removed, pango_attr_list_unref);
          if (scale != 1.0)
            pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
          gtk_label_set_attributes (GTK_LABEL (child), attributes);
        }

      scale_labels (self, child, scale);
    }
}

/* The side of a QR code, in pixels: a phone scans it from the back of the
 * room at a quarter of the screen's height, a third when no picture is
 * beside it; a slide short of room can go down to a quarter, or to 300
 * pixels on the tallest screens, which are still enough. */
static int
code_side (GuidePresentation *self,
           gboolean           small)
{
  int smallest = MIN (self->screen_height / 4, 300);
  gboolean picture = gtk_widget_get_visible (GTK_WIDGET (self->illustration));

  if (small)
    return smallest;

  return MAX (smallest, self->screen_height / (picture ? 4 : 3));
}

static void
apply_fit (GuidePresentation *self,
           const Fit         *fit)
{
  int side = code_side (self, fit->small_codes);
  GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (self->codes_box));
  GtkLayoutChild *child = gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (grid),
                                                               GTK_WIDGET (self->codes_box));

  gtk_grid_layout_child_set_column (GTK_GRID_LAYOUT_CHILD (child), fit->codes_below ? 0 : 1);
  gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), fit->codes_below ? 1 : 0);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->codes_box),
                                  fit->codes_side_by_side ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    guide_qr_code_set_side (GUIDE_QR_CODE (gtk_widget_get_first_child (box)), side);

  scale_labels (self, GTK_WIDGET (self->stack), type_scale (self, fit->smaller_type));

  /* Named on the window, for what looks at the slide from outside. */
  if (fit->smaller_type != self->smaller_type)
    {
      g_autofree char *old_class = g_strdup_printf ("smaller-%u", self->smaller_type);
      g_autofree char *new_class = g_strdup_printf ("smaller-%u", fit->smaller_type);

      gtk_widget_remove_css_class (GTK_WIDGET (self), old_class);
      if (fit->smaller_type > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self), new_class);
      self->smaller_type = fit->smaller_type;
    }
}

static gboolean
slide_fits (GuidePresentation *self)
{
  GtkWidget *content = GTK_WIDGET (self->stack);
  int width, height;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  if (width > self->content_width)
    return FALSE;

  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, self->content_width, &height, NULL, NULL, NULL);
  return height <= self->content_height;
}

void
guide_presentation_fit_slide (GuidePresentation *self)
{
  guint n_codes = 0;
  const Fit *tried = NULL;

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    n_codes++;

  for (guint i = 0; i < G_N_ELEMENTS (fits); i++)
    {
      const Fit *fit = &fits[i];

      /* What makes no difference on this slide is not tried twice. */
      if (tried != NULL && fit->smaller_type == tried->smaller_type &&
          (n_codes == 0 || (fit->codes_below == tried->codes_below &&
                            (n_codes < 2 || fit->codes_side_by_side == tried->codes_side_by_side) &&
                            code_side (self, fit->small_codes) == code_side (self, tried->small_codes))))
        continue;

      tried = fit;
      apply_fit (self, fit);
      if (slide_fits (self))
        return;
    }
}

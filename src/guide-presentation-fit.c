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

/* The fitting of a slide to the screen. Sizes come from the screen, never
 * from the window: the window is as large as its content asks, so type that
 * followed the window would grow the window that grows the type. A slide
 * whose content is taller than the screen changes its layout instead (QR
 * codes side by side, smaller codes, then smaller type on that slide alone),
 * so that the window is never larger than the screen and every code is
 * entirely on it. */

#include "guide-presentation-fit.h"
#include "guide-presentation-private.h"
#include "guide-presentation-slides.h"
#include "guide-qr-code.h"

/* The ways a slide can be laid out, tried in this order until it fits. */
typedef struct
{
  gboolean codes_side_by_side;
  gboolean small_codes;
  guint    smaller_type;
} Fit;

static const Fit fits[] = {
  { FALSE, FALSE, 0 },
  { TRUE, FALSE, 0 },
  { TRUE, TRUE, 0 },
  { TRUE, TRUE, 1 },
  { TRUE, TRUE, 2 },
  { TRUE, TRUE, 3 },
  { TRUE, TRUE, 4 },
  { TRUE, TRUE, 5 },
};

/* Each smaller type is a tenth smaller than the one before. */
#define N_SMALLER_TYPES 5

/* Type that reads from the back of a room: 28 pixels at 1080 lines. */
#define LINES_PER_SCREEN 38

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

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->codes_box),
                                  fit->codes_side_by_side ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    guide_qr_code_set_side (GUIDE_QR_CODE (gtk_widget_get_first_child (box)), side);

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

      if (tried != NULL && fit->smaller_type == tried->smaller_type &&
          (n_codes < 2 || fit->codes_side_by_side == tried->codes_side_by_side) &&
          (n_codes == 0 || code_side (self, fit->small_codes) == code_side (self, tried->small_codes)))
        continue;

      tried = fit;
      apply_fit (self, fit);
      if (slide_fits (self))
        return;
    }
}

/* The type of every slide, and the smaller ones a slide that does not fit
 * steps down to. */
static void
load_type_sizes (GuidePresentation *self)
{
  g_autoptr(GString) css = g_string_new (NULL);

  g_string_append_printf (css, "window.presentation { font-size: %dpx; }\n", self->font_size);
  for (guint i = 1; i <= N_SMALLER_TYPES; i++)
    g_string_append_printf (css, "window.presentation.smaller-%u { font-size: %dpx; }\n",
                            i, MAX (self->font_size * (10 - (int) i) / 10, 10));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->provider, css->str);
#else
  gtk_css_provider_load_from_data (self->provider, css->str, -1);
#endif
}

void
guide_presentation_set_monitor (GuidePresentation *self,
                                GdkMonitor        *monitor)
{
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width == self->screen_width && geometry.height == self->screen_height)
    return;

  self->screen_width = self->content_width = geometry.width;
  self->screen_height = self->content_height = geometry.height;
  self->font_size = MAX (geometry.height / LINES_PER_SCREEN, 14);
  load_type_sizes (self);

  if (self->slides->len > 0)
    guide_presentation_show_slide (self);
}

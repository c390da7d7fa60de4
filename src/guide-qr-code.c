/* guide-qr-code.c
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

/* A QR code that a phone can scan from a projected screen: every module is
 * a whole number of device pixels, with no smoothing, dark on a light quiet
 * zone whatever the style, as scanners expect. Whoever shows it names it for
 * screen readers. The printed handout draws its codes with the same
 * function. */

#include "guide-qr-code.h"

/* The light margin around the code, in modules, that the standard asks for. */
#define QUIET_ZONE 4

struct _GuideQrCode
{
  GtkWidget  parent_instance;

  char      *text;
  QRcode    *code;
  int        side;
  int        min_version;
};

G_DEFINE_FINAL_TYPE (GuideQrCode, guide_qr_code, GTK_TYPE_WIDGET)

static int
n_modules (GuideQrCode *self)
{
  return self->code != NULL ? self->code->width + 2 * QUIET_ZONE : 0;
}

static void
encode (GuideQrCode *self)
{
  g_clear_pointer (&self->code, QRcode_free);
  self->code = guide_qr_code_encode (self->text, self->min_version);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
guide_qr_code_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GuideQrCode *self = GUIDE_QR_CODE (widget);
  int modules = n_modules (self);

  /* Modules are whole pixels, so a side asked for is rounded up to them:
   * the code drawn is never smaller than asked. */
  if (self->side > 0 && modules > 0)
    {
      *minimum = *natural = (self->side + modules - 1) / modules * modules;
      return;
    }

  *minimum = 2 * modules;
  *natural = 4 * modules;
}

static void
guide_qr_code_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GuideQrCode *self = GUIDE_QR_CODE (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (widget) * scale_factor;
  int height = gtk_widget_get_height (widget) * scale_factor;
  int modules = n_modules (self);
  int side, x, y;
  cairo_t *cr;

  if (modules == 0 || MIN (width, height) < modules)
    return;

  /* Whole device pixels a module, centred. */
  side = MIN (width, height) / modules * modules;
  x = (width - side) / 2;
  y = (height - side) / 2;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, 1.0 / scale_factor, 1.0 / scale_factor);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, side, side));
  cairo_translate (cr, x, y);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  guide_qr_code_draw (self->code, cr, side);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}

static void
guide_qr_code_finalize (GObject *object)
{
  GuideQrCode *self = (GuideQrCode *)object;

  g_free (self->text);
  g_clear_pointer (&self->code, QRcode_free);

  G_OBJECT_CLASS (guide_qr_code_parent_class)->finalize (object);
}

static void
guide_qr_code_class_init (GuideQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = guide_qr_code_finalize;

  widget_class->measure = guide_qr_code_measure;
  widget_class->snapshot = guide_qr_code_snapshot;

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
guide_qr_code_init (GuideQrCode *self)
{
}

GtkWidget *
guide_qr_code_new (const char *text)
{
  GuideQrCode *self = g_object_new (GUIDE_TYPE_QR_CODE, NULL);

  self->text = g_strdup (text);
  encode (self);

  return GTK_WIDGET (self);
}

const char *
guide_qr_code_get_text (GuideQrCode *self)
{
  return self->text;
}

/* The code's version sets how many modules it has. */
int
guide_qr_code_get_version (GuideQrCode *self)
{
  return self->code != NULL ? self->code->version : 0;
}

/* Codes of the same version have as many modules, and so are drawn at the
 * same size side by side; 0 for the least the text needs. */
void
guide_qr_code_set_min_version (GuideQrCode *self,
                               int          version)
{
  if (self->min_version == version)
    return;

  self->min_version = version;
  encode (self);
}

/* @side is the least side of the code, quiet zone included, in pixels, or
 * 0 for the default size. */
void
guide_qr_code_set_side (GuideQrCode *self,
                        int          side)
{
  if (self->side == side)
    return;

  self->side = side;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Returns: (transfer full) (nullable): the code of @text, or %NULL, with a
 *   warning, for a text too long for any code */
QRcode *
guide_qr_code_encode (const char *text,
                      int         min_version)
{
  QRcode *code = QRcode_encodeString8bit (text, min_version, QR_ECLEVEL_M);

  if (code == NULL)
    g_warning ("Could not make a QR code of “%s”: %s", text, g_strerror (errno));

  return code;
}

/* Draws @code black on white at @cr's origin, @size its side with the
 * quiet zone. */
void
guide_qr_code_draw (const QRcode *code,
                    cairo_t      *cr,
                    double        size)
{
  double module = size / (code->width + 2 * QUIET_ZONE);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_fill (cr);

  /* A run of dark modules in a row is one rectangle, and all of them one
   * path, filled at once, so that no seam shows between neighbours at any
   * resolution. */
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      {
        int start = x;

        while (x < code->width && (code->data[y * code->width + x] & 1))
          x++;
        if (x > start)
          cairo_rectangle (cr, (start + QUIET_ZONE) * module, (y + QUIET_ZONE) * module,
                           (x - start) * module, module);
      }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);
}

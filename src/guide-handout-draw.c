/* guide-handout-draw.c
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

/* The handout's items drawn with cairo: shapes, check boxes, QR codes and
 * pictures (SVG drawings as vectors), and the footer of every page. */

#include <pango/pangocairo.h>

#include "guide-handout-draw.h"
#include "guide-handout-private.h"
#include "guide-i18n.h"

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_colour (cairo_t                  *cr,
            const GuideHandoutColour *colour)
{
  cairo_set_source_rgb (cr, colour->red, colour->green, colour->blue);
}

/* In a PDF, an address is also a link; other surfaces ignore it. */
static void
link_begin (cairo_t    *cr,
            const char *uri)
{
  g_autoptr(GString) attributes = g_string_new ("uri='");

  for (const char *c = uri; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *c);
    }
  g_string_append_c (attributes, '\'');
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
}

static void
draw_qr (cairo_t          *cr,
         GuideHandoutItem *item)
{
  int modules = item->code->width + 2 * QR_QUIET_ZONE;
  double module = item->width / modules;

  set_colour (cr, &white);
  cairo_rectangle (cr, item->x, item->y, item->width, item->height);
  cairo_fill (cr);

  /* One path for every dark module, filled at once, so that no seam shows
   * between neighbours at any resolution. */
  for (int y = 0; y < item->code->width; y++)
    for (int x = 0; x < item->code->width; x++)
      if (item->code->data[y * item->code->width + x] & 1)
        cairo_rectangle (cr,
                         item->x + (x + QR_QUIET_ZONE) * module,
                         item->y + (y + QR_QUIET_ZONE) * module,
                         module, module);
  set_colour (cr, &ink);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
}

static void
draw_picture (cairo_t          *cr,
              GuideHandoutItem *item)
{
  g_autoptr(GError) error = NULL;

  cairo_save (cr);
  cairo_rectangle (cr, item->x, item->y, item->width, item->height);
  cairo_clip (cr);

  if (guide_screenshot_is_vector (item->picture))
    {
      RsvgRectangle viewport = { item->x, item->y, item->width, item->height };

      if (item->svg == NULL)
        {
          g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (guide_screenshot_get_bytes (item->picture));

          item->svg = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &error);
        }

      if (item->svg == NULL || !rsvg_handle_render_document (item->svg, cr, &viewport, &error))
        g_warning ("The picture “%s” could not be drawn: %s",
                   guide_screenshot_get_origin (item->picture), error->message);
    }
  else
    {
      g_autoptr(GdkTexture) texture = guide_screenshot_render (item->picture, 0, 0);
      cairo_surface_t *surface;
      int width, height;

      if (texture != NULL)
        {
          width = gdk_texture_get_width (texture);
          height = gdk_texture_get_height (texture);
          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
          gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                                cairo_image_surface_get_stride (surface));
          cairo_surface_mark_dirty (surface);

          cairo_translate (cr, item->x, item->y);
          cairo_scale (cr, item->width / width, item->height / height);
          cairo_set_source_surface (cr, surface, 0, 0);
          cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
          cairo_paint (cr);
          cairo_surface_destroy (surface);
        }
    }

  cairo_restore (cr);
}

static void
draw_check (cairo_t          *cr,
            GuideHandoutItem *item)
{
  rounded_rectangle (cr, item->x, item->y, item->width, item->height, 2);
  set_colour (cr, &ink);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (!item->ticked)
    return;

  cairo_move_to (cr, item->x + item->width * 0.2, item->y + item->height * 0.52);
  cairo_line_to (cr, item->x + item->width * 0.42, item->y + item->height * 0.75);
  cairo_line_to (cr, item->x + item->width * 0.82, item->y + item->height * 0.24);
  set_colour (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

void
guide_handout_draw_item (cairo_t          *cr,
                         GuideHandoutItem *item)
{
  cairo_save (cr);

  switch (item->kind)
    {
    case GUIDE_HANDOUT_ITEM_TEXT:
      if (item->uri != NULL)
        link_begin (cr, item->uri);
      set_colour (cr, &item->colour);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      if (item->uri != NULL)
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      break;

    case GUIDE_HANDOUT_ITEM_FILL:
      rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
      set_colour (cr, &item->colour);
      cairo_fill (cr);
      break;

    case GUIDE_HANDOUT_ITEM_OUTLINE:
      rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
      set_colour (cr, &item->colour);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      break;

    case GUIDE_HANDOUT_ITEM_LINE:
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x + item->width, item->y);
      set_colour (cr, &item->colour);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      break;

    case GUIDE_HANDOUT_ITEM_CHECK:
      draw_check (cr, item);
      break;

    case GUIDE_HANDOUT_ITEM_QR:
      link_begin (cr, item->uri);
      draw_qr (cr, item);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
      break;

    case GUIDE_HANDOUT_ITEM_PICTURE:
      draw_picture (cr, item);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
}

void
guide_handout_draw_footer (GuideHandout *self,
                           cairo_t      *cr,
                           guint         page)
{
  double width = self->page_width - 2 * MARGIN_SIDE;
  double y = self->page_height - MARGIN_BOTTOM + 22;
  g_autofree char *date = guide_handout_format_date (self->date);
  g_autofree char *printed = g_strdup_printf (_("Printed on %s"), date);
  g_autofree char *left = g_strdup_printf ("%s · %s", guide_book_get_title (self->book), printed);
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) right_layout = guide_handout_layout_new (self, right, FONT_SMALL, -1);
  g_autoptr(PangoLayout) left_layout = NULL;
  PangoRectangle logical;

  pango_layout_get_extents (right_layout, NULL, &logical);
  left_layout = guide_handout_layout_new (self, left, FONT_SMALL, width - pango_units_to_double (logical.width) - 12);
  pango_layout_set_ellipsize (left_layout, PANGO_ELLIPSIZE_END);

  cairo_save (cr);
  cairo_move_to (cr, MARGIN_SIDE, y - 6);
  cairo_line_to (cr, MARGIN_SIDE + width, y - 6);
  set_colour (cr, &hairline);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);

  set_colour (cr, &muted);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, left_layout);
  cairo_move_to (cr, MARGIN_SIDE + width - pango_units_to_double (logical.width), y);
  pango_cairo_show_layout (cr, right_layout);
  cairo_restore (cr);
}

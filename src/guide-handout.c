/* guide-handout.c
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

/* The guide on paper, for trainers to hand out and clinicians to tick with a
 * pen: every stage, step, note, picture and address, with a check box for
 * each step the user can tick.
 *
 * The guide is cut into blocks, each drawn by a function that only measures
 * it when given no cairo context: the blocks are measured for the paper and
 * put on pages, then GtkPrintOperation draws each page's blocks, for the
 * print dialog as for --export-pdf. Text is laid out in points with unhinted
 * metrics, so that it breaks the same way on paper, in a PDF and in a
 * preview. */

#include <errno.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "guide-handout-private.h"
#include "guide-i18n.h"
#include "guide-qr-code.h"
#include "guide-screenshot.h"
#include "guide-uri.h"

/* A QR code's side, quiet zone included: about 23 mm, which a phone reads
 * from a desk's distance. */
#define QR_SIZE 66.0

/* Where a step's text, and everything that belongs to it, starts: right of
 * its check box and number. */
#define STEP_INDENT 42.0

#define PICTURE_MAX_WIDTH 300.0
#define PICTURE_MAX_HEIGHT 230.0

#define FONT_FAMILY "Cantarell"
#define FONT_BODY FONT_FAMILY " 10"
#define FONT_BODY_BOLD FONT_FAMILY " Bold 10"
#define FONT_STEP FONT_FAMILY " 10.5"
#define FONT_STEP_NUMBER FONT_FAMILY " Bold 10.5"
#define FONT_SMALL FONT_FAMILY " 8.5"
#define FONT_SMALL_BOLD FONT_FAMILY " Bold 8.5"
#define FONT_CAPTION FONT_FAMILY " Italic 8.5"
#define FONT_KICKER FONT_FAMILY " Bold 9"
#define FONT_TITLE FONT_FAMILY " Bold 22"
#define FONT_STAGE FONT_FAMILY " Bold 17"
#define FONT_SECTION FONT_FAMILY " Bold 13"
#define FONT_ADDRESS "Monospace 8.5"

static const GdkRGBA ink = { 0.12, 0.12, 0.14, 1 };
static const GdkRGBA muted = { 0.37, 0.36, 0.39, 1 };
static const GdkRGBA accent = { 0.10, 0.37, 0.71, 1 };
static const GdkRGBA hairline = { 0.78, 0.79, 0.81, 1 };
static const GdkRGBA info_fill = { 0.93, 0.95, 0.98, 1 };
static const GdkRGBA info_bar = { 0.21, 0.52, 0.89, 1 };
static const GdkRGBA update_fill = { 0.99, 0.96, 0.87, 1 };
static const GdkRGBA update_bar = { 0.90, 0.65, 0.04, 1 };
static const GdkRGBA withdrawn_fill = { 0.95, 0.95, 0.95, 1 };
static const GdkRGBA recommended_fill = { 0.91, 0.95, 0.99, 1 };

G_DEFINE_FINAL_TYPE (GuideHandout, guide_handout, G_TYPE_OBJECT)

/* A layout of @text in @font, in points and in the guide's language,
 * wrapped at @width when it is positive. */
static PangoLayout *
layout_new (GuideHandout *self,
            const char   *text,
            const char   *font,
            double        width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = pango_font_description_from_string (font);
  PangoAttrList *attributes;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_line_spacing (layout, 1.15);
  pango_layout_set_text (layout, text, -1);

  /* An address broken across two lines must be typed as it is written:
   * cut where the window cuts it, and no hyphen is added where a word is
   * broken. */
  attributes = guide_uri_attributes_new (text);
  pango_attr_list_insert_before (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

/* Draws @layout at @x, @y in @colour, or keeps it, measured, for the tests
 * when @cr is %NULL; returns its height. */
static double
show_layout (GuideHandout  *self,
             cairo_t       *cr,
             double         x,
             double         y,
             PangoLayout   *layout,
             const GdkRGBA *colour)
{
  if (cr == NULL)
    g_ptr_array_add (self->layouts, g_object_ref (layout));
  else
    {
      gdk_cairo_set_source_rgba (cr, colour);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  return layout_height (layout);
}

static double
show_text (GuideHandout  *self,
           cairo_t       *cr,
           double         x,
           double         y,
           double         width,
           const char    *text,
           const char    *font,
           const GdkRGBA *colour)
{
  g_autoptr(PangoLayout) layout = layout_new (self, text, font, width);

  return show_layout (self, cr, x, y, layout, colour);
}

/* A box with rounded corners, filled with @colour when @line_width is 0 and
 * outlined otherwise; nothing when only measuring. */
static void
box (cairo_t       *cr,
     double         x,
     double         y,
     double         width,
     double         height,
     double         radius,
     const GdkRGBA *colour,
     double         line_width)
{
  if (cr == NULL)
    return;

  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, colour);
  if (line_width == 0)
    cairo_fill (cr);
  else
    {
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
    }
}

/* A hairline across, unless only measuring. */
static void
rule (cairo_t *cr,
      double   x,
      double   y,
      double   width)
{
  if (cr == NULL)
    return;

  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  gdk_cairo_set_source_rgba (cr, &hairline);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
}

/* In a PDF, an address is also a link; other surfaces ignore it. Cairo
 * quotes it with ', which an e-mail address may hold; a backslash no
 * address may (guide_uri_is_site_acceptable()). */
static void
link_begin (cairo_t    *cr,
            const char *uri)
{
  g_autoptr(GString) attributes = g_string_new (uri);

  g_string_replace (attributes, "'", "%27", 0);
  g_string_prepend (attributes, "uri='");
  g_string_append_c (attributes, '\'');
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
}

static double
block_width (GuideHandout            *self,
             const GuideHandoutBlock *block)
{
  return self->page_width - 2 * MARGIN_SIDE - block->indent;
}

/* @date, in local time, as the guide's language writes it on the handout. */
static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: how a date is written on the printed handout, in
   * g_date_time_format()'s notation; only numbers, since month names
   * would follow the process's locale rather than the guide's language. */
  return g_date_time_format (local, _("%Y-%m-%d"));
}

/* How many of @stage's steps, or of the whole guide's when @stage is %NULL,
 * the user has done, in words. */
static char *
format_count (GuideHandout     *self,
              const GuideStage *stage)
{
  return guide_i18n_format_count (guide_book_get_language (self->book),
                                  guide_progress_count_done (self->progress, self->book, stage),
                                  stage != NULL ? stage->steps->len : guide_book_get_n_steps (self->book));
}

/* An address written out beside its QR code, centred on it, which the eye
 * reads them with; both are links to it. Returns the height. */
static double
show_address (GuideHandout *self,
              cairo_t      *cr,
              double        x,
              double        y,
              double        width,
              const char   *label,
              const char   *uri)
{
  g_autofree char *display = guide_uri_get_display (uri);
  QRcode *code = guide_qr_code_encode (uri, 0);
  double size = code != NULL ? QR_SIZE : 0;
  double text_x = code != NULL ? x + size + 8 : x;
  double text_width = x + width - text_x;
  g_autoptr(PangoLayout) label_layout = label != NULL ? layout_new (self, label, FONT_BODY_BOLD, text_width) : NULL;
  g_autoptr(PangoLayout) address_layout = layout_new (self, display, FONT_ADDRESS, text_width);
  double label_height = label != NULL ? layout_height (label_layout) + 2 : 0;
  double address_height = layout_height (address_layout);
  double text_y = y + MAX (0, (size - label_height - address_height) / 2);

  if (code != NULL && cr != NULL)
    {
      cairo_save (cr);
      link_begin (cr, uri);
      cairo_translate (cr, x, y);
      guide_qr_code_draw (code, cr, size);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
      cairo_restore (cr);
    }
  g_clear_pointer (&code, QRcode_free);

  if (label_layout != NULL)
    show_layout (self, cr, text_x, text_y, label_layout, &ink);
  if (cr != NULL)
    link_begin (cr, uri);
  show_layout (self, cr, text_x, text_y + label_height, address_layout, &accent);
  if (cr != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);

  return MAX (size, label_height + address_height);
}

/* A note in a tinted box, with a bar on its side as in the window. */
static double
draw_note (GuideHandout            *self,
           cairo_t                 *cr,
           const GuideHandoutBlock *block)
{
  const GuideNote *note = block->data;
  const double padding = 9, bar = 3;
  gboolean update = g_strcmp0 (note->kind, "update") == 0;
  double x = block->indent, width = block_width (self, block);
  double inner_x = x + bar + padding;
  double inner_width = width - bar - 2 * padding;
  double y = padding;
  const char *title = note->title != NULL ? note->title : update ? _("Update") : NULL;

  /* Drawn once measured: the box's height is the block's. */
  box (cr, x, 0, width, block->height, 4, update ? &update_fill : &info_fill, 0);
  box (cr, x, 0, bar, block->height, 1, update ? &update_bar : &info_bar, 0);

  if (title != NULL)
    y += show_text (self, cr, inner_x, y, inner_width, title, FONT_BODY_BOLD, &ink) + 2;

  y += show_text (self, cr, inner_x, y, inner_width, note->text, FONT_BODY, &ink);

  if (note->source != NULL)
    y += 4 + show_text (self, cr, inner_x, y + 4, inner_width, note->source, FONT_CAPTION, &muted);

  if (note->uri != NULL)
    y += 8 + show_address (self, cr, inner_x, y + 8, inner_width, note->label, note->uri);

  return y + padding;
}

/* The access profiles as the page lists them, the usual one marked. */
static double
draw_profiles (GuideHandout            *self,
               cairo_t                 *cr,
               const GuideHandoutBlock *block)
{
  GPtrArray *profiles = ((const GuideStep *) block->data)->profiles;
  const double padding = 6, name_width = 150;
  double x = block->indent, width = block_width (self, block);
  double detail_x = x + padding + name_width + padding;
  double detail_width = width - name_width - 3 * padding;
  double y = 0;

  for (guint i = 0; i < profiles->len; i++)
    {
      const GuideProfile *profile = g_ptr_array_index (profiles, i);
      g_autofree char *page = g_strdup_printf (_("On the page: “%s”"), profile->description);
      g_autoptr(PangoLayout) name = layout_new (self, profile->name, FONT_BODY_BOLD, name_width);
      g_autoptr(PangoLayout) usual = layout_new (self, _("Usual choice"), FONT_SMALL_BOLD, name_width);
      g_autoptr(PangoLayout) meaning = NULL;
      g_autoptr(PangoLayout) source = layout_new (self, page, FONT_SMALL, detail_width);
      double name_height = layout_height (name);
      double meaning_height = 0, height;

      if (profile->meaning != NULL)
        {
          meaning = layout_new (self, profile->meaning, FONT_BODY, detail_width);
          meaning_height = layout_height (meaning) + 1;
        }
      height = MAX (name_height + (profile->recommended ? 2 + layout_height (usual) : 0),
                    meaning_height + layout_height (source)) + 2 * padding;

      if (profile->recommended)
        box (cr, x, y, width, height, 4, &recommended_fill, 0);

      show_layout (self, cr, x + padding, y + padding, name, &ink);
      if (profile->recommended)
        show_layout (self, cr, x + padding, y + padding + name_height + 2, usual, &accent);
      if (meaning != NULL)
        show_layout (self, cr, detail_x, y + padding, meaning, &ink);
      show_layout (self, cr, detail_x, y + padding + meaning_height, source, &muted);

      y += height;
      rule (cr, x, y, width);
    }

  return y;
}

/* A step's picture with its caption, small enough to share a page with its
 * step. */
static double
draw_picture (GuideHandout            *self,
              cairo_t                 *cr,
              const GuideHandoutBlock *block)
{
  const GuideStep *step = block->data;
  g_autoptr(GuideScreenshot) picture = guide_screenshot_lookup (step->picture, guide_book_get_language (self->book));
  g_autoptr(GError) error = NULL;
  double width, height;

  if (picture == NULL)
    return 0;

  width = MIN (block_width (self, block), PICTURE_MAX_WIDTH);
  height = width * gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (picture)) / gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (picture));
  if (height > PICTURE_MAX_HEIGHT)
    {
      width *= PICTURE_MAX_HEIGHT / height;
      height = PICTURE_MAX_HEIGHT;
    }

  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, block->indent, 0);
      if (!guide_screenshot_draw (picture, cr, width, height, &error))
        g_warning ("The picture “%s” could not be drawn: %s",
                   guide_screenshot_get_origin (picture), error->message);
      cairo_restore (cr);
      box (cr, block->indent, 0, width, height, 0, &hairline, 0.75);
    }

  /* On paper as in the window, a drawing is said to be one. */
  if (step->picture_alt != NULL)
    {
      g_autofree char *caption = g_strdup_printf (_("Illustration: %s"), step->picture_alt);

      height += 4 + show_text (self, cr, block->indent, height + 4, width, caption, FONT_CAPTION, &muted);
    }

  return height;
}

/* A step with its check box, unless it is one of the original guide's,
 * there to read and never to tick. */
static double
draw_step (GuideHandout            *self,
           cairo_t                 *cr,
           const GuideHandoutBlock *block)
{
  const GuideStep *step = block->data;
  const GdkRGBA *colour = block->withdrawn ? &muted : &ink;
  double text_width = block_width (self, block) - STEP_INDENT;
  g_autofree char *number = g_strdup_printf ("%u.", block->number);
  gboolean ticked = !block->withdrawn && self->progress != NULL && guide_progress_is_done (self->progress, step->id);
  double y;

  if (!block->withdrawn)
    box (cr, 0, 0.5, 14, 14, 2, &ink, 1);
  if (ticked && cr != NULL)
    {
      cairo_move_to (cr, 14 * 0.2, 0.5 + 14 * 0.52);
      cairo_line_to (cr, 14 * 0.42, 0.5 + 14 * 0.75);
      cairo_line_to (cr, 14 * 0.82, 0.5 + 14 * 0.24);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  show_text (self, cr, 20, 0, STEP_INDENT - 20, number, FONT_STEP_NUMBER, colour);
  y = show_text (self, cr, STEP_INDENT, 0, text_width, step->text, FONT_STEP, colour);

  if (block->withdrawn)
    {
      g_autoptr(PangoLayout) layout = layout_new (self, _("No longer offered"), FONT_SMALL_BOLD, -1);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      box (cr, STEP_INDENT, y + 4, pango_units_to_double (logical.width) + 10, layout_height (layout) + 4,
           3, &muted, 0.75);
      y += 8 + show_layout (self, cr, STEP_INDENT + 5, y + 6, layout, &muted);
    }

  if (ticked)
    {
      g_autofree char *date = format_date (guide_progress_get_done_time (self->progress, step->id));
      g_autofree char *text = g_strdup_printf (_("Done on %s"), date);

      y += 2 + show_text (self, cr, STEP_INDENT, y + 2, text_width, text, FONT_SMALL_BOLD, &accent);
    }

  /* A step's one line is not as tall as its check box. */
  return block->withdrawn ? y : MAX (y, 14.5);
}

static double
draw_step_address (GuideHandout            *self,
                   cairo_t                 *cr,
                   const GuideHandoutBlock *block)
{
  const GuideStep *step = block->data;

  return show_address (self, cr, block->indent, 0, block_width (self, block), step->label, step->uri);
}

/* A stage's header: its number, title, summary and when it was checked. */
static double
draw_stage (GuideHandout            *self,
            cairo_t                 *cr,
            const GuideHandoutBlock *block)
{
  const GuideStage *stage = block->data;
  double width = block_width (self, block);
  guint n_stages = guide_book_get_stages (self->book)->len;
  g_autofree char *kicker = g_strdup_printf (_("Stage %u of %u"), block->number + 1, n_stages);
  double y;

  y = show_text (self, cr, 0, 0, width, kicker, FONT_KICKER, &accent) + 2;
  y += show_text (self, cr, 0, y, width, stage->title, FONT_STAGE, &ink) + 4;
  y += show_text (self, cr, 0, y, width, stage->summary, FONT_BODY, &muted);
  if (g_date_valid (&stage->checked))
    {
      g_autofree char *day = guide_i18n_format_day (guide_book_get_language (self->book), &stage->checked);
      g_autofree char *checked = g_strdup_printf (_("Checked against the official pages on %s"), day);

      y += 4 + show_text (self, cr, 0, y + 4, width, checked, FONT_SMALL, &muted);
    }
  if (self->progress != NULL)
    {
      g_autofree char *count = format_count (self, stage);

      y += 4 + show_text (self, cr, 0, y + 4, width, count, FONT_SMALL_BOLD, &accent);
    }
  rule (cr, 0, y + 8, width);

  return y + 8;
}

/* The original guide's steps' heading, as the window shows it: marked as
 * no longer offered. */
static double
draw_original_heading (GuideHandout            *self,
                       cairo_t                 *cr,
                       const GuideHandoutBlock *block)
{
  const GuideStage *stage = block->data;
  const double padding = 9;
  double width = block_width (self, block);
  double y;

  box (cr, 0, 0, width, block->height, 4, &withdrawn_fill, 0);
  y = padding + show_text (self, cr, padding, padding, width - 2 * padding,
                           stage->original_title, FONT_SECTION, &muted) + 4;
  y += show_text (self, cr, padding, y, width - 2 * padding, stage->original_text, FONT_BODY, &ink);

  return y + padding;
}

/* The stages, each with its page and, when the user's ticks are printed,
 * how far they are in it: a sheet to find one's way, and one's place. The
 * stages' headers are the blocks that start a page, or may. */
static double
draw_contents (GuideHandout            *self,
               cairo_t                 *cr,
               const GuideHandoutBlock *block)
{
  const double number_width = 22, page_width = 40;
  double width = block_width (self, block);
  double title_width = width - number_width - page_width;
  double y;

  y = show_text (self, cr, 0, 0, width, _("Contents"), FONT_SECTION, &ink) + 6;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const GuideHandoutBlock *header = g_ptr_array_index (self->blocks, i);
      const GuideStage *stage = header->data;
      g_autofree char *number = NULL;
      double height;

      if (!header->new_page)
        continue;

      number = g_strdup_printf ("%u", header->number + 1);
      show_text (self, cr, 0, y + 6, number_width, number, FONT_STEP_NUMBER, &accent);
      height = show_text (self, cr, number_width, y + 6, title_width, stage->title, FONT_STEP_NUMBER, &ink);

      if (cr != NULL)
        {
          g_autofree char *page = g_strdup_printf ("%u", header->page + 1);
          g_autoptr(PangoLayout) layout = layout_new (self, page, FONT_STEP, page_width);

          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          show_layout (self, cr, width - page_width, y + 6, layout, &ink);
        }

      if (self->progress != NULL)
        {
          g_autofree char *count = format_count (self, stage);

          height += 1 + show_text (self, cr, number_width, y + 6 + height + 1, title_width,
                                   count, FONT_SMALL_BOLD, &accent);
        }

      y += 6 + height + 6;
      rule (cr, 0, y, width);
    }

  return y;
}

/* The guide's name and title, with how far the user is in it. */
static double
draw_cover (GuideHandout            *self,
            cairo_t                 *cr,
            const GuideHandoutBlock *block)
{
  double width = block_width (self, block);
  double y;

  y = show_text (self, cr, 0, 0, width, _("CPMS Access Guide"), FONT_KICKER, &accent) + 4;
  y += show_text (self, cr, 0, y, width, guide_book_get_title (self->book), FONT_TITLE, &ink);
  if (self->progress != NULL)
    {
      g_autofree char *count = format_count (self, NULL);

      y += 6 + show_text (self, cr, 0, y + 6, width, count, FONT_SMALL_BOLD, &accent);
    }
  rule (cr, 0, y + 10, width);

  return y + 10;
}

static double
draw_paragraph (GuideHandout            *self,
                cairo_t                 *cr,
                const GuideHandoutBlock *block)
{
  return show_text (self, cr, 0, 0, block_width (self, block), block->data, FONT_BODY, &ink);
}

static double
draw_contacts_heading (GuideHandout            *self,
                       cairo_t                 *cr,
                       const GuideHandoutBlock *block)
{
  double width = block_width (self, block);
  double y;

  rule (cr, 0, 0, width);
  y = 12 + show_text (self, cr, 0, 12, width, _("Help and Contacts"), FONT_SECTION, &ink) + 4;

  return y + show_text (self, cr, 0, y, width, guide_book_get_contacts_text (self->book), FONT_BODY, &ink);
}

static double
draw_contact (GuideHandout            *self,
              cairo_t                 *cr,
              const GuideHandoutBlock *block)
{
  const GuideAddress *address = block->data;

  return show_address (self, cr, 0, 0, block_width (self, block), address->name, address->uri);
}

/* The hospital's own IT, as the site file names it. */
static double
draw_site_contact (GuideHandout            *self,
                   cairo_t                 *cr,
                   const GuideHandoutBlock *block)
{
  const char *name = guide_site_get_contact_name (self->site);
  const char *email = guide_site_get_contact_email (self->site);
  const char *phone = guide_site_get_contact_phone (self->site);
  double width = block_width (self, block);
  double y;

  if (email != NULL)
    {
      g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);

      y = show_address (self, cr, 0, 0, width, name, mailto);
    }
  else
    y = show_text (self, cr, 0, 0, width, name, FONT_BODY_BOLD, &ink);

  if (phone != NULL)
    y += 2 + show_text (self, cr, email != NULL ? QR_SIZE + 8 : 0, y + 2, width, phone, FONT_BODY, &ink);

  return y;
}

/* A new block at the end of the handout, @space_before below the one
 * before, which it is kept with if @kept. */
static GuideHandoutBlock *
add_block (GuideHandout         *self,
           GuideHandoutDrawFunc  draw,
           gconstpointer         data,
           double                space_before,
           gboolean              kept)
{
  GuideHandoutBlock *block = g_new0 (GuideHandoutBlock, 1);

  if (kept)
    ((GuideHandoutBlock *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->keep_with_next = TRUE;
  block->draw = draw;
  block->data = data;
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);

  return block;
}

/* A step, then what belongs to it, each piece in a block kept with the
 * step's. */
static void
add_step (GuideHandout    *self,
          const GuideStep *step,
          guint            number,
          gboolean         withdrawn)
{
  /* The first step is kept with the heading before it. */
  GuideHandoutBlock *block = add_block (self, draw_step, step, 16, number == 1);

  block->number = number;
  block->withdrawn = withdrawn;

  if (step->uri != NULL)
    add_block (self, draw_step_address, step, 8, TRUE)->indent = STEP_INDENT;

  if (step->profiles->len > 0)
    add_block (self, draw_profiles, step, 8, TRUE)->indent = STEP_INDENT;

  if (step->picture != NULL)
    add_block (self, draw_picture, step, 10, TRUE)->indent = STEP_INDENT;

  for (guint i = 0; i < step->notes->len; i++)
    add_block (self, draw_note, g_ptr_array_index (step->notes, i), 8, TRUE)->indent = STEP_INDENT;
}

/* A stage: its header, which starts a page when little of one is left,
 * kept with its notes and its first step; its steps; and the original
 * guide's steps, under their heading, without a check box. */
static void
add_stage (GuideHandout     *self,
           const GuideStage *stage,
           guint             index)
{
  GuideHandoutBlock *block = add_block (self, draw_stage, stage, STAGE_GAP, FALSE);

  block->new_page = TRUE;
  block->number = index;
  for (guint i = 0; i < stage->notes->len; i++)
    add_block (self, draw_note, g_ptr_array_index (stage->notes, i), 12, TRUE);

  for (guint i = 0; i < stage->steps->len; i++)
    add_step (self, g_ptr_array_index (stage->steps, i), i + 1, FALSE);

  if (stage->original_steps->len == 0)
    return;

  add_block (self, draw_original_heading, stage, 24, FALSE);
  for (guint i = 0; i < stage->original_steps->len; i++)
    add_step (self, g_ptr_array_index (stage->original_steps, i), i + 1, TRUE);
}

/* The whole guide: its title, introduction and notes, the contents, the
 * stages, the helpdesk's addresses and, when the site file names them, the
 * hospital's own IT. */
static void
add_guide (GuideHandout *self)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  GStrv intro = guide_book_get_intro (self->book);
  GPtrArray *notes = guide_book_get_notes (self->book);
  GPtrArray *addresses = guide_book_get_addresses (self->book);

  add_block (self, draw_cover, NULL, 0, FALSE);
  for (guint i = 0; intro[i] != NULL; i++)
    add_block (self, draw_paragraph, intro[i], i == 0 ? 20 : 8, FALSE);
  for (guint i = 0; i < notes->len; i++)
    add_block (self, draw_note, g_ptr_array_index (notes, i), 12, FALSE);

  add_block (self, draw_contents, NULL, 22, FALSE);
  for (guint i = 0; i < stages->len; i++)
    add_stage (self, g_ptr_array_index (stages, i), i);

  add_block (self, draw_contacts_heading, NULL, 28, FALSE);
  for (guint i = 0; i < addresses->len; i++)
    add_block (self, draw_contact, g_ptr_array_index (addresses, i), 10, TRUE);
  if (self->site != NULL && guide_site_get_contact_name (self->site) != NULL)
    add_block (self, draw_site_contact, NULL, 10, TRUE);
}

/* Gives each block its page and its place on it, pages being @height
 * tall; returns the number of pages. */
static guint
place_blocks (GuideHandout *self,
              double        height)
{
  guint page = 0;
  double y = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      GuideHandoutBlock *block = g_ptr_array_index (self->blocks, i);
      double chain = block->height;

      /* What must stay with this block goes to the next page with it, unless
       * even a whole page could not hold them together. */
      for (guint j = i + 1; j < self->blocks->len; j++)
        {
          GuideHandoutBlock *before = g_ptr_array_index (self->blocks, j - 1);
          GuideHandoutBlock *next = g_ptr_array_index (self->blocks, j);

          if (!before->keep_with_next || next->new_page)
            break;
          chain += next->space_before + next->height;
        }
      if (chain > height)
        chain = block->height;

      /* A stage starts a page of its own only when less than half of the
       * page is left. */
      if (y > 0 && ((block->new_page && y > height / 2) || y + block->space_before + chain > height))
        {
          page++;
          y = 0;
        }
      else if (y > 0)
        y += block->space_before;

      block->page = page;
      block->y = y;
      y += block->height;
    }

  return page + 1;
}

/* The guide's title and the printing date on the left, the page number on
 * the right: a loose sheet still says what it is, when, and where it goes. */
static void
draw_footer (GuideHandout *self,
             cairo_t      *cr,
             guint         page)
{
  double width = self->page_width - 2 * MARGIN_SIDE;
  double y = self->page_height - MARGIN_BOTTOM + 22;
  g_autofree char *date = format_date (self->date);
  g_autofree char *printed = g_strdup_printf (_("Printed on %s"), date);
  g_autofree char *left = g_strdup_printf ("%s · %s", guide_book_get_title (self->book), printed);
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) right_layout = layout_new (self, right, FONT_SMALL, -1);
  g_autoptr(PangoLayout) left_layout = NULL;
  PangoRectangle logical;

  pango_layout_get_extents (right_layout, NULL, &logical);
  left_layout = layout_new (self, left, FONT_SMALL, width - pango_units_to_double (logical.width) - 12);
  pango_layout_set_ellipsize (left_layout, PANGO_ELLIPSIZE_END);

  rule (cr, MARGIN_SIDE, y - 6, width);
  show_layout (self, cr, MARGIN_SIDE, y, left_layout, &muted);
  show_layout (self, cr, MARGIN_SIDE + width - pango_units_to_double (logical.width), y, right_layout, &muted);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GuideHandout      *self)
{
  cairo_surface_t *target = cairo_get_target (gtk_print_context_get_cairo_context (context));

  /* A PDF, exported or printed to a file, says what it is. */
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_TITLE, guide_book_get_title (self->book));
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_CREATOR, _("CPMS Access Guide"));
    }

  gtk_print_operation_set_n_pages (operation,
                                   guide_handout_paginate (self,
                                                           gtk_print_context_get_width (context),
                                                           gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              GuideHandout      *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      GuideHandoutBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->page != (guint) page)
        continue;

      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP + block->y);
      block->draw (self, cr, block);
      cairo_restore (cr);
    }

  draw_footer (self, cr, page);
}

static void
guide_handout_dispose (GObject *object)
{
  GuideHandout *self = (GuideHandout *)object;

  g_clear_object (&self->book);
  g_clear_object (&self->progress);
  g_clear_object (&self->site);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (guide_handout_parent_class)->dispose (object);
}

static void
guide_handout_class_init (GuideHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = guide_handout_dispose;
}

static void
guide_handout_init (GuideHandout *self)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->date = g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);

  /* Points as units, and no hinting: the layout is the same on paper, in a
   * PDF and in a print preview. */
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72);
  self->context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);
}

/* A handout of @book, printed today, with the ticks of @progress unless it
 * is %NULL, and with the contact of @site, if any. */
GuideHandout *
guide_handout_new (GuideBook     *book,
                   GuideProgress *progress,
                   GuideSite     *site)
{
  GuideHandout *self = g_object_new (GUIDE_TYPE_HANDOUT, NULL);

  self->book = g_object_ref (book);
  g_set_object (&self->progress, progress);
  g_set_object (&self->site, site);

  /* Line breaks and hyphens follow the guide's language. */
  pango_context_set_language (self->context, pango_language_from_string (guide_book_get_language (book)));

  return self;
}

/* Lays the guide out on pages of that size, in points; returns how many. */
guint
guide_handout_paginate (GuideHandout *self,
                        double        page_width,
                        double        page_height)
{
  self->page_width = page_width;
  self->page_height = page_height;
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->layouts, 0);

  add_guide (self);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      GuideHandoutBlock *block = g_ptr_array_index (self->blocks, i);

      block->height = block->draw (self, NULL, block);
    }
  self->n_pages = place_blocks (self, page_height - MARGIN_TOP - MARGIN_BOTTOM);

  return self->n_pages;
}

/* A print operation of the handout, on A4 paper unless the user chooses
 * another, that keeps the handout until it is done. */
GtkPrintOperation *
guide_handout_create_print_operation (GuideHandout *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The handout keeps its own margins, from the paper's edge, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, guide_book_get_title (self->book));

  g_object_set_data_full (G_OBJECT (operation), "guide-handout", g_object_ref (self), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  return operation;
}

/* Writes the handout on A4 paper to @path, as a PDF, with no display. */
gboolean
guide_handout_export_pdf (GuideHandout  *self,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = guide_handout_create_print_operation (self);
  g_autofree char *draft = NULL;
  g_autofree char *pdf = NULL;
  gsize length = 0;
  gboolean drawn;
  FILE *file;
  int fd, saved_errno = 0;

  /* GTK writes the PDF itself, and never says why a write failed: it
   * writes a draft among the temporary files, copied at once to @path, so
   * that a folder that does not exist or a full disk is one error, told in
   * the interface's language. */
  fd = g_file_open_tmp ("cpms-guide-XXXXXX.pdf", &draft, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);

  gtk_print_operation_set_export_filename (operation, draft);
  drawn = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
            == GTK_PRINT_OPERATION_RESULT_APPLY &&
          g_file_get_contents (draft, &pdf, &length, error);
  g_unlink (draft);
  if (!drawn)
    return FALSE;

  file = g_fopen (path, "wb");
  if (file == NULL || fwrite (pdf, 1, length, file) != length)
    saved_errno = errno;
  if (file != NULL && fclose (file) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      GIOErrorEnum code = g_io_error_from_errno (saved_errno);

      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"),
                   path, guide_i18n_describe_io_error (code, g_strerror (saved_errno)));
      return FALSE;
    }

  return TRUE;
}

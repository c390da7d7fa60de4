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
 * The pages are drawn one way, through GtkPrintOperation: for the print
 * dialog, and exported as a PDF for the command line, where there may be no
 * display at all. The guide is laid out for the paper's size in blocks of
 * items (text, shapes, check boxes, QR codes, pictures), which are then put
 * on pages. Text is laid out in points with a font map of its own, whose
 * metrics are never hinted, so that it breaks the same way on paper, in a
 * PDF and in a print preview; pictures are drawn as vectors. */

#include <errno.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "guide-handout-private.h"
#include "guide-i18n.h"
#include "guide-qr-code.h"
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

static void
item_free (GuideHandoutItem *item)
{
  g_clear_object (&item->layout);
  g_free (item->uri);
  g_clear_pointer (&item->code, QRcode_free);
  g_clear_object (&item->picture);
  g_free (item);
}

static void
block_free (GuideHandoutBlock *block)
{
  g_ptr_array_unref (block->items);
  g_free (block);
}

/* A new block at the end of the handout, @space_before below the one
 * before. */
static GuideHandoutBlock *
block_begin (GuideHandout *self,
             double        space_before)
{
  GuideHandoutBlock *block = g_new0 (GuideHandoutBlock, 1);

  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);

  return block;
}

/* Ends @block, which keeps with the one this begins. */
static GuideHandoutBlock *
block_continue (GuideHandout      *self,
                GuideHandoutBlock *block,
                double             space_before)
{
  block->keep_with_next = TRUE;
  return block_begin (self, space_before);
}

/* A new item in @block, in ink, drawn over those before it; @block grows to
 * hold it. */
static GuideHandoutItem *
item_add (GuideHandoutBlock    *block,
          GuideHandoutItemKind  kind,
          double                x,
          double                y,
          double                width,
          double                height)
{
  GuideHandoutItem *item = g_new0 (GuideHandoutItem, 1);

  item->kind = kind;
  item->x = x;
  item->y = y;
  item->width = width;
  item->height = height;
  item->colour = &ink;
  g_ptr_array_add (block->items, item);
  block->height = MAX (block->height, y + height);

  return item;
}

/* A tinted background for what @block got since it had @n_items items,
 * whose height is known only once they are laid out. */
static void
add_background (GuideHandoutBlock *block,
                guint              n_items,
                double             x,
                double             y,
                double             width,
                double             height,
                const GdkRGBA     *colour)
{
  GuideHandoutItem *item = item_add (block, GUIDE_HANDOUT_ITEM_FILL, x, y, width, height);

  item->colour = colour;
  item->radius = 4;
  g_ptr_array_steal_index (block->items, block->items->len - 1);
  g_ptr_array_insert (block->items, n_items, item);
}

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

/* Text at @x, @y in @block, @width wide; returns its height. */
static double
add_text (GuideHandout      *self,
          GuideHandoutBlock *block,
          double             x,
          double             y,
          double             width,
          const char        *text,
          const char        *font,
          const GdkRGBA     *colour)
{
  PangoLayout *layout = layout_new (self, text, font, width);
  double height = layout_height (layout);
  GuideHandoutItem *item = item_add (block, GUIDE_HANDOUT_ITEM_TEXT, x, y, width, height);

  item->layout = layout;
  item->colour = colour;

  return height;
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

/* How many of @stage's steps the user has done, in words. */
static char *
format_stage_count (GuideHandout     *self,
                    const GuideStage *stage)
{
  return guide_i18n_format_count (guide_book_get_language (self->book),
                                  guide_progress_count_done (self->progress, self->book, stage),
                                  stage->steps->len);
}

/* An address written out beside its QR code, centred on it, which the eye
 * reads them with; returns the height. */
static double
add_address (GuideHandout      *self,
             GuideHandoutBlock *block,
             double             x,
             double             y,
             double             width,
             const char        *label,
             const char        *uri)
{
  g_autofree char *display = guide_uri_get_display (uri);
  QRcode *code = guide_qr_code_encode (uri, 0);
  double size = code != NULL ? QR_SIZE : 0;
  double text_x = code != NULL ? x + size + 8 : x;
  double text_width = x + width - text_x;
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) address_layout = layout_new (self, display, FONT_ADDRESS, text_width);
  double address_height = layout_height (address_layout);
  double label_height = 0, text_y;
  GuideHandoutItem *item;

  if (code != NULL)
    {
      item = item_add (block, GUIDE_HANDOUT_ITEM_QR, x, y, size, size);
      item->code = code;
      item->uri = g_strdup (uri);
    }

  if (label != NULL)
    {
      label_layout = layout_new (self, label, FONT_BODY_BOLD, text_width);
      label_height = layout_height (label_layout) + 2;
    }
  text_y = y + MAX (0, (size - label_height - address_height) / 2);

  if (label_layout != NULL)
    {
      item = item_add (block, GUIDE_HANDOUT_ITEM_TEXT, text_x, text_y, text_width, label_height);
      item->layout = g_steal_pointer (&label_layout);
    }
  item = item_add (block, GUIDE_HANDOUT_ITEM_TEXT, text_x, text_y + label_height, text_width, address_height);
  item->layout = g_steal_pointer (&address_layout);
  item->colour = &accent;
  item->uri = g_strdup (uri);

  return MAX (size, label_height + address_height);
}

/* A note in a tinted box, with a bar on its side as in the window; returns
 * its height. */
static double
add_note (GuideHandout      *self,
          GuideHandoutBlock *block,
          double             x,
          double             y,
          double             width,
          const GuideNote   *note)
{
  const double padding = 9, bar = 3;
  gboolean update = g_strcmp0 (note->kind, "update") == 0;
  double inner_x = x + bar + padding;
  double inner_width = width - bar - 2 * padding;
  double inner_y = y + padding;
  guint n_items = block->items->len;
  const char *title = note->title != NULL ? note->title : update ? _("Update") : NULL;
  GuideHandoutItem *item;

  if (title != NULL)
    inner_y += add_text (self, block, inner_x, inner_y, inner_width, title, FONT_BODY_BOLD, &ink) + 2;

  inner_y += add_text (self, block, inner_x, inner_y, inner_width, note->text, FONT_BODY, &ink);

  if (note->source != NULL)
    inner_y += 4 + add_text (self, block, inner_x, inner_y + 4, inner_width, note->source, FONT_CAPTION, &muted);

  if (note->uri != NULL)
    inner_y += 8 + add_address (self, block, inner_x, inner_y + 8, inner_width, note->label, note->uri);

  inner_y += padding;

  add_background (block, n_items, x, y, width, inner_y - y, update ? &update_fill : &info_fill);
  item = item_add (block, GUIDE_HANDOUT_ITEM_FILL, x, y, bar, inner_y - y);
  item->colour = update ? &update_bar : &info_bar;
  item->radius = 1;

  return inner_y - y;
}

/* The access profiles as the page lists them, the usual one marked. */
static void
add_profiles (GuideHandout      *self,
              GuideHandoutBlock *block,
              double             x,
              double             width,
              GPtrArray         *profiles)
{
  const double padding = 6, name_width = 150;
  double detail_x = x + padding + name_width + padding;
  double detail_width = width - name_width - 3 * padding;
  double y = 0;
  GuideHandoutItem *item;

  for (guint i = 0; i < profiles->len; i++)
    {
      const GuideProfile *profile = g_ptr_array_index (profiles, i);
      g_autofree char *page = g_strdup_printf (_("On the page: “%s”"), profile->description);
      double name_height, detail_height = 0;
      guint n_items = block->items->len;

      name_height = add_text (self, block, x + padding, y + padding, name_width, profile->name, FONT_BODY_BOLD, &ink);
      if (profile->recommended)
        name_height += 2 + add_text (self, block, x + padding, y + padding + name_height + 2, name_width,
                                     _("Usual choice"), FONT_SMALL_BOLD, &accent);

      if (profile->meaning != NULL)
        detail_height += add_text (self, block, detail_x, y + padding, detail_width,
                                   profile->meaning, FONT_BODY, &ink) + 1;
      detail_height += add_text (self, block, detail_x, y + padding + detail_height, detail_width,
                                 page, FONT_SMALL, &muted);

      if (profile->recommended)
        add_background (block, n_items, x, y, width, MAX (name_height, detail_height) + 2 * padding,
                        &recommended_fill);

      y += MAX (name_height, detail_height) + 2 * padding;
      item = item_add (block, GUIDE_HANDOUT_ITEM_LINE, x, y, width, 0);
      item->colour = &hairline;
    }
}

/* A step's picture with its caption, small enough to share a page with its
 * step. */
static void
add_picture (GuideHandout      *self,
             GuideHandoutBlock *block,
             double             x,
             double             width,
             const GuideStep   *step)
{
  g_autoptr(GuideScreenshot) picture = guide_screenshot_lookup (step->picture, guide_book_get_language (self->book));
  g_autofree char *caption = NULL;
  double picture_width, picture_height;
  GuideHandoutItem *item;

  if (picture == NULL || guide_screenshot_get_width (picture) <= 0 || guide_screenshot_get_height (picture) <= 0)
    return;

  picture_width = MIN (width, PICTURE_MAX_WIDTH);
  picture_height = picture_width * guide_screenshot_get_height (picture) / guide_screenshot_get_width (picture);
  if (picture_height > PICTURE_MAX_HEIGHT)
    {
      picture_width *= PICTURE_MAX_HEIGHT / picture_height;
      picture_height = PICTURE_MAX_HEIGHT;
    }

  item = item_add (block, GUIDE_HANDOUT_ITEM_PICTURE, x, 0, picture_width, picture_height);
  item->picture = g_steal_pointer (&picture);
  item = item_add (block, GUIDE_HANDOUT_ITEM_OUTLINE, x, 0, picture_width, picture_height);
  item->colour = &hairline;

  /* On paper as in the window, a drawing is said to be one. */
  if (step->picture_alt != NULL)
    {
      caption = g_strdup_printf (_("Illustration: %s"), step->picture_alt);
      add_text (self, block, x, picture_height + 4, picture_width, caption, FONT_CAPTION, &muted);
    }
}

/* A step with its check box, unless it is one of the original guide's,
 * there to read and never to tick; then what belongs to it, each piece in
 * a block kept with the step's. */
static void
add_step (GuideHandout    *self,
          double           width,
          const GuideStep *step,
          guint            number,
          gboolean         withdrawn)
{
  const GdkRGBA *colour = withdrawn ? &muted : &ink;
  double text_width = width - STEP_INDENT;
  g_autofree char *number_text = g_strdup_printf ("%u.", number);
  gboolean ticked = !withdrawn && self->progress != NULL && guide_progress_is_done (self->progress, step->id);
  GDateTime *done = ticked ? guide_progress_get_done_time (self->progress, step->id) : NULL;
  GuideHandoutBlock *block = block_begin (self, 16);
  double y;
  GuideHandoutItem *item;

  if (!withdrawn)
    {
      item = item_add (block, GUIDE_HANDOUT_ITEM_CHECK, 0, 0.5, 14, 14);
      item->ticked = ticked;
    }
  add_text (self, block, 20, 0, STEP_INDENT - 20, number_text, FONT_STEP_NUMBER, colour);
  y = add_text (self, block, STEP_INDENT, 0, text_width, step->text, FONT_STEP, colour);

  if (withdrawn)
    {
      PangoLayout *layout = layout_new (self, _("No longer offered"), FONT_SMALL_BOLD, -1);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      item = item_add (block, GUIDE_HANDOUT_ITEM_OUTLINE, STEP_INDENT, y + 4,
                       pango_units_to_double (logical.width) + 10, layout_height (layout) + 4);
      item->colour = &muted;
      item->radius = 3;
      item = item_add (block, GUIDE_HANDOUT_ITEM_TEXT, STEP_INDENT + 5, y + 6, -1, layout_height (layout));
      item->layout = layout;
      item->colour = &muted;
    }

  if (done != NULL)
    {
      g_autofree char *date = format_date (done);
      g_autofree char *text = g_strdup_printf (_("Done on %s"), date);

      add_text (self, block, STEP_INDENT, y + 2, text_width, text, FONT_SMALL_BOLD, &accent);
    }

  if (step->uri != NULL)
    {
      block = block_continue (self, block, 8);
      add_address (self, block, STEP_INDENT, 0, text_width, step->label, step->uri);
    }

  if (step->profiles != NULL && step->profiles->len > 0)
    {
      block = block_continue (self, block, 8);
      add_profiles (self, block, STEP_INDENT, text_width, step->profiles);
    }

  if (step->picture != NULL)
    {
      block = block_continue (self, block, 10);
      add_picture (self, block, STEP_INDENT, text_width, step);
    }

  for (guint i = 0; step->notes != NULL && i < step->notes->len; i++)
    {
      block = block_continue (self, block, 8);
      add_note (self, block, STEP_INDENT, 0, text_width, g_ptr_array_index (step->notes, i));
    }
}

/* A stage: its header, which starts a page when little of one is left,
 * kept with its notes and its first step; its steps; and the original
 * guide's steps, as the window shows them: under their heading, marked as
 * no longer offered, without a check box. */
static void
add_stage (GuideHandout     *self,
           double            width,
           const GuideStage *stage,
           guint             index,
           guint             n_stages)
{
  const double padding = 9;
  g_autofree char *kicker = g_strdup_printf (_("Stage %u of %u"), index + 1, n_stages);
  GuideHandoutBlock *block = block_begin (self, 0);
  double y;
  GuideHandoutItem *item;

  block->new_page = TRUE;
  y = add_text (self, block, 0, 0, width, kicker, FONT_KICKER, &accent) + 2;
  y += add_text (self, block, 0, y, width, stage->title, FONT_STAGE, &ink) + 4;
  y += add_text (self, block, 0, y, width, stage->summary, FONT_BODY, &muted);
  if (g_date_valid (&stage->checked))
    {
      g_autofree char *day = guide_i18n_format_day (guide_book_get_language (self->book), &stage->checked);
      g_autofree char *checked = g_strdup_printf (_("Checked against the official pages on %s"), day);

      y += 4 + add_text (self, block, 0, y + 4, width, checked, FONT_SMALL, &muted);
    }
  if (self->progress != NULL)
    {
      g_autofree char *count = format_stage_count (self, stage);

      y += 4 + add_text (self, block, 0, y + 4, width, count, FONT_SMALL_BOLD, &accent);
    }
  item = item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, y + 8, width, 0);
  item->colour = &hairline;

  for (guint i = 0; i < stage->notes->len; i++)
    {
      block = block_continue (self, block, 12);
      add_note (self, block, 0, 0, width, g_ptr_array_index (stage->notes, i));
    }
  block->keep_with_next = TRUE;

  for (guint i = 0; i < stage->steps->len; i++)
    add_step (self, width, g_ptr_array_index (stage->steps, i), i + 1, FALSE);

  if (stage->original_steps == NULL || stage->original_steps->len == 0)
    return;

  block = block_begin (self, 24);
  y = padding + add_text (self, block, padding, padding, width - 2 * padding,
                          stage->original_title, FONT_SECTION, &muted) + 4;
  y += add_text (self, block, padding, y, width - 2 * padding, stage->original_text, FONT_BODY, &ink) + padding;
  add_background (block, 0, 0, 0, width, y, &withdrawn_fill);
  block->keep_with_next = TRUE;

  for (guint i = 0; i < stage->original_steps->len; i++)
    add_step (self, width, g_ptr_array_index (stage->original_steps, i), i + 1, TRUE);
}

/* The helpdesk's addresses and, when the site file names them, the
 * hospital's own IT. */
static void
add_contacts (GuideHandout *self,
              double        width)
{
  GPtrArray *addresses = guide_book_get_addresses (self->book);
  const char *name = self->site != NULL ? guide_site_get_contact_name (self->site) : NULL;
  GuideHandoutBlock *block = block_begin (self, 28);
  double y;
  GuideHandoutItem *item;

  item = item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, 0, width, 0);
  item->colour = &hairline;
  y = 12 + add_text (self, block, 0, 12, width, _("Help and Contacts"), FONT_SECTION, &ink) + 4;
  add_text (self, block, 0, y, width, guide_book_get_contacts_text (self->book), FONT_BODY, &ink);

  for (guint i = 0; i < addresses->len; i++)
    {
      const GuideAddress *address = g_ptr_array_index (addresses, i);

      block = block_continue (self, block, 10);
      add_address (self, block, 0, 0, width, address->name, address->uri);
    }

  if (name != NULL)
    {
      const char *email = guide_site_get_contact_email (self->site);
      const char *phone = guide_site_get_contact_phone (self->site);

      block = block_continue (self, block, 10);
      if (email != NULL)
        {
          g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);

          y = add_address (self, block, 0, 0, width, name, mailto);
        }
      else
        y = add_text (self, block, 0, 0, width, name, FONT_BODY_BOLD, &ink);

      if (phone != NULL)
        add_text (self, block, email != NULL ? QR_SIZE + 8 : 0, y + 2, width, phone, FONT_BODY, &ink);
    }
}

/* The stages, each with its page and, when the user's ticks are printed,
 * how far they are in it: a sheet to find one's way, and one's place. */
static void
add_contents (GuideHandout *self,
              double        width)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  const double number_width = 22, page_width = 40;
  double title_width = width - number_width - page_width;
  GuideHandoutBlock *block = block_begin (self, 22);
  double y;
  GuideHandoutItem *item;

  y = add_text (self, block, 0, 0, width, _("Contents"), FONT_SECTION, &ink) + 6;

  for (guint i = 0; i < stages->len; i++)
    {
      const GuideStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double height;

      add_text (self, block, 0, y + 6, number_width, number, FONT_STEP_NUMBER, &accent);
      height = add_text (self, block, number_width, y + 6, title_width, stage->title, FONT_STEP_NUMBER, &ink);

      /* The page number is written once the pages are known. */
      item = item_add (block, GUIDE_HANDOUT_ITEM_TEXT, width - page_width, y + 6, page_width, 0);
      item->layout = layout_new (self, "", FONT_STEP, page_width);
      pango_layout_set_alignment (item->layout, PANGO_ALIGN_RIGHT);
      g_ptr_array_add (self->contents, item);

      if (self->progress != NULL)
        {
          g_autofree char *count = format_stage_count (self, stage);

          height += 1 + add_text (self, block, number_width, y + 6 + height + 1, title_width,
                                  count, FONT_SMALL_BOLD, &accent);
        }

      y += 6 + height + 6;
      item = item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, y, width, 0);
      item->colour = &hairline;
    }
}

/* The whole guide, as blocks @width wide: its title, introduction and
 * notes, the contents, the stages and the contacts. */
static void
add_guide (GuideHandout *self,
           double        width)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  GStrv intro = guide_book_get_intro (self->book);
  GPtrArray *notes = guide_book_get_notes (self->book);
  GuideHandoutBlock *block = block_begin (self, 0);
  double y;
  GuideHandoutItem *item;

  y = add_text (self, block, 0, 0, width, _("CPMS Access Guide"), FONT_KICKER, &accent) + 4;
  y += add_text (self, block, 0, y, width, guide_book_get_title (self->book), FONT_TITLE, &ink);
  if (self->progress != NULL)
    {
      guint done = 0;
      g_autofree char *count = NULL;

      for (guint i = 0; i < stages->len; i++)
        done += guide_progress_count_done (self->progress, self->book, g_ptr_array_index (stages, i));
      count = guide_i18n_format_count (guide_book_get_language (self->book), done, guide_book_get_n_steps (self->book));
      y += 6 + add_text (self, block, 0, y + 6, width, count, FONT_SMALL_BOLD, &accent);
    }
  item = item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, y + 10, width, 0);
  item->colour = &hairline;

  for (guint i = 0; intro != NULL && intro[i] != NULL; i++)
    {
      block = block_begin (self, i == 0 ? 20 : 8);
      add_text (self, block, 0, 0, width, intro[i], FONT_BODY, &ink);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      block = block_begin (self, 12);
      add_note (self, block, 0, 0, width, g_ptr_array_index (notes, i));
    }

  add_contents (self, width);
  for (guint i = 0; i < stages->len; i++)
    add_stage (self, width, g_ptr_array_index (stages, i), i, stages->len);
  add_contacts (self, width);
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

      /* A stage starts a page of its own only when less than half of the
       * page is left; otherwise it follows, a little apart. */
      if (block->new_page && y > height / 2)
        {
          page++;
          y = 0;
        }
      else if (block->new_page && y > 0)
        y += STAGE_GAP;

      /* What must stay with this block goes to the next page with it, unless
       * even a whole page could not hold them together. */
      for (guint j = i;
           j + 1 < self->blocks->len && ((GuideHandoutBlock *) g_ptr_array_index (self->blocks, j))->keep_with_next;
           j++)
        {
          GuideHandoutBlock *next = g_ptr_array_index (self->blocks, j + 1);

          if (next->new_page)
            break;
          chain += next->space_before + next->height;
        }

      if (y > 0 && y + block->space_before + chain > height && chain <= height)
        {
          page++;
          y = 0;
        }

      if (y > 0)
        y += block->space_before;
      if (y > 0 && y + block->height > height)
        {
          page++;
          y = 0;
        }

      block->page = page;
      block->y = y;
      y += block->height;
    }

  return page + 1;
}

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
draw_check (cairo_t          *cr,
            GuideHandoutItem *item)
{
  rounded_rectangle (cr, item->x, item->y, item->width, item->height, 2);
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (!item->ticked)
    return;

  cairo_move_to (cr, item->x + item->width * 0.2, item->y + item->height * 0.52);
  cairo_line_to (cr, item->x + item->width * 0.42, item->y + item->height * 0.75);
  cairo_line_to (cr, item->x + item->width * 0.82, item->y + item->height * 0.24);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* Draws @item, relative to where @cr is. */
static void
draw_item (cairo_t          *cr,
           GuideHandoutItem *item)
{
  g_autoptr(GError) error = NULL;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, item->colour);
  cairo_set_line_width (cr, 0.75);
  if (item->uri != NULL)
    link_begin (cr, item->uri);

  switch (item->kind)
    {
    case GUIDE_HANDOUT_ITEM_TEXT:
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      break;

    case GUIDE_HANDOUT_ITEM_FILL:
      rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
      cairo_fill (cr);
      break;

    case GUIDE_HANDOUT_ITEM_OUTLINE:
      rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
      cairo_stroke (cr);
      break;

    case GUIDE_HANDOUT_ITEM_LINE:
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x + item->width, item->y);
      cairo_stroke (cr);
      break;

    case GUIDE_HANDOUT_ITEM_CHECK:
      draw_check (cr, item);
      break;

    case GUIDE_HANDOUT_ITEM_QR:
      cairo_translate (cr, item->x, item->y);
      guide_qr_code_draw (item->code, cr, item->width);
      break;

    case GUIDE_HANDOUT_ITEM_PICTURE:
      cairo_translate (cr, item->x, item->y);
      if (!guide_screenshot_draw (item->picture, cr, item->width, item->height, &error))
        g_warning ("The picture “%s” could not be drawn: %s",
                   guide_screenshot_get_origin (item->picture), error->message);
      break;

    default:
      g_assert_not_reached ();
    }

  if (item->uri != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_restore (cr);
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

  cairo_save (cr);
  cairo_move_to (cr, MARGIN_SIDE, y - 6);
  cairo_line_to (cr, MARGIN_SIDE + width, y - 6);
  gdk_cairo_set_source_rgba (cr, &hairline);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &muted);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, left_layout);
  cairo_move_to (cr, MARGIN_SIDE + width - pango_units_to_double (logical.width), y);
  pango_cairo_show_layout (cr, right_layout);
  cairo_restore (cr);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GuideHandout      *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* A PDF, exported or printed to a file, says what it is. */
  if (cr != NULL && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_TITLE,
                                      guide_book_get_title (self->book));
      cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_CREATOR, _("CPMS Access Guide"));
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
      for (guint j = 0; j < block->items->len; j++)
        draw_item (cr, g_ptr_array_index (block->items, j));
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
  g_clear_pointer (&self->contents, g_ptr_array_unref);
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
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->contents = g_ptr_array_new ();

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

/**
 * guide_handout_new:
 * @book: the guide to print, in its language
 * @progress: (nullable): the user's progress, whose ticks are printed, or
 *   %NULL for a handout with every check box blank
 * @site: (nullable): the organisation's configuration, whose own contact is
 *   printed with the helpdesk's
 *
 * Returns: (transfer full): a handout of @book, printed today
 */
GuideHandout *
guide_handout_new (GuideBook     *book,
                   GuideProgress *progress,
                   GuideSite     *site)
{
  GuideHandout *self;

  g_return_val_if_fail (GUIDE_IS_BOOK (book), NULL);
  g_return_val_if_fail (progress == NULL || GUIDE_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (site == NULL || GUIDE_IS_SITE (site), NULL);

  self = g_object_new (GUIDE_TYPE_HANDOUT, NULL);
  self->book = g_object_ref (book);
  g_set_object (&self->progress, progress);
  g_set_object (&self->site, site);

  /* Line breaks and hyphens follow the guide's language. */
  pango_context_set_language (self->context, pango_language_from_string (guide_book_get_language (book)));

  return self;
}

/**
 * guide_handout_paginate:
 * @page_width: the paper's width, in points
 * @page_height: the paper's height, in points
 *
 * Lays the guide out on pages of that size.
 *
 * Returns: the number of pages
 */
guint
guide_handout_paginate (GuideHandout *self,
                        double        page_width,
                        double        page_height)
{
  guint stage = 0;

  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), 0);

  self->page_width = page_width;
  self->page_height = page_height;
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->contents, 0);

  add_guide (self, page_width - 2 * MARGIN_SIDE);
  self->n_pages = place_blocks (self, page_height - MARGIN_TOP - MARGIN_BOTTOM);

  /* The contents' page numbers: a stage starts with the one block that may
   * start a page of its own. */
  for (guint i = 0; i < self->blocks->len; i++)
    {
      GuideHandoutBlock *block = g_ptr_array_index (self->blocks, i);
      GuideHandoutItem *entry;
      g_autofree char *page = NULL;

      if (!block->new_page)
        continue;

      entry = g_ptr_array_index (self->contents, stage++);
      page = g_strdup_printf ("%u", block->page + 1);
      pango_layout_set_text (entry->layout, page, -1);
    }

  return self->n_pages;
}

/**
 * guide_handout_create_print_operation:
 *
 * Returns: (transfer full): a print operation that prints the handout, on
 *   A4 paper unless the user chooses another, and keeps it until it is done
 */
GtkPrintOperation *
guide_handout_create_print_operation (GuideHandout *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPaperSize *paper;

  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), NULL);

  page_setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_paper_size_free (paper);

  operation = gtk_print_operation_new ();
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

/**
 * guide_handout_export_pdf:
 * @path: the file to write
 * @error: a location for a #GError
 *
 * Writes the handout on A4 paper to @path, as a PDF. Needs no display.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
guide_handout_export_pdf (GuideHandout  *self,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *pdf = NULL;
  gsize length = 0;
  gboolean drawn;
  FILE *file;
  int fd, saved_errno = 0;

  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* GTK writes the PDF itself, and never says why a write failed: it
   * writes a draft among the temporary files, copied at once to @path, so
   * that a folder that does not exist or a full disk is one error, told in
   * the interface's language. */
  fd = g_file_open_tmp ("cpms-guide-XXXXXX.pdf", &draft, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);

  operation = guide_handout_create_print_operation (self);
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

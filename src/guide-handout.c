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
 * The same code lays out and draws the pages for the print dialog (from the
 * window) and for a PDF file (from the command line, where there may be no
 * display at all). So it uses nothing but cairo and Pango: the text is laid
 * out once, in points, with a font map of its own whose metrics are never
 * hinted, so that it breaks the same way on any surface; the pictures are
 * drawn by librsvg as vectors, sharp at any printer's resolution. */

#include <errno.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "guide-handout.h"
#include "guide-i18n.h"
#include "guide-screenshot.h"
#include "guide-uri.h"

/* ISO A4, in points. */
#define A4_WIDTH (210.0 / 25.4 * 72.0)
#define A4_HEIGHT (297.0 / 25.4 * 72.0)

/* Page margins, wider than any printer's unprintable edge. */
#define MARGIN_SIDE 50.0
#define MARGIN_TOP 48.0
#define MARGIN_BOTTOM 66.0

/* Where a step's text, and everything that belongs to it, starts: right of
 * its check box and number. */
#define STEP_INDENT 42.0

/* A QR code's side, quiet zone included: about 23 mm, which a phone reads
 * from a desk's distance. */
#define QR_SIZE 66.0
#define QR_QUIET_ZONE 4

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

typedef struct
{
  double red;
  double green;
  double blue;
} Colour;

static const Colour ink = { 0.12, 0.12, 0.14 };
static const Colour muted = { 0.37, 0.36, 0.39 };
static const Colour accent = { 0.10, 0.37, 0.71 };
static const Colour hairline = { 0.78, 0.79, 0.81 };
static const Colour info_fill = { 0.93, 0.95, 0.98 };
static const Colour info_bar = { 0.21, 0.52, 0.89 };
static const Colour update_fill = { 0.99, 0.96, 0.87 };
static const Colour update_bar = { 0.90, 0.65, 0.04 };
static const Colour withdrawn_fill = { 0.95, 0.95, 0.95 };
static const Colour recommended_fill = { 0.91, 0.95, 0.99 };
static const Colour white = { 1, 1, 1 };

typedef enum
{
  ITEM_TEXT,
  ITEM_FILL,
  ITEM_OUTLINE,
  ITEM_LINE,
  ITEM_CHECK,
  ITEM_QR,
  ITEM_PICTURE,
} ItemKind;

/* One thing drawn, at a place relative to its block. */
typedef struct
{
  ItemKind         kind;
  double           x;
  double           y;
  double           width;
  double           height;
  Colour           colour;
  double           radius;
  PangoLayout     *layout;
  char            *uri;
  gboolean         ticked;
  QRcode          *code;
  GuideScreenshot *picture;
  RsvgHandle      *svg;
} Item;

/* What is never split across pages; a block that keeps with the next one
 * goes to a new page with it (a step with its picture, a heading with what
 * follows it) whenever they fit on one page together. */
typedef struct
{
  GPtrArray *items;
  double     height;
  double     space_before;
  gboolean   keep_with_next;
  gboolean   new_page;
  guint      page;
  double     y;
} Block;

struct _GuideHandout
{
  GObject        parent_instance;

  GuideBook     *book;
  GuideProgress *progress;
  GuideSite     *site;
  GDateTime     *date;

  PangoFontMap  *font_map;
  PangoContext  *context;

  GPtrArray     *blocks;
  /* The contents' page numbers, known once the blocks are placed: pairs of
   * the item that shows one and the block of the stage it points to. */
  GPtrArray     *contents;
  double         page_width;
  double         page_height;
  guint          n_pages;
};

G_DEFINE_FINAL_TYPE (GuideHandout, guide_handout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOOK,
  PROP_PROGRESS,
  PROP_SITE,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_free (item->uri);
  g_clear_pointer (&item->code, QRcode_free);
  g_clear_object (&item->picture);
  g_clear_object (&item->svg);
  g_free (item);
}

static void
block_free (Block *block)
{
  g_ptr_array_unref (block->items);
  g_free (block);
}

static Block *
block_begin (GuideHandout *self,
             double        space_before)
{
  Block *block = g_new0 (Block, 1);

  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);

  return block;
}

/* Ends @block, which keeps with the one this begins. */
static Block *
block_continue (GuideHandout *self,
                Block        *block,
                double        space_before)
{
  block->keep_with_next = TRUE;
  return block_begin (self, space_before);
}

static Item *
item_add (Block    *block,
          ItemKind  kind,
          double    x,
          double    y,
          double    width,
          double    height)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->x = x;
  item->y = y;
  item->width = width;
  item->height = height;
  item->colour = ink;
  g_ptr_array_add (block->items, item);
  block->height = MAX (block->height, y + height);

  return item;
}

/* A background for what @block got since it had @n_items items. */
static void
item_add_behind (Block        *block,
                 guint         n_items,
                 double        x,
                 double        y,
                 double        width,
                 double        height,
                 const Colour *colour)
{
  Item *item = item_add (block, ITEM_FILL, x, y, width, height);

  item->colour = *colour;
  item->radius = 4;
  g_ptr_array_steal_index (block->items, block->items->len - 1);
  g_ptr_array_insert (block->items, n_items, item);
}

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
   * no hyphen is added where a word is broken. */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
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
add_text (GuideHandout *self,
          Block        *block,
          double        x,
          double        y,
          double        width,
          const char   *text,
          const char   *font,
          const Colour *colour)
{
  PangoLayout *layout = layout_new (self, text, font, width);
  double height = layout_height (layout);
  Item *item = item_add (block, ITEM_TEXT, x, y, width, height);

  item->layout = layout;
  item->colour = *colour;

  return height;
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: how a date is written on the printed handout, in
   * g_date_time_format()'s notation; only numbers, since month names
   * would follow the process's locale rather than the guide's language. */
  return g_date_time_format (local, _("%Y-%m-%d"));
}

/* An address written out beside its QR code; returns the height. */
static double
add_address (GuideHandout *self,
             Block        *block,
             double        x,
             double        y,
             double        width,
             const char   *label,
             const char   *uri)
{
  g_autofree char *display = guide_uri_get_display (uri);
  QRcode *code = QRcode_encodeString8bit (uri, 0, QR_ECLEVEL_M);
  double text_x = x, text_width = width;
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) address_layout = NULL;
  double label_height = 0, address_height, text_height, text_y, size = 0;
  Item *item;

  if (code != NULL)
    {
      size = QR_SIZE;
      item = item_add (block, ITEM_QR, x, y, size, size);
      item->code = code;
      item->uri = g_strdup (uri);
      text_x = x + size + 8;
      text_width = width - size - 8;
    }
  else
    g_warning ("Could not make a QR code of “%s”: %s", uri, g_strerror (errno));

  if (label != NULL)
    {
      label_layout = layout_new (self, label, FONT_BODY_BOLD, text_width);
      label_height = layout_height (label_layout) + 2;
    }
  address_layout = layout_new (self, display, FONT_ADDRESS, text_width);
  address_height = layout_height (address_layout);

  /* Centred on the code, which the eye reads them with. */
  text_height = label_height + address_height;
  text_y = y + MAX (0, (size - text_height) / 2);

  if (label_layout != NULL)
    {
      item = item_add (block, ITEM_TEXT, text_x, text_y, text_width, label_height);
      item->layout = g_steal_pointer (&label_layout);
    }
  item = item_add (block, ITEM_TEXT, text_x, text_y + label_height, text_width, address_height);
  item->layout = g_steal_pointer (&address_layout);
  item->colour = accent;
  item->uri = g_strdup (uri);

  return MAX (size, text_height);
}

/* A note in a tinted box; returns its height. */
static double
add_note (GuideHandout    *self,
          Block           *block,
          double           x,
          double           y,
          double           width,
          const GuideNote *note)
{
  const double padding = 9, bar = 3;
  gboolean update = g_strcmp0 (note->kind, "update") == 0;
  double inner_x = x + bar + padding;
  double inner_width = width - bar - 2 * padding;
  double inner_y = y + padding;
  guint n_items = block->items->len;
  const char *title = note->title != NULL ? note->title : update ? _("Update") : NULL;
  Item *item;

  if (title != NULL)
    inner_y += add_text (self, block, inner_x, inner_y, inner_width, title, FONT_BODY_BOLD, &ink) + 2;

  inner_y += add_text (self, block, inner_x, inner_y, inner_width, note->text, FONT_BODY, &ink);

  if (note->source != NULL)
    inner_y += 4 + add_text (self, block, inner_x, inner_y + 4, inner_width, note->source, FONT_CAPTION, &muted);

  if (note->uri != NULL)
    inner_y += 8 + add_address (self, block, inner_x, inner_y + 8, inner_width, note->label, note->uri);

  inner_y += padding;

  item_add_behind (block, n_items, x, y, width, inner_y - y, update ? &update_fill : &info_fill);
  item = item_add (block, ITEM_FILL, x, y, bar, inner_y - y);
  item->colour = update ? update_bar : info_bar;
  item->radius = 1;

  return inner_y - y;
}

/* The access profiles as the page lists them, the usual one marked. */
static double
add_profiles (GuideHandout *self,
              Block        *block,
              double        x,
              double        y,
              double        width,
              GPtrArray    *profiles)
{
  const double padding = 6, name_width = 150;
  double row_y = y;
  Item *item;

  for (guint i = 0; i < profiles->len; i++)
    {
      const GuideProfile *profile = g_ptr_array_index (profiles, i);
      g_autofree char *page = g_strdup_printf (_("On the page: “%s”"), profile->description);
      double detail_x = x + padding + name_width + padding;
      double detail_width = width - name_width - 3 * padding;
      double name_height, detail_height = 0;
      guint n_items = block->items->len;

      name_height = add_text (self, block, x + padding, row_y + padding, name_width,
                              profile->name, FONT_BODY_BOLD, &ink);
      if (profile->recommended)
        name_height += 2 + add_text (self, block, x + padding, row_y + padding + name_height + 2, name_width,
                                     _("Usual choice"), FONT_SMALL_BOLD, &accent);

      if (profile->meaning != NULL)
        detail_height += add_text (self, block, detail_x, row_y + padding, detail_width,
                                   profile->meaning, FONT_BODY, &ink) + 1;
      detail_height += add_text (self, block, detail_x, row_y + padding + detail_height, detail_width,
                                 page, FONT_SMALL, &muted);

      if (profile->recommended)
        item_add_behind (block, n_items, x, row_y, width, MAX (name_height, detail_height) + 2 * padding,
                         &recommended_fill);

      row_y += MAX (name_height, detail_height) + 2 * padding;
      item = item_add (block, ITEM_LINE, x, row_y, width, 0);
      item->colour = hairline;
    }

  return row_y - y;
}

static double
add_picture (GuideHandout    *self,
             Block           *block,
             double           x,
             double           y,
             double           width,
             const GuideStep *step)
{
  g_autoptr(GuideScreenshot) picture = guide_screenshot_lookup (step->picture, guide_book_get_language (self->book));
  g_autofree char *caption = NULL;
  double picture_width, picture_height;
  Item *item;

  if (picture == NULL || guide_screenshot_get_width (picture) <= 0 || guide_screenshot_get_height (picture) <= 0)
    return 0;

  picture_width = MIN (width, PICTURE_MAX_WIDTH);
  picture_height = picture_width * guide_screenshot_get_height (picture) / guide_screenshot_get_width (picture);
  if (picture_height > PICTURE_MAX_HEIGHT)
    {
      picture_width *= PICTURE_MAX_HEIGHT / picture_height;
      picture_height = PICTURE_MAX_HEIGHT;
    }

  item = item_add (block, ITEM_PICTURE, x, y, picture_width, picture_height);
  item->picture = g_steal_pointer (&picture);
  item = item_add (block, ITEM_OUTLINE, x, y, picture_width, picture_height);
  item->colour = hairline;

  if (step->picture_alt == NULL)
    return picture_height;

  /* On paper as in the window, a drawing is said to be one. */
  caption = g_strdup_printf (_("Illustration: %s"), step->picture_alt);
  return picture_height + 4 + add_text (self, block, x, y + picture_height + 4, picture_width,
                                        caption, FONT_CAPTION, &muted);
}

static void
add_step (GuideHandout    *self,
          double           width,
          const GuideStep *step,
          guint            number,
          gboolean         withdrawn)
{
  const Colour *colour = withdrawn ? &muted : &ink;
  double text_width = width - STEP_INDENT;
  g_autofree char *number_text = g_strdup_printf ("%u.", number);
  GDateTime *done = NULL;
  Block *block = block_begin (self, 16);
  double y;
  Item *item;

  if (!withdrawn && self->progress != NULL && guide_progress_is_done (self->progress, step->id))
    done = guide_progress_get_done_time (self->progress, step->id);

  /* The original guide's steps are there to read, never to tick. */
  if (!withdrawn)
    {
      item = item_add (block, ITEM_CHECK, 0, 0.5, 14, 14);
      item->ticked = self->progress != NULL && guide_progress_is_done (self->progress, step->id);
    }
  add_text (self, block, 20, 0, STEP_INDENT - 20, number_text, FONT_STEP_NUMBER, colour);
  y = add_text (self, block, STEP_INDENT, 0, text_width, step->text, FONT_STEP, colour);

  if (withdrawn)
    {
      PangoLayout *layout = layout_new (self, _("No longer offered"), FONT_SMALL_BOLD, -1);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      item = item_add (block, ITEM_OUTLINE, STEP_INDENT, y + 4,
                       pango_units_to_double (logical.width) + 10, layout_height (layout) + 4);
      item->colour = muted;
      item->radius = 3;
      item = item_add (block, ITEM_TEXT, STEP_INDENT + 5, y + 6, -1, layout_height (layout));
      item->layout = layout;
      item->colour = muted;
      y = block->height;
    }

  if (done != NULL)
    {
      g_autofree char *date = format_date (done);
      g_autofree char *text = g_strdup_printf (_("Done on %s"), date);

      y += 2 + add_text (self, block, STEP_INDENT, y + 2, text_width, text, FONT_SMALL_BOLD, &accent);
    }

  if (step->uri != NULL)
    {
      block = block_continue (self, block, 8);
      add_address (self, block, STEP_INDENT, 0, text_width, step->label, step->uri);
    }

  if (step->profiles != NULL && step->profiles->len > 0)
    {
      block = block_continue (self, block, 8);
      add_profiles (self, block, STEP_INDENT, 0, text_width, step->profiles);
    }

  if (step->picture != NULL)
    {
      block = block_continue (self, block, 10);
      add_picture (self, block, STEP_INDENT, 0, text_width, step);
    }

  for (guint i = 0; step->notes != NULL && i < step->notes->len; i++)
    {
      block = block_continue (self, block, 8);
      add_note (self, block, STEP_INDENT, 0, text_width, g_ptr_array_index (step->notes, i));
    }
}

static guint
count_done (GuideHandout     *self,
            const GuideStage *stage)
{
  return guide_progress_count_done (self->progress, self->book, stage);
}

static Block *
add_stage (GuideHandout     *self,
           double            width,
           const GuideStage *stage,
           guint             index,
           guint             n_stages)
{
  Block *header;
  g_autofree char *kicker = g_strdup_printf (_("Stage %u of %u"), index + 1, n_stages);
  Block *block = block_begin (self, 0);
  double y;
  Item *item;

  header = block;
  block->new_page = TRUE;
  y = add_text (self, block, 0, 0, width, kicker, FONT_KICKER, &accent) + 2;
  y += add_text (self, block, 0, y, width, stage->title, FONT_STAGE, &ink) + 4;
  y += add_text (self, block, 0, y, width, stage->summary, FONT_BODY, &muted);
  if (self->progress != NULL)
    {
      guint done = count_done (self, stage);
      g_autofree char *count = g_strdup_printf (guide_ngettext ("%u of %u step done", "%u of %u steps done", done),
                                                done, stage->steps->len);

      y += 4 + add_text (self, block, 0, y + 4, width, count, FONT_SMALL_BOLD, &accent);
    }
  item = item_add (block, ITEM_LINE, 0, y + 8, width, 0);
  item->colour = hairline;
  block->height = y + 8;
  block->keep_with_next = TRUE;

  for (guint i = 0; i < stage->notes->len; i++)
    {
      block = block_begin (self, 12);
      add_note (self, block, 0, 0, width, g_ptr_array_index (stage->notes, i));
      block->keep_with_next = TRUE;
    }

  for (guint i = 0; i < stage->steps->len; i++)
    add_step (self, width, g_ptr_array_index (stage->steps, i), i + 1, FALSE);

  if (stage->original_steps == NULL || stage->original_steps->len == 0)
    return header;

  /* As the window shows them: under their heading, marked as no longer
   * offered, without a check box. */
  block = block_begin (self, 24);
  {
    const double padding = 9;
    guint n_items = block->items->len;

    y = padding;
    y += add_text (self, block, padding, y, width - 2 * padding, stage->original_title, FONT_SECTION, &muted) + 4;
    y += add_text (self, block, padding, y, width - 2 * padding, stage->original_text, FONT_BODY, &ink) + padding;
    item_add_behind (block, n_items, 0, 0, width, y, &withdrawn_fill);
  }
  block->keep_with_next = TRUE;

  for (guint i = 0; i < stage->original_steps->len; i++)
    add_step (self, width, g_ptr_array_index (stage->original_steps, i), i + 1, TRUE);

  return header;
}

static void
add_contacts (GuideHandout *self,
              double        width)
{
  GPtrArray *addresses = guide_book_get_addresses (self->book);
  Block *block = block_begin (self, 28);
  double y;
  Item *item;

  item = item_add (block, ITEM_LINE, 0, 0, width, 0);
  item->colour = hairline;
  y = 12 + add_text (self, block, 0, 12, width, _("Help and Contacts"), FONT_SECTION, &ink) + 4;
  add_text (self, block, 0, y, width, guide_book_get_contacts_text (self->book), FONT_BODY, &ink);

  for (guint i = 0; i < addresses->len; i++)
    {
      const GuideAddress *address = g_ptr_array_index (addresses, i);

      block = block_continue (self, block, 10);
      add_address (self, block, 0, 0, width, address->name, address->uri);
    }

  /* The hospital's own IT, when the site file names them. */
  if (self->site != NULL && guide_site_get_contact_name (self->site) != NULL)
    {
      const char *name = guide_site_get_contact_name (self->site);
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
              double        width,
              GPtrArray    *stages)
{
  const double number_width = 22, page_width = 40;
  Block *block = block_begin (self, 22);
  double y;
  Item *item;

  y = add_text (self, block, 0, 0, width, _("Contents"), FONT_SECTION, &ink) + 6;

  for (guint i = 0; i < stages->len; i++)
    {
      const GuideStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double title_width = width - number_width - page_width;
      double height;

      add_text (self, block, 0, y + 6, number_width, number, FONT_STEP_NUMBER, &accent);
      height = add_text (self, block, number_width, y + 6, title_width, stage->title, FONT_STEP_NUMBER, &ink);

      /* The page number is written once the pages are known. */
      item = item_add (block, ITEM_TEXT, width - page_width, y + 6, page_width, 0);
      item->layout = layout_new (self, "", FONT_STEP, page_width);
      pango_layout_set_alignment (item->layout, PANGO_ALIGN_RIGHT);
      item->colour = ink;
      g_ptr_array_add (self->contents, item);
      g_ptr_array_add (self->contents, NULL);

      if (self->progress != NULL)
        {
          guint done = count_done (self, stage);
          g_autofree char *count = g_strdup_printf (guide_ngettext ("%u of %u step done", "%u of %u steps done", done),
                                                    done, stage->steps->len);

          height += 1 + add_text (self, block, number_width, y + 6 + height + 1, title_width,
                                  count, FONT_SMALL_BOLD, &accent);
        }

      y += 6 + height + 6;
      item = item_add (block, ITEM_LINE, 0, y, width, 0);
      item->colour = hairline;
    }
}

/* The whole guide, as blocks @width wide. */
static void
build (GuideHandout *self,
       double        width)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  GStrv intro = guide_book_get_intro (self->book);
  GPtrArray *notes = guide_book_get_notes (self->book);
  Block *block = block_begin (self, 0);
  double y;
  Item *item;

  y = add_text (self, block, 0, 0, width, _("CPMS Access Guide"), FONT_KICKER, &accent) + 4;
  y += add_text (self, block, 0, y, width, guide_book_get_title (self->book), FONT_TITLE, &ink);
  if (self->progress != NULL)
    {
      guint done = 0;
      g_autofree char *count = NULL;

      for (guint i = 0; i < stages->len; i++)
        done += count_done (self, g_ptr_array_index (stages, i));
      count = g_strdup_printf (guide_ngettext ("%u of %u step done", "%u of %u steps done", done),
                               done, guide_book_get_n_steps (self->book));
      y += 6 + add_text (self, block, 0, y + 6, width, count, FONT_SMALL_BOLD, &accent);
    }
  item = item_add (block, ITEM_LINE, 0, y + 10, width, 0);
  item->colour = hairline;

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

  add_contents (self, width, stages);

  for (guint i = 0; i < stages->len; i++)
    {
      Block *header = add_stage (self, width, g_ptr_array_index (stages, i), i, stages->len);

      /* The contents' entry for this stage points to its header. */
      g_ptr_array_index (self->contents, 2 * i + 1) = header;
    }

  add_contacts (self, width);
}

/* Gives each block its page and its place on it. */
static guint
place_blocks (GuideHandout *self,
              double        height)
{
  guint page = 0;
  double y = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double chain = block->height;

      if (block->new_page && y > 0)
        {
          page++;
          y = 0;
        }

      /* What must stay with this block goes to the next page with it, unless
       * even a whole page could not hold them together. */
      for (guint j = i; j + 1 < self->blocks->len && ((Block *) g_ptr_array_index (self->blocks, j))->keep_with_next; j++)
        {
          Block *next = g_ptr_array_index (self->blocks, j + 1);

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

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
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
draw_qr (cairo_t *cr,
         Item    *item)
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
draw_picture (cairo_t *cr,
              Item    *item)
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
draw_check (cairo_t *cr,
            Item    *item)
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

static void
draw_item (cairo_t *cr,
           Item    *item)
{
  cairo_save (cr);

  switch (item->kind)
    {
    case ITEM_TEXT:
      if (item->uri != NULL)
        link_begin (cr, item->uri);
      set_colour (cr, &item->colour);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      if (item->uri != NULL)
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      break;

    case ITEM_FILL:
      rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
      set_colour (cr, &item->colour);
      cairo_fill (cr);
      break;

    case ITEM_OUTLINE:
      rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
      set_colour (cr, &item->colour);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      break;

    case ITEM_LINE:
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x + item->width, item->y);
      set_colour (cr, &item->colour);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      break;

    case ITEM_CHECK:
      draw_check (cr, item);
      break;

    case ITEM_QR:
      link_begin (cr, item->uri);
      draw_qr (cr, item);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
      break;

    case ITEM_PICTURE:
      draw_picture (cr, item);
      break;

    default:
      g_assert_not_reached ();
    }

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

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GuideHandout      *self)
{
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
  guide_handout_draw_page (self, gtk_print_context_get_cairo_context (context), page);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
guide_handout_constructed (GObject *object)
{
  GuideHandout *self = (GuideHandout *)object;

  G_OBJECT_CLASS (guide_handout_parent_class)->constructed (object);

  /* Line breaks and hyphens follow the guide's language. */
  pango_context_set_language (self->context, pango_language_from_string (guide_book_get_language (self->book)));
}

static void
guide_handout_dispose (GObject *object)
{
  GuideHandout *self = (GuideHandout *)object;

  g_clear_object (&self->book);
  g_clear_object (&self->progress);
  g_clear_object (&self->site);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->contents, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (guide_handout_parent_class)->dispose (object);
}

static void
guide_handout_finalize (GObject *object)
{
  GuideHandout *self = (GuideHandout *)object;

  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (guide_handout_parent_class)->finalize (object);
}

static void
guide_handout_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GuideHandout *self = GUIDE_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      g_value_set_object (value, self->book);
      break;

    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;

    case PROP_SITE:
      g_value_set_object (value, self->site);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_handout_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GuideHandout *self = GUIDE_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      self->book = g_value_dup_object (value);
      break;

    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;

    case PROP_SITE:
      self->site = g_value_dup_object (value);
      break;

    case PROP_DATE:
      guide_handout_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_handout_class_init (GuideHandoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = guide_handout_constructed;
  object_class->dispose = guide_handout_dispose;
  object_class->finalize = guide_handout_finalize;
  object_class->get_property = guide_handout_get_property;
  object_class->set_property = guide_handout_set_property;

  /**
   * GuideHandout:book:
   *
   * The guide to print, in its language.
   */
  properties[PROP_BOOK] =
    g_param_spec_object ("book", NULL, NULL,
                         GUIDE_TYPE_BOOK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideHandout:progress:
   *
   * The user's progress, whose ticks are printed; %NULL for a handout with
   * every check box blank.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL,
                         GUIDE_TYPE_PROGRESS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideHandout:site:
   *
   * The organisation's configuration, whose own contact is printed with the
   * helpdesk's; %NULL for none.
   */
  properties[PROP_SITE] =
    g_param_spec_object ("site", NULL, NULL,
                         GUIDE_TYPE_SITE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideHandout:date:
   *
   * The printing date, on every page; by default, when the handout was made.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
guide_handout_init (GuideHandout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->date = g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->contents = g_ptr_array_new ();

  /* Points as units, and no hinting: the layout is the same on paper, in a
   * PDF and in a print preview. */
  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72);
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);
}

/**
 * guide_handout_new:
 * @book: the guide to print
 * @progress: (nullable): the user's progress, or %NULL for blank check boxes
 * @site: (nullable): the organisation's configuration
 *
 * Returns: (transfer full): a handout of @book
 */
GuideHandout *
guide_handout_new (GuideBook     *book,
                   GuideProgress *progress,
                   GuideSite     *site)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (book), NULL);
  g_return_val_if_fail (progress == NULL || GUIDE_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (site == NULL || GUIDE_IS_SITE (site), NULL);

  return g_object_new (GUIDE_TYPE_HANDOUT,
                       "book", book,
                       "progress", progress,
                       "site", site,
                       NULL);
}

/**
 * guide_handout_get_date:
 *
 * Returns: (transfer none): the printing date
 */
GDateTime *
guide_handout_get_date (GuideHandout *self)
{
  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), NULL);

  return self->date;
}

void
guide_handout_set_date (GuideHandout *self,
                        GDateTime    *date)
{
  g_return_if_fail (GUIDE_IS_HANDOUT (self));

  if (date == NULL || (self->date != NULL && g_date_time_equal (self->date, date)))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_date_time_ref (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
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
  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), 0);

  if (self->n_pages > 0 && page_width == self->page_width && page_height == self->page_height)
    return self->n_pages;

  self->page_width = page_width;
  self->page_height = page_height;
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->contents, 0);

  build (self, page_width - 2 * MARGIN_SIDE);
  self->n_pages = place_blocks (self, page_height - MARGIN_TOP - MARGIN_BOTTOM);

  for (guint i = 0; i + 1 < self->contents->len; i += 2)
    {
      Item *item = g_ptr_array_index (self->contents, i);
      Block *header = g_ptr_array_index (self->contents, i + 1);
      g_autofree char *page = g_strdup_printf ("%u", header->page + 1);

      pango_layout_set_text (item->layout, page, -1);
    }

  return self->n_pages;
}

/**
 * guide_handout_draw_page:
 * @cr: a cairo context whose units are points, at the paper's corner
 * @page: the page, from 0
 *
 * Draws @page as laid out by the last guide_handout_paginate().
 */
void
guide_handout_draw_page (GuideHandout *self,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (GUIDE_IS_HANDOUT (self));
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->page != page)
        continue;

      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP + block->y);
      for (guint j = 0; j < block->items->len; j++)
        draw_item (cr, g_ptr_array_index (block->items, j));
      cairo_restore (cr);
    }

  draw_footer (self, cr, page);
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
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  FILE *file;
  guint n_pages;
  int saved_errno;

  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Opened here, so that a folder that does not exist or cannot be written
   * is told in the system's own words. */
  file = g_fopen (path, "wb");
  if (file == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  n_pages = guide_handout_paginate (self, A4_WIDTH, A4_HEIGHT);

  surface = cairo_pdf_surface_create_for_stream (write_cb, file, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, guide_book_get_title (self->book));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, _("CPMS Access Guide"));

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      guide_handout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  saved_errno = 0;
  if (fclose (file) != 0)
    saved_errno = errno;

  if (status != CAIRO_STATUS_SUCCESS || saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path,
                   saved_errno != 0 ? g_strerror (saved_errno) : cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * guide_handout_create_print_operation:
 *
 * Returns: (transfer full): a print operation that prints the handout, on
 *   A4 paper unless the user chooses another
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

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);

  return operation;
}

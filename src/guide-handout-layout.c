/* guide-handout-layout.c
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

/* The handout's blocks and items, the pieces found all through it (text,
 * an address with its QR code, a note), and how the blocks are put on
 * pages. */

#include <errno.h>
#include <pango/pangocairo.h>

#include "guide-handout-layout.h"
#include "guide-handout-private.h"
#include "guide-i18n.h"
#include "guide-uri.h"

static void
item_free (GuideHandoutItem *item)
{
  g_clear_object (&item->layout);
  g_free (item->uri);
  g_clear_pointer (&item->code, QRcode_free);
  g_clear_object (&item->picture);
  g_clear_object (&item->svg);
  g_free (item);
}

void
guide_handout_block_free (GuideHandoutBlock *block)
{
  g_ptr_array_unref (block->items);
  g_free (block);
}

GuideHandoutBlock *
guide_handout_block_begin (GuideHandout *self,
                           double        space_before)
{
  GuideHandoutBlock *block = g_new0 (GuideHandoutBlock, 1);

  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);

  return block;
}

GuideHandoutBlock *
guide_handout_block_continue (GuideHandout      *self,
                              GuideHandoutBlock *block,
                              double             space_before)
{
  block->keep_with_next = TRUE;
  return guide_handout_block_begin (self, space_before);
}

GuideHandoutItem *
guide_handout_item_add (GuideHandoutBlock    *block,
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
  item->colour = ink;
  g_ptr_array_add (block->items, item);
  block->height = MAX (block->height, y + height);

  return item;
}

void
guide_handout_item_add_behind (GuideHandoutBlock        *block,
                               guint                     n_items,
                               double                    x,
                               double                    y,
                               double                    width,
                               double                    height,
                               const GuideHandoutColour *colour)
{
  GuideHandoutItem *item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_FILL, x, y, width, height);

  item->colour = *colour;
  item->radius = 4;
  g_ptr_array_steal_index (block->items, block->items->len - 1);
  g_ptr_array_insert (block->items, n_items, item);
}

PangoLayout *
guide_handout_layout_new (GuideHandout *self,
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

double
guide_handout_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
guide_handout_add_text (GuideHandout             *self,
                        GuideHandoutBlock        *block,
                        double                    x,
                        double                    y,
                        double                    width,
                        const char               *text,
                        const char               *font,
                        const GuideHandoutColour *colour)
{
  PangoLayout *layout = guide_handout_layout_new (self, text, font, width);
  double height = guide_handout_layout_height (layout);
  GuideHandoutItem *item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_TEXT, x, y, width, height);

  item->layout = layout;
  item->colour = *colour;

  return height;
}

char *
guide_handout_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: how a date is written on the printed handout, in
   * g_date_time_format()'s notation; only numbers, since month names
   * would follow the process's locale rather than the guide's language. */
  return g_date_time_format (local, _("%Y-%m-%d"));
}

double
guide_handout_add_address (GuideHandout      *self,
                           GuideHandoutBlock *block,
                           double             x,
                           double             y,
                           double             width,
                           const char        *label,
                           const char        *uri)
{
  g_autofree char *display = guide_uri_get_display (uri);
  QRcode *code = QRcode_encodeString8bit (uri, 0, QR_ECLEVEL_M);
  double text_x = x, text_width = width;
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) address_layout = NULL;
  double label_height = 0, address_height, text_height, text_y, size = 0;
  GuideHandoutItem *item;

  if (code != NULL)
    {
      size = QR_SIZE;
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_QR, x, y, size, size);
      item->code = code;
      item->uri = g_strdup (uri);
      text_x = x + size + 8;
      text_width = width - size - 8;
    }
  else
    g_warning ("Could not make a QR code of “%s”: %s", uri, g_strerror (errno));

  if (label != NULL)
    {
      label_layout = guide_handout_layout_new (self, label, FONT_BODY_BOLD, text_width);
      label_height = guide_handout_layout_height (label_layout) + 2;
    }
  address_layout = guide_handout_layout_new (self, display, FONT_ADDRESS, text_width);
  address_height = guide_handout_layout_height (address_layout);

  /* Centred on the code, which the eye reads them with. */
  text_height = label_height + address_height;
  text_y = y + MAX (0, (size - text_height) / 2);

  if (label_layout != NULL)
    {
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_TEXT, text_x, text_y, text_width, label_height);
      item->layout = g_steal_pointer (&label_layout);
    }
  item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_TEXT, text_x, text_y + label_height,
                                 text_width, address_height);
  item->layout = g_steal_pointer (&address_layout);
  item->colour = accent;
  item->uri = g_strdup (uri);

  return MAX (size, text_height);
}

double
guide_handout_add_note (GuideHandout      *self,
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
    inner_y += guide_handout_add_text (self, block, inner_x, inner_y, inner_width, title, FONT_BODY_BOLD, &ink) + 2;

  inner_y += guide_handout_add_text (self, block, inner_x, inner_y, inner_width, note->text, FONT_BODY, &ink);

  if (note->source != NULL)
    inner_y += 4 + guide_handout_add_text (self, block, inner_x, inner_y + 4, inner_width,
                                           note->source, FONT_CAPTION, &muted);

  if (note->uri != NULL)
    inner_y += 8 + guide_handout_add_address (self, block, inner_x, inner_y + 8, inner_width, note->label, note->uri);

  inner_y += padding;

  guide_handout_item_add_behind (block, n_items, x, y, width, inner_y - y, update ? &update_fill : &info_fill);
  item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_FILL, x, y, bar, inner_y - y);
  item->colour = update ? update_bar : info_bar;
  item->radius = 1;

  return inner_y - y;
}

guint
guide_handout_place_blocks (GuideHandout *self,
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

/* guide-handout-content.c
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

/* The guide laid out as the handout's blocks: its title, introduction and
 * notes, the contents, every stage with its steps (their addresses,
 * profiles, pictures and notes), and the contacts. */

#include "guide-handout-content.h"
#include "guide-handout-layout.h"
#include "guide-handout-private.h"
#include "guide-i18n.h"

/* Where a step's text, and everything that belongs to it, starts: right of
 * its check box and number. */
#define STEP_INDENT 42.0

#define PICTURE_MAX_WIDTH 300.0
#define PICTURE_MAX_HEIGHT 230.0

/* The access profiles as the page lists them, the usual one marked. */
static double
add_profiles (GuideHandout      *self,
              GuideHandoutBlock *block,
              double             x,
              double             y,
              double             width,
              GPtrArray         *profiles)
{
  const double padding = 6, name_width = 150;
  double row_y = y;
  GuideHandoutItem *item;

  for (guint i = 0; i < profiles->len; i++)
    {
      const GuideProfile *profile = g_ptr_array_index (profiles, i);
      g_autofree char *page = g_strdup_printf (_("On the page: “%s”"), profile->description);
      double detail_x = x + padding + name_width + padding;
      double detail_width = width - name_width - 3 * padding;
      double name_height, detail_height = 0;
      guint n_items = block->items->len;

      name_height = guide_handout_add_text (self, block, x + padding, row_y + padding, name_width,
                                            profile->name, FONT_BODY_BOLD, &ink);
      if (profile->recommended)
        name_height += 2 + guide_handout_add_text (self, block, x + padding, row_y + padding + name_height + 2,
                                                   name_width, _("Usual choice"), FONT_SMALL_BOLD, &accent);

      if (profile->meaning != NULL)
        detail_height += guide_handout_add_text (self, block, detail_x, row_y + padding, detail_width,
                                                 profile->meaning, FONT_BODY, &ink) + 1;
      detail_height += guide_handout_add_text (self, block, detail_x, row_y + padding + detail_height, detail_width,
                                               page, FONT_SMALL, &muted);

      if (profile->recommended)
        guide_handout_item_add_behind (block, n_items, x, row_y, width, MAX (name_height, detail_height) + 2 * padding,
                                       &recommended_fill);

      row_y += MAX (name_height, detail_height) + 2 * padding;
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_LINE, x, row_y, width, 0);
      item->colour = hairline;
    }

  return row_y - y;
}

static double
add_picture (GuideHandout      *self,
             GuideHandoutBlock *block,
             double             x,
             double             y,
             double             width,
             const GuideStep   *step)
{
  g_autoptr(GuideScreenshot) picture = guide_screenshot_lookup (step->picture, guide_book_get_language (self->book));
  g_autofree char *caption = NULL;
  double picture_width, picture_height;
  GuideHandoutItem *item;

  if (picture == NULL || guide_screenshot_get_width (picture) <= 0 || guide_screenshot_get_height (picture) <= 0)
    return 0;

  picture_width = MIN (width, PICTURE_MAX_WIDTH);
  picture_height = picture_width * guide_screenshot_get_height (picture) / guide_screenshot_get_width (picture);
  if (picture_height > PICTURE_MAX_HEIGHT)
    {
      picture_width *= PICTURE_MAX_HEIGHT / picture_height;
      picture_height = PICTURE_MAX_HEIGHT;
    }

  item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_PICTURE, x, y, picture_width, picture_height);
  item->picture = g_steal_pointer (&picture);
  item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_OUTLINE, x, y, picture_width, picture_height);
  item->colour = hairline;

  if (step->picture_alt == NULL)
    return picture_height;

  /* On paper as in the window, a drawing is said to be one. */
  caption = g_strdup_printf (_("Illustration: %s"), step->picture_alt);
  return picture_height + 4 + guide_handout_add_text (self, block, x, y + picture_height + 4, picture_width,
                                                      caption, FONT_CAPTION, &muted);
}

static void
add_step (GuideHandout    *self,
          double           width,
          const GuideStep *step,
          guint            number,
          gboolean         withdrawn)
{
  const GuideHandoutColour *colour = withdrawn ? &muted : &ink;
  double text_width = width - STEP_INDENT;
  g_autofree char *number_text = g_strdup_printf ("%u.", number);
  GDateTime *done = NULL;
  GuideHandoutBlock *block = guide_handout_block_begin (self, 16);
  double y;
  GuideHandoutItem *item;

  if (!withdrawn && self->progress != NULL && guide_progress_is_done (self->progress, step->id))
    done = guide_progress_get_done_time (self->progress, step->id);

  /* The original guide's steps are there to read, never to tick. */
  if (!withdrawn)
    {
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_CHECK, 0, 0.5, 14, 14);
      item->ticked = self->progress != NULL && guide_progress_is_done (self->progress, step->id);
    }
  guide_handout_add_text (self, block, 20, 0, STEP_INDENT - 20, number_text, FONT_STEP_NUMBER, colour);
  y = guide_handout_add_text (self, block, STEP_INDENT, 0, text_width, step->text, FONT_STEP, colour);

  if (withdrawn)
    {
      PangoLayout *layout = guide_handout_layout_new (self, _("No longer offered"), FONT_SMALL_BOLD, -1);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_OUTLINE, STEP_INDENT, y + 4,
                                     pango_units_to_double (logical.width) + 10,
                                     guide_handout_layout_height (layout) + 4);
      item->colour = muted;
      item->radius = 3;
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_TEXT, STEP_INDENT + 5, y + 6, -1,
                                     guide_handout_layout_height (layout));
      item->layout = layout;
      item->colour = muted;
      y = block->height;
    }

  if (done != NULL)
    {
      g_autofree char *date = guide_handout_format_date (done);
      g_autofree char *text = g_strdup_printf (_("Done on %s"), date);

      y += 2 + guide_handout_add_text (self, block, STEP_INDENT, y + 2, text_width, text, FONT_SMALL_BOLD, &accent);
    }

  if (step->uri != NULL)
    {
      block = guide_handout_block_continue (self, block, 8);
      guide_handout_add_address (self, block, STEP_INDENT, 0, text_width, step->label, step->uri);
    }

  if (step->profiles != NULL && step->profiles->len > 0)
    {
      block = guide_handout_block_continue (self, block, 8);
      add_profiles (self, block, STEP_INDENT, 0, text_width, step->profiles);
    }

  if (step->picture != NULL)
    {
      block = guide_handout_block_continue (self, block, 10);
      add_picture (self, block, STEP_INDENT, 0, text_width, step);
    }

  for (guint i = 0; step->notes != NULL && i < step->notes->len; i++)
    {
      block = guide_handout_block_continue (self, block, 8);
      guide_handout_add_note (self, block, STEP_INDENT, 0, text_width, g_ptr_array_index (step->notes, i));
    }
}

static guint
count_done (GuideHandout     *self,
            const GuideStage *stage)
{
  return guide_progress_count_done (self->progress, self->book, stage);
}

static GuideHandoutBlock *
add_stage (GuideHandout     *self,
           double            width,
           const GuideStage *stage,
           guint             index,
           guint             n_stages)
{
  GuideHandoutBlock *header;
  g_autofree char *kicker = g_strdup_printf (_("Stage %u of %u"), index + 1, n_stages);
  GuideHandoutBlock *block = guide_handout_block_begin (self, 0);
  double y;
  GuideHandoutItem *item;

  header = block;
  block->new_page = TRUE;
  y = guide_handout_add_text (self, block, 0, 0, width, kicker, FONT_KICKER, &accent) + 2;
  y += guide_handout_add_text (self, block, 0, y, width, stage->title, FONT_STAGE, &ink) + 4;
  y += guide_handout_add_text (self, block, 0, y, width, stage->summary, FONT_BODY, &muted);
  if (g_date_valid (&stage->checked))
    {
      g_autofree char *day = guide_i18n_format_day (guide_book_get_language (self->book), &stage->checked);
      g_autofree char *checked = g_strdup_printf (_("Checked against the official pages on %s"), day);

      y += 4 + guide_handout_add_text (self, block, 0, y + 4, width, checked, FONT_SMALL, &muted);
    }
  if (self->progress != NULL)
    {
      guint done = count_done (self, stage);
      g_autofree char *count = guide_i18n_format_count (guide_book_get_language (self->book),
                                                          done, stage->steps->len);

      y += 4 + guide_handout_add_text (self, block, 0, y + 4, width, count, FONT_SMALL_BOLD, &accent);
    }
  item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, y + 8, width, 0);
  item->colour = hairline;
  block->height = y + 8;
  block->keep_with_next = TRUE;

  for (guint i = 0; i < stage->notes->len; i++)
    {
      block = guide_handout_block_begin (self, 12);
      guide_handout_add_note (self, block, 0, 0, width, g_ptr_array_index (stage->notes, i));
      block->keep_with_next = TRUE;
    }

  for (guint i = 0; i < stage->steps->len; i++)
    add_step (self, width, g_ptr_array_index (stage->steps, i), i + 1, FALSE);

  if (stage->original_steps == NULL || stage->original_steps->len == 0)
    return header;

  /* As the window shows them: under their heading, marked as no longer
   * offered, without a check box. */
  block = guide_handout_block_begin (self, 24);
  {
    const double padding = 9;
    guint n_items = block->items->len;

    y = padding;
    y += guide_handout_add_text (self, block, padding, y, width - 2 * padding,
                                 stage->original_title, FONT_SECTION, &muted) + 4;
    y += guide_handout_add_text (self, block, padding, y, width - 2 * padding,
                                 stage->original_text, FONT_BODY, &ink) + padding;
    guide_handout_item_add_behind (block, n_items, 0, 0, width, y, &withdrawn_fill);
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
  GuideHandoutBlock *block = guide_handout_block_begin (self, 28);
  double y;
  GuideHandoutItem *item;

  item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, 0, width, 0);
  item->colour = hairline;
  y = 12 + guide_handout_add_text (self, block, 0, 12, width, _("Help and Contacts"), FONT_SECTION, &ink) + 4;
  guide_handout_add_text (self, block, 0, y, width, guide_book_get_contacts_text (self->book), FONT_BODY, &ink);

  for (guint i = 0; i < addresses->len; i++)
    {
      const GuideAddress *address = g_ptr_array_index (addresses, i);

      block = guide_handout_block_continue (self, block, 10);
      guide_handout_add_address (self, block, 0, 0, width, address->name, address->uri);
    }

  /* The hospital's own IT, when the site file names them. */
  if (self->site != NULL && guide_site_get_contact_name (self->site) != NULL)
    {
      const char *name = guide_site_get_contact_name (self->site);
      const char *email = guide_site_get_contact_email (self->site);
      const char *phone = guide_site_get_contact_phone (self->site);

      block = guide_handout_block_continue (self, block, 10);
      if (email != NULL)
        {
          g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);

          y = guide_handout_add_address (self, block, 0, 0, width, name, mailto);
        }
      else
        y = guide_handout_add_text (self, block, 0, 0, width, name, FONT_BODY_BOLD, &ink);

      if (phone != NULL)
        guide_handout_add_text (self, block, email != NULL ? QR_SIZE + 8 : 0, y + 2, width, phone, FONT_BODY, &ink);
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
  GuideHandoutBlock *block = guide_handout_block_begin (self, 22);
  double y;
  GuideHandoutItem *item;

  y = guide_handout_add_text (self, block, 0, 0, width, _("Contents"), FONT_SECTION, &ink) + 6;

  for (guint i = 0; i < stages->len; i++)
    {
      const GuideStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double title_width = width - number_width - page_width;
      double height;

      guide_handout_add_text (self, block, 0, y + 6, number_width, number, FONT_STEP_NUMBER, &accent);
      height = guide_handout_add_text (self, block, number_width, y + 6, title_width,
                                       stage->title, FONT_STEP_NUMBER, &ink);

      /* The page number is written once the pages are known. */
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_TEXT, width - page_width, y + 6, page_width, 0);
      item->layout = guide_handout_layout_new (self, "", FONT_STEP, page_width);
      pango_layout_set_alignment (item->layout, PANGO_ALIGN_RIGHT);
      item->colour = ink;
      g_ptr_array_add (self->contents, item);
      g_ptr_array_add (self->contents, NULL);

      if (self->progress != NULL)
        {
          guint done = count_done (self, stage);
          g_autofree char *count = guide_i18n_format_count (guide_book_get_language (self->book),
                                                              done, stage->steps->len);

          height += 1 + guide_handout_add_text (self, block, number_width, y + 6 + height + 1, title_width,
                                                count, FONT_SMALL_BOLD, &accent);
        }

      y += 6 + height + 6;
      item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, y, width, 0);
      item->colour = hairline;
    }
}

void
guide_handout_build (GuideHandout *self,
                     double        width)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  GStrv intro = guide_book_get_intro (self->book);
  GPtrArray *notes = guide_book_get_notes (self->book);
  GuideHandoutBlock *block = guide_handout_block_begin (self, 0);
  double y;
  GuideHandoutItem *item;

  y = guide_handout_add_text (self, block, 0, 0, width, _("CPMS Access Guide"), FONT_KICKER, &accent) + 4;
  y += guide_handout_add_text (self, block, 0, y, width, guide_book_get_title (self->book), FONT_TITLE, &ink);
  if (self->progress != NULL)
    {
      guint done = 0;
      g_autofree char *count = NULL;

      for (guint i = 0; i < stages->len; i++)
        done += count_done (self, g_ptr_array_index (stages, i));
      count = guide_i18n_format_count (guide_book_get_language (self->book), done, guide_book_get_n_steps (self->book));
      y += 6 + guide_handout_add_text (self, block, 0, y + 6, width, count, FONT_SMALL_BOLD, &accent);
    }
  item = guide_handout_item_add (block, GUIDE_HANDOUT_ITEM_LINE, 0, y + 10, width, 0);
  item->colour = hairline;

  for (guint i = 0; intro != NULL && intro[i] != NULL; i++)
    {
      block = guide_handout_block_begin (self, i == 0 ? 20 : 8);
      guide_handout_add_text (self, block, 0, 0, width, intro[i], FONT_BODY, &ink);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      block = guide_handout_block_begin (self, 12);
      guide_handout_add_note (self, block, 0, 0, width, g_ptr_array_index (notes, i));
    }

  add_contents (self, width, stages);

  for (guint i = 0; i < stages->len; i++)
    {
      GuideHandoutBlock *header = add_stage (self, width, g_ptr_array_index (stages, i), i, stages->len);

      /* The contents' entry for this stage points to its header. */
      g_ptr_array_index (self->contents, 2 * i + 1) = header;
    }

  add_contacts (self, width);
}

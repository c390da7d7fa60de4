/* guide-handout-private.h
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

/* For the tests, which check how the blocks are put on pages and where
 * addresses are broken. */

#pragma once

#include "guide-handout.h"

G_BEGIN_DECLS

/* Page margins, wider than any printer's unprintable edge. */
#define MARGIN_SIDE 50.0
#define MARGIN_TOP 48.0
#define MARGIN_BOTTOM 66.0
/* The space between a stage and the one before it on the same page. */
#define STAGE_GAP 36.0

typedef struct _GuideHandoutBlock GuideHandoutBlock;

/* Draws @block with its top left corner where @cr is, or only measures it
 * when @cr is %NULL; returns its height either way. */
typedef double (*GuideHandoutDrawFunc) (GuideHandout            *self,
                                        cairo_t                 *cr,
                                        const GuideHandoutBlock *block);

/* What is never split across pages; a block that keeps with the next one
 * goes to a new page with it (a step with its picture, a heading with what
 * follows it) whenever they fit on one page together. */
struct _GuideHandoutBlock
{
  GuideHandoutDrawFunc  draw;
  gconstpointer         data;
  /* A step's number, or a stage's index. */
  guint                 number;
  gboolean              withdrawn;
  double                indent;
  double                height;
  double                space_before;
  gboolean              keep_with_next;
  /* A stage's header, which may start a page. */
  gboolean              new_page;
  guint                 page;
  double                y;
};

struct _GuideHandout
{
  GObject        parent_instance;

  GuideBook     *book;
  GuideProgress *progress;
  GuideSite     *site;
  GDateTime     *date;
  PangoContext  *context;

  GPtrArray     *blocks;
  /* Every text the last pagination measured, for the tests to check where
   * its addresses break. */
  GPtrArray     *layouts;
  double         page_width;
  double         page_height;
  guint          n_pages;
};

G_END_DECLS

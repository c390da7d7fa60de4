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

/* The handout's instance, and the blocks of items it is laid out in: for
 * guide-handout.c, and for its tests, which check how the blocks are put on
 * pages and where addresses are broken. */

#pragma once

#include <qrencode.h>

#include "guide-handout.h"
#include "guide-screenshot.h"

G_BEGIN_DECLS

/* Page margins, wider than any printer's unprintable edge. */
#define MARGIN_SIDE 50.0
#define MARGIN_TOP 48.0
#define MARGIN_BOTTOM 66.0
/* The space between a stage and the one before it on the same page. */
#define STAGE_GAP 36.0

typedef enum
{
  GUIDE_HANDOUT_ITEM_TEXT,
  GUIDE_HANDOUT_ITEM_FILL,
  GUIDE_HANDOUT_ITEM_OUTLINE,
  GUIDE_HANDOUT_ITEM_LINE,
  GUIDE_HANDOUT_ITEM_CHECK,
  GUIDE_HANDOUT_ITEM_QR,
  GUIDE_HANDOUT_ITEM_PICTURE,
} GuideHandoutItemKind;

/* One thing drawn, at a place relative to its block. */
typedef struct
{
  GuideHandoutItemKind  kind;
  double                x;
  double                y;
  double                width;
  double                height;
  const GdkRGBA        *colour;
  double                radius;
  PangoLayout          *layout;
  /* An address, which a text or a QR code is a link to in a PDF. */
  char                 *uri;
  gboolean              ticked;
  QRcode               *code;
  GuideScreenshot      *picture;
} GuideHandoutItem;

/* What is never split across pages; a block that keeps with the next one
 * goes to a new page with it (a step with its picture, a heading with what
 * follows it) whenever they fit on one page together. */
typedef struct
{
  GPtrArray *items;
  double     height;
  double     space_before;
  gboolean   keep_with_next;
  /* The start of a stage. */
  gboolean   new_page;
  guint      page;
  double     y;
} GuideHandoutBlock;

struct _GuideHandout
{
  GObject        parent_instance;

  GuideBook     *book;
  GuideProgress *progress;
  GuideSite     *site;
  GDateTime     *date;
  PangoContext  *context;

  GPtrArray     *blocks;
  /* The contents' page numbers, one for each stage, written once the
   * blocks are on pages. */
  GPtrArray     *contents;
  double         page_width;
  double         page_height;
  guint          n_pages;
};

G_END_DECLS

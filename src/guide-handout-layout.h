/* guide-handout-layout.h
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

/* What the handout is made of: blocks, the items drawn in them, and the
 * page's measures, fonts and colours. */

#pragma once

#include <librsvg/rsvg.h>
#include <pango/pango.h>
#include <qrencode.h>

#include "guide-book.h"
#include "guide-handout.h"
#include "guide-screenshot.h"

G_BEGIN_DECLS

/* Page margins, wider than any printer's unprintable edge. */
#define MARGIN_SIDE 50.0
#define MARGIN_TOP 48.0
#define MARGIN_BOTTOM 66.0
/* The space between a stage and the one before it on the same page. */
#define STAGE_GAP 36.0

/* A QR code's side, quiet zone included: about 23 mm, which a phone reads
 * from a desk's distance. */
#define QR_SIZE 66.0
#define QR_QUIET_ZONE 4

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
} GuideHandoutColour;

static const GuideHandoutColour ink = { 0.12, 0.12, 0.14 };
static const GuideHandoutColour muted = { 0.37, 0.36, 0.39 };
static const GuideHandoutColour accent = { 0.10, 0.37, 0.71 };
static const GuideHandoutColour hairline = { 0.78, 0.79, 0.81 };
static const GuideHandoutColour info_fill = { 0.93, 0.95, 0.98 };
static const GuideHandoutColour info_bar = { 0.21, 0.52, 0.89 };
static const GuideHandoutColour update_fill = { 0.99, 0.96, 0.87 };
static const GuideHandoutColour update_bar = { 0.90, 0.65, 0.04 };
static const GuideHandoutColour withdrawn_fill = { 0.95, 0.95, 0.95 };
static const GuideHandoutColour recommended_fill = { 0.91, 0.95, 0.99 };
static const GuideHandoutColour white = { 1, 1, 1 };

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
  GuideHandoutItemKind kind;
  double               x;
  double               y;
  double               width;
  double               height;
  GuideHandoutColour   colour;
  double               radius;
  PangoLayout         *layout;
  char                *uri;
  gboolean             ticked;
  QRcode              *code;
  GuideScreenshot     *picture;
  RsvgHandle          *svg;
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
  gboolean   new_page;
  guint      page;
  double     y;
} GuideHandoutBlock;

/* Frees @block and its items. */
void               guide_handout_block_free        (GuideHandoutBlock *block);

/* A new block at the end of the handout, @space_before below the one
 * before. */
GuideHandoutBlock *guide_handout_block_begin       (GuideHandout *self,
                                                    double        space_before);
/* Ends @block, which keeps with the one this begins. */
GuideHandoutBlock *guide_handout_block_continue    (GuideHandout      *self,
                                                    GuideHandoutBlock *block,
                                                    double             space_before);
/* A new item in @block, in ink, drawn over those before it; @block grows
 * to hold it. */
GuideHandoutItem  *guide_handout_item_add          (GuideHandoutBlock    *block,
                                                    GuideHandoutItemKind  kind,
                                                    double                x,
                                                    double                y,
                                                    double                width,
                                                    double                height);
/* A background for what @block got since it had @n_items items. */
void               guide_handout_item_add_behind   (GuideHandoutBlock        *block,
                                                    guint                     n_items,
                                                    double                    x,
                                                    double                    y,
                                                    double                    width,
                                                    double                    height,
                                                    const GuideHandoutColour *colour);
/* A layout of @text in @font, in points and in the guide's language,
 * wrapped at @width when it is positive. */
PangoLayout       *guide_handout_layout_new        (GuideHandout *self,
                                                    const char   *text,
                                                    const char   *font,
                                                    double        width);
/* The height of @layout, in points. */
double             guide_handout_layout_height     (PangoLayout *layout);
/* Text at @x, @y in @block, @width wide; returns its height. */
double             guide_handout_add_text          (GuideHandout             *self,
                                                    GuideHandoutBlock        *block,
                                                    double                    x,
                                                    double                    y,
                                                    double                    width,
                                                    const char               *text,
                                                    const char               *font,
                                                    const GuideHandoutColour *colour);
/* @date, in local time, as the guide's language writes it on the handout. */
char              *guide_handout_format_date       (GDateTime *date);
/* An address written out beside its QR code; returns the height. */
double             guide_handout_add_address       (GuideHandout      *self,
                                                    GuideHandoutBlock *block,
                                                    double             x,
                                                    double             y,
                                                    double             width,
                                                    const char        *label,
                                                    const char        *uri);
/* A note in a tinted box; returns its height. */
double             guide_handout_add_note          (GuideHandout      *self,
                                                    GuideHandoutBlock *block,
                                                    double             x,
                                                    double             y,
                                                    double             width,
                                                    const GuideNote   *note);
/* Gives each block its page and its place on it,
 * pages being @height tall; returns the number of pages. */
guint              guide_handout_place_blocks      (GuideHandout *self,
                                                    double        height);

G_END_DECLS

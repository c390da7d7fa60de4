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

/* The instance of GuideHandout, shared by the files that lay the handout
 * out and draw it. */

#pragma once

#include <pango/pango.h>

#include "guide-handout.h"

G_BEGIN_DECLS

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

G_END_DECLS

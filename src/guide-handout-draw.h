/* guide-handout-draw.h
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

/* The drawing of the handout's items and of its pages' footers, for
 * guide-handout.c. */

#pragma once

#include <cairo.h>

#include "guide-handout-layout.h"

G_BEGIN_DECLS

/* Draws @item, relative to where @cr is: text, shapes, a check box, a
 * QR code or a picture; in a PDF, an address is also a link. */
void               guide_handout_draw_item         (cairo_t          *cr,
                                                    GuideHandoutItem *item);
/* The guide's title and the printing date on the left, the page number on
 * the right: a loose sheet still says what it is, when, and where it goes. */
void               guide_handout_draw_footer       (GuideHandout *self,
                                                    cairo_t      *cr,
                                                    guint         page);

G_END_DECLS

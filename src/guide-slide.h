/* guide-slide.h
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

#pragma once

#include <gtk/gtk.h>

#include "guide-book.h"

G_BEGIN_DECLS

typedef enum
{
  GUIDE_SLIDE_TITLE,
  GUIDE_SLIDE_STAGE,
  GUIDE_SLIDE_STEP,
  GUIDE_SLIDE_ORIGINAL,
  GUIDE_SLIDE_CONTACTS,
} GuideSlideKind;

#define GUIDE_TYPE_SLIDE (guide_slide_get_type ())

G_DECLARE_FINAL_TYPE (GuideSlide, guide_slide, GUIDE, SLIDE, GtkBox)

void guide_slide_show        (GuideSlide     *self,
                              GuideBook      *book,
                              const char     *language,
                              GuideSlideKind  kind,
                              guint           stage,
                              guint           step);
void guide_slide_set_counter (GuideSlide     *self,
                              guint           index,
                              guint           n_slides,
                              gboolean        hints);
void guide_slide_fit         (GuideSlide     *self,
                              int             screen_height,
                              int             font_size,
                              int             width,
                              int             height);

G_END_DECLS

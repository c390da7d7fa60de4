/* guide-step-row.h
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

#define GUIDE_TYPE_STEP_ROW (guide_step_row_get_type ())

G_DECLARE_FINAL_TYPE (GuideStepRow, guide_step_row, GUIDE, STEP_ROW, GtkListBoxRow)

GtkWidget   *guide_step_row_new          (guint            number,
                                          gboolean         withdrawn);
void         guide_step_row_set_step     (GuideStepRow    *self,
                                          const GuideStep *step);
void         guide_step_row_set_picture  (GuideStepRow    *self,
                                          const GuideStep *step);
const char  *guide_step_row_get_step_id  (GuideStepRow    *self);
void         guide_step_row_set_done     (GuideStepRow    *self,
                                          GDateTime       *done);
GtkLayoutManager *guide_step_row_layout_new (void);

G_END_DECLS

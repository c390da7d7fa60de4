/* guide-stage-row.h
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

G_BEGIN_DECLS

#define GUIDE_TYPE_STAGE_ROW (guide_stage_row_get_type ())

G_DECLARE_FINAL_TYPE (GuideStageRow, guide_stage_row, GUIDE, STAGE_ROW, GtkListBoxRow)

GtkWidget *guide_stage_row_new     (guint          number);
void       guide_stage_row_update  (GuideStageRow *self,
                                    const char    *title,
                                    guint          n_done,
                                    guint          n_steps);

G_END_DECLS

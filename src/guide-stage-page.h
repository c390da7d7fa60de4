/* guide-stage-page.h
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

#include <adwaita.h>

#include "guide-book.h"
#include "guide-progress.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_STAGE_PAGE (guide_stage_page_get_type ())

G_DECLARE_FINAL_TYPE (GuideStagePage, guide_stage_page, GUIDE, STAGE_PAGE, AdwBin)

void          guide_stage_page_set_progress     (GuideStagePage *self,
                                                 GuideProgress  *progress);
void          guide_stage_page_show_stage       (GuideStagePage *self,
                                                 GuideBook      *book,
                                                 guint           index);
void          guide_stage_page_select_step      (GuideStagePage *self,
                                                 const char     *step_id,
                                                 gboolean        focus);
void          guide_stage_page_set_zoom         (GuideStagePage *self,
                                                 double          zoom);

G_END_DECLS

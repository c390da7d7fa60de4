/* guide-progress.h
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

#include <gio/gio.h>

#include "guide-book.h"

G_BEGIN_DECLS

#define GUIDE_PROGRESS_ERROR (guide_progress_error_quark ())

typedef enum
{
  GUIDE_PROGRESS_ERROR_BROKEN,
  GUIDE_PROGRESS_ERROR_NEWER,
  GUIDE_PROGRESS_ERROR_LINK,
} GuideProgressError;

#define GUIDE_TYPE_PROGRESS (guide_progress_get_type ())

G_DECLARE_FINAL_TYPE (GuideProgress, guide_progress, GUIDE, PROGRESS, GObject)

GQuark         guide_progress_error_quark        (void);
GuideProgress *guide_progress_new                (GFile          *file);
GFile         *guide_progress_get_default_file   (void);
GFile         *guide_progress_get_file           (GuideProgress  *self);
gboolean       guide_progress_get_writable       (GuideProgress  *self);
gboolean       guide_progress_load               (GuideProgress  *self,
                                                  GError        **error);
gboolean       guide_progress_load_read_only     (GuideProgress  *self,
                                                  GError        **error);
gboolean       guide_progress_load_from_data     (GuideProgress  *self,
                                                  const char     *data,
                                                  gsize           length,
                                                  gboolean       *newer);
char          *guide_progress_to_json            (GuideProgress  *self);
gboolean       guide_progress_is_done            (GuideProgress  *self,
                                                  const char     *step_id);
GDateTime     *guide_progress_get_done_time      (GuideProgress  *self,
                                                  const char     *step_id);
void           guide_progress_set_done           (GuideProgress  *self,
                                                  const char     *step_id,
                                                  gboolean        done);
const char    *guide_progress_get_current_stage  (GuideProgress  *self);
const char    *guide_progress_get_current_step   (GuideProgress  *self);
void           guide_progress_set_current        (GuideProgress  *self,
                                                  const char     *stage_id,
                                                  const char     *step_id);
void           guide_progress_reset              (GuideProgress  *self);
gboolean       guide_progress_get_saving         (GuideProgress  *self);
gboolean       guide_progress_save               (GuideProgress  *self,
                                                  GError        **error);
guint          guide_progress_count_done         (GuideProgress    *self,
                                                  GuideBook        *book,
                                                  const GuideStage *stage);
gboolean       guide_progress_upgrade            (GuideProgress  *self,
                                                  GuideBook      *book,
                                                  GError        **error);
gint64         guide_progress_get_days_waiting   (GuideProgress  *self,
                                                  GuideBook      *book,
                                                  GDateTime      *now);
GDateTime     *guide_progress_get_former_request (GuideProgress  *self,
                                                  GuideBook      *book);

G_END_DECLS

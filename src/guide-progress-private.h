/* guide-progress-private.h
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

/* What the files that make up GuideProgress share: its fields, and the
 * functions one of them gives the others. */

#pragma once

#include "guide-progress.h"

G_BEGIN_DECLS

/* Version 2 came with the guide's current method for a stage whose original
 * method was withdrawn; see guide_progress_upgrade(). */
#define GUIDE_PROGRESS_VERSION 2

struct _GuideProgress
{
  GObject     parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  char         *on_disk;
  GHashTable   *done;
  char         *current_stage;
  char         *current_step;
  gint64        version_read;
  gboolean      writable;
  /* Whether the progress changed since it was read or last written, or the
   * last write failed: nothing is written otherwise. */
  gboolean      dirty;
  /* The save waiting for the main loop to be idle, and whether one is being
   * written in a worker thread: never both, never two (guide-progress-save.c). */
  guint         save_source;
  gboolean      writing;
};

char     *guide_progress_to_json        (GuideProgress *self);
gboolean  guide_progress_file_is_newer  (const char    *path);
void      guide_progress_set_writable   (GuideProgress *self,
                                         gboolean       writable);
void      guide_progress_mark_dirty     (GuideProgress *self);

/* Replaces *@target by a copy of @value; TRUE when that changed it. */
static inline gboolean
guide_progress_set_string (char       **target,
            const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return FALSE;

  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

G_END_DECLS

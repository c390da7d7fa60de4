/* guide-progress-save.c
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

/* Saving progress. A change marks the progress dirty, and a save starts
 * once the main loop is idle, so that what one action changes (a tick, and
 * the step it selects) is written once. The save writes a snapshot in a
 * worker thread, so that the disk never holds up the window. At most one
 * save is in flight: what changes meanwhile is written by another save
 * started when it is done, and a process about to end waits for it before
 * writing what is still dirty. Saves thus reach the disk in the order they
 * were made, and the last one holds the last change. */

#include "guide-progress-file.h"
#include "guide-progress-private.h"

/* What the progress is now, to write: it is no longer dirty, and the file
 * monitor will see the app's own writing, not a change by another process. */
static char *
take_snapshot (GuideProgress *self)
{
  self->dirty = FALSE;
  g_free (self->on_disk);
  self->on_disk = guide_progress_to_json (self);

  return g_strdup (self->on_disk);
}

/* Writes @data unless the file on disk now says it was saved by a newer
 * version of the app: another copy may have been started since this one
 * read it, at any time. Any thread: of @self, only its file is read, which
 * never changes. */
static gboolean
write_snapshot (GuideProgress  *self,
                const char     *data,
                GError        **error)
{
  g_autofree char *target = guide_progress_file_resolve (g_file_peek_path (self->file), error);

  if (target == NULL)
    return FALSE;

  if (guide_progress_file_is_newer (target))
    {
      g_set_error_literal (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER, "");
      return FALSE;
    }

  return guide_progress_file_write (target, data, error);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_snapshot (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Says why @error kept the progress from being saved; what was not written
 * stays dirty, to be written with the next save, unless the file became a
 * newer version's, which is never written again. */
static void
save_failed (GuideProgress *self,
             GError        *error)
{
  guide_progress_file_explain_error (error);

  if (g_error_matches (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER))
    guide_progress_set_writable (self, FALSE);
  else
    self->dirty = TRUE;
}

static void start_save (GuideProgress *self);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GuideProgress *self = GUIDE_PROGRESS (source);
  g_autoptr(GError) error = NULL;
  /* Before a failure marks it dirty again: that is for the next change or
   * the quit to retry, not for a loop of failing saves. */
  gboolean changed_meanwhile = self->dirty;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    save_failed (self, error);
  g_signal_emit_by_name (self, "saved", error);

  /* Unless a handler of “saved” changed the progress again, and a save
   * already waits for the main loop to be idle. */
  if (changed_meanwhile && self->writable && self->save_source == 0)
    start_save (self);
}

static void
start_save (GuideProgress *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, saved_cb, NULL);

  self->writing = TRUE;
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, take_snapshot (self), g_free);
  g_task_run_in_thread (task, write_in_thread);
}

static gboolean
save_idle_cb (gpointer user_data)
{
  GuideProgress *self = GUIDE_PROGRESS (user_data);

  self->save_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

/* Marks the progress changed. It is saved once the main loop is idle, after
 * the window shows the change; if a save is in flight, once it is done. */
void
guide_progress_mark_dirty (GuideProgress *self)
{
  self->dirty = TRUE;

  if (self->writable && !guide_progress_get_saving (self))
    self->save_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_idle_cb, g_object_ref (self), g_object_unref);
}

/**
 * guide_progress_get_saving:
 *
 * Returns: whether a save waits for the main loop to be idle or is being
 *   written
 */
gboolean
guide_progress_get_saving (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return self->save_source != 0 || self->writing;
}

/**
 * guide_progress_save:
 * @error: a location for a #GError
 *
 * Writes the progress now, in this thread, for a process about to end: the
 * save in flight, if any, is waited for (its #GuideProgress::saved is
 * emitted), then what is still dirty is written, so that nothing is lost
 * and nothing older is written after it. Nothing is written when nothing
 * changed since the file was read or written.
 *
 * Returns: %TRUE if it was written, or there was nothing to write
 */
gboolean
guide_progress_save (GuideProgress  *self,
                     GError        **error)
{
  g_autofree char *data = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  /* The save in flight finishes where it began: in the main loop. */
  while (self->writing)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->writable || !self->dirty)
    return TRUE;

  data = take_snapshot (self);
  if (write_snapshot (self, data, &local_error))
    return TRUE;

  save_failed (self, local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

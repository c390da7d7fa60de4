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

/* Saving progress. A change is saved once the main loop is idle, so that
 * what one action changes (a tick, and the step it selects) is written
 * once, and in a worker thread, so that the disk never holds up the window.
 * Changes made while a save runs are written together after it. Each save
 * is numbered: a save never replaces a newer one, whichever thread gets to
 * the disk first. */

#include "guide-progress-file.h"
#include "guide-progress-private.h"

typedef struct
{
  char    *path;
  char    *data;
  guint64  number;
} Save;

static void
save_free (Save *save)
{
  g_free (save->path);
  g_free (save->data);
  g_free (save);
}

/* What the progress is now, to write; where the file monitor will then see
 * the app's own writing, not a change by another process. */
static Save *
save_new (GuideProgress *self)
{
  Save *save = g_new0 (Save, 1);

  save->path = g_file_get_path (self->file);
  save->data = guide_progress_to_json (self);
  save->number = ++self->n_saves;
  self->unsaved = FALSE;

  g_free (self->on_disk);
  self->on_disk = g_strdup (save->data);

  return save;
}

/* Writes @save unless a newer save was written already, or the file on
 * disk now says it was saved by a newer version of the app: another copy
 * may have been started since this one read it, at any time. */
static gboolean
write_save (GuideProgress  *self,
            const Save     *save,
            GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->write_lock);
  g_autofree char *target = NULL;

  if (save->number < self->n_written)
    return TRUE;

  target = guide_progress_file_resolve (save->path, error);
  if (target == NULL)
    return FALSE;

  if (guide_progress_file_is_newer (target))
    {
      g_set_error_literal (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER, "");
      return FALSE;
    }

  if (!guide_progress_file_write (target, save->data, error))
    return FALSE;

  self->n_written = save->number;
  return TRUE;
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_save (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Says why @error kept the progress from being saved; what was not written
 * is written with the next save, unless the file became a newer version's,
 * which is never written again. */
static void
save_failed (GuideProgress *self,
             GError        *error)
{
  guide_progress_file_explain_error (error);

  if (g_error_matches (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER))
    {
      self->save_again = FALSE;
      guide_progress_set_writable (self, FALSE);
    }
  else
    self->unsaved = TRUE;
}

static void start_save (GuideProgress *self);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GuideProgress *self = GUIDE_PROGRESS (source);
  g_autoptr(GError) error = NULL;

  self->save_running = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    save_failed (self, error);
  g_signal_emit_by_name (self, "saved", error);

  if (self->save_again)
    start_save (self);
  else if (self->save_source == 0)
    g_object_notify (G_OBJECT (self), "saving");
}

static void
start_save (GuideProgress *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, saved_cb, NULL);

  self->save_again = FALSE;
  self->save_running = TRUE;
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, save_new (self), (GDestroyNotify) save_free);
  g_task_run_in_thread (task, write_in_thread);
}

static gboolean
save_idle_cb (gpointer user_data)
{
  GuideProgress *self = GUIDE_PROGRESS (user_data);

  self->save_source = 0;
  if (self->save_running)
    self->save_again = TRUE;
  else
    start_save (self);

  return G_SOURCE_REMOVE;
}

/* Saves once the main loop is idle: after the window shows the change, and
 * once for everything one action changed. */
void
guide_progress_schedule_save (GuideProgress *self)
{
  gboolean was_saving = self->save_source != 0 || self->save_running;

  self->unsaved = TRUE;
  if (!self->writable || self->save_source != 0)
    return;

  self->save_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_idle_cb, g_object_ref (self), g_object_unref);
  if (!was_saving)
    g_object_notify (G_OBJECT (self), "saving");
}

/**
 * guide_progress_get_saving:
 *
 * Returns: whether a change is still to be written
 */
gboolean
guide_progress_get_saving (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return self->save_source != 0 || self->save_running;
}

/**
 * guide_progress_save:
 * @error: a location for a #GError
 *
 * Writes the progress now, in this thread, for a process about to end: a
 * save still waiting is written with it, and one running in a worker thread
 * is waited for, so that nothing is lost. Nothing is written when nothing
 * changed since the file was read or written.
 *
 * Returns: %TRUE if it was written, or there was nothing to write
 */
gboolean
guide_progress_save (GuideProgress  *self,
                     GError        **error)
{
  Save *save;
  GError *local_error = NULL;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  if (!self->writable || !(self->unsaved || self->save_running))
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_again = FALSE;

  save = save_new (self);
  write_save (self, save, &local_error);
  save_free (save);

  if (local_error != NULL)
    {
      save_failed (self, local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

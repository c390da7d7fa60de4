/* guide-progress.c
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

/* One user's progress through the guide, kept in a small JSON file:
 *
 *   { "version": 2,
 *     "current-stage": "two-factor", "current-step": "two-factor.sign-in",
 *     "done": { "eu-login.open-register": "2026-11-25T10:11:12Z", … } }
 *
 * Approval of an access request takes days, so this file is what lets a
 * clinician come back exactly where they were. It is never overwritten when
 * it cannot be understood: a broken file is moved aside, a file from a newer
 * version is left alone and nothing is saved. Changes are saved in a worker
 * thread (guide-progress-save.c). */

#include "guide-i18n.h"
#include "guide-input.h"
#include "guide-progress-file.h"
#include "guide-progress-private.h"

G_DEFINE_FINAL_TYPE (GuideProgress, guide_progress, G_TYPE_OBJECT)

G_DEFINE_QUARK (guide-progress-error-quark, guide_progress_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_WRITABLE,
  N_PROPS
};

enum {
  CHANGED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Another process, such as “cpms-guide --reset-progress” run while a
 * window is open, may change the file: what it wrote is read, rather than
 * undone by the next save here. */
static void
file_changed_cb (GuideProgress     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length;
  gboolean newer;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED)
    return;

  /* The app's own saves under way will write over it: what they write is
   * what the user sees. */
  if (guide_progress_get_saving (self))
    return;

  path = g_file_get_path (self->file);
  if (!guide_input_read_file (path, GUIDE_INPUT_MAX_PROGRESS, &data, &length, NULL) ||
      g_strcmp0 (data, self->on_disk) == 0 ||
      !guide_progress_load_from_data (self, data, length, &newer))
    return;

  g_free (self->on_disk);
  self->on_disk = g_steal_pointer (&data);
  self->dirty = FALSE;
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

static void
watch (GuideProgress *self)
{
  if (self->monitor != NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
}

void
guide_progress_set_writable (GuideProgress *self,
                             gboolean       writable)
{
  if (self->writable == writable)
    return;

  self->writable = writable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
}

static void
guide_progress_dispose (GObject *object)
{
  GuideProgress *self = (GuideProgress *)object;

  g_clear_object (&self->monitor);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (guide_progress_parent_class)->dispose (object);
}

static void
guide_progress_finalize (GObject *object)
{
  GuideProgress *self = (GuideProgress *)object;

  g_clear_pointer (&self->done, g_hash_table_unref);
  g_free (self->on_disk);
  g_free (self->current_stage);
  g_free (self->current_step);

  G_OBJECT_CLASS (guide_progress_parent_class)->finalize (object);
}

static void
guide_progress_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GuideProgress *self = GUIDE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_WRITABLE:
      g_value_set_boolean (value, self->writable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_progress_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GuideProgress *self = GUIDE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      self->writable = self->file != NULL;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_progress_class_init (GuideProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = guide_progress_dispose;
  object_class->finalize = guide_progress_finalize;
  object_class->get_property = guide_progress_get_property;
  object_class->set_property = guide_progress_set_property;

  /**
   * GuideProgress:file:
   *
   * The file progress is kept in, or %NULL to keep it in memory only.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideProgress:writable:
   *
   * Whether changes are saved to #GuideProgress:file.
   */
  properties[PROP_WRITABLE] =
    g_param_spec_boolean ("writable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GuideProgress::changed:
   * @self: a #GuideProgress
   * @step_id: (nullable): the step that changed, or %NULL for all of them
   *
   * Emitted when steps are marked done or not done.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * GuideProgress::saved:
   * @self: a #GuideProgress
   * @error: (nullable): why the save failed, in the interface's language,
   *   or %NULL when it was written
   *
   * Emitted when a save made after a change is done.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
guide_progress_init (GuideProgress *self)
{
  self->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
}

/**
 * guide_progress_new:
 * @file: (nullable): where progress is kept, or %NULL to keep it in memory
 *
 * Returns: (transfer full): a new #GuideProgress with nothing done; call
 *   guide_progress_load() to read @file
 */
GuideProgress *
guide_progress_new (GFile *file)
{
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (GUIDE_TYPE_PROGRESS, "file", file, NULL);
}

/**
 * guide_progress_get_default_file:
 *
 * Returns: (transfer full): `progress.json` in the user's data folder
 */
GFile *
guide_progress_get_default_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "progress.json", NULL);
}

gboolean
guide_progress_get_writable (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return self->writable;
}

static gboolean
load (GuideProgress  *self,
      gboolean        read_only,
      GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length;
  gboolean newer = FALSE;
  gboolean crashed = FALSE;

  if (self->file == NULL)
    return TRUE;

  path = g_file_get_path (self->file);
  if (read_only)
    guide_progress_set_writable (self, FALSE);
  else
    {
      guide_progress_file_remove_stale_temporaries (path);
      watch (self);
    }

  /* A read the app died in, at an earlier start, is not tried again. */
  if (!guide_input_begin_read (path))
    crashed = TRUE;
  else if (guide_input_read_file (path, GUIDE_INPUT_MAX_PROGRESS, &data, &length, &read_error))
    {
      gboolean loaded = guide_progress_load_from_data (self, data, length, &newer);

      guide_input_end_read (path);
      if (loaded)
        {
          g_free (self->on_disk);
          self->on_disk = g_steal_pointer (&data);
          return TRUE;
        }
    }
  else
    {
      guide_input_end_read (path);
      if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_debug ("%s", read_error->message);
    }

  if (newer && read_only)
    {
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER,
                   _("Your progress was saved by a newer version of this app, so it is not shown. It was left untouched."));
      return FALSE;
    }

  if (newer)
    {
      guide_progress_set_writable (self, FALSE);
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER,
                   _("Your progress was saved by a newer version of this app. It was left untouched, and nothing you tick now will be saved."));
      return FALSE;
    }

  if (read_only)
    {
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
                   _("Your progress file “%s” could not be read, so it is not shown. It was left untouched."),
                   path);
      return FALSE;
    }

  aside = guide_progress_file_move_aside (path);
  if (aside == NULL)
    {
      guide_progress_set_writable (self, FALSE);
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
                   _("Your progress file “%s” could not be read and could not be moved aside, so nothing you tick now will be saved."),
                   path);
      return FALSE;
    }

  /* Once moved aside, the file is no longer the one that crashed the app. */
  if (crashed)
    {
      guide_input_end_read (path);
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
                   _("The app stopped while reading your progress file. It was kept as “%s” and the guide starts afresh."),
                   aside);
      return FALSE;
    }

  g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
               _("Your progress file could not be read. It was kept as “%s” and the guide starts afresh."),
               aside);
  return FALSE;
}

/**
 * guide_progress_load:
 * @error: a location for a #GError
 *
 * Reads the progress file. A missing file is a fresh start. When the file
 * cannot be read or understood, progress starts afresh and @error says why:
 * %GUIDE_PROGRESS_ERROR_BROKEN when the file was moved aside,
 * %GUIDE_PROGRESS_ERROR_NEWER when it was left untouched and nothing will
 * be saved.
 *
 * Returns: %TRUE if the saved progress, if any, was read
 */
gboolean
guide_progress_load (GuideProgress  *self,
                     GError        **error)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return load (self, FALSE, error);
}

/**
 * guide_progress_load_read_only:
 * @error: a location for a #GError
 *
 * Reads the progress file for a command that only shows it, such as the
 * handout's export: nothing is ever written, not even a broken file moved
 * aside, and changes stay in memory. @error says why a file that exists
 * could not be read.
 *
 * Returns: %TRUE if the saved progress, if any, was read
 */
gboolean
guide_progress_load_read_only (GuideProgress  *self,
                               GError        **error)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return load (self, TRUE, error);
}

gboolean
guide_progress_is_done (GuideProgress *self,
                        const char    *step_id)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return g_hash_table_contains (self->done, step_id);
}

/**
 * guide_progress_get_done_time:
 *
 * Returns: (transfer none) (nullable): when @step_id was marked done
 */
GDateTime *
guide_progress_get_done_time (GuideProgress *self,
                              const char    *step_id)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);

  return g_hash_table_lookup (self->done, step_id);
}

/**
 * guide_progress_set_done:
 *
 * Marks @step_id done (now) or not done; the change is saved soon after,
 * and #GuideProgress::saved tells how that went.
 */
void
guide_progress_set_done (GuideProgress *self,
                         const char    *step_id,
                         gboolean       done)
{
  g_return_if_fail (GUIDE_IS_PROGRESS (self));
  g_return_if_fail (step_id != NULL);

  if (done == g_hash_table_contains (self->done, step_id))
    return;

  if (done)
    g_hash_table_insert (self->done, g_strdup (step_id), g_date_time_new_now_utc ());
  else
    g_hash_table_remove (self->done, step_id);

  g_signal_emit (self, signals[CHANGED], 0, step_id);
  guide_progress_mark_dirty (self);
}

const char *
guide_progress_get_current_stage (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);

  return self->current_stage;
}

const char *
guide_progress_get_current_step (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);

  return self->current_step;
}

/**
 * guide_progress_set_current:
 * @stage_id: (nullable): the stage on screen
 * @step_id: (nullable): the step selected in it
 *
 * Remembers where the user is; saved soon after when that changed.
 */
void
guide_progress_set_current (GuideProgress *self,
                            const char    *stage_id,
                            const char    *step_id)
{
  gboolean changed;

  g_return_if_fail (GUIDE_IS_PROGRESS (self));

  changed = guide_progress_set_string (&self->current_stage, stage_id);
  changed |= guide_progress_set_string (&self->current_step, step_id);

  if (changed)
    guide_progress_mark_dirty (self);
}

/**
 * guide_progress_reset:
 *
 * Forgets every step done and where the user was; saved soon after.
 */
void
guide_progress_reset (GuideProgress *self)
{
  g_return_if_fail (GUIDE_IS_PROGRESS (self));

  g_hash_table_remove_all (self->done);
  g_clear_pointer (&self->current_stage, g_free);
  g_clear_pointer (&self->current_step, g_free);

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  guide_progress_mark_dirty (self);
}


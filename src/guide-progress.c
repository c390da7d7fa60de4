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
 * version is left alone and nothing is saved.
 *
 * A change is saved once the main loop is idle, so that what one action
 * changes (a tick, and the step it selects) is written once, and in a worker
 * thread, so that the disk never holds up the window. Changes made while a
 * save runs are written together after it. Each save is numbered: a save
 * never replaces a newer one, whichever thread gets to the disk first. */

#include <json-glib/json-glib.h>

#include "guide-i18n.h"
#include "guide-input.h"
#include "guide-progress.h"
#include "guide-progress-file.h"

/* Version 2 came with the guide's current method for a stage whose original
 * method was withdrawn; see guide_progress_upgrade(). */
#define VERSION 2

/* The most steps a file keeps. The guide has a few dozen; the rest are the
 * IDs of other versions or of sites' own guides, kept for them, but never so
 * many that every save is slow. */
#define MAX_DONE 1000

/* The step whose completion starts the wait for the administrators. IDs are
 * stable by design (data/guide/README.md), so naming it here is safe. */
#define SUBMIT_STEP_ID "cpms-access.submit"

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

  /* Saves: the one waiting for the main loop to be idle, whether one runs
   * in a worker thread and whether another must follow it; the number of
   * the last save begun and, under the lock, of the last one written. */
  guint         save_source;
  gboolean      save_running;
  gboolean      save_again;
  guint64       n_saves;
  GMutex        write_lock;
  guint64       n_written;
};

G_DEFINE_FINAL_TYPE (GuideProgress, guide_progress, G_TYPE_OBJECT)

G_DEFINE_QUARK (guide-progress-error-quark, guide_progress_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_WRITABLE,
  PROP_SAVING,
  N_PROPS
};

enum {
  CHANGED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Replaces *@target by a copy of @value; TRUE when that changed it. */
static gboolean
set_string (char       **target,
            const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return FALSE;

  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

static char *
to_json (GuideProgress *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) ids = g_hash_table_get_keys (self->done);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, VERSION);
  if (self->current_stage != NULL)
    {
      json_builder_set_member_name (builder, "current-stage");
      json_builder_add_string_value (builder, self->current_stage);
    }
  if (self->current_step != NULL)
    {
      json_builder_set_member_name (builder, "current-step");
      json_builder_add_string_value (builder, self->current_step);
    }

  /* Sorted, so that the file only changes where the progress does. */
  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  json_builder_set_member_name (builder, "done");
  json_builder_begin_object (builder);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      g_autofree char *time = g_date_time_format_iso8601 (g_hash_table_lookup (self->done, l->data));

      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, time);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

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
  save->data = to_json (self);
  save->number = ++self->n_saves;

  g_free (self->on_disk);
  self->on_disk = g_strdup (save->data);

  return save;
}

/* Writes @save unless a newer save was written already. */
static gboolean
write_save (GuideProgress  *self,
            const Save     *save,
            GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->write_lock);

  if (save->number < self->n_written)
    return TRUE;

  if (!guide_progress_file_write (save->path, save->data, error))
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
    guide_progress_file_explain_error (error);
  g_signal_emit (self, signals[SAVED], 0, error);

  if (self->save_again)
    start_save (self);
  else if (self->save_source == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
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
static void
schedule_save (GuideProgress *self)
{
  gboolean was_saving = self->save_source != 0 || self->save_running;

  if (!self->writable || self->save_source != 0)
    return;

  self->save_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_idle_cb, g_object_ref (self), g_object_unref);
  if (!was_saving)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  return g_date_time_compare (*(GDateTime * const *) a, *(GDateTime * const *) b);
}

/* Keeps the @max steps of @done marked last, and says how many it forgot. */
static void
forget_oldest (GHashTable *done,
               guint       max)
{
  g_autoptr(GPtrArray) times = NULL;
  GHashTableIter iter;
  GDateTime *time;
  GDateTime *oldest_kept;
  guint n_forgotten = g_hash_table_size (done) - max;

  if (g_hash_table_size (done) <= max)
    return;

  times = g_ptr_array_sized_new (g_hash_table_size (done));
  g_hash_table_iter_init (&iter, done);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &time))
    g_ptr_array_add (times, time);
  g_ptr_array_sort (times, compare_times);
  oldest_kept = g_date_time_ref (g_ptr_array_index (times, times->len - max));

  /* The older ones, then as many of those marked at the same time as needed. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, done);
      while (g_hash_table_size (done) > max && g_hash_table_iter_next (&iter, NULL, (gpointer *) &time))
        if (g_date_time_compare (time, oldest_kept) < (int) pass)
          g_hash_table_iter_remove (&iter);
    }
  g_date_time_unref (oldest_kept);

  g_message ("The progress file named %u steps more than the %u it keeps: the oldest were forgotten",
             n_forgotten, max);
}

/**
 * guide_progress_load_from_data:
 * @data: the contents of a progress file, from anywhere
 * @length: their length
 * @newer: (out): whether @data was saved by a newer version
 *
 * Reads progress from @data without touching the file. Nothing in @data
 * can make this fail other than by returning %FALSE.
 *
 * Returns: %TRUE if @data holds progress of a version this one understands
 */
gboolean
guide_progress_load_from_data (GuideProgress *self,
                               const char    *data,
                               gsize          length,
                               gboolean      *newer)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) done = NULL;
  JsonNode *root_node;
  JsonObject *root;
  JsonNode *version;
  JsonNode *done_node;
  JsonObject *done_object;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  *newer = FALSE;

  if (!guide_input_check_json (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      (root_node = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root_node))
    return FALSE;

  root = json_node_get_object (root_node);
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return FALSE;

  if (json_node_get_int (version) > VERSION)
    {
      *newer = TRUE;
      return FALSE;
    }

  done_node = json_object_get_member (root, "done");
  if (json_node_get_int (version) < 1 || done_node == NULL || !JSON_NODE_HOLDS_OBJECT (done_node))
    return FALSE;

  done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  done_object = json_node_get_object (done_node);
  members = json_object_get_members (done_object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *text = get_string_member (done_object, l->data);
      GDateTime *time;

      if (text == NULL || (time = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
        return FALSE;

      g_hash_table_insert (done, g_strdup (l->data), time);
    }

  forget_oldest (done, MAX_DONE);

  g_clear_pointer (&self->done, g_hash_table_unref);
  self->done = g_steal_pointer (&done);
  self->version_read = json_node_get_int (version);
  /* Where the user was is a convenience: a wrong type is only forgotten. */
  set_string (&self->current_stage, get_string_member (root, "current-stage"));
  set_string (&self->current_step, get_string_member (root, "current-step"));

  return TRUE;
}

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
  if (self->save_source != 0 || self->save_running)
    return;

  path = g_file_get_path (self->file);
  if (!guide_input_read_file (path, GUIDE_INPUT_MAX_PROGRESS, &data, &length, NULL) ||
      g_strcmp0 (data, self->on_disk) == 0 ||
      !guide_progress_load_from_data (self, data, length, &newer))
    return;

  g_free (self->on_disk);
  self->on_disk = g_steal_pointer (&data);
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

static void
set_writable (GuideProgress *self,
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
  g_mutex_clear (&self->write_lock);

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

    case PROP_SAVING:
      g_value_set_boolean (value, guide_progress_get_saving (self));
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

  /**
   * GuideProgress:saving:
   *
   * Whether a change is still to be written to #GuideProgress:file.
   */
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL,
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
  g_mutex_init (&self->write_lock);
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
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length;
  gboolean newer = FALSE;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  if (self->file == NULL)
    return TRUE;

  path = g_file_get_path (self->file);
  guide_progress_file_remove_stale_temporaries (path);
  watch (self);

  if (guide_input_read_file (path, GUIDE_INPUT_MAX_PROGRESS, &data, &length, &read_error))
    {
      if (guide_progress_load_from_data (self, data, length, &newer))
        {
          g_free (self->on_disk);
          self->on_disk = g_steal_pointer (&data);
          return TRUE;
        }
    }
  else if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;
  else
    g_debug ("%s", read_error->message);

  if (newer)
    {
      set_writable (self, FALSE);
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER,
                   _("Your progress was saved by a newer version of this app. It was left untouched, and nothing you tick now will be saved."));
      return FALSE;
    }

  aside = guide_progress_file_move_aside (path);
  if (aside == NULL)
    {
      set_writable (self, FALSE);
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
                   _("Your progress file “%s” could not be read and could not be moved aside, so nothing you tick now will be saved."),
                   path);
      return FALSE;
    }

  g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
               _("Your progress file could not be read. It was kept as “%s” and the guide starts afresh."),
               aside);
  return FALSE;
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
  schedule_save (self);
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

  changed = set_string (&self->current_stage, stage_id);
  changed |= set_string (&self->current_step, step_id);

  if (changed)
    schedule_save (self);
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
  schedule_save (self);
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
 * is waited for, so that nothing is lost.
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

  if (!self->writable)
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_again = FALSE;

  save = save_new (self);
  write_save (self, save, &local_error);
  save_free (save);

  if (local_error != NULL)
    {
      guide_progress_file_explain_error (local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static guint
count_steps_done (GuideProgress *self,
                  GPtrArray     *steps)
{
  guint n_done = 0;

  for (guint i = 0; i < steps->len; i++)
    n_done += g_hash_table_contains (self->done, ((GuideStep *) g_ptr_array_index (steps, i))->id);

  return n_done;
}

/**
 * guide_progress_count_done:
 * @book: the guide
 * @stage: (nullable): one of the stages of @book, or %NULL for all of them
 *
 * Returns: how many steps of @stage, or of the whole guide, are done; the
 *   original guide's steps for a withdrawn method never count
 */
guint
guide_progress_count_done (GuideProgress    *self,
                           GuideBook        *book,
                           const GuideStage *stage)
{
  GPtrArray *stages;
  guint n_done = 0;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), 0);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), 0);

  if (stage != NULL)
    return count_steps_done (self, stage->steps);

  stages = guide_book_get_stages (book);
  for (guint i = 0; i < stages->len; i++)
    n_done += count_steps_done (self, ((GuideStage *) g_ptr_array_index (stages, i))->steps);

  return n_done;
}

/* When the last of @steps was marked done, or %NULL unless all of them are. */
static GDateTime *
last_done (GuideProgress *self,
           GPtrArray     *steps)
{
  GDateTime *last = NULL;

  for (guint i = 0; i < steps->len; i++)
    {
      GDateTime *time = g_hash_table_lookup (self->done, ((GuideStep *) g_ptr_array_index (steps, i))->id);

      if (time == NULL)
        return NULL;
      if (last == NULL || g_date_time_compare (time, last) > 0)
        last = time;
    }

  return last;
}

/**
 * guide_progress_upgrade:
 * @book: the guide
 * @error: a location for a #GError
 *
 * Brings progress saved by version 1 of the file up to date with @book. A
 * stage whose steps of the original guide were all marked done was finished
 * then: it stays finished, its current steps being marked done at the time
 * of the last original one. The marks of the original steps are kept, and
 * count for nothing. This is done once: the file is saved as version 2.
 *
 * Returns: %TRUE unless saving failed
 */
gboolean
guide_progress_upgrade (GuideProgress  *self,
                        GuideBook      *book,
                        GError        **error)
{
  GPtrArray *stages;
  gboolean changed = FALSE;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), FALSE);

  if (self->version_read == 0 || self->version_read >= VERSION)
    return TRUE;

  self->version_read = VERSION;
  stages = guide_book_get_stages (book);
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);
      GDateTime *last = last_done (self, stage->original_steps);

      for (guint j = 0; last != NULL && j < stage->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (stage->steps, j);

          if (!g_hash_table_contains (self->done, step->id))
            {
              g_hash_table_insert (self->done, g_strdup (step->id), g_date_time_ref (last));
              changed = TRUE;
            }
        }
    }

  if (!changed)
    return TRUE;

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  return guide_progress_save (self, error);
}

/**
 * guide_progress_get_days_waiting:
 * @book: the guide
 * @now: the time to count from
 *
 * How long the user has been waiting for the administrators: from the day
 * the access request was submitted, until the last stage is done. Days are
 * counted as people count them: yesterday evening is one day ago.
 *
 * Returns: the number of calendar days since the request was submitted, or
 *   -1 when the user is not waiting
 */
gint64
guide_progress_get_days_waiting (GuideProgress *self,
                                 GuideBook     *book,
                                 GDateTime     *now)
{
  GPtrArray *stages;
  GuideStage *last;
  GDateTime *submitted;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) today = NULL;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), -1);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), -1);

  stages = guide_book_get_stages (book);
  last = g_ptr_array_index (stages, stages->len - 1);
  submitted = g_hash_table_lookup (self->done, SUBMIT_STEP_ID);
  if (submitted == NULL || count_steps_done (self, last->steps) == last->steps->len)
    return -1;

  /* Noon to noon, two hours either way for a change of daylight saving. */
  local = g_date_time_to_timezone (submitted, g_date_time_get_timezone (now));
  then = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local), 12, 0, 0);
  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now), 12, 0, 0);

  return MAX (0, (g_date_time_difference (today, then) + G_TIME_SPAN_HOUR * 2) / G_TIME_SPAN_DAY);
}

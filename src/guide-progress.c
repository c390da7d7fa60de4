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
 * A change is saved once the main loop is idle, so that what one action
 * changes is written once, in a worker thread, so that the disk never holds
 * up the window. At most one save is in flight, and a process about to end
 * waits for it: saves reach the disk in the order they were made. */

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guide-i18n.h"
#include "guide-input.h"
#include "guide-progress.h"

/* Version 2 came with the guide's current method for stage 2, the original
 * one being withdrawn: see guide_progress_upgrade(). */
#define FILE_VERSION 2

/* The guide has a few dozen steps; the others are kept for other versions
 * and sites' guides, but never so many that every save is slow. */
#define MAX_DONE 1000

/* A save takes milliseconds: an older temporary file is a killed save's. */
#define STALE_TEMPORARY_SECONDS (5 * 60)

/* Step IDs are stable (data/guide/README.md). The request to the helpdesk
 * starts the wait for CPMS 2.0; the original guide's request went to the
 * former CPMS. */
#define REQUEST_STEP_ID "cpms-access.write-helpdesk"
#define FORMER_REQUEST_STEP_ID "cpms-access.submit"
#define SMS_STAGE_ID "two-factor"

struct _GuideProgress
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  char         *on_disk;
  GHashTable   *done;
  char         *current_stage;
  char         *current_step;
  gint64        version_read;
  gboolean      writable;
  /* Changed since last read or written, or the last write failed. */
  gboolean      dirty;
  /* A save waiting for an idle main loop, or one in a thread: never both. */
  guint         save_source;
  gboolean      writing;
};

G_DEFINE_FINAL_TYPE (GuideProgress, guide_progress, G_TYPE_OBJECT)

G_DEFINE_QUARK (guide-progress-error-quark, guide_progress_error)

enum {
  CHANGED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_save (GuideProgress *self);

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

/* The string @node holds, or %NULL: json-glib is critical of other types. */
static const char *
get_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Parses @data with @parser. Returns: the version of the file @data is, or
 * 0 when it is not the JSON object of a progress file. */
static gint64
parse_version (JsonParser *parser,
               const char *data,
               gsize       length)
{
  JsonNode *root;
  JsonNode *version;

  if (!guide_input_check_json (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  version = json_object_get_member (json_node_get_object (root), "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return 0;

  return MAX (json_node_get_int (version), 0);
}

/* Whether the file at @path now says a newer version saved it. Any thread:
 * only a regular file is read, the reader's other messages being translated. */
static gboolean
file_is_newer (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *data = NULL;
  gsize length;
  GStatBuf info;

  return g_stat (path, &info) == 0 && S_ISREG (info.st_mode) &&
         guide_input_read_file (path, GUIDE_INPUT_MAX_PROGRESS, &data, &length, NULL) &&
         parse_version (parser, data, length) > FILE_VERSION;
}

static int
compare_done_times (gconstpointer a,
                    gconstpointer b,
                    gpointer      done)
{
  return g_date_time_compare (g_hash_table_lookup (done, *(char * const *) a),
                              g_hash_table_lookup (done, *(char * const *) b));
}

/* Keeps the MAX_DONE steps of @done marked last, and says how many it forgot. */
static void
forget_oldest (GHashTable *done)
{
  g_autofree gpointer *ids = NULL;
  guint n_ids;
  guint n_forgotten;

  if (g_hash_table_size (done) <= MAX_DONE)
    return;

  ids = g_hash_table_get_keys_as_array (done, &n_ids);
  g_qsort_with_data (ids, n_ids, sizeof (gpointer), compare_done_times, done);
  n_forgotten = n_ids - MAX_DONE;
  for (guint i = 0; i < n_forgotten; i++)
    g_hash_table_remove (done, ids[i]);

  g_message ("The progress file named %u steps more than the %u it keeps: the oldest were forgotten",
             n_forgotten, MAX_DONE);
}

/* Returns: the file a save replaces: @path, or the file it links to, as a
 * dotfile manager or a synced folder does. A link that leads nowhere, round
 * in a loop or to anything but a file is not followed: writing there could
 * create a file in a folder not mounted yet, or write into a device. Any
 * thread: the error's message is only where the link leads. */
static char *
resolve (const char  *path,
         GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *link = NULL;
  GStatBuf info;

  if (g_lstat (path, &info) != 0 || !S_ISLNK (info.st_mode))
    return g_strdup (path);

  target = realpath (path, NULL);
  if (target != NULL && g_stat (target, &info) == 0 && S_ISREG (info.st_mode))
    return g_steal_pointer (&target);

  link = g_file_read_link (path, NULL);
  g_set_error_literal (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_LINK,
                       target != NULL ? target : link != NULL ? link : path);
  return NULL;
}

/* Puts why a save failed into the interface's language, GLib's messages
 * being in English: only in the main thread, which that language belongs
 * to. The message of @error is a path until then. */
static void
explain_error (GError *error)
{
  g_autofree char *path = g_steal_pointer (&error->message);
  const char *reason;

  if (g_error_matches (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER))
    error->message = g_strdup (_("Your progress was saved meanwhile by a newer version of this app. It was left untouched, and nothing you tick now will be saved."));
  else if (g_error_matches (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_LINK))
    error->message = g_strdup_printf (_("Your progress file is a link to “%s”, which does not exist or is not a file, so your progress cannot be saved."),
                                      path);
  else if ((reason = guide_i18n_describe_io_error (g_io_error_from_file_error (error->code), NULL)) != NULL)
    error->message = g_strdup_printf (_("“%s” cannot be written: %s."), path, reason);
  else
    error->message = g_strdup_printf (_("“%s” cannot be written."), path);
}

/* Keeps a broken file beside where it was, under a name no other file has
 * (link() fails rather than replace). Returns: where it is now, or %NULL */
static char *
move_aside (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *aside = n == 1 ? g_strdup_printf ("%s.broken-%s", path, stamp)
                                      : g_strdup_printf ("%s.broken-%s-%u", path, stamp, n);

      if (link (path, aside) == 0)
        return g_unlink (path) == 0 ? g_steal_pointer (&aside) : NULL;

      if (errno != EEXIST)
        return NULL;
    }

  return NULL;
}

/* Removes the temporary files of g_file_set_contents_full() (the file's name,
 * a dot, six letters or digits) a process killed while saving left: only
 * old ones, as a young one may be another save's. */
static void
remove_stale_temporaries (const char *path)
{
  g_autofree char *target = resolve (path, NULL);
  g_autofree char *folder = g_path_get_dirname (target != NULL ? target : path);
  g_autofree char *base = g_path_get_basename (target != NULL ? target : path);
  g_autofree char *escaped = g_regex_escape_string (base, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s\\.[[:alnum:]]{6}$", escaped);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temporary = g_build_filename (folder, name, NULL);
      GStatBuf info;

      if (g_regex_match_simple (pattern, name, 0, 0) &&
          g_lstat (temporary, &info) == 0 && S_ISREG (info.st_mode) &&
          now - info.st_mtime > STALE_TEMPORARY_SECONDS)
        g_unlink (temporary);
    }
}

/* What the progress is now, to write: it is no longer dirty, and the file
 * monitor will know the app's own writing from another process's. */
static char *
take_snapshot (GuideProgress *self)
{
  self->dirty = FALSE;
  g_free (self->on_disk);
  self->on_disk = guide_progress_to_json (self);

  return g_strdup (self->on_disk);
}

/* Writes @data atomically and durably, unless the file now says it was
 * saved by a newer version, started since. Any thread: of @self, only its
 * file is read; the error's message is only a path, for explain_error(). */
static gboolean
write_snapshot (GuideProgress  *self,
                const char     *data,
                GError        **error)
{
  g_autofree char *target = resolve (g_file_peek_path (self->file), error);
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;

  if (target == NULL)
    return FALSE;

  if (file_is_newer (target))
    {
      g_set_error_literal (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER, "");
      return FALSE;
    }

  folder = g_path_get_dirname (target);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (errno), folder);
      return FALSE;
    }

  if (!g_file_set_contents_full (target, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_debug ("%s", local_error->message);
      g_set_error_literal (error, G_FILE_ERROR, local_error->code, target);
      return FALSE;
    }

  return TRUE;
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

/* What was not written stays dirty, for the next save, unless the file
 * became a newer version's, which is never written again. */
static void
save_failed (GuideProgress *self,
             GError        *error)
{
  explain_error (error);

  if (g_error_matches (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER))
    self->writable = FALSE;
  else
    self->dirty = TRUE;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GuideProgress *self = GUIDE_PROGRESS (source);
  g_autoptr(GError) error = NULL;
  /* Before a failure marks it dirty again: a failed save is retried by the
   * next change or the quit, not in a loop. */
  gboolean changed_meanwhile = self->dirty;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    save_failed (self, error);
  g_signal_emit (self, signals[SAVED], 0, error);

  /* Unless a handler of “saved” made a change, whose save already waits. */
  if (changed_meanwhile && self->writable && self->save_source == 0)
    start_save (self);
}

static void
start_save (GuideProgress *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, saved_cb, NULL);

  self->writing = TRUE;
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

/* The progress is saved once the main loop is idle, after the window shows
 * the change, or once the save in flight is done. */
static void
mark_dirty (GuideProgress *self)
{
  self->dirty = TRUE;

  if (self->writable && !guide_progress_get_saving (self))
    self->save_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_idle_cb, g_object_ref (self), g_object_unref);
}

/* What another process, such as “cpms-guide --reset-progress”, writes is
 * read rather than undone by the next save here; while a save of the app's
 * own is under way, what it writes is what the user sees. */
static void
file_changed_cb (GuideProgress     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event)
{
  g_autofree char *data = NULL;
  gsize length;
  gboolean newer;

  if ((event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED) ||
      guide_progress_get_saving (self))
    return;

  if (!guide_input_read_file (g_file_peek_path (self->file), GUIDE_INPUT_MAX_PROGRESS, &data, &length, NULL) ||
      g_strcmp0 (data, self->on_disk) == 0 ||
      !guide_progress_load_from_data (self, data, length, &newer))
    return;

  g_free (self->on_disk);
  self->on_disk = g_steal_pointer (&data);
  self->dirty = FALSE;
  g_signal_emit (self, signals[CHANGED], 0, NULL);
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
guide_progress_class_init (GuideProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = guide_progress_dispose;
  object_class->finalize = guide_progress_finalize;

  /* The step marked done or not done, or %NULL for any number of them. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Why the save made after a change failed, in the interface's language,
   * or %NULL when it was written. */
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

/* Progress kept in @file, or in memory only if it is %NULL: nothing is
 * done until guide_progress_load(). */
GuideProgress *
guide_progress_new (GFile *file)
{
  GuideProgress *self;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (GUIDE_TYPE_PROGRESS, NULL);
  g_set_object (&self->file, file);
  self->writable = file != NULL;
  return self;
}

/* Returns: (transfer full): `progress.json` in the user's data folder */
GFile *
guide_progress_get_default_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "progress.json", NULL);
}

/* Returns: (transfer none) (nullable): where progress is kept */
GFile *
guide_progress_get_file (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);

  return self->file;
}

/* Whether changes are saved to the file. */
gboolean
guide_progress_get_writable (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return self->writable;
}

/* Reads the progress file; a missing one is a fresh start. When the file
 * cannot be understood, progress starts afresh and @error says why:
 * %GUIDE_PROGRESS_ERROR_BROKEN when it was moved aside (or, read-only, left
 * where it is), %GUIDE_PROGRESS_ERROR_NEWER when it was left untouched and
 * nothing will be saved. Returns: %TRUE if saved progress, if any, was read */
gboolean
guide_progress_load (GuideProgress  *self,
                     GError        **error)
{
  g_autofree char *data = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) read_error = NULL;
  const char *path;
  gsize length;
  gboolean read_only;
  gboolean newer = FALSE;
  gboolean crashed;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  if (self->file == NULL)
    return TRUE;

  path = g_file_peek_path (self->file);
  read_only = !self->writable;
  if (!read_only)
    remove_stale_temporaries (path);
  if (!read_only && self->monitor == NULL)
    {
      self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
    }

  /* A read the app died in, at an earlier start, is not tried again. */
  crashed = !guide_input_begin_read (path);
  if (!crashed)
    {
      gboolean loaded = guide_input_read_file (path, GUIDE_INPUT_MAX_PROGRESS, &data, &length, &read_error) &&
                        guide_progress_load_from_data (self, data, length, &newer);

      guide_input_end_read (path);
      if (loaded)
        {
          g_free (self->on_disk);
          self->on_disk = g_steal_pointer (&data);
          return TRUE;
        }
      if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
    }

  if (newer)
    {
      self->writable = FALSE;
      g_set_error_literal (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER,
                           read_only ? _("Your progress was saved by a newer version of this app, so it is not shown. It was left untouched.")
                                     : _("Your progress was saved by a newer version of this app. It was left untouched, and nothing you tick now will be saved."));
      return FALSE;
    }

  if (read_only)
    {
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
                   _("Your progress file “%s” could not be read, so it is not shown. It was left untouched."),
                   path);
      return FALSE;
    }

  aside = move_aside (path);
  if (aside == NULL)
    {
      self->writable = FALSE;
      g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
                   _("Your progress file “%s” could not be read and could not be moved aside, so nothing you tick now will be saved."),
                   path);
      return FALSE;
    }

  /* Once moved aside, the file is no longer the one that crashed the app. */
  if (crashed)
    guide_input_end_read (path);
  g_set_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN,
               crashed ? _("The app stopped while reading your progress file. It was kept as “%s” and the guide starts afresh.")
                       : _("Your progress file could not be read. It was kept as “%s” and the guide starts afresh."),
               aside);
  return FALSE;
}

/* guide_progress_load() for a command that only shows progress, such as the
 * handout's export: nothing is ever written, not even a broken file moved
 * aside, and changes stay in memory. */
gboolean
guide_progress_load_read_only (GuideProgress  *self,
                               GError        **error)
{
  self->writable = FALSE;
  return guide_progress_load (self, error);
}

/* Reads progress from @data, from anywhere, without touching the file.
 * Returns: %TRUE if @data holds progress of a version this one understands;
 * @newer says whether it was saved by a newer one. */
gboolean
guide_progress_load_from_data (GuideProgress *self,
                               const char    *data,
                               gsize          length,
                               gboolean      *newer)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) done = NULL;
  JsonObject *root;
  JsonNode *done_node;
  JsonObjectIter iter;
  const char *id;
  JsonNode *time_node;
  gint64 version;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  version = parse_version (parser, data, length);
  *newer = version > FILE_VERSION;
  if (version < 1 || *newer)
    return FALSE;

  root = json_node_get_object (json_parser_get_root (parser));
  done_node = json_object_get_member (root, "done");
  if (done_node == NULL || !JSON_NODE_HOLDS_OBJECT (done_node))
    return FALSE;

  done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  json_object_iter_init (&iter, json_node_get_object (done_node));
  while (json_object_iter_next (&iter, &id, &time_node))
    {
      const char *text = get_string (time_node);
      GDateTime *time;

      if (text == NULL || (time = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
        return FALSE;

      g_hash_table_insert (done, g_strdup (id), time);
    }

  forget_oldest (done);

  g_clear_pointer (&self->done, g_hash_table_unref);
  self->done = g_steal_pointer (&done);
  self->version_read = version;
  /* Where the user was is a convenience: a wrong type is only forgotten. */
  set_string (&self->current_stage, get_string (json_object_get_member (root, "current-stage")));
  set_string (&self->current_step, get_string (json_object_get_member (root, "current-step")));

  return TRUE;
}

/* Returns: (transfer full): the progress file's text for the progress now */
char *
guide_progress_to_json (GuideProgress *self)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) ids = NULL;
  JsonObject *done;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);

  object = json_object_new ();
  done = json_object_new ();
  json_object_set_int_member (object, "version", FILE_VERSION);
  if (self->current_stage != NULL)
    json_object_set_string_member (object, "current-stage", self->current_stage);
  if (self->current_step != NULL)
    json_object_set_string_member (object, "current-step", self->current_step);

  /* Sorted, so that the file only changes where the progress does. */
  ids = g_list_sort (g_hash_table_get_keys (self->done), (GCompareFunc) g_strcmp0);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      g_autofree char *time = g_date_time_format_iso8601 (g_hash_table_lookup (self->done, l->data));

      json_object_set_string_member (done, l->data, time);
    }
  json_object_set_object_member (object, "done", done);
  root = json_node_init_object (json_node_alloc (), object);

  return json_to_string (root, TRUE);
}

gboolean
guide_progress_is_done (GuideProgress *self,
                        const char    *step_id)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return g_hash_table_contains (self->done, step_id);
}

/* Returns: (transfer none) (nullable): when @step_id was marked done */
GDateTime *
guide_progress_get_done_time (GuideProgress *self,
                              const char    *step_id)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);

  return g_hash_table_lookup (self->done, step_id);
}

/* Marks @step_id done (now) or not done; saved soon after, and
 * #GuideProgress::saved tells how that went. */
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
  mark_dirty (self);
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

/* Remembers the stage on screen and the step selected in it (either
 * %NULL); saved soon after when that changed. */
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
    mark_dirty (self);
}

/* Forgets every step done and where the user was; saved soon after. */
void
guide_progress_reset (GuideProgress *self)
{
  g_return_if_fail (GUIDE_IS_PROGRESS (self));

  g_hash_table_remove_all (self->done);
  g_clear_pointer (&self->current_stage, g_free);
  g_clear_pointer (&self->current_step, g_free);

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  mark_dirty (self);
}

/* Whether a save waits for the main loop to be idle or is being written. */
gboolean
guide_progress_get_saving (GuideProgress *self)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  return self->save_source != 0 || self->writing;
}

/* Writes what changed now, in this thread, for a process about to end,
 * after the save in flight, if any: nothing older is written after it.
 * Returns: %TRUE if it was written, or there was nothing to write */
gboolean
guide_progress_save (GuideProgress  *self,
                     GError        **error)
{
  g_autofree char *data = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  /* The save in flight ends in the main loop, where it began. */
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

/* Returns: how many steps of @stage, or of @book if it is %NULL, are done;
 * the original guide's steps for a withdrawn method never count */
guint
guide_progress_count_done (GuideProgress    *self,
                           GuideBook        *book,
                           const GuideStage *stage)
{
  GPtrArray *stages;
  guint n_done = 0;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), 0);

  if (stage != NULL)
    return count_steps_done (self, stage->steps);

  stages = guide_book_get_stages (book);
  for (guint i = 0; i < stages->len; i++)
    n_done += count_steps_done (self, ((GuideStage *) g_ptr_array_index (stages, i))->steps);

  return n_done;
}

/* Brings progress of version 1 of the file up to date with @book, once. A
 * stage 2 finished with the original guide's SMS steps stays finished: its
 * current steps are marked done when the last SMS one was. No other stage
 * is: a request to the former CPMS is not one for CPMS 2.0. The original
 * steps' marks are kept, and count for nothing. Returns: %TRUE unless
 * saving failed */
gboolean
guide_progress_upgrade (GuideProgress  *self,
                        GuideBook      *book,
                        GError        **error)
{
  int index;
  GuideStage *stage;
  GDateTime *last;
  gboolean changed = FALSE;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  if (self->version_read == 0 || self->version_read >= FILE_VERSION)
    return TRUE;

  self->version_read = FILE_VERSION;
  index = guide_book_find_stage (book, SMS_STAGE_ID);
  stage = index >= 0 ? guide_book_get_stage (book, index) : NULL;
  last = stage != NULL ? last_done (self, stage->original_steps) : NULL;
  for (guint i = 0; last != NULL && i < stage->steps->len; i++)
    {
      GuideStep *step = g_ptr_array_index (stage->steps, i);

      if (!g_hash_table_contains (self->done, step->id))
        {
          g_hash_table_insert (self->done, g_strdup (step->id), g_date_time_ref (last));
          changed = TRUE;
        }
    }

  if (!changed)
    return TRUE;

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  self->dirty = TRUE;
  return guide_progress_save (self, error);
}

/* Returns: the calendar days (yesterday evening is one day before @now)
 * since the user wrote to the helpdesk, or -1 when they are not waiting for
 * access: they have not, or the last stage is done */
gint64
guide_progress_get_days_waiting (GuideProgress *self,
                                 GuideBook     *book,
                                 GDateTime     *now)
{
  GPtrArray *stages;
  GuideStage *last;
  GDateTime *submitted;
  g_autoptr(GDateTime) local = NULL;
  GDate then, today;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), -1);

  stages = guide_book_get_stages (book);
  last = g_ptr_array_index (stages, stages->len - 1);
  submitted = g_hash_table_lookup (self->done, REQUEST_STEP_ID);
  if (submitted == NULL || count_steps_done (self, last->steps) == last->steps->len)
    return -1;

  local = g_date_time_to_timezone (submitted, g_date_time_get_timezone (now));
  g_date_clear (&then, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&then, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  return MAX (0, g_date_days_between (&then, &today));
}

/* The original guide's form went to the former CPMS, which no longer grants
 * access: a user who used it should write to the helpdesk. Returns:
 * (transfer none) (nullable): when they submitted that form, if they have
 * not yet written to the helpdesk of @book */
GDateTime *
guide_progress_get_former_request (GuideProgress *self,
                                   GuideBook     *book)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);

  if (guide_book_find_step (book, REQUEST_STEP_ID, NULL, NULL) == NULL ||
      g_hash_table_contains (self->done, REQUEST_STEP_ID))
    return NULL;

  return g_hash_table_lookup (self->done, FORMER_REQUEST_STEP_ID);
}

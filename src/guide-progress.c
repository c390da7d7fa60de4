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
 * version is left alone and nothing is saved. */

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guide-i18n.h"
#include "guide-input.h"
#include "guide-progress.h"

/* Version 2 came with the guide's current method for a stage whose original
 * method was withdrawn; see guide_progress_upgrade(). */
#define VERSION 2

/* The most steps a file keeps. The guide has a few dozen; the rest are the
 * IDs of other versions or of sites' own guides, kept for them, but never so
 * many that every save is slow. */
#define MAX_DONE 1000

/* A save takes milliseconds: a temporary file older than this was left by a
 * process killed while saving. */
#define STALE_TEMPORARY_SECONDS (5 * 60)

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
};

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

/* Why a save failed, in the interface's language: GLib's own messages are
 * in English whatever the language chosen in the app. */
static void
set_write_error (GError     **error,
                 int          code,
                 const char  *path)
{
  const char *format;

  switch (code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      format = _("“%s” cannot be written: the disk is read-only, or you may not change this folder.");
      break;

    case G_FILE_ERROR_NOSPC:
      format = _("“%s” cannot be written: the disk is full.");
      break;

    case G_FILE_ERROR_EXIST:
    case G_FILE_ERROR_NOTDIR:
      format = _("“%s” cannot be written: something that is not a folder is in the way.");
      break;

    default:
      format = _("“%s” cannot be written.");
    }

  g_set_error (error, G_FILE_ERROR, code, format, path);
}

static gboolean
save (GuideProgress  *self,
      GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!self->writable)
    return TRUE;

  path = g_file_get_path (self->file);
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_write_error (error, g_file_error_from_errno (errno), folder);
      return FALSE;
    }

  data = to_json (self);

  if (!g_file_set_contents_full (path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_debug ("%s", local_error->message);
      set_write_error (error, local_error->code, path);
      return FALSE;
    }

  /* What the file monitor will see next is this, not a change by another. */
  g_free (self->on_disk);
  self->on_disk = g_steal_pointer (&data);
  return TRUE;
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

/* Keeps a broken file next to where it was, under a name no other file
 * has: link() fails rather than replace, where rename() would not. */
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

/* Whether @name is one of the temporary files g_file_set_contents_full()
 * writes for @base: “progress.json.” and six letters or digits. */
static gboolean
is_temporary (const char *name,
              const char *base)
{
  gsize base_length = strlen (base);

  if (strncmp (name, base, base_length) != 0 || name[base_length] != '.' ||
      strlen (name) != base_length + 7)
    return FALSE;

  for (const char *p = name + base_length + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* A process killed while saving leaves its temporary file behind. Only
 * ours, and only old ones: a young one may be another save under way. */
static void
remove_stale_temporaries (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temporary = NULL;
      GStatBuf info;

      if (!is_temporary (name, base))
        continue;

      temporary = g_build_filename (folder, name, NULL);
      if (g_lstat (temporary, &info) == 0 && S_ISREG (info.st_mode) &&
          now - info.st_mtime > STALE_TEMPORARY_SECONDS)
        g_unlink (temporary);
    }
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
  remove_stale_temporaries (path);
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

  aside = move_aside (path);
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
 * @error: a location for a #GError
 *
 * Marks @step_id done (now) or not done, and saves.
 *
 * Returns: %TRUE if the change was saved, or there was nothing to save
 */
gboolean
guide_progress_set_done (GuideProgress  *self,
                         const char     *step_id,
                         gboolean        done,
                         GError        **error)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);

  if (done == g_hash_table_contains (self->done, step_id))
    return TRUE;

  if (done)
    g_hash_table_insert (self->done, g_strdup (step_id), g_date_time_new_now_utc ());
  else
    g_hash_table_remove (self->done, step_id);

  g_signal_emit (self, signals[CHANGED], 0, step_id);

  return save (self, error);
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
 * @error: a location for a #GError
 *
 * Remembers where the user is, and saves when that changed.
 */
gboolean
guide_progress_set_current (GuideProgress  *self,
                            const char     *stage_id,
                            const char     *step_id,
                            GError        **error)
{
  gboolean changed;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  changed = set_string (&self->current_stage, stage_id);
  changed |= set_string (&self->current_step, step_id);

  return !changed || save (self, error);
}

/**
 * guide_progress_reset:
 * @error: a location for a #GError
 *
 * Forgets every step done and where the user was, and saves.
 */
gboolean
guide_progress_reset (GuideProgress  *self,
                      GError        **error)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  g_hash_table_remove_all (self->done);
  g_clear_pointer (&self->current_stage, g_free);
  g_clear_pointer (&self->current_step, g_free);

  g_signal_emit (self, signals[CHANGED], 0, NULL);

  return save (self, error);
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
  return save (self, error);
}

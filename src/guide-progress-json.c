/* guide-progress-json.c
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

/* The progress file's format: what is written, and the reading of a file
 * that may come from anywhere, which nothing in it can make fail other than
 * by being refused. */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "guide-input.h"
#include "guide-progress-private.h"

/* The most steps a file keeps. The guide has a few dozen; the rest are the
 * IDs of other versions or of sites' own guides, kept for them, but never so
 * many that every save is slow. */
#define GUIDE_PROGRESS_MAX_DONE 1000

/* What the file holds, for the progress as it is now. */
char *
guide_progress_to_json (GuideProgress *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) ids = g_hash_table_get_keys (self->done);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, GUIDE_PROGRESS_VERSION);
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

/* Whether the file at @path now says it was saved by a newer version, which
 * may have been started since this one read it. Any thread. */
gboolean
guide_progress_file_is_newer (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *data = NULL;
  gsize length;
  GStatBuf info;

  /* Only a file is read: the reader's message for anything else is
   * translated, which belongs to the main thread. */
  return g_stat (path, &info) == 0 && S_ISREG (info.st_mode) &&
         guide_input_read_file (path, GUIDE_INPUT_MAX_PROGRESS, &data, &length, NULL) &&
         parse_version (parser, data, length) > GUIDE_PROGRESS_VERSION;
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
  JsonObject *root;
  gint64 version;
  JsonNode *done_node;
  JsonObject *done_object;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);

  version = parse_version (parser, data, length);
  *newer = version > GUIDE_PROGRESS_VERSION;
  if (version < 1 || *newer)
    return FALSE;

  root = json_node_get_object (json_parser_get_root (parser));
  done_node = json_object_get_member (root, "done");
  if (done_node == NULL || !JSON_NODE_HOLDS_OBJECT (done_node))
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

  forget_oldest (done, GUIDE_PROGRESS_MAX_DONE);

  g_clear_pointer (&self->done, g_hash_table_unref);
  self->done = g_steal_pointer (&done);
  self->version_read = version;
  /* Where the user was is a convenience: a wrong type is only forgotten. */
  guide_progress_set_string (&self->current_stage, get_string_member (root, "current-stage"));
  guide_progress_set_string (&self->current_step, get_string_member (root, "current-step"));

  return TRUE;
}

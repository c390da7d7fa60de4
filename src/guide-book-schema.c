/* guide-book-schema.c
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

/* The guide read from the JSON described in data/guide/README.md, part by
 * part: notes, profiles, steps, stages, contacts. Everything the schema
 * requires is checked while reading, so the rest of the application can
 * rely on it. */

#include <json-glib/json-glib.h>

#include "guide-book-private.h"
#include "guide-book-reader.h"
#include "guide-input.h"
#include "guide-i18n.h"
#include "guide-uri.h"

#define FORMAT 1

static void
note_free (GuideNote *note)
{
  g_free (note->id);
  g_free (note->kind);
  g_free (note->title);
  g_free (note->text);
  g_free (note->source);
  g_free (note->uri);
  g_free (note->label);
  g_free (note);
}

static void
profile_free (GuideProfile *profile)
{
  g_free (profile->name);
  g_free (profile->description);
  g_free (profile->meaning);
  g_free (profile);
}

static void
step_free (GuideStep *step)
{
  g_free (step->id);
  g_free (step->text);
  g_free (step->uri);
  g_free (step->label);
  g_free (step->picture);
  g_free (step->picture_alt);
  g_free (step->mail_subject);
  g_free (step->mail_body);
  g_clear_pointer (&step->profiles, g_ptr_array_unref);
  g_clear_pointer (&step->notes, g_ptr_array_unref);
  g_free (step);
}

static void
stage_free (GuideStage *stage)
{
  g_free (stage->id);
  g_free (stage->title);
  g_free (stage->summary);
  g_clear_pointer (&stage->notes, g_ptr_array_unref);
  g_clear_pointer (&stage->steps, g_ptr_array_unref);
  g_free (stage->original_title);
  g_free (stage->original_text);
  g_clear_pointer (&stage->original_steps, g_ptr_array_unref);
  g_free (stage);
}

static void
address_free (GuideAddress *address)
{
  g_free (address->id);
  g_free (address->name);
  g_free (address->uri);
  g_free (address);
}

static void
source_free (GuideSource *source)
{
  g_free (source->id);
  g_free (source->title);
  g_free (source->publisher);
  g_free (source->uri);
  g_free (source);
}

static GPtrArray *
read_notes (GuideBookReader  *reader,
            JsonObject       *object,
            const char       *path,
            gboolean          required,
            GError          **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  JsonArray *array;

  if (!guide_book_reader_read_array (reader, object, path, "notes", required, GUIDE_BOOK_MAX_LIST, &array, error))
    return NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.notes[%u]", path, i);
      GuideNote *note = g_new0 (GuideNote, 1);
      JsonObject *element;

      g_ptr_array_add (notes, note);

      if (!(element = guide_book_reader_element_object (reader, array, i, where, error)) ||
          !guide_book_reader_read_id (reader, element, where, NULL, &note->id, error) ||
          !guide_book_reader_read_text (reader, element, where, "kind", TRUE, &note->kind, error) ||
          !guide_book_reader_read_text (reader, element, where, "title", FALSE, &note->title, error) ||
          !guide_book_reader_read_text (reader, element, where, "text", TRUE, &note->text, error) ||
          !guide_book_reader_read_text (reader, element, where, "source", FALSE, &note->source, error) ||
          !guide_book_reader_read_link (reader, element, where, &note->uri, &note->label, error))
        return NULL;

      if (!g_str_equal (note->kind, "info") && !g_str_equal (note->kind, "update"))
        {
          g_autofree char *kind_path = g_strdup_printf ("%s.kind", where);

          guide_book_reader_fail (reader, error, kind_path, "must be “info” or “update”");
          return NULL;
        }
    }

  return g_steal_pointer (&notes);
}

static GPtrArray *
read_profiles (GuideBookReader  *reader,
               JsonObject       *object,
               const char       *path,
               GError          **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  JsonArray *array;

  if (!guide_book_reader_read_array (reader, object, path, "profiles", FALSE, GUIDE_BOOK_MAX_LIST, &array, error))
    return NULL;

  profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) profile_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.profiles[%u]", path, i);
      GuideProfile *profile = g_new0 (GuideProfile, 1);
      JsonObject *element;

      g_ptr_array_add (profiles, profile);

      if (!(element = guide_book_reader_element_object (reader, array, i, where, error)) ||
          !guide_book_reader_read_text (reader, element, where, "name", TRUE, &profile->name, error) ||
          !guide_book_reader_read_text (reader, element, where, "description", TRUE, &profile->description, error) ||
          !guide_book_reader_read_text (reader, element, where, "meaning", FALSE, &profile->meaning, error))
        return NULL;

      if (!guide_book_reader_read_flag (reader, element, where, "recommended", &profile->recommended, error))
        return NULL;
    }

  return g_steal_pointer (&profiles);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GuideStep, step_free)

/* The message a step's button prepares: only for an e-mail address. */
static gboolean
read_mail (GuideBookReader  *reader,
           JsonObject       *object,
           const char       *path,
           GuideStep        *step,
           GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.mail", path);
  JsonNode *node = json_object_get_member (object, "mail");

  if (node == NULL)
    return TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return guide_book_reader_fail (reader, error, where, "must be an object");

  if (step->uri == NULL || !g_str_has_prefix (step->uri, "mailto:"))
    return guide_book_reader_fail (reader, error, where, "needs an e-mail address as the step's “uri”");

  return guide_book_reader_read_text (reader, json_node_get_object (node), where, "subject", TRUE,
                                      &step->mail_subject, error) &&
         guide_book_reader_read_text (reader, json_node_get_object (node), where, "body", TRUE,
                                      &step->mail_body, error);
}

/* The day a stage was checked against its sources: required in the built-in
 * guide; a site's guide without one is reported by --check-site. */
static gboolean
read_checked (GuideBookReader  *reader,
              JsonObject       *object,
              const char       *path,
              GuideStage       *stage,
              GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.checked", path);
  g_autofree char *text = NULL;
  guint year, month, day;
  char end;

  if (!guide_book_reader_read_text (reader, object, path, "checked", !reader->site, &text, error))
    return FALSE;

  g_date_clear (&stage->checked, 1);
  if (text == NULL)
    return TRUE;

  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      text[4] != '-' || text[7] != '-' || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[8]) ||
      !g_date_valid_dmy (day, month, year))
    return guide_book_reader_fail (reader, error, where, "“%s” is not a date written YYYY-MM-DD", text);

  g_date_set_dmy (&stage->checked, day, month, year);
  return TRUE;
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GuideStage, stage_free)

static GuideStep *
read_step (GuideBookReader  *reader,
           JsonObject       *object,
           const char       *path,
           const char       *stage_id,
           GError          **error)
{
  g_autoptr(GuideStep) step = g_new0 (GuideStep, 1);
  JsonNode *picture;

  if (!guide_book_reader_read_id (reader, object, path, stage_id, &step->id, error) ||
      !guide_book_reader_read_text (reader, object, path, "text", TRUE, &step->text, error) ||
      !guide_book_reader_read_link (reader, object, path, &step->uri, &step->label, error) ||
      !(step->profiles = read_profiles (reader, object, path, error)) ||
      !(step->notes = read_notes (reader, object, path, FALSE, error)))
    return NULL;

  if (!read_mail (reader, object, path, step, error))
    return NULL;

  picture = json_object_get_member (object, "picture");
  if (picture != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.picture", path);

      if (!JSON_NODE_HOLDS_OBJECT (picture))
        {
          guide_book_reader_fail (reader, error, where, "must be an object");
          return NULL;
        }

      if (!guide_book_reader_read_text (reader, json_node_get_object (picture), where, "file", TRUE,
                                        &step->picture, error) ||
          !guide_book_reader_read_text (reader, json_node_get_object (picture), where, "alt", TRUE,
                                        &step->picture_alt, error))
        return NULL;

      if (strchr (step->picture, '/') != NULL || step->picture[0] == '.')
        {
          guide_book_reader_fail (reader, error, where, "“%s” must be a plain file name", step->picture);
          return NULL;
        }
    }

  return g_steal_pointer (&step);
}

/* A stage's list of steps, in @member of @object: never empty. */
static GPtrArray *
read_steps (GuideBookReader  *reader,
            JsonObject       *object,
            const char       *path,
            const char       *member,
            const char       *stage_id,
            GError          **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonArray *array;

  if (!guide_book_reader_read_array (reader, object, path, member, TRUE, GUIDE_BOOK_MAX_STEPS, &array, error))
    return NULL;

  if (json_array_get_length (array) == 0)
    {
      guide_book_reader_fail (reader, error, where, "is empty");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", where, i);
      JsonObject *element = guide_book_reader_element_object (reader, array, i, element_path, error);
      GuideStep *step;

      if (element == NULL || !(step = read_step (reader, element, element_path, stage_id, error)))
        return NULL;

      g_ptr_array_add (steps, step);
    }

  return g_steal_pointer (&steps);
}

/* The original guide's steps for a method that is no longer offered. */
static gboolean
read_original (GuideBookReader  *reader,
               JsonObject       *object,
               const char       *path,
               GuideStage       *stage,
               GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.original", path);
  JsonNode *node = json_object_get_member (object, "original");
  JsonObject *original;

  if (node == NULL)
    {
      stage->original_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
      return TRUE;
    }

  reader->node = node;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return guide_book_reader_fail (reader, error, where, "must be an object");

  original = json_node_get_object (node);
  return guide_book_reader_read_text (reader, original, where, "title", TRUE, &stage->original_title, error) &&
         guide_book_reader_read_text (reader, original, where, "text", TRUE, &stage->original_text, error) &&
         (stage->original_steps = read_steps (reader, original, where, "steps", stage->id, error)) != NULL;
}

static GuideStage *
read_stage (GuideBookReader  *reader,
            JsonObject       *object,
            const char       *path,
            GError          **error)
{
  g_autoptr(GuideStage) stage = g_new0 (GuideStage, 1);

  if (!guide_book_reader_read_id (reader, object, path, NULL, &stage->id, error) ||
      !guide_book_reader_read_text (reader, object, path, "title", TRUE, &stage->title, error) ||
      !guide_book_reader_read_text (reader, object, path, "summary", TRUE, &stage->summary, error) ||
      !read_checked (reader, object, path, stage, error) ||
      !(stage->notes = read_notes (reader, object, path, TRUE, error)))
    return NULL;

  if (strchr (stage->id, '.') != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);

      guide_book_reader_fail (reader, error, where, "a stage's ID has no “.”");
      return NULL;
    }

  if (!(stage->steps = read_steps (reader, object, path, "steps", stage->id, error)) ||
      !read_original (reader, object, path, stage, error))
    return NULL;

  return g_steal_pointer (&stage);
}

/* The pages the guide's facts come from: required in the built-in guide,
 * where every one must be an official address. */
static gboolean
read_sources (GuideBook        *self,
              GuideBookReader  *reader,
              JsonObject       *root,
              GError          **error)
{
  JsonArray *array;

  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  if (!guide_book_reader_read_array (reader, root, "guide", "sources", !reader->site, GUIDE_BOOK_MAX_SOURCES,
                                     &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide.sources[%u]", i);
      g_autofree char *uri_path = g_strdup_printf ("%s.uri", where);
      GuideSource *source = g_new0 (GuideSource, 1);
      JsonObject *element;

      g_ptr_array_add (self->sources, source);

      if (!(element = guide_book_reader_element_object (reader, array, i, where, error)) ||
          !guide_book_reader_read_id (reader, element, where, NULL, &source->id, error) ||
          !guide_book_reader_read_text (reader, element, where, "title", TRUE, &source->title, error) ||
          !guide_book_reader_read_text (reader, element, where, "publisher", TRUE, &source->publisher, error) ||
          !guide_book_reader_read_text (reader, element, where, "uri", TRUE, &source->uri, error))
        return FALSE;

      if (!g_str_has_prefix (source->uri, "https://") || !guide_book_reader_acceptable_uri (reader, source->uri))
        return guide_book_reader_fail (reader, error, uri_path, "“%s” is not %s", source->uri,
                                       reader->site ? "an https address" : "one of the official addresses");
    }

  return TRUE;
}

static gboolean
read_book (GuideBook        *self,
           GuideBookReader  *reader,
           JsonObject       *root,
           GError          **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonObject *contacts;
  JsonArray *array;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != FORMAT)
    return guide_book_reader_fail (reader, error, "format", "must be %d", FORMAT);

  if (!guide_book_reader_read_text (reader, root, "guide", "language", TRUE, &self->language, error) ||
      !guide_book_reader_read_text (reader, root, "guide", "title", TRUE, &self->title, error))
    return FALSE;

  if (!guide_i18n_is_language (self->language))
    return guide_book_reader_fail (reader, error, "guide.language", "must be “fr”, “it” or “en”");

  if (!guide_book_reader_read_array (reader, root, "guide", "intro", TRUE, GUIDE_BOOK_MAX_LIST, &array, error))
    return FALSE;

  self->intro = g_new0 (char *, json_array_get_length (array) + 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide.intro[%u]", i);
      JsonNode *node = json_array_get_element (array, i);

      reader->node = node;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return guide_book_reader_fail (reader, error, where, "must be text");

      if (!guide_book_reader_check_text (reader, error, where, json_node_get_string (node)))
        return FALSE;

      self->intro[i] = g_strdup (json_node_get_string (node));
    }

  if (!(self->notes = read_notes (reader, root, "guide", TRUE, error)))
    return FALSE;

  if (!json_object_has_member (root, "contacts") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "contacts")))
    return guide_book_reader_fail (reader, error, "guide.contacts", "must be an object");

  contacts = json_object_get_object_member (root, "contacts");
  if (!guide_book_reader_read_text (reader, contacts, "guide.contacts", "text", TRUE, &self->contacts_text, error) ||
      !guide_book_reader_read_array (reader, contacts, "guide.contacts", "addresses", TRUE, GUIDE_BOOK_MAX_LIST, &array, error))
    return FALSE;

  /* The first is the helpdesk, whom the window tells the user to ask. */
  if (json_array_get_length (array) == 0)
    return guide_book_reader_fail (reader, error, "guide.contacts.addresses", "is empty");

  self->addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) address_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide.contacts.addresses[%u]", i);
      g_autofree char *uri_path = g_strdup_printf ("%s.uri", where);
      GuideAddress *address = g_new0 (GuideAddress, 1);
      JsonObject *element;

      g_ptr_array_add (self->addresses, address);

      if (!(element = guide_book_reader_element_object (reader, array, i, where, error)) ||
          !guide_book_reader_read_id (reader, element, where, NULL, &address->id, error) ||
          !guide_book_reader_read_text (reader, element, where, "name", TRUE, &address->name, error) ||
          !guide_book_reader_read_text (reader, element, where, "uri", TRUE, &address->uri, error))
        return FALSE;

      if (!g_str_has_prefix (address->uri, "mailto:") || !guide_book_reader_acceptable_uri (reader, address->uri))
        return guide_book_reader_fail (reader, error, uri_path, "“%s” is not %s", address->uri,
                                       reader->site ? "an e-mail address" : guide_book_reader_address_rule (reader));
    }

  if (!read_sources (self, reader, root, error) ||
      !guide_book_reader_read_array (reader, root, "guide", "stages", TRUE, GUIDE_BOOK_MAX_STAGES, &array, error))
    return FALSE;

  if (json_array_get_length (array) == 0)
    return guide_book_reader_fail (reader, error, "guide.stages", "is empty");

  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide.stages[%u]", i);
      JsonObject *element = guide_book_reader_element_object (reader, array, i, where, error);
      GuideStage *stage;

      if (element == NULL || !(stage = read_stage (reader, element, where, error)))
        return FALSE;

      g_ptr_array_add (self->stages, stage);
      self->n_steps += stage->steps->len;
    }

  return TRUE;
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member,
                  GHashTable *lines)
{
  g_hash_table_insert (lines, json_object_get_member (object, member),
                       GINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  GHashTable *lines)
{
  g_hash_table_insert (lines, json_array_get_element (array, index),
                       GINT_TO_POINTER (json_parser_get_current_line (parser)));
}

/**
 * guide_book_new_from_bytes:
 * @bytes: the JSON text of a guide
 * @origin: the file it comes from, for messages
 * @flags: %GUIDE_BOOK_FLAGS_SITE for a site's own guide
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the guide, or %NULL with @error set to
 *   a message that says what is wrong and where
 */
GuideBook *
guide_book_new_from_bytes (GBytes          *bytes,
                           const char      *origin,
                           GuideBookFlags   flags,
                           GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GuideBook) self = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) parse_error = NULL;
  GuideBookReader reader = { origin, ids, lines, NULL, (flags & GUIDE_BOOK_FLAGS_SITE) != 0 };
  JsonNode *root;
  gsize size;
  /* Empty bytes may have no data at all, which json-glib refuses with a
   * critical rather than an error. */
  const char *data = g_bytes_get_size (bytes) > 0 ? g_bytes_get_data (bytes, &size) : (size = 0, "");

  /* The line of every value, for messages that say where a problem is. */
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), lines);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), lines);

  if (!guide_input_check_json (data, size, &parse_error) ||
      !json_parser_load_from_data (parser, data, size, &parse_error))
    {
      g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                   "%s: %s", origin, parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      guide_book_reader_fail (&reader, error, "guide", "must be an object");
      return NULL;
    }

  self = g_object_new (GUIDE_TYPE_BOOK, NULL);
  if (!read_book (self, &reader, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

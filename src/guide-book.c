/* guide-book.c
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

/* The guide in one language, read from the JSON described in
 * data/guide/README.md. Everything the schema requires is checked while
 * reading, so the rest of the application can rely on it. */

#include <json-glib/json-glib.h>

#include "guide-book.h"
#include "guide-input.h"
#include "guide-i18n.h"
#include "guide-uri.h"

#define FORMAT 1

struct _GuideBook
{
  GObject    parent_instance;

  char      *language;
  char      *title;
  GStrv      intro;
  GPtrArray *notes;
  char      *contacts_text;
  GPtrArray *addresses;
  GPtrArray *stages;
  guint      n_steps;
};

G_DEFINE_FINAL_TYPE (GuideBook, guide_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (guide-book-error-quark, guide_book_error)

/* Where in a file the reader is, for messages that say where a problem is:
 * the file, the line of the value read last, and the path to the field. */
typedef struct
{
  const char *origin;
  GHashTable *ids;
  GHashTable *lines;
  JsonNode   *node;
  gboolean    site;
} Reader;

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

static gboolean
fail (Reader      *reader,
      GError     **error,
      const char  *path,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader      *reader,
      GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->node != NULL && g_hash_table_contains (reader->lines, reader->node))
    g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                 "%s:%d: %s: %s", reader->origin,
                 GPOINTER_TO_INT (g_hash_table_lookup (reader->lines, reader->node)), path, message);
  else
    g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                 "%s: %s: %s", reader->origin, path, message);
  return FALSE;
}

static const char *
address_rule (Reader *reader)
{
  return reader->site ? "an https or e-mail address" : "one of the official addresses";
}

static gboolean
acceptable_uri (Reader     *reader,
                const char *uri)
{
  return reader->site ? guide_uri_is_site_acceptable (uri) : guide_uri_is_allowed (uri);
}

static gboolean
read_text (Reader      *reader,
           JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     required,
           char       **out,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *bad = NULL;
  const char *text;

  *out = NULL;

  if (node == NULL)
    return required ? fail (reader, error, where, "missing") : TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, error, where, "must be text");

  text = json_node_get_string (node);
  if (!g_utf8_validate (text, -1, NULL))
    return fail (reader, error, where, "is not valid UTF-8");

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (*stripped == '\0')
      return fail (reader, error, where, "is empty");
  }

  bad = guide_uri_find_disallowed (text, reader->site);
  if (bad != NULL)
    return fail (reader, error, where, "“%s” is not %s", bad, address_rule (reader));

  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_array (Reader      *reader,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            JsonArray  **out,
            GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL)
    return required ? fail (reader, error, where, "missing") : TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, error, where, "must be a list");

  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
read_flag (Reader      *reader,
           JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean    *out,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (reader, error, where, "must be true or false");

  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
element_object (Reader     *reader,
                JsonArray  *array,
                guint       index,
                const char *path,
                GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  reader->node = node;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, error, path, "must be an object");
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
is_slug (const char *id,
         gboolean    dotted)
{
  gboolean seen_dot = FALSE;
  gboolean segment_start = TRUE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '.' && dotted && !seen_dot && !segment_start)
        {
          seen_dot = TRUE;
          segment_start = TRUE;
          continue;
        }

      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;

      segment_start = FALSE;
    }

  return !segment_start;
}

static gboolean
read_id (Reader      *reader,
         JsonObject  *object,
         const char  *path,
         const char  *prefix,
         char       **out,
         GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.id", path);

  if (!read_text (reader, object, path, "id", TRUE, out, error))
    return FALSE;

  if (!is_slug (*out, TRUE))
    return fail (reader, error, where, "“%s” is not a slug (lowercase letters, digits and “-”)", *out);

  if (prefix != NULL && !(g_str_has_prefix (*out, prefix) && (*out)[strlen (prefix)] == '.'))
    return fail (reader, error, where, "“%s” must start with “%s.”", *out, prefix);

  if (!g_hash_table_add (reader->ids, g_strdup (*out)))
    return fail (reader, error, where, "“%s” is used twice", *out);

  return TRUE;
}

/* A button's address and label come together. */
static gboolean
read_link (Reader      *reader,
           JsonObject  *object,
           const char  *path,
           char       **uri,
           char       **label,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.uri", path);

  if (!read_text (reader, object, path, "uri", FALSE, uri, error))
    return FALSE;

  if (*uri == NULL)
    {
      *label = NULL;
      if (json_object_has_member (object, "label"))
        return fail (reader, error, path, "has a label but no address");
      return TRUE;
    }

  if (!acceptable_uri (reader, *uri))
    return fail (reader, error, where, "“%s” is not %s", *uri, address_rule (reader));

  return read_text (reader, object, path, "label", TRUE, label, error);
}

static GPtrArray *
read_notes (Reader      *reader,
            JsonObject  *object,
            const char  *path,
            gboolean     required,
            GError     **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  JsonArray *array;

  if (!read_array (reader, object, path, "notes", required, &array, error))
    return NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.notes[%u]", path, i);
      GuideNote *note = g_new0 (GuideNote, 1);
      JsonObject *element;

      g_ptr_array_add (notes, note);

      if (!(element = element_object (reader, array, i, where, error)) ||
          !read_id (reader, element, where, NULL, &note->id, error) ||
          !read_text (reader, element, where, "kind", TRUE, &note->kind, error) ||
          !read_text (reader, element, where, "title", FALSE, &note->title, error) ||
          !read_text (reader, element, where, "text", TRUE, &note->text, error) ||
          !read_text (reader, element, where, "source", FALSE, &note->source, error) ||
          !read_link (reader, element, where, &note->uri, &note->label, error))
        return NULL;

      if (!g_str_equal (note->kind, "info") && !g_str_equal (note->kind, "update"))
        {
          g_autofree char *kind_path = g_strdup_printf ("%s.kind", where);

          fail (reader, error, kind_path, "must be “info” or “update”");
          return NULL;
        }
    }

  return g_steal_pointer (&notes);
}

static GPtrArray *
read_profiles (Reader      *reader,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  JsonArray *array;

  if (!read_array (reader, object, path, "profiles", FALSE, &array, error))
    return NULL;

  profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) profile_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.profiles[%u]", path, i);
      GuideProfile *profile = g_new0 (GuideProfile, 1);
      JsonObject *element;

      g_ptr_array_add (profiles, profile);

      if (!(element = element_object (reader, array, i, where, error)) ||
          !read_text (reader, element, where, "name", TRUE, &profile->name, error) ||
          !read_text (reader, element, where, "description", TRUE, &profile->description, error) ||
          !read_text (reader, element, where, "meaning", FALSE, &profile->meaning, error))
        return NULL;

      if (!read_flag (reader, element, where, "recommended", &profile->recommended, error))
        return NULL;
    }

  return g_steal_pointer (&profiles);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GuideStep, step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GuideStage, stage_free)

static GuideStep *
read_step (Reader      *reader,
           JsonObject  *object,
           const char  *path,
           const char  *stage_id,
           GError     **error)
{
  g_autoptr(GuideStep) step = g_new0 (GuideStep, 1);
  JsonNode *picture;

  if (!read_id (reader, object, path, stage_id, &step->id, error) ||
      !read_text (reader, object, path, "text", TRUE, &step->text, error) ||
      !read_link (reader, object, path, &step->uri, &step->label, error) ||
      !(step->profiles = read_profiles (reader, object, path, error)) ||
      !(step->notes = read_notes (reader, object, path, FALSE, error)))
    return NULL;

  picture = json_object_get_member (object, "picture");
  if (picture != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.picture", path);

      if (!JSON_NODE_HOLDS_OBJECT (picture))
        {
          fail (reader, error, where, "must be an object");
          return NULL;
        }

      if (!read_text (reader, json_node_get_object (picture), where, "file", TRUE, &step->picture, error) ||
          !read_text (reader, json_node_get_object (picture), where, "alt", TRUE, &step->picture_alt, error))
        return NULL;

      if (strchr (step->picture, '/') != NULL || step->picture[0] == '.')
        {
          fail (reader, error, where, "“%s” must be a plain file name", step->picture);
          return NULL;
        }
    }

  return g_steal_pointer (&step);
}

/* A stage's list of steps, in @member of @object: never empty. */
static GPtrArray *
read_steps (Reader      *reader,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            const char  *stage_id,
            GError     **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonArray *array;

  if (!read_array (reader, object, path, member, TRUE, &array, error))
    return NULL;

  if (json_array_get_length (array) == 0)
    {
      fail (reader, error, where, "is empty");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", where, i);
      JsonObject *element = element_object (reader, array, i, element_path, error);
      GuideStep *step;

      if (element == NULL || !(step = read_step (reader, element, element_path, stage_id, error)))
        return NULL;

      g_ptr_array_add (steps, step);
    }

  return g_steal_pointer (&steps);
}

/* The original guide's steps for a method that is no longer offered. */
static gboolean
read_original (Reader      *reader,
               JsonObject  *object,
               const char  *path,
               GuideStage  *stage,
               GError     **error)
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
    return fail (reader, error, where, "must be an object");

  original = json_node_get_object (node);
  return read_text (reader, original, where, "title", TRUE, &stage->original_title, error) &&
         read_text (reader, original, where, "text", TRUE, &stage->original_text, error) &&
         (stage->original_steps = read_steps (reader, original, where, "steps", stage->id, error)) != NULL;
}

static GuideStage *
read_stage (Reader      *reader,
            JsonObject  *object,
            const char  *path,
            GError     **error)
{
  g_autoptr(GuideStage) stage = g_new0 (GuideStage, 1);

  if (!read_id (reader, object, path, NULL, &stage->id, error) ||
      !read_text (reader, object, path, "title", TRUE, &stage->title, error) ||
      !read_text (reader, object, path, "summary", TRUE, &stage->summary, error) ||
      !(stage->notes = read_notes (reader, object, path, TRUE, error)))
    return NULL;

  if (strchr (stage->id, '.') != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);

      fail (reader, error, where, "a stage's ID has no “.”");
      return NULL;
    }

  if (!(stage->steps = read_steps (reader, object, path, "steps", stage->id, error)) ||
      !read_original (reader, object, path, stage, error))
    return NULL;

  return g_steal_pointer (&stage);
}

static gboolean
read_book (GuideBook   *self,
           Reader      *reader,
           JsonObject  *root,
           GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonObject *contacts;
  JsonArray *array;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != FORMAT)
    return fail (reader, error, "format", "must be %d", FORMAT);

  if (!read_text (reader, root, "guide", "language", TRUE, &self->language, error) ||
      !read_text (reader, root, "guide", "title", TRUE, &self->title, error))
    return FALSE;

  if (!guide_i18n_is_language (self->language))
    return fail (reader, error, "guide.language", "must be “fr”, “it” or “en”");

  if (!read_array (reader, root, "guide", "intro", TRUE, &array, error))
    return FALSE;

  self->intro = g_new0 (char *, json_array_get_length (array) + 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide.intro[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *bad = NULL;

      reader->node = node;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        return fail (reader, error, where, "must be text");

      bad = guide_uri_find_disallowed (json_node_get_string (node), reader->site);
      if (bad != NULL)
        return fail (reader, error, where, "“%s” is not %s", bad, address_rule (reader));

      self->intro[i] = g_strdup (json_node_get_string (node));
    }

  if (!(self->notes = read_notes (reader, root, "guide", TRUE, error)))
    return FALSE;

  if (!json_object_has_member (root, "contacts") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "contacts")))
    return fail (reader, error, "guide.contacts", "must be an object");

  contacts = json_object_get_object_member (root, "contacts");
  if (!read_text (reader, contacts, "guide.contacts", "text", TRUE, &self->contacts_text, error) ||
      !read_array (reader, contacts, "guide.contacts", "addresses", TRUE, &array, error))
    return FALSE;

  self->addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) address_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide.contacts.addresses[%u]", i);
      g_autofree char *uri_path = g_strdup_printf ("%s.uri", where);
      GuideAddress *address = g_new0 (GuideAddress, 1);
      JsonObject *element;

      g_ptr_array_add (self->addresses, address);

      if (!(element = element_object (reader, array, i, where, error)) ||
          !read_id (reader, element, where, NULL, &address->id, error) ||
          !read_text (reader, element, where, "name", TRUE, &address->name, error) ||
          !read_text (reader, element, where, "uri", TRUE, &address->uri, error))
        return FALSE;

      if (!g_str_has_prefix (address->uri, "mailto:") || !acceptable_uri (reader, address->uri))
        return fail (reader, error, uri_path, "“%s” is not %s", address->uri,
                     reader->site ? "an e-mail address" : address_rule (reader));
    }

  if (!read_array (reader, root, "guide", "stages", TRUE, &array, error))
    return FALSE;

  if (json_array_get_length (array) == 0)
    return fail (reader, error, "guide.stages", "is empty");

  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide.stages[%u]", i);
      JsonObject *element = element_object (reader, array, i, where, error);
      GuideStage *stage;

      if (element == NULL || !(stage = read_stage (reader, element, where, error)))
        return FALSE;

      g_ptr_array_add (self->stages, stage);
      self->n_steps += stage->steps->len;
    }

  return TRUE;
}

static void
guide_book_finalize (GObject *object)
{
  GuideBook *self = (GuideBook *)object;

  g_free (self->language);
  g_free (self->title);
  g_strfreev (self->intro);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self->contacts_text);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);

  G_OBJECT_CLASS (guide_book_parent_class)->finalize (object);
}

static void
guide_book_class_init (GuideBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = guide_book_finalize;
}

static void
guide_book_init (GuideBook *self)
{
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
  Reader reader = { origin, ids, lines, NULL, (flags & GUIDE_BOOK_FLAGS_SITE) != 0 };
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
      fail (&reader, error, "guide", "must be an object");
      return NULL;
    }

  self = g_object_new (GUIDE_TYPE_BOOK, NULL);
  if (!read_book (self, &reader, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * guide_book_new_for_language:
 * @language: "fr", "it" or "en"
 *
 * Returns: (transfer full): the guide built into the application
 */
GuideBook *
guide_book_new_for_language (const char *language)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/guide/%s.json", language);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  GuideBook *book;

  g_return_val_if_fail (bytes != NULL, NULL);

  /* The built-in guides are checked by the test suite: a failure here is a
   * build that should never have been shipped. */
  book = guide_book_new_from_bytes (bytes, path, GUIDE_BOOK_FLAGS_NONE, &error);
  if (book == NULL)
    g_error ("%s", error->message);

  return book;
}

const char *
guide_book_get_language (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->language;
}

const char *
guide_book_get_title (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->title;
}

/**
 * guide_book_get_intro:
 *
 * Returns: (transfer none): the paragraphs before the first stage
 */
GStrv
guide_book_get_intro (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->intro;
}

/**
 * guide_book_get_notes:
 *
 * Returns: (transfer none) (element-type GuideNote): the notes on the whole guide
 */
GPtrArray *
guide_book_get_notes (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->notes;
}

const char *
guide_book_get_contacts_text (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->contacts_text;
}

/**
 * guide_book_get_addresses:
 *
 * Returns: (transfer none) (element-type GuideAddress): the helpdesk addresses
 */
GPtrArray *
guide_book_get_addresses (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->addresses;
}

/**
 * guide_book_get_stages:
 *
 * Returns: (transfer none) (element-type GuideStage): the stages, in order
 */
GPtrArray *
guide_book_get_stages (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->stages;
}

GuideStage *
guide_book_get_stage (GuideBook *self,
                      guint      index)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);
  g_return_val_if_fail (index < self->stages->len, NULL);

  return g_ptr_array_index (self->stages, index);
}

/**
 * guide_book_find_stage:
 *
 * Returns: the index of the stage @stage_id, or -1
 */
int
guide_book_find_stage (GuideBook  *self,
                       const char *stage_id)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), -1);

  for (guint i = 0; stage_id != NULL && i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      if (g_str_equal (stage->id, stage_id))
        return i;
    }

  return -1;
}

/**
 * guide_book_find_step:
 * @stage_index: (out) (optional): where the index of the step's stage goes
 * @step_index: (out) (optional): where the index of the step in it goes
 *
 * Returns: (transfer none) (nullable): the step @step_id
 */
GuideStep *
guide_book_find_step (GuideBook  *self,
                      const char *step_id,
                      guint      *stage_index,
                      guint      *step_index)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  for (guint i = 0; step_id != NULL && i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      for (guint j = 0; j < stage->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (stage->steps, j);

          if (g_str_equal (step->id, step_id))
            {
              if (stage_index != NULL)
                *stage_index = i;
              if (step_index != NULL)
                *step_index = j;
              return step;
            }
        }
    }

  return NULL;
}

guint
guide_book_get_n_steps (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), 0);

  return self->n_steps;
}

static void
add_address (GPtrArray  *addresses,
             const char *uri)
{
  if (uri != NULL && !g_ptr_array_find_with_equal_func (addresses, uri, g_str_equal, NULL))
    g_ptr_array_add (addresses, (gpointer) uri);
}

static void
add_note_addresses (GPtrArray *addresses,
                    GPtrArray *notes)
{
  for (guint i = 0; i < notes->len; i++)
    add_address (addresses, ((GuideNote *) g_ptr_array_index (notes, i))->uri);
}

static void
add_step_addresses (GPtrArray *addresses,
                    GPtrArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      GuideStep *step = g_ptr_array_index (steps, i);

      add_address (addresses, step->uri);
      add_note_addresses (addresses, step->notes);
    }
}

/**
 * guide_book_list_addresses:
 *
 * Returns: (transfer container) (element-type utf8): every address the guide
 *   opens, once each, in the order a reader meets them
 */
GPtrArray *
guide_book_list_addresses (GuideBook *self)
{
  GPtrArray *addresses;

  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  addresses = g_ptr_array_new ();
  add_note_addresses (addresses, self->notes);
  for (guint i = 0; i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      add_note_addresses (addresses, stage->notes);
      add_step_addresses (addresses, stage->steps);
      add_step_addresses (addresses, stage->original_steps);
    }
  for (guint i = 0; i < self->addresses->len; i++)
    add_address (addresses, ((GuideAddress *) g_ptr_array_index (self->addresses, i))->uri);

  return addresses;
}

static gboolean
same_notes (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (((GuideNote *) g_ptr_array_index (a, i))->id, ((GuideNote *) g_ptr_array_index (b, i))->id) != 0)
      return FALSE;

  return TRUE;
}

/* The first step of @a, a list as long as @b, that differs from the step at
 * the same place in @b; %NULL when none does. */
static const GuideStep *
first_different_step (GPtrArray        *a,
                      GPtrArray        *b,
                      const GuideStep **other)
{
  for (guint i = 0; i < a->len; i++)
    {
      const GuideStep *sa = g_ptr_array_index (a, i);
      const GuideStep *sb = g_ptr_array_index (b, i);

      if (!g_str_equal (sa->id, sb->id) || !same_notes (sa->notes, sb->notes))
        {
          *other = sb;
          return sa;
        }
    }

  return NULL;
}

/**
 * guide_book_check_parity:
 * @other: the same guide in another language
 * @error: a location for a #GError
 *
 * Checks that @self and @other have the same stages, steps (the original
 * guide's ones too) and notes, with the same IDs in the same order, so that
 * progress means the same in both.
 *
 * Returns: %TRUE if they do
 */
gboolean
guide_book_check_parity (GuideBook  *self,
                         GuideBook  *other,
                         GError    **error)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), FALSE);
  g_return_val_if_fail (GUIDE_IS_BOOK (other), FALSE);

  if (self->stages->len != other->stages->len || !same_notes (self->notes, other->notes))
    goto mismatch;

  for (guint i = 0; i < self->stages->len; i++)
    {
      GuideStage *a = g_ptr_array_index (self->stages, i);
      GuideStage *b = g_ptr_array_index (other->stages, i);
      const GuideStep *step, *other_step;

      if (!g_str_equal (a->id, b->id) || !same_notes (a->notes, b->notes) ||
          a->steps->len != b->steps->len || a->original_steps->len != b->original_steps->len)
        goto mismatch;

      if ((step = first_different_step (a->steps, b->steps, &other_step)) != NULL ||
          (step = first_different_step (a->original_steps, b->original_steps, &other_step)) != NULL)
        {
          g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                       "The %s and %s guides differ at step “%s” / “%s”",
                       self->language, other->language, step->id, other_step->id);
          return FALSE;
        }
    }

  return TRUE;

mismatch:
  g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
               "The %s and %s guides do not have the same stages and notes",
               self->language, other->language);
  return FALSE;
}

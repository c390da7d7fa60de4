/* guide-book-reader.c
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

/* The reading of one field of a guide's JSON: its type, and the rules
 * of data/guide/README.md that hold for every field of its kind (text
 * never empty, only the addresses allowed, IDs unique slugs). A field
 * that breaks one is told with its file, line and path. */

#include "guide-book.h"
#include "guide-book-reader.h"
#include "guide-uri.h"

gboolean
guide_book_reader_fail (GuideBookReader  *reader,
                        GError          **error,
                        const char       *path,
                        const char       *format,
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

const char *
guide_book_reader_address_rule (GuideBookReader *reader)
{
  return reader->site ? "an https or e-mail address" : "one of the official addresses";
}

gboolean
guide_book_reader_acceptable_uri (GuideBookReader *reader,
                                  const char      *uri)
{
  return reader->site ? guide_uri_is_site_acceptable (uri) : guide_uri_is_allowed (uri);
}

gboolean
guide_book_reader_check_text (GuideBookReader  *reader,
                              GError          **error,
                              const char       *where,
                              const char       *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *bad = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return guide_book_reader_fail (reader, error, where, "is not valid UTF-8");

  if (g_utf8_strlen (text, -1) > GUIDE_BOOK_MAX_TEXT)
    return guide_book_reader_fail (reader, error, where, "is %ld characters long, more than the limit of %d",
                                   g_utf8_strlen (text, -1), GUIDE_BOOK_MAX_TEXT);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return guide_book_reader_fail (reader, error, where, "is empty");

  bad = guide_uri_find_disallowed (text, reader->site);
  if (bad != NULL)
    return guide_book_reader_fail (reader, error, where, "“%s” is not %s",
                                   bad, guide_book_reader_address_rule (reader));

  return TRUE;
}

gboolean
guide_book_reader_read_text (GuideBookReader  *reader,
                             JsonObject       *object,
                             const char       *path,
                             const char       *member,
                             gboolean          required,
                             char            **out,
                             GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *out = NULL;

  if (node == NULL)
    return required ? guide_book_reader_fail (reader, error, where, "missing") : TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return guide_book_reader_fail (reader, error, where, "must be text");

  text = json_node_get_string (node);
  if (!guide_book_reader_check_text (reader, error, where, text))
    return FALSE;

  *out = g_strdup (text);
  return TRUE;
}

gboolean
guide_book_reader_read_array (GuideBookReader  *reader,
                              JsonObject       *object,
                              const char       *path,
                              const char       *member,
                              gboolean          required,
                              guint             max,
                              JsonArray       **out,
                              GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL)
    return required ? guide_book_reader_fail (reader, error, where, "missing") : TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return guide_book_reader_fail (reader, error, where, "must be a list");

  if (json_array_get_length (json_node_get_array (node)) > max)
    return guide_book_reader_fail (reader, error, where, "has %u entries, more than the limit of %u",
                                   json_array_get_length (json_node_get_array (node)), max);

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
guide_book_reader_read_flag (GuideBookReader  *reader,
                             JsonObject       *object,
                             const char       *path,
                             const char       *member,
                             gboolean         *out,
                             GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return guide_book_reader_fail (reader, error, where, "must be true or false");

  *out = json_node_get_boolean (node);
  return TRUE;
}

JsonObject *
guide_book_reader_element_object (GuideBookReader  *reader,
                                  JsonArray        *array,
                                  guint             index,
                                  const char       *path,
                                  GError          **error)
{
  JsonNode *node = json_array_get_element (array, index);

  reader->node = node;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      guide_book_reader_fail (reader, error, path, "must be an object");
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

gboolean
guide_book_reader_read_id (GuideBookReader  *reader,
                           JsonObject       *object,
                           const char       *path,
                           const char       *prefix,
                           char            **out,
                           GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.id", path);

  if (!guide_book_reader_read_text (reader, object, path, "id", TRUE, out, error))
    return FALSE;

  if (!is_slug (*out, TRUE))
    return guide_book_reader_fail (reader, error, where,
                                   "“%s” is not a slug (lowercase letters, digits and “-”)", *out);

  if (prefix != NULL && !(g_str_has_prefix (*out, prefix) && (*out)[strlen (prefix)] == '.'))
    return guide_book_reader_fail (reader, error, where, "“%s” must start with “%s.”", *out, prefix);

  if (!g_hash_table_add (reader->ids, g_strdup (*out)))
    return guide_book_reader_fail (reader, error, where, "“%s” is used twice", *out);

  return TRUE;
}

/* A button's address and label come together. */
gboolean
guide_book_reader_read_link (GuideBookReader  *reader,
                             JsonObject       *object,
                             const char       *path,
                             char            **uri,
                             char            **label,
                             GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.uri", path);

  if (!guide_book_reader_read_text (reader, object, path, "uri", FALSE, uri, error))
    return FALSE;

  if (*uri == NULL)
    {
      *label = NULL;
      if (json_object_has_member (object, "label"))
        return guide_book_reader_fail (reader, error, path, "has a label but no address");
      return TRUE;
    }

  if (!guide_book_reader_acceptable_uri (reader, *uri))
    return guide_book_reader_fail (reader, error, where, "“%s” is not %s",
                                   *uri, guide_book_reader_address_rule (reader));

  return guide_book_reader_read_text (reader, object, path, "label", TRUE, label, error);
}

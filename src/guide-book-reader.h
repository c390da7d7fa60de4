/* guide-book-reader.h
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

/* The reading of one field of a guide's JSON, for guide-book-schema.c. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where in a file the reader is, for messages that say where a problem is:
 * the file, the line of the value read last, and the path to the field. */
typedef struct
{
  const char *origin;
  GHashTable *ids;
  GHashTable *lines;
  JsonNode   *node;
  gboolean    site;
} GuideBookReader;

/* Sets @error to “origin:line: path: message” and returns %FALSE. */
gboolean     guide_book_reader_fail           (GuideBookReader  *reader,
                                               GError          **error,
                                               const char       *path,
                                               const char       *format,
                                               ...) G_GNUC_PRINTF (4, 5);
/* What addresses the guide may hold, said in a message. */
const char  *guide_book_reader_address_rule   (GuideBookReader  *reader);
/* Whether the guide may hold @uri: an official address, or for a site's
 * own guide any https or e-mail address. */
gboolean     guide_book_reader_acceptable_uri (GuideBookReader  *reader,
                                               const char       *uri);
/* Whether @text, at @where, is text a guide may hold: valid UTF-8, not
 * empty, at most %GUIDE_BOOK_MAX_TEXT characters, and without an address
 * it may not hold. */
gboolean     guide_book_reader_check_text     (GuideBookReader  *reader,
                                               GError          **error,
                                               const char       *where,
                                               const char       *text);
/* The text in @member of @object into @out, or %NULL when it is missing
 * and not @required, checked as above. */
gboolean     guide_book_reader_read_text      (GuideBookReader  *reader,
                                               JsonObject       *object,
                                               const char       *path,
                                               const char       *member,
                                               gboolean          required,
                                               char            **out,
                                               GError          **error);
/* The list in @member of @object into @out, or %NULL when it is missing
 * and not @required; never longer than @max. */
gboolean     guide_book_reader_read_array     (GuideBookReader  *reader,
                                               JsonObject       *object,
                                               const char       *path,
                                               const char       *member,
                                               gboolean          required,
                                               guint             max,
                                               JsonArray       **out,
                                               GError          **error);
/* The true or false in @member of @object into @out; %FALSE if missing. */
gboolean     guide_book_reader_read_flag      (GuideBookReader  *reader,
                                               JsonObject       *object,
                                               const char       *path,
                                               const char       *member,
                                               gboolean         *out,
                                               GError          **error);
/* The object at @index of @array, or %NULL with @error set. */
JsonObject  *guide_book_reader_element_object (GuideBookReader  *reader,
                                               JsonArray        *array,
                                               guint             index,
                                               const char       *path,
                                               GError          **error);
/* The ID of @object into @out: a slug used nowhere else in the guide,
 * starting with “@prefix.” unless @prefix is %NULL. */
gboolean     guide_book_reader_read_id        (GuideBookReader  *reader,
                                               JsonObject       *object,
                                               const char       *path,
                                               const char       *prefix,
                                               char            **out,
                                               GError          **error);
/* The address of a button, in “uri”, and the label that comes with it;
 * both %NULL when there is no address. */
gboolean     guide_book_reader_read_link      (GuideBookReader  *reader,
                                               JsonObject       *object,
                                               const char       *path,
                                               char            **uri,
                                               char            **label,
                                               GError          **error);

G_END_DECLS

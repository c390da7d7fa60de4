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
 * data/guide/README.md through one table of fields per structure, and the
 * checks that tie one language's guide to another. Everything the schema
 * requires is checked while reading, so the rest of the application can
 * rely on it; a field that breaks a rule is told with its file, line and
 * path, for whoever writes a site's guide. */

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
  GPtrArray *sources;
  GPtrArray *stages;
  guint      n_steps;
  /* The addresses buttons open, once each, in the order they are read. */
  GPtrArray *uris;
  /* What guide_book_check_parity() compares: a Key for each ID and source. */
  GArray    *keys;
};

G_DEFINE_FINAL_TYPE (GuideBook, guide_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (guide-book-error-quark, guide_book_error)

typedef enum
{
  FIELD_TEXT,
  FIELD_FLAG,        /* true or false, %FALSE when missing */
  FIELD_LANGUAGE,    /* “fr”, “it” or “en” */
  FIELD_ID,          /* a slug used once in the guide, the same in every language */
  FIELD_STAGE_ID,    /* an ID without “.”, which its steps' IDs start with */
  FIELD_STEP_ID,     /* an ID that starts with its stage's */
  FIELD_CONTACT_ID,  /* an ID that may differ from one language to another */
  FIELD_KIND,        /* a note's kind: “info” or “update” */
  FIELD_URI,         /* the address a button opens */
  FIELD_LABEL,       /* that button's label, there exactly when the address is */
  FIELD_MAIL,        /* an e-mail address */
  FIELD_HTTPS,       /* an https address */
  FIELD_DATE,        /* a day written YYYY-MM-DD, into a GDate */
  FIELD_FILE,        /* a file name without a folder */
  FIELD_LIST,        /* a list of @fields structures, or of text without @fields */
  FIELD_OBJECT,      /* an object whose @fields fill the same structure */
  FIELD_MESSAGE,     /* a %FIELD_OBJECT only after a mailto: %FIELD_URI */
} FieldType;

typedef enum
{
  REQUIRED,
  OPTIONAL,
  NOT_EMPTY,         /* a list of one element or more */
  BUILT_IN,          /* required in the built-in guide, optional in a site's */
} Rule;

/* One member of a JSON object, and where it goes in the structure read. */
typedef struct _Field Field;

struct _Field
{
  const char  *member;
  FieldType    type;
  gsize        offset;
  Rule         rule;
  const Field *fields;
  /* The size of a list's elements, and how many it may have. */
  gsize        size;
  guint        max;
};

/* An ID or a source's address, and where it was read, interned: two
 * languages' guides are parallel when they have the same ones at the same
 * places. */
typedef struct
{
  const char *place;
  const char *value;
  FieldType   type;
} Key;

/* The guide being read, and where the reading is, for messages that say
 * where a problem is. */
typedef struct
{
  const char *origin;
  gboolean    site;
  GuideBook  *book;
  /* The line of every value, and the value read last. */
  GHashTable *lines;
  JsonNode   *node;
  /* Every ID met so far: an ID is used once in the whole guide. */
  GHashTable *ids;
  /* The stage whose steps are read: their IDs start with its own. */
  const char *stage_id;
} Reader;

/* The members of each table of data/guide/README.md, in the order they are
 * read: the first problem met is the one reported. */
static const Field note_fields[] = {
  { "id", FIELD_ID, G_STRUCT_OFFSET (GuideNote, id) },
  { "kind", FIELD_KIND, G_STRUCT_OFFSET (GuideNote, kind) },
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideNote, title), OPTIONAL },
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideNote, text) },
  { "source", FIELD_TEXT, G_STRUCT_OFFSET (GuideNote, source), OPTIONAL },
  { "uri", FIELD_URI, G_STRUCT_OFFSET (GuideNote, uri), OPTIONAL },
  { "label", FIELD_LABEL, G_STRUCT_OFFSET (GuideNote, label) },
  { NULL }
};

static const Field profile_fields[] = {
  { "name", FIELD_TEXT, G_STRUCT_OFFSET (GuideProfile, name) },
  { "description", FIELD_TEXT, G_STRUCT_OFFSET (GuideProfile, description) },
  { "meaning", FIELD_TEXT, G_STRUCT_OFFSET (GuideProfile, meaning), OPTIONAL },
  { "recommended", FIELD_FLAG, G_STRUCT_OFFSET (GuideProfile, recommended), OPTIONAL },
  { NULL }
};

static const Field mail_fields[] = {
  { "subject", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, mail_subject) },
  { "body", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, mail_body) },
  { NULL }
};

static const Field picture_fields[] = {
  { "file", FIELD_FILE, G_STRUCT_OFFSET (GuideStep, picture) },
  { "alt", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, picture_alt) },
  { NULL }
};

static const Field step_fields[] = {
  { "id", FIELD_STEP_ID, G_STRUCT_OFFSET (GuideStep, id) },
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, text) },
  { "uri", FIELD_URI, G_STRUCT_OFFSET (GuideStep, uri), OPTIONAL },
  { "label", FIELD_LABEL, G_STRUCT_OFFSET (GuideStep, label) },
  { "profiles", FIELD_LIST, G_STRUCT_OFFSET (GuideStep, profiles), OPTIONAL,
    profile_fields, sizeof (GuideProfile), GUIDE_BOOK_MAX_LIST },
  { "notes", FIELD_LIST, G_STRUCT_OFFSET (GuideStep, notes), OPTIONAL,
    note_fields, sizeof (GuideNote), GUIDE_BOOK_MAX_LIST },
  { "mail", FIELD_MESSAGE, 0, OPTIONAL, mail_fields },
  { "picture", FIELD_OBJECT, 0, OPTIONAL, picture_fields },
  { NULL }
};

static const Field original_fields[] = {
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, original_title) },
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, original_text) },
  { "steps", FIELD_LIST, G_STRUCT_OFFSET (GuideStage, original_steps), NOT_EMPTY,
    step_fields, sizeof (GuideStep), GUIDE_BOOK_MAX_STEPS },
  { NULL }
};

static const Field stage_fields[] = {
  { "id", FIELD_STAGE_ID, G_STRUCT_OFFSET (GuideStage, id) },
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, title) },
  { "summary", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, summary) },
  { "checked", FIELD_DATE, G_STRUCT_OFFSET (GuideStage, checked), BUILT_IN },
  { "notes", FIELD_LIST, G_STRUCT_OFFSET (GuideStage, notes), REQUIRED,
    note_fields, sizeof (GuideNote), GUIDE_BOOK_MAX_LIST },
  { "steps", FIELD_LIST, G_STRUCT_OFFSET (GuideStage, steps), NOT_EMPTY,
    step_fields, sizeof (GuideStep), GUIDE_BOOK_MAX_STEPS },
  { "original", FIELD_OBJECT, 0, OPTIONAL, original_fields },
  { NULL }
};

static const Field address_fields[] = {
  { "id", FIELD_CONTACT_ID, G_STRUCT_OFFSET (GuideAddress, id) },
  { "name", FIELD_TEXT, G_STRUCT_OFFSET (GuideAddress, name) },
  { "uri", FIELD_MAIL, G_STRUCT_OFFSET (GuideAddress, uri) },
  { NULL }
};

static const Field source_fields[] = {
  { "id", FIELD_ID, G_STRUCT_OFFSET (GuideSource, id) },
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideSource, title) },
  { "publisher", FIELD_TEXT, G_STRUCT_OFFSET (GuideSource, publisher) },
  { "uri", FIELD_HTTPS, G_STRUCT_OFFSET (GuideSource, uri) },
  { NULL }
};

/* The first of the addresses is the helpdesk, whom the window tells the
 * user to ask. */
static const Field contacts_fields[] = {
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideBook, contacts_text) },
  { "addresses", FIELD_LIST, G_STRUCT_OFFSET (GuideBook, addresses), NOT_EMPTY,
    address_fields, sizeof (GuideAddress), GUIDE_BOOK_MAX_LIST },
  { NULL }
};

static const Field book_fields[] = {
  { "language", FIELD_LANGUAGE, G_STRUCT_OFFSET (GuideBook, language) },
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideBook, title) },
  { "intro", FIELD_LIST, G_STRUCT_OFFSET (GuideBook, intro), REQUIRED,
    NULL, 0, GUIDE_BOOK_MAX_LIST },
  { "notes", FIELD_LIST, G_STRUCT_OFFSET (GuideBook, notes), REQUIRED,
    note_fields, sizeof (GuideNote), GUIDE_BOOK_MAX_LIST },
  { "contacts", FIELD_OBJECT, 0, REQUIRED, contacts_fields },
  { "sources", FIELD_LIST, G_STRUCT_OFFSET (GuideBook, sources), BUILT_IN,
    source_fields, sizeof (GuideSource), GUIDE_BOOK_MAX_SOURCES },
  { "stages", FIELD_LIST, G_STRUCT_OFFSET (GuideBook, stages), NOT_EMPTY,
    stage_fields, sizeof (GuideStage), GUIDE_BOOK_MAX_STAGES },
  { NULL }
};

/* Sets @error to “origin:line: path.member: message” and returns %FALSE;
 * @member may be %NULL. */
static G_GNUC_PRINTF (5, 6) gboolean
fail (Reader      *reader,
      GError     **error,
      const char  *path,
      const char  *member,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  gpointer line;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  where = member != NULL ? g_strdup_printf ("%s.%s", path, member) : g_strdup (path);
  if (reader->node != NULL && g_hash_table_lookup_extended (reader->lines, reader->node, NULL, &line))
    g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                 "%s:%d: %s: %s", reader->origin, GPOINTER_TO_INT (line), where, message);
  else
    g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                 "%s: %s: %s", reader->origin, where, message);
  return FALSE;
}

#define SLUG_CHARACTERS "abcdefghijklmnopqrstuvwxyz0123456789-"
#define DIGITS "0123456789"

/* Lowercase letters, digits and "-", in one part or two joined by a ".". */
static gboolean
is_slug (const char *text)
{
  size_t length = strspn (text, SLUG_CHARACTERS);

  if (length > 0 && text[length] == '.')
    {
      text += length + 1;
      length = strspn (text, SLUG_CHARACTERS);
    }

  return length > 0 && text[length] == '\0';
}

/* Written YYYY-MM-DD, whether or not such a day exists. */
static gboolean
is_date (const char *text)
{
  return strspn (text, DIGITS) == 4 && text[4] == '-' &&
         strspn (text + 5, DIGITS) == 2 && text[7] == '-' &&
         strspn (text + 8, DIGITS) == 2 && text[10] == '\0';
}

/* What addresses a field of @type may hold, said in a message. */
static const char *
address_rule (Reader    *reader,
              FieldType  type)
{
  if (!reader->site)
    return "one of the official addresses";

  return type == FIELD_MAIL ? "an e-mail address" : type == FIELD_HTTPS ? "an https address" : "an https or e-mail address";
}

/* The text @node, @field of @item at @path: not empty, at most
 * %GUIDE_BOOK_MAX_TEXT characters, without an address the guide may not
 * hold, and as its type says. */
static gboolean
read_value (Reader       *reader,
            JsonNode     *node,
            const char   *path,
            const Field  *field,
            gpointer      item,
            GError      **error)
{
  char **value = G_STRUCT_MEMBER_P (item, field->offset);
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;
  guint year, month, day;
  glong length;

  reader->node = node;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, error, path, field->member, "must be text");

  text = g_strdup (json_node_get_string (node));
  length = g_utf8_strlen (text, -1);
  if (length > GUIDE_BOOK_MAX_TEXT)
    return fail (reader, error, path, field->member, "is %ld characters long, more than the limit of %d",
                 length, GUIDE_BOOK_MAX_TEXT);

  if (text[strspn (text, " \t\n\v\f\r")] == '\0')
    return fail (reader, error, path, field->member, "is empty");

  bad = guide_uri_find_disallowed (text, reader->site);
  if (bad != NULL)
    return fail (reader, error, path, field->member, "“%s” is not %s", bad, address_rule (reader, FIELD_TEXT));

  switch (field->type)
    {
    case FIELD_LANGUAGE:
      if (!guide_i18n_is_language (text))
        return fail (reader, error, path, field->member, "must be “fr”, “it” or “en”");
      break;

    case FIELD_ID:
    case FIELD_CONTACT_ID:
    case FIELD_STAGE_ID:
    case FIELD_STEP_ID:
      if (!is_slug (text))
        return fail (reader, error, path, field->member, "“%s” is not a slug (lowercase letters, digits and “-”)", text);
      if (field->type == FIELD_STAGE_ID && strchr (text, '.') != NULL)
        return fail (reader, error, path, field->member, "a stage's ID has no “.”");
      if (field->type == FIELD_STEP_ID &&
          !(g_str_has_prefix (text, reader->stage_id) && text[strlen (reader->stage_id)] == '.'))
        return fail (reader, error, path, field->member, "“%s” must start with “%s.”", text, reader->stage_id);
      if (!g_hash_table_add (reader->ids, g_strdup (text)))
        return fail (reader, error, path, field->member, "“%s” is used twice", text);
      if (field->type == FIELD_STAGE_ID)
        reader->stage_id = text;
      break;

    case FIELD_KIND:
      if (!g_str_equal (text, "info") && !g_str_equal (text, "update"))
        return fail (reader, error, path, field->member, "must be “info” or “update”");
      break;

    case FIELD_URI:
    case FIELD_MAIL:
    case FIELD_HTTPS:
      if (!(reader->site ? guide_uri_is_site_acceptable (text) : guide_uri_is_allowed (text)) ||
          (field->type == FIELD_MAIL && !g_str_has_prefix (text, "mailto:")) ||
          (field->type == FIELD_HTTPS && !g_str_has_prefix (text, "https://")))
        return fail (reader, error, path, field->member, "“%s” is not %s", text, address_rule (reader, field->type));
      if (field->type != FIELD_HTTPS &&
          !g_ptr_array_find_with_equal_func (reader->book->uris, text, g_str_equal, NULL))
        g_ptr_array_add (reader->book->uris, text);
      break;

    case FIELD_DATE:
      if (!is_date (text) ||
          sscanf (text, "%u-%u-%u", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
        return fail (reader, error, path, field->member, "“%s” is not a date written YYYY-MM-DD", text);
      g_date_set_dmy (G_STRUCT_MEMBER_P (item, field->offset), day, month, year);
      return TRUE;

    case FIELD_FILE:
      if (strchr (text, '/') != NULL || text[0] == '.')
        return fail (reader, error, path, NULL, "“%s” must be a plain file name", text);
      break;

    default:
      break;
    }

  if (field->type == FIELD_ID || field->type == FIELD_STAGE_ID || field->type == FIELD_STEP_ID ||
      field->type == FIELD_HTTPS)
    {
      g_autofree char *place = g_strdup_printf ("%s.%s", path, field->member);
      Key key = { g_intern_string (place), text, field->type };

      g_array_append_val (reader->book->keys, key);
    }

  *value = g_steal_pointer (&text);
  return TRUE;
}

static gboolean read_fields (Reader       *reader,
                             JsonObject   *object,
                             const char   *path,
                             const Field  *fields,
                             gpointer      item,
                             GError      **error);

/* An element of a list of text, which has no member of its own. */
static const Field paragraph = { NULL, FIELD_TEXT };

/* The list @node, @field at @path, into @value: a #GPtrArray of the
 * structures of @field's fields, or without them a #GStrv. */
static gboolean
read_list (Reader       *reader,
           JsonNode     *node,
           const char   *path,
           const Field  *field,
           gpointer     *value,
           GError      **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, field->member);
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  JsonArray *array;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, error, where, NULL, "must be a list");

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length > field->max)
    return fail (reader, error, where, NULL, "has %u entries, more than the limit of %u", length, field->max);

  if (length == 0 && field->rule == NOT_EMPTY)
    return fail (reader, error, where, NULL, "is empty");

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", where, i);
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *text = NULL;
      gpointer item;

      if (field->fields == NULL)
        {
          if (!read_value (reader, element, element_path, &paragraph, &text, error))
            return FALSE;
          g_strv_builder_add (texts, text);
          continue;
        }

      reader->node = element;
      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (reader, error, element_path, NULL, "must be an object");

      item = g_malloc0 (field->size);
      g_ptr_array_add (*value, item);
      if (!read_fields (reader, json_node_get_object (element), element_path, field->fields, item, error))
        return FALSE;
    }

  if (field->fields == NULL)
    *value = g_strv_builder_end (texts);

  return TRUE;
}

/* Reads @object, at @path, into @item, a structure with @fields, which
 * end with an empty one. */
static gboolean
read_fields (Reader       *reader,
             JsonObject   *object,
             const char   *path,
             const Field  *fields,
             gpointer      item,
             GError      **error)
{
  const char *uri = NULL;

  for (const Field *field = fields; field->member != NULL; field++)
    {
      JsonNode *node = json_object_get_member (object, field->member);
      gpointer *value = G_STRUCT_MEMBER_P (item, field->offset);

      if (field->type == FIELD_LIST && field->fields != NULL)
        *value = g_ptr_array_new_with_free_func (g_free);

      if (field->type == FIELD_LABEL && uri == NULL)
        {
          if (node != NULL)
            return fail (reader, error, path, NULL, "has a label but no address");
          continue;
        }

      if (node == NULL)
        {
          if (field->rule == OPTIONAL || (field->rule == BUILT_IN && reader->site))
            continue;
          return fail (reader, error, path, field->member, "missing");
        }

      reader->node = node;
      if (field->type == FIELD_FLAG)
        {
          if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            return fail (reader, error, path, field->member, "must be true or false");
          G_STRUCT_MEMBER (gboolean, item, field->offset) = json_node_get_boolean (node);
        }
      else if (field->type == FIELD_LIST)
        {
          if (!read_list (reader, node, path, field, value, error))
            return FALSE;
        }
      else if (field->type == FIELD_OBJECT || field->type == FIELD_MESSAGE)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s", path, field->member);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return fail (reader, error, where, NULL, "must be an object");
          if (field->type == FIELD_MESSAGE && (uri == NULL || !g_str_has_prefix (uri, "mailto:")))
            return fail (reader, error, where, NULL, "needs an e-mail address as the step's “uri”");
          if (!read_fields (reader, json_node_get_object (node), where, field->fields, item, error))
            return FALSE;
        }
      else if (!read_value (reader, node, path, field, item, error))
        return FALSE;

      if (field->type == FIELD_URI)
        uri = *value;
    }

  return TRUE;
}

/* Frees what @fields of @item hold. */
static void
free_fields (const Field *fields,
             gpointer     item)
{
  for (const Field *field = fields; field->member != NULL; field++)
    {
      gpointer *value = G_STRUCT_MEMBER_P (item, field->offset);

      if (field->type == FIELD_OBJECT || field->type == FIELD_MESSAGE)
        free_fields (field->fields, item);
      else if (field->type == FIELD_LIST && field->fields == NULL)
        g_strfreev (*value);
      else if (field->type == FIELD_LIST && *value != NULL)
        {
          GPtrArray *list = *value;

          for (guint i = 0; i < list->len; i++)
            free_fields (field->fields, g_ptr_array_index (list, i));
          g_ptr_array_unref (list);
        }
      else if (field->type != FIELD_FLAG && field->type != FIELD_DATE)
        g_free (*value);
    }
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

static void
guide_book_finalize (GObject *object)
{
  GuideBook *self = (GuideBook *)object;

  free_fields (book_fields, self);
  g_ptr_array_unref (self->uris);
  g_array_unref (self->keys);

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
  self->uris = g_ptr_array_new ();
  self->keys = g_array_new (FALSE, FALSE, sizeof (Key));
}

/* Returns: (transfer full) (nullable): the guide @bytes hold, or %NULL with
 * @error set to a message that says what is wrong and where in @origin;
 * %GUIDE_BOOK_FLAGS_SITE reads a site's own guide */
GuideBook *
guide_book_new_from_bytes (GBytes          *bytes,
                           const char      *origin,
                           GuideBookFlags   flags,
                           GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GuideBook) self = g_object_new (GUIDE_TYPE_BOOK, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) parse_error = NULL;
  Reader reader = {
    .origin = origin,
    .site = (flags & GUIDE_BOOK_FLAGS_SITE) != 0,
    .book = self,
    .lines = lines,
    .ids = ids,
  };
  JsonNode *root;
  JsonNode *format;
  gsize size;
  /* Empty bytes may have no data at all, which json-glib refuses with a
   * critical rather than an error. */
  const char *data = g_bytes_get_size (bytes) > 0 ? g_bytes_get_data (bytes, &size) : (size = 0, "");

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
      fail (&reader, error, "guide", NULL, "must be an object");
      return NULL;
    }

  format = json_object_get_member (json_node_get_object (root), "format");
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != FORMAT)
    {
      fail (&reader, error, "format", NULL, "must be %d", FORMAT);
      return NULL;
    }

  if (!read_fields (&reader, json_node_get_object (root), "guide", book_fields, self, error))
    return NULL;

  for (guint i = 0; i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      self->n_steps += stage->steps->len;
      /* Without an original method, an empty list, as any optional list is. */
      if (stage->original_steps == NULL)
        stage->original_steps = g_ptr_array_new ();
    }

  return g_steal_pointer (&self);
}

/* Returns: (transfer full): the guide built into the application in
 * @language, "fr", "it" or "en" */
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
  return self->language;
}

const char *
guide_book_get_title (GuideBook *self)
{
  return self->title;
}

/* Returns: (transfer none): the paragraphs before the first stage */
GStrv
guide_book_get_intro (GuideBook *self)
{
  return self->intro;
}

/* Returns: (transfer none) (element-type GuideNote): the notes on the whole guide */
GPtrArray *
guide_book_get_notes (GuideBook *self)
{
  return self->notes;
}

const char *
guide_book_get_contacts_text (GuideBook *self)
{
  return self->contacts_text;
}

/* Returns: (transfer none): the first of the addresses, the one to ask about access */
GuideAddress *
guide_book_get_helpdesk (GuideBook *self)
{
  return g_ptr_array_index (self->addresses, 0);
}

/* Returns: (transfer none) (element-type GuideAddress): the helpdesk addresses */
GPtrArray *
guide_book_get_addresses (GuideBook *self)
{
  return self->addresses;
}

/* Returns: (transfer none) (element-type GuideSource): the pages the guide's
 * facts come from, for the Sources view */
GPtrArray *
guide_book_get_sources (GuideBook *self)
{
  return self->sources;
}

/* Returns: (transfer none) (element-type GuideStage): the stages, in order */
GPtrArray *
guide_book_get_stages (GuideBook *self)
{
  return self->stages;
}

GuideStage *
guide_book_get_stage (GuideBook *self,
                      guint      index)
{
  g_return_val_if_fail (index < self->stages->len, NULL);

  return g_ptr_array_index (self->stages, index);
}

/* Returns: the index of the stage @stage_id, or -1 */
int
guide_book_find_stage (GuideBook  *self,
                       const char *stage_id)
{
  for (guint i = 0; stage_id != NULL && i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      if (g_str_equal (stage->id, stage_id))
        return i;
    }

  return -1;
}

/* Returns: (transfer none) (nullable): the step @step_id; the index of its
 * stage and its index there go to @stage_index and @step_index unless %NULL */
GuideStep *
guide_book_find_step (GuideBook  *self,
                      const char *step_id,
                      guint      *stage_index,
                      guint      *step_index)
{
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
  return self->n_steps;
}

/* Returns: (transfer container) (element-type utf8): every address the
 * guide's notes, steps and contacts open, once each, in the order they are
 * read; not the sources, which the Sources view lists */
GPtrArray *
guide_book_list_addresses (GuideBook *self)
{
  return g_ptr_array_copy (self->uris, NULL, NULL);
}

/* Whether @other, the same guide in another language, has the same stages,
 * steps (the original guide's ones too), notes and sources as @self, with
 * the same IDs in the same places, so that progress means the same in both. */
gboolean
guide_book_check_parity (GuideBook  *self,
                         GuideBook  *other,
                         GError    **error)
{
  guint i;

  for (i = 0; i < self->keys->len && i < other->keys->len; i++)
    {
      const Key *key = &g_array_index (self->keys, Key, i);
      const Key *other_key = &g_array_index (other->keys, Key, i);

      if (key->place == other_key->place && g_str_equal (key->value, other_key->value))
        continue;

      if (key->type == FIELD_STEP_ID && other_key->type == FIELD_STEP_ID)
        {
          g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                       "The %s and %s guides differ at step “%s” / “%s”",
                       self->language, other->language, key->value, other_key->value);
          return FALSE;
        }
      break;
    }

  if (i == self->keys->len && i == other->keys->len)
    return TRUE;

  g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
               "The %s and %s guides do not have the same stages, notes and sources",
               self->language, other->language);
  return FALSE;
}

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
 * data/guide/README.md, and the checks that tie one language's guide to
 * another. Everything the schema requires is checked while reading, so the
 * rest of the application can rely on it; a field that breaks a rule is
 * told with its file, line and path, for whoever writes a site's guide. */

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
};

G_DEFINE_FINAL_TYPE (GuideBook, guide_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (guide-book-error-quark, guide_book_error)

/* Where the reading is, for messages that say where a problem is. */
typedef struct
{
  const char *origin;
  /* The line of every value, and the value read last. */
  GHashTable *lines;
  JsonNode   *node;
  /* Every ID met so far: an ID is used once in the whole guide. */
  GHashTable *ids;
  /* The stage whose steps are read: their IDs start with its own. */
  const char *stage_id;
  gboolean    site;
} Reader;

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

/* What addresses the guide may hold, said in a message. */
static const char *
address_rule (Reader *reader)
{
  return reader->site ? "an https or e-mail address" : "one of the official addresses";
}

/* An official address, or for a site's own guide any https or e-mail address. */
static gboolean
acceptable_uri (Reader     *reader,
                const char *uri)
{
  return reader->site ? guide_uri_is_site_acceptable (uri) : guide_uri_is_allowed (uri);
}

/* The text in @node into @out: valid UTF-8, not empty, at most %GUIDE_BOOK_MAX_TEXT
 * characters, and without an address the guide may not hold. */
static gboolean
read_text (Reader      *reader,
           JsonNode    *node,
           const char  *path,
           const char  *member,
           char       **out,
           GError     **error)
{
  const char *text;
  g_autofree char *stripped = NULL;
  g_autofree char *bad = NULL;

  reader->node = node;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, error, path, member, "must be text");

  text = json_node_get_string (node);
  if (!g_utf8_validate (text, -1, NULL))
    return fail (reader, error, path, member, "is not valid UTF-8");

  if (g_utf8_strlen (text, -1) > GUIDE_BOOK_MAX_TEXT)
    return fail (reader, error, path, member, "is %ld characters long, more than the limit of %d",
                 g_utf8_strlen (text, -1), GUIDE_BOOK_MAX_TEXT);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return fail (reader, error, path, member, "is empty");

  bad = guide_uri_find_disallowed (text, reader->site);
  if (bad != NULL)
    return fail (reader, error, path, member, "“%s” is not %s", bad, address_rule (reader));

  *out = g_strdup (text);
  return TRUE;
}

/* An ID: a slug used nowhere else in the guide, starting with “@prefix.”
 * unless @prefix is %NULL. */
static gboolean
check_id (Reader      *reader,
          const char  *path,
          const char  *id,
          const char  *prefix,
          GError     **error)
{
  if (!g_regex_match_simple ("^[a-z0-9-]+(\\.[a-z0-9-]+)?$", id, G_REGEX_DOLLAR_ENDONLY, 0))
    return fail (reader, error, path, "id", "“%s” is not a slug (lowercase letters, digits and “-”)", id);

  if (prefix != NULL && !(g_str_has_prefix (id, prefix) && id[strlen (prefix)] == '.'))
    return fail (reader, error, path, "id", "“%s” must start with “%s.”", id, prefix);

  if (!g_hash_table_add (reader->ids, g_strdup (id)))
    return fail (reader, error, path, "id", "“%s” is used twice", id);

  return TRUE;
}

typedef enum
{
  FIELD_TEXT,      /* text, required */
  FIELD_OPTIONAL,  /* text, or %NULL when missing */
  FIELD_FLAG,      /* true or false, %FALSE when missing */
  FIELD_ID,        /* an ID, see check_id() */
  FIELD_STEP_ID,   /* an ID that starts with its stage's */
  FIELD_KIND,      /* a note's kind: “info” or “update” */
  FIELD_URI,       /* the address a button opens, optional */
  FIELD_LABEL,     /* that button's label, there exactly when the address is */
  FIELD_MAIL,      /* an e-mail address, required */
  FIELD_HTTPS,     /* an https address, required */
} FieldType;

/* One member of a JSON object, and where it goes in the structure read. */
typedef struct
{
  const char *member;
  FieldType   type;
  gsize       offset;
} Field;

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
  gboolean has_uri = FALSE;

  for (const Field *field = fields; field->member != NULL; field++)
    {
      JsonNode *node = json_object_get_member (object, field->member);
      char **text = G_STRUCT_MEMBER_P (item, field->offset);

      if (field->type == FIELD_LABEL && !has_uri)
        {
          if (node != NULL)
            return fail (reader, error, path, NULL, "has a label but no address");
          continue;
        }

      if (node == NULL)
        {
          if (field->type == FIELD_OPTIONAL || field->type == FIELD_FLAG || field->type == FIELD_URI)
            continue;
          return fail (reader, error, path, field->member, "missing");
        }

      if (field->type == FIELD_FLAG)
        {
          reader->node = node;
          if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            return fail (reader, error, path, field->member, "must be true or false");
          G_STRUCT_MEMBER (gboolean, item, field->offset) = json_node_get_boolean (node);
          continue;
        }

      if (!read_text (reader, node, path, field->member, text, error))
        return FALSE;

      if ((field->type == FIELD_ID || field->type == FIELD_STEP_ID) &&
          !check_id (reader, path, *text, field->type == FIELD_STEP_ID ? reader->stage_id : NULL, error))
        return FALSE;

      if (field->type == FIELD_KIND && !g_str_equal (*text, "info") && !g_str_equal (*text, "update"))
        return fail (reader, error, path, field->member, "must be “info” or “update”");

      if (field->type == FIELD_URI && !acceptable_uri (reader, *text))
        return fail (reader, error, path, field->member, "“%s” is not %s", *text, address_rule (reader));

      if (field->type == FIELD_MAIL && (!g_str_has_prefix (*text, "mailto:") || !acceptable_uri (reader, *text)))
        return fail (reader, error, path, field->member, "“%s” is not %s", *text,
                     reader->site ? "an e-mail address" : address_rule (reader));

      if (field->type == FIELD_HTTPS && (!g_str_has_prefix (*text, "https://") || !acceptable_uri (reader, *text)))
        return fail (reader, error, path, field->member, "“%s” is not %s", *text,
                     reader->site ? "an https address" : address_rule (reader));

      has_uri |= field->type == FIELD_URI;
    }

  return TRUE;
}

/* The object in @member of @object into @out, or %NULL when it is missing
 * and not @required. */
static gboolean
read_object (Reader       *reader,
             JsonObject   *object,
             const char   *path,
             const char   *member,
             gboolean      required,
             JsonObject  **out,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return required ? fail (reader, error, path, member, "missing") : TRUE;

  reader->node = node;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, error, path, member, "must be an object");

  *out = json_node_get_object (node);
  return TRUE;
}

/* What the elements of a list are. */
typedef struct
{
  gsize          size;
  const Field   *fields;
  /* What is read beyond @fields, or checked across them; may be %NULL. */
  gboolean     (*read_more) (Reader      *reader,
                             JsonObject  *object,
                             const char  *path,
                             gpointer     item,
                             GError     **error);
  GDestroyNotify free;
} ItemType;

typedef enum
{
  LIST_OPTIONAL,   /* empty when missing */
  LIST_REQUIRED,
  LIST_NOT_EMPTY,
} ListRule;

/* The list in @member of @object into @out, never longer than @max: of
 * items of @type, or of text if @type is %NULL. */
static gboolean
read_list (Reader          *reader,
           JsonObject      *object,
           const char      *path,
           const char      *member,
           ListRule         rule,
           guint            max,
           const ItemType  *type,
           GPtrArray      **out,
           GError         **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  *out = g_ptr_array_new_with_free_func (type != NULL ? type->free : g_free);
  if (node == NULL)
    return rule == LIST_OPTIONAL ? TRUE : fail (reader, error, where, NULL, "missing");

  reader->node = node;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, error, where, NULL, "must be a list");

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max)
    return fail (reader, error, where, NULL, "has %u entries, more than the limit of %u",
                 json_array_get_length (array), max);

  if (json_array_get_length (array) == 0 && rule == LIST_NOT_EMPTY)
    return fail (reader, error, where, NULL, "is empty");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", where, i);
      JsonNode *element = json_array_get_element (array, i);
      char *text = NULL;
      gpointer item;

      if (type == NULL)
        {
          if (!read_text (reader, element, element_path, NULL, &text, error))
            return FALSE;
          g_ptr_array_add (*out, text);
          continue;
        }

      reader->node = element;
      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (reader, error, element_path, NULL, "must be an object");

      item = g_malloc0 (type->size);
      g_ptr_array_add (*out, item);
      if (!read_fields (reader, json_node_get_object (element), element_path, type->fields, item, error) ||
          (type->read_more != NULL &&
           !type->read_more (reader, json_node_get_object (element), element_path, item, error)))
        return FALSE;
    }

  return TRUE;
}

/* The members of each table of data/guide/README.md, in the order they are
 * read: the first problem met is the one reported. */
static const Field note_fields[] = {
  { "id", FIELD_ID, G_STRUCT_OFFSET (GuideNote, id) },
  { "kind", FIELD_KIND, G_STRUCT_OFFSET (GuideNote, kind) },
  { "title", FIELD_OPTIONAL, G_STRUCT_OFFSET (GuideNote, title) },
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideNote, text) },
  { "source", FIELD_OPTIONAL, G_STRUCT_OFFSET (GuideNote, source) },
  { "uri", FIELD_URI, G_STRUCT_OFFSET (GuideNote, uri) },
  { "label", FIELD_LABEL, G_STRUCT_OFFSET (GuideNote, label) },
  { NULL }
};

static const Field profile_fields[] = {
  { "name", FIELD_TEXT, G_STRUCT_OFFSET (GuideProfile, name) },
  { "description", FIELD_TEXT, G_STRUCT_OFFSET (GuideProfile, description) },
  { "meaning", FIELD_OPTIONAL, G_STRUCT_OFFSET (GuideProfile, meaning) },
  { "recommended", FIELD_FLAG, G_STRUCT_OFFSET (GuideProfile, recommended) },
  { NULL }
};

static const Field step_fields[] = {
  { "id", FIELD_STEP_ID, G_STRUCT_OFFSET (GuideStep, id) },
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, text) },
  { "uri", FIELD_URI, G_STRUCT_OFFSET (GuideStep, uri) },
  { "label", FIELD_LABEL, G_STRUCT_OFFSET (GuideStep, label) },
  { NULL }
};

static const Field mail_fields[] = {
  { "subject", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, mail_subject) },
  { "body", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, mail_body) },
  { NULL }
};

static const Field picture_fields[] = {
  { "file", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, picture) },
  { "alt", FIELD_TEXT, G_STRUCT_OFFSET (GuideStep, picture_alt) },
  { NULL }
};

static const Field stage_fields[] = {
  { "id", FIELD_ID, G_STRUCT_OFFSET (GuideStage, id) },
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, title) },
  { "summary", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, summary) },
  { NULL }
};

static const Field original_fields[] = {
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, original_title) },
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideStage, original_text) },
  { NULL }
};

static const Field address_fields[] = {
  { "id", FIELD_ID, G_STRUCT_OFFSET (GuideAddress, id) },
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

/* Frees the text that @fields of @item hold. */
static void
free_fields (const Field *fields,
             gpointer     item)
{
  for (const Field *field = fields; field->member != NULL; field++)
    if (field->type != FIELD_FLAG)
      g_free (G_STRUCT_MEMBER (char *, item, field->offset));
}

static void
note_free (GuideNote *note)
{
  free_fields (note_fields, note);
  g_free (note);
}

static void
profile_free (GuideProfile *profile)
{
  free_fields (profile_fields, profile);
  g_free (profile);
}

static void
step_free (GuideStep *step)
{
  free_fields (step_fields, step);
  free_fields (mail_fields, step);
  free_fields (picture_fields, step);
  g_clear_pointer (&step->profiles, g_ptr_array_unref);
  g_clear_pointer (&step->notes, g_ptr_array_unref);
  g_free (step);
}

static void
stage_free (GuideStage *stage)
{
  free_fields (stage_fields, stage);
  free_fields (original_fields, stage);
  g_clear_pointer (&stage->notes, g_ptr_array_unref);
  g_clear_pointer (&stage->steps, g_ptr_array_unref);
  g_clear_pointer (&stage->original_steps, g_ptr_array_unref);
  g_free (stage);
}

static void
address_free (GuideAddress *address)
{
  free_fields (address_fields, address);
  g_free (address);
}

static void
source_free (GuideSource *source)
{
  free_fields (source_fields, source);
  g_free (source);
}

static const ItemType note_type = {
  sizeof (GuideNote), note_fields, NULL, (GDestroyNotify) note_free
};

static const ItemType profile_type = {
  sizeof (GuideProfile), profile_fields, NULL, (GDestroyNotify) profile_free
};

static const ItemType address_type = {
  sizeof (GuideAddress), address_fields, NULL, (GDestroyNotify) address_free
};

static const ItemType source_type = {
  sizeof (GuideSource), source_fields, NULL, (GDestroyNotify) source_free
};

/* A step's profiles, notes, the message its button prepares (only for an
 * e-mail address) and its picture. */
static gboolean
read_step (Reader      *reader,
           JsonObject  *object,
           const char  *path,
           gpointer     item,
           GError     **error)
{
  GuideStep *step = item;
  g_autofree char *mail_path = g_strdup_printf ("%s.mail", path);
  g_autofree char *picture_path = g_strdup_printf ("%s.picture", path);
  JsonObject *mail;
  JsonObject *picture;

  if (!read_list (reader, object, path, "profiles", LIST_OPTIONAL, GUIDE_BOOK_MAX_LIST, &profile_type,
                  &step->profiles, error) ||
      !read_list (reader, object, path, "notes", LIST_OPTIONAL, GUIDE_BOOK_MAX_LIST, &note_type,
                  &step->notes, error) ||
      !read_object (reader, object, path, "mail", FALSE, &mail, error))
    return FALSE;

  if (mail != NULL && (step->uri == NULL || !g_str_has_prefix (step->uri, "mailto:")))
    return fail (reader, error, mail_path, NULL, "needs an e-mail address as the step's “uri”");

  if ((mail != NULL && !read_fields (reader, mail, mail_path, mail_fields, step, error)) ||
      !read_object (reader, object, path, "picture", FALSE, &picture, error) ||
      (picture != NULL && !read_fields (reader, picture, picture_path, picture_fields, step, error)))
    return FALSE;

  if (picture != NULL && (strchr (step->picture, '/') != NULL || step->picture[0] == '.'))
    return fail (reader, error, picture_path, NULL, "“%s” must be a plain file name", step->picture);

  return TRUE;
}

static const ItemType step_type = {
  sizeof (GuideStep), step_fields, read_step, (GDestroyNotify) step_free
};

/* The day a stage was checked against its sources: required in the built-in
 * guide; a site's guide without one is reported by --check-site. */
static gboolean
read_checked (Reader      *reader,
              JsonObject  *object,
              const char  *path,
              GuideStage  *stage,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, "checked");
  g_autofree char *text = NULL;
  guint year, month, day;
  char end;

  g_date_clear (&stage->checked, 1);
  if (node == NULL)
    return reader->site ? TRUE : fail (reader, error, path, "checked", "missing");

  if (!read_text (reader, node, path, "checked", &text, error))
    return FALSE;

  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      text[4] != '-' || text[7] != '-' || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[8]) ||
      !g_date_valid_dmy (day, month, year))
    return fail (reader, error, path, "checked", "“%s” is not a date written YYYY-MM-DD", text);

  g_date_set_dmy (&stage->checked, day, month, year);
  return TRUE;
}

/* A stage's date, notes and steps, and the original guide's steps for a
 * method that is no longer offered. */
static gboolean
read_stage (Reader      *reader,
            JsonObject  *object,
            const char  *path,
            gpointer     item,
            GError     **error)
{
  GuideStage *stage = item;
  g_autofree char *original_path = g_strdup_printf ("%s.original", path);
  JsonObject *original;

  if (!read_checked (reader, object, path, stage, error) ||
      !read_list (reader, object, path, "notes", LIST_REQUIRED, GUIDE_BOOK_MAX_LIST, &note_type,
                  &stage->notes, error))
    return FALSE;

  if (strchr (stage->id, '.') != NULL)
    return fail (reader, error, path, "id", "a stage's ID has no “.”");

  reader->stage_id = stage->id;
  if (!read_list (reader, object, path, "steps", LIST_NOT_EMPTY, GUIDE_BOOK_MAX_STEPS, &step_type,
                  &stage->steps, error) ||
      !read_object (reader, object, path, "original", FALSE, &original, error))
    return FALSE;

  if (original == NULL)
    {
      stage->original_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
      return TRUE;
    }

  return read_fields (reader, original, original_path, original_fields, stage, error) &&
         read_list (reader, original, original_path, "steps", LIST_NOT_EMPTY, GUIDE_BOOK_MAX_STEPS, &step_type,
                    &stage->original_steps, error);
}

static const ItemType stage_type = {
  sizeof (GuideStage), stage_fields, read_stage, (GDestroyNotify) stage_free
};

static const Field book_fields[] = {
  { "language", FIELD_TEXT, G_STRUCT_OFFSET (GuideBook, language) },
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (GuideBook, title) },
  { NULL }
};

static const Field contacts_fields[] = {
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (GuideBook, contacts_text) },
  { NULL }
};

static gboolean
read_book (GuideBook   *self,
           Reader      *reader,
           JsonObject  *root,
           GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  g_autoptr(GPtrArray) intro = NULL;
  JsonObject *contacts;

  if (format == NULL || json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != FORMAT)
    return fail (reader, error, "format", NULL, "must be %d", FORMAT);

  if (!read_fields (reader, root, "guide", book_fields, self, error))
    return FALSE;

  if (!guide_i18n_is_language (self->language))
    return fail (reader, error, "guide", "language", "must be “fr”, “it” or “en”");

  if (!read_list (reader, root, "guide", "intro", LIST_REQUIRED, GUIDE_BOOK_MAX_LIST, NULL, &intro, error))
    return FALSE;

  g_ptr_array_add (intro, NULL);
  self->intro = (GStrv) g_ptr_array_free (g_steal_pointer (&intro), FALSE);

  /* The first of the addresses is the helpdesk, whom the window tells the
   * user to ask. */
  if (!read_list (reader, root, "guide", "notes", LIST_REQUIRED, GUIDE_BOOK_MAX_LIST, &note_type,
                  &self->notes, error) ||
      !read_object (reader, root, "guide", "contacts", TRUE, &contacts, error) ||
      !read_fields (reader, contacts, "guide.contacts", contacts_fields, self, error) ||
      !read_list (reader, contacts, "guide.contacts", "addresses", LIST_NOT_EMPTY, GUIDE_BOOK_MAX_LIST, &address_type,
                  &self->addresses, error) ||
      !read_list (reader, root, "guide", "sources", reader->site ? LIST_OPTIONAL : LIST_REQUIRED,
                  GUIDE_BOOK_MAX_SOURCES, &source_type, &self->sources, error) ||
      !read_list (reader, root, "guide", "stages", LIST_NOT_EMPTY, GUIDE_BOOK_MAX_STAGES, &stage_type,
                  &self->stages, error))
    return FALSE;

  for (guint i = 0; i < self->stages->len; i++)
    self->n_steps += ((GuideStage *) g_ptr_array_index (self->stages, i))->steps->len;

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
  g_clear_pointer (&self->sources, g_ptr_array_unref);
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
  Reader reader = { origin, lines, NULL, ids, NULL, (flags & GUIDE_BOOK_FLAGS_SITE) != 0 };
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
      fail (&reader, error, "guide", NULL, "must be an object");
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
 * guide_book_get_helpdesk:
 *
 * Returns: (transfer none) (nullable): the first of the addresses, the one
 *   to ask about access, or %NULL if there is none
 */
GuideAddress *
guide_book_get_helpdesk (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->addresses->len > 0 ? g_ptr_array_index (self->addresses, 0) : NULL;
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
 * guide_book_get_sources:
 *
 * Returns: (transfer none) (element-type GuideSource): the pages the guide's
 *   facts come from, for the Sources view
 */
GPtrArray *
guide_book_get_sources (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->sources;
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
 * Returns: (transfer container) (element-type utf8): every address the
 *   guide's notes, steps and contacts open, once each, in the order a reader
 *   meets them; not the sources, which the Sources view lists
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

static gboolean
same_sources (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const GuideSource *sa = g_ptr_array_index (a, i);
      const GuideSource *sb = g_ptr_array_index (b, i);

      if (!g_str_equal (sa->id, sb->id) || !g_str_equal (sa->uri, sb->uri))
        return FALSE;
    }

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
 * guide's ones too), notes and sources, with the same IDs in the same order, so that
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

  if (self->stages->len != other->stages->len || !same_notes (self->notes, other->notes) ||
      !same_sources (self->sources, other->sources))
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
               "The %s and %s guides do not have the same stages, notes and sources",
               self->language, other->language);
  return FALSE;
}

/* guide-site-file.c
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

/* The site file: where it is looked for, the reading of its groups and keys
 * with the line of each for messages, and the checking of their values. */

#include "guide-i18n.h"
#include "guide-input.h"
#include "guide-site-file.h"
#include "guide-site-private.h"
#include "guide-uri.h"

#define SITE_GROUP "Site"
#define CONTACT_GROUP "Contact"

/* The line of every group and key of the site file, read once: looking
 * each one up in the file again made checking a long file quadratic. Keys
 * are “group” for a group's header and “group\nkey” for a key. */
static GHashTable *
index_lines (const char *contents)
{
  GHashTable *lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *group = NULL;
  const char *start = contents;

  for (guint number = 1; start != NULL; number++)
    {
      const char *end = strchr (start, '\n');
      g_autofree char *line = g_strstrip (end != NULL ? g_strndup (start, end - start) : g_strdup (start));
      gsize length = strlen (line);
      char *name = NULL;

      start = end != NULL ? end + 1 : NULL;

      if (line[0] == '[' && length > 1 && line[length - 1] == ']')
        {
          g_free (group);
          group = g_strndup (line + 1, length - 2);
          name = g_strdup (group);
        }
      else if (group != NULL && line[0] != '#' && strchr (line, '=') != NULL)
        {
          g_autofree char *key = g_strndup (line, strchr (line, '=') - line);

          name = g_strconcat (group, "\n", g_strstrip (key), NULL);
        }

      if (name != NULL && !g_hash_table_contains (lines, name))
        g_hash_table_insert (lines, name, GUINT_TO_POINTER (number));
      else
        g_free (name);
    }

  return lines;
}

/* The line of @key in @group (or of @group's header when @key is %NULL),
 * for messages; 0 if unknown. */
static int
find_line (GHashTable *lines,
           const char *group,
           const char *key)
{
  g_autofree char *name = key != NULL ? g_strconcat (group, "\n", key, NULL) : g_strdup (group);

  return GPOINTER_TO_INT (g_hash_table_lookup (lines, name));
}

static char *
read_key (GuideSite  *self,
          GKeyFile   *keyfile,
          GHashTable *lines,
          const char *group,
          const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = g_key_file_get_string (keyfile, group, key, &error);

  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);

  if (error != NULL && !g_error_matches (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND) &&
      !g_error_matches (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
    guide_site_add_problem (self, "%s:%d: %s: %s", self->file, find_line (lines, group, key), key, error->message);

  return value;
}

void
guide_site_load_file (GuideSite *self)
{
  static const char * const known[][5] = {
    { SITE_GROUP, "Language", "LockLanguage", "Folder", NULL },
    { CONTACT_GROUP, "Name", "Email", "Phone", NULL },
  };
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) lines = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *lock = NULL;
  gsize length;

  if (!guide_input_read_file (self->file, GUIDE_INPUT_MAX_SITE, &contents, &length, &error) ||
      !g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_NONE, &error))
    {
      guide_site_add_problem (self, "%s: %s", self->file, error->message);
      self->file_unreadable = TRUE;
      return;
    }

  lines = index_lines (contents);

  /* A misspelt key would be silently ignored: say so instead. */
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);
      int known_group = -1;

      for (guint j = 0; j < G_N_ELEMENTS (known); j++)
        if (g_str_equal (groups[i], known[j][0]))
          known_group = j;

      if (known_group < 0)
        {
          guide_site_add_problem (self, "%s:%d: [%s]: unknown group (known: [%s], [%s])", self->file,
                       find_line (lines, groups[i], NULL), groups[i], SITE_GROUP, CONTACT_GROUP);
          continue;
        }

      for (guint k = 0; keys[k] != NULL; k++)
        if (!g_strv_contains (&known[known_group][1], keys[k]))
          guide_site_add_problem (self, "%s:%d: %s: unknown key in [%s]", self->file,
                       find_line (lines, groups[i], keys[k]), keys[k], groups[i]);
    }

  self->language = read_key (self, keyfile, lines, SITE_GROUP, "Language");
  if (self->language != NULL && !guide_i18n_is_language (self->language))
    {
      guide_site_add_problem (self, "%s:%d: Language: “%s” is not fr, it or en", self->file,
                   find_line (lines, SITE_GROUP, "Language"), self->language);
      g_clear_pointer (&self->language, g_free);
    }

  lock = read_key (self, keyfile, lines, SITE_GROUP, "LockLanguage");
  if (lock != NULL)
    {
      g_clear_error (&error);
      self->language_locked = g_key_file_get_boolean (keyfile, SITE_GROUP, "LockLanguage", &error);
      if (error != NULL)
        guide_site_add_problem (self, "%s:%d: LockLanguage: “%s” is not true or false", self->file,
                     find_line (lines, SITE_GROUP, "LockLanguage"), lock);
      else if (self->language_locked && self->language == NULL)
        {
          guide_site_add_problem (self, "%s:%d: LockLanguage: there is no Language to lock", self->file,
                       find_line (lines, SITE_GROUP, "LockLanguage"));
          self->language_locked = FALSE;
        }
    }

  self->folder = read_key (self, keyfile, lines, SITE_GROUP, "Folder");
  if (self->folder != NULL && !g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      guide_site_add_problem (self, "%s:%d: Folder: “%s” is not a folder", self->file,
                   find_line (lines, SITE_GROUP, "Folder"), self->folder);
      g_clear_pointer (&self->folder, g_free);
    }

  self->contact_name = read_key (self, keyfile, lines, CONTACT_GROUP, "Name");
  self->contact_email = read_key (self, keyfile, lines, CONTACT_GROUP, "Email");
  self->contact_phone = read_key (self, keyfile, lines, CONTACT_GROUP, "Phone");

  if (self->contact_email != NULL)
    {
      g_autofree char *mailto = g_strconcat ("mailto:", self->contact_email, NULL);

      if (!guide_uri_is_site_acceptable (mailto))
        {
          guide_site_add_problem (self, "%s:%d: Email: “%s” is not an e-mail address", self->file,
                       find_line (lines, CONTACT_GROUP, "Email"), self->contact_email);
          g_clear_pointer (&self->contact_email, g_free);
        }
    }

  if (self->contact_phone != NULL &&
      strspn (self->contact_phone, "+0123456789 ().-/") != strlen (self->contact_phone))
    {
      guide_site_add_problem (self, "%s:%d: Phone: “%s” is not a phone number", self->file,
                   find_line (lines, CONTACT_GROUP, "Phone"), self->contact_phone);
      g_clear_pointer (&self->contact_phone, g_free);
    }

  if ((self->contact_email != NULL || self->contact_phone != NULL) && self->contact_name == NULL)
    guide_site_add_problem (self, "%s:%d: [Contact]: Name is missing", self->file,
                 find_line (lines, CONTACT_GROUP, NULL));
}

char *
guide_site_find_file (const char *root)
{
  const char *variable = g_getenv ("CPMS_GUIDE_SITE_CONFIG");
  const char * const *folders = g_get_system_config_dirs ();
  g_autofree char *flatpak_info = g_build_filename (root, ".flatpak-info", NULL);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  if (variable != NULL && *variable != '\0')
    return g_strdup (variable);

  /* Inside a Flatpak, the organisation's extension of the app, mounted
   * read-only where the manifest's extension point says, comes first. */
  if (g_file_test (flatpak_info, G_FILE_TEST_EXISTS))
    g_ptr_array_add (candidates, g_build_filename (root, "app", "etc", PACKAGE_NAME, "site.conf", NULL));
  for (guint i = 0; folders[i] != NULL; i++)
    g_ptr_array_add (candidates, g_build_filename (folders[i], PACKAGE_NAME, "site.conf", NULL));

  for (guint i = 0; i < candidates->len; i++)
    if (g_file_test (g_ptr_array_index (candidates, i), G_FILE_TEST_EXISTS))
      return g_strdup (g_ptr_array_index (candidates, i));

  return NULL;
}


/* guide-site.c
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

/* What a hospital's IT sets for every user of a workstation, in plain files
 * that also work inside a Flatpak, where the host's dconf is not visible: a
 * site file of defaults, locks and contacts, its own guide in every language
 * and its own pictures (see guide-screenshot.c); README.md gives the keys and
 * where each is looked for. Nothing here is fatal: each problem is listed,
 * with its file and line, and the built-in behaviour is kept for it. */

#include "guide-i18n.h"
#include "guide-input.h"
#include "guide-screenshot.h"
#include "guide-site.h"
#include "guide-uri.h"

#define SITE_GROUP "Site"
#define CONTACT_GROUP "Contact"

struct _GuideSite
{
  GObject     parent_instance;

  char       *file;
  gboolean    file_unreadable;
  char       *folder;
  char       *language;
  gboolean    language_locked;
  char       *contact_name;
  char       *contact_email;
  char       *contact_phone;
  char       *guide_folder;
  GuideBook  *books[3];
  GPtrArray  *problems;
};

G_DEFINE_FINAL_TYPE (GuideSite, guide_site, G_TYPE_OBJECT)

/* In the order of books[]. */
static const char * const languages[] = { "fr", "it", "en" };

G_GNUC_PRINTF (2, 3) static void
add_problem (GuideSite  *self,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The file $CPMS_GUIDE_SITE_CONFIG names, else the first site file found;
 * %NULL when there is none. */
static char *
find_file (const char *root)
{
  const char *variable = g_getenv ("CPMS_GUIDE_SITE_CONFIG");
  const char * const *folders = g_get_system_config_dirs ();
  g_autofree char *flatpak_info = g_build_filename (root, ".flatpak-info", NULL);
  g_autofree char *extension = g_build_filename (root, "app", "etc", PACKAGE_NAME, "site.conf", NULL);

  if (variable != NULL && *variable != '\0')
    return g_strdup (variable);

  /* Inside a Flatpak, the organisation's extension of the app, mounted
   * read-only where the manifest's extension point says, comes first. */
  if (g_file_test (flatpak_info, G_FILE_TEST_EXISTS) && g_file_test (extension, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&extension);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folders[i], PACKAGE_NAME, "site.conf", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* The line of every group (“group”) and key (“group\nkey”) of the site
 * file, read once, so that checking a long file stays linear. */
static GHashTable *
index_lines (const char *contents)
{
  GHashTable *lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) text = g_strsplit (contents, "\n", -1);
  g_autofree char *group = NULL;

  for (guint i = 0; text[i] != NULL; i++)
    {
      char *line = g_strstrip (text[i]);
      gsize length = strlen (line);
      char *name = NULL;

      if (line[0] == '[' && length > 1 && line[length - 1] == ']')
        {
          g_free (group);
          group = g_strndup (line + 1, length - 2);
          name = g_strdup (group);
        }
      else if (group != NULL && line[0] != '#' && strchr (line, '=') != NULL)
        {
          *strchr (line, '=') = '\0';
          name = g_strconcat (group, "\n", g_strstrip (line), NULL);
        }

      if (name != NULL && !g_hash_table_contains (lines, name))
        g_hash_table_insert (lines, name, GUINT_TO_POINTER (i + 1));
      else
        g_free (name);
    }

  return lines;
}

/* A problem of the site file, at the line of @key in @group, or of
 * @group's header when @key is %NULL. */
G_GNUC_PRINTF (5, 6) static void
add_line_problem (GuideSite  *self,
                  GHashTable *lines,
                  const char *group,
                  const char *key,
                  const char *format,
                  ...)
{
  g_autofree char *name = key != NULL ? g_strconcat (group, "\n", key, NULL) : g_strdup (group);
  g_autofree char *where = key != NULL ? g_strdup (key) : g_strdup_printf ("[%s]", group);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (self, "%s:%d: %s: %s", self->file, GPOINTER_TO_INT (g_hash_table_lookup (lines, name)), where, message);
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
    add_line_problem (self, lines, group, key, "%s", error->message);

  return value;
}

/* Reads the site file, each problem with it told. */
static void
load_file (GuideSite *self)
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
      add_problem (self, "%s: %s", self->file, error->message);
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
          add_line_problem (self, lines, groups[i], NULL, "unknown group (known: [%s], [%s])", SITE_GROUP, CONTACT_GROUP);
          continue;
        }

      for (guint k = 0; keys[k] != NULL; k++)
        if (!g_strv_contains (&known[known_group][1], keys[k]))
          add_line_problem (self, lines, groups[i], keys[k], "unknown key in [%s]", groups[i]);
    }

  self->language = read_key (self, keyfile, lines, SITE_GROUP, "Language");
  if (self->language != NULL && !guide_i18n_is_language (self->language))
    {
      add_line_problem (self, lines, SITE_GROUP, "Language", "“%s” is not fr, it or en", self->language);
      g_clear_pointer (&self->language, g_free);
    }

  lock = read_key (self, keyfile, lines, SITE_GROUP, "LockLanguage");
  if (lock != NULL)
    {
      g_clear_error (&error);
      self->language_locked = g_key_file_get_boolean (keyfile, SITE_GROUP, "LockLanguage", &error);
      if (error != NULL)
        add_line_problem (self, lines, SITE_GROUP, "LockLanguage", "“%s” is not true or false", lock);
      else if (self->language_locked && self->language == NULL)
        {
          add_line_problem (self, lines, SITE_GROUP, "LockLanguage", "there is no Language to lock");
          self->language_locked = FALSE;
        }
    }

  self->folder = read_key (self, keyfile, lines, SITE_GROUP, "Folder");
  if (self->folder != NULL && !g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      add_line_problem (self, lines, SITE_GROUP, "Folder", "“%s” is not a folder", self->folder);
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
          add_line_problem (self, lines, CONTACT_GROUP, "Email", "“%s” is not an e-mail address", self->contact_email);
          g_clear_pointer (&self->contact_email, g_free);
        }
    }

  if (self->contact_phone != NULL &&
      strspn (self->contact_phone, "+0123456789 ().-/") != strlen (self->contact_phone))
    {
      add_line_problem (self, lines, CONTACT_GROUP, "Phone", "“%s” is not a phone number", self->contact_phone);
      g_clear_pointer (&self->contact_phone, g_free);
    }

  if ((self->contact_email != NULL || self->contact_phone != NULL) && self->contact_name == NULL)
    add_line_problem (self, lines, CONTACT_GROUP, NULL, "Name is missing");
}

/* @name in the site's folder, then in `cpms-guide/` in each system data
 * folder, in that order. */
static GPtrArray *
list_site_folders (GuideSite  *self,
                   const char *name)
{
  const char * const *data_folders = g_get_system_data_dirs ();
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);

  if (self->folder != NULL)
    g_ptr_array_add (folders, g_build_filename (self->folder, name, NULL));
  for (guint i = 0; data_folders[i] != NULL; i++)
    g_ptr_array_add (folders, g_build_filename (data_folders[i], PACKAGE_NAME, name, NULL));

  return folders;
}

/* Reads the site's guide in every language from the first of the site
 * folders with a guide in any language, or none of them when one is
 * missing, wrong or does not match the others. */
static void
load_guides (GuideSite *self)
{
  g_autoptr(GPtrArray) folders = list_site_folders (self, "guide");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < folders->len && self->guide_folder == NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (languages); j++)
      {
        g_autofree char *path = g_strdup_printf ("%s/%s.json", (char *) g_ptr_array_index (folders, i), languages[j]);

        if (self->guide_folder == NULL && g_file_test (path, G_FILE_TEST_EXISTS))
          self->guide_folder = g_strdup (g_ptr_array_index (folders, i));
      }

  if (self->guide_folder == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.json", self->guide_folder, languages[i]);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      g_clear_error (&error);
      /* The mark stays until the file changes: every start until then does
       * without it, rather than crash again. */
      if (!guide_input_begin_read (path))
        {
          add_problem (self, "%s: the app stopped while reading it at an earlier start, so it is not read again until it changes", path);
          continue;
        }

      if (!guide_input_read_file (path, GUIDE_INPUT_MAX_GUIDE, &contents, &length, &error))
        {
          guide_input_end_read (path);
          add_problem (self, "%s: %s; a site's guide needs fr.json, it.json and en.json", path, error->message);
          continue;
        }

      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      self->books[i] = guide_book_new_from_bytes (bytes, path, GUIDE_BOOK_FLAGS_SITE, &error);
      guide_input_end_read (path);
      if (self->books[i] == NULL)
        add_problem (self, "%s", error->message);
      else if (!g_str_equal (guide_book_get_language (self->books[i]), languages[i]))
        {
          add_problem (self, "%s: guide.language: “%s” does not match the file name", path,
                       guide_book_get_language (self->books[i]));
          g_clear_object (&self->books[i]);
        }
    }

  g_clear_error (&error);
  for (guint i = 1; i < G_N_ELEMENTS (languages) && error == NULL; i++)
    if (self->books[0] != NULL && self->books[i] != NULL &&
        !guide_book_check_parity (self->books[0], self->books[i], &error))
      add_problem (self, "%s: %s", self->guide_folder, error->message);

  /* All or none: progress must mean the same in every language, and a user
   * who switches language must not be given another hospital's steps (the
   * built-in guide's "0000 Guest Access" where the site says otherwise). */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (self->books[i] == NULL || error != NULL)
      {
        add_problem (self, "%s: the built-in guide is used instead", self->guide_folder);
        for (guint j = 0; j < G_N_ELEMENTS (languages); j++)
          g_clear_object (&self->books[j]);
        break;
      }
}

static void
add_picture_names (GHashTable *names,
                   GPtrArray  *steps)
{
  for (guint j = 0; j < steps->len; j++)
    {
      GuideStep *step = g_ptr_array_index (steps, j);

      if (step->picture != NULL)
        g_hash_table_add (names, g_strndup (step->picture, strcspn (step->picture, ".")));
    }
}

static void
guide_site_dispose (GObject *object)
{
  GuideSite *self = (GuideSite *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->books); i++)
    g_clear_object (&self->books[i]);

  G_OBJECT_CLASS (guide_site_parent_class)->dispose (object);
}

static void
guide_site_finalize (GObject *object)
{
  GuideSite *self = (GuideSite *)object;

  g_free (self->file);
  g_free (self->folder);
  g_free (self->language);
  g_free (self->contact_name);
  g_free (self->contact_email);
  g_free (self->contact_phone);
  g_free (self->guide_folder);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (guide_site_parent_class)->finalize (object);
}

static void
guide_site_class_init (GuideSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = guide_site_dispose;
  object_class->finalize = guide_site_finalize;
}

static void
guide_site_init (GuideSite *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/**
 * guide_site_new:
 *
 * Reads the site file and the site's guide, if there are any; it never
 * fails: see guide_site_get_problems().
 */
GuideSite *
guide_site_new (void)
{
  return guide_site_new_for_root ("/");
}

/**
 * guide_site_new_for_root:
 * @root: what stands for `/` when looking for a Flatpak sandbox and the
 *   organisation's extension in it, for tests that lay out a fake one
 */
GuideSite *
guide_site_new_for_root (const char *root)
{
  GuideSite *self = g_object_new (GUIDE_TYPE_SITE, NULL);

  self->file = find_file (root);
  if (self->file != NULL)
    load_file (self);

  load_guides (self);

  return self;
}

const char *
guide_site_get_file (GuideSite *self)
{
  return self->file;
}

/**
 * guide_site_get_file_unreadable:
 *
 * Returns: whether the site file named or found could not be read at all,
 *   so that nothing of it is used
 */
gboolean
guide_site_get_file_unreadable (GuideSite *self)
{
  return self->file_unreadable;
}

const char *
guide_site_get_folder (GuideSite *self)
{
  return self->folder;
}

const char *
guide_site_get_language (GuideSite *self)
{
  return self->language;
}

gboolean
guide_site_get_language_locked (GuideSite *self)
{
  return self->language_locked;
}

const char *
guide_site_get_contact_name (GuideSite *self)
{
  return self->contact_name;
}

const char *
guide_site_get_contact_email (GuideSite *self)
{
  return self->contact_email;
}

const char *
guide_site_get_contact_phone (GuideSite *self)
{
  return self->contact_phone;
}

/**
 * guide_site_get_book:
 * @language: "fr", "it" or "en"
 *
 * Returns: (transfer none) (nullable): the site's own guide in @language,
 *   when it has a valid one
 */
GuideBook *
guide_site_get_book (GuideSite  *self,
                     const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      return self->books[i];

  return NULL;
}

/**
 * guide_site_get_guide_folder:
 *
 * Returns: (nullable): the folder a site's guide was looked for in
 */
const char *
guide_site_get_guide_folder (GuideSite *self)
{
  return self->guide_folder;
}

/**
 * guide_site_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): what is wrong with the site
 *   file and the site's guide, one message each
 */
GPtrArray *
guide_site_get_problems (GuideSite *self)
{
  return self->problems;
}

/**
 * guide_site_check_pictures:
 *
 * Reads and draws every picture a site provides, which the application
 * itself only does for the stage on screen, with the same limits.
 *
 * Returns: (transfer full) (element-type utf8): a message for each picture
 *   that cannot be read or does not replace one of the guide's
 */
GPtrArray *
guide_site_check_pictures (GuideSite *self)
{
  g_autoptr(GPtrArray) roots = list_site_folders (self, "screenshots");
  g_autoptr(GuideBook) builtin = self->books[0] != NULL ? NULL : guide_book_new_for_language ("fr");
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *stages = guide_book_get_stages (builtin != NULL ? builtin : self->books[0]);

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      add_picture_names (names, stage->steps);
      add_picture_names (names, stage->original_steps);
    }

  for (guint i = 0; i < roots->len; i++)
    for (guint l = 0; l <= G_N_ELEMENTS (languages); l++)
      {
        g_autofree char *folder = g_build_filename (g_ptr_array_index (roots, i),
                                                    l < G_N_ELEMENTS (languages) ? languages[l] : NULL, NULL);
        g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
        const char *name;

        while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *path = g_build_filename (folder, name, NULL);
            g_autofree char *base = g_strndup (name, strcspn (name, "."));
            g_autoptr(GError) error = NULL;
            g_autoptr(GuideScreenshot) screenshot = NULL;

            if (g_file_test (path, G_FILE_TEST_IS_DIR))
              continue;

            if (!g_str_has_suffix (name, ".svg") && !g_str_has_suffix (name, ".png") && !g_str_has_suffix (name, ".jpg"))
              g_ptr_array_add (problems, g_strdup_printf ("%s: not a .svg, .png or .jpg file", path));
            else if (!g_hash_table_contains (names, base))
              g_ptr_array_add (problems, g_strdup_printf ("%s: the guide has no picture called “%s”", path, base));
            else if ((screenshot = guide_screenshot_new_for_file (path, &error)) == NULL)
              g_ptr_array_add (problems, g_strdup_printf ("%s: %s", path, error->message));
          }
      }

  return problems;
}

/**
 * guide_site_check_dates:
 * @now: today
 *
 * A clinician cannot tell a stale guide from a fresh one without the day
 * each stage was checked, so the administrator is told.
 *
 * Returns: (transfer full) (element-type utf8): a message for each stage of
 *   the site's guide without a "checked" date, or with one in the future
 */
GPtrArray *
guide_site_check_dates (GuideSite *self,
                        GDateTime *now)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  for (guint i = 0; i < G_N_ELEMENTS (languages) && self->books[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.json", self->guide_folder, languages[i]);
      GPtrArray *stages = guide_book_get_stages (self->books[i]);

      for (guint j = 0; j < stages->len; j++)
        {
          GuideStage *stage = g_ptr_array_index (stages, j);

          if (!g_date_valid (&stage->checked))
            g_ptr_array_add (problems, g_strdup_printf ("%s: guide.stages[%u].checked: missing; give the day the "
                                                        "stage was last compared with its sources, as YYYY-MM-DD",
                                                        path, j));
          else if (g_date_compare (&stage->checked, today) > 0)
            g_ptr_array_add (problems, g_strdup_printf ("%s: guide.stages[%u].checked: %04u-%02u-%02u is in the future",
                                                        path, j, g_date_get_year (&stage->checked),
                                                        g_date_get_month (&stage->checked),
                                                        g_date_get_day (&stage->checked)));
        }
    }

  return problems;
}

/* guide-site-content.c
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

/* What a site provides in place of the built-in content: its own guide in
 * every language, read all or none, and its own pictures, checked against
 * the guide's. */

#include "guide-input.h"
#include "guide-screenshot.h"
#include "guide-site-content.h"
#include "guide-site-private.h"

/* The first folder with a site guide: the site's folder, then the system
 * data folders. */
static char *
find_guide_folder (GuideSite *self)
{
  const char * const *folders = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  if (self->folder != NULL)
    g_ptr_array_add (candidates, g_build_filename (self->folder, "guide", NULL));
  for (guint i = 0; folders[i] != NULL; i++)
    g_ptr_array_add (candidates, g_build_filename (folders[i], PACKAGE_NAME, "guide", NULL));

  for (guint i = 0; i < candidates->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (languages); j++)
      {
        g_autofree char *name = g_strdup_printf ("%s.json", languages[j]);
        g_autofree char *path = g_build_filename (g_ptr_array_index (candidates, i), name, NULL);

        if (g_file_test (path, G_FILE_TEST_EXISTS))
          return g_strdup (g_ptr_array_index (candidates, i));
      }

  return NULL;
}

void
guide_site_load_guides (GuideSite *self)
{
  g_autoptr(GError) error = NULL;

  self->guide_folder = find_guide_folder (self);
  if (self->guide_folder == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", languages[i]);
      g_autofree char *path = g_build_filename (self->guide_folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      g_clear_error (&error);
      /* The mark stays until the file changes: every start until then does
       * without it, rather than crash again. */
      if (!guide_input_begin_read (path))
        {
          guide_site_add_problem (self, "%s: the app stopped while reading it at an earlier start, so it is not read again until it changes", path);
          continue;
        }

      if (!guide_input_read_file (path, GUIDE_INPUT_MAX_GUIDE, &contents, &length, &error))
        {
          guide_input_end_read (path);
          guide_site_add_problem (self, "%s: %s; a site's guide needs fr.json, it.json and en.json", path, error->message);
          continue;
        }

      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      self->books[i] = guide_book_new_from_bytes (bytes, path, GUIDE_BOOK_FLAGS_SITE, &error);
      guide_input_end_read (path);
      if (self->books[i] == NULL)
        guide_site_add_problem (self, "%s", error->message);
      else if (!g_str_equal (guide_book_get_language (self->books[i]), languages[i]))
        {
          guide_site_add_problem (self, "%s: guide.language: “%s” does not match the file name", path,
                       guide_book_get_language (self->books[i]));
          g_clear_object (&self->books[i]);
        }
    }

  g_clear_error (&error);
  for (guint i = 1; i < G_N_ELEMENTS (languages) && error == NULL; i++)
    if (self->books[0] != NULL && self->books[i] != NULL &&
        !guide_book_check_parity (self->books[0], self->books[i], &error))
      guide_site_add_problem (self, "%s: %s", self->guide_folder, error->message);

  /* All or none: progress must mean the same in every language, and a user
   * who switches language must not be given another hospital's steps (the
   * built-in guide's "0000 Guest Access" where the site says otherwise). */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (self->books[i] == NULL || error != NULL)
      {
        guide_site_add_problem (self, "%s: the built-in guide is used instead", self->guide_folder);
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
  const char * const *folders = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_free);
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

  if (self->folder != NULL)
    g_ptr_array_add (roots, g_build_filename (self->folder, "screenshots", NULL));
  for (guint i = 0; folders[i] != NULL; i++)
    g_ptr_array_add (roots, g_build_filename (folders[i], PACKAGE_NAME, "screenshots", NULL));

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
 * A site's guide may leave out the day each stage was checked against its
 * sources, which the window then does not show; a clinician cannot tell a
 * stale guide from a fresh one, so the administrator is told.
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
      g_autofree char *name = g_strdup_printf ("%s.json", languages[i]);
      g_autofree char *path = g_build_filename (self->guide_folder, name, NULL);
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

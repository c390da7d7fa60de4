/* guide-progress-file.c
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

/* The progress file on disk: written whole and atomically, moved aside when
 * it is broken, and the temporary files of interrupted saves cleaned up. */

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guide-i18n.h"
#include "guide-progress.h"
#include "guide-progress-file.h"

/* A save takes milliseconds: a temporary file older than this was left by a
 * process killed while saving. */
#define STALE_TEMPORARY_SECONDS (5 * 60)

/* As many links as the kernel follows in a path before it gives up. */
#define MAX_LINKS 40

/**
 * guide_progress_file_resolve:
 * @path: the progress file
 * @error: a location for a #GError
 *
 * A progress file may be a symbolic link, made by a dotfile manager or to
 * keep it in a synced folder: a save replaces the file it leads to, through
 * any number of links, relative or not, and the links stay. A link that
 * leads nowhere, round in a loop or to anything else than a file (a
 * folder, a device) is not followed: writing there could create a file in
 * a folder not mounted yet, or write into a device. It can run in any
 * thread: the error is %GUIDE_PROGRESS_ERROR_LINK, and its message is only
 * where the link leads, for guide_progress_file_explain_error().
 *
 * Returns: (transfer full) (nullable): the file a save replaces: @path
 *   itself, unless it is a link
 */
char *
guide_progress_file_resolve (const char  *path,
                             GError     **error)
{
  g_autofree char *target = g_strdup (path);

  for (guint n = 0; n <= MAX_LINKS; n++)
    {
      g_autofree char *link = NULL;
      g_autofree char *folder = NULL;
      GStatBuf info;

      gboolean found = g_lstat (target, &info) == 0;

      /* Whatever keeps @path itself from being written, writing says. */
      if (n == 0 && (!found || !S_ISLNK (info.st_mode)))
        return g_steal_pointer (&target);

      if (!found || (!S_ISLNK (info.st_mode) && !S_ISREG (info.st_mode)))
        break;

      if (S_ISREG (info.st_mode))
        return g_steal_pointer (&target);

      link = g_file_read_link (target, NULL);
      if (link == NULL)
        break;

      folder = g_path_get_dirname (target);
      g_free (target);
      target = g_path_is_absolute (link) ? g_steal_pointer (&link) : g_build_filename (folder, link, NULL);
    }

  g_set_error_literal (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_LINK, target);
  return NULL;
}

/**
 * guide_progress_file_write:
 * @path: the file to replace, from guide_progress_file_resolve()
 * @data: what to write in it
 * @error: a location for a #GError
 *
 * Replaces the file with @data, atomically and durably: a temporary file
 * beside it, flushed to the disk, then renamed over it; a crash leaves the
 * old file or the new one, never a part. It can run in any thread. The
 * error is in %G_FILE_ERROR, and its message is only the path of the file or
 * folder that could not be written, for guide_progress_file_explain_error().
 *
 * Returns: whether @data was written
 */
gboolean
guide_progress_file_write (const char  *path,
                           const char  *data,
                           GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (errno), folder);
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_debug ("%s", local_error->message);
      g_set_error_literal (error, G_FILE_ERROR, local_error->code, path);
      return FALSE;
    }

  return TRUE;
}

/**
 * guide_progress_file_explain_error:
 * @error: an error from guide_progress_file_resolve() or
 *   guide_progress_file_write(), or %GUIDE_PROGRESS_ERROR_NEWER
 *
 * Says why a save failed, in the interface's language: GLib's own messages
 * are in English whatever the language chosen in the app. Only from the
 * main thread, which the interface's language belongs to.
 */
void
guide_progress_file_explain_error (GError *error)
{
  g_autofree char *path = g_steal_pointer (&error->message);
  const char *reason;

  if (g_error_matches (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER))
    error->message = g_strdup (_("Your progress was saved meanwhile by a newer version of this app. It was left untouched, and nothing you tick now will be saved."));
  else if (g_error_matches (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_LINK))
    error->message = g_strdup_printf (_("Your progress file is a link to “%s”, which does not exist or is not a file, so your progress cannot be saved."),
                                      path);
  else if ((reason = guide_i18n_describe_io_error (g_io_error_from_file_error (error->code), NULL)) != NULL)
    error->message = g_strdup_printf (_("“%s” cannot be written: %s."), path, reason);
  else
    error->message = g_strdup_printf (_("“%s” cannot be written."), path);
}

/**
 * guide_progress_file_move_aside:
 * @path: a progress file that cannot be read
 *
 * Keeps a broken file next to where it was, under a name no other file
 * has: link() fails rather than replace, where rename() would not.
 *
 * Returns: (transfer full) (nullable): where the file is now
 */
char *
guide_progress_file_move_aside (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *aside = n == 1 ? g_strdup_printf ("%s.broken-%s", path, stamp)
                                      : g_strdup_printf ("%s.broken-%s-%u", path, stamp, n);

      if (link (path, aside) == 0)
        return g_unlink (path) == 0 ? g_steal_pointer (&aside) : NULL;

      if (errno != EEXIST)
        return NULL;
    }

  return NULL;
}

/* Whether @name is one of the temporary files g_file_set_contents_full()
 * writes for @base: “progress.json.” and six letters or digits. */
static gboolean
is_temporary (const char *name,
              const char *base)
{
  gsize base_length = strlen (base);

  if (strncmp (name, base, base_length) != 0 || name[base_length] != '.' ||
      strlen (name) != base_length + 7)
    return FALSE;

  for (const char *p = name + base_length + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * guide_progress_file_remove_stale_temporaries:
 * @path: a progress file
 *
 * A process killed while saving leaves its temporary file behind: they are
 * removed. Only ours, beside the file a link leads to, and only old ones: a
 * young one may be another save under way.
 */
void
guide_progress_file_remove_stale_temporaries (const char *path)
{
  g_autofree char *target = guide_progress_file_resolve (path, NULL);
  g_autofree char *folder = g_path_get_dirname (target != NULL ? target : path);
  g_autofree char *base = g_path_get_basename (target != NULL ? target : path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temporary = NULL;
      GStatBuf info;

      if (!is_temporary (name, base))
        continue;

      temporary = g_build_filename (folder, name, NULL);
      if (g_lstat (temporary, &info) == 0 && S_ISREG (info.st_mode) &&
          now - info.st_mtime > STALE_TEMPORARY_SECONDS)
        g_unlink (temporary);
    }
}

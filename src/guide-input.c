/* guide-input.c
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

/* Every file the app reads from outside its resources (the user's progress,
 * a site file, a site's guide) comes through here first, so that nothing in
 * it can stop the app: a FIFO or a device, which would block a read forever,
 * and a huge file are refused; JSON is scanned for its nesting depth before
 * json-glib, which recurses without a limit, parses it; and a read that
 * crashes the app leaves a mark, so that the next start does without that
 * file rather than crash again. */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guide-i18n.h"
#include "guide-input.h"

G_DEFINE_QUARK (guide-input-error-quark, guide_input_error)

/* The messages leave out the file's name: each caller says it its way. */
static gboolean
too_large (gsize    max_size,
           GError **error)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE,
               _("larger than %s, so it was not read"), limit);
  return FALSE;
}

/* Reads @path whole into @contents, NUL-terminated, never blocking on it: a
 * FIFO, a device or a socket is refused, as is a file of more than
 * @max_size bytes. */
gboolean
guide_input_read_file (const char  *path,
                       gsize        max_size,
                       char       **contents,
                       gsize       *length,
                       GError     **error)
{
  g_autofree char *data = NULL;
  struct stat info;
  gsize size = 0;
  gssize n;
  int fd, saved_errno;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error_literal (error, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_NOT_REGULAR,
                           _("not a regular file (a FIFO, a device or a folder), so it was not read"));
      return FALSE;
    }

  if ((guint64) info.st_size > max_size)
    {
      close (fd);
      return too_large (max_size, error);
    }

  /* One byte more than allowed, to notice a file that grew meanwhile. */
  data = g_malloc (max_size + 2);
  while ((n = read (fd, data + size, max_size + 1 - size)) > 0 || (n < 0 && errno == EINTR))
    size += MAX (n, 0);
  saved_errno = errno;
  close (fd);

  if (n < 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  if (size > max_size)
    return too_large (max_size, error);

  data[size] = '\0';
  *contents = g_realloc (g_steal_pointer (&data), size + 1);
  *length = size;
  return TRUE;
}

static gboolean
is_hex_escape (const char *data,
               gsize       length,
               gsize       i,
               guint      *code)
{
  if (i + 6 > length || data[i] != '\\' || data[i + 1] != 'u')
    return FALSE;

  for (guint k = 0; k < 4; k++)
    if (!g_ascii_isxdigit (data[i + 2 + k]))
      return FALSE;

  *code = (g_ascii_xdigit_value (data[i + 2]) << 12) | (g_ascii_xdigit_value (data[i + 3]) << 8) |
          (g_ascii_xdigit_value (data[i + 4]) << 4) | g_ascii_xdigit_value (data[i + 5]);
  return TRUE;
}

/* The length of the escape at @i, or 0 when JSON does not allow it. A
 * surrogate comes as a pair, or json-glib reads on past the string's end. */
static gsize
escape_length (const char *data,
               gsize       length,
               gsize       i)
{
  guint code, low;

  if (i + 1 < length && strchr ("\"\\/bfnrt", data[i + 1]) != NULL && data[i + 1] != '\0')
    return 2;

  if (!is_hex_escape (data, length, i, &code))
    return 0;

  if (code < 0xd800 || code > 0xdfff)
    return 6;

  if (code <= 0xdbff && is_hex_escape (data, length, i + 6, &low) && low >= 0xdc00 && low <= 0xdfff)
    return 12;

  return 0;
}

/* Whether @data may be handed to json-glib: checks, in one pass and with no
 * recursion, that its arrays and objects are nested at most
 * %GUIDE_INPUT_MAX_JSON_DEPTH deep. Brackets are counted outside strings, so
 * what json-glib reads as a string must be what is skipped here: what it
 * reads its own way, though not JSON, is refused (a comment, single quotes,
 * a bad escape or a lone surrogate, which make it read on past the closing
 * quote), as is a NUL byte. */
gboolean
guide_input_check_json (const char  *data,
                        gsize        length,
                        GError     **error)
{
  guint depth = 0;
  guint line = 1;
  gboolean in_string = FALSE;
  const char *problem = NULL;

  for (gsize i = 0; i < length && problem == NULL; i++)
    {
      char c = data[i];

      if (c == '\0')
        problem = _("line %u: a NUL byte, which a text file never holds, so it was not read");
      else if (c == '\n')
        line++;
      else if (in_string && c == '\\')
        {
          gsize n = escape_length (data, length, i);

          if (n == 0)
            problem = _("line %u: a “\\” escape that is not valid JSON, so it was not read");
          else
            i += n - 1;
        }
      else if (c == '"')
        in_string = !in_string;
      else if (in_string)
        continue;
      else if (c == '/')
        problem = _("line %u: a comment or a “/” outside quotes, which JSON does not allow, so it was not read");
      else if (c == '\'')
        problem = _("line %u: a single quote outside a string (JSON puts text in double quotes), so it was not read");
      else if (c == '[' || c == '{')
        {
          if (++depth > GUIDE_INPUT_MAX_JSON_DEPTH)
            {
              g_set_error (error, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_DEEP,
                           _("lists and objects nested more than %d deep, so it was not read"),
                           GUIDE_INPUT_MAX_JSON_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  if (problem != NULL)
    g_set_error (error, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_NOT_JSON, problem, line);

  return problem == NULL;
}

/* In the user's cache, one mark for each file read, named after its path. */
static char *
read_mark_path (const char *path)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);

  return g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "reading", name, NULL);
}

/* What tells one version of @path from another. */
static char *
identity (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return NULL;

  return g_strdup_printf ("%s\n%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                          path, (guint64) info.st_dev, (guint64) info.st_ino,
                          (gint64) info.st_size, (gint64) info.st_mtime);
}

/* Leaves a mark that @path is being read, until guide_input_end_read(): a
 * mark still there means the app died reading the file, and would again.
 * Returns: %FALSE, leaving the mark, if the app died reading @path as it is
 * now; the caller then does without it */
gboolean
guide_input_begin_read (const char *path)
{
  g_autofree char *mark = read_mark_path (path);
  g_autofree char *folder = g_path_get_dirname (mark);
  g_autofree char *now = identity (path);
  g_autofree char *then = NULL;

  if (now == NULL)
    return TRUE;

  if (g_file_get_contents (mark, &then, NULL, NULL) && g_str_equal (then, now))
    return FALSE;

  /* What a crash leaves is in the page cache: no need to wait for the disk. */
  if (g_mkdir_with_parents (folder, 0700) == 0)
    g_file_set_contents_full (mark, now, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL);
  return TRUE;
}

/* Removes the mark: @path was read, well or not, and the app lives. */
void
guide_input_end_read (const char *path)
{
  g_autofree char *mark = read_mark_path (path);

  g_unlink (mark);
}

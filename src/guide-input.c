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

/* Every file the app reads from outside its own resources (the user's
 * progress, a site file, a site's guide) comes through here first, so that
 * nothing in such a file can stop the app:
 *
 * - a FIFO or a device would block a plain open() or read() forever, so the
 *   file is opened without blocking and anything but a regular file refused;
 * - a huge file would be read whole into memory, so there is a size limit;
 * - json-glib parses recursively, without a limit, and a few hundred
 *   thousand “[” overflow the stack, so JSON is scanned for its nesting depth
 *   before it is handed over. */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
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

/**
 * guide_input_read_file:
 * @path: a file from outside the application
 * @max_size: the most bytes it may hold
 * @contents: (out): where its contents go, NUL-terminated
 * @length: (out): where their length goes
 * @error: a location for a #GError
 *
 * Reads @path whole, never blocking on it: a FIFO, a device or a socket is
 * refused, as is a file larger than @max_size.
 *
 * Returns: %TRUE if @path was read
 */
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
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

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
  for (;;)
    {
      gssize n = read (fd, data + size, max_size + 1 - size);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }

      if (n == 0)
        break;

      size += n;
      if (size > max_size)
        {
          close (fd);
          return too_large (max_size, error);
        }
    }
  close (fd);

  data[size] = '\0';
  *contents = g_realloc (g_steal_pointer (&data), size + 1);
  *length = size;
  return TRUE;
}

/**
 * guide_input_check_json:
 * @data: JSON text, not necessarily valid
 * @length: its length
 * @error: a location for a #GError
 *
 * Checks, in one pass and with no recursion, that the arrays and objects of
 * @data are nested at most %GUIDE_INPUT_MAX_JSON_DEPTH deep, which json-glib
 * can then parse safely. Everything else is left to json-glib.
 *
 * Brackets are not counted in what json-glib's scanner may skip: strings in
 * double or single quotes, and comments. Where json-glib would not skip such
 * a part, it stops there with a syntax error, before any deeper nesting.
 *
 * Returns: %TRUE if @data is not nested too deeply
 */
gboolean
guide_input_check_json (const char  *data,
                        gsize        length,
                        GError     **error)
{
  guint depth = 0;
  gsize i = 0;

  while (i < length)
    {
      char c = data[i++];

      if (c == '"' || c == '\'')
        {
          while (i < length && data[i] != c)
            i += data[i] == '\\' && c == '"' ? 2 : 1;
          i++;
        }
      else if (c == '/' && i < length && data[i] == '*')
        {
          for (i += 2; i < length && !(data[i - 1] == '*' && data[i] == '/'); i++)
            ;
          i++;
        }
      else if (c == '#' || (c == '/' && i < length && data[i] == '/'))
        {
          while (i < length && data[i] != '\n')
            i++;
        }
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

  return TRUE;
}

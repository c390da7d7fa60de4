/* fuzz-site.c
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

/* Any bytes as the site file, read from disk as the app reads it. */

#include "guide-site.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path;
  g_autoptr(GuideSite) site = NULL;

  if (path == NULL)
    {
      g_autofree char *folder = g_dir_make_tmp ("cpms-guide-fuzz-site-XXXXXX", NULL);

      path = g_build_filename (folder, "site.conf", NULL);
      g_setenv ("CPMS_GUIDE_SITE_CONFIG", path, TRUE);
    }

  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  site = guide_site_new ();
  g_assert_nonnull (guide_site_get_problems (site));

  return 0;
}

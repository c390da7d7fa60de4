/* kill-saver.c
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

/* For test-kill: marks steps “kill.000000”, “kill.000001”… done in the
 * progress file given, one save each, and acknowledges each save on
 * standard output once it returned, until it is killed. It starts after
 * the last step a previous run saved. */

#include <stdio.h>

#include "guide-progress.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = g_file_new_for_path (argv[1]);
  g_autoptr(GuideProgress) progress = guide_progress_new (file);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!guide_progress_load (progress, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("kill.%06u", n);

      if (!guide_progress_is_done (progress, id))
        break;
    }

  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("kill.%06u", n);

      if (!guide_progress_set_done (progress, id, TRUE, &error))
        {
          g_printerr ("%s\n", error->message);
          return 4;
        }

      printf ("%u\n", n);
      fflush (stdout);
    }
}

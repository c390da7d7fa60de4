/* first-frame.h: what each program built by build-aux/bench prints at its
 * first frame, as the app's own measurements do (src/guide-benchmark.c):
 * when, on the monotonic clock the bench started the process by, and the
 * process's memory then, as the kernel sums it up.
 *
 * Copyright 2026 The CPMS Access Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline void
print_first_frame (void)
{
  g_autofree char *memory = NULL;

  g_print ("first_frame_clock_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (g_file_get_contents ("/proc/self/smaps_rollup", &memory, NULL, NULL))
    g_print ("%s", memory);
}

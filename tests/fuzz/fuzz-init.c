/* fuzz-init.c
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

/* What every harness shares: a warning or a critical from GLib or
 * json-glib is a failure as much as a crash (the issue was criticals logged
 * for a wrong type), and no harness reads the machine's own site data. */

#include "fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *empty = g_dir_make_tmp ("cpms-guide-fuzz-XXXXXX", NULL);

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("XDG_DATA_DIRS", empty, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", empty, TRUE);
  g_setenv ("G_DEBUG", "fatal-warnings", TRUE);

  return 0;
}

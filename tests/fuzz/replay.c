/* replay.c
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

/* Feeds every file of the folders given through a harness's entry point,
 * as libFuzzer would, without libFuzzer: the seed corpora and every crash
 * input ever found stay tests of the ordinary suite, with any compiler. */

#include "fuzz.h"

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  LLVMFuzzerInitialize (&argc, &argv);

  g_print ("TAP version 13\n");
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          g_autoptr(GError) error = NULL;
          gsize length;

          if (!g_file_get_contents (path, &contents, &length, &error))
            g_error ("%s", error->message);

          /* A crash or a critical aborts here, naming the input. */
          g_print ("# %s\n", path);
          LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
          g_print ("ok %u %s\n", ++n_inputs, name);
        }
    }

  g_print ("1..%u\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}

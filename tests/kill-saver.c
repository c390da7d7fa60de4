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
 * standard output once it was written, until it is killed. It starts after
 * the last step a previous run saved. */

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "guide-progress.h"

/* After the last step the file holds: it keeps only the newest thousand. */
static guint
next_step (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *done;
  guint next = 0;

  if (!json_parser_load_from_file (parser, path, NULL))
    return 0;

  done = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "done");
  members = json_object_get_members (done);
  for (const GList *l = members; l != NULL; l = l->next)
    if (g_str_has_prefix (l->data, "kill."))
      next = MAX (next, (guint) atoi ((const char *) l->data + strlen ("kill.")) + 1);

  return next;
}

static void
saved_cb (GuideProgress *progress,
          const GError  *error,
          gboolean      *failed)
{
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      *failed = TRUE;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = g_file_new_for_path (argv[1]);
  g_autoptr(GuideProgress) progress = guide_progress_new (file);
  g_autoptr(GError) error = NULL;
  gboolean failed = FALSE;
  guint n = 0;

  if (!guide_progress_load (progress, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  n = next_step (argv[1]);
  g_signal_connect (progress, "saved", G_CALLBACK (saved_cb), &failed);

  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("kill.%06u", n);

      /* Saved as the app saves, in a worker thread, reported when done. */
      guide_progress_set_done (progress, id, TRUE);
      while (guide_progress_get_saving (progress))
        g_main_context_iteration (NULL, TRUE);
      if (failed)
        return 4;

      printf ("%u\n", n);
      fflush (stdout);
    }
}

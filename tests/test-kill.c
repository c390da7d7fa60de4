/* test-kill.c
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

/* A program that saves progress in a loop (kill-saver) is killed with
 * SIGKILL at random moments, 200 times: the file must always be valid, and
 * hold every save that was acknowledged. Then the temporary files the kills
 * left are removed once old. */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <utime.h>

#include "guide-progress.h"
#include "guide-test-utils.h"

#define N_KILLS 200

/* Runs kill-saver and kills it once it saves in a loop, at a random moment
 * of a save or between two. Returns the highest step number acknowledged. */
static int
run_and_kill (const char *saver,
              const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *last = NULL;
  char *line;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, saver, path, NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  last = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (last);

  g_usleep (g_random_int_range (0, 15000));
  g_subprocess_send_signal (process, SIGKILL);

  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
    {
      g_free (last);
      last = line;
    }
  g_assert_no_error (error);

  /* Killed, never stopped by an error of its own. */
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (process));

  return atoi (last);
}

static void
assert_holds (const char *path,
              int         acknowledged)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *done;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  done = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "done");
  g_assert_nonnull (done);

  /* Every acknowledged save, of the newest thousand the file keeps. */
  for (int i = MAX (0, acknowledged - 999); i <= acknowledged; i++)
    {
      g_autofree char *id = g_strdup_printf ("kill.%06d", i);

      g_assert_true (json_object_has_member (done, id));
    }
}

static guint
count_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "progress.json.broken-"));
      if (g_str_has_prefix (name, "progress.json.") && strlen (name) == strlen ("progress.json.XXXXXX"))
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          struct utimbuf old = { .actime = time (NULL) - 3600, .modtime = time (NULL) - 3600 };

          /* As if they were left an hour ago. */
          g_assert_cmpint (g_utime (path, &old), ==, 0);
          n++;
        }
    }

  return n;
}

static void
test_kill (void)
{
  g_autofree char *saver = g_test_build_filename (G_TEST_BUILT, "kill-saver", NULL);
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GuideProgress) progress = guide_progress_new (file);
  int acknowledged = -1;

  for (guint i = 0; i < N_KILLS; i++)
    {
      int last = run_and_kill (saver, path);

      g_assert_cmpint (last, >, acknowledged);
      acknowledged = last;
      assert_holds (path, acknowledged);
    }

  g_test_message ("%u kills; %d saves acknowledged, all kept; %u temporary files left",
                  N_KILLS, acknowledged + 1, count_temporaries (folder));

  /* The next start removes what the kills left. */
  g_assert_true (guide_progress_load (progress, NULL));
  g_assert_cmpuint (count_temporaries (folder), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/guide/progress/kill", test_kill);

  return g_test_run ();
}

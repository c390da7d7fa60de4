/* guide-benchmark.c
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

/* What build-aux/bench measures inside the app, chosen with the
 * CPMS_GUIDE_BENCHMARK environment variable:
 *
 * - first-frame: quit as soon as the window's first frame is painted;
 * - visit: show every stage, each painted once, then quit;
 * - switch: switch the language 50 times, each timed to the next frame;
 * - save: mark a step done or not 200 times, each saved with fsync, in a
 *   temporary progress file that named 100,000 steps no guide has.
 *
 * It is built only with -Dbenchmark=true: never in a release or the Flatpak.
 *
 * Timings are printed on standard output as “name value unit” lines. */

#include <glib/gstdio.h>
#include <time.h>
#include <unistd.h>

#include "guide-progress.h"
#include "guide-benchmark.h"

#define N_SWITCHES 50
#define N_SAVES 200
#define N_UNKNOWN_STEPS 100000

typedef struct
{
  GtkWindow *window;
  char      *mode;
  guint      count;
  gint64     started;
  GArray    *times;
  gulong     handler;
} Benchmark;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The CPU time of this thread, in microseconds. */
static gint64
thread_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

static void
finish (Benchmark *benchmark)
{
  GtkApplication *application = gtk_window_get_application (benchmark->window);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (benchmark->window)), benchmark->handler);
  g_array_unref (benchmark->times);
  g_free (benchmark->mode);
  g_free (benchmark);

  g_application_quit (G_APPLICATION (application));
}

static void
switch_language (Benchmark *benchmark)
{
  GtkApplication *application = gtk_window_get_application (benchmark->window);

  benchmark->started = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (application), "language",
                                  g_variant_new_string (benchmark->count % 2 == 0 ? "it" : "fr"));
  gtk_widget_queue_draw (GTK_WIDGET (benchmark->window));
}

static void
after_paint_cb (GdkFrameClock *clock,
                Benchmark     *benchmark)
{
  if (g_str_equal (benchmark->mode, "visit"))
    {
      /* Four stages, each painted once. */
      if (++benchmark->count < 4)
        gtk_widget_activate_action (GTK_WIDGET (benchmark->window), "win.next-stage", NULL);
      else
        finish (benchmark);
      return;
    }

  if (g_str_equal (benchmark->mode, "switch"))
    {
      if (benchmark->started != 0)
        {
          double ms = (g_get_monotonic_time () - benchmark->started) / 1000.0;

          g_array_append_val (benchmark->times, ms);
        }

      if (benchmark->count++ < N_SWITCHES)
        switch_language (benchmark);
      else
        {
          g_print ("language_switch %.3f ms\n", median (benchmark->times));
          finish (benchmark);
        }
      return;
    }

  finish (benchmark);
}

/* Saves, each with fsync, of a temporary progress file as large as a file
 * may make it: never the user's own. */
static void
measure_saves (void)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) text = g_string_new ("{ \"version\": 2, \"done\": {");
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "benchmark-XXXXXX.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GuideProgress) progress = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  /* In the user's cache: the app writes nowhere else than the user's own
   * folders, even when measured. */
  g_mkdir_with_parents (folder, 0700);
  fd = g_mkstemp (path);
  g_return_if_fail (fd >= 0);
  close (fd);
  file = g_file_new_for_path (path);

  /* 100,000 steps no guide has: the file keeps the newest thousand. */
  for (guint i = 0; i < N_UNKNOWN_STEPS; i++)
    g_string_append_printf (text, "%s \"unknown.step-%u\": \"2026-01-01T00:00:00Z\"", i > 0 ? "," : "", i);
  g_string_append (text, " } }");
  g_file_set_contents (path, text->str, text->len, NULL);

  progress = guide_progress_new (file);
  guide_progress_load (progress, NULL);
  for (guint i = 0; i < N_SAVES; i++)
    {
      gint64 started = thread_time ();
      double ms;

      /* The main thread's own work: the tick, and taking what to write; the
       * writing is a worker thread's, while this one waits for events. */
      guide_progress_set_done (progress, "eu-login.open-register", i % 2 == 0);
      while (guide_progress_get_saving (progress))
        g_main_context_iteration (NULL, TRUE);
      ms = (thread_time () - started) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_print ("save_main_thread %.3f ms\n", median (times));
  g_file_delete (file, NULL, NULL);
}

/**
 * guide_benchmark_start:
 * @window: the main window, just presented
 *
 * Returns: whether a benchmark was asked for, and started
 */
gboolean
guide_benchmark_start (GtkWindow *window)
{
  const char *mode = g_getenv ("CPMS_GUIDE_BENCHMARK");
  Benchmark *benchmark;

  if (mode == NULL || *mode == '\0')
    return FALSE;

  if (g_str_equal (mode, "save"))
    {
      measure_saves ();
      g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
      return TRUE;
    }

  benchmark = g_new0 (Benchmark, 1);
  benchmark->window = window;
  benchmark->mode = g_strdup (mode);
  benchmark->times = g_array_new (FALSE, FALSE, sizeof (double));

  /* The frame clock exists once the window is realized, which presenting it
   * has done. */
  benchmark->handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                                         G_CALLBACK (after_paint_cb), benchmark);
  return TRUE;
}

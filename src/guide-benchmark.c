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
 * - save: mark a step done or not 200 times, each saved with fsync.
 *
 * Timings are printed on standard output as “name value unit” lines. */

#include "guide-application.h"
#include "guide-benchmark.h"

#define N_SWITCHES 50
#define N_SAVES 200

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

static void
measure_saves (GtkWindow *window)
{
  GuideApplication *application = GUIDE_APPLICATION (gtk_window_get_application (window));
  GuideProgress *progress = guide_application_get_progress (application);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_SAVES; i++)
    {
      gint64 started = g_get_monotonic_time ();
      double ms;

      guide_progress_set_done (progress, "eu-login.open-register", i % 2 == 0, NULL);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_print ("save %.3f ms\n", median (times));
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
      measure_saves (window);
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

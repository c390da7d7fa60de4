/* cpms-guide-bench.c
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

/* The app as build-aux/bench measures it: the same application, with
 * measurements on the first window it shows, chosen with the
 * CPMS_GUIDE_BENCHMARK environment variable (without it, it is the app):
 *
 * - first-frame: at the window's first painted frame, print when it was
 *   painted and how much memory the process holds, then quit;
 * - visit: show every stage, each painted once, print the memory held
 *   after the last, then quit;
 * - switch: switch the language (Italian, English, French, in turn) on the
 *   stage shown, each switch timed from the call to the end of the first
 *   frame painted after it;
 * - save: tick the stage's first step, done and not done in turn, each
 *   tick timed in the main thread's own CPU time: the click's handlers and
 *   the snapshot the save takes (see tick()). The app must have been
 *   started with --progress-file naming a file made for the measurement:
 *   the user's own progress is never ticked.
 *
 * Switches and ticks each start once the window has painted a frame and
 * then none for QUIET_MS: a frame is never pending, and one started right
 * after another would wait for its frame slot, a wait that is no work of
 * the app's. CPMS_GUIDE_BENCHMARK_REPEAT sets how many (default 50).
 *
 * It is built only with -Dbenchmark=true, and never installed.
 *
 * Timings are printed on standard output as “name value unit” lines; the
 * memory as the kernel's own summary, /proc/self/smaps_rollup. */

#include <locale.h>
#include <time.h>

#include "guide-application.h"
#include "guide-i18n.h"
#include "guide-step-row.h"

#define DEFAULT_REPEAT 50
#define QUIET_MS 50
#define N_STAGES_VISITED 4

typedef enum
{
  MODE_FIRST_FRAME,
  MODE_VISIT,
  MODE_SWITCH,
  MODE_SAVE,
} Mode;

typedef struct
{
  GtkWindow     *window;
  GuideProgress *progress;
  GdkFrameClock *clock;
  Mode           mode;
  guint          repeat;
  guint          count;
  gint64         started;
  gboolean       painted;
  GArray        *times;
  gulong         paint_handler;
  gulong         after_paint_handler;
  guint          quiet_id;
} Benchmark;

/* The CPU time of this thread, in microseconds. */
static gint64
thread_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Prints the median and the largest of the times measured. */
static void
print_times (Benchmark  *benchmark,
             const char *name)
{
  GArray *times = benchmark->times;

  if (times->len == 0)
    return;

  g_array_sort (times, compare_doubles);
  g_print ("%s %.3f ms\n", name, g_array_index (times, double, times->len / 2));
  g_print ("%s_max %.3f ms\n", name, g_array_index (times, double, times->len - 1));
}

static void
print_memory (void)
{
  g_autofree char *summary = NULL;

  if (g_file_get_contents ("/proc/self/smaps_rollup", &summary, NULL, NULL))
    g_print ("%s", summary);
}

static void
finish (Benchmark *benchmark)
{
  GtkApplication *application = gtk_window_get_application (benchmark->window);

  g_clear_handle_id (&benchmark->quiet_id, g_source_remove);
  g_clear_signal_handler (&benchmark->paint_handler, benchmark->clock);
  g_clear_signal_handler (&benchmark->after_paint_handler, benchmark->clock);
  g_array_unref (benchmark->times);
  g_free (benchmark);

  g_application_quit (G_APPLICATION (application));
}

/* The next of the guide's languages, never the one shown: switching to it
 * would be a switch that does nothing. */
static const char *
next_language (void)
{
  static const char * const languages[] = { "it", "en", "fr" };
  const char *current = guide_i18n_get_language ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (current, languages[i]) == 0)
      return languages[(i + 1) % G_N_ELEMENTS (languages)];

  return languages[0];
}

static void
switch_language (Benchmark *benchmark)
{
  GtkApplication *application = gtk_window_get_application (benchmark->window);

  benchmark->painted = FALSE;
  benchmark->started = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (application), "language",
                                  g_variant_new_string (next_language ()));
  /* A frame, even if nothing had changed: the measurement never waits for
   * one that would not come. */
  gtk_widget_queue_draw (GTK_WIDGET (benchmark->window));
}

/* The check box of the first step that can be ticked, below @widget. */
static GtkCheckButton *
find_step_check (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_widget_is_visible (widget) && gtk_widget_is_sensitive (widget) &&
      gtk_widget_get_ancestor (widget, GUIDE_TYPE_STEP_ROW) != NULL)
    return GTK_CHECK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check = find_step_check (child);

      if (check != NULL)
        return check;
    }

  return NULL;
}

/* What a tick costs the main thread: its handlers, and the snapshot of the
 * progress that the save takes once the main loop is idle. The frame that
 * shows the tick is the window's, and the writing and fsync a worker
 * thread's, while the main one answers. */
static gboolean
tick (Benchmark *benchmark)
{
  GtkCheckButton *check = find_step_check (GTK_WIDGET (benchmark->window));
  g_autofree char *snapshot = NULL;
  gint64 started;
  double ms;

  if (check == NULL)
    {
      g_printerr ("benchmark: the window shows no step to tick\n");
      return FALSE;
    }

  started = thread_time ();
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
  snapshot = guide_progress_to_json (benchmark->progress);
  ms = (thread_time () - started) / 1000.0;
  g_array_append_val (benchmark->times, ms);
  gtk_widget_queue_draw (GTK_WIDGET (benchmark->window));

  return TRUE;
}

static gboolean
quiet_cb (gpointer user_data)
{
  Benchmark *benchmark = user_data;

  benchmark->quiet_id = 0;

  if (benchmark->count++ == benchmark->repeat)
    {
      print_times (benchmark, benchmark->mode == MODE_SWITCH ? "language_switch" : "save_main_thread");
      finish (benchmark);
    }
  else if (benchmark->mode == MODE_SWITCH)
    switch_language (benchmark);
  else if (!tick (benchmark))
    finish (benchmark);

  return G_SOURCE_REMOVE;
}

static void
paint_cb (GdkFrameClock *clock,
          Benchmark     *benchmark)
{
  benchmark->painted = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Benchmark     *benchmark)
{
  /* A frame that only updated or laid out shows nothing new yet. */
  if (!benchmark->painted)
    return;

  switch (benchmark->mode)
    {
    case MODE_FIRST_FRAME:
      /* On the clock build-aux/bench started the process by. */
      g_print ("first_frame_clock_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      print_memory ();
      finish (benchmark);
      return;

    case MODE_VISIT:
      if (++benchmark->count < N_STAGES_VISITED)
        {
          benchmark->painted = FALSE;
          gtk_widget_activate_action (GTK_WIDGET (benchmark->window), "win.next-stage", NULL);
        }
      else
        {
          print_memory ();
          finish (benchmark);
        }
      return;

    case MODE_SWITCH:
    case MODE_SAVE:
      if (benchmark->started != 0)
        {
          double ms = (g_get_monotonic_time () - benchmark->started) / 1000.0;

          g_array_append_val (benchmark->times, ms);
          benchmark->started = 0;
        }

      /* Anything painting still, such as a picture drawn after a frame or a
       * notification sliding in, puts the next measurement off. */
      g_clear_handle_id (&benchmark->quiet_id, g_source_remove);
      benchmark->quiet_id = g_timeout_add (QUIET_MS, quiet_cb, benchmark);
      return;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_mode (const char *name,
            Mode       *mode)
{
  static const char * const names[] = { "first-frame", "visit", "switch", "save" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      {
        *mode = (Mode) i;
        return TRUE;
      }

  return FALSE;
}

/* Ticks go to the progress file the app was started with: only one named
 * with --progress-file, which the user's own never is. */
static gboolean
ticks_allowed (GuideProgress *progress)
{
  g_autoptr(GFile) own = guide_progress_get_default_file ();
  GFile *file = guide_progress_get_file (progress);

  return file != NULL && !g_file_equal (file, own);
}

/* Starts the measurement asked for on @window, the first window the
 * application shows, once it is mapped: its frame clock exists then. */
static void
start (GtkWindow *window)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (window));
  GuideProgress *progress = guide_application_get_progress (GUIDE_APPLICATION (application));
  const char *name = g_getenv ("CPMS_GUIDE_BENCHMARK");
  const char *repeat = g_getenv ("CPMS_GUIDE_BENCHMARK_REPEAT");
  Benchmark *benchmark;
  Mode mode;

  if (!parse_mode (name, &mode))
    {
      g_printerr ("benchmark: “%s” is not first-frame, visit, switch or save\n", name);
      g_application_quit (application);
      return;
    }

  if (mode == MODE_SAVE && !ticks_allowed (progress))
    {
      g_printerr ("benchmark: save ticks steps only in a file named with --progress-file, never in the user's own\n");
      g_application_quit (application);
      return;
    }

  benchmark = g_new0 (Benchmark, 1);
  benchmark->window = window;
  benchmark->progress = progress;
  benchmark->mode = mode;
  benchmark->repeat = repeat != NULL ? (guint) g_ascii_strtoull (repeat, NULL, 10) : DEFAULT_REPEAT;
  benchmark->times = g_array_new (FALSE, FALSE, sizeof (double));

  benchmark->clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  benchmark->paint_handler = g_signal_connect (benchmark->clock, "paint", G_CALLBACK (paint_cb), benchmark);
  benchmark->after_paint_handler = g_signal_connect (benchmark->clock, "after-paint",
                                                     G_CALLBACK (after_paint_cb), benchmark);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (application, window_added_cb, NULL);
  g_signal_connect_after (window, "map", G_CALLBACK (start), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GuideApplication) application = NULL;
  const char *name = g_getenv ("CPMS_GUIDE_BENCHMARK");

  setlocale (LC_ALL, "");

  application = guide_application_new ();
  if (name != NULL && *name != '\0')
    g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}

/* guide-test-utils.c
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

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "guide-window.h"

#include "guide-test-utils.h"

#define TIMEOUT_SECONDS 10

/**
 * guide_test_init:
 *
 * Starts a test program of the interface: the process locale, each test's own
 * XDG folders, and GTK.
 */
void
guide_test_init (int    *argc,
                 char ***argv)
{
  setlocale (LC_ALL, "");
  /* Each test's own data folders have no MIME database, which GTK needs to
   * load its own SVG icons (the shortcuts window's): it is read once, here,
   * from the system's, before the folders are replaced. */
  g_free (g_content_type_guess ("icon.svg", (const guchar *) "<svg", 4, NULL));
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
}

/**
 * guide_test_start_application:
 * @settings: (nullable): the settings to use, or %NULL for the default ones
 * @window: (out): where the main window goes
 *
 * Starts the application as a user would, and waits for its window.
 *
 * Returns: (transfer full): the application
 */
GuideApplication *
guide_test_start_application (GSettings  *settings,
                              GtkWidget **window)
{
  static guint n_started;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  GuideApplication *application;

  /* Each start is a new process as far as the user is concerned; on the
   * test's one D-Bus connection it needs a path of its own. */
  id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++n_started);
  application = g_object_new (GUIDE_TYPE_APPLICATION,
                              "application-id", id,
                              "flags", G_APPLICATION_NON_UNIQUE,
                              "resource-base-path", RESOURCE_BASE,
                              "settings", settings,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));

  *window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  g_assert_true (GUIDE_IS_WINDOW (*window));
  guide_test_wait_until_mapped (*window);

  return application;
}

char *
guide_test_progress_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cpms-guide", "progress.json", NULL);
}

void
guide_test_write_file (const char *path,
                       const char *contents)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Registers a browser and mail client, through the user's mimeapps.list, that
 * only writes each address it is given to a log: what the app launches is
 * caught at the end of GIO's real launching path. Returns the log's path. */
char *
guide_test_install_fake_browser (const char * const *schemes)
{
  g_autofree char *log = g_build_filename (g_get_user_data_dir (), "launched.txt", NULL);
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "fake-browser", NULL);
  g_autofree char *desktop = g_build_filename (g_get_user_data_dir (), "applications", "fake-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", log);
  g_autoptr(GString) mime_types = g_string_new (NULL);
  g_autoptr(GString) defaults = g_string_new ("[Default Applications]\n");
  g_autofree char *desktop_text = NULL;

  for (guint i = 0; schemes[i] != NULL; i++)
    {
      g_string_append_printf (mime_types, "x-scheme-handler/%s;", schemes[i]);
      g_string_append_printf (defaults, "x-scheme-handler/%s=fake-browser.desktop\n", schemes[i]);
    }

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                                  "Exec=%s %%u\nMimeType=%s\n", script, mime_types->str);

  guide_test_write_file (script, script_text);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  guide_test_write_file (desktop, desktop_text);
  guide_test_write_file (mimeapps, defaults->str);

  return g_steal_pointer (&log);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits until @log holds @count addresses, and returns them. */
GPtrArray *
guide_test_wait_for_launches (const char *log,
                              guint       count)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  while (!timed_out)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (log, &contents, NULL, NULL))
        {
          g_auto(GStrv) split = g_strsplit (g_strchomp (contents), "\n", -1);

          if (g_strv_length (split) >= count)
            {
              for (guint i = 0; split[i] != NULL; i++)
                g_ptr_array_add (lines, g_strdup (split[i]));
              break;
            }
        }

      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }

  if (!timed_out)
    g_source_remove (source);

  return lines;
}

void
guide_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
guide_test_wait_until_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (source);
  guide_test_iterate ();
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

/* Every widget of @type below @root, in the order a reader meets them. */
GPtrArray *
guide_test_find_all (GtkWidget *root,
                     GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (root, type, found);
  return found;
}

GtkWidget *
guide_test_find_label (GtkWidget  *root,
                       const char *text)
{
  g_autoptr(GPtrArray) labels = guide_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);

  return NULL;
}

GtkWidget *
guide_test_find_by_css_class (GtkWidget  *root,
                              GType       type,
                              const char *css_class)
{
  g_autoptr(GPtrArray) widgets = guide_test_find_all (root, type);

  for (guint i = 0; i < widgets->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (widgets, i), css_class))
      return g_ptr_array_index (widgets, i);

  return NULL;
}

/* Waits until a label showing @text appears below @root. */
GtkWidget *
guide_test_wait_for_label (GtkWidget  *root,
                           const char *text)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);
  GtkWidget *label;

  while ((label = guide_test_find_label (root, text)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return label;
}

/* Waits until the X server can focus @xid, and focuses it. GTK counts a
 * window as mapped once it has asked for it; with a window manager, the
 * server shows it only after the manager has framed it, and focusing it
 * before then fails (BadMatch), more often on a busy machine. */
static void
focus_window (Window xid)
{
  g_autofree char *focus = g_strdup_printf ("xdotool windowfocus --sync %lu", xid);
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (g_find_program_in_path ("xdotool"));

  for (guint i = 0; i < TIMEOUT_SECONDS * 10; i++)
    {
      g_spawn_command_line_sync (focus, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      if (status == 0)
        break;
      g_usleep (G_USEC_PER_SEC / 10);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* Types keys into @window as a person would, through the X server (xdotool).
 * There is no window manager under Xvfb to give the focus to a new window,
 * so the window is focused first. */
void
guide_test_press_keys (GtkWidget  *window,
                       const char *keys)
{
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  g_autofree char *command = g_strdup_printf ("xdotool windowfocus --sync %lu key --delay 50 %s", xid, keys);
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  int status;

  focus_window (xid);

  g_spawn_command_line_sync (command, NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (status != 0)
    g_printerr ("%s: %s\n", command, errors);
  g_assert_cmpint (status, ==, 0);
}

/* Clicks at @x, @y of @widget with the first mouse button, as a person
 * would, through the X server. */
void
guide_test_click (GtkWidget *widget,
                  double     x,
                  double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (native));
  graphene_point_t point;
  double dx, dy;
  g_autofree char *command = NULL;
  int status;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  focus_window (xid);
  command = g_strdup_printf ("xdotool windowfocus --sync %lu mousemove --window %lu %d %d click 1",
                             xid, xid, (int) (point.x + dx), (int) (point.y + dy));
  g_spawn_command_line_sync (command, NULL, NULL, &status, NULL);
  g_assert_cmpint (status, ==, 0);
}

/* Waits until @condition holds, iterating the main loop; FALSE on timeout. */
gboolean
guide_test_wait_for (GuideTestCondition condition,
                     gpointer           data)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return !timed_out;
}

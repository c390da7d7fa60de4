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
#include <stdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guide-adw-compat.h"
#include "guide-input.h"
#include "guide-window.h"

#include "guide-test-utils.h"

#define TIMEOUT_SECONDS 10

/* The system's data folders, which each test's own come before. */
static char *system_data_dirs;

/**
 * guide_test_init_unit:
 *
 * Starts a test program that needs no display: each test's own XDG folders,
 * in front of the system's for the programs it starts.
 */
void
guide_test_init_unit (int    *argc,
                      char ***argv)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1, 1);
  g_autofree char *png = NULL;
  gsize size;

  system_data_dirs = g_strjoinv (":", (char **) g_get_system_data_dirs ());
  /* Each test's own data folders have no MIME database, which GTK needs to
   * load its own SVG icons (the shortcuts window's), and no glycin loaders,
   * through which gdk-pixbuf 2.44 reads and writes pictures: both are looked
   * up once in a process, so here, in the system's folders, before the
   * test's own come first. */
  g_free (g_content_type_guess ("icon.svg", (const guchar *) "<svg", 4, NULL));
  gdk_pixbuf_fill (pixbuf, 0);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &png, &size, "png", NULL, NULL));
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/**
 * guide_test_init:
 *
 * Starts a test program of the interface: the process locale,
 * guide_test_init_unit(), and GTK.
 */
/* Faults of the libraries' own that no app can avoid, written rather than
 * fatal:
 * - GTK 4.24's X11 backend warns "gdk_frame_timings_submitted() called on
 *   submitted frame" when it submits a frame's timings twice;
 * - libadwaita's alert dialog (1.5 and later) measures its one-line heading
 *   at the dialog's width even when the heading is wider, before it shows
 *   the heading that wraps instead, and GTK warns of that measure. */
static gboolean
is_libraries_fault (const char *domain,
                    const char *message)
{
  if (g_strcmp0 (domain, "Gdk") == 0 &&
      g_str_has_prefix (message, "gdk_frame_timings_submitted() called on submitted frame"))
    return TRUE;

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    gpointer label = NULL;

    if (g_strcmp0 (domain, "Gtk") == 0 &&
        sscanf (message, "Trying to measure GtkLabel %p for width of", &label) == 1 &&
        GTK_IS_LABEL (label) && gtk_widget_has_css_class (label, "title-2") &&
        gtk_widget_get_ancestor (label, ADW_TYPE_ALERT_DIALOG) != NULL)
      return TRUE;
  }
#endif

  return FALSE;
}

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  if (message != NULL && is_libraries_fault (domain, message))
    {
      g_printerr ("%s-WARNING (not fatal, the library's own): %s\n", domain, message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
guide_test_init (int    *argc,
                 char ***argv)
{
  setlocale (LC_ALL, "");
  g_log_set_writer_func (write_log, NULL, NULL);
  guide_test_init_unit (argc, argv);
  gtk_init ();
}

/**
 * guide_test_register_application:
 * @settings: (nullable): the settings to use, or %NULL for the default ones
 *
 * Starts the application as a process does, before it shows any window.
 *
 * Returns: (transfer full): the application
 */
GuideApplication *
guide_test_register_application (GSettings *settings)
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
                              "resource-base-path", NULL,
                              "settings", settings,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

/**
 * guide_test_start_application:
 * @settings: (nullable): the settings to use, or %NULL for the default ones
 * @window: (out): where the main window goes
 *
 * Starts the application as a user would, and waits for its window's
 * first frame, after which every step of the stage is shown.
 *
 * Returns: (transfer full): the application
 */
GuideApplication *
guide_test_start_application (GSettings  *settings,
                              GtkWidget **window)
{
  GuideApplication *application = guide_test_register_application (settings);

  g_application_activate (G_APPLICATION (application));

  *window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  g_assert_true (GUIDE_IS_WINDOW (*window));
  guide_test_wait_until_mapped (*window);
  guide_test_wait_for_frame (*window);

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

static guint32
png_crc (const guchar *data,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }

  return ~crc;
}

static void
append_png_chunk (GByteArray   *png,
                  const char   *type,
                  const guchar *data,
                  gsize         length)
{
  guint32 length_be = GUINT32_TO_BE (length);
  guint32 crc_be;
  guint start;

  g_byte_array_append (png, (const guint8 *) &length_be, 4);
  start = png->len;
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, length);
  crc_be = GUINT32_TO_BE (png_crc (png->data + start, png->len - start));
  g_byte_array_append (png, (const guint8 *) &crc_be, 4);
}

/**
 * guide_test_write_black_png:
 *
 * Writes a PNG of @width × @height black grey pixels, valid to its end, in
 * few bytes and no time whatever its size: one row is compressed on its own
 * and the same bytes stand for every row.
 */
void
guide_test_write_black_png (const char *path,
                            guint32     width,
                            guint32     height)
{
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 9));
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autofree guchar *row = g_malloc0 (width + 1);
  g_autofree guchar *block = g_malloc (width + 1024);
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar zlib_header[] = { 0x78, 0x01 };
  static const guchar last_block[] = { 0x01, 0x00, 0x00, 0xff, 0xff };
  g_autofree char *folder = g_path_get_dirname (path);
  guchar header[13] = { 0 };
  guint32 adler;
  gsize read = 0, written = 0;
  g_autoptr(GError) error = NULL;

  /* Each row is a filter byte and its pixels, all zero. */
  for (gsize done = 0, size = 0;; done += read, size += written)
    {
      GConverterResult result = g_converter_convert (compressor, row + done, width + 1 - done,
                                                     block + size, width + 1024 - size, G_CONVERTER_FLUSH,
                                                     &read, &written, &error);

      g_assert_no_error (error);
      if (result == G_CONVERTER_FLUSHED)
        {
          written += size;
          break;
        }
    }

  g_byte_array_append (idat, zlib_header, sizeof zlib_header);
  for (guint32 i = 0; i < height; i++)
    g_byte_array_append (idat, block, written);
  g_byte_array_append (idat, last_block, sizeof last_block);
  /* The Adler-32 checksum of nothing but zeros. */
  adler = GUINT32_TO_BE ((guint32) (((guint64) height * (width + 1)) % 65521) << 16 | 1);
  g_byte_array_append (idat, (const guint8 *) &adler, 4);

  /* Width, height, 8 bits of grey, no interlacing. */
  width = GUINT32_TO_BE (width);
  height = GUINT32_TO_BE (height);
  memcpy (header, &width, 4);
  memcpy (header + 4, &height, 4);
  header[8] = 8;
  g_byte_array_append (png, signature, sizeof signature);
  append_png_chunk (png, "IHDR", header, sizeof header);
  append_png_chunk (png, "IDAT", idat->data, idat->len);
  append_png_chunk (png, "IEND", NULL, 0);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, (const char *) png->data, png->len, &error);
  g_assert_no_error (error);
}

/**
 * guide_test_write_svg_that_fails_to_draw:
 *
 * Writes an SVG picture that reads, but whose drawing fails: it fills a
 * rectangle with a pattern whose tile, a million pixels wide, is larger than
 * any surface cairo can make.
 */
void
guide_test_write_svg_that_fails_to_draw (const char *path)
{
  guide_test_write_file (path,
                         "<svg xmlns='http://www.w3.org/2000/svg' width='960' height='600'>"
                         "<pattern id='p' width='1000000' height='1000000' patternUnits='userSpaceOnUse'>"
                         "<rect width='5' height='5'/></pattern>"
                         "<rect width='960' height='600' fill='url(#p)'/></svg>");
}

/* A process that begins reading @path, as the app does, and is killed
 * there: what a crash in json-glib would leave behind. */
void
guide_test_die_reading (const char *path)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      guide_input_begin_read (path);
      kill (getpid (), SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
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

/* Until what @progress was told is on disk: saves run in a worker thread. */
void
guide_test_wait_for_saves (GuideProgress *progress)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (guide_progress_get_saving (progress) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (source);
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

/* GTK calls a window mapped as soon as it asks the X server to show it;
 * until the server has, focusing it fails with BadMatch, before any key or
 * click is sent, so that trying again is safe. */
static void
run_xdotool (const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  int status = -1;

  g_assert_nonnull (xdotool);

  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_clear_pointer (&errors, g_free);
      g_spawn_command_line_sync (command, NULL, &errors, &status, &error);
      g_assert_no_error (error);
      if (status == 0 || errors == NULL || strstr (errors, "BadMatch") == NULL)
        break;
      guide_test_iterate ();
      g_usleep (100 * 1000);
    }

  if (status != 0)
    g_printerr ("%s: %s\n", command, errors);
  g_assert_cmpint (status, ==, 0);
}

/* Types keys into @window as a person would, through the X server (xdotool).
 * There is no window manager under Xvfb to give the focus to a new window,
 * so the window is focused first. */
void
guide_test_press_keys (GtkWidget  *window,
                       const char *keys)
{
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GString) sequence = g_string_new (NULL);
  g_autofree char *command = NULL;

  /* A key goes by the key that has it unshifted, as a keycode, its
   * modifiers by name: on newer keymaps (xkb-data 2.48) F5 and KP_Add are
   * on every level of their keys, and xdotool, given their names, holds Alt
   * to reach one, sending Alt+F5 or Ctrl+Alt+KP_Add. A keycode below 10
   * would read as a digit: those go by name. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *plus = strrchr (names[i], '+');
      const char *name = plus != NULL ? plus + 1 : names[i];
      guint keyval = gdk_keyval_from_name (name);
      g_autofree GdkKeymapKey *found = NULL;
      int n_found = 0;
      guint keycode = 0;

      if (keyval != GDK_KEY_VoidSymbol &&
          gdk_display_map_keyval (gtk_widget_get_display (window), keyval, &found, &n_found))
        for (int j = 0; j < n_found && keycode == 0; j++)
          if (found[j].group == 0 && found[j].level == 0 && found[j].keycode >= 10)
            keycode = found[j].keycode;

      g_string_append_printf (sequence, " %.*s", (int) (name - names[i]), names[i]);
      if (keycode != 0)
        g_string_append_printf (sequence, "%u", keycode);
      else
        g_string_append (sequence, name);
    }

  command = g_strdup_printf ("xdotool windowfocus --sync %lu key --clearmodifiers --delay 50%s", xid, sequence->str);
  run_xdotool (command);
}

/* Resizes @window as a person dragging its corner would, through the X
 * server. */
void
guide_test_resize (GtkWidget *window,
                   int        width,
                   int        height)
{
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  g_autofree char *command = g_strdup_printf ("xdotool windowsize --sync %lu %d %d", xid, width, height);

  run_xdotool (command);
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

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  command = g_strdup_printf ("xdotool windowfocus --sync %lu mousemove --window %lu %d %d click 1",
                             xid, xid, (int) (point.x + dx), (int) (point.y + dy));
  run_xdotool (command);
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

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* A condition for guide_test_wait_for(): that the gboolean at @data is set. */
gboolean
guide_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Until @widget's window has been laid out and painted again: on a loaded
 * machine, a frame can come after the main loop has nothing else to do. */
void
guide_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_resize (widget);
  g_assert_true (guide_test_wait_for (guide_test_is_true, &painted));
  g_signal_handler_disconnect (clock, handler);
  guide_test_iterate ();
}

/**
 * guide_test_read_expected:
 * @folder: a folder of test data under tests/data/
 *
 * Reads @folder's expected.txt: one line per file of the folder, its name,
 * a tab and the message the user is shown for it, with C escapes for the
 * control characters some of them show.
 *
 * Returns: (transfer full) (element-type utf8 utf8): file name to message
 */
GHashTable *
guide_test_read_expected (const char *folder)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, "expected.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tab = strchr (lines[i], '\t');

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      g_assert_nonnull (tab);
      g_hash_table_insert (expected, g_strndup (lines[i], tab - lines[i]), g_strcompress (tab + 1));
    }

  return expected;
}

/**
 * guide_test_find_toplevel:
 * @type: a type of window
 *
 * Returns: (transfer none) (nullable): the first toplevel window of @type
 */
GtkWindow *
guide_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

/* A dialog of @type: a window of its own before libadwaita 1.5, a widget
 * in the window it belongs to since. */
GtkWidget *
guide_test_find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GPtrArray) found = guide_test_find_all (window, type);

      if (found->len > 0)
        return g_ptr_array_index (found, 0);
    }

  return NULL;
}

static gboolean
is_address_word (const char *word,
                 gsize       length)
{
  return g_strstr_len (word, length, "://") != NULL || memchr (word, '@', length) != NULL;
}

/**
 * guide_test_assert_layout_address_breaks:
 * @layout: a layout that wraps, which this changes
 * @where: what shows it, for the message
 *
 * Lays out @layout's text, with its attributes and wrap mode, at every width
 * from very narrow to wide, and fails when a line starts inside an address
 * anywhere but after a "/", a "." or an "@".
 */
void
guide_test_assert_layout_address_breaks (PangoLayout *layout,
                                         const char  *where)
{
  const char *text = pango_layout_get_text (layout);

  for (int width = 30; width <= 900; width += 10)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);

      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          int start = ((PangoLayoutLine *) l->data)->start_index;
          int word = start, word_end = start;

          if (start == 0 || g_ascii_isspace (text[start - 1]) || g_ascii_isspace (text[start]))
            continue;

          while (word > 0 && !g_ascii_isspace (text[word - 1]))
            word--;
          while (text[word_end] != '\0' && !g_ascii_isspace (text[word_end]))
            word_end++;

          if (is_address_word (text + word, word_end - word) && strchr ("/.@", text[start - 1]) == NULL)
            g_error ("“%.*s” cut after “%.*s” at %d pixels, in %s: “%s”",
                     word_end - word, text + word, start - word, text + word, width, where, text);
        }
    }
}

/**
 * guide_test_assert_address_breaks:
 * @label: a label that wraps
 *
 * guide_test_assert_layout_address_breaks() for @label's text.
 */
void
guide_test_assert_address_breaks (GtkLabel *label)
{
  g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (label));
  g_autofree char *where = g_strdup_printf ("a label of a %s with%s attributes",
                                            parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing",
                                            gtk_label_get_attributes (label) != NULL ? "" : "out");

  g_assert_true (gtk_label_get_wrap (label));
  guide_test_assert_layout_address_breaks (layout, where);
}

/**
 * guide_test_assert_all_address_breaks:
 * @root: a widget
 *
 * Returns: how many labels under @root show an address, each of which
 *   passed guide_test_assert_address_breaks()
 */
guint
guide_test_assert_all_address_breaks (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = guide_test_find_all (root, GTK_TYPE_LABEL);
  guint n_checked = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_label (label);

      if (!gtk_label_get_wrap (label) || !is_address_word (text, strlen (text)))
        continue;

      guide_test_assert_address_breaks (label);
      n_checked++;
    }

  return n_checked;
}

void
guide_test_run_clear (GuideTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

/**
 * guide_test_launcher_new:
 *
 * Returns: (transfer full): a launcher for a program that must use the
 *   test's own folders, which GLib keeps in the test process only
 */
GSubprocessLauncher *
guide_test_launcher_new (void)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                             G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *config_dirs = g_strjoinv (":", (char **) g_get_system_config_dirs ());
  g_autofree char *test_data_dirs = g_strjoinv (":", (char **) g_get_system_data_dirs ());
  /* Extended, never replaced: the system's folders hold what the libraries
   * look up there (glycin's loaders, the MIME database, icons). */
  g_autofree char *data_dirs = system_data_dirs != NULL ? g_strjoin (":", test_data_dirs, system_data_dirs, NULL)
                                                        : g_strdup (test_data_dirs);

  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_DIRS", config_dirs, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", data_dirs, TRUE);

  return launcher;
}

/**
 * guide_test_run_spawn:
 * @result: where what the program printed and its exit status go
 *
 * Runs @argv with @launcher to its end.
 */
void
guide_test_run_spawn (GuideTestRun        *result,
                      GSubprocessLauncher *launcher,
                      const char * const  *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("%s did not exit: %s", argv[0], result->err);
  result->status = g_subprocess_get_exit_status (process);
}

/* test-slides.c
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

/* Every slide of the presentation, in French and in Italian, on the screen
 * this program runs on (test-slides.sh runs it on a projector's usual
 * sizes): the window is never larger than the screen, everything on a slide
 * is entirely on it, the type comes from the screen, each QR code is large
 * enough, and, when asked for, a screenshot of the whole screen decodes to
 * exactly the slide's addresses, as a phone in the room would read them. */

#include <glib/gstdio.h>

#include "guide-application.h"
#include "guide-presentation.h"
#include "guide-qr-code.h"
#include "guide-test-utils.h"
#include "guide-window.h"

typedef struct
{
  GtkWidget *presentation;
  guint      n_paints;
  int        width;
  int        height;
  gboolean   screenshots;
  guint      n_smaller;
  guint      n_codes;
} Run;

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  run->n_paints++;
}

static gboolean
painted (gpointer data)
{
  Run *run = data;

  return run->n_paints > 0;
}

/* Waits for the slide just asked for to be laid out and painted, then for
 * one more frame, in which any change of size it caused is painted too. */
static void
wait_painted (Run *run)
{
  for (guint i = 0; i < 2; i++)
    {
      run->n_paints = 0;
      gtk_widget_queue_draw (run->presentation);
      g_assert_true (guide_test_wait_for (painted, run));
    }
}

static const char *
label_text (Run        *run,
            const char *css_class)
{
  return gtk_label_get_label (GTK_LABEL (guide_test_find_by_css_class (run->presentation, GTK_TYPE_LABEL, css_class)));
}

static double
font_pixels (GtkWidget *widget)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size : size * 96 / 72;
}

/* How many steps the slide's type went down, 0 for none. */
static guint
smaller_type (GtkWidget *presentation)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (presentation);

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], "smaller-"))
      return atoi (classes[i] + strlen ("smaller-"));

  return 0;
}

/* Fails when @widget is not entirely on the screen, or, for a label, when
 * its text is taller than the label. */
static void
assert_on_screen (Run       *run,
                  GtkWidget *widget,
                  const char *slide)
{
  graphene_rect_t bounds;
  double x, y;
  int height = 0;

  /* In the surface's coordinates: without a compositor, GTK draws a thin
   * frame of its own inside the surface. */
  g_assert_true (gtk_widget_compute_bounds (widget, run->presentation, &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (run->presentation), &x, &y);
  bounds.origin.x += x;
  bounds.origin.y += y;
  if (bounds.origin.x < 0 || bounds.origin.y < 0 ||
      bounds.origin.x + bounds.size.width > run->width + 0.5 ||
      bounds.origin.y + bounds.size.height > run->height + 0.5)
    g_error ("%s: a %s at %g,%g %g×%g is not entirely on the %d×%d screen", slide,
             G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.origin.y,
             bounds.size.width, bounds.size.height, run->width, run->height);

  /* What a label draws is its layout at the width it was given. */
  if (GTK_IS_LABEL (widget))
    pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (widget)), NULL, &height);
  if (gtk_widget_get_height (widget) < height)
    g_error ("%s: a %s (%s) is cut: %d pixels high for %d", slide, G_OBJECT_TYPE_NAME (widget),
             GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "",
             gtk_widget_get_height (widget), height);
}

static GPtrArray *
mapped (GtkWidget *root,
        GType      type)
{
  GPtrArray *widgets = guide_test_find_all (root, type);

  for (guint i = widgets->len; i > 0; i--)
    if (!gtk_widget_get_mapped (g_ptr_array_index (widgets, i - 1)))
      g_ptr_array_remove_index (widgets, i - 1);

  return widgets;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The screen as a camera sees it, read by zbarimg: one line an address. */
static char *
decode_screen (Run        *run,
               const char *slide)
{
  g_autofree char *path = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *scan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *errors = NULL;
  char *output = NULL;
  int status;

  /* A file of its own: other test runs may share this computer. */
  g_close (g_file_open_tmp ("cpms-guide-slide-XXXXXX.png", &path, &error), &error);
  g_assert_no_error (error);
  shot = g_strdup_printf ("import -window root %s", path);
  scan = g_strdup_printf ("zbarimg --quiet --raw %s", path);

  g_spawn_command_line_sync (shot, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* zbarimg says on standard error that it found no D-Bus system bus. */
  g_spawn_command_line_sync (scan, &output, &errors, &status, &error);
  g_unlink (path);
  g_assert_no_error (error);

  lines = g_strsplit (g_strchomp (output), "\n", -1);
  g_free (output);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (sorted, lines[i]);
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);

  return g_strjoinv (" ", (char **) sorted->pdata);
}

static void
check_slide (Run *run)
{
  g_autofree char *slide = g_strdup_printf ("%d×%d, %s (%s)", run->width, run->height,
                                           label_text (run, "counter"), label_text (run, "where"));
  g_autoptr(GPtrArray) codes = mapped (run->presentation, GUIDE_TYPE_QR_CODE);
  g_autoptr(GPtrArray) labels = mapped (run->presentation, GTK_TYPE_LABEL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (run->presentation));
  int least_side = MIN (run->height / 4, 300);
  int minimum;

  /* Never a window larger than the screen, nor content that asks for it. */
  g_assert_cmpint (gdk_surface_get_width (surface), ==, run->width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, run->height);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (run->presentation)));
  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (run->presentation)), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (run->presentation), &minimum, NULL, NULL, NULL);
  if (minimum > gtk_widget_get_height (run->presentation))
    g_error ("%s: the slide needs %d pixels", slide, minimum);

  /* The type follows the screen, the same on every slide; the counter and
   * the hint are the same size on every slide. */
  g_assert_cmpfloat (font_pixels (run->presentation), ==, MAX (run->height / 38, 14));
  g_assert_cmpfloat (font_pixels (guide_test_find_by_css_class (run->presentation, GTK_TYPE_LABEL, "counter")), ==,
                     MAX (MAX (run->height / 38, 14) * 6 / 10, 10));
  /* Smaller type only for a slide that needs it: one that fills the screen
   * with it, not one that leaves most of the screen empty. */
  if (smaller_type (run->presentation) > 0)
    {
      int least_width;

      run->n_smaller++;
      gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (run->presentation)), GTK_ORIENTATION_HORIZONTAL, -1,
                          &least_width, NULL, NULL, NULL);
      if (minimum < gtk_widget_get_height (run->presentation) * 8 / 10 &&
          least_width < gtk_widget_get_width (run->presentation) * 8 / 10)
        g_error ("%s: type %u smaller, for a slide %d pixels high and %d wide", slide,
                 smaller_type (run->presentation), minimum, least_width);
    }

  for (guint i = 0; i < labels->len; i++)
    assert_on_screen (run, g_ptr_array_index (labels, i), slide);
  guide_test_assert_all_address_breaks (run->presentation);

  for (guint i = 0; i < codes->len; i++)
    {
      GtkWidget *code = g_ptr_array_index (codes, i);

      assert_on_screen (run, code, slide);
      if (MIN (gtk_widget_get_width (code), gtk_widget_get_height (code)) < least_side)
        g_error ("%s: a QR code of %d pixels, less than %d", slide, gtk_widget_get_width (code), least_side);
      g_ptr_array_add (texts, (char *) guide_qr_code_get_text (GUIDE_QR_CODE (code)));
    }
  run->n_codes += codes->len;

  if (run->screenshots && codes->len > 0)
    {
      g_autofree char *decoded = decode_screen (run, slide);
      g_autofree char *expected = NULL;

      g_ptr_array_sort (texts, compare_strings);
      g_ptr_array_add (texts, NULL);
      expected = g_strjoinv (" ", (char **) texts->pdata);
      if (g_strcmp0 (decoded, expected) != 0)
        g_error ("%s: the screen decodes to “%s”, expected “%s”", slide, decoded, expected);
    }
}

static gboolean
presentation_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  Run *run = data;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GUIDE_IS_PRESENTATION (window) && gtk_widget_get_mapped (window) &&
          gtk_window_is_fullscreen (GTK_WINDOW (window)))
        {
          run->presentation = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
fills_screen (gpointer data)
{
  Run *run = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (run->presentation));

  return gdk_surface_get_width (surface) == run->width && gdk_surface_get_height (surface) == run->height;
}

static gboolean
on_last_slide (Run *run)
{
  g_auto(GStrv) counter = g_strsplit (label_text (run, "counter"), " / ", 2);

  return g_strv_length (counter) == 2 && g_str_equal (counter[0], counter[1]);
}

static void
test_every_slide (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  GuideApplication *application;
  GdkRectangle geometry;
  Run run = { NULL };
  gulong handler;

  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);
  run.width = geometry.width;
  run.height = geometry.height;
  run.screenshots = g_getenv ("CPMS_GUIDE_SCREENSHOTS") != NULL;

  /* As --presentation starts it. */
  g_settings_set_string (settings, "language", "fr");
  application = guide_test_register_application (NULL);
  g_action_group_activate_action (G_ACTION_GROUP (application), "presentation", NULL);
  g_assert_true (guide_test_wait_for (presentation_shown, &run));
  /* The window manager makes it fullscreen, then gives it the screen's size. */
  g_assert_true (guide_test_wait_for (fills_screen, &run));
  handler = g_signal_connect (gtk_widget_get_frame_clock (run.presentation), "after-paint",
                              G_CALLBACK (after_paint_cb), &run);

  for (guint language = 0; language < 3; language++)
    {
      g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (guint));
      guint n_slides = 0;

      while (TRUE)
        {
          guint type;

          wait_painted (&run);
          check_slide (&run);
          type = smaller_type (run.presentation);
          g_array_append_val (types, type);
          n_slides++;
          if (on_last_slide (&run))
            break;
          gtk_widget_activate_action (run.presentation, "presentation.next", NULL);
        }
      g_assert_cmpuint (n_slides, >=, 18);

      /* Back to the first: each slide as it was, whatever came before it. */
      for (guint i = n_slides - 1; i-- > 0;)
        {
          gtk_widget_activate_action (run.presentation, "presentation.previous", NULL);
          wait_painted (&run);
          if (smaller_type (run.presentation) != g_array_index (types, guint, i))
            g_error ("%d×%d, slide %u of %u: type %u going back, %u going forward", run.width, run.height,
                     i + 1, n_slides, smaller_type (run.presentation), g_array_index (types, guint, i));
        }

      gtk_widget_activate_action (run.presentation, "presentation.language", NULL);
      gtk_widget_activate_action (run.presentation, "presentation.first", NULL);
    }

  /* Every address of the guide, in the three languages. */
  g_assert_cmpuint (run.n_codes, >=, 3 * 7);
  g_test_message ("%d×%d: %u QR codes, %u slides with smaller type%s", run.width, run.height,
                  run.n_codes, run.n_smaller, run.screenshots ? ", every screenshot decoded" : "");

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (run.presentation), handler);
  gtk_window_destroy (GTK_WINDOW (run.presentation));
  guide_test_iterate ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (application)))
    gtk_window_destroy (l->data);
  guide_test_iterate ();
  g_object_unref (application);
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init (&argc, &argv);

  g_test_add_func ("/guide/slides/every-slide", test_every_slide);

  return g_test_run ();
}

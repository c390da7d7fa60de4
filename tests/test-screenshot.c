/* test-screenshot.c
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

/* The pictures of the web pages: the built-in ones draw, and a site's
 * own pictures in the system data folders replace them, within limits that
 * no file can get past. */

#include <sys/stat.h>
#include <unistd.h>

#include "guide-book.h"
#include "guide-input.h"
#include "guide-screenshot.h"
#include "guide-test-utils.h"

#include "guide-test-utils.h"

static void
add_picture_steps (GPtrArray *found,
                   GPtrArray *steps)
{
  for (guint j = 0; j < steps->len; j++)
    {
      GuideStep *step = g_ptr_array_index (steps, j);

      if (step->picture != NULL)
        g_ptr_array_add (found, step);
    }
}

/* The steps with a picture, the original guide's included. */
static GPtrArray *
picture_steps (GuideBook *book)
{
  GPtrArray *steps = g_ptr_array_new ();
  GPtrArray *stages = guide_book_get_stages (book);

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      add_picture_steps (steps, stage->steps);
      add_picture_steps (steps, stage->original_steps);
    }

  return steps;
}

static GskRenderNode *
snapshot_node (GuideScreenshot *screenshot,
               int              width,
               int              height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (GDK_PAINTABLE (screenshot), snapshot, width, height);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The picture as a GtkPicture shows it at @width × @height, once it is
 * drawn, after the frame that first asks for it: its snapshot, drawn by
 * cairo. */
static cairo_surface_t *
draw_snapshot (GuideScreenshot *screenshot,
               int              width,
               int              height)
{
  g_autoptr(GskRenderNode) first = snapshot_node (screenshot, width, height);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  node = snapshot_node (screenshot, width, height);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x];
}

/* How many different colours a drawing has: a blank one has one. */
static guint
count_colours (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  for (int i = 0; i < width * height; i += 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixel_at (surface, i % width, i / width)));

  return g_hash_table_size (colours);
}

static void
test_builtin (void)
{
  g_autoptr(GuideBook) book = guide_book_new_for_language ("fr");
  g_autoptr(GPtrArray) steps = picture_steps (book);
  static const int sizes[][2] = { { 480, 300 }, { 1920, 1200 } };

  g_assert_cmpuint (steps->len, ==, 11);

  for (guint i = 0; i < steps->len; i++)
    {
      GuideStep *step = g_ptr_array_index (steps, i);
      g_autoptr(GuideScreenshot) screenshot = guide_screenshot_lookup (step->picture, "fr");
      g_autofree char *origin = g_strdup_printf ("resource://" RESOURCE_BASE "/screenshots/%s", step->picture);

      g_assert_nonnull (screenshot);
      g_assert_cmpstr (guide_screenshot_get_origin (screenshot), ==, origin);
      g_assert_true (guide_screenshot_is_vector (screenshot));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (screenshot)), ==, 960);
      g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (screenshot)), >=, 600);

      /* Drawn at the size it is shown at, small or large, with something
       * drawn. */
      for (guint j = 0; j < G_N_ELEMENTS (sizes); j++)
        {
          cairo_surface_t *surface = draw_snapshot (screenshot, sizes[j][0], sizes[j][1]);

          g_assert_cmpuint (count_colours (surface), >, 20);
          cairo_surface_destroy (surface);
        }
    }
}

static void
test_read_once (void)
{
  g_autoptr(GuideScreenshot) first = guide_screenshot_lookup ("cpms-login.svg", "fr");
  g_autoptr(GuideScreenshot) again = guide_screenshot_lookup ("cpms-login.svg", "it");

  g_assert_true (first == again);
}

static void
test_alt_text (void)
{
  g_autoptr(GuideBook) fr = guide_book_new_for_language ("fr");
  g_autoptr(GuideBook) it = guide_book_new_for_language ("it");
  g_autoptr(GPtrArray) fr_steps = picture_steps (fr);
  g_autoptr(GPtrArray) it_steps = picture_steps (it);

  g_assert_cmpuint (fr_steps->len, ==, it_steps->len);
  for (guint i = 0; i < fr_steps->len; i++)
    {
      GuideStep *a = g_ptr_array_index (fr_steps, i);
      GuideStep *b = g_ptr_array_index (it_steps, i);

      g_assert_cmpstr (a->picture, ==, b->picture);
      g_assert_cmpuint (strlen (a->picture_alt), >, 40);
      g_assert_cmpuint (strlen (b->picture_alt), >, 40);
      g_assert_cmpstr (a->picture_alt, !=, b->picture_alt);
    }
}

static char *
site_folder (const char *language)
{
  return g_build_filename (g_get_system_data_dirs ()[1], "cpms-guide", "screenshots", language, NULL);
}

static void
write_png (const char *folder,
           const char *name,
           guint32     colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 25);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  gdk_pixbuf_fill (pixbuf, colour);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
test_site_replaces (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *expected = g_build_filename (folder, "cpms-login.png", NULL);
  g_autoptr(GuideScreenshot) screenshot = NULL;
  cairo_surface_t *surface;

  write_png (folder, "cpms-login.png", 0xff0000ff);

  screenshot = guide_screenshot_lookup ("cpms-login.svg", "it");
  g_assert_cmpstr (guide_screenshot_get_origin (screenshot), ==, expected);
  g_assert_false (guide_screenshot_is_vector (screenshot));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (screenshot)), ==, 40);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (screenshot)), ==, 25);

  /* A bitmap keeps its own size: it is scaled where it is drawn. */
  surface = draw_snapshot (screenshot, 400, 250);
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0xffff0000);
  g_assert_cmphex (pixel_at (surface, 399, 249), ==, 0xffff0000);
  cairo_surface_destroy (surface);
}

static void
count_call (guint *calls)
{
  (*calls)++;
}

/* An SVG picture is not drawn in the frame that first asks for it, which
 * shows nothing of it, but once that frame is painted; then it is shown, as
 * vectors, at any size. */
static void
test_drawn_after_frame (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "cpms-login.svg", NULL);
  g_autoptr(GuideScreenshot) screenshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  guint invalidated = 0;

  guide_test_write_file (path, "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='25'>"
                               "<rect width='40' height='25' fill='red'/><rect width='20' height='25' fill='blue'/></svg>");
  screenshot = guide_screenshot_lookup ("cpms-login.svg", "fr");
  g_assert_cmpstr (guide_screenshot_get_origin (screenshot), ==, path);
  g_signal_connect_swapped (screenshot, "invalidate-contents", G_CALLBACK (count_call), &invalidated);

  node = snapshot_node (screenshot, 400, 250);
  g_assert_null (node);
  g_assert_cmpuint (invalidated, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (invalidated, ==, 1);

  surface = draw_snapshot (screenshot, 400, 250);
  g_assert_cmphex (pixel_at (surface, 199, 0), ==, 0xff0000ff);
  g_assert_cmphex (pixel_at (surface, 200, 249), ==, 0xffff0000);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (invalidated, ==, 1);
}

static void
test_site_language (void)
{
  g_autofree char *folder = site_folder ("it");
  g_autoptr(GuideScreenshot) italian = NULL;
  g_autoptr(GuideScreenshot) french = NULL;

  write_png (folder, "saas-recap.png", 0x00ff00ff);

  italian = guide_screenshot_lookup ("saas-recap.svg", "it");
  french = guide_screenshot_lookup ("saas-recap.svg", "fr");
  g_assert_true (g_str_has_prefix (guide_screenshot_get_origin (italian), folder));
  g_assert_cmpstr (guide_screenshot_get_origin (french), ==, "resource://" RESOURCE_BASE "/screenshots/saas-recap.svg");
}

static void
test_site_broken (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "saas-guest-access.jpg", NULL);
  g_autoptr(GuideScreenshot) screenshot = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "not a picture", -1, NULL));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*saas-guest-access.jpg*could not be read*");
  screenshot = guide_screenshot_lookup ("saas-guest-access.svg", "fr");
  g_test_assert_expected_messages ();

  g_assert_cmpstr (guide_screenshot_get_origin (screenshot), ==, "resource://" RESOURCE_BASE "/screenshots/saas-guest-access.svg");
  g_assert_true (guide_screenshot_is_vector (screenshot));
}

/* Reads @path as a site's picture, which must be refused with @code and a
 * message that has @words in it. */
static void
assert_refused (const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GuideScreenshot) screenshot = guide_screenshot_new_for_file (path, &error);

  g_assert_null (screenshot);
  g_assert_error (error, domain, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* Pictures far too large are refused from their header: a 30000 × 30000 PNG
 * of zeros, a few megabytes, would otherwise be gigabytes of pixels. So is one
 * too wide or too high, or with too many pixels in all; one at the limit is
 * read. */
static void
test_too_many_pixels (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "cpms-login.png", NULL);
  static const guint32 sizes[][2] = { { 30000, 30000 }, { 20000, 20000 }, { 16385, 2 }, { 2, 16385 }, { 8000, 5001 } };
  g_autoptr(GuideScreenshot) screenshot = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *words = g_strdup_printf ("%u × %u pixels", sizes[i][0], sizes[i][1]);

      guide_test_write_black_png (path, sizes[i][0], sizes[i][1]);
      assert_refused (path, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE, words);
    }

  /* The limits themselves, in the message. */
  assert_refused (path, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE, "16384 pixels wide or high, 40 million pixels in all");

  guide_test_write_black_png (path, 16384, 2);
  screenshot = guide_screenshot_new_for_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (screenshot)), ==, 16384);

  /* In the window, the built-in picture instead. */
  guide_test_write_black_png (path, 30000, 30000);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*cpms-login.png*30000 × 30000 pixels*");
  g_clear_object (&screenshot);
  screenshot = guide_screenshot_lookup ("cpms-login.svg", "fr");
  g_test_assert_expected_messages ();
  g_assert_true (guide_screenshot_is_vector (screenshot));
}

/* A JPEG's size is in its frame header, which may come after a lot of
 * metadata: it is read before any pixel too. */
static void
test_too_many_pixels_jpeg (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "cpms-login.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 16, 16);
  g_autofree guchar *contents = NULL;
  gsize length;
  gsize i;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  gdk_pixbuf_fill (pixbuf, 0);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", NULL, NULL));
  g_assert_true (g_file_get_contents (path, (char **) &contents, &length, NULL));

  /* The baseline frame: its height, then its width, after the marker. */
  for (i = 2; i + 9 < length && !(contents[i] == 0xff && contents[i + 1] == 0xc0); i++)
    ;
  g_assert_cmpuint (i + 9, <, length);
  contents[i + 5] = contents[i + 7] = 30000 >> 8;
  contents[i + 6] = contents[i + 8] = 30000 & 0xff;
  g_assert_true (g_file_set_contents (path, (char *) contents, length, NULL));

  assert_refused (path, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE, "30000 × 30000 pixels");
}

static void
test_too_many_pixels_svg (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "cpms-login.svg", NULL);

  guide_test_write_file (path, "<svg xmlns='http://www.w3.org/2000/svg' width='20000' height='20000'/>");
  assert_refused (path, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE, "20000 × 20000 pixels");
  guide_test_write_file (path, "<svg xmlns='http://www.w3.org/2000/svg' width='1e30' height='10'/>");
  assert_refused (path, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE, "pixels wide or high");
}

/* What would block or never end, named like a picture: a FIFO, a link to an
 * endless device, a folder. Each is told of, and the built-in picture shown. */
static void
test_not_regular (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *fifo = g_build_filename (folder, "cpms-login.png", NULL);
  g_autofree char *zero = g_build_filename (folder, "saas-recap.png", NULL);
  g_autofree char *dir = g_build_filename (folder, "saas-guest-access.svg", NULL);
  const char *paths[] = { fifo, zero, dir };
  const char *names[] = { "cpms-login.svg", "saas-recap.svg", "saas-guest-access.svg" };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s*not a regular file*", paths[i]);
      g_autoptr(GuideScreenshot) screenshot = NULL;

      assert_refused (paths[i], GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_NOT_REGULAR, "not a regular file");

      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, pattern);
      screenshot = guide_screenshot_lookup (names[i], "fr");
      g_test_assert_expected_messages ();
      g_assert_true (g_str_has_prefix (guide_screenshot_get_origin (screenshot), "resource://"));
    }
}

/* A file larger than any picture is not read at all: a sparse one holds
 * nothing on disk. */
static void
test_too_large_file (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "cpms-login.png", NULL);

  guide_test_write_file (path, "");
  g_assert_cmpint (truncate (path, GUIDE_INPUT_MAX_PICTURE + 1), ==, 0);
  assert_refused (path, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE, "larger than 20");
}

/* A picture that could not be read is not read again: not even once it is
 * mended, until the app starts again. */
static void
test_failure_remembered (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "eu-login-add-device.png", NULL);
  g_autoptr(GuideScreenshot) first = NULL;
  g_autoptr(GuideScreenshot) again = NULL;

  guide_test_write_file (path, "not a picture");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*eu-login-add-device.png*could not be read*");
  first = guide_screenshot_lookup ("eu-login-add-device.svg", "fr");
  g_test_assert_expected_messages ();

  write_png (folder, "eu-login-add-device.png", 0xff0000ff);
  again = guide_screenshot_lookup ("eu-login-add-device.svg", "it");
  g_assert_true (again == first);
  g_assert_true (g_str_has_prefix (guide_screenshot_get_origin (again), "resource://"));
}

/* An SVG beyond the limits of the XML parser or of librsvg: told in plain
 * words, not in libxml2's. */
static void
test_svg_too_complex (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "cpms-login.svg", NULL);
  g_autoptr(GString) deep = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>");

  for (guint i = 0; i < 300; i++)
    g_string_append (deep, "<g>");
  guide_test_write_file (path, deep->str);
  assert_refused (path, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY, "too large or too complex to draw");

  /* A thousand elements each drawing the one before, which overflows
   * librsvg's stack when drawn: refused before it is. */
  g_string_assign (deep, "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
                         " width='10' height='10'><rect id='u0' width='1' height='1'/>");
  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (deep, "<use id='u%u' xlink:href='#u%u'/>", i, i - 1);
  g_string_append (deep, "</svg>");
  guide_test_write_file (path, deep->str);
  assert_refused (path, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY, "too large or too complex to draw");

  /* What is merely not SVG says where. */
  guide_test_write_file (path, "not a picture");
  assert_refused (path, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "not an SVG picture that can be read");
}

/* A site's SVG picture that reads but whose drawing fails is refused as it
 * is read, in plain words: the built-in picture is shown instead, and the
 * failure told once. */
static void
test_drawing_fails (void)
{
  g_autofree char *folder = site_folder (NULL);
  g_autofree char *path = g_build_filename (folder, "cpms-login.svg", NULL);
  g_autoptr(GuideScreenshot) first = NULL;
  g_autoptr(GuideScreenshot) again = NULL;

  guide_test_write_svg_that_fails_to_draw (path);
  assert_refused (path, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY, "too large or too complex to draw");

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*cpms-login.svg*too large or too complex to draw*");
  first = guide_screenshot_lookup ("cpms-login.svg", "fr");
  g_test_assert_expected_messages ();
  g_assert_true (g_str_has_prefix (guide_screenshot_get_origin (first), "resource://"));

  again = guide_screenshot_lookup ("cpms-login.svg", "it");
  g_assert_true (again == first);
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init_unit (&argc, &argv);
  /* The render nodes that pictures are drawn into, with no display. */
  g_type_ensure (GSK_TYPE_CAIRO_NODE);

  g_test_add_func ("/guide/screenshot/builtin", test_builtin);
  g_test_add_func ("/guide/screenshot/read-once", test_read_once);
  g_test_add_func ("/guide/screenshot/alt-text", test_alt_text);
  g_test_add_func ("/guide/screenshot/site-replaces", test_site_replaces);
  g_test_add_func ("/guide/screenshot/drawn-after-frame", test_drawn_after_frame);
  g_test_add_func ("/guide/screenshot/site-language", test_site_language);
  g_test_add_func ("/guide/screenshot/site-broken", test_site_broken);
  g_test_add_func ("/guide/screenshot/too-many-pixels", test_too_many_pixels);
  g_test_add_func ("/guide/screenshot/too-many-pixels-jpeg", test_too_many_pixels_jpeg);
  g_test_add_func ("/guide/screenshot/too-many-pixels-svg", test_too_many_pixels_svg);
  g_test_add_func ("/guide/screenshot/not-regular", test_not_regular);
  g_test_add_func ("/guide/screenshot/too-large-file", test_too_large_file);
  g_test_add_func ("/guide/screenshot/failure-remembered", test_failure_remembered);
  g_test_add_func ("/guide/screenshot/svg-too-complex", test_svg_too_complex);
  g_test_add_func ("/guide/screenshot/drawing-fails", test_drawing_fails);

  return g_test_run ();
}

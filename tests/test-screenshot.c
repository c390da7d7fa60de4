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

/* The pictures of the web pages: the built-in ones render, and a site's
 * own pictures in the system data folders replace them. */

#include "guide-book.h"
#include "guide-screenshot.h"

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

/* How many different colours a texture has: a blank render has one. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int i = 0; i < width * height; i += 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));

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
      g_assert_cmpint (guide_screenshot_get_width (screenshot), ==, 960);
      g_assert_cmpint (guide_screenshot_get_height (screenshot), >=, 600);

      /* Rendered for the pixels it covers, with something drawn. */
      for (guint j = 0; j < G_N_ELEMENTS (sizes); j++)
        {
          g_autoptr(GdkTexture) texture = guide_screenshot_render (screenshot, sizes[j][0], sizes[j][1]);

          g_assert_nonnull (texture);
          g_assert_cmpint (gdk_texture_get_width (texture), ==, sizes[j][0]);
          g_assert_cmpint (gdk_texture_get_height (texture), ==, sizes[j][1]);
          g_assert_cmpuint (count_colours (texture), >, 20);
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
  g_autoptr(GdkTexture) texture = NULL;

  write_png (folder, "cpms-login.png", 0xff0000ff);

  screenshot = guide_screenshot_lookup ("cpms-login.svg", "it");
  g_assert_cmpstr (guide_screenshot_get_origin (screenshot), ==, expected);
  g_assert_false (guide_screenshot_is_vector (screenshot));
  g_assert_cmpint (guide_screenshot_get_width (screenshot), ==, 40);
  g_assert_cmpint (guide_screenshot_get_height (screenshot), ==, 25);

  /* A bitmap keeps its own size: it is scaled when drawn. */
  texture = guide_screenshot_render (screenshot, 400, 250);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 40);
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

int
main (int   argc,
      char *argv[])
{
  guide_test_init_unit (&argc, &argv);

  g_test_add_func ("/guide/screenshot/builtin", test_builtin);
  g_test_add_func ("/guide/screenshot/read-once", test_read_once);
  g_test_add_func ("/guide/screenshot/alt-text", test_alt_text);
  g_test_add_func ("/guide/screenshot/site-replaces", test_site_replaces);
  g_test_add_func ("/guide/screenshot/site-language", test_site_language);
  g_test_add_func ("/guide/screenshot/site-broken", test_site_broken);

  return g_test_run ();
}

/* guide-screenshot.c
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

/* A picture of a web page the guide walks through, as a GdkPaintable: a
 * built-in SVG illustration, or a site's screenshot of the same base name in
 * cpms-guide/screenshots/ (or a language subfolder of it) under a system data
 * folder.
 *
 * An SVG picture is drawn once into a cairo recording, vectors that GTK draws
 * sharp at any size, after the first frame that asks for it: GTK asks for the
 * pictures off screen too. A PNG or JPEG picture is the texture GTK decodes. */

#include <math.h>
#include <librsvg/rsvg.h>

#include "guide-i18n.h"
#include "guide-input.h"
#include "guide-screenshot.h"

/* The largest picture read, in pixels: far beyond a screenshot of a whole
 * 8K screen, and small enough to be decoded in a few hundred megabytes. */
#define MAX_SIDE   16384
#define MAX_PIXELS (40 * 1000 * 1000)

/* How many other elements a picture may draw again with <use>: a chain of
 * about a thousand, each drawing the one before, overflows librsvg's stack
 * when it draws. A picture of a web page needs a few. */
#define MAX_USES 200

struct _GuideScreenshot
{
  GObject          parent_instance;

  char            *origin;
  RsvgHandle      *handle;
  cairo_surface_t *drawing;
  guint            drawing_source;
  GdkTexture      *texture;
  int              width;
  int              height;
  gboolean         drawing_failed;
};

static void guide_screenshot_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GuideScreenshot, guide_screenshot, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, guide_screenshot_paintable_init))

static const char * const extensions[] = { "svg", "png", "jpg" };

/* Refuses a picture whose pixels would not fit in memory, before any of
 * them is decoded. */
static gboolean
check_size (double   width,
            double   height,
            GError **error)
{
  if (width <= MAX_SIDE && height <= MAX_SIDE && width * height <= MAX_PIXELS)
    return TRUE;

  g_set_error (error, GUIDE_INPUT_ERROR, GUIDE_INPUT_ERROR_TOO_LARGE,
               _("%.0f × %.0f pixels, larger than a picture may be (%d pixels wide or high, "
                 "%d million pixels in all), so it was not read"),
               ceil (width), ceil (height), MAX_SIDE, MAX_PIXELS / 1000000);
  return FALSE;
}

static guint
read_be16 (const guchar *data)
{
  return data[0] << 8 | data[1];
}

/* A PNG's size is in its first chunk; a JPEG's in its frame header (a SOF
 * marker), after any amount of metadata, each segment saying its length.
 * They are read here because gdk-pixbuf's newest loaders decode the whole
 * picture before they tell its size. */
static gboolean
read_size (GBytes *bytes,
           int    *width,
           int    *height)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);

  if (length >= sizeof png + 8 && memcmp (data, png, sizeof png) == 0)
    {
      *width = MIN (read_be16 (data + 16) << 16 | read_be16 (data + 18), G_MAXINT);
      *height = MIN (read_be16 (data + 20) << 16 | read_be16 (data + 22), G_MAXINT);
      return TRUE;
    }

  if (length < 4 || data[0] != 0xff || data[1] != 0xd8)
    return FALSE;

  for (gsize i = 2; i + 4 <= length && data[i] == 0xff;)
    {
      guchar marker = data[i + 1];

      if (marker == 0xff)
        i++;
      else if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        i += 2;
      else if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (i + 9 > length)
            return FALSE;
          *height = read_be16 (data + i + 5);
          *width = read_be16 (data + i + 7);
          return TRUE;
        }
      else if (marker == 0xda || marker == 0xd9)
        return FALSE;
      else
        i += 2 + read_be16 (data + i + 2);
    }

  return FALSE;
}

/* What the user is told of an SVG picture beyond the SVG library's limits,
 * as it reads or draws it. */
static void
too_complex (GError **error)
{
  g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY,
                       _("the picture is too large or too complex to draw"));
}

/* librsvg passes on libxml2's words ("use XML_PARSE_HUGE option") or its
 * own ("cannot load more than 1000000 XML elements") when a picture goes
 * beyond their limits: the user is told what that means. */
static void
svg_error_in_words (GError **error,
                    GError  *svg_error)
{
  static const char * const limits[] = { "huge", "limit", "more than", "loop", "amplification", "excessive" };
  g_autofree char *words = g_utf8_strdown (svg_error->message, -1);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    if (strstr (words, limits[i]) != NULL)
      {
        too_complex (error);
        return;
      }

  g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
               _("not an SVG picture that can be read (%s)"), svg_error->message);
}

/* The <use> elements of an SVG picture, "svg:use" included. */
static guint
count_uses (GBytes *bytes)
{
  g_autoptr(GRegex) use = g_regex_new ("<([\\w-]+:)?use[^\\w-]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match_full (use, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;

  return n;
}

/* Draws the picture at its own size onto @surface. */
static gboolean
draw_onto (GuideScreenshot  *self,
           cairo_surface_t  *surface,
           GError          **error)
{
  cairo_t *cr = cairo_create (surface);
  gboolean drawn = guide_screenshot_draw (self, cr, self->width, self->height, error);

  cairo_destroy (cr);

  return drawn;
}

/* Reads an SVG picture and its own size in pixels. librsvg finds some of an
 * SVG's faults only as it draws it, such as a pattern larger than any
 * surface cairo can make: a site's picture is drawn onto one pixel, and
 * refused if it cannot be drawn. The built-in ones are known to draw. */
static gboolean
read_svg (GuideScreenshot  *self,
          GBytes           *bytes,
          GError          **error)
{
  g_autoptr(GError) svg_error = NULL;
  cairo_surface_t *pixel;
  double width, height;
  gboolean drawn;

  if (count_uses (bytes) > MAX_USES)
    {
      too_complex (error);
      return FALSE;
    }

  self->handle = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &svg_error);
  if (self->handle == NULL)
    {
      svg_error_in_words (error, svg_error);
      return FALSE;
    }

  if (!rsvg_handle_get_intrinsic_size_in_pixels (self->handle, &width, &height) || width < 1 || height < 1)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("the picture does not say its size (width and height)"));
      return FALSE;
    }

  if (!check_size (width, height, error))
    return FALSE;

  self->width = ceil (width);
  self->height = ceil (height);
  if (g_str_has_prefix (self->origin, "resource://"))
    return TRUE;

  pixel = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  drawn = draw_onto (self, pixel, error);
  cairo_surface_destroy (pixel);

  return drawn;
}

static GuideScreenshot *
load (const char  *origin,
      GBytes      *bytes,
      GError     **error)
{
  g_autoptr(GuideScreenshot) self = g_object_new (GUIDE_TYPE_SCREENSHOT, NULL);

  self->origin = g_strdup (origin);
  if (g_str_has_suffix (origin, ".svg"))
    {
      if (!read_svg (self, bytes, error))
        return NULL;
    }
  else if (!read_size (bytes, &self->width, &self->height))
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE,
                           _("not a PNG or JPEG picture that can be read"));
      return NULL;
    }
  else if (!check_size (self->width, self->height, error) ||
           (self->texture = gdk_texture_new_from_bytes (bytes, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* A site folder of pictures set at start-up, looked in before the system
 * data folders. */
static char *site_folder;

/* Pictures are read once: later lookups of the same file share it, and one
 * that could not be read, kept as %NULL, is not read again. They are kept
 * for the life of the process. */
static GuideScreenshot *
load_cached (const char *origin)
{
  static GHashTable *cache;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GuideScreenshot *self = NULL;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_hash_table_lookup_extended (cache, origin, NULL, (gpointer *) &self))
    return self != NULL ? g_object_ref (self) : NULL;

  if (g_str_has_prefix (origin, "resource://"))
    {
      bytes = g_resources_lookup_data (origin + strlen ("resource://"), 0, &error);
      if (bytes != NULL)
        self = load (origin, bytes, &error);
    }
  else
    self = guide_screenshot_new_for_file (origin, &error);

  if (self == NULL)
    g_warning ("The picture “%s” could not be read, so it is not used: %s", origin, error->message);

  g_hash_table_insert (cache, g_strdup (origin), self);
  return self != NULL ? g_object_ref (self) : NULL;
}

/* A site's picture for @base_name in @folder, if it has one. */
static GuideScreenshot *
lookup_in (const char *folder,
           const char *base_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", base_name, extensions[i]);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GuideScreenshot *self;

      /* Whatever is there is tried, so that a FIFO or a device is told of
       * rather than passed over in silence. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      if ((self = load_cached (path)) != NULL)
        return self;
    }

  return NULL;
}

/* What could not be drawn would fail again, as slowly: a failure is final
 * for the picture, wherever it is shown and at whatever size. */
static gboolean
draw_cb (gpointer user_data)
{
  GuideScreenshot *self = user_data;
  g_autoptr(GError) error = NULL;

  self->drawing_source = 0;
  self->drawing = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                  &(cairo_rectangle_t) { 0, 0, self->width, self->height });
  if (draw_onto (self, self->drawing, &error))
    gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
  else
    {
      g_clear_pointer (&self->drawing, cairo_surface_destroy);
      self->drawing_failed = TRUE;
      g_warning ("The picture “%s” could not be drawn: %s", self->origin, error->message);
    }

  return G_SOURCE_REMOVE;
}

static void
guide_screenshot_snapshot (GdkPaintable *paintable,
                           GdkSnapshot  *snapshot,
                           double        width,
                           double        height)
{
  GuideScreenshot *self = GUIDE_SCREENSHOT (paintable);
  cairo_t *cr;

  if (self->texture != NULL)
    {
      gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
      return;
    }

  /* Idle sources run once the frame being drawn is painted. */
  if (self->drawing == NULL)
    {
      if (self->drawing_source == 0 && !self->drawing_failed)
        self->drawing_source = g_idle_add (draw_cb, self);
      return;
    }

  cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot), &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, width / self->width, height / self->height);
  cairo_set_source_surface (cr, self->drawing, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static int
guide_screenshot_get_intrinsic_width (GdkPaintable *paintable)
{
  return GUIDE_SCREENSHOT (paintable)->width;
}

static int
guide_screenshot_get_intrinsic_height (GdkPaintable *paintable)
{
  return GUIDE_SCREENSHOT (paintable)->height;
}

static GdkPaintableFlags
guide_screenshot_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE;
}

static void
guide_screenshot_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = guide_screenshot_snapshot;
  iface->get_intrinsic_width = guide_screenshot_get_intrinsic_width;
  iface->get_intrinsic_height = guide_screenshot_get_intrinsic_height;
  iface->get_flags = guide_screenshot_get_flags;
}

static void
guide_screenshot_finalize (GObject *object)
{
  GuideScreenshot *self = (GuideScreenshot *)object;

  g_clear_handle_id (&self->drawing_source, g_source_remove);
  g_clear_pointer (&self->drawing, cairo_surface_destroy);
  g_clear_object (&self->handle);
  g_clear_object (&self->texture);
  g_free (self->origin);

  G_OBJECT_CLASS (guide_screenshot_parent_class)->finalize (object);
}

static void
guide_screenshot_class_init (GuideScreenshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = guide_screenshot_finalize;
}

static void
guide_screenshot_init (GuideScreenshot *self)
{
}

/**
 * guide_screenshot_new_for_file:
 * @path: a .svg, .png or .jpg file
 * @error: a location for a #GError
 *
 * Reads a picture, uncached, as guide_input_read_file() reads any outside
 * file; a picture larger than %MAX_SIDE or %MAX_PIXELS, or an SVG picture
 * that cannot be drawn, is refused.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL if it cannot
 *   be read
 */
GuideScreenshot *
guide_screenshot_new_for_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;

  if (!guide_input_read_file (path, GUIDE_INPUT_MAX_PICTURE, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (contents, length);
  return load (path, bytes, error);
}

/**
 * guide_screenshot_set_site_folder:
 * @folder: (nullable): a site's folder, with a `screenshots` folder in it
 *
 * Makes guide_screenshot_lookup() look in @folder first.
 */
void
guide_screenshot_set_site_folder (const char *folder)
{
  g_free (site_folder);
  site_folder = g_strdup (folder);
}

/**
 * guide_screenshot_lookup:
 * @file_name: the picture's file name in the guide, e.g. `cpms-login.svg`
 * @language: the guide's language
 *
 * Finds the picture for @file_name: a site's for @language, then a site's
 * for every language, then the built-in one. A site picture that cannot be
 * read is passed over with a warning.
 *
 * Returns: (transfer full) (nullable): the picture
 */
GuideScreenshot *
guide_screenshot_lookup (const char *file_name,
                         const char *language)
{
  const char * const *data_folders = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base_name = NULL;
  g_autofree char *builtin = NULL;
  const char *dot;
  GuideScreenshot *self;

  g_return_val_if_fail (file_name != NULL, NULL);

  dot = strrchr (file_name, '.');
  base_name = dot != NULL ? g_strndup (file_name, dot - file_name) : g_strdup (file_name);

  if (site_folder != NULL)
    g_ptr_array_add (roots, g_build_filename (site_folder, "screenshots", NULL));
  for (guint i = 0; data_folders[i] != NULL; i++)
    g_ptr_array_add (roots, g_build_filename (data_folders[i], PACKAGE_NAME, "screenshots", NULL));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < roots->len; i++)
      {
        g_autofree char *folder = g_build_filename (g_ptr_array_index (roots, i),
                                                    pass == 0 ? language : NULL, NULL);

        if ((self = lookup_in (folder, base_name)) != NULL)
          return self;
      }

  builtin = g_strdup_printf ("resource://" RESOURCE_BASE "/screenshots/%s", file_name);
  return load_cached (builtin);
}

/**
 * guide_screenshot_get_origin:
 *
 * Returns: the file the picture was read from, or its `resource://` address
 */
const char *
guide_screenshot_get_origin (GuideScreenshot *self)
{
  g_return_val_if_fail (GUIDE_IS_SCREENSHOT (self), NULL);

  return self->origin;
}

gboolean
guide_screenshot_is_vector (GuideScreenshot *self)
{
  g_return_val_if_fail (GUIDE_IS_SCREENSHOT (self), FALSE);

  return self->handle != NULL;
}

/**
 * guide_screenshot_draw:
 * @cr: a cairo context whose origin is the picture's top left corner
 * @width: the width to draw the picture at, in @cr's units
 * @height: the height to draw it at
 * @error: a location for a #GError
 *
 * Draws the picture, a vector picture as vectors, sharp on paper.
 *
 * Returns: %TRUE if the picture was drawn
 */
gboolean
guide_screenshot_draw (GuideScreenshot  *self,
                       cairo_t          *cr,
                       double            width,
                       double            height,
                       GError          **error)
{
  g_autoptr(GError) svg_error = NULL;
  gboolean drawn = TRUE;

  g_return_val_if_fail (GUIDE_IS_SCREENSHOT (self), FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (self->texture != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);

      gdk_texture_download (self->texture, cairo_image_surface_get_data (surface),
                            cairo_image_surface_get_stride (surface));
      cairo_surface_mark_dirty (surface);
      cairo_scale (cr, width / self->width, height / self->height);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_surface_destroy (surface);
    }
  else if (!rsvg_handle_render_document (self->handle, cr, &(RsvgRectangle) { 0, 0, width, height }, &svg_error))
    {
      /* Such as “rendering error: InvalidSize”. */
      g_debug ("%s: %s", self->origin, svg_error->message);
      too_complex (error);
      drawn = FALSE;
    }

  cairo_restore (cr);

  return drawn;
}

/* guide-screenshot-render.c
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

/* The drawing of a picture at the size it is shown at: a vector picture is
 * drawn anew for each size, at once or in a worker thread, and whatever ends
 * the process waits for the pictures still being drawn; on paper, with
 * cairo, for the printed handout. */

#include <stdlib.h>

#include "guide-screenshot-private.h"

/* Draws a vector picture at @width × @height, or says why it cannot. */
static GdkTexture *
draw (GuideScreenshot  *self,
      int               width,
      int               height,
      GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture = NULL;

  width = MAX (width, 1);
  height = MAX (height, 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);

  if (guide_screenshot_draw (self, cr, width, height, error))
    {
      g_autoptr(GBytes) pixels = NULL;

      cairo_surface_flush (surface);
      pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                            (gsize) cairo_image_surface_get_stride (surface) * height);
      texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT,
                                        pixels, cairo_image_surface_get_stride (surface));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return texture;
}

/**
 * guide_screenshot_draw:
 * @cr: a cairo context whose origin is the picture's top left corner
 * @width: the width to draw the picture at, in @cr's units
 * @height: the height to draw it at
 * @error: a location for a #GError
 *
 * Draws the picture with cairo, a vector picture as vectors: on paper, it is
 * as sharp as the printer can make it.
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
  RsvgHandle *handle = NULL;
  double own_width, own_height;
  gboolean drawn = TRUE;

  g_return_val_if_fail (GUIDE_IS_SCREENSHOT (self), FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (!self->vector)
    {
      int texture_width = gdk_texture_get_width (self->texture);
      int texture_height = gdk_texture_get_height (self->texture);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, texture_width, texture_height);

      gdk_texture_download (self->texture, cairo_image_surface_get_data (surface),
                            cairo_image_surface_get_stride (surface));
      cairo_surface_mark_dirty (surface);
      cairo_scale (cr, width / texture_width, height / texture_height);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_surface_destroy (surface);
    }
  /* A handle of its own: this may run in a worker thread, beside others. */
  else if ((handle = guide_screenshot_read_svg (self->bytes, &own_width, &own_height, error)) == NULL)
    drawn = FALSE;
  else if (!rsvg_handle_render_document (handle, cr, &(RsvgRectangle) { 0, 0, width, height }, &svg_error))
    {
      /* librsvg's reasons (“exceeded more than 500000 referenced
       * elements”, “rendering error: InvalidSize”) come to this. */
      g_debug ("%s: %s", self->origin, svg_error->message);
      guide_screenshot_too_complex (error);
      drawn = FALSE;
    }

  g_clear_object (&handle);
  cairo_restore (cr);

  return drawn;
}

/**
 * guide_screenshot_render:
 * @width: the width in device pixels
 * @height: the height in device pixels
 *
 * Returns: (transfer full) (nullable): the picture at @width × @height for a
 *   vector picture; a bitmap comes at its own size, to be scaled when drawn;
 *   %NULL for a picture that could not be drawn, now or before
 */
GdkTexture *
guide_screenshot_render (GuideScreenshot *self,
                         int              width,
                         int              height)
{
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (GUIDE_IS_SCREENSHOT (self), NULL);

  if (!self->vector)
    return g_object_ref (self->texture);

  /* What could not be drawn once would fail again, as slowly: a failure is
   * final for the picture, whoever asks for it and at whatever size. */
  if (g_atomic_int_get (&self->drawing_failed))
    return NULL;

  texture = draw (self, width, height, &error);
  if (texture == NULL && g_atomic_int_compare_and_exchange (&self->drawing_failed, FALSE, TRUE))
    g_warning ("The picture “%s” could not be drawn: %s", self->origin, error->message);

  return texture;
}

/**
 * guide_screenshot_check_drawing:
 * @error: a location for a #GError
 *
 * Draws the picture small, to tell whether it can be drawn at all: librsvg
 * finds some of an SVG's faults only as it draws it.
 *
 * Returns: %TRUE if the picture can be drawn
 */
gboolean
guide_screenshot_check_drawing (GuideScreenshot  *self,
                                GError          **error)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (GUIDE_IS_SCREENSHOT (self), FALSE);

  if (!self->vector)
    return TRUE;

  texture = draw (self, 64, 64 * self->height / self->width, error);
  return texture != NULL;
}

/* Pictures being drawn in worker threads. */
static GMutex rendering_lock;
static GCond rendering_done;
static guint n_rendering;
static gsize waits_at_exit;

/* Whatever ends the process, a picture still being drawn in a worker thread
 * is waited for, rather than torn down under it by the libraries' own
 * clean-up at exit. */
static void
wait_for_rendering (void)
{
  g_mutex_lock (&rendering_lock);
  while (n_rendering > 0)
    g_cond_wait (&rendering_done, &rendering_lock);
  g_mutex_unlock (&rendering_lock);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const int *size = task_data;
  GdkTexture *texture = guide_screenshot_render (source_object, size[0], size[1]);

  if (texture != NULL)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_new_error (task, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                             "The picture could not be drawn");

  g_mutex_lock (&rendering_lock);
  n_rendering--;
  g_cond_broadcast (&rendering_done);
  g_mutex_unlock (&rendering_lock);
}

/**
 * guide_screenshot_render_async:
 * @width: the width in device pixels
 * @height: the height in device pixels
 *
 * Renders the picture as guide_screenshot_render() does, in a worker thread,
 * so that drawing a large vector picture never holds up a frame.
 */
void
guide_screenshot_render_async (GuideScreenshot     *self,
                               int                  width,
                               int                  height,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  int *size;

  g_return_if_fail (GUIDE_IS_SCREENSHOT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, guide_screenshot_render_async);
  size = g_new (int, 2);
  size[0] = width;
  size[1] = height;
  g_task_set_task_data (task, size, g_free);
  g_task_set_return_on_cancel (task, TRUE);

  if (g_once_init_enter (&waits_at_exit))
    {
      atexit (wait_for_rendering);
      g_once_init_leave (&waits_at_exit, TRUE);
    }

  g_mutex_lock (&rendering_lock);
  n_rendering++;
  g_mutex_unlock (&rendering_lock);
  g_task_run_in_thread (task, render_thread);
}

/**
 * guide_screenshot_render_finish:
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL with @error set
 */
GdkTexture *
guide_screenshot_render_finish (GuideScreenshot  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

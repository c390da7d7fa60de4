/* guide-illustration.c
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

/* Shows a GuideScreenshot, fitted to its allocation or at a zoom factor. A
 * vector picture is rendered for exactly the device pixels it covers, never
 * scaled up from a smaller bitmap, so it stays sharp at any size. It is
 * rendered in a worker thread, so that no frame waits for it, started once
 * the frame that asked for it is painted, so that it does not compete with
 * that frame for the processor, and only once it comes near the visible part
 * of a scrolled page: a long stage does not pay for the pictures nobody has
 * scrolled to. */

#include <math.h>

#include "guide-illustration.h"

/* Textures larger than this are not rendered: beyond it the picture is scaled
 * up, which only happens at extreme zoom. */
#define MAX_RENDER_SIZE 4096

struct _GuideIllustration
{
  GtkWidget        parent_instance;

  GuideScreenshot *screenshot;
  double           zoom;
  gboolean         can_shrink;
  GdkTexture      *texture;
  GCancellable    *rendering;
  int              rendering_size[2];
  guint            render_source;
  int              render_size[2];
  gboolean         waiting;
  gboolean         failed;
  GtkAdjustment   *adjustment;
};

G_DEFINE_FINAL_TYPE (GuideIllustration, guide_illustration, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCREENSHOT,
  PROP_ZOOM,
  PROP_CAN_SHRINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the picture goes in a @width × @height allocation. */
static graphene_rect_t
picture_bounds (GuideIllustration *self,
                int                width,
                int                height)
{
  double w = guide_screenshot_get_width (self->screenshot);
  double h = guide_screenshot_get_height (self->screenshot);
  double scale = self->zoom > 0 ? self->zoom : guide_illustration_get_fit_scale (self, width, height);
  graphene_rect_t bounds;

  /* Centred in what is left around it, if anything. */
  graphene_rect_init (&bounds,
                      MAX (floor ((width - w * scale) / 2), 0),
                      MAX (floor ((height - h * scale) / 2), 0),
                      w * scale, h * scale);

  return bounds;
}

static GtkSizeRequestMode
guide_illustration_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
guide_illustration_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GuideIllustration *self = GUIDE_ILLUSTRATION (widget);
  double w, h;

  *minimum = *natural = 0;
  if (self->screenshot == NULL)
    return;

  w = guide_screenshot_get_width (self->screenshot);
  h = guide_screenshot_get_height (self->screenshot);

  if (self->zoom > 0)
    {
      *minimum = *natural = ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? w : h) * self->zoom);
      return;
    }

  /* Fitted: as wide as it is allowed, up to its own width, and as tall as
   * that makes it; or anything smaller when it can shrink. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = w;
  else
    {
      *natural = ceil (h * (for_size >= 0 ? MIN (for_size, w) / w : 1));
      if (!self->can_shrink)
        *minimum = *natural;
    }
}

/* Whether the widget is on screen, or within half a page of it, in the
 * scrolled page it may be in. */
static gboolean
in_view (GuideIllustration *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;
  int height;

  if (viewport == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), viewport, &bounds))
    return TRUE;

  height = gtk_widget_get_height (viewport);
  return bounds.origin.y + bounds.size.height >= -height / 2 && bounds.origin.y <= height * 3 / 2;
}

static void
scrolled_cb (GuideIllustration *self)
{
  if (self->waiting)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Draws again, if the picture is waiting, when the page it is in scrolls. */
static void
watch_scrolling (GuideIllustration *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  GtkAdjustment *adjustment = viewport != NULL ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport)) : NULL;

  if (adjustment == NULL || adjustment == self->adjustment)
    return;

  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->adjustment, scrolled_cb, self);
  g_set_weak_pointer (&self->adjustment, adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GuideIllustration) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = guide_screenshot_render_finish (GUIDE_SCREENSHOT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      source != (GObject *) self->screenshot)
    return;

  g_clear_object (&self->rendering);

  /* Drawn again, it would fail again: what was drawn before stays. */
  if (texture == NULL)
    {
      self->failed = TRUE;
      return;
    }

  g_set_object (&self->texture, texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stop_rendering (GuideIllustration *self)
{
  g_clear_handle_id (&self->render_source, g_source_remove);
  g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
}

static void
render (GuideIllustration *self,
        int                width,
        int                height)
{
  if (self->rendering != NULL && self->rendering_size[0] == width && self->rendering_size[1] == height)
    return;

  stop_rendering (self);
  self->rendering = g_cancellable_new ();
  self->rendering_size[0] = width;
  self->rendering_size[1] = height;
  guide_screenshot_render_async (self->screenshot, width, height, self->rendering,
                                 rendered_cb, g_object_ref (self));
}

static gboolean
render_cb (gpointer user_data)
{
  GuideIllustration *self = user_data;

  self->render_source = 0;
  if (self->screenshot != NULL)
    render (self, self->render_size[0], self->render_size[1]);

  return G_SOURCE_REMOVE;
}

/* Renders at @width × @height once the frame being drawn is painted: idle
 * sources run after the frame clock's. */
static void
render_after_frame (GuideIllustration *self,
                    int                width,
                    int                height)
{
  self->render_size[0] = width;
  self->render_size[1] = height;
  if (self->render_source == 0)
    self->render_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, render_cb, self, NULL);
}

static void
guide_illustration_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GuideIllustration *self = GUIDE_ILLUSTRATION (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  graphene_rect_t bounds;
  int pixel_width, pixel_height;

  self->waiting = FALSE;
  if (self->screenshot == NULL)
    return;

  bounds = picture_bounds (self, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  if (bounds.size.width < 1 || bounds.size.height < 1)
    return;

  pixel_width = MIN (ceil (bounds.size.width * scale_factor), MAX_RENDER_SIZE);
  pixel_height = MIN (ceil (bounds.size.height * scale_factor), MAX_RENDER_SIZE);

  if (!guide_screenshot_is_vector (self->screenshot))
    {
      if (self->texture == NULL)
        self->texture = guide_screenshot_render (self->screenshot, 0, 0);
    }
  else if (!self->failed &&
           (self->texture == NULL ||
            gdk_texture_get_width (self->texture) != pixel_width ||
            gdk_texture_get_height (self->texture) != pixel_height))
    {
      /* Until then, what was drawn before, scaled. */
      self->waiting = !in_view (self);
      if (self->waiting)
        watch_scrolling (self);
      else
        render_after_frame (self, pixel_width, pixel_height);
    }

  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
}

static void
guide_illustration_dispose (GObject *object)
{
  GuideIllustration *self = (GuideIllustration *)object;

  stop_rendering (self);
  g_clear_object (&self->screenshot);
  g_clear_object (&self->texture);
  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->adjustment, scrolled_cb, self);
  g_clear_weak_pointer (&self->adjustment);

  G_OBJECT_CLASS (guide_illustration_parent_class)->dispose (object);
}

static void
guide_illustration_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GuideIllustration *self = GUIDE_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_SCREENSHOT:
      g_value_set_object (value, self->screenshot);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_CAN_SHRINK:
      g_value_set_boolean (value, self->can_shrink);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_illustration_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GuideIllustration *self = GUIDE_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_SCREENSHOT:
      guide_illustration_set_screenshot (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      guide_illustration_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_CAN_SHRINK:
      if (self->can_shrink != g_value_get_boolean (value))
        {
          self->can_shrink = g_value_get_boolean (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_illustration_class_init (GuideIllustrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = guide_illustration_dispose;
  object_class->get_property = guide_illustration_get_property;
  object_class->set_property = guide_illustration_set_property;

  widget_class->get_request_mode = guide_illustration_get_request_mode;
  widget_class->measure = guide_illustration_measure;
  widget_class->snapshot = guide_illustration_snapshot;

  /**
   * GuideIllustration:screenshot:
   *
   * The picture shown.
   */
  properties[PROP_SCREENSHOT] =
    g_param_spec_object ("screenshot", NULL, NULL,
                         GUIDE_TYPE_SCREENSHOT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideIllustration:zoom:
   *
   * The size of the picture relative to its own, or 0 to fit it to the
   * widget's size.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0, 16, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideIllustration:can-shrink:
   *
   * Whether, fitted, the picture may be shown smaller than the width it is
   * given makes it; otherwise it asks for the height that width needs.
   */
  properties[PROP_CAN_SHRINK] =
    g_param_spec_boolean ("can-shrink", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "illustration");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
guide_illustration_init (GuideIllustration *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (gtk_widget_queue_draw), NULL);
}

/**
 * guide_illustration_get_screenshot:
 *
 * Returns: (transfer none) (nullable): the picture shown
 */
GuideScreenshot *
guide_illustration_get_screenshot (GuideIllustration *self)
{
  g_return_val_if_fail (GUIDE_IS_ILLUSTRATION (self), NULL);

  return self->screenshot;
}

void
guide_illustration_set_screenshot (GuideIllustration *self,
                                   GuideScreenshot   *screenshot)
{
  g_return_if_fail (GUIDE_IS_ILLUSTRATION (self));
  g_return_if_fail (screenshot == NULL || GUIDE_IS_SCREENSHOT (screenshot));

  if (!g_set_object (&self->screenshot, screenshot))
    return;

  stop_rendering (self);
  g_clear_object (&self->texture);
  self->failed = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREENSHOT]);
}

double
guide_illustration_get_zoom (GuideIllustration *self)
{
  g_return_val_if_fail (GUIDE_IS_ILLUSTRATION (self), 0);

  return self->zoom;
}

void
guide_illustration_set_zoom (GuideIllustration *self,
                             double             zoom)
{
  g_return_if_fail (GUIDE_IS_ILLUSTRATION (self));

  zoom = CLAMP (zoom, 0, 16);
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * guide_illustration_get_fit_scale:
 *
 * Returns: the zoom at which the whole picture fits @width × @height
 */
double
guide_illustration_get_fit_scale (GuideIllustration *self,
                                  int                width,
                                  int                height)
{
  g_return_val_if_fail (GUIDE_IS_ILLUSTRATION (self), 1);

  if (self->screenshot == NULL)
    return 1;

  return MIN ((double) width / guide_screenshot_get_width (self->screenshot),
              (double) height / guide_screenshot_get_height (self->screenshot));
}

/**
 * guide_illustration_get_texture:
 *
 * Returns: (transfer none) (nullable): what was last drawn
 */
GdkTexture *
guide_illustration_get_texture (GuideIllustration *self)
{
  g_return_val_if_fail (GUIDE_IS_ILLUSTRATION (self), NULL);

  return self->texture;
}

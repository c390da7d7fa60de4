/* guide-picture-viewer.c
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

/* The large view of a picture: fitted to the window, or zoomed in and moved
 * around by dragging, scrolling or the arrow keys. Esc closes it. */

#include <math.h>

#include "guide-i18n.h"
#include "guide-picture-viewer.h"

#define ZOOM_STEP 1.25
#define ZOOM_MAX 8.0

struct _GuidePictureViewer
{
  AdwWindow          parent_instance;

  double             zoom;
  double             drag_start_x;
  double             drag_start_y;

  GtkButton         *zoom_button;
  GtkScrolledWindow *scrolled;
  GtkPicture        *picture;
  GtkLabel          *description_label;
};

G_DEFINE_FINAL_TYPE (GuidePictureViewer, guide_picture_viewer, ADW_TYPE_WINDOW)

/* The scale at which the picture fits the window, inside its margins; its
 * own size until the window has one. */
static double
fit_scale (GuidePictureViewer *self)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (self->picture);
  int width = gtk_widget_get_width (GTK_WIDGET (self->scrolled)) - 24;
  int height = gtk_widget_get_height (GTK_WIDGET (self->scrolled)) - 24;

  if (width <= 0 || height <= 0)
    return 1;

  return MIN ((double) width / gdk_paintable_get_intrinsic_width (paintable),
              (double) height / gdk_paintable_get_intrinsic_height (paintable));
}

/* The scale the picture is shown at now, fitted or not. */
static double
current_scale (GuidePictureViewer *self)
{
  return self->zoom > 0 ? self->zoom : fit_scale (self);
}

static void
set_zoom (GuidePictureViewer *self,
          double              zoom)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (self->picture);
  GtkPolicyType policy;

  /* Smaller than the window is never useful: that is fitting it. */
  zoom = MIN (zoom, ZOOM_MAX);
  if (zoom <= fit_scale (self) * 1.001)
    zoom = 0;
  self->zoom = zoom;

  /* Zoomed in, the picture asks for its size at that zoom, and the page
   * scrolls; fitted, it takes the room there is. */
  policy = zoom > 0 ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER;
  gtk_scrolled_window_set_policy (self->scrolled, policy, policy);
  if (zoom > 0)
    {
      g_autofree char *percent = g_strdup_printf ("%d %%", (int) round (zoom * 100));

      gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                                   ceil (gdk_paintable_get_intrinsic_width (paintable) * zoom),
                                   ceil (gdk_paintable_get_intrinsic_height (paintable) * zoom));
      gtk_button_set_label (self->zoom_button, percent);
    }
  else
    {
      gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, -1);
      gtk_button_set_label (self->zoom_button, _("Fit"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out", zoom > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-fit", zoom > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in", zoom < ZOOM_MAX);
}

static void
drag_begin_cb (GuidePictureViewer *self)
{
  self->drag_start_x = gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (self->scrolled));
  self->drag_start_y = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
}

static void
drag_update_cb (GuidePictureViewer *self,
                double              offset_x,
                double              offset_y)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scrolled), self->drag_start_x - offset_x);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), self->drag_start_y - offset_y);
}

static gboolean
scroll_cb (GuidePictureViewer       *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  set_zoom (self, dy < 0 ? current_scale (self) * ZOOM_STEP : current_scale (self) / ZOOM_STEP);
  return TRUE;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GuidePictureViewer *self = GUIDE_PICTURE_VIEWER (widget);

  set_zoom (self, current_scale (self) * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GuidePictureViewer *self = GUIDE_PICTURE_VIEWER (widget);

  set_zoom (self, current_scale (self) / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_zoom (GUIDE_PICTURE_VIEWER (widget), 0);
}

/* Moves the picture by a tenth of the window in the direction given. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GuidePictureViewer *self = GUIDE_PICTURE_VIEWER (widget);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scrolled);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scrolled);
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + dx * gtk_adjustment_get_page_size (h) / 10);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + dy * gtk_adjustment_get_page_size (v) / 10);
}

static void
guide_picture_viewer_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GUIDE_TYPE_PICTURE_VIEWER);

  G_OBJECT_CLASS (guide_picture_viewer_parent_class)->dispose (object);
}

static void
guide_picture_viewer_class_init (GuidePictureViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = guide_picture_viewer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-picture-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, GuidePictureViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, GuidePictureViewer, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GuidePictureViewer, picture);
  gtk_widget_class_bind_template_child (widget_class, GuidePictureViewer, description_label);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, scroll_cb);

  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "viewer.pan", "(ii)", pan_action);
}

static void
guide_picture_viewer_init (GuidePictureViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  guide_i18n_translate_widget (GTK_WIDGET (self));
  set_zoom (self, 0);
}

/**
 * guide_picture_viewer_new:
 * @parent: the window the picture was shown in
 * @screenshot: the picture
 * @description: what the picture shows, in words
 *
 * Returns: (transfer none): a new viewer, not yet shown
 */
GtkWidget *
guide_picture_viewer_new (GtkWindow       *parent,
                          GuideScreenshot *screenshot,
                          const char      *description)
{
  GuidePictureViewer *self = g_object_new (GUIDE_TYPE_PICTURE_VIEWER,
                                           "transient-for", parent,
                                           NULL);

  /* As large as the window it comes from. */
  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (gtk_widget_get_width (GTK_WIDGET (parent)), 360),
                               MAX (gtk_widget_get_height (GTK_WIDGET (parent)), 294));

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (screenshot));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Illustration"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_label_set_label (self->description_label, description);

  return GTK_WIDGET (self);
}

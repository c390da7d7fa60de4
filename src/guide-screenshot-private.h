/* guide-screenshot-private.h
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

/* The instance of GuideScreenshot, shared by the reading and finding of
 * pictures (guide-screenshot.c) and their drawing (guide-screenshot-render.c). */

#pragma once

#include <librsvg/rsvg.h>

#include "guide-screenshot.h"

G_BEGIN_DECLS

struct _GuideScreenshot
{
  GObject     parent_instance;

  char       *origin;
  GBytes     *bytes;
  gboolean    vector;
  int         width;
  int         height;
  GdkTexture *texture;
  int         drawing_failed;
};

/* Reads an SVG picture, and its own size in pixels, without drawing it.
 * (librsvg 2.54 declares no autoptr for its handle.) */
RsvgHandle *guide_screenshot_read_svg (GBytes  *bytes,
                                       double  *width,
                                       double  *height,
                                       GError **error);

/* What the user is told of an SVG picture beyond the SVG library's limits,
 * as it reads or draws it. */
void        guide_screenshot_too_complex (GError **error);

G_END_DECLS

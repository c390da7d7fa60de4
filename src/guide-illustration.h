/* guide-illustration.h
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

#pragma once

#include <gtk/gtk.h>

#include "guide-screenshot.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_ILLUSTRATION (guide_illustration_get_type ())

G_DECLARE_FINAL_TYPE (GuideIllustration, guide_illustration, GUIDE, ILLUSTRATION, GtkWidget)

GuideScreenshot *guide_illustration_get_screenshot (GuideIllustration *self);
void             guide_illustration_set_screenshot (GuideIllustration *self,
                                                    GuideScreenshot   *screenshot);
double           guide_illustration_get_zoom       (GuideIllustration *self);
void             guide_illustration_set_zoom       (GuideIllustration *self,
                                                    double             zoom);
double           guide_illustration_get_fit_scale  (GuideIllustration *self,
                                                    int                width,
                                                    int                height);
GdkTexture      *guide_illustration_get_texture    (GuideIllustration *self);

G_END_DECLS

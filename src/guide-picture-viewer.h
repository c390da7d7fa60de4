/* guide-picture-viewer.h
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

#include <adwaita.h>

#include "guide-screenshot.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_PICTURE_VIEWER (guide_picture_viewer_get_type ())

G_DECLARE_FINAL_TYPE (GuidePictureViewer, guide_picture_viewer, GUIDE, PICTURE_VIEWER, AdwWindow)

GtkWidget *guide_picture_viewer_new (GtkWindow       *parent,
                                     GuideScreenshot *screenshot,
                                     const char      *description);

G_END_DECLS

/* guide-screenshot.h
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

G_BEGIN_DECLS

#define GUIDE_TYPE_SCREENSHOT (guide_screenshot_get_type ())

G_DECLARE_FINAL_TYPE (GuideScreenshot, guide_screenshot, GUIDE, SCREENSHOT, GObject)

GuideScreenshot *guide_screenshot_lookup      (const char      *file_name,
                                               const char      *language);
GuideScreenshot *guide_screenshot_new_for_file (const char     *path,
                                               GError         **error);
void             guide_screenshot_set_site_folder (const char  *folder);
const char      *guide_screenshot_get_origin  (GuideScreenshot *self);
gboolean         guide_screenshot_is_vector   (GuideScreenshot *self);
gboolean         guide_screenshot_draw          (GuideScreenshot  *self,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height,
                                                 GError          **error);

G_END_DECLS

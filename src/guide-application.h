/* guide-application.h
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

#include "guide-library.h"
#include "guide-progress.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_APPLICATION (guide_application_get_type ())

G_DECLARE_FINAL_TYPE (GuideApplication, guide_application, GUIDE, APPLICATION, AdwApplication)

GuideApplication *guide_application_new           (void);
const char       *guide_application_get_language  (GuideApplication *self);
GuideBook        *guide_application_get_book      (GuideApplication *self);
GuideLibrary     *guide_application_get_library   (GuideApplication *self);
GuideProgress    *guide_application_get_progress  (GuideApplication *self);
GSettings        *guide_application_get_settings  (GuideApplication *self);

G_END_DECLS

/* guide-presentation.h
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

G_BEGIN_DECLS

#define GUIDE_TYPE_PRESENTATION (guide_presentation_get_type ())

G_DECLARE_FINAL_TYPE (GuidePresentation, guide_presentation, GUIDE, PRESENTATION, AdwWindow)

GtkWidget *guide_presentation_new (GtkApplication *application,
                                   GuideLibrary   *library,
                                   const char     *language);

G_END_DECLS

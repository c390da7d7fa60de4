/* guide-presentation-fit.h
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

/* The fitting of a slide to the screen, for guide-presentation.c and
 * guide-presentation-slides.c. */

#pragma once

#include "guide-presentation.h"

G_BEGIN_DECLS

/* The first layout of the slide that fits the screen, or the smallest. Ways
 * that change nothing on this slide are not measured again. */
void guide_presentation_fit_slide (GuidePresentation *self);

G_END_DECLS

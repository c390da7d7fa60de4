/* guide-presentation-slides.h
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

/* The presentation's slides, for guide-presentation.c. */

#pragma once

#include "guide-presentation.h"

G_BEGIN_DECLS

/* The list of slides, from the guide: the title, then each stage followed
 * by its steps and its original guide's steps, then the contacts. */
void guide_presentation_build_slides (GuidePresentation *self);
/* Shows the slide at the presentation's index, fitted to the screen. */
void guide_presentation_show_slide   (GuidePresentation *self);

G_END_DECLS

/* guide-handout-content.h
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

/* The guide laid out as the handout's blocks, for guide-handout.c. */

#pragma once

#include "guide-handout.h"

G_BEGIN_DECLS

/* The whole guide, as blocks @width wide. */
void               guide_handout_build             (GuideHandout *self,
                                                    double        width);

G_END_DECLS

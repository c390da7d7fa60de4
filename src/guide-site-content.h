/* guide-site-content.h
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

/* The site's own guide, for guide-site.c; the check of its pictures is
 * guide_site_check_pictures(), in guide-site.h. */

#pragma once

#include "guide-site.h"

G_BEGIN_DECLS

/* Reads the site's guide in every language, if it has one, or none of
 * them when one is missing, wrong or does not match the others. */
void guide_site_load_guides (GuideSite *self);

G_END_DECLS

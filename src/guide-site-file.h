/* guide-site-file.h
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

/* The site file, for guide-site.c. */

#pragma once

#include "guide-site.h"

G_BEGIN_DECLS

/* The site file to read, or %NULL when there is none.
 *
 * Flatpak refuses to expose anything under /etc by its own path, but
 * --filesystem=host-etc:ro shows the host's /etc at /run/host/etc: inside a
 * Flatpak the host's site file is looked for there, after the sandbox's own
 * configuration folders (which only the app's packaging can fill). @root is
 * "/" but for the tests, which lay out a fake sandbox. */
char *guide_site_find_file (const char *root);
/* Reads the site file into @self, each problem with it told. */
void  guide_site_load_file (GuideSite  *self);

G_END_DECLS

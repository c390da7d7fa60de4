/* guide-benchmark.h
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

#include "guide-progress.h"

G_BEGIN_DECLS

gboolean guide_benchmark_start (GtkWindow     *window,
                                GuideProgress *progress);

G_END_DECLS

/* guide-sources-window.h
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

#include "guide-book.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_SOURCES_WINDOW (guide_sources_window_get_type ())

G_DECLARE_FINAL_TYPE (GuideSourcesWindow, guide_sources_window, GUIDE, SOURCES_WINDOW, AdwWindow)

GuideSourcesWindow *guide_sources_window_new (GtkWindow *parent,
                                              GuideBook *book);

G_END_DECLS

/* guide-window.h
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

#define GUIDE_TYPE_WINDOW (guide_window_get_type ())

G_DECLARE_FINAL_TYPE (GuideWindow, guide_window, GUIDE, WINDOW, AdwApplicationWindow)

GuideWindow *guide_window_new                 (GtkApplication *application,
                                               GuideLibrary   *library,
                                               GuideProgress  *progress,
                                               GSettings      *settings,
                                               const char     *language);
void         guide_window_set_language        (GuideWindow    *self,
                                               const char     *language);
void         guide_window_set_language_locked (GuideWindow    *self,
                                               gboolean        locked);
void         guide_window_add_toast           (GuideWindow    *self,
                                               const char     *text);

G_END_DECLS

/* guide-application-private.h
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

/* What guide-application.c and guide-application-actions.c share. */

#pragma once

#include "guide-application.h"

G_BEGIN_DECLS

struct _GuideApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GuideSite      *site;
  GuideLibrary   *library;
  GuideProgress  *progress;
  char           *progress_path;
  char           *startup_message;
  const char     *language;
  gboolean        language_locked;
  gboolean        options_parsed;
};

void        _guide_application_actions_init           (GuideApplication *self);
GtkWindow  *_guide_application_get_main_window        (GuideApplication *self);
const char *_guide_application_get_effective_language (GuideApplication *self);
gboolean    _guide_application_language_is_locked     (GSettings        *settings,
                                                       GuideSite        *site);

G_END_DECLS

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

/* What the application and its command line (guide-cli.c) share. */

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

gboolean     guide_application_language_is_locked     (GSettings         *settings,
                                                       GuideSite         *site);
const char  *guide_application_get_effective_language (GuideApplication  *self);
GFile       *guide_application_get_progress_file      (GuideApplication  *self);
void         guide_application_open_site              (GuideApplication  *self);
gboolean     guide_application_parent_local_command_line (GApplication   *application,
                                                          char         ***arguments,
                                                          int            *exit_status);

G_END_DECLS

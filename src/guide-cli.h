/* guide-cli.h
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

#include "guide-library.h"

G_BEGIN_DECLS

void     guide_cli_add_options      (GApplication *application);
gboolean guide_cli_primary_running  (GApplication *application);
int      guide_cli_check_site       (gboolean      require_site);
int      guide_cli_reset_progress   (GFile        *file);
int      guide_cli_export_pdf       (const char   *path,
                                     GuideLibrary *library,
                                     const char   *language,
                                     GFile        *progress_file);

G_END_DECLS

/* guide-progress-file.h
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

#include <glib.h>

G_BEGIN_DECLS

char     *guide_progress_file_resolve                  (const char  *path,
                                                        GError     **error);
gboolean  guide_progress_file_write                    (const char  *path,
                                                        const char  *data,
                                                        GError     **error);
void      guide_progress_file_explain_error            (GError      *error);
char     *guide_progress_file_move_aside               (const char  *path);
void      guide_progress_file_remove_stale_temporaries (const char  *path);

G_END_DECLS

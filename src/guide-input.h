/* guide-input.h
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

#define GUIDE_INPUT_ERROR (guide_input_error_quark ())

typedef enum
{
  GUIDE_INPUT_ERROR_NOT_REGULAR,
  GUIDE_INPUT_ERROR_TOO_LARGE,
  GUIDE_INPUT_ERROR_TOO_DEEP,
  GUIDE_INPUT_ERROR_NOT_JSON,
} GuideInputError;

/* Far above what the files the app writes or ships ever hold. */
#define GUIDE_INPUT_MAX_PROGRESS   (1024 * 1024)
#define GUIDE_INPUT_MAX_GUIDE      (4 * 1024 * 1024)
#define GUIDE_INPUT_MAX_SITE       (64 * 1024)
#define GUIDE_INPUT_MAX_PICTURE    (20 * 1024 * 1024)
#define GUIDE_INPUT_MAX_JSON_DEPTH 32

GQuark    guide_input_error_quark  (void);
gboolean  guide_input_read_file    (const char  *path,
                                    gsize        max_size,
                                    char       **contents,
                                    gsize       *length,
                                    GError     **error);
gboolean  guide_input_check_json   (const char  *data,
                                    gsize        length,
                                    GError     **error);
gboolean  guide_input_begin_read   (const char  *path);
void      guide_input_end_read     (const char  *path);

G_END_DECLS

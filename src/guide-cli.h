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

#include <gio/gio.h>


G_BEGIN_DECLS

void     guide_cli_add_options          (GApplication             *application);
int      guide_cli_handle_local_options (GApplication             *application,
                                         GVariantDict             *options);
int      guide_cli_command_line         (GApplication             *application,
                                         GApplicationCommandLine  *command_line);
gboolean guide_cli_local_command_line   (GApplication             *application,
                                         char                   ***arguments,
                                         int                      *exit_status);

G_END_DECLS

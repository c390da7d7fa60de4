/* guide-uri.h
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

G_BEGIN_DECLS

gboolean  guide_uri_is_allowed         (const char *uri);
gboolean  guide_uri_is_site_acceptable (const char *uri);
char     *guide_uri_find_disallowed    (const char *text,
                                        gboolean    site);
char     *guide_uri_get_display        (const char *uri);
char     *guide_uri_get_hidden_host    (const char *uri);
char     *guide_uri_get_tooltip        (const char *uri);
char     *guide_uri_build_mail         (const char *uri,
                                        const char *subject,
                                        const char *body);
PangoAttrList *guide_uri_attributes_new (const char *text);

void      guide_uri_launch             (GtkWindow           *parent,
                                        const char          *uri,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  guide_uri_launch_finish      (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS

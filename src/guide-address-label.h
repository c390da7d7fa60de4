/* guide-address-label.h
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

GtkWidget *guide_address_label_new            (const char *text);
void       guide_address_label_set_text       (GtkLabel   *label,
                                               const char *text);
void       guide_address_label_attach_tooltip (GtkWidget  *widget,
                                               const char *uri);
void       guide_address_label_set_button     (GtkButton  *button,
                                               const char *label,
                                               const char *uri);

G_END_DECLS

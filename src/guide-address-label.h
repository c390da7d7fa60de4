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

#include <adwaita.h>

G_BEGIN_DECLS

#define GUIDE_TYPE_ADDRESS_LABEL (guide_address_label_get_type ())

G_DECLARE_FINAL_TYPE (GuideAddressLabel, guide_address_label, GUIDE, ADDRESS_LABEL, AdwBin)

const char *guide_address_label_get_label      (GuideAddressLabel *self);
void        guide_address_label_set_label      (GuideAddressLabel *self,
                                                const char        *label);
void        guide_address_label_attach_tooltip (GtkWidget         *widget,
                                                const char        *uri);

G_END_DECLS

/* guide-contacts-popover.h
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

#include "guide-book.h"
#include "guide-site.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_CONTACTS_POPOVER (guide_contacts_popover_get_type ())

G_DECLARE_FINAL_TYPE (GuideContactsPopover, guide_contacts_popover, GUIDE, CONTACTS_POPOVER, GtkPopover)

void guide_contacts_popover_set_guide (GuideContactsPopover *self,
                                       GuideBook            *book,
                                       GuideSite            *site);

G_END_DECLS

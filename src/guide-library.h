/* guide-library.h
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

#include "guide-book.h"
#include "guide-site.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_LIBRARY (guide_library_get_type ())

G_DECLARE_FINAL_TYPE (GuideLibrary, guide_library, GUIDE, LIBRARY, GObject)

GuideLibrary *guide_library_new            (GuideSite    *site);
GuideSite    *guide_library_get_site       (GuideLibrary *self);
GuideBook    *guide_library_get_book       (GuideLibrary *self,
                                            const char   *language);
GPtrArray    *guide_library_list_site_addresses (GuideLibrary *self);
gboolean      guide_library_is_allowed     (GuideLibrary *self,
                                            const char   *uri);

G_END_DECLS

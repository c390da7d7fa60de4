/* guide-site.h
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

G_BEGIN_DECLS

#define GUIDE_TYPE_SITE (guide_site_get_type ())

G_DECLARE_FINAL_TYPE (GuideSite, guide_site, GUIDE, SITE, GObject)

GuideSite   *guide_site_new                   (void);
GuideSite   *guide_site_new_for_root          (const char *root);
const char  *guide_site_get_file              (GuideSite  *self);
gboolean     guide_site_get_file_unreadable   (GuideSite  *self);
const char  *guide_site_get_folder           (GuideSite  *self);
const char  *guide_site_get_language          (GuideSite  *self);
gboolean     guide_site_get_language_locked   (GuideSite  *self);
const char  *guide_site_get_contact_name      (GuideSite  *self);
const char  *guide_site_get_contact_email     (GuideSite  *self);
const char  *guide_site_get_contact_phone     (GuideSite  *self);
GuideBook   *guide_site_get_book              (GuideSite  *self,
                                               const char *language);
const char  *guide_site_get_guide_folder      (GuideSite  *self);
GPtrArray   *guide_site_get_problems          (GuideSite  *self);
GPtrArray   *guide_site_check_pictures        (GuideSite  *self);
GPtrArray   *guide_site_check_dates           (GuideSite  *self,
                                               GDateTime  *now);

G_END_DECLS

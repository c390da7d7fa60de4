/* guide-handout.h
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
#include "guide-progress.h"
#include "guide-site.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_HANDOUT (guide_handout_get_type ())

G_DECLARE_FINAL_TYPE (GuideHandout, guide_handout, GUIDE, HANDOUT, GObject)

GuideHandout      *guide_handout_new                    (GuideBook     *book,
                                                         GuideProgress *progress,
                                                         GuideSite     *site);
guint              guide_handout_paginate               (GuideHandout  *self,
                                                         double         page_width,
                                                         double         page_height);
GtkPrintOperation *guide_handout_create_print_operation (GuideHandout  *self);
gboolean           guide_handout_export_pdf             (GuideHandout  *self,
                                                         const char    *path,
                                                         GError       **error);

G_END_DECLS

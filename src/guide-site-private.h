/* guide-site-private.h
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

/* The instance of GuideSite, shared by the class (guide-site.c), the
 * reading of the site file (guide-site-file.c) and the reading of the
 * site's guide and pictures (guide-site-content.c). */

#pragma once

#include "guide-site.h"

G_BEGIN_DECLS

struct _GuideSite
{
  GObject     parent_instance;

  char       *file;
  gboolean    file_unreadable;
  char       *folder;
  char       *language;
  gboolean    language_locked;
  char       *contact_name;
  char       *contact_email;
  char       *contact_phone;
  char       *guide_folder;
  GuideBook  *books[3];
  GPtrArray  *problems;
};

/* In the order of books[]. */
static const char * const languages[] = { "fr", "it", "en" };

/* Adds a message to what is wrong with the site. */
void guide_site_add_problem (GuideSite  *self,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS

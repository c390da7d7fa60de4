/* guide-site.c
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

/* What a hospital's IT sets for every user of a workstation, in plain files
 * that also work inside a Flatpak, where the host's dconf is not visible:
 *
 * - a site file: the file $CPMS_GUIDE_SITE_CONFIG names, else, inside a
 *   Flatpak, `/app/etc/cpms-guide/site.conf`, where the organisation's
 *   extension of the app is mounted, else `cpms-guide/site.conf` under
 *   $XDG_CONFIG_DIRS (see guide_site_find_file()):
 *
 *     [Site]
 *     Language=it
 *     LockLanguage=true
 *     Folder=/srv/cpms-guide
 *
 *     [Contact]
 *     Name=Service informatique
 *     Email=support@hopital.example
 *     Phone=+33 1 23 45 67 89
 *
 * - its own guide, `guide/fr.json`, `guide/it.json` and `guide/en.json` in
 *   that folder or in `cpms-guide/` under $XDG_DATA_DIRS, replacing the
 *   built-in one in every language;
 * - its own pictures (see guide-screenshot.c).
 *
 * Nothing here is fatal: what is wrong is listed, in plain words with the
 * file and line, and the built-in behaviour is kept for it.
 *
 * This file has the class and its accessors. The site file is read in
 * guide-site-file.c, the site's guide and pictures in guide-site-content.c. */

#include "guide-site-content.h"
#include "guide-site-file.h"
#include "guide-site-private.h"

G_DEFINE_FINAL_TYPE (GuideSite, guide_site, G_TYPE_OBJECT)

void
guide_site_add_problem (GuideSite  *self,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
guide_site_dispose (GObject *object)
{
  GuideSite *self = (GuideSite *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->books); i++)
    g_clear_object (&self->books[i]);

  G_OBJECT_CLASS (guide_site_parent_class)->dispose (object);
}

static void
guide_site_finalize (GObject *object)
{
  GuideSite *self = (GuideSite *)object;

  g_free (self->file);
  g_free (self->folder);
  g_free (self->language);
  g_free (self->contact_name);
  g_free (self->contact_email);
  g_free (self->contact_phone);
  g_free (self->guide_folder);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (guide_site_parent_class)->finalize (object);
}

static void
guide_site_class_init (GuideSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = guide_site_dispose;
  object_class->finalize = guide_site_finalize;
}

static void
guide_site_init (GuideSite *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/**
 * guide_site_new:
 *
 * Reads the site file and the site's guide, if there are any. It never
 * fails: see guide_site_get_problems().
 *
 * Returns: (transfer full): the site's configuration
 */
GuideSite *
guide_site_new (void)
{
  return guide_site_new_for_root ("/");
}

/**
 * guide_site_new_for_root:
 * @root: the folder that stands for the file system's root when looking
 *   for a Flatpak sandbox (`.flatpak-info`) and the organisation's extension
 *   mounted in it (`app/etc/cpms-guide`)
 *
 * As guide_site_new(), for tests that lay out a fake sandbox.
 *
 * Returns: (transfer full): the site's configuration
 */
GuideSite *
guide_site_new_for_root (const char *root)
{
  GuideSite *self;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_object_new (GUIDE_TYPE_SITE, NULL);
  self->file = guide_site_find_file (root);
  if (self->file != NULL)
    guide_site_load_file (self);

  guide_site_load_guides (self);

  return self;
}

/**
 * guide_site_get_file:
 *
 * Returns: (nullable): the site file read, if any
 */
const char *
guide_site_get_file (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->file;
}

/**
 * guide_site_get_file_unreadable:
 *
 * Returns: whether the site file named or found could not be read at all,
 *   so that nothing of it is used
 */
gboolean
guide_site_get_file_unreadable (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), FALSE);

  return self->file_unreadable;
}

/**
 * guide_site_get_folder:
 *
 * Returns: (nullable): the site's folder of guide and pictures
 */
const char *
guide_site_get_folder (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->folder;
}

/**
 * guide_site_get_language:
 *
 * Returns: (nullable): the site's default language, "fr", "it" or "en"
 */
const char *
guide_site_get_language (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->language;
}

gboolean
guide_site_get_language_locked (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), FALSE);

  return self->language_locked;
}

const char *
guide_site_get_contact_name (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->contact_name;
}

const char *
guide_site_get_contact_email (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->contact_email;
}

const char *
guide_site_get_contact_phone (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->contact_phone;
}

/**
 * guide_site_get_book:
 * @language: "fr", "it" or "en"
 *
 * Returns: (transfer none) (nullable): the site's own guide in @language,
 *   when it has a valid one
 */
GuideBook *
guide_site_get_book (GuideSite  *self,
                     const char *language)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      return self->books[i];

  return NULL;
}

/**
 * guide_site_get_guide_folder:
 *
 * Returns: (nullable): the folder a site's guide was looked for in
 */
const char *
guide_site_get_guide_folder (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->guide_folder;
}

/**
 * guide_site_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): what is wrong with the site
 *   file and the site's guide, one message each
 */
GPtrArray *
guide_site_get_problems (GuideSite *self)
{
  g_return_val_if_fail (GUIDE_IS_SITE (self), NULL);

  return self->problems;
}

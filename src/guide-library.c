/* guide-library.c
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

/* The guides the app can show, one per language: the organisation's own when
 * its site has one, else the built-in one, read the first time it is asked
 * for. It also knows which addresses they may open: the official ones, and
 * those the site's guides and contact name, checked when they were read. */

#include "guide-library.h"
#include "guide-uri.h"

struct _GuideLibrary
{
  GObject     parent_instance;

  GuideSite  *site;
  GHashTable *books;
  GHashTable *site_addresses;
};

G_DEFINE_FINAL_TYPE (GuideLibrary, guide_library, G_TYPE_OBJECT)

static void
guide_library_dispose (GObject *object)
{
  GuideLibrary *self = (GuideLibrary *)object;

  g_clear_object (&self->site);
  g_clear_pointer (&self->books, g_hash_table_unref);
  g_clear_pointer (&self->site_addresses, g_hash_table_unref);

  G_OBJECT_CLASS (guide_library_parent_class)->dispose (object);
}

static void
guide_library_class_init (GuideLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = guide_library_dispose;
}

static void
guide_library_init (GuideLibrary *self)
{
  self->books = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->site_addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Returns: (transfer full): the guides of @site, the organisation's
 * configuration, or the built-in ones */
GuideLibrary *
guide_library_new (GuideSite *site)
{
  static const char * const languages[] = { "fr", "it", "en" };
  GuideLibrary *self = g_object_new (GUIDE_TYPE_LIBRARY, NULL);
  const char *email = guide_site_get_contact_email (site);

  self->site = g_object_ref (site);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      GuideBook *book = guide_site_get_book (site, languages[i]);
      g_autoptr(GPtrArray) addresses = NULL;
      GPtrArray *sources;

      if (book == NULL)
        continue;

      addresses = guide_book_list_addresses (book);
      for (guint j = 0; j < addresses->len; j++)
        g_hash_table_add (self->site_addresses, g_strdup (g_ptr_array_index (addresses, j)));

      sources = guide_book_get_sources (book);
      for (guint j = 0; j < sources->len; j++)
        g_hash_table_add (self->site_addresses, g_strdup (((GuideSource *) g_ptr_array_index (sources, j))->uri));
    }

  if (email != NULL)
    g_hash_table_add (self->site_addresses, g_strconcat ("mailto:", email, NULL));

  return self;
}

/* Returns: (transfer none): the organisation's configuration */
GuideSite *
guide_library_get_site (GuideLibrary *self)
{
  return self->site;
}

/* Returns: (transfer none): the guide in @language, "fr", "it" or "en": the
 * site's own when it has one, else the built-in one */
GuideBook *
guide_library_get_book (GuideLibrary *self,
                        const char   *language)
{
  GuideBook *book;

  if ((book = guide_site_get_book (self->site, language)) != NULL)
    return book;

  language = g_intern_string (language);
  book = g_hash_table_lookup (self->books, language);
  if (book == NULL)
    {
      book = guide_book_new_for_language (language);
      g_hash_table_insert (self->books, (gpointer) language, book);
    }

  return book;
}

/* Returns: (transfer container) (element-type utf8): every address of the
 * site's guide and contacts the app may open, sorted */
GPtrArray *
guide_library_list_site_addresses (GuideLibrary *self)
{
  g_autoptr(GList) keys = NULL;
  GPtrArray *addresses;

  keys = g_list_sort (g_hash_table_get_keys (self->site_addresses), (GCompareFunc) g_strcmp0);
  addresses = g_ptr_array_new ();
  for (const GList *l = keys; l != NULL; l = l->next)
    g_ptr_array_add (addresses, l->data);

  return addresses;
}

/* Whether @uri, an address the app is asked to open or %NULL, is one of the
 * official addresses, or one that the site's guides or contact name. */
gboolean
guide_library_is_allowed (GuideLibrary *self,
                          const char   *uri)
{
  return guide_uri_is_allowed (uri) ||
         (uri != NULL && g_hash_table_contains (self->site_addresses, uri));
}

/* fuzz-guide.c
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

/* Any bytes as a site's own guide, and what the app does with one it
 * accepts: list its addresses, which the launcher will be allowed to open,
 * compare it with itself, and find its helpdesk. */

#include "guide-book.h"
#include "guide-uri.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GuideBook) book = guide_book_new_from_bytes (bytes, "fuzz.json", GUIDE_BOOK_FLAGS_SITE, &error);

  g_assert ((book == NULL) == (error != NULL));

  if (book != NULL)
    {
      g_autoptr(GPtrArray) addresses = guide_book_list_addresses (book);

      for (guint i = 0; i < addresses->len; i++)
        g_assert_true (guide_uri_is_site_acceptable (g_ptr_array_index (addresses, i)));
      g_assert_true (guide_book_check_parity (book, book, NULL));
      /* The window tells whoever waits for access to write to it. */
      g_assert_nonnull (guide_book_get_helpdesk (book));
    }

  return 0;
}

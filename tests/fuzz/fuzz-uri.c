/* fuzz-uri.c
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

/* Any text as an address, and as text that writes addresses out. An
 * address accepted for a site is opened: it must be one GIO can parse, with
 * nothing in it that would end it or start another. */

#include "guide-uri.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *site_bad = NULL;
  g_autofree char *official_bad = NULL;

  if (guide_uri_is_site_acceptable (text))
    {
      g_assert_null (strpbrk (text, " \t\r\n<>\""));
      g_assert_true (!g_str_has_prefix (text, "mailto:") || strpbrk (text, ",;?") == NULL);
      g_assert_true (g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL));
    }

  if (g_utf8_validate (text, -1, NULL))
    {
      site_bad = guide_uri_find_disallowed (text, TRUE);
      official_bad = guide_uri_find_disallowed (text, FALSE);
    }

  return 0;
}

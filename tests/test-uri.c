/* test-uri.c
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

/* The allow-list of addresses the app may open. */

#include "guide-uri.h"

static void
test_allowed (void)
{
  g_assert_true (guide_uri_is_allowed ("https://cpms.ern-net.eu/login/"));
  g_assert_true (guide_uri_is_allowed ("https://webgate.ec.europa.eu/cas"));
  g_assert_true (guide_uri_is_allowed ("mailto:ern.reconnet@ao-pisa.toscana.it"));

  g_assert_false (guide_uri_is_allowed (NULL));
  g_assert_false (guide_uri_is_allowed ("http://cpms.ern-net.eu/login/"));
  g_assert_false (guide_uri_is_allowed ("https://cpms.ern-net.eu/login/?next=https://example.org"));
  g_assert_false (guide_uri_is_allowed ("https://webgate.ec.europa.eu/cas.example.org"));
  g_assert_false (guide_uri_is_allowed ("file:///etc/passwd"));
  g_assert_false (guide_uri_is_allowed ("mailto:helpdesk.reconnet@ao-pisa.toscana.it?cc=x@example.org"));
}

static void
test_find_disallowed (void)
{
  char *bad;

  g_assert_null (guide_uri_find_disallowed ("Allez à l'adresse https://webgate.ec.europa.eu/cas.", FALSE));
  g_assert_null (guide_uri_find_disallowed ("(helpdesk.reconnet@ao-pisa.toscana.it), « https://cpms.ern-net.eu/login/ »", FALSE));
  g_assert_null (guide_uri_find_disallowed ("Scrivi a “ern.reconnet@ao-pisa.toscana.it”.", FALSE));

  bad = guide_uri_find_disallowed ("Voir https://example.org/x, puis https://cpms.ern-net.eu/login/", FALSE);
  g_assert_cmpstr (bad, ==, "https://example.org/x");
  g_free (bad);

  bad = guide_uri_find_disallowed ("Écrivez à quelqu'un@example.org.", FALSE);
  g_assert_cmpstr (bad, ==, "quelqu'un@example.org");
  g_free (bad);
}

static void
test_display (void)
{
  char *display = guide_uri_get_display ("mailto:ern.reconnet@ao-pisa.toscana.it");

  g_assert_cmpstr (display, ==, "ern.reconnet@ao-pisa.toscana.it");
  g_free (display);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guide/uri/allowed", test_allowed);
  g_test_add_func ("/guide/uri/find-disallowed", test_find_disallowed);
  g_test_add_func ("/guide/uri/display", test_display);

  return g_test_run ();
}

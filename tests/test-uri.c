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
  /* CPMS 2.0, the Commission's page on it, and the EU Login Mobile App's
   * page as its official guide names it. */
  g_assert_true (guide_uri_is_allowed ("https://cpms2.ern-net.eu/"));
  g_assert_true (guide_uri_is_allowed ("https://health.ec.europa.eu/rare-diseases-and-european-reference-networks/european-reference-networks/work-erns_en"));
  g_assert_true (guide_uri_is_allowed ("https://ecas.ec.europa.eu/cas/mobile"));
  g_assert_false (guide_uri_is_allowed ("https://webgate.ec.europa.eu/cas/mobile"));
  g_assert_false (guide_uri_is_allowed ("https://cpms2.ern-net.eu/login/?next=https://example.org"));

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


/* The one check of addresses a site names, which the guide reader, the
 * site file and the launcher share. */
static void
test_site_acceptable (void)
{
  static const char * const good[] = {
    "https://intranet.hospital.example/cpms",
    "https://intranet.hospital.example:8443/cpms?lang=fr#top",
    "mailto:it@hospital.example",
    "mailto:it.desk+cpms@hôpital.example",
  };
  static const char * const bad[] = {
    "mailto:it desk@hospital.example",
    "mailto:it%20desk@hospital.example",
    "mailto:it@hospital.example,desk@hospital.example",
    "mailto:it@hospital.example;desk@hospital.example",
    "mailto:it@hospital.example?cc=all@hospital.example",
    "mailto:IT <it@hospital.example>",
    "mailto:it@",
    "mailto:@hospital.example",
    "mailto:it@hospital",
    "mailto:it@hospital..example",
    "mailto:it@@hospital.example",
    "mailto:it\n@hospital.example",
    "mailto://it@hospital.example",
    "mailto:all,x@y/../it@hospital.example",
    "mailto:it@hospital.example#desk",
    "https://",
    "https:///cpms",
    "https://user@intranet.hospital.example/",
    "https://intranet.hospital.example/a page",
    "https://intranet.hospital.example/\x07",
    "https://intranet.hospital.example/%zz",
    "https:intranet.hospital.example",
    "http://intranet.hospital.example/",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "",
    NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (guide_uri_is_site_acceptable (good[i]));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (guide_uri_is_site_acceptable (bad[i]));
    }
}

/* A prepared message: every character a mail client would read as the end
 * of the subject, another header or another recipient is encoded, and the
 * client gets back exactly the subject and the body, with CRLF lines. */
static void
test_build_mail (void)
{
  g_autofree char *mail = guide_uri_build_mail ("mailto:helpdesk.reconnet@ao-pisa.toscana.it",
                                                "Accès invité & CPMS 2.0 ?",
                                                "Bonjour,\n\nNom : \nE-mail : a@b.example&cc=x@evil.example\n%0A#end");
  g_autoptr(GUri) uri = g_uri_parse (mail, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) params = NULL;

  g_assert_nonnull (uri);
  g_assert_true (g_str_has_prefix (mail, "mailto:helpdesk.reconnet@ao-pisa.toscana.it?subject="));
  g_assert_cmpstr (g_uri_get_path (uri), ==, "helpdesk.reconnet@ao-pisa.toscana.it");
  g_assert_null (g_uri_get_fragment (uri));
  g_assert_null (strchr (mail, ' '));
  g_assert_null (strchr (mail, '\n'));
  g_assert_nonnull (strstr (mail, "%0D%0A"));

  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_cmpuint (g_hash_table_size (params), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, "Accès invité & CPMS 2.0 ?");
  g_assert_cmpstr (g_hash_table_lookup (params, "body"), ==,
                   "Bonjour,\r\n\r\nNom : \r\nE-mail : a@b.example&cc=x@evil.example\r\n%0A#end");

  g_clear_pointer (&mail, g_free);
  mail = guide_uri_build_mail ("mailto:ern.reconnet@ao-pisa.toscana.it", NULL, "x");
  g_assert_cmpstr (mail, ==, "mailto:ern.reconnet@ao-pisa.toscana.it?body=x");
}

static void
test_display (void)
{
  char *display = guide_uri_get_display ("mailto:ern.reconnet@ao-pisa.toscana.it");

  g_assert_cmpstr (display, ==, "ern.reconnet@ao-pisa.toscana.it");
  g_free (display);
}

/* A host written so that it passes for another: the one the browser opens,
 * decoded and in punycode, as DNS knows it. */
static void
test_hidden_host (void)
{
  static const struct {
    const char *uri;
    const char *host;
  } cases[] = {
    { "https://webgate.ec.europa.eu%2Eevil.com/cas", "webgate.ec.europa.eu.evil.com" },
    { "https://webgate.ec.europa.eu%2eevil.com", "webgate.ec.europa.eu.evil.com" },
    /* A Cyrillic "е", then a Greek "ο". */
    { "https://w\xd0\xb5" "bgate.ec.europa.eu/cas", "xn--wbgate-3of.ec.europa.eu" },
    { "https://cpms2.ern-net.eu\xce\xbf/", "cpms2.ern-net.xn--eu-kbc" },
    { "https://%63pms2.ern-net.eu/", "cpms2.ern-net.eu" },
    { "mailto:helpdesk@a\xd0\xbe-pisa.toscana.it", "xn--a-pisa-wqf.toscana.it" },
    /* Written plainly: punycode, capitals, an encoded path. */
    { "https://xn--wbgate-3of.ec.europa.eu/", NULL },
    { "https://WebGate.ec.europa.eu/cas", NULL },
    { "https://cpms2.ern-net.eu/a%2Fb?q=%C3%A9", NULL },
    { "mailto:helpdesk.reconnet@ao-pisa.toscana.it", NULL },
    { "not an address", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *host = guide_uri_get_hidden_host (cases[i].uri);

      g_assert_cmpstr (host, ==, cases[i].host);
    }
}

/* The tooltip of a button that opens an address names the host the browser
 * really opens, when the address hides it. */
static void
test_tooltip_host (void)
{
  g_autofree char *plain = guide_uri_get_tooltip ("https://cpms2.ern-net.eu/");
  g_autofree char *encoded = guide_uri_get_tooltip ("https://cpms2.ern-net.eu%2Eevil.com/");
  g_autofree char *mail = guide_uri_get_tooltip ("mailto:helpdesk@a\xd0\xbe-pisa.toscana.it");

  g_assert_cmpstr (plain, ==, "https://cpms2.ern-net.eu/");
  g_assert_cmpstr (encoded, ==, "https://cpms2.ern-net.eu%2Eevil.com/\nThis address really opens “cpms2.ern-net.eu.evil.com”.");
  g_assert_cmpstr (mail, ==, "helpdesk@a\xd0\xbe-pisa.toscana.it\nThis address really opens “xn--a-pisa-wqf.toscana.it”.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guide/uri/allowed", test_allowed);
  g_test_add_func ("/guide/uri/find-disallowed", test_find_disallowed);
  g_test_add_func ("/guide/uri/display", test_display);
  g_test_add_func ("/guide/uri/build-mail", test_build_mail);
  g_test_add_func ("/guide/uri/site-acceptable", test_site_acceptable);
  g_test_add_func ("/guide/uri/hidden-host", test_hidden_host);
  g_test_add_func ("/guide/uri/tooltip-host", test_tooltip_host);

  return g_test_run ();
}

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

/* The allow-list of addresses the app may open, and how they are shown. */

#include "guide-test-utils.h"
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

/* Addresses alone, as under a QR code, and written in a sentence, as in the
 * guide's texts: cut only after "/", "." or "@", at every width. */
static void
test_label_breaks (void)
{
  static const char * const texts[] = {
    "https://webgate.ec.europa.eu/cas/eim/external/register.cgi",
    "https://europa.eu/regions-and-cities/set-eu-login-two-factor-authentication_en",
    "https://trusted-digital-identity.europa.eu/phase-out-eu-login-authentication-using-sms_en",
    "helpdesk.reconnet@ao-pisa.toscana.it",
    "Écrivez au helpdesk à l'adresse helpdesk.reconnet@ao-pisa.toscana.it ou à « ern.reconnet@ao-pisa.toscana.it ».",
    "Suivez le lien https://cpms.ern-net.eu/login/ pour ouvrir la page de connexion du CPMS.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint mode = 0; mode < 2; mode++)
      {
        GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));

        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), mode == 0 ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_CHAR);
        guide_uri_label_set_text (GTK_LABEL (label), texts[i]);
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, texts[i]);
        guide_test_assert_address_breaks (GTK_LABEL (label));
        g_assert_finalize_object (label);
      }
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init (&argc, &argv);

  g_test_add_func ("/guide/uri/allowed", test_allowed);
  g_test_add_func ("/guide/uri/find-disallowed", test_find_disallowed);
  g_test_add_func ("/guide/uri/display", test_display);
  g_test_add_func ("/guide/uri/label-breaks", test_label_breaks);

  return g_test_run ();
}

/* guide-uri.c
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

#include "guide-uri.h"

/* The only addresses the application ever opens: the official pages the guide
 * walks through (EU Login's page for linking the EU Login Mobile App among
 * them), the Commission's notice on SMS second factors, and the two helpdesk
 * mailboxes. A guide that names any other address is refused. */
static const char * const allowed[] = {
  "https://webgate.ec.europa.eu/cas/eim/external/register.cgi",
  "https://webgate.ec.europa.eu/cas",
  "https://webgate.ec.europa.eu/cas/mobile",
  "https://europa.eu/regions-and-cities/set-eu-login-two-factor-authentication_en",
  "https://cpms.ern-net.eu/login/",
  "https://trusted-digital-identity.europa.eu/phase-out-eu-login-authentication-using-sms_en",
  "mailto:helpdesk.reconnet@ao-pisa.toscana.it",
  "mailto:ern.reconnet@ao-pisa.toscana.it",
};

/* Addresses a site's own guide or contact adds, at start-up. */
static GHashTable *site_allowed;

/* Printable, and nothing that would end an address written in text, start
 * another one, or be read differently by the browser or mail client. */
static gboolean
is_clean (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p <= ' ' || *p == 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL)
      return FALSE;

  return g_utf8_validate (text, -1, NULL);
}

/* One address, as a person writes it: no list, no display name. */
static gboolean
is_one_mailbox (const char *address)
{
  const char *at = strchr (address, '@');
  const char *domain;

  if (at == NULL || at == address || strchr (at + 1, '@') != NULL ||
      strpbrk (address, ",;:()[]") != NULL || !is_clean (address))
    return FALSE;

  domain = at + 1;
  if (*domain == '\0' || *domain == '.' || g_str_has_suffix (domain, ".") ||
      strstr (domain, "..") != NULL || strchr (domain, '.') == NULL)
    return FALSE;

  for (const char *p = domain; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && !((guchar) *p & 0x80))
      return FALSE;

  return TRUE;
}

/**
 * guide_uri_is_site_acceptable:
 * @uri: an address from a site's guide or configuration
 *
 * The one check of an address from outside: the guide reader, the site file
 * and the launcher all rely on it.
 *
 * Returns: whether a site may name @uri: a web address over https with a
 *   host and no user name, or exactly one e-mail address
 */
gboolean
guide_uri_is_site_acceptable (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL || !is_clean (uri) ||
      (parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)) == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (g_str_equal (scheme, "https"))
    return g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0' &&
           is_clean (g_uri_get_host (parsed)) && g_uri_get_userinfo (parsed) == NULL &&
           g_str_has_prefix (uri, "https://");

  if (g_str_equal (scheme, "mailto"))
    return g_uri_get_host (parsed) == NULL && g_uri_get_query (parsed) == NULL &&
           g_uri_get_fragment (parsed) == NULL && g_str_has_prefix (uri, "mailto:") &&
           is_one_mailbox (g_uri_get_path (parsed));

  return FALSE;
}

/**
 * guide_uri_is_allowed:
 * @uri: (nullable): an address the application is asked to open
 *
 * Returns: whether @uri is one of the official addresses, or one a site
 *   named that passed guide_uri_is_site_acceptable()
 */
gboolean
guide_uri_is_allowed (const char *uri)
{
  if (uri == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_str_equal (uri, allowed[i]))
      return TRUE;

  return site_allowed != NULL && g_hash_table_contains (site_allowed, uri) &&
         guide_uri_is_site_acceptable (uri);
}

/**
 * guide_uri_allow:
 * @uri: an address a site's guide or configuration names
 *
 * Lets the application open @uri, which must be acceptable for a site.
 */
void
guide_uri_allow (const char *uri)
{
  g_return_if_fail (guide_uri_is_site_acceptable (uri));

  if (site_allowed == NULL)
    site_allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (site_allowed, g_strdup (uri));
}

/* Cuts the punctuation that ends a sentence off an address written in text. */
static char *
trim_word (const char *start,
           const char *end)
{
  while (end > start)
    {
      const char *last = g_utf8_find_prev_char (start, end);

      if (g_utf8_strchr (".,;:!?)»”\"'", -1, g_utf8_get_char (last)) == NULL)
        break;
      end = last;
    }

  return g_strndup (start, end - start);
}

static gboolean
acceptable (const char *uri,
            gboolean    site)
{
  return site ? guide_uri_is_site_acceptable (uri) : guide_uri_is_allowed (uri);
}

/**
 * guide_uri_find_disallowed:
 * @text: text that may write out web or e-mail addresses
 * @site: whether @text comes from a site, which may name any https or e-mail
 *   address, rather than from the built-in guide, which names only the
 *   official ones
 *
 * Returns: (transfer full) (nullable): the first address written in @text
 *   that is not acceptable, or %NULL when there is none
 */
char *
guide_uri_find_disallowed (const char *text,
                           gboolean    site)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\u00a0", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      const char *web = strstr (word, "://");
      g_autofree char *address = NULL;

      if (web != NULL)
        {
          const char *start = web;

          while (start > word && g_ascii_isalpha (start[-1]))
            start--;
          address = trim_word (start, word + strlen (word));
          if (!acceptable (address, site))
            return g_steal_pointer (&address);
        }
      else if (strchr (word, '@') != NULL)
        {
          g_autofree char *mailto = NULL;
          const char *start = word;

          while (*start != '\0' && g_utf8_strchr ("(«“\"'", -1, g_utf8_get_char (start)) != NULL)
            start = g_utf8_next_char (start);
          if (g_str_has_prefix (start, "mailto:"))
            start += strlen ("mailto:");
          address = trim_word (start, word + strlen (word));
          mailto = g_strconcat ("mailto:", address, NULL);
          if (!acceptable (mailto, site))
            return g_steal_pointer (&address);
        }
    }

  return NULL;
}

/**
 * guide_uri_get_display:
 * @uri: an address
 *
 * Returns: (transfer full): @uri as a person would write it: an e-mail
 *   address without “mailto:”, a phone number without “tel:”
 */
char *
guide_uri_get_display (const char *uri)
{
  if (g_str_has_prefix (uri, "mailto:"))
    return g_strdup (uri + strlen ("mailto:"));

  if (g_str_has_prefix (uri, "tel:"))
    return g_strdup (uri + strlen ("tel:"));

  return g_strdup (uri);
}

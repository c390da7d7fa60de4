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

#include "guide-i18n.h"
#include "guide-uri.h"

/* The only addresses the application ever opens: the official pages the guide
 * walks through, the pages it cites as its sources (data/guide/README.md),
 * and the two helpdesk mailboxes. A guide that names any other address is
 * refused. The former CPMS's login page stays for the original guide's
 * steps, kept for reference. */
static const char * const allowed[] = {
  "https://webgate.ec.europa.eu/cas/eim/external/register.cgi",
  "https://webgate.ec.europa.eu/cas",
  "https://ecas.ec.europa.eu/cas/mobile",
  "https://europa.eu/regions-and-cities/set-eu-login-two-factor-authentication_en",
  "https://cpms.ern-net.eu/login/",
  "https://cpms2.ern-net.eu/",
  "https://trusted-digital-identity.europa.eu/phase-out-eu-login-authentication-using-sms_en",
  "https://trusted-digital-identity.europa.eu/creating-managing-and-using-your-eu-login-account/how-do-i-create-my-eu-login-account_en",
  "https://trusted-digital-identity.europa.eu/creating-managing-and-using-your-eu-login-account/what-second-factor-can-i-configure-my-account_en",
  "https://trusted-digital-identity.europa.eu/eu-login-help/can-i-use-passkey-eu-login_en",
  "https://trusted-digital-identity.europa.eu/eu-login-help/i-reinstalled-eu-login-mobile-app-andor-my-device-broken-was-stolen-or-i-replaced-it_en",
  "https://ec.europa.eu/digital-building-blocks/sites/x/XYGHKg",
  "https://audiovisual.ec.europa.eu/en/video/I-231619",
  "https://health.ec.europa.eu/rare-diseases-and-european-reference-networks/european-reference-networks/work-erns_en",
  "https://ern-ithaca.eu/how-to-use-cpms-2-0",
  "https://ern-ithaca.eu/our-workgroups/healthcare-cpms",
  "https://www.erknet.org/virtual-consultation/about-cpms/clinical-patient-management-system-20",
  "https://vascern.eu/clinical-patient-management-system-cpms/submit-a-case/for-healthcare-professionals-members-of-vascern",
  "mailto:helpdesk.reconnet@ao-pisa.toscana.it",
  "mailto:ern.reconnet@ao-pisa.toscana.it",
  NULL
};

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
 * Returns: whether a site may name @uri: a web address over https with a
 *   host and no user name, or exactly one e-mail address
 */
gboolean
guide_uri_is_site_acceptable (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;

  if (uri == NULL || !is_clean (uri) ||
      (parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)) == NULL)
    return FALSE;

  /* With "//", GUri gives a host, empty when the address names none. */
  if (g_str_has_prefix (uri, "https://"))
    return *g_uri_get_host (parsed) != '\0' && is_clean (g_uri_get_host (parsed)) &&
           g_uri_get_userinfo (parsed) == NULL;

  /* As the mail client gets it: GUri's path is decoded, without "x/../". */
  if (g_str_has_prefix (uri, "mailto:"))
    return g_str_equal (g_uri_get_path (parsed), uri + strlen ("mailto:")) &&
           is_one_mailbox (g_uri_get_path (parsed));

  return FALSE;
}

/**
 * guide_uri_is_allowed:
 * @uri: (nullable): an address
 *
 * Returns: whether @uri is one of the official addresses
 */
gboolean
guide_uri_is_allowed (const char *uri)
{
  return uri != NULL && g_strv_contains (allowed, uri);
}

/* Where an address written in text ends, without the punctuation that ends
 * the sentence around it. */
static const char *
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

  return end;
}

static gboolean
is_separator (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == 0xa0;
}

/* Finds the next address written in @text at or after *@from: a word with
 * "://" (a web address) or "@" (an e-mail address, with or without
 * "mailto:"), without the quotes and punctuation around it. */
static gboolean
next_address (const char **from,
              const char **start,
              const char **end)
{
  const char *word = *from;

  while (*word != '\0')
    {
      const char *word_end;
      const char *web;

      while (*word != '\0' && is_separator (g_utf8_get_char (word)))
        word = g_utf8_next_char (word);
      for (word_end = word; *word_end != '\0' && !is_separator (g_utf8_get_char (word_end));)
        word_end = g_utf8_next_char (word_end);

      web = g_strstr_len (word, word_end - word, "://");
      if (web != NULL)
        {
          *start = web;
          while (*start > word && g_ascii_isalpha ((*start)[-1]))
            (*start)--;
        }
      else if (memchr (word, '@', word_end - word) != NULL)
        {
          *start = word;
          while (*start < word_end && g_utf8_strchr ("(«“\"'", -1, g_utf8_get_char (*start)) != NULL)
            *start = g_utf8_next_char (*start);
          if (g_str_has_prefix (*start, "mailto:"))
            *start += strlen ("mailto:");
        }
      else
        {
          word = word_end;
          continue;
        }

      *end = trim_word (*start, word_end);
      *from = word_end;
      return TRUE;
    }

  return FALSE;
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
  const char *from = text;
  const char *start, *end;

  while (next_address (&from, &start, &end))
    {
      g_autofree char *address = g_strndup (start, end - start);
      /* Without "://", it is an e-mail address. */
      g_autofree char *uri = strstr (address, "://") == NULL ? g_strconcat ("mailto:", address, NULL) : g_strdup (address);

      if (!(site ? guide_uri_is_site_acceptable (uri) : guide_uri_is_allowed (uri)))
        return g_steal_pointer (&address);
    }

  return NULL;
}

/**
 * guide_uri_attributes_new:
 * @text: text that may write out web or e-mail addresses
 *
 * A reader expects an address to go on to the next line after the
 * separators of its parts, never inside a part, where the cut reads as a
 * hyphenated word ("ao-" / "pisa") or as two words.
 *
 * Returns: (transfer full): attributes for @text under which its addresses
 *   are only cut after a “/”, a “.” or an “@”, and without an added hyphen,
 *   on screen and on paper alike
 */
PangoAttrList *
guide_uri_attributes_new (const char *text)
{
  PangoAttrList *attributes = pango_attr_list_new ();
  const char *from = text;
  const char *start, *end;

  while (next_address (&from, &start, &end))
    {
      const char *part = start;
      const char *address_end = end;
      PangoAttribute *attribute = pango_attr_insert_hyphens_new (FALSE);

      attribute->start_index = start - text;
      attribute->end_index = end - text;
      pango_attr_list_insert (attributes, attribute);

      /* The last part keeps the punctuation that follows the address, such
       * as a comma. */
      while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);

      /* Pango allows no break strictly inside each part. */
      for (const char *p = start; p < end; p++)
        if ((p + 1 < address_end && strchr ("/.@", *p) != NULL) || p + 1 == end)
          {
            attribute = pango_attr_allow_breaks_new (FALSE);
            attribute->start_index = part - text;
            attribute->end_index = p + 1 - text;
            pango_attr_list_insert (attributes, attribute);
            part = p + 1;
          }
    }

  return attributes;
}

/**
 * guide_uri_get_display:
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

/**
 * guide_uri_get_hidden_host:
 *
 * A host written percent-encoded or in other letters than ASCII may look
 * like another one: “webgate.ec.europa.eu%2Eevil.com” opens evil.com, and a
 * Cyrillic “е” is not a Latin “e”. The browser opens the host as DNS knows
 * it: decoded, and in punycode.
 *
 * Returns: (transfer full) (nullable): the host a browser really opens for
 *   @uri when @uri writes it otherwise, or %NULL when it writes it plainly
 *   or has none
 */
char *
guide_uri_get_hidden_host (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *host;
  const char *written;
  gsize length;

  if ((parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)) == NULL)
    return NULL;

  if (g_str_equal (g_uri_get_scheme (parsed), "mailto"))
    {
      /* A mailbox's domain is a host too. */
      host = strrchr (g_uri_get_path (parsed), '@');
      written = strrchr (uri, '@');
      if (host == NULL || written == NULL)
        return NULL;
      host++;
      written++;
    }
  else
    {
      host = g_uri_get_host (parsed);
      written = strstr (uri, "://");
      if (host == NULL || written == NULL)
        return NULL;
      written += strlen ("://");
    }

  length = strcspn (written, "/?#");
  for (gsize i = 0; i < length; i++)
    if (written[i] == '%' || (guchar) written[i] >= 0x80)
      return g_hostname_to_ascii (host);

  return NULL;
}

/**
 * guide_uri_build_mail:
 * @uri: a `mailto:` address with nothing after the address
 * @subject: (nullable): the message's subject
 * @body: (nullable): the message's text, lines separated by "\n"
 *
 * Every character that is not unreserved is percent-encoded, spaces as
 * "%20" and line breaks as "%0D%0A" (RFC 6068), so that no subject or body
 * can add a recipient or a header.
 *
 * Returns: (transfer full): @uri with the subject and body a mail client
 *   fills in
 */
char *
guide_uri_build_mail (const char *uri,
                      const char *subject,
                      const char *body)
{
  GString *mail;

  g_return_val_if_fail (g_str_has_prefix (uri, "mailto:") && strchr (uri, '?') == NULL, NULL);

  mail = g_string_new (uri);
  if (subject != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (subject, NULL, TRUE);

      g_string_append_printf (mail, "?subject=%s", escaped);
    }

  if (body != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
      g_autofree char *crlf = g_strjoinv ("\r\n", lines);
      g_autofree char *escaped = g_uri_escape_string (crlf, NULL, TRUE);

      g_string_append_printf (mail, "%cbody=%s", subject != NULL ? '&' : '?', escaped);
    }

  return g_string_free (mail, FALSE);
}

/**
 * guide_uri_get_tooltip:
 *
 * Returns: (transfer full): what the tooltip of a button that opens @uri
 *   says: @uri as a person writes it, and the host the browser really opens
 *   when the address hides it (see guide_uri_get_hidden_host())
 */
char *
guide_uri_get_tooltip (const char *uri)
{
  g_autofree char *display = guide_uri_get_display (uri);
  g_autofree char *host = guide_uri_get_hidden_host (uri);

  if (host == NULL)
    return g_steal_pointer (&display);

  return g_strdup_printf (_("%s\nThis address really opens “%s”."), display, host);
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean dismissed;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
  dismissed = g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED);
#else
  gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
  dismissed = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
#endif

  if (error != NULL && !dismissed)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * guide_uri_launch:
 * @parent: the window the user asked from
 *
 * Opens @uri with the desktop's browser or mail client, through the
 * desktop portal in a sandbox.
 */
void
guide_uri_launch (GtkWindow           *parent,
                  const char          *uri,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, NULL, launch_done_cb, task);
  }
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, launch_done_cb, task);
#endif
}

/**
 * guide_uri_launch_finish:
 *
 * Returns: whether the address was opened, or the user dismissed the
 *   choice of an application: only a failure is an error
 */
gboolean
guide_uri_launch_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* guide-i18n.h
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

#pragma once

#include <gtk/gtk.h>
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* _() and this look the app's strings up in its own domain, never through
 * textdomain(): see guide-i18n.c. */
#define guide_ngettext(msgid, msgid_plural, n) g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n)

void         guide_i18n_set_language     (const char *language);
const char  *guide_i18n_get_language     (void);
const char  *guide_i18n_get_desktop_language (void);
const char  *guide_i18n_resolve_language (const char *setting);
gboolean     guide_i18n_is_language      (const char *language);
/* _() and guide_ngettext() in a language given with each call, for a
 * window that speaks another language than the application; marked as
 * returning a format derived from their argument, as gettext() is, so that
 * printf-style calls on a translation are checked. */
const char  *guide_gettext_in            (const char *language,
                                          const char *msgid) G_GNUC_FORMAT (2);
const char  *guide_ngettext_in           (const char *language,
                                          const char *msgid,
                                          const char *msgid_plural,
                                          gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
char        *guide_i18n_format_day       (const char  *language,
                                          const GDate *date);
char        *guide_i18n_format_time      (const char  *language,
                                          GDateTime   *time);
char        *guide_i18n_format_count     (const char  *language,
                                          guint        done,
                                          guint        total);
const char  *guide_i18n_describe_io_error (GIOErrorEnum  code,
                                           const char   *fallback);
void         guide_i18n_translate_widget (GtkWidget  *widget);
void         guide_i18n_translate_builder (GtkBuilder *builder);
void         guide_i18n_translate_widget_in (GtkWidget  *widget,
                                             const char *language);
GMenuModel  *guide_i18n_translate_menu   (GMenuModel *model);

G_END_DECLS

/* guide-i18n.c
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

/* The application's own strings are translated by gettext, from the
 * catalogues in LOCALEDIR, into the language that LANGUAGE names: the one
 * chosen in the app. GTK's and libadwaita's own strings follow the same
 * variable. English has no catalogue: it is the language of the msgids.
 *
 * textdomain() is never called: every lookup names the app's domain
 * (glib/gi18n-lib.h). GLib decides once per process whether g_dgettext()
 * translates at all, and would decide never to, for GTK's strings too, if
 * it first looked while the default domain was the app's and had no
 * catalogue in the language of the moment (English, on a French desktop).
 *
 * Strings in .ui templates stay ordinary translatable strings for xgettext,
 * but the templates name no translation domain, so GtkBuilder leaves them
 * in English; guide_i18n_translate_widget() translates them, remembering
 * each English original so that it can translate again after a switch.
 */

#include <locale.h>

#include "guide-i18n.h"

static const char *current_language;

/* LANGUAGE as the desktop set it, and as the application set it after. */
static char *desktop_language_variable;
static const char *own_language_variable;

/* gettext ignores LANGUAGE when the messages' locale is C, and glibc 2.39
 * and later take C.UTF-8 for C too. A process in the C locale (a script, a
 * test) takes the first of these that is installed as its messages'
 * locale: only that it is not C matters, as LANGUAGE chooses the language.
 * C.UTF-8 is the last resort, enough for older glibcs. */
static void
leave_c_locale (void)
{
  static const char * const locales[] = { "en_US.UTF-8", "en_GB.UTF-8", "fr_FR.UTF-8", "it_IT.UTF-8", "C.UTF-8" };
  const char *current = setlocale (LC_MESSAGES, NULL);

  if (current != NULL && !g_str_equal (current, "C") && !g_str_equal (current, "POSIX") && !g_str_has_prefix (current, "C."))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    if (setlocale (LC_MESSAGES, locales[i]) != NULL)
      return;
}

/* Makes gettext translate into @language. On the main thread: glibc's
 * setenv() replaces the string without freeing the old one, so a thread
 * reading it meanwhile finds one language or the other. */
static void
speak (const char *language)
{
  static gsize bound;

  if (g_once_init_enter (&bound))
    {
      /* The build tree's catalogues, for the tests and build-aux/run. */
      const char *folder = g_getenv ("CPMS_GUIDE_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, folder != NULL && *folder != '\0' ? folder : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&bound, 1);
    }

  leave_c_locale ();

  if (g_strcmp0 (g_getenv ("LANGUAGE"), language) == 0)
    return;

  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext keeps what it translated until textdomain() is called, even
   * with the domain it has (glibc's intl/textdomain.c), where setlocale()
   * with the locale it has returns at once. */
  textdomain (textdomain (NULL));
}

/* A window that speaks another language than the application's borrows
 * its own for its lookups, and gives it back. What gettext returned
 * meanwhile stays valid: it never unloads a catalogue.
 * Returns: (transfer full): LANGUAGE as it was, for give_back() */
static char *
borrow (const char *language)
{
  char *previous = g_strdup (g_getenv ("LANGUAGE"));

  speak (language);
  return previous;
}

static void
give_back (char *previous)
{
  speak (previous != NULL ? previous : "");
  g_free (previous);
}

/* A control with no text of its own, such as an icon-only button or the
 * progress bar, is named for screen readers by its tooltip: GTK 4.8 would
 * name it after its type ("GtkMenuButton"). A menu button's inner button is
 * what takes the focus, so it is named too. */
static void
name_by_tooltip (GtkWidget *widget)
{
  const char *name = NULL;

  if (GTK_IS_SCROLLBAR (widget))
    name = _("Scroll");
  else if ((GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL) ||
           (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL) ||
           GTK_IS_PROGRESS_BAR (widget))
    name = gtk_widget_get_tooltip_text (widget);

  if (name == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (GTK_IS_MENU_BUTTON (widget) && GTK_IS_BUTTON (gtk_widget_get_first_child (widget)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (widget)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static const char * const properties[] = {
  "label", "title", "subtitle", "tooltip-text", "description", "placeholder-text",
};

/* Translates what @object has from a template into the language that
 * gettext speaks now. */
static void
translate_object (GObject *object)
{
  static GQuark quarks[G_N_ELEMENTS (properties)];

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), properties[i]);
      g_autofree char *value = NULL;
      const char *msgid;
      const char *translation;

      /* Only strings that can be set after construction. */
      if (pspec == NULL || pspec->value_type != G_TYPE_STRING ||
          (pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      if (quarks[i] == 0)
        {
          g_autofree char *key = g_strconcat ("guide-msgid-", properties[i], NULL);

          quarks[i] = g_quark_from_string (key);
        }

      g_object_get (object, properties[i], &value, NULL);

      msgid = g_object_get_qdata (object, quarks[i]);
      if (msgid == NULL)
        {
          /* Only text with a translation is one of the app's own strings,
           * in English: the guide's text, or a string the app has set
           * translated already, is left alone. One that this language
           * writes as English does is found in a language that does not.
           * No text at all translates as the catalogue's header. */
          if (value == NULL || *value == '\0' || g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, value), value) == 0)
            continue;

          msgid = g_intern_string (value);
          g_object_set_qdata (object, quarks[i], (gpointer) msgid);
        }

      /* Setting a text, even the same, makes the widget measure itself again. */
      translation = g_dgettext (GETTEXT_PACKAGE, msgid);
      if (g_strcmp0 (value, translation) != 0)
        g_object_set (object, properties[i], translation, NULL);
    }
}

static void
translate_tree (GtkWidget *widget)
{
  translate_object (G_OBJECT (widget));
  name_by_tooltip (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    translate_tree (child);
}

/**
 * guide_i18n_set_language:
 * @language: "fr", "it" or "en"
 *
 * Makes @language the one of _() and of GTK's and libadwaita's own strings.
 * Setting it again makes sure that gettext still follows it, as GTK's
 * initialisation sets the process's locale again.
 */
void
guide_i18n_set_language (const char *language)
{
  current_language = g_intern_string (language);

  if (own_language_variable == NULL || g_strcmp0 (g_getenv ("LANGUAGE"), own_language_variable) != 0)
    {
      g_free (desktop_language_variable);
      desktop_language_variable = g_strdup (g_getenv ("LANGUAGE"));
    }
  own_language_variable = current_language;
  speak (current_language);
}

const char *
guide_i18n_get_language (void)
{
  return current_language;
}

static const char *
guide_language_of (const char *name)
{
  if (g_str_has_prefix (name, "it"))
    return "it";
  if (g_str_has_prefix (name, "fr"))
    return "fr";
  if (g_str_has_prefix (name, "en"))
    return "en";
  return NULL;
}

/**
 * guide_i18n_get_desktop_language:
 *
 * Returns: (nullable): "fr", "it" or "en": the first of the desktop's
 *   languages that is French, Italian or English, or %NULL when there is none
 */
const char *
guide_i18n_get_desktop_language (void)
{
  /* The desktop's LANGUAGE, not the one the application set for GTK; read
   * without setting the environment again, which other threads read. */
  gboolean own = own_language_variable != NULL && g_strcmp0 (g_getenv ("LANGUAGE"), own_language_variable) == 0;
  g_auto(GStrv) languages = g_strsplit (own ? (desktop_language_variable != NULL ? desktop_language_variable : "")
                                            : (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : ""), ":", -1);
  static const char * const locale_variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; languages[i] != NULL; i++)
    if (guide_language_of (languages[i]) != NULL)
      return guide_language_of (languages[i]);

  /* Then the locale, as gettext takes it: the first of these that is set. */
  for (guint i = 0; i < G_N_ELEMENTS (locale_variables); i++)
    {
      const char *value = g_getenv (locale_variables[i]);

      if (value != NULL && *value != '\0')
        return guide_language_of (value);
    }

  return NULL;
}

/**
 * guide_i18n_resolve_language:
 * @setting: the value of the “language” setting
 *
 * Returns: @setting when it is "fr", "it" or "en", otherwise the desktop's
 *   language, or English, which most clinicians of other countries read
 */
const char *
guide_i18n_resolve_language (const char *setting)
{
  const char *desktop;

  if (guide_i18n_is_language (setting))
    return g_intern_string (setting);

  desktop = guide_i18n_get_desktop_language ();
  return desktop != NULL ? desktop : "en";
}

/**
 * guide_i18n_is_language:
 * @language: (nullable): a language code
 *
 * Returns: whether the guide is written in @language: "fr", "it" or "en"
 */
gboolean
guide_i18n_is_language (const char *language)
{
  return g_strcmp0 (language, "fr") == 0 ||
         g_strcmp0 (language, "it") == 0 ||
         g_strcmp0 (language, "en") == 0;
}

/**
 * guide_gettext_in:
 *
 * Returns: @msgid in @language, whatever the current language is
 */
const char *
guide_gettext_in (const char *language,
                  const char *msgid)
{
  char *previous = borrow (language);
  const char *text = g_dgettext (GETTEXT_PACKAGE, msgid);

  give_back (previous);
  return text;
}

/**
 * guide_i18n_format_day:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as people write it in @language, with the
 *   month's name ("2 December 2026"), whatever the process's locale is
 */
char *
guide_i18n_format_day (const char  *language,
                       const GDate *date)
{
  static const char * const months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };

  char *previous = borrow (language);
  char *day;

  /* Translators: a date: the day of the month, the month's name, the year. */
  day = g_strdup_printf (_("%u %s %u"),
                         g_date_get_day (date),
                         g_dgettext (GETTEXT_PACKAGE, months[g_date_get_month (date) - 1]),
                         g_date_get_year (date));
  give_back (previous);
  return day;
}

/**
 * guide_i18n_format_time:
 *
 * Returns: (transfer full): the day of @time, where the user is, as
 *   guide_i18n_format_day() writes it
 */
char *
guide_i18n_format_time (const char *language,
                        GDateTime  *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                          g_date_time_get_month (local),
                                          g_date_time_get_year (local));

  return guide_i18n_format_day (language, date);
}

/**
 * guide_i18n_format_count:
 *
 * Languages differ in the number their words agree with: English says
 * "1 of 18 steps done", after the total; French "1 étape sur 18 terminée",
 * after the number done. Each translation says which.
 *
 * Returns: (transfer full): how many of @total steps are done, in @language
 */
char *
guide_i18n_format_count (const char *language,
                         guint       done,
                         guint       total)
{
  char *previous = borrow (language);
  gboolean follows_done;
  char *count;

  /* Translators: the number that the plural form of “%u of %u steps done”
   * follows in your language. Leave as “plural-follows-total” when the noun
   * goes with the total (English: “1 of 18 steps done”), or translate as
   * “plural-follows-done” when it goes with the number done (French: “1
   * étape sur 18 terminée”). Nothing else. */
  follows_done = g_str_equal (_("plural-follows-total"), "plural-follows-done");
  count = g_strdup_printf (guide_ngettext ("%u of %u step done", "%u of %u steps done", follows_done ? done : total),
                          done, total);
  give_back (previous);
  return count;
}

/**
 * guide_ngettext_in:
 *
 * Returns: the form of @msgid or @msgid_plural for @n in @language
 */
const char *
guide_ngettext_in (const char *language,
                   const char *msgid,
                   const char *msgid_plural,
                   gulong      n)
{
  char *previous = borrow (language);
  const char *text = guide_ngettext (msgid, msgid_plural, n);

  give_back (previous);
  return text;
}

/**
 * guide_i18n_translate_widget:
 *
 * Translates the strings of @widget and of everything below it that came
 * from a template into the current language.
 */
void
guide_i18n_translate_widget (GtkWidget *widget)
{
  guide_i18n_translate_widget_in (widget, current_language);
}

/**
 * guide_i18n_translate_builder:
 *
 * Translates the strings of every object @builder built, widgets or not
 * (such as the items of a shortcuts dialog), into the current language.
 */
void
guide_i18n_translate_builder (GtkBuilder *builder)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    translate_object (l->data);
}

/**
 * guide_i18n_translate_widget_in:
 *
 * Translates as guide_i18n_translate_widget() does, into @language,
 * whatever the current language is.
 */
void
guide_i18n_translate_widget_in (GtkWidget  *widget,
                                const char *language)
{
  char *previous = borrow (language);

  translate_tree (widget);
  give_back (previous);
}

/**
 * guide_i18n_describe_io_error:
 * @code: why a file could not be read or written: from a #GError with
 *   g_io_error_from_file_error(), or from errno with g_io_error_from_errno()
 * @fallback: the system's own words for it
 *
 * The system says why in English whatever the language chosen in the app:
 * the common reasons are said in the interface's language instead.
 *
 * Returns: (transfer none): the reason, or @fallback for a rare one
 */
const char *
guide_i18n_describe_io_error (GIOErrorEnum  code,
                              const char   *fallback)
{
  switch ((int) code)
    {
    case G_IO_ERROR_NO_SPACE:
      return _("the disk is full");

    case G_IO_ERROR_READ_ONLY:
      return _("the disk is read-only");

    case G_IO_ERROR_PERMISSION_DENIED:
      return _("you do not have permission");

    case G_IO_ERROR_NOT_FOUND:
      return _("it or its folder does not exist");

    case G_IO_ERROR_NOT_DIRECTORY:
    case G_IO_ERROR_EXISTS:
      return _("something that is not a folder is in the way");

    case G_IO_ERROR_IS_DIRECTORY:
      return _("it is a folder");

    default:
      return fallback;
    }
}

/**
 * guide_i18n_translate_menu:
 *
 * Returns: (transfer full): a copy of @model, a menu from a template, with
 *   its labels translated
 */
GMenuModel *
guide_i18n_translate_menu (GMenuModel *model)
{
  GMenu *menu = g_menu_new ();
  int n_items = g_menu_model_get_n_items (model);

  for (int i = 0; i < n_items; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (model, i);
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      g_autofree char *label = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_menu_item_set_label (item, g_dgettext (GETTEXT_PACKAGE, label));

      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          g_autoptr(GMenuModel) translated = guide_i18n_translate_menu (link);

          g_menu_item_set_link (item, name, translated);
          g_object_unref (link);
        }

      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

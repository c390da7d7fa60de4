/* test-i18n.c
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

/* The app's own translations, from the build tree's catalogues
 * (CPMS_GUIDE_LOCALEDIR), whatever the process locale. */

#include <errno.h>
#include <locale.h>

#include "guide-i18n.h"

static void
test_gettext (void)
{
  guide_i18n_set_language ("fr");
  g_assert_cmpstr (guide_i18n_get_language (), ==, "fr");
  g_assert_cmpstr (_("Done"), ==, "Fait");
  g_assert_cmpstr (_("Not a message of the app"), ==, "Not a message of the app");

  guide_i18n_set_language ("it");
  g_assert_cmpstr (_("Done"), ==, "Fatto");

  /* Another language for a lookup, and the application's again after it. */
  g_assert_cmpstr (guide_gettext_in ("fr", "Done"), ==, "Fait");
  g_assert_cmpstr (guide_ngettext_in ("fr", "%u of %u step done", "%u of %u steps done", 0), ==,
                   "%u étape sur %u terminée");
  g_assert_cmpstr (guide_gettext_in ("en", "Done"), ==, "Done");
  g_assert_cmpstr (_("Done"), ==, "Fatto");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "it");

  /* English is the msgids themselves; having no catalogue is not a
   * warning, which G_DEBUG=fatal-warnings would make fatal. */
  guide_i18n_set_language ("en");
  g_assert_cmpstr (guide_i18n_get_language (), ==, "en");
  g_assert_cmpstr (_("Done"), ==, "Done");
  g_assert_cmpstr (_("Main Menu"), ==, "Main Menu");
}

/* The system's common reasons a file cannot be read or written, in the
 * interface's language; a rare one in the system's own words. */
static void
test_io_errors (void)
{
  guide_i18n_set_language ("it");
  g_assert_cmpstr (guide_i18n_describe_io_error (g_io_error_from_errno (ENOSPC), NULL), ==, "il disco è pieno");
  g_assert_cmpstr (guide_i18n_describe_io_error (g_io_error_from_errno (EROFS), NULL), ==, "il disco è di sola lettura");

  guide_i18n_set_language ("fr");
  g_assert_cmpstr (guide_i18n_describe_io_error (g_io_error_from_file_error (G_FILE_ERROR_ACCES), NULL), ==,
                   "vous n’en avez pas l’autorisation");
  g_assert_cmpstr (guide_i18n_describe_io_error (G_IO_ERROR_NOT_FOUND, NULL), ==, "ce fichier ou son dossier n’existe pas");
  g_assert_cmpstr (guide_i18n_describe_io_error (g_io_error_from_errno (ENOTDIR), NULL), ==,
                   "un élément qui n’est pas un dossier se trouve sur le chemin");
  g_assert_cmpstr (guide_i18n_describe_io_error (g_io_error_from_errno (EIO), "Input/output error"), ==, "Input/output error");

  guide_i18n_set_language ("en");
  g_assert_cmpstr (guide_i18n_describe_io_error (G_IO_ERROR_READ_ONLY, NULL), ==, "the disk is read-only");
}

static void
test_plurals (void)
{
  /* French counts zero as singular, Italian as plural. */
  guide_i18n_set_language ("fr");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 0), ==, "%u étape sur %u terminée");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 1), ==, "%u étape sur %u terminée");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 2), ==, "%u étapes sur %u terminées");

  guide_i18n_set_language ("it");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 0), ==, "%u passaggi su %u completati");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 1), ==, "%u passaggio su %u completato");

  /* English, like Italian, counts zero as plural. */
  guide_i18n_set_language ("en");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 0), ==, "%u of %u steps done");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 1), ==, "%u of %u step done");
  g_assert_cmpstr (guide_ngettext ("%u of %u step done", "%u of %u steps done", 2), ==, "%u of %u steps done");
}

/* Each language's own agreement: French and Italian with the number done,
 * English with the total, for 0, 1, 2 and 18 steps done. */
static void
test_counts (void)
{
  static const struct { const char *language; guint done, total; const char *text; } counts[] = {
    { "en", 0, 18, "0 of 18 steps done" },
    { "en", 1, 18, "1 of 18 steps done" },
    { "en", 2, 18, "2 of 18 steps done" },
    { "en", 18, 18, "18 of 18 steps done" },
    { "en", 0, 1, "0 of 1 step done" },
    { "en", 1, 1, "1 of 1 step done" },
    { "fr", 0, 18, "0 étape sur 18 terminée" },
    { "fr", 1, 18, "1 étape sur 18 terminée" },
    { "fr", 2, 18, "2 étapes sur 18 terminées" },
    { "fr", 18, 18, "18 étapes sur 18 terminées" },
    { "fr", 0, 1, "0 étape sur 1 terminée" },
    { "it", 0, 18, "0 passaggi su 18 completati" },
    { "it", 1, 18, "1 passaggio su 18 completato" },
    { "it", 2, 18, "2 passaggi su 18 completati" },
    { "it", 18, 18, "18 passaggi su 18 completati" },
    { "it", 1, 1, "1 passaggio su 1 completato" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = guide_i18n_format_count (counts[i].language, counts[i].done, counts[i].total);

      g_assert_cmpstr (text, ==, counts[i].text);
    }
}

/* GTK's own strings follow the application's language where GTK's
 * translations are installed, and the desktop's language stays the
 * desktop's. */
static void
test_toolkit_language (void)
{
  g_setenv ("LANGUAGE", "", TRUE);
  g_setenv ("LC_ALL", "", TRUE);
  g_setenv ("LC_MESSAGES", "", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  guide_i18n_set_language ("it");
  if (g_str_equal (g_dgettext ("gtk40", "_Cancel"), "_Cancel"))
    {
      g_test_skip ("GTK's Italian translations are not installed");
      return;
    }
  g_assert_cmpstr (g_dgettext ("gtk40", "_Cancel"), ==, "A_nnulla");
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");

  guide_i18n_set_language ("fr");
  g_assert_cmpstr (g_dgettext ("gtk40", "_Cancel"), ==, "A_nnuler");
  guide_i18n_set_language ("en");
  g_assert_cmpstr (g_dgettext ("gtk40", "_Cancel"), ==, "_Cancel");

  /* An Italian desktop, whatever the application speaks. */
  g_setenv ("LANG", "it_IT.UTF-8", TRUE);
  guide_i18n_set_language ("fr");
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "it");
}

static void
test_resolve (void)
{
  g_assert_cmpstr (guide_i18n_resolve_language ("it"), ==, "it");
  g_assert_cmpstr (guide_i18n_resolve_language ("fr"), ==, "fr");
  g_assert_cmpstr (guide_i18n_resolve_language ("en"), ==, "en");
  g_assert_cmpstr (guide_i18n_resolve_language ("de"), ==, guide_i18n_resolve_language (""));

  g_setenv ("LANGUAGE", "", TRUE);
  g_setenv ("LC_ALL", "", TRUE);
  g_setenv ("LC_MESSAGES", "", TRUE);

  g_setenv ("LANG", "it_IT.UTF-8", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "it");
  g_setenv ("LANG", "fr_BE.UTF-8", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "fr");
  /* A language the guide is not written in: English. */
  g_setenv ("LANG", "de_DE.UTF-8", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");
  g_setenv ("LANG", "pl_PL.UTF-8", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");
  g_setenv ("LANGUAGE", "de:it", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "it");

  /* An English desktop reads the interface's own language, and the web
   * pages' one; the first of the three in the desktop's list wins. */
  g_setenv ("LANGUAGE", "", TRUE);
  g_setenv ("LANG", "en_GB.UTF-8", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");
  g_setenv ("LANG", "en_US.UTF-8", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");
  g_setenv ("LANGUAGE", "de:en:it", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");
  g_setenv ("LANGUAGE", "it:en", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "it");

  /* No language at all (the C locale) is none of the three. */
  g_setenv ("LANGUAGE", "", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");
  g_setenv ("LANG", "", TRUE);
  g_assert_cmpstr (guide_i18n_resolve_language (""), ==, "en");
}

static void
test_translate_widget (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *check = gtk_check_button_new_with_label ("Done");
  GtkWidget *other = gtk_label_new ("Texte du guide");
  GtkWidget *empty = gtk_label_new ("");

  g_object_ref_sink (box);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), other);
  gtk_box_append (GTK_BOX (box), empty);
  gtk_widget_set_tooltip_text (other, "Main Menu");

  guide_i18n_set_language ("it");
  guide_i18n_translate_widget (box);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Fatto");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (other)), ==, "Texte du guide");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (other), ==, "Menu principale");
  /* Which gettext would translate as its catalogue's header. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (empty)), ==, "");

  /* The original is remembered: translating again switches language. */
  guide_i18n_set_language ("fr");
  guide_i18n_translate_widget (box);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Fait");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (other), ==, "Menu principal");

  /* And back to the English of the template. */
  guide_i18n_set_language ("en");
  guide_i18n_translate_widget (box);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Done");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (other), ==, "Main Menu");
  guide_i18n_set_language ("fr");

  /* Text set by the app later is left alone. */
  gtk_label_set_label (GTK_LABEL (other), "Testo della guida");
  guide_i18n_translate_widget (box);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (other)), ==, "Testo della guida");

  /* A window in another language than the application's. */
  guide_i18n_translate_widget_in (box, "it");
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Fatto");
  g_assert_cmpstr (_("Done"), ==, "Fait");

  g_object_unref (box);
}

static void
test_translate_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuModel) translated = NULL;
  g_autoptr(GMenuModel) translated_section = NULL;
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;

  g_menu_append (section, "Keyboard Shortcuts", "win.show-shortcuts");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  guide_i18n_set_language ("it");
  translated = guide_i18n_translate_menu (G_MENU_MODEL (menu));
  translated_section = g_menu_model_get_item_link (translated, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (translated_section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_true (g_menu_model_get_item_attribute (translated_section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (label, !=, "Keyboard Shortcuts");
  g_assert_cmpstr (label, ==, _("Keyboard Shortcuts"));
  g_assert_cmpstr (action, ==, "win.show-shortcuts");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guide/i18n/gettext", test_gettext);
  g_test_add_func ("/guide/i18n/plurals", test_plurals);
  g_test_add_func ("/guide/i18n/counts", test_counts);
  g_test_add_func ("/guide/i18n/io-errors", test_io_errors);
  g_test_add_func ("/guide/i18n/resolve", test_resolve);
  g_test_add_func ("/guide/i18n/toolkit-language", test_toolkit_language);
  g_test_add_func ("/guide/i18n/translate-widget", test_translate_widget);
  g_test_add_func ("/guide/i18n/translate-menu", test_translate_menu);

  return g_test_run ();
}

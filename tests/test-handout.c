/* test-handout.c
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

/* The printed handout, read back as a reader would: its text with
 * pdftotext, its QR codes with a scanner (zbarimg) from pages rendered by
 * pdftoppm. The PDF is made by the real executable with no display, as a
 * script on a server would; the print dialog's path is checked in-process. */

#include "guide-handout.h"
#include "guide-handout-private.h"
#include "guide-i18n.h"
#include "guide-test-utils.h"
#include "guide-uri.h"

/* Runs @argv with the test's own folders and no display at all. */
static void
run (GuideTestRun       *result,
     const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = guide_test_launcher_new ();

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  guide_test_run_spawn (result, launcher, argv);
}

/* A file in the test's own folder, which may not exist yet. */
static char *
work_path (const char *name,
           ...)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static void
export (const char *path,
        const char *language,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GuideTestRun) result = { 0 };
  const char *argument;
  va_list args;

  g_ptr_array_add (argv, g_strdup (g_getenv ("CPMS_GUIDE_BINARY")));
  g_ptr_array_add (argv, g_strconcat ("--export-pdf=", path, NULL));
  g_ptr_array_add (argv, g_strconcat ("--language=", language, NULL));
  va_start (args, language);
  while ((argument = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (argument));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run (&result, (const char * const *) argv->pdata);
  if (result.status != 0)
    g_printerr ("%s", result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Text without any white space: what a line break or a column moved is
 * only ever a difference of. */
static char *
squeeze (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (squeezed, g_utf8_get_char (c));

  return g_string_free (squeezed, FALSE);
}

/* The text of each page, squeezed, in order. */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_auto(GuideTestRun) result = { 0 };
  g_auto(GStrv) pages = NULL;
  GStrv squeezed;
  guint n;

  run (&result, argv);
  g_assert_cmpint (result.status, ==, 0);

  pages = g_strsplit (result.out, "\f", -1);
  n = g_strv_length (pages);
  /* pdftotext ends the last page with a form feed too. */
  if (n > 0 && *pages[n - 1] == '\0')
    n--;
  squeezed = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    squeezed[i] = squeeze (pages[i]);

  return squeezed;
}

static char *
pdf_text (const char *path)
{
  g_auto(GStrv) pages = pdf_pages (path);

  return g_strjoinv ("", pages);
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  g_autofree char *squeezed = squeeze (expected);

  if (strstr (text, squeezed) == NULL)
    g_error ("The handout does not say “%s”", expected);
}

static void
assert_steps (const char *text,
              GPtrArray  *steps)
{
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      GuideStep *step = g_ptr_array_index (steps, i);

      assert_contains (text, step->text);
      if (step->uri != NULL)
        {
          g_autofree char *display = guide_uri_get_display (step->uri);

          assert_contains (text, display);
        }
    }
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_time_format (local, "%d/%m/%Y");
}

/* The whole guide, in each language, with no display: every stage's title
 * and every step's text, and each page's number and printing date. */
static void
test_export_without_display (void)
{
  const char *languages[] = { "fr", "it", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *path = work_path ("handout.pdf", NULL);
      g_autoptr(GuideBook) book = guide_book_new_for_language (languages[l]);
      GPtrArray *stages = guide_book_get_stages (book);
      GPtrArray *addresses = guide_book_get_addresses (book);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = NULL;
      g_auto(GStrv) pages = NULL;
      g_autofree char *text = NULL;
      guint n_pages;

      export (path, languages[l], NULL);
      pages = pdf_pages (path);
      text = g_strjoinv ("", pages);
      n_pages = g_strv_length (pages);
      g_assert_cmpuint (n_pages, >, stages->len);

      guide_i18n_set_language (languages[l]);
      today = g_date_time_format (now, _("%Y-%m-%d"));
      assert_contains (text, guide_book_get_title (book));
      for (guint i = 0; i < stages->len; i++)
        {
          GuideStage *stage = g_ptr_array_index (stages, i);

          g_autofree char *day = guide_i18n_format_day (languages[l], &stage->checked);
          g_autofree char *checked = g_strdup_printf (_("Checked against the official pages on %s"), day);

          assert_contains (text, stage->title);
          assert_contains (text, stage->summary);
          assert_contains (text, checked);
          assert_steps (text, stage->steps);
          if (stage->original_steps->len > 0)
            {
              assert_contains (text, stage->original_title);
              assert_steps (text, stage->original_steps);
            }
        }
      assert_contains (text, _("No longer offered"));
      assert_contains (pages[0], _("Contents"));
      for (guint i = 0; i < addresses->len; i++)
        {
          g_autofree char *display = guide_uri_get_display (((GuideAddress *) g_ptr_array_index (addresses, i))->uri);

          assert_contains (text, display);
        }

      /* A loose sheet says which it is, and when it was printed. */
      for (guint i = 0; i < n_pages; i++)
        {
          g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);
          g_autofree char *printed = g_strdup_printf (_("Printed on %s"), today);

          assert_contains (pages[i], number);
          assert_contains (pages[i], printed);
        }
    }
}

/* A stage starts a page of its own only when less than half of the page
 * before is free: on A4, in each language, some stage follows on the page
 * of the one before, and each stage's start that begins a page leaves the
 * page before at least half full, or could not have fitted on it. */
static void
test_pages_filled (void)
{
  static const char * const languages[] = { "fr", "it", "en" };
  const double height = 842 - MARGIN_TOP - MARGIN_BOTTOM;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GuideBook) book = guide_book_new_for_language (languages[l]);
      g_autoptr(GuideHandout) handout = guide_handout_new (book, NULL, NULL);
      guint n_stages = guide_book_get_stages (book)->len;
      guint n_following = 0, n_addresses = 0, n_pages;

      guide_i18n_set_language (languages[l]);
      n_pages = guide_handout_paginate (handout, 595, 842);
      for (guint i = 1; i < handout->blocks->len; i++)
        {
          GuideHandoutBlock *block = g_ptr_array_index (handout->blocks, i);
          GuideHandoutBlock *before = g_ptr_array_index (handout->blocks, i - 1);
          double chain = block->height;

          if (!block->new_page)
            continue;
          if (block->page == before->page)
            {
              n_following++;
              continue;
            }

          for (guint j = i; j + 1 < handout->blocks->len &&
                            ((GuideHandoutBlock *) g_ptr_array_index (handout->blocks, j))->keep_with_next; j++)
            chain += ((GuideHandoutBlock *) g_ptr_array_index (handout->blocks, j + 1))->space_before +
                     ((GuideHandoutBlock *) g_ptr_array_index (handout->blocks, j + 1))->height;
          g_assert_true (before->y + before->height > height / 2 ||
                         before->y + before->height + STAGE_GAP + chain > height);
        }
      g_assert_cmpuint (n_following, >, 0);

      /* Every printed text with an address, cut only where the window cuts
       * it, at every width. */
      for (guint i = 0; i < handout->layouts->len; i++)
        {
          PangoLayout *measured = g_ptr_array_index (handout->layouts, i);
          g_autoptr(PangoLayout) layout = NULL;

          if (strpbrk (pango_layout_get_text (measured), "@/") == NULL)
            continue;

          layout = pango_layout_copy (measured);
          guide_test_assert_layout_address_breaks (layout, "the handout");
          n_addresses++;
        }
      g_assert_cmpuint (n_addresses, >, 10);
      g_assert_cmpuint (n_pages, <, 15);
      g_assert_cmpuint (n_pages, >, n_stages);
    }
}

/* Ticks come from the user's own progress file, or the one named, with the
 * date of each; --blank leaves every box empty. */
static void
test_ticks (void)
{
  g_autofree char *path = work_path ("handout.pdf", NULL);
  g_autofree char *other = work_path ("other-progress.json", NULL);
  g_autoptr(GFile) default_file = guide_progress_get_default_file ();
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GuideProgress) progress = guide_progress_new (default_file);
  g_autoptr(GuideProgress) other_progress = guide_progress_new (other_file);
  g_autoptr(GError) error = NULL;
  g_autofree char *progress_option = g_strconcat ("--progress-file=", other, NULL);
  g_autofree char *done_fr = NULL;
  g_autofree char *done_it = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;

  guide_progress_load (progress, &error);
  g_assert_no_error (error);
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  guide_progress_save (progress, &error);
  g_assert_no_error (error);
  guide_progress_load (other_progress, &error);
  g_assert_no_error (error);
  guide_progress_set_done (other_progress, "cpms-access.write-helpdesk", TRUE);
  guide_progress_save (other_progress, &error);
  g_assert_no_error (error);

  date = format_date (guide_progress_get_done_time (progress, "eu-login.open-register"));
  guide_i18n_set_language ("fr");
  done_fr = g_strdup_printf (_("Done on %s"), date);
  guide_i18n_set_language ("it");
  done_it = g_strdup_printf (_("Done on %s"), date);

  /* The user's own file, in their data folder. */
  export (path, "fr", NULL);
  text = pdf_text (path);
  assert_contains (text, done_fr);
  g_clear_pointer (&text, g_free);

  /* The file named on the command line, and only it. */
  export (path, "it", progress_option, NULL);
  text = pdf_text (path);
  assert_contains (text, done_it);
  guide_i18n_set_language ("it");
  count = g_strdup_printf (guide_ngettext ("%u of %u step done", "%u of %u steps done", 1), 1, 2);
  assert_contains (text, count);
  g_clear_pointer (&text, g_free);

  /* Blank, for a new user: no tick, no date, no count. */
  export (path, "fr", "--blank", NULL);
  text = pdf_text (path);
  guide_i18n_set_language ("fr");
  g_assert_null (strstr (text, done_fr));
  {
    g_autofree char *prefix = g_strdup_printf (_("Done on %s"), "");
    g_autofree char *squeezed = squeeze (prefix);

    g_assert_null (strstr (text, squeezed));
  }
}

static gboolean
contains_string (GPtrArray  *strings,
                 const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), string))
      return TRUE;

  return FALSE;
}

/* A phone reads the addresses from paper: the codes of a page rendered at a
 * modest resolution are decoded by a scanner. */
static void
test_qr_codes (void)
{
  g_autofree char *folder = work_path ("pages", NULL);
  g_autofree char *path = work_path ("handout.pdf", NULL);
  g_autofree char *prefix = g_build_filename (folder, "page", NULL);
  const char *render[] = { "pdftoppm", "-r", "150", "-png", path, prefix, NULL };
  g_autoptr(GPtrArray) decoded = g_ptr_array_new_with_free_func (g_free);
  g_auto(GuideTestRun) rendered = { 0 };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_nonnull (g_find_program_in_path ("zbarimg"));
  export (path, "fr", "--blank", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  run (&rendered, render);
  g_assert_cmpint (rendered.status, ==, 0);

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *page = g_build_filename (folder, name, NULL);
      const char *scan[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", page, NULL };
      g_auto(GuideTestRun) scanned = { 0 };
      g_auto(GStrv) lines = NULL;

      run (&scanned, scan);
      lines = g_strsplit (scanned.out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_ptr_array_add (decoded, g_strdup (lines[i]));
    }

  /* A step's address, a contact's, and the longest of all, in a note. */
  g_assert_true (contains_string (decoded, "https://webgate.ec.europa.eu/cas/eim/external/register.cgi"));
  g_assert_true (contains_string (decoded, "mailto:helpdesk.reconnet@ao-pisa.toscana.it"));
  g_assert_true (contains_string (decoded, "https://trusted-digital-identity.europa.eu/phase-out-eu-login-authentication-using-sms_en"));

  /* Nothing printed as a code is an address the app would not open. */
  for (guint i = 0; i < decoded->len; i++)
    {
      const char *text = g_ptr_array_index (decoded, i);

      if (g_str_has_prefix (text, "https:") || g_str_has_prefix (text, "mailto:"))
        g_assert_true (guide_uri_is_allowed (text));
    }
}

static void
test_bad_options (void)
{
  const char *binary = g_getenv ("CPMS_GUIDE_BINARY");
  const char *blank_alone[] = { binary, "--blank", NULL };
  const char *bad_language[] = { binary, "--export-pdf=/dev/null", "--language=de", NULL };
  const char *bad_folder[] = { binary, "--export-pdf=/nonexistent/folder/handout.pdf", "--language=fr", NULL };
  const char *no_name[] = { binary, "--export-pdf=", NULL };
  const char *full_disk[] = { binary, "--export-pdf=/dev/full", "--language=en", NULL };
  g_auto(GuideTestRun) result1 = { 0 };
  g_auto(GuideTestRun) result2 = { 0 };
  g_auto(GuideTestRun) result3 = { 0 };
  g_auto(GuideTestRun) result4 = { 0 };
  g_auto(GuideTestRun) result5 = { 0 };

  run (&result1, blank_alone);
  g_assert_cmpint (result1.status, ==, 2);
  g_assert_nonnull (strstr (result1.err, "--export-pdf"));

  run (&result2, bad_language);
  g_assert_cmpint (result2.status, ==, 2);

  run (&result3, bad_folder);
  g_assert_cmpint (result3.status, ==, 1);
  g_assert_nonnull (strstr (result3.err, "/nonexistent/folder/handout.pdf"));

  /* A usage mistake, said as one. */
  run (&result4, no_name);
  g_assert_cmpint (result4.status, ==, 2);
  g_assert_cmpstr (result4.err, ==, "cpms-guide: --export-pdf needs the name of the PDF file to write\n");

  /* A full disk: one line, the real error, no warning from the drawing. */
  run (&result5, full_disk);
  g_assert_cmpint (result5.status, ==, 1);
  g_assert_true (g_str_has_prefix (result5.err, "cpms-guide: Could not write “/dev/full”: "));
  g_assert_cmpint (strchr (result5.err, '\n') - result5.err, ==, strlen (result5.err) - 1);
  /* The system's reason too is in the language asked for. */
  g_assert_nonnull (strstr (result3.err, "ce fichier ou son dossier n’existe pas"));
}

/* A full disk, said in the handout's language, not the system's. */
static void
test_disk_full (void)
{
  const char *binary = g_getenv ("CPMS_GUIDE_BINARY");
  /* What the drawing warns of once the disk is full is not this test's
   * business: only the message the user is left with. */
  const char *italian[] = { "env", "-u", "G_DEBUG", binary, "--export-pdf=/dev/full", "--language=it", "--blank", NULL };
  const char *french[] = { "env", "-u", "G_DEBUG", binary, "--export-pdf=/dev/full", "--language=fr", "--blank", NULL };
  g_auto(GuideTestRun) result1 = { 0 };
  g_auto(GuideTestRun) result2 = { 0 };

  run (&result1, italian);
  g_assert_cmpint (result1.status, ==, 1);
  g_assert_nonnull (strstr (result1.err, "Impossibile scrivere “/dev/full”: il disco è pieno"));
  g_assert_null (strstr (result1.err, "No space"));

  run (&result2, french);
  g_assert_cmpint (result2.status, ==, 1);
  g_assert_nonnull (strstr (result2.err, "le disque est plein"));
}

/* The print dialog's path draws the same pages, through GtkPrintOperation:
 * exported to a file here, since a test has no printer. */
static void
test_print_operation (void)
{
  g_autofree char *path = work_path ("printed.pdf", NULL);
  g_autofree char *direct = work_path ("direct.pdf", NULL);
  g_autoptr(GuideBook) book = guide_book_new_for_language ("it");
  g_autoptr(GuideHandout) handout = guide_handout_new (book, NULL, NULL);
  g_autoptr(GtkPrintOperation) operation = guide_handout_create_print_operation (handout);
  GPtrArray *stages = guide_book_get_stages (book);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) printed_pages = NULL;
  g_auto(GStrv) direct_pages = NULL;
  g_autofree char *text = NULL;

  guide_i18n_set_language ("it");
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  export (direct, "it", "--blank", NULL);
  printed_pages = pdf_pages (path);
  direct_pages = pdf_pages (direct);
  g_assert_cmpuint (g_strv_length (printed_pages), ==, g_strv_length (direct_pages));

  text = g_strjoinv ("", printed_pages);
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      assert_contains (text, stage->title);
      assert_steps (text, stage->steps);
    }
}

static gboolean
print_dialog_shown (gpointer data)
{
  GtkWindow **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* The dialog's header is in another pkg-config module; its name is
       * enough here. */
      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *dialog = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
print_dialog_gone (gpointer data)
{
  GtkWindow *dialog = NULL;

  return !print_dialog_shown (&dialog);
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* Ctrl+P, as the menu's Print…, opens the print dialog. */
static void
test_print_shortcut (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GuideApplication) application = NULL;
  GtkWidget *window = NULL;
  GtkWindow *dialog = NULL;

  g_settings_set_string (settings, "language", "fr");
  application = guide_test_start_application (NULL, &window);

  /* Keys go to a window once the window manager has given it the focus. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (guide_test_wait_for (window_active, window));
  guide_test_press_keys (window, "ctrl+p");
  g_assert_true (guide_test_wait_for (print_dialog_shown, &dialog));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (guide_test_wait_for (print_dialog_gone, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  guide_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init (&argc, &argv);

  g_test_add_func ("/guide/handout/export-without-display", test_export_without_display);
  g_test_add_func ("/guide/handout/ticks", test_ticks);
  g_test_add_func ("/guide/handout/pages-filled", test_pages_filled);
  g_test_add_func ("/guide/handout/qr-codes", test_qr_codes);
  g_test_add_func ("/guide/handout/bad-options", test_bad_options);
  g_test_add_func ("/guide/handout/disk-full", test_disk_full);
  g_test_add_func ("/guide/handout/print-operation", test_print_operation);
  g_test_add_func ("/guide/handout/print-shortcut", test_print_shortcut);

  return g_test_run ();
}

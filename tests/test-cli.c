/* test-cli.c
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

/* The command line, as rollout scripts use it: the real executable, run with
 * each test's own XDG folders. */

#include <sys/stat.h>
#include <unistd.h>

#include "guide-test-utils.h"

static void
run (GuideTestRun      *result,
     const char *const *environment,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = guide_test_launcher_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *argument;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CPMS_GUIDE_BINARY"));
  va_start (args, environment);
  while ((argument = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Outside Flatpak, unless a test says otherwise: the Flatpak build runs
   * these tests in its own sandbox. */
  g_subprocess_launcher_unsetenv (launcher, "FLATPAK_ID");
  for (guint i = 0; environment != NULL && environment[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, environment[i], environment[i + 1], TRUE);

  guide_test_run_spawn (result, launcher, (const char * const *) argv->pdata);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
test_version (void)
{
  g_auto(GuideTestRun) result = { 0 };

  run (&result, NULL, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  static const char * const options[] = {
    "--language", "--presentation", "--reset-progress", "--progress-file", "--check-site", "--require-site",
    "--export-pdf", "--blank", "--version",
  };
  static const char * const italian[] = { "LANGUAGE", "it", "LC_ALL", "C.UTF-8", NULL };
  static const char * const english[] = { "LANGUAGE", "en_GB", "LC_ALL", "C.UTF-8", NULL };
  g_auto(GuideTestRun) result = { 0 };
  g_auto(GuideTestRun) translated = { 0 };
  g_auto(GuideTestRun) in_english = { 0 };

  run (&result, NULL, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (result.out, options[i]));
  g_assert_nonnull (strstr (result.out, "Start in presentation mode, for workshops"));
  /* What the program is, in a line. */
  g_assert_nonnull (strstr (result.out, "A step-by-step guide to getting access to the CPMS"));

  run (&translated, italian, "--help", NULL);
  g_assert_nonnull (strstr (translated.out, "Avvia in modalità presentazione, per i workshop"));
  g_assert_nonnull (strstr (translated.out, "fr, it o en"));

  run (&in_english, english, "--help", NULL);
  g_assert_cmpint (in_english.status, ==, 0);
  g_assert_nonnull (strstr (in_english.out, "--language=fr|it|en"));
  g_assert_nonnull (strstr (in_english.out, "Show the guide in this language from now on: fr, it or en"));
}

static void
test_bad_options (void)
{
  g_auto(GuideTestRun) unknown = { 0 };
  g_auto(GuideTestRun) language = { 0 };
  g_auto(GuideTestRun) missing = { 0 };

  run (&unknown, NULL, "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpuint (count_lines (unknown.err), ==, 1);
  g_assert_true (g_str_has_prefix (unknown.err, "cpms-guide: "));
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));

  run (&language, NULL, "--language=de", NULL);
  g_assert_cmpint (language.status, ==, 2);
  g_assert_cmpuint (count_lines (language.err), ==, 1);
  g_assert_nonnull (strstr (language.err, "“fr”, “it” or “en”, not “de”"));

  run (&missing, NULL, "--progress-file", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpuint (count_lines (missing.err), ==, 1);
}

static void
test_reset_progress (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "elsewhere", "progress.json", NULL);
  g_autofree char *option = g_strdup_printf ("--progress-file=%s", path);
  g_autofree char *contents = NULL;
  g_autofree char *default_path = guide_test_progress_path ();
  g_auto(GuideTestRun) result = { 0 };

  guide_test_write_file (path, "{ \"version\": 1, \"current-step\": \"eu-login.create-account\","
                               " \"done\": { \"eu-login.open-register\": \"2026-01-02T03:04:05Z\" } }");
  guide_test_write_file (default_path, "{ \"version\": 1, \"done\": { \"eu-login.open-register\": \"2026-01-02T03:04:05Z\" } }");

  run (&result, NULL, "--reset-progress", option, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "eu-login.open-register"));
  g_assert_null (strstr (contents, "current-step"));
  g_clear_pointer (&contents, g_free);

  /* The user's own file is another one, left alone. */
  g_assert_true (g_file_get_contents (default_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "eu-login.open-register"));
}

static void
test_language (void)
{
  static const char * const keyfile[] = { "GSETTINGS_BACKEND", "keyfile", NULL };
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *contents = NULL;
  g_auto(GuideTestRun) result = { 0 };

  g_auto(GuideTestRun) english = { 0 };

  run (&result, keyfile, "--language=it", "--reset-progress", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "language='it'"));
  g_clear_pointer (&contents, g_free);

  run (&english, keyfile, "--language=en", "--reset-progress", NULL);
  g_assert_cmpint (english.status, ==, 0);
  g_assert_cmpstr (english.err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "language='en'"));
}

static void
test_language_locked (void)
{
  g_autofree char *site = g_build_filename (g_get_system_config_dirs ()[0], "cpms-guide", "site.conf", NULL);
  g_auto(GuideTestRun) result = { 0 };

  guide_test_write_file (site, "[Site]\nLanguage=fr\nLockLanguage=true\n");
  run (&result, NULL, "--language=it", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, "organisation"));
}

static void
test_check_site (void)
{
  g_autofree char *site = g_build_filename (g_get_user_cache_dir (), "site.conf", NULL);
  const char * const environment[] = { "CPMS_GUIDE_SITE_CONFIG", site, NULL };
  g_autofree char *guide = g_build_filename (g_get_system_data_dirs ()[0], "cpms-guide", "guide", "fr.json", NULL);
  g_auto(GuideTestRun) clean = { 0 };
  g_auto(GuideTestRun) broken = { 0 };

  run (&clean, NULL, "--check-site", NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_nonnull (strstr (clean.out, "No problems found."));

  /* For a fleet: no settings at all, told apart from good ones. */
  {
    g_auto(GuideTestRun) none = { 0 };
    g_auto(GuideTestRun) locked = { 0 };

    run (&none, NULL, "--check-site", "--require-site", NULL);
    g_assert_cmpint (none.status, ==, 3);
    g_assert_nonnull (strstr (none.out, "No settings of the organisation were found."));

    /* What was read: the language and its lock, the contact. */
    guide_test_write_file (site, "[Site]\nLanguage=it\nLockLanguage=true\n\n[Contact]\nName=IT desk\nEmail=it@hospital.example\n");
    run (&locked, environment, "--check-site", "--require-site", NULL);
    g_assert_cmpint (locked.status, ==, 0);
    g_assert_nonnull (strstr (locked.out, "Language: it, locked\n"));
    g_assert_nonnull (strstr (locked.out, "Contact: IT desk, it@hospital.example\n"));
  }

  /* A broken site file and a broken site guide: each problem, and a failure. */
  guide_test_write_file (site, "[Site]\nLanguage=es\n");
  guide_test_write_file (guide, "{ \"format\": 1,\n  \"language\": \"fr\",\n  \"title\": 42\n}\n");
  run (&broken, environment, "--check-site", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.out, "site.conf:2: Language: “es” is not fr, it or en"));
  g_assert_nonnull (strstr (broken.out, "fr.json:3: guide.title: must be text"));
  g_assert_nonnull (strstr (broken.out, "it.json"));
  g_assert_nonnull (strstr (broken.out, "en.json"));
  g_assert_nonnull (strstr (broken.out, "5 problems found."));
}


/* Runs --check-site, which must report @expected (with %s for @file). */
static void
assert_check_site_says (const char * const *environment,
                        const char         *expected,
                        const char         *file)
{
  g_autofree char *line = g_strdup_printf (expected, file);
  g_auto(GuideTestRun) result = { 0 };

  run (&result, environment, "--check-site", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, line));
}

/* What once crashed or blocked --check-site: a site guide nested 100,000
 * deep, a contact address with a space, a site file that is a FIFO. */
static void
test_check_site_hostile (void)
{
  g_autofree char *site = g_build_filename (g_get_user_cache_dir (), "site.conf", NULL);
  const char * const environment[] = { "CPMS_GUIDE_SITE_CONFIG", site, NULL };
  g_autofree char *folder = g_build_filename (g_get_system_data_dirs ()[0], "cpms-guide", "guide", NULL);
  g_autofree char *fr = g_build_filename (folder, "fr.json", NULL);
  g_autofree char *it = g_build_filename (folder, "it.json", NULL);
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *builtin_it = g_test_build_filename (G_TEST_DIST, "..", "data", "guide", "it.json", NULL);
  g_autofree char *mailto_space = g_test_build_filename (G_TEST_DIST, "data", "bad-site-guide", "contact-mailto-space.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *space = NULL;

  guide_test_write_file (fr, deep);
  g_assert_true (g_file_get_contents (builtin_it, &contents, NULL, NULL));
  guide_test_write_file (it, contents);
  assert_check_site_says (NULL, "%s: lists and objects nested more than 32 deep, so it was not read\n", fr);
  assert_check_site_says (NULL, "%s: the built-in guide is used instead\n", folder);

  g_assert_true (g_file_get_contents (mailto_space, &space, NULL, NULL));
  guide_test_write_file (fr, space);
  assert_check_site_says (NULL, "%s:34: guide.contacts.addresses[0].uri: “mailto:it desk@hospital.example” is not an e-mail address\n", fr);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0755), ==, 0);
  g_assert_cmpint (mkfifo (site, 0644), ==, 0);
  assert_check_site_says (environment, "%s: not a regular file (a FIFO, a device or a folder), so it was not read\n", site);
}

/* What once blocked --check-site or took it gigabytes, named like a site's
 * pictures: each is reported, at once. */
static void
test_check_site_pictures (void)
{
  g_autofree char *folder = g_build_filename (g_get_system_data_dirs ()[0], "cpms-guide", "screenshots", NULL);
  g_autofree char *fifo = g_build_filename (folder, "cpms-login.png", NULL);
  g_autofree char *zero = g_build_filename (folder, "saas-recap.jpg", NULL);
  g_autofree char *huge = g_build_filename (folder, "saas-guest-access.png", NULL);
  g_autofree char *bomb = g_build_filename (folder, "eu-login-add-device.svg", NULL);
  g_autofree char *deep = g_build_filename (folder, "eu-login-my-account.svg", NULL);
  g_autoptr(GString) svg = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>");
  g_auto(GuideTestRun) result = { 0 };
  g_autofree char *line = NULL;

  guide_test_write_black_png (huge, 20000, 20000);
  guide_test_write_svg_that_fails_to_draw (bomb);
  for (guint i = 0; i < 300; i++)
    g_string_append (svg, "<g>");
  guide_test_write_file (deep, svg->str);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  run (&result, NULL, "--check-site", NULL);
  g_assert_cmpint (result.status, ==, 1);

  line = g_strdup_printf ("%s: not a regular file (a FIFO, a device or a folder), so it was not read\n", fifo);
  g_assert_nonnull (strstr (result.out, line));
  g_free (line);
  line = g_strdup_printf ("%s: not a regular file (a FIFO, a device or a folder), so it was not read\n", zero);
  g_assert_nonnull (strstr (result.out, line));
  g_free (line);
  line = g_strdup_printf ("%s: 20000 × 20000 pixels, larger than a picture may be (16384 pixels wide or high, "
                          "40 million pixels in all), so it was not read\n", huge);
  g_assert_nonnull (strstr (result.out, line));
  g_free (line);
  line = g_strdup_printf ("%s: the picture is too large or too complex to draw\n", bomb);
  g_assert_nonnull (strstr (result.out, line));
  g_free (line);
  line = g_strdup_printf ("%s: the picture is too large or too complex to draw\n", deep);
  g_assert_nonnull (strstr (result.out, line));
  g_assert_null (strstr (result.out, "XML_PARSE_HUGE"));
  g_assert_nonnull (strstr (result.out, "5 problems found."));
}

/* A site guide whose stage has no checked date, or one to come: used, and
 * reported by --check-site, which fails so that a fleet check sees it. */
static void
test_check_site_dates (void)
{
  static const char * const languages[] = { "fr", "it", "en" };
  g_autofree char *folder = g_build_filename (g_get_system_data_dirs ()[0], "cpms-guide", "guide", NULL);
  g_autofree char *en = g_build_filename (folder, "en.json", NULL);
  g_autofree char *it = g_build_filename (folder, "it.json", NULL);
  g_auto(GuideTestRun) result = { 0 };
  g_autofree char *missing = NULL;
  g_autofree char *future = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", languages[i]);
      g_autofree char *builtin = g_test_build_filename (G_TEST_DIST, "..", "data", "guide", name, NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *changed = NULL;

      g_assert_true (g_file_get_contents (builtin, &contents, NULL, NULL));
      parts = g_strsplit (contents, "\"checked\": \"2026-12-02\"", 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      /* The first stage's date: left out in English, in 2099 in Italian. */
      if (g_str_equal (languages[i], "en"))
        changed = g_strconcat (parts[0], "\"x-checked\": \"\"", parts[1], NULL);
      else if (g_str_equal (languages[i], "it"))
        changed = g_strconcat (parts[0], "\"checked\": \"2099-01-31\"", parts[1], NULL);
      else
        changed = g_strdup (contents);
      guide_test_write_file (path, changed);
    }

  run (&result, NULL, "--check-site", NULL);
  missing = g_strdup_printf ("%s: guide.stages[0].checked: missing;", en);
  future = g_strdup_printf ("%s: guide.stages[0].checked: 2099-01-31 is in the future\n", it);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, missing));
  g_assert_nonnull (strstr (result.out, future));
  g_assert_nonnull (strstr (result.out, "2 problems found."));
}

/* A site guide's addresses whose host passes for another: percent-encoded,
 * in Cyrillic letters, in an e-mail address. --check-site warns with the
 * host the browser really opens, and does not fail for it: a hospital's own
 * host may be written in its language's letters. */
static void
test_check_site_hidden_hosts (void)
{
  static const char * const languages[] = { "fr", "it", "en" };
  /* "е" and "о" below are Cyrillic. */
  static const char * const replaced[][2] = {
    { "\"https://cpms2.ern-net.eu/\"", "\"https://cpms2.ern-net.eu%2Eevil.example/\"" },
    { "\"https://webgate.ec.europa.eu/cas/eim", "\"https://w\xd0\xb5" "bgate.ec.europa.eu/cas/eim" },
    { "\"mailto:helpdesk.reconnet@ao-pisa.toscana.it\"", "\"mailto:helpdesk.reconnet@a\xd0\xbe-pisa.toscana.it\"" },
  };
  g_autofree char *folder = g_build_filename (g_get_system_data_dirs ()[0], "cpms-guide", "guide", NULL);
  g_auto(GuideTestRun) result = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", languages[i]);
      g_autofree char *builtin = g_test_build_filename (G_TEST_DIST, "..", "data", "guide", name, NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (builtin, &contents, NULL, NULL));
      for (guint j = 0; j < G_N_ELEMENTS (replaced); j++)
        {
          g_auto(GStrv) parts = g_strsplit (contents, replaced[j][0], -1);

          g_assert_cmpuint (g_strv_length (parts), >, 1);
          g_free (contents);
          contents = g_strjoinv (replaced[j][1], parts);
        }
      guide_test_write_file (path, contents);
    }

  run (&result, NULL, "--check-site", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "“https://cpms2.ern-net.eu%2Eevil.example/” opens the host “cpms2.ern-net.eu.evil.example”"));
  g_assert_nonnull (strstr (result.out, "opens the host “xn--wbgate-3of.ec.europa.eu”"));
  g_assert_nonnull (strstr (result.out, "opens the host “xn--a-pisa-wqf.toscana.it”"));
  /* What was read (four lines), the three warnings, the verdict. */
  g_assert_cmpuint (count_lines (result.out), ==, 4 + 3 + 1);
  g_assert_nonnull (strstr (result.out, "No problems found."));
}

/* Every file and folder under @folder, one path a line, sorted. */
static void
list_tree (const char *folder,
           GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_ptr_array_add (paths, g_strdup (path));
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        list_tree (path, paths);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* What the user's folders hold: an export that fails must leave them as
 * they were. */
static char *
list_user_folders (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  list_tree (g_get_home_dir (), paths);
  list_tree (g_get_user_data_dir (), paths);
  list_tree (g_get_user_config_dir (), paths);
  list_tree (g_get_user_cache_dir (), paths);
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);

  return g_strjoinv ("\n", (char **) paths->pdata);
}

/* A handout that cannot be written where it was asked (a folder that does
 * not exist, a file where a folder should be; a folder of mode 0555 would
 * not do, since root may write in it): one plain line that names the file
 * and says why, in the handout's language, a failure, and nothing written
 * anywhere. Inside Flatpak, a folder that is missing or read-only is most
 * likely one the sandbox was not given: the next line says how to give it. */
static void
test_export_pdf_unwritable (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_cache_dir (), "not-a-folder", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "guide.pdf", NULL);
  g_autofree char *missing_folder = g_build_filename (g_get_user_cache_dir (), "missing", NULL);
  g_autofree char *in_missing = g_build_filename (missing_folder, "guide.pdf", NULL);
  g_autofree char *under_file_option = g_strdup_printf ("--export-pdf=%s", under_file);
  g_autofree char *in_missing_option = g_strdup_printf ("--export-pdf=%s", in_missing);
  static const char * const flatpak[] = { "FLATPAK_ID", APPLICATION_ID, NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *not_a_folder = NULL;
  g_autofree char *does_not_exist = NULL;
  g_autofree char *contents = NULL;
  gsize length = 1;
  g_auto(GuideTestRun) english = { 0 };
  g_auto(GuideTestRun) french = { 0 };
  g_auto(GuideTestRun) sandboxed = { 0 };
  g_auto(GuideTestRun) sandboxed_file = { 0 };

  guide_test_write_file (blocker, "");
  before = list_user_folders ();
  g_assert_nonnull (strstr (before, blocker));

  run (&english, NULL, under_file_option, "--language=en", NULL);
  g_assert_cmpint (english.status, ==, 1);
  not_a_folder = g_strdup_printf ("cpms-guide: Could not write “%s”: something that is not a folder is in the way\n",
                                  under_file);
  g_assert_cmpstr (english.err, ==, not_a_folder);
  g_assert_cmpstr (english.out, ==, "");
  g_assert_true (g_file_get_contents (blocker, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 0);

  run (&french, NULL, in_missing_option, "--language=fr", NULL);
  g_assert_cmpint (french.status, ==, 1);
  does_not_exist = g_strdup_printf ("cpms-guide: Impossible d'écrire « %s » : ce fichier ou son dossier n’existe pas\n",
                                    in_missing);
  g_assert_cmpstr (french.err, ==, does_not_exist);

  /* In Flatpak, in Italian: the folder to give, quoted for the shell. */
  run (&sandboxed, flatpak, in_missing_option, "--language=it", NULL);
  g_assert_cmpint (sandboxed.status, ==, 1);
  g_assert_cmpuint (count_lines (sandboxed.err), ==, 2);
  g_assert_nonnull (strstr (sandboxed.err, "il file o la sua cartella non esiste\n"));
  {
    g_autofree char *quoted_folder = g_shell_quote (missing_folder);
    g_autofree char *quoted_path = g_shell_quote (in_missing);
    g_autofree char *command = g_strdup_printf ("sandbox Flatpak, che vede solo le cartelle che le vengono date. "
                                                "Per darle questa: flatpak run --filesystem=%s " APPLICATION_ID
                                                " --export-pdf %s\n", quoted_folder, quoted_path);

    g_assert_true (g_str_has_suffix (sandboxed.err, command));
  }

  /* A file in the way is in the sandbox too: no folder to give. */
  run (&sandboxed_file, flatpak, under_file_option, "--language=en", NULL);
  g_assert_cmpint (sandboxed_file.status, ==, 1);
  g_assert_cmpstr (sandboxed_file.err, ==, not_a_folder);

  after = list_user_folders ();
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (missing_folder, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init_unit (&argc, &argv);

  g_test_add_func ("/guide/cli/version", test_version);
  g_test_add_func ("/guide/cli/help", test_help);
  g_test_add_func ("/guide/cli/bad-options", test_bad_options);
  g_test_add_func ("/guide/cli/reset-progress", test_reset_progress);
  g_test_add_func ("/guide/cli/language", test_language);
  g_test_add_func ("/guide/cli/language-locked", test_language_locked);
  g_test_add_func ("/guide/cli/check-site", test_check_site);
  g_test_add_func ("/guide/cli/check-site-hidden-hosts", test_check_site_hidden_hosts);
  g_test_add_func ("/guide/cli/check-site-hostile", test_check_site_hostile);
  g_test_add_func ("/guide/cli/check-site-pictures", test_check_site_pictures);
  g_test_add_func ("/guide/cli/check-site-dates", test_check_site_dates);
  g_test_add_func ("/guide/cli/export-pdf-unwritable", test_export_pdf_unwritable);

  return g_test_run ();
}

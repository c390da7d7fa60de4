/* test-site.c
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

/* What hospital IT sets: the site file, the site's guide and pictures, read
 * from each test's own XDG folders. */

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "guide-input.h"
#include "guide-library.h"
#include "guide-site.h"
#include "guide-test-utils.h"

static char *
write_site_file (const char *contents)
{
  char *path = g_build_filename (g_get_system_config_dirs ()[0], "cpms-guide", "site.conf", NULL);

  guide_test_write_file (path, contents);
  return path;
}

static char *
site_folder (void)
{
  char *folder = g_build_filename (g_get_user_cache_dir (), "site", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  return folder;
}

static void
assert_problem (GPtrArray  *problems,
                const char *expected)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (g_ptr_array_index (problems, i), expected))
      return;

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("problem: %s\n", (char *) g_ptr_array_index (problems, i));
  g_error ("No problem “%s”", expected);
}

static void
test_none (void)
{
  g_autoptr(GuideSite) site = guide_site_new ();

  g_assert_null (guide_site_get_file (site));
  g_assert_null (guide_site_get_language (site));
  g_assert_false (guide_site_get_language_locked (site));
  g_assert_null (guide_site_get_book (site, "fr"));
  g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 0);
}

static void
test_file (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("# Set by the hospital's IT\n"
                                               "[Site]\nLanguage=it\nLockLanguage=true\nFolder=%s\n\n"
                                               "[Contact]\nName=Servizio informatico\nEmail=it@ospedale.example\n"
                                               "Phone=+39 050 123 456\n", folder);
  g_autofree char *path = write_site_file (contents);
  g_autoptr(GuideSite) site = guide_site_new ();

  g_assert_cmpstr (guide_site_get_file (site), ==, path);
  g_assert_cmpstr (guide_site_get_language (site), ==, "it");
  g_assert_true (guide_site_get_language_locked (site));
  g_assert_cmpstr (guide_site_get_folder (site), ==, folder);
  g_assert_cmpstr (guide_site_get_contact_name (site), ==, "Servizio informatico");
  g_assert_cmpstr (guide_site_get_contact_email (site), ==, "it@ospedale.example");
  g_assert_cmpstr (guide_site_get_contact_phone (site), ==, "+39 050 123 456");
  g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 0);
  g_assert_false (guide_site_get_file_unreadable (site));
}

static void
test_environment (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "elsewhere.conf", NULL);
  g_autoptr(GuideSite) site = NULL;

  g_free (write_site_file ("[Site]\nLanguage=it\n"));
  guide_test_write_file (path, "[Site]\nLanguage=fr\n");
  g_setenv ("CPMS_GUIDE_SITE_CONFIG", path, TRUE);
  site = guide_site_new ();
  g_unsetenv ("CPMS_GUIDE_SITE_CONFIG");

  g_assert_cmpstr (guide_site_get_file (site), ==, path);
  g_assert_cmpstr (guide_site_get_language (site), ==, "fr");
}

/* English is a language of the guide like the other two. */
static void
test_english (void)
{
  g_autoptr(GuideSite) site = NULL;

  g_free (write_site_file ("[Site]\nLanguage=en\nLockLanguage=true\n"));
  site = guide_site_new ();

  g_assert_cmpstr (guide_site_get_language (site), ==, "en");
  g_assert_true (guide_site_get_language_locked (site));
  g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 0);
}

static void
test_broken_file (void)
{
  g_autofree char *path = write_site_file ("[Site]\n"
                                           "Langauge=it\n"
                                           "Language=de\n"
                                           "LockLanguage=maybe\n"
                                           "Folder=/no/such/folder\n"
                                           "[Contact]\n"
                                           "Email=not an address\n"
                                           "Phone=call me\n"
                                           "[Sites]\n");
  g_autoptr(GuideSite) site = guide_site_new ();
  GPtrArray *problems = guide_site_get_problems (site);
  g_autofree char *expected = NULL;

  /* Each problem in plain words, with its line; nothing wrong is used. */
#define EXPECT(line, text) \
  expected = g_strdup_printf ("%s:%d: %s", path, line, text); \
  assert_problem (problems, expected); \
  g_clear_pointer (&expected, g_free)
  EXPECT (2, "Langauge: unknown key in [Site]");
  EXPECT (3, "Language: “de” is not fr, it or en");
  EXPECT (4, "LockLanguage: “maybe” is not true or false");
  EXPECT (5, "Folder: “/no/such/folder” is not a folder");
  EXPECT (7, "Email: “not an address” is not an e-mail address");
  EXPECT (8, "Phone: “call me” is not a phone number");
  EXPECT (9, "[Sites]: unknown group (known: [Site], [Contact])");
#undef EXPECT

  g_assert_null (guide_site_get_language (site));
  g_assert_false (guide_site_get_language_locked (site));
  g_assert_null (guide_site_get_folder (site));
  g_assert_null (guide_site_get_contact_email (site));
  g_assert_null (guide_site_get_contact_phone (site));
}

static void
test_not_keyfile (void)
{
  g_autofree char *path = write_site_file ("Language: it\n");
  g_autoptr(GuideSite) site = guide_site_new ();
  GPtrArray *problems = guide_site_get_problems (site);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), path));
  g_assert_null (guide_site_get_language (site));
  g_assert_true (guide_site_get_file_unreadable (site));
}

/* A file the administrator named but the app cannot read is not silently
 * passed over: the window shows a banner for it. */
static void
test_unreadable (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "missing.conf", NULL);
  g_autoptr(GuideSite) site = NULL;
  GPtrArray *problems;

  g_setenv ("CPMS_GUIDE_SITE_CONFIG", path, TRUE);
  site = guide_site_new ();
  g_unsetenv ("CPMS_GUIDE_SITE_CONFIG");
  problems = guide_site_get_problems (site);

  g_assert_cmpstr (guide_site_get_file (site), ==, path);
  g_assert_true (guide_site_get_file_unreadable (site));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), path));
}

/* A fake Flatpak sandbox: its marker file, and the host's /etc where
 * --filesystem=host-etc:ro shows it. */
static char *
fake_sandbox (void)
{
  char *root = g_build_filename (g_get_user_cache_dir (), "sandbox", NULL);
  g_autofree char *info = g_build_filename (root, ".flatpak-info", NULL);

  guide_test_write_file (info, "[Application]\nname=eu.ern_reconnet.CpmsGuide\n");
  return root;
}

/* The organisation's extension of the app, as Flatpak mounts it. */
static char *
write_extension_file (const char *root,
                      const char *contents)
{
  char *path = g_build_filename (root, "app", "etc", "cpms-guide", "site.conf", NULL);

  guide_test_write_file (path, contents);
  return path;
}

static void
test_flatpak_lookup_order (void)
{
  g_autofree char *root = g_build_filename (g_get_user_cache_dir (), "sandbox", NULL);
  g_autofree char *info = NULL;
  g_autofree char *extension = write_extension_file (root, "[Site]\nLanguage=it\nLockLanguage=true\n");
  g_autofree char *host = g_build_filename (root, "run", "host", "etc", "cpms-guide", "site.conf", NULL);
  g_autofree char *sandbox_xdg = NULL;
  g_autofree char *named = g_build_filename (g_get_user_cache_dir (), "named.conf", NULL);
  GuideSite *site;

  /* Outside a Flatpak, /app is nothing of the app's. */
  site = guide_site_new_for_root (root);
  g_assert_null (guide_site_get_file (site));
  g_object_unref (site);

  /* Inside, the extension is read, and the host's /etc never is. */
  guide_test_write_file (host, "[Site]\nLanguage=fr\n");
  g_free (fake_sandbox ());
  site = guide_site_new_for_root (root);
  g_assert_cmpstr (guide_site_get_file (site), ==, extension);
  g_assert_cmpstr (guide_site_get_language (site), ==, "it");
  g_assert_true (guide_site_get_language_locked (site));
  g_object_unref (site);
  g_assert_cmpint (g_remove (extension), ==, 0);
  site = guide_site_new_for_root (root);
  g_assert_null (guide_site_get_file (site));
  g_object_unref (site);

  /* The extension first, then the sandbox's own configuration folders. */
  g_free (write_extension_file (root, "[Site]\nLanguage=it\n"));
  sandbox_xdg = write_site_file ("[Site]\nLanguage=fr\n");
  site = guide_site_new_for_root (root);
  g_assert_cmpstr (guide_site_get_file (site), ==, extension);
  g_object_unref (site);

  /* And the file the administrator names wins over everything. */
  guide_test_write_file (named, "[Site]\nLanguage=fr\n");
  g_setenv ("CPMS_GUIDE_SITE_CONFIG", named, TRUE);
  site = guide_site_new_for_root (root);
  g_unsetenv ("CPMS_GUIDE_SITE_CONFIG");
  g_assert_cmpstr (guide_site_get_file (site), ==, named);
  g_object_unref (site);

  info = g_build_filename (root, ".flatpak-info", NULL);
  g_assert_cmpint (g_remove (info), ==, 0);
}

/* The README's recipe for an organisation's extension, as written there:
 * the site file it installs is where the app, in its sandbox, reads it. */
static void
test_readme_flatpak_recipe (void)
{
  g_autofree char *readme_path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *template_path = g_test_build_filename (G_TEST_DIST, "..", "flatpak", "site-extension",
                                                         "eu.ern_reconnet.CpmsGuide.Site.json", NULL);
  g_autofree char *readme = NULL;
  g_autofree char *template = NULL;
  g_autofree char *root = fake_sandbox ();
  g_autofree char *path = NULL;
  g_autoptr(GuideSite) site = NULL;

  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  g_assert_true (g_file_get_contents (template_path, &template, NULL, NULL));
  g_assert_nonnull (strstr (readme, "flatpak/site-extension/eu.ern_reconnet.CpmsGuide.Site.json"));
  g_assert_nonnull (strstr (readme, "flatpak install --system"));
  g_assert_null (strstr (readme, "host-etc"));
  g_assert_nonnull (strstr (template, "\"build-extension\": true"));
  g_assert_nonnull (strstr (template, "/app/etc/cpms-guide"));

  path = write_extension_file (root, "[Site]\nLanguage=it\nLockLanguage=true\nFolder=/app/etc/cpms-guide\n");
  site = guide_site_new_for_root (root);
  g_assert_cmpstr (guide_site_get_file (site), ==, path);
  g_assert_true (guide_site_get_language_locked (site));
}

/* Copies a built-in guide into @folder/guide, with @from replaced by @to. */
static char *
write_guide (const char *folder,
             const char *language,
             const char *from,
             const char *to)
{
  g_autofree char *resource = g_strdup_printf (RESOURCE_BASE "/guide/%s.json", language);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = g_strsplit (text, from, -1);
  g_autofree char *changed = g_strjoinv (to, parts);
  g_autofree char *name = g_strdup_printf ("%s.json", language);
  char *path = g_build_filename (folder, "guide", name, NULL);

  guide_test_write_file (path, changed);
  return path;
}

static void
test_guide (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = write_guide (folder, "fr", "CPMS 2.0", "CPMS 2.0 (IT08 - AOU Pisan)");
  g_autofree char *it = write_guide (folder, "it", "CPMS 2.0", "CPMS 2.0 (IT08 - AOU Pisan)");
  g_autofree char *en = write_guide (folder, "en", "CPMS 2.0", "CPMS 2.0 (IT08 - AOU Pisan)");
  g_autoptr(GuideSite) site = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) dates = NULL;
  GuideStep *step;

  g_free (write_site_file (contents));
  site = guide_site_new ();

  g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 0);
  step = guide_book_find_step (guide_site_get_book (site, "it"), "cpms-access.write-helpdesk", NULL, NULL);
  g_assert_nonnull (strstr (step->text, "IT08 - AOU Pisan"));
  step = guide_book_find_step (guide_site_get_book (site, "fr"), "cpms-access.write-helpdesk", NULL, NULL);
  g_assert_nonnull (strstr (step->text, "IT08 - AOU Pisan"));
  step = guide_book_find_step (guide_site_get_book (site, "en"), "cpms-access.write-helpdesk", NULL, NULL);
  g_assert_nonnull (strstr (step->text, "IT08 - AOU Pisan"));
  g_assert_cmpstr (guide_book_get_language (guide_site_get_book (site, "en")), ==, "en");
  dates = guide_site_check_dates (site, now);
  g_assert_cmpuint (dates->len, ==, 0);
}

/* A site guide the app died reading, in a process killed as it began: each
 * start uses the built-in guide and says why, until the file changes. */
static void
test_guide_crashed_while_reading (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = write_guide (folder, "fr", "CPMS 2.0", "CPMS 2.0 (IT08 - AOU Pisan)");
  g_autofree char *it = write_guide (folder, "it", "CPMS 2.0", "CPMS 2.0 (IT08 - AOU Pisan)");
  g_autofree char *en = write_guide (folder, "en", "CPMS 2.0", "CPMS 2.0 (IT08 - AOU Pisan)");
  g_autofree char *wanted = g_strdup_printf ("%s: the app stopped while reading it at an earlier start, so it is not read again until it changes", it);

  g_free (write_site_file (contents));
  guide_test_die_reading (it);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GuideSite) site = guide_site_new ();

      g_assert_cmpstr (g_ptr_array_index (guide_site_get_problems (site), 0), ==, wanted);
      g_assert_null (guide_site_get_book (site, "fr"));
    }

  /* Changed, by the administrator who fixed it: read again. */
  g_free (write_guide (folder, "it", "CPMS 2.0", "CPMS 2.0 (IT08 - AOU Pisana)"));
  {
    g_autoptr(GuideSite) site = guide_site_new ();

    g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 0);
    g_assert_nonnull (guide_site_get_book (site, "it"));
  }
}

/* A site's guide may leave a stage's checked date out, or give one to come:
 * it is used, and the administrator's check says so, stage by stage. */
static void
test_guide_dates (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = write_guide (folder, "fr", "\"checked\": \"2026-12-02\",", "");
  g_autofree char *it = write_guide (folder, "it", "\"checked\": \"2026-12-02\"", "\"checked\": \"2099-01-31\"");
  g_autofree char *en = write_guide (folder, "en", "CPMS 2.0", "CPMS 2.0");
  g_autoptr(GuideSite) site = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) dates = NULL;
  GPtrArray *stages;

  g_free (write_site_file (contents));
  site = guide_site_new ();

  g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 0);
  stages = guide_book_get_stages (guide_site_get_book (site, "fr"));
  g_assert_false (g_date_valid (&((GuideStage *) g_ptr_array_index (stages, 0))->checked));

  dates = guide_site_check_dates (site, now);
  g_assert_cmpuint (dates->len, ==, 2 * stages->len);
  g_assert_nonnull (strstr (g_ptr_array_index (dates, 0), fr));
  g_assert_nonnull (strstr (g_ptr_array_index (dates, 0), "guide.stages[0].checked: missing"));
  g_assert_nonnull (strstr (g_ptr_array_index (dates, stages->len), it));
  g_assert_nonnull (strstr (g_ptr_array_index (dates, stages->len), "2099-01-31 is in the future"));
}

/* The addresses a site's library may open: the official ones and the site's
 * own contact; another site's library knows nothing of them. */
static void
test_library (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GuideSite) site = NULL;
  g_autoptr(GuideSite) other_site = NULL;
  g_autoptr(GuideLibrary) library = NULL;
  g_autoptr(GuideLibrary) other = NULL;

  path = write_site_file ("[Contact]\nName=Servizio informatico\nEmail=it@ospedale.example\n");
  site = guide_site_new ();
  library = guide_library_new (site);
  g_assert_cmpint (g_unlink (path), ==, 0);
  other_site = guide_site_new ();
  other = guide_library_new (other_site);

  g_assert_true (guide_library_is_allowed (library, "https://cpms.ern-net.eu/login/"));
  g_assert_true (guide_library_is_allowed (library, "mailto:it@ospedale.example"));
  g_assert_false (guide_library_is_allowed (library, "mailto:other@ospedale.example"));
  g_assert_false (guide_library_is_allowed (library, NULL));
  g_assert_true (guide_library_is_allowed (other, "https://cpms.ern-net.eu/login/"));
  g_assert_false (guide_library_is_allowed (other, "mailto:it@ospedale.example"));

  /* Without a guide of the site's own, the built-in one, read once. */
  g_assert_true (guide_library_get_book (library, "it") == guide_library_get_book (library, "it"));
  g_assert_cmpstr (guide_book_get_language (guide_library_get_book (library, "it")), ==, "it");
}

static void
test_guide_in_data_dirs (void)
{
  g_autofree char *folder = g_build_filename (g_get_system_data_dirs ()[0], "cpms-guide", NULL);
  g_autofree char *fr = write_guide (folder, "fr", "https://cpms2.ern-net.eu/", "https://intranet.hopital.example/cpms");
  g_autofree char *it = write_guide (folder, "it", "https://cpms2.ern-net.eu/", "https://intranet.hopital.example/cpms");
  g_autofree char *en = write_guide (folder, "en", "https://cpms2.ern-net.eu/", "https://intranet.hopital.example/cpms");
  g_autoptr(GuideSite) site = guide_site_new ();
  GuideStep *step = guide_book_find_step (guide_site_get_book (site, "fr"), "cpms-login.log-in", NULL, NULL);

  g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 0);
  g_assert_cmpstr (step->uri, ==, "https://intranet.hopital.example/cpms");
}

static void
test_guide_broken (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = write_guide (folder, "fr", "\"uri\": \"https://cpms.ern-net.eu/login/", "\"uri\": \"http://intranet.example/");
  g_autofree char *it = write_guide (folder, "it", "0000 Guest Access", "0000 Guest Access");
  g_autofree char *en = write_guide (folder, "en", "0000 Guest Access", "0000 Guest Access");
  g_autofree char *guide_folder = g_build_filename (folder, "guide", NULL);
  g_autoptr(GuideSite) site = NULL;
  GPtrArray *problems;
  g_autofree char *builtin = NULL;
  g_autofree char *file_line = NULL;

  g_free (write_site_file (contents));
  site = guide_site_new ();
  problems = guide_site_get_problems (site);

  /* Where, in the file, and which field; then the built-in guide. */
  g_assert_null (guide_site_get_book (site, "fr"));
  g_assert_null (guide_site_get_book (site, "it"));
  g_assert_null (guide_site_get_book (site, "en"));
  g_assert_cmpuint (problems->len, ==, 2);
  file_line = g_strdup_printf ("%s:", fr);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), file_line));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), ".uri: “http://intranet.example/” is not an https or e-mail address"));
  g_assert_true (g_ascii_isdigit (((char *) g_ptr_array_index (problems, 0))[strlen (file_line)]));
  builtin = g_strdup_printf ("%s: the built-in guide is used instead", guide_folder);
  assert_problem (problems, builtin);
}

static void
test_guide_one_language (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = write_guide (folder, "fr", "0000", "0000");
  g_autoptr(GuideSite) site = NULL;

  g_free (write_site_file (contents));
  site = guide_site_new ();

  g_assert_null (guide_site_get_book (site, "fr"));
  g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (guide_site_get_problems (site), 0), "it.json"));
  g_assert_nonnull (strstr (g_ptr_array_index (guide_site_get_problems (site), 1), "en.json"));
}

/* A guide written for French and Italian only, as before English: the
 * built-in guide in every language, rather than the site's steps in two of
 * them and the built-in ones in the third, and the missing file named. */
static void
test_guide_without_english (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = write_guide (folder, "fr", "0000 Guest Access", "IT08 - AOU Pisan");
  g_autofree char *it = write_guide (folder, "it", "0000 Guest Access", "IT08 - AOU Pisan");
  g_autofree char *guide_folder = g_build_filename (folder, "guide", NULL);
  g_autofree char *builtin = g_strdup_printf ("%s: the built-in guide is used instead", guide_folder);
  g_autoptr(GuideSite) site = NULL;
  GPtrArray *problems;

  g_free (write_site_file (contents));
  site = guide_site_new ();
  problems = guide_site_get_problems (site);

  g_assert_null (guide_site_get_book (site, "fr"));
  g_assert_null (guide_site_get_book (site, "it"));
  g_assert_null (guide_site_get_book (site, "en"));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "en.json"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "needs fr.json, it.json and en.json"));
  assert_problem (problems, builtin);
}

/* The English guide's steps must be the other two's, as theirs must match. */
static void
test_guide_english_differs (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = write_guide (folder, "fr", "0000", "0000");
  g_autofree char *it = write_guide (folder, "it", "0000", "0000");
  g_autofree char *en = write_guide (folder, "en", "cpms-access.guest-access", "cpms-access.own-provider");
  g_autoptr(GuideSite) site = NULL;
  GPtrArray *problems;

  g_free (write_site_file (contents));
  site = guide_site_new ();
  problems = guide_site_get_problems (site);

  g_assert_null (guide_site_get_book (site, "fr"));
  g_assert_null (guide_site_get_book (site, "en"));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "The fr and en guides differ at step “cpms-access.guest-access” / “cpms-access.own-provider”"));
}

static void
test_pictures (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *screenshots = g_build_filename (folder, "screenshots", NULL);
  g_autofree char *good = g_build_filename (screenshots, "cpms-login.png", NULL);
  g_autofree char *broken = g_build_filename (screenshots, "it", "saas-recap.jpg", NULL);
  g_autofree char *typo = g_build_filename (screenshots, "saas-recapp.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 8, 8);
  g_autoptr(GuideSite) site = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *expected = NULL;

  g_free (write_site_file (contents));
  guide_test_write_file (broken, "not a picture");
  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, good, "png", NULL, NULL));
  g_assert_true (gdk_pixbuf_save (pixbuf, typo, "png", NULL, NULL));

  site = guide_site_new ();
  problems = guide_site_check_pictures (site);

  g_assert_cmpuint (problems->len, ==, 2);
  expected = g_strdup_printf ("%s: the guide has no picture called “saas-recapp”", typo);
  assert_problem (problems, expected);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), broken) ||
                 g_str_has_prefix (g_ptr_array_index (problems, 1), broken));
}


static char *
first_problem (void)
{
  g_autoptr(GuideSite) site = guide_site_new ();
  GPtrArray *problems = guide_site_get_problems (site);

  g_assert_cmpuint (problems->len, >, 0);
  return g_strdup (g_ptr_array_index (problems, 0));
}

static char *
expected_message (const char *message,
                  const char *file)
{
  g_auto(GStrv) parts = g_strsplit (message, "{file}", 2);

  return g_strjoin (file, parts[0], parts[1], NULL);
}

/* Every file of tests/data/bad-site/: the problem listed for it, and no
 * warning or critical from GLib on the way. */
static void
test_bad_files (void)
{
  g_autoptr(GHashTable) expected = guide_test_read_expected ("bad-site");
  g_autofree char *path = g_build_filename (g_get_system_config_dirs ()[0], "cpms-guide", "site.conf", NULL);
  GHashTableIter iter;
  const char *name, *message;

  g_assert_cmpuint (g_hash_table_size (expected), >=, 20);
  g_free (write_site_file (""));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &message))
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bad-site", name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *problem = NULL;
      g_autofree char *wanted = expected_message (message, path);
      gsize length;

      g_test_message ("%s", name);
      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      problem = first_problem ();
      g_assert_cmpstr (problem, ==, wanted);
    }
}

/* Every guide of tests/data/bad-site-guide/, as a site's French guide: the
 * problem listed for it, and the built-in guide used. */
static void
test_bad_guides (void)
{
  g_autoptr(GHashTable) expected = guide_test_read_expected ("bad-site-guide");
  g_autofree char *folder = site_folder ();
  g_autofree char *contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *fr = g_build_filename (folder, "guide", "fr.json", NULL);
  g_autofree char *it = g_build_filename (folder, "guide", "it.json", NULL);
  g_autofree char *builtin_it = g_test_build_filename (G_TEST_DIST, "..", "data", "guide", "it.json", NULL);
  g_autofree char *it_contents = NULL;
  GHashTableIter iter;
  const char *name, *message;

  g_free (write_site_file (contents));
  g_assert_true (g_file_get_contents (builtin_it, &it_contents, NULL, NULL));
  guide_test_write_file (it, it_contents);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &message))
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bad-site-guide", name, NULL);
      g_autofree char *guide = NULL;
      g_autofree char *wanted = expected_message (message, fr);
      g_autoptr(GuideSite) site = NULL;
      gsize length;

      g_test_message ("%s", name);
      g_assert_true (g_file_get_contents (source, &guide, &length, NULL));
      g_assert_true (g_file_set_contents (fr, guide, length, NULL));
      site = guide_site_new ();
      g_assert_cmpstr (g_ptr_array_index (guide_site_get_problems (site), 0), ==, wanted);
      g_assert_null (guide_site_get_book (site, "fr"));
      g_assert_null (guide_site_get_book (site, "it"));
    }
}

/* A FIFO, as the site file or a site guide, would block start-up forever. */
static void
test_fifo (void)
{
  g_autofree char *path = g_build_filename (g_get_system_config_dirs ()[0], "cpms-guide", "site.conf", NULL);
  g_autofree char *folder = site_folder ();
  g_autofree char *guides = g_build_filename (folder, "guide", NULL);
  g_autofree char *fr = g_build_filename (guides, "fr.json", NULL);
  g_autofree char *site_contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *config = g_path_get_dirname (path);
  g_autofree char *wanted = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GuideSite) site = NULL;

  g_assert_cmpint (g_mkdir_with_parents (config, 0755), ==, 0);
  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  wanted = g_strdup_printf ("%s: not a regular file (a FIFO, a device or a folder), so it was not read", path);
  problem = first_problem ();
  g_assert_cmpstr (problem, ==, wanted);

  g_unlink (path);
  g_free (write_site_file (site_contents));
  g_assert_cmpint (g_mkdir_with_parents (guides, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fr, 0644), ==, 0);
  site = guide_site_new ();
  g_clear_pointer (&wanted, g_free);
  wanted = g_strdup_printf ("%s: not a regular file (a FIFO, a device or a folder), so it was not read;"
                            " a site's guide needs fr.json, it.json and en.json", fr);
  g_assert_cmpstr (g_ptr_array_index (guide_site_get_problems (site), 0), ==, wanted);
}

static void
test_guide_too_large (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *fr = g_build_filename (folder, "guide", "fr.json", NULL);
  g_autofree char *large = g_strnfill (GUIDE_INPUT_MAX_GUIDE + 1, ' ');
  g_autofree char *wanted = g_strdup_printf ("%s: larger than 4.0\u00a0MiB, so it was not read;"
                                             " a site's guide needs fr.json, it.json and en.json", fr);
  g_autofree char *site_contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autoptr(GuideSite) site = NULL;

  g_free (write_site_file (site_contents));
  guide_test_write_file (fr, large);
  site = guide_site_new ();
  g_assert_cmpstr (g_ptr_array_index (guide_site_get_problems (site), 0), ==, wanted);
}

/* A stage of 10,002 steps once passed the check, then kept the window from
 * answering for 20 s: a guide beyond the limits is refused, naming one. */
static void
test_guide_beyond_limits (void)
{
  g_autofree char *folder = site_folder ();
  g_autofree char *fr = g_build_filename (folder, "guide", "fr.json", NULL);
  g_autofree char *site_contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autoptr(GBytes) builtin = g_resources_lookup_data (RESOURCE_BASE "/guide/fr.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *contents = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *wanted = NULL;
  JsonObject *stage;
  JsonArray *steps;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (builtin, NULL), g_bytes_get_size (builtin), NULL));
  stage = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "stages"), 0);
  steps = json_object_get_array_member (stage, "steps");
  while (json_array_get_length (steps) < 10002)
    {
      JsonNode *step = json_node_copy (json_array_get_element (steps, 0));
      g_autofree char *id = g_strdup_printf ("%s.step-%u", json_object_get_string_member (stage, "id"),
                                             json_array_get_length (steps));

      json_object_set_string_member (json_node_get_object (step), "id", id);
      json_object_set_string_member (json_node_get_object (step), "text", "Un pas.");
      json_object_remove_member (json_node_get_object (step), "notes");
      json_object_remove_member (json_node_get_object (step), "picture");
      json_array_add_element (steps, step);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  contents = json_generator_to_data (generator, NULL);

  g_free (write_site_file (site_contents));
  guide_test_write_file (fr, contents);
  problem = first_problem ();
  wanted = g_strdup_printf ("%s:1: guide.stages[0].steps: has 10002 entries, more than the limit of 100", fr);
  g_assert_cmpstr (problem, ==, wanted);
}

/* Checking a site file once took time in the square of its size (20,000
 * unknown groups took 40 s, looking each one's line up in the whole file
 * again). Now it is a small multiple of what GLib takes to parse the file,
 * which is linear: a comparison that holds however fast the machine, or
 * slow the sanitizers. Each is the shortest of three runs, the least
 * disturbed by other processes. */
static void
test_check_is_linear (void)
{
  g_autoptr(GString) contents = g_string_new (NULL);
  gint64 parse = G_MAXINT64;
  gint64 check = G_MAXINT64;

  for (guint i = 0; i < 8000; i++)
    g_string_append_printf (contents, "[g%u]\n", i);
  g_assert_cmpuint (contents->len, <, GUIDE_INPUT_MAX_SITE);
  g_free (write_site_file (contents->str));

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GuideSite) site = NULL;

      g_assert_true (g_key_file_load_from_data (keyfile, contents->str, contents->len, G_KEY_FILE_NONE, NULL));
      parse = MIN (parse, g_get_monotonic_time () - start + 1);

      start = g_get_monotonic_time ();
      site = guide_site_new ();
      g_assert_cmpuint (guide_site_get_problems (site)->len, ==, 8000);
      check = MIN (check, g_get_monotonic_time () - start + 1);
    }

  g_test_message ("8,000 groups: parsed in %" G_GINT64_FORMAT " µs, checked in %" G_GINT64_FORMAT " µs", parse, check);
  g_assert_cmpint (check, <, 50 * parse);
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init_unit (&argc, &argv);

  g_test_add_func ("/guide/site/none", test_none);
  g_test_add_func ("/guide/site/file", test_file);
  g_test_add_func ("/guide/site/environment", test_environment);
  g_test_add_func ("/guide/site/english", test_english);
  g_test_add_func ("/guide/site/broken-file", test_broken_file);
  g_test_add_func ("/guide/site/not-keyfile", test_not_keyfile);
  g_test_add_func ("/guide/site/unreadable", test_unreadable);
  g_test_add_func ("/guide/site/flatpak-lookup-order", test_flatpak_lookup_order);
  g_test_add_func ("/guide/site/readme-flatpak-recipe", test_readme_flatpak_recipe);
  g_test_add_func ("/guide/site/library", test_library);
  g_test_add_func ("/guide/site/guide-dates", test_guide_dates);
  g_test_add_func ("/guide/site/guide", test_guide);
  g_test_add_func ("/guide/site/guide-crashed-while-reading", test_guide_crashed_while_reading);
  g_test_add_func ("/guide/site/guide-in-data-dirs", test_guide_in_data_dirs);
  g_test_add_func ("/guide/site/guide-broken", test_guide_broken);
  g_test_add_func ("/guide/site/guide-one-language", test_guide_one_language);
  g_test_add_func ("/guide/site/guide-without-english", test_guide_without_english);
  g_test_add_func ("/guide/site/guide-english-differs", test_guide_english_differs);
  g_test_add_func ("/guide/site/pictures", test_pictures);
  g_test_add_func ("/guide/site/bad-files", test_bad_files);
  g_test_add_func ("/guide/site/bad-guides", test_bad_guides);
  g_test_add_func ("/guide/site/fifo", test_fifo);
  g_test_add_func ("/guide/site/guide-too-large", test_guide_too_large);
  g_test_add_func ("/guide/site/guide-beyond-limits", test_guide_beyond_limits);
  g_test_add_func ("/guide/site/check-is-linear", test_check_is_linear);

  return g_test_run ();
}

/* test-progress.c
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

/* The progress file on disk, in each test's own XDG_DATA_HOME. */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "guide-progress.h"
#include "guide-test-utils.h"

static GuideProgress *
new_progress (void)
{
  g_autoptr(GFile) file = guide_progress_get_default_file ();

  return guide_progress_new (file);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_default_file (void)
{
  g_autoptr(GFile) file = guide_progress_get_default_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected = guide_test_progress_path ();

  g_assert_cmpstr (path, ==, expected);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = guide_test_progress_path ();
  GuideProgress *progress = new_progress ();
  GDateTime *time;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  struct stat st;

  g_assert_true (guide_progress_load (progress, &error));
  g_assert_no_error (error);
  g_assert_false (guide_progress_is_done (progress, "eu-login.open-register"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (guide_progress_set_done (progress, "eu-login.open-register", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (guide_progress_set_current (progress, "eu-login", "eu-login.create-account", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (progress);

  /* Saved as JSON at once, readable by the user only, with no temporary file left. */
  contents = read_file (path);
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "current-stage"), ==, "eu-login");
  g_assert_cmpstr (json_object_get_string_member (root, "current-step"), ==, "eu-login.create-account");
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "done"), "eu-login.open-register"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_assert_cmpuint (count_files (folder), ==, 1);
  }

  progress = new_progress ();
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_true (guide_progress_is_done (progress, "eu-login.open-register"));
  g_assert_false (guide_progress_is_done (progress, "eu-login.create-account"));
  g_assert_cmpstr (guide_progress_get_current_stage (progress), ==, "eu-login");
  g_assert_cmpstr (guide_progress_get_current_step (progress), ==, "eu-login.create-account");
  time = guide_progress_get_done_time (progress, "eu-login.open-register");
  g_assert_nonnull (time);
  g_assert_cmpint (g_date_time_to_unix (time), >=, g_date_time_to_unix (before) - 1);

  g_assert_true (guide_progress_set_done (progress, "eu-login.open-register", FALSE, &error));
  g_assert_finalize_object (progress);

  progress = new_progress ();
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_false (guide_progress_is_done (progress, "eu-login.open-register"));
  g_assert_finalize_object (progress);
}

static void
count_cb (GuideProgress *progress,
          const char    *step_id,
          guint         *n_changed)
{
  g_assert_cmpstr (step_id, ==, "a.b");
  (*n_changed)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(GuideProgress) progress = new_progress ();
  guint n_changed = 0;

  g_signal_connect (progress, "changed", G_CALLBACK (count_cb), &n_changed);

  guide_progress_set_done (progress, "a.b", TRUE, NULL);
  guide_progress_set_done (progress, "a.b", TRUE, NULL);
  guide_progress_set_done (progress, "a.b", FALSE, NULL);
  g_assert_cmpuint (n_changed, ==, 2);
}

static void
test_unknown_ids_kept (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  guide_test_write_file (path,
                         "{ \"version\": 1, \"done\": {"
                         " \"some-future.step\": \"2026-01-02T03:04:05Z\","
                         " \"eu-login.open-register\": \"2026-01-02T03:04:06Z\" } }");

  progress = new_progress ();
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_true (guide_progress_set_done (progress, "eu-login.create-account", TRUE, &error));
  g_assert_no_error (error);

  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "\"some-future.step\" : \"2026-01-02T03:04:05Z\""));
  g_assert_nonnull (strstr (contents, "eu-login.open-register"));
  g_assert_nonnull (strstr (contents, "eu-login.create-account"));
}

/* A file as version 1 wrote it, with the original guide's five SMS steps of
 * stage 2 marked done (all of them, or the first @n_sms). */
static void
write_version_1 (guint n_sms)
{
  static const char * const sms[] = {
    "two-factor.sign-in", "two-factor.my-account", "two-factor.manage-phones",
    "two-factor.add-number", "two-factor.confirm-sms",
  };
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GString) text = g_string_new ("{\n  \"version\" : 1,\n"
                                          "  \"current-stage\" : \"two-factor\",\n"
                                          "  \"current-step\" : \"two-factor.manage-phones\",\n"
                                          "  \"done\" : {\n"
                                          "    \"eu-login.create-account\" : \"2026-10-01T08:00:00Z\",\n"
                                          "    \"eu-login.open-register\" : \"2026-10-01T07:59:00Z\"");

  for (guint i = 0; i < n_sms; i++)
    g_string_append_printf (text, ",\n    \"%s\" : \"2026-10-0%uT09:00:00Z\"", sms[i], i + 2);
  g_string_append (text, "\n  }\n}");
  guide_test_write_file (path, text->str);
}

/* A stage finished with the original guide's method stays finished: its
 * current steps take the time of the last original one, which are all kept
 * in the file and count for nothing. This happens once. */
static void
test_upgrade_finished_stage (void)
{
  g_autoptr(GuideBook) book = guide_book_new_for_language ("fr");
  GuideStage *stage = guide_book_get_stage (book, 1);
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) last = g_date_time_new_from_iso8601 ("2026-10-06T09:00:00Z", NULL);

  write_version_1 (5);
  progress = new_progress ();
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_true (guide_progress_upgrade (progress, book, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < stage->steps->len; i++)
    {
      GuideStep *step = g_ptr_array_index (stage->steps, i);

      g_assert_true (guide_progress_is_done (progress, step->id));
      g_assert_true (g_date_time_equal (guide_progress_get_done_time (progress, step->id), last));
    }
  g_assert_cmpuint (guide_progress_count_done (progress, book, NULL), ==, 2 + stage->steps->len);

  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "\"version\" : 2"));
  g_assert_nonnull (strstr (contents, "\"two-factor.confirm-sms\" : \"2026-10-06T09:00:00Z\""));
  g_assert_nonnull (strstr (contents, "\"two-factor.sign-in\" : \"2026-10-02T09:00:00Z\""));
  g_assert_nonnull (strstr (contents, "\"two-factor.scan-qr\" : \"2026-10-06T09:00:00Z\""));
  g_assert_cmpstr (guide_progress_get_current_step (progress), ==, "two-factor.manage-phones");

  /* Once: a step unticked afterwards stays unticked. */
  g_assert_true (guide_progress_set_done (progress, "two-factor.scan-qr", FALSE, &error));
  g_clear_object (&progress);
  progress = new_progress ();
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_true (guide_progress_upgrade (progress, book, &error));
  g_assert_false (guide_progress_is_done (progress, "two-factor.scan-qr"));
  g_assert_true (guide_progress_is_done (progress, "two-factor.add-device"));
}

/* Part of the original method done is not the stage done: nothing moves,
 * nothing is lost, and the original steps are not counted. */
static void
test_upgrade_unfinished_stage (void)
{
  g_autoptr(GuideBook) book = guide_book_new_for_language ("it");
  GuideStage *stage = guide_book_get_stage (book, 1);
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  write_version_1 (3);
  progress = new_progress ();
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_true (guide_progress_upgrade (progress, book, &error));

  for (guint i = 0; i < stage->steps->len; i++)
    g_assert_false (guide_progress_is_done (progress, ((GuideStep *) g_ptr_array_index (stage->steps, i))->id));
  g_assert_true (guide_progress_is_done (progress, "two-factor.manage-phones"));
  g_assert_cmpuint (guide_progress_count_done (progress, book, NULL), ==, 2);

  g_assert_true (guide_progress_set_done (progress, "two-factor.install-app", TRUE, &error));
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "\"two-factor.manage-phones\" : \"2026-10-04T09:00:00Z\""));
  g_assert_nonnull (strstr (contents, "two-factor.install-app"));
  g_assert_cmpuint (guide_progress_count_done (progress, book, NULL), ==, 3);
}

static void
assert_kept_aside (const char *broken)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean found = FALSE;

  guide_test_write_file (path, broken);

  progress = new_progress ();
  g_assert_false (guide_progress_load (progress, &error));
  g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN);
  g_assert_true (guide_progress_get_writable (progress));

  /* The broken file is moved aside, untouched, and named in the message. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *aside = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_str_has_prefix (name, "progress.json.broken-"));
      contents = read_file (aside);
      g_assert_cmpstr (contents, ==, broken);
      g_assert_nonnull (strstr (error->message, aside));
      found = TRUE;
    }
  g_assert_true (found);

  /* Progress starts afresh, and saving does not touch the kept file. */
  g_assert_false (guide_progress_is_done (progress, "eu-login.open-register"));
  g_assert_true (guide_progress_set_done (progress, "eu-login.open-register", TRUE, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 2);
}

static void
test_broken_not_json (void)
{
  assert_kept_aside ("{ \"version\": 1, \"done\": { \"eu-login.open-reg");
}

static void
test_broken_structure (void)
{
  assert_kept_aside ("[ \"eu-login.open-register\" ]");
}

static void
test_broken_time (void)
{
  assert_kept_aside ("{ \"version\": 1, \"done\": { \"eu-login.open-register\": \"yesterday\" } }");
}

static void
test_newer_version (void)
{
  static const char newer[] = "{ \"version\": 7, \"steps\": { \"eu-login.open-register\": { \"done\": true } } }";
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  guide_test_write_file (path, newer);

  progress = new_progress ();
  g_assert_false (guide_progress_load (progress, &error));
  g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER);
  g_assert_false (guide_progress_get_writable (progress));

  g_assert_true (guide_progress_set_done (progress, "eu-login.create-account", TRUE, NULL));
  g_assert_true (guide_progress_is_done (progress, "eu-login.create-account"));
  g_assert_true (guide_progress_reset (progress, NULL));

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, newer);
}

static void
test_reset (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GuideProgress) reread = new_progress ();

  guide_progress_set_done (progress, "eu-login.open-register", TRUE, NULL);
  guide_progress_set_current (progress, "eu-login", "eu-login.open-register", NULL);
  g_assert_true (guide_progress_reset (progress, NULL));
  g_assert_false (guide_progress_is_done (progress, "eu-login.open-register"));

  g_assert_true (guide_progress_load (reread, NULL));
  g_assert_false (guide_progress_is_done (reread, "eu-login.open-register"));
  g_assert_null (guide_progress_get_current_step (reread));
}

static void
test_memory_only (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = guide_progress_new (NULL);

  g_assert_true (guide_progress_load (progress, NULL));
  g_assert_false (guide_progress_get_writable (progress));
  g_assert_true (guide_progress_set_done (progress, "eu-login.open-register", TRUE, NULL));
  g_assert_true (guide_progress_is_done (progress, "eu-login.open-register"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_unwritable_folder (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be: saving fails with a message, and
   * progress in memory is kept. */
  guide_test_write_file (folder, "not a folder");
  g_assert_false (guide_progress_set_done (progress, "eu-login.open-register", TRUE, &error));
  g_assert_nonnull (error);
  g_assert_true (guide_progress_is_done (progress, "eu-login.open-register"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/guide/progress/default-file", test_default_file);
  g_test_add_func ("/guide/progress/round-trip", test_round_trip);
  g_test_add_func ("/guide/progress/changed-signal", test_changed_signal);
  g_test_add_func ("/guide/progress/unknown-ids-kept", test_unknown_ids_kept);
  g_test_add_func ("/guide/progress/corrupt-file", test_broken_not_json);
  g_test_add_func ("/guide/progress/wrong-structure", test_broken_structure);
  g_test_add_func ("/guide/progress/bad-time", test_broken_time);
  g_test_add_func ("/guide/progress/newer-version", test_newer_version);
  g_test_add_func ("/guide/progress/reset", test_reset);
  g_test_add_func ("/guide/progress/upgrade-finished-stage", test_upgrade_finished_stage);
  g_test_add_func ("/guide/progress/upgrade-unfinished-stage", test_upgrade_unfinished_stage);
  g_test_add_func ("/guide/progress/memory-only", test_memory_only);
  g_test_add_func ("/guide/progress/unwritable-folder", test_unwritable_folder);

  return g_test_run ();
}

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
#include <unistd.h>
#include <utime.h>

#include "guide-i18n.h"
#include "guide-input.h"
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

  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (progress, &error));
  g_assert_no_error (error);
  guide_progress_set_current (progress, "eu-login", "eu-login.create-account");
  g_assert_true (guide_progress_save (progress, &error));
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

  guide_progress_set_done (progress, "eu-login.open-register", FALSE);
  g_assert_true (guide_progress_save (progress, &error));
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

  guide_progress_set_done (progress, "a.b", TRUE);
  guide_progress_set_done (progress, "a.b", TRUE);
  guide_progress_set_done (progress, "a.b", FALSE);
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
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (progress, &error));
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
  guide_progress_set_done (progress, "two-factor.scan-qr", FALSE);
  g_assert_true (guide_progress_save (progress, &error));
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

  guide_progress_set_done (progress, "two-factor.install-app", TRUE);
  g_assert_true (guide_progress_save (progress, &error));
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "\"two-factor.manage-phones\" : \"2026-10-04T09:00:00Z\""));
  g_assert_nonnull (strstr (contents, "two-factor.install-app"));
  g_assert_cmpuint (guide_progress_count_done (progress, book, NULL), ==, 3);
}

/* A file from before CPMS 2.0, with the whole request of the original guide
 * done, and the login to the former CPMS: the ticks are kept and count for
 * nothing, the request to the helpdesk is not pretended, and the former
 * request is told until the user writes to the helpdesk. */
static void
test_upgrade_former_request (void)
{
  static const char * const saas[] = {
    "cpms-access.open-login", "cpms-access.request-link", "cpms-access.sign-in",
    "cpms-access.select-application", "cpms-access.select-organisation", "cpms-access.select-country",
    "cpms-access.guest-access", "cpms-access.access-profile", "cpms-access.submit", "cpms-access.approval",
  };
  g_autoptr(GuideBook) book = guide_book_new_for_language ("en");
  GuideStage *stage = guide_book_get_stage (book, 2);
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GString) text = g_string_new ("{ \"version\" : 1, \"done\" : {"
                                          " \"eu-login.open-register\" : \"2026-10-01T07:59:00Z\"");
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) submitted = g_date_time_new_from_iso8601 ("2026-10-09T09:00:00Z", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (saas); i++)
    g_string_append_printf (text, ", \"%s\" : \"2026-10-%02uT09:00:00Z\"", saas[i], i + 1);
  g_string_append (text, " } }");
  guide_test_write_file (path, text->str);

  /* Each of them is one of the original guide's steps of stage 3. */
  g_assert_cmpuint (stage->original_steps->len, ==, G_N_ELEMENTS (saas));
  for (guint i = 0; i < G_N_ELEMENTS (saas); i++)
    g_assert_cmpstr (((GuideStep *) g_ptr_array_index (stage->original_steps, i))->id, ==, saas[i]);

  progress = new_progress ();
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_true (guide_progress_upgrade (progress, book, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < stage->steps->len; i++)
    g_assert_false (guide_progress_is_done (progress, ((GuideStep *) g_ptr_array_index (stage->steps, i))->id));
  g_assert_cmpuint (guide_progress_count_done (progress, book, stage), ==, 0);
  g_assert_cmpuint (guide_progress_count_done (progress, book, NULL), ==, 1);
  g_assert_true (g_date_time_equal (guide_progress_get_former_request (progress, book), submitted));

  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (progress, &error));
  contents = read_file (path);
  for (guint i = 0; i < G_N_ELEMENTS (saas); i++)
    g_assert_nonnull (strstr (contents, saas[i]));
  g_assert_null (strstr (contents, "cpms-access.write-helpdesk"));

  /* Once the user has written to the helpdesk, the wait is the new one's. */
  guide_progress_set_done (progress, "cpms-access.write-helpdesk", TRUE);
  g_assert_null (guide_progress_get_former_request (progress, book));
}

/* A file that names many steps no guide has keeps the newest thousand, so
 * that no save rewrites an ever larger file. */
static void
test_unknown_ids_capped (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GString) text = g_string_new ("{ \"version\": 2, \"done\": {");
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  JsonObject *done;

  /* 1,500 old steps, a minute apart, and the user's own, the newest. */
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, " \"other.step-%u\": \"2026-01-%02uT%02u:%02u:00Z\",",
                            i, 1 + i / 1440, i / 60 % 24, i % 60);
  g_string_append (text, " \"eu-login.open-register\": \"2026-11-01T08:00:00Z\" } }");
  guide_test_write_file (path, text->str);

  progress = new_progress ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*501 steps more than the 1000*");
  g_assert_true (guide_progress_load (progress, &error));
  g_test_assert_expected_messages ();
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (progress, &error));
  g_assert_no_error (error);

  contents = read_file (path);
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  done = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "done");
  g_assert_cmpuint (json_object_get_size (done), ==, 1001);
  g_assert_true (json_object_has_member (done, "eu-login.open-register"));
  g_assert_true (json_object_has_member (done, "other.step-1499"));
  g_assert_true (json_object_has_member (done, "other.step-501"));
  g_assert_false (json_object_has_member (done, "other.step-500"));
  g_assert_false (json_object_has_member (done, "other.step-0"));
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
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 2);
}

/* Should anything still crash the app while it reads the progress file, the
 * next start sets the file aside, as a broken one, rather than crash again:
 * a process that begins reading it is killed. */
static void
test_crashed_while_reading (void)
{
  const char *saved = "{ \"version\": 2, \"done\": { \"eu-login.open-register\": \"2026-01-05T10:00:00Z\" } }";
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GuideProgress) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;

  guide_test_write_file (path, saved);
  guide_test_die_reading (path);

  progress = new_progress ();
  g_assert_false (guide_progress_load (progress, &error));
  g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN);
  g_assert_true (g_str_has_prefix (error->message, "The app stopped while reading your progress file. It was kept as “"));
  aside = g_strndup (strstr (error->message, "“") + strlen ("“"), strstr (error->message, "”") - strstr (error->message, "“") - strlen ("“"));
  kept = read_file (aside);
  g_assert_cmpstr (kept, ==, saved);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* What is saved from here is read at the next start. */
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  next = new_progress ();
  g_assert_true (guide_progress_load (next, NULL));
  g_assert_true (guide_progress_is_done (next, "eu-login.open-register"));
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

/* A newer version's file, left as it was, and told of. */
static void
assert_newer_kept (GuideProgress *progress,
                   const GError  *error,
                   const char    *newer)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *contents = read_file (path);

  g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version of this app"));
  g_assert_false (guide_progress_get_writable (progress));
  g_assert_cmpstr (contents, ==, newer);
}

static void
test_newer_version (void)
{
  static const char newer[] = "{ \"version\": 7, \"steps\": { \"eu-login.open-register\": { \"done\": true } } }";
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = NULL;
  g_autoptr(GError) error = NULL;

  guide_test_write_file (path, newer);

  progress = new_progress ();
  g_assert_false (guide_progress_load (progress, &error));
  assert_newer_kept (progress, error, newer);

  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  g_assert_true (guide_progress_is_done (progress, "eu-login.create-account"));
  guide_progress_reset (progress);
  g_assert_true (guide_progress_save (progress, NULL));
  assert_newer_kept (progress, error, newer);
}

static void
test_reset (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GuideProgress) reread = new_progress ();

  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  guide_progress_set_current (progress, "eu-login", "eu-login.open-register");
  guide_progress_reset (progress);
  g_assert_true (guide_progress_save (progress, NULL));
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
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
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
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_false (guide_progress_save (progress, &error));
  g_assert_nonnull (error);
  g_assert_true (guide_progress_is_done (progress, "eu-login.open-register"));
}


/* What json-glib would parse recursively until the stack overflows. */
static void
test_deep_nesting (void)
{
  g_autofree char *deep = g_strnfill (100000, '[');

  assert_kept_aside (deep);
}

static void
test_empty_file (void)
{
  assert_kept_aside ("");
}

/* Where the user was is forgotten when it has the wrong type, without a
 * critical from json-glib; what was done is kept. */
static void
test_wrong_current_types (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GError) error = NULL;

  guide_test_write_file (path, "{ \"version\": 1, \"current-stage\": [ 1 ], \"current-step\": 42,"
                               " \"done\": { \"eu-login.open-register\": \"2026-01-02T03:04:05Z\" } }");
  g_assert_true (guide_progress_load (progress, &error));
  g_assert_no_error (error);
  g_assert_null (guide_progress_get_current_stage (progress));
  g_assert_null (guide_progress_get_current_step (progress));
  g_assert_true (guide_progress_is_done (progress, "eu-login.open-register"));
}

/* A FIFO would block the first read forever: it is refused and kept
 * aside, like any file that cannot be read. */
static void
test_fifo (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  g_assert_false (guide_progress_load (progress, &error));
  g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, "progress.json.broken-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_too_large (void)
{
  g_autofree char *large = g_strnfill (GUIDE_INPUT_MAX_PROGRESS + 1, ' ');

  assert_kept_aside (large);
}

/* Two broken files in the same second are both kept. */
static void
test_aside_never_replaced (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GuideProgress) progress = new_progress ();
      g_autofree char *broken = g_strdup_printf ("broken %u", i);

      guide_test_write_file (path, broken);
      g_assert_false (guide_progress_load (progress, NULL));
    }

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *aside = g_build_filename (folder, name, NULL);

      g_ptr_array_add (kept, read_file (aside));
    }
  g_assert_cmpuint (kept->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *broken = g_strdup_printf ("broken %u", i);

      g_assert_true (g_ptr_array_find_with_equal_func (kept, broken, g_str_equal, NULL));
    }
}

static void
make_old (const char *path)
{
  struct utimbuf times = { .actime = time (NULL) - 3600, .modtime = time (NULL) - 3600 };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* Temporary files left by a save killed midway: only old ones of our own. */
static void
test_stale_temporaries (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *stale = g_build_filename (folder, "progress.json.Ab3xYz", NULL);
  g_autofree char *young = g_build_filename (folder, "progress.json.Qw7rTy", NULL);
  g_autofree char *other = g_build_filename (folder, "progress.json.notes", NULL);
  g_autofree char *stranger = g_build_filename (folder, "settings.json.Ab3xYz", NULL);
  g_autoptr(GuideProgress) progress = new_progress ();

  guide_test_write_file (stale, "{");
  guide_test_write_file (young, "{");
  guide_test_write_file (other, "mine");
  guide_test_write_file (stranger, "{");
  make_old (stale);
  make_old (other);
  make_old (stranger);

  g_assert_true (guide_progress_load (progress, NULL));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
}

static gboolean
is_done_cb (gpointer data)
{
  return guide_progress_is_done (data, "cpms-access.submit");
}

/* A change by another process is read, not undone by the next save. */
static void
test_changed_by_another (void)
{
  g_autoptr(GuideProgress) window = new_progress ();
  g_autoptr(GuideProgress) other = new_progress ();
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *contents = NULL;
  guint n_changed = 0;

  guide_progress_set_done (window, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (window, NULL));
  g_assert_true (guide_progress_load (window, NULL));
  g_signal_connect_swapped (window, "changed", G_CALLBACK (g_atomic_int_inc), &n_changed);

  g_assert_true (guide_progress_load (other, NULL));
  guide_progress_reset (other);
  g_assert_true (guide_progress_save (other, NULL));
  guide_progress_set_done (other, "cpms-access.submit", TRUE);
  g_assert_true (guide_progress_save (other, NULL));

  g_assert_true (guide_test_wait_for (is_done_cb, window));
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_false (guide_progress_is_done (window, "eu-login.open-register"));

  guide_progress_set_done (window, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (window, NULL));
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "cpms-access.submit"));
  g_assert_nonnull (strstr (contents, "eu-login.create-account"));
  g_assert_null (strstr (contents, "eu-login.open-register"));
}

static void
count_saved_cb (GuideProgress *progress,
                const GError  *error,
                guint         *n_saved)
{
  g_assert_no_error (error);
  (*n_saved)++;
}

static void
load_counting_saves (GuideProgress *progress,
                     guint         *n_saved)
{
  g_assert_true (guide_progress_load (progress, NULL));
  g_signal_connect (progress, "saved", G_CALLBACK (count_saved_cb), n_saved);
}

/* A change is written once the main loop is idle, in a worker thread, and
 * everything changed before that goes in one write. */
static void
test_saved_in_background (void)
{
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *contents = NULL;
  guint n_saved = 0;

  load_counting_saves (progress, &n_saved);

  guide_progress_set_current (progress, "eu-login", "eu-login.create-account");
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_get_saving (progress));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  guide_test_wait_for_saves (progress);
  g_assert_cmpuint (n_saved, ==, 1);
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "\"current-step\" : \"eu-login.create-account\""));
  g_assert_nonnull (strstr (contents, "\"eu-login.create-account\" : \"20"));
}

/* Starts the save of a change, and returns while it is in flight: its
 * snapshot is taken, and its end not yet told. */
static void
begin_save (GuideProgress *progress)
{
  /* One iteration, with nothing else pending: the idle callback starts the
   * save, whose end only a later iteration can dispatch. */
  guide_test_iterate ();
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (guide_progress_get_saving (progress));
}

/* Ticks made while a save is in flight are not in what it writes: they are
 * written together by the next save, started when it is done. */
static void
test_ticks_during_save (void)
{
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *contents = NULL;
  guint n_saved = 0;

  load_counting_saves (progress, &n_saved);

  begin_save (progress);
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  guide_progress_set_done (progress, "two-factor.install-app", TRUE);

  guide_test_wait_for_saves (progress);
  g_assert_cmpuint (n_saved, ==, 2);
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "eu-login.open-register"));
  g_assert_nonnull (strstr (contents, "eu-login.create-account"));
  g_assert_nonnull (strstr (contents, "two-factor.install-app"));
}

/* Quitting while a save is in flight waits for it, and what changed
 * meanwhile is written after it: the file ends with the last change, never
 * with the older save's. */
static void
test_quit_waits (void)
{
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GuideProgress) reread = new_progress ();
  guint n_saved = 0;
  guint n_saved_at_quit;

  load_counting_saves (progress, &n_saved);

  begin_save (progress);
  guide_progress_set_done (progress, "eu-login.open-register", FALSE);
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);

  g_assert_true (guide_progress_save (progress, NULL));
  g_assert_false (guide_progress_get_saving (progress));
  g_assert_cmpuint (n_saved, >=, 1);
  g_assert_true (guide_progress_load (reread, NULL));
  g_assert_false (guide_progress_is_done (reread, "eu-login.open-register"));
  g_assert_true (guide_progress_is_done (reread, "eu-login.create-account"));

  /* Nothing is left to be written later. */
  n_saved_at_quit = n_saved;
  guide_test_iterate ();
  g_assert_cmpuint (n_saved, ==, n_saved_at_quit);
  g_assert_false (guide_progress_get_saving (progress));
}

/* However quick the ticks, each saved or not while another save is in
 * flight, the file ends holding the last of them. */
static void
test_quick_ticks (void)
{
  static const char * const ids[] = { "eu-login.open-register", "eu-login.create-account", "two-factor.install-app" };
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GuideProgress) reread = new_progress ();
  guint n_saved = 0;

  load_counting_saves (progress, &n_saved);

  for (guint i = 0; i < 100; i++)
    {
      const char *id = ids[i % G_N_ELEMENTS (ids)];

      guide_progress_set_done (progress, id, !guide_progress_is_done (progress, id));
      guide_progress_set_current (progress, "eu-login", id);
      if (i % 7 != 0)
        g_main_context_iteration (NULL, FALSE);
    }

  guide_test_wait_for_saves (progress);
  g_assert_cmpuint (n_saved, >, 1);
  g_assert_true (guide_progress_load (reread, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (guide_progress_is_done (reread, ids[i]), ==, guide_progress_is_done (progress, ids[i]));
  g_assert_cmpstr (guide_progress_get_current_step (reread), ==, guide_progress_get_current_step (progress));
}

/* A process about to end writes what is still waiting, at once. */
static void
test_save_now (void)
{
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *contents = NULL;
  guint n_saved = 0;

  load_counting_saves (progress, &n_saved);

  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  g_assert_false (guide_progress_get_saving (progress));
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "eu-login.open-register"));

  /* Nothing is left to be written again later. */
  guide_test_iterate ();
  g_assert_cmpuint (n_saved, ==, 0);
}

static const char newer_file[] = "{ \"version\": 9, \"done\": { \"eu-login.open-register\": \"2031-01-01T00:00:00Z\" } }";

static void
newer_saved_cb (GuideProgress *progress,
                const GError  *error,
                GError       **saved_error)
{
  g_clear_error (saved_error);
  *saved_error = error != NULL ? g_error_copy (error) : NULL;
}

/* A newer version started while this one runs, and writing its own file:
 * neither the next tick's save nor the one at quit writes over it, and the
 * user is told why in plain words. */
static void
test_newer_arrives (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GError) error = NULL;

  g_assert_true (guide_progress_load (progress, NULL));
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));

  guide_test_write_file (path, newer_file);

  /* A tick, saved in a worker thread. */
  g_signal_connect (progress, "saved", G_CALLBACK (newer_saved_cb), &error);
  guide_progress_set_done (progress, "two-factor.install-app", TRUE);
  guide_test_wait_for_saves (progress);
  assert_newer_kept (progress, error, newer_file);

  /* Quitting, after another tick. */
  guide_progress_set_done (progress, "two-factor.enrol", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  assert_newer_kept (progress, error, newer_file);
}

/* The same, caught by the save at quit, in this thread, before the tick's
 * own save ran. */
static void
test_newer_arrives_before_quit (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GError) error = NULL;

  g_assert_true (guide_progress_load (progress, NULL));
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  guide_test_write_file (path, newer_file);

  g_assert_false (guide_progress_save (progress, &error));
  assert_newer_kept (progress, error, newer_file);
}

/* Where the file is, and when it was last written. */
static void
assert_untouched (const char    *path,
                  const GStatBuf *before)
{
  GStatBuf after;

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before->st_ino);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before->st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before->st_mtim.tv_nsec);
}

/* Nothing changed, nothing written: not at quit, not for the place the user
 * was already at, not for an upgrade with nothing to bring up to date. */
static void
test_unchanged_not_written (void)
{
  static const char saved[] =
    "{ \"version\": 2, \"current-stage\": \"eu-login\", \"current-step\": \"eu-login.create-account\",\n"
    "  \"done\": { \"eu-login.open-register\": \"2026-11-20T21:30:00Z\" } }";
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GuideBook) book = guide_book_new_for_language ("fr");
  GStatBuf before;

  guide_test_write_file (path, saved);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  g_assert_true (guide_progress_load (progress, NULL));
  g_assert_true (guide_progress_upgrade (progress, book, NULL));
  guide_progress_set_current (progress, "eu-login", "eu-login.create-account");
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_false (guide_progress_get_saving (progress));
  g_assert_true (guide_progress_save (progress, NULL));
  assert_untouched (path, &before);

  /* A change is written; then nothing more. */
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (guide_progress_save (progress, NULL));
  assert_untouched (path, &before);
}

/* What only shows progress writes nothing: a broken file stays where it is,
 * and a file of version 1 is brought up to date in memory only. */
static void
test_read_only (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GuideBook) book = guide_book_new_for_language ("fr");
  GuideProgress *progress;
  g_autoptr(GError) error = NULL;
  GStatBuf before;

  guide_test_write_file (path, "{ broken");
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  progress = new_progress ();
  g_assert_false (guide_progress_load_read_only (progress, &error));
  g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (guide_progress_get_writable (progress));
  g_assert_finalize_object (progress);
  assert_untouched (path, &before);
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_clear_error (&error);

  write_version_1 (5);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  progress = new_progress ();
  g_assert_true (guide_progress_load_read_only (progress, &error));
  g_assert_true (guide_progress_upgrade (progress, book, &error));
  g_assert_no_error (error);
  g_assert_true (guide_progress_is_done (progress, "two-factor.scan-qr"));
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_true (guide_progress_save (progress, NULL));
  g_assert_finalize_object (progress);
  assert_untouched (path, &before);

  guide_test_write_file (path, newer_file);
  progress = new_progress ();
  g_assert_false (guide_progress_load_read_only (progress, &error));
  g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_NEWER);
  g_assert_finalize_object (progress);
}

/* Saves through @link, and checks that it wrote @target and left the link. */
static void
assert_saved_through (const char *link,
                      const char *target)
{
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GuideProgress) progress = guide_progress_new (file);
  g_autoptr(GuideProgress) reread = guide_progress_new (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *contents = NULL;
  GStatBuf info;

  g_assert_true (guide_progress_load (progress, &error));
  g_assert_no_error (error);
  g_assert_true (guide_progress_is_done (progress, "eu-login.open-register"));
  guide_progress_set_done (progress, "eu-login.create-account", TRUE);
  g_assert_true (guide_progress_save (progress, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  contents = read_file (target);
  g_assert_nonnull (strstr (contents, "eu-login.create-account"));
  g_assert_nonnull (strstr (contents, "eu-login.open-register"));
  /* Written atomically beside the target: no temporary file is left. */
  g_assert_cmpuint (count_files (folder), ==, 1);

  g_assert_true (guide_progress_load (reread, NULL));
  g_assert_true (guide_progress_is_done (reread, "eu-login.create-account"));
}

/* A progress file kept elsewhere through a link, as dotfile managers and
 * synced folders do: saves write the file the link leads to, and the link
 * stays. Absolute, relative, and a link to a link. */
static void
test_symlink (void)
{
  static const char saved[] = "{ \"version\": 2, \"done\": { \"eu-login.open-register\": \"2026-11-20T21:30:00Z\" } }";
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *synced = g_build_filename (g_get_user_cache_dir (), "synced", "progress.json", NULL);
  g_autofree char *dotfiles = g_build_filename (folder, "dotfiles", "progress.json", NULL);
  g_autofree char *chained = g_build_filename (folder, "chained.json", NULL);

  guide_test_write_file (synced, saved);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (synced, path), ==, 0);
  assert_saved_through (path, synced);

  g_assert_cmpint (g_unlink (path), ==, 0);
  guide_test_write_file (dotfiles, saved);
  g_assert_cmpint (symlink ("dotfiles/progress.json", path), ==, 0);
  assert_saved_through (path, dotfiles);

  /* progress.json → chained.json → ../../…/synced/progress.json */
  g_assert_cmpint (g_unlink (path), ==, 0);
  guide_test_write_file (synced, saved);
  g_assert_cmpint (symlink (synced, chained), ==, 0);
  g_assert_cmpint (symlink ("chained.json", path), ==, 0);
  assert_saved_through (path, synced);
}

/* A link that leads nowhere, round in a loop, or to something that is not a
 * file is not written through, nor replaced: the user is told where it
 * leads. */
static void
test_symlink_not_followed (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *missing = g_build_filename (g_get_user_cache_dir (), "not-mounted", "progress.json", NULL);
  g_autofree char *fifo = g_build_filename (folder, "fifo", NULL);
  g_autofree char *loop = g_build_filename (folder, "loop.json", NULL);
  const char *targets[] = { missing, folder, fifo, loop };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (path, loop), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GuideProgress) progress = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *link = NULL;
      GStatBuf info;

      /* Made while the app runs: at start, a link to something that cannot
       * be read is kept aside as any unreadable file. */
      progress = new_progress ();
      g_assert_true (guide_progress_load (progress, NULL));
      g_assert_cmpint (symlink (targets[i], path), ==, 0);
      guide_progress_set_done (progress, "eu-login.open-register", TRUE);
      g_assert_false (guide_progress_save (progress, &error));
      g_assert_error (error, GUIDE_PROGRESS_ERROR, GUIDE_PROGRESS_ERROR_LINK);
      g_assert_nonnull (strstr (error->message, "link"));

      g_assert_cmpint (g_lstat (path, &info), ==, 0);
      g_assert_true (S_ISLNK (info.st_mode));
      link = g_file_read_link (path, NULL);
      g_assert_cmpstr (link, ==, targets[i]);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      g_assert_cmpint (g_stat (fifo, &info), ==, 0);
      g_assert_true (S_ISFIFO (info.st_mode));
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* Days waiting for access, from the request to the helpdesk, counted as
 * people count them, until the last stage is done. A request to the former
 * CPMS starts no wait. */
static void
test_days_waiting (void)
{
  static const char former[] =
    "{ \"version\": 2, \"done\": { \"cpms-access.submit\": \"2026-11-20T21:30:00Z\" } }";
  static const char submitted[] =
    "{ \"version\": 2, \"done\": { \"cpms-access.write-helpdesk\": \"2026-11-20T21:30:00Z\" } }";
  g_autoptr(GuideProgress) progress = guide_progress_new (NULL);
  g_autoptr(GuideBook) book = guide_book_new_for_language ("fr");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) same_day = g_date_time_new (utc, 2026, 11, 20, 23, 0, 0);
  g_autoptr(GDateTime) next_morning = g_date_time_new (utc, 2026, 11, 21, 7, 0, 0);
  g_autoptr(GDateTime) week_later = g_date_time_new (utc, 2026, 11, 27, 9, 0, 0);
  GuideStage *last = guide_book_get_stage (book, guide_book_get_stages (book)->len - 1);
  gboolean newer;

  g_assert_cmpint (guide_progress_get_days_waiting (progress, book, week_later), ==, -1);

  g_assert_true (guide_progress_load_from_data (progress, former, strlen (former), &newer));
  g_assert_cmpint (guide_progress_get_days_waiting (progress, book, week_later), ==, -1);

  g_assert_true (guide_progress_load_from_data (progress, submitted, strlen (submitted), &newer));
  g_assert_cmpint (guide_progress_get_days_waiting (progress, book, same_day), ==, 0);
  g_assert_cmpint (guide_progress_get_days_waiting (progress, book, next_morning), ==, 1);
  g_assert_cmpint (guide_progress_get_days_waiting (progress, book, week_later), ==, 7);

  for (guint i = 0; i < last->steps->len; i++)
    guide_progress_set_done (progress, ((GuideStep *) g_ptr_array_index (last->steps, i))->id, TRUE);
  g_assert_cmpint (guide_progress_get_days_waiting (progress, book, week_later), ==, -1);
}

/* The reason a save failed is in the interface's language. It switches
 * this program to French, so it runs last. */
static void
test_save_error_translated (void)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GuideProgress) progress = new_progress ();
  g_autoptr(GError) error = NULL;

  guide_test_write_file (folder, "not a folder");
  guide_i18n_set_language ("fr");
  guide_progress_set_done (progress, "eu-login.open-register", TRUE);
  g_assert_false (guide_progress_save (progress, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "ne peut pas être écrit"));
  g_assert_nonnull (strstr (error->message, folder));
}

/* Every file of tests/data/bad-progress/: kept aside, untouched, and the
 * user shown the message listed for it. */
static void
test_bad_files (void)
{
  g_autoptr(GHashTable) expected = guide_test_read_expected ("bad-progress");
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  GHashTableIter iter;
  const char *name, *message;

  g_assert_cmpuint (g_hash_table_size (expected), >=, 30);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &message))
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bad-progress", name, NULL);
      g_autoptr(GuideProgress) progress = new_progress ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *shown = NULL;
      gsize length;
      g_autoptr(GDir) dir = NULL;
      const char *entry;

      g_test_message ("%s", name);
      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, contents, length, NULL));

      g_assert_false (guide_progress_load (progress, &error));
      g_assert_nonnull (error);

      dir = g_dir_open (folder, 0, NULL);
      while ((entry = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (entry, "progress.json.broken-"))
          kept = g_build_filename (folder, entry, NULL);

      if (kept != NULL)
        {
          g_autofree char *aside = NULL;
          gsize aside_length;
          g_auto(GStrv) parts = g_strsplit (message, "{aside}", 2);

          g_assert_true (g_file_get_contents (kept, &aside, &aside_length, NULL));
          g_assert_cmpmem (aside, aside_length, contents, length);
          shown = g_strjoin (kept, parts[0], parts[1], NULL);
          g_unlink (kept);
        }
      else
        shown = g_strdup (message);

      g_assert_cmpstr (error->message, ==, shown);
      g_unlink (path);
    }
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
  g_test_add_func ("/guide/progress/unknown-ids-capped", test_unknown_ids_capped);
  g_test_add_func ("/guide/progress/corrupt-file", test_broken_not_json);
  g_test_add_func ("/guide/progress/wrong-structure", test_broken_structure);
  g_test_add_func ("/guide/progress/bad-time", test_broken_time);
  g_test_add_func ("/guide/progress/newer-version", test_newer_version);
  g_test_add_func ("/guide/progress/reset", test_reset);
  g_test_add_func ("/guide/progress/upgrade-finished-stage", test_upgrade_finished_stage);
  g_test_add_func ("/guide/progress/upgrade-unfinished-stage", test_upgrade_unfinished_stage);
  g_test_add_func ("/guide/progress/upgrade-former-request", test_upgrade_former_request);
  g_test_add_func ("/guide/progress/memory-only", test_memory_only);
  g_test_add_func ("/guide/progress/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/guide/progress/deep-nesting", test_deep_nesting);
  g_test_add_func ("/guide/progress/empty-file", test_empty_file);
  g_test_add_func ("/guide/progress/wrong-current-types", test_wrong_current_types);
  g_test_add_func ("/guide/progress/fifo", test_fifo);
  g_test_add_func ("/guide/progress/too-large", test_too_large);
  g_test_add_func ("/guide/progress/aside-never-replaced", test_aside_never_replaced);
  g_test_add_func ("/guide/progress/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/guide/progress/changed-by-another", test_changed_by_another);
  g_test_add_func ("/guide/progress/saved-in-background", test_saved_in_background);
  g_test_add_func ("/guide/progress/ticks-during-save", test_ticks_during_save);
  g_test_add_func ("/guide/progress/quit-waits", test_quit_waits);
  g_test_add_func ("/guide/progress/quick-ticks", test_quick_ticks);
  g_test_add_func ("/guide/progress/save-now", test_save_now);
  g_test_add_func ("/guide/progress/days-waiting", test_days_waiting);
  g_test_add_func ("/guide/progress/bad-files", test_bad_files);
  g_test_add_func ("/guide/progress/crashed-while-reading", test_crashed_while_reading);
  g_test_add_func ("/guide/progress/newer-arrives", test_newer_arrives);
  g_test_add_func ("/guide/progress/newer-arrives-before-quit", test_newer_arrives_before_quit);
  g_test_add_func ("/guide/progress/unchanged-not-written", test_unchanged_not_written);
  g_test_add_func ("/guide/progress/read-only", test_read_only);
  g_test_add_func ("/guide/progress/symlink", test_symlink);
  g_test_add_func ("/guide/progress/symlink-not-followed", test_symlink_not_followed);
  g_test_add_func ("/guide/progress/save-error-translated", test_save_error_translated);

  return g_test_run ();
}

/* test-book.c
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

/* The guide content: the three languages follow data/guide/README.md and
 * match each other, and the reader refuses what the schema does not allow. */

#include <json-glib/json-glib.h>

#include "guide-book.h"
#include "guide-uri.h"

static GuideBook *
load (const char *language)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/guide/%s.json", language);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GError) error = NULL;
  GuideBook *book;

  g_assert_nonnull (bytes);
  book = guide_book_new_from_bytes (bytes, path, GUIDE_BOOK_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (GUIDE_IS_BOOK (book));

  return book;
}

static void
assert_same_notes (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      GuideNote *na = g_ptr_array_index (a, i), *nb = g_ptr_array_index (b, i);

      g_assert_cmpstr (na->id, ==, nb->id);
      g_assert_cmpstr (na->kind, ==, nb->kind);
      g_assert_cmpstr (na->uri, ==, nb->uri);
      g_assert_cmpint (na->title != NULL, ==, nb->title != NULL);
      g_assert_cmpint (na->source != NULL, ==, nb->source != NULL);
    }
}

/* Everything but the text is the same in @one and @other, the guide in two
 * languages; the text is different. */
static void
assert_parity (GuideBook *one,
               GuideBook *other)
{
  GPtrArray *one_stages = guide_book_get_stages (one);
  GPtrArray *other_stages = guide_book_get_stages (other);

  g_assert_true (guide_book_check_parity (one, other, NULL));
  g_assert_cmpstr (guide_book_get_title (one), !=, guide_book_get_title (other));
  g_assert_cmpuint (g_strv_length (guide_book_get_intro (one)), ==, g_strv_length (guide_book_get_intro (other)));
  assert_same_notes (guide_book_get_notes (one), guide_book_get_notes (other));

  g_assert_cmpuint (guide_book_get_addresses (one)->len, ==, guide_book_get_addresses (other)->len);
  for (guint i = 0; i < guide_book_get_addresses (one)->len; i++)
    {
      GuideAddress *a = g_ptr_array_index (guide_book_get_addresses (one), i);
      GuideAddress *b = g_ptr_array_index (guide_book_get_addresses (other), i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->uri, ==, b->uri);
    }

  g_assert_cmpuint (one_stages->len, ==, 4);
  g_assert_cmpuint (other_stages->len, ==, 4);
  for (guint i = 0; i < one_stages->len; i++)
    {
      GuideStage *a = g_ptr_array_index (one_stages, i), *b = g_ptr_array_index (other_stages, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->title, !=, b->title);
      assert_same_notes (a->notes, b->notes);
      g_assert_cmpuint (a->steps->len, ==, b->steps->len);

      for (guint j = 0; j < a->steps->len; j++)
        {
          GuideStep *sa = g_ptr_array_index (a->steps, j), *sb = g_ptr_array_index (b->steps, j);

          g_assert_cmpstr (sa->id, ==, sb->id);
          g_assert_cmpstr (sa->uri, ==, sb->uri);
          g_assert_cmpstr (sa->picture, ==, sb->picture);
          g_assert_cmpint (sa->picture_alt != NULL, ==, sb->picture_alt != NULL);
          g_assert_cmpstr (sa->text, !=, sb->text);
          assert_same_notes (sa->notes, sb->notes);
          g_assert_cmpuint (sa->profiles->len, ==, sb->profiles->len);
          for (guint k = 0; k < sa->profiles->len; k++)
            {
              GuideProfile *pa = g_ptr_array_index (sa->profiles, k), *pb = g_ptr_array_index (sb->profiles, k);

              g_assert_cmpstr (pa->name, ==, pb->name);
              g_assert_cmpstr (pa->description, ==, pb->description);
              g_assert_cmpint (pa->recommended, ==, pb->recommended);
              g_assert_nonnull (pa->meaning);
              g_assert_nonnull (pb->meaning);
              g_assert_cmpstr (pa->meaning, !=, pb->meaning);
            }
        }

      g_assert_cmpint (a->original_title != NULL, ==, b->original_title != NULL);
      g_assert_cmpuint (a->original_steps->len, ==, b->original_steps->len);
      for (guint j = 0; j < a->original_steps->len; j++)
        {
          GuideStep *sa = g_ptr_array_index (a->original_steps, j), *sb = g_ptr_array_index (b->original_steps, j);

          g_assert_cmpstr (sa->id, ==, sb->id);
          g_assert_cmpstr (sa->text, !=, sb->text);
          assert_same_notes (sa->notes, sb->notes);
        }
    }
}

static void
test_parity (void)
{
  g_autoptr(GuideBook) fr = load ("fr");
  g_autoptr(GuideBook) it = load ("it");
  g_autoptr(GuideBook) en = load ("en");

  g_assert_cmpstr (guide_book_get_language (fr), ==, "fr");
  g_assert_cmpstr (guide_book_get_language (it), ==, "it");
  g_assert_cmpstr (guide_book_get_language (en), ==, "en");

  assert_parity (fr, it);
  assert_parity (fr, en);
  assert_parity (it, en);
}

/* In English, a profile's meaning explains the page's own English
 * description in plainer words; it is not the description again. */
static void
test_profiles_english (void)
{
  g_autoptr(GuideBook) en = load ("en");
  GuideStep *step = g_ptr_array_index (guide_book_get_stage (en, 2)->original_steps, 7);

  g_assert_cmpstr (step->id, ==, "cpms-access.access-profile");
  g_assert_cmpuint (step->profiles->len, ==, 6);
  for (guint i = 0; i < step->profiles->len; i++)
    {
      GuideProfile *profile = g_ptr_array_index (step->profiles, i);
      g_autofree char *meaning = NULL;
      g_autofree char *description = NULL;

      g_assert_nonnull (profile->meaning);
      meaning = g_utf8_casefold (profile->meaning, -1);
      description = g_utf8_casefold (profile->description, -1);
      g_assert_cmpstr (meaning, !=, description);
    }
}

/* Stage 2 follows EU Login as it works today, the EU Login Mobile App; the
 * original guide's SMS method is kept apart, as it was written. */
static void
test_two_factor (gconstpointer data)
{
  g_autoptr(GuideBook) book = load (data);
  gboolean italian = g_str_equal (data, "it");
  gboolean english = g_str_equal (data, "en");
  static const char * const steps[] = {
    "two-factor.install-app", "two-factor.open-devices", "two-factor.add-device",
    "two-factor.scan-qr", "two-factor.sign-in-method",
  };
  static const char * const original[] = {
    "two-factor.sign-in", "two-factor.my-account", "two-factor.manage-phones",
    "two-factor.add-number", "two-factor.confirm-sms",
  };
  GuideStage *stage = guide_book_get_stage (book, guide_book_find_stage (book, "two-factor"));
  GuideNote *update = g_ptr_array_index (stage->notes, 0);
  GuideStep *step;

  g_assert_null (strstr (stage->title, "SMS"));
  g_assert_null (strstr (stage->summary, "SMS"));
  g_assert_nonnull (strstr (stage->summary, "EU Login Mobile App"));
  g_assert_nonnull (update->source);

  g_assert_cmpuint (stage->steps->len, ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      step = g_ptr_array_index (stage->steps, i);
      g_assert_cmpstr (step->id, ==, steps[i]);
      g_assert_null (strstr (step->text, "SMS"));
    }

  step = guide_book_find_step (book, "two-factor.open-devices", NULL, NULL);
  g_assert_cmpstr (step->uri, ==, "https://ecas.ec.europa.eu/cas/mobile");
  /* The app's own label, as the official page and video spell it. */
  g_assert_nonnull (strstr (step->text, "Initialize"));
  g_assert_true (guide_uri_is_allowed (step->uri));
  g_assert_cmpstr (step->picture, ==, "eu-login-my-account.svg");
  g_assert_nonnull (strstr (step->text, "Manage my mobile devices"));
  g_assert_nonnull (strstr (guide_book_find_step (book, "two-factor.add-device", NULL, NULL)->text, "Add a mobile device"));
  g_assert_nonnull (strstr (guide_book_find_step (book, "two-factor.add-device", NULL, NULL)->text, "Submit"));

  /* Not checkable: not a step of the guide's progress. */
  g_assert_cmpuint (stage->original_steps->len, ==, G_N_ELEMENTS (original));
  g_assert_nonnull (stage->original_title);
  for (guint i = 0; i < G_N_ELEMENTS (original); i++)
    {
      step = g_ptr_array_index (stage->original_steps, i);
      g_assert_cmpstr (step->id, ==, original[i]);
      g_assert_null (guide_book_find_step (book, original[i], NULL, NULL));
    }

  /* Each seed's own words: the French names the phone numbers page, the
   * Italian the mobile devices page, and says that it is the current one.
   * The English follows the French, whose page is the one the SMS method
   * used. */
  step = g_ptr_array_index (stage->original_steps, 2);
  g_assert_nonnull (strstr (step->text, italian ? "Manage my mobile devices" : "Manage my mobile phone numbers"));
  g_assert_nonnull (strstr (((GuideStep *) g_ptr_array_index (stage->original_steps, 4))->text, "SMS"));

  g_assert_cmpuint (guide_book_get_n_steps (book), ==, 4 + 5 + 2 + 1);
  if (english)
    g_assert_nonnull (strstr (stage->original_title, "SMS"));
}

/* What the design fixes: the four stages and the steps the seeds describe. */
static void
test_content (gconstpointer data)
{
  g_autoptr(GuideBook) book = load (data);
  static const char * const stages[] = { "eu-login", "two-factor", "cpms-access", "cpms-login" };
  static const char * const profiles[] = { "Coordinator", "Dispatcher", "HP", "Panel Manager ERN", "Panel Manager HCP", "Researcher" };
  GuideStep *step;
  GuideStage *stage;
  GuideNote *note;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    g_assert_cmpint (guide_book_find_stage (book, stages[i]), ==, i);

  step = guide_book_find_step (book, "eu-login.open-register", NULL, NULL);
  g_assert_cmpstr (step->uri, ==, "https://webgate.ec.europa.eu/cas/eim/external/register.cgi");
  stage = guide_book_get_stage (book, 2);
  step = g_ptr_array_index (stage->original_steps, 6);
  g_assert_cmpstr (step->id, ==, "cpms-access.guest-access");
  g_assert_nonnull (strstr (step->text, "0000 Guest Access"));
  step = g_ptr_array_index (stage->original_steps, 8);
  g_assert_cmpstr (step->id, ==, "cpms-access.submit");
  g_assert_nonnull (strstr (step->text, "Submit request access"));
  step = guide_book_find_step (book, "cpms-login.log-in", NULL, NULL);
  g_assert_cmpstr (step->uri, ==, "https://cpms2.ern-net.eu/");

  step = g_ptr_array_index (stage->original_steps, 7);
  g_assert_cmpstr (step->id, ==, "cpms-access.access-profile");
  g_assert_cmpuint (step->profiles->len, ==, G_N_ELEMENTS (profiles));
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      GuideProfile *profile = g_ptr_array_index (step->profiles, i);

      g_assert_cmpstr (profile->name, ==, profiles[i]);
      g_assert_cmpint (profile->recommended, ==, g_str_equal (profile->name, "HP"));
    }

  /* The seeds predate the end of SMS second factors: stage 2 opens with the update. */
  stage = guide_book_get_stage (book, 1);
  g_assert_cmpuint (stage->notes->len, >=, 1);
  note = g_ptr_array_index (stage->notes, 0);
  g_assert_cmpstr (note->kind, ==, "update");
  g_assert_cmpstr (note->uri, ==, "https://trusted-digital-identity.europa.eu/phase-out-eu-login-authentication-using-sms_en");
  g_assert_nonnull (strstr (note->text, "EU Login"));
  g_assert_nonnull (strstr (note->text, "2025"));

  g_assert_cmpuint (guide_book_get_addresses (book)->len, ==, 2);
}

/* Every picture of @steps is in the resources. */
static guint
count_pictures (GPtrArray *steps)
{
  guint n_pictures = 0;

  for (guint j = 0; j < steps->len; j++)
    {
      GuideStep *step = g_ptr_array_index (steps, j);
      g_autofree char *path = NULL;

      if (step->picture == NULL)
        continue;

      path = g_strdup_printf (RESOURCE_BASE "/screenshots/%s", step->picture);
      g_assert_true (g_resources_get_info (path, 0, NULL, NULL, NULL));
      n_pictures++;
    }

  return n_pictures;
}

static void
test_pictures_present (gconstpointer data)
{
  g_autoptr(GuideBook) book = load (data);
  GPtrArray *stages = guide_book_get_stages (book);
  guint n_pictures = 0;

  /* The original guide's steps keep their pictures. */
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      n_pictures += count_pictures (stage->steps) + count_pictures (stage->original_steps);
    }

  g_assert_cmpuint (n_pictures, ==, 11);
}

/* Whether @text or @uri names the former CPMS's login page. */
static gboolean
names_former_login (const char *text)
{
  return text != NULL && strstr (text, "cpms.ern-net.eu/login") != NULL;
}

static void
assert_no_former_login_in_notes (GPtrArray *notes)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      GuideNote *note = g_ptr_array_index (notes, i);

      g_assert_false (names_former_login (note->text));
      g_assert_false (names_former_login (note->uri));
    }
}

/* Stage 3 as CPMS 2.0 works: a request to ERN ReCONNET's helpdesk with a
 * prepared message, then the wait; the original guide's request form is
 * kept apart, as it was written, and the former CPMS's login page is named
 * only there. */
static void
test_cpms2 (gconstpointer data)
{
  g_autoptr(GuideBook) book = load (data);
  static const char * const saas[] = {
    "cpms-access.open-login", "cpms-access.request-link", "cpms-access.sign-in",
    "cpms-access.select-application", "cpms-access.select-organisation", "cpms-access.select-country",
    "cpms-access.guest-access", "cpms-access.access-profile", "cpms-access.submit", "cpms-access.approval",
  };
  GPtrArray *stages = guide_book_get_stages (book);
  GuideStage *stage = guide_book_get_stage (book, 2);
  GuideStep *request = g_ptr_array_index (stage->steps, 0);
  GuideNote *update = g_ptr_array_index (stage->notes, 0);
  GuideStep *log_in = guide_book_find_step (book, "cpms-login.log-in", NULL, NULL);
  GuideStep *profile;
  gboolean corrected = FALSE;

  g_assert_cmpuint (stage->steps->len, ==, 2);
  g_assert_cmpstr (request->id, ==, "cpms-access.write-helpdesk");
  g_assert_cmpstr (request->uri, ==, "mailto:helpdesk.reconnet@ao-pisa.toscana.it");
  g_assert_nonnull (strstr (request->mail_subject, "CPMS 2.0"));
  g_assert_nonnull (strstr (request->mail_subject, "ReCONNET"));
  g_assert_nonnull (strstr (request->mail_body, "EU Login"));
  g_assert_nonnull (strchr (request->mail_body, '\n'));
  g_assert_cmpstr (((GuideStep *) g_ptr_array_index (stage->steps, 1))->id, ==, "cpms-access.wait-reply");

  /* The update says where it comes from, the Commission's page first. */
  g_assert_cmpstr (update->kind, ==, "update");
  g_assert_nonnull (strstr (update->text, "CPMS 2.0"));
  g_assert_nonnull (strstr (update->text, "2024"));
  g_assert_nonnull (update->source);
  g_assert_cmpstr (update->uri, ==, "https://health.ec.europa.eu/rare-diseases-and-european-reference-networks/european-reference-networks/work-erns_en");

  g_assert_cmpuint (stage->original_steps->len, ==, G_N_ELEMENTS (saas));
  g_assert_nonnull (stage->original_title);
  g_assert_nonnull (strstr (stage->original_title, "CPMS 2.0"));
  for (guint i = 0; i < G_N_ELEMENTS (saas); i++)
    {
      g_assert_cmpstr (((GuideStep *) g_ptr_array_index (stage->original_steps, i))->id, ==, saas[i]);
      g_assert_null (guide_book_find_step (book, saas[i], NULL, NULL));
    }
  g_assert_cmpstr (((GuideStep *) g_ptr_array_index (stage->original_steps, 0))->uri, ==, "https://cpms.ern-net.eu/login/");

  /* HP is a healthcare professional: the seeds' words stay, corrected by a
   * marked note. */
  profile = g_ptr_array_index (stage->original_steps, 7);
  for (guint i = 0; i < profile->notes->len; i++)
    {
      GuideNote *note = g_ptr_array_index (profile->notes, i);

      corrected |= g_str_equal (note->kind, "update") && strstr (note->text, "HCP") != NULL;
    }
  g_assert_true (corrected);
  if (g_str_equal (data, "en"))
    g_assert_null (strstr (profile->text, "Healthcare Provider"));

  /* Stage 4 logs in to CPMS 2.0. */
  g_assert_cmpstr (log_in->uri, ==, "https://cpms2.ern-net.eu/");
  g_assert_nonnull (strstr (log_in->text, "https://cpms2.ern-net.eu/"));

  /* The former login page, only in the original guide's section. */
  assert_no_former_login_in_notes (guide_book_get_notes (book));
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *s = g_ptr_array_index (stages, i);

      assert_no_former_login_in_notes (s->notes);
      g_assert_false (names_former_login (s->summary));
      for (guint j = 0; j < s->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (s->steps, j);

          g_assert_false (names_former_login (step->text));
          g_assert_false (names_former_login (step->uri));
          assert_no_former_login_in_notes (step->notes);
        }
    }
}

/* Every stage says the day its facts were checked, a real day that has
 * come, and since CPMS 2.0. */
static void
test_checked (gconstpointer data)
{
  g_autoptr(GuideBook) book = load (data);
  GPtrArray *stages = guide_book_get_stages (book);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GDate) cpms2 = g_date_new_dmy (1, 1, 2024);

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      g_assert_true (g_date_valid (&stage->checked));
      g_assert_cmpint (g_date_compare (&stage->checked, today), <=, 0);
      g_assert_cmpint (g_date_compare (&stage->checked, cpms2), >, 0);
    }
}

/* The sources: official addresses, each once, the Commission's page on
 * CPMS 2.0 among them; every update's own address is one of them. */
static void
test_sources (gconstpointer data)
{
  g_autoptr(GuideBook) book = load (data);
  GPtrArray *sources = guide_book_get_sources (book);
  GPtrArray *stages = guide_book_get_stages (book);
  g_autoptr(GHashTable) uris = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (sources->len, >=, 10);
  for (guint i = 0; i < sources->len; i++)
    {
      GuideSource *source = g_ptr_array_index (sources, i);

      g_assert_true (g_str_has_prefix (source->uri, "https://"));
      g_assert_true (guide_uri_is_allowed (source->uri));
      g_assert_true (g_hash_table_add (uris, source->uri));
      g_assert_cmpuint (strlen (source->title), >, 0);
      g_assert_cmpuint (strlen (source->publisher), >, 0);
    }
  g_assert_true (g_hash_table_contains (uris, "https://health.ec.europa.eu/rare-diseases-and-european-reference-networks/european-reference-networks/work-erns_en"));
  g_assert_true (g_hash_table_contains (uris, "https://ern-ithaca.eu/how-to-use-cpms-2-0"));

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      for (guint j = 0; j < stage->notes->len; j++)
        {
          GuideNote *note = g_ptr_array_index (stage->notes, j);

          if (g_str_equal (note->kind, "update") && note->uri != NULL)
            g_assert_true (g_hash_table_contains (uris, note->uri));
        }
    }
}

/* Loads fr.json with one member replaced, and checks the message. */
static void
assert_refused (const char *member_path,
                JsonNode   *value,
                const char *expected)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/guide/fr.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GuideBook) book = NULL;
  g_auto(GStrv) parts = g_strsplit (member_path, "/", -1);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) input = NULL;
  JsonNode *node;
  guint n;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  node = json_parser_get_root (parser);
  n = g_strv_length (parts);
  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
    }

  if (value != NULL)
    json_object_set_member (json_node_get_object (node), parts[n - 1], value);
  else
    json_object_remove_member (json_node_get_object (node), parts[n - 1]);

  json = json_to_string (json_parser_get_root (parser), FALSE);
  input = g_bytes_new (json, strlen (json));
  book = guide_book_new_from_bytes (input, "fr.json", GUIDE_BOOK_FLAGS_NONE, &error);
  g_assert_null (book);
  g_assert_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_refuses (void)
{
  assert_refused ("stages/0/steps/0/uri", json_node_init_string (json_node_alloc (), "https://example.org/"),
                  "fr.json:1: guide.stages[0].steps[0].uri: “https://example.org/” is not one of the official addresses");
  assert_refused ("stages/0/steps/0/uri", json_node_init_string (json_node_alloc (), "http://webgate.ec.europa.eu/cas"),
                  "fr.json:1: guide.stages[0].steps[0].uri: “http://webgate.ec.europa.eu/cas” is not one of the official addresses");
  assert_refused ("stages/1/steps/1/text", json_node_init_string (json_node_alloc (), "Voir https://phishing.example/login."),
                  "fr.json:1: guide.stages[1].steps[1].text: “https://phishing.example/login” is not one of the official addresses");
  assert_refused ("stages/1/steps/1/text", json_node_init_string (json_node_alloc (), "  "),
                  "fr.json:1: guide.stages[1].steps[1].text: is empty");
  assert_refused ("stages/1/steps/1/text", NULL,
                  "fr.json:1: guide.stages[1].steps[1].text: missing");
  assert_refused ("stages/2/steps/0/id", json_node_init_string (json_node_alloc (), "cpms-access.sign-in"),
                  "fr.json:1: guide.stages[2].original.steps[2].id: “cpms-access.sign-in” is used twice");
  assert_refused ("stages/2/steps/0/id", json_node_init_string (json_node_alloc (), "eu-login.open-login"),
                  "fr.json:1: guide.stages[2].steps[0].id: “eu-login.open-login” must start with “cpms-access.”");
  assert_refused ("stages/0/id", json_node_init_string (json_node_alloc (), "EU Login"),
                  "fr.json:1: guide.stages[0].id: “EU Login” is not a slug (lowercase letters, digits and “-”)");
  assert_refused ("stages/1/steps/1/id", json_node_init_string (json_node_alloc (), "two-factor.sms.code"),
                  "fr.json:1: guide.stages[1].steps[1].id: “two-factor.sms.code” is not a slug (lowercase letters, digits and “-”)");
  assert_refused ("stages/1/id", json_node_init_string (json_node_alloc (), "two-factor."),
                  "fr.json:1: guide.stages[1].id: “two-factor.” is not a slug (lowercase letters, digits and “-”)");
  assert_refused ("contacts/addresses/0/uri", json_node_init_string (json_node_alloc (), "mailto:someone@example.org"),
                  "fr.json:1: guide.contacts.addresses[0].uri: “someone@example.org” is not one of the official addresses");
  assert_refused ("stages/0/steps/0/picture", json_node_init_string (json_node_alloc (), "x.svg"),
                  "fr.json:1: guide.stages[0].steps[0].picture: must be an object");
  assert_refused ("format", json_node_init_int (json_node_alloc (), 2),
                  "fr.json: format: must be 1");
  assert_refused ("stages/1/original/steps", json_node_init_array (json_node_alloc (), json_array_new ()),
                  "fr.json:1: guide.stages[1].original.steps: is empty");
  assert_refused ("stages/1/original/title", NULL,
                  "fr.json:1: guide.stages[1].original.title: missing");
  assert_refused ("stages/1/original/steps/0/id", json_node_init_string (json_node_alloc (), "two-factor.install-app"),
                  "fr.json:1: guide.stages[1].original.steps[0].id: “two-factor.install-app” is used twice");
  assert_refused ("stages/1/original", json_node_init_string (json_node_alloc (), "SMS"),
                  "fr.json:1: guide.stages[1].original: must be an object");
  assert_refused ("stages/0/checked", NULL,
                  "fr.json:1: guide.stages[0].checked: missing");
  assert_refused ("stages/0/checked", json_node_init_string (json_node_alloc (), "2026-13-01"),
                  "fr.json:1: guide.stages[0].checked: “2026-13-01” is not a date written YYYY-MM-DD");
  assert_refused ("stages/0/checked", json_node_init_string (json_node_alloc (), "2 décembre 2026"),
                  "fr.json:1: guide.stages[0].checked: “2 décembre 2026” is not a date written YYYY-MM-DD");
  assert_refused ("stages/0/checked", json_node_init_string (json_node_alloc (), "2026-12-01 "),
                  "fr.json:1: guide.stages[0].checked: “2026-12-01 ” is not a date written YYYY-MM-DD");
  assert_refused ("stages/0/checked", json_node_init_string (json_node_alloc (), "2026-1-021"),
                  "fr.json:1: guide.stages[0].checked: “2026-1-021” is not a date written YYYY-MM-DD");
  assert_refused ("stages/0/steps/0/mail", json_node_init_object (json_node_alloc (), json_object_new ()),
                  "fr.json:1: guide.stages[0].steps[0].mail: needs an e-mail address as the step's “uri”");
  assert_refused ("stages/2/steps/0/mail/subject", NULL,
                  "fr.json:1: guide.stages[2].steps[0].mail.subject: missing");
  assert_refused ("sources/0/uri", json_node_init_string (json_node_alloc (), "https://example.org/"),
                  "fr.json:1: guide.sources[0].uri: “https://example.org/” is not one of the official addresses");
  assert_refused ("sources", NULL,
                  "fr.json:1: guide.sources: missing");
}

static void
test_not_json (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{ \"format\": 1,", 14);
  g_autoptr(GError) error = NULL;
  g_autoptr(GuideBook) book = guide_book_new_from_bytes (bytes, "broken.json", GUIDE_BOOK_FLAGS_NONE, &error);

  g_assert_null (book);
  g_assert_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: "));
}

/* What JSON allows is read: every escape, a surrogate pair, and comment
 * marks inside text, as every address holds “//”. */
static void
test_json_escapes (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/guide/it.json", 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *title = strstr (text, "\"title\": \"") + strlen ("\"title\": \"");
  g_autofree char *escaped = g_strdup_printf ("%.*s%s%s", (int) (title - text), text,
                                              "\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\ud83d\\ude00 /* // */",
                                              strchr (title, '"'));
  g_autoptr(GBytes) escaped_bytes = g_bytes_new (escaped, strlen (escaped));
  g_autoptr(GError) error = NULL;
  g_autoptr(GuideBook) book = guide_book_new_from_bytes (escaped_bytes, "it.json", GUIDE_BOOK_FLAGS_SITE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (guide_book_get_title (book), ==, "\" \\ / \b\f\n\r\t é😀 /* // */");
}

/* A site's guide may name its own https and e-mail addresses, nothing else;
 * problems are reported with the line they are on. */
static void
test_site_rules (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/guide/it.json", 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *intranet = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GBytes) intranet_bytes = NULL;
  g_autoptr(GBytes) plain_bytes = NULL;
  g_autoptr(GuideBook) site = NULL;
  g_autoptr(GuideBook) builtin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) addresses = NULL;
  char *line_start;
  int line = 1;

  intranet = g_strdup (text);
  line_start = strstr (intranet, "\"uri\": \"https://cpms.ern-net.eu/login/") + strlen ("\"uri\": \"");
  memcpy (line_start, "https://intranet.example", strlen ("https://intranet.example"));
  for (char *p = intranet; p < line_start; p++)
    line += *p == '\n';

  intranet_bytes = g_bytes_new (intranet, strlen (intranet));
  builtin = guide_book_new_from_bytes (intranet_bytes, "it.json", GUIDE_BOOK_FLAGS_NONE, &error);
  g_assert_null (builtin);
  {
    g_autofree char *prefix = g_strdup_printf ("it.json:%d: guide.", line);

    g_assert_true (g_str_has_prefix (error->message, prefix));
  }
  g_clear_error (&error);

  site = guide_book_new_from_bytes (intranet_bytes, "it.json", GUIDE_BOOK_FLAGS_SITE, &error);
  g_assert_no_error (error);
  addresses = guide_book_list_addresses (site);
  /* The first official address, rewritten in place to the same length. */
  {
    g_autofree char *rewritten = g_strconcat ("https://intranet.example",
                                              "https://cpms.ern-net.eu/login/" + strlen ("https://intranet.example"),
                                              NULL);

    g_assert_true (g_ptr_array_find_with_equal_func (addresses, rewritten, g_str_equal, NULL));
  }

  plain = g_strdup (text);
  line_start = strstr (plain, "https://cpms.ern-net.eu/login/");
  memcpy (line_start, "http:/", strlen ("http:/"));
  plain_bytes = g_bytes_new (plain, strlen (plain));
  g_clear_object (&site);
  site = guide_book_new_from_bytes (plain_bytes, "it.json", GUIDE_BOOK_FLAGS_SITE, &error);
  g_assert_null (site);
  g_assert_nonnull (strstr (error->message, "is not an https or e-mail address"));
}

static void
test_addresses (gconstpointer data)
{
  g_autoptr(GuideBook) book = load (data);
  g_autoptr(GPtrArray) addresses = guide_book_list_addresses (book);

  /* The official addresses that have a button, each once: EU Login's own
   * sign-in page is only written out, in the original guide's steps. */
  g_assert_cmpuint (addresses->len, ==, 10);
  g_assert_false (g_ptr_array_find_with_equal_func (addresses, "https://webgate.ec.europa.eu/cas", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (addresses, "https://ecas.ec.europa.eu/cas/mobile", g_str_equal, NULL));
  for (guint i = 0; i < addresses->len; i++)
    g_assert_true (guide_uri_is_allowed (g_ptr_array_index (addresses, i)));
}

/* The guide in @language with the step @id renamed @other (as long) is
 * refused beside the French one, with a message that names the step. */
static void
assert_parity_refused (const char *language,
                       const char *id,
                       const char *other)
{
  g_autoptr(GuideBook) fr = load ("fr");
  g_autofree char *resource = g_strdup_printf (RESOURCE_BASE "/guide/%s.json", language);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", id);
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GuideBook) it = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (id), ==, strlen (other));
  memcpy (strstr (text, quoted) + 1, other, strlen (other));
  changed = g_bytes_new (text, strlen (text));
  it = guide_book_new_from_bytes (changed, resource, GUIDE_BOOK_FLAGS_NONE, &error);
  g_assert_no_error (error);

  g_assert_true (guide_book_check_parity (fr, fr, NULL));
  g_assert_false (guide_book_check_parity (fr, it, &error));
  g_assert_nonnull (strstr (error->message, id));
}

static void
test_parity_refused (void)
{
  assert_parity_refused ("it", "cpms-access.guest-access", "cpms-access.own-provider");
  assert_parity_refused ("en", "cpms-access.guest-access", "cpms-access.own-provider");
  /* The original guide's steps are keyed like the others. */
  assert_parity_refused ("it", "two-factor.add-number", "two-factor.add-phones");
  assert_parity_refused ("en", "two-factor.add-number", "two-factor.add-phones");
}

static void
test_finalizes (void)
{
  GuideBook *book = load ("it");

  g_assert_finalize_object (book);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guide/book/parity", test_parity);
  g_test_add_func ("/guide/book/profiles-english", test_profiles_english);
  g_test_add_data_func ("/guide/book/content/fr", "fr", test_content);
  g_test_add_data_func ("/guide/book/content/it", "it", test_content);
  g_test_add_data_func ("/guide/book/content/en", "en", test_content);
  g_test_add_data_func ("/guide/book/two-factor/fr", "fr", test_two_factor);
  g_test_add_data_func ("/guide/book/two-factor/it", "it", test_two_factor);
  g_test_add_data_func ("/guide/book/two-factor/en", "en", test_two_factor);
  g_test_add_data_func ("/guide/book/pictures-present/fr", "fr", test_pictures_present);
  g_test_add_data_func ("/guide/book/pictures-present/it", "it", test_pictures_present);
  g_test_add_data_func ("/guide/book/pictures-present/en", "en", test_pictures_present);
  g_test_add_data_func ("/guide/book/cpms2/fr", "fr", test_cpms2);
  g_test_add_data_func ("/guide/book/cpms2/it", "it", test_cpms2);
  g_test_add_data_func ("/guide/book/cpms2/en", "en", test_cpms2);
  g_test_add_data_func ("/guide/book/checked/fr", "fr", test_checked);
  g_test_add_data_func ("/guide/book/checked/it", "it", test_checked);
  g_test_add_data_func ("/guide/book/checked/en", "en", test_checked);
  g_test_add_data_func ("/guide/book/sources/fr", "fr", test_sources);
  g_test_add_data_func ("/guide/book/sources/it", "it", test_sources);
  g_test_add_data_func ("/guide/book/sources/en", "en", test_sources);
  g_test_add_func ("/guide/book/refuses", test_refuses);
  g_test_add_func ("/guide/book/not-json", test_not_json);
  g_test_add_func ("/guide/book/json-escapes", test_json_escapes);
  g_test_add_func ("/guide/book/site-rules", test_site_rules);
  g_test_add_data_func ("/guide/book/addresses/fr", "fr", test_addresses);
  g_test_add_data_func ("/guide/book/addresses/it", "it", test_addresses);
  g_test_add_data_func ("/guide/book/addresses/en", "en", test_addresses);
  g_test_add_func ("/guide/book/parity-refused", test_parity_refused);
  g_test_add_func ("/guide/book/finalizes", test_finalizes);

  return g_test_run ();
}

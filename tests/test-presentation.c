/* test-presentation.c
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

/* Presentation mode in a real fullscreen window: the keys a clicker sends,
 * QR codes that a phone decodes (zbarimg), and nothing saved. */

#include <glib/gstdio.h>
#include <unistd.h>

#include "guide-address-label.h"
#include "guide-application.h"
#include "guide-book.h"
#include "guide-i18n.h"
#include "guide-presentation.h"
#include "guide-qr-code.h"
#include "guide-test-utils.h"
#include "guide-window.h"

typedef struct
{
  GuideApplication *application;
  GtkWidget        *window;
  GtkWidget        *presentation;
  GSettings        *settings;
  guint             n_settings_changes;
} Fixture;

static void
settings_changed_cb (Fixture *fixture)
{
  fixture->n_settings_changes++;
}

static GtkWidget *
find_presentation (void)
{
  return GTK_WIDGET (guide_test_find_toplevel (GUIDE_TYPE_PRESENTATION));
}

static gboolean
presentation_shown (gpointer data)
{
  GtkWidget *presentation = find_presentation ();

  return presentation != NULL && gtk_widget_get_mapped (presentation) &&
         gtk_window_is_fullscreen (GTK_WINDOW (presentation));
}

static gboolean
presentation_gone (gpointer data)
{
  return find_presentation () == NULL;
}

static void
open_presentation (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "presentation", NULL);
  g_assert_true (guide_test_wait_for (presentation_shown, NULL));
  fixture->presentation = find_presentation ();
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (fixture->settings, "language", "fr");
  g_signal_connect_swapped (fixture->settings, "changed", G_CALLBACK (settings_changed_cb), fixture);

  fixture->application = guide_test_start_application (NULL, &fixture->window);
  fixture->n_settings_changes = 0;

  open_presentation (fixture);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  if (find_presentation () != NULL)
    gtk_window_destroy (GTK_WINDOW (find_presentation ()));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  guide_test_iterate ();
  g_clear_object (&fixture->application);
  g_clear_object (&fixture->settings);
}

static GtkLabel *
label_with_class (GtkWidget  *root,
                  const char *css_class)
{
  return GTK_LABEL (guide_test_find_by_css_class (root, GTK_TYPE_LABEL, css_class));
}

static const char *
where (Fixture *fixture)
{
  return gtk_label_get_label (label_with_class (fixture->presentation, "where"));
}

static GtkLabel *
slide_text_label (Fixture *fixture)
{
  return GTK_LABEL (guide_test_find_by_css_class (fixture->presentation, GTK_TYPE_LABEL, "slide-text"));
}

static const char *
slide_text (Fixture *fixture)
{
  return gtk_label_get_label (slide_text_label (fixture));
}

typedef struct
{
  Fixture    *fixture;
  const char *where;
  const char *text;
} Expected;

static gboolean
showing (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (where (expected->fixture), expected->where) == 0 &&
         (expected->text == NULL || g_strcmp0 (slide_text (expected->fixture), expected->text) == 0);
}

/* Presses @keys and waits for the slide that says @where_text, @text. */
static void
press_and_expect (Fixture    *fixture,
                  const char *keys,
                  const char *where_text,
                  const char *text)
{
  Expected expected = { fixture, where_text, text };

  guide_test_press_keys (fixture->presentation, keys);
  if (!guide_test_wait_for (showing, &expected))
    g_error ("After “%s”: showing “%s” / “%s”, expected “%s” / “%s”",
             keys, where (fixture), slide_text (fixture), where_text, text);
}

static char *
step_where (guint stage,
            guint step,
            guint n_steps)
{
  /* The French the app shows; its own catalogue is tested elsewhere. */
  return g_strdup_printf ("Étape %u · sous-étape %u sur %u", stage, step, n_steps);
}

/* How a slide says where it is, in each language: a stage's slide, a step's,
 * the original guide's method's. */
static const char * const wheres[][3] = {
  { "Étape %u sur %u", NULL, "Étape %u · Guide d'origine" },
  { "Fase %u di %u", "Fase %u · Passaggio %u di %u", "Fase %u · Guida originale" },
  { "Stage %u of %u", "Stage %u · Step %u of %u", "Stage %u · Original guide" },
};

static void
walk (Fixture    *fixture,
      GuideBook  *book,
      const char *language)
{
  GPtrArray *stages = guide_book_get_stages (book);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char * const *formats = wheres[g_str_equal (language, "fr") ? 0 : g_str_equal (language, "it") ? 1 : 2];

  g_assert_cmpstr (guide_book_get_language (book), ==, language);

  /* Every stage's slide and every step's, in order. */
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      g_ptr_array_add (expected, g_strdup_printf (formats[0], i + 1, stages->len));
      g_ptr_array_add (texts, stage->summary);
      for (guint j = 0; j < stage->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (stage->steps, j);

          g_ptr_array_add (expected,
                           g_str_equal (language, "fr") ? step_where (i + 1, j + 1, stage->steps->len)
                                                        : g_strdup_printf (formats[1], i + 1, j + 1, stage->steps->len));
          g_ptr_array_add (texts, step->text);
        }
      if (stage->original_steps->len > 0)
        {
          g_ptr_array_add (expected, g_strdup_printf (formats[2], i + 1));
          g_ptr_array_add (texts, stage->original_text);
        }
    }

  for (guint i = 0; i < expected->len; i++)
    press_and_expect (fixture, "Right", g_ptr_array_index (expected, i), g_ptr_array_index (texts, i));
  for (guint i = expected->len - 1; i > 0; i--)
    press_and_expect (fixture, "Left", g_ptr_array_index (expected, i - 1), g_ptr_array_index (texts, i - 1));
}

/* The original guide's SMS method is one slide, marked as no longer
 * offered, with nothing to tick: the checklist keeps its steps. */
static void
test_withdrawn_slides (Fixture       *fixture,
                       gconstpointer  data)
{
  GuideBook *fr = guide_library_get_book (guide_application_get_library (fixture->application), "fr");
  GuideStage *stage = guide_book_get_stage (fr, 1);
  GtkWidget *withdrawn = GTK_WIDGET (label_with_class (fixture->presentation, "withdrawn"));
  GtkWidget *check = guide_test_find_by_css_class (fixture->presentation, GTK_TYPE_CHECK_BUTTON, "presentation-done");
  g_autofree char *last = g_strdup_printf ("Étape 2 · sous-étape %u sur %u", stage->steps->len, stage->steps->len);

  press_and_expect (fixture, "2", "Étape 2 sur 4", stage->summary);
  for (guint i = 0; i < stage->steps->len; i++)
    guide_test_press_keys (fixture->presentation, "Right");
  g_assert_true (guide_test_wait_for (showing, &(Expected) { fixture, last, NULL }));
  g_assert_false (gtk_widget_get_visible (withdrawn));
  g_assert_true (gtk_widget_get_visible (check));

  press_and_expect (fixture, "Right", "Étape 2 · Guide d'origine", stage->original_text);
  g_assert_true (gtk_widget_get_visible (withdrawn));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (withdrawn)), ==, stage->original_title);
  g_assert_false (gtk_widget_get_visible (check));
  g_assert_nonnull (guide_test_find_label (fixture->presentation,
                                           "Ses 5 sous-étapes sont conservées dans la liste et dans le document imprimé."));

  press_and_expect (fixture, "Right", "Étape 3 sur 4", NULL);
  g_assert_false (gtk_widget_get_visible (withdrawn));
}

static void
test_keys_walk (Fixture       *fixture,
                gconstpointer  data)
{
  GuideBook *fr = guide_library_get_book (guide_application_get_library (fixture->application), "fr");
  GuideBook *it = guide_library_get_book (guide_application_get_library (fixture->application), "it");
  GuideBook *en = guide_library_get_book (guide_application_get_library (fixture->application), "en");
  GuideStage *stage;

  /* The first slide shows the keys, L with the three languages it goes through. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label_with_class (fixture->presentation, "hint"))));
  g_assert_nonnull (strstr (gtk_label_get_label (label_with_class (fixture->presentation, "hint")),
                            "L : français / italiano / English"));

  walk (fixture, fr, "fr");

  /* L: Italian, in place. */
  stage = guide_book_get_stage (it, 0);
  press_and_expect (fixture, "l", "Fase 1 di 4", stage->summary);
  press_and_expect (fixture, "Home", "Guida all'accesso alla CPMS", NULL);
  walk (fixture, it, "it");

  /* What clickers send, and the other keys. */
  press_and_expect (fixture, "Page_Down", "Fase 1 · Passaggio 1 di 4", NULL);
  press_and_expect (fixture, "space", "Fase 1 · Passaggio 2 di 4", NULL);
  press_and_expect (fixture, "Return", "Fase 1 · Passaggio 3 di 4", NULL);
  press_and_expect (fixture, "Down", "Fase 1 · Passaggio 4 di 4", NULL);
  press_and_expect (fixture, "Right", "Fase 2 di 4", NULL);
  press_and_expect (fixture, "Page_Up", "Fase 1 · Passaggio 4 di 4", NULL);
  press_and_expect (fixture, "BackSpace", "Fase 1 · Passaggio 3 di 4", NULL);
  press_and_expect (fixture, "Up", "Fase 1 · Passaggio 2 di 4", NULL);
  press_and_expect (fixture, "4", "Fase 4 di 4", NULL);
  press_and_expect (fixture, "2", "Fase 2 di 4", NULL);
  press_and_expect (fixture, "End", guide_book_get_title (it), guide_book_get_contacts_text (it));

  /* The slides speak Italian, QR codes' names included, while the app's own
   * language, the checklist's, stays French. */
  {
    g_autoptr(GPtrArray) codes = guide_test_find_all (fixture->presentation, GUIDE_TYPE_QR_CODE);
    GtkWidget *code = g_ptr_array_index (codes, 0);
    g_autofree char *name = g_strdup_printf ("Codice QR di %s", guide_qr_code_get_text (GUIDE_QR_CODE (code)));
    g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (code), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

    g_assert_null (mismatch);
    g_assert_cmpstr (guide_i18n_get_language (), ==, "fr");
    g_assert_nonnull (guide_test_find_label (fixture->window, guide_book_get_stage (fr, 0)->title));
  }

  /* L again: English, in place, then round to French. */
  press_and_expect (fixture, "l", guide_book_get_title (en), guide_book_get_contacts_text (en));
  press_and_expect (fixture, "Home", "CPMS Access Guide", NULL);
  walk (fixture, en, "en");
  press_and_expect (fixture, "End", guide_book_get_title (en), guide_book_get_contacts_text (en));
  press_and_expect (fixture, "l", guide_book_get_title (fr), guide_book_get_contacts_text (fr));

  guide_test_press_keys (fixture->presentation, "Escape");
  g_assert_true (guide_test_wait_for (presentation_gone, NULL));
}

static gboolean
blank (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) stacks = guide_test_find_all (fixture->presentation, GTK_TYPE_STACK);
  GtkStack *stack = g_ptr_array_index (stacks, 0);

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "blank") == 0;
}

static gboolean
not_blank (gpointer data)
{
  return !blank (data);
}

static gboolean
not_fullscreen (gpointer data)
{
  return !gtk_window_is_fullscreen (GTK_WINDOW (data));
}

/* The size, in pixels, of the slide's main text. */
static double
text_pixel_size (Fixture *fixture)
{
  GtkWidget *label = GTK_WIDGET (slide_text_label (fixture));
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size : size * 96 / 72;
}

static gboolean
laid_out_fullscreen (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_height (fixture->presentation) >= 1060 && text_pixel_size (fixture) > 20;
}

static void
test_blank_and_fullscreen (Fixture       *fixture,
                           gconstpointer  data)
{
  /* Fullscreen on the 1920×1080 screen, with type readable from the back of a room. */
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (fixture->presentation)));
  g_assert_true (guide_test_wait_for (laid_out_fullscreen, fixture));
  g_assert_cmpfloat (text_pixel_size (fixture), >=, 28);

  guide_test_press_keys (fixture->presentation, "b");
  g_assert_true (guide_test_wait_for (blank, fixture));
  guide_test_press_keys (fixture->presentation, "b");
  g_assert_true (guide_test_wait_for (not_blank, fixture));
  guide_test_press_keys (fixture->presentation, "period");
  g_assert_true (guide_test_wait_for (blank, fixture));
  guide_test_press_keys (fixture->presentation, "period");
  g_assert_true (guide_test_wait_for (not_blank, fixture));

  /* F5 leaves, back to the checklist. */
  guide_test_press_keys (fixture->presentation, "F5");
  g_assert_true (guide_test_wait_for (presentation_gone, NULL));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)));
  g_assert_true (guide_test_wait_for (not_fullscreen, fixture->window));
}

static gboolean
allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

/* Renders @code as the app draws it, and reads it back with zbarimg. */
static char *
decode (GtkWidget *code)
{
  int width, height;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;
  int fd;

  /* A file of this run's own: the test suites of other builds on the same
   * machine decode their codes at the same time. */
  fd = g_file_open_tmp ("cpms-guide-qr-XXXXXX.png", &path, &error);
  g_assert_no_error (error);
  close (fd);
  command = g_strdup_printf ("zbarimg --quiet --raw %s", path);

  /* A file of its own: other test runs may share this computer. */
  g_close (g_file_open_tmp ("cpms-guide-qr-XXXXXX.png", &path, &error), &error);
  g_assert_no_error (error);
  command = g_strdup_printf ("zbarimg --quiet --raw %s", path);
  g_assert_nonnull (zbarimg);
  g_assert_true (guide_test_wait_for (allocated, code));
  width = gtk_widget_get_width (code);
  height = gtk_widget_get_height (code);
  /* What the widget draws, on white like the slide's background. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GTK_WIDGET_GET_CLASS (code)->snapshot (code, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (code)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  g_spawn_command_line_sync (command, &output, NULL, &status, &error);
  g_unlink (path);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  return g_strchomp (output);
}

static void
collect_note_addresses (GPtrArray  *notes,
                        GHashTable *addresses)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      GuideNote *note = g_ptr_array_index (notes, i);

      if (note->uri != NULL)
        g_hash_table_add (addresses, note->uri);
    }
}

/* What the slides show a code for: the addresses of the guide's notes, its
 * stages', their steps' and the contacts; not those of the original
 * guide's steps, which an audience is not to open. */
static void
collect_addresses (GuideBook  *book,
                   GHashTable *addresses)
{
  GPtrArray *stages = guide_book_get_stages (book);
  GPtrArray *contacts = guide_book_get_addresses (book);

  collect_note_addresses (guide_book_get_notes (book), addresses);
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      collect_note_addresses (stage->notes, addresses);
      for (guint j = 0; j < stage->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (stage->steps, j);

          if (step->uri != NULL)
            g_hash_table_add (addresses, step->uri);
          collect_note_addresses (step->notes, addresses);
        }
    }
  for (guint i = 0; i < contacts->len; i++)
    g_hash_table_add (addresses, ((GuideAddress *) g_ptr_array_index (contacts, i))->uri);
}

static void
test_qr_codes (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const languages[] = { "fr", "it", "en" };

  /* L goes through the three languages in this order. */
  for (guint pass = 0; pass < G_N_ELEMENTS (languages); pass++)
    {
      GuideBook *book = guide_library_get_book (guide_application_get_library (fixture->application), languages[pass]);
      g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) decoded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      const char *last = NULL;
      guint n_addresses = 0;

      collect_addresses (book, expected);
      g_assert_cmpuint (g_hash_table_size (expected), ==, 8);

      /* Every slide, and every code on it, decoded as a phone would, with
       * the address under it cut only after "/", "." or "@". */
      while (g_strcmp0 (last, where (fixture)) != 0)
        {
          g_autoptr(GPtrArray) codes = NULL;

          last = g_intern_string (where (fixture));
          guide_test_iterate ();
          n_addresses += guide_test_assert_all_address_breaks (fixture->presentation);
          codes = guide_test_find_all (fixture->presentation, GUIDE_TYPE_QR_CODE);
          for (guint i = 0; i < codes->len; i++)
            {
              GtkWidget *code = g_ptr_array_index (codes, i);
              g_autofree char *text = NULL;

              if (!gtk_widget_get_mapped (code))
                continue;

              text = decode (code);
              g_assert_cmpstr (text, ==, guide_qr_code_get_text (GUIDE_QR_CODE (code)));
              g_hash_table_add (decoded, g_steal_pointer (&text));
            }

          gtk_widget_activate_action (fixture->presentation, "presentation.next", NULL);
          guide_test_iterate ();
        }

      {
        GHashTableIter iter;
        const char *uri;

        g_hash_table_iter_init (&iter, expected);
        while (g_hash_table_iter_next (&iter, (gpointer *) &uri, NULL))
          if (!g_hash_table_contains (decoded, uri))
            g_test_message ("No slide in %s has a QR code of %s", languages[pass], uri);
      }
      g_assert_cmpuint (g_hash_table_size (decoded), ==, g_hash_table_size (expected));
      g_assert_cmpuint (n_addresses, >=, g_hash_table_size (expected));
      {
        GHashTableIter iter;
        const char *uri;

        g_hash_table_iter_init (&iter, expected);
        while (g_hash_table_iter_next (&iter, (gpointer *) &uri, NULL))
          g_assert_true (g_hash_table_contains (decoded, uri));
      }

      gtk_widget_activate_action (fixture->presentation, "presentation.language", NULL);
      gtk_widget_activate_action (fixture->presentation, "presentation.first", NULL);
      guide_test_iterate ();
    }
}

static const char *
counter (Fixture *fixture)
{
  return gtk_label_get_label (label_with_class (fixture->presentation, "counter"));
}

static gboolean
counting (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (counter (expected->fixture), expected->text) == 0;
}

static void
press_and_count (Fixture    *fixture,
                 const char *keys,
                 const char *text)
{
  Expected expected = { fixture, NULL, text };

  guide_test_press_keys (fixture->presentation, keys);
  if (!guide_test_wait_for (counting, &expected))
    g_error ("After “%s”: the counter says “%s”, expected “%s”", keys, counter (fixture), text);
}

static gboolean
hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The window's least size is true: more than nothing, and within the
 * screen, whatever the slide; newer GTK checks the window's content against
 * it, and warns. */
static void
test_size_true (Fixture       *fixture,
                gconstpointer  data)
{
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (fixture->presentation),
                                                            gtk_native_get_surface (GTK_NATIVE (fixture->presentation)));
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  for (int orientation = GTK_ORIENTATION_HORIZONTAL; orientation <= GTK_ORIENTATION_VERTICAL; orientation++)
    {
      int minimum, natural;

      gtk_widget_measure (fixture->presentation, orientation, -1, &minimum, &natural, NULL, NULL);
      g_assert_cmpint (minimum, >, 0);
      g_assert_cmpint (minimum, <=, orientation == GTK_ORIENTATION_HORIZONTAL ? geometry.width : geometry.height);
    }
}

/* The slide counter in a corner, hidden with the keys' hint by H. */
static void
test_counter_and_hints (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *hint = GTK_WIDGET (label_with_class (fixture->presentation, "hint"));
  GtkWidget *count = GTK_WIDGET (label_with_class (fixture->presentation, "counter"));
  g_auto(GStrv) parts = g_strsplit (counter (fixture), " / ", 2);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  graphene_rect_t bounds;

  /* Every slide counted: the title, the stages, their steps, the contacts. */
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_cmpuint (g_ascii_strtoull (parts[1], NULL, 10), >=, 20);
  first = g_strdup_printf ("1 / %s", parts[1]);
  second = g_strdup_printf ("2 / %s", parts[1]);
  last = g_strdup_printf ("%s / %s", parts[1], parts[1]);

  g_assert_cmpstr (counter (fixture), ==, first);
  g_assert_true (gtk_widget_get_visible (count));
  g_assert_true (gtk_widget_get_visible (hint));

  /* In the bottom right corner. */
  g_assert_true (guide_test_wait_for (allocated, count));
  g_assert_true (gtk_widget_compute_bounds (count, fixture->presentation, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >, 0.9 * gtk_widget_get_width (fixture->presentation));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, 0.9 * gtk_widget_get_height (fixture->presentation));

  press_and_count (fixture, "Right", second);
  press_and_count (fixture, "End", last);

  press_and_count (fixture, "Home", first);
  guide_test_press_keys (fixture->presentation, "h");
  g_assert_true (guide_test_wait_for (hidden, count));
  g_assert_false (gtk_widget_get_visible (hint));
  press_and_count (fixture, "Right", second);
  g_assert_false (gtk_widget_get_visible (count));

  guide_test_press_keys (fixture->presentation, "h");
  g_assert_true (guide_test_wait_for (shown, count));
  g_assert_cmpstr (counter (fixture), ==, second);
}

static gboolean
checklist_shown (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  for (GList *l = windows; l != NULL; l = l->next)
    if (GUIDE_IS_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return TRUE;

  return FALSE;
}

static gboolean
checklist_built (GuideApplication *application)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (GUIDE_IS_WINDOW (l->data))
      return TRUE;

  return FALSE;
}

/* Started in presentation mode, as --presentation does: the checklist is
 * built only when the user leaves the presentation. */
static void
test_checklist_only_when_leaving (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GuideApplication *application;
  GtkWidget *presentation;

  g_settings_set_string (settings, "language", "fr");
  application = guide_test_register_application (NULL);
  g_action_group_activate_action (G_ACTION_GROUP (application), "presentation", NULL);
  g_assert_true (guide_test_wait_for (presentation_shown, NULL));
  presentation = find_presentation ();
  g_assert_false (checklist_built (application));

  guide_test_press_keys (presentation, "Right");
  guide_test_iterate ();
  g_assert_false (checklist_built (application));

  guide_test_press_keys (presentation, "Escape");
  g_assert_true (guide_test_wait_for (presentation_gone, NULL));
  g_assert_true (guide_test_wait_for (checklist_shown, application));

  gtk_window_destroy (GTK_WINDOW (gtk_application_get_windows (GTK_APPLICATION (application))->data));
  guide_test_iterate ();
  g_object_unref (application);
}

static void
test_nothing_saved (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *check;

  /* The user's own progress, on disk, before the workshop. */
  gtk_window_destroy (GTK_WINDOW (fixture->presentation));
  guide_test_iterate ();
  gtk_widget_activate (guide_test_find_all (fixture->window, GTK_TYPE_CHECK_BUTTON)->pdata[0]);
  guide_test_iterate ();
  guide_test_wait_for_saves (guide_application_get_progress (fixture->application));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  fixture->n_settings_changes = 0;

  /* A session: steps ticked, the language switched, slides moved. */
  open_presentation (fixture);
  for (guint i = 0; i < 4; i++)
    {
      guide_test_press_keys (fixture->presentation, "Right");
      guide_test_iterate ();
      check = guide_test_find_by_css_class (fixture->presentation, GTK_TYPE_CHECK_BUTTON, "presentation-done");
      if (gtk_widget_get_visible (check))
        gtk_widget_activate (check);
      guide_test_iterate ();
    }
  guide_test_press_keys (fixture->presentation, "l");
  guide_test_press_keys (fixture->presentation, "Right");
  guide_test_iterate ();
  gtk_widget_activate (guide_test_find_by_css_class (fixture->presentation, GTK_TYPE_CHECK_BUTTON, "presentation-done"));
  guide_test_press_keys (fixture->presentation, "Escape");
  g_assert_true (guide_test_wait_for (presentation_gone, NULL));

  /* Byte for byte the same, no setting touched, the checklist as it was. */
  guide_test_wait_for_saves (guide_application_get_progress (fixture->application));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (fixture->n_settings_changes, ==, 0);
  g_assert_cmpstr (guide_application_get_language (fixture->application), ==, "fr");
  g_assert_nonnull (guide_test_find_label (fixture->window, "Fait"));
  g_assert_true (gtk_check_button_get_active (guide_test_find_all (fixture->window, GTK_TYPE_CHECK_BUTTON)->pdata[0]));
  g_assert_false (gtk_check_button_get_active (guide_test_find_all (fixture->window, GTK_TYPE_CHECK_BUTTON)->pdata[1]));
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/guide/presentation/" path, Fixture, NULL, setup, func, teardown)
  ADD ("keys-walk", test_keys_walk);
  ADD ("withdrawn-slides", test_withdrawn_slides);
  ADD ("blank-and-fullscreen", test_blank_and_fullscreen);
  ADD ("qr-codes", test_qr_codes);
  ADD ("nothing-saved", test_nothing_saved);
  ADD ("counter-and-hints", test_counter_and_hints);
  ADD ("size-true", test_size_true);
#undef ADD
  g_test_add_func ("/guide/presentation/checklist-only-when-leaving", test_checklist_only_when_leaving);

  return g_test_run ();
}

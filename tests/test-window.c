/* test-window.c
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

/* The real window, under Xvfb, with each test's own XDG folders: what the
 * user clicks, what lands on disk, and what the desktop is asked to open. */

#include <gdk/x11/gdkx.h>

#include "guide-address-label.h"
#include "guide-application.h"
#include "guide-book.h"
#include "guide-contacts-popover.h"
#include "guide-i18n.h"
#include "guide-note-box.h"
#include "guide-picture-viewer.h"
#include "guide-screenshot.h"
#include "guide-sources-window.h"
#include "guide-stage-page.h"
#include "guide-stage-row.h"
#include "guide-step-row.h"
#include "guide-adw-compat.h"
#include "guide-test-utils.h"
#include "guide-uri.h"
#include "guide-window.h"

/* The keyboard shortcuts: a dialog inside the window from libadwaita 1.8. */
#if ADW_CHECK_VERSION (1, 8, 0)
# define SHORTCUTS_TYPE ADW_TYPE_SHORTCUTS_DIALOG
# define SHORTCUT_LABEL_TYPE ADW_TYPE_SHORTCUT_LABEL
#else
# define SHORTCUTS_TYPE GTK_TYPE_SHORTCUTS_WINDOW
# define SHORTCUT_LABEL_TYPE GTK_TYPE_SHORTCUT_LABEL
#endif

typedef struct
{
  GuideApplication *application;
  GtkWidget        *window;
} Fixture;

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) keys = g_settings_schema_list_keys (g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APPLICATION_ID, TRUE));

  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  g_settings_set_string (settings, "language", "fr");
}

static void
start (Fixture *fixture)
{
  fixture->application = guide_test_start_application (NULL, &fixture->window);
}

/* As the app ends: once its saves are written. */
static void
stop (Fixture *fixture)
{
  guide_test_wait_for_saves (guide_application_get_progress (fixture->application));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  guide_test_iterate ();
  g_clear_object (&fixture->application);
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  reset_settings ();
  start (fixture);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  stop (fixture);
}

static GtkWidget *
stage_title (Fixture *fixture)
{
  return guide_test_find_by_css_class (fixture->window, GTK_TYPE_LABEL, "title-1");
}

static GuideStepRow *
step_row (Fixture *fixture,
          guint    index)
{
  g_autoptr(GPtrArray) rows = guide_test_find_all (fixture->window, GUIDE_TYPE_STEP_ROW);

  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static GtkWidget *
done_check (GuideStepRow *row)
{
  g_autoptr(GPtrArray) checks = guide_test_find_all (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);

  g_assert_cmpuint (checks->len, ==, 1);
  return g_ptr_array_index (checks, 0);
}

static void
activate_action (Fixture    *fixture,
                 const char *name,
                 GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (fixture->window, name, parameter));
  guide_test_iterate ();
}

static void
select_stage (Fixture *fixture,
              guint    index)
{
  g_autoptr(GPtrArray) rows = guide_test_find_all (fixture->window, GUIDE_TYPE_STAGE_ROW);

  g_assert_cmpuint (index, <, rows->len);
  gtk_widget_activate (g_ptr_array_index (rows, index));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (g_ptr_array_index (rows, index))),
                           g_ptr_array_index (rows, index));
  guide_test_iterate ();
}

static const char *
overall_progress (Fixture *fixture)
{
  g_autoptr(GPtrArray) titles = guide_test_find_all (fixture->window, ADW_TYPE_WINDOW_TITLE);

  /* The stage's long title, the first of the two in the header's stack. */
  for (guint i = 0; i < titles->len; i++)
    if (GTK_IS_STACK (gtk_widget_get_parent (titles->pdata[i])))
      return adw_window_title_get_subtitle (titles->pdata[i]);

  g_assert_not_reached ();
}

/* Opens the section of the original guide's steps, on the stage shown. */
static void
expand_original (Fixture *fixture)
{
  GtkWidget *expander = guide_test_find_by_css_class (fixture->window, GTK_TYPE_EXPANDER, "original");

  g_assert_true (gtk_widget_get_visible (expander));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  guide_test_wait_for_frame (fixture->window);
}

static char *
progress_contents (Fixture *fixture)
{
  g_autofree char *path = guide_test_progress_path ();
  char *contents = NULL;

  guide_test_wait_for_saves (guide_application_get_progress (fixture->application));
  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
test_toggle_saves (Fixture       *fixture,
                   gconstpointer  data)
{
  GuideStepRow *row = step_row (fixture, 1);
  g_autofree char *before = progress_contents (fixture);
  g_autofree char *after = NULL;
  g_autofree char *cleared = NULL;

  g_assert_null (before);
  g_assert_cmpstr (guide_step_row_get_step_id (row), ==, "eu-login.create-account");

  gtk_widget_activate (done_check (row));
  guide_test_iterate ();

  after = progress_contents (fixture);
  g_assert_nonnull (after);
  g_assert_nonnull (strstr (after, "\"eu-login.create-account\" : \"20"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "done"));
  g_assert_nonnull (guide_test_find_label (fixture->window, "1 étape sur 4 terminée"));

  /* The day it was ticked, under it, in the interface's language. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                             g_date_time_get_year (now));
    g_autofree char *fr = guide_i18n_format_day ("fr", today);
    g_autofree char *it = guide_i18n_format_day ("it", today);
    g_autofree char *done_fr = g_strdup_printf ("Fait le %s", fr);
    g_autofree char *done_it = g_strdup_printf ("Completato il %s", it);

    g_assert_true (gtk_widget_is_visible (guide_test_find_label (GTK_WIDGET (row), done_fr)));
    g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("it"));
    guide_test_iterate ();
    g_assert_true (gtk_widget_is_visible (guide_test_find_label (GTK_WIDGET (row), done_it)));
    g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("fr"));
    guide_test_iterate ();
  }

  /* Space on a selected row (the list box's row activation) toggles it back. */
  gtk_widget_activate (GTK_WIDGET (row));
  guide_test_iterate ();
  cleared = progress_contents (fixture);
  g_assert_null (strstr (cleared, "eu-login.create-account\" : "));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (done_check (row))));
  g_assert_null (guide_test_find_label (GTK_WIDGET (row), "Fait le"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (done_check (row))));
}

static void
count_save_cb (GuideProgress *progress,
               const GError  *error,
               guint         *n_saves)
{
  g_assert_no_error (error);
  (*n_saves)++;
}

/* Ticking a step that is not selected selects it too: where the user is and
 * the tick go to the disk in one write, away from the window's thread. */
static void
test_one_tick_one_write (Fixture       *fixture,
                         gconstpointer  data)
{
  GuideProgress *progress = guide_application_get_progress (fixture->application);
  GuideStepRow *row = step_row (fixture, 1);
  g_autofree char *contents = NULL;
  guint n_saves = 0;

  g_assert_false (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
  g_signal_connect (progress, "saved", G_CALLBACK (count_save_cb), &n_saves);

  gtk_widget_activate (done_check (row));
  /* Shown at once; written once the window is idle. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "done"));
  g_assert_true (guide_progress_get_saving (progress));

  contents = progress_contents (fixture);
  g_assert_cmpuint (n_saves, ==, 1);
  g_assert_nonnull (strstr (contents, "\"current-step\" : \"eu-login.create-account\""));
  g_assert_nonnull (strstr (contents, "\"eu-login.create-account\" : \"20"));

  g_signal_handlers_disconnect_by_func (progress, count_save_cb, &n_saves);
}

/* A switch from French by a button of the header, and what it must show. */
typedef struct
{
  const char *button;
  const char *language;
  const char *done;
  const char *menu_first;
  const char *shortcut;
} Switch;

static const Switch to_italian = { "IT", "it", "Fatto", "Riprendi da dove avevo interrotto", "Fase successiva" };
static const Switch to_english = { "EN", "en", "Done", "Continue Where I Left Off", "Next stage" };

static void
test_switch_language (Fixture       *fixture,
                      gconstpointer  data)
{
  const Switch *to = data;
  g_autoptr(GuideBook) book = guide_book_new_for_language (to->language);
  g_autoptr(GuideBook) fr = guide_book_new_for_language ("fr");
  g_autoptr(GPtrArray) toggles = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *button = NULL;
  GuideStepRow *row;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  double scroll;

  /* Stage 2, step 4 done, step 5 selected, scrolled down. */
  select_stage (fixture, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (fr, 1)->title);
  gtk_widget_activate (done_check (step_row (fixture, 3)));
  row = step_row (fixture, 4);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), GTK_LIST_BOX_ROW (row));
  guide_test_wait_for_frame (fixture->window);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_VIEWPORT)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 200);
  gtk_adjustment_set_value (adjustment, 200);
  guide_test_iterate ();
  scroll = gtk_adjustment_get_value (adjustment);
  before = progress_contents (fixture);

  /* The IT (or EN) button in the header. */
  toggles = guide_test_find_all (fixture->window, GTK_TYPE_TOGGLE_BUTTON);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), to->button) == 0)
      button = g_ptr_array_index (toggles, i);
  g_assert_nonnull (button);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_signal_emit_by_name (button, "clicked");
  /* The rows below the part on screen switch once the frame is painted. */
  guide_test_wait_for_frame (fixture->window);

  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpstr (guide_application_get_language (fixture->application), ==, to->language);

  /* The stage titles in that language, the same stage, the same step, the
   * same place. */
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (guide_test_find_label (fixture->window, guide_book_get_stage (book, i)->title));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (book, 1)->title);
  g_assert_true (step_row (fixture, 4) == row);
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
  g_assert_cmpstr (guide_step_row_get_step_id (row), ==, "two-factor.sign-in-method");
  g_assert_nonnull (guide_test_find_label (GTK_WIDGET (row), ((GuideStep *) g_ptr_array_index (guide_book_get_stage (book, 1)->steps, 4))->text));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scroll);

  /* The app's own words too, and progress untouched. */
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (done_check (row))), ==, to->done);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (done_check (step_row (fixture, 3)))));
  after = progress_contents (fixture);
  g_assert_cmpstr (before, ==, after);

  /* The menu, translated when opened, and the shortcuts window, when shown. */
  {
    g_autoptr(GPtrArray) menu_buttons = guide_test_find_all (fixture->window, GTK_TYPE_MENU_BUTTON);
    GtkWidget *shortcuts;
    g_autofree char *first = NULL;
    g_autoptr(GMenuModel) section = NULL;

    for (guint i = 0; i < menu_buttons->len; i++)
      if (g_strcmp0 (gtk_menu_button_get_icon_name (g_ptr_array_index (menu_buttons, i)), "open-menu-symbolic") == 0)
        {
          gtk_menu_button_popup (g_ptr_array_index (menu_buttons, i));
          guide_test_iterate ();
          section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (g_ptr_array_index (menu_buttons, i)), 0, G_MENU_LINK_SECTION);
          gtk_menu_button_popdown (g_ptr_array_index (menu_buttons, i));
        }
    g_assert_nonnull (section);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
    g_assert_cmpstr (first, ==, to->menu_first);

    gtk_widget_activate_action (fixture->window, "win.show-shortcuts", NULL);
    guide_test_iterate ();
    shortcuts = guide_test_find_dialog (SHORTCUTS_TYPE);
    g_assert_nonnull (shortcuts);
    g_assert_nonnull (guide_test_wait_for_label (shortcuts, to->shortcut));
#if ADW_CHECK_VERSION (1, 8, 0)
    adw_dialog_force_close (ADW_DIALOG (shortcuts));
#else
    gtk_window_destroy (GTK_WINDOW (shortcuts));
#endif
    guide_test_iterate ();
  }

  /* And back. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("fr"));
  guide_test_iterate ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (fr, 1)->title);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (done_check (row))), ==, "Fait");
}

static gboolean
laid_out (gpointer widget)
{
  return gtk_widget_get_width (widget) > 100;
}

/* A click on a row selects it, and does not tick it: only its check, or
 * Space on the row, does. */
static void
test_row_click_selects (Fixture       *fixture,
                        gconstpointer  data)
{
  GuideStepRow *row;
  GtkWidget *check;

  /* The last stage: its one step is at the top of the page. */
  select_stage (fixture, 3);
  row = step_row (fixture, 0);
  check = done_check (row);
  gtk_window_present (GTK_WINDOW (fixture->window));
  guide_test_wait_until_mapped (GTK_WIDGET (row));
  g_assert_true (guide_test_wait_for (laid_out, row));

  /* A click the X server delivers before the window is ready for it is lost:
   * clicked again, more than a double click's time later. */
  for (guint attempt = 0; attempt < 5 && !gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)); attempt++)
    {
      guide_test_click (GTK_WIDGET (row), gtk_widget_get_width (GTK_WIDGET (row)) - 6, 6);
      for (guint i = 0; i < 20 && !gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)); i++)
        {
          guide_test_iterate ();
          g_usleep (100 * 1000);
        }
    }
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
  guide_test_iterate ();
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  gtk_widget_grab_focus (GTK_WIDGET (row));
  guide_test_press_keys (fixture->window, "space");
  g_assert_true (guide_test_wait_for ((GuideTestCondition) gtk_check_button_get_active, check));
}

static GtkWidget *
language_button (Fixture    *fixture,
                 const char *label)
{
  g_autoptr(GPtrArray) toggles = guide_test_find_all (fixture->window, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), label) == 0)
      return g_ptr_array_index (toggles, i);

  g_assert_not_reached ();
}

/* A site file that sets English for users who have not chosen: the guide
 * and the app's own words in English, the EN button pressed, and the other
 * two still there to choose. */
static void
test_site_english (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *site = g_build_filename (g_get_system_config_dirs ()[0], "cpms-guide", "site.conf", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GuideBook) english = guide_book_new_for_language ("en");
  g_autofree char *chosen = NULL;

  stop (fixture);
  guide_test_write_file (site, "[Site]\nLanguage=en\n");
  g_settings_reset (settings, "language");
  start (fixture);

  g_assert_cmpstr (guide_application_get_language (fixture->application), ==, "en");
  g_assert_cmpstr (guide_book_get_language (guide_application_get_book (fixture->application)), ==, "en");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (language_button (fixture, "EN"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (language_button (fixture, "FR"))));
  g_assert_true (gtk_widget_get_sensitive (language_button (fixture, "FR")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (language_button (fixture, "EN")), ==, "English");
  g_assert_nonnull (guide_test_find_label (fixture->window, guide_book_get_stage (english, 0)->title));
  g_assert_nonnull (guide_test_find_label (fixture->window, "Continue Where I Left Off"));

  /* The user's own choice, from here, wins over the site's default. */
  g_signal_emit_by_name (language_button (fixture, "IT"), "clicked");
  guide_test_iterate ();
  g_assert_cmpstr (guide_application_get_language (fixture->application), ==, "it");
  g_clear_pointer (&chosen, g_free);
  chosen = g_settings_get_string (settings, "language");
  g_assert_cmpstr (chosen, ==, "it");
}

/* Every visible widget below @widget that reaches past @width, the window's. */
static void
collect_too_wide (GtkWidget *widget,
                  GtkWidget *window,
                  int        width,
                  GString   *found)
{
  graphene_rect_t bounds;

  /* Overlay scroll bars sit on the edge, by design. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) || GTK_IS_SCROLLBAR (widget))
    return;

  if (gtk_widget_compute_bounds (widget, window, &bounds) &&
      bounds.size.width > 0 && bounds.origin.x + bounds.size.width > width + 1)
    g_string_append_printf (found, "%s (%s) at %.0f, %.0f wide\n", G_OBJECT_TYPE_NAME (widget),
                            gtk_widget_get_css_name (widget), bounds.origin.x, bounds.size.width);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_too_wide (child, window, width, found);
}

/* The first stage is the one shown. */
static gboolean
first_stage_shown (gpointer data)
{
  Fixture *fixture = data;
  GuideBook *book = guide_application_get_book (fixture->application);

  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (stage_title (fixture))),
                    guide_book_get_stage (book, 0)->title) == 0;
}

/* The stage's title: the long name or the short one, whichever shows. */
static GtkWidget *
stage_window_title (GtkWidget *window)
{
  g_autoptr(GPtrArray) titles = guide_test_find_all (window, ADW_TYPE_WINDOW_TITLE);
  GtkWidget *shown = NULL;

  for (guint i = 0; i < titles->len; i++)
    if (gtk_widget_get_mapped (titles->pdata[i]) && GTK_IS_STACK (gtk_widget_get_parent (titles->pdata[i])))
      {
        g_assert_null (shown);
        shown = titles->pdata[i];
      }
  g_assert_nonnull (shown);
  return shown;
}

static gboolean
window_focus_is (gpointer data)
{
  return gtk_window_get_focus (GTK_WINDOW (gtk_widget_get_root (data))) == data;
}

static gboolean
window_is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_width (data) <= 360;
}

static gboolean
popover_closed (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (data));

  return popover == NULL || !gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* A phone-sized window (360 × 640, as on Phosh): nothing reaches past its
 * right edge, the title is the short name rather than a cut long one, and
 * the languages are in the main menu. */
static void
test_phone_size (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) too_wide = g_string_new (NULL);
  GtkWidget *title;
  GtkWidget *menu_button;
  GMenuModel *menu;
  gboolean has_languages = FALSE;

  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    stop (fixture);
    g_settings_set_int (settings, "window-width", 360);
    g_settings_set_int (settings, "window-height", 640);
    start (fixture);
  }
  /* libadwaita 1.2's leaflet folds once the window is laid out, at first
   * wider: a stage chosen before is chosen in the unfolded window. */
  g_assert_true (guide_test_wait_for (window_is_narrow, fixture->window));
  select_stage (fixture, 1);
  guide_test_wait_for_frame (fixture->window);

  g_assert_cmpint (gtk_widget_get_width (fixture->window), <=, 360);
  title = stage_window_title (fixture->window);
  for (GtkWidget *child = gtk_widget_get_first_child (fixture->window); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_too_wide (child, fixture->window, gtk_widget_get_width (fixture->window), too_wide);
  g_assert_cmpstr (too_wide->str, ==, "");

  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "CPMS");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "0/12");
  {
    g_autoptr(GPtrArray) labels = guide_test_find_all (title, GTK_TYPE_LABEL);

    for (guint i = 0; i < labels->len; i++)
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (labels->pdata[i])));
  }
  g_assert_false (gtk_widget_get_mapped (guide_test_find_label (fixture->window, "FR")));

  /* The menu is made, in the interface's language, when it opens. */
  menu_button = guide_test_find_by_css_class (fixture->window, GTK_TYPE_MENU_BUTTON, "main-menu");
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  guide_test_iterate ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          has_languages |= g_strcmp0 (label, "Italiano") == 0;
        }
      g_clear_object (&section);
    }
  g_assert_true (has_languages);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  /* Alt+Left goes to the previous stage, and the stage stays on screen
   * rather than giving way to the list of stages. The reader is back on a
   * step, once the menu, which holds the keyboard while open, is closed. */
  g_assert_true (guide_test_wait_for (popover_closed, menu_button));
  gtk_widget_grab_focus (GTK_WIDGET (step_row (fixture, 0)));
  g_assert_true (guide_test_wait_for (window_focus_is, step_row (fixture, 0)));
  guide_test_press_keys (fixture->window, "alt+Left");
  g_assert_true (guide_test_wait_for (first_stage_shown, fixture));
  guide_test_wait_for_frame (fixture->window);
  guide_test_wait_for_frame (fixture->window);
  g_assert_true (gtk_widget_get_mapped (stage_title (fixture)));
  g_assert_true (gtk_widget_get_mapped (stage_window_title (fixture->window)));
  {
    graphene_rect_t bounds;

    /* On screen, not slid away. */
    g_assert_true (gtk_widget_compute_bounds (stage_title (fixture), fixture->window, &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x, <, gtk_widget_get_width (fixture->window) / 2);
  }
}

static void
test_restart_keeps_place (Fixture       *fixture,
                          gconstpointer  data)
{
  GuideStepRow *row;

  select_stage (fixture, 1);
  gtk_widget_activate (done_check (step_row (fixture, 2)));
  guide_test_iterate ();

  stop (fixture);
  start (fixture);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==,
                   guide_book_get_stage (guide_application_get_book (fixture->application), 1)->title);
  row = step_row (fixture, 2);
  g_assert_cmpstr (guide_step_row_get_step_id (row), ==, "two-factor.add-device");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (done_check (row))));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (done_check (step_row (fixture, 1)))));
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (data) > 0;
}

/* The window's first frame builds and lays out the stage's first step only,
 * without its picture, while it counts them all: the rest, below the fold,
 * comes in its place once it is painted. */
/* The button to the helpdesk at the foot of the stage page. */
static GtkWidget *
helpdesk_button (GtkWidget *page)
{
  g_autoptr(GPtrArray) buttons = guide_test_find_all (page, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "win.open-uri") == 0 &&
        gtk_widget_get_ancestor (buttons->pdata[i], GUIDE_TYPE_STEP_ROW) == NULL &&
        gtk_widget_get_ancestor (buttons->pdata[i], GUIDE_TYPE_NOTE_BOX) == NULL)
      return buttons->pdata[i];

  g_assert_not_reached ();
}

static gboolean
all_steps_shown (gpointer data)
{
  g_autoptr(GPtrArray) rows = guide_test_find_all (data, GUIDE_TYPE_STEP_ROW);

  return rows->len == 4;
}

static void
test_steps_after_first_frame (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) first_pictures = NULL;
  g_autofree char *counted = NULL;
  GPtrArray *steps;
  GtkWidget *page;

  stop (fixture);
  fixture->application = guide_test_register_application (NULL);
  g_application_activate (G_APPLICATION (fixture->application));
  fixture->window = gtk_application_get_windows (GTK_APPLICATION (fixture->application))->data;

  steps = guide_book_get_stage (guide_application_get_book (fixture->application), 0)->steps;
  g_assert_cmpuint (steps->len, ==, 4);
  rows = guide_test_find_all (fixture->window, GUIDE_TYPE_STEP_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  first_pictures = guide_test_find_all (rows->pdata[0], GTK_TYPE_PICTURE);
  g_assert_nonnull (((GuideStep *) steps->pdata[0])->picture);
  g_assert_null (gtk_picture_get_paintable (first_pictures->pdata[0]));
  page = gtk_widget_get_ancestor (rows->pdata[0], GUIDE_TYPE_STAGE_PAGE);
  counted = guide_i18n_format_count (guide_i18n_get_language (), 0, 4);
  g_assert_nonnull (guide_test_find_label (page, counted));
  g_assert_false (gtk_widget_is_visible (helpdesk_button (page)));

  guide_test_wait_until_mapped (fixture->window);
  guide_test_wait_for_frame (fixture->window);
  g_assert_true (guide_test_wait_for (all_steps_shown, fixture->window));
  guide_test_wait_for_frame (fixture->window);
  g_assert_true (gtk_widget_is_visible (helpdesk_button (page)));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = guide_test_find_all (fixture->window, GUIDE_TYPE_STEP_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) pictures = guide_test_find_all (rows->pdata[i], GTK_TYPE_PICTURE);
      GuideStep *step = steps->pdata[i];

      g_assert_cmpstr (guide_step_row_get_step_id (rows->pdata[i]), ==, step->id);
      g_assert_true ((gtk_picture_get_paintable (pictures->pdata[0]) != NULL) == (step->picture != NULL));
      g_assert_cmpint (gtk_widget_get_height (rows->pdata[i]), >, 0);
    }
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *page;
  gboolean   page_kept;
} Closing;

static void
destroy_after_paint_cb (GdkFrameClock *clock,
                        Closing       *closing)
{
  g_signal_handlers_disconnect_by_func (clock, destroy_after_paint_cb, closing);
  gtk_window_destroy (closing->window);
  closing->page_kept = closing->page != NULL;
}

/* A window closed as its first frame is painted, before the steps held back
 * for it are built, takes its stage page with it at once: nothing is left
 * to build them in. */
static void
test_closed_before_steps_shown (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = NULL;
  Closing closing = { NULL, };

  stop (fixture);
  fixture->application = guide_test_register_application (NULL);
  g_application_activate (G_APPLICATION (fixture->application));
  closing.window = gtk_application_get_windows (GTK_APPLICATION (fixture->application))->data;
  pages = guide_test_find_all (GTK_WIDGET (closing.window), GUIDE_TYPE_STAGE_PAGE);
  closing.page = pages->pdata[0];
  g_object_add_weak_pointer (G_OBJECT (closing.page), (gpointer *) &closing.page);
  g_object_add_weak_pointer (G_OBJECT (closing.window), (gpointer *) &closing.window);

  /* After the stage page's own handler, which leaves the steps for an idle. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (closing.window)));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (closing.window)), "after-paint",
                    G_CALLBACK (destroy_after_paint_cb), &closing);
  while (closing.window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (closing.page_kept);
  g_assert_null (closing.page);

  /* The application goes on, with a window of its own again. */
  g_application_activate (G_APPLICATION (fixture->application));
  fixture->window = gtk_application_get_windows (GTK_APPLICATION (fixture->application))->data;
  guide_test_wait_until_mapped (fixture->window);
}

/* The widget is its window's focus, whether or not the window is yet the
 * active one, which is the X server's to say. */
static void
test_restart_scrolls_to_step (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  GtkAdjustment *adjustment;
  GtkWidget *viewport;
  GuideStepRow *row;
  graphene_rect_t bounds;

  stop (fixture);
  guide_test_write_file (path, "{ \"version\": 1, \"current-stage\": \"two-factor\","
                               " \"current-step\": \"two-factor.sign-in-method\", \"done\": {} }");
  start (fixture);

  row = step_row (fixture, 4);
  g_assert_cmpstr (guide_step_row_get_step_id (row), ==, "two-factor.sign-in-method");
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
  g_assert_true (guide_test_wait_for (window_focus_is, row));

  /* The step's first line is on screen, far down the stage. */
  viewport = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_VIEWPORT);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  g_assert_true (guide_test_wait_for (scrolled_down, adjustment));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), gtk_viewport_get_child (GTK_VIEWPORT (viewport)), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (bounds.origin.y + 40, <, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
}

static GPtrArray *
visible_open_buttons (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = guide_test_find_all (fixture->window, GTK_TYPE_BUTTON);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.open-uri") == 0 &&
          gtk_widget_get_visible (button))
        g_ptr_array_add (found, button);
    }

  return found;
}

/* Clicks each button that opens an address, shown and not clicked yet, and
 * checks that its accessible name says where it goes. */
static void
click_new_open_buttons (Fixture   *fixture,
                        GPtrArray *seen,
                        GPtrArray *expected)
{
  g_autoptr(GPtrArray) buttons = visible_open_buttons (fixture);

  for (guint j = 0; j < buttons->len; j++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, j);
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
      const char *uri = g_variant_get_string (target, NULL);
      g_autofree char *display = g_str_has_prefix (uri, "mailto:") ? g_strdup (uri + 7) : g_strdup (uri);
      g_autofree char *mismatch = NULL;

      /* A button reused in place for another stage is new with its new
       * address. */
      if (g_ptr_array_find_with_equal_func (seen, uri, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, g_strdup (uri));

      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
      g_assert_nonnull (mismatch);
      g_assert_nonnull (strstr (mismatch, display));

      g_ptr_array_add (expected, g_strdup (uri));
      g_signal_emit_by_name (button, "clicked");
      guide_test_iterate ();
    }
}

static void
test_open_buttons (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const schemes[] = { "https", "mailto", NULL };
  g_autofree char *log = guide_test_install_fake_browser (schemes);
  GuideBook *book = guide_application_get_book (fixture->application);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) launched = NULL;
  /* Each address once. */
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  /* Every button on every stage, then the contacts popover's, which it
   * lays out when it opens. */
  for (guint i = 0; i < 4; i++)
    {
      select_stage (fixture, i);
      if (i == 1 || i == 2)
        expand_original (fixture);
      click_new_open_buttons (fixture, seen, expected);
    }
  activate_action (fixture, "win.show-contacts", NULL);
  click_new_open_buttons (fixture, seen, expected);
  gtk_popover_popdown (guide_test_find_all (fixture->window, GUIDE_TYPE_CONTACTS_POPOVER)->pdata[0]);
  guide_test_iterate ();

  /* What the guide names, in the order a reader meets it. */
  g_assert_cmpuint (expected->len, ==, 10);
  g_assert_true (g_ptr_array_find_with_equal_func (expected, "https://cpms2.ern-net.eu/", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (expected, "https://health.ec.europa.eu/rare-diseases-and-european-reference-networks/european-reference-networks/work-erns_en", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (expected, "mailto:ern.reconnet@ao-pisa.toscana.it", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (expected, "https://trusted-digital-identity.europa.eu/phase-out-eu-login-authentication-using-sms_en", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (expected, "https://europa.eu/regions-and-cities/set-eu-login-two-factor-authentication_en", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (expected, "https://ecas.ec.europa.eu/cas/mobile", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (expected, ((GuideStep *) g_ptr_array_index (guide_book_get_stage (book, 0)->steps, 0))->uri, g_str_equal, NULL));

  launched = guide_test_wait_for_launches (log, expected->len);
  g_assert_cmpuint (launched->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (launched, g_ptr_array_index (expected, i), g_str_equal, NULL));
}

/* The request to the helpdesk: its button opens the mail client on the
 * prepared message, in the interface's language, every character of it
 * encoded; ticking it starts the wait. */
static void
test_write_request (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const schemes[] = { "mailto", NULL };
  g_autofree char *log = guide_test_install_fake_browser (schemes);
  GuideBook *book = guide_application_get_book (fixture->application);
  GuideStep *step = g_ptr_array_index (guide_book_get_stage (book, 2)->steps, 0);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) launched = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *crlf = NULL;
  GtkWidget *button = NULL;
  GtkWidget *label;

  select_stage (fixture, 2);
  buttons = guide_test_find_all (fixture->window, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "win.write-mail") == 0 &&
        gtk_widget_get_visible (g_ptr_array_index (buttons, i)))
      button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, step->label);

  g_signal_emit_by_name (button, "clicked");
  launched = guide_test_wait_for_launches (log, 1);
  g_assert_cmpuint (launched->len, ==, 1);

  uri = g_uri_parse (g_ptr_array_index (launched, 0), G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_assert_nonnull (uri);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "mailto");
  g_assert_cmpstr (g_uri_get_path (uri), ==, "helpdesk.reconnet@ao-pisa.toscana.it");
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  lines = g_strsplit (step->mail_body, "\n", -1);
  crlf = g_strjoinv ("\r\n", lines);
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, step->mail_subject);
  g_assert_cmpstr (g_hash_table_lookup (params, "body"), ==, crlf);
  /* In French, as the window. */
  g_assert_nonnull (strstr (step->mail_subject, "invité"));

  /* Sent: the wait starts, counted from today. */
  gtk_widget_activate (done_check (step_row (fixture, 0)));
  guide_test_iterate ();
  label = gtk_widget_get_first_child (guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER))));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Vous avez écrit au helpdesk aujourd'hui."));
}

/* A request made with the former CPMS's form is told for what it is, with
 * the way to ask again, and counts for nothing. */
static void
test_former_request (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const schemes[] = { "mailto", NULL };
  g_autofree char *log = guide_test_install_fake_browser (schemes);
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GPtrArray) launched = NULL;
  GtkWidget *grid;
  GtkWidget *label;
  GtkWidget *button;

  stop (fixture);
  guide_test_write_file (path, "{ \"version\": 2, \"done\": {"
                               " \"cpms-access.access-profile\": \"2026-03-02T10:00:00Z\","
                               " \"cpms-access.submit\": \"2026-03-02T10:01:00Z\" } }");
  start (fixture);

  grid = guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (grid, GTK_TYPE_REVEALER)));
  label = gtk_widget_get_first_child (grid);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Le 2 mars 2026, vous avez envoyé une demande d'accès avec le formulaire de l'ancien CPMS."));
  g_assert_cmpstr (overall_progress (fixture), ==, "0 étape sur 12 terminée");

  button = guide_test_find_label (grid, "Écrire la demande");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_false (gtk_widget_is_visible (guide_test_find_label (grid, "Contacts")));
  g_signal_emit_by_name (gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON), "clicked");
  launched = guide_test_wait_for_launches (log, 1);
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (launched, 0), "mailto:helpdesk.reconnet@ao-pisa.toscana.it?subject="));

  /* In Italian, the same, in place. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("it"));
  guide_test_iterate ();
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Il 2 marzo 2026 hai inviato una richiesta di accesso"));
}

/* A switch lays out again, for its frame, the rows on screen; those below
 * switch once that frame is painted. */
static void
test_switch_rows_below_after_frame (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GuideBook) fr = guide_book_new_for_language ("fr");
  g_autoptr(GuideBook) it = guide_book_new_for_language ("it");
  GPtrArray *french = guide_book_get_stage (fr, 1)->steps;
  GPtrArray *italian = guide_book_get_stage (it, 1)->steps;
  GuideStepRow *first, *last;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  select_stage (fixture, 1);
  guide_test_wait_for_frame (fixture->window);
  first = step_row (fixture, 0);
  last = step_row (fixture, french->len - 1);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_ancestor (GTK_WIDGET (last), GTK_TYPE_VIEWPORT)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (last),
                                            gtk_viewport_get_child (GTK_VIEWPORT (gtk_widget_get_ancestor (GTK_WIDGET (last), GTK_TYPE_VIEWPORT))),
                                            &bounds));
  g_assert_cmpfloat (bounds.origin.y, >, gtk_adjustment_get_value (adjustment) + 1.25 * gtk_adjustment_get_page_size (adjustment));

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (helpdesk_button (gtk_widget_get_ancestor (GTK_WIDGET (first), GUIDE_TYPE_STAGE_PAGE)))),
                   ==, "Écrire au helpdesk");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("it"));
  g_assert_nonnull (guide_test_find_label (GTK_WIDGET (first), ((GuideStep *) g_ptr_array_index (italian, 0))->text));
  g_assert_nonnull (guide_test_find_label (GTK_WIDGET (last), ((GuideStep *) g_ptr_array_index (french, french->len - 1))->text));

  guide_test_wait_for_frame (fixture->window);
  g_assert_nonnull (guide_test_find_label (GTK_WIDGET (last), ((GuideStep *) g_ptr_array_index (italian, italian->len - 1))->text));
  for (guint i = 0; i < italian->len; i++)
    g_assert_nonnull (guide_test_find_label (GTK_WIDGET (step_row (fixture, i)), ((GuideStep *) g_ptr_array_index (italian, i))->text));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (helpdesk_button (gtk_widget_get_ancestor (GTK_WIDGET (first), GUIDE_TYPE_STAGE_PAGE)))),
                   ==, "Scrivi all'helpdesk");
}

/* The paragraphs before the stages, in the language shown, the same labels
 * after a switch. */
static void
test_intro_switched_in_place (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GuideBook) fr = guide_book_new_for_language ("fr");
  g_autoptr(GuideBook) it = guide_book_new_for_language ("it");
  GStrv french = guide_book_get_intro (fr);
  GStrv italian = guide_book_get_intro (it);
  GtkWidget *first = guide_test_find_label (fixture->window, french[0]);
  GtkWidget *second = guide_test_find_label (fixture->window, french[1]);

  g_assert_cmpuint (g_strv_length (french), ==, 2);
  g_assert_nonnull (first);
  g_assert_true (gtk_widget_get_next_sibling (first) == second);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("it"));
  guide_test_iterate ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (first)), ==, italian[0]);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (second)), ==, italian[1]);
  g_assert_null (gtk_widget_get_next_sibling (second));
}

/* The height of the stage shown, once every row is built and laid out. */
static int
page_height (Fixture *fixture)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (stage_title (fixture), GTK_TYPE_VIEWPORT);

  guide_test_wait_for_frame (fixture->window);
  guide_test_wait_for_frame (fixture->window);
  return gtk_widget_get_height (gtk_viewport_get_child (GTK_VIEWPORT (viewport)));
}

/* Every shortcut that the shortcuts window lists shows its keys, those the
 * application's own actions have included. */
static void
test_shortcuts_show_keys (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = NULL;
  GtkWidget *window;

  gtk_widget_activate_action (fixture->window, "win.show-shortcuts", NULL);
  guide_test_iterate ();
  window = guide_test_find_dialog (SHORTCUTS_TYPE);
  g_assert_nonnull (window);
  guide_test_wait_for_label (window, "Quitter");

  labels = guide_test_find_all (window, SHORTCUT_LABEL_TYPE);
  /* GTK's window has a copy of each for its search. */
  g_assert_cmpuint (labels->len, >=, 12);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *keys = NULL;

      g_object_get (labels->pdata[i], "accelerator", &keys, NULL);
      if (keys == NULL || *keys == '\0')
        g_error ("shortcut %u of %u shows no keys", i + 1, labels->len);
    }

#if ADW_CHECK_VERSION (1, 8, 0)
  adw_dialog_force_close (ADW_DIALOG (window));
#else
  gtk_window_destroy (GTK_WINDOW (window));
#endif
}

static const char * const stage_ids[] = { "eu-login", "two-factor", "cpms-access", "cpms-login" };

/* Opens the window anew on the stage @stage_id, in @language, and returns the
 * stage's height. */
static int
open_on_stage (Fixture    *fixture,
               const char *stage_id,
               const char *language)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *progress = g_strdup_printf ("{ \"version\": 2, \"current-stage\": \"%s\", \"done\": {} }", stage_id);

  stop (fixture);
  guide_test_write_file (path, progress);
  g_settings_set_string (settings, "language", language);
  start (fixture);
  return page_height (fixture);
}

/* A stage is laid out the same however the window came to it: opened on it,
 * or from any other stage. The introduction is shown on the first stage
 * only, and the last has no notes of its own. */
static void
test_stage_laid_out_however_reached (Fixture       *fixture,
                                     gconstpointer  data)
{
  int opened[G_N_ELEMENTS (stage_ids)];
  int reached[G_N_ELEMENTS (stage_ids)][G_N_ELEMENTS (stage_ids)];

  for (guint from = 0; from < G_N_ELEMENTS (stage_ids); from++)
    {
      opened[from] = open_on_stage (fixture, stage_ids[from], "fr");
      for (guint to = 0; to < G_N_ELEMENTS (stage_ids); to++)
        if (to != from)
          {
            select_stage (fixture, to);
            reached[from][to] = page_height (fixture);
          }
    }

  for (guint from = 0; from < G_N_ELEMENTS (stage_ids); from++)
    for (guint to = 0; to < G_N_ELEMENTS (stage_ids); to++)
      if (to != from && reached[from][to] != opened[to])
        g_error ("stage %s is %d pixels tall reached from %s, and %d opened on it",
                 stage_ids[to], reached[from][to], stage_ids[from], opened[to]);
}

/* A stage is laid out the same whichever language the window showed before:
 * every paragraph updated in place is measured again. */
static void
test_stage_laid_out_however_switched (Fixture       *fixture,
                                      gconstpointer  data)
{
  static const char * const languages[] = { "fr", "it", "en" };
  int opened[G_N_ELEMENTS (stage_ids)][G_N_ELEMENTS (languages)];
  int switched[G_N_ELEMENTS (stage_ids)][G_N_ELEMENTS (languages)][G_N_ELEMENTS (languages)];

  for (guint stage = 0; stage < G_N_ELEMENTS (stage_ids); stage++)
    for (guint from = 0; from < G_N_ELEMENTS (languages); from++)
      {
        opened[stage][from] = open_on_stage (fixture, stage_ids[stage], languages[from]);
        for (guint to = 0; to < G_N_ELEMENTS (languages); to++)
          if (to != from)
            {
              g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string (languages[to]));
              switched[stage][from][to] = page_height (fixture);
              g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string (languages[from]));
              g_assert_cmpint (page_height (fixture), ==, opened[stage][from]);
            }
      }

  for (guint stage = 0; stage < G_N_ELEMENTS (stage_ids); stage++)
    for (guint from = 0; from < G_N_ELEMENTS (languages); from++)
      for (guint to = 0; to < G_N_ELEMENTS (languages); to++)
        if (to != from && switched[stage][from][to] != opened[stage][to])
          g_error ("stage %s in %s is %d pixels tall switched from %s, and %d opened in it", stage_ids[stage], languages[to],
                   switched[stage][from][to], languages[from], opened[stage][to]);
}

/* Every paragraph of a stage asks for no more width than its least, which
 * GTK has laid its text out at already: asked for a wider natural width,
 * it would lay it out once more, on one line, on each switch of language.
 * It gets the stage's width all the same. */
static void
test_paragraphs_ask_least_width (Fixture       *fixture,
                                 gconstpointer  data)
{
  guint n_paragraphs = 0;

  for (guint stage = 0; stage < 3; stage += 2)
    {
      g_autoptr(GPtrArray) labels = NULL;

      select_stage (fixture, stage);
      gtk_expander_set_expanded (GTK_EXPANDER (guide_test_find_by_css_class (fixture->window, GTK_TYPE_EXPANDER, "original")), TRUE);
      guide_test_wait_for_frame (fixture->window);

      labels = guide_test_find_all (fixture->window, GTK_TYPE_LABEL);
      for (guint i = 0; i < labels->len; i++)
        {
          GtkWidget *label = labels->pdata[i];
          int least, natural;

          if (!gtk_widget_is_visible (label) || gtk_label_get_width_chars (GTK_LABEL (label)) != 20 ||
              gtk_widget_get_ancestor (label, GUIDE_TYPE_STAGE_PAGE) == NULL)
            continue;
          gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &least, &natural, NULL, NULL);
          if (natural != least)
            g_error ("“%s” asks for %d pixels at least and %d at best", gtk_label_get_label (GTK_LABEL (label)), least, natural);
          g_assert_cmpint (gtk_widget_get_width (label), >, 2 * least);
          n_paragraphs++;
        }
    }
  /* The introduction, notes, steps, the original guide's steps. */
  g_assert_cmpuint (n_paragraphs, >=, 20);
}

/* On a phone, the banner folds to one line, and unfolds, buttons and all. */
static void
test_banner_folds (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) toggles = NULL;
  GtkWidget *grid, *label, *fold;
  int unfolded, folded;

  stop (fixture);
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  guide_test_write_file (path, "{ \"version\": 2, \"done\": {"
                               " \"cpms-access.write-helpdesk\": \"2026-03-02T10:00:00Z\" } }");
  start (fixture);
  guide_test_wait_for_frame (fixture->window);

  grid = guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting");
  label = gtk_widget_get_first_child (grid);
  toggles = guide_test_find_all (grid, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_cmpuint (toggles->len, ==, 1);
  fold = toggles->pdata[0];
  unfolded = gtk_widget_get_height (grid);
  {
    graphene_rect_t button;

    /* The buttons below the text, which has the window's width. */
    g_assert_true (gtk_widget_compute_bounds (guide_test_find_label (grid, "Écrire la demande"), grid, &button));
    g_assert_cmpfloat (button.origin.y, >=, gtk_widget_get_height (label));
  }
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), >, 3);

  g_signal_emit_by_name (fold, "clicked");
  guide_test_wait_for_frame (fixture->window);
  folded = gtk_widget_get_height (grid);
  g_assert_cmpint (folded, <, unfolded);
  g_assert_cmpint (folded, <, 640 / 8);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 1);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  g_assert_true (gtk_widget_is_visible (guide_test_find_label (grid, "Écrire la demande")));

  g_signal_emit_by_name (fold, "clicked");
  guide_test_wait_for_frame (fixture->window);
  g_assert_cmpint (gtk_widget_get_height (grid), ==, unfolded);
}

/* With the waiting banner shown, in a window of a phone's, a laptop's and a
 * desktop's size, the window's least height at its width is never less than
 * the least height GTK holds it to: newer GTK checks that, and warns. */
static void
test_size_true_at_every_width (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct { int width, height; } sizes[] = { { 360, 640 }, { 1024, 768 }, { 1920, 1080 } };
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  guide_test_write_file (path, "{ \"version\": 2, \"done\": {"
                               " \"cpms-access.access-profile\": \"2026-03-02T10:00:00Z\","
                               " \"cpms-access.submit\": \"2026-03-02T10:01:00Z\" } }");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int width, least, minimum, unused;

      stop (fixture);
      g_settings_set_int (settings, "window-width", sizes[i].width);
      g_settings_set_int (settings, "window-height", sizes[i].height);
      start (fixture);
      guide_test_wait_for_frame (fixture->window);
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting"),
                                                                      GTK_TYPE_REVEALER)));

      /* At the width it has, which is no less than its least width: the
       * window's border is outside its allocation. */
      gtk_widget_measure (fixture->window, GTK_ORIENTATION_HORIZONTAL, -1, &width, &unused, NULL, NULL);
      width = MAX (width, gtk_widget_get_width (fixture->window));
      gtk_widget_measure (fixture->window, GTK_ORIENTATION_VERTICAL, -1, &least, &unused, NULL, NULL);
      gtk_widget_measure (fixture->window, GTK_ORIENTATION_VERTICAL, width, &minimum, &unused, NULL, NULL);
      g_assert_cmpint (minimum, >=, least);
    }
}

static GtkWidget *
find_sources_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GUIDE_IS_SOURCES_WINDOW (window))
        return window;
    }

  return NULL;
}

/* The Sources view, from the main menu: each page with its title, and a
 * button that opens it; each stage says when it was checked. */
static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const schemes[] = { "https", NULL };
  g_autofree char *log = guide_test_install_fake_browser (schemes);
  GuideBook *book = guide_application_get_book (fixture->application);
  GPtrArray *sources = guide_book_get_sources (book);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) launched = NULL;
  g_autofree char *day = guide_i18n_format_day ("fr", &guide_book_get_stage (book, 2)->checked);
  g_autofree char *checked = g_strdup_printf ("Vérifié par rapport aux pages officielles le %s", day);
  GtkWidget *window;
  guint n = 0;

  g_assert_cmpstr (day, ==, "2 décembre 2026");
  select_stage (fixture, 2);
  g_assert_true (gtk_widget_is_visible (guide_test_find_label (fixture->window, checked)));

  activate_action (fixture, "win.show-sources", NULL);
  window = find_sources_window ();
  g_assert_nonnull (window);
  guide_test_wait_until_mapped (window);
  g_assert_nonnull (guide_test_find_label (window, "Sources"));

  buttons = guide_test_find_all (window, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const GuideSource *source;

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "sources.open") != 0)
        continue;

      source = g_ptr_array_index (sources, n++);
      g_assert_nonnull (guide_test_find_label (gtk_widget_get_parent (button), source->title));
      g_assert_nonnull (guide_test_find_label (gtk_widget_get_parent (button), source->publisher));
      g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL), ==, source->uri);
      g_signal_emit_by_name (button, "clicked");
      guide_test_iterate ();
    }
  g_assert_cmpuint (n, ==, sources->len);

  launched = guide_test_wait_for_launches (log, sources->len);
  g_assert_cmpuint (launched->len, ==, sources->len);
  for (guint i = 0; i < sources->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (launched, ((GuideSource *) g_ptr_array_index (sources, i))->uri, g_str_equal, NULL));

  gtk_window_close (GTK_WINDOW (window));
  guide_test_iterate ();
}

static void
test_refuses_other_addresses (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const schemes[] = { "https", "http", NULL };
  g_autofree char *log = guide_test_install_fake_browser (schemes);
  g_autoptr(GPtrArray) launched = NULL;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*Refused to open https://example.org/*");
  activate_action (fixture, "win.open-uri", g_variant_new_string ("https://example.org/"));
  g_test_assert_expected_messages ();
  g_assert_nonnull (guide_test_find_label (fixture->window, "Cette adresse ne fait pas partie des adresses officielles du guide, elle n'a donc pas été ouverte."));

  activate_action (fixture, "win.open-uri", g_variant_new_string ("https://cpms.ern-net.eu/login/"));
  launched = guide_test_wait_for_launches (log, 1);
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (launched, 0), ==, "https://cpms.ern-net.eu/login/");
}

static void
test_launch_failure_offers_copy (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char * const schemes[] = { "https", NULL };
  g_autofree char *log = guide_test_install_fake_browser (schemes);
  GtkWidget *label;

  /* No mail client: the toast shows the address and offers to copy it. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*Could not open mailto:helpdesk.reconnet@ao-pisa.toscana.it*");
  activate_action (fixture, "win.open-uri", g_variant_new_string ("mailto:helpdesk.reconnet@ao-pisa.toscana.it"));
  label = guide_test_wait_for_label (fixture->window, "Impossible d'ouvrir helpdesk.reconnet@ao-pisa.toscana.it");
  g_test_assert_expected_messages ();
  g_assert_nonnull (label);
  g_assert_nonnull (guide_test_find_label (fixture->window, "Copier"));
}

/* Addresses alone, as under a QR code, and written in a sentence, as in the
 * guide's texts: cut only after "/", "." or "@", at every width. */
static void
test_label_breaks (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const texts[] = {
    "https://webgate.ec.europa.eu/cas/eim/external/register.cgi",
    "https://europa.eu/regions-and-cities/set-eu-login-two-factor-authentication_en",
    "https://trusted-digital-identity.europa.eu/phase-out-eu-login-authentication-using-sms_en",
    "helpdesk.reconnet@ao-pisa.toscana.it",
    "Écrivez au helpdesk à l'adresse helpdesk.reconnet@ao-pisa.toscana.it ou à « ern.reconnet@ao-pisa.toscana.it ».",
    "Suivez le lien https://cpms.ern-net.eu/login/ pour ouvrir la page de connexion du CPMS.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint mode = 0; mode < 2; mode++)
      {
        GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));

        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), mode == 0 ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_CHAR);
        guide_address_label_set_text (GTK_LABEL (label), texts[i]);
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, texts[i]);
        guide_test_assert_address_breaks (GTK_LABEL (label));
        g_assert_finalize_object (label);
      }
}

/* The label of the tooltip GTK shows for the pointer, if any. */
static gboolean
tooltip_shown (gpointer data)
{
  g_autoptr(GPtrArray) labels = guide_test_find_all (data, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (label) || strchr (gtk_label_get_label (GTK_LABEL (label)), '-') == NULL)
        continue;
      for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
        if (g_str_equal (gtk_widget_get_css_name (w), "tooltip"))
          return TRUE;
    }

  return FALSE;
}

/* Hovers a button that opens an address: its tooltip, the address, is cut
 * as every other address is. */
static void
assert_tooltip_breaks (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = visible_open_buttons (fixture);
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (fixture->window)));
  GtkWidget *button = NULL;
  g_autofree char *move = NULL;
  graphene_rect_t bounds;
  double x, y;

  /* One on screen, whose address has a hyphen, where GTK's own tooltip
   * would cut it. */
  for (guint i = 0; i < buttons->len && button == NULL; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (buttons, i);
      const char *uri = g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (candidate)), NULL);

      if (gtk_widget_get_mapped (candidate) && gtk_widget_get_height (candidate) >= 24 && strchr (uri, '-') != NULL)
        button = candidate;
    }
  g_assert_nonnull (button);

  /* Scrolled into view, then hovered. */
  gtk_widget_grab_focus (button);
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (20 * 1000);
      guide_test_iterate ();
    }
  g_assert_true (gtk_widget_compute_bounds (button, fixture->window, &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &x, &y);
  /* Two moves: a tooltip follows motion over the button. */
  move = g_strdup_printf ("xdotool mousemove --window %lu %d %d sleep 0.1 mousemove --window %lu %d %d", xid,
                          (int) (x + bounds.origin.x + 2), (int) (y + bounds.origin.y + 2), xid,
                          (int) (x + bounds.origin.x + bounds.size.width / 2),
                          (int) (y + bounds.origin.y + bounds.size.height / 2));
  g_assert_true (g_spawn_command_line_sync (move, NULL, NULL, NULL, NULL));
  if (!guide_test_wait_for (tooltip_shown, fixture->window))
    g_error ("No tooltip after “%s”, the button at %g,%g %g×%g in a %d×%d window", move, bounds.origin.x, bounds.origin.y,
             bounds.size.width, bounds.size.height, gtk_widget_get_width (fixture->window), gtk_widget_get_height (fixture->window));
  g_assert_cmpuint (guide_test_assert_all_address_breaks (fixture->window), >=, 5);

  g_assert_true (g_spawn_command_line_sync ("xdotool mousemove 0 0", NULL, NULL, NULL, NULL));
}

/* Addresses in the contacts popover, the steps' texts, the notes and the
 * tooltips are cut only after "/", "." or "@", never at "ao-". */
static void
test_address_breaks (Fixture       *fixture,
                     gconstpointer  data)
{
  /* The first stage's step texts, and the contacts text with its two
   * addresses, in the popover that lays them out when it opens. */
  activate_action (fixture, "win.show-contacts", NULL);
  g_assert_cmpuint (guide_test_assert_all_address_breaks (fixture->window), >=, 4);
  gtk_popover_popdown (guide_test_find_all (fixture->window, GUIDE_TYPE_CONTACTS_POPOVER)->pdata[0]);

  /* The request step, which writes out the helpdesk's address. */
  select_stage (fixture, 2);
  g_assert_cmpuint (guide_test_assert_all_address_breaks (fixture->window), >=, 4);

  assert_tooltip_breaks (fixture);

  /* Made narrow, it is as narrow as asked: the layout changes before the
   * window takes the size (libadwaita 1.4's breakpoints; 1.2's leaflet
   * folds only once the window has its unfolded least width, and a second
   * resize is needed there). */
#if ADW_CHECK_VERSION (1, 4, 0)
  guide_test_resize (fixture->window, 400, 640);
  guide_test_wait_for_frame (fixture->window);
  guide_test_wait_for_frame (fixture->window);
  g_assert_cmpint (gtk_widget_get_width (fixture->window), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (fixture->window), >=, 380);
  g_assert_false (gtk_widget_get_mapped (guide_test_find_label (fixture->window, "FR")));
#endif
}

/* The size the window is left at is the one it opens at next time. */
static void
test_size_kept (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  int width, height;

  guide_test_resize (fixture->window, 900, 650);
  guide_test_wait_for_frame (fixture->window);
  stop (fixture);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  start (fixture);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
}

/* A window made narrow hides the language buttons: the focus they had
 * leaves them without choosing another stage on its way. */
static void
test_narrow_keeps_stage (Fixture       *fixture,
                         gconstpointer  data)
{
  GuideBook *book = guide_application_get_book (fixture->application);
  GtkWidget *button = language_button (fixture, "FR");

  select_stage (fixture, 1);
  gtk_widget_grab_focus (button);
  g_assert_true (guide_test_wait_for (window_focus_is, button));

  /* Twice: libadwaita 1.2's leaflet folds once the window is laid out. */
  for (guint i = 0; i < 2; i++)
    {
      guide_test_resize (fixture->window, 360, 640);
      guide_test_wait_for_frame (fixture->window);
      guide_test_wait_for_frame (fixture->window);
    }
  g_assert_false (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (book, 1)->title);
}

typedef struct
{
  GtkWidget *button;
  gboolean   mapped;
  guint      changes;
} Watched;

static void
count_changes_cb (GdkFrameClock *clock,
                  Watched       *watched)
{
  watched->changes += gtk_widget_get_mapped (watched->button) != watched->mapped;
  watched->mapped = gtk_widget_get_mapped (watched->button);
}

static void
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for @ms milliseconds. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true_cb, &done);
  g_assert_true (guide_test_wait_for (guide_test_is_true, &done));
}

/* Narrower than the two panes side by side with the full header, the window
 * has the narrow header, and settles: libadwaita 1.2's leaflet folded and
 * unfolded there without end, as the header narrowed when folded and widened
 * when not, and libadwaita 1.4's split view, shown, was narrower than the
 * header. Wider, it has the full header. */
static void
test_folded_settles (Fixture       *fixture,
                     gconstpointer  data)
{
  static const int widths[] = { 660, 700, 740, 820 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (fixture->window);
  Watched watched = { language_button (fixture, "FR"), TRUE, 0 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_changes_cb), &watched);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      guide_test_resize (fixture->window, widths[i], 640);
      guide_test_wait_for_frame (fixture->window);
      wait_ms (300);
      watched.changes = 0;
      wait_ms (1000);
      g_assert_cmpint (gtk_widget_get_width (fixture->window), >, widths[i] - 20);
      g_assert_cmpuint (watched.changes, ==, 0);
      g_assert_true (watched.mapped == (widths[i] > 800));
    }
  g_signal_handler_disconnect (clock, handler);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  GuideBook *book = guide_application_get_book (fixture->application);

  g_assert_false (gtk_widget_is_sensitive (guide_test_find_label (fixture->window, "Précédente")));
  activate_action (fixture, "win.next-stage", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (book, 1)->title);
  activate_action (fixture, "win.next-stage", NULL);
  activate_action (fixture, "win.next-stage", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (book, 3)->title);
  g_assert_false (gtk_widget_is_sensitive (guide_test_find_label (fixture->window, "Suivante")));
  activate_action (fixture, "win.previous-stage", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (book, 2)->title);
}

/* A new user has nowhere to continue: no button, no shortcut; a step done
 * gives one, the last step done takes it away again. */
static void
test_continue_shown (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *button = gtk_widget_get_ancestor (guide_test_find_label (fixture->window, "Reprendre là où j'en étais"),
                                               GTK_TYPE_BUTTON);
  GuideProgress *progress = guide_application_get_progress (fixture->application);
  GuideBook *book = guide_application_get_book (fixture->application);
  GPtrArray *stages = guide_book_get_stages (book);

  g_assert_false (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_widget_activate (done_check (step_row (fixture, 0)));
  guide_test_iterate ();
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      for (guint j = 0; j < stage->steps->len; j++)
        guide_progress_set_done (progress, ((GuideStep *) g_ptr_array_index (stage->steps, j))->id, TRUE);
    }
  guide_test_iterate ();
  g_assert_false (gtk_widget_get_visible (button));
}

static void
test_continue (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  GuideBook *book;
  GuideStepRow *row;

  stop (fixture);
  guide_test_write_file (path,
                         "{ \"version\": 1, \"current-stage\": \"cpms-login\", \"done\": {"
                         " \"eu-login.open-register\": \"2026-01-02T03:04:05Z\","
                         " \"eu-login.create-account\": \"2026-01-02T03:04:05Z\","
                         " \"eu-login.confirm-email\": \"2026-01-02T03:04:05Z\","
                         " \"eu-login.set-password\": \"2026-01-02T03:04:05Z\","
                         " \"two-factor.install-app\": \"2026-01-02T03:04:05Z\" } }");
  start (fixture);
  book = guide_application_get_book (fixture->application);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (book, 3)->title);

  activate_action (fixture, "win.continue", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, guide_book_get_stage (book, 1)->title);
  row = step_row (fixture, 1);
  g_assert_cmpstr (guide_step_row_get_step_id (row), ==, "two-factor.open-devices");
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
  g_assert_true (guide_test_wait_for (window_focus_is, row));
  g_assert_nonnull (guide_test_find_label (fixture->window, "5 étapes sur 12 terminées"));
}

static void
test_waiting_for_approval (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -3);
  g_autofree char *when = g_date_time_format_iso8601 (then);
  g_autofree char *contents = g_strdup_printf ("{ \"version\": 2, \"done\": { \"cpms-access.write-helpdesk\": \"%s\" } }", when);
  g_autofree char *log_in = g_strdup_printf ("{ \"version\": 2, \"done\": { \"cpms-access.write-helpdesk\": \"%s\", \"cpms-login.log-in\": \"%s\" } }", when, when);
  GtkWidget *revealer;
  GtkWidget *label;

  stop (fixture);
  guide_test_write_file (path, contents);
  start (fixture);

  revealer = guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting");
  g_assert_nonnull (revealer);
  revealer = gtk_widget_get_ancestor (revealer, GTK_TYPE_REVEALER);
  g_assert_true (gtk_widget_get_visible (revealer));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  label = gtk_widget_get_first_child (guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Vous avez écrit au helpdesk il y a 3 jours."));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "helpdesk.reconnet@ao-pisa.toscana.it"));

  /* Past two weeks: longer than usual, and the prepared message to ask
   * again, where the contacts were. */
  {
    g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -16);
    g_autofree char *iso = g_date_time_format_iso8601 (long_ago);
    g_autofree char *late = g_strdup_printf ("{ \"version\": 2, \"done\": { \"cpms-access.write-helpdesk\": \"%s\" } }", iso);
    GtkWidget *grid;

    stop (fixture);
    guide_test_write_file (path, late);
    start (fixture);
    grid = guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting");
    label = gtk_widget_get_first_child (grid);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "il y a 16 jours. Cela prend plus de temps que d'habitude"));
    g_assert_true (gtk_widget_is_visible (guide_test_find_label (grid, "Écrire la demande")));
    g_assert_false (gtk_widget_is_visible (guide_test_find_label (grid, "Contacts")));
  }

  /* Gone once stage 4 is done. */
  stop (fixture);
  guide_test_write_file (path, log_in);
  start (fixture);
  revealer = gtk_widget_get_ancestor (guide_test_find_by_css_class (fixture->window, GTK_TYPE_GRID, "waiting"), GTK_TYPE_REVEALER);
  /* Not even measured. */
  g_assert_false (gtk_widget_get_visible (revealer));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

/* Stage 2's original SMS steps are there to read, in a collapsed section,
 * marked as withdrawn; they cannot be ticked and never count, even when a
 * progress file says they were done. */
static void
test_sms_steps_withdrawn (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  GuideBook *book;
  GuideStage *stage;
  GtkWidget *expander;
  g_autoptr(GPtrArray) original = NULL;

  stop (fixture);
  guide_test_write_file (path,
                         "{ \"version\": 2, \"done\": {"
                         " \"two-factor.sign-in\": \"2026-10-02T09:00:00Z\","
                         " \"two-factor.my-account\": \"2026-10-02T09:00:00Z\","
                         " \"two-factor.manage-phones\": \"2026-10-02T09:00:00Z\","
                         " \"two-factor.add-number\": \"2026-10-02T09:00:00Z\","
                         " \"two-factor.confirm-sms\": \"2026-10-02T09:00:00Z\" } }");
  start (fixture);
  book = guide_application_get_book (fixture->application);
  stage = guide_book_get_stage (book, 1);

  select_stage (fixture, 1);
  g_assert_cmpstr (overall_progress (fixture), ==, "0 étape sur 12 terminée");
  g_assert_nonnull (guide_test_find_label (fixture->window, "0 étape sur 5 terminée"));

  expander = guide_test_find_by_css_class (fixture->window, GTK_TYPE_EXPANDER, "original");
  g_assert_true (gtk_widget_get_visible (expander));
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  g_assert_nonnull (guide_test_find_label (expander, stage->original_title));
  g_assert_null (guide_test_find_label (fixture->window, ((GuideStep *) g_ptr_array_index (stage->original_steps, 0))->text));

  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  guide_test_iterate ();
  original = guide_test_find_all (expander, GUIDE_TYPE_STEP_ROW);
  g_assert_cmpuint (original->len, ==, 5);
  for (guint i = 0; i < original->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (original, i);
      g_autoptr(GPtrArray) checks = guide_test_find_all (row, GTK_TYPE_CHECK_BUTTON);

      g_assert_cmpstr (guide_step_row_get_step_id (GUIDE_STEP_ROW (row)), ==,
                       ((GuideStep *) g_ptr_array_index (stage->original_steps, i))->id);
      g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_false (gtk_widget_get_visible (g_ptr_array_index (checks, 0)));
      g_assert_true (gtk_widget_get_visible (guide_test_find_by_css_class (row, GTK_TYPE_LABEL, "withdrawn")));
      g_assert_nonnull (guide_test_find_label (row, "N'est plus proposé"));
    }
  g_assert_nonnull (guide_test_find_label (fixture->window, ((GuideStep *) g_ptr_array_index (stage->original_steps, 0))->text));

  /* The current method's five steps are what finishes the stage. */
  for (guint i = 0; i < stage->steps->len; i++)
    {
      GuideStepRow *row = step_row (fixture, i);

      g_assert_cmpstr (guide_step_row_get_step_id (row), ==, ((GuideStep *) g_ptr_array_index (stage->steps, i))->id);
      gtk_widget_activate (done_check (row));
      guide_test_iterate ();
    }
  g_assert_cmpstr (overall_progress (fixture), ==, "5 étapes sur 12 terminées");
  g_assert_nonnull (guide_test_find_label (fixture->window, "5 étapes sur 5 terminées"));

  /* In Italian, the same, in place. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("it"));
  guide_test_iterate ();
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  g_assert_nonnull (guide_test_find_label (expander, guide_book_get_stage (guide_application_get_book (fixture->application), 1)->original_title));
  g_assert_nonnull (guide_test_find_label (fixture->window, "Non più disponibile"));

  /* And in English. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "language", g_variant_new_string ("en"));
  guide_test_iterate ();
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  g_assert_nonnull (guide_test_find_label (expander, guide_book_get_stage (guide_application_get_book (fixture->application), 1)->original_title));
  g_assert_nonnull (guide_test_find_label (fixture->window, "No longer offered"));
  g_assert_cmpstr (overall_progress (fixture), ==, "5 of 12 steps done");
}

/* A progress file written by version 1, with stage 2 finished the SMS way:
 * the window opens with stage 2 finished, and the file keeps the SMS steps. */
static void
test_upgrade_old_progress (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *contents = NULL;
  GuideStage *stage;

  stop (fixture);
  guide_test_write_file (path,
                         "{\n  \"version\" : 1,\n  \"current-stage\" : \"two-factor\",\n"
                         "  \"current-step\" : \"two-factor.confirm-sms\",\n  \"done\" : {\n"
                         "    \"two-factor.add-number\" : \"2026-10-02T09:03:00Z\",\n"
                         "    \"two-factor.confirm-sms\" : \"2026-10-02T09:04:00Z\",\n"
                         "    \"two-factor.manage-phones\" : \"2026-10-02T09:02:00Z\",\n"
                         "    \"two-factor.my-account\" : \"2026-10-02T09:01:00Z\",\n"
                         "    \"two-factor.sign-in\" : \"2026-10-02T09:00:00Z\"\n  }\n}\n");
  start (fixture);
  stage = guide_book_get_stage (guide_application_get_book (fixture->application), 1);

  /* Back on stage 2, its current steps done. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (stage_title (fixture))), ==, stage->title);
  for (guint i = 0; i < stage->steps->len; i++)
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (done_check (step_row (fixture, i)))));
  g_assert_cmpstr (overall_progress (fixture), ==, "5 étapes sur 12 terminées");

  contents = progress_contents (fixture);
  g_assert_nonnull (strstr (contents, "\"version\" : 2"));
  g_assert_nonnull (strstr (contents, "\"two-factor.sign-in\" : \"2026-10-02T09:00:00Z\""));
  g_assert_nonnull (strstr (contents, "\"two-factor.install-app\" : \"2026-10-02T09:04:00Z\""));
}

static void
test_broken_progress_told (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autoptr(GPtrArray) labels = NULL;
  gboolean told = FALSE;

  stop (fixture);
  guide_test_write_file (path, "{ not json");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*progress.json.broken-*");
  start (fixture);
  g_test_assert_expected_messages ();

  labels = guide_test_find_all (fixture->window, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    told |= strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), "progress.json.broken-") != NULL;
  g_assert_true (told);
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *dialog;
  g_autofree char *contents = NULL;

  gtk_widget_activate (done_check (step_row (fixture, 0)));
  guide_test_iterate ();
  activate_action (fixture, "win.reset-progress", NULL);

  dialog = guide_test_find_dialog (ADW_TYPE_ALERT_DIALOG);
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (dialog, "response", "reset");
  guide_test_iterate ();

  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (done_check (step_row (fixture, 0)))));
  contents = progress_contents (fixture);
  g_assert_null (strstr (contents, "eu-login.open-register\" : "));
}

static gboolean
dialog_shown (gpointer data)
{
  return guide_test_find_dialog (ADW_TYPE_ALERT_DIALOG) != NULL;
}

/* The save error's toast, and the reason its Details button shows. */
static char *
save_error_details (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *details = NULL;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  char *body = NULL;

  g_assert_nonnull (guide_test_wait_for_label (fixture->window, "Votre progression n’a pas pu être enregistrée"));
  buttons = guide_test_find_all (fixture->window, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Détails") == 0)
      details = g_ptr_array_index (buttons, i);
  g_assert_nonnull (details);

  gtk_widget_activate (details);
  g_assert_true (guide_test_wait_for (dialog_shown, NULL));
  dialog = guide_test_find_dialog (ADW_TYPE_ALERT_DIALOG);
  g_object_get (dialog, "heading", &heading, "body", &body, NULL);
  g_assert_cmpstr (heading, ==, "Votre progression n’a pas pu être enregistrée");
  adw_dialog_force_close (ADW_DIALOG (dialog));

  return body;
}

/* A save that fails says so in a toast, and in full, in the interface's
 * language, behind its Details button. */
/* Moving to another stage saves where the user is: a failure to save it is
 * told too, not dropped. */
static void
test_place_save_error_told (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", folder);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  guide_test_write_file (folder, "not a folder");

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*Your progress could not be saved*");
  select_stage (fixture, 2);
  guide_test_wait_for_saves (guide_application_get_progress (fixture->application));
  g_test_assert_expected_messages ();
  g_assert_nonnull (guide_test_wait_for_label (fixture->window, "Votre progression n’a pas pu être enregistrée"));
}

static void
test_save_error_details (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", folder);
  g_autofree char *details = NULL;

  /* Something that is not a folder where the folder should be: a failure
   * the test can cause even as root, unlike a read-only folder. */
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  guide_test_write_file (folder, "not a folder");

  /* The place the tick moves to and the tick: one save, one failure. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*Your progress could not be saved*");
  gtk_widget_activate (done_check (step_row (fixture, 0)));
  guide_test_iterate ();
  guide_test_wait_for_saves (guide_application_get_progress (fixture->application));
  g_test_assert_expected_messages ();

  details = save_error_details (fixture);
  g_assert_nonnull (strstr (details, "ne peut pas être écrit : un élément qui n’est pas un dossier se trouve sur le chemin."));
  g_assert_nonnull (strstr (details, folder));
}

/* A newer version of the app, started while this window is open, saved its
 * own file: the next tick does not write over it, nor does quitting, and
 * the user is told why. */
static void
test_newer_version_arrives (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char newer[] = "{ \"version\": 9, \"done\": { \"eu-login.open-register\": \"2031-01-01T00:00:00Z\" } }";
  GuideProgress *progress = guide_application_get_progress (fixture->application);
  g_autofree char *path = guide_test_progress_path ();
  g_autofree char *contents = NULL;
  g_autofree char *details = NULL;

  gtk_widget_activate (done_check (step_row (fixture, 0)));
  guide_test_iterate ();
  g_free (progress_contents (fixture));
  guide_test_write_file (path, newer);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*Your progress could not be saved*");
  gtk_widget_activate (done_check (step_row (fixture, 1)));
  guide_test_iterate ();
  contents = progress_contents (fixture);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (contents, ==, newer);
  g_assert_false (guide_progress_get_writable (progress));

  details = save_error_details (fixture);
  g_assert_nonnull (strstr (details, "version plus récente"));

  /* More ticks, and the save at quit. */
  gtk_widget_activate (done_check (step_row (fixture, 2)));
  guide_test_iterate ();
  g_assert_true (guide_progress_save (progress, NULL));
  g_clear_pointer (&contents, g_free);
  contents = progress_contents (fixture);
  g_assert_cmpstr (contents, ==, newer);
}

static void
process_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* Runs the real executable, while this process, the running app, answers. */
static int
run_while_running (const char *option)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CPMS_GUIDE_BINARY"), option, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, process_done_cb, &done);
  g_assert_true (guide_test_wait_for (guide_test_is_true, &done));
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

/* Starts the application as main() makes it, in place of the test's, with
 * @id if not %NULL: one the test's D-Bus connection has not seen yet. */
static void
start_as_main (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GError) error = NULL;

  stop (fixture);
  fixture->application = guide_application_new ();
  if (id != NULL)
    g_application_set_application_id (G_APPLICATION (fixture->application), id);
  g_application_register (G_APPLICATION (fixture->application), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (fixture->application)));
  g_application_activate (G_APPLICATION (fixture->application));
  fixture->window = gtk_application_get_windows (GTK_APPLICATION (fixture->application))->data;
  guide_test_wait_until_mapped (fixture->window);
}

/* GTK starts reading the icon theme on a thread as the app starts: a folder
 * added to the theme then, or the app's icon looked up in it, would have the
 * main thread read the theme again before the first frame. The app adds no
 * folder and names its icon first, and its style sheet applies all the same. */
static void
test_icon_theme_read_once (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(GStrv) paths = NULL;
  GtkWidget *number;
  int width;

  start_as_main (fixture, APPLICATION_ID ".IconTheme");

  paths = gtk_icon_theme_get_resource_path (gtk_icon_theme_get_for_display (gtk_widget_get_display (fixture->window)));
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (paths[i], RESOURCE_BASE));
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APPLICATION_ID);

  number = guide_test_find_by_css_class (fixture->window, GTK_TYPE_LABEL, "stage-number");
  gtk_widget_measure (number, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, >=, 28);
}

/* The running app is the only writer: --reset-progress and --language given
 * while it runs go through it, and its next save keeps the reset. */
static void
test_command_line_through_running_app (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *contents = NULL;

  start_as_main (fixture, NULL);

  gtk_widget_activate (done_check (step_row (fixture, 0)));
  guide_test_iterate ();
  contents = progress_contents (fixture);
  g_assert_nonnull (strstr (contents, "eu-login.open-register"));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run_while_running ("--reset-progress"), ==, 0);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (done_check (step_row (fixture, 0)))));

  gtk_widget_activate (done_check (step_row (fixture, 1)));
  guide_test_iterate ();
  contents = progress_contents (fixture);
  g_assert_null (strstr (contents, "eu-login.open-register"));
  g_assert_nonnull (strstr (contents, "eu-login.create-account"));

  g_assert_cmpstr (guide_application_get_language (fixture->application), ==, "fr");
  g_assert_cmpint (run_while_running ("--language=it"), ==, 0);
  g_assert_cmpstr (guide_application_get_language (fixture->application), ==, "it");
}

/* A window closed while a link it opened is still being launched stays
 * alive for a while, out of the application, which goes on: switching
 * language then must not reach it. */
static void
test_closed_window_follows_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *closed = g_object_ref (fixture->window);

  gtk_window_destroy (GTK_WINDOW (closed));
  guide_test_iterate ();
  g_application_activate (G_APPLICATION (fixture->application));
  fixture->window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (fixture->application)));
  g_assert_true (fixture->window != closed);

  activate_action (fixture, "app.language", g_variant_new_string ("it"));
  g_settings_set_double (guide_application_get_settings (fixture->application), "zoom", 1.5);
  guide_test_iterate ();

  g_assert_finalize_object (closed);
}

/* The About window links to the project, and credits each translation to
 * the project itself rather than showing gettext's placeholder. */
static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *about;
  g_autofree char *website = NULL;
  g_autofree char *issue_url = NULL;
  g_autofree char *translators = NULL;

  activate_action (fixture, "app.language", g_variant_new_string ("it"));
  activate_action (fixture, "app.about", NULL);

  about = guide_test_find_dialog (ADW_TYPE_ABOUT_DIALOG);
  g_assert_nonnull (about);
  g_object_get (about, "website", &website, "issue-url", &issue_url, "translator-credits", &translators, NULL);
  g_assert_cmpstr (website, ==, PACKAGE_WEBSITE);
  g_assert_true (g_str_has_prefix (PACKAGE_WEBSITE, "https://"));
  g_assert_cmpstr (issue_url, ==, PACKAGE_WEBSITE "/issues");
  g_assert_cmpstr (translators, ==, "Gli autori di CPMS Access Guide");

  adw_dialog_force_close (ADW_DIALOG (about));
}

/* The pictures shown: every step has a slot for one, hidden when it has none. */
static GPtrArray *
visible_illustrations (GtkWidget *root)
{
  g_autoptr(GPtrArray) all = guide_test_find_all (root, GTK_TYPE_PICTURE);
  GPtrArray *visible = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (all, i)))
      g_ptr_array_add (visible, g_ptr_array_index (all, i));

  return visible;
}

static GuideScreenshot *
shown_picture (GtkWidget *picture)
{
  return GUIDE_SCREENSHOT (gtk_picture_get_paintable (GTK_PICTURE (picture)));
}

/* How many colours @widget shows, as GTK paints it: a blank one, one. */
static guint
count_colours (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  const guint32 *pixels;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  for (int i = 0; i < cairo_image_surface_get_stride (surface) / 4 * height; i += 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
  cairo_surface_destroy (surface);

  return g_hash_table_size (colours);
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && count_colours (data) > 20;
}

/* Scrolls the page so that @widget's top is at the top of the view. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, gtk_viewport_get_child (GTK_VIEWPORT (viewport)), &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y);
  guide_test_iterate ();
}

static void
test_pictures (Fixture       *fixture,
               gconstpointer  data)
{
  GuideBook *book = guide_application_get_book (fixture->application);
  GuideStage *stage = guide_book_get_stage (book, 2);
  g_autoptr(GPtrArray) illustrations = NULL;
  guint n = 0;

  /* The seven pictures of the original guide's request form. */
  select_stage (fixture, 2);
  expand_original (fixture);
  illustrations = visible_illustrations (fixture->window);

  for (guint i = 0; i < stage->original_steps->len; i++)
    {
      GuideStep *step = g_ptr_array_index (stage->original_steps, i);
      GtkWidget *illustration;
      GuideScreenshot *screenshot;
      g_autofree char *mismatch = NULL;
      int width, height;

      if (step->picture == NULL)
        continue;

      illustration = g_ptr_array_index (illustrations, n++);
      screenshot = shown_picture (illustration);
      g_assert_true (gtk_widget_is_visible (illustration));
      g_assert_nonnull (strstr (guide_screenshot_get_origin (screenshot), step->picture));
      g_assert_true (guide_screenshot_is_vector (screenshot));

      /* What it shows, in words, for screen readers. */
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (illustration), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, step->picture_alt);
      g_assert_null (mismatch);

      /* Whole, as wide as the column lets it be up to its own width, and as
       * high as that width makes it, in a list that gives its rows no more
       * than they ask for; and drawn there. */
      scroll_to (illustration);
      width = gtk_widget_get_width (illustration);
      height = gtk_widget_get_height (illustration);
      g_assert_cmpint (width, >, 300);
      g_assert_cmpint (width, <=, gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (screenshot)));
      g_assert_cmpint (abs (height - width * gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (screenshot)) / gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (screenshot))), <=, 1);
      g_assert_true (guide_test_wait_for (drawn, illustration));
    }
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (n, ==, illustrations->len);
}

static GtkWidget *
find_viewer (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GUIDE_IS_PICTURE_VIEWER (window) && gtk_widget_get_mapped (window))
        return window;
    }

  return NULL;
}

static gboolean
viewer_shown (gpointer data)
{
  return find_viewer () != NULL;
}

static gboolean
viewer_gone (gpointer data)
{
  return find_viewer () == NULL;
}

/* Zoomed in, the picture asks for more room than the window has, and the
 * page scrolls. */
static gboolean
zoomed (gpointer data)
{
  int width;

  gtk_widget_get_size_request (data, &width, NULL);
  return width > gtk_widget_get_width (gtk_widget_get_ancestor (data, GTK_TYPE_SCROLLED_WINDOW));
}

static gboolean
fitted (gpointer data)
{
  int width;

  gtk_widget_get_size_request (data, &width, NULL);
  return width == -1;
}

static void
count_drawing_failures (const char     *log_domain,
                        GLogLevelFlags  log_level,
                        const char     *message,
                        gpointer        user_data)
{
  int *failures = user_data;

  if (strstr (message, "eu-login-my-account.svg") != NULL)
    g_atomic_int_inc (failures);
  else
    g_log_default_handler (log_domain, log_level, message, NULL);
}

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
wait_for_seconds (guint seconds)
{
  gboolean done = FALSE;

  g_timeout_add_once (seconds * 1000, set_true, &done);
  g_assert_true (guide_test_wait_for (guide_test_is_true, &done));
}

static void
count_paint (guint *paints)
{
  (*paints)++;
}

static gboolean
drawing_failure_not_fatal (const char     *log_domain,
                           GLogLevelFlags  log_level,
                           const char     *message,
                           gpointer        user_data)
{
  return strstr (message, "eu-login-my-account.svg") == NULL;
}

/* A site's picture whose drawing fails is told of once, and the built-in
 * picture shown instead: its drawing is not tried again at every frame,
 * which would fail again, as slowly, for ever. */
static void
test_picture_drawn_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_system_data_dirs ()[0], "cpms-guide", "screenshots",
                                            "eu-login-my-account.svg", NULL);
  g_autoptr(GPtrArray) illustrations = NULL;
  GtkWidget *illustration = NULL;
  int failures = 0;
  guint paints = 0;
  gulong paint_handler;
  gboolean animations;
  guint handler;

  guide_test_write_svg_that_fails_to_draw (path);
  /* The scroll bars' fading would draw frames of its own. */
  g_object_get (gtk_settings_get_default (), "gtk-enable-animations", &animations, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  handler = g_log_set_handler (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, count_drawing_failures, &failures);
  g_test_log_set_fatal_handler (drawing_failure_not_fatal, NULL);

  select_stage (fixture, 1);
  illustrations = visible_illustrations (fixture->window);
  for (guint i = 0; i < illustrations->len; i++)
    if (strstr (guide_screenshot_get_origin (shown_picture (g_ptr_array_index (illustrations, i))), "eu-login-my-account") != NULL)
      illustration = g_ptr_array_index (illustrations, i);
  g_assert_nonnull (illustration);
  g_assert_true (g_str_has_prefix (guide_screenshot_get_origin (shown_picture (illustration)), "resource://"));
  scroll_to (illustration);
  g_assert_true (guide_test_wait_for (drawn, illustration));
  g_assert_cmpint (g_atomic_int_get (&failures), ==, 1);

  /* Drawn again: no second try in the seconds that follow, nor any frame
   * after frame for it. */
  guide_test_wait_for_frame (illustration);
  wait_for_seconds (1);
  paint_handler = g_signal_connect_swapped (gtk_widget_get_frame_clock (illustration), "after-paint",
                                            G_CALLBACK (count_paint), &paints);
  wait_for_seconds (1);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (illustration), paint_handler);
  g_assert_cmpint (g_atomic_int_get (&failures), ==, 1);
  g_assert_cmpuint (paints, <, 5);

  g_test_log_set_fatal_handler (NULL, NULL);
  g_log_remove_handler (G_LOG_DOMAIN, handler);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", animations, NULL);
}

static gboolean
overflows (gpointer data)
{
  return gtk_adjustment_get_upper (GTK_ADJUSTMENT (data)) > gtk_adjustment_get_page_size (GTK_ADJUSTMENT (data));
}

static gboolean
scrolled_away (gpointer data)
{
  return gtk_adjustment_get_value (GTK_ADJUSTMENT (data)) > 0;
}

static void
test_picture_viewer_keyboard (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) illustrations = visible_illustrations (fixture->window);
  GtkWidget *button = gtk_widget_get_ancestor (g_ptr_array_index (illustrations, 0), GTK_TYPE_BUTTON);
  g_autoptr(GPtrArray) in_viewer = NULL;
  GtkScrolledWindow *scrolled;
  GtkWidget *viewer;
  GtkWidget *illustration;

  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (button);
  g_assert_true (guide_test_wait_for (window_focus_is, button));

  /* Enter opens the large view, fitted to the window. */
  guide_test_press_keys (fixture->window, "Return");
  g_assert_true (guide_test_wait_for (viewer_shown, NULL));
  viewer = find_viewer ();
  in_viewer = guide_test_find_all (viewer, GTK_TYPE_PICTURE);
  illustration = g_ptr_array_index (in_viewer, 0);
  g_assert_true (guide_test_wait_for (drawn, illustration));
  g_assert_true (fitted (illustration));

  /* + zooms in, the arrows move the picture, 0 fits again, Esc closes. */
  guide_test_press_keys (viewer, "plus");
  g_assert_true (guide_test_wait_for (zoomed, illustration));
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (illustration, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (guide_test_wait_for (overflows, gtk_scrolled_window_get_hadjustment (scrolled)));
  guide_test_press_keys (viewer, "Right");
  g_assert_true (guide_test_wait_for (scrolled_away, gtk_scrolled_window_get_hadjustment (scrolled)));
  guide_test_press_keys (viewer, "Down");
  g_assert_true (guide_test_wait_for (scrolled_away, gtk_scrolled_window_get_vadjustment (scrolled)));
  guide_test_press_keys (viewer, "0");
  g_assert_true (guide_test_wait_for (fitted, illustration));
  guide_test_press_keys (viewer, "Escape");
  g_assert_true (guide_test_wait_for (viewer_gone, NULL));
}

/* The size of the text of the first label of @css_class on screen. */
static double
text_size (Fixture    *fixture,
           const char *css_class)
{
  g_autoptr(GPtrArray) labels = guide_test_find_all (fixture->window, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_widget_has_css_class (labels->pdata[i], css_class))
      {
        PangoContext *context = gtk_widget_get_pango_context (labels->pdata[i]);

        return pango_font_description_get_size (pango_context_get_font_description (context)) / (double) PANGO_SCALE;
      }

  g_assert_not_reached ();
}

/* Each face is one more font to match and more glyphs to render before
 * the first frame: the checklist has four, its text regular, bold and
 * smaller, and its stages' titles. */
static void
test_four_faces (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = guide_test_find_all (fixture->window, GTK_TYPE_LABEL);
  g_autoptr(GHashTable) faces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      PangoFontDescription *font;

      if (!gtk_widget_get_mapped (labels->pdata[i]))
        continue;

      font = pango_context_get_font_description (gtk_widget_get_pango_context (labels->pdata[i]));
      g_hash_table_add (faces, g_strdup_printf ("%d %d", pango_font_description_get_size (font),
                                                pango_font_description_get_weight (font)));
    }

  g_assert_cmpuint (g_hash_table_size (faces), ==, 4);
}

typedef struct
{
  GSettings *settings;
  double     zoom;
} ZoomExpected;

static gboolean
zoom_is (gpointer data)
{
  ZoomExpected *expected = data;

  return G_APPROX_VALUE (g_settings_get_double (expected->settings, "zoom"), expected->zoom, 0.001);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GSettings *settings = guide_application_get_settings (fixture->application);
  AdwClamp *clamp = g_ptr_array_index (guide_test_find_all (fixture->window, ADW_TYPE_CLAMP), 0);
  ZoomExpected expected = { settings, 1.2 };
  /* The text and the titles, headings and captions about it. */
  const char *classes[] = { "step-text", "title-1", "heading", "caption" };
  double normal[G_N_ELEMENTS (classes)];

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    normal[i] = text_size (fixture, classes[i]);

  /* Ctrl++ twice: larger text and a wider column, remembered. */
  guide_test_press_keys (fixture->window, "ctrl+equal ctrl+KP_Add");
  g_assert_true (guide_test_wait_for (zoom_is, &expected));
  guide_test_iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    g_assert_cmpfloat_with_epsilon (text_size (fixture, classes[i]), normal[i] * 1.2, 0.01);
  g_assert_cmpint (adw_clamp_get_maximum_size (clamp), ==, 912);

  /* Ctrl+- and Ctrl+0. */
  expected.zoom = 1.1;
  guide_test_press_keys (fixture->window, "ctrl+minus");
  g_assert_true (guide_test_wait_for (zoom_is, &expected));
  expected.zoom = 1.0;
  guide_test_press_keys (fixture->window, "ctrl+0");
  g_assert_true (guide_test_wait_for (zoom_is, &expected));
  guide_test_iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    g_assert_cmpfloat (text_size (fixture, classes[i]), ==, normal[i]);

  /* Never smaller than half. */
  for (guint i = 0; i < 8; i++)
    gtk_widget_activate_action (fixture->window, "win.zoom-out", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 0.5);
}

/* GTK asks a widget aligned otherwise than to fill, and each child of a
 * horizontal box, for the width it needs at the height it is given: a search
 * over widths, each a new layout of the text, for every wrapped label below
 * it, at every allocation and switch of language. No wrapped label of a
 * stage or of the list of stages is in such a place, but in a widget with
 * the layout of guide_step_row_layout_new(), which never asks that, where
 * GtkExpander lays its title out beside its arrow in a horizontal box; and a
 * button's own label, whose lines that search balances when a narrow window
 * wraps it, keeping the button no wider than they are. */
static void
assert_wrapped_labels_measured_for_width (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = guide_test_find_all (root, GTK_TYPE_LABEL);
  guint n_checked = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!gtk_label_get_wrap (GTK_LABEL (label)) || !gtk_widget_is_visible (label) ||
          GTK_IS_BUTTON (gtk_widget_get_parent (label)))
        continue;

      for (GtkWidget *widget = label; widget != root; widget = gtk_widget_get_parent (widget))
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);

          if (gtk_widget_get_halign (widget) != GTK_ALIGN_FILL || gtk_widget_get_valign (widget) != GTK_ALIGN_FILL)
            g_test_fail_printf ("“%s”: its %s is aligned otherwise than to fill",
                                gtk_label_get_text (GTK_LABEL (label)), G_OBJECT_TYPE_NAME (widget));
          if (GTK_IS_BOX (parent) && gtk_orientable_get_orientation (GTK_ORIENTABLE (parent)) == GTK_ORIENTATION_HORIZONTAL &&
              !GTK_IS_CUSTOM_LAYOUT (gtk_widget_get_layout_manager (widget)))
            g_test_fail_printf ("“%s”: its %s is in a horizontal box",
                                gtk_label_get_text (GTK_LABEL (label)), G_OBJECT_TYPE_NAME (widget));
        }
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_wrapped_labels_measured_for_width (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = guide_test_find_all (fixture->window, GUIDE_TYPE_STAGE_PAGE);
  g_autoptr(GPtrArray) stage_rows = guide_test_find_all (fixture->window, GUIDE_TYPE_STAGE_ROW);
  g_autoptr(GPtrArray) expanders = NULL;

  g_assert_cmpuint (pages->len, ==, 1);
  assert_wrapped_labels_measured_for_width (gtk_widget_get_parent (g_ptr_array_index (stage_rows, 0)));

  for (guint i = 0; i < stage_rows->len; i++)
    {
      select_stage (fixture, i);
      expanders = guide_test_find_all (g_ptr_array_index (pages, 0), GTK_TYPE_EXPANDER);
      for (guint j = 0; j < expanders->len; j++)
        gtk_expander_set_expanded (g_ptr_array_index (expanders, j), TRUE);
      g_clear_pointer (&expanders, g_ptr_array_unref);
      guide_test_iterate ();
      assert_wrapped_labels_measured_for_width (g_ptr_array_index (pages, 0));
    }
}

/* The access profiles: each named, explained in the interface's language,
 * with the page's own words, the usual choice tagged; switched in place. */
static void
assert_profiles (GPtrArray  *rows,
                 GuideStep  *step,
                 const char *tag)
{
  g_assert_cmpuint (rows->len, ==, step->profiles->len);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const GuideProfile *profile = g_ptr_array_index (step->profiles, i);
      GtkWidget *title = guide_test_find_label (row, profile->name);
      GtkWidget *subtitle = guide_test_find_by_css_class (row, GTK_TYPE_LABEL, "subtitle");

      g_assert_nonnull (title);
      g_assert_true (gtk_widget_is_visible (title));
      g_assert_nonnull (subtitle);
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (subtitle)), profile->meaning));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (subtitle)), profile->description));
      g_assert_true ((guide_test_find_label (row, tag) != NULL) == profile->recommended);
    }
}

static void
test_access_profiles (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GuideBook) fr = guide_book_new_for_language ("fr");
  g_autoptr(GuideBook) it = guide_book_new_for_language ("it");
  GuideStep *step = g_ptr_array_index (guide_book_get_stage (fr, 2)->original_steps, 7);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *list = NULL;

  select_stage (fixture, 2);
  expand_original (fixture);
  lists = guide_test_find_all (fixture->window, GTK_TYPE_LIST_BOX);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (lists, i), GUIDE_TYPE_STEP_ROW) != NULL &&
        gtk_widget_get_visible (g_ptr_array_index (lists, i)))
      list = g_ptr_array_index (lists, i);
  g_assert_nonnull (list);

  rows = guide_test_find_all (list, GTK_TYPE_LIST_BOX_ROW);
  assert_profiles (rows, step, "Choix habituel");

  activate_action (fixture, "app.language", g_variant_new_string ("it"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = guide_test_find_all (list, GTK_TYPE_LIST_BOX_ROW);
  assert_profiles (rows, g_ptr_array_index (guide_book_get_stage (it, 2)->original_steps, 7), "Scelta abituale");
}


/* Installs @guide as the site's guide in the three languages, so that it
 * is used whatever its steps, and returns whether the reader accepts it. */
static gboolean
install_site_guide (const char *folder,
                    const char *guide,
                    gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (guide, length);
  g_autoptr(GuideBook) book = guide_book_new_from_bytes (bytes, "fr.json", GUIDE_BOOK_FLAGS_SITE, NULL);
  const char *languages[] = { "fr", "it", "en" };

  if (book == NULL || !g_str_equal (guide_book_get_language (book), "fr"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", languages[i]);
      g_autofree char *path = g_build_filename (folder, "guide", name, NULL);
      g_autofree char *language = g_strdup_printf ("\"language\": \"%s\"", languages[i]);
      g_auto(GStrv) parts = g_strsplit (guide, "\"language\": \"fr\"", 2);
      g_autofree char *contents = g_strjoinv (language, parts);

      guide_test_write_file (path, contents);
    }

  return TRUE;
}

/* Every hostile site guide that the reader accepts, and every guide of the
 * fuzz corpus, in a real window with an access request waiting: each stage
 * shown, and the contacts. Whatever the interface reads of a guide must be
 * in every guide it accepts. */
static void
test_site_guides_walked (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *sources[] = { "bad-site-guide", "fuzz-guide" };
  g_autofree char *site = g_build_filename (g_get_system_config_dirs ()[0], "cpms-guide", "site.conf", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "site", NULL);
  g_autofree char *site_contents = g_strdup_printf ("[Site]\nFolder=%s\n", folder);
  g_autofree char *progress = guide_test_progress_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -3);
  g_autofree char *when = g_date_time_format_iso8601 (then);
  g_autofree char *waiting = g_strdup_printf ("{ \"version\": 2, \"done\": { \"cpms-access.write-helpdesk\": \"%s\" } }", when);
  guint walked = 0;

  stop (fixture);
  guide_test_write_file (site, site_contents);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = g_str_equal (sources[i], "fuzz-guide")
                              ? g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "guide", NULL)
                              : g_test_build_filename (G_TEST_DIST, "data", sources[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *guide = NULL;
          GuideSite *used;
          gsize length;

          g_assert_true (g_file_get_contents (file, &guide, &length, NULL));
          if (!g_str_has_suffix (name, ".json") || !install_site_guide (folder, guide, length))
            continue;

          g_test_message ("%s/%s", sources[i], name);
          guide_test_write_file (progress, waiting);
          start (fixture);
          used = guide_library_get_site (guide_application_get_library (fixture->application));
          g_assert_true (guide_application_get_book (fixture->application) == guide_site_get_book (used, "fr"));

          for (guint j = 0; j < guide_book_get_stages (guide_application_get_book (fixture->application))->len; j++)
            select_stage (fixture, j);
          activate_action (fixture, "win.show-contacts", NULL);
          gtk_popover_popdown (guide_test_find_all (fixture->window, GUIDE_TYPE_CONTACTS_POPOVER)->pdata[0]);
          stop (fixture);
          walked++;
        }
    }

  g_assert_cmpuint (walked, >, 0);
  start (fixture);
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/guide/window/" path, Fixture, NULL, setup, func, teardown)
  ADD ("toggle-saves", test_toggle_saves);
  ADD ("one-tick-one-write", test_one_tick_one_write);
  g_test_add ("/guide/window/switch-language", Fixture, &to_italian, setup, test_switch_language, teardown);
  g_test_add ("/guide/window/switch-language-english", Fixture, &to_english, setup, test_switch_language, teardown);
  ADD ("row-click-selects", test_row_click_selects);
  ADD ("site-english", test_site_english);
  ADD ("phone-size", test_phone_size);
  ADD ("banner-folds", test_banner_folds);
  ADD ("intro-switched-in-place", test_intro_switched_in_place);
  ADD ("shortcuts-show-keys", test_shortcuts_show_keys);
  ADD ("stage-laid-out-however-reached", test_stage_laid_out_however_reached);
  ADD ("stage-laid-out-however-switched", test_stage_laid_out_however_switched);
  ADD ("paragraphs-ask-least-width", test_paragraphs_ask_least_width);
  ADD ("switch-rows-below-after-frame", test_switch_rows_below_after_frame);
  ADD ("restart-keeps-place", test_restart_keeps_place);
  ADD ("restart-scrolls-to-step", test_restart_scrolls_to_step);
  ADD ("steps-after-first-frame", test_steps_after_first_frame);
  ADD ("closed-before-steps-shown", test_closed_before_steps_shown);
  ADD ("open-buttons", test_open_buttons);
  ADD ("continue-shown", test_continue_shown);
  ADD ("write-request", test_write_request);
  ADD ("former-request", test_former_request);
  ADD ("size-true-at-every-width", test_size_true_at_every_width);
  ADD ("sources", test_sources);
  ADD ("refuses-other-addresses", test_refuses_other_addresses);
  ADD ("launch-failure-offers-copy", test_launch_failure_offers_copy);
  ADD ("navigation", test_navigation);
  ADD ("address-breaks", test_address_breaks);
  ADD ("narrow-keeps-stage", test_narrow_keeps_stage);
  ADD ("folded-settles", test_folded_settles);
  ADD ("size-kept", test_size_kept);
  ADD ("label-breaks", test_label_breaks);
  ADD ("continue", test_continue);
  ADD ("waiting-for-approval", test_waiting_for_approval);
  ADD ("site-guides-walked", test_site_guides_walked);
  ADD ("sms-steps-withdrawn", test_sms_steps_withdrawn);
  ADD ("upgrade-old-progress", test_upgrade_old_progress);
  ADD ("broken-progress-told", test_broken_progress_told);
  ADD ("reset", test_reset);
  ADD ("about", test_about);
  ADD ("closed-window-follows-nothing", test_closed_window_follows_nothing);
  ADD ("save-error-details", test_save_error_details);
  ADD ("place-save-error-told", test_place_save_error_told);
  ADD ("newer-version-arrives", test_newer_version_arrives);
  ADD ("icon-theme-read-once", test_icon_theme_read_once);
  ADD ("command-line-through-running-app", test_command_line_through_running_app);
  ADD ("zoom", test_zoom);
  ADD ("four-faces", test_four_faces);
  ADD ("pictures", test_pictures);
  ADD ("picture-drawn-once", test_picture_drawn_once);
  ADD ("picture-viewer-keyboard", test_picture_viewer_keyboard);
  ADD ("wrapped-labels-measured-for-width", test_wrapped_labels_measured_for_width);
  ADD ("access-profiles", test_access_profiles);
#undef ADD

  return g_test_run ();
}

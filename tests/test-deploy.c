/* test-deploy.c
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

/* Hospital IT's defaults and locks, seen in the real window: a vendor
 * override (this test runs with a schema folder compiled with one), a
 * locked key in the keyfile backend, and the site file. */

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "guide-application.h"
#include "guide-test-utils.h"
#include "guide-window.h"

static GtkWidget *
start (GSettings *settings)
{
  g_autoptr(GuideApplication) application = NULL;
  GtkWidget *window;

  application = guide_test_start_application (settings, &window);
  return window;
}

static GtkWidget *
language_button (GtkWidget  *window,
                 const char *label)
{
  g_autoptr(GPtrArray) toggles = guide_test_find_all (window, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), label) == 0)
      return g_ptr_array_index (toggles, i);

  g_assert_not_reached ();
}

static GuideApplication *
application_of (GtkWidget *window)
{
  return GUIDE_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
}

static GtkRevealer *
site_banner (GtkWidget *window)
{
  GtkWidget *box = guide_test_find_by_css_class (window, GTK_TYPE_BOX, "site-unreadable");

  g_assert_nonnull (box);
  return GTK_REVEALER (gtk_widget_get_parent (box));
}

static void
test_vendor_override (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window;

  g_settings_reset (settings, "language");
  window = start (settings);

  /* Italian for every user who has not chosen, and still theirs to change. */
  g_assert_cmpstr (guide_application_get_language (application_of (window)), ==, "it");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (language_button (window, "IT"))));
  g_assert_true (gtk_widget_get_sensitive (language_button (window, "FR")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (language_button (window, "FR")), ==, "Français");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (language_button (window, "EN")), ==, "English");

  gtk_window_destroy (GTK_WINDOW (window));
  guide_test_iterate ();
}

/* Sizes out of range in an override (95_mistaken.gschema.override) are left
 * out: the window opens at its usual size, with no critical. */
static void
test_size_out_of_range (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window;
  int width, height;

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  window = start (settings);

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 720);

  gtk_window_destroy (GTK_WINDOW (window));
  guide_test_iterate ();
}

static void
test_keyfile_lock (void)
{
  g_autofree char *defaults = g_build_filename (g_get_user_cache_dir (), "defaults", NULL);
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "keyfile", NULL);
  g_autofree char *defaults_file = g_build_filename (defaults, "defaults", NULL);
  g_autofree char *locks_file = g_build_filename (defaults, "locks", NULL);
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *window;
  GtkWidget *french;

  /* What a Flatpak's keyfile backend reads from the system: French, locked. */
  guide_test_write_file (defaults_file, "[eu/ern_reconnet/CpmsGuide]\nlanguage='fr'\n");
  guide_test_write_file (locks_file, "/eu/ern_reconnet/CpmsGuide/language\n");
  g_object_unref (g_keyfile_settings_backend_new (keyfile, "/", NULL));
  backend = g_object_new (g_type_from_name ("GKeyfileSettingsBackend"),
                          "filename", keyfile,
                          "root-path", "/",
                          "defaults-dir", defaults,
                          NULL);
  settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  g_assert_false (g_settings_is_writable (settings, "language"));

  window = start (settings);
  french = language_button (window, "FR");

  g_assert_cmpstr (guide_application_get_language (application_of (window)), ==, "fr");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (french)));
  g_assert_false (gtk_widget_get_sensitive (french));
  g_assert_false (gtk_widget_get_sensitive (language_button (window, "IT")));
  g_assert_false (gtk_widget_get_sensitive (language_button (window, "EN")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (french), ==, "Défini par votre organisation");

  gtk_window_destroy (GTK_WINDOW (window));
  guide_test_iterate ();
}

static void
test_site_file (void)
{
  static const char * const schemes[] = { "https", "mailto", NULL };
  g_autofree char *log = guide_test_install_fake_browser (schemes);
  g_autofree char *site = g_build_filename (g_get_system_config_dirs ()[0], "cpms-guide", "site.conf", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) launched = NULL;
  GtkWidget *window;
  GtkWidget *name;
  GtkWidget *write = NULL;

  guide_test_write_file (site, "[Site]\nLanguage=fr\nLockLanguage=true\n\n"
                               "[Contact]\nName=Servizio informatico, AOU Pisana\n"
                               "Email=it@ospedale.example\nPhone=+39 050 123 456\n");
  g_settings_set_string (settings, "language", "it");
  window = start (settings);

  /* The lock wins over the user's own choice. */
  g_assert_cmpstr (guide_application_get_language (application_of (window)), ==, "fr");
  g_assert_false (gtk_widget_get_sensitive (language_button (window, "IT")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (language_button (window, "IT")), ==, "Défini par votre organisation");

  /* The hospital's IT, first, before the helpdesk, reachable by e-mail with
   * a button that looks like the helpdesk's. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-contacts", NULL));
  guide_test_iterate ();
  name = guide_test_find_label (window, "Servizio informatico, AOU Pisana");
  g_assert_nonnull (name);
  g_assert_null (gtk_widget_get_prev_sibling (gtk_widget_get_parent (name)));
  g_assert_nonnull (guide_test_find_label (window, "it@ospedale.example\n+39 050 123 456"));
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (name)); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child))
      write = gtk_widget_get_first_child (child);
  g_assert_nonnull (write);
  g_assert_true (gtk_widget_has_css_class (write, "suggested-action"));
  g_signal_emit_by_name (write, "clicked");
  launched = guide_test_wait_for_launches (log, 1);
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (launched, 0), ==, "mailto:it@ospedale.example");
  g_assert_false (gtk_revealer_get_reveal_child (site_banner (window)));
  /* Not even measured. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (site_banner (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  guide_test_iterate ();
}

/* The file the administrator named does not reach the app (as with a path
 * under /etc in a Flatpak): the user sees a banner, in their language, and
 * the log has the reason. */
static void
test_site_file_unreadable (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "no-such-site.conf", NULL);
  g_autofree char *pattern = g_strdup_printf ("%s: *", path);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window;
  GtkRevealer *banner;

  g_settings_set_string (settings, "language", "fr");
  g_setenv ("CPMS_GUIDE_SITE_CONFIG", path, TRUE);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, pattern);
  window = start (settings);
  g_test_assert_expected_messages ();
  g_unsetenv ("CPMS_GUIDE_SITE_CONFIG");

  banner = site_banner (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (guide_test_find_label (GTK_WIDGET (banner),
                                           "Le fichier de réglages de votre organisation pour cette application est "
                                           "illisible, l’application utilise donc ses propres valeurs par défaut. Votre "
                                           "service informatique en trouvera la raison dans le journal du système."));

  g_settings_set_string (settings, "language", "it");
  guide_test_iterate ();
  g_assert_nonnull (guide_test_find_label (GTK_WIDGET (banner),
                                           "Il file di impostazioni della tua organizzazione per questa app non è "
                                           "leggibile, quindi l’app usa i propri valori predefiniti. Il tuo servizio "
                                           "informatico ne troverà il motivo nel registro di sistema."));

  gtk_window_destroy (GTK_WINDOW (window));
  guide_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  guide_test_init (&argc, &argv);

  g_test_add_func ("/guide/deploy/vendor-override", test_vendor_override);
  g_test_add_func ("/guide/deploy/size-out-of-range", test_size_out_of_range);
  g_test_add_func ("/guide/deploy/keyfile-lock", test_keyfile_lock);
  g_test_add_func ("/guide/deploy/site-file", test_site_file);
  g_test_add_func ("/guide/deploy/site-file-unreadable", test_site_file_unreadable);

  return g_test_run ();
}

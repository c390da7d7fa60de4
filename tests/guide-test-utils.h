/* guide-test-utils.h
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

#pragma once

#include <gtk/gtk.h>

#include "guide-application.h"

G_BEGIN_DECLS

typedef gboolean (*GuideTestCondition) (gpointer data);

void       guide_test_init_unit           (int          *argc,
                                           char       ***argv);
void       guide_test_init                (int          *argc,
                                           char       ***argv);
GuideApplication *guide_test_register_application (GSettings *settings);
GuideApplication *guide_test_start_application (GSettings  *settings,
                                           GtkWidget   **window);
char      *guide_test_progress_path       (void);
void       guide_test_write_file          (const char   *path,
                                           const char   *contents);
void       guide_test_write_black_png     (const char   *path,
                                           guint32       width,
                                           guint32       height);
void       guide_test_write_svg_that_fails_to_draw (const char *path);
void       guide_test_die_reading         (const char   *path);
char      *guide_test_install_fake_browser (const char * const *schemes);
GPtrArray *guide_test_wait_for_launches   (const char   *log,
                                           guint         count);
void       guide_test_iterate             (void);
void       guide_test_wait_for_saves      (GuideProgress *progress);
void       guide_test_wait_for_frame      (GtkWidget     *widget);
gboolean   guide_test_is_true             (gpointer       data);
void       guide_test_wait_until_mapped   (GtkWidget    *widget);
GPtrArray *guide_test_find_all            (GtkWidget    *root,
                                           GType         type);
GtkWidget *guide_test_find_label          (GtkWidget    *root,
                                           const char   *text);
GtkWidget *guide_test_wait_for_label     (GtkWidget    *root,
                                           const char   *text);
void       guide_test_press_keys          (GtkWidget    *window,
                                           const char   *keys);
void       guide_test_resize              (GtkWidget    *window,
                                           int           width,
                                           int           height);
void       guide_test_click               (GtkWidget    *widget,
                                           double        x,
                                           double        y);
gboolean   guide_test_wait_for            (GuideTestCondition condition,
                                           gpointer      data);
GtkWidget *guide_test_find_by_css_class   (GtkWidget    *root,
                                           GType         type,
                                           const char   *css_class);
void       guide_test_assert_layout_address_breaks (PangoLayout *layout,
                                                    const char  *where);
void       guide_test_assert_address_breaks (GtkLabel   *label);
guint      guide_test_assert_all_address_breaks (GtkWidget *root);

GtkWindow  *guide_test_find_toplevel       (GType         type);
GtkWidget *guide_test_find_dialog          (GType         type);
GHashTable *guide_test_read_expected       (const char   *folder);

/* What a program run by a test printed, and its exit status. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} GuideTestRun;

void       guide_test_run_clear           (GuideTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GuideTestRun, guide_test_run_clear)

GSubprocessLauncher *guide_test_launcher_new (void);
void       guide_test_run_spawn           (GuideTestRun        *result,
                                           GSubprocessLauncher *launcher,
                                           const char * const  *argv);

G_END_DECLS

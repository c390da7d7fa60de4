/* guide-window-private.h
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

/* What guide-window.c and guide-window-actions.c share: the window's
 * fields, and the functions one gives the other. */

#pragma once

#include "guide-contacts-popover.h"
#include "guide-stage-page.h"
#include "guide-window.h"

G_BEGIN_DECLS

struct _GuideWindow
{
  AdwApplicationWindow  parent_instance;

  GuideLibrary         *library;
  GuideProgress        *progress;
  GSettings            *settings;
  const char           *language;
  gboolean              language_locked;
  GuideBook            *book;
  guint                 stage_index;
  GtkCssProvider       *zoom_provider;

  AdwToastOverlay      *toast_overlay;
#if ADW_CHECK_VERSION (1, 4, 0)
  AdwNavigationSplitView *split_view;
#else
  AdwLeaflet           *leaflet;
#endif
  GtkBox               *panes;
  GtkWidget            *sidebar_pane;
  GtkWidget            *content_pane;
  AdwHeaderBar         *sidebar_header;
  AdwHeaderBar         *content_header;
  GtkWidget            *back_button;
  GtkStack             *title_stack;
  GtkListBox           *stage_list;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *short_title;
  GtkMenuButton        *menu_button;
  GtkMenuButton        *contacts_button;
  GuideContactsPopover *contacts_popover;
  GtkBox               *language_box;
  GtkProgressBar       *overall_progress;
  GtkRevealer          *waiting_revealer;
  GtkLabel             *waiting_label;
  GtkWidget            *waiting_grid;
  GtkWidget            *waiting_buttons;
  GtkWidget            *fold_button;
  GtkWidget            *continue_button;
  GtkWidget            *waiting_contacts_button;
  GtkWidget            *request_button;
  GtkRevealer          *site_revealer;
  GuideStagePage       *stage_page;
  GMenuModel           *primary_menu;

  /* The printer and paper chosen last, offered again at the next print. */
  GtkPrintSettings     *print_settings;
  GtkPageSetup         *page_setup;
  GtkPrintOperation    *print_operation;
};

void _guide_window_show_stage         (GuideWindow    *self,
                                       guint           index,
                                       const char     *step_id,
                                       gboolean        focus);
void _guide_window_show_content       (GuideWindow    *self,
                                       gboolean        shown);
void _guide_window_actions_init       (GuideWindow    *self);
void _guide_window_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS

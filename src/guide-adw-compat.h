/* guide-adw-compat.h
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

/* The app is written for the current libadwaita. Before 1.5 (Debian 12 has
 * 1.2), the alert and about dialogs are windows of their own, with the same
 * calls under other names: they stand in for them here, so that a build
 * against the newest libadwaita uses nothing deprecated. */

#pragma once

#include <adwaita.h>

#if !ADW_CHECK_VERSION (1, 5, 0)
# define AdwAlertDialog AdwMessageDialog
# define ADW_ALERT_DIALOG ADW_MESSAGE_DIALOG
# define ADW_TYPE_ALERT_DIALOG ADW_TYPE_MESSAGE_DIALOG
# define adw_alert_dialog_new(heading, body) adw_message_dialog_new (NULL, (heading), (body))
# define adw_alert_dialog_add_response adw_message_dialog_add_response
# define adw_alert_dialog_add_responses adw_message_dialog_add_responses
# define adw_alert_dialog_set_response_appearance adw_message_dialog_set_response_appearance
# define adw_alert_dialog_set_default_response adw_message_dialog_set_default_response
# define adw_alert_dialog_set_close_response adw_message_dialog_set_close_response
# define ADW_TYPE_ABOUT_DIALOG ADW_TYPE_ABOUT_WINDOW
# define adw_show_about_dialog(parent, ...) adw_show_about_window (GTK_WINDOW (parent), __VA_ARGS__)

/* A dialog window, over @parent's window. */
static inline void
adw_dialog_present (gpointer   dialog,
                    GtkWidget *parent)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}
# define ADW_DIALOG(dialog) (dialog)
# define adw_dialog_force_close(dialog) gtk_window_destroy (GTK_WINDOW (dialog))
#endif

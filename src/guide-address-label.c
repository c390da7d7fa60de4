/* guide-address-label.c
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

/* Labels for text that may write out web or e-mail addresses: GtkLabels
 * that wrap, as a template or guide_address_label_new() sets them up, and
 * cut an address only where guide_uri_attributes_new() says. */

#include "guide-address-label.h"
#include "guide-i18n.h"
#include "guide-uri.h"

static gboolean
address_tooltip_cb (GtkWidget  *widget,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip,
                    gpointer    user_data)
{
  GtkWidget *label = guide_address_label_new (g_object_get_data (G_OBJECT (widget), "guide-uri-tooltip"));

  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_tooltip_set_custom (tooltip, label);

  return TRUE;
}

/**
 * guide_address_label_new:
 *
 * Returns: (transfer floating): a label that shows @text as
 *   guide_address_label_set_text() does, wrapped
 */
GtkWidget *
guide_address_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  guide_address_label_set_text (GTK_LABEL (label), text);

  return label;
}

/**
 * guide_address_label_set_text:
 * @label: a label that wraps
 * @text: (nullable): text that may write out addresses, or %NULL for none
 *
 * Shows @text in @label with guide_uri_attributes_new()'s cuts.
 */
void
guide_address_label_set_text (GtkLabel   *label,
                              const char *text)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  if (text == NULL)
    text = "";

  /* The attributes follow from the text: an unchanged text keeps its layout. */
  if (g_strcmp0 (gtk_label_get_label (label), text) == 0 && gtk_label_get_attributes (label) != NULL)
    return;

  attributes = guide_uri_attributes_new (text);
  gtk_label_set_label (label, text);
  gtk_label_set_attributes (label, attributes);
}

/**
 * guide_address_label_attach_tooltip:
 * @widget: a widget that opens @uri
 * @uri: the address
 *
 * Gives @widget the tooltip guide_uri_get_tooltip() says, in an address
 * label: GTK's own tooltip label would cut the address at its hyphens.
 */
void
guide_address_label_attach_tooltip (GtkWidget  *widget,
                                    const char *uri)
{
  if (g_object_get_data (G_OBJECT (widget), "guide-uri-tooltip") == NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (address_tooltip_cb), NULL);

  g_object_set_data_full (G_OBJECT (widget), "guide-uri-tooltip", guide_uri_get_tooltip (uri), g_free);
  gtk_widget_set_has_tooltip (widget, TRUE);
}

/**
 * guide_address_label_set_button:
 * @button: a button
 * @label: what it says
 * @uri: the address it opens
 *
 * Makes @button open @uri with the window's "win.open-uri", its label
 * wrapped so that a phone-sized window keeps it whole, its tooltip and
 * accessible name saying where it leads.
 */
void
guide_address_label_set_button (GtkButton  *button,
                                const char *label,
                                const char *uri)
{
  g_autofree char *display = guide_uri_get_display (uri);
  g_autofree char *accessible = g_strdup_printf (_("%s, opens %s"), label, display);

  gtk_button_set_label (button, label);
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (button)), TRUE);
  gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (button)), GTK_JUSTIFY_CENTER);
  guide_address_label_attach_tooltip (GTK_WIDGET (button), uri);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-uri");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

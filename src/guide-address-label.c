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

/* A label for text that may write out web or e-mail addresses: it wraps,
 * and cuts an address only where guide_uri_attributes_new() says. GtkLabel
 * cannot be derived from, so this holds one, and passes on the label's
 * properties that the app's labels set. */

#include "guide-address-label.h"
#include "guide-uri.h"

struct _GuideAddressLabel
{
  AdwBin    parent_instance;

  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (GuideAddressLabel, guide_address_label, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_XALIGN,
  PROP_JUSTIFY,
  PROP_WIDTH_CHARS,
  PROP_MAX_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
address_tooltip_cb (GtkWidget  *widget,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip,
                    gpointer    user_data)
{
  gtk_tooltip_set_custom (tooltip, g_object_new (GUIDE_TYPE_ADDRESS_LABEL,
                                                 "label", g_object_get_data (G_OBJECT (widget), "guide-uri-tooltip"),
                                                 "max-width-chars", 50,
                                                 NULL));

  return TRUE;
}

static void
guide_address_label_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GuideAddressLabel *self = GUIDE_ADDRESS_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, gtk_label_get_label (self->label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_address_label_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GuideAddressLabel *self = GUIDE_ADDRESS_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      guide_address_label_set_label (self, g_value_get_string (value));
      break;

    case PROP_XALIGN:
    case PROP_JUSTIFY:
    case PROP_WIDTH_CHARS:
    case PROP_MAX_WIDTH_CHARS:
      g_object_set_property (G_OBJECT (self->label), pspec->name, value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_address_label_class_init (GuideAddressLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = guide_address_label_get_property;
  object_class->set_property = guide_address_label_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The label's own, as GtkLabel has them. */
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL,
                        0.0, 1.0, 0.5,
                        (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_JUSTIFY] =
    g_param_spec_enum ("justify", NULL, NULL,
                       GTK_TYPE_JUSTIFICATION, GTK_JUSTIFY_LEFT,
                       (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The text is the label's: this is only what holds it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
guide_address_label_init (GuideAddressLabel *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->label));
}

const char *
guide_address_label_get_label (GuideAddressLabel *self)
{
  return gtk_label_get_label (self->label);
}

void
guide_address_label_set_label (GuideAddressLabel *self,
                               const char        *label)
{
  if (label == NULL)
    label = "";

  if (g_strcmp0 (gtk_label_get_label (self->label), label) == 0)
    return;

  guide_uri_label_set_text (self->label, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
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

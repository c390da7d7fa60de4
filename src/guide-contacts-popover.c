/* guide-contacts-popover.c
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

/* The helpdesk contacts, one click away from every stage: each mailbox the
 * guide names, with buttons to write to it or copy its address, and the
 * hospital's own IT when the organisation's site file names them. The
 * buttons use the window's "win.open-uri" and "win.copy-uri" actions.
 *
 * The contacts are laid out when the popover is shown, in the language of
 * the guide it was last given: a language switch costs nothing here. */

#include "guide-address-label.h"
#include "guide-contacts-popover.h"
#include "guide-i18n.h"
#include "guide-uri.h"

struct _GuideContactsPopover
{
  GtkPopover  parent_instance;

  GuideBook  *book;
  GuideSite  *site;
  gboolean    filled;

  GtkLabel   *text_label;
  GtkBox     *contacts_box;
};

G_DEFINE_FINAL_TYPE (GuideContactsPopover, guide_contacts_popover, GTK_TYPE_POPOVER)

static GtkWidget *
add_button (GtkWidget  *buttons,
            const char *label,
            const char *accessible_label,
            const char *action_name,
            const char *uri)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_box_append (GTK_BOX (buttons), button);

  return button;
}

/* The buttons to write to the mailbox at @uri, and to copy its address. */
static void
add_mail_buttons (GtkWidget  *buttons,
                  const char *display,
                  const char *uri)
{
  g_autofree char *write_label = g_strdup_printf (_("Write an e-mail to %s"), display);
  g_autofree char *copy_label = g_strdup_printf (_("Copy the address %s"), display);

  gtk_widget_add_css_class (add_button (buttons, _("Write an E-mail"), write_label, "win.open-uri", uri),
                            "suggested-action");
  add_button (buttons, _("Copy Address"), copy_label, "win.copy-uri", uri);
}

/* A contact: its name, what to write to or call, and a box for its buttons,
 * which this returns. */
static GtkWidget *
add_contact (GuideContactsPopover *self,
             const char           *name,
             const char           *details)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *details_label = guide_address_label_new (details);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (details_label), 0);

  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), details_label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (self->contacts_box, box);

  return buttons;
}

/* The hospital's own IT, the first to ask, before the ReCONNET helpdesk. */
static void
add_site_contact (GuideContactsPopover *self)
{
  const char *email = guide_site_get_contact_email (self->site);
  const char *phone = guide_site_get_contact_phone (self->site);
  g_autofree char *details = email != NULL && phone != NULL ? g_strconcat (email, "\n", phone, NULL)
                                                           : g_strdup (email != NULL ? email : phone);
  GtkWidget *buttons = add_contact (self, guide_site_get_contact_name (self->site), details);

  if (email != NULL)
    {
      g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);

      add_mail_buttons (buttons, email, mailto);
    }

  if (phone != NULL)
    {
      g_autofree char *tel = g_strconcat ("tel:", phone, NULL);
      g_autofree char *copy_label = g_strdup_printf (_("Copy the phone number %s"), phone);

      add_button (buttons, _("Copy Number"), copy_label, "win.copy-uri", tel);
    }
}

static void
fill (GuideContactsPopover *self)
{
  GPtrArray *addresses = guide_book_get_addresses (self->book);
  GtkWidget *child;

  guide_address_label_set_text (self->text_label, guide_book_get_contacts_text (self->book));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_box))) != NULL)
    gtk_box_remove (self->contacts_box, child);

  if (self->site != NULL && guide_site_get_contact_name (self->site) != NULL)
    add_site_contact (self);

  for (guint i = 0; i < addresses->len; i++)
    {
      const GuideAddress *address = g_ptr_array_index (addresses, i);
      g_autofree char *display = guide_uri_get_display (address->uri);

      add_mail_buttons (add_contact (self, address->name, display), display, address->uri);
    }

  self->filled = TRUE;
}

static void
guide_contacts_popover_show (GtkWidget *widget)
{
  GuideContactsPopover *self = GUIDE_CONTACTS_POPOVER (widget);

  if (!self->filled && self->book != NULL)
    fill (self);

  GTK_WIDGET_CLASS (guide_contacts_popover_parent_class)->show (widget);
}

static void
guide_contacts_popover_dispose (GObject *object)
{
  GuideContactsPopover *self = (GuideContactsPopover *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GUIDE_TYPE_CONTACTS_POPOVER);
  g_clear_object (&self->book);
  g_clear_object (&self->site);

  G_OBJECT_CLASS (guide_contacts_popover_parent_class)->dispose (object);
}

static void
guide_contacts_popover_class_init (GuideContactsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = guide_contacts_popover_dispose;
  widget_class->show = guide_contacts_popover_show;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-contacts-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideContactsPopover, text_label);
  gtk_widget_class_bind_template_child (widget_class, GuideContactsPopover, contacts_box);
}

static void
guide_contacts_popover_init (GuideContactsPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * guide_contacts_popover_set_guide:
 * @book: the guide whose contacts to show, in its language
 * @site: (nullable): the organisation's configuration, for its own contact
 *
 * Shows the contacts of @book, at once when the popover is open, else the
 * next time it opens.
 */
void
guide_contacts_popover_set_guide (GuideContactsPopover *self,
                                  GuideBook            *book,
                                  GuideSite            *site)
{
  g_set_object (&self->book, book);
  g_set_object (&self->site, site);
  self->filled = FALSE;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    fill (self);
}

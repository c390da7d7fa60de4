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

  GuideAddressLabel *text_label;
  GtkBox     *contacts_box;
};

G_DEFINE_FINAL_TYPE (GuideContactsPopover, guide_contacts_popover, GTK_TYPE_POPOVER)

static GtkWidget *
button_new (const char *label,
            const char *accessible_label,
            const char *action_name,
            const char *uri)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  return button;
}

/* The buttons to write to the mailbox at @uri, and to copy its address. */
static void
add_mail_buttons (GtkBox     *buttons,
                  const char *display,
                  const char *uri)
{
  g_autofree char *write_label = g_strdup_printf (_("Write an e-mail to %s"), display);
  g_autofree char *copy_label = g_strdup_printf (_("Copy the address %s"), display);
  GtkWidget *write = button_new (_("Write an E-mail"), write_label, "win.open-uri", uri);

  gtk_widget_add_css_class (write, "suggested-action");
  gtk_box_append (buttons, write);
  gtk_box_append (buttons, button_new (_("Copy Address"), copy_label, "win.copy-uri", uri));
}

/* A contact: its name, what to write to or call, and its buttons. */
static void
add_contact (GuideContactsPopover *self,
             const char           *name,
             const char           *details,
             GtkWidget            *buttons)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *details_label = g_object_new (GUIDE_TYPE_ADDRESS_LABEL,
                                           "label", details,
                                           "xalign", 0.0,
                                           NULL);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "heading");

  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), details_label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (self->contacts_box, box);
}

static void
add_address (GuideContactsPopover *self,
             const GuideAddress   *address)
{
  g_autofree char *display = guide_uri_get_display (address->uri);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  add_mail_buttons (GTK_BOX (buttons), display, address->uri);

  add_contact (self, address->name, display, buttons);
}

/* The hospital's own IT, the first to ask, before the ReCONNET helpdesk. */
static void
add_site_contact (GuideContactsPopover *self)
{
  const char *email = guide_site_get_contact_email (self->site);
  const char *phone = guide_site_get_contact_phone (self->site);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GString) text = g_string_new (NULL);

  if (email != NULL)
    {
      g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);

      g_string_append (text, email);
      add_mail_buttons (GTK_BOX (buttons), email, mailto);
    }

  if (phone != NULL)
    {
      g_autofree char *tel = g_strconcat ("tel:", phone, NULL);
      g_autofree char *copy_label = g_strdup_printf (_("Copy the phone number %s"), phone);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, phone);
      gtk_box_append (GTK_BOX (buttons), button_new (_("Copy Number"), copy_label, "win.copy-uri", tel));
    }

  add_contact (self, guide_site_get_contact_name (self->site), text->str, buttons);
}

static void
fill (GuideContactsPopover *self)
{
  GPtrArray *addresses = guide_book_get_addresses (self->book);
  GtkWidget *child;

  guide_address_label_set_label (self->text_label, guide_book_get_contacts_text (self->book));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_box))) != NULL)
    gtk_box_remove (self->contacts_box, child);

  if (self->site != NULL && guide_site_get_contact_name (self->site) != NULL)
    add_site_contact (self);

  for (guint i = 0; i < addresses->len; i++)
    add_address (self, g_ptr_array_index (addresses, i));

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

  g_type_ensure (GUIDE_TYPE_ADDRESS_LABEL);
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
  g_return_if_fail (GUIDE_IS_CONTACTS_POPOVER (self));
  g_return_if_fail (GUIDE_IS_BOOK (book));

  g_set_object (&self->book, book);
  g_set_object (&self->site, site);
  self->filled = FALSE;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    fill (self);
}

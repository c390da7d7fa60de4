/* guide-note-box.c
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

/* A note of the guide: an aside such as "the guest account is temporary", or
 * an update that corrects the original guide, with an optional button. */

#include "guide-address-label.h"
#include "guide-i18n.h"
#include "guide-note-box.h"

struct _GuideNoteBox
{
  AdwBin             parent_instance;

  GtkImage          *icon;
  GtkLabel          *title_label;
  GtkLabel          *text_label;
  GtkLabel          *source_label;
  GtkGrid           *button_box;
  GtkButton         *button;
};

G_DEFINE_FINAL_TYPE (GuideNoteBox, guide_note_box, ADW_TYPE_BIN)

/* Shows @note, in place of the note shown before. */
static void
set_note (GuideNoteBox    *self,
          const GuideNote *note)
{
  gboolean update = g_str_equal (note->kind, "update");

  if (update)
    gtk_widget_add_css_class (GTK_WIDGET (self), "update");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "update");
  gtk_image_set_from_icon_name (self->icon, update ? "dialog-warning-symbolic" : "dialog-information-symbolic");

  gtk_label_set_label (self->title_label,
                       note->title != NULL ? note->title : update ? _("Update") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), note->title != NULL || update);
  guide_address_label_set_text (self->text_label, note->text);
  guide_address_label_set_text (self->source_label, note->source);
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), note->source != NULL);

  if (note->uri != NULL)
    guide_address_label_set_button (self->button, note->label, note->uri);
  gtk_widget_set_visible (GTK_WIDGET (self->button_box), note->uri != NULL);
}

static void
guide_note_box_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GUIDE_TYPE_NOTE_BOX);

  G_OBJECT_CLASS (guide_note_box_parent_class)->dispose (object);
}

static void
guide_note_box_class_init (GuideNoteBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = guide_note_box_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-note-box.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideNoteBox, icon);
  gtk_widget_class_bind_template_child (widget_class, GuideNoteBox, title_label);
  gtk_widget_class_bind_template_child (widget_class, GuideNoteBox, text_label);
  gtk_widget_class_bind_template_child (widget_class, GuideNoteBox, source_label);
  gtk_widget_class_bind_template_child (widget_class, GuideNoteBox, button_box);
  gtk_widget_class_bind_template_child (widget_class, GuideNoteBox, button);

  gtk_widget_class_set_css_name (widget_class, "note");
}

static void
guide_note_box_init (GuideNoteBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * guide_note_box_fill:
 * @box: a vertical box
 * @notes: (element-type GuideNote): the notes to show in it
 *
 * Shows @notes in @box, updating the notes it shows in place, as after a
 * switch of language, which is much cheaper than building them again.
 */
void
guide_note_box_fill (GtkBox    *box,
                     GPtrArray *notes)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
  guint n_notes = notes != NULL ? notes->len : 0;

  for (guint i = 0; i < n_notes; i++, child = gtk_widget_get_next_sibling (child))
    {
      if (child == NULL)
        {
          child = g_object_new (GUIDE_TYPE_NOTE_BOX, NULL);
          gtk_box_append (box, child);
        }
      set_note (GUIDE_NOTE_BOX (child), g_ptr_array_index (notes, i));
    }

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (box, child);
      child = next;
    }

  gtk_widget_set_visible (GTK_WIDGET (box), n_notes > 0);
}

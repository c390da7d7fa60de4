/* guide-presentation-slides.c
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

/* The presentation's slides: their list, one for the title, each stage,
 * each of its steps, the original guide's method that is no longer used
 * (one slide for all its steps: the checklist and the handout keep them),
 * and the contacts; and what the slide shown says, with a QR code for each
 * address. */

#include "guide-i18n.h"
#include "guide-presentation-fit.h"
#include "guide-presentation-private.h"
#include "guide-presentation-slides.h"
#include "guide-qr-code.h"
#include "guide-screenshot.h"
#include "guide-uri.h"

void
guide_presentation_build_slides (GuidePresentation *self)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  GuidePresentationSlide slide = { GUIDE_PRESENTATION_SLIDE_TITLE, 0, 0 };

  g_array_set_size (self->slides, 0);
  g_array_append_val (self->slides, slide);

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      slide = (GuidePresentationSlide) { GUIDE_PRESENTATION_SLIDE_STAGE, i, 0 };
      g_array_append_val (self->slides, slide);

      for (guint j = 0; j < stage->steps->len; j++)
        {
          slide = (GuidePresentationSlide) { GUIDE_PRESENTATION_SLIDE_STEP, i, j };
          g_array_append_val (self->slides, slide);
        }

      if (stage->original_steps->len > 0)
        {
          slide = (GuidePresentationSlide) { GUIDE_PRESENTATION_SLIDE_ORIGINAL, i, 0 };
          g_array_append_val (self->slides, slide);
        }
    }

  slide = (GuidePresentationSlide) { GUIDE_PRESENTATION_SLIDE_CONTACTS, 0, 0 };
  g_array_append_val (self->slides, slide);
}

/* The codes of a slide all have the version of the largest, so that they
 * are drawn at the same size. */
static void
equalise_codes (GuidePresentation *self)
{
  int version = 0;

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    version = MAX (version, guide_qr_code_get_version (GUIDE_QR_CODE (gtk_widget_get_first_child (box))));

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    guide_qr_code_set_min_version (GUIDE_QR_CODE (gtk_widget_get_first_child (box)), version);
}

/* An address for the audience: as a QR code, written out, and what it is. */
static void
add_code (GuidePresentation *self,
          const char        *uri,
          const char        *caption)
{
  g_autofree char *display = guide_uri_get_display (uri);
  g_autofree char *code_name = g_strdup_printf (guide_gettext_in (self->language, "QR code of %s"), uri);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *code = guide_qr_code_new ();
  GtkWidget *address = g_object_new (GUIDE_TYPE_ADDRESS_LABEL,
                                     "label", display,
                                     "max-width-chars", 30,
                                     "justify", GTK_JUSTIFY_CENTER,
                                     NULL);
  GtkWidget *label = gtk_label_new (caption);

  guide_qr_code_set_text (GUIDE_QR_CODE (code), uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (code), GTK_ACCESSIBLE_PROPERTY_LABEL, code_name, -1);
  gtk_widget_set_halign (code, GTK_ALIGN_CENTER);

  gtk_widget_add_css_class (address, "address");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "caption-text");

  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), address);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->codes_box, box);
}

static void
show_notes (GuidePresentation *self,
            GPtrArray         *notes,
            gboolean           codes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      GuideNote *note = g_ptr_array_index (notes, i);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      if (note->title != NULL)
        g_string_append_printf (text, "%s — ", note->title);
      g_string_append (text, note->text);

      if (codes && note->uri != NULL)
        add_code (self, note->uri, note->label);
    }

  guide_address_label_set_label (self->note_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text->len > 0);
}

void
guide_presentation_show_slide (GuidePresentation *self)
{
  const GuidePresentationSlide *slide = &g_array_index (self->slides, GuidePresentationSlide, self->index);
  GPtrArray *stages = guide_book_get_stages (self->book);
  GuideStage *stage = g_ptr_array_index (stages, slide->stage);
  GuideStep *step = NULL;
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GuideScreenshot) screenshot = NULL;
  GtkWidget *child;

  if (slide->kind == GUIDE_PRESENTATION_SLIDE_STEP)
    {
      step = g_ptr_array_index (stage->steps, slide->step);
      if (step->picture != NULL)
        screenshot = guide_screenshot_lookup (step->picture, self->language);
    }
  gtk_picture_set_paintable (self->illustration, GDK_PAINTABLE (screenshot));
  gtk_widget_set_visible (GTK_WIDGET (self->illustration), screenshot != NULL);
  if (screenshot != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->illustration),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, guide_gettext_in (self->language, "Illustration"),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, step->picture_alt,
                                    -1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box))) != NULL)
    gtk_box_remove (self->codes_box, child);
  guide_address_label_set_label (self->note_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);

  switch (slide->kind)
    {
    case GUIDE_PRESENTATION_SLIDE_TITLE:
      where = g_strdup (guide_gettext_in (self->language, "CPMS Access Guide"));
      text = g_strjoinv ("\n\n", guide_book_get_intro (self->book));
      gtk_label_set_label (self->title_label, guide_book_get_title (self->book));
      show_notes (self, guide_book_get_notes (self->book), FALSE);
      break;

    case GUIDE_PRESENTATION_SLIDE_STAGE:
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u of %u"), slide->stage + 1, stages->len);
      text = g_strdup (stage->summary);
      gtk_label_set_label (self->title_label, stage->title);
      show_notes (self, stage->notes, TRUE);
      break;

    case GUIDE_PRESENTATION_SLIDE_STEP:
      /* Translators: where the presentation is, e.g. "Stage 2 · Step 3 of 5". */
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u · Step %u of %u"), slide->stage + 1, slide->step + 1, stage->steps->len);
      text = g_strdup (step->text);
      gtk_label_set_label (self->title_label, stage->title);
      if (step->uri != NULL)
        add_code (self, step->uri, step->label);
      /* A step without an address of its own shows its notes' ones. */
      show_notes (self, step->notes, step->uri == NULL);
      break;

    case GUIDE_PRESENTATION_SLIDE_ORIGINAL:
      /* Translators: where the presentation is, e.g. "Stage 2 · Original guide". */
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u · Original guide"), slide->stage + 1);
      text = g_strdup (stage->original_text);
      gtk_label_set_label (self->title_label, stage->title);
      gtk_label_set_label (self->withdrawn_label, stage->original_title);
      kept = g_strdup_printf (guide_ngettext_in (self->language,
                                                 "Its %u step is kept in the checklist and in the handout.",
                                                 "Its %u steps are kept in the checklist and in the handout.",
                                                 stage->original_steps->len),
                              stage->original_steps->len);
      guide_address_label_set_label (self->note_label, kept);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
      break;

    case GUIDE_PRESENTATION_SLIDE_CONTACTS:
    default:
      where = g_strdup (guide_book_get_title (self->book));
      text = g_strdup (guide_book_get_contacts_text (self->book));
      gtk_label_set_label (self->title_label, guide_gettext_in (self->language, "Help and Contacts"));
      for (guint i = 0; i < guide_book_get_addresses (self->book)->len; i++)
        {
          GuideAddress *address = g_ptr_array_index (guide_book_get_addresses (self->book), i);

          add_code (self, address->uri, address->name);
        }
      break;
    }

  equalise_codes (self);
  gtk_label_set_label (self->where_label, where);
  guide_address_label_set_label (self->text_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), slide->kind == GUIDE_PRESENTATION_SLIDE_TITLE && !self->hints_hidden);

  /* Translators: the slide shown and the number of slides, e.g. "12 / 31". */
  counter = g_strdup_printf (guide_gettext_in (self->language, "%u / %u"), self->index + 1, self->slides->len);
  gtk_label_set_label (self->counter_label, counter);
  gtk_widget_set_visible (GTK_WIDGET (self->counter_label), !self->hints_hidden);
  /* In its corner also when it is alone on its row. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->counter_label), !gtk_widget_get_visible (GTK_WIDGET (self->hint_label)));

  gtk_widget_set_visible (GTK_WIDGET (self->withdrawn_label), slide->kind == GUIDE_PRESENTATION_SLIDE_ORIGINAL);
  gtk_widget_set_visible (GTK_WIDGET (self->done_check), slide->kind == GUIDE_PRESENTATION_SLIDE_STEP);
  /* The toggle this causes marks the step with what it already is: no change. */
  if (slide->kind == GUIDE_PRESENTATION_SLIDE_STEP)
    gtk_check_button_set_active (self->done_check, guide_progress_is_done (self->progress, step->id));

  guide_presentation_fit_slide (self);
  gtk_stack_set_visible_child_name (self->stack, "slide");
}

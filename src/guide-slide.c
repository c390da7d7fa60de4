/* guide-slide.c
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

/* One slide of the presentation: what it says, with a QR code for each
 * address, fitted to the screen. A slide taller than the screen changes its
 * layout, then its type, so that every code is entirely on the screen.
 *
 * The smaller type is a scale on the slide's labels, not a style: a label
 * measures with its attributes at once, where a change of style is only
 * seen at the next frame, with the slide before it. */

#include "guide-address-label.h"
#include "guide-i18n.h"
#include "guide-progress.h"
#include "guide-qr-code.h"
#include "guide-screenshot.h"
#include "guide-slide.h"
#include "guide-uri.h"

struct _GuideSlide
{
  GtkBox             parent_instance;

  GuideProgress     *progress;
  GuideStep         *step;
  const char        *language;
  int                screen_height;
  int                font_size;
  guint              smaller_type;
  GuideSlideKind     kind;

  GtkLabel          *where_label;
  GtkLabel          *title_label;
  GtkLabel          *withdrawn_label;
  GtkLabel          *text_label;
  GtkLabel          *note_label;
  GtkCheckButton    *done_check;
  GtkPicture        *illustration;
  GtkBox            *codes_box;
  GtkLabel          *hint_label;
  GtkLabel          *counter_label;
};

G_DEFINE_FINAL_TYPE (GuideSlide, guide_slide, GTK_TYPE_BOX)

/* The ways a slide can be laid out, tried in this order until it fits. */
typedef struct
{
  gboolean codes_below;
  gboolean codes_side_by_side;
  gboolean small_codes;
  guint    smaller_type;
} Fit;

static const Fit fits[] = {
  { FALSE, FALSE, FALSE, 0 },
  { FALSE, TRUE, FALSE, 0 },
  { TRUE, TRUE, FALSE, 0 },
  { FALSE, TRUE, TRUE, 0 },
  { TRUE, TRUE, TRUE, 0 },
  { FALSE, TRUE, TRUE, 1 },
  { TRUE, TRUE, TRUE, 1 },
  { FALSE, TRUE, TRUE, 2 },
  { TRUE, TRUE, TRUE, 2 },
  { FALSE, TRUE, TRUE, 3 },
  { TRUE, TRUE, TRUE, 3 },
  { FALSE, TRUE, TRUE, 4 },
  { TRUE, TRUE, TRUE, 4 },
  { FALSE, TRUE, TRUE, 5 },
  { TRUE, TRUE, TRUE, 5 },
};

static gboolean
is_scale (PangoAttribute *attribute,
          gpointer        user_data)
{
  return attribute->klass->type == PANGO_ATTR_SCALE;
}

/* Every label of the slide but the counter and the keys' hint, which are
 * the trainer's, the same size on every slide. */
static void
scale_labels (GuideSlide *self,
              GtkWidget  *widget,
              double      scale)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && child != GTK_WIDGET (self->counter_label) && child != GTK_WIDGET (self->hint_label))
        {
          PangoAttrList *current = gtk_label_get_attributes (GTK_LABEL (child));
          g_autoptr(PangoAttrList) attributes = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
          PangoAttrList *removed = pango_attr_list_filter (attributes, is_scale, NULL);

          g_clear_pointer (&removed, pango_attr_list_unref);
          if (scale != 1.0)
            pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
          gtk_label_set_attributes (GTK_LABEL (child), attributes);
        }

      scale_labels (self, child, scale);
    }
}

/* A phone scans a code from the back of the room at a quarter of the
 * screen's height, or 300 pixels on the tallest screens. */
static int
code_side (GuideSlide *self,
           gboolean    small)
{
  int smallest = MIN (self->screen_height / 4, 300);
  gboolean picture = gtk_widget_get_visible (GTK_WIDGET (self->illustration));

  if (small)
    return smallest;

  return MAX (smallest, self->screen_height / (picture ? 4 : 3));
}

static void
apply_fit (GuideSlide *self,
           const Fit  *fit)
{
  int side = code_side (self, fit->small_codes);
  GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (self->codes_box));
  GtkLayoutChild *child = gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (grid),
                                                               GTK_WIDGET (self->codes_box));

  gtk_grid_layout_child_set_column (GTK_GRID_LAYOUT_CHILD (child), fit->codes_below ? 0 : 1);
  gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), fit->codes_below ? 1 : 0);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->codes_box),
                                  fit->codes_side_by_side ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    guide_qr_code_set_side (GUIDE_QR_CODE (gtk_widget_get_first_child (box)), side);

  /* Each smaller type is a tenth smaller, and never under ten pixels. */
  scale_labels (self, GTK_WIDGET (self),
                MAX (self->font_size * (10 - (int) fit->smaller_type) / 10, 10) / (double) self->font_size);

  /* Named on the window, for what looks at the slide from outside. */
  if (fit->smaller_type != self->smaller_type)
    {
      GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
      g_autofree char *old_class = g_strdup_printf ("smaller-%u", self->smaller_type);
      g_autofree char *new_class = g_strdup_printf ("smaller-%u", fit->smaller_type);

      gtk_widget_remove_css_class (window, old_class);
      if (fit->smaller_type > 0)
        gtk_widget_add_css_class (window, new_class);
      self->smaller_type = fit->smaller_type;
    }
}

/* The codes of a slide all have the version of the largest, so that they
 * are drawn at the same size. */
static void
equalise_codes (GuideSlide *self)
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
add_code (GuideSlide *self,
          const char *uri,
          const char *caption)
{
  g_autofree char *display = guide_uri_get_display (uri);
  g_autofree char *code_name = g_strdup_printf (guide_gettext_in (self->language, "QR code of %s"), uri);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *code = guide_qr_code_new (uri);
  GtkWidget *address = guide_address_label_new (display);
  GtkWidget *label = gtk_label_new (caption);

  gtk_accessible_update_property (GTK_ACCESSIBLE (code), GTK_ACCESSIBLE_PROPERTY_LABEL, code_name, -1);
  gtk_widget_set_halign (code, GTK_ALIGN_CENTER);

  gtk_label_set_max_width_chars (GTK_LABEL (address), 30);
  gtk_label_set_justify (GTK_LABEL (address), GTK_JUSTIFY_CENTER);
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
show_notes (GuideSlide *self,
            GPtrArray  *notes,
            gboolean    codes)
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

  guide_address_label_set_text (self->note_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text->len > 0);
}

static void
done_toggled_cb (GuideSlide *self)
{
  if (self->step != NULL)
    guide_progress_set_done (self->progress, self->step->id, gtk_check_button_get_active (self->done_check));
}

static void
guide_slide_dispose (GObject *object)
{
  GuideSlide *self = (GuideSlide *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GUIDE_TYPE_SLIDE);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (guide_slide_parent_class)->dispose (object);
}

static void
guide_slide_class_init (GuideSlideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = guide_slide_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-slide.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, where_label);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, title_label);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, withdrawn_label);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, text_label);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, note_label);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, done_check);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, illustration);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, codes_box);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, hint_label);
  gtk_widget_class_bind_template_child (widget_class, GuideSlide, counter_label);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
}

static void
guide_slide_init (GuideSlide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->progress = guide_progress_new (NULL);
}

/**
 * guide_slide_fit:
 * @screen_height: the screen's height, which sets the QR codes' side
 * @font_size: the type's size, in pixels
 *
 * Gives the slide the first layout that fits @width × @height pixels, or
 * the smallest.
 */
void
guide_slide_fit (GuideSlide *self,
                 int         screen_height,
                 int         font_size,
                 int         width,
                 int         height)
{
  guint n_codes = 0;
  const Fit *tried = NULL;
  int least_width, least_height;

  self->screen_height = screen_height;
  self->font_size = font_size;

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    n_codes++;

  for (guint i = 0; i < G_N_ELEMENTS (fits); i++)
    {
      const Fit *fit = &fits[i];

      /* What makes no difference on this slide is not tried twice. */
      if (tried != NULL && fit->smaller_type == tried->smaller_type &&
          (n_codes == 0 || (fit->codes_below == tried->codes_below &&
                            (n_codes < 2 || fit->codes_side_by_side == tried->codes_side_by_side) &&
                            code_side (self, fit->small_codes) == code_side (self, tried->small_codes))))
        continue;

      tried = fit;
      apply_fit (self, fit);
      gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, &least_width, NULL, NULL, NULL);
      if (least_width > width)
        continue;

      gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, width, &least_height, NULL, NULL, NULL);
      if (least_height <= height)
        return;
    }
}

/**
 * guide_slide_show:
 * @book: the guide, in @language
 * @language: "fr", "it" or "en"
 * @kind: what the slide shows
 * @stage: for a stage's slides, the index of the stage in @book
 * @step: for a step's slide, the index of the step in the stage
 *
 * Shows a slide of @book; the original guide's method has one slide for
 * all its steps, which the checklist and the handout keep.
 */
void
guide_slide_show (GuideSlide     *self,
                  GuideBook      *book,
                  const char     *language,
                  GuideSlideKind  kind,
                  guint           stage_index,
                  guint           step_index)
{
  GPtrArray *stages = guide_book_get_stages (book);
  GuideStage *stage = g_ptr_array_index (stages, stage_index);
  GuideStep *step = NULL;
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GuideScreenshot) screenshot = NULL;
  GtkWidget *child;

  self->language = language;
  self->kind = kind;
  if (kind == GUIDE_SLIDE_STEP)
    {
      step = g_ptr_array_index (stage->steps, step_index);
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
  guide_address_label_set_text (self->note_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);

  switch (kind)
    {
    case GUIDE_SLIDE_TITLE:
      where = g_strdup (guide_gettext_in (self->language, "CPMS Access Guide"));
      text = g_strjoinv ("\n\n", guide_book_get_intro (book));
      gtk_label_set_label (self->title_label, guide_book_get_title (book));
      show_notes (self, guide_book_get_notes (book), FALSE);
      break;

    case GUIDE_SLIDE_STAGE:
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u of %u"), stage_index + 1, stages->len);
      text = g_strdup (stage->summary);
      gtk_label_set_label (self->title_label, stage->title);
      show_notes (self, stage->notes, TRUE);
      break;

    case GUIDE_SLIDE_STEP:
      /* Translators: where the presentation is, e.g. "Stage 2 · Step 3 of 5". */
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u · Step %u of %u"), stage_index + 1, step_index + 1, stage->steps->len);
      text = g_strdup (step->text);
      gtk_label_set_label (self->title_label, stage->title);
      if (step->uri != NULL)
        add_code (self, step->uri, step->label);
      /* A step without an address of its own shows its notes' ones. */
      show_notes (self, step->notes, step->uri == NULL);
      break;

    case GUIDE_SLIDE_ORIGINAL:
      /* Translators: where the presentation is, e.g. "Stage 2 · Original guide". */
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u · Original guide"), stage_index + 1);
      text = g_strdup (stage->original_text);
      gtk_label_set_label (self->title_label, stage->title);
      gtk_label_set_label (self->withdrawn_label, stage->original_title);
      kept = g_strdup_printf (guide_ngettext_in (self->language,
                                                 "Its %u step is kept in the checklist and in the handout.",
                                                 "Its %u steps are kept in the checklist and in the handout.",
                                                 stage->original_steps->len),
                              stage->original_steps->len);
      guide_address_label_set_text (self->note_label, kept);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
      break;

    case GUIDE_SLIDE_CONTACTS:
    default:
      where = g_strdup (guide_book_get_title (book));
      text = g_strdup (guide_book_get_contacts_text (book));
      gtk_label_set_label (self->title_label, guide_gettext_in (self->language, "Help and Contacts"));
      for (guint i = 0; i < guide_book_get_addresses (book)->len; i++)
        {
          GuideAddress *address = g_ptr_array_index (guide_book_get_addresses (book), i);

          add_code (self, address->uri, address->name);
        }
      break;
    }

  equalise_codes (self);
  gtk_label_set_label (self->where_label, where);
  guide_address_label_set_text (self->text_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->withdrawn_label), kind == GUIDE_SLIDE_ORIGINAL);
  gtk_widget_set_visible (GTK_WIDGET (self->done_check), kind == GUIDE_SLIDE_STEP);
  /* The toggle this causes marks the step with what it already is: no change. */
  self->step = step;
  if (step != NULL)
    gtk_check_button_set_active (self->done_check, guide_progress_is_done (self->progress, step->id));
}

/**
 * guide_slide_set_counter:
 * @index: the slide's place among the slides, from 0
 * @hints: whether the counter and, on the title slide, the keys are shown
 */
void
guide_slide_set_counter (GuideSlide *self,
                         guint       index,
                         guint       n_slides,
                         gboolean    hints)
{
  g_autofree char *counter = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), self->kind == GUIDE_SLIDE_TITLE && hints);
  /* Translators: the slide shown and the number of slides, e.g. "12 / 31". */
  counter = g_strdup_printf (guide_gettext_in (self->language, "%u / %u"), index + 1, n_slides);
  gtk_label_set_label (self->counter_label, counter);
  gtk_widget_set_visible (GTK_WIDGET (self->counter_label), hints);
  /* In its corner also when it is alone on its row. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->counter_label), !gtk_widget_get_visible (GTK_WIDGET (self->hint_label)));
}

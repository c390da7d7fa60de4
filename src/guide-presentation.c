/* guide-presentation.c
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

/* The guide as slides, for trainers who project it in a workshop: one
 * sub-step a screen, in type that can be read from the back of the room,
 * with each address written out and as a QR code for the audience's phones.
 * The keys are those presentation clickers send. Ticking steps here is a
 * demonstration: nothing is saved, neither progress nor settings.
 *
 * Sizes come from the screen, never from the window: the window is as large
 * as its content asks, so type that followed the window would grow the
 * window that grows the type. A slide whose content is taller than the
 * screen changes its layout instead (QR codes side by side, smaller codes,
 * then smaller type on that slide alone), so that the window is never
 * larger than the screen and every code is entirely on it. */

#include "guide-i18n.h"
#include "guide-illustration.h"
#include "guide-library.h"
#include "guide-presentation.h"
#include "guide-progress.h"
#include "guide-qr-code.h"
#include "guide-uri.h"

typedef enum
{
  SLIDE_TITLE,
  SLIDE_STAGE,
  SLIDE_STEP,
  SLIDE_ORIGINAL_STEP,
  SLIDE_CONTACTS,
} SlideKind;

typedef struct
{
  SlideKind kind;
  guint     stage;
  guint     step;
} Slide;

/* The ways a slide can be laid out, tried in this order until it fits. */
typedef struct
{
  gboolean codes_side_by_side;
  gboolean small_codes;
  guint    smaller_type;
} Fit;

static const Fit fits[] = {
  { FALSE, FALSE, 0 },
  { TRUE, FALSE, 0 },
  { TRUE, TRUE, 0 },
  { TRUE, TRUE, 1 },
  { TRUE, TRUE, 2 },
  { TRUE, TRUE, 3 },
  { TRUE, TRUE, 4 },
  { TRUE, TRUE, 5 },
};

/* Each smaller type is a tenth smaller than the one before. */
#define N_SMALLER_TYPES 5

/* Type that reads from the back of a room: 28 pixels at 1080 lines. */
#define LINES_PER_SCREEN 38

struct _GuidePresentation
{
  AdwWindow          parent_instance;

  GuideLibrary      *library;
  GuideBook         *book;
  GuideProgress     *progress;
  const char        *language;
  GArray            *slides;
  guint              index;
  GtkCssProvider    *provider;
  int                screen_width;
  int                screen_height;
  int                content_width;
  int                content_height;
  guint              fit_source;
  int                font_size;
  guint              smaller_type;
  gboolean           hints_hidden;

  GtkStack          *stack;
  GtkLabel          *where_label;
  GtkLabel          *title_label;
  GtkLabel          *withdrawn_label;
  GtkLabel          *text_label;
  GtkLabel          *note_label;
  GtkCheckButton    *done_check;
  GuideIllustration *illustration;
  GtkBox            *codes_box;
  GtkLabel          *hint_label;
  GtkLabel          *counter_label;
};

G_DEFINE_FINAL_TYPE (GuidePresentation, guide_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
build_slides (GuidePresentation *self)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  Slide slide = { SLIDE_TITLE, 0, 0 };

  g_array_set_size (self->slides, 0);
  g_array_append_val (self->slides, slide);

  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      slide = (Slide) { SLIDE_STAGE, i, 0 };
      g_array_append_val (self->slides, slide);

      for (guint j = 0; j < stage->steps->len; j++)
        {
          slide = (Slide) { SLIDE_STEP, i, j };
          g_array_append_val (self->slides, slide);
        }

      for (guint j = 0; j < stage->original_steps->len; j++)
        {
          slide = (Slide) { SLIDE_ORIGINAL_STEP, i, j };
          g_array_append_val (self->slides, slide);
        }
    }

  slide = (Slide) { SLIDE_CONTACTS, 0, 0 };
  g_array_append_val (self->slides, slide);
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
  GtkWidget *address = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (caption);

  guide_qr_code_set_text (GUIDE_QR_CODE (code), uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (code), GTK_ACCESSIBLE_PROPERTY_LABEL, code_name, -1);
  gtk_widget_set_halign (code, GTK_ALIGN_CENTER);

  gtk_label_set_wrap (GTK_LABEL (address), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (address), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (address), 30);
  guide_uri_label_set_text (GTK_LABEL (address), display);
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

  guide_uri_label_set_text (self->note_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text->len > 0);
}

/* The side of a QR code, in pixels: a phone scans it from the back of the
 * room at a quarter of the screen's height, a third when no picture is
 * beside it; a slide short of room can go down to a quarter, or to 300
 * pixels on the tallest screens, which are still enough. */
static int
code_side (GuidePresentation *self,
           gboolean           small)
{
  int smallest = MIN (self->screen_height / 4, 300);
  gboolean picture = gtk_widget_get_visible (GTK_WIDGET (self->illustration));

  if (small)
    return smallest;

  return MAX (smallest, self->screen_height / (picture ? 4 : 3));
}

static void
apply_fit (GuidePresentation *self,
           const Fit         *fit)
{
  int side = code_side (self, fit->small_codes);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->codes_box),
                                  fit->codes_side_by_side ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    guide_qr_code_set_side (GUIDE_QR_CODE (gtk_widget_get_first_child (box)), side);

  if (fit->smaller_type != self->smaller_type)
    {
      g_autofree char *old_class = g_strdup_printf ("smaller-%u", self->smaller_type);
      g_autofree char *new_class = g_strdup_printf ("smaller-%u", fit->smaller_type);

      gtk_widget_remove_css_class (GTK_WIDGET (self), old_class);
      if (fit->smaller_type > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self), new_class);
      self->smaller_type = fit->smaller_type;
    }
}

static gboolean
slide_fits (GuidePresentation *self)
{
  GtkWidget *content = GTK_WIDGET (self->stack);
  int width, height;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  if (width > self->content_width)
    return FALSE;

  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, self->content_width, &height, NULL, NULL, NULL);
  return height <= self->content_height;
}

/* The first layout of the slide that fits the screen, or the smallest. Ways
 * that change nothing on this slide are not measured again. */
static void
fit_slide (GuidePresentation *self)
{
  guint n_codes = 0;
  const Fit *tried = NULL;

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    n_codes++;

  for (guint i = 0; i < G_N_ELEMENTS (fits); i++)
    {
      const Fit *fit = &fits[i];

      if (tried != NULL && fit->smaller_type == tried->smaller_type &&
          (n_codes < 2 || fit->codes_side_by_side == tried->codes_side_by_side) &&
          (n_codes == 0 || code_side (self, fit->small_codes) == code_side (self, tried->small_codes)))
        continue;

      tried = fit;
      apply_fit (self, fit);
      if (slide_fits (self))
        return;
    }
}

static void
show_slide (GuidePresentation *self)
{
  const Slide *slide = &g_array_index (self->slides, Slide, self->index);
  GPtrArray *stages = guide_book_get_stages (self->book);
  GuideStage *stage = g_ptr_array_index (stages, slide->stage);
  GuideStep *step = NULL;
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  g_autofree char *counter = NULL;
  g_autoptr(GuideScreenshot) screenshot = NULL;
  GtkWidget *child;

  if (slide->kind == SLIDE_STEP || slide->kind == SLIDE_ORIGINAL_STEP)
    {
      step = g_ptr_array_index (slide->kind == SLIDE_STEP ? stage->steps : stage->original_steps, slide->step);
      if (step->picture != NULL)
        screenshot = guide_screenshot_lookup (step->picture, self->language);
    }
  guide_illustration_set_screenshot (self->illustration, screenshot);
  gtk_widget_set_visible (GTK_WIDGET (self->illustration), screenshot != NULL);
  if (screenshot != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->illustration),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, guide_gettext_in (self->language, "Illustration"),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, step->picture_alt,
                                    -1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box))) != NULL)
    gtk_box_remove (self->codes_box, child);
  gtk_label_set_label (self->note_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);

  switch (slide->kind)
    {
    case SLIDE_TITLE:
      where = g_strdup (guide_gettext_in (self->language, "CPMS Access Guide"));
      text = g_strjoinv ("\n\n", guide_book_get_intro (self->book));
      gtk_label_set_label (self->title_label, guide_book_get_title (self->book));
      show_notes (self, guide_book_get_notes (self->book), FALSE);
      break;

    case SLIDE_STAGE:
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u of %u"), slide->stage + 1, stages->len);
      text = g_strdup (stage->summary);
      gtk_label_set_label (self->title_label, stage->title);
      show_notes (self, stage->notes, TRUE);
      break;

    case SLIDE_STEP:
      /* Translators: where the presentation is, e.g. "Stage 2 · Step 3 of 5". */
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u · Step %u of %u"), slide->stage + 1, slide->step + 1, stage->steps->len);
      text = g_strdup (step->text);
      gtk_label_set_label (self->title_label, stage->title);
      if (step->uri != NULL)
        add_code (self, step->uri, step->label);
      /* A step without an address of its own shows its notes' ones. */
      show_notes (self, step->notes, step->uri == NULL);
      break;

    case SLIDE_ORIGINAL_STEP:
      /* Translators: where the presentation is, e.g. "Stage 2 · Original guide, step 3 of 5". */
      where = g_strdup_printf (guide_gettext_in (self->language, "Stage %u · Original guide, step %u of %u"),
                               slide->stage + 1, slide->step + 1, stage->original_steps->len);
      text = g_strdup (step->text);
      gtk_label_set_label (self->title_label, stage->title);
      gtk_label_set_label (self->withdrawn_label, stage->original_title);
      show_notes (self, step->notes, TRUE);
      break;

    case SLIDE_CONTACTS:
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

  gtk_label_set_label (self->where_label, where);
  guide_uri_label_set_text (self->text_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), slide->kind == SLIDE_TITLE && !self->hints_hidden);

  /* Translators: the slide shown and the number of slides, e.g. "12 / 31". */
  counter = g_strdup_printf (guide_gettext_in (self->language, "%u / %u"), self->index + 1, self->slides->len);
  gtk_label_set_label (self->counter_label, counter);
  gtk_widget_set_visible (GTK_WIDGET (self->counter_label), !self->hints_hidden);
  /* In its corner also when it is alone on its row. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->counter_label), !gtk_widget_get_visible (GTK_WIDGET (self->hint_label)));

  gtk_widget_set_visible (GTK_WIDGET (self->withdrawn_label), slide->kind == SLIDE_ORIGINAL_STEP);
  gtk_widget_set_visible (GTK_WIDGET (self->done_check), slide->kind == SLIDE_STEP);
  /* The toggle this causes marks the step with what it already is: no change. */
  if (slide->kind == SLIDE_STEP)
    gtk_check_button_set_active (self->done_check, guide_progress_is_done (self->progress, step->id));

  fit_slide (self);
  gtk_stack_set_visible_child_name (self->stack, "slide");
}

static void
go_to (GuidePresentation *self,
       int                index)
{
  self->index = CLAMP (index, 0, (int) self->slides->len - 1);
  show_slide (self);
}

static void
done_toggled_cb (GuidePresentation *self)
{
  const Slide *slide = &g_array_index (self->slides, Slide, self->index);
  GuideStage *stage = guide_book_get_stage (self->book, slide->stage);
  GuideStep *step;

  if (slide->kind != SLIDE_STEP)
    return;

  step = g_ptr_array_index (stage->steps, slide->step);
  /* A demonstration's progress is kept in memory only. */
  guide_progress_set_done (self->progress, step->id, gtk_check_button_get_active (self->done_check));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  go_to (self, self->index + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  go_to (self, (int) self->index - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  go_to (GUIDE_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  go_to (self, self->slides->len - 1);
}

static void
stage_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);
  guint stage = g_variant_get_int32 (parameter);

  for (guint i = 0; i < self->slides->len; i++)
    {
      const Slide *slide = &g_array_index (self->slides, Slide, i);

      if (slide->kind == SLIDE_STAGE && slide->stage == stage)
        {
          go_to (self, i);
          return;
        }
    }
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);
  gboolean blank = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "blank") == 0;

  gtk_stack_set_visible_child_name (self->stack, blank ? "slide" : "blank");
}

/* The keys and the slide counter help the trainer, not the audience. */
static void
hints_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  self->hints_hidden = !self->hints_hidden;
  show_slide (self);
}

/* The next language, fr → it → en → fr, in place, for this window only: the
 * user's own choice in the settings is left as it is. */
static void
language_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  self->language = g_str_equal (self->language, "fr") ? "it" :
                   g_str_equal (self->language, "it") ? "en" : "fr";
  g_set_object (&self->book, guide_library_get_book (self->library, self->language));
  guide_i18n_translate_widget_in (widget, self->language);
  show_slide (self);
}

/* The type of every slide, and the smaller ones a slide that does not fit
 * steps down to. */
static void
load_type_sizes (GuidePresentation *self)
{
  g_autoptr(GString) css = g_string_new (NULL);

  g_string_append_printf (css, "window.presentation { font-size: %dpx; }\n", self->font_size);
  for (guint i = 1; i <= N_SMALLER_TYPES; i++)
    g_string_append_printf (css, "window.presentation.smaller-%u { font-size: %dpx; }\n",
                            i, MAX (self->font_size * (10 - (int) i) / 10, 10));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->provider, css->str);
#else
  gtk_css_provider_load_from_data (self->provider, css->str, -1);
#endif
}

static void
set_monitor (GuidePresentation *self,
             GdkMonitor        *monitor)
{
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width == self->screen_width && geometry.height == self->screen_height)
    return;

  self->screen_width = self->content_width = geometry.width;
  self->screen_height = self->content_height = geometry.height;
  self->font_size = MAX (geometry.height / LINES_PER_SCREEN, 14);
  load_type_sizes (self);

  if (self->slides->len > 0)
    show_slide (self);
}

static void
enter_monitor_cb (GuidePresentation *self,
                  GdkMonitor        *monitor)
{
  set_monitor (self, monitor);
}

static gboolean
fit_slide_cb (gpointer user_data)
{
  GuidePresentation *self = GUIDE_PRESENTATION (user_data);

  self->fit_source = 0;
  fit_slide (self);

  return G_SOURCE_REMOVE;
}

/* The slides are first fitted to the whole screen; the window may have a
 * little less (a frame, without a compositor), known once it has a size.
 * That size comes from the screen, never from the slide, so this happens
 * once. */
static void
guide_presentation_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);
  int content_width, content_height;

  GTK_WIDGET_CLASS (guide_presentation_parent_class)->size_allocate (widget, width, height, baseline);

  content_width = gtk_widget_get_width (GTK_WIDGET (self->stack));
  content_height = gtk_widget_get_height (GTK_WIDGET (self->stack));
  if (content_width > 0 && content_height > 0 &&
      (content_width != self->content_width || content_height != self->content_height))
    {
      self->content_width = content_width;
      self->content_height = content_height;
      if (self->fit_source == 0)
        self->fit_source = g_idle_add (fit_slide_cb, self);
    }
}

/* The window takes the whole screen, and each slide is laid out to fit it
 * (fit_slide()). A minimum computed from the content would be the height of
 * its text wrapped at its narrowest, thousands of pixels, which GtkWindow
 * would give the window, past the bottom of the screen. */
static void
guide_presentation_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GTK_WIDGET_CLASS (guide_presentation_parent_class)->measure (widget, orientation, for_size,
                                                              minimum, natural,
                                                              minimum_baseline, natural_baseline);
  *minimum = 0;
}

static void
guide_presentation_realize (GtkWidget *widget)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  GTK_WIDGET_CLASS (guide_presentation_parent_class)->realize (widget);

  /* The window manager may put the window on another screen than the one
   * asked for. */
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "enter-monitor",
                           G_CALLBACK (enter_monitor_cb), self, G_CONNECT_SWAPPED);
}

static void
guide_presentation_dispose (GObject *object)
{
  GuidePresentation *self = (GuidePresentation *)object;

  if (self->provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->provider));

  g_clear_handle_id (&self->fit_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GUIDE_TYPE_PRESENTATION);
  g_clear_object (&self->library);
  g_clear_object (&self->book);
  g_clear_object (&self->progress);
  g_clear_object (&self->provider);

  G_OBJECT_CLASS (guide_presentation_parent_class)->dispose (object);
}

static void
guide_presentation_finalize (GObject *object)
{
  GuidePresentation *self = (GuidePresentation *)object;

  g_array_unref (self->slides);

  G_OBJECT_CLASS (guide_presentation_parent_class)->finalize (object);
}

/* The screen of the window the user is in, or else the first one. */
static GdkMonitor *
choose_monitor (GuidePresentation *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *window = application != NULL ? gtk_application_get_active_window (application) : NULL;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  if (window != NULL && gtk_widget_get_realized (GTK_WIDGET (window)))
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (display, gtk_native_get_surface (GTK_NATIVE (window)));

      if (monitor != NULL)
        return g_object_ref (monitor);
    }

  return g_list_model_get_item (gdk_display_get_monitors (display), 0);
}

static void
guide_presentation_constructed (GObject *object)
{
  GuidePresentation *self = GUIDE_PRESENTATION (object);
  g_autoptr(GdkMonitor) monitor = NULL;

  G_OBJECT_CLASS (guide_presentation_parent_class)->constructed (object);

  self->book = g_object_ref (guide_library_get_book (self->library, self->language));

  /* The sizes are known before the first frame, from the screen it is asked
   * for. */
  monitor = choose_monitor (self);
  set_monitor (self, monitor);

  guide_i18n_translate_widget_in (GTK_WIDGET (self), self->language);
  build_slides (self);
  go_to (self, 0);
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
}

static void
guide_presentation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GuidePresentation *self = GUIDE_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_intern_string (g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_presentation_class_init (GuidePresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = guide_presentation_constructed;
  object_class->set_property = guide_presentation_set_property;
  object_class->dispose = guide_presentation_dispose;
  object_class->finalize = guide_presentation_finalize;
  widget_class->measure = guide_presentation_measure;
  widget_class->size_allocate = guide_presentation_size_allocate;
  widget_class->realize = guide_presentation_realize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, where_label);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, withdrawn_label);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, text_label);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, note_label);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, done_check);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, illustration);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, codes_box);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, hint_label);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, counter_label);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.stage", "i", stage_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.language", NULL, language_action);
  gtk_widget_class_install_action (widget_class, "presentation.hints", NULL, hints_action);

  /**
   * GuidePresentation:library:
   *
   * The guides, one per language.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GUIDE_TYPE_LIBRARY,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuidePresentation:language:
   *
   * The language the slides start in, "fr", "it" or "en". L switches it
   * for this window only.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "fr",
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GUIDE_TYPE_ILLUSTRATION);
  g_type_ensure (GUIDE_TYPE_QR_CODE);
}

/* The keys presentation clickers and keyboards send. They are caught before
 * any widget sees them, so that Space and Enter never tick a box. */
static void
add_keys (GuidePresentation *self)
{
  static const struct { guint key; const char *action; int stage; } keys[] = {
    { GDK_KEY_Right, "presentation.next", -1 },
    { GDK_KEY_Down, "presentation.next", -1 },
    { GDK_KEY_Page_Down, "presentation.next", -1 },
    { GDK_KEY_space, "presentation.next", -1 },
    { GDK_KEY_Return, "presentation.next", -1 },
    { GDK_KEY_KP_Enter, "presentation.next", -1 },
    { GDK_KEY_Left, "presentation.previous", -1 },
    { GDK_KEY_Up, "presentation.previous", -1 },
    { GDK_KEY_Page_Up, "presentation.previous", -1 },
    { GDK_KEY_BackSpace, "presentation.previous", -1 },
    { GDK_KEY_Home, "presentation.first", -1 },
    { GDK_KEY_End, "presentation.last", -1 },
    { GDK_KEY_b, "presentation.blank", -1 },
    { GDK_KEY_period, "presentation.blank", -1 },
    { GDK_KEY_h, "presentation.hints", -1 },
    { GDK_KEY_l, "presentation.language", -1 },
    { GDK_KEY_1, "presentation.stage", 0 },
    { GDK_KEY_2, "presentation.stage", 1 },
    { GDK_KEY_3, "presentation.stage", 2 },
    { GDK_KEY_4, "presentation.stage", 3 },
    { GDK_KEY_Escape, "window.close", -1 },
    { GDK_KEY_F5, "window.close", -1 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                gtk_named_action_new (keys[i].action));

      if (keys[i].stage >= 0)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].stage));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
guide_presentation_init (GuidePresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slides = g_array_new (FALSE, FALSE, sizeof (Slide));
  self->progress = guide_progress_new (NULL);
  self->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  add_keys (self);
}

/**
 * guide_presentation_new:
 * @application: the application the window belongs to
 * @library: the guides, one per language
 * @language: the language to start in: "fr", "it" or "en"
 *
 * Returns: (transfer none): a presentation of the guide, fullscreen, in
 *   @language, from its first slide
 */
GtkWidget *
guide_presentation_new (GtkApplication *application,
                        GuideLibrary   *library,
                        const char     *language)
{
  return g_object_new (GUIDE_TYPE_PRESENTATION,
                       "application", application,
                       "library", library,
                       "language", language,
                       NULL);
}

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
 * Ticking steps here is a demonstration: nothing is saved. The window has
 * the list of slides, the keys and the screen's type; GuideSlide has what a
 * slide says and its fitting to the screen. */

#include "guide-i18n.h"
#include "guide-presentation.h"
#include "guide-slide.h"

/* A slide, by what it shows: the stage and step are indexes in the guide. */
typedef struct
{
  GuideSlideKind kind;
  guint          stage;
  guint          step;
} Slide;

struct _GuidePresentation
{
  AdwWindow          parent_instance;

  GuideLibrary      *library;
  GuideBook         *book;
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
  gboolean           hints_hidden;

  GtkScrolledWindow *scroller;
  GtkStack          *stack;
  GuideSlide        *slide;
};

G_DEFINE_FINAL_TYPE (GuidePresentation, guide_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Type that reads from the back of a room: 28 pixels at 1080 lines. */
#define LINES_PER_SCREEN 38

static void
load_type_sizes (GuidePresentation *self)
{
  g_autoptr(GString) css = g_string_new (NULL);

  g_string_append_printf (css, "window.presentation { font-size: %dpx; }\n", self->font_size);
  /* The counter and the keys' hint are the trainer's, not the slide's: the
   * same size on every slide. */
  g_string_append_printf (css, "window.presentation .counter { font-size: %dpx; }\n", MAX (self->font_size * 6 / 10, 10));
  g_string_append_printf (css, "window.presentation .hint { font-size: %dpx; }\n", MAX (self->font_size * 3 / 4, 10));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->provider, css->str);
#else
  gtk_css_provider_load_from_data (self->provider, css->str, -1);
#endif
}

/* The list of slides, from the guide: the title, then each stage followed
 * by its steps and its original guide's steps, then the contacts. */
static void
build_slides (GuidePresentation *self)
{
  GPtrArray *stages = guide_book_get_stages (self->book);
  Slide slide = { GUIDE_SLIDE_TITLE, 0, 0 };

  g_array_append_val (self->slides, slide);
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);

      slide = (Slide) { GUIDE_SLIDE_STAGE, i, 0 };
      g_array_append_val (self->slides, slide);
      for (guint j = 0; j < stage->steps->len; j++)
        {
          slide = (Slide) { GUIDE_SLIDE_STEP, i, j };
          g_array_append_val (self->slides, slide);
        }
      if (stage->original_steps->len > 0)
        {
          slide = (Slide) { GUIDE_SLIDE_ORIGINAL, i, 0 };
          g_array_append_val (self->slides, slide);
        }
    }

  slide = (Slide) { GUIDE_SLIDE_CONTACTS, 0, 0 };
  g_array_append_val (self->slides, slide);
}

static void
show_slide (GuidePresentation *self)
{
  const Slide *slide = &g_array_index (self->slides, Slide, self->index);

  guide_slide_show (self->slide, self->book, self->language, slide->kind, slide->stage, slide->step);
  guide_slide_set_counter (self->slide, self->index, self->slides->len, !self->hints_hidden);
  guide_slide_fit (self->slide, self->screen_height, self->font_size, self->content_width, self->content_height);
  gtk_stack_set_visible_child_name (self->stack, "slide");
}

/* Sizes come from the screen, never from the window: the window is as large
 * as its content asks, so type that followed the window would grow the
 * window that grows the type. */
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
  show_slide (self);
}

static void
go_to (GuidePresentation *self,
       int                index)
{
  self->index = CLAMP (index, 0, (int) self->slides->len - 1);
  show_slide (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  if (g_str_equal (action_name, "presentation.next"))
    go_to (self, self->index + 1);
  else if (g_str_equal (action_name, "presentation.previous"))
    go_to (self, (int) self->index - 1);
  else if (g_str_equal (action_name, "presentation.first"))
    go_to (self, 0);
  else
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

      if (slide->kind == GUIDE_SLIDE_STAGE && slide->stage == stage)
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

static gboolean
fit_slide_cb (gpointer user_data)
{
  GuidePresentation *self = GUIDE_PRESENTATION (user_data);

  self->fit_source = 0;
  guide_slide_fit (self->slide, self->screen_height, self->font_size, self->content_width, self->content_height);

  return G_SOURCE_REMOVE;
}

/* The slides are first fitted to the whole screen; the window may have a
 * little less (a frame, without a compositor), known once it has a size. */
static void
guide_presentation_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);
  int content_width, content_height;

  GTK_WIDGET_CLASS (guide_presentation_parent_class)->size_allocate (widget, width, height, baseline);

  content_width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  content_height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  if (content_width > 0 && content_height > 0 &&
      (content_width != self->content_width || content_height != self->content_height))
    {
      self->content_width = content_width;
      self->content_height = content_height;
      if (self->fit_source == 0)
        self->fit_source = g_idle_add (fit_slide_cb, self);
    }
}

static void
guide_presentation_realize (GtkWidget *widget)
{
  GuidePresentation *self = GUIDE_PRESENTATION (widget);

  GTK_WIDGET_CLASS (guide_presentation_parent_class)->realize (widget);

  /* The window manager may put the window on another screen. */
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "enter-monitor",
                           G_CALLBACK (set_monitor), self, G_CONNECT_SWAPPED);
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

static void
guide_presentation_constructed (GObject *object)
{
  GuidePresentation *self = GUIDE_PRESENTATION (object);
  g_autoptr(GdkMonitor) monitor = NULL;

  G_OBJECT_CLASS (guide_presentation_parent_class)->constructed (object);

  self->book = g_object_ref (guide_library_get_book (self->library, self->language));

  guide_i18n_translate_widget_in (GTK_WIDGET (self), self->language);
  build_slides (self);

  /* The first slide is fitted before the first frame, to the first screen. */
  monitor = g_list_model_get_item (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))), 0);
  set_monitor (self, monitor);
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
  widget_class->size_allocate = guide_presentation_size_allocate;
  widget_class->realize = guide_presentation_realize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, scroller);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, GuidePresentation, slide);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.stage", "i", stage_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.language", NULL, language_action);
  gtk_widget_class_install_action (widget_class, "presentation.hints", NULL, hints_action);

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GUIDE_TYPE_LIBRARY,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The language the slides start in; L switches it for this window only. */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "fr",
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GUIDE_TYPE_SLIDE);
}

static void
guide_presentation_init (GuidePresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slides = g_array_new (FALSE, FALSE, sizeof (Slide));
  self->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * guide_presentation_new:
 * @language: the language to start in: "fr", "it" or "en"
 *
 * Returns: (transfer none): a presentation of the guide, fullscreen
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

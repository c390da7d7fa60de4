/* guide-presentation-private.h
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

/* The instance of GuidePresentation, shared by the class (its actions, keys
 * and screen), the slides (guide-presentation-slides.c) and their fitting to
 * the screen (guide-presentation-fit.c). */

#pragma once

#include "guide-address-label.h"
#include "guide-presentation.h"
#include "guide-progress.h"

G_BEGIN_DECLS

typedef enum
{
  GUIDE_PRESENTATION_SLIDE_TITLE,
  GUIDE_PRESENTATION_SLIDE_STAGE,
  GUIDE_PRESENTATION_SLIDE_STEP,
  GUIDE_PRESENTATION_SLIDE_ORIGINAL,
  GUIDE_PRESENTATION_SLIDE_CONTACTS,
} GuidePresentationSlideKind;

/* A slide, by what it shows: the stage and step are indexes into the
 * guide's stages and into the stage's steps or original steps. */
typedef struct
{
  GuidePresentationSlideKind kind;
  guint                      stage;
  guint                      step;
} GuidePresentationSlide;

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

  GtkScrolledWindow *scroller;
  GtkStack          *stack;
  GtkLabel          *where_label;
  GtkLabel          *title_label;
  GtkLabel          *withdrawn_label;
  GuideAddressLabel *text_label;
  GuideAddressLabel *note_label;
  GtkCheckButton    *done_check;
  GtkPicture        *illustration;
  GtkBox            *codes_box;
  GtkLabel          *hint_label;
  GtkLabel          *counter_label;
};

G_END_DECLS

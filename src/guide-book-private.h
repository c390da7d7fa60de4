/* guide-book-private.h
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

/* The instance of GuideBook, shared by the model (guide-book.c) and the
 * reading of a guide from its JSON, which fills it in (guide-book-schema.c). */

#pragma once

#include "guide-book.h"

G_BEGIN_DECLS

struct _GuideBook
{
  GObject    parent_instance;

  char      *language;
  char      *title;
  GStrv      intro;
  GPtrArray *notes;
  char      *contacts_text;
  GPtrArray *addresses;
  GPtrArray *sources;
  GPtrArray *stages;
  guint      n_steps;
};

G_END_DECLS

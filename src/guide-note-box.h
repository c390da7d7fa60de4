/* guide-note-box.h
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

#pragma once

#include <adwaita.h>

#include "guide-book.h"

G_BEGIN_DECLS

#define GUIDE_TYPE_NOTE_BOX (guide_note_box_get_type ())

G_DECLARE_FINAL_TYPE (GuideNoteBox, guide_note_box, GUIDE, NOTE_BOX, AdwBin)

void guide_note_box_fill (GtkBox    *box,
                          GPtrArray *notes);

G_END_DECLS

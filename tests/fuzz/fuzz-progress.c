/* fuzz-progress.c
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

/* Any bytes as the user's progress.json. */

#include "guide-progress.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GuideProgress) progress = guide_progress_new (NULL);
  gboolean newer;

  if (guide_progress_load_from_data (progress, (const char *) data, size, &newer))
    {
      if (guide_progress_get_current_step (progress) != NULL)
        guide_progress_is_done (progress, guide_progress_get_current_step (progress));
      guide_progress_set_done (progress, "fuzz.step", TRUE);
    }

  return 0;
}

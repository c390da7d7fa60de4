/* guide-progress-book.c
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

/* Progress read against the guide: what is done in a stage, the upgrade of
 * an older file to the guide's current steps, and how long the user has
 * been waiting for the administrators. */

#include "guide-progress-private.h"

/* IDs are stable by design (data/guide/README.md), so naming them here is
 * safe. The request to the helpdesk starts the wait for access to CPMS 2.0;
 * the original guide's "Submit request access" went to the former CPMS. */
#define REQUEST_STEP_ID "cpms-access.write-helpdesk"
#define FORMER_REQUEST_STEP_ID "cpms-access.submit"
/* Version 1 of the file predates the end of SMS codes, when stage 2's
 * original method was still a way to finish it. */
#define SMS_STAGE_ID "two-factor"

static guint
count_steps_done (GuideProgress *self,
                  GPtrArray     *steps)
{
  guint n_done = 0;

  for (guint i = 0; i < steps->len; i++)
    n_done += g_hash_table_contains (self->done, ((GuideStep *) g_ptr_array_index (steps, i))->id);

  return n_done;
}

/**
 * guide_progress_count_done:
 * @book: the guide
 * @stage: (nullable): one of the stages of @book, or %NULL for all of them
 *
 * Returns: how many steps of @stage, or of the whole guide, are done; the
 *   original guide's steps for a withdrawn method never count
 */
guint
guide_progress_count_done (GuideProgress    *self,
                           GuideBook        *book,
                           const GuideStage *stage)
{
  GPtrArray *stages;
  guint n_done = 0;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), 0);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), 0);

  if (stage != NULL)
    return count_steps_done (self, stage->steps);

  stages = guide_book_get_stages (book);
  for (guint i = 0; i < stages->len; i++)
    n_done += count_steps_done (self, ((GuideStage *) g_ptr_array_index (stages, i))->steps);

  return n_done;
}

/* When the last of @steps was marked done, or %NULL unless all of them are. */
static GDateTime *
last_done (GuideProgress *self,
           GPtrArray     *steps)
{
  GDateTime *last = NULL;

  for (guint i = 0; i < steps->len; i++)
    {
      GDateTime *time = g_hash_table_lookup (self->done, ((GuideStep *) g_ptr_array_index (steps, i))->id);

      if (time == NULL)
        return NULL;
      if (last == NULL || g_date_time_compare (time, last) > 0)
        last = time;
    }

  return last;
}

/**
 * guide_progress_upgrade:
 * @book: the guide
 * @error: a location for a #GError
 *
 * Brings progress saved by version 1 of the file up to date with @book. If
 * the original guide's SMS steps of stage 2 were all marked done, the stage
 * was finished then: it stays finished, its current steps being marked done
 * at the time of the last SMS one. No other stage is finished this way: a
 * request to the former CPMS is not a request for CPMS 2.0. The marks of the
 * original steps are kept, and count for nothing. This is done once: the
 * file is saved as version 2.
 *
 * Returns: %TRUE unless saving failed
 */
gboolean
guide_progress_upgrade (GuideProgress  *self,
                        GuideBook      *book,
                        GError        **error)
{
  GPtrArray *stages;
  gboolean changed = FALSE;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), FALSE);

  if (self->version_read == 0 || self->version_read >= GUIDE_PROGRESS_VERSION)
    return TRUE;

  self->version_read = GUIDE_PROGRESS_VERSION;
  stages = guide_book_get_stages (book);
  for (guint i = 0; i < stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (stages, i);
      GDateTime *last = g_str_equal (stage->id, SMS_STAGE_ID) ? last_done (self, stage->original_steps) : NULL;

      for (guint j = 0; last != NULL && j < stage->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (stage->steps, j);

          if (!g_hash_table_contains (self->done, step->id))
            {
              g_hash_table_insert (self->done, g_strdup (step->id), g_date_time_ref (last));
              changed = TRUE;
            }
        }
    }

  if (!changed)
    return TRUE;

  g_signal_emit_by_name (self, "changed", NULL);
  self->dirty = TRUE;
  return guide_progress_save (self, error);
}

/**
 * guide_progress_get_days_waiting:
 * @book: the guide
 * @now: the time to count from
 *
 * How long the user has been waiting for access: from the day they wrote to
 * the helpdesk, until the last stage is done. Days are
 * counted as people count them: yesterday evening is one day ago.
 *
 * Returns: the number of calendar days since the request was submitted, or
 *   -1 when the user is not waiting
 */
gint64
guide_progress_get_days_waiting (GuideProgress *self,
                                 GuideBook     *book,
                                 GDateTime     *now)
{
  GPtrArray *stages;
  GuideStage *last;
  GDateTime *submitted;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) today = NULL;

  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), -1);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), -1);

  stages = guide_book_get_stages (book);
  last = g_ptr_array_index (stages, stages->len - 1);
  submitted = g_hash_table_lookup (self->done, REQUEST_STEP_ID);
  if (submitted == NULL || count_steps_done (self, last->steps) == last->steps->len)
    return -1;

  /* Noon to noon, two hours either way for a change of daylight saving. */
  local = g_date_time_to_timezone (submitted, g_date_time_get_timezone (now));
  then = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local), 12, 0, 0);
  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now), 12, 0, 0);

  return MAX (0, (g_date_time_difference (today, then) + G_TIME_SPAN_HOUR * 2) / G_TIME_SPAN_DAY);
}

/**
 * guide_progress_get_former_request:
 * @book: the guide
 *
 * A request made with the original guide's form went to the former CPMS,
 * which no longer grants access: the user should write to the helpdesk.
 *
 * Returns: (transfer none) (nullable): when the user submitted a request
 *   with the former CPMS's form, if they have not yet written to the
 *   helpdesk of @book
 */
GDateTime *
guide_progress_get_former_request (GuideProgress *self,
                                   GuideBook     *book)
{
  g_return_val_if_fail (GUIDE_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (GUIDE_IS_BOOK (book), NULL);

  if (guide_book_find_step (book, REQUEST_STEP_ID, NULL, NULL) == NULL ||
      g_hash_table_contains (self->done, REQUEST_STEP_ID))
    return NULL;

  return g_hash_table_lookup (self->done, FORMER_REQUEST_STEP_ID);
}

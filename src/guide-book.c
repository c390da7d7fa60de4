/* guide-book.c
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

/* The guide in one language: its stages, steps, notes and addresses, and
 * the checks that tie one language's guide to another. It is read from
 * its JSON by guide-book-schema.c. */

#include "guide-book-private.h"

G_DEFINE_FINAL_TYPE (GuideBook, guide_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (guide-book-error-quark, guide_book_error)

static void
guide_book_finalize (GObject *object)
{
  GuideBook *self = (GuideBook *)object;

  g_free (self->language);
  g_free (self->title);
  g_strfreev (self->intro);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self->contacts_text);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);

  G_OBJECT_CLASS (guide_book_parent_class)->finalize (object);
}

static void
guide_book_class_init (GuideBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = guide_book_finalize;
}

static void
guide_book_init (GuideBook *self)
{
}

/**
 * guide_book_new_for_language:
 * @language: "fr", "it" or "en"
 *
 * Returns: (transfer full): the guide built into the application
 */
GuideBook *
guide_book_new_for_language (const char *language)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/guide/%s.json", language);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  GuideBook *book;

  g_return_val_if_fail (bytes != NULL, NULL);

  /* The built-in guides are checked by the test suite: a failure here is a
   * build that should never have been shipped. */
  book = guide_book_new_from_bytes (bytes, path, GUIDE_BOOK_FLAGS_NONE, &error);
  if (book == NULL)
    g_error ("%s", error->message);

  return book;
}

const char *
guide_book_get_language (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->language;
}

const char *
guide_book_get_title (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->title;
}

/**
 * guide_book_get_intro:
 *
 * Returns: (transfer none): the paragraphs before the first stage
 */
GStrv
guide_book_get_intro (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->intro;
}

/**
 * guide_book_get_notes:
 *
 * Returns: (transfer none) (element-type GuideNote): the notes on the whole guide
 */
GPtrArray *
guide_book_get_notes (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->notes;
}

const char *
guide_book_get_contacts_text (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->contacts_text;
}

/**
 * guide_book_get_helpdesk:
 *
 * Returns: (transfer none) (nullable): the first of the addresses, the one
 *   to ask about access, or %NULL if there is none
 */
GuideAddress *
guide_book_get_helpdesk (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->addresses->len > 0 ? g_ptr_array_index (self->addresses, 0) : NULL;
}

/**
 * guide_book_get_addresses:
 *
 * Returns: (transfer none) (element-type GuideAddress): the helpdesk addresses
 */
GPtrArray *
guide_book_get_addresses (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->addresses;
}

/**
 * guide_book_get_stages:
 *
 * Returns: (transfer none) (element-type GuideStage): the stages, in order
 */
/**
 * guide_book_get_sources:
 *
 * Returns: (transfer none) (element-type GuideSource): the pages the guide's
 *   facts come from, for the Sources view
 */
GPtrArray *
guide_book_get_sources (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->sources;
}

GPtrArray *
guide_book_get_stages (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  return self->stages;
}

GuideStage *
guide_book_get_stage (GuideBook *self,
                      guint      index)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);
  g_return_val_if_fail (index < self->stages->len, NULL);

  return g_ptr_array_index (self->stages, index);
}

/**
 * guide_book_find_stage:
 *
 * Returns: the index of the stage @stage_id, or -1
 */
int
guide_book_find_stage (GuideBook  *self,
                       const char *stage_id)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), -1);

  for (guint i = 0; stage_id != NULL && i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      if (g_str_equal (stage->id, stage_id))
        return i;
    }

  return -1;
}

/**
 * guide_book_find_step:
 * @stage_index: (out) (optional): where the index of the step's stage goes
 * @step_index: (out) (optional): where the index of the step in it goes
 *
 * Returns: (transfer none) (nullable): the step @step_id
 */
GuideStep *
guide_book_find_step (GuideBook  *self,
                      const char *step_id,
                      guint      *stage_index,
                      guint      *step_index)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  for (guint i = 0; step_id != NULL && i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      for (guint j = 0; j < stage->steps->len; j++)
        {
          GuideStep *step = g_ptr_array_index (stage->steps, j);

          if (g_str_equal (step->id, step_id))
            {
              if (stage_index != NULL)
                *stage_index = i;
              if (step_index != NULL)
                *step_index = j;
              return step;
            }
        }
    }

  return NULL;
}

guint
guide_book_get_n_steps (GuideBook *self)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), 0);

  return self->n_steps;
}

static void
add_address (GPtrArray  *addresses,
             const char *uri)
{
  if (uri != NULL && !g_ptr_array_find_with_equal_func (addresses, uri, g_str_equal, NULL))
    g_ptr_array_add (addresses, (gpointer) uri);
}

static void
add_note_addresses (GPtrArray *addresses,
                    GPtrArray *notes)
{
  for (guint i = 0; i < notes->len; i++)
    add_address (addresses, ((GuideNote *) g_ptr_array_index (notes, i))->uri);
}

static void
add_step_addresses (GPtrArray *addresses,
                    GPtrArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      GuideStep *step = g_ptr_array_index (steps, i);

      add_address (addresses, step->uri);
      add_note_addresses (addresses, step->notes);
    }
}

/**
 * guide_book_list_addresses:
 *
 * Returns: (transfer container) (element-type utf8): every address the
 *   guide's notes, steps and contacts open, once each, in the order a reader
 *   meets them; not the sources, which the Sources view lists
 */
GPtrArray *
guide_book_list_addresses (GuideBook *self)
{
  GPtrArray *addresses;

  g_return_val_if_fail (GUIDE_IS_BOOK (self), NULL);

  addresses = g_ptr_array_new ();
  add_note_addresses (addresses, self->notes);
  for (guint i = 0; i < self->stages->len; i++)
    {
      GuideStage *stage = g_ptr_array_index (self->stages, i);

      add_note_addresses (addresses, stage->notes);
      add_step_addresses (addresses, stage->steps);
      add_step_addresses (addresses, stage->original_steps);
    }
  for (guint i = 0; i < self->addresses->len; i++)
    add_address (addresses, ((GuideAddress *) g_ptr_array_index (self->addresses, i))->uri);

  return addresses;
}

static gboolean
same_notes (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (((GuideNote *) g_ptr_array_index (a, i))->id, ((GuideNote *) g_ptr_array_index (b, i))->id) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
same_sources (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const GuideSource *sa = g_ptr_array_index (a, i);
      const GuideSource *sb = g_ptr_array_index (b, i);

      if (!g_str_equal (sa->id, sb->id) || !g_str_equal (sa->uri, sb->uri))
        return FALSE;
    }

  return TRUE;
}

/* The first step of @a, a list as long as @b, that differs from the step at
 * the same place in @b; %NULL when none does. */
static const GuideStep *
first_different_step (GPtrArray        *a,
                      GPtrArray        *b,
                      const GuideStep **other)
{
  for (guint i = 0; i < a->len; i++)
    {
      const GuideStep *sa = g_ptr_array_index (a, i);
      const GuideStep *sb = g_ptr_array_index (b, i);

      if (!g_str_equal (sa->id, sb->id) || !same_notes (sa->notes, sb->notes))
        {
          *other = sb;
          return sa;
        }
    }

  return NULL;
}

/**
 * guide_book_check_parity:
 * @other: the same guide in another language
 * @error: a location for a #GError
 *
 * Checks that @self and @other have the same stages, steps (the original
 * guide's ones too), notes and sources, with the same IDs in the same order, so that
 * progress means the same in both.
 *
 * Returns: %TRUE if they do
 */
gboolean
guide_book_check_parity (GuideBook  *self,
                         GuideBook  *other,
                         GError    **error)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (self), FALSE);
  g_return_val_if_fail (GUIDE_IS_BOOK (other), FALSE);

  if (self->stages->len != other->stages->len || !same_notes (self->notes, other->notes) ||
      !same_sources (self->sources, other->sources))
    goto mismatch;

  for (guint i = 0; i < self->stages->len; i++)
    {
      GuideStage *a = g_ptr_array_index (self->stages, i);
      GuideStage *b = g_ptr_array_index (other->stages, i);
      const GuideStep *step, *other_step;

      if (!g_str_equal (a->id, b->id) || !same_notes (a->notes, b->notes) ||
          a->steps->len != b->steps->len || a->original_steps->len != b->original_steps->len)
        goto mismatch;

      if ((step = first_different_step (a->steps, b->steps, &other_step)) != NULL ||
          (step = first_different_step (a->original_steps, b->original_steps, &other_step)) != NULL)
        {
          g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
                       "The %s and %s guides differ at step “%s” / “%s”",
                       self->language, other->language, step->id, other_step->id);
          return FALSE;
        }
    }

  return TRUE;

mismatch:
  g_set_error (error, GUIDE_BOOK_ERROR, GUIDE_BOOK_ERROR_INVALID,
               "The %s and %s guides do not have the same stages, notes and sources",
               self->language, other->language);
  return FALSE;
}

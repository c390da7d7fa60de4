/* guide-handout.c
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

/* The guide on paper, for trainers to hand out and clinicians to tick with a
 * pen: every stage, step, note, picture and address, with a check box for
 * each step the user can tick.
 *
 * The same code lays out and draws the pages for the print dialog (from the
 * window) and for a PDF file (from the command line, where there may be no
 * display at all). So it uses nothing but cairo and Pango: the text is laid
 * out once, in points, with a font map of its own whose metrics are never
 * hinted, so that it breaks the same way on any surface; the pictures are
 * drawn by librsvg as vectors, sharp at any printer's resolution.
 *
 * This file holds the GuideHandout class, its printing and its PDF export;
 * guide-handout-content.c lays the guide out in blocks, with the pieces of
 * guide-handout-layout.c, which also puts the blocks on pages, and
 * guide-handout-draw.c draws them. */

#include <errno.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "guide-handout.h"
#include "guide-handout-content.h"
#include "guide-handout-draw.h"
#include "guide-handout-layout.h"
#include "guide-handout-private.h"
#include "guide-i18n.h"

/* ISO A4, in points. */
#define A4_WIDTH (210.0 / 25.4 * 72.0)
#define A4_HEIGHT (297.0 / 25.4 * 72.0)

G_DEFINE_FINAL_TYPE (GuideHandout, guide_handout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOOK,
  PROP_PROGRESS,
  PROP_SITE,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GuideHandout      *self)
{
  gtk_print_operation_set_n_pages (operation,
                                   guide_handout_paginate (self,
                                                           gtk_print_context_get_width (context),
                                                           gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              GuideHandout      *self)
{
  guide_handout_draw_page (self, gtk_print_context_get_cairo_context (context), page);
}

/* Why @path could not be written, in the interface's language. */
static void
set_write_error (GError     **error,
                 const char  *path,
                 int          errnum)
{
  GIOErrorEnum code = g_io_error_from_errno (errnum);

  g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"),
               path, guide_i18n_describe_io_error (code, g_strerror (errnum)));
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
guide_handout_constructed (GObject *object)
{
  GuideHandout *self = (GuideHandout *)object;

  G_OBJECT_CLASS (guide_handout_parent_class)->constructed (object);

  /* Line breaks and hyphens follow the guide's language. */
  pango_context_set_language (self->context, pango_language_from_string (guide_book_get_language (self->book)));
}

static void
guide_handout_dispose (GObject *object)
{
  GuideHandout *self = (GuideHandout *)object;

  g_clear_object (&self->book);
  g_clear_object (&self->progress);
  g_clear_object (&self->site);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->contents, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (guide_handout_parent_class)->dispose (object);
}

static void
guide_handout_finalize (GObject *object)
{
  GuideHandout *self = (GuideHandout *)object;

  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (guide_handout_parent_class)->finalize (object);
}

static void
guide_handout_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GuideHandout *self = GUIDE_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      g_value_set_object (value, self->book);
      break;

    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;

    case PROP_SITE:
      g_value_set_object (value, self->site);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_handout_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GuideHandout *self = GUIDE_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      self->book = g_value_dup_object (value);
      break;

    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;

    case PROP_SITE:
      self->site = g_value_dup_object (value);
      break;

    case PROP_DATE:
      guide_handout_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
guide_handout_class_init (GuideHandoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = guide_handout_constructed;
  object_class->dispose = guide_handout_dispose;
  object_class->finalize = guide_handout_finalize;
  object_class->get_property = guide_handout_get_property;
  object_class->set_property = guide_handout_set_property;

  /**
   * GuideHandout:book:
   *
   * The guide to print, in its language.
   */
  properties[PROP_BOOK] =
    g_param_spec_object ("book", NULL, NULL,
                         GUIDE_TYPE_BOOK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideHandout:progress:
   *
   * The user's progress, whose ticks are printed; %NULL for a handout with
   * every check box blank.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL,
                         GUIDE_TYPE_PROGRESS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideHandout:site:
   *
   * The organisation's configuration, whose own contact is printed with the
   * helpdesk's; %NULL for none.
   */
  properties[PROP_SITE] =
    g_param_spec_object ("site", NULL, NULL,
                         GUIDE_TYPE_SITE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GuideHandout:date:
   *
   * The printing date, on every page; by default, when the handout was made.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
guide_handout_init (GuideHandout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->date = g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) guide_handout_block_free);
  self->contents = g_ptr_array_new ();

  /* Points as units, and no hinting: the layout is the same on paper, in a
   * PDF and in a print preview. */
  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72);
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);
}

/**
 * guide_handout_new:
 * @book: the guide to print
 * @progress: (nullable): the user's progress, or %NULL for blank check boxes
 * @site: (nullable): the organisation's configuration
 *
 * Returns: (transfer full): a handout of @book
 */
GuideHandout *
guide_handout_new (GuideBook     *book,
                   GuideProgress *progress,
                   GuideSite     *site)
{
  g_return_val_if_fail (GUIDE_IS_BOOK (book), NULL);
  g_return_val_if_fail (progress == NULL || GUIDE_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (site == NULL || GUIDE_IS_SITE (site), NULL);

  return g_object_new (GUIDE_TYPE_HANDOUT,
                       "book", book,
                       "progress", progress,
                       "site", site,
                       NULL);
}

/**
 * guide_handout_get_date:
 *
 * Returns: (transfer none): the printing date
 */
GDateTime *
guide_handout_get_date (GuideHandout *self)
{
  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), NULL);

  return self->date;
}

void
guide_handout_set_date (GuideHandout *self,
                        GDateTime    *date)
{
  g_return_if_fail (GUIDE_IS_HANDOUT (self));

  if (date == NULL || (self->date != NULL && g_date_time_equal (self->date, date)))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_date_time_ref (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * guide_handout_paginate:
 * @page_width: the paper's width, in points
 * @page_height: the paper's height, in points
 *
 * Lays the guide out on pages of that size.
 *
 * Returns: the number of pages
 */
guint
guide_handout_paginate (GuideHandout *self,
                        double        page_width,
                        double        page_height)
{
  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), 0);

  if (self->n_pages > 0 && page_width == self->page_width && page_height == self->page_height)
    return self->n_pages;

  self->page_width = page_width;
  self->page_height = page_height;
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->contents, 0);

  guide_handout_build (self, page_width - 2 * MARGIN_SIDE);
  self->n_pages = guide_handout_place_blocks (self, page_height - MARGIN_TOP - MARGIN_BOTTOM);

  for (guint i = 0; i + 1 < self->contents->len; i += 2)
    {
      GuideHandoutItem *item = g_ptr_array_index (self->contents, i);
      GuideHandoutBlock *header = g_ptr_array_index (self->contents, i + 1);
      g_autofree char *page = g_strdup_printf ("%u", header->page + 1);

      pango_layout_set_text (item->layout, page, -1);
    }

  return self->n_pages;
}

/**
 * guide_handout_draw_page:
 * @cr: a cairo context whose units are points, at the paper's corner
 * @page: the page, from 0
 *
 * Draws @page as laid out by the last guide_handout_paginate().
 */
void
guide_handout_draw_page (GuideHandout *self,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (GUIDE_IS_HANDOUT (self));
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      GuideHandoutBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->page != page)
        continue;

      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP + block->y);
      for (guint j = 0; j < block->items->len; j++)
        guide_handout_draw_item (cr, g_ptr_array_index (block->items, j));
      cairo_restore (cr);
    }

  guide_handout_draw_footer (self, cr, page);
}

/**
 * guide_handout_export_pdf:
 * @path: the file to write
 * @error: a location for a #GError
 *
 * Writes the handout on A4 paper to @path, as a PDF. Needs no display.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
guide_handout_export_pdf (GuideHandout  *self,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GByteArray) pdf = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  FILE *file;
  guint n_pages;
  int saved_errno = 0;

  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Opened here, so that a folder that does not exist or cannot be written
   * is told why, in the interface's language. */
  file = g_fopen (path, "wb");
  if (file == NULL)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  n_pages = guide_handout_paginate (self, A4_WIDTH, A4_HEIGHT);

  /* Drawn into memory, then written at once: a full disk is one error, said
   * once, rather than a failure in every picture drawn after it. */
  pdf = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, guide_book_get_title (self->book));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, _("CPMS Access Guide"));

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      guide_handout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fwrite (pdf->data, 1, pdf->len, file) != pdf->len)
    saved_errno = errno;
  if (fclose (file) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      set_write_error (error, path, saved_errno);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * guide_handout_create_print_operation:
 *
 * Returns: (transfer full): a print operation that prints the handout, on
 *   A4 paper unless the user chooses another
 */
GtkPrintOperation *
guide_handout_create_print_operation (GuideHandout *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPaperSize *paper;

  g_return_val_if_fail (GUIDE_IS_HANDOUT (self), NULL);

  page_setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_paper_size_free (paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The handout keeps its own margins, from the paper's edge, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, guide_book_get_title (self->book));

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);

  return operation;
}

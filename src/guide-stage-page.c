/* guide-stage-page.c
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

/* The selected stage: its title and summary, its notes, and its steps in
 * order; the first stage also carries the guide's introduction. */

#include "guide-address-label.h"
#include "guide-i18n.h"
#include "guide-note-box.h"
#include "guide-stage-page.h"
#include "guide-step-row.h"

struct _GuideStagePage
{
  AdwBin             parent_instance;

  GuideProgress     *progress;
  char              *stage_id;
  /* The stage's steps, in the language shown. */
  GPtrArray         *steps;

  AdwBin            *column;
  AdwClamp          *clamp;
  GtkBox            *intro_box;
  GtkBox            *intro_paragraphs;
  GtkBox            *intro_notes;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkLabel          *checked_label;
  GtkLabel          *count_label;
  GtkBox            *notes_box;
  GtkListBox        *step_list;
  GtkExpander       *original_expander;
  GtkLabel          *original_title_label;
  GtkLabel          *original_text_label;
  GtkListBox        *original_list;
  GtkWidget         *different_box;
  GtkButton         *different_button;

  /* What is left for once the frame being prepared is painted, so that it
   * lays out only what it shows: on the window's first frame, the steps
   * after the first one, its picture and the invitation below them; after a
   * switch of language, the rows from rows_behind on, below the part on
   * screen, which still show the language before. */
  gboolean           steps_held_back;
  guint              rows_behind;
  guint              catch_up_source;
};

G_DEFINE_FINAL_TYPE (GuideStagePage, guide_stage_page, ADW_TYPE_BIN)

/* Shows @paragraphs in @box, a wrapped label each, updating the labels it
 * has in place, as after a switch of language. */
static void
fill_paragraphs (GtkBox *box,
                 GStrv   paragraphs)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));

  for (guint i = 0; paragraphs[i] != NULL; i++, child = gtk_widget_get_next_sibling (child))
    {
      /* As wide at most as at least, as a paragraph of the templates: GTK
       * would lay it out once more, on one line, for a width none uses. */
      if (child == NULL)
        {
          child = g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "xalign", 0.f,
                                "width-chars", 20, "max-width-chars", 20, NULL);
          gtk_box_append (box, child);
        }
      gtk_label_set_label (GTK_LABEL (child), paragraphs[i]);
    }

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (box, child);
      child = next;
    }
}

/* Brings the top of @row into view, once a frame has laid the page out. */
static gboolean
scroll_to_row_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  GtkWidget *row = GTK_WIDGET (user_data);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (widget)));
  graphene_rect_t bounds;

  if (gtk_widget_get_parent (row) == NULL)
    return G_SOURCE_REMOVE;

  if (gtk_widget_get_height (row) == 0 ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (GUIDE_STAGE_PAGE (widget)->column), &bounds))
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), bounds.origin.y - 12);
  return G_SOURCE_REMOVE;
}

/* Selecting the step remembers it as the current one (step_selected_cb):
 * that and the tick are saved together, in one write. */
static void
step_toggled_cb (GuideStagePage *self,
                 gboolean        done,
                 GuideStepRow   *row)
{
  const char *step_id = guide_step_row_get_step_id (row);

  guide_stage_page_select_step (self, step_id, FALSE);
  guide_progress_set_done (self->progress, step_id, done);
}

static void
step_activated_cb (GuideStagePage *self,
                   GtkListBoxRow  *row)
{
  const char *step_id = guide_step_row_get_step_id (GUIDE_STEP_ROW (row));

  step_toggled_cb (self, !guide_progress_is_done (self->progress, step_id), GUIDE_STEP_ROW (row));
}

/* Rows are unselected as they go, when the stage changes or the window closes. */
static void
step_selected_cb (GuideStagePage *self,
                  GtkListBoxRow  *row)
{
  if (row != NULL)
    guide_progress_set_current (self->progress, self->stage_id, guide_step_row_get_step_id (GUIDE_STEP_ROW (row)));
}

/* Shows which steps are done. */
static void
update_progress (GuideStagePage *self)
{
  g_autofree char *count = NULL;
  guint n_done = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    guide_step_row_set_done (GUIDE_STEP_ROW (row),
                             guide_progress_get_done_time (self->progress, guide_step_row_get_step_id (GUIDE_STEP_ROW (row))));

  for (guint i = 0; i < self->steps->len; i++)
    n_done += guide_progress_is_done (self->progress, ((GuideStep *) g_ptr_array_index (self->steps, i))->id);

  count = guide_i18n_format_count (guide_i18n_get_language (), n_done, self->steps->len);
  gtk_label_set_label (self->count_label, count);
}

/* Shows @step in @row, a row of one of the lists, with its picture, but
 * for the first step's while the steps after it are held back: that picture
 * comes with them. */
static void
set_row_step (GuideStagePage  *self,
              GtkWidget       *row,
              const GuideStep *step)
{
  guide_step_row_set_step (GUIDE_STEP_ROW (row), step);
  if (!self->steps_held_back || gtk_widget_get_parent (row) != GTK_WIDGET (self->step_list))
    guide_step_row_set_picture (GUIDE_STEP_ROW (row), step);
}

/* Rows for the steps of @steps from @first to before @end, checkable or
 * withdrawn. */
static void
append_step_rows (GuideStagePage *self,
                  GtkListBox     *list,
                  GPtrArray      *steps,
                  guint           first,
                  guint           end,
                  gboolean        withdrawn)
{
  for (guint i = first; i < end; i++)
    {
      GtkWidget *row = guide_step_row_new (i + 1, withdrawn);

      if (!withdrawn)
        g_signal_connect_object (row, "toggled", G_CALLBACK (step_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (list, row);
      set_row_step (self, row, g_ptr_array_index (steps, i));
    }
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

/* Shows @steps, in place, in the rows @list has, from @first to before
 * @end. */
static void
set_steps (GuideStagePage *self,
           GtkListBox     *list,
           GPtrArray      *steps,
           guint           first,
           guint           end)
{
  GtkListBoxRow *row;

  for (guint i = first; i < end && (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    set_row_step (self, GTK_WIDGET (row), g_ptr_array_index (steps, i));
}

/* Does what was left for after the frame (see steps_held_back). */
static void
catch_up (GuideStagePage *self)
{
  g_clear_handle_id (&self->catch_up_source, g_source_remove);

  set_steps (self, self->step_list, self->steps, self->rows_behind, self->steps->len);
  self->rows_behind = G_MAXUINT;

  if (!self->steps_held_back)
    return;

  self->steps_held_back = FALSE;
  guide_step_row_set_picture (GUIDE_STEP_ROW (gtk_widget_get_first_child (GTK_WIDGET (self->step_list))),
                              g_ptr_array_index (self->steps, 0));
  append_step_rows (self, self->step_list, self->steps, 1, self->steps->len, FALSE);
  gtk_widget_set_visible (self->different_box, TRUE);
  update_progress (self);
}

static gboolean
catch_up_cb (gpointer user_data)
{
  GuideStagePage *self = GUIDE_STAGE_PAGE (user_data);

  self->catch_up_source = 0;
  catch_up (self);
  return G_SOURCE_REMOVE;
}

/* Once the frame is on screen, not while it is being painted; a page
 * disposed of before then does nothing. */
static void
painted_cb (GuideStagePage *self,
            GdkFrameClock  *clock)
{
  g_signal_handlers_disconnect_by_func (clock, painted_cb, self);
  if (self->catch_up_source == 0)
    self->catch_up_source = g_idle_add (catch_up_cb, self);
}

static void
catch_up_after_frame (GuideStagePage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (g_signal_handler_find (clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL, painted_cb, self) == 0)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (painted_cb), self, G_CONNECT_SWAPPED);
}

/* How many rows of the steps begin above the bottom of the part on screen,
 * or a little below it, where the text above, shorter in another language,
 * could bring them; all of them when the page is not on screen. */
static guint
count_rows_in_view (GuideStagePage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self))));
  GtkListBoxRow *row;
  graphene_rect_t list;
  double bottom;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->step_list), GTK_WIDGET (self->column), &list))
    return G_MAXUINT;

  bottom = gtk_adjustment_get_value (adjustment) + 1.25 * gtk_adjustment_get_page_size (adjustment) - list.origin.y;
  row = gtk_list_box_get_row_at_y (self->step_list, bottom);
  return bottom < 0 ? 0 : row != NULL ? (guint) gtk_list_box_row_get_index (row) + 1 : G_MAXUINT;
}

static void
guide_stage_page_map (GtkWidget *widget)
{
  GuideStagePage *self = GUIDE_STAGE_PAGE (widget);

  GTK_WIDGET_CLASS (guide_stage_page_parent_class)->map (widget);

  if (self->steps_held_back)
    catch_up_after_frame (self);
}

static void
guide_stage_page_dispose (GObject *object)
{
  GuideStagePage *self = (GuideStagePage *)object;

  g_clear_handle_id (&self->catch_up_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), GUIDE_TYPE_STAGE_PAGE);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (guide_stage_page_parent_class)->dispose (object);
}

static void
guide_stage_page_finalize (GObject *object)
{
  GuideStagePage *self = (GuideStagePage *)object;

  g_free (self->stage_id);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (guide_stage_page_parent_class)->finalize (object);
}

static void
guide_stage_page_class_init (GuideStagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = guide_stage_page_dispose;
  object_class->finalize = guide_stage_page_finalize;
  widget_class->map = guide_stage_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/guide-stage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, column);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, clamp);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, intro_box);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, intro_paragraphs);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, intro_notes);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, checked_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, step_list);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, original_expander);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, original_title_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, original_text_label);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, original_list);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, different_box);
  gtk_widget_class_bind_template_child (widget_class, GuideStagePage, different_button);
  gtk_widget_class_bind_template_callback (widget_class, step_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_selected_cb);

  g_type_ensure (GUIDE_TYPE_STEP_ROW);
}

static void
guide_stage_page_init (GuideStagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows_behind = G_MAXUINT;

  gtk_widget_set_layout_manager (GTK_WIDGET (self->column), guide_step_row_layout_new ());
  gtk_widget_set_layout_manager (gtk_widget_get_parent (GTK_WIDGET (self->original_title_label)),
                                 guide_step_row_layout_new ());
}

/**
 * guide_stage_page_set_progress:
 *
 * Makes the page show and change @progress: which steps are done, and the
 * step selected.
 */
void
guide_stage_page_set_progress (GuideStagePage *self,
                               GuideProgress  *progress)
{
  g_set_object (&self->progress, progress);
  g_signal_connect_object (progress, "changed", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
}

/**
 * guide_stage_page_show_stage:
 *
 * Shows the stage at @index of @book, with the steps done. When it is the
 * stage already shown, in another language, the texts are replaced in place
 * so that the selected step, the focus and the scroll position stay where
 * they are.
 */
void
guide_stage_page_show_stage (GuideStagePage *self,
                             GuideBook      *book,
                             guint           index)
{
  GuideStage *stage = guide_book_get_stage (book, index);
  gboolean same = g_strcmp0 (self->stage_id, stage->id) == 0;

  g_free (self->stage_id);
  self->stage_id = g_strdup (stage->id);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  self->steps = g_ptr_array_ref (stage->steps);

  /* Filled on every stage: GTK 4.8 would go on measuring the box as it was
   * while empty and hidden, and leave room below the paragraphs. */
  gtk_widget_set_visible (GTK_WIDGET (self->intro_box), index == 0);
  fill_paragraphs (self->intro_paragraphs, guide_book_get_intro (book));
  guide_note_box_fill (self->intro_notes, guide_book_get_notes (book));

  gtk_label_set_label (self->title_label, stage->title);
  gtk_label_set_label (self->summary_label, stage->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->checked_label), g_date_valid (&stage->checked));
  if (g_date_valid (&stage->checked))
    {
      g_autofree char *day = guide_i18n_format_day (guide_i18n_get_language (), &stage->checked);
      g_autofree char *checked = g_strdup_printf (_("Checked against the official pages on %s"), day);

      gtk_label_set_label (self->checked_label, checked);
    }
  guide_note_box_fill (self->notes_box, stage->notes);
  /* The guide's first contact, the helpdesk, is the one to ask. */
  guide_address_label_set_button (self->different_button, _("Write to the Helpdesk"), guide_book_get_helpdesk (book)->uri);

  if (same)
    {
      /* The rows below the part on screen after the frame. */
      self->rows_behind = count_rows_in_view (self);
      set_steps (self, self->step_list, stage->steps, 0, self->rows_behind);
      if (self->rows_behind < stage->steps->len)
        catch_up_after_frame (self);
      set_steps (self, self->original_list, stage->original_steps, 0, G_MAXUINT);
    }
  else
    {
      self->rows_behind = G_MAXUINT;
      /* Before the window's first frame, only the first step, without its
       * picture, and nothing below it: the rest comes once it is painted,
       * so that it builds and lays out only what it shows. */
      self->steps_held_back = !gtk_widget_get_mapped (GTK_WIDGET (self));
      gtk_widget_set_visible (self->different_box, !self->steps_held_back);
      remove_rows (self->step_list);
      append_step_rows (self, self->step_list, stage->steps, 0, self->steps_held_back ? 1 : stage->steps->len, FALSE);
      remove_rows (self->original_list);
      append_step_rows (self, self->original_list, stage->original_steps, 0, stage->original_steps->len, TRUE);
      gtk_expander_set_expanded (self->original_expander, FALSE);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))), 0);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->original_expander), stage->original_steps->len > 0);
  gtk_label_set_label (self->original_title_label, stage->original_title);
  gtk_label_set_label (self->original_text_label, stage->original_text);
  update_progress (self);
}

static GtkWidget *
find_step_row (GuideStagePage *self,
               const char     *step_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (guide_step_row_get_step_id (GUIDE_STEP_ROW (row)), step_id) == 0)
      return row;

  return NULL;
}

/**
 * guide_stage_page_select_step:
 * @step_id: (nullable): a step of the stage shown, or %NULL for none
 * @focus: whether to move the keyboard focus to it, scrolling it into view
 */
void
guide_stage_page_select_step (GuideStagePage *self,
                              const char     *step_id,
                              gboolean        focus)
{
  GtkWidget *row = find_step_row (self, step_id);

  /* A step to go to, or one not built yet or not yet switched, comes with
   * the others. */
  if (step_id != NULL && (focus || row == NULL))
    {
      catch_up (self);
      row = find_step_row (self, step_id);
    }

  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->step_list);
      return;
    }

  gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (row));
  if (focus)
    {
      gtk_widget_grab_focus (row);
      gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_row_cb, g_object_ref (row), g_object_unref);
    }
}

/**
 * guide_stage_page_set_zoom:
 * @zoom: the size of text and pictures, 1 being the desktop's
 *
 * Widens the column of steps with the text, so that lines keep their length
 * and pictures grow too.
 */
void
guide_stage_page_set_zoom (GuideStagePage *self,
                           double          zoom)
{
  adw_clamp_set_maximum_size (self->clamp, 760 * zoom);
  adw_clamp_set_tightening_threshold (self->clamp, 560 * zoom);
}

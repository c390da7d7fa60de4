/* guide-book.h
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

#include <gio/gio.h>

G_BEGIN_DECLS

#define GUIDE_BOOK_ERROR (guide_book_error_quark ())

typedef enum
{
  GUIDE_BOOK_ERROR_INVALID,
} GuideBookError;

typedef enum
{
  GUIDE_BOOK_FLAGS_NONE = 0,
  GUIDE_BOOK_FLAGS_SITE = 1 << 0,
} GuideBookFlags;

typedef struct
{
  char *id;
  char *kind;
  char *title;
  char *text;
  char *source;
  char *uri;
  char *label;
} GuideNote;

typedef struct
{
  char     *name;
  char     *description;
  char     *meaning;
  gboolean  recommended;
} GuideProfile;

typedef struct
{
  char      *id;
  char      *text;
  char      *uri;
  char      *label;
  char      *picture;
  char      *picture_alt;
  /* A message prepared for the mail client, with a mailto: uri. */
  char      *mail_subject;
  char      *mail_body;
  GPtrArray *profiles;
  GPtrArray *notes;
} GuideStep;

typedef struct
{
  char      *id;
  char      *title;
  char      *summary;
  /* The day the stage's facts were last compared with their sources; not
   * valid when a site's guide does not say. */
  GDate      checked;
  GPtrArray *notes;
  GPtrArray *steps;
  /* The original guide's steps for a method that is no longer offered:
   * shown for reference, never checked, never counted. */
  char      *original_title;
  char      *original_text;
  GPtrArray *original_steps;
} GuideStage;

typedef struct
{
  char *id;
  char *name;
  char *uri;
} GuideAddress;

typedef struct
{
  char *id;
  char *title;
  char *publisher;
  char *uri;
} GuideSource;

/* What a guide may hold, far beyond the built-in guide, so that a site's
 * guide cannot make the window build widgets without end. README.md
 * lists them. */
#define GUIDE_BOOK_MAX_STAGES    20
#define GUIDE_BOOK_MAX_STEPS     100
#define GUIDE_BOOK_MAX_SOURCES   100
#define GUIDE_BOOK_MAX_LIST      20
#define GUIDE_BOOK_MAX_TEXT      20000

#define GUIDE_TYPE_BOOK (guide_book_get_type ())

G_DECLARE_FINAL_TYPE (GuideBook, guide_book, GUIDE, BOOK, GObject)

GQuark       guide_book_error_quark        (void);
GuideBook   *guide_book_new_from_bytes     (GBytes         *bytes,
                                            const char     *origin,
                                            GuideBookFlags  flags,
                                            GError        **error);
gboolean     guide_book_check_parity       (GuideBook   *self,
                                            GuideBook   *other,
                                            GError     **error);
GPtrArray   *guide_book_list_addresses     (GuideBook   *self);
GuideBook   *guide_book_new_for_language   (const char  *language);
const char  *guide_book_get_language       (GuideBook   *self);
const char  *guide_book_get_title          (GuideBook   *self);
GStrv        guide_book_get_intro          (GuideBook   *self);
GPtrArray   *guide_book_get_notes          (GuideBook   *self);
const char  *guide_book_get_contacts_text  (GuideBook   *self);
GPtrArray   *guide_book_get_addresses      (GuideBook   *self);
GuideAddress *guide_book_get_helpdesk       (GuideBook   *self);
GPtrArray   *guide_book_get_sources        (GuideBook   *self);
GPtrArray   *guide_book_get_stages         (GuideBook   *self);
GuideStage  *guide_book_get_stage          (GuideBook   *self,
                                            guint        index);
int          guide_book_find_stage         (GuideBook   *self,
                                            const char  *stage_id);
GuideStep   *guide_book_find_step          (GuideBook   *self,
                                            const char  *step_id,
                                            guint       *stage_index,
                                            guint       *step_index);
guint        guide_book_get_n_steps        (GuideBook   *self);

G_END_DECLS

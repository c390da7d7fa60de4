/* guide-qr-code.h
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

#include <gtk/gtk.h>
#include <qrencode.h>

G_BEGIN_DECLS

#define GUIDE_TYPE_QR_CODE (guide_qr_code_get_type ())

G_DECLARE_FINAL_TYPE (GuideQrCode, guide_qr_code, GUIDE, QR_CODE, GtkWidget)

GtkWidget  *guide_qr_code_new             (const char  *text);
const char *guide_qr_code_get_text        (GuideQrCode *self);
void        guide_qr_code_set_side        (GuideQrCode *self,
                                           int          side);
int         guide_qr_code_get_version     (GuideQrCode *self);
void        guide_qr_code_set_min_version (GuideQrCode *self,
                                           int          version);

QRcode     *guide_qr_code_encode (const char   *text,
                                  int           min_version);
void        guide_qr_code_draw   (const QRcode *code,
                                  cairo_t      *cr,
                                  double        size);

G_END_DECLS

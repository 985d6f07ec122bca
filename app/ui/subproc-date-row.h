/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SUBPROC_TYPE_DATE_ROW (subproc_date_row_get_type ())

G_DECLARE_FINAL_TYPE (SubprocDateRow, subproc_date_row, SUBPROC, DATE_ROW, AdwActionRow)

SubprocDateRow *subproc_date_row_new        (void);

const char     *subproc_date_row_get_date   (SubprocDateRow *self);
void            subproc_date_row_set_date   (SubprocDateRow *self,
                                             const char     *date);

void            subproc_date_row_set_error  (SubprocDateRow *self,
                                             const char     *message);

GtkMenuButton  *subproc_date_row_get_button (SubprocDateRow *self);

G_END_DECLS

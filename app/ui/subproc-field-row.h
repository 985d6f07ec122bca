/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SUBPROC_TYPE_FIELD_ROW (subproc_field_row_get_type ())

G_DECLARE_FINAL_TYPE (SubprocFieldRow, subproc_field_row, SUBPROC, FIELD_ROW, AdwPreferencesRow)

G_END_DECLS

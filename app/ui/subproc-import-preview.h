/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "subproc-input.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_IMPORT_PREVIEW (subproc_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (SubprocImportPreview, subproc_import_preview, SUBPROC, IMPORT_PREVIEW, AdwWindow)

SubprocImportPreview *subproc_import_preview_new            (GtkWindow            *parent,
                                                             SubprocInput         *input);
SubprocInput         *subproc_import_preview_get_input      (SubprocImportPreview *self);
AdwComboRow          *subproc_import_preview_get_column_row (SubprocImportPreview *self,
                                                             const char           *header);
const char           *subproc_import_preview_get_row_warnings (SubprocImportPreview *self,
                                                               guint                 index);
guint                 subproc_import_preview_get_n_other_warnings (SubprocImportPreview *self);
void                  subproc_import_preview_set_choice     (SubprocImportPreview *self,
                                                             const char           *header,
                                                             int                   choice);

G_END_DECLS

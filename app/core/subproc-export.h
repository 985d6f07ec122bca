/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-register.h"

G_BEGIN_DECLS

typedef enum
{
  SUBPROC_EXPORT_JSON,
  SUBPROC_EXPORT_CSV,
} SubprocExportFormat;

gboolean  subproc_export_format_for_name (const char          *filename,
                                          SubprocExportFormat *format);
char     *subproc_export_csv             (SubprocRegister     *self,
                                          gsize               *length);
gboolean  subproc_export_to_file         (SubprocRegister     *self,
                                          SubprocExportFormat  format,
                                          GFile               *file,
                                          GError             **error);

G_END_DECLS

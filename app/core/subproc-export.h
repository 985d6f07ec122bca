/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-register.h"
#include "subproc-report.h"

G_BEGIN_DECLS

typedef enum
{
  SUBPROC_EXPORT_JSON,
  SUBPROC_EXPORT_CSV,
  SUBPROC_EXPORT_PDF,
  SUBPROC_EXPORT_HTML,
} SubprocExportFormat;

/* How a report (PDF, HTML) is made; JSON and CSV always hold every field. */
typedef struct
{
  const char         *language;     /* "en", "sv", "da"; NULL for the UI's */
  SubprocColumnSet    column_set;
  const SubprocField *fields;       /* when n_fields > 0, these columns instead of the set */
  guint               n_fields;
  SubprocPaper        paper;        /* always landscape */
  const char         *source_name;  /* shown in the PDF's title block; may be NULL */
  const GDate        *as_of;        /* the day the register is shown as of; NULL for now */
} SubprocExportOptions;

gboolean  subproc_export_format_for_name (const char          *filename,
                                          SubprocExportFormat *format);
char     *subproc_export_csv             (SubprocRegister     *self,
                                          gsize               *length);
gboolean  subproc_export_to_file         (SubprocRegister     *self,
                                          SubprocExportFormat  format,
                                          GFile               *file,
                                          GError             **error);
gboolean  subproc_export_report_to_file  (SubprocRegister            *self,
                                          SubprocExportFormat         format,
                                          const SubprocExportOptions *options,
                                          GFile                      *file,
                                          GError                    **error);

G_END_DECLS

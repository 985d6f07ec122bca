/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "subproc-processor.h"

G_BEGIN_DECLS

#define SUBPROC_IMPORT_ERROR (subproc_import_error_quark ())

typedef enum
{
  SUBPROC_IMPORT_ERROR_READ,       /* the file could not be read */
  SUBPROC_IMPORT_ERROR_NOT_TEXT,   /* not UTF-8 text */
  SUBPROC_IMPORT_ERROR_NO_HEADER,  /* no row names the columns */
  SUBPROC_IMPORT_ERROR_TOO_LARGE,  /* a row or a cell larger than Subproc reads */
} SubprocImportError;

/* Limits of what a list may hold; see docs/FORMAT.md */
#define SUBPROC_IMPORT_MAX_COLUMNS 1000           /* cells in a row, not counting empty ones at its end */
#define SUBPROC_IMPORT_MAX_CELL    (1024 * 1024)  /* bytes in one cell */
#define SUBPROC_IMPORT_MAX_PAGE    (32 * 1024 * 1024) /* bytes of an HTML page, which is parsed whole */

/* Something the importer could not read as it stands; the text was kept. */
typedef struct
{
  guint  line;     /* 1-based */
  guint  column;   /* 1-based, in characters */
  char  *message;
} SubprocImportWarning;

GQuark     subproc_import_error_quark (void);
void       subproc_import_warning_free (SubprocImportWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocImportWarning, subproc_import_warning_free)

GPtrArray *subproc_import_text        (const char  *text,
                                       gssize       length,
                                       const char  *display_name,
                                       GPtrArray  **warnings,
                                       GError     **error);
char      *subproc_import_html_to_text (const char *html);
char     **subproc_import_guess_mechanisms (const char *text,
                                            gboolean   *known);

G_END_DECLS

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

/* What a column of a list becomes, besides a field (a SubprocField). */
#define SUBPROC_IMPORT_NOTES  (-1)  /* its values are kept in the notes */
#define SUBPROC_IMPORT_IGNORE (-2)  /* its values are left out */

/* A column of the tables imported: its header as written, and what it
 * became. */
typedef struct
{
  char *header;
  int   choice;  /* a SubprocField, SUBPROC_IMPORT_NOTES or SUBPROC_IMPORT_IGNORE */
} SubprocImportColumn;

/* What an import found, for the preview. */
typedef struct
{
  GPtrArray  *columns;   /* (element-type SubprocImportColumn) of every table taken, each header once */
  const char *encoding;  /* "UTF-8", "UTF-16", "Windows-1252", or "XLSX/ODS" for a spreadsheet */
  GArray     *lines;     /* (element-type guint) the line each processor starts at, in their order */
} SubprocImportReport;

void       subproc_import_report_clear (SubprocImportReport *report);

GQuark     subproc_import_error_quark (void);
void       subproc_import_warning_free (SubprocImportWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocImportWarning, subproc_import_warning_free)

GPtrArray *subproc_import_text        (const char  *text,
                                       gssize       length,
                                       const char  *display_name,
                                       GPtrArray  **warnings,
                                       GError     **error);
GPtrArray *subproc_import_text_mapped (const char          *text,
                                       gssize               length,
                                       const char          *display_name,
                                       GHashTable          *mapping,
                                       SubprocImportReport *report,
                                       GPtrArray          **warnings,
                                       GError             **error);
char      *subproc_import_html_to_text (const char *html);
char     **subproc_import_guess_mechanisms (const char *text,
                                            gboolean   *known);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-import.h"

G_BEGIN_DECLS

/* Between the importer's parts (subproc-import.c, -html.c, -words.c,
 * -page.c, -rows.c). */

/* A cell of a list, where it stands in the file. */
typedef struct
{
  char     *text;
  guint     line;
  guint     column;
  gboolean  plain;   /* already text (a page's table): not read as HTML again */
} SubprocImportCell;

typedef struct
{
  GArray *cells;  /* of SubprocImportCell */
  guint   line;
} SubprocImportRow;

/* A table of a page (HTML or Markdown), with what the page says around it. */
typedef struct
{
  GPtrArray *rows;     /* of SubprocImportRow */
  char      *heading;  /* the heading above it (h1–h4, or #–####), or the sheet's name; or NULL */
  guint      line;     /* where it starts */
  gboolean   sheet;    /* a spreadsheet's sheet: its name is no heading for the processors */
} SubprocImportTable;

/* The tables of a page, and its “Last updated” day (YYYY-MM-DD) or NULL. */
typedef struct
{
  GPtrArray *tables;   /* of SubprocImportTable */
  char      *updated;
} SubprocImportPage;

SubprocImportRow  *_subproc_import_row_new   (guint line);
void               _subproc_import_row_add   (SubprocImportRow *row,
                                              char             *text,
                                              guint             line,
                                              guint             column,
                                              gboolean          plain);
void               _subproc_import_row_free  (SubprocImportRow *row);
void               _subproc_import_page_free (SubprocImportPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocImportPage, _subproc_import_page_free)

gboolean           _subproc_import_is_html_page   (const char *text);
gboolean           _subproc_import_is_markdown    (const char *text);
SubprocImportPage *_subproc_import_read_html_page (const char *text);
SubprocImportPage *_subproc_import_read_markdown  (const char *text);
char              *_subproc_import_tidy_text      (const char *text);
struct _xmlNode;
char              *_subproc_import_nodes_to_text  (struct _xmlNode *node);
char              *_subproc_import_find_updated   (const char *text);
gboolean           _subproc_import_is_spreadsheet (const char  *data,
                                                   gsize        length);
SubprocImportPage *_subproc_import_read_spreadsheet (const char  *data,
                                                     gsize        length,
                                                     const char  *display_name,
                                                     GError     **error);

gboolean _subproc_import_header_to_field (const char   *header,
                                          SubprocField *field);
char *_subproc_import_html_to_text (const char *html,
                                    gboolean   *too_deep);

/* One import under way: subproc-import.c finds the header and the tables,
 * subproc-import-rows.c reads the rows under it into processors. */
typedef struct
{
  const char   *display_name;
  GPtrArray    *warnings;
  GPtrArray    *processors;
  int           columns[SUBPROC_N_FIELDS];  /* field -> column, or -1 */
  guint64       more_columns[SUBPROC_N_FIELDS]; /* field -> more columns under the same header word, as bits */
  GPtrArray    *unknown_headers;            /* column -> header, NULL for a known one */
  guint         n_columns;
  GString      *notes;                      /* the lines added to the notes of the processor read */
  GHashTable   *mapping;                    /* header as written -> choice + 3; NULL: all found by their words */
  SubprocImportReport *report;              /* NULL when nobody asks */
} SubprocImport;

G_GNUC_PRINTF (4, 5)
void               _subproc_import_warn          (SubprocImport     *import,
                                                  guint              line,
                                                  guint              column,
                                                  const char        *format,
                                                  ...);
const char        *_subproc_import_row_text      (SubprocImportRow  *row,
                                                  guint              column);
char              *_subproc_import_cell_text     (SubprocImport     *import,
                                                  SubprocImportCell *cell);
void               _subproc_import_read_row      (SubprocImport     *import,
                                                  SubprocImportRow  *row);

G_END_DECLS

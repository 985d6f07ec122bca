/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-import.h"

G_BEGIN_DECLS

/* Between the importer's parts (subproc-import.c, -html.c, -words.c,
 * -page.c). */

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

G_END_DECLS

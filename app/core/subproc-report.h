/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>
#include <cairo.h>

#include "subproc-columns.h"
#include "subproc-register.h"

G_BEGIN_DECLS

typedef enum
{
  SUBPROC_PAPER_A4,
  SUBPROC_PAPER_LETTER,
} SubprocPaper;

typedef enum
{
  SUBPROC_REPORT_BOX_TITLE,    /* the title block on the first page */
  SUBPROC_REPORT_BOX_HEADER,   /* a column header, repeated on every page */
  SUBPROC_REPORT_BOX_CELL,     /* a line of a table cell */
  SUBPROC_REPORT_BOX_FOOTER,   /* "Page N of M", the title, the internal marking */
} SubprocReportBoxKind;

/* Where the renderer drew one line of text, in points from the top left
 * of the page (ink and logical extents united); cell_x and cell_width are
 * the horizontal room the text was given. */
typedef struct
{
  SubprocReportBoxKind kind;
  double               x;
  double               y;
  double               width;
  double               height;
  double               cell_x;
  double               cell_width;
} SubprocReportBox;

#define SUBPROC_TYPE_REPORT (subproc_report_get_type ())

G_DECLARE_FINAL_TYPE (SubprocReport, subproc_report, SUBPROC, REPORT, GObject)

SubprocReport *subproc_report_new              (SubprocRegister    *reg);
void           subproc_report_set_paper        (SubprocReport      *self,
                                                SubprocPaper        paper,
                                                gboolean            landscape);
void           subproc_report_get_paper_size   (SubprocReport      *self,
                                                double             *width,
                                                double             *height);
void           subproc_report_set_margin       (SubprocReport      *self,
                                                double              margin);
void           subproc_report_set_column_set   (SubprocReport      *self,
                                                SubprocColumnSet    set);
void           subproc_report_set_fields       (SubprocReport      *self,
                                                const SubprocField *fields,
                                                guint               n_fields);
gboolean       subproc_report_is_internal      (SubprocReport      *self);
SubprocRegister *subproc_report_get_register   (SubprocReport      *self);
const char    *subproc_report_get_language     (SubprocReport      *self);
const char    *subproc_report_get_title        (SubprocReport      *self);
guint          subproc_report_get_n_columns    (SubprocReport      *self);
const char    *subproc_report_get_column_title (SubprocReport      *self,
                                                guint               column);
char          *subproc_report_get_cell_text    (SubprocReport      *self,
                                                guint               row,
                                                guint               column);
void           subproc_report_prepare_context  (PangoContext       *context);
PangoContext  *subproc_report_new_context      (void);
void           subproc_report_set_processors   (SubprocReport      *self,
                                                GListModel         *processors);
void           subproc_report_update_rows      (SubprocReport      *self);
guint          subproc_report_get_n_rows       (SubprocReport      *self);
SubprocProcessor *subproc_report_get_row       (SubprocReport      *self,
                                                guint               row);
void           subproc_report_set_language     (SubprocReport      *self,
                                                const char         *language);
void           subproc_report_set_source_name  (SubprocReport      *self,
                                                const char         *source_name);
void           subproc_report_set_as_of        (SubprocReport      *self,
                                                const GDate        *as_of);
void           subproc_report_set_printed      (SubprocReport      *self,
                                                GDateTime          *printed);

guint          subproc_report_paginate         (SubprocReport      *self,
                                                PangoContext       *context,
                                                double              width,
                                                double              height);
guint          subproc_report_get_n_pages      (SubprocReport      *self);
void           subproc_report_draw_page        (SubprocReport      *self,
                                                cairo_t            *cr,
                                                guint               page);
GArray        *subproc_report_get_boxes        (SubprocReport      *self,
                                                guint               page);
guint          subproc_report_get_page_of_row  (SubprocReport      *self,
                                                guint               position);

gboolean       subproc_report_write_pdf        (SubprocReport      *self,
                                                GFile              *file,
                                                GError            **error);


G_END_DECLS

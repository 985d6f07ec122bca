/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the report share: the report's data, its measures, and
 * the helpers one part lends another. subproc-report.c holds the object,
 * its choices and what each cell says; -layout.c lays the pages out with
 * Pango; -draw.c draws them on any cairo_t; -shape.c shapes the cells of
 * the pages to come in another thread while the PDF is written; -pdf.c
 * writes the PDF file. */

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "subproc-language.h"
#include "subproc-report.h"

G_BEGIN_DECLS

/* Looked up with glibc directly, so that a report can be in another
 * language than the UI's: see subproc_language_gettext(). */
#undef _
#define _(text) subproc_language_gettext (text)
#undef C_
#define C_(context, text) subproc_language_pgettext (context, text)

/* Every size is in points (1/72 inch), on the PDF surface and on a
 * GtkPrintContext alike, so the two lay out the same. */
#define FONT_FAMILY "Sans"
#define BODY_SIZE 8.0
#define TITLE_SIZE 16.0
#define SUBTITLE_SIZE 10.0
#define META_SIZE 9.0
#define FOOTER_SIZE 7.5
#define CELL_PAD_X 3.5
#define CELL_PAD_Y 3.0
#define FOOTER_GAP 8.0
#define TITLE_GAP 14.0
#define DEFAULT_MARGIN 36.0
/* No glyph of the fonts we use is narrower at BODY_SIZE: a paragraph of
 * more characters than the room divided by this cannot fit on one line,
 * which spares measuring long descriptions unwrapped. */
#define MIN_ADVANCE 1.5
/* A long word (a URL) may not claim more of the width than this: it is
 * broken between characters instead. */
#define MAX_MIN_SHARE 0.12
/* Pango rounds to its units: a width measured is a hair short of the
 * width that holds it on one line. */
#define WIDTH_SLACK 0.5
/* A row taller than a page starts on the current page only if at least
 * this much of it fits there. */
#define MIN_SPLIT_ROOM 40.0
#define EPSILON 0.01
/* Cells of at most this many bytes are laid out once a pagination and
 * shared by every row that shows the same text; at most this many. */
#define CACHED_CELL_MAX 160
#define CACHED_CELLS_MAX 20000
/* A report of at least this many rows measures them on two threads. */
#define THREADED_ROWS_MIN 200

#define A4_WIDTH (210.0 / 25.4 * 72.0)
#define A4_HEIGHT (297.0 / 25.4 * 72.0)
#define LETTER_WIDTH 612.0
#define LETTER_HEIGHT 792.0

typedef struct
{
  SubprocColumn column;       /* what it shows */
  double        min_width;    /* the longest word */
  double        max_width;    /* the longest paragraph, unwrapped */
  double        x;            /* from the left edge of the page */
  double        width;
} ReportColumn;

/* A cell's text and its bold stretches, as the presentation layer gives
 * them: taken on the main thread once a pagination, so that the threads
 * that lay rows out read nothing but these. */
typedef struct
{
  char   *text;
  GArray *bold;               /* SubprocTextSpan; NULL when none */
} CellText;

/* A row, or the part of a row taller than a page, on one page: the
 * stretch of its cells' text from @from to @to (points, from the top of
 * the text). */
typedef struct
{
  guint   row;
  double  from;
  double  to;
} Slice;

struct _SubprocReport
{
  GObject parent_instance;

  /* owned references */
  SubprocRegister       *reg;
  PangoContext          *context;
  GDateTime             *printed;
  char                  *language;
  char                  *source_name;
  GDate                 *as_of;        /* the day the register is shown as of; NULL for now */
  char                  *title;        /* the title with the as-of day, made when drawn */
  char                  *fingerprint;  /* of the register, made when first drawn */
  GPtrArray             *rows;         /* SubprocProcessor: the ones chosen, in order; NULL for all */
  GPtrArray             *shown;        /* SubprocProcessor: the rows the report holds (a public one
                                        * leaves out the ended), from subproc_report_update_rows() */
  GArray                *columns;      /* ReportColumn */
  GArray                *cell_texts;   /* CellText: a row's, column by column, then the next row's */
  PangoFontDescription  *body_font;
  PangoFontDescription  *bold_font;

  /* options */
  SubprocPaper           paper;
  gboolean               landscape;
  gboolean               internal;
  double                 margin;

  /* pagination */
  double                 width;
  double                 height;
  double                 title_height;
  double                 header_height;
  double                 footer_height;
  GArray                *slices;       /* Slice, in page order */
  GArray                *page_starts;  /* guint: first slice of each page, then the end */
  char                  *findings_summary; /* "2 errors, 1 warning, 0 notes" of the rows; NULL
                                            * until a report with findings needs it */
  GHashTable            *cell_layouts; /* from _subproc_report_new_layout_cache() */
  GPtrArray             *header;       /* PangoLayout: the header row's cells */
  PangoLayout           *footer_title;
  PangoLayout           *footer_mark;  /* "Internal: contains personal data"; NULL in a public report */
  gboolean               one_thread;   /* lay every row out on the calling thread (tests) */
};


void                   _subproc_report_add_bold (PangoAttrList *attrs,
                                                 gsize start,
                                                 gsize end);
char *                 _subproc_report_cell_text (SubprocReport *self,
                                                  SubprocProcessor *processor,
                                                  const ReportColumn *column,
                                                  GArray *bold);
const char *           _subproc_report_fingerprint (SubprocReport *self);
const char *           _subproc_report_column_title (const ReportColumn *column);
void                   _subproc_report_take_cell_texts (SubprocReport *self);
const CellText *       _subproc_report_get_cell (SubprocReport *self,
                                                 guint row,
                                                 guint column);
PangoLayout *          _subproc_report_cell_layout (SubprocReport *self,
                                                    PangoContext *context,
                                                    guint row,
                                                    guint column);
PangoContext *         _subproc_report_thread_context (SubprocReport *self);
GHashTable *           _subproc_report_new_layout_cache (void);
char *                 _subproc_report_cell_key (SubprocReport *self,
                                                 guint row,
                                                 guint column);
void                   _subproc_report_cache_seen (GHashTable *cache,
                                                   char **key,
                                                   gpointer value,
                                                   gpointer (*ref) (gpointer));
double                 _subproc_report_content_width (SubprocReport *self);
void                   _subproc_report_draw_title (SubprocReport *self,
                                                   cairo_t *cr,
                                                   GArray *boxes);
double                 _subproc_report_layout_height (PangoLayout *layout);
double                 _subproc_report_layout_width (PangoLayout *layout);
guint                  _subproc_report_n_rows (SubprocReport *self);
PangoFontDescription * _subproc_report_new_font (double size,
                                                 PangoWeight weight);
PangoLayout *          _subproc_report_new_layout (SubprocReport *self,
                                                   const PangoFontDescription *font,
                                                   const char *text,
                                                   PangoAttrList *attrs,
                                                   double width);
const char *           _subproc_report_title (SubprocReport *self);
GPtrArray *            _subproc_report_row_layouts (SubprocReport *self,
                                                    guint row);
GPtrArray *            _subproc_report_row_layouts_on (SubprocReport *self,
                                                       PangoContext *context,
                                                       GHashTable *cache,
                                                       guint row);
void                   _subproc_report_forget_layouts (SubprocReport *self);
SubprocProcessor *     _subproc_report_row_processor (SubprocReport *self,
                                                      guint row);

/* subproc-report-draw.c */
typedef struct _ShapedCell ShapedCell;
typedef struct _ShapedPage ShapedPage;

void                   _subproc_report_render_page (SubprocReport *self,
                                                    cairo_t *cr,
                                                    GArray *boxes,
                                                    guint page,
                                                    ShapedPage *shaped);

/* subproc-report-shape.c: the cells of the pages to come, shaped in
 * another thread, drawn on the calling one */
typedef struct _ReportShaper ReportShaper;

ReportShaper *         _subproc_report_shaper_new (SubprocReport *self);
ShapedPage *           _subproc_report_shaper_next_page (ReportShaper *shaper);
void                   _subproc_report_shaper_free (ReportShaper *shaper);
ShapedCell *           _subproc_report_shaped_page_get_cell (ShapedPage *page,
                                                             guint slice,
                                                             guint column);
void                   _subproc_report_shaped_page_free (ShapedPage *page);
ShapedCell *           _subproc_report_shaped_cell_new (PangoLayout *layout);
ShapedCell *           _subproc_report_shaped_cell_ref (ShapedCell *cell);
void                   _subproc_report_shaped_cell_unref (ShapedCell *cell);
gboolean               _subproc_report_shaped_cell_show (ShapedCell *cell,
                                                         cairo_t *cr,
                                                         double x,
                                                         double y,
                                                         double from,
                                                         double to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportShaper, _subproc_report_shaper_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShapedPage, _subproc_report_shaped_page_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "subproc-columns.h"
#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-language.h"
#include "subproc-file.h"
#include "subproc-report.h"
#include "subproc-search.h"
#include "subproc-storage.h"

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
  GPtrArray             *rows;         /* SubprocProcessor: the ones chosen, in order; NULL for all */
  GArray                *columns;      /* ReportColumn */
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
};

G_DEFINE_FINAL_TYPE (SubprocReport, subproc_report, G_TYPE_OBJECT)

/* The processors the report holds: the whole register, or those chosen. */
static guint
n_rows (SubprocReport *self)
{
  return self->rows != NULL ? self->rows->len : g_list_model_get_n_items (G_LIST_MODEL (self->reg));
}

static SubprocProcessor *
row_processor (SubprocReport *self,
               guint          row)
{
  return self->rows != NULL ? g_ptr_array_index (self->rows, row) : subproc_register_get_processor (self->reg, row);
}

static const char *
report_title (SubprocReport *self)
{
  const char *title = subproc_register_get_title (self->reg);

  if (title != NULL && *title != '\0')
    return title;
  /* Translators: a report's title when the register has none */
  return _("Register of processors and sub-processors");
}

static void
add_bold (PangoAttrList *attrs,
          gsize          start,
          gsize          end)
{
  PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

/* The text of a cell from the presentation layer, its bold stretches as
 * attributes (never markup: the text is the register's). */
static char *
cell_text (SubprocReport      *self,
           SubprocProcessor   *processor,
           const ReportColumn *column,
           PangoAttrList      *attrs)
{
  g_autoptr(GArray) bold = g_array_new (FALSE, FALSE, sizeof (SubprocTextSpan));
  char *text = subproc_columns_cell_text (&column->column, processor, self->reg, self->language, bold);

  for (guint i = 0; i < bold->len; i++)
    add_bold (attrs, g_array_index (bold, SubprocTextSpan, i).start, g_array_index (bold, SubprocTextSpan, i).end);
  return text;
}

static const char *
column_title (const ReportColumn *column)
{
  return subproc_columns_column_title (&column->column);
}

static PangoLayout *
new_layout (SubprocReport              *self,
            const PangoFontDescription *font,
            const char                 *text,
            PangoAttrList              *attrs,
            double                      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *list = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

  /* the words on paper are the words in the register: no hyphens added */
  pango_attr_list_insert (list, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, list);
  pango_attr_list_unref (list);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

static PangoFontDescription *
new_font (double size,
          PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  return font;
}

static double
content_width (SubprocReport *self)
{
  return self->width - 2 * self->margin;
}

/* The widest a cell's text would be unwrapped, and its longest word. */
static gboolean
has_attributes (PangoAttrList *attrs)
{
  GSList *list = pango_attr_list_get_attributes (attrs);
  gboolean any = list != NULL;

  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return any;
}

/* @words measures words: in bold when any of the text is bold (a name, a
 * label), which errs on the wide side. */
static void
measure_text (SubprocReport *self,
              PangoLayout   *scratch,
              PangoLayout   *words_layout,
              const char    *text,
              PangoAttrList *attrs,
              double         room,
              double        *min_width,
              double        *max_width)
{
  g_autoptr(PangoAttrList) all_attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  glong longest_len = 0;
  glong longest_paragraph = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (paragraphs[i], " \t", -1);

      longest_paragraph = MAX (longest_paragraph, g_utf8_strlen (paragraphs[i], -1));
      for (guint w = 0; words[w] != NULL; w++)
        {
          glong len = g_utf8_strlen (words[w], -1);

          /* every word of a header; in a cell, the longest by characters */
          if (attrs == NULL ? len > 0 : len > longest_len)
            {
              longest_len = len;
              pango_layout_set_text (words_layout, words[w], -1);
              *min_width = MAX (*min_width, layout_width (words_layout));
            }
        }
    }

  /* the column is as wide as it can be already, or the text cannot fit on
   * one line: either way it will wrap, and need not be measured */
  if (*max_width >= room || longest_paragraph * MIN_ADVANCE > room)
    {
      *max_width = MAX (*max_width, room);
      return;
    }
  pango_layout_set_text (scratch, text, -1);
  pango_attr_list_insert (all_attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (scratch, all_attrs);
  *max_width = MAX (*max_width, layout_width (scratch));
  pango_layout_set_attributes (scratch, NULL);
}

/* Column widths fitted to the content, as browsers lay out tables: every
 * column gets its longest word, and what is left goes to the columns in
 * proportion to how much more they would like. */
static void
fit_columns (SubprocReport *self)
{
  double room = content_width (self) - 2 * CELL_PAD_X * self->columns->len;
  double sum_min = 0, sum_max = 0, x = self->margin;
  g_autoptr(PangoLayout) scratch = new_layout (self, self->body_font, "", NULL, -1);
  g_autoptr(PangoLayout) header = new_layout (self, self->bold_font, "", NULL, -1);
  guint n_items = n_rows (self);

  for (guint c = 0; c < self->columns->len; c++)
    {
      ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);

      double header_min = 0, cell_min = 0;

      column->max_width = 0;
      measure_text (self, header, header, column_title (column), NULL, room, &header_min, &column->max_width);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
          g_autofree char *text = cell_text (self, row_processor (self, i), column, attrs);

          measure_text (self, scratch, has_attributes (attrs) ? header : scratch, text, attrs, room,
                        &cell_min, &column->max_width);
        }
      /* a header's words are never broken; a long word in a cell (a URL,
       * an id) is, rather than squeezing every other column */
      column->min_width = MAX (header_min, MIN (cell_min, room * MAX_MIN_SHARE)) + WIDTH_SLACK;
      column->max_width = MAX (column->max_width + WIDTH_SLACK, column->min_width);
      sum_min += column->min_width;
      sum_max += column->max_width;
    }

  for (guint c = 0; c < self->columns->len; c++)
    {
      ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      double text_width;

      if (sum_max <= room)
        text_width = column->max_width + (room - sum_max) * column->max_width / MAX (sum_max, 1);
      else if (sum_min <= room)
        text_width = column->min_width
                     + (room - sum_min) * (column->max_width - column->min_width) / MAX (sum_max - sum_min, 1);
      else
        text_width = column->min_width * room / sum_min;
      column->x = x;
      column->width = text_width + 2 * CELL_PAD_X;
      x += column->width;
    }
}

/* The layouts of a row's cells, one a column. */
static GPtrArray *
row_layouts (SubprocReport *self,
             guint          row)
{
  SubprocProcessor *processor = row_processor (self, row);
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      g_autofree char *text = cell_text (self, processor, column, attrs);

      g_ptr_array_add (layouts, new_layout (self, self->body_font, text, attrs,
                                            column->width - 2 * CELL_PAD_X));
    }

  return layouts;
}

static double
layouts_height (GPtrArray *layouts)
{
  double height = 0;

  for (guint i = 0; i < layouts->len; i++)
    height = MAX (height, layout_height (g_ptr_array_index (layouts, i)));
  return height;
}

/* The lowest place at or above @limit that cuts through no line of any
 * cell, so that a row taller than a page breaks between lines. */
static double
break_between_lines (GPtrArray *layouts,
                     double     limit)
{
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < layouts->len; i++)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (g_ptr_array_index (layouts, i));

          do
            {
              PangoRectangle logical;
              double top, bottom;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              top = pango_units_to_double (logical.y);
              bottom = pango_units_to_double (logical.y + logical.height);
              if (top < limit - EPSILON && bottom > limit + EPSILON)
                {
                  limit = top;
                  moved = TRUE;
                }
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
        }
    }

  return limit;
}

static double
body_top (SubprocReport *self,
          guint          page)
{
  return self->margin + (page == 0 ? self->title_height : 0) + self->header_height;
}

static double
body_bottom (SubprocReport *self)
{
  return self->height - self->margin - self->footer_height;
}

static void
new_page (SubprocReport *self,
          double        *y)
{
  g_array_append_val (self->page_starts, self->slices->len);
  *y = body_top (self, self->page_starts->len - 1);
}

static void
add_slice (SubprocReport *self,
           guint          row,
           double         from,
           double         to)
{
  Slice slice = { row, from, to };

  g_array_append_val (self->slices, slice);
}

/* A row taller than a page: in slices broken between lines, each page
 * with the header repeated above it. */
static void
split_row (SubprocReport *self,
           guint          row,
           GPtrArray     *layouts,
           double         height,
           double        *y)
{
  double from = 0;

  if (body_bottom (self) - *y - 2 * CELL_PAD_Y < MIN_SPLIT_ROOM)
    new_page (self, y);

  while (from < height - EPSILON)
    {
      double room = body_bottom (self) - *y - 2 * CELL_PAD_Y;
      double to = from + room >= height ? height : break_between_lines (layouts, from + room);

      /* a single line taller than a whole page: cut it rather than loop */
      if (to <= from + EPSILON)
        to = from + room;
      add_slice (self, row, from, to);
      *y += to - from + 2 * CELL_PAD_Y;
      from = to;
      if (from < height - EPSILON)
        new_page (self, y);
    }
}

static void
measure_frame (SubprocReport *self)
{
  g_autoptr(PangoFontDescription) footer_font = new_font (FOOTER_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) footer = new_layout (self, footer_font, "Page 1", NULL, -1);
  double header = 0;

  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      g_autoptr(PangoLayout) layout = new_layout (self, self->bold_font, column_title (column), NULL,
                                                  column->width - 2 * CELL_PAD_X);

      header = MAX (header, layout_height (layout));
    }
  self->header_height = header + 2 * CELL_PAD_Y;
  self->footer_height = layout_height (footer) + FOOTER_GAP;
}

static void draw_title (SubprocReport *self, cairo_t *cr, GArray *boxes);

/**
 * subproc_report_paginate:
 * @context: the context to lay text out with; at 72 dpi, so that a point
 *   is a unit (pango_cairo_context_set_resolution (context, 72))
 * @width: the width of the page in points
 * @height: the height of the page in points
 *
 * Lays the register out on pages of @width × @height points, with the
 * report's margins: (0, 0) is the top left corner of the paper. With a
 * GtkPrintOperation, use the full page (gtk_print_operation_set_use_full_page)
 * in points, and lay out with gtk_print_context_create_pango_context().
 *
 * Returns: the number of pages
 */
guint
subproc_report_paginate (SubprocReport *self,
                         PangoContext  *context,
                         double         width,
                         double         height)
{
  g_autoptr(SubprocLanguageScope) scope = NULL;
  guint n_items;
  double y;

  g_return_val_if_fail (SUBPROC_IS_REPORT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 4 * self->margin && height > 4 * self->margin, 0);

  scope = subproc_language_push (self->language);
  g_set_object (&self->context, context);
  self->width = width;
  self->height = height;
  g_array_set_size (self->slices, 0);
  g_array_set_size (self->page_starts, 0);

  fit_columns (self);
  measure_frame (self);
  self->title_height = 0;
  {
    g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (SubprocReportBox));

    draw_title (self, NULL, boxes);
    for (guint i = 0; i < boxes->len; i++)
      {
        SubprocReportBox *box = &g_array_index (boxes, SubprocReportBox, i);

        self->title_height = MAX (self->title_height, box->y + box->height - self->margin);
      }
    self->title_height += TITLE_GAP;
  }

  new_page (self, &y);
  n_items = n_rows (self);
  for (guint row = 0; row < n_items; row++)
    {
      g_autoptr(GPtrArray) layouts = row_layouts (self, row);
      double text_height = layouts_height (layouts);
      double needed = text_height + 2 * CELL_PAD_Y;
      double fresh_room = body_bottom (self) - body_top (self, 1);

      if (y + needed <= body_bottom (self) + EPSILON)
        {
          add_slice (self, row, 0, text_height);
          y += needed;
        }
      else if (needed <= fresh_room + EPSILON)
        {
          new_page (self, &y);
          add_slice (self, row, 0, text_height);
          y += needed;
        }
      else
        split_row (self, row, layouts, text_height, &y);
    }
  g_array_append_val (self->page_starts, self->slices->len);

  return subproc_report_get_n_pages (self);
}

/**
 * subproc_report_get_n_pages:
 *
 * Returns: the number of pages subproc_report_paginate() made, 0 before
 */
guint
subproc_report_get_n_pages (SubprocReport *self)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), 0);

  return self->page_starts->len > 0 ? self->page_starts->len - 1 : 0;
}

static void
tag_begin (cairo_t    *cr,
           const char *tag)
{
  if (cr != NULL)
    cairo_tag_begin (cr, tag, NULL);
}

static void
tag_end (cairo_t    *cr,
         const char *tag)
{
  if (cr != NULL)
    cairo_tag_end (cr, tag);
}

/* Draws the lines of @layout whose tops lie between @from and @to (points
 * from the top of the layout) at @x, @y, and records where each went. */
static void
show_lines (cairo_t              *cr,
            GArray               *boxes,
            SubprocReportBoxKind  kind,
            PangoLayout          *layout,
            double                x,
            double                y,
            double                from,
            double                to,
            double                cell_x,
            double                cell_width)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle ink, logical;
      double top, bottom, baseline;

      pango_layout_iter_get_line_extents (iter, &ink, &logical);
      top = pango_units_to_double (logical.y);
      bottom = pango_units_to_double (logical.y + logical.height);
      if (top < from - EPSILON || bottom > to + EPSILON)
        continue;

      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      if (cr != NULL)
        {
          cairo_move_to (cr, x + pango_units_to_double (logical.x), y + baseline - from);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      if (boxes != NULL && logical.width > 0)
        {
          double left = MIN (ink.width > 0 ? ink.x : logical.x, logical.x);
          double right = MAX (ink.x + ink.width, logical.x + logical.width);
          double upper = MIN (ink.height > 0 ? ink.y : logical.y, logical.y);
          double lower = MAX (ink.y + ink.height, logical.y + logical.height);
          SubprocReportBox box = {
            kind,
            x + pango_units_to_double ((int) left), y + pango_units_to_double ((int) upper) - from,
            pango_units_to_double ((int) (right - left)), pango_units_to_double ((int) (lower - upper)),
            cell_x, cell_width,
          };

          g_array_append_val (boxes, box);
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
show_layout (cairo_t              *cr,
             GArray               *boxes,
             SubprocReportBoxKind  kind,
             PangoLayout          *layout,
             double                x,
             double                y,
             double                cell_x,
             double                cell_width)
{
  show_lines (cr, boxes, kind, layout, x, y, 0, G_MAXDOUBLE, cell_x, cell_width);
}

static void
append_meta (GString       *text,
             PangoAttrList *attrs,
             const char    *label,
             const char    *value)
{
  gsize start;

  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  start = text->len;
  g_string_append_printf (text, _("%s: "), label);
  add_bold (attrs, start, text->len);
  g_string_append (text, value);
}

/* The title block of the first page: what this is, whose, and when. */
static void
draw_title (SubprocReport *self,
            cairo_t       *cr,
            GArray        *boxes)
{
  g_autoptr(PangoFontDescription) title_font = new_font (TITLE_SIZE, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) subtitle_font = new_font (SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) meta_font = new_font (META_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (self->printed),
                                           (GDateMonth) g_date_time_get_month (self->printed),
                                           (GDateYear) g_date_time_get_year (self->printed));
  g_autofree char *printed = subproc_language_format_date (date, TRUE);
  g_autofree char *count = g_strdup_printf ("%u", n_rows (self));
  g_autofree char *contents = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) details = NULL;
  double width = content_width (self);
  double y = self->margin;

  title = new_layout (self, title_font, report_title (self), NULL, width);
  subtitle = new_layout (self, subtitle_font,
                         self->internal
                         ? _("Complete register of processors and sub-processors. Internal: contains personal data.")
                         : _("Processors and sub-processors that process personal data on our behalf."),
                         NULL, width);

  /* Translators: report title block: the organisation whose register this is */
  append_meta (meta, attrs, _("Organisation"), subproc_register_get_organisation (self->reg));
  /* Translators: report title block: how to reach the Data Protection Officer */
  append_meta (meta, attrs, _("Data Protection Officer"), subproc_register_get_dpo_contact (self->reg));
  /* Translators: report title block: the date the report was printed */
  append_meta (meta, attrs, _("Printed"), printed);
  /* Translators: report title block: the number of processors in the report */
  append_meta (meta, attrs, _("Number of processors"), count);
  if (self->rows != NULL)
    contents = g_strdup_printf (/* Translators: report title block: which processors it holds; %u is the register's count */
                                _("The processors shown in the window, in the order shown, of %u in the register"),
                                g_list_model_get_n_items (G_LIST_MODEL (self->reg)));
  else
    /* Translators: report title block: which processors it holds */
    contents = g_strdup (_("The whole register"));
  /* Translators: report title block: which processors the report holds */
  append_meta (meta, attrs, _("Contents"), contents);
  /* Translators: report title block: the file the register was read from */
  append_meta (meta, attrs, _("Source"), self->source_name);
  details = new_layout (self, meta_font, meta->str, attrs, width);

  tag_begin (cr, "H1");
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_TITLE, title, self->margin, y, self->margin, width);
  tag_end (cr, "H1");
  y += layout_height (title) + 2;
  tag_begin (cr, "P");
  if (cr != NULL && self->internal)
    cairo_set_source_rgb (cr, 0.6, 0.0, 0.0);
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_TITLE, subtitle, self->margin, y, self->margin, width);
  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  tag_end (cr, "P");
  y += layout_height (subtitle) + 6;
  tag_begin (cr, "P");
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_TITLE, details, self->margin, y, self->margin, width);
  tag_end (cr, "P");
}

static void
draw_header (SubprocReport *self,
             cairo_t       *cr,
             GArray        *boxes,
             double         y)
{
  if (cr != NULL)
    {
      cairo_rectangle (cr, self->margin, y, content_width (self), self->header_height);
      cairo_set_source_rgb (cr, 0.88, 0.90, 0.92);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  tag_begin (cr, "TR");
  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      g_autoptr(PangoLayout) layout = new_layout (self, self->bold_font, column_title (column), NULL,
                                                  column->width - 2 * CELL_PAD_X);

      tag_begin (cr, "TH");
      show_layout (cr, boxes, SUBPROC_REPORT_BOX_HEADER, layout, column->x + CELL_PAD_X, y + CELL_PAD_Y,
                   column->x, column->width);
      tag_end (cr, "TH");
    }
  tag_end (cr, "TR");
}

static void
draw_rule (SubprocReport *self,
           cairo_t       *cr,
           double         y,
           double         line_width,
           double         grey)
{
  if (cr == NULL)
    return;
  cairo_set_line_width (cr, line_width);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, self->margin, y);
  cairo_line_to (cr, self->width - self->margin, y);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_slice (SubprocReport *self,
            cairo_t       *cr,
            GArray        *boxes,
            const Slice   *slice,
            double         y)
{
  g_autoptr(GPtrArray) layouts = row_layouts (self, slice->row);

  tag_begin (cr, "TR");
  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);

      tag_begin (cr, "TD");
      show_lines (cr, boxes, SUBPROC_REPORT_BOX_CELL, g_ptr_array_index (layouts, c),
                  column->x + CELL_PAD_X, y + CELL_PAD_Y, slice->from, slice->to, column->x, column->width);
      tag_end (cr, "TD");
    }
  tag_end (cr, "TR");
}

static void
draw_footer (SubprocReport *self,
             cairo_t       *cr,
             GArray        *boxes,
             guint          page)
{
  g_autoptr(PangoFontDescription) font = new_font (FOOTER_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) bold = new_font (FOOTER_SIZE, PANGO_WEIGHT_BOLD);
  /* Translators: the footer of every report page */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, subproc_report_get_n_pages (self));
  g_autoptr(PangoLayout) right = new_layout (self, font, number, NULL, -1);
  double width = content_width (self);
  double right_width = layout_width (right);
  double y = self->height - self->margin - self->footer_height + FOOTER_GAP;
  double left_room = width * 0.4;
  g_autoptr(PangoLayout) left = new_layout (self, font, report_title (self), NULL, left_room);

  draw_rule (self, cr, y - FOOTER_GAP / 2, 0.5, 0.6);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left, -1);
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_FOOTER, left, self->margin, y, self->margin, left_room);
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_FOOTER, right, self->width - self->margin - right_width, y,
               self->margin, width);

  if (self->internal)
    {
      /* Translators: on every page of the complete register, which holds personal data */
      g_autoptr(PangoLayout) mark = new_layout (self, bold, _("Internal: contains personal data"), NULL, -1);
      double mark_width = layout_width (mark);

      if (cr != NULL)
        cairo_set_source_rgb (cr, 0.6, 0.0, 0.0);
      show_layout (cr, boxes, SUBPROC_REPORT_BOX_FOOTER, mark, self->margin + (width - mark_width) / 2, y,
                   self->margin, width);
      if (cr != NULL)
        cairo_set_source_rgb (cr, 0, 0, 0);
    }
}

static void
render_page (SubprocReport *self,
             cairo_t       *cr,
             GArray        *boxes,
             guint          page)
{
  guint first = g_array_index (self->page_starts, guint, page);
  guint end = g_array_index (self->page_starts, guint, page + 1);
  double y = self->margin + (page == 0 ? self->title_height : 0);

  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    draw_title (self, cr, boxes);

  tag_begin (cr, "Table");
  draw_header (self, cr, boxes, y);
  y += self->header_height;
  draw_rule (self, cr, y, 0.8, 0.3);
  for (guint i = first; i < end; i++)
    {
      const Slice *slice = &g_array_index (self->slices, Slice, i);
      double height = slice->to - slice->from + 2 * CELL_PAD_Y;

      draw_slice (self, cr, boxes, slice, y);
      y += height;
      draw_rule (self, cr, y, 0.4, 0.7);
    }
  tag_end (cr, "Table");

  draw_footer (self, cr, boxes, page);
}

/**
 * subproc_report_draw_page:
 * @cr: where to draw, in points, (0, 0) at the top left of the paper
 * @page: 0-based, below subproc_report_get_n_pages()
 *
 * Draws one page as subproc_report_paginate() laid it out. On a PDF
 * surface it also marks up the page's structure (heading, table, rows,
 * header and data cells).
 */
void
subproc_report_draw_page (SubprocReport *self,
                          cairo_t       *cr,
                          guint          page)
{
  g_autoptr(SubprocLanguageScope) scope = NULL;

  g_return_if_fail (SUBPROC_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < subproc_report_get_n_pages (self));

  scope = subproc_language_push (self->language);
  cairo_save (cr);
  render_page (self, cr, NULL, page);
  cairo_restore (cr);
}

/**
 * subproc_report_get_boxes:
 *
 * Where subproc_report_draw_page() puts text on @page, line by line, for
 * tests that check nothing runs outside the page or its cell.
 *
 * Returns: (transfer full) (element-type SubprocReportBox): the boxes
 */
GArray *
subproc_report_get_boxes (SubprocReport *self,
                          guint          page)
{
  g_autoptr(SubprocLanguageScope) scope = NULL;
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (SubprocReportBox));

  g_return_val_if_fail (SUBPROC_IS_REPORT (self), boxes);
  g_return_val_if_fail (page < subproc_report_get_n_pages (self), boxes);

  scope = subproc_language_push (self->language);
  render_page (self, NULL, boxes, page);
  return boxes;
}

/**
 * subproc_report_get_page_of_row:
 * @position: a processor's position in the register
 *
 * Returns: the page where the processor's row starts
 */
guint
subproc_report_get_page_of_row (SubprocReport *self,
                                guint          position)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), 0);

  for (guint page = 0; page + 1 < self->page_starts->len; page++)
    {
      guint end = g_array_index (self->page_starts, guint, page + 1);

      if (end > 0 && g_array_index (self->slices, Slice, end - 1).row >= position)
        return page;
    }
  return 0;
}

static void
subproc_report_finalize (GObject *object)
{
  SubprocReport *self = SUBPROC_REPORT (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->printed, g_date_time_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->body_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  G_OBJECT_CLASS (subproc_report_parent_class)->finalize (object);
}

static void
subproc_report_class_init (SubprocReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = subproc_report_finalize;
}

static void
subproc_report_init (SubprocReport *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (ReportColumn));
  self->slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->body_font = new_font (BODY_SIZE, PANGO_WEIGHT_NORMAL);
  self->bold_font = new_font (BODY_SIZE, PANGO_WEIGHT_BOLD);
  self->paper = SUBPROC_PAPER_A4;
  self->landscape = TRUE;
  self->margin = DEFAULT_MARGIN;
  self->printed = g_date_time_new_now_local ();
}

/**
 * subproc_report_new:
 * @reg: the register to print
 *
 * A report of @reg: the public list on A4 landscape in the UI's language,
 * until told otherwise. Paginate it before drawing.
 *
 * Returns: (transfer full): the report
 */
SubprocReport *
subproc_report_new (SubprocRegister *reg)
{
  SubprocReport *self;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);

  self = g_object_new (SUBPROC_TYPE_REPORT, NULL);
  self->reg = g_object_ref (reg);
  subproc_report_set_column_set (self, SUBPROC_COLUMNS_PUBLIC);
  return self;
}

/**
 * subproc_report_set_paper:
 *
 * Sets the paper subproc_report_get_paper_size() and
 * subproc_report_write_pdf() use (A4 landscape by default).
 */
void
subproc_report_set_paper (SubprocReport *self,
                          SubprocPaper   paper,
                          gboolean       landscape)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));

  self->paper = paper;
  self->landscape = landscape;
}

/**
 * subproc_report_get_paper_size:
 *
 * The size of the report's paper in points, turned for landscape.
 */
void
subproc_report_get_paper_size (SubprocReport *self,
                               double        *width,
                               double        *height)
{
  double short_side = self->paper == SUBPROC_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
  double long_side = self->paper == SUBPROC_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;

  g_return_if_fail (SUBPROC_IS_REPORT (self));

  *width = self->landscape ? long_side : short_side;
  *height = self->landscape ? short_side : long_side;
}

/**
 * subproc_report_set_margin:
 * @margin: in points, on every side (half an inch by default)
 */
void
subproc_report_set_margin (SubprocReport *self,
                           double         margin)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));
  g_return_if_fail (margin >= 0);

  self->margin = margin;
}

/**
 * subproc_report_set_column_set:
 *
 * Prints the public list or the complete internal register (every field;
 * every page marked as holding personal data).
 */
void
subproc_report_set_column_set (SubprocReport    *self,
                               SubprocColumnSet  set)
{
  const SubprocColumn *full;
  const SubprocField *fields;
  guint n;

  g_return_if_fail (SUBPROC_IS_REPORT (self));

  if (set == SUBPROC_COLUMNS_FULL)
    {
      full = subproc_columns_get_full (&n);
      g_array_set_size (self->columns, 0);
      for (guint i = 0; i < n; i++)
        {
          ReportColumn column = { full[i], 0, 0, 0, 0 };

          g_array_append_val (self->columns, column);
        }
      self->internal = TRUE;
      return;
    }
  fields = subproc_columns_get_public_fields (&n);
  subproc_report_set_fields (self, fields, n);
}

/**
 * subproc_report_set_fields:
 * @fields: (array length=n_fields): the columns, one field each
 *
 * Prints the columns the user picked. A report with any field beyond the
 * public list's is internal: it is marked so on every page.
 */
void
subproc_report_set_fields (SubprocReport      *self,
                           const SubprocField *fields,
                           guint               n_fields)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));
  g_return_if_fail (n_fields > 0);

  g_array_set_size (self->columns, 0);
  self->internal = FALSE;
  for (guint i = 0; i < n_fields; i++)
    {
      ReportColumn column = { { { fields[i] }, 1, NULL, FALSE }, 0, 0, 0, 0 };

      g_return_if_fail ((guint) fields[i] < SUBPROC_N_FIELDS);
      self->internal |= !subproc_columns_is_public (fields[i]);
      g_array_append_val (self->columns, column);
    }
}

/**
 * subproc_report_is_internal:
 *
 * Returns: whether the report shows more than the public list
 */
gboolean
subproc_report_is_internal (SubprocReport *self)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), FALSE);

  return self->internal;
}

/**
 * subproc_report_get_register:
 *
 * Returns: (transfer none): the register the report prints
 */
SubprocRegister *
subproc_report_get_register (SubprocReport *self)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), NULL);

  return self->reg;
}

/**
 * subproc_report_get_language:
 *
 * Returns: (nullable): the report's language, %NULL for the UI's
 */
const char *
subproc_report_get_language (SubprocReport *self)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), NULL);

  return self->language;
}

/**
 * subproc_report_get_title:
 *
 * The register's title, or a translated one for a register without;
 * in the language gettext answers in (see subproc_language_push()).
 */
const char *
subproc_report_get_title (SubprocReport *self)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), NULL);

  return report_title (self);
}

/**
 * subproc_report_get_n_columns:
 */
guint
subproc_report_get_n_columns (SubprocReport *self)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), 0);

  return self->columns->len;
}

/**
 * subproc_report_get_column_title:
 *
 * Returns: the column's header, translated as subproc_report_get_title()
 */
const char *
subproc_report_get_column_title (SubprocReport *self,
                                 guint          column)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return column_title (&g_array_index (self->columns, ReportColumn, column));
}

/**
 * subproc_report_get_cell_text:
 *
 * The text of a cell as the report prints it: countries, dates and
 * mechanisms in words; a grouped cell's fields a line each, labelled.
 *
 * Returns: (transfer full): the text, "" for an empty cell
 */
char *
subproc_report_get_cell_text (SubprocReport *self,
                              guint          row,
                              guint          column)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  g_return_val_if_fail (SUBPROC_IS_REPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  g_return_val_if_fail (row < n_rows (self), NULL);

  return cell_text (self, row_processor (self, row),
                    &g_array_index (self->columns, ReportColumn, column), attrs);
}

/**
 * subproc_report_prepare_context:
 * @context: a Pango context for cairo: a print context's, a PDF surface's,
 *   or one of subproc_report_new_context()
 *
 * Makes @context lay out as on paper: in points (72 dpi), unhinted, so that
 * the preview, the printer and the PDF break every line in the same place.
 */
void
subproc_report_prepare_context (PangoContext *context)
{
  cairo_font_options_t *options;

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);
}

/**
 * subproc_report_new_context:
 *
 * Returns: (transfer full): a Pango context that lays out as on paper,
 *   for a preview on screen.
 */
PangoContext *
subproc_report_new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  subproc_report_prepare_context (context);
  return context;
}

/**
 * subproc_report_set_processors:
 * @processors: (nullable): processors of the report's register, in the
 *   order to print them (the window's search and sort, say); %NULL for the
 *   whole register in its own order
 *
 * Chooses the processors the report holds. They are taken as they are now;
 * the title block says which it is.
 */
void
subproc_report_set_processors (SubprocReport *self,
                               GListModel    *processors)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));
  g_return_if_fail (processors == NULL || G_IS_LIST_MODEL (processors));

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (processors == NULL)
    return;

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (processors); i++)
    {
      SubprocProcessor *processor = g_list_model_get_item (processors, i);

      g_return_if_fail (SUBPROC_IS_PROCESSOR (processor));
      g_ptr_array_add (self->rows, processor);
    }
}

/**
 * subproc_report_get_n_rows:
 *
 * Returns: how many processors the report holds.
 */
guint
subproc_report_get_n_rows (SubprocReport *self)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), 0);

  return n_rows (self);
}

/**
 * subproc_report_get_row:
 *
 * Returns: (transfer none): the processor of @row.
 */
SubprocProcessor *
subproc_report_get_row (SubprocReport *self,
                        guint          row)
{
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), NULL);
  g_return_val_if_fail (row < n_rows (self), NULL);

  return row_processor (self, row);
}

/**
 * subproc_report_set_language:
 * @language: (nullable): "en", "sv" or "da"; %NULL for the UI's
 */
void
subproc_report_set_language (SubprocReport *self,
                             const char    *language)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));
  g_return_if_fail (language == NULL || subproc_language_is_supported (language));

  g_free (self->language);
  self->language = g_strdup (language);
}

/**
 * subproc_report_set_source_name:
 * @source_name: (nullable): the file the register came from, as shown
 */
void
subproc_report_set_source_name (SubprocReport *self,
                                const char    *source_name)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));

  g_free (self->source_name);
  self->source_name = g_strdup (source_name);
}

/**
 * subproc_report_set_printed:
 *
 * The time the report says it was printed (now, by default).
 */
void
subproc_report_set_printed (SubprocReport *self,
                            GDateTime     *printed)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));
  g_return_if_fail (printed != NULL);

  g_date_time_unref (self->printed);
  self->printed = g_date_time_ref (printed);
}

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  return subproc_file_writer_write (user_data, data, length) ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (SubprocReport   *self,
              cairo_surface_t *surface)
{
  g_autofree char *date = g_date_time_format (self->printed, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *creator = g_strdup_printf ("Subproc %s", PACKAGE_VERSION);
  const char *organisation = subproc_register_get_organisation (self->reg);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report_title (self));
  if (organisation != NULL && *organisation != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  self->internal
                                  /* Translators: the subject of a report's PDF */
                                  ? _("Register of processors and sub-processors (GDPR Art. 28 and 30), internal")
                                  : _("List of processors and sub-processors (GDPR Art. 28)"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Bookmarks to each processor, so a long register can be navigated. */
static void
add_outline (SubprocReport   *self,
             cairo_surface_t *surface,
             guint            page)
{
  guint first = g_array_index (self->page_starts, guint, page);
  guint end = g_array_index (self->page_starts, guint, page + 1);
  double y = self->margin + (page == 0 ? self->title_height : 0) + self->header_height;

  for (guint i = first; i < end; i++)
    {
      const Slice *slice = &g_array_index (self->slices, Slice, i);

      if (slice->from == 0)
        {
          SubprocProcessor *processor = row_processor (self, slice->row);
          g_autofree char *link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) self->margin, (int) y);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                         subproc_processor_get_name (processor), link, 0);
        }
      y += slice->to - slice->from + 2 * CELL_PAD_Y;
    }
}

static gboolean
render_pdf (SubprocReport   *self,
            cairo_surface_t *surface,
            double           width,
            double           height)
{
  G_GNUC_UNUSED g_autoptr(SubprocLanguageScope) scope = subproc_language_push (self->language);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  gboolean ok;

  subproc_report_prepare_context (context);
  set_metadata (self, surface);
  subproc_report_paginate (self, context, width, height);
  g_object_unref (context);

  for (guint page = 0; page < subproc_report_get_n_pages (self); page++)
    {
      subproc_report_draw_page (self, cr, page);
      add_outline (self, surface, page);
      cairo_show_page (cr);
    }

  ok = cairo_status (cr) == CAIRO_STATUS_SUCCESS;
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  return ok && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
}

/**
 * subproc_report_write_pdf:
 * @file: a local file
 *
 * Writes the report as a PDF on the report's paper: fonts embedded,
 * metadata (title, organisation as author, subject, date), structure tags
 * and a bookmark for each processor. The PDF is written beside @file and
 * renamed over it, so a failure leaves no half-written file; the complete
 * register is readable by the user alone, as it holds personal data.
 */
gboolean
subproc_report_write_pdf (SubprocReport  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(SubprocFileWriter) writer = NULL;
  cairo_surface_t *surface;
  double width, height;
  gboolean ok;

  g_return_val_if_fail (SUBPROC_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  writer = subproc_file_writer_new (file, self->internal ? SUBPROC_FILE_PRIVATE : SUBPROC_FILE_NONE, error);
  if (writer == NULL)
    return FALSE;

  subproc_report_get_paper_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, writer, width, height);
  ok = render_pdf (self, surface, width, height);
  cairo_surface_destroy (surface);

  /* the commit then says so, and leaves @file as it was */
  if (!ok)
    subproc_file_writer_set_failed (writer, EIO);
  return subproc_file_writer_commit (writer, NULL, NULL, error);
}

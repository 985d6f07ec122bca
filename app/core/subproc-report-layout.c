/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-report-private.h"


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
              *min_width = MAX (*min_width, _subproc_report_layout_width (words_layout));
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
  *max_width = MAX (*max_width, _subproc_report_layout_width (scratch));
  pango_layout_set_attributes (scratch, NULL);
}

/* Column widths fitted to the content, as browsers lay out tables: every
 * column gets its longest word, and what is left goes to the columns in
 * proportion to how much more they would like. */
static void
fit_columns (SubprocReport *self)
{
  double room = _subproc_report_content_width (self) - 2 * CELL_PAD_X * self->columns->len;
  double sum_min = 0, sum_max = 0, x = self->margin;
  g_autoptr(PangoLayout) scratch = _subproc_report_new_layout (self, self->body_font, "", NULL, -1);
  g_autoptr(PangoLayout) header = _subproc_report_new_layout (self, self->bold_font, "", NULL, -1);
  guint n_items = _subproc_report_n_rows (self);

  for (guint c = 0; c < self->columns->len; c++)
    {
      ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      /* a text measured once in a column is not measured again */
      g_autoptr(GHashTable) measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      double header_min = 0, cell_min = 0;

      column->max_width = 0;
      measure_text (self, header, header, _subproc_report_column_title (column), NULL, room, &header_min, &column->max_width);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
          g_autofree char *text = _subproc_report_cell_text (self, _subproc_report_row_processor (self, i), column, attrs);

          if (g_hash_table_contains (measured, text))
            continue;
          measure_text (self, scratch, has_attributes (attrs) ? header : scratch, text, attrs, room,
                        &cell_min, &column->max_width);
          if (strlen (text) <= CACHED_CELL_MAX && g_hash_table_size (measured) < CACHED_CELLS_MAX)
            g_hash_table_add (measured, g_steal_pointer (&text));
        }
      /* a header's words are never broken; a long word in a cell (a URL,
       * an id) is, rather than squeezing every other column; the findings
       * are prose that wraps anywhere, beside every other column */
      if (column->column.findings)
        cell_min = 0;
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


static double
layouts_height (GPtrArray *layouts)
{
  double height = 0;

  for (guint i = 0; i < layouts->len; i++)
    height = MAX (height, _subproc_report_layout_height (g_ptr_array_index (layouts, i)));
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
  g_autoptr(PangoFontDescription) footer_font = _subproc_report_new_font (FOOTER_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) footer = _subproc_report_new_layout (self, footer_font, "Page 1", NULL, -1);
  double header = 0;

  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      g_autoptr(PangoLayout) layout = _subproc_report_new_layout (self, self->bold_font, _subproc_report_column_title (column), NULL,
                                                  column->width - 2 * CELL_PAD_X);

      header = MAX (header, _subproc_report_layout_height (layout));
    }
  self->header_height = header + 2 * CELL_PAD_Y;
  self->footer_height = _subproc_report_layout_height (footer) + FOOTER_GAP;
}

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
  _subproc_report_forget_layouts (self);
  subproc_report_update_rows (self);

  fit_columns (self);
  measure_frame (self);
  self->title_height = 0;
  {
    g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (SubprocReportBox));

    _subproc_report_draw_title (self, NULL, boxes);
    for (guint i = 0; i < boxes->len; i++)
      {
        SubprocReportBox *box = &g_array_index (boxes, SubprocReportBox, i);

        self->title_height = MAX (self->title_height, box->y + box->height - self->margin);
      }
    self->title_height += TITLE_GAP;
  }

  new_page (self, &y);
  n_items = _subproc_report_n_rows (self);
  for (guint row = 0; row < n_items; row++)
    {
      g_autoptr(GPtrArray) layouts = _subproc_report_row_layouts (self, row);
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


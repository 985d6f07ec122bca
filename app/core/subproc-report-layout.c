/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-report-private.h"


/* Pango helpers the layout and the drawing share. */

static PangoLayout *
new_layout_on (PangoContext               *context,
               const PangoFontDescription *font,
               const char                 *text,
               PangoAttrList              *attrs,
               double                      width)
{
  PangoLayout *layout = pango_layout_new (context);
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

PangoLayout *
_subproc_report_new_layout (SubprocReport              *self,
                            const PangoFontDescription *font,
                            const char                 *text,
                            PangoAttrList              *attrs,
                            double                      width)
{
  return new_layout_on (self->context, font, text, attrs, width);
}

double
_subproc_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
_subproc_report_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

PangoFontDescription *
_subproc_report_new_font (double      size,
                          PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  return font;
}

static PangoAttrList *
cell_attributes (const CellText *cell)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; cell->bold != NULL && i < cell->bold->len; i++)
    {
      const SubprocTextSpan *span = &g_array_index (cell->bold, SubprocTextSpan, i);

      _subproc_report_add_bold (attrs, span->start, span->end);
    }
  return attrs;
}

/* A cell laid out at its column's width, on @context: any thread's, as
 * the cells' texts are plain data once taken. */
PangoLayout *
_subproc_report_cell_layout (SubprocReport *self,
                             PangoContext  *context,
                             guint          row,
                             guint          column)
{
  const CellText *cell = _subproc_report_get_cell (self, row, column);
  const ReportColumn *report_column = &g_array_index (self->columns, ReportColumn, column);
  g_autoptr(PangoAttrList) attrs = cell_attributes (cell);

  return new_layout_on (context, self->body_font, cell->text, attrs, report_column->width - 2 * CELL_PAD_X);
}

static void
clear_layout (PangoLayout *layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

/* "COLUMN\x1fTEXT" -> PangoLayout, or NULL when seen once: short cells that
 * repeat (countries, functions, dates) are shaped once a pagination. One
 * a thread, as the layouts are its context's. */
GHashTable *
_subproc_report_new_layout_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) clear_layout);
}

/* The key a cell's text is kept under in a cache of shaped cells, %NULL
 * for a long text, which is laid out for its row alone. */
char *
_subproc_report_cell_key (SubprocReport *self,
                          guint          row,
                          guint          column)
{
  const char *text = _subproc_report_get_cell (self, row, column)->text;

  return strlen (text) <= CACHED_CELL_MAX ? g_strdup_printf ("%u\x1f%s", column, text) : NULL;
}

/* Keeps @value (a reference made by @ref) under *@key from the second time
 * the key is seen: a name stands once, a country or a function often. */
void
_subproc_report_cache_seen (GHashTable *cache,
                            char      **key,
                            gpointer    value,
                            gpointer  (*ref) (gpointer))
{
  if (*key == NULL || g_hash_table_size (cache) >= CACHED_CELLS_MAX)
    return;
  if (g_hash_table_contains (cache, *key))
    g_hash_table_insert (cache, g_steal_pointer (key), ref (value));
  else
    g_hash_table_insert (cache, g_steal_pointer (key), NULL);
}

/* The layouts of a row's cells on @context, one a column. */
GPtrArray *
_subproc_report_row_layouts_on (SubprocReport *self,
                                PangoContext  *context,
                                GHashTable    *cache,
                                guint          row)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autofree char *key = _subproc_report_cell_key (self, row, c);
      PangoLayout *layout = key != NULL ? g_hash_table_lookup (cache, key) : NULL;

      /* the same text in the same column (a column's bold spans follow
       * from its text) is the same layout: drawn as often as it stands */
      if (layout != NULL)
        {
          g_ptr_array_add (layouts, g_object_ref (layout));
          continue;
        }
      layout = _subproc_report_cell_layout (self, context, row, c);
      _subproc_report_cache_seen (cache, &key, layout, g_object_ref);
      g_ptr_array_add (layouts, layout);
    }

  return layouts;
}

/* The layouts of a row's cells on the report's own context. */
GPtrArray *
_subproc_report_row_layouts (SubprocReport *self,
                             guint          row)
{
  if (self->cell_layouts == NULL)
    self->cell_layouts = _subproc_report_new_layout_cache ();
  return _subproc_report_row_layouts_on (self, self->context, self->cell_layouts, row);
}

/* Forgets the layouts kept: the columns or the context changed. */
void
_subproc_report_forget_layouts (SubprocReport *self)
{
  g_clear_pointer (&self->cell_layouts, g_hash_table_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_object (&self->footer_title);
  g_clear_object (&self->footer_mark);
}

/* A context for another thread that lays out as the report's own does: its
 * own font map (a font map serves one thread), the same settings. */
PangoContext *
_subproc_report_thread_context (SubprocReport *self)
{
  g_autoptr(PangoFontMap) map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (self->context);

  if (options != NULL)
    pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, pango_cairo_context_get_resolution (self->context));
  pango_context_set_language (context, pango_context_get_language (self->context));
  pango_context_set_base_dir (context, pango_context_get_base_dir (self->context));
  pango_context_set_base_gravity (context, pango_context_get_base_gravity (self->context));
  pango_context_set_gravity_hint (context, pango_context_get_gravity_hint (self->context));
  pango_context_set_matrix (context, pango_context_get_matrix (self->context));
  pango_context_set_round_glyph_positions (context, pango_context_get_round_glyph_positions (self->context));
  return context;
}


/* Work on every row, shared a chunk of rows at a time between the calling
 * thread and, for a long report on a machine of more than one core, a
 * helper thread beside it: shaping text is most of laying a report out,
 * and each thread shapes with a context, and a font map, of its own. */
typedef void (*RowsFunc) (gpointer      data,
                          PangoContext *context,
                          guint         thread);

typedef struct
{
  RowsFunc      func;
  gpointer      data;
  PangoContext *context;
} HelperJob;

#define ROWS_CHUNK 32

/* The next chunk of rows not taken by either thread, from @next. */
static gboolean
next_chunk (guint *next,
            guint  n_rows,
            guint *start,
            guint *end)
{
  *start = (guint) g_atomic_int_add ((gint *) next, ROWS_CHUNK);
  *end = MIN (*start + ROWS_CHUNK, n_rows);
  return *start < n_rows;
}

static gpointer
run_helper (gpointer data)
{
  HelperJob *job = data;

  job->func (job->data, job->context, 1);
  return NULL;
}

/* Runs @func as thread 0 on the report's context and, if @helper is not
 * %NULL, as thread 1 on @helper at the same time. */
static void
share_rows (SubprocReport *self,
            PangoContext  *helper,
            RowsFunc       func,
            gpointer       data)
{
  HelperJob job = { func, data, helper };
  GThread *thread = helper != NULL ? g_thread_new ("subproc-layout", run_helper, &job) : NULL;

  func (data, self->context, 0);
  if (thread != NULL)
    g_thread_join (thread);
}

/* The advance of each character alone, in the body font and in bold, for
 * column fitting, which would otherwise shape every cell twice. */
typedef struct
{
  PangoLayout *layouts[2];    /* regular, bold */
  GHashTable  *advances[2];   /* gunichar -> double *, points */
} Advances;

static void
advances_init (Advances    *advances,
               PangoLayout *regular,
               PangoLayout *bold)
{
  advances->layouts[0] = regular;
  advances->layouts[1] = bold;
  for (guint i = 0; i < 2; i++)
    advances->advances[i] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static void
advances_clear (Advances *advances)
{
  for (guint i = 0; i < 2; i++)
    g_clear_pointer (&advances->advances[i], g_hash_table_unref);
}

static double
advance (Advances *advances,
         gunichar  c,
         gboolean  bold)
{
  GHashTable *table = advances->advances[bold ? 1 : 0];
  double *width = g_hash_table_lookup (table, GUINT_TO_POINTER (c));

  if (width == NULL)
    {
      char utf8[8] = { 0 };
      PangoLayout *layout = advances->layouts[bold ? 1 : 0];

      g_unichar_to_utf8 (c, utf8);
      pango_layout_set_text (layout, utf8, -1);
      width = g_new (double, 1);
      *width = _subproc_report_layout_width (layout);
      g_hash_table_insert (table, GUINT_TO_POINTER (c), width);
    }
  return *width;
}

/* What the advances say of @text: its widest word and its widest
 * paragraph, and the most characters a paragraph has. Glyphs are placed
 * on whole points at 72 dpi, so a sum of advances is a text's width but
 * for kerning and ligatures, which mostly take off: SLACK_FACTOR allows
 * for what they add. */
#define SLACK_FACTOR 1.1

static void
estimate_text (Advances   *advances,
               const char *text,
               gboolean    bold,
               double     *widest_word,
               double     *widest_paragraph,
               glong      *longest_paragraph)
{
  double word = 0, paragraph = 0;
  glong chars = 0;

  *widest_word = *widest_paragraph = 0;
  *longest_paragraph = 0;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\n' || c == '\0')
        {
          *widest_word = MAX (*widest_word, word);
          word = 0;
        }
      if (c == '\n' || c == '\0')
        {
          *widest_paragraph = MAX (*widest_paragraph, paragraph);
          *longest_paragraph = MAX (*longest_paragraph, chars);
          paragraph = 0;
          chars = 0;
          if (c == '\0')
            break;
          continue;
        }
      paragraph += advance (advances, c, bold);
      chars++;
      if (c != ' ' && c != '\t')
        word += advance (advances, c, bold);
    }
}

/* The widest a cell's text would be unwrapped (@max_width), and its widest
 * word (@min_width), in bold when any of the text is bold (a name, a
 * label), which errs on the wide side. Words are summed from the advances
 * alone; the text is shaped only when it may widen its column. */
static void
measure_text (PangoLayout   *scratch,
              Advances      *advances,
              const char    *text,
              PangoAttrList *attrs,
              gboolean       bold,
              double         room,
              double        *min_width,
              double        *max_width)
{
  double widest_word, widest_paragraph;
  glong longest_paragraph;

  estimate_text (advances, text, bold, &widest_word, &widest_paragraph, &longest_paragraph);
  *min_width = MAX (*min_width, widest_word);

  /* the column is as wide as it can be already, or the text cannot fit on
   * one line: either way it will wrap, and need not be measured */
  if (*max_width >= room || longest_paragraph * MIN_ADVANCE > room)
    {
      *max_width = MAX (*max_width, room);
      return;
    }
  /* narrower than the column already, whatever shaping makes of it */
  if (widest_paragraph * SLACK_FACTOR + WIDTH_SLACK < *max_width)
    return;
  pango_layout_set_text (scratch, text, -1);
  pango_layout_set_attributes (scratch, attrs);
  *max_width = MAX (*max_width, _subproc_report_layout_width (scratch));
}

/* What one thread measured of the cells: each column's widest word and
 * widest text unwrapped. */
typedef struct
{
  SubprocReport *report;
  double         room;
  guint          n_rows;
  guint          next;        /* atomic: the first row of the next chunk */
  double        *min_widths[2];
  double        *max_widths[2];
} Fit;

static void
fit_rows (gpointer      data,
          PangoContext *context,
          guint         thread)
{
  Fit *fit = data;
  SubprocReport *self = fit->report;
  guint n_columns = self->columns->len;
  g_autoptr(PangoLayout) scratch = pango_layout_new (context);
  g_autoptr(PangoLayout) regular_char = pango_layout_new (context);
  g_autoptr(PangoLayout) bold_char = pango_layout_new (context);
  g_autoptr(GPtrArray) measured = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  double *min_widths = fit->min_widths[thread];
  double *max_widths = fit->max_widths[thread];
  Advances advances;
  guint start, end;

  pango_layout_set_font_description (scratch, self->body_font);
  pango_layout_set_font_description (regular_char, self->body_font);
  pango_layout_set_font_description (bold_char, self->bold_font);
  advances_init (&advances, regular_char, bold_char);
  /* a text measured once in a column is not measured again */
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (measured, g_hash_table_new (g_str_hash, g_str_equal));

  while (next_chunk (&fit->next, fit->n_rows, &start, &end))
    for (guint row = start; row < end; row++)
      for (guint c = 0; c < n_columns; c++)
        {
          const CellText *cell = _subproc_report_get_cell (self, row, c);
          GHashTable *seen = g_ptr_array_index (measured, c);
          g_autoptr(PangoAttrList) attrs = NULL;

          if (g_hash_table_contains (seen, cell->text))
            continue;
          if (cell->bold != NULL)
            attrs = cell_attributes (cell);
          measure_text (scratch, &advances, cell->text, attrs, attrs != NULL, fit->room,
                        &min_widths[c], &max_widths[c]);
          if (strlen (cell->text) <= CACHED_CELL_MAX && g_hash_table_size (seen) < CACHED_CELLS_MAX)
            g_hash_table_add (seen, cell->text);
        }
  advances_clear (&advances);
}

/* Column widths fitted to the content, as browsers lay out tables: every
 * column gets its longest word, and what is left goes to the columns in
 * proportion to how much more they would like. */
static void
fit_columns (SubprocReport *self,
             PangoContext  *helper)
{
  guint n_columns = self->columns->len;
  double room = _subproc_report_content_width (self) - 2 * CELL_PAD_X * n_columns;
  double sum_min = 0, sum_max = 0, x = self->margin;
  g_autoptr(PangoLayout) header = _subproc_report_new_layout (self, self->bold_font, "", NULL, -1);
  g_autoptr(PangoLayout) bold_char = _subproc_report_new_layout (self, self->bold_font, "", NULL, -1);
  g_autofree double *widths = g_new0 (double, 4 * n_columns);
  Fit fit = {
    self, room, _subproc_report_n_rows (self), 0,
    { widths, widths + n_columns }, { widths + 2 * n_columns, widths + 3 * n_columns },
  };
  Advances advances;

  share_rows (self, helper, fit_rows, &fit);

  advances_init (&advances, bold_char, bold_char);
  for (guint c = 0; c < n_columns; c++)
    {
      ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      double header_min = 0, header_max = 0;
      double cell_min = MAX (fit.min_widths[0][c], fit.min_widths[1][c]);

      measure_text (header, &advances, _subproc_report_column_title (column), NULL, TRUE, room,
                    &header_min, &header_max);
      column->max_width = MAX (header_max, MAX (fit.max_widths[0][c], fit.max_widths[1][c]));
      /* a header's words are never broken; a long word in a cell (a URL,
       * an id) is, rather than squeezing every other column; the findings
       * are prose that wraps anywhere, beside every other column */
      if (column->column.findings)
        cell_min = 0;
      column->min_width = MAX (header_min, MIN (cell_min, room * MAX_MIN_SHARE)) + WIDTH_SLACK;
      /* a column that would take the whole width takes no more, whichever
       * text told first */
      column->max_width = MAX (MIN (column->max_width, room) + WIDTH_SLACK, column->min_width);
      sum_min += column->min_width;
      sum_max += column->max_width;
    }
  advances_clear (&advances);

  for (guint c = 0; c < n_columns; c++)
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

/* The header row and the footer: the same on every page, laid out once. */
static void
measure_frame (SubprocReport *self)
{
  g_autoptr(PangoFontDescription) footer_font = _subproc_report_new_font (FOOTER_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) footer_bold = _subproc_report_new_font (FOOTER_SIZE, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) footer = _subproc_report_new_layout (self, footer_font, "Page 1", NULL, -1);
  double header = 0;

  self->header = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      PangoLayout *layout = _subproc_report_new_layout (self, self->bold_font, _subproc_report_column_title (column), NULL,
                                                        column->width - 2 * CELL_PAD_X);

      header = MAX (header, _subproc_report_layout_height (layout));
      g_ptr_array_add (self->header, layout);
    }
  self->header_height = header + 2 * CELL_PAD_Y;
  self->footer_height = _subproc_report_layout_height (footer) + FOOTER_GAP;

  self->footer_title = _subproc_report_new_layout (self, footer_font, _subproc_report_title (self), NULL,
                                                   _subproc_report_content_width (self) * 0.4);
  pango_layout_set_ellipsize (self->footer_title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (self->footer_title, -1);
  if (self->internal)
    /* Translators: on every page of the complete register, which holds personal data */
    self->footer_mark = _subproc_report_new_layout (self, footer_bold, _("Internal: contains personal data"), NULL, -1);
}

/* The heights of the rows' text. */
typedef struct
{
  SubprocReport *report;
  double        *heights;
  guint          n_rows;
  guint          next;        /* atomic: the first row of the next chunk */
} Measure;

static void
measure_rows (gpointer      data,
              PangoContext *context,
              guint         thread)
{
  Measure *measure = data;
  SubprocReport *self = measure->report;
  g_autoptr(GHashTable) cache = thread == 0 ? g_hash_table_ref (self->cell_layouts) : _subproc_report_new_layout_cache ();
  guint start, end;

  /* the fingerprint every footer shows is made while the helper starts */
  if (thread == 0)
    (void) _subproc_report_fingerprint (self);
  while (next_chunk (&measure->next, measure->n_rows, &start, &end))
    for (guint row = start; row < end; row++)
      {
        g_autoptr(GPtrArray) layouts = _subproc_report_row_layouts_on (self, context, cache, row);

        measure->heights[row] = layouts_height (layouts);
      }
}

static double *
measure_heights (SubprocReport *self,
                 PangoContext  *helper)
{
  guint n_rows = _subproc_report_n_rows (self);
  Measure measure = { self, g_new0 (double, MAX (n_rows, 1)), n_rows, 0 };

  if (self->cell_layouts == NULL)
    self->cell_layouts = _subproc_report_new_layout_cache ();
  share_rows (self, helper, measure_rows, &measure);
  return measure.heights;
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
  g_autofree double *heights = NULL;
  PangoContext *helper = NULL;
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
  _subproc_report_take_cell_texts (self);
  n_items = _subproc_report_n_rows (self);
  if (!self->one_thread && n_items >= THREADED_ROWS_MIN && g_get_num_processors () > 1)
    helper = _subproc_report_thread_context (self);

  fit_columns (self, helper);
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

  heights = measure_heights (self, helper);
  g_clear_object (&helper);
  new_page (self, &y);
  for (guint row = 0; row < n_items; row++)
    {
      double text_height = heights[row];
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
        {
          g_autoptr(GPtrArray) layouts = _subproc_report_row_layouts (self, row);

          split_row (self, row, layouts, text_height, &y);
        }
    }
  g_array_append_val (self->page_starts, self->slices->len);

  return subproc_report_get_n_pages (self);
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-report-private.h"

/* Writing a PDF, the time goes to shaping the cells' text (Pango and
 * HarfBuzz) and to cairo writing the pages, about evenly. The two go side
 * by side: a thread with a font map of its own lays out the cells of the
 * pages to come and keeps what drawing needs of them (each line's runs of
 * glyphs in cairo's terms, with their fonts and the text they stand for)
 * while the calling thread draws and writes the pages before them. Only
 * plain data and cairo's scaled fonts, which are made to be shared, pass
 * between the threads. */

/* How far the shaping thread may run ahead of the drawing: memory stays
 * that of a few pages, whatever the register's size. */
#define PAGES_AHEAD 4

typedef struct
{
  cairo_scaled_font_t *font;
  double               x;             /* points, from the left of the cell's text */
  guint                text_start;    /* bytes, into the cell's text */
  guint                text_length;
  guint                first_glyph;
  guint                n_glyphs;
  guint                first_cluster;
  guint                n_clusters;
  gboolean             backward;      /* right to left */
} ShapedRun;

typedef struct
{
  double top;                         /* logical extents, points from the top of the text */
  double bottom;
  double baseline;
  guint  first_run;
  guint  n_runs;
} ShapedLine;

struct _ShapedCell
{
  char     *text;
  GArray   *lines;                    /* ShapedLine */
  GArray   *runs;                     /* ShapedRun */
  GArray   *glyphs;                   /* cairo_glyph_t, from the start of their run, on the baseline */
  GArray   *clusters;                 /* cairo_text_cluster_t */
  gboolean  unshaped;                 /* a glyph no font has, which only Pango draws (as a box) */
};

struct _ShapedPage
{
  GPtrArray *cells;                   /* ShapedCell: each slice's, column by column */
  guint      n_columns;
};

struct _ReportShaper
{
  SubprocReport *report;
  PangoContext  *context;             /* the shaping thread's */
  GThread       *thread;
  GMutex         mutex;
  GCond          cond;
  GQueue         pages;               /* ShapedPage: shaped, not yet drawn, in order */
  gboolean       stop;
};

static void
clear_run (ShapedRun *run)
{
  cairo_scaled_font_destroy (run->font);
}

static void
shaped_cell_free (ShapedCell *cell)
{
  g_free (cell->text);
  g_array_unref (cell->lines);
  g_array_unref (cell->runs);
  g_array_unref (cell->glyphs);
  g_array_unref (cell->clusters);
}

ShapedCell *
_subproc_report_shaped_cell_ref (ShapedCell *cell)
{
  return g_atomic_rc_box_acquire (cell);
}

void
_subproc_report_shaped_cell_unref (ShapedCell *cell)
{
  if (cell != NULL)
    g_atomic_rc_box_release_full (cell, (GDestroyNotify) shaped_cell_free);
}

/* A run of glyphs as pango_cairo_show_glyph_item() would draw it, with the
 * clusters that tie the glyphs to the text (so that the PDF's text can be
 * searched and copied). */
static void
add_run (ShapedCell     *cell,
         PangoGlyphItem *glyph_item,
         double          x)
{
  PangoItem *item = glyph_item->item;
  PangoGlyphString *glyphs = glyph_item->glyphs;
  cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (item->analysis.font));
  ShapedRun run = { 0 };
  PangoGlyphItemIter iter;
  int x_position = 0;

  if (font == NULL || cairo_scaled_font_status (font) != CAIRO_STATUS_SUCCESS)
    {
      cell->unshaped = TRUE;
      return;
    }

  run.font = cairo_scaled_font_reference (font);
  run.x = x;
  run.text_start = (guint) item->offset;
  run.text_length = (guint) item->length;
  run.first_glyph = cell->glyphs->len;
  run.first_cluster = cell->clusters->len;
  run.backward = (item->analysis.level & 1) != 0;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];

      if (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        cell->unshaped = TRUE;
      else if (info->glyph != PANGO_GLYPH_EMPTY)
        {
          cairo_glyph_t glyph = {
            info->glyph,
            pango_units_to_double (x_position + info->geometry.x_offset),
            pango_units_to_double (info->geometry.y_offset),
          };

          g_array_append_val (cell->glyphs, glyph);
        }
      x_position += info->geometry.width;
    }

  if (pango_glyph_item_iter_init_start (&iter, glyph_item, cell->text))
    do
      {
        cairo_text_cluster_t cluster = {
          iter.end_index - iter.start_index,
          run.backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph,
        };

        /* the glyphs not drawn do not count */
        for (int i = MIN (iter.start_glyph, iter.end_glyph + 1); i < MAX (iter.start_glyph + 1, iter.end_glyph); i++)
          if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY || (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            cluster.num_glyphs--;
        g_array_append_val (cell->clusters, cluster);
      }
    while (pango_glyph_item_iter_next_cluster (&iter));

  run.n_glyphs = cell->glyphs->len - run.first_glyph;
  run.n_clusters = cell->clusters->len - run.first_cluster;
  g_array_append_val (cell->runs, run);
}

/* What drawing @layout takes, without @layout: it may be laid out on one
 * thread and drawn on another. */
ShapedCell *
_subproc_report_shaped_cell_new (PangoLayout *layout)
{
  ShapedCell *cell = g_atomic_rc_box_new0 (ShapedCell);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoLayoutLine *current = NULL;

  cell->text = g_strdup (pango_layout_get_text (layout));
  cell->lines = g_array_new (FALSE, FALSE, sizeof (ShapedLine));
  cell->runs = g_array_new (FALSE, FALSE, sizeof (ShapedRun));
  g_array_set_clear_func (cell->runs, (GDestroyNotify) clear_run);
  cell->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  cell->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoGlyphItem *glyph_item = pango_layout_iter_get_run_readonly (iter);

      if (line != current)
        {
          PangoRectangle logical;
          ShapedLine shaped = { 0 };

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          shaped.top = pango_units_to_double (logical.y);
          shaped.bottom = pango_units_to_double (logical.y + logical.height);
          shaped.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
          shaped.first_run = cell->runs->len;
          g_array_append_val (cell->lines, shaped);
          current = line;
        }
      /* no run: the end of a line */
      if (glyph_item != NULL)
        {
          PangoRectangle logical;

          pango_layout_iter_get_run_extents (iter, NULL, &logical);
          add_run (cell, glyph_item, pango_units_to_double (logical.x));
          g_array_index (cell->lines, ShapedLine, cell->lines->len - 1).n_runs =
            cell->runs->len - g_array_index (cell->lines, ShapedLine, cell->lines->len - 1).first_run;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return cell;
}

/* Draws the lines of @cell whose tops lie between @from and @to (points
 * from the top of its text) at @x, @y, as show_lines() draws a layout.
 * Returns: %FALSE, having drawn nothing, if only Pango can draw it */
gboolean
_subproc_report_shaped_cell_show (ShapedCell *cell,
                                  cairo_t    *cr,
                                  double      x,
                                  double      y,
                                  double      from,
                                  double      to)
{
  gboolean with_text = cairo_surface_has_show_text_glyphs (cairo_get_target (cr));
  g_autoptr(GArray) placed = NULL;

  if (cell->unshaped)
    return FALSE;

  placed = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), 64);
  cairo_save (cr);
  for (guint l = 0; l < cell->lines->len; l++)
    {
      const ShapedLine *line = &g_array_index (cell->lines, ShapedLine, l);
      double baseline = y + line->baseline - from;

      if (line->top < from - EPSILON || line->bottom > to + EPSILON)
        continue;
      for (guint r = line->first_run; r < line->first_run + line->n_runs; r++)
        {
          const ShapedRun *run = &g_array_index (cell->runs, ShapedRun, r);
          const cairo_glyph_t *glyphs = &g_array_index (cell->glyphs, cairo_glyph_t, run->first_glyph);

          g_array_set_size (placed, run->n_glyphs);
          for (guint i = 0; i < run->n_glyphs; i++)
            {
              cairo_glyph_t *glyph = &g_array_index (placed, cairo_glyph_t, i);

              glyph->index = glyphs[i].index;
              glyph->x = x + run->x + glyphs[i].x;
              glyph->y = baseline + glyphs[i].y;
            }
          cairo_set_scaled_font (cr, run->font);
          if (with_text)
            cairo_show_text_glyphs (cr, cell->text + run->text_start, (int) run->text_length,
                                    (cairo_glyph_t *) (gpointer) placed->data, (int) run->n_glyphs,
                                    &g_array_index (cell->clusters, cairo_text_cluster_t, run->first_cluster),
                                    (int) run->n_clusters, run->backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
          else
            cairo_show_glyphs (cr, (cairo_glyph_t *) (gpointer) placed->data, (int) run->n_glyphs);
        }
    }
  cairo_restore (cr);
  return TRUE;
}

void
_subproc_report_shaped_page_free (ShapedPage *page)
{
  if (page == NULL)
    return;
  g_ptr_array_unref (page->cells);
  g_free (page);
}

ShapedCell *
_subproc_report_shaped_page_get_cell (ShapedPage *page,
                                      guint       slice,
                                      guint       column)
{
  g_assert (column < page->n_columns);
  g_assert (slice * page->n_columns + column < page->cells->len);

  return g_ptr_array_index (page->cells, slice * page->n_columns + column);
}

/* A cell shaped; a short text that repeats in a column is shaped once, as
 * _subproc_report_row_layouts_on() lays it out once. */
static ShapedCell *
shape_cell (ReportShaper *shaper,
            GHashTable   *cache,
            guint         row,
            guint         column)
{
  g_autofree char *key = _subproc_report_cell_key (shaper->report, row, column);
  ShapedCell *cell = key != NULL ? g_hash_table_lookup (cache, key) : NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (cell != NULL)
    return _subproc_report_shaped_cell_ref (cell);

  layout = _subproc_report_cell_layout (shaper->report, shaper->context, row, column);
  cell = _subproc_report_shaped_cell_new (layout);
  _subproc_report_cache_seen (cache, &key, cell, g_atomic_rc_box_acquire);
  return cell;
}

static ShapedPage *
shape_page (ReportShaper *shaper,
            GHashTable   *cache,
            guint         page)
{
  SubprocReport *self = shaper->report;
  guint first = g_array_index (self->page_starts, guint, page);
  guint end = g_array_index (self->page_starts, guint, page + 1);
  ShapedPage *shaped = g_new0 (ShapedPage, 1);

  shaped->n_columns = self->columns->len;
  shaped->cells = g_ptr_array_new_full ((end - first) * shaped->n_columns,
                                        (GDestroyNotify) _subproc_report_shaped_cell_unref);
  for (guint i = first; i < end; i++)
    {
      const Slice *slice = &g_array_index (self->slices, Slice, i);

      for (guint c = 0; c < shaped->n_columns; c++)
        g_ptr_array_add (shaped->cells, shape_cell (shaper, cache, slice->row, c));
    }
  return shaped;
}

static gpointer
shape_pages (gpointer data)
{
  ReportShaper *shaper = data;
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) _subproc_report_shaped_cell_unref);
  guint n_pages = subproc_report_get_n_pages (shaper->report);

  for (guint page = 0; page < n_pages; page++)
    {
      ShapedPage *shaped = shape_page (shaper, cache, page);
      gboolean stop;

      g_mutex_lock (&shaper->mutex);
      while (shaper->pages.length >= PAGES_AHEAD && !shaper->stop)
        g_cond_wait (&shaper->cond, &shaper->mutex);
      stop = shaper->stop;
      if (!stop)
        {
          g_queue_push_tail (&shaper->pages, shaped);
          g_cond_broadcast (&shaper->cond);
        }
      g_mutex_unlock (&shaper->mutex);
      if (stop)
        {
          _subproc_report_shaped_page_free (shaped);
          break;
        }
    }

  return NULL;
}

/* Starts shaping the cells of @self's pages, in order, in a thread of its
 * own: @self must be paginated, and left as it is until the shaper is
 * freed. */
ReportShaper *
_subproc_report_shaper_new (SubprocReport *self)
{
  ReportShaper *shaper = g_new0 (ReportShaper, 1);

  g_assert (self->page_starts->len > 1);

  shaper->report = self;
  shaper->context = _subproc_report_thread_context (self);
  g_mutex_init (&shaper->mutex);
  g_cond_init (&shaper->cond);
  g_queue_init (&shaper->pages);
  shaper->thread = g_thread_new ("subproc-shape", shape_pages, shaper);
  return shaper;
}

/* The cells of the next page, waiting for them if need be: called once a
 * page, in order. */
ShapedPage *
_subproc_report_shaper_next_page (ReportShaper *shaper)
{
  ShapedPage *page;

  g_mutex_lock (&shaper->mutex);
  while (g_queue_is_empty (&shaper->pages))
    g_cond_wait (&shaper->cond, &shaper->mutex);
  page = g_queue_pop_head (&shaper->pages);
  g_cond_broadcast (&shaper->cond);
  g_mutex_unlock (&shaper->mutex);
  return page;
}

void
_subproc_report_shaper_free (ReportShaper *shaper)
{
  g_mutex_lock (&shaper->mutex);
  shaper->stop = TRUE;
  g_cond_broadcast (&shaper->cond);
  g_mutex_unlock (&shaper->mutex);
  g_thread_join (shaper->thread);

  g_queue_clear_full (&shaper->pages, (GDestroyNotify) _subproc_report_shaped_page_free);
  g_object_unref (shaper->context);
  g_mutex_clear (&shaper->mutex);
  g_cond_clear (&shaper->cond);
  g_free (shaper);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-columns.h"
#include "subproc-log.h"
#include "subproc-report-private.h"

G_DEFINE_FINAL_TYPE (SubprocReport, subproc_report, G_TYPE_OBJECT)

/* The processors the report holds: the whole register, or those chosen. */
guint
_subproc_report_n_rows (SubprocReport *self)
{
  if (self->shown != NULL)
    return self->shown->len;
  return self->rows != NULL ? self->rows->len : g_list_model_get_n_items (G_LIST_MODEL (self->reg));
}

SubprocProcessor *
_subproc_report_row_processor (SubprocReport *self,
               guint          row)
{
  if (self->shown != NULL)
    return g_ptr_array_index (self->shown, row);
  return self->rows != NULL ? g_ptr_array_index (self->rows, row) : subproc_register_get_processor (self->reg, row);
}

const char *
_subproc_report_title (SubprocReport *self)
{
  const char *title = subproc_register_get_title (self->reg);
  g_autofree char *day = NULL;

  if (title == NULL || *title == '\0')
    /* Translators: a report's title when the register has none */
    title = _("Register of processors and sub-processors");
  if (self->as_of == NULL)
    return title;

  /* in the report's language, which may differ between drawings */
  day = subproc_language_format_date (self->as_of, TRUE);
  g_free (self->title);
  /* Translators: a report's title when it shows the register as it stood on a day: “Sub-processors, as of 31 January 2026” */
  self->title = g_strdup_printf (_("%1$s, as of %2$s"), title, day);
  return self->title;
}

/* The fingerprint of the register's content, on every page. */
const char *
_subproc_report_fingerprint (SubprocReport *self)
{
  if (self->fingerprint == NULL)
    self->fingerprint = subproc_log_fingerprint (self->reg);
  return self->fingerprint;
}

void
_subproc_report_add_bold (PangoAttrList *attrs,
          gsize          start,
          gsize          end)
{
  PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

/* The text of a cell from the presentation layer, and the stretches of it
 * in bold in @bold (nullable; never markup: the text is the register's). */
char *
_subproc_report_cell_text (SubprocReport      *self,
                           SubprocProcessor   *processor,
                           const ReportColumn *column,
                           GArray             *bold)
{
  char *text = subproc_columns_cell_text (&column->column, processor, self->reg, self->language, bold);

  /* the published list says which processors are not at work yet */
  if (!self->internal && column->column.n_fields == 1 && column->column.fields[0] == SUBPROC_FIELD_NAME
      && subproc_processor_get_status (processor) == SUBPROC_STATUS_PLANNED)
    {
      /* Translators: after a processor's name in the published list */
      char *marked = g_strdup_printf ("%s %s", text, _("(planned)"));

      g_free (text);
      text = marked;
    }
  return text;
}

const char *
_subproc_report_column_title (const ReportColumn *column)
{
  return subproc_columns_column_title (&column->column);
}

enum
{
  PROP_0,
  PROP_REGISTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
subproc_report_dispose (GObject *object)
{
  SubprocReport *self = SUBPROC_REPORT (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_object (&self->context);
  _subproc_report_forget_layouts (self);
  g_clear_pointer (&self->cell_texts, g_array_unref);

  G_OBJECT_CLASS (subproc_report_parent_class)->dispose (object);
}

static void
subproc_report_finalize (GObject *object)
{
  SubprocReport *self = SUBPROC_REPORT (object);

  g_clear_pointer (&self->printed, g_date_time_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->as_of, g_date_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->findings_summary, g_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->body_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  G_OBJECT_CLASS (subproc_report_parent_class)->finalize (object);
}

static void
subproc_report_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SubprocReport *self = SUBPROC_REPORT (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_report_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SubprocReport *self = SUBPROC_REPORT (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      self->reg = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_report_constructed (GObject *object)
{
  SubprocReport *self = SUBPROC_REPORT (object);

  G_OBJECT_CLASS (subproc_report_parent_class)->constructed (object);

  /* a report is of one register, given when it is made */
  g_assert (SUBPROC_IS_REGISTER (self->reg));
  subproc_report_set_column_set (self, SUBPROC_COLUMNS_PUBLIC);
}

static void
subproc_report_class_init (SubprocReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = subproc_report_constructed;
  object_class->dispose = subproc_report_dispose;
  object_class->finalize = subproc_report_finalize;
  object_class->get_property = subproc_report_get_property;
  object_class->set_property = subproc_report_set_property;

  /**
   * SubprocReport:register:
   *
   * The register the report is of.
   */
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, SUBPROC_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
subproc_report_init (SubprocReport *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (ReportColumn));
  self->slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->body_font = _subproc_report_new_font (BODY_SIZE, PANGO_WEIGHT_NORMAL);
  self->bold_font = _subproc_report_new_font (BODY_SIZE, PANGO_WEIGHT_BOLD);
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
  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);

  return g_object_new (SUBPROC_TYPE_REPORT, "register", reg, NULL);
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

  return _subproc_report_title (self);
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

  return _subproc_report_column_title (&g_array_index (self->columns, ReportColumn, column));
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
  g_return_val_if_fail (SUBPROC_IS_REPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (row < _subproc_report_n_rows (self), NULL);

  return _subproc_report_cell_text (self, _subproc_report_row_processor (self, row),
                                    &g_array_index (self->columns, ReportColumn, column), NULL);
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
  pango_context_set_round_glyph_positions (context, FALSE);
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
 * subproc_report_update_rows:
 *
 * Takes the processors the report holds as the register has them now: the
 * chosen ones (subproc_report_set_processors()) or all of them, and in a
 * public report not the ones that have ended. Paginating does it; a
 * report read row by row (the web page) does it first.
 */
void
subproc_report_update_rows (SubprocReport *self)
{
  GPtrArray *shown;
  guint n_items;

  g_return_if_fail (SUBPROC_IS_REPORT (self));

  /* from the chosen processors or the register, not from the last rows */
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->findings_summary, g_free);
  n_items = _subproc_report_n_rows (self);
  shown = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      SubprocProcessor *processor = _subproc_report_row_processor (self, i);

      if (self->internal || subproc_processor_get_status (processor) != SUBPROC_STATUS_ENDED)
        g_ptr_array_add (shown, g_object_ref (processor));
    }
  self->shown = shown;
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

  return _subproc_report_n_rows (self);
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
  g_return_val_if_fail (row < _subproc_report_n_rows (self), NULL);

  return _subproc_report_row_processor (self, row);
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
 * subproc_report_set_as_of:
 * @as_of: (nullable): the day the register is shown as of, by a register
 *   made with subproc_log_register_as_of(); %NULL for the register as it is
 *
 * Says the day in the title and on every page.
 */
void
subproc_report_set_as_of (SubprocReport *self,
                          const GDate   *as_of)
{
  g_return_if_fail (SUBPROC_IS_REPORT (self));

  g_clear_pointer (&self->as_of, g_date_free);
  if (as_of != NULL)
    self->as_of = g_date_copy (as_of);
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

static void
clear_cell_text (CellText *cell)
{
  g_free (cell->text);
  g_clear_pointer (&cell->bold, g_array_unref);
}

/* Takes every cell's text from the presentation layer: once a pagination,
 * on the main thread (the report's language, the register's objects),
 * for the threads that lay the rows out. */
void
_subproc_report_take_cell_texts (SubprocReport *self)
{
  guint n_rows = _subproc_report_n_rows (self);

  g_clear_pointer (&self->cell_texts, g_array_unref);
  self->cell_texts = g_array_sized_new (FALSE, FALSE, sizeof (CellText), n_rows * self->columns->len);
  g_array_set_clear_func (self->cell_texts, (GDestroyNotify) clear_cell_text);
  for (guint row = 0; row < n_rows; row++)
    {
      SubprocProcessor *processor = _subproc_report_row_processor (self, row);

      for (guint c = 0; c < self->columns->len; c++)
        {
          const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
          GArray *bold = g_array_new (FALSE, FALSE, sizeof (SubprocTextSpan));
          CellText cell = { _subproc_report_cell_text (self, processor, column, bold), bold };

          if (bold->len == 0)
            g_clear_pointer (&cell.bold, g_array_unref);
          g_array_append_val (self->cell_texts, cell);
        }
    }
}

const CellText *
_subproc_report_get_cell (SubprocReport *self,
                          guint          row,
                          guint          column)
{
  g_assert (self->cell_texts != NULL);
  g_assert (column < self->columns->len);
  g_assert ((gsize) row * self->columns->len + column < self->cell_texts->len);

  return &g_array_index (self->cell_texts, CellText, row * self->columns->len + column);
}

double
_subproc_report_content_width (SubprocReport *self)
{
  return self->width - 2 * self->margin;
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

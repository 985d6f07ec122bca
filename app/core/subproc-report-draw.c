/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>

#include "subproc-check.h"
#include "subproc-date.h"
#include "subproc-legal.h"
#include "subproc-log.h"
#include "subproc-report-private.h"

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

/* The count of the rows' findings, for the title block of a report that
 * shows them; counted once a report. */
static const char *
findings_summary (SubprocReport *self)
{
  const SubprocCheckOptions options = { NULL, 0, self->language };
  guint counts[SUBPROC_SEVERITY_ERROR + 1] = { 0 };
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *notes = NULL;
  gboolean any = FALSE;

  for (guint c = 0; c < self->columns->len; c++)
    any = any || g_array_index (self->columns, ReportColumn, c).column.findings;
  if (!any)
    return NULL;
  if (self->findings_summary != NULL)
    return self->findings_summary;

  for (guint i = 0; i < _subproc_report_n_rows (self); i++)
    {
      g_autoptr(GPtrArray) findings = subproc_check_processor (_subproc_report_row_processor (self, i),
                                                               self->reg, &options);

      for (guint f = 0; f < findings->len; f++)
        counts[((SubprocFinding *) g_ptr_array_index (findings, f))->severity]++;
    }
  errors = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", counts[SUBPROC_SEVERITY_ERROR]),
                            counts[SUBPROC_SEVERITY_ERROR]);
  warnings = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", counts[SUBPROC_SEVERITY_WARNING]),
                              counts[SUBPROC_SEVERITY_WARNING]);
  notes = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", counts[SUBPROC_SEVERITY_INFO]),
                           counts[SUBPROC_SEVERITY_INFO]);
  /* Translators: report title block: the counts of the transfer findings, “2 errors, 1 warning, 0 notes” */
  self->findings_summary = g_strdup_printf (_("%s, %s, %s"), errors, warnings, notes);
  return self->findings_summary;
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
  _subproc_report_add_bold (attrs, start, text->len);
  g_string_append (text, value);
}

/* The title block of the first page: what this is, whose, and when. */
void
_subproc_report_draw_title (SubprocReport *self,
            cairo_t       *cr,
            GArray        *boxes)
{
  g_autoptr(PangoFontDescription) title_font = _subproc_report_new_font (TITLE_SIZE, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) subtitle_font = _subproc_report_new_font (SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) meta_font = _subproc_report_new_font (META_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (self->printed),
                                           (GDateMonth) g_date_time_get_month (self->printed),
                                           (GDateYear) g_date_time_get_year (self->printed));
  g_autofree char *printed = subproc_language_format_date (date, TRUE);
  g_autofree char *count = g_strdup_printf ("%u", _subproc_report_n_rows (self));
  g_autofree char *contents = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) details = NULL;
  double width = _subproc_report_content_width (self);
  double y = self->margin;

  title = _subproc_report_new_layout (self, title_font, _subproc_report_title (self), NULL, width);
  subtitle = _subproc_report_new_layout (self, subtitle_font,
                         self->internal
                         ? _("Complete register of processors and sub-processors. Internal: contains personal data.")
                         : _("Processors and sub-processors that process personal data on our behalf."),
                         NULL, width);

  /* Translators: report title block: the organisation whose register this is */
  append_meta (meta, attrs, _("Organisation"), subproc_register_get_organisation (self->reg));
  /* Translators: report title block: how to reach the Data Protection Officer */
  append_meta (meta, attrs, _("Data Protection Officer"), subproc_register_get_dpo_contact (self->reg));
  if (self->internal)
    {
      SubprocLog *log = subproc_register_get_log (self->reg);
      SubprocChange *review = subproc_log_get_last_review (log, NULL);
      g_autofree char *version = g_strdup_printf ("%u", subproc_log_get_n_changes (log));
      g_autofree char *as_of = subproc_language_format_date (self->as_of != NULL ? self->as_of : date, TRUE);
      g_autofree char *approval = NULL;

      if (review != NULL)
        {
          GDateTime *when = subproc_change_get_time (review);
          g_autoptr(GDate) day = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (when),
                                                  (GDateMonth) g_date_time_get_month (when),
                                                  (GDateYear) g_date_time_get_year (when));
          g_autofree char *on = subproc_language_format_date (day, TRUE);
          const char *who = subproc_change_get_author (review);

          /* Translators: report title block: who approved the register, and on which day: “Karin Ek, 5 March 2026” */
          approval = g_strdup_printf (_("%1$s, %2$s"), who != NULL ? who : "—", on);
        }
      else
        /* Translators: report title block: the register was never marked as reviewed */
        approval = g_strdup (_("None recorded"));

      /* Translators: report title block: the register's version, the number of changes its log records */
      append_meta (meta, attrs, _("Register version (changes recorded)"), version);
      /* Translators: report title block: the day the register is shown as of */
      append_meta (meta, attrs, _("As of"), as_of);
      /* Translators: report title block: the last time someone marked the register as reviewed */
      append_meta (meta, attrs, _("Last approval"), approval);
    }
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
  if (self->internal)
    {
      g_autoptr(GDate) as_of = subproc_date_parse_iso (subproc_legal_get_as_of ());
      g_autofree char *law = subproc_language_format_date (as_of, TRUE);

      /* Translators: report title block: the day of the law the transfer findings follow */
      append_meta (meta, attrs, _("Transfers checked against the law as of"), law);
      /* Translators: report title block: how many transfer findings the report lists */
      append_meta (meta, attrs, _("Transfer findings"), findings_summary (self));
    }
  details = _subproc_report_new_layout (self, meta_font, meta->str, attrs, width);

  tag_begin (cr, "H1");
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_TITLE, title, self->margin, y, self->margin, width);
  tag_end (cr, "H1");
  y += _subproc_report_layout_height (title) + 2;
  tag_begin (cr, "P");
  if (cr != NULL && self->internal)
    cairo_set_source_rgb (cr, 0.6, 0.0, 0.0);
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_TITLE, subtitle, self->margin, y, self->margin, width);
  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  tag_end (cr, "P");
  y += _subproc_report_layout_height (subtitle) + 6;
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
      cairo_rectangle (cr, self->margin, y, _subproc_report_content_width (self), self->header_height);
      cairo_set_source_rgb (cr, 0.88, 0.90, 0.92);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  tag_begin (cr, "TR");
  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);

      tag_begin (cr, "TH");
      show_layout (cr, boxes, SUBPROC_REPORT_BOX_HEADER, g_ptr_array_index (self->header, c),
                   column->x + CELL_PAD_X, y + CELL_PAD_Y, column->x, column->width);
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

/* A slice of a row: from the cells @shaped holds for it (the PDF), or
 * laid out here. */
static void
draw_slice (SubprocReport *self,
            cairo_t       *cr,
            GArray        *boxes,
            const Slice   *slice,
            double         y,
            ShapedPage    *shaped,
            guint          index)
{
  g_autoptr(GPtrArray) layouts = shaped == NULL ? _subproc_report_row_layouts (self, slice->row) : NULL;

  tag_begin (cr, "TR");
  for (guint c = 0; c < self->columns->len; c++)
    {
      const ReportColumn *column = &g_array_index (self->columns, ReportColumn, c);
      double x = column->x + CELL_PAD_X;

      tag_begin (cr, "TD");
      if (shaped == NULL)
        show_lines (cr, boxes, SUBPROC_REPORT_BOX_CELL, g_ptr_array_index (layouts, c),
                    x, y + CELL_PAD_Y, slice->from, slice->to, column->x, column->width);
      else if (!_subproc_report_shaped_cell_show (_subproc_report_shaped_page_get_cell (shaped, index, c), cr,
                                                  x, y + CELL_PAD_Y, slice->from, slice->to))
        {
          /* a glyph no font has: Pango draws its box */
          g_autoptr(PangoLayout) layout = _subproc_report_cell_layout (self, self->context, slice->row, c);

          show_lines (cr, boxes, SUBPROC_REPORT_BOX_CELL, layout,
                      x, y + CELL_PAD_Y, slice->from, slice->to, column->x, column->width);
        }
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
  g_autoptr(PangoFontDescription) font = _subproc_report_new_font (FOOTER_SIZE, PANGO_WEIGHT_NORMAL);
  /* Translators: the footer of every report page: the register's fingerprint (16 hexadecimal digits), then the page */
  g_autofree char *number = g_strdup_printf (_("Fingerprint %1$s · Page %2$u of %3$u"),
                                             _subproc_report_fingerprint (self),
                                             page + 1, subproc_report_get_n_pages (self));
  g_autoptr(PangoLayout) right = _subproc_report_new_layout (self, font, number, NULL, -1);
  double width = _subproc_report_content_width (self);
  double right_width = _subproc_report_layout_width (right);
  double y = self->height - self->margin - self->footer_height + FOOTER_GAP;

  draw_rule (self, cr, y - FOOTER_GAP / 2, 0.5, 0.6);
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_FOOTER, self->footer_title, self->margin, y, self->margin, width * 0.4);
  show_layout (cr, boxes, SUBPROC_REPORT_BOX_FOOTER, right, self->width - self->margin - right_width, y,
               self->margin, width);
  if (self->footer_mark != NULL)
    {
      double mark_width = _subproc_report_layout_width (self->footer_mark);

      if (cr != NULL)
        cairo_set_source_rgb (cr, 0.6, 0.0, 0.0);
      show_layout (cr, boxes, SUBPROC_REPORT_BOX_FOOTER, self->footer_mark, self->margin + (width - mark_width) / 2, y,
                   self->margin, width);
      if (cr != NULL)
        cairo_set_source_rgb (cr, 0, 0, 0);
    }
}

/* Draws @page on @cr, or only records where its text goes in @boxes when
 * @cr is %NULL; @shaped holds the page's cells shaped already, if any. */
void
_subproc_report_render_page (SubprocReport *self,
                             cairo_t       *cr,
                             GArray        *boxes,
                             guint          page,
                             ShapedPage    *shaped)
{
  guint first = g_array_index (self->page_starts, guint, page);
  guint end = g_array_index (self->page_starts, guint, page + 1);
  double y = self->margin + (page == 0 ? self->title_height : 0);

  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    _subproc_report_draw_title (self, cr, boxes);
  tag_begin (cr, "Table");
  draw_header (self, cr, boxes, y);
  y += self->header_height;
  draw_rule (self, cr, y, 0.8, 0.3);
  for (guint i = first; i < end; i++)
    {
      const Slice *slice = &g_array_index (self->slices, Slice, i);
      double height = slice->to - slice->from + 2 * CELL_PAD_Y;

      draw_slice (self, cr, boxes, slice, y, shaped, i - first);
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
  _subproc_report_render_page (self, cr, NULL, page, NULL);
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
  _subproc_report_render_page (self, NULL, boxes, page, NULL);
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

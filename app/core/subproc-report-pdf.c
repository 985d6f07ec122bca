/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>

#include "subproc-file.h"
#include "subproc-report-private.h"

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

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _subproc_report_title (self));
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
          SubprocProcessor *processor = _subproc_report_row_processor (self, slice->row);
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
  g_autoptr(ReportShaper) shaper = NULL;
  gboolean ok;

  subproc_report_prepare_context (context);
  set_metadata (self, surface);
  subproc_report_paginate (self, context, width, height);
  g_object_unref (context);

  /* the cells of the pages to come are shaped beside the drawing */
  shaper = _subproc_report_shaper_new (self);
  for (guint page = 0; page < subproc_report_get_n_pages (self); page++)
    {
      g_autoptr(ShapedPage) shaped = _subproc_report_shaper_next_page (shaper);

      cairo_save (cr);
      _subproc_report_render_page (self, cr, NULL, page, shaped);
      cairo_restore (cr);
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

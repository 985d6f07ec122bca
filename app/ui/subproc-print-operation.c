/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-print-operation.h"

/* Prints with the report's own renderer, so that paper shows exactly the
 * pages of the preview and of the PDF. */
struct _SubprocPrintOperation
{
  GtkPrintOperation parent_instance;

  /* owned */
  SubprocReport *report;
};

G_DEFINE_FINAL_TYPE (SubprocPrintOperation, subproc_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
settings_path (const char *name)
{
  return g_build_filename (g_get_user_config_dir (), "subproc", name, NULL);
}

/**
 * subproc_print_settings_load:
 *
 * Returns: (transfer full) (nullable): the print settings of the last run.
 */
GtkPrintSettings *
subproc_print_settings_load (void)
{
  g_autofree char *path = settings_path ("print-settings.ini");

  return gtk_print_settings_new_from_file (path, NULL);
}

/**
 * subproc_print_settings_save:
 *
 * Keeps the printer and its settings for the next run. (The paper and its
 * orientation are the preview's choices, kept in GSettings.)
 */
void
subproc_print_settings_save (GtkPrintSettings *settings)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "subproc", NULL);
  g_autofree char *path = settings_path ("print-settings.ini");
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_PRINT_SETTINGS (settings));

  g_mkdir_with_parents (dir, 0700);
  if (!gtk_print_settings_to_file (settings, path, &error))
    g_warning ("Print settings not kept: %s", error->message);
}

/**
 * subproc_print_page_setup_for:
 *
 * Returns: (transfer full): a page setup of the report's paper and
 *   orientation, with no margins: the report keeps its own.
 */
GtkPageSetup *
subproc_print_page_setup_for (SubprocReport *report)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;

  subproc_report_get_paper_size (report, &width, &height);
  /* A4 is 595 × 842 points, Letter 612 × 792: the short side tells them apart */
  paper = gtk_paper_size_new (MIN (width, height) < 600 ? GTK_PAPER_NAME_A4 : GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

static void
subproc_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  SubprocPrintOperation *self = SUBPROC_PRINT_OPERATION (operation);
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  /* a print context measures in points: lay out as the PDF is */
  subproc_report_prepare_context (pango);

  subproc_report_paginate (self->report, pango,
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, subproc_report_get_n_pages (self->report));
  g_object_unref (pango);
}

static void
subproc_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  SubprocPrintOperation *self = SUBPROC_PRINT_OPERATION (operation);

  subproc_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
subproc_print_operation_dispose (GObject *object)
{
  SubprocPrintOperation *self = (SubprocPrintOperation *)object;

  g_clear_object (&self->report);

  G_OBJECT_CLASS (subproc_print_operation_parent_class)->dispose (object);
}

static void
subproc_print_operation_class_init (SubprocPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = subproc_print_operation_dispose;
  operation_class->begin_print = subproc_print_operation_begin_print;
  operation_class->draw_page = subproc_print_operation_draw_page;
}

static void
subproc_print_operation_init (SubprocPrintOperation *self)
{
  /* the report draws the whole sheet, margins included, in points */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
}

/**
 * subproc_print_operation_new:
 *
 * Returns: (transfer full): an operation printing @report on its paper,
 *   with the settings of the last run.
 */
SubprocPrintOperation *
subproc_print_operation_new (SubprocReport *report)
{
  SubprocPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;

  g_return_val_if_fail (SUBPROC_IS_REPORT (report), NULL);

  self = g_object_new (SUBPROC_TYPE_PRINT_OPERATION, NULL);
  self->report = g_object_ref (report);

  setup = subproc_print_page_setup_for (report);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  settings = subproc_print_settings_load ();
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), subproc_report_get_title (report));

  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "subproc-import.h"
#include "test-util.h"
#include "subproc-language.h"
#include "subproc-print-window.h"

/* The print preview: its choices change the report, and what it prints
 * is what it shows. */

static SubprocRegister *
seed_register (void)
{
  SubprocRegister *reg = subproc_test_load_seed ();

  subproc_register_set_title (reg, "Sub-processors");
  return reg;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static GtkWidget *
child (SubprocPrintWindow *window,
       const char         *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SUBPROC_TYPE_PRINT_WINDOW, name));
}

static void
test_choices (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  SubprocPrintWindow *window = subproc_print_window_new (NULL, reg, NULL, "register.json");
  SubprocReport *report = subproc_print_window_get_report (window);
  double width, height;
  guint public_pages;

  gtk_window_present (GTK_WINDOW (window));

  /* the defaults: the public list, A4 landscape */
  g_assert_false (subproc_report_is_internal (report));
  subproc_report_get_paper_size (report, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.5);
  public_pages = subproc_report_get_n_pages (report);
  g_assert_cmpuint (public_pages, >=, 1);

  /* the full register is internal and has more columns */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "columns_row")), 1);
  g_assert_true (subproc_report_is_internal (report));
  g_assert_cmpuint (subproc_report_get_n_columns (report), >, 6);

  /* Letter, portrait */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "paper_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "orientation_row")), 1);
  subproc_report_get_paper_size (report, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.5);

  /* Swedish: Swedish column titles */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "columns_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "language_row")), 1);
  g_assert_cmpstr (subproc_report_get_language (report), ==, "sv");
  {
    /* titles are translated in the language gettext answers in: the report's while it draws */
    g_autoptr(SubprocLanguageScope) scope = subproc_language_push (subproc_report_get_language (report));

    g_assert_cmpstr (subproc_report_get_column_title (report, 0), ==, "Databehandlare");
  }

  /* columns of one's own: only those checked, internal when beyond the public list */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "columns_row")), 2);
  g_assert_true (gtk_widget_get_visible (child (window, "fields_row")));
  g_assert_cmpuint (subproc_report_get_n_columns (report), ==, 6);
  g_assert_false (subproc_report_is_internal (report));
  {
    SubprocPrintWindow *w = window;
    GtkCheckButton **checks = (GtkCheckButton **) g_object_get_data (G_OBJECT (w), "field-checks");

    gtk_check_button_set_active (checks[SUBPROC_FIELD_DESCRIPTION], FALSE);
    gtk_check_button_set_active (checks[SUBPROC_FIELD_DPA_SIGNED], TRUE);
  }
  g_assert_cmpuint (subproc_report_get_n_columns (report), ==, 6);
  g_assert_true (subproc_report_is_internal (report));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "columns_row")), 0);
  g_assert_false (gtk_widget_get_visible (child (window, "fields_row")));

  /* paging stops at the ends */
  g_assert_cmpuint (subproc_print_window_get_page (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "preview.previous-page", NULL);
  g_assert_cmpuint (subproc_print_window_get_page (window), ==, 0);
  for (guint i = 0; i < 50; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "preview.next-page", NULL);
  g_assert_cmpuint (subproc_print_window_get_page (window), ==, subproc_report_get_n_pages (report) - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_print_is_preview (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autofree char *dir = g_dir_make_tmp ("subproc-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *saved = g_build_filename (dir, "saved.pdf", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;
  SubprocPrintWindow *window = subproc_print_window_new (NULL, reg, NULL, "register.json");
  guint n_pages;

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "columns_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "language_row")), 0);
  n_pages = subproc_report_get_n_pages (subproc_print_window_get_report (window));

  /* what the print operation sends has the preview's pages */
  g_assert_cmpint (subproc_print_window_export (window, printed, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (printed), ==, n_pages);

  /* and so has Save as PDF */
  g_assert_true (subproc_print_window_save_pdf (window, saved_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (saved), ==, n_pages);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (printed);
  g_unlink (saved);
  g_rmdir (dir);
}

/* pdftotext's text of PATH, its lines joined by spaces. */
static char *
pdf_flat_text (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -raw %s -", path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_spawn_command_line_sync (command, &text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_strdelimit (text, "\n", ' ');
  return g_steal_pointer (&text);
}

/* Printing what the window shows: the processors of a search in the
 * window's order, offered beside the whole register (the default), and
 * the title block says which. */
static void
test_shown_processors (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autoptr(GListStore) shown = g_list_store_new (SUBPROC_TYPE_PROCESSOR);
  g_autofree char *dir = g_dir_make_tmp ("subproc-print-XXXXXX", NULL);
  g_autofree char *whole_pdf = g_build_filename (dir, "whole.pdf", NULL);
  g_autofree char *shown_pdf = g_build_filename (dir, "shown.pdf", NULL);
  g_autoptr(GFile) whole_file = g_file_new_for_path (whole_pdf);
  g_autoptr(GFile) shown_file = g_file_new_for_path (shown_pdf);
  g_autofree char *whole_text = NULL;
  g_autofree char *shown_text = NULL;
  g_autoptr(GError) error = NULL;
  SubprocPrintWindow *window;
  SubprocReport *report;
  GtkWidget *row;

  g_list_store_append (shown, subproc_register_get_processor (reg, 5));
  g_list_store_append (shown, subproc_register_get_processor (reg, 0));
  window = subproc_print_window_new (NULL, reg, G_LIST_MODEL (shown), "register.json");
  report = subproc_print_window_get_report (window);
  row = child (window, "processors_row");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_cmpuint (subproc_report_get_n_rows (report), ==, 13);
  g_assert_true (subproc_print_window_save_pdf (window, whole_file, &error));
  g_assert_no_error (error);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpuint (subproc_report_get_n_rows (report), ==, 2);
  g_assert_true (subproc_report_get_row (report, 0) == subproc_register_get_processor (reg, 5));
  g_assert_true (subproc_report_get_row (report, 1) == subproc_register_get_processor (reg, 0));
  g_assert_true (subproc_print_window_save_pdf (window, shown_file, &error));
  g_assert_no_error (error);

  whole_text = pdf_flat_text (whole_pdf);
  shown_text = pdf_flat_text (shown_pdf);
  g_assert_nonnull (strstr (whole_text, "Contents: The whole register"));
  g_assert_nonnull (strstr (shown_text, "Contents: The processors shown in the window, in the order shown, of 13 in the register"));
  g_assert_nonnull (strstr (shown_text, "Number of processors: 2"));
  /* Google (the sixth) before Amazon (the first) */
  g_assert_true (strstr (shown_text, "Google") < strstr (shown_text, "Amazon"));
  g_assert_null (strstr (shown_text, "Clearhaus"));

  /* a preview opened without a window's view offers no choice */
  gtk_window_destroy (GTK_WINDOW (window));
  window = subproc_print_window_new (NULL, reg, NULL, "register.json");
  g_assert_false (gtk_widget_get_visible (child (window, "processors_row")));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (whole_pdf);
  g_unlink (shown_pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = g_dir_make_tmp ("subproc-print-config-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  subproc_test_bind_catalog ();
  adw_init ();

  g_test_add_func ("/print/choices", test_choices);
  g_test_add_func ("/print/print-is-preview", test_print_is_preview);
  g_test_add_func ("/print/shown-processors", test_shown_processors);

  status = g_test_run ();
  g_rmdir (config_home);
  return status;
}

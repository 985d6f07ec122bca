/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "subproc-columns.h"
#include "subproc-export.h"
#include "subproc-html.h"
#include "subproc-storage.h"

/**
 * subproc_export_format_for_name:
 *
 * Returns: %TRUE when the extension of @filename names a format we write.
 */
gboolean
subproc_export_format_for_name (const char          *filename,
                                SubprocExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".json"))
    *format = SUBPROC_EXPORT_JSON;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = SUBPROC_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = SUBPROC_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    *format = SUBPROC_EXPORT_HTML;
  else
    return FALSE;

  return TRUE;
}

/* A spreadsheet runs a cell that starts with one of these as a formula. */
static gboolean
looks_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

static void
append_cell (GString    *out,
             const char *text)
{
  gboolean quote;

  if (text == NULL)
    text = "";

  quote = strpbrk (text, ",\"\r\n") != NULL || looks_like_formula (text);
  if (quote)
    g_string_append_c (out, '"');
  if (looks_like_formula (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static char *
field_as_text (SubprocProcessor *processor,
               SubprocField      field)
{
  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      return g_strdup (subproc_processor_get_text (processor, field));
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
    case SUBPROC_FIELD_KIND_MECHANISMS:
      return g_strjoinv (";", (char **) subproc_processor_get_list (processor, field));
    case SUBPROC_FIELD_KIND_ENUM:
      if (field == SUBPROC_FIELD_SCC_MODULE && subproc_processor_get_enum (processor, field) == SUBPROC_SCC_MODULE_NONE)
        return NULL;
      return g_strdup (subproc_enum_to_nick (subproc_field_get_enum_type (field),
                                             subproc_processor_get_enum (processor, field)));
    default:
      g_assert_not_reached ();
    }
}

/**
 * subproc_export_csv:
 * @length: (out) (optional): the length of the text
 *
 * Writes the register as RFC 4180 CSV: CRLF line ends, UTF-8 with a
 * byte-order mark so spreadsheets read Swedish letters, a header row of the
 * JSON keys, lists joined by “;”, ISO dates. A cell that a spreadsheet would
 * run as a formula starts with an apostrophe.
 *
 * Returns: (transfer full): the CSV text.
 */
char *
subproc_export_csv (SubprocRegister *self,
                    gsize           *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint n_items;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      if (f > 0)
        g_string_append_c (out, ',');
      append_cell (out, subproc_columns_data_name (f));
    }
  g_string_append (out, "\r\n");

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n_items; i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (self, i);

      for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
        {
          g_autofree char *text = field_as_text (processor, f);

          if (f > 0)
            g_string_append_c (out, ',');
          append_cell (out, text);
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * subproc_export_to_file:
 *
 * Writes @self to @file in @format, atomically; a register (JSON) also keeps
 * the previous file as a backup. Files are readable by the user alone: they
 * hold personal data.
 */
gboolean
subproc_export_to_file (SubprocRegister      *self,
                        SubprocExportFormat   format,
                        GFile                *file,
                        GError              **error)
{
  return subproc_export_report_to_file (self, format, NULL, file, error);
}

static SubprocReport *
new_report (SubprocRegister            *self,
            const SubprocExportOptions *options)
{
  SubprocReport *report = subproc_report_new (self);

  subproc_report_set_language (report, options->language);
  subproc_report_set_paper (report, options->paper, TRUE);
  subproc_report_set_source_name (report, options->source_name);
  subproc_report_set_as_of (report, options->as_of);
  if (options->n_fields > 0)
    subproc_report_set_fields (report, options->fields, options->n_fields);
  else
    subproc_report_set_column_set (report, options->column_set);
  return report;
}

/**
 * subproc_export_report_to_file:
 * @options: (nullable): how a PDF or an HTML page is made; %NULL for the
 *   public list in the UI's language on A4
 *
 * Writes @self to @file in @format, atomically, as subproc_export_to_file();
 * @options choose the language, the columns and the paper of a report.
 */
gboolean
subproc_export_report_to_file (SubprocRegister            *self,
                               SubprocExportFormat         format,
                               const SubprocExportOptions *options,
                               GFile                      *file,
                               GError                    **error)
{
  static const SubprocExportOptions defaults = { NULL, SUBPROC_COLUMNS_PUBLIC, NULL, 0, SUBPROC_PAPER_A4, NULL };
  g_autofree char *data = NULL;
  gboolean internal = TRUE;
  gsize length;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (options == NULL)
    options = &defaults;

  if (format == SUBPROC_EXPORT_JSON)
    return subproc_storage_save (self, file, NULL, NULL, error);

  if (format == SUBPROC_EXPORT_PDF)
    {
      g_autoptr(SubprocReport) report = new_report (self, options);

      return subproc_report_write_pdf (report, file, error);
    }

  if (format == SUBPROC_EXPORT_HTML)
    {
      g_autoptr(SubprocReport) report = new_report (self, options);

      internal = subproc_report_is_internal (report);
      data = subproc_html_from_report (report, &length);
    }
  else
    data = subproc_export_csv (self, &length);

  /* the public list is meant to be published; the rest holds personal data */
  return subproc_write_file (file, data, length, internal ? SUBPROC_FILE_PRIVATE : SUBPROC_FILE_NONE,
                             NULL, NULL, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "subproc-export.h"
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
      return g_strjoinv (";", (char **) subproc_processor_get_list (processor, field));
    case SUBPROC_FIELD_KIND_ENUM:
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
      append_cell (out, subproc_field_get_key (f));
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
  g_autofree char *data = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (format == SUBPROC_EXPORT_JSON)
    return subproc_storage_save (self, file, NULL, NULL, error);

  data = subproc_export_csv (self, &length);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, NULL, &local_error))
    {
      display_name = g_file_get_basename (file);
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display_name, local_error->message);
      return FALSE;
    }

  /* replacing a file keeps its mode: a CSV others could read would stay so */
  path = g_file_get_path (file);
  if (path != NULL)
    g_chmod (path, 0600);

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-import-private.h"
#include "subproc-storage.h"

G_DEFINE_QUARK (subproc-import-error-quark, subproc_import_error)


typedef SubprocImportCell Cell;

typedef SubprocImportRow Row;

typedef SubprocImport Import;

/* What the user chose for the column headed HEADER, if anything. */
static gboolean
mapped_choice (Import     *import,
               const char *header,
               int        *choice)
{
  gpointer value;

  if (import->mapping == NULL || header == NULL || *header == '\0' ||
      !g_hash_table_lookup_extended (import->mapping, header, NULL, &value))
    return FALSE;
  *choice = GPOINTER_TO_INT (value) - 3;
  return *choice >= SUBPROC_IMPORT_IGNORE && *choice < SUBPROC_N_FIELDS;
}

/**
 * subproc_import_report_clear:
 *
 * Frees what @report holds.
 */
void
subproc_import_report_clear (SubprocImportReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; report->columns != NULL && i < report->columns->len; i++)
    {
      SubprocImportColumn *column = g_ptr_array_index (report->columns, i);

      g_free (column->header);
      g_free (column);
    }
  g_clear_pointer (&report->columns, g_ptr_array_unref);
  g_clear_pointer (&report->lines, g_array_unref);
  report->encoding = NULL;
}

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

SubprocImportRow *
_subproc_import_row_new (guint line)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (row->cells, (GDestroyNotify) cell_clear);
  row->line = line;
  return row;
}

/* Adds a cell, taking TEXT. */
void
_subproc_import_row_add (SubprocImportRow *row,
                         char             *text,
                         guint             line,
                         guint             column,
                         gboolean          plain)
{
  Cell cell = { text, line, column, plain };

  g_array_append_val (row->cells, cell);
}

void
_subproc_import_row_free (SubprocImportRow *row)
{
  if (row == NULL)
    return;
  g_array_unref (row->cells);
  g_free (row);
}

#define row_free _subproc_import_row_free

/**
 * subproc_import_warning_free:
 */
void
subproc_import_warning_free (SubprocImportWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_free (warning);
}

G_GNUC_PRINTF (4, 5)
void
_subproc_import_warn (Import     *import,
                      guint       line,
                      guint       column,
                      const char *format,
                      ...)
{
  SubprocImportWarning *warning = g_new0 (SubprocImportWarning, 1);
  va_list args;

  va_start (args, format);
  warning->line = line;
  warning->column = column;
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->warnings, warning);
}

/* Splits TEXT into rows of cells. A tab-separated list as copied from a web
 * page has no quoting; a CSV follows RFC 4180, quotes spanning lines. */
/* Reads a quoted CSV cell from just after its opening quote; returns where
 * it ends, or NULL when the file ends first. */
static const char *
read_quoted (const char  *p,
             GString     *value,
             guint       *line,
             const char **line_start)
{
  for (; *p != '\0'; p++)
    {
      if (*p == '"' && p[1] == '"')
        p++;
      else if (*p == '"')
        return p + 1;
      else if (*p == '\n')
        {
          (*line)++;
          *line_start = p + 1;
        }
      if (*p != '\r')
        g_string_append_c (value, *p);
    }
  return NULL;
}

/* A spreadsheet's guard against formulas (our own CSV writes one) is not
 * part of the value. */
static void
drop_formula_guard (GString *value)
{
  if (value->len >= 2 && value->str[0] == '\'' && strchr ("=+-@\t\r", value->str[1]) != NULL)
    g_string_erase (value, 0, 1);
}

static GPtrArray *
split_rows (const char *text,
            char        delimiter,
            Cell       *unterminated)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  gboolean quoting = delimiter != '\t';
  const char *p = text;
  const char *line_start = text;   /* where the line of p starts */
  const char *counted = text;      /* how far the column is counted on that line */
  guint counted_column = 1;
  guint line = 1;

  while (*p != '\0')
    {
      Row *row = _subproc_import_row_new (line);
      gboolean end_of_row = FALSE;

      while (!end_of_row)
        {
          GString *value = g_string_new (NULL);
          Cell cell = { NULL, line, 1 };

          /* the column in characters from the start of its line, counted on
           * from the last cell's, so that a long row costs no more per cell */
          if (counted < line_start)
            {
              counted = line_start;
              counted_column = 1;
            }
          counted_column += g_utf8_strlen (counted, p - counted);
          counted = p;
          cell.column = counted_column;

          if (quoting && *p == '"')
            {
              const char *end = read_quoted (p + 1, value, &line, &line_start);

              if (end == NULL)
                {
                  /* the rest of the file is this cell: say where it began */
                  if (unterminated->line == 0)
                    *unterminated = cell;
                  end = p + strlen (p);
                }
              p = end;
              drop_formula_guard (value);
            }
          while (*p != '\0' && *p != delimiter && *p != '\n')
            {
              if (*p != '\r')
                g_string_append_c (value, *p);
              p++;
            }

          if (*p == delimiter)
            p++;
          else
            {
              end_of_row = TRUE;
              if (*p == '\n')
                {
                  p++;
                  line++;
                  line_start = p;
                }
            }

          cell.text = g_string_free (value, FALSE);
          g_array_append_val (row->cells, cell);
        }

      g_ptr_array_add (rows, row);
    }

  return rows;
}

const char *
_subproc_import_row_text (Row   *row,
                          guint  column)
{
  if (column >= row->cells->len)
    return "";
  return g_array_index (row->cells, Cell, column).text;
}

static gboolean
try_header (Import *import,
            Row    *row)
{
  int columns[SUBPROC_N_FIELDS];
  guint64 more[SUBPROC_N_FIELDS] = { 0 };
  guint n_known = 0;

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    columns[f] = -1;

  for (guint i = 0; i < row->cells->len; i++)
    {
      SubprocField field;
      int choice;

      if (mapped_choice (import, _subproc_import_row_text (row, i), &choice))
        {
          /* the user's choice for this header: a field, or no field */
          if (choice < 0)
            continue;
          field = choice;
        }
      else if (!_subproc_import_header_to_field (_subproc_import_row_text (row, i), &field))
        continue;
      if (columns[field] < 0)
        {
          columns[field] = i;
          n_known++;
        }
      /* two columns of places (“Location” over two), of the 64 first:
       * read as one, their texts joined */
      else if (i < 64 && (field == SUBPROC_FIELD_LOCATION || field == SUBPROC_FIELD_COUNTRIES ||
                          field == SUBPROC_FIELD_TRANSFER_BASIS || field == SUBPROC_FIELD_DESCRIPTION))
        more[field] |= G_GUINT64_CONSTANT (1) << i;
    }

  if (columns[SUBPROC_FIELD_NAME] < 0 || n_known < 2)
    return FALSE;

  memcpy (import->columns, columns, sizeof columns);
  memcpy (import->more_columns, more, sizeof more);
  import->n_columns = row->cells->len;
  return TRUE;
}

/* A row wider or a cell longer than a list of processors ever has is
 * refused before anything else is done with it. */
static gboolean
check_limits (Import     *import,
              GPtrArray  *rows,
              GError    **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      guint used = row->cells->len;

      while (used > 0 && *g_array_index (row->cells, Cell, used - 1).text == '\0')
        used--;
      if (used > SUBPROC_IMPORT_MAX_COLUMNS)
        {
          g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE,
                       /* Translators: %1$s is a file name, %2$u a line, %3$u the most columns read */
                       _("“%1$s”, line %2$u: the row has more than %3$u columns, more than Subproc reads in a list."),
                       import->display_name, row->line, SUBPROC_IMPORT_MAX_COLUMNS);
          return FALSE;
        }
      for (guint j = 0; j < used; j++)
        {
          Cell *cell = &g_array_index (row->cells, Cell, j);

          if (strlen (cell->text) > SUBPROC_IMPORT_MAX_CELL)
            {
              g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE,
                           /* Translators: %1$s is a file name, %2$u a line, %3$u a column, %4$u megabytes */
                           _("“%1$s”, line %2$u, column %3$u: the cell holds more than %4$u MB of text, more than Subproc reads in a cell."),
                           import->display_name, cell->line, cell->column,
                           (guint) (SUBPROC_IMPORT_MAX_CELL / (1024 * 1024)));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Finds the header among the first rows, trying tabs, then semicolons, then
 * commas. Returns the rows, with the header's index in HEADER, or %NULL
 * with @error set when the rows are larger than Subproc reads (and
 * unset when there is no header). */
static GPtrArray *
find_header (Import     *import,
             const char *text,
             guint      *header,
             GError    **error)
{
  static const char delimiters[] = { '\t', ';', ',' };

  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      Cell unterminated = { NULL, 0, 0 };
      g_autoptr(GPtrArray) rows = split_rows (text, delimiters[d], &unterminated);

      if (!check_limits (import, rows, error))
        return NULL;

      for (guint i = 0; i < MIN (rows->len, 30); i++)
        {
          Row *row = g_ptr_array_index (rows, i);

          if (row->cells->len >= 2 && try_header (import, row))
            {
              if (unterminated.line > 0)
                _subproc_import_warn (import, unterminated.line, unterminated.column,
                                      _("A quote opened here is never closed, so the rest of the file was read as one cell; check it."));
              *header = i;
              return g_steal_pointer (&rows);
            }
        }
    }

  return NULL;
}

/* The preview's list of columns: each header once, with what it became. */
static void
report_column (Import     *import,
               const char *header,
               int         choice)
{
  SubprocImportColumn *column;

  if (import->report == NULL || header == NULL || *header == '\0')
    return;
  if (import->report->columns == NULL)
    import->report->columns = g_ptr_array_new ();
  for (guint i = 0; i < import->report->columns->len; i++)
    if (g_str_equal (((SubprocImportColumn *) g_ptr_array_index (import->report->columns, i))->header, header))
      return;
  column = g_new0 (SubprocImportColumn, 1);
  column->header = g_strdup (header);
  column->choice = choice;
  g_ptr_array_add (import->report->columns, column);
}

static void
note_unknown_headers (Import *import,
                      Row    *header)
{
  for (guint i = 0; i < header->cells->len; i++)
    {
      Cell *cell = &g_array_index (header->cells, Cell, i);
      g_autofree char *text = _subproc_import_cell_text (import, cell);
      gboolean known = FALSE;

      int choice = SUBPROC_IMPORT_NOTES;
      gboolean chosen = mapped_choice (import, _subproc_import_row_text (header, i), &choice) && choice < 0;

      for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
        if (import->columns[f] == (int) i || (i < 64 && (import->more_columns[f] & (G_GUINT64_CONSTANT (1) << i))))
          {
            known = TRUE;
            choice = f;
          }
      if (known)
        chosen = FALSE;
      report_column (import, _subproc_import_row_text (header, i), known || chosen ? choice : SUBPROC_IMPORT_NOTES);

      if (known || *text == '\0' || (chosen && choice == SUBPROC_IMPORT_IGNORE))
        {
          g_ptr_array_add (import->unknown_headers, NULL);
          continue;
        }

      /* kept in the notes: said, unless the user chose it */
      if (!chosen)
        _subproc_import_warn (import, cell->line, cell->column,
                              _("The column “%s” has no field in Subproc; its values are kept in the notes."), text);
      g_ptr_array_add (import->unknown_headers, g_steal_pointer (&text));
    }
}

/* A page's table is a list of processors when its header names the
 * processor and something a register keeps about it, not only a way to
 * reach someone (a contact table) or dates (a change log). */
static gboolean
is_processor_table (Import *import)
{
  static const SubprocField beside_contact[] = {
    SUBPROC_FIELD_CONTACT, SUBPROC_FIELD_WEBSITE, SUBPROC_FIELD_NOTES, SUBPROC_FIELD_ADDED,
    SUBPROC_FIELD_UPDATED, SUBPROC_FIELD_STATUS, SUBPROC_FIELD_ID, SUBPROC_FIELD_NAME,
  };

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      gboolean minor = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (beside_contact); i++)
        minor |= beside_contact[i] == f;
      if (!minor && import->columns[f] >= 0)
        return TRUE;
    }
  return FALSE;
}

/* A header row repeated inside a table (long tables on web pages do). */
static gboolean
repeats_header (Row *row,
                Row *header)
{
  guint same = 0;

  if (row->cells->len != header->cells->len)
    return FALSE;
  for (guint i = 0; i < row->cells->len; i++)
    {
      if (g_strcmp0 (_subproc_import_row_text (row, i), _subproc_import_row_text (header, i)) != 0)
        return FALSE;
      same += *_subproc_import_row_text (row, i) != '\0';
    }
  return same > 0;
}

static void
reset_columns (Import *import)
{
  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      import->columns[f] = -1;
      import->more_columns[f] = 0;
    }
  import->n_columns = 0;
  g_clear_pointer (&import->unknown_headers, g_ptr_array_unref);
  import->unknown_headers = g_ptr_array_new_with_free_func (g_free);
}

/* One table of a page: its header, its rows; the heading above it goes on
 * each processor (their function when the table has none, otherwise in
 * the notes), and the page's “Last updated” day where a row has none. */
static gboolean
import_table (Import             *import,
              SubprocImportTable *table,
              const char         *page_updated,
              gboolean           *taken,
              GError            **error)
{
  guint first = import->processors->len;
  Row *header = NULL;
  guint h;

  if (!check_limits (import, table->rows, error))
    return FALSE;

  reset_columns (import);
  for (h = 0; h < MIN (table->rows->len, 30) && header == NULL; h++)
    {
      Row *row = g_ptr_array_index (table->rows, h);

      if (row->cells->len >= 2 && try_header (import, row))
        header = row;
    }
  if (header == NULL || !is_processor_table (import))
    {
      if (table->sheet)
        /* Translators: %s is the name of a spreadsheet's sheet */
        _subproc_import_warn (import, table->line, 1, _("The sheet “%s” is not a list of processors; it was left out."),
                              table->heading != NULL ? table->heading : "");
      else if (table->heading != NULL)
        /* Translators: %1$s is a heading on the page, %2$u its line */
        _subproc_import_warn (import, table->line, 1, _("The table under “%1$s” (line %2$u) is not a list of processors; it was left out."),
                              table->heading, table->line);
      else
        _subproc_import_warn (import, table->line, 1, _("The table at line %u is not a list of processors; it was left out."),
                              table->line);
      reset_columns (import);
      return TRUE;
    }

  *taken = TRUE;
  note_unknown_headers (import, header);
  for (guint i = h; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);

      if (!repeats_header (row, header))
        _subproc_import_read_row (import, row);
    }

  for (guint i = first; i < import->processors->len; i++)
    {
      SubprocProcessor *processor = g_ptr_array_index (import->processors, i);

      if (table->sheet)
        ;  /* “Sheet1” says nothing of a processor */
      else if (table->heading != NULL && import->columns[SUBPROC_FIELD_FUNCTION] < 0)
        subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, table->heading);
      else if (table->heading != NULL)
        {
          const char *notes = subproc_processor_get_text (processor, SUBPROC_FIELD_NOTES);
          /* Translators: label in the notes of the heading a processor was listed under */
          g_autofree char *line = g_strdup_printf ("%s: %s", C_("notes label", "Section"), table->heading);
          g_autofree char *joined = notes != NULL ? g_strconcat (line, "\n", notes, NULL) : g_strdup (line);

          subproc_processor_set_text (processor, SUBPROC_FIELD_NOTES, joined);
        }
      if (page_updated != NULL && subproc_processor_get_text (processor, SUBPROC_FIELD_UPDATED) == NULL)
        subproc_processor_set_text (processor, SUBPROC_FIELD_UPDATED, page_updated);
    }
  return TRUE;
}

/* Windows-1252's letters for 0x80–0x9F; the rest of the upper half is
 * Latin-1's. The five bytes it leaves undefined read as Latin-1 does. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
from_windows_1252 (const char *data,
                   gsize       length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, c);
      else
        g_string_append_unichar (out, c < 0xA0 ? cp1252_high[c - 0x80] : c);
    }
  return g_string_free (out, FALSE);
}

/* The text of a list in UTF-8: as it is (without a byte-order mark),
 * from UTF-16 with a byte-order mark, or else, when the bytes are not
 * UTF-8, from Windows-1252, which is what a spreadsheet in Windows saves. */
static char *
decode (Import      *import,
        const char  *data,
        gsize        length,
        GError     **error)
{
  const guchar *bytes = (const guchar *) data;
  const char *utf16 = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    utf16 = "UTF-16LE";
  else if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    utf16 = "UTF-16BE";

  if (utf16 != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;
      char *text = g_convert (data + 2, length - 2, "UTF-8", utf16, NULL, &written, &local_error);

      if (text == NULL || memchr (text, '\0', written) != NULL)
        {
          g_free (text);
          g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NOT_TEXT,
                       _("“%s” says it is UTF-16 text, but it is not; save it as UTF-8 text and try again."),
                       import->display_name);
          return NULL;
        }
      if (import->report != NULL)
        import->report->encoding = "UTF-16";
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NOT_TEXT,
                   _("“%s” is not a text file: it holds bytes no list has. Save it as text (CSV or tab-separated) and try again."),
                   import->display_name);
      return NULL;
    }
  if (g_utf8_validate (data, length, NULL))
    {
      if (import->report != NULL)
        import->report->encoding = "UTF-8";
      return g_strndup (data, length);
    }
  if (import->report != NULL)
    import->report->encoding = "Windows-1252";

  _subproc_import_warn (import, 1, 1,
                        _("The file is not UTF-8, so it was read as Windows-1252 (Western European); check that letters such as å, æ and ø look right."));
  return from_windows_1252 (data, length);
}

/**
 * subproc_import_text:
 * @length: the length of @text, or -1 when it ends with a nul
 * @display_name: the file's name, for messages
 * @warnings: (out) (optional) (element-type SubprocImportWarning): what could
 *   not be read as it stood, with its line and column
 *
 * Reads a list of processors as people copy it from a web page or a
 * spreadsheet, or as vendors publish it: tab-separated or CSV text whose
 * header row names the columns in Swedish, Danish or English, or an HTML
 * or Markdown page with tables of processors. Text in UTF-8 (with or
 * without a byte-order mark), UTF-16 with a byte-order mark, or else
 * Windows-1252, which is said in a warning.
 *
 * Returns: (transfer full) (element-type SubprocProcessor): the processors,
 *   or %NULL when the data is not text or has no table naming its columns.
 */
GPtrArray *
subproc_import_text (const char  *text,
                     gssize       length,
                     const char  *display_name,
                     GPtrArray  **warnings,
                     GError     **error)
{
  return subproc_import_text_mapped (text, length, display_name, NULL, NULL, warnings, error);
}

/**
 * subproc_import_text_mapped:
 * @mapping: (nullable) (element-type utf8 int): for headers as written,
 *   what their columns become, as GINT_TO_POINTER (choice + 3): a
 *   SubprocField, %SUBPROC_IMPORT_NOTES or %SUBPROC_IMPORT_IGNORE; other
 *   headers are found by their words
 * @report: (out caller-allocates) (optional): the columns and the encoding
 *   found, for a preview; clear it with subproc_import_report_clear()
 *
 * subproc_import_text(), with the columns the user chose in a preview.
 */
GPtrArray *
subproc_import_text_mapped (const char          *text,
                            gssize               length,
                            const char          *display_name,
                            GHashTable          *mapping,
                            SubprocImportReport *report,
                            GPtrArray          **warnings,
                            GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) own_warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) subproc_import_warning_free);
  g_autoptr(GPtrArray) processors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SubprocImportPage) page = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) limit_error = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  Import import = { display_name, own_warnings, processors, { 0 }, { 0 }, NULL, 0, notes, mapping, report };
  guint header = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  /* a spreadsheet: every sheet that lists processors */
  if (report != NULL)
    *report = (SubprocImportReport) { NULL, NULL, g_array_new (FALSE, FALSE, sizeof (guint)) };
  if (_subproc_import_is_spreadsheet (text, length))
    {
      if (report != NULL)
        report->encoding = "XLSX/ODS";
      page = _subproc_import_read_spreadsheet (text, length, display_name, error);
      if (page == NULL)
        return NULL;
    }
  else if ((copy = decode (&import, text, length, error)) == NULL)
    return NULL;

  /* a page: every table that lists processors */
  if (page == NULL && _subproc_import_is_html_page (copy))
    {
      /* libxml2 keeps the whole page as a tree, several times its size */
      if (strlen (copy) > SUBPROC_IMPORT_MAX_PAGE)
        {
          g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE,
                       /* Translators: %1$s is a file name, %2$u megabytes */
                       _("“%1$s” is a web page of more than %2$u MB, larger than a list of processors ever is."),
                       display_name, (guint) (SUBPROC_IMPORT_MAX_PAGE / (1024 * 1024)));
          return NULL;
        }
      page = _subproc_import_read_html_page (copy);
    }
  else if (page == NULL && _subproc_import_is_markdown (copy))
    page = _subproc_import_read_markdown (copy);
  if (page != NULL)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < page->tables->len; i++)
        {
          SubprocImportTable *table = g_ptr_array_index (page->tables, i);

          if (!import_table (&import, table, page->updated, &any, error))
            {
              g_clear_pointer (&import.unknown_headers, g_ptr_array_unref);
              return NULL;
            }
        }
      g_clear_pointer (&import.unknown_headers, g_ptr_array_unref);
      if (!any)
        {
          g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NO_HEADER,
                       _("“%s” has no table whose header names the columns of a list of processors, such as “Name”, “Country” and “Description”."),
                       display_name);
          return NULL;
        }
    }
  else
    {
      /* text: tab-separated or CSV */
      rows = find_header (&import, copy, &header, &limit_error);
      if (rows == NULL)
        {
          if (limit_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&limit_error));
              return NULL;
            }
          g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NO_HEADER,
                       _("“%s” has no row naming the columns, such as “Name”, “Country” and “Description”; Subproc needs one to know what each column holds."),
                       display_name);
          return NULL;
        }

      import.unknown_headers = g_ptr_array_new_with_free_func (g_free);
      note_unknown_headers (&import, g_ptr_array_index (rows, header));
      for (guint i = header + 1; i < rows->len; i++)
        _subproc_import_read_row (&import, g_ptr_array_index (rows, i));
      g_clear_pointer (&import.unknown_headers, g_ptr_array_unref);
    }

  if (warnings != NULL)
    *warnings = g_steal_pointer (&own_warnings);
  return g_steal_pointer (&processors);
}

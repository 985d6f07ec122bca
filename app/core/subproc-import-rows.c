/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-import-private.h"

/* A row of a list read into a processor: its cells to fields, dates,
 * countries and mechanisms, the rest kept in the notes; continuation rows. */

typedef SubprocImportCell Cell;

typedef SubprocImportRow Row;

typedef SubprocImport Import;

static gboolean
row_is_blank (Row *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    {
      g_autofree char *copy = g_strstrip (g_strdup (_subproc_import_row_text (row, i)));

      if (*copy != '\0')
        return FALSE;
    }
  return TRUE;
}

static Cell *
field_cell (Import     *import,
            Row        *row,
            SubprocField field)
{
  int column = import->columns[field];

  if (column < 0 || (guint) column >= row->cells->len)
    return NULL;
  return &g_array_index (row->cells, Cell, column);
}

/* The text of a cell, said when its HTML could not be read as such. */
char *
_subproc_import_cell_text (Import *import,
                           Cell   *cell)
{
  gboolean too_deep;
  char *text;

  if (cell->plain)
    return g_strdup (cell->text);
  text = _subproc_import_html_to_text (cell->text, &too_deep);

  if (too_deep)
    _subproc_import_warn (import, cell->line, cell->column,
                          _("The HTML in this cell is nested too deep to be read as HTML; its text was kept without the tags."));
  return text;
}

static char *
field_text (Import      *import,
            Row         *row,
            SubprocField field)
{
  Cell *cell = field_cell (import, row, field);
  g_autofree char *first = NULL;
  GString *text;

  if (cell == NULL)
    return g_strdup ("");
  if (import->more_columns[field] == 0)
    return _subproc_import_cell_text (import, cell);

  first = _subproc_import_cell_text (import, cell);
  text = g_string_new (first);
  for (guint i = 0; i < MIN (row->cells->len, 64); i++)
    if (import->more_columns[field] & (G_GUINT64_CONSTANT (1) << i))
      {
        g_autofree char *more = _subproc_import_cell_text (import, &g_array_index (row->cells, Cell, i));

        if (*more == '\0')
          continue;
        if (text->len > 0)
          g_string_append (text, field == SUBPROC_FIELD_DESCRIPTION ? "\n\n" : ", ");
        g_string_append (text, more);
      }
  return g_string_free (text, FALSE);
}

/* Gathered while a row is read and added to the notes once, so that a row
 * of many cells costs no more per cell. */
static void
append_note (Import     *import,
             const char *label,
             const char *value)
{
  g_string_append_printf (import->notes, "\n%s: %s", label, value);
}

/* The countries a place names; what is not one is said, and kept as the
 * place as written by the caller. Returns: whether all of it was. */
static gboolean
set_countries (Import           *import,
               SubprocProcessor *processor,
               const char       *text,
               Cell             *cell)
{
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) codes = subproc_country_parse_list (text, &unknown);

  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, (const char * const *) codes);
  for (guint i = 0; unknown != NULL && unknown[i] != NULL; i++)
    _subproc_import_warn (import, cell->line, cell->column,
                          _("“%s” is not a country name known to Subproc; the place is kept as written."),
                          unknown[i]);
  return unknown == NULL || unknown[0] == NULL;
}

static void
read_location (Import           *import,
               Row              *row,
               SubprocProcessor *processor)
{
  g_autofree char *location = field_text (import, row, SUBPROC_FIELD_LOCATION);

  if (*location == '\0')
    return;

  subproc_processor_set_text (processor, SUBPROC_FIELD_LOCATION, location);
  /* a column of countries, when there is one, says them */
  if (import->columns[SUBPROC_FIELD_COUNTRIES] < 0)
    set_countries (import, processor, location, field_cell (import, row, SUBPROC_FIELD_LOCATION));
}

static void
read_basis (Import           *import,
            Row              *row,
            SubprocProcessor *processor)
{
  g_autofree char *basis = field_text (import, row, SUBPROC_FIELD_TRANSFER_BASIS);
  Cell *cell = field_cell (import, row, SUBPROC_FIELD_TRANSFER_BASIS);
  g_auto(GStrv) mechanisms = NULL;
  gboolean known;

  if (*basis == '\0')
    return;

  subproc_processor_set_text (processor, SUBPROC_FIELD_TRANSFER_BASIS, basis);
  /* a column of mechanisms, when there is one, says them */
  if (import->columns[SUBPROC_FIELD_TRANSFER_MECHANISM] >= 0)
    return;
  mechanisms = subproc_import_guess_mechanisms (basis, &known);
  subproc_processor_set_list (processor, SUBPROC_FIELD_TRANSFER_MECHANISM, (const char * const *) mechanisms);
  if (!known)
    _subproc_import_warn (import, cell->line, cell->column,
                          _("The legal basis “%s” is not a transfer mechanism known to Subproc; it is kept as written."),
                          basis);
}

static void
read_date (Import           *import,
           Row              *row,
           SubprocField      field,
           const char       *label,
           SubprocProcessor *processor)
{
  g_autofree char *text = field_text (import, row, field);
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;
  Cell *cell = field_cell (import, row, field);

  if (*text == '\0')
    return;

  date = subproc_date_parse (text);
  if (date == NULL)
    {
      _subproc_import_warn (import, cell->line, cell->column,
                            _("“%s” is not a date Subproc can read; it is kept in the notes."), text);
      append_note (import, label, text);
      return;
    }

  iso = subproc_date_to_iso (date);
  subproc_processor_set_text (processor, field, iso);
}

/* A column of countries, as our CSV writes it (“NL;IE”) or by name; what
 * is not a country is kept as the place as written. */
static void
read_countries (Import           *import,
                Row              *row,
                SubprocProcessor *processor)
{
  g_autofree char *text = field_text (import, row, SUBPROC_FIELD_COUNTRIES);

  if (*text == '\0' || set_countries (import, processor, text, field_cell (import, row, SUBPROC_FIELD_COUNTRIES)))
    return;
  if (import->columns[SUBPROC_FIELD_LOCATION] < 0)
    subproc_processor_set_text (processor, SUBPROC_FIELD_LOCATION, text);
  else
    /* Translators: label in the notes of a place that is not a country */
    append_note (import, C_("notes label", "Countries"), text);
}

/* A column of mechanisms: our CSV's words (“scc;dpf”), or wording. */
static void
read_mechanisms (Import           *import,
                 Row              *row,
                 SubprocProcessor *processor)
{
  g_autofree char *text = field_text (import, row, SUBPROC_FIELD_TRANSFER_MECHANISM);
  g_auto(GStrv) words = g_regex_split_simple ("\\s*[;,]\\s*", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) mechanisms = NULL;
  gboolean all_words = TRUE;
  gboolean known = TRUE;
  Cell *cell = field_cell (import, row, SUBPROC_FIELD_TRANSFER_MECHANISM);

  g_strstrip (text);
  if (*text == '\0')
    return;
  for (guint i = 0; words[i] != NULL; i++)
    {
      int value;

      if (subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, words[i], &value))
        g_strv_builder_add (builder, words[i]);
      else
        all_words = FALSE;
    }
  mechanisms = all_words ? g_strv_builder_end (builder) : subproc_import_guess_mechanisms (text, &known);
  subproc_processor_set_list (processor, SUBPROC_FIELD_TRANSFER_MECHANISM, (const char * const *) mechanisms);
  if (known)
    return;
  _subproc_import_warn (import, cell->line, cell->column,
                        _("The legal basis “%s” is not a transfer mechanism known to Subproc; it is kept as written."), text);
  if (subproc_processor_get_text (processor, SUBPROC_FIELD_TRANSFER_BASIS) == NULL)
    subproc_processor_set_text (processor, SUBPROC_FIELD_TRANSFER_BASIS, text);
  else
    append_note (import, subproc_field_get_key (SUBPROC_FIELD_TRANSFER_MECHANISM), text);
}

/* A word of our CSV (“planned”, “3”); anything else is kept in the notes. */
static void
read_enum (Import           *import,
           Row              *row,
           SubprocField      field,
           SubprocProcessor *processor)
{
  g_autofree char *text = g_strstrip (field_text (import, row, field));
  Cell *cell = field_cell (import, row, field);
  int value;

  if (*text == '\0')
    return;
  if (subproc_enum_from_nick (subproc_field_get_enum_type (field), text, &value))
    {
      subproc_processor_set_enum (processor, field, value);
      return;
    }
  /* Translators: %1$s is the value as written, %2$s a column, such as “status” */
  _subproc_import_warn (import, cell->line, cell->column, _("“%1$s” is not a value of “%2$s” Subproc knows; it is kept in the notes."),
                        text, subproc_field_get_key (field));
  append_note (import, subproc_field_get_key (field), text);
}

static void
read_list_field (Import           *import,
                 Row              *row,
                 SubprocField      field,
                 SubprocProcessor *processor)
{
  g_autofree char *text = field_text (import, row, field);
  g_auto(GStrv) items = g_regex_split_simple ("\\s*[;,\\n]\\s*", text, 0, 0);

  subproc_processor_set_list (processor, field, (const char * const *) items);
}

/* Cells right of the header's last column (a cell with an unquoted comma,
 * say) are kept in the notes, and said. */
static void
keep_extra_cells (Import           *import,
                  Row              *row,
                  SubprocProcessor *processor)
{
  for (guint i = import->n_columns; i < row->cells->len; i++)
    {
      Cell *cell = &g_array_index (row->cells, Cell, i);
      g_autofree char *text = _subproc_import_cell_text (import, cell);

      if (*text == '\0')
        continue;
      _subproc_import_warn (import, cell->line, cell->column,
                            _("This cell is right of the last column the header names; its text is kept in the notes."));
      /* Translators: label in the notes of text found right of a list's last column */
      append_note (import, C_("notes label", "Beyond the last column"), text);
    }
}

static SubprocProcessor *
read_processor (Import *import,
                Row    *row)
{
  SubprocProcessor *processor = subproc_processor_new (NULL);

  g_string_truncate (import->notes, 0);
  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      g_autofree char *text = NULL;

      if (import->columns[f] < 0)
        continue;

      switch (f)
        {
        case SUBPROC_FIELD_LOCATION:
          read_location (import, row, processor);
          break;
        case SUBPROC_FIELD_TRANSFER_BASIS:
          read_basis (import, row, processor);
          break;
        case SUBPROC_FIELD_COUNTRIES:
          read_countries (import, row, processor);
          break;
        case SUBPROC_FIELD_TRANSFER_MECHANISM:
          read_mechanisms (import, row, processor);
          break;
        case SUBPROC_FIELD_UPDATED:
          /* Translators: label of a date kept in the notes when it could not be read */
          read_date (import, row, f, C_("notes label", "Updated"), processor);
          break;
        case SUBPROC_FIELD_ADDED:
          /* Translators: label of a date kept in the notes when it could not be read */
          read_date (import, row, f, C_("notes label", "Added"), processor);
          break;
        case SUBPROC_FIELD_DATA_CATEGORIES:
        case SUBPROC_FIELD_DATA_SUBJECTS:
          read_list_field (import, row, f, processor);
          break;
        default:
          switch (subproc_field_get_kind (f))
            {
            case SUBPROC_FIELD_KIND_TEXT:
              text = field_text (import, row, f);
              subproc_processor_set_text (processor, f, text);
              break;
            case SUBPROC_FIELD_KIND_DATE:
              read_date (import, row, f, subproc_field_get_key (f), processor);
              break;
            case SUBPROC_FIELD_KIND_ENUM:
              read_enum (import, row, f, processor);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  keep_extra_cells (import, row, processor);

  /* columns we have no field for are kept in the notes, so nothing is lost */
  for (guint i = 0; i < import->unknown_headers->len; i++)
    {
      const char *header = g_ptr_array_index (import->unknown_headers, i);
      g_autofree char *text = NULL;

      if (header == NULL || i >= row->cells->len)
        continue;
      text = _subproc_import_cell_text (import, &g_array_index (row->cells, Cell, i));
      if (*text != '\0')
        append_note (import, header, text);
    }

  if (import->notes->len > 0)
    {
      const char *notes = subproc_processor_get_text (processor, SUBPROC_FIELD_NOTES);
      g_autofree char *joined = g_strconcat (notes != NULL ? notes : "", import->notes->str + (notes == NULL), NULL);

      subproc_processor_set_text (processor, SUBPROC_FIELD_NOTES, joined);
    }
  return processor;
}

/* A row with only a description continues the processor above it, as a
 * description that a web page wrapped onto a row of its own. */
static gboolean
is_continuation (Import *import,
                 Row    *row)
{
  int description = import->columns[SUBPROC_FIELD_DESCRIPTION];

  if (description < 0)
    return FALSE;

  for (guint i = 0; i < row->cells->len; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (_subproc_import_row_text (row, i)));

      if (*text != '\0' && i != (guint) description)
        return FALSE;
    }

  return TRUE;
}

static gboolean
ends_sentence (const char *text)
{
  gsize length = strlen (text);

  while (length > 0 && strchr ("\"')”’»", text[length - 1]) != NULL)
    length--;
  return length > 0 && strchr (".!?:", text[length - 1]) != NULL;
}

static void
continue_description (Import *import,
                      Row    *row)
{
  SubprocProcessor *previous;
  g_autofree char *more = field_text (import, row, SUBPROC_FIELD_DESCRIPTION);
  g_autofree char *joined = NULL;
  const char *description;

  if (import->processors->len == 0)
    {
      _subproc_import_warn (import, row->line, 1,
                            _("This row has a description but no processor above it; it was left out."));
      return;
    }

  previous = g_ptr_array_index (import->processors, import->processors->len - 1);
  description = subproc_processor_get_text (previous, SUBPROC_FIELD_DESCRIPTION);
  if (description == NULL)
    joined = g_strdup (more);
  else
    joined = g_strconcat (description, ends_sentence (description) ? "\n\n" : " ", more, NULL);
  subproc_processor_set_text (previous, SUBPROC_FIELD_DESCRIPTION, joined);
}

void
_subproc_import_read_row (Import *import,
                          Row    *row)
{
  g_autofree char *name = NULL;

  if (row_is_blank (row))
    return;

  if (row->cells->len == 1 && import->n_columns > 1)
    {
      g_autofree char *text = _subproc_import_cell_text (import, &g_array_index (row->cells, Cell, 0));

      _subproc_import_warn (import, row->line, 1, _("“%s” is not a row of the table; it was left out."), text);
      return;
    }

  name = field_text (import, row, SUBPROC_FIELD_NAME);
  if (*name != '\0')
    {
      g_ptr_array_add (import->processors, read_processor (import, row));
      if (import->report != NULL)
        g_array_append_val (import->report->lines, row->line);
    }
  else if (is_continuation (import, row))
    continue_description (import, row);
  else
    _subproc_import_warn (import, row->line, 1, _("This row has no name; it was left out."));
}

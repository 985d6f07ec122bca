/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <libxml/parser.h>
#include <string.h>

#include "subproc-date.h"
#include "subproc-import-private.h"

/* Spreadsheets, as vendors and DPOs keep lists: XLSX (Office Open XML) and
 * ODS (OpenDocument), both ZIP files of XML, opened with libgsf and read
 * with libxml2. Each sheet is a table, named by the sheet; dates come from
 * date cells (a number with a date format in XLSX, a date value in ODS) as
 * YYYY-MM-DD, and from text as any cell's. */

/* libgsf 1.14 defines no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* No part of a list's spreadsheet is this large; a ZIP that says one is
 * (a “ZIP bomb”) is refused before it is inflated. */
#define MAX_PART_SIZE (64 * 1024 * 1024)
#define MAX_REPEAT 1000

gboolean
_subproc_import_is_spreadsheet (const char *data,
                                gsize       length)
{
  return length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

static xmlDoc *
read_part (GsfInfile   *zip,
           const char  *path,
           GError     **error)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  g_autoptr(GsfInput) part = NULL;
  gsf_off_t size;
  const guint8 *bytes;

  part = gsf_infile_child_by_aname (zip, (const char **) names);
  if (part == NULL)
    return NULL;
  size = gsf_input_size (part);
  if (size < 0 || size > MAX_PART_SIZE)
    {
      g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE,
                   _("The spreadsheet's “%s” is larger than a list of processors ever is."), path);
      return NULL;
    }
  bytes = size > 0 ? gsf_input_read (part, size, NULL) : (const guint8 *) "";
  if (bytes == NULL)
    return NULL;
  /* no network, no entities from outside the file */
  return xmlReadMemory ((const char *) bytes, size, path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static gboolean
named (xmlNode    *node,
       const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The text of every text node under NODE (a cell's runs). */
static void
append_text (GString *out,
             xmlNode *node,
             gboolean paragraphs)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE)
        {
          /* ODS: a paragraph a line, a line break, spaces written as <text:s c="N"/> */
          if (paragraphs && named (node, "p") && out->len > 0)
            g_string_append_c (out, '\n');
          if (named (node, "line-break"))
            g_string_append_c (out, '\n');
          else if (named (node, "tab"))
            g_string_append_c (out, '\t');
          else if (named (node, "s"))
            {
              g_autofree char *count = prop (node, "c");
              guint64 n = count != NULL ? g_ascii_strtoull (count, NULL, 10) : 1;

              for (guint64 i = 0; i < MIN (n, 100); i++)
                g_string_append_c (out, ' ');
            }
          else if (!named (node, "rPh"))  /* XLSX: phonetic runs are not the text */
            append_text (out, node->children, paragraphs);
        }
    }
}

static char *
text_of (xmlNode  *node,
         gboolean  paragraphs)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_text (out, node, paragraphs);
  return g_strstrip (g_strdup (out->str));
}

/* A cell at COLUMN (0-based) of ROW, empty ones before it filled in. */
static void
put_cell (SubprocImportRow *row,
          guint             column,
          char             *text,
          guint             line)
{
  if (*text == '\0' || column >= 2000)
    {
      g_free (text);
      return;
    }
  while (row->cells->len < column)
    _subproc_import_row_add (row, g_strdup (""), line, row->cells->len + 1, TRUE);
  _subproc_import_row_add (row, text, line, column + 1, TRUE);
}

/* XLSX ------------------------------------------------------------------ */

/* Excel counts days from 30 December 1899 (and believes 1900 was a leap
 * year, so the days before 1 March 1900 are one off). */
static char *
excel_day (double serial)
{
  g_autoptr(GDate) date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  gint64 days = (gint64) serial;

  if (days < 1 || days > 2958465)  /* up to 9999-12-31 */
    return NULL;
  if (days < 61)
    days++;
  g_date_add_days (date, (guint) days);
  return subproc_date_to_iso (date);
}

/* Whether a number format shows a date: the built-in ones, or a format
 * code with days, months or years outside quotes and brackets. */
static gboolean
is_date_format (guint64     id,
                const char *code)
{
  gboolean quoted = FALSE, bracketed = FALSE;

  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return TRUE;
  for (const char *p = code; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '[')
        bracketed = TRUE;
      else if (*p == ']')
        bracketed = FALSE;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (!quoted && !bracketed && strchr ("dDmMyY", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* For each cell style (its index), whether it shows a date. */
static GArray *
read_date_styles (GsfInfile *zip)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  xmlDoc *doc = read_part (zip, "xl/styles.xml", NULL);

  if (doc == NULL)
    return dates;
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      if (named (node, "numFmts"))
        for (xmlNode *format = node->children; format != NULL; format = format->next)
          if (named (format, "numFmt"))
            {
              g_autofree char *id = prop (format, "numFmtId");
              gint64 *key = g_new (gint64, 1);

              *key = id != NULL ? g_ascii_strtoll (id, NULL, 10) : -1;
              g_hash_table_insert (codes, key, prop (format, "formatCode"));
            }
      if (named (node, "cellXfs"))
        for (xmlNode *xf = node->children; xf != NULL; xf = xf->next)
          if (named (xf, "xf"))
            {
              g_autofree char *id = prop (xf, "numFmtId");
              gint64 number = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
              gboolean date = is_date_format (number, g_hash_table_lookup (codes, &number));

              g_array_append_val (dates, date);
            }
    }
  xmlFreeDoc (doc);
  return dates;
}

static GPtrArray *
read_shared_strings (GsfInfile *zip)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  xmlDoc *doc = read_part (zip, "xl/sharedStrings.xml", NULL);

  if (doc == NULL)
    return strings;
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    if (named (si, "si"))
      g_ptr_array_add (strings, text_of (si->children, FALSE));
  xmlFreeDoc (doc);
  return strings;
}

/* "BC12" is column 54 (0-based), or -1. */
static int
column_of (const char *reference)
{
  int column = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p) && p - reference < 3; p++)
    column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  return p == reference ? -1 : column - 1;
}

static void
read_xlsx_sheet (SubprocImportTable *table,
                 xmlDoc             *doc,
                 GPtrArray          *strings,
                 GArray             *date_styles)
{
  xmlNode *data = NULL;
  guint next_row = 1;

  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (named (node, "sheetData"))
      data = node;
  if (data == NULL)
    return;

  for (xmlNode *r = data->children; r != NULL; r = r->next)
    {
      g_autofree char *number = NULL;
      SubprocImportRow *row;
      int next_column = 0;

      if (!named (r, "row"))
        continue;
      number = prop (r, "r");
      row = _subproc_import_row_new (number != NULL ? (guint) g_ascii_strtoull (number, NULL, 10) : next_row);
      next_row = row->line + 1;
      for (xmlNode *c = r->children; c != NULL; c = c->next)
        {
          g_autofree char *reference = NULL;
          g_autofree char *type = NULL;
          g_autofree char *style = NULL;
          char *text = NULL;
          xmlNode *value = NULL, *inline_string = NULL;
          int column;

          if (!named (c, "c"))
            continue;
          reference = prop (c, "r");
          type = prop (c, "t");
          style = prop (c, "s");
          column = reference != NULL ? column_of (reference) : next_column;
          if (column < 0)
            column = next_column;
          next_column = column + 1;
          for (xmlNode *child = c->children; child != NULL; child = child->next)
            {
              if (named (child, "v"))
                value = child;
              else if (named (child, "is"))
                inline_string = child;
            }

          if (g_strcmp0 (type, "inlineStr") == 0 && inline_string != NULL)
            text = text_of (inline_string->children, FALSE);
          else if (value == NULL)
            continue;
          else if (g_strcmp0 (type, "s") == 0)
            {
              g_autofree char *index = text_of (value->children, FALSE);
              guint64 i = g_ascii_strtoull (index, NULL, 10);

              text = g_strdup (i < strings->len ? g_ptr_array_index (strings, i) : "");
            }
          else if (g_strcmp0 (type, "b") == 0)
            {
              g_autofree char *flag = text_of (value->children, FALSE);

              text = g_strdup (g_str_equal (flag, "1") ? "TRUE" : "FALSE");
            }
          else
            {
              guint64 s = style != NULL ? g_ascii_strtoull (style, NULL, 10) : 0;

              text = text_of (value->children, FALSE);
              /* a number shown as a date is that day */
              if ((type == NULL || g_str_equal (type, "n")) && s < date_styles->len &&
                  g_array_index (date_styles, gboolean, s))
                {
                  char *day = excel_day (g_ascii_strtod (text, NULL));

                  if (day != NULL)
                    {
                      g_free (text);
                      text = day;
                    }
                }
              /* ISO 8601 (t="d"): the day */
              else if (g_strcmp0 (type, "d") == 0 && strlen (text) > 10)
                text[10] = '\0';
            }
          put_cell (row, column, text, row->line);
        }
      g_ptr_array_add (table->rows, row);
    }
}

/* The workbook's sheets, in order: name and part. */
static void
read_xlsx (SubprocImportPage *page,
           GsfInfile         *zip)
{
  g_autoptr(GPtrArray) strings = read_shared_strings (zip);
  g_autoptr(GArray) date_styles = read_date_styles (zip);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlDoc *rels = read_part (zip, "xl/_rels/workbook.xml.rels", NULL);
  xmlDoc *workbook = read_part (zip, "xl/workbook.xml", NULL);

  if (rels != NULL)
    {
      for (xmlNode *node = xmlDocGetRootElement (rels)->children; node != NULL; node = node->next)
        if (named (node, "Relationship"))
          {
            char *id = prop (node, "Id");
            char *target = prop (node, "Target");

            if (id != NULL && target != NULL)
              g_hash_table_insert (targets, id, target);
            else
              {
                g_free (id);
                g_free (target);
              }
          }
      xmlFreeDoc (rels);
    }

  if (workbook != NULL)
    {
      for (xmlNode *node = xmlDocGetRootElement (workbook)->children; node != NULL; node = node->next)
        {
          if (!named (node, "sheets"))
            continue;
          for (xmlNode *sheet = node->children; sheet != NULL; sheet = sheet->next)
            {
              g_autofree char *name = NULL;
              g_autofree char *id = NULL;
              g_autofree char *path = NULL;
              const char *target;
              xmlDoc *doc;
              SubprocImportTable *table;

              if (!named (sheet, "sheet"))
                continue;
              name = prop (sheet, "name");
              /* r:id, in the relationships' namespace */
              {
                xmlChar *value = xmlGetNsProp (sheet, (const xmlChar *) "id",
                                               (const xmlChar *) "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

                id = value != NULL ? g_strdup ((const char *) value) : NULL;
                xmlFree (value);
              }
              target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
              if (target == NULL)
                continue;
              path = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
              doc = read_part (zip, path, NULL);
              if (doc == NULL)
                continue;
              table = g_new0 (SubprocImportTable, 1);
              table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _subproc_import_row_free);
              table->heading = g_strdup (name);
              table->line = 1;
              table->sheet = TRUE;
              g_ptr_array_add (page->tables, table);
              read_xlsx_sheet (table, doc, strings, date_styles);
              xmlFreeDoc (doc);
            }
        }
      xmlFreeDoc (workbook);
    }
}

/* ODS ------------------------------------------------------------------- */

static guint64
repeat_of (xmlNode    *node,
           const char *attribute)
{
  g_autofree char *value = prop (node, attribute);
  guint64 n = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 1;

  return MAX (n, 1);
}

static void
read_ods_table (SubprocImportTable *table,
                xmlNode            *node,
                guint              *row_number)
{
  for (xmlNode *r = node->children; r != NULL; r = r->next)
    {
      if (named (r, "table-header-rows") || named (r, "table-rows") || named (r, "table-row-group"))
        {
          read_ods_table (table, r, row_number);
          continue;
        }
      if (!named (r, "table-row"))
        continue;
      {
        guint64 repeat = repeat_of (r, "number-rows-repeated");
        SubprocImportRow *row = _subproc_import_row_new (*row_number);
        guint column = 0;

        for (xmlNode *c = r->children; c != NULL; c = c->next)
          {
            guint64 columns;
            g_autofree char *type = NULL;
            char *text = NULL;

            if (!named (c, "table-cell") && !named (c, "covered-table-cell"))
              continue;
            columns = repeat_of (c, "number-columns-repeated");
            type = prop (c, "value-type");
            if (g_strcmp0 (type, "date") == 0)
              {
                text = prop (c, "date-value");
                if (text != NULL && strlen (text) > 10)
                  text[10] = '\0';
              }
            if (text == NULL)
              text = text_of (c->children, TRUE);
            /* a run of empty cells (to the sheet's last column) takes no room */
            for (guint64 i = 0; i < columns && (i == 0 || *text != '\0') && i < MAX_REPEAT; i++)
              put_cell (row, column + i, g_strdup (text), row->line);
            g_free (text);
            column += (guint) MIN (columns, 100000);
          }

        /* rows repeated to the sheet's end are empty: one is enough */
        for (guint64 i = 0; i < MIN (repeat, row->cells->len > 0 ? MAX_REPEAT : 1); i++)
          {
            SubprocImportRow *copy = _subproc_import_row_new (*row_number);

            for (guint c = 0; c < row->cells->len; c++)
              {
                SubprocImportCell *cell = &g_array_index (row->cells, SubprocImportCell, c);

                _subproc_import_row_add (copy, g_strdup (cell->text), *row_number, cell->column, TRUE);
              }
            g_ptr_array_add (table->rows, copy);
            (*row_number)++;
          }
        /* the rows not copied still count, for the line numbers below */
        *row_number += (guint) MIN (repeat - MIN (repeat, row->cells->len > 0 ? MAX_REPEAT : 1), 1000000);
        _subproc_import_row_free (row);
      }
    }
}

static void
find_ods_tables (SubprocImportPage *page,
                 xmlNode           *node)
{
  for (; node != NULL; node = node->next)
    {
      if (named (node, "table"))
        {
          SubprocImportTable *table = g_new0 (SubprocImportTable, 1);
          guint row_number = 1;

          table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _subproc_import_row_free);
          table->heading = prop (node, "name");
          table->line = 1;
          table->sheet = TRUE;
          g_ptr_array_add (page->tables, table);
          read_ods_table (table, node, &row_number);
          continue;
        }
      if (node->type == XML_ELEMENT_NODE)
        find_ods_tables (page, node->children);
    }
}

/**
 * _subproc_import_read_spreadsheet:
 *
 * Returns: (transfer full) (nullable): the sheets of an XLSX or ODS file
 *   as tables, or %NULL with @error set when it is neither.
 */
SubprocImportPage *
_subproc_import_read_spreadsheet (const char  *data,
                                  gsize        length,
                                  const char  *display_name,
                                  GError     **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new ((const guint8 *) data, length, FALSE);
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GError) local_error = NULL;
  SubprocImportPage *page;
  xmlDoc *content;

  zip = gsf_infile_zip_new (input, NULL);
  if (zip == NULL)
    {
      g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NOT_TEXT,
                   _("“%s” is a damaged ZIP file, not a spreadsheet Subproc can read."), display_name);
      return NULL;
    }

  page = g_new0 (SubprocImportPage, 1);
  page->tables = g_ptr_array_new ();
  content = read_part (zip, "content.xml", &local_error);
  if (content != NULL)
    {
      find_ods_tables (page, xmlDocGetRootElement (content));
      xmlFreeDoc (content);
    }
  else if (local_error == NULL)
    read_xlsx (page, zip);

  if (local_error != NULL)
    {
      _subproc_import_page_free (page);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (page->tables->len == 0)
    {
      _subproc_import_page_free (page);
      g_set_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NOT_TEXT,
                   _("“%s” is a ZIP file but not a spreadsheet (XLSX or ODS) Subproc can read."), display_name);
      return NULL;
    }
  return page;
}

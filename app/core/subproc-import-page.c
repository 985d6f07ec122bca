/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "subproc-date.h"
#include "subproc-import-private.h"

/* Pages a vendor publishes its list on: an HTML document or a Markdown
 * file, read as their tables, each with the heading above it, and the
 * page's “Last updated” day. Which tables hold processors, and what their
 * columns say, is for subproc-import.c to decide, as for any list. */

void
_subproc_import_page_free (SubprocImportPage *page)
{
  if (page == NULL)
    return;
  for (guint i = 0; i < page->tables->len; i++)
    {
      SubprocImportTable *table = g_ptr_array_index (page->tables, i);

      g_ptr_array_unref (table->rows);
      g_free (table->heading);
      g_free (table);
    }
  g_ptr_array_unref (page->tables);
  g_free (page->updated);
  g_free (page);
}

static SubprocImportPage *
page_new (void)
{
  SubprocImportPage *page = g_new0 (SubprocImportPage, 1);

  page->tables = g_ptr_array_new ();
  return page;
}

static SubprocImportTable *
add_table (SubprocImportPage *page,
           const char        *heading,
           guint              line)
{
  SubprocImportTable *table = g_new0 (SubprocImportTable, 1);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _subproc_import_row_free);
  table->heading = heading != NULL && *heading != '\0' ? g_strdup (heading) : NULL;
  table->line = line;
  g_ptr_array_add (page->tables, table);
  return table;
}

/* “Last updated: 3 March 2026”, in the languages lists are written in:
 * the day, or NULL. */
char *
_subproc_import_find_updated (const char *text)
{
  static GRegex *label;
  static gsize compiled = 0;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&compiled))
    {
      label = g_regex_new ("^\\W*(?:last\\s+updated|last\\s+modified|updated|effective\\s+date|"
                           "senast\\s+uppdaterad|uppdaterad|sidst\\s+opdateret|senest\\s+opdateret|opdateret)"
                           "(?:\\s+on)?\\s*[:\\-–]?\\s*(.{1,40}?)\\W*$",
                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }

  if (strlen (text) > 80 || !g_regex_match (label, text, 0, &match))
    return NULL;
  {
    g_autofree char *day = g_match_info_fetch (match, 1);
    g_autoptr(GDate) date = subproc_date_parse (day);

    return date != NULL ? subproc_date_to_iso (date) : NULL;
  }
}

/* HTML ------------------------------------------------------------------ */

gboolean
_subproc_import_is_html_page (const char *text)
{
  static GRegex *table;
  static gsize compiled = 0;
  const char *p = text;

  if (g_once_init_enter (&compiled))
    {
      table = g_regex_new ("<table\\b", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }
  while (g_ascii_isspace (*p))
    p++;
  /* a document, or a fragment that holds a table: a list copied off a page
   * as text has tabs between its cells and no <table> */
  return *p == '<' && g_regex_match (table, p, 0, NULL);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static guint
span_of (xmlNode    *cell,
         const char *attribute)
{
  xmlChar *value = xmlGetProp (cell, (const xmlChar *) attribute);
  guint64 span = 1;

  if (value != NULL)
    {
      span = g_ascii_strtoull ((const char *) value, NULL, 10);
      xmlFree (value);
    }
  /* at least one; no list spans a hundred rows or columns */
  return (guint) CLAMP (span, 1, 100);
}

typedef struct
{
  char  *text;
  guint  rows_left;  /* the rows below that this cell still spans */
  guint  line;
} Spanning;

static void
spanning_clear (Spanning *spanning)
{
  g_free (spanning->text);
}

/* One <tr>: its cells, with those of rows above that span into it (a
 * rowspan repeats the cell's text below; a colspan leaves the columns it
 * covers empty). */
static void
read_tr (SubprocImportTable *table,
         xmlNode            *tr,
         GArray             *spans,
         gint64             *budget)
{
  SubprocImportRow *row = _subproc_import_row_new (xmlGetLineNo (tr));
  guint column = 0;

  for (xmlNode *cell = tr->children; cell != NULL; cell = cell->next)
    {
      guint rowspan, colspan;
      gboolean header;
      char *text;

      if (!is_element (cell, "td") && !is_element (cell, "th"))
        continue;
      /* the columns above that span down into this row come first */
      while (column < spans->len && g_array_index (spans, Spanning, column).rows_left > 0)
        {
          Spanning *above = &g_array_index (spans, Spanning, column);

          _subproc_import_row_add (row, g_strdup (above->text), row->line, column + 1, TRUE);
          above->rows_left--;
          column++;
        }
      rowspan = span_of (cell, "rowspan");
      colspan = span_of (cell, "colspan");
      /* spans make cells of none: a page has no more of them than it
       * could hold written out, so a hostile one cannot fill the memory */
      if (*budget < 0)
        rowspan = colspan = 1;
      *budget -= (gint64) rowspan * colspan;
      text = _subproc_import_nodes_to_text (cell->children);
      /* a header over several columns names each of them */
      header = is_element (cell, "th");
      for (guint c = 0; c < colspan && column < 2000; c++, column++)
        {
          Spanning *here;

          if (column >= spans->len)
            g_array_set_size (spans, column + 1);
          here = &g_array_index (spans, Spanning, column);
          g_free (here->text);
          here->text = c == 0 && rowspan > 1 ? g_strdup (text) : NULL;
          here->rows_left = c == 0 ? rowspan - 1 : 0;
          _subproc_import_row_add (row, c == 0 || header ? g_strdup (text) : g_strdup (""),
                                   xmlGetLineNo (cell), column + 1, TRUE);
        }
      g_free (text);
    }
  /* and those spanning down at the end of the row */
  for (; column < spans->len; column++)
    {
      Spanning *above = &g_array_index (spans, Spanning, column);

      if (above->rows_left == 0)
        continue;
      while (row->cells->len < column)
        _subproc_import_row_add (row, g_strdup (""), row->line, row->cells->len + 1, TRUE);
      _subproc_import_row_add (row, g_strdup (above->text), row->line, column + 1, TRUE);
      above->rows_left--;
    }
  g_ptr_array_add (table->rows, row);
}

static void
read_rows (SubprocImportTable *table,
           xmlNode            *parent,
           GArray             *spans,
           gint64             *budget)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_element (node, "tr"))
        read_tr (table, node, spans, budget);
      else if (is_element (node, "thead") || is_element (node, "tbody") || is_element (node, "tfoot"))
        read_rows (table, node, spans, budget);
    }
}

typedef struct
{
  SubprocImportPage *page;
  char              *heading;
  gint64             budget;   /* cells spans may still make */
} Walk;

/* The page in document order: headings and “Last updated” lines are
 * remembered, tables read (a table inside a table is its cell's text). */
static void
walk (Walk    *walk_state,
      xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (node, "script") || is_element (node, "style") || is_element (node, "head"))
        continue;
      if (is_element (node, "table"))
        {
          g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (Spanning));
          SubprocImportTable *table;

          g_array_set_clear_func (spans, (GDestroyNotify) spanning_clear);
          table = add_table (walk_state->page, walk_state->heading, xmlGetLineNo (node));
          read_rows (table, node, spans, &walk_state->budget);
          continue;
        }
      if (is_element (node, "h1") || is_element (node, "h2") || is_element (node, "h3") || is_element (node, "h4"))
        {
          g_free (walk_state->heading);
          walk_state->heading = _subproc_import_nodes_to_text (node->children);
        }
      if (walk_state->page->updated == NULL &&
          (is_element (node, "p") || is_element (node, "div") || is_element (node, "span") ||
           is_element (node, "time") || is_element (node, "em") || is_element (node, "small") ||
           is_element (node, "h5") || is_element (node, "h6") || is_element (node, "li")))
        {
          g_autofree char *text = _subproc_import_nodes_to_text (node->children);

          walk_state->page->updated = _subproc_import_find_updated (text);
        }
      walk (walk_state, node->children);
    }
}

/**
 * _subproc_import_read_html_page:
 *
 * Returns: (transfer full): the tables of an HTML document or fragment.
 */
SubprocImportPage *
_subproc_import_read_html_page (const char *text)
{
  SubprocImportPage *page = page_new ();
  Walk walk_state = { page, NULL, (gint64) strlen (text) / 4 + 10000 };
  htmlDocPtr doc = htmlReadMemory (text, strlen (text), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  if (doc != NULL)
    {
      walk (&walk_state, xmlDocGetRootElement (doc));
      xmlFreeDoc (doc);
    }
  g_free (walk_state.heading);
  return page;
}

/* Markdown -------------------------------------------------------------- */

static gboolean
is_separator_row (const char *line)
{
  static GRegex *separator;
  static gsize compiled = 0;

  if (g_once_init_enter (&compiled))
    {
      separator = g_regex_new ("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }
  return g_regex_match (separator, line, 0, NULL);
}

gboolean
_subproc_import_is_markdown (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 400);

  /* a pipe table: a row, then its separator (an empty text has no lines) */
  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++)
    if (is_separator_row (lines[i]) && strchr (lines[i - 1], '|') != NULL && strchr (lines[i], '|') != NULL)
      return TRUE;
  return FALSE;
}

/* **bold**, _em_, `code` and [text](link) as their text. */
static char *
inline_text (const char *cell)
{
  static GRegex *link, *marks;
  static gsize compiled = 0;
  g_autofree char *linked = NULL;

  if (g_once_init_enter (&compiled))
    {
      link = g_regex_new ("!?\\[([^\\]]*)\\]\\([^)]*\\)", G_REGEX_OPTIMIZE, 0, NULL);
      marks = g_regex_new ("(\\*\\*|__|`|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])|(?<!\\w)_(?=\\S)|(?<=\\S)_(?!\\w))",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }
  linked = g_regex_replace (link, cell, -1, 0, "\\1", 0, NULL);
  return g_regex_replace_literal (marks, linked, -1, 0, "", 0, NULL);
}

/* A row's cells: split at pipes not escaped as “\|”, without the pipes
 * at its ends. */
static SubprocImportRow *
read_pipe_row (const char *line,
               guint       number)
{
  SubprocImportRow *row = _subproc_import_row_new (number);
  const char *p = line;
  g_autoptr(GString) cell = g_string_new (NULL);
  guint column = 1, start = 1;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '|')
    p++;
  start = g_utf8_pointer_to_offset (line, p) + 1;
  for (;; p++)
    {
      if (*p == '\\' && p[1] == '|')
        {
          g_string_append_c (cell, '|');
          p++;
          continue;
        }
      if (*p == '|' || *p == '\0' || *p == '\r')
        {
          g_autofree char *stripped = g_strstrip (g_strdup (cell->str));
          gboolean last = *p != '|' || p[1 + strspn (p + 1, " \t\r")] == '\0';

          /* the pipe that ends a row opens no cell */
          if (!(last && *p != '|' && *stripped == '\0' && row->cells->len > 0))
            _subproc_import_row_add (row, inline_text (stripped), number, start, FALSE);
          if (*p != '|' || last)
            break;
          g_string_truncate (cell, 0);
          start = g_utf8_pointer_to_offset (line, p) + 2;
          column++;
          continue;
        }
      g_string_append_c (cell, *p);
    }
  return row;
}

/**
 * _subproc_import_read_markdown:
 *
 * Returns: (transfer full): the pipe tables of a Markdown document, with
 *   the heading above each; front matter and block quotes are left out.
 */
SubprocImportPage *
_subproc_import_read_markdown (const char *text)
{
  SubprocImportPage *page = page_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *heading = NULL;
  SubprocImportTable *table = NULL;
  guint i = 0;

  /* YAML front matter */
  if (lines[0] != NULL && g_str_has_prefix (lines[0], "---"))
    for (i = 1; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "---") || g_str_has_prefix (lines[i], "..."))
        {
          i++;
          break;
        }

  for (; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *text_start = line + strspn (line, " \t");

      if (*text_start == '>')
        {
          table = NULL;
          continue;
        }
      if (strchr (line, '|') != NULL && *text_start != '\0' &&
          (*text_start == '|' || table != NULL || (lines[i + 1] != NULL && is_separator_row (lines[i + 1]))))
        {
          if (is_separator_row (line))
            continue;
          /* a table starts with a row followed by its separator */
          if (table == NULL && !(lines[i + 1] != NULL && is_separator_row (lines[i + 1])))
            continue;
          if (table == NULL)
            table = add_table (page, heading, i + 1);
          g_ptr_array_add (table->rows, read_pipe_row (line, i + 1));
          continue;
        }
      table = NULL;
      if (*text_start == '#')
        {
          g_free (heading);
          heading = g_strstrip (inline_text (text_start + strspn (text_start, "#")));
          continue;
        }
      if (page->updated == NULL && *text_start != '\0')
        {
          g_autofree char *plain = inline_text (text_start);

          page->updated = _subproc_import_find_updated (g_strstrip (plain));
        }
    }
  return page;
}

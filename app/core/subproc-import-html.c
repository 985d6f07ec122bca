/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libxml/HTMLparser.h>

#include "subproc-import-private.h"

/* HTML in the cells of a list, as web pages give it, to plain text. */

static void
append_node_text (GString *out,
                  xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", NULL,
  };

  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) node->content);
      else if (node->type != XML_ELEMENT_NODE)
        continue;
      else if (g_ascii_strcasecmp (name, "br") == 0)
        g_string_append_c (out, '\n');
      else if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0)
        continue;
      else if (g_strv_contains (blocks, name))
        {
          g_string_append (out, "\n\n");
          append_node_text (out, node->children);
          g_string_append (out, "\n\n");
        }
      else
        append_node_text (out, node->children);
    }
}

/* The text of NODE and its siblings, as a cell shows it. */
char *
_subproc_import_nodes_to_text (struct _xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_node_text (out, node);
  return _subproc_import_tidy_text (out->str);
}

/* Folds runs of blanks to one space and lines to paragraphs: one newline is
 * a line break, two or more a new paragraph. */
char *
_subproc_import_tidy_text (const char *text)
{
  g_auto(GStrv) paragraphs = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  static GRegex *blanks, *breaks;
  static gsize compiled = 0;
  g_autofree char *spaced = NULL;
  g_autofree char *split = NULL;

  /* compiled once: this runs for every cell of a list */
  if (g_once_init_enter (&compiled))
    {
      blanks = g_regex_new ("[ \\t\\x{00A0}\\r\\f\\x{000B}]+", G_REGEX_OPTIMIZE, 0, NULL);
      breaks = g_regex_new ("\\n(?: *\\n)+", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }
  spaced = g_regex_replace_literal (blanks, text, -1, 0, " ", 0, NULL);
  split = g_regex_replace_literal (breaks, spaced, -1, 0, "\f", 0, NULL);

  paragraphs = g_strsplit (split, "\f", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);
      g_autofree char *joined = NULL;

      for (guint j = 0; lines[j] != NULL; j++)
        g_strstrip (lines[j]);
      joined = g_strjoinv ("\n", lines);
      g_strstrip (joined);
      if (*joined != '\0')
        g_strv_builder_add (kept, joined);
    }

  result = g_strv_builder_end (kept);
  return g_strjoinv ("\n\n", result);
}

/* Only what reads as HTML is read as HTML: “DPO <dpo@example.com>” or
 * “R&D” in a plain list are text, to be kept as they are. */
static gboolean
looks_like_html (const char *text)
{
  static GRegex *markup;
  static gsize compiled = 0;

  if (g_once_init_enter (&compiled))
    {
      markup = g_regex_new ("</?(p|br|div|span|li|ul|ol|b|i|u|em|strong|a|h[1-6]|table|tr|td|th|tbody|thead|"
                            "script|style|font|small|sup|sub|blockquote|section|article|header|footer)\\b[^>]*>"
                            "|&([a-z][a-z0-9]{1,9}|#[0-9]{1,7}|#x[0-9a-f]{1,6});",
                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }
  return strpbrk (text, "<&") != NULL && g_regex_match (markup, text, 0, NULL);
}

/* libxml2 stops reading HTML nested deeper than 256 elements and drops the
 * rest: such a cell is read again with its tags taken out, so that its
 * text is kept. (XML_PARSE_HUGE would lift the limit, and with it the bound
 * on the recursion of append_node_text().) */
static htmlDocPtr
read_html (const char *document,
           gboolean   *too_deep)
{
  htmlParserCtxtPtr context = htmlNewParserCtxt ();
  const xmlError *last;
  htmlDocPtr doc;

  if (context == NULL)
    return NULL;
  doc = htmlCtxtReadMemory (context, document, strlen (document), NULL, "UTF-8",
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  last = xmlCtxtGetLastError (context);
  *too_deep = last != NULL && last->code == XML_ERR_INTERNAL_ERROR;
  htmlFreeParserCtxt (context);
  return doc;
}

/* The text of @html; @too_deep says that its tags were too deep to read
 * and were taken out. */
char *
_subproc_import_html_to_text (const char *html,
                              gboolean   *too_deep)
{
  static GRegex *tags;
  static gsize compiled = 0;
  g_autofree char *document = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  htmlDocPtr doc;

  *too_deep = FALSE;
  if (!looks_like_html (html))
    return _subproc_import_tidy_text (html);

  document = g_strconcat ("<html><head><meta charset=\"utf-8\"></head><body>", html,
                          "</body></html>", NULL);
  doc = read_html (document, too_deep);
  if (*too_deep)
    {
      if (g_once_init_enter (&compiled))
        {
          tags = g_regex_new ("<[^>]*>", G_REGEX_OPTIMIZE, 0, NULL);
          g_once_init_leave (&compiled, 1);
        }
      g_clear_pointer (&doc, xmlFreeDoc);
      flat = g_regex_replace_literal (tags, html, -1, 0, " ", 0, NULL);
      g_free (document);
      document = g_strconcat ("<html><head><meta charset=\"utf-8\"></head><body>", flat,
                              "</body></html>", NULL);
      doc = htmlReadMemory (document, strlen (document), NULL, "UTF-8",
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    }
  if (doc == NULL)
    return _subproc_import_tidy_text (html);

  append_node_text (out, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);

  return _subproc_import_tidy_text (out->str);
}

/**
 * subproc_import_html_to_text:
 *
 * Turns an HTML fragment, as found in lists copied from web pages, into plain
 * text: tags dropped, entities decoded, scripts and styles left out, and
 * paragraphs separated by a blank line. Text without markup is only tidied.
 * HTML nested too deep to read as HTML keeps its text, without its tags.
 *
 * Returns: (transfer full): the text.
 */
char *
subproc_import_html_to_text (const char *html)
{
  gboolean too_deep;

  g_return_val_if_fail (html != NULL, NULL);

  return _subproc_import_html_to_text (html, &too_deep);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>

#include <glib/gi18n-lib.h>

#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-html.h"
#include "subproc-language.h"

/* Looked up with glibc directly, so that a report can be in another
 * language than the UI's: see subproc_language_gettext(). */
#undef _
#define _(text) subproc_language_gettext (text)
#undef C_
#define C_(context, text) subproc_language_pgettext (context, text)

/* Readable on a screen, tidy on paper; no external resources, so the page
 * can be published as one file. */
static const char style_sheet[] =
  ":root { color-scheme: light; }\n"
  "body { margin: 0; font-family: system-ui, -apple-system, \"Segoe UI\", Cantarell, \"DejaVu Sans\", sans-serif;\n"
  "  font-size: 1rem; line-height: 1.5; color: #1f2328; background: #fff; }\n"
  "main { max-width: 80rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }\n"
  "h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; }\n"
  ".intro { margin: 0 0 0.25rem; color: #3d4450; }\n"
  ".updated { margin: 0 0 1.5rem; color: #3d4450; font-size: 0.9375rem; }\n"
  ".internal { margin: 0 0 1.5rem; padding: 0.5rem 0.75rem; border-left: 4px solid #a00000;\n"
  "  background: #fbeaea; color: #7a0000; font-weight: 600; }\n"
  ".table-wrap { overflow-x: auto; }\n"
  "table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; }\n"
  "caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }\n"
  "th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem; border-bottom: 1px solid #d0d7de; }\n"
  "thead th { background: #eef1f4; border-bottom: 2px solid #8c959f; }\n"
  "tbody tr:nth-child(even) { background: #f8f9fa; }\n"
  "tbody th { font-weight: 600; }\n"
  "td p { margin: 0 0 0.5rem; } td p:last-child { margin-bottom: 0; }\n"
  "td.date { white-space: nowrap; }\n"
  "td, th { overflow-wrap: break-word; hyphens: manual; }\n"
  ".contact { margin-top: 1.5rem; color: #3d4450; }\n"
  "@media print {\n"
  "  @page { size: A4 landscape; margin: 12mm; }\n"
  "  body { font-size: 9pt; color: #000; }\n"
  "  main { max-width: none; padding: 0; }\n"
  "  h1 { font-size: 16pt; }\n"
  "  .table-wrap { overflow: visible; }\n"
  "  table { font-size: 8.5pt; }\n"
  "  thead { display: table-header-group; }\n"
  "  thead th { background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "  tbody tr:nth-child(even) { background: none; }\n"
  "  tr { break-inside: avoid; page-break-inside: avoid; }\n"
  "}\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* Paragraphs (separated by a blank line) as <p>, other line breaks as <br>. */
static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  guint n = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    n += *g_strstrip (paragraphs[i]) != '\0';
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      if (*paragraphs[i] == '\0')
        continue;
      if (n > 1)
        g_string_append (out, "<p>");
      lines = g_strsplit (paragraphs[i], "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0)
            g_string_append (out, "<br />");
          append_escaped (out, lines[l]);
        }
      if (n > 1)
        g_string_append (out, "</p>");
    }
}

/**
 * subproc_html_newest_updated:
 *
 * Returns: (transfer full) (nullable): the newest `updated` among the
 *   processors, ISO 8601, or %NULL when none has one
 */
char *
subproc_html_newest_updated (SubprocRegister *reg)
{
  g_autoptr(GDate) newest = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (reg));

  for (guint i = 0; i < n_items; i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (reg, i);
      const char *text = subproc_processor_get_text (processor, SUBPROC_FIELD_UPDATED);
      g_autoptr(GDate) date = text != NULL ? subproc_date_parse_iso (text) : NULL;

      if (date != NULL && (newest == NULL || g_date_compare (date, newest) > 0))
        {
          g_clear_pointer (&newest, g_date_free);
          newest = g_steal_pointer (&date);
        }
    }

  return newest != NULL ? subproc_date_to_iso (newest) : NULL;
}

static void
append_head (GString    *out,
             const char *language,
             const char *heading)
{
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n", language);
  g_string_append (out, "<meta charset=\"utf-8\" />\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
  g_string_append_printf (out, "<meta name=\"generator\" content=\"Subproc %s\" />\n", PACKAGE_VERSION);
  g_string_append (out, "<title>");
  append_escaped (out, heading);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style_sheet);
  g_string_append (out, "</style>\n</head>\n");
}

static void
append_updated (GString         *out,
                SubprocRegister *reg)
{
  g_autofree char *iso = subproc_html_newest_updated (reg);
  g_autoptr(GDate) date = iso != NULL ? subproc_date_parse_iso (iso) : NULL;
  g_autofree char *shown = date != NULL ? subproc_language_format_date (date, TRUE) : NULL;
  g_autofree char *format = NULL;
  g_autofree char *element = NULL;
  g_auto(GStrv) parts = NULL;

  if (shown == NULL)
    return;

  /* Translators: on the published list; %s is the date of the newest entry, e.g. “11 June 2022” */
  format = g_markup_escape_text (_("Last updated %s"), -1);
  element = g_strdup_printf ("<time datetime=\"%s\">%s</time>", iso, shown);
  parts = g_strsplit (format, "%s", 2);
  g_string_append (out, "<p class=\"updated\">");
  g_string_append (out, parts[0]);
  if (parts[1] != NULL)
    {
      g_string_append (out, element);
      g_string_append (out, parts[1]);
    }
  g_string_append (out, "</p>\n");
}

static void
append_table (GString       *out,
              SubprocReport *report,
              const char    *caption)
{
  guint n_columns = subproc_report_get_n_columns (report);
  guint n_items = subproc_report_get_n_rows (report);

  /* a scrolling region is reachable by keyboard when it is focusable */
  g_string_append (out, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"caption\">\n");
  g_string_append (out, "<table>\n<caption id=\"caption\">");
  append_escaped (out, caption);
  g_string_append (out, "</caption>\n<thead>\n<tr>");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_escaped (out, subproc_report_get_column_title (report, c));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");

  for (guint i = 0; i < n_items; i++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = subproc_report_get_cell_text (report, i, c);

          /* the first column names the row, for screen readers */
          g_string_append (out, c == 0 ? "<th scope=\"row\">" : "<td>");
          append_paragraphs (out, text);
          g_string_append (out, c == 0 ? "</th>" : "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

/**
 * subproc_html_from_report:
 * @length: (out) (optional): the length of the page
 *
 * A standalone HTML page of the report's columns (the public list, as a
 * sub-processor page on a web site is): its language set, a real table
 * with header cells, every value escaped, no scripts, nothing loaded from
 * elsewhere, a style sheet for screen and print. It names the
 * organisation and the date of the newest update among the processors.
 *
 * Returns: (transfer full): the page, UTF-8
 */
char *
subproc_html_from_report (SubprocReport *report,
                          gsize         *length)
{
  g_autoptr(SubprocLanguageScope) scope = NULL;
  GString *out = g_string_new (NULL);
  SubprocRegister *reg;
  const char *organisation;
  const char *contact;
  g_autofree char *heading = NULL;
  g_autofree char *caption = NULL;
  guint n_items;

  g_return_val_if_fail (SUBPROC_IS_REPORT (report), NULL);

  scope = subproc_language_push (subproc_report_get_language (report));
  subproc_report_update_rows (report);
  reg = subproc_report_get_register (report);
  organisation = subproc_register_get_organisation (reg);
  contact = subproc_register_get_dpo_contact (reg);
  n_items = subproc_report_get_n_rows (report);

  if (organisation != NULL && *organisation != '\0')
    /* Translators: the heading of the published list; %s is the organisation */
    heading = g_strdup_printf (_("Sub-processors of %s"), organisation);
  else
    heading = g_strdup (subproc_report_get_title (report));
  caption = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                          /* Translators: the caption of the published list's table */
                                          "%u processor or sub-processor",
                                          "%u processors and sub-processors", n_items), n_items);

  append_head (out, subproc_report_get_language (report) != NULL ? subproc_report_get_language (report)
                                                                  : subproc_country_ui_language (),
               heading);
  g_string_append (out, "<body>\n<main>\n<h1>");
  append_escaped (out, heading);
  g_string_append (out, "</h1>\n<p class=\"intro\">");
  append_escaped (out, _("Processors and sub-processors that process personal data on our behalf."));
  g_string_append (out, "</p>\n");
  append_updated (out, reg);
  if (subproc_report_is_internal (report))
    {
      g_string_append (out, "<p class=\"internal\">");
      append_escaped (out, _("Internal: contains personal data"));
      g_string_append (out, "</p>\n");
    }
  append_table (out, report, caption);
  if (contact != NULL && *contact != '\0')
    {
      g_string_append (out, "<p class=\"contact\">");
      /* Translators: at the foot of the published list; %s is how to reach the DPO */
      append_escaped (out, _("Data Protection Officer"));
      g_string_append (out, ": ");
      append_escaped (out, contact);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</main>\n</body>\n</html>\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the importer on a vendor list of N rows (100,000 unless given) in
 * every shape it reads: tab-separated, CSV in Windows-1252 with
 * semicolons, an HTML page, Markdown, XLSX and ODS. Prints the size, the
 * time and the rows read of each, and the peak memory; asserts nothing.
 * Usage: bench-import [N] */
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <locale.h>
#include <sys/resource.h>

#include "subproc-import.h"

static const char *names[] = { "Amazon Web Services EMEA SARL", "Zendesk, Inc.", "Elastx AB", "Søstrene Grene A/S" };
static const char *places[] = { "Ireland · United States", "Frankfurt", "Dublin, Ireland", "Sverige", "North Europe (Dublin)" };
static const char *bases[] = { "EU SCCs, EU-US DPF", "Intra-EU", "Standard Contractual Clauses", "" };
static const char *dates[] = { "31.dec 2019", "3 March 2026", "2021-05-04", "7. oct. 2020" };
static const char *header[] = { "Sub-processor name", "Processing location(s)", "Transfer mechanism", "Purpose",
                                "Nature of processing", "Last updated" };

#define N_COLUMNS 6

static void
row_values (guint        i,
            char        *values[N_COLUMNS])
{
  values[0] = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);
  values[1] = g_strdup (places[i % G_N_ELEMENTS (places)]);
  values[2] = g_strdup (bases[i % G_N_ELEMENTS (bases)]);
  values[3] = g_strdup_printf ("Hosting %u", i % 17);
  values[4] = g_strdup_printf ("Backups of the service's data, kept for %u days and encrypted at rest.", 30 + i % 60);
  values[5] = g_strdup (dates[i % G_N_ELEMENTS (dates)]);
}

static char *
make_delimited (guint n,
                char  delimiter)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    g_string_append_printf (out, "%s%c", header[c], c + 1 < N_COLUMNS ? delimiter : '\n');
  for (guint i = 0; i < n; i++)
    {
      char *values[N_COLUMNS];

      row_values (i, values);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          gboolean quote = delimiter != '\t' && strchr (values[c], delimiter) != NULL;

          g_string_append_printf (out, quote ? "\"%s\"%c" : "%s%c", values[c], c + 1 < N_COLUMNS ? delimiter : '\n');
          g_free (values[c]);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
make_html (guint n)
{
  GString *out = g_string_new ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sub-processors</title></head><body>"
                               "<h1>Sub-processors</h1><p>Last updated: 3 March 2026</p><table><thead><tr>");

  for (guint c = 0; c < N_COLUMNS; c++)
    g_string_append_printf (out, "<th>%s</th>", header[c]);
  g_string_append (out, "</tr></thead><tbody>\n");
  for (guint i = 0; i < n; i++)
    {
      char *values[N_COLUMNS];

      row_values (i, values);
      g_string_append (out, "<tr>");
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autofree char *escaped = g_markup_escape_text (values[c], -1);

          g_string_append_printf (out, "<td>%s</td>", escaped);
          g_free (values[c]);
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table></body></html>\n");
  return g_string_free (out, FALSE);
}

static char *
make_markdown (guint n)
{
  GString *out = g_string_new ("# Sub-processors\n\nLast updated: 3 March 2026\n\n|");

  for (guint c = 0; c < N_COLUMNS; c++)
    g_string_append_printf (out, " %s |", header[c]);
  g_string_append (out, "\n|");
  for (guint c = 0; c < N_COLUMNS; c++)
    g_string_append (out, "---|");
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      char *values[N_COLUMNS];

      row_values (i, values);
      g_string_append_c (out, '|');
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_string_append_printf (out, " %s |", values[c]);
          g_free (values[c]);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
zip_add (GsfOutfile *zip,
         const char *path,
         const char *text)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfOutfile *dir = g_object_ref (zip);

  for (guint i = 0; parts[i + 1] != NULL; i++)
    {
      GsfOutput *child = gsf_outfile_new_child (dir, parts[i], TRUE);

      g_object_unref (dir);
      dir = GSF_OUTFILE (child);
    }
  {
    GsfOutput *member = gsf_outfile_new_child (dir, parts[g_strv_length (parts) - 1], FALSE);

    gsf_output_write (member, strlen (text), (const guint8 *) text);
    gsf_output_close (member);
    g_object_unref (member);
  }
  if (dir != zip)
    gsf_output_close (GSF_OUTPUT (dir));
  g_object_unref (dir);
}

static GBytes *
make_zip (gboolean  ods,
          guint     n)
{
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, NULL);
  GString *sheet = g_string_new (NULL);
  GBytes *bytes;

  if (ods)
    {
      g_string_append (sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                              "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                              "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                              "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
                              "<office:spreadsheet><table:table table:name=\"Sub-processors\">");
      for (guint i = 0; i <= n; i++)
        {
          char *values[N_COLUMNS];

          if (i > 0)
            row_values (i - 1, values);
          g_string_append (sheet, "<table:table-row>");
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              g_autofree char *escaped = g_markup_escape_text (i == 0 ? header[c] : values[c], -1);

              g_string_append_printf (sheet, "<table:table-cell office:value-type=\"string\"><text:p>%s</text:p></table:table-cell>",
                                      escaped);
              if (i > 0)
                g_free (values[c]);
            }
          g_string_append (sheet, "</table:table-row>");
        }
      g_string_append (sheet, "</table:table></office:spreadsheet></office:body></office:document-content>");
      zip_add (zip, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
      zip_add (zip, "content.xml", sheet->str);
    }
  else
    {
      g_string_append (sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                              "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      for (guint i = 0; i <= n; i++)
        {
          char *values[N_COLUMNS];

          if (i > 0)
            row_values (i - 1, values);
          g_string_append_printf (sheet, "<row r=\"%u\">", i + 1);
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              g_autofree char *escaped = g_markup_escape_text (i == 0 ? header[c] : values[c], -1);

              g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>%s</t></is></c>", 'A' + c, i + 1, escaped);
              if (i > 0)
                g_free (values[c]);
            }
          g_string_append (sheet, "</row>");
        }
      g_string_append (sheet, "</sheetData></worksheet>");
      zip_add (zip, "xl/workbook.xml",
               "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
               "<sheet name=\"Sub-processors\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      zip_add (zip, "xl/_rels/workbook.xml.rels",
               "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip_add (zip, "xl/worksheets/sheet1.xml", sheet->str);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                       gsf_output_size (memory));
  g_object_unref (memory);
  g_string_free (sheet, TRUE);
  return bytes;
}

static void
time_import (const char *shape,
             GBytes     *data)
{
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  processors = subproc_import_text (g_bytes_get_data (data, NULL), g_bytes_get_size (data), shape, NULL, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("%-22s %7.1f MB  %9.1f ms  %7u rows  %5.1f µs a row%s%s\n", shape, g_bytes_get_size (data) / 1e6, ms,
           processors != NULL ? processors->len : 0,
           processors != NULL && processors->len > 0 ? ms * 1000.0 / processors->len : 0.0,
           error != NULL ? "  " : "", error != NULL ? error->message : "");
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  struct rusage usage;

  setlocale (LC_ALL, "C.UTF-8");
  g_print ("importing %u rows\n", n);
  {
    g_autofree char *tsv = make_delimited (n, '\t');
    g_autofree char *csv = make_delimited (n, ';');
    g_autofree char *cp1252 = g_convert (csv, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
    g_autofree char *html = make_html (n);
    g_autofree char *markdown = make_markdown (n);
    g_autoptr(GBytes) a = g_bytes_new_static (tsv, strlen (tsv));
    g_autoptr(GBytes) b = g_bytes_new_static (cp1252, strlen (cp1252));
    g_autoptr(GBytes) c = g_bytes_new_static (html, strlen (html));
    g_autoptr(GBytes) d = g_bytes_new_static (markdown, strlen (markdown));
    g_autoptr(GBytes) xlsx = make_zip (FALSE, n);
    g_autoptr(GBytes) ods = make_zip (TRUE, n);

    time_import ("tab-separated", a);
    time_import ("CSV, Windows-1252", b);
    time_import ("HTML page", c);
    time_import ("Markdown", d);
    time_import ("XLSX", xlsx);
    time_import ("ODS", ods);
  }
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak resident memory: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}

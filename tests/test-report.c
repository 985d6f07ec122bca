/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "subproc-convert.h"
#include "subproc-language.h"
#include "subproc-report-private.h"
#include "subproc-storage.h"
#include "subproc-validate.h"
#include "test-util.h"

/* Rows in the seed list. */
#define SEED_ROWS 13
/* The generated register: processors, words in each description. */
#define BIG_ROWS 1000
#define BIG_WORDS 70

static char *tmp_dir;

static SubprocRegister *
load_seed (void)
{
  SubprocRegister *reg = subproc_test_load_seed ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, SEED_ROWS);
  return reg;
}

/* Words with Swedish and Danish letters, none longer than a column is
 * wide, so that every one is printed whole on a line. */
static const char * const vocabulary[] = {
  "leverantör", "databehandling", "säkerhetskopiering", "lagring", "kunddata", "årshjul",
  "behandling", "personuppgifter", "överföring", "tredjeland", "øresund", "ændring",
  "kryptering", "åtkomst", "loggning", "support", "incident", "avtal", "biträde", "miljø",
};

static SubprocRegister *
generate_register (guint n_rows,
                   guint n_words)
{
  SubprocRegister *reg = subproc_register_new ();
  GRand *rand = g_rand_new_with_seed (28);
  static const char * const countries[][3] = { { "SE", NULL }, { "US", NULL }, { "NL", "IE", NULL } };

  subproc_register_set_title (reg, "Databehandlare hos Åkesson & Ørsted AB");
  subproc_register_set_organisation (reg, "Åkesson & Ørsted AB");
  subproc_register_set_dpo_contact (reg, "dpo@example.se");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(SubprocProcessor) processor = NULL;
      g_autofree char *name = g_strdup_printf ("Leverantör%04u", i);
      g_autoptr(GString) description = g_string_new (NULL);

      for (guint w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append (description, w % 30 == 0 ? "\n\n" : " ");
          g_string_append (description, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
        }
      processor = subproc_processor_new (name);
      subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries[i % 3]);
      subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, "Drift och lagring");
      subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION, description->str);
      subproc_processor_set_text (processor, SUBPROC_FIELD_UPDATED, "2024-03-15");
      subproc_processor_set_mechanism (processor, i % 3 == 1 ? SUBPROC_TRANSFER_SCC : SUBPROC_TRANSFER_NOT_NEEDED);
      subproc_register_append (reg, processor);
    }
  g_rand_free (rand);
  return reg;
}

static GDateTime *
printed_date (void)
{
  return g_date_time_new_utc (2024, 5, 2, 10, 0, 0);
}

static SubprocReport *
new_report (SubprocRegister *reg,
            const char      *language)
{
  g_autoptr(GDateTime) printed = printed_date ();
  SubprocReport *report = subproc_report_new (reg);

  subproc_report_set_printed (report, printed);
  subproc_report_set_language (report, language);
  subproc_report_set_source_name (report, "register.json");
  return report;
}

static char *
write_pdf (SubprocReport *report,
           const char    *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (subproc_report_write_pdf (report, file, &error));
  g_assert_no_error (error);
  return path;
}

static char *
run_tool (const char *tool,
          const char *path,
          const char *option)
{
  const char *argv[] = { tool, option, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (option == NULL)
    argv[1] = path, argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* pdftotext's text with line ends as spaces, for phrases a cell wraps. */
static char *
flat_text (const char *path)
{
  char *text = run_tool ("pdftotext", path, "-raw");

  g_strdelimit (text, "\n", ' ');
  return text;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* pdftotext's pages, split at its form feeds. */
static GStrv
pdf_text_pages (const char *path)
{
  g_autofree char *text = flat_text (path);

  return g_strsplit (text, "\f", -1);
}

static gboolean
tool_missing (const char *tool)
{
  g_autofree char *found = g_find_program_in_path (tool);

  if (found == NULL)
    g_test_skip_printf ("%s is not installed (Debian: poppler-utils)", tool);
  return found == NULL;
}

/* Every word pdftotext found, as a set. */
static GHashTable *
word_set (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = g_strsplit_set (text, " \n\f\t", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      g_hash_table_add (words, g_strdup (parts[i]));
      /* a word the register spells with a hyphen or a slash ("google-spårning",
       * a URL) may end a line there; no hyphen is added */
      if (parts[i + 1] != NULL && (g_str_has_suffix (parts[i], "-") || g_str_has_suffix (parts[i], "/")))
        g_hash_table_add (words, g_strconcat (parts[i], parts[i + 1], NULL));
    }
  return words;
}

static void
assert_every_word_printed (SubprocRegister *reg,
                           const char      *text)
{
  g_autoptr(GHashTable) words = word_set (text);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (reg));

  for (guint i = 0; i < n_items; i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (reg, i);
      const char *description = subproc_processor_get_text (processor, SUBPROC_FIELD_DESCRIPTION);
      g_auto(GStrv) parts = g_strsplit_set (description != NULL ? description : "", " \n", -1);

      g_auto(GStrv) name = g_strsplit (subproc_processor_get_name (processor), " ", -1);

      for (guint w = 0; name[w] != NULL; w++)
        if (!g_hash_table_contains (words, name[w]))
          g_error ("“%s” of the name %s is not in the PDF", name[w], subproc_processor_get_name (processor));
      for (guint w = 0; parts[w] != NULL; w++)
        {
          if (*parts[w] == '\0')
            continue;
          if (!g_hash_table_contains (words, parts[w]))
            g_error ("“%s” of %s's description is not in the PDF", parts[w],
                     subproc_processor_get_name (processor));
        }
    }
}

static void
assert_pages_framed (char      **pages,
                     guint       n_pages,
                     const char *header)
{
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (pages[p]);
      if (strstr (pages[p], header) == NULL || strstr (pages[p], footer) == NULL)
        g_error ("page %u lacks the header row or “%s”", p + 1, footer);
    }
}

/* Nothing outside the margins, nothing outside its cell. */
static void
assert_boxes_inside (SubprocReport *report)
{
  double width, height;

  subproc_report_get_paper_size (report, &width, &height);
  for (guint p = 0; p < subproc_report_get_n_pages (report); p++)
    {
      g_autoptr(GArray) boxes = subproc_report_get_boxes (report, p);
      guint n_headers = 0;

      g_assert_cmpuint (boxes->len, >, 0);
      for (guint i = 0; i < boxes->len; i++)
        {
          SubprocReportBox *box = &g_array_index (boxes, SubprocReportBox, i);

          n_headers += box->kind == SUBPROC_REPORT_BOX_HEADER;
          g_assert_cmpfloat (box->x, >=, 36.0 - 0.5);
          g_assert_cmpfloat (box->y, >=, 36.0 - 0.5);
          g_assert_cmpfloat (box->x + box->width, <=, width - 36.0 + 0.5);
          g_assert_cmpfloat (box->y + box->height, <=, height - 36.0 + 0.5);
          g_assert_cmpfloat (box->x, >=, box->cell_x - 0.01);
          g_assert_cmpfloat (box->x + box->width, <=, box->cell_x + box->cell_width + 0.01);
        }
      /* the header row, every column, on every page */
      g_assert_cmpuint (n_headers, >=, subproc_report_get_n_columns (report));
    }
}

static void
test_seed_pdf (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "en");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (tool_missing ("pdftotext"))
    return;

  path = write_pdf (report, "seed.pdf");
  n_pages = pdf_pages (path);
  /* 13 processors, most with a paragraph of description: about six rows
   * fill a landscape A4 page under the title block, ten the pages after */
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 3);
  g_assert_cmpuint (subproc_report_get_n_pages (report), ==, n_pages);

  text = flat_text (path);
  assert_every_word_printed (reg, text);
  /* the title block */
  g_assert_nonnull (strstr (text, "Register of processors and sub-processors"));
  g_assert_nonnull (strstr (text, "Printed: 2 May 2024"));
  g_assert_nonnull (strstr (text, "Number of processors: 13"));
  g_assert_nonnull (strstr (text, "Source: register.json"));
  /* countries and mechanisms in words, dates localized */
  g_assert_nonnull (strstr (text, "Netherlands, Ireland"));
  g_assert_nonnull (strstr (text, "Standard Contractual Clauses (SCC)"));
  g_assert_nonnull (strstr (text, "31 Dec 2019"));
  g_assert_null (strstr (text, "Internal"));

  pages = pdf_text_pages (path);
  assert_pages_framed (pages, n_pages, "Description");
  assert_boxes_inside (report);
}

static void
test_seed_pdf_metadata (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  struct stat st;

  if (tool_missing ("pdfinfo"))
    return;

  subproc_register_set_title (reg, "Underbiträden");
  subproc_register_set_organisation (reg, "Plandisc ApS");
  report = new_report (reg, "en");
  subproc_report_set_column_set (report, SUBPROC_COLUMNS_FULL);
  path = write_pdf (report, "meta.pdf");
  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Title:           Underbiträden"));
  g_assert_nonnull (strstr (info, "Author:          Plandisc ApS"));
  g_assert_nonnull (strstr (info, "Subject:         Register of processors"));
  g_assert_nonnull (strstr (info, "CreationDate:    Thu May  2 10:00:00 2024"));
  g_assert_nonnull (strstr (info, "Page size:       841.89 x 595.276 pts (A4)"));

  /* a font that has å ä ö æ ø, embedded */
  fonts = run_tool ("pdffonts", path, NULL);
  g_assert_nonnull (strstr (fonts, "DejaVuSans"));
  g_assert_null (strstr (fonts, " no  "));

  /* the complete register holds personal data */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_full_marked_internal (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "en");
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (tool_missing ("pdftotext"))
    return;

  subproc_report_set_column_set (report, SUBPROC_COLUMNS_FULL);
  g_assert_true (subproc_report_is_internal (report));
  path = write_pdf (report, "full.pdf");
  n_pages = pdf_pages (path);
  pages = pdf_text_pages (path);
  for (guint p = 0; p < n_pages; p++)
    g_assert_nonnull (strstr (pages[p], "Internal: contains personal data"));
  assert_pages_framed (pages, n_pages, "Status and dates");
  assert_boxes_inside (report);
  /* the title block counts the findings; the example has no errors */
  g_assert_nonnull (strstr (pages[0], "Transfer findings: 0 errors, "));
}

/* The title block of the full report counts the findings of its rows. */
static void
test_full_counts_findings (void)
{
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocProcessor) shield = subproc_processor_new ("Shield Inc");
  g_autoptr(SubprocProcessor) sweden = subproc_processor_new ("Stockholm AB");
  g_autoptr(SubprocReport) report = NULL;
  g_autofree char *today = subproc_today_iso ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (tool_missing ("pdftotext"))
    return;

  subproc_processor_set_list (shield, SUBPROC_FIELD_COUNTRIES, (const char * const[]) { "US", NULL });
  subproc_processor_set_list (shield, SUBPROC_FIELD_TRANSFER_MECHANISM, (const char * const[]) { "privacy-shield", NULL });
  subproc_processor_set_text (shield, SUBPROC_FIELD_DPA_SIGNED, "2024-01-01");
  subproc_processor_set_text (shield, SUBPROC_FIELD_UPDATED, today);
  subproc_processor_set_list (sweden, SUBPROC_FIELD_COUNTRIES, (const char * const[]) { "SE", NULL });
  subproc_processor_set_text (sweden, SUBPROC_FIELD_UPDATED, today);
  subproc_register_append (reg, shield);
  subproc_register_append (reg, sweden);

  report = new_report (reg, "en");
  subproc_report_set_column_set (report, SUBPROC_COLUMNS_FULL);
  path = write_pdf (report, "counts.pdf");
  text = flat_text (path);
  /* Privacy Shield in the USA; no agreement with the Swedish one */
  g_assert_nonnull (strstr (text, "Transfer findings: 1 error, 1 warning, 0 notes"));
  g_assert_nonnull (strstr (text, "CJEU C-311/18"));
}

static void
test_big_pdf (void)
{
  g_autoptr(SubprocRegister) reg = generate_register (BIG_ROWS, BIG_WORDS);
  g_autoptr(SubprocReport) report = new_report (reg, "en");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (tool_missing ("pdftotext"))
    return;

  path = write_pdf (report, "big.pdf");
  n_pages = pdf_pages (path);
  /* Each description is 70 words of about 10 letters, some 800
   * characters in three paragraphs: 8 to 9 lines in a column of about 70
   * characters, so a row is some 90 points high and five fit the 480
   * points a landscape A4 page has for rows: about 200 pages. The bounds
   * catch both rows lost and rows spread one a page. */
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 120);
  g_assert_cmpuint (n_pages, <=, 320);

  text = run_tool ("pdftotext", path, "-raw");
  assert_every_word_printed (reg, text);
  pages = pdf_text_pages (path);
  assert_pages_framed (pages, n_pages, "Description");
  assert_boxes_inside (report);
}

/* A description longer than a page continues on the next, between lines,
 * under the header repeated; no line is lost or printed twice. */
static void
test_row_taller_than_page (void)
{
  g_autoptr(SubprocRegister) reg = generate_register (3, 40);
  g_autoptr(SubprocReport) report = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (tool_missing ("pdftotext"))
    return;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (long_text, "%sRad%03u är lång nog", i > 0 ? "\n" : "", i);
  subproc_processor_set_text (subproc_register_get_processor (reg, 1), SUBPROC_FIELD_DESCRIPTION, long_text->str);
  report = new_report (reg, "en");
  path = write_pdf (report, "tall.pdf");
  n_pages = pdf_pages (path);
  /* 400 lines of some 9.3 points are about 3,700 points: eight pages of 480 */
  g_assert_cmpuint (n_pages, >=, 7);
  g_assert_cmpuint (n_pages, <=, 10);

  text = run_tool ("pdftotext", path, "-raw");
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *line = g_strdup_printf ("Rad%03u ", i);
      const char *first = strstr (text, line);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, line));
    }
  pages = pdf_text_pages (path);
  assert_pages_framed (pages, n_pages, "Description");
  assert_boxes_inside (report);
}

static void
test_swedish (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "sv");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *english = NULL;
  g_autoptr(SubprocReport) english_report = new_report (reg, "en");
  g_autofree char *english_path = NULL;

  if (tool_missing ("pdftotext"))
    return;

  path = write_pdf (report, "sv.pdf");
  text = flat_text (path);
  g_assert_nonnull (strstr (text, "Databehandlare"));
  g_assert_nonnull (strstr (text, "Funktionsbeskrivning"));
  g_assert_nonnull (strstr (text, "Uppdaterat"));
  g_assert_nonnull (strstr (text, "31 dec. 2019"));
  g_assert_nonnull (strstr (text, "Nederländerna, Irland"));
  g_assert_nonnull (strstr (text, "Sida 1 av"));
  g_assert_nonnull (strstr (text, "Utskriven: 2 maj 2024"));

  /* and back: the language is the report's, not left behind */
  english_path = write_pdf (english_report, "en.pdf");
  english = flat_text (english_path);
  g_assert_nonnull (strstr (english, "Netherlands, Ireland"));
  g_assert_nonnull (strstr (english, "Page 1 of"));
}

static void
test_letter (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "en");
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  struct stat st;

  if (tool_missing ("pdfinfo"))
    return;

  subproc_report_set_paper (report, SUBPROC_PAPER_LETTER, TRUE);
  path = write_pdf (report, "letter.pdf");
  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Page size:       792 x 612 pts (letter)"));
  assert_boxes_inside (report);
  /* the public list may be published */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
}

/* A failed write leaves nothing behind, not even the temporary file. */
static void
test_write_fails (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "en");
  g_autofree char *not_dir = g_build_filename (tmp_dir, "not-a-dir", NULL);
  g_autofree char *path = g_build_filename (not_dir, "x.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (not_dir, "", 0, NULL));
  g_assert_false (subproc_report_write_pdf (report, file, &error));
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "x.pdf"));
}

/* The same layout on any cairo_t: an image surface at 72 dpi, as a print
 * preview would draw it. */
static void
test_draw_on_image (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "en");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842, 595);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  guint n_pages;

  pango_cairo_context_set_resolution (context, 72);
  n_pages = subproc_report_paginate (report, context, 842, 595);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint p = 0; p < n_pages; p++)
    subproc_report_draw_page (report, cr, p);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (subproc_report_get_page_of_row (report, 0), ==, 0);
  g_assert_cmpuint (subproc_report_get_page_of_row (report, SEED_ROWS - 1), ==, n_pages - 1);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_parse_columns (void)
{
  g_autoptr(GArray) fields = NULL;
  SubprocColumnSet set;

  g_assert_true (subproc_convert_parse_columns ("full", &set, &fields));
  g_assert_cmpint (set, ==, SUBPROC_COLUMNS_FULL);
  g_assert_null (fields);
  g_assert_true (subproc_convert_parse_columns ("public", &set, &fields));
  g_assert_cmpint (set, ==, SUBPROC_COLUMNS_PUBLIC);
  g_assert_true (subproc_convert_parse_columns ("name, countries,dpa_signed", &set, &fields));
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_cmpint (g_array_index (fields, SubprocField, 2), ==, SUBPROC_FIELD_DPA_SIGNED);
  g_clear_pointer (&fields, g_array_unref);
  g_assert_false (subproc_convert_parse_columns ("name,colour", &set, &fields));
  g_assert_false (subproc_convert_parse_columns ("", &set, &fields));
}

static void
test_picked_columns (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "en");
  const SubprocField picked[] = { SUBPROC_FIELD_NAME, SUBPROC_FIELD_LOCATION };
  g_autofree char *cell = NULL;

  subproc_report_set_fields (report, picked, G_N_ELEMENTS (picked));
  g_assert_cmpuint (subproc_report_get_n_columns (report), ==, 2);
  /* the place as written is beyond the public list */
  g_assert_true (subproc_report_is_internal (report));
  cell = subproc_report_get_cell_text (report, 1, 1);
  g_assert_cmpstr (cell, ==, "Holland/ Irland");
}

/* --- the command line --- */

static int
run_cli (const char * const *args,
         char              **err)
{
  g_unsetenv ("LANGUAGE");
  return subproc_test_run_app (tmp_dir, tmp_dir, args, NULL, err);
}

static void
test_cli_pdf (void)
{
  const char *args[] = { "--export=cli.pdf", "--language=sv", "--columns=full", "--paper=letter",
                         g_getenv ("SUBPROC_SEED"), NULL };
  g_autofree char *path = g_build_filename (tmp_dir, "cli.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  if (g_getenv ("SUBPROC_BIN") == NULL)
    {
      g_test_skip ("SUBPROC_BIN is not set");
      return;
    }
  if (tool_missing ("pdftotext"))
    return;

  /* no display, no LANGUAGE: the Swedish comes from --language alone */
  g_assert_cmpint (run_cli (args, &err), ==, 0);
  text = flat_text (path);
  g_assert_nonnull (strstr (text, "Internt: innehåller personuppgifter"));
  g_assert_nonnull (strstr (text, "Funktionsbeskrivning"));
  g_assert_nonnull (strstr (text, "Källa: sub-processors.txt"));
  g_assert_nonnull (strstr (text, "Antal databehandlare: 13"));
  g_assert_nonnull (strstr (text, "Innehåll: Hela registret"));
  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "(letter)"));
}

static void
test_cli_usage (void)
{
  const char *language[] = { "--export=bad.pdf", "--language=de", g_getenv ("SUBPROC_SEED"), NULL };
  const char *columns[] = { "--export=bad.pdf", "--columns=everything", g_getenv ("SUBPROC_SEED"), NULL };
  const char *paper[] = { "--export=bad.pdf", "--paper=a3", g_getenv ("SUBPROC_SEED"), NULL };
  const char * const *cases[] = { language, columns, paper };
  g_autofree char *path = g_build_filename (tmp_dir, "bad.pdf", NULL);

  if (g_getenv ("SUBPROC_BIN") == NULL)
    {
      g_test_skip ("SUBPROC_BIN is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (cases[i], &err), ==, SUBPROC_CONVERT_USAGE);
      g_assert_nonnull (strstr (err, "subproc: --"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* A short text that repeats in a column (a country, a function) is laid
 * out once a pagination and shared; a text seen once, or a long one, is
 * laid out for its row; the pages are the same either way. */
static void
test_shared_cell_layouts (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = subproc_report_new (reg);
  PangoContext *context = subproc_report_new_context ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) other = NULL;
  guint denmark[3], n = 0;
  guint function_column = 3, countries_column = 1, name_column = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)) && n < 3; i++)
    {
      const char * const *countries = subproc_processor_get_countries (subproc_register_get_processor (reg, i));

      if (countries[0] != NULL && g_str_equal (countries[0], "DK") && countries[1] == NULL)
        denmark[n++] = i;
    }
  g_assert_cmpuint (n, ==, 3);

  subproc_report_paginate (report, context, A4_HEIGHT, A4_WIDTH);
  /* pagination saw every row: the second and third Danish rows share */
  first = _subproc_report_row_layouts (report, denmark[1]);
  again = _subproc_report_row_layouts (report, denmark[2]);
  g_assert_true (g_ptr_array_index (first, countries_column) == g_ptr_array_index (again, countries_column));
  /* names stand once */
  g_assert_true (g_ptr_array_index (first, name_column) != g_ptr_array_index (again, name_column));
  other = _subproc_report_row_layouts (report, denmark[0] == 0 ? 1 : 0);
  g_assert_true (g_ptr_array_index (other, function_column) != NULL);

  /* paginating again (another context, other widths) forgets them */
  subproc_report_paginate (report, context, A4_WIDTH, A4_HEIGHT);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = _subproc_report_row_layouts (report, denmark[2]);
  g_assert_true (g_ptr_array_index (first, countries_column) != g_ptr_array_index (again, countries_column));
  g_object_unref (context);
}

/* Draws every page of @report on an image, through the cells the
 * shaping thread made (@shaped) or laid out as it goes; returns the
 * pixels of all the pages, one after another. */
static GBytes *
draw_pages (SubprocReport *report,
            gboolean       shaped)
{
  g_autoptr(ReportShaper) shaper = shaped ? _subproc_report_shaper_new (report) : NULL;
  g_autoptr(GByteArray) pixels = g_byte_array_new ();
  double width, height;

  subproc_report_get_paper_size (report, &width, &height);
  for (guint page = 0; page < subproc_report_get_n_pages (report); page++)
    {
      g_autoptr(ShapedPage) cells = shaped ? _subproc_report_shaper_next_page (shaper) : NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width * 2, (int) height * 2);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 2, 2);
      _subproc_report_render_page (report, cr, NULL, page, cells);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      g_byte_array_append (pixels, cairo_image_surface_get_data (surface),
                           (guint) (cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface)));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
}

/* The PDF draws the cells a thread shaped ahead: glyph for glyph what
 * Pango draws of the same layouts, in every script, bold or not; a text
 * with a glyph no font has is left to Pango, which draws its box. */
static void
test_shaped_cells_draw_as_pango (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = new_report (reg, "sv");
  PangoContext *context = subproc_report_new_context ();
  static const struct { const char *name; const char *description; } scripts[] = {
    { "שירותי ענן בע״מ", "מאחסן את הגיבויים בישראל; backup in Israel" },
    { "شركة الخدمات", "تخزين البيانات في دبي — data in Dubai" },
    { "Ελληνικά Δεδομένα Α.Ε.", "Φιλοξενία στην Αθήνα, ﬁle ﬂow ligatures" },
    { "Ωmega e\u0301\u0323 combining", "Zero\u200bwidth space, soft\u00adhyphen, tab\there" },
    { "Unknown \U0010FFFD glyph", "A character no font has: \U0010FFFD, then more text." },
  };
  g_autoptr(GBytes) by_pango = NULL;
  g_autoptr(GBytes) from_shaped = NULL;
  g_autoptr(PangoLayout) unknown = pango_layout_new (context);
  g_autoptr(PangoLayout) known = pango_layout_new (context);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 50);
  cairo_t *cr = cairo_create (surface);
  ShapedCell *cell;

  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      g_autoptr(SubprocProcessor) processor = subproc_processor_new (scripts[i].name);

      subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION, scripts[i].description);
      subproc_register_append (reg, processor);
    }
  subproc_report_set_paper (report, SUBPROC_PAPER_A4, TRUE);
  subproc_report_paginate (report, context, A4_HEIGHT, A4_WIDTH);
  by_pango = draw_pages (report, FALSE);
  from_shaped = draw_pages (report, TRUE);
  g_assert_cmpuint (g_bytes_get_size (by_pango), >, 0);
  g_assert_true (g_bytes_equal (by_pango, from_shaped));

  /* what is drawn through Pango instead */
  pango_layout_set_text (unknown, "no font has \U0010FFFD", -1);
  cell = _subproc_report_shaped_cell_new (unknown);
  g_assert_false (_subproc_report_shaped_cell_show (cell, cr, 0, 0, 0, G_MAXDOUBLE));
  _subproc_report_shaped_cell_unref (cell);
  pango_layout_set_text (known, "Åkesson & Ørsted", -1);
  cell = _subproc_report_shaped_cell_new (known);
  g_assert_true (_subproc_report_shaped_cell_show (cell, cr, 0, 20, 0, G_MAXDOUBLE));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  _subproc_report_shaped_cell_unref (cell);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (context);
}

/* Rows measured on two threads (each with its own font map) give the
 * pages one thread gives. */
static void
test_threaded_pagination (void)
{
  g_autoptr(SubprocRegister) reg = generate_register (THREADED_ROWS_MIN * 3, 45);
  g_autoptr(SubprocReport) report = new_report (reg, "da");
  PangoContext *context = subproc_report_new_context ();
  g_autoptr(GArray) slices = NULL;
  g_autoptr(GArray) page_starts = NULL;

  report->one_thread = TRUE;
  subproc_report_paginate (report, context, A4_WIDTH, A4_HEIGHT);
  slices = g_array_copy (report->slices);
  page_starts = g_array_copy (report->page_starts);
  g_assert_cmpuint (page_starts->len, >, 20);

  report->one_thread = FALSE;
  subproc_report_paginate (report, context, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpuint (report->slices->len, ==, slices->len);
  g_assert_cmpmem (report->slices->data, report->slices->len * sizeof (Slice), slices->data, slices->len * sizeof (Slice));
  g_assert_cmpmem (report->page_starts->data, report->page_starts->len * sizeof (guint),
                   page_starts->data, page_starts->len * sizeof (guint));
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  subproc_test_bind_catalog ();
  subproc_language_init ();
  tmp_dir = g_dir_make_tmp ("subproc-report-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/report/pdf/seed", test_seed_pdf);
  g_test_add_func ("/report/shared-cell-layouts", test_shared_cell_layouts);
  g_test_add_func ("/report/shaped-cells-draw-as-pango", test_shaped_cells_draw_as_pango);
  g_test_add_func ("/report/threaded-pagination", test_threaded_pagination);
  g_test_add_func ("/report/pdf/metadata", test_seed_pdf_metadata);
  g_test_add_func ("/report/pdf/full-internal", test_full_marked_internal);
  g_test_add_func ("/report/pdf/full-counts-findings", test_full_counts_findings);
  g_test_add_func ("/report/pdf/1000-processors", test_big_pdf);
  g_test_add_func ("/report/pdf/row-taller-than-page", test_row_taller_than_page);
  g_test_add_func ("/report/pdf/swedish", test_swedish);
  g_test_add_func ("/report/pdf/letter", test_letter);
  g_test_add_func ("/report/pdf/write-fails", test_write_fails);
  g_test_add_func ("/report/draw/image", test_draw_on_image);
  g_test_add_func ("/report/columns/parse", test_parse_columns);
  g_test_add_func ("/report/columns/picked", test_picked_columns);
  g_test_add_func ("/report/cli/pdf", test_cli_pdf);
  g_test_add_func ("/report/cli/usage", test_cli_usage);

  status = g_test_run ();
  subproc_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}

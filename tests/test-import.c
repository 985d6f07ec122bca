/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "subproc-import-private.h"
#include "test-util.h"
#include "subproc-input.h"

static GPtrArray *
import_path (const char  *path,
             GPtrArray  **warnings)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocInput) input = subproc_input_read (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (subproc_input_is_register (input));
  if (warnings != NULL)
    *warnings = g_steal_pointer (&input->warnings);
  return g_steal_pointer (&input->processors);
}

static GPtrArray *
import_seed (GPtrArray **warnings)
{
  const char *seed = g_getenv ("SUBPROC_SEED");

  g_assert_nonnull (seed);
  return import_path (seed, warnings);
}

static SubprocProcessor *
find (GPtrArray  *processors,
      const char *name)
{
  for (guint i = 0; i < processors->len; i++)
    if (g_strcmp0 (subproc_processor_get_name (processors->pdata[i]), name) == 0)
      return processors->pdata[i];
  g_error ("no processor named %s", name);
  return NULL;
}

static void
assert_countries (SubprocProcessor   *processor,
                  const char * const *expected)
{
  g_assert_true (g_strv_equal (subproc_processor_get_countries (processor), expected));
}

static const char *
text (SubprocProcessor *processor,
      SubprocField      field)
{
  return subproc_processor_get_text (processor, field);
}

static void
test_seed_names (void)
{
  static const char * const names[] = {
    "Amazon", "Azure (Microsoft)", "Microsoft", "Clearhaus", "Spar Nord A/S", "Google",
    "Sproom", "Apsis", "ZenDesk", "QuickPay", "Webhosting.dk", "E-conomic", "PopUp Maker",
  };
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = import_seed (&warnings);

  g_assert_cmpuint (processors->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < processors->len; i++)
    {
      SubprocProcessor *processor = processors->pdata[i];

      g_assert_cmpstr (subproc_processor_get_name (processor), ==, names[i]);
      g_assert_cmpint (subproc_processor_get_status (processor), ==, SUBPROC_STATUS_ACTIVE);
      g_assert_null (text (processor, SUBPROC_FIELD_ADDED));
      g_assert_true (g_uuid_string_is_valid (subproc_processor_get_id (processor)));
    }
}

static void
test_seed_google (void)
{
  g_autoptr(GPtrArray) processors = import_seed (NULL);
  SubprocProcessor *google = find (processors, "Google");
  g_auto(GStrv) paragraphs = g_strsplit (text (google, SUBPROC_FIELD_DESCRIPTION), "\n\n", -1);

  assert_countries (google, (const char *[]) { "US", NULL });
  g_assert_cmpstr (text (google, SUBPROC_FIELD_LOCATION), ==, "USA");
  subproc_assert_mechanisms (google, "scc");
  g_assert_cmpstr (text (google, SUBPROC_FIELD_TRANSFER_BASIS), ==, "Standard Contractual Clauses");
  g_assert_cmpstr (text (google, SUBPROC_FIELD_FUNCTION), ==, "Monitorering och statistik");
  g_assert_cmpstr (text (google, SUBPROC_FIELD_UPDATED), ==, "2020-08-03");
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 3);
  g_assert_true (g_str_has_prefix (paragraphs[0], "Google Analytics används till analysförmån."));
  g_assert_true (g_str_has_suffix (paragraphs[0], "avmarkera all google-spårning."));
  g_assert_cmpstr (paragraphs[1], ==, "Google har inte tillgång till den data som är sparad i en Plandisc. Data sparas i USA.");
  g_assert_cmpstr (paragraphs[2], ==, "Om du inte godkänner cookies, sparas ingen data. Du hittar vår cookiepolicy här: https://plandisc.com/sv/cookiepolicy/");
  g_assert_null (strchr (text (google, SUBPROC_FIELD_DESCRIPTION), '<'));
}

static void
test_seed_fields (void)
{
  g_autoptr(GPtrArray) processors = import_seed (NULL);
  SubprocProcessor *azure = find (processors, "Azure (Microsoft)");
  SubprocProcessor *amazon = find (processors, "Amazon");
  SubprocProcessor *apsis = find (processors, "Apsis");
  SubprocProcessor *popup = find (processors, "PopUp Maker");
  SubprocProcessor *economic = find (processors, "E-conomic");

  assert_countries (azure, (const char *[]) { "NL", "IE", NULL });
  g_assert_cmpstr (text (azure, SUBPROC_FIELD_LOCATION), ==, "Holland/ Irland");
  subproc_assert_mechanisms (azure, "");
  g_assert_null (text (azure, SUBPROC_FIELD_TRANSFER_BASIS));
  g_assert_cmpstr (text (azure, SUBPROC_FIELD_FUNCTION), ==, "Hosting");
  g_assert_cmpstr (text (azure, SUBPROC_FIELD_UPDATED), ==, "2019-12-31");

  assert_countries (amazon, (const char *[]) { "IE", NULL });
  g_assert_cmpstr (text (amazon, SUBPROC_FIELD_DESCRIPTION), ==,
                   "Vi använder Amazon till säkerhetskopiering av vår Software och lagrad data på kundens årshjul. Data sparas i EU");
  assert_countries (apsis, (const char *[]) { "SE", NULL });
  g_assert_cmpstr (text (apsis, SUBPROC_FIELD_UPDATED), ==, "2022-06-11");
  assert_countries (popup, (const char *[]) { "DE", NULL });
  g_assert_cmpstr (text (popup, SUBPROC_FIELD_UPDATED), ==, "2020-10-07");
  g_assert_cmpstr (text (economic, SUBPROC_FIELD_FUNCTION), ==, "Bogføring og fakturering");
  assert_countries (economic, (const char *[]) { "DK", NULL });
}

static void
test_seed_continuation (void)
{
  g_autoptr(GPtrArray) processors = import_seed (NULL);
  SubprocProcessor *zendesk = find (processors, "ZenDesk");
  const char *description = text (zendesk, SUBPROC_FIELD_DESCRIPTION);

  /* the text above ends mid-sentence (“… abonnemang och”), so it joins with a space */
  g_assert_true (g_str_has_suffix (description,
                                   "Zendesk har bara användarnamnet, mejladressen samt abonnemang och webbrowserhistorik så att vi kan ge den bästa möjliga supporten."));
  g_assert_null (strstr (description, "\n"));
  /* the processor after it is untouched */
  g_assert_cmpstr (subproc_processor_get_name (processors->pdata[9]), ==, "QuickPay");
}

static void
test_seed_warnings (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = import_seed (&warnings);
  SubprocImportWarning *footer;

  /* only the footer line is not part of the table */
  g_assert_cmpuint (warnings->len, ==, 1);
  footer = warnings->pdata[0];
  g_assert_cmpuint (footer->line, ==, 21);
  g_assert_cmpuint (footer->column, ==, 1);
  g_assert_nonnull (strstr (footer->message, "Kontakta oss"));
}

static void
test_continuation_new_paragraph (void)
{
  const char *list = "Name\tDescription\n"
                     "Acme\tFirst sentence ends here.\n"
                     "\tA second paragraph.\n"
                     "Beta\tB\n";
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.tsv", NULL, NULL);

  g_assert_cmpuint (processors->len, ==, 2);
  g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_DESCRIPTION), ==,
                   "First sentence ends here.\n\nA second paragraph.");
}

static void
test_danish (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import-danish.tsv", NULL);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = import_path (path, &warnings);
  SubprocProcessor *mailgun, *hetzner;

  g_assert_cmpuint (processors->len, ==, 2);
  g_assert_cmpuint (warnings->len, ==, 0);
  mailgun = processors->pdata[0];
  hetzner = processors->pdata[1];
  g_assert_cmpstr (subproc_processor_get_name (mailgun), ==, "Mailgun");
  assert_countries (mailgun, (const char *[]) { "US", NULL });
  subproc_assert_mechanisms (mailgun, "scc");
  g_assert_cmpstr (text (mailgun, SUBPROC_FIELD_FUNCTION), ==, "E-mail");
  g_assert_cmpstr (text (mailgun, SUBPROC_FIELD_UPDATED), ==, "2022-06-11");
  assert_countries (hetzner, (const char *[]) { "DE", "FI", NULL });
  g_assert_cmpstr (text (hetzner, SUBPROC_FIELD_UPDATED), ==, "2019-12-31");
}

static void
test_english (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import-english.tsv", NULL);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = import_path (path, &warnings);
  SubprocProcessor *stripe, *cloudflare;
  gboolean saw_column = FALSE, saw_eu = FALSE, saw_basis = FALSE, saw_date = FALSE;

  g_assert_cmpuint (processors->len, ==, 2);
  stripe = processors->pdata[0];
  cloudflare = processors->pdata[1];

  g_assert_cmpstr (text (stripe, SUBPROC_FIELD_LEGAL_ENTITY), ==, "Stripe Payments Europe Ltd");
  assert_countries (stripe, (const char *[]) { "IE", "US", NULL });
  subproc_assert_mechanisms (stripe, "dpf");
  g_assert_cmpstr (text (stripe, SUBPROC_FIELD_FUNCTION), ==, "Payments");
  g_assert_cmpstr (text (stripe, SUBPROC_FIELD_DESCRIPTION), ==, "Card payments & invoices.\n\nSecond paragraph.");
  g_assert_cmpstr (text (stripe, SUBPROC_FIELD_UPDATED), ==, "2019-12-31");
  /* a column with no field is kept in the notes */
  g_assert_cmpstr (text (stripe, SUBPROC_FIELD_NOTES), ==, "DPO phone: +46 8 123");

  assert_countries (cloudflare, (const char *[]) { "US", NULL });
  g_assert_cmpstr (text (cloudflare, SUBPROC_FIELD_LOCATION), ==, "USA & EU");
  g_assert_cmpstr (text (cloudflare, SUBPROC_FIELD_DESCRIPTION), ==, "Caches static files\nand more.");
  subproc_assert_mechanisms (cloudflare, "");
  g_assert_cmpstr (text (cloudflare, SUBPROC_FIELD_TRANSFER_BASIS), ==, "something odd");
  g_assert_null (text (cloudflare, SUBPROC_FIELD_UPDATED));
  g_assert_cmpstr (text (cloudflare, SUBPROC_FIELD_NOTES), ==, "Updated: soon");

  for (guint i = 0; i < warnings->len; i++)
    {
      SubprocImportWarning *w = warnings->pdata[i];

      if (w->line == 1 && w->column == 89)
        saw_column = strstr (w->message, "DPO phone") != NULL;
      else if (w->line == 3 && w->column == 27)
        saw_eu = strstr (w->message, "“EU”") != NULL;
      else if (w->line == 3 && w->column == 36)
        saw_basis = strstr (w->message, "something odd") != NULL;
      else if (w->line == 3 && w->column == 94)
        saw_date = strstr (w->message, "soon") != NULL;
      else
        g_error ("unexpected warning %u:%u: %s", w->line, w->column, w->message);
    }
  g_assert_true (saw_column && saw_eu && saw_basis && saw_date);
}

static void
test_csv (void)
{
  const char *list = "\xEF\xBB\xBFname;countries;description;updated\r\n"
                     "\"Acme; Inc\";SE;\"Line one\r\nline \"\"two\"\"\";2020-10-07\r\n";
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.csv", NULL, NULL);

  g_assert_cmpuint (processors->len, ==, 1);
  g_assert_cmpstr (subproc_processor_get_name (processors->pdata[0]), ==, "Acme; Inc");
  assert_countries (processors->pdata[0], (const char *[]) { "SE", NULL });
  g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_DESCRIPTION), ==, "Line one\nline \"two\"");
}

static void
test_no_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) processors = subproc_import_text ("just some text\nand more\n", -1, "notes.txt", NULL, &error);

  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
}

static void
test_not_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) processors = subproc_import_text ("Name\tLand\nA\0B\tSE\n", 16, "x.tsv", NULL, &error);

  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "x.tsv"));
}

static void
assert_aeble (const char *data,
              gsize       length,
              gboolean    warned)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = subproc_import_text (data, length, "excel.csv", &warnings, &error);
  SubprocProcessor *processor;
  gboolean said = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (processors->len, ==, 2);
  processor = g_ptr_array_index (processors, 0);
  g_assert_cmpstr (subproc_processor_get_name (processor), ==, "Æble ApS");
  g_assert_cmpstr (subproc_processor_get_countries (processor)[0], ==, "DK");
  g_assert_cmpstr (subproc_processor_get_text (processor, SUBPROC_FIELD_FUNCTION), ==, "Løn – “betaling” €");
  g_assert_cmpstr (subproc_processor_get_name (g_ptr_array_index (processors, 1)), ==, "Öst AB");
  for (guint i = 0; i < warnings->len; i++)
    said |= strstr (((SubprocImportWarning *) g_ptr_array_index (warnings, i))->message, "Windows-1252") != NULL;
  g_assert_cmpint (said, ==, warned);
}

/* What spreadsheets save: Windows-1252 with semicolons (Excel in Windows,
 * said in a warning), UTF-16 with a byte-order mark, UTF-8 with one. */
static void
test_encodings (void)
{
  const char *utf8 = "Navn;Land;Funktion\r\nÆble ApS;Danmark;Løn – “betaling” €\r\nÖst AB;Sverige;\r\n";
  g_autofree char *cp1252 = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
  g_autofree char *bom8 = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  gsize utf16_length = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_autofree char *bom16 = g_malloc (utf16_length + 2);
  gsize utf16be_length = 0;
  g_autofree char *utf16be = g_convert (utf8, -1, "UTF-16BE", "UTF-8", NULL, &utf16be_length, NULL);
  g_autofree char *bom16be = g_malloc (utf16be_length + 2);

  g_assert_nonnull (cp1252);
  assert_aeble (cp1252, strlen (cp1252), TRUE);
  assert_aeble (utf8, strlen (utf8), FALSE);
  assert_aeble (bom8, strlen (bom8), FALSE);
  memcpy (bom16, "\xFF\xFE", 2);
  memcpy (bom16 + 2, utf16, utf16_length);
  assert_aeble (bom16, utf16_length + 2, FALSE);
  memcpy (bom16be, "\xFE\xFF", 2);
  memcpy (bom16be + 2, utf16be, utf16be_length);
  assert_aeble (bom16be, utf16be_length + 2, FALSE);
}

static void
test_html (void)
{
  static const struct { const char *html; const char *text; } cases[] = {
    { "plain  text\t here", "plain text here" },
    { "<p>One</p> <p>Two</p>", "One\n\nTwo" },
    { "a &amp; b &lt;c&gt; &aring;&#228;&ouml; &nbsp;x", "a & b <c> åäö x" },
    { "line<br>break<br/>again", "line\nbreak\nagain" },
    { "<ul><li>first</li><li>second</li></ul>", "first\n\nsecond" },
    { "safe<script>alert(1)</script> text", "safe text" },
    { "<b>bold</b> and <a href=\"x\">link</a>", "bold and link" },
    { "unclosed <p>para", "unclosed\n\npara" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = subproc_import_html_to_text (cases[i].html);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_mechanisms (void)
{
  static const struct { const char *text; const char *mechanisms; gboolean known; } cases[] = {
    { "Standard Contractual Clauses", "scc", TRUE },
    { "EU SCCs (2021)", "scc", TRUE },
    { "Standardavtalsklausuler", "scc", TRUE },
    { "Binding Corporate Rules", "bcr", TRUE },
    { "EU-U.S. Data Privacy Framework", "dpf", TRUE },
    /* several, in the order written, each once */
    { "DPF and SCC", "dpf,scc", TRUE },
    { "EU SCCs, EU-US DPF", "scc,dpf", TRUE },
    { "SCC (standard contractual clauses); BCR; SCCs", "scc,bcr", TRUE },
    { "Privacy Shield og standardkontraktbestemmelser", "privacy-shield,scc", TRUE },
    { "Adequacy decision", "adequacy", TRUE },
    { "Privacy Shield", "privacy-shield", TRUE },
    { "Safe Harbour", "safe-harbor", TRUE },
    { "Art. 49", "derogation", TRUE },
    { "Ikke relevant", "not-needed", TRUE },
    { "N/A", "not-needed", TRUE },
    { "", "", TRUE },
    { "Because we said so", "", FALSE },
    { "Discovery", "", FALSE },  /* “scc” only as a whole word */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean known = !cases[i].known;
      g_auto(GStrv) words = subproc_import_guess_mechanisms (cases[i].text, &known);
      g_autofree char *joined = words != NULL ? g_strjoinv (",", words) : g_strdup ("");

      g_assert_cmpstr (joined, ==, cases[i].mechanisms);
      g_assert_cmpint (known, ==, cases[i].known);
    }
}

static void
test_country_languages (void)
{
  const char *list = "Name\tCountry\nA\tSverige\nB\tSweden\nC\tNederländerna\nD\tHolland\nE\tNetherlands\nF\tTyskland og Danmark\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.tsv", &warnings, NULL);

  g_assert_cmpuint (processors->len, ==, 6);
  g_assert_cmpuint (warnings->len, ==, 0);
  assert_countries (processors->pdata[0], (const char *[]) { "SE", NULL });
  assert_countries (processors->pdata[1], (const char *[]) { "SE", NULL });
  assert_countries (processors->pdata[2], (const char *[]) { "NL", NULL });
  assert_countries (processors->pdata[3], (const char *[]) { "NL", NULL });
  assert_countries (processors->pdata[4], (const char *[]) { "NL", NULL });
  assert_countries (processors->pdata[5], (const char *[]) { "DE", "DK", NULL });
}

static void
test_rows_without_name (void)
{
  const char *list = "Title\n\nName\tCountry\tFunction\n\tSweden\tHosting\nAcme\tSweden\tHosting\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.tsv", &warnings, NULL);
  SubprocImportWarning *warning;

  /* the header is found below a heading; a nameless row is reported, not guessed */
  g_assert_cmpuint (processors->len, ==, 1);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = warnings->pdata[0];
  g_assert_cmpuint (warning->line, ==, 4);
}

static void
test_plain_text_kept (void)
{
  const char *list = "Name\tContact\tDescription\n"
                     "Acme R&D\tDPO <dpo@example.com>\tStores <customer> records & invoices\n";
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.tsv", NULL, NULL);

  /* what does not read as HTML is text, kept to the letter */
  g_assert_cmpstr (subproc_processor_get_name (processors->pdata[0]), ==, "Acme R&D");
  g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_CONTACT), ==, "DPO <dpo@example.com>");
  g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_DESCRIPTION), ==, "Stores <customer> records & invoices");
}

static void
test_unterminated_quote (void)
{
  const char *list = "name,countries,description\nA,SE,\"unterminated\nB,DK,desc\nC,NO,x\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.csv", &warnings, NULL);
  SubprocImportWarning *warning;

  /* the damage is reported where it starts, not swallowed */
  g_assert_cmpuint (processors->len, ==, 1);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = warnings->pdata[0];
  g_assert_cmpuint (warning->line, ==, 2);
  g_assert_cmpuint (warning->column, ==, 6);
  g_assert_nonnull (strstr (warning->message, "never closed"));
}

static void
test_extra_cells (void)
{
  const char *list = "name,countries,function\nA,SE,Hosting, backups and mail\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.csv", &warnings, NULL);

  g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_FUNCTION), ==, "Hosting");
  g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_NOTES), ==, "Beyond the last column: backups and mail");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpuint (((SubprocImportWarning *) warnings->pdata[0])->column, ==, 14);
}

static void
test_formula_guard_dropped (void)
{
  const char *list = "name,contact\r\n\"'=SUM(A1)\",\"'+46 8 123 45\"\r\n";
  g_autoptr(GPtrArray) processors = subproc_import_text (list, -1, "t.csv", NULL, NULL);

  /* our CSV guards such cells with an apostrophe; reading it back drops it */
  g_assert_cmpstr (subproc_processor_get_name (processors->pdata[0]), ==, "=SUM(A1)");
  g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_CONTACT), ==, "+46 8 123 45");
}

/* A row of many cells: every extra cell is kept in the notes, in order, and
 * each warning names its own column (counted on, not from the line start). */
static void
test_many_cells (void)
{
  g_autoptr(GString) list = g_string_new ("name\tcountries\nA\tSE");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GError) error = NULL;
  const char *notes;
  SubprocImportWarning *last;

  for (guint i = 2; i < SUBPROC_IMPORT_MAX_COLUMNS; i++)
    g_string_append_printf (list, "\tå%u", i);
  g_string_append (list, "\t\t\t\n");   /* empty cells at the end do not count */

  processors = subproc_import_text (list->str, -1, "wide.tsv", &warnings, &error);
  g_assert_no_error (error);
  notes = text (processors->pdata[0], SUBPROC_FIELD_NOTES);
  g_assert_true (g_str_has_prefix (notes, "Beyond the last column: å2\nBeyond the last column: å3\n"));
  g_assert_true (g_str_has_suffix (notes, "Beyond the last column: å999"));
  g_assert_cmpuint (warnings->len, ==, SUBPROC_IMPORT_MAX_COLUMNS - 2);
  last = g_ptr_array_index (warnings, warnings->len - 1);
  /* before “å999”: "A\tSE", then "\tåN" for N from 2 to 998 (3 characters for
   * N < 10, 4 below 100, 5 below 1000), then a tab */
  g_assert_cmpuint (last->column, ==, 1 + 4 + 8 * 3 + 90 * 4 + 899 * 5 + 1);
}

/* Lists made to hurt: a clear error naming the file and the line. */
static void
test_too_large (void)
{
  g_autoptr(GString) wide = g_string_new ("name\tcountries\nA\tSE");
  g_autoptr(GString) long_cell = g_string_new ("name\tdescription\nA\t");
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (wide, "\tx");
  processors = subproc_import_text (wide->str, -1, "wide.tsv", NULL, &error);
  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "“wide.tsv”, line 2: the row has more than 1000 columns, more than Subproc reads in a list.");
  g_clear_error (&error);

  for (guint i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (long_cell, 'x');
  processors = subproc_import_text (long_cell->str, -1, "long.tsv", NULL, &error);
  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "“long.tsv”, line 2, column 3: the cell holds more than 1 MB of text, more than Subproc reads in a cell.");
}

/* The same limits on a page's tables and a spreadsheet's sheets. */
static void
test_too_large_pages (void)
{
  g_autoptr(GString) html = g_string_new ("<table><tr><th>Name</th><th>Description</th></tr>\n<tr><td>A</td><td>");
  g_autoptr(GString) markdown = g_string_new ("| Name | Description |\n|---|---|\n| A | ");
  g_autoptr(GString) wide = g_string_new ("<table><tr><th>Name</th><th>Country</th></tr>\n<tr><td>A</td>");
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    {
      g_string_append_c (html, 'x');
      g_string_append_c (markdown, 'x');
    }
  g_string_append (html, "</td></tr></table>\n");
  g_string_append (markdown, " |\n");
  for (guint i = 0; i < 1500; i++)
    g_string_append (wide, "<td>x</td>");
  g_string_append (wide, "</tr></table>\n");

  processors = subproc_import_text (html->str, -1, "long.html", NULL, &error);
  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“long.html”, line 2"));
  g_clear_error (&error);

  processors = subproc_import_text (markdown->str, -1, "long.md", NULL, &error);
  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“long.md”, line 3"));
  g_clear_error (&error);

  processors = subproc_import_text (wide->str, -1, "wide.html", NULL, &error);
  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "more than 1000 columns"));
  g_clear_error (&error);

  /* a page larger than any list is not parsed at all */
  while (html->len <= SUBPROC_IMPORT_MAX_PAGE)
    g_string_append (html, "<p>more</p>\n");
  processors = subproc_import_text (html->str, html->len, "huge.html", NULL, &error);
  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“huge.html” is a web page of more than 32 MB"));
  g_clear_error (&error);

  /* and a sheet's cell */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lists", "huge-cell.ods", NULL);
    g_autofree char *data = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &data, &length, NULL));
    processors = subproc_import_text (data, length, "huge-cell.ods", NULL, &error);
    g_assert_null (processors);
    g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "“huge-cell.ods”, line 2, column 2"));
  }
}

/* HTML nested deeper than libxml2 reads keeps its text, and says so. */
static void
test_html_deep (void)
{
  const guint depths[] = { 200, 300, 100000 };

  for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
    {
      g_autoptr(GString) list = g_string_new ("name\tdescription\nA\t");
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GPtrArray) processors = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < depths[d]; i++)
        g_string_append (list, "<b>");
      g_string_append (list, "Deep &amp; kept\n");
      processors = subproc_import_text (list->str, -1, "deep.tsv", &warnings, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text (processors->pdata[0], SUBPROC_FIELD_DESCRIPTION), ==, "Deep & kept");
      g_assert_cmpuint (warnings->len, ==, (depths[d] > 256 ? 1u : 0u));
      if (warnings->len > 0)
        g_assert_nonnull (strstr (((SubprocImportWarning *) warnings->pdata[0])->message, "nested too deep"));
    }
}

/* The preview's choices: a column kept in the notes or left out, another
 * given a field; the columns and the encoding are reported. */
static void
test_mapping (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lists", "english-region.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GHashTable) mapping = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  SubprocImportReport report;
  SubprocProcessor *salesforce;
  gsize length = 0;
  static const struct { const char *header; int choice; } expected[] = {
    { "Sub-processor name", SUBPROC_FIELD_NAME },
    { "Region", SUBPROC_FIELD_LOCATION },
    { "Data category", SUBPROC_IMPORT_IGNORE },
    { "Legal basis", SUBPROC_FIELD_TRANSFER_BASIS },
    { "Purpose", SUBPROC_IMPORT_NOTES },
    { "Last updated", SUBPROC_FIELD_DESCRIPTION },
  };

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_hash_table_insert (mapping, (gpointer) "Purpose", GINT_TO_POINTER (SUBPROC_IMPORT_NOTES + 3));
  g_hash_table_insert (mapping, (gpointer) "Data category", GINT_TO_POINTER (SUBPROC_IMPORT_IGNORE + 3));
  g_hash_table_insert (mapping, (gpointer) "Last updated", GINT_TO_POINTER (SUBPROC_FIELD_DESCRIPTION + 3));
  processors = subproc_import_text_mapped (data, length, "english-region.csv", mapping, &report, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (processors->len, ==, 2);
  salesforce = g_ptr_array_index (processors, 0);
  g_assert_null (subproc_processor_get_text (salesforce, SUBPROC_FIELD_FUNCTION));
  g_assert_cmpstr (subproc_processor_get_text (salesforce, SUBPROC_FIELD_NOTES), ==, "Purpose: CRM");
  g_assert_null (subproc_processor_get_list (salesforce, SUBPROC_FIELD_DATA_CATEGORIES)[0]);
  g_assert_cmpstr (subproc_processor_get_text (salesforce, SUBPROC_FIELD_DESCRIPTION), ==, "2026-02-10");
  g_assert_null (subproc_processor_get_text (salesforce, SUBPROC_FIELD_UPDATED));
  /* what the user chose is not warned about */
  g_assert_cmpuint (warnings->len, ==, 0);

  g_assert_cmpstr (report.encoding, ==, "UTF-8");
  g_assert_cmpuint (report.columns->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SubprocImportColumn *column = g_ptr_array_index (report.columns, i);

      g_assert_cmpstr (column->header, ==, expected[i].header);
      g_assert_cmpint (column->choice, ==, expected[i].choice);
    }
  subproc_import_report_clear (&report);
}

/* A ZIP that is no spreadsheet, or a damaged one, is said to be so. */
static void
test_not_a_spreadsheet (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor.xlsx", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) processors = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* cut short: the ZIP's directory is gone */
  processors = subproc_import_text (data, length / 2, "cut.xlsx", NULL, &error);
  g_assert_null (processors);
  g_assert_error (error, SUBPROC_IMPORT_ERROR, SUBPROC_IMPORT_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "cut.xlsx"));
}

/* A page whose spans would make more cells than it could hold written out
 * is read with its spans cut short, quickly and in little memory. */
static void
test_span_bomb (void)
{
  g_autoptr(GString) page = g_string_new ("<table><tr><th>Name</th><th>Country</th></tr>\n");
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (page, "<tr><td colspan=\"99999\" rowspan=\"99999\">P%u</td><td>Sweden</td></tr>\n", i);
  g_string_append (page, "</table>\n");

  start = g_get_monotonic_time ();
  processors = subproc_import_text (page->str, page->len, "bomb.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (processors->len, ==, 20000);
  g_test_message ("%.2f s", (g_get_monotonic_time () - start) / 1e6);
}

/* Lists as vendors publish them, each written for the purpose, and what
 * each of their processors must read as, field by field. */
typedef struct
{
  const char *name;
  const char *countries;   /* comma-separated codes */
  const char *location;
  const char *mechanisms;  /* comma-separated words */
  const char *function;
  const char *description;
  const char *updated;
  const char *notes;
  const char *added;
} Expected;

typedef struct
{
  const char     *file;
  guint           n;
  const Expected *processors;
  const char     *warnings[4];  /* words each of some warning, in order */
} ListCase;

static const Expected vendor_page[] = {
  /* a heading per table: the function when the table has none */
  { "Amazon Web Services EMEA SARL", "IE,US", "Ireland · United States", "scc,dpf", "Infrastructure",
    "Hosting & storage\nBackups", "2026-03-03", NULL },
  { "Hetzner Online GmbH", "DE", "Frankfurt", "not-needed", "Infrastructure", "Servers", "2026-03-03", NULL },
  /* a rowspan repeats the place below; a header row repeated inside the table is no processor */
  { "OVH SAS", "DE", "Frankfurt", "not-needed", "Infrastructure", "Servers", "2026-03-03", NULL },
  { "Cloudflare, Inc.", "", "Global", "scc,dpf", "Infrastructure", "Content delivery", "2026-03-03", NULL },
  /* a colspan header over two columns of places; the heading goes in the notes */
  { "Zendesk, Inc.", "IE,US", "North Europe (Dublin), US East (N. Virginia)", "scc", "Support tickets", NULL,
    "2026-03-03", "Section: Customer support" },
  { "Intercom R&D Unlimited Company", "IE", "EU (Ireland)", "not-needed", "Chat", NULL, "2026-03-03",
    "Section: Customer support" },
};

static const Expected fragment_da[] = {
  { "Microsoft Ireland Operations Ltd", "IE,NL", "Irland og Holland", "not-needed", NULL,
    "Hosting af systemet.\n\nBackup i Holland.", "2020-10-07", NULL },
  { "Twilio Inc.", "US", "USA", "dpf,scc", NULL, "SMS-udsendelse", "2019-12-31", NULL },
};

static const Expected markdown[] = {
  { "Elastx AB", "SE", "Sweden", "not-needed", "Hosting", "Hosting in Stockholm", "2026-01-15", NULL },
  { "Google Cloud EMEA Ltd", "IE,BE", "Ireland, Belgium", "scc", "Hosting", "Backups | archive", "2026-01-15", NULL },
  /* a table without pipes at the ends of its rows */
  { "Mailgun Technologies, Inc.", "US", "US", "scc,dpf", "E-mail", "Transactional e-mail", "2026-01-15", NULL },
};

static const Expected english_region[] = {
  { "Salesforce, Inc.", "US", "United States", "dpf", "CRM", NULL, "2026-02-10", NULL },
  { "Snowflake Computing Netherlands B.V.", "NL", "Amsterdam", "not-needed", "Analytics", NULL, "2026-02-01", NULL },
};

static const Expected excel_1252[] = {
  { "Æble ApS", "DK", "Danmark", "not-needed", NULL, "Løn og “betaling”", "2026-02-01", NULL },
  { "Søstrene Grene A/S", "DK,SE", "Danmark og Sverige", "not-needed", NULL, "Indkøb – varer", "2026-03-03", NULL },
};

static const Expected utf16[] = {
  { "Fortnox AB", "SE", "Sverige", "not-needed", "Bokföring", NULL, NULL, NULL },
};

/* sheets: dates from date cells; a sheet that is no list left out */
static const Expected xlsx[] = {
  { "Amazon Web Services EMEA SARL", "IE", "Ireland", "scc", NULL, "Hosting", NULL, NULL, "2026-03-01" },
  { "Zendesk, Inc.", "US", "United States", "dpf,scc", NULL, "Customer support", NULL, NULL, "2019-12-31" },
  { "Elastx AB", "SE", "Sweden", "", NULL, "42", NULL, NULL, "2026-02-14" },
};

static const Expected ods[] = {
  { "Fortnox AB", "SE", "Sverige", "not-needed", NULL, NULL, "2026-01-15", NULL },
  { "Microsoft Ireland Operations Ltd", "IE,NL", "Irland och Nederländerna", "scc", NULL, NULL, "2020-10-07", NULL },
};

static const ListCase list_cases[] = {
  { "vendor-page.html", G_N_ELEMENTS (vendor_page), vendor_page,
    { "“Global”", "“Change log”", "“Contact”" } },
  { "fragment-da.html", G_N_ELEMENTS (fragment_da), fragment_da, { NULL } },
  { "list.md", G_N_ELEMENTS (markdown), markdown, { "“Notice periods”" } },
  { "english-region.csv", G_N_ELEMENTS (english_region), english_region, { NULL } },
  { "excel-1252.csv", G_N_ELEMENTS (excel_1252), excel_1252, { "Windows-1252" } },
  { "utf16.tsv", G_N_ELEMENTS (utf16), utf16, { NULL } },
  { "vendor.xlsx", G_N_ELEMENTS (xlsx), xlsx, { "“Change log”" } },
  { "vendor.ods", G_N_ELEMENTS (ods), ods, { NULL } },
};

static char *
joined_list (SubprocProcessor *processor,
             SubprocField      field)
{
  return g_strjoinv (",", (char **) subproc_processor_get_list (processor, field));
}

static void
test_vendor_lists (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (list_cases); c++)
    {
      const ListCase *list = &list_cases[c];
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lists", list->file, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GPtrArray) processors = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;
      guint w = 0;

      g_test_message ("%s", list->file);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      processors = subproc_import_text (data, length, list->file, &warnings, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (processors->len, ==, list->n);
      for (guint i = 0; i < list->n; i++)
        {
          const Expected *want = &list->processors[i];
          SubprocProcessor *got = g_ptr_array_index (processors, i);
          g_autofree char *countries = joined_list (got, SUBPROC_FIELD_COUNTRIES);
          g_autofree char *mechanisms = joined_list (got, SUBPROC_FIELD_TRANSFER_MECHANISM);

          g_assert_cmpstr (subproc_processor_get_name (got), ==, want->name);
          g_assert_cmpstr (countries, ==, want->countries);
          g_assert_cmpstr (subproc_processor_get_text (got, SUBPROC_FIELD_LOCATION), ==, want->location);
          g_assert_cmpstr (mechanisms, ==, want->mechanisms);
          g_assert_cmpstr (subproc_processor_get_text (got, SUBPROC_FIELD_FUNCTION), ==, want->function);
          g_assert_cmpstr (subproc_processor_get_text (got, SUBPROC_FIELD_DESCRIPTION), ==, want->description);
          g_assert_cmpstr (subproc_processor_get_text (got, SUBPROC_FIELD_UPDATED), ==, want->updated);
          g_assert_cmpstr (subproc_processor_get_text (got, SUBPROC_FIELD_NOTES), ==, want->notes);
          g_assert_cmpstr (subproc_processor_get_text (got, SUBPROC_FIELD_ADDED), ==, want->added);
        }
      /* what was left out is said, in order */
      for (guint i = 0; i < warnings->len && w < G_N_ELEMENTS (list->warnings) && list->warnings[w] != NULL; i++)
        if (strstr (((SubprocImportWarning *) g_ptr_array_index (warnings, i))->message, list->warnings[w]) != NULL)
          w++;
      g_assert_true (w == G_N_ELEMENTS (list->warnings) || list->warnings[w] == NULL);
    }
}

/* Words inside the longer headers vendors write. */
static void
test_header_words (void)
{
  static const struct { const char *header; SubprocField field; } cases[] = {
    { "Sub-processor name", SUBPROC_FIELD_NAME },
    { "Processing location(s)", SUBPROC_FIELD_LOCATION },
    { "Country of the entity", SUBPROC_FIELD_LOCATION },
    { "Data center location", SUBPROC_FIELD_LOCATION },
    { "Hosting location", SUBPROC_FIELD_LOCATION },
    { "Region", SUBPROC_FIELD_LOCATION },
    { "Lovligt grundlag", SUBPROC_FIELD_TRANSFER_BASIS },
    { "Overførselsgrundlag", SUBPROC_FIELD_TRANSFER_BASIS },
    { "Rättslig grund", SUBPROC_FIELD_TRANSFER_BASIS },
    { "Överföringsmekanism", SUBPROC_FIELD_TRANSFER_BASIS },
    { "Safeguards", SUBPROC_FIELD_TRANSFER_BASIS },
    { "Beskrivelse af behandling", SUBPROC_FIELD_DESCRIPTION },
    { "Nature of processing", SUBPROC_FIELD_DESCRIPTION },
    { "Purpose of processing", SUBPROC_FIELD_FUNCTION },
    { "Syfte", SUBPROC_FIELD_FUNCTION },
    { "Formål", SUBPROC_FIELD_FUNCTION },
    { "Data categories", SUBPROC_FIELD_DATA_CATEGORIES },
    { "Kategorier af personoplysninger", SUBPROC_FIELD_DATA_CATEGORIES },
    { "Juridisk enhet", SUBPROC_FIELD_LEGAL_ENTITY },
    { "Legal entity name", SUBPROC_FIELD_LEGAL_ENTITY },
    { "Address", SUBPROC_FIELD_CONTACT },
    { "DPA", SUBPROC_FIELD_DPA_REFERENCE },
    { "Date added", SUBPROC_FIELD_ADDED },
    { "Sidst opdateret", SUBPROC_FIELD_UPDATED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SubprocField field = SUBPROC_N_FIELDS;

      g_test_message ("%s", cases[i].header);
      g_assert_true (_subproc_import_header_to_field (cases[i].header, &field));
      g_assert_cmpint (field, ==, cases[i].field);
    }
  /* not in a sentence */
  g_assert_false (_subproc_import_header_to_field ("We store the name of each customer in our data center location in Sweden",
                                                   &(SubprocField) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/seed/names", test_seed_names);
  g_test_add_func ("/import/seed/google", test_seed_google);
  g_test_add_func ("/import/seed/fields", test_seed_fields);
  g_test_add_func ("/import/seed/continuation", test_seed_continuation);
  g_test_add_func ("/import/seed/warnings", test_seed_warnings);
  g_test_add_func ("/import/continuation/new-paragraph", test_continuation_new_paragraph);
  g_test_add_func ("/import/danish", test_danish);
  g_test_add_func ("/import/english", test_english);
  g_test_add_func ("/import/csv", test_csv);
  g_test_add_func ("/import/error/no-header", test_no_header);
  g_test_add_func ("/import/error/not-text", test_not_text);
  g_test_add_func ("/import/encodings", test_encodings);
  g_test_add_func ("/import/vendor-lists", test_vendor_lists);
  g_test_add_func ("/import/span-bomb", test_span_bomb);
  g_test_add_func ("/import/error/too-large-pages", test_too_large_pages);
  g_test_add_func ("/import/not-a-spreadsheet", test_not_a_spreadsheet);
  g_test_add_func ("/import/mapping", test_mapping);
  g_test_add_func ("/import/header-words", test_header_words);
  g_test_add_func ("/import/html", test_html);
  g_test_add_func ("/import/mechanisms", test_mechanisms);
  g_test_add_func ("/import/countries/languages", test_country_languages);
  g_test_add_func ("/import/rows-without-name", test_rows_without_name);
  g_test_add_func ("/import/plain-text-kept", test_plain_text_kept);
  g_test_add_func ("/import/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/import/csv/extra-cells", test_extra_cells);
  g_test_add_func ("/import/csv/formula-guard", test_formula_guard_dropped);
  g_test_add_func ("/import/many-cells", test_many_cells);
  g_test_add_func ("/import/error/too-large", test_too_large);
  g_test_add_func ("/import/html/deep", test_html_deep);

  return g_test_run ();
}

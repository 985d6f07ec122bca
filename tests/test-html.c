/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"


#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "subproc-convert.h"
#include "subproc-language.h"
#include "subproc-html.h"

#include <glib/gstdio.h>

#include "test-util.h"

#define SEED_ROWS 13

static SubprocRegister *
load_seed (void)
{
  SubprocRegister *reg = subproc_test_load_seed ();

  subproc_register_set_organisation (reg, "Plandisc");
  subproc_register_set_dpo_contact (reg, "dpo@plandisc.example");
  return reg;
}

static char *
html_of (SubprocRegister *reg,
         const char      *language)
{
  g_autoptr(SubprocReport) report = subproc_report_new (reg);

  subproc_report_set_language (report, language);
  return subproc_html_from_report (report, NULL);
}

static htmlDocPtr
parse (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, (int) strlen (html), "list.html", "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  return doc;
}

static int
count (htmlDocPtr  doc,
       const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  int n;

  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return n;
}

static char *
text_of (htmlDocPtr  doc,
         const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  char *text = NULL;

  if (result != NULL && result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);

      text = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  g_assert_nonnull (text);
  return text;
}

static void
test_seed_structure (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autofree char *html = html_of (reg, "en");
  htmlDocPtr doc = parse (html);
  g_autofree char *heading = text_of (doc, "//h1");
  g_autofree char *updated = text_of (doc, "//p[@class='updated']");
  g_autofree char *datetime = text_of (doc, "//time/@datetime");
  g_autofree char *azure = text_of (doc, "//tbody/tr[2]/td[1]");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_cmpint (count (doc, "/html/head/meta[@charset='utf-8']"), ==, 1);
  g_assert_cmpint (count (doc, "/html/head/meta[@name='viewport']"), ==, 1);
  g_assert_cmpint (count (doc, "/html/head/title"), ==, 1);
  g_assert_cmpstr (heading, ==, "Sub-processors of Plandisc");
  /* the newest “updated” among the processors: Apsis, 11 June 2022 */
  g_assert_cmpstr (updated, ==, "Last updated 11 June 2022");
  g_assert_cmpstr (datetime, ==, "2022-06-11");

  g_assert_cmpint (count (doc, "//table/caption"), ==, 1);
  g_assert_cmpint (count (doc, "//table/thead/tr/th[@scope='col']"), ==, 6);
  g_assert_cmpint (count (doc, "//table/tbody/tr"), ==, SEED_ROWS);
  g_assert_cmpint (count (doc, "//table/tbody/tr/th[@scope='row']"), ==, SEED_ROWS);
  g_assert_cmpstr (azure, ==, "Netherlands, Ireland");
  /* Google's three paragraphs */
  g_assert_cmpint (count (doc, "//tbody/tr[6]/td[4]/p"), ==, 3);

  /* nothing runs, nothing is fetched */
  g_assert_cmpint (count (doc, "//script"), ==, 0);
  g_assert_cmpint (count (doc, "//*[@src]"), ==, 0);
  g_assert_cmpint (count (doc, "//link"), ==, 0);
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_cmpint (count (doc, "//*[contains(@class, 'internal')]"), ==, 0);

  xmlFreeDoc (doc);
}

/* The page is also well-formed XML, so the strictest parser reads it. */
static void
test_well_formed (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autofree char *html = html_of (reg, "sv");
  xmlDocPtr doc = xmlReadMemory (html, (int) strlen (html), "list.html", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static void
test_swedish (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autofree char *html = html_of (reg, "sv");
  htmlDocPtr doc = parse (html);
  g_autofree char *header = text_of (doc, "//thead/tr/th[1]");
  g_autofree char *updated = text_of (doc, "//p[@class='updated']");
  g_autofree char *azure = text_of (doc, "//tbody/tr[2]/td[1]");
  g_autofree char *amazon = text_of (doc, "//tbody/tr[1]/td[4]");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"sv\">"));
  g_assert_cmpstr (header, ==, "Databehandlare");
  g_assert_cmpstr (updated, ==, "Senast uppdaterad 11 juni 2022");
  /* Swedish letters, from the register and from the translation */
  g_assert_cmpstr (azure, ==, "Nederländerna, Irland");
  g_assert_nonnull (strstr (amazon, "säkerhetskopiering av vår Software"));
  xmlFreeDoc (doc);
}

static void
test_escaped (void)
{
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocProcessor) processor = subproc_processor_new ("Evil & Co <b>");
  g_autofree char *html = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *name = NULL;
  htmlDocPtr doc;

  subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION,
                              "<script>alert(\"x\")</script> and 'quotes'");
  subproc_register_append (reg, processor);
  subproc_register_set_organisation (reg, "\"><script>alert(1)</script>");
  html = html_of (reg, "en");
  doc = parse (html);
  cell = text_of (doc, "//tbody/tr[1]/td[4]");
  name = text_of (doc, "//tbody/tr[1]/th");

  g_assert_cmpint (count (doc, "//script"), ==, 0);
  g_assert_cmpint (count (doc, "//b"), ==, 0);
  g_assert_cmpstr (cell, ==, "<script>alert(\"x\")</script> and 'quotes'");
  g_assert_cmpstr (name, ==, "Evil & Co <b>");
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  /* no “updated” line without a date */
  g_assert_cmpint (count (doc, "//p[@class='updated']"), ==, 0);
  xmlFreeDoc (doc);
}

static void
test_full_internal (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = subproc_report_new (reg);
  g_autofree char *html = NULL;
  htmlDocPtr doc;

  subproc_report_set_language (report, "en");
  subproc_report_set_column_set (report, SUBPROC_COLUMNS_FULL);
  html = subproc_html_from_report (report, NULL);
  doc = parse (html);
  g_assert_cmpint (count (doc, "//p[@class='internal']"), ==, 1);
  /* eight columns of fields, then the transfer findings */
  g_assert_cmpint (count (doc, "//thead/tr/th"), ==, 9);
  g_assert_nonnull (strstr (html, ">Transfer findings</th>"));
  g_assert_nonnull (strstr (html, "No signed data processing agreement is recorded. [GDPR Art. 28(3)]"));
  xmlFreeDoc (doc);

  /* in the report's language, whatever the UI's */
  g_clear_pointer (&html, g_free);
  subproc_report_set_language (report, "sv");
  html = subproc_html_from_report (report, NULL);
  g_assert_nonnull (strstr (html, ">Fynd om överföringar</th>"));
  g_assert_nonnull (strstr (html, "Varning: Inget undertecknat personuppgiftsbiträdesavtal finns registrerat. [GDPR Art. 28(3)]"));
}

/* The published list leaves out the processors that have ended and marks
 * the planned ones; the full register holds every one. */
static void
test_statuses (void)
{
  g_autoptr(SubprocRegister) reg = load_seed ();
  g_autoptr(SubprocReport) report = subproc_report_new (reg);
  SubprocProcessor *ended = subproc_register_get_processor (reg, 0);
  SubprocProcessor *planned = subproc_register_get_processor (reg, 1);
  g_autofree char *public_html = NULL;
  g_autofree char *full_html = NULL;
  g_autofree char *planned_name = g_strdup_printf ("%s (planned)", subproc_processor_get_name (planned));
  htmlDocPtr doc;

  subproc_processor_set_enum (ended, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ENDED);
  subproc_processor_set_enum (planned, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_PLANNED);
  subproc_report_set_language (report, "en");

  public_html = subproc_html_from_report (report, NULL);
  doc = parse (public_html);
  g_assert_cmpint (count (doc, "//tbody/tr"), ==, SEED_ROWS - 1);
  xmlFreeDoc (doc);
  g_assert_null (strstr (public_html, subproc_processor_get_name (ended)));
  g_assert_nonnull (strstr (public_html, planned_name));
  /* a published list never shows findings */
  g_assert_null (strstr (public_html, "GDPR Art."));

  subproc_report_set_column_set (report, SUBPROC_COLUMNS_FULL);
  full_html = subproc_html_from_report (report, NULL);
  doc = parse (full_html);
  g_assert_cmpint (count (doc, "//tbody/tr"), ==, SEED_ROWS);
  xmlFreeDoc (doc);
  g_assert_null (strstr (full_html, planned_name));
}

static void
test_cli (void)
{
  const char *bin = g_getenv ("SUBPROC_BIN");
  g_autofree char *dir = g_dir_make_tmp ("subproc-html-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "list.html", NULL);
  g_autofree char *arg = g_strconcat ("--export=", out, NULL);
  const char *argv[] = { bin, arg, "--language=da", g_getenv ("SUBPROC_SEED"), NULL };
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (bin == NULL)
    {
      g_test_skip ("SUBPROC_BIN is not set");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_file_get_contents (out, &html, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<html lang=\"da\">"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">Databehandler</th>"));
  g_remove (out);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  subproc_test_bind_catalog ();
  subproc_language_init ();

  g_test_add_func ("/html/seed/structure", test_seed_structure);
  g_test_add_func ("/html/seed/well-formed", test_well_formed);
  g_test_add_func ("/html/swedish", test_swedish);
  g_test_add_func ("/html/escaped", test_escaped);
  g_test_add_func ("/html/full-internal", test_full_internal);
  g_test_add_func ("/html/statuses", test_statuses);
  g_test_add_func ("/html/cli", test_cli);

  return g_test_run ();
}

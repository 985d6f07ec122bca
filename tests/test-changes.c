/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-changes.h"
#include "subproc-history.h"
#include "subproc-language.h"
#include "subproc-storage.h"
#include "test-util.h"

/* What changed between two days, as a report and as the notice to
 * customers, in English, Swedish and Danish. */


static SubprocProcessor *
new_processor (const char *name,
               const char *function,
               const char *country)
{
  SubprocProcessor *processor = subproc_processor_new (name);
  const char *countries[] = { country, NULL };

  subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, function);
  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  return processor;
}

/* January: three processors; a review on 31 January; February: one added
 * (its name holding markup, which stays text), one ended, one moved, one
 * added and removed again. */
static SubprocRegister *
make_register (void)
{
  SubprocRegister *reg = subproc_register_new ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(SubprocProcessor) alpha = new_processor ("Alpha Hosting AB", "Hosting", "SE");
  g_autoptr(SubprocProcessor) beta = new_processor ("Beta Mail Ltd", "E-mail", "IE");
  g_autoptr(SubprocProcessor) gamma = new_processor ("Gamma Analytics Inc", "Analytics", "US");
  g_autoptr(SubprocProcessor) delta = new_processor ("Delta <b>Support</b> Oy", "Customer support", "FI");
  g_autoptr(SubprocProcessor) temp = new_processor ("Temporary Ltd", "Testing", "DE");
  g_autoptr(SubprocProcessor) values = NULL;
  SubprocProcessor *january[] = { alpha, beta, gamma };
  const char *moved[] = { "SE", "NO", NULL };
  guint position;

  subproc_history_set_author (history, "Karin Ek");
  subproc_test_set_time (history, "2026-01-05T09:00:00Z");
  subproc_history_set_details (history, "Sub-processors", "Exempel AB", "dpo@exempel.se");
  subproc_history_insert (history, 0, january, 3, "Import");
  subproc_test_set_time (history, "2026-01-31T16:00:00Z");
  subproc_history_review (history);

  subproc_test_set_time (history, "2026-02-10T10:00:00Z");
  subproc_history_insert (history, 3, &delta, 1, "Add");
  subproc_history_insert (history, 4, &temp, 1, "Add");
  values = subproc_processor_copy (beta);
  subproc_processor_set_enum (values, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ENDED);
  subproc_history_edit (history, beta, values);
  subproc_test_set_time (history, "2026-02-12T10:00:00Z");
  g_clear_object (&values);
  values = subproc_processor_copy (alpha);
  subproc_processor_set_list (values, SUBPROC_FIELD_COUNTRIES, moved);
  subproc_history_edit (history, alpha, values);
  position = 4;
  subproc_history_remove (history, &position, 1);
  subproc_test_set_time (history, "2026-03-20T10:00:00Z");
  subproc_history_set_notice_days (history, 14);
  return reg;
}

static void
test_between (void)
{
  g_autoptr(SubprocRegister) reg = make_register ();
  g_autoptr(GDateTime) since = subproc_test_time ("2026-01-31T16:00:00Z");
  g_autoptr(GDateTime) until = subproc_test_time ("2026-02-28T23:59:59Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocChanges) changes = subproc_changes_new (reg, since, until, &error);
  const SubprocDiffItem *item;

  g_assert_no_error (error);
  /* Temporary Ltd came and went within the period: no difference */
  g_assert_cmpuint (subproc_changes_get_n_items (changes), ==, 3);
  item = subproc_changes_get_item (changes, 0);
  g_assert_cmpint (item->kind, ==, SUBPROC_DIFF_CHANGED);
  g_assert_cmpstr (subproc_processor_get_name (item->after), ==, "Alpha Hosting AB");
  g_assert_cmpuint (item->fields->len, ==, 1);
  g_assert_cmpint (g_array_index (item->fields, SubprocField, 0), ==, SUBPROC_FIELD_COUNTRIES);
  g_assert_cmpint (g_date_time_get_day_of_month (item->when), ==, 12);
  item = subproc_changes_get_item (changes, 1);
  g_assert_cmpint (item->kind, ==, SUBPROC_DIFF_ENDED);
  g_assert_cmpstr (subproc_processor_get_name (item->before), ==, "Beta Mail Ltd");
  item = subproc_changes_get_item (changes, 2);
  g_assert_cmpint (item->kind, ==, SUBPROC_DIFF_ADDED);
  g_assert_null (item->before);

  /* from the start: everything is added, and the notice period is not yet set */
  {
    g_autoptr(GDateTime) start = subproc_test_time ("2025-12-31T23:59:59Z");
    g_autoptr(SubprocChanges) all = subproc_changes_new (reg, start, until, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (subproc_changes_get_n_items (all), ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpint (subproc_changes_get_item (all, i)->kind, ==, SUBPROC_DIFF_ADDED);
  }
}

typedef struct
{
  const char *language;
  const char *report[6];
  const char *notice[5];
} Expected;

static const Expected expected[] = {
  { "en",
    { "Changes to “Sub-processors”\n", "Period: 1 February 2026 – 28 February 2026\n", "\nAdded (1)\n",
      "\nEnded (1)\n", "    Countries: Sweden → Sweden, Norway\n", "Last approval: Karin Ek, 31 January 2026\n" },
    { "Subject: Changes to the sub-processors of Exempel AB\n",
      "- Delta <b>Support</b> Oy. Function: Customer support. Where data is processed: Finland. Takes effect on 17 March 2026.\n",
      "until 17 March 2026 by writing to dpo@exempel.se.",
      "- Beta Mail Ltd. Function: E-mail.\n", "Kind regards,\nExempel AB" } },
  { "sv",
    { "Ändringar i “Sub-processors”\n", "Period: 1 februari 2026 – 28 februari 2026\n", "\nTillagda (1)\n",
      "\nAvslutade (1)\n", "    Land: Sverige → Sverige, Norge\n", "Senaste godkännande: Karin Ek, 31 januari 2026\n" },
    { "Ämne: ", "- Delta <b>Support</b> Oy. ", "17 mars 2026", "- Beta Mail Ltd. ", "Exempel AB" } },
  { "da",
    { "Ændringer i “Sub-processors”\n", "Periode: 1. februar 2026 – 28. februar 2026\n", "\nTilføjede (1)\n",
      "\nOphørte (1)\n", "    Land: Sverige → Sverige, Norge\n", "Seneste godkendelse: Karin Ek, 31. januar 2026\n" },
    { "Emne: ", "- Delta <b>Support</b> Oy. ", "17. marts 2026", "- Beta Mail Ltd. ", "Exempel AB" } },
};

/* The report and the notice in three languages; names stay text in HTML. */
static void
test_report_and_notice (void)
{
  g_autoptr(SubprocRegister) reg = make_register ();
  g_autoptr(GDateTime) since = subproc_test_time ("2026-01-31T23:59:59Z");
  g_autoptr(GDateTime) until = subproc_test_time ("2026-02-28T23:59:59Z");
  g_autoptr(GDateTime) printed = subproc_test_time ("2026-03-01T08:00:00Z");
  g_autoptr(GDate) today = g_date_new_dmy (3, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocChanges) changes = subproc_changes_new (reg, since, until, &error);

  g_assert_no_error (error);
  for (guint l = 0; l < G_N_ELEMENTS (expected); l++)
    {
      g_autofree char *text = subproc_changes_to_text (changes, expected[l].language, printed);
      g_autofree char *notice = subproc_changes_notice_text (changes, expected[l].language, today);

      for (guint i = 0; i < G_N_ELEMENTS (expected[l].report); i++)
        if (strstr (text, expected[l].report[i]) == NULL)
          g_error ("%s: the report lacks “%s”:\n%s", expected[l].language, expected[l].report[i], text);
      for (guint i = 0; i < G_N_ELEMENTS (expected[l].notice); i++)
        if (strstr (notice, expected[l].notice[i]) == NULL)
          g_error ("%s: the notice lacks “%s”:\n%s", expected[l].language, expected[l].notice[i], notice);
    }

  /* HTML: the name is text, never markup */
  {
    g_autofree char *html = subproc_changes_to_html (changes, "en", printed);
    g_autofree char *notice = subproc_changes_notice_html (changes, "en", today);

    g_assert_nonnull (strstr (html, "<h3>Delta &lt;b&gt;Support&lt;/b&gt; Oy</h3>"));
    g_assert_null (strstr (html, "<b>Support"));
    g_assert_nonnull (strstr (html, "<html lang=\"en\">"));
    g_assert_nonnull (strstr (notice, "<li>Delta &lt;b&gt;Support&lt;/b&gt; Oy. Function: Customer support."));
  }
}

/* A PDF of the changes, its pages' footers with the fingerprint. */
static void
test_pdf (void)
{
  g_autoptr(SubprocRegister) reg = make_register ();
  g_autoptr(GDateTime) since = subproc_test_time ("2025-12-31T23:59:59Z");
  g_autoptr(GDateTime) printed = subproc_test_time ("2026-03-01T08:00:00Z");
  g_autofree char *dir = g_dir_make_tmp ("subproc-changes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "changes.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocChanges) changes = subproc_changes_new (reg, since, NULL, &error);
  g_autofree char *out = NULL;
  g_autofree char *fingerprint = subproc_log_fingerprint (reg);
  g_autofree char *footer = g_strdup_printf ("Fingerprint %s · Page 1 of 1", fingerprint);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status;

  g_assert_no_error (error);
  g_assert_true (subproc_changes_write_pdf (changes, "en", SUBPROC_PAPER_A4, printed, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (subproc_test_file_mode (path), ==, 0600);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Changes to “Sub-processors”"));
  g_assert_nonnull (strstr (out, "Added (4)"));
  g_assert_nonnull (strstr (out, "Delta <b>Support</b> Oy"));
  g_assert_nonnull (strstr (out, footer));
  subproc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  subproc_test_bind_catalog ();
  subproc_language_init ();

  g_test_add_func ("/changes/between", test_between);
  g_test_add_func ("/changes/report-and-notice", test_report_and_notice);
  g_test_add_func ("/changes/pdf", test_pdf);

  return g_test_run ();
}

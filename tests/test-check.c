/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Transfer checks: each case is a processor, the day it is checked on and
 * the findings it must give, by code, severity and country. */
#include "subproc-check.h"
#include "test-util.h"

#define TODAY "2026-12-02"

typedef struct
{
  const char               *name;
  const char               *countries;   /* comma-separated codes, or "" */
  const char               *mechanisms;  /* comma-separated words, or "" */
  const char               *dpa_signed;  /* NULL: none recorded */
  const char               *updated;
  const char               *review_due;
  const char               *want;        /* "severity:code:country ..." in order; "" for none */
  const char               *dpf_verified;
  SubprocSccModule          module;
} Case;

static const Case cases[] = {
  /* the issue's: exactly these errors */
  { "Privacy Shield in the USA", "US", "privacy-shield", "2024-01-01", TODAY, NULL, "error:struck-down:US" },
  { "India, adequacy claimed", "IN", "adequacy", "2024-01-01", TODAY, NULL, "error:no-adequacy:IN" },
  { "USA, nothing stated", "US", "", "2024-01-01", TODAY, NULL, "error:no-basis:US" },
  /* ...and none here */
  { "UK under adequacy", "GB", "adequacy", "2024-01-01", TODAY, NULL, "" },
  { "Brazil, nothing stated", "BR", "", "2024-01-01", TODAY, NULL, "" },
  { "USA under the DPF", "US", "dpf", "2024-01-01", TODAY, NULL, "", "2026-06-01" },
  { "Sweden, nothing stated", "SE", "", "2024-01-01", TODAY, NULL, "" },
  /* more errors */
  { "Safe Harbor in India", "IN", "safe-harbor", "2024-01-01", TODAY, NULL, "error:struck-down:IN" },
  { "DPF in India", "IN", "dpf", "2024-01-01", TODAY, NULL, "error:dpf-outside-us:IN" },
  { "India, not needed", "IN", "not-needed", "2024-01-01", TODAY, NULL, "error:no-basis:IN" },
  { "India under SCCs", "IN", "scc", "2024-01-01", TODAY, NULL, "", NULL, SUBPROC_SCC_MODULE_3 },
  /* several mechanisms: one valid one carries the transfer */
  { "SCCs and the DPF in the USA", "US", "scc,dpf", "2024-01-01", TODAY, NULL, "", "2026-01-15", SUBPROC_SCC_MODULE_2 },
  { "Privacy Shield beside SCCs", "US", "privacy-shield,scc", "2024-01-01", TODAY, NULL,
    "info:struck-down-listed:-", NULL, SUBPROC_SCC_MODULE_2 },
  { "Privacy Shield and Safe Harbor only", "US", "privacy-shield,safe-harbor", "2024-01-01", TODAY, NULL,
    "error:struck-down:US" },
  { "not needed, in India and Sweden", "IN,SE", "not-needed", "2024-01-01", TODAY, NULL, "error:no-basis:IN" },
  /* country by country: Ireland is fine, the USA is not */
  { "Ireland and the USA", "IE,US", "", "2024-01-01", TODAY, NULL, "error:no-basis:US" },
  /* warnings */
  { "Canada under adequacy", "CA", "adequacy", "2024-01-01", TODAY, NULL, "warning:adequacy-scope:CA" },
  { "USA under adequacy", "US", "adequacy", "2024-01-01", TODAY, NULL, "warning:adequacy-scope:US" },
  { "no countries", "", "", "2024-01-01", TODAY, NULL, "warning:no-countries:-" },
  { "no agreement", "SE", "", NULL, TODAY, NULL, "warning:no-dpa:-" },
  { "review overdue", "SE", "", "2024-01-01", TODAY, "2026-11-30", "warning:review-overdue:-" },
  { "review ahead", "SE", "", "2024-01-01", TODAY, "2026-12-03", "" },
  { "not updated for 13 months", "SE", "", "2024-01-01", "2025-11-01", NULL, "warning:stale:-" },
  { "updated 11 months ago", "SE", "", "2024-01-01", "2026-01-02", NULL, "" },
  { "USA under the DPF, never verified", "US", "dpf", "2024-01-01", TODAY, NULL, "warning:dpf-unverified:US" },
  { "USA under the DPF, verified 13 months ago", "US", "dpf", "2024-01-01", TODAY, NULL,
    "warning:dpf-unverified:US", "2025-11-01" },
  { "USA under the DPF, verified a year ago to the day", "US", "dpf", "2024-01-01", TODAY, NULL, "", "2025-12-02" },
  { "SCCs without module", "IN", "scc", "2024-01-01", TODAY, NULL, "info:scc-no-module:-" },
  /* info, and errors before it */
  { "SCCs inside the EEA", "SE,DK", "scc", "2024-01-01", TODAY, NULL, "info:mechanism-not-needed:-" },
  { "several at once", "US", "", NULL, TODAY, NULL, "error:no-basis:US warning:no-dpa:-" },
};

static SubprocProcessor *
make_processor (const Case *c)
{
  SubprocProcessor *processor = subproc_processor_new (c->name);
  g_auto(GStrv) countries = g_strsplit (c->countries, ",", -1);
  g_auto(GStrv) mechanisms = g_strsplit (c->mechanisms, ",", -1);

  if (*c->countries != '\0')
    subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, (const char * const *) countries);
  subproc_processor_set_list (processor, SUBPROC_FIELD_TRANSFER_MECHANISM, (const char * const *) mechanisms);
  subproc_processor_set_text (processor, SUBPROC_FIELD_DPF_VERIFIED, c->dpf_verified);
  subproc_processor_set_enum (processor, SUBPROC_FIELD_SCC_MODULE, c->module);
  subproc_processor_set_text (processor, SUBPROC_FIELD_DPA_SIGNED, c->dpa_signed);
  subproc_processor_set_text (processor, SUBPROC_FIELD_UPDATED, c->updated);
  subproc_processor_set_text (processor, SUBPROC_FIELD_REVIEW_DUE, c->review_due);
  return processor;
}

static char *
describe (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      SubprocFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "%s%s:%s:%s", i > 0 ? " " : "", subproc_severity_to_string (finding->severity),
                              finding->code, finding->country != NULL ? finding->country : "-");
      /* every finding says what, and on what law */
      g_assert_true (finding->message != NULL && *finding->message != '\0');
      g_assert_true (finding->reference != NULL && *finding->reference != '\0');
    }
  return g_string_free (out, FALSE);
}

static void
test_cases (void)
{
  const SubprocCheckOptions options = { TODAY, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SubprocProcessor) processor = make_processor (&cases[i]);
      g_autoptr(GPtrArray) findings = subproc_check_processor (processor, NULL, &options);
      g_autofree char *got = describe (findings);

      g_test_message ("%s: %s", cases[i].name, got);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

/* What a finding says, and the fix it offers. */
static void
test_messages (void)
{
  const SubprocCheckOptions options = { TODAY, 12 };
  g_autoptr(SubprocProcessor) processor = make_processor (&cases[0]);
  g_autoptr(GPtrArray) findings = subproc_check_processor (processor, NULL, &options);
  SubprocFinding *finding = g_ptr_array_index (findings, 0);

  g_assert_cmpstr (finding->reference, ==, "CJEU C-311/18");
  g_assert_nonnull (strstr (finding->message, "Privacy Shield"));
  g_assert_nonnull (strstr (finding->message, "16 July 2020"));
  g_assert_nonnull (strstr (finding->message, "United States"));
  g_assert_nonnull (finding->fix);
  g_assert_nonnull (strstr (finding->fix, "Data Privacy Framework"));
}

/* A decision that ends within six months is said to; an ended processor
 * is not checked; a sub-processor of an ended one is. */
static void
test_dates_and_parents (void)
{
  const SubprocCheckOptions late = { "2031-07-01", 12 };
  const Case uk = { "UK", "GB", "adequacy", "2024-01-01", "2031-06-01", NULL, NULL };
  g_autoptr(SubprocProcessor) processor = make_processor (&uk);
  g_autoptr(GPtrArray) findings = subproc_check_processor (processor, NULL, &late);
  g_autofree char *got = describe (findings);
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocProcessor) parent = make_processor (&cases[3]);
  g_autoptr(SubprocProcessor) child = make_processor (&cases[3]);
  g_autoptr(GPtrArray) child_findings = NULL;
  g_autoptr(GPtrArray) parent_findings = NULL;
  const SubprocCheckOptions options = { TODAY, 12 };

  g_assert_cmpstr (got, ==, "warning:adequacy-expiring:GB");

  subproc_register_append (reg, parent);
  subproc_register_append (reg, child);
  subproc_processor_set_text (child, SUBPROC_FIELD_PARENT, subproc_processor_get_id (parent));
  subproc_processor_set_enum (parent, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ENDED);
  subproc_processor_set_list (parent, SUBPROC_FIELD_COUNTRIES, (const char * const[]) { "US", NULL });
  subproc_processor_set_mechanism (parent, SUBPROC_TRANSFER_UNSPECIFIED);
  parent_findings = subproc_check_processor (parent, reg, &options);
  g_assert_cmpuint (parent_findings->len, ==, 0);
  child_findings = subproc_check_processor (child, reg, &options);
  g_clear_pointer (&got, g_free);
  got = describe (child_findings);
  g_assert_cmpstr (got, ==, "warning:parent-ended:-");

  /* without a register named, the one holding the processor is asked */
  g_clear_pointer (&child_findings, g_ptr_array_unref);
  child_findings = subproc_check_processor (child, NULL, &options);
  g_clear_pointer (&got, g_free);
  got = describe (child_findings);
  g_assert_cmpstr (got, ==, "warning:parent-ended:-");
}

/* How long an entry may go without an update is the user's preference,
 * which options without a number of their own follow. */
static void
test_stale_months_preference (void)
{
  const Case thirteen = { "13 months", "SE", "", "2024-01-01", "2025-11-01", NULL, NULL };
  const SubprocCheckOptions options = { TODAY, 0 };
  const SubprocCheckOptions own = { TODAY, 6 };
  g_autoptr(SubprocProcessor) processor = make_processor (&thirteen);
  g_autoptr(GPtrArray) by_default = NULL;
  g_autoptr(GPtrArray) by_preference = NULL;
  g_autoptr(GPtrArray) by_options = NULL;

  g_assert_cmpuint (subproc_check_get_stale_months (), ==, 12);
  by_default = subproc_check_processor (processor, NULL, &options);
  g_assert_cmpuint (by_default->len, ==, 1);
  g_assert_nonnull (strstr (((SubprocFinding *) g_ptr_array_index (by_default, 0))->message, "12 months"));

  subproc_check_set_stale_months (24);
  by_preference = subproc_check_processor (processor, NULL, &options);
  g_assert_cmpuint (by_preference->len, ==, 0);
  by_options = subproc_check_processor (processor, NULL, &own);
  g_assert_cmpuint (by_options->len, ==, 1);
  g_assert_nonnull (strstr (((SubprocFinding *) g_ptr_array_index (by_options, 0))->message, "6 months"));

  subproc_check_set_stale_months (0);
  g_assert_cmpuint (subproc_check_get_stale_months (), ==, 12);
}

/* The example register has no errors. */
static void
test_example_has_no_errors (void)
{
  g_autoptr(SubprocRegister) reg = subproc_test_load_seed ();
  const SubprocCheckOptions options = { TODAY, 12 };

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (reg, i);
      g_autoptr(GPtrArray) findings = subproc_check_processor (processor, reg, &options);

      for (guint f = 0; f < findings->len; f++)
        {
          SubprocFinding *finding = g_ptr_array_index (findings, f);

          g_test_message ("%s: %s", subproc_processor_get_name (processor), finding->message);
          g_assert_cmpint (finding->severity, !=, SUBPROC_SEVERITY_ERROR);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/cases", test_cases);
  g_test_add_func ("/check/messages", test_messages);
  g_test_add_func ("/check/dates-and-parents", test_dates_and_parents);
  g_test_add_func ("/check/example-has-no-errors", test_example_has_no_errors);
  g_test_add_func ("/check/stale-months-preference", test_stale_months_preference);

  return g_test_run ();
}

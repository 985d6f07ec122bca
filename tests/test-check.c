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
  SubprocTransferMechanism  mechanism;
  const char               *dpa_signed;  /* NULL: none recorded */
  const char               *updated;
  const char               *review_due;
  const char               *want;        /* "severity:code:country ..." in order; "" for none */
} Case;

static const Case cases[] = {
  /* the issue's: exactly these errors */
  { "Privacy Shield in the USA", "US", SUBPROC_TRANSFER_PRIVACY_SHIELD, "2024-01-01", TODAY, NULL, "error:struck-down:US" },
  { "India, adequacy claimed", "IN", SUBPROC_TRANSFER_ADEQUACY, "2024-01-01", TODAY, NULL, "error:no-adequacy:IN" },
  { "USA, nothing stated", "US", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", TODAY, NULL, "error:no-basis:US" },
  /* ...and none here */
  { "UK under adequacy", "GB", SUBPROC_TRANSFER_ADEQUACY, "2024-01-01", TODAY, NULL, "" },
  { "Brazil, nothing stated", "BR", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", TODAY, NULL, "" },
  { "USA under the DPF", "US", SUBPROC_TRANSFER_DPF, "2024-01-01", TODAY, NULL, "" },
  { "Sweden, nothing stated", "SE", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", TODAY, NULL, "" },
  /* more errors */
  { "Safe Harbor in India", "IN", SUBPROC_TRANSFER_SAFE_HARBOR, "2024-01-01", TODAY, NULL, "error:struck-down:IN" },
  { "DPF in India", "IN", SUBPROC_TRANSFER_DPF, "2024-01-01", TODAY, NULL, "error:dpf-outside-us:IN" },
  { "India, not needed", "IN", SUBPROC_TRANSFER_NOT_NEEDED, "2024-01-01", TODAY, NULL, "error:no-basis:IN" },
  { "India under SCCs", "IN", SUBPROC_TRANSFER_SCC, "2024-01-01", TODAY, NULL, "" },
  /* country by country: Ireland is fine, the USA is not */
  { "Ireland and the USA", "IE,US", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", TODAY, NULL, "error:no-basis:US" },
  /* warnings */
  { "Canada under adequacy", "CA", SUBPROC_TRANSFER_ADEQUACY, "2024-01-01", TODAY, NULL, "warning:adequacy-scope:CA" },
  { "USA under adequacy", "US", SUBPROC_TRANSFER_ADEQUACY, "2024-01-01", TODAY, NULL, "warning:adequacy-scope:US" },
  { "no countries", "", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", TODAY, NULL, "warning:no-countries:-" },
  { "no agreement", "SE", SUBPROC_TRANSFER_UNSPECIFIED, NULL, TODAY, NULL, "warning:no-dpa:-" },
  { "review overdue", "SE", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", TODAY, "2026-11-30", "warning:review-overdue:-" },
  { "review ahead", "SE", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", TODAY, "2026-12-03", "" },
  { "not updated for 13 months", "SE", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", "2025-11-01", NULL, "warning:stale:-" },
  { "updated 11 months ago", "SE", SUBPROC_TRANSFER_UNSPECIFIED, "2024-01-01", "2026-01-02", NULL, "" },
  /* info, and errors before it */
  { "SCCs inside the EEA", "SE,DK", SUBPROC_TRANSFER_SCC, "2024-01-01", TODAY, NULL, "info:mechanism-not-needed:-" },
  { "several at once", "US", SUBPROC_TRANSFER_UNSPECIFIED, NULL, TODAY, NULL, "error:no-basis:US warning:no-dpa:-" },
};

static SubprocProcessor *
make_processor (const Case *c)
{
  SubprocProcessor *processor = subproc_processor_new (c->name);
  g_auto(GStrv) countries = g_strsplit (c->countries, ",", -1);

  if (*c->countries != '\0')
    subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, (const char * const *) countries);
  subproc_processor_set_enum (processor, SUBPROC_FIELD_TRANSFER_MECHANISM, c->mechanism);
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
  const Case uk = { "UK", "GB", SUBPROC_TRANSFER_ADEQUACY, "2024-01-01", "2031-06-01", NULL, NULL };
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
  subproc_processor_set_enum (parent, SUBPROC_FIELD_TRANSFER_MECHANISM, SUBPROC_TRANSFER_UNSPECIFIED);
  parent_findings = subproc_check_processor (parent, reg, &options);
  g_assert_cmpuint (parent_findings->len, ==, 0);
  child_findings = subproc_check_processor (child, reg, &options);
  g_clear_pointer (&got, g_free);
  got = describe (child_findings);
  g_assert_cmpstr (got, ==, "warning:parent-ended:-");
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

  return g_test_run ();
}

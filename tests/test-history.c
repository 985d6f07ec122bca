/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "subproc-history.h"
#include "subproc-input.h"
#include "test-util.h"
#include "subproc-storage.h"
#include "subproc-validate.h"

/* The register as its file would hold it: equal text, equal register. */
static char *
snapshot (SubprocRegister *reg)
{
  return subproc_storage_to_data (reg, NULL);
}

static SubprocRegister *
seed_register (void)
{
  SubprocRegister *reg = subproc_test_load_seed ();

  subproc_register_set_title (reg, "Sub-processors");
  return reg;
}

/* Undo must give back the text before the step, redo the text after it. */
static void
assert_round_trip (SubprocHistory *history,
                   const char     *before,
                   const char     *after)
{
  SubprocRegister *reg = subproc_history_get_register (history);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_again = NULL;

  g_assert_cmpstr (before, !=, after);
  g_assert_true (subproc_history_undo (history));
  undone = snapshot (reg);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (subproc_history_redo (history));
  redone = snapshot (reg);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (subproc_history_undo (history));
  undone_again = snapshot (reg);
  g_assert_cmpstr (undone_again, ==, before);
}

static void
test_add (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(SubprocProcessor) stripe = subproc_processor_new ("Stripe Payments Europe");
  g_autofree char *before = snapshot (reg);
  g_autofree char *after = NULL;

  g_assert_false (subproc_history_can_undo (history));
  subproc_history_insert (history, 13, &stripe, 1, "Add Processor");
  after = snapshot (reg);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 14);
  g_assert_true (subproc_history_can_undo (history));
  g_assert_cmpstr (subproc_history_get_undo_label (history), ==, "Add Processor");
  assert_round_trip (history, before, after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 13);
  g_assert_true (subproc_history_can_redo (history));
}

static void
test_edit (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  SubprocProcessor *google = subproc_register_get_processor (reg, 5);
  g_autoptr(SubprocProcessor) values = subproc_processor_copy (google);
  g_autofree char *before = snapshot (reg);
  g_autofree char *after = NULL;
  const char * const countries[] = { "IE", "US", NULL };

  subproc_processor_set_list (values, SUBPROC_FIELD_COUNTRIES, countries);
  subproc_processor_set_mechanism (values, SUBPROC_TRANSFER_DPF);
  subproc_processor_set_text (values, SUBPROC_FIELD_LEGAL_ENTITY, "Google Ireland Ltd");
  g_assert_true (subproc_history_edit (history, google, values));
  after = snapshot (reg);

  /* the same object, changed in place, so views keep their row */
  g_assert_true (subproc_register_get_processor (reg, 5) == google);
  g_assert_cmpstr (subproc_processor_get_text (google, SUBPROC_FIELD_LEGAL_ENTITY), ==, "Google Ireland Ltd");
  g_assert_cmpstr (subproc_history_get_undo_label (history), ==, "Edit “Google”");
  assert_round_trip (history, before, after);
  g_assert_null (subproc_processor_get_text (google, SUBPROC_FIELD_LEGAL_ENTITY));

  /* an edit that changes nothing is no step */
  g_clear_object (&values);
  values = subproc_processor_copy (google);
  subproc_history_clear (history);
  g_assert_false (subproc_history_edit (history, google, values));
  g_assert_false (subproc_history_can_undo (history));
}

static void
test_delete (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autofree char *before = snapshot (reg);
  g_autofree char *after = NULL;
  const guint position = 8;

  subproc_history_remove (history, &position, 1);
  after = snapshot (reg);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 12);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (reg, 8)), ==, "QuickPay");
  g_assert_cmpstr (subproc_history_get_undo_label (history), ==, "Delete 1 Processor");
  assert_round_trip (history, before, after);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (reg, 8)), ==, "ZenDesk");
}

static void
test_multi_delete (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autofree char *before = snapshot (reg);
  g_autofree char *after = NULL;
  /* not in order, not contiguous, first and last included */
  const guint positions[] = { 12, 0, 5, 6, 3 };

  subproc_history_remove (history, positions, G_N_ELEMENTS (positions));
  after = snapshot (reg);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 8);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (reg, 0)), ==, "Azure (Microsoft)");
  g_assert_cmpstr (subproc_history_get_undo_label (history), ==, "Delete 5 Processors");
  assert_round_trip (history, before, after);
}

static void
test_import (void)
{
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("SUBPROC_SEED"));
  g_autoptr(SubprocInput) input = subproc_input_read (file, NULL, NULL);
  GPtrArray *processors = input->processors;
  g_autofree char *before = snapshot (reg);
  g_autofree char *after = NULL;

  subproc_history_insert (history, 0, (SubprocProcessor **) processors->pdata, processors->len, "Import");
  after = snapshot (reg);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 13);
  assert_round_trip (history, before, after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 0);
}

static void
test_details (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autofree char *before = snapshot (reg);
  g_autofree char *after = NULL;

  g_assert_true (subproc_history_set_details (history, "Register 2026", "Acme AB", "dpo@acme.example"));
  after = snapshot (reg);
  g_assert_cmpstr (subproc_register_get_organisation (reg), ==, "Acme AB");
  assert_round_trip (history, before, after);
  g_assert_null (subproc_register_get_organisation (reg));
  /* the same values again are no step; empty is unset */
  g_assert_false (subproc_history_set_details (history, "Sub-processors", "", NULL));
}

static void
test_new_step_forgets_redo (void)
{
  g_autoptr(SubprocRegister) reg = seed_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(SubprocProcessor) a = subproc_processor_new ("A");
  const guint first = 0;

  subproc_history_remove (history, &first, 1);
  g_assert_true (subproc_history_undo (history));
  g_assert_true (subproc_history_can_redo (history));
  subproc_history_insert (history, 0, &a, 1, "Add Processor");
  g_assert_false (subproc_history_can_redo (history));
  g_assert_false (subproc_history_redo (history));
  g_assert_true (subproc_history_undo (history));
  g_assert_false (subproc_history_undo (history) && subproc_history_undo (history));
}

static void
test_touch (void)
{
  g_autoptr(SubprocProcessor) before = subproc_processor_new ("Acme");
  g_autoptr(SubprocProcessor) after = NULL;

  subproc_processor_set_text (before, SUBPROC_FIELD_UPDATED, "2020-01-01");

  /* nothing else changed: the date stays */
  after = subproc_processor_copy (before);
  subproc_processor_touch (after, before, "2026-11-29");
  g_assert_cmpstr (subproc_processor_get_text (after, SUBPROC_FIELD_UPDATED), ==, "2020-01-01");

  /* a change: today */
  subproc_processor_set_text (after, SUBPROC_FIELD_FUNCTION, "Hosting");
  subproc_processor_touch (after, before, "2026-11-29");
  g_assert_cmpstr (subproc_processor_get_text (after, SUBPROC_FIELD_UPDATED), ==, "2026-11-29");

  /* the user set the date: theirs stays */
  g_clear_object (&after);
  after = subproc_processor_copy (before);
  subproc_processor_set_text (after, SUBPROC_FIELD_FUNCTION, "Hosting");
  subproc_processor_set_text (after, SUBPROC_FIELD_UPDATED, "2025-05-05");
  subproc_processor_touch (after, before, "2026-11-29");
  g_assert_cmpstr (subproc_processor_get_text (after, SUBPROC_FIELD_UPDATED), ==, "2025-05-05");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_assign_notifies (void)
{
  g_autoptr(SubprocProcessor) processor = subproc_processor_new ("Acme");
  g_autoptr(SubprocProcessor) values = subproc_processor_copy (processor);
  g_autofree char *id = g_strdup (subproc_processor_get_id (processor));
  guint notified = 0;

  subproc_processor_set_text (values, SUBPROC_FIELD_ID, "00000000-0000-4000-8000-000000000000");
  subproc_processor_set_text (values, SUBPROC_FIELD_NOTES, "Checked");
  g_signal_connect_swapped (processor, "notify::notes", G_CALLBACK (count_cb), &notified);
  subproc_processor_assign (processor, values);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (subproc_processor_get_text (processor, SUBPROC_FIELD_NOTES), ==, "Checked");
  /* the id is the processor's own */
  g_assert_cmpstr (subproc_processor_get_id (processor), ==, id);
}

static void
test_validate_website (void)
{
  static const struct { const char *text; gboolean valid; } cases[] = {
    { NULL, TRUE }, { "", TRUE },
    { "https://stripe.com", TRUE }, { "http://example.org/privacy?x=1", TRUE },
    { "stripe.com", TRUE }, { "www.zendesk.com/company/privacy", TRUE },
    { "stripe", FALSE }, { "not a url", FALSE }, { "ftp://example.org", FALSE },
    { "https://", FALSE }, { "mailto:dpo@example.org", FALSE }, { ".com", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (subproc_validate_website (cases[i].text), ==, cases[i].valid);
    }
}

static void
test_validate_future (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (29, G_DATE_NOVEMBER, 2026);

  g_assert_true (subproc_validate_not_future (NULL, today));
  g_assert_true (subproc_validate_not_future ("2026-11-29", today));
  g_assert_true (subproc_validate_not_future ("2019-12-31", today));
  g_assert_false (subproc_validate_not_future ("2026-11-30", today));
}

/* The register is given when the history is made, and stays. */
static void
test_register_property (void)
{
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocHistory) history = g_object_new (SUBPROC_TYPE_HISTORY, "register", reg, NULL);
  g_autoptr(SubprocRegister) got = NULL;

  g_object_get (history, "register", &got, NULL);
  g_assert_true (got == reg);
  g_assert_true (subproc_history_get_register (history) == reg);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/add", test_add);
  g_test_add_func ("/history/register-property", test_register_property);
  g_test_add_func ("/history/edit", test_edit);
  g_test_add_func ("/history/delete", test_delete);
  g_test_add_func ("/history/multi-delete", test_multi_delete);
  g_test_add_func ("/history/import", test_import);
  g_test_add_func ("/history/details", test_details);
  g_test_add_func ("/history/new-step-forgets-redo", test_new_step_forgets_redo);
  g_test_add_func ("/history/touch", test_touch);
  g_test_add_func ("/history/assign-notifies", test_assign_notifies);
  g_test_add_func ("/validate/website", test_validate_website);
  g_test_add_func ("/validate/not-future", test_validate_future);

  return g_test_run ();
}

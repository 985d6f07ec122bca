/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Merging a vendor's new list into the register: matching, what changed,
 * what is no longer listed, and one undo step for all of it. */
#include "subproc-merge.h"
#include "subproc-storage.h"
#include "test-util.h"

#define TODAY "2026-12-02"

static void
test_normalize (void)
{
  static const struct { const char *name; const char *key; } cases[] = {
    { "Zendesk, Inc.", "zendesk" },
    { "ZENDESK INC", "zendesk" },
    { "  Zendesk  ", "zendesk" },
    { "Søstrene Grene A/S", "søstrene grene" },
    { "Elastx AB (publ)", "elastx" },
    { "Snowflake Computing Netherlands B.V.", "snowflake computing netherlands" },
    { "Hetzner Online GmbH", "hetzner online" },
    { "Mailgun Technologies, LLC", "mailgun technologies" },
    { "Fortnox Holding AB", "fortnox" },
    { "Amazon Web Services EMEA SARL", "amazon web services emea" },
    { "AB", "ab" },  /* a name that is only a form stays */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = subproc_merge_normalize_name (cases[i].name);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_domain (void)
{
  g_autofree char *a = subproc_merge_website_domain ("https://www.Stripe.com/privacy");
  g_autofree char *b = subproc_merge_website_domain ("stripe.com");
  g_autofree char *c = subproc_merge_website_domain ("http://eu.zendesk.com:443/x");

  g_assert_cmpstr (a, ==, "stripe.com");
  g_assert_cmpstr (b, ==, "stripe.com");
  g_assert_cmpstr (c, ==, "eu.zendesk.com");
  g_assert_null (subproc_merge_website_domain (""));
  g_assert_null (subproc_merge_website_domain (NULL));
}

static SubprocProcessor *
processor (const char *name,
           const char *source,
           const char *country)
{
  SubprocProcessor *self = subproc_processor_new (name);

  subproc_processor_set_text (self, SUBPROC_FIELD_SOURCE, source);
  if (country != NULL)
    subproc_processor_set_list (self, SUBPROC_FIELD_COUNTRIES, (const char * const[]) { country, NULL });
  return self;
}

static SubprocRegister *
vendor_register (void)
{
  SubprocRegister *reg = subproc_register_new ();
  g_autoptr(SubprocProcessor) zendesk = processor ("Zendesk, Inc.", "vendor", "US");
  g_autoptr(SubprocProcessor) mailgun = processor ("Mailgun", "vendor", "US");
  g_autoptr(SubprocProcessor) stripe = processor ("Stripe Payments Europe", "vendor", "IE");
  g_autoptr(SubprocProcessor) old = processor ("Old Co AB", "vendor", "SE");
  g_autoptr(SubprocProcessor) other = processor ("Zendesk", "another list", "US");

  subproc_processor_set_text (mailgun, SUBPROC_FIELD_LEGAL_ENTITY, "Mailgun Technologies, Inc.");
  subproc_processor_set_text (stripe, SUBPROC_FIELD_WEBSITE, "https://stripe.com");
  /* what the DPO keeps is never a list's to change */
  subproc_processor_set_text (zendesk, SUBPROC_FIELD_DPA_SIGNED, "2024-01-01");
  subproc_processor_set_text (zendesk, SUBPROC_FIELD_NOTES, "Reviewed by legal");
  subproc_register_append (reg, zendesk);
  subproc_register_append (reg, mailgun);
  subproc_register_append (reg, stripe);
  subproc_register_append (reg, old);
  subproc_register_append (reg, other);
  return reg;
}

static GPtrArray *
vendor_list (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  SubprocProcessor *zendesk = processor ("ZENDESK INC", NULL, NULL);
  SubprocProcessor *mailgun = processor ("Sinch Email", NULL, "US");
  SubprocProcessor *stripe = processor ("Stripe", NULL, "IE");
  SubprocProcessor *fresh = processor ("Elastx AB", NULL, "SE");

  /* the name matches; the countries changed, and the name's case */
  subproc_processor_set_list (zendesk, SUBPROC_FIELD_COUNTRIES, (const char * const[]) { "US", "IE", NULL });
  subproc_processor_set_list (zendesk, SUBPROC_FIELD_TRANSFER_MECHANISM, (const char * const[]) { "scc", "dpf", NULL });
  /* renamed: found by its legal entity */
  subproc_processor_set_text (mailgun, SUBPROC_FIELD_LEGAL_ENTITY, "Mailgun Technologies Inc");
  /* found by its website's domain; as it was */
  subproc_processor_set_text (stripe, SUBPROC_FIELD_WEBSITE, "www.stripe.com/privacy");
  g_ptr_array_add (list, zendesk);
  g_ptr_array_add (list, mailgun);
  g_ptr_array_add (list, stripe);
  g_ptr_array_add (list, fresh);
  return list;
}

static char *
fields_of (SubprocMergeItem *item)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < item->fields->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            subproc_field_get_key (g_array_index (item->fields, SubprocField, i)));
  return g_string_free (out, FALSE);
}

static void
test_compare (void)
{
  g_autoptr(SubprocRegister) reg = vendor_register ();
  g_autoptr(GPtrArray) list = vendor_list ();
  g_autoptr(GPtrArray) items = subproc_merge_compare (reg, list, "vendor");
  SubprocMergeItem *item;
  g_autofree char *zendesk_fields = NULL;
  g_autofree char *mailgun_fields = NULL;

  g_assert_cmpuint (items->len, ==, 5);

  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->kind, ==, SUBPROC_MERGE_CHANGED);
  g_assert_true (item->existing == subproc_register_get_processor (reg, 0));
  zendesk_fields = fields_of (item);
  g_assert_cmpstr (zendesk_fields, ==, "name,countries,transfer_mechanism");

  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->kind, ==, SUBPROC_MERGE_CHANGED);
  g_assert_true (item->existing == subproc_register_get_processor (reg, 1));
  mailgun_fields = fields_of (item);
  g_assert_cmpstr (mailgun_fields, ==, "name,legal_entity");

  item = g_ptr_array_index (items, 2);
  g_assert_true (item->existing == subproc_register_get_processor (reg, 2));
  /* a name the list writes shorter, a website written otherwise: both differ, as the list says them */
  g_assert_cmpint (item->kind, ==, SUBPROC_MERGE_CHANGED);

  item = g_ptr_array_index (items, 3);
  g_assert_cmpint (item->kind, ==, SUBPROC_MERGE_NEW);
  g_assert_null (item->existing);

  /* of the list's source only: the other list's Zendesk is not its business */
  item = g_ptr_array_index (items, 4);
  g_assert_cmpint (item->kind, ==, SUBPROC_MERGE_MISSING);
  g_assert_true (item->existing == subproc_register_get_processor (reg, 3));
}

static void
test_unchanged (void)
{
  g_autoptr(SubprocRegister) reg = vendor_register ();
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  SubprocProcessor *same = processor ("Zendesk, Inc.", NULL, "US");

  g_ptr_array_add (list, same);
  items = subproc_merge_compare (reg, list, "vendor");
  g_assert_cmpint (((SubprocMergeItem *) g_ptr_array_index (items, 0))->kind, ==, SUBPROC_MERGE_UNCHANGED);
}

static void
test_apply_and_undo (void)
{
  g_autoptr(SubprocRegister) reg = vendor_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(GPtrArray) list = vendor_list ();
  g_autoptr(GPtrArray) items = subproc_merge_compare (reg, list, "vendor");
  g_autofree char *before = subproc_storage_to_data (reg, NULL);
  g_autofree char *after_undo = NULL;
  g_autofree char *after_redo = NULL;
  g_autofree char *after = NULL;
  SubprocMergeCounts counts;
  SubprocProcessor *zendesk, *elastx, *old;

  counts = subproc_merge_apply (history, items, "vendor", TODAY, TRUE);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (counts.missing, ==, 1);
  g_assert_cmpuint (counts.ended, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 6);

  zendesk = subproc_register_get_processor (reg, 0);
  g_assert_cmpstr (subproc_processor_get_name (zendesk), ==, "ZENDESK INC");
  g_assert_cmpstr (subproc_processor_get_countries (zendesk)[1], ==, "IE");
  subproc_assert_mechanisms (zendesk, "scc,dpf");
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_DPA_SIGNED), ==, "2024-01-01");
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_NOTES), ==, "Reviewed by legal");
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_UPDATED), ==, TODAY);

  old = subproc_register_get_processor (reg, 3);
  g_assert_cmpint (subproc_processor_get_status (old), ==, SUBPROC_STATUS_ENDED);

  elastx = subproc_register_get_processor (reg, 5);
  g_assert_cmpstr (subproc_processor_get_name (elastx), ==, "Elastx AB");
  g_assert_cmpstr (subproc_processor_get_text (elastx, SUBPROC_FIELD_SOURCE), ==, "vendor");
  g_assert_cmpstr (subproc_processor_get_text (elastx, SUBPROC_FIELD_ADDED), ==, TODAY);
  /* a processor of its own */
  g_assert_cmpstr (subproc_processor_get_id (elastx), !=,
                   subproc_processor_get_id (g_ptr_array_index (list, 3)));

  /* one step takes it all back, and brings it again */
  after = subproc_storage_to_data (reg, NULL);
  g_assert_cmpuint (subproc_history_get_n_steps (history), ==, 1);
  g_assert_true (subproc_history_undo (history));
  after_undo = subproc_storage_to_data (reg, NULL);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_true (subproc_history_redo (history));
  after_redo = subproc_storage_to_data (reg, NULL);
  g_assert_cmpstr (after_redo, ==, after);
}

/* Without --end-missing nothing is ended; nothing is ever deleted. */
static void
test_keep_missing (void)
{
  g_autoptr(SubprocRegister) reg = vendor_register ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(GPtrArray) list = vendor_list ();
  g_autoptr(GPtrArray) items = subproc_merge_compare (reg, list, "vendor");
  SubprocMergeCounts counts = subproc_merge_apply (history, items, "vendor", TODAY, FALSE);

  g_assert_cmpuint (counts.missing, ==, 1);
  g_assert_cmpuint (counts.ended, ==, 0);
  g_assert_cmpint (subproc_processor_get_status (subproc_register_get_processor (reg, 3)), ==, SUBPROC_STATUS_ACTIVE);
}

/* The first merge into a register kept by hand: matched by name with all
 * of it; nothing is “no longer listed”; what merged is the list's now. */
static void
test_first_merge (void)
{
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(SubprocProcessor) zendesk = processor ("Zendesk", NULL, "US");
  g_autoptr(SubprocProcessor) kept = processor ("Our own printer", NULL, "SE");
  g_autoptr(GPtrArray) list = vendor_list ();
  g_autoptr(GPtrArray) items = NULL;
  SubprocMergeCounts counts;

  subproc_register_append (reg, zendesk);
  subproc_register_append (reg, kept);
  items = subproc_merge_compare (reg, list, "vendor");
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpint (((SubprocMergeItem *) g_ptr_array_index (items, 0))->kind, ==, SUBPROC_MERGE_CHANGED);
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpint (((SubprocMergeItem *) g_ptr_array_index (items, i))->kind, ==, SUBPROC_MERGE_NEW);

  counts = subproc_merge_apply (history, items, "vendor", TODAY, TRUE);
  g_assert_cmpuint (counts.missing, ==, 0);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_SOURCE), ==, "vendor");
  g_assert_null (subproc_processor_get_text (kept, SUBPROC_FIELD_SOURCE));
  g_assert_cmpint (subproc_processor_get_status (kept), ==, SUBPROC_STATUS_ACTIVE);
}

static void
test_source_for_file (void)
{
  g_autofree char *a = subproc_merge_source_for_file ("/home/dpo/Downloads/zendesk-subprocessors.html");
  g_autofree char *b = subproc_merge_source_for_file ("list");
  g_autofree char *c = subproc_merge_source_for_file (".hidden");

  g_assert_cmpstr (a, ==, "zendesk-subprocessors");
  g_assert_cmpstr (b, ==, "list");
  g_assert_cmpstr (c, ==, ".hidden");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/normalize-name", test_normalize);
  g_test_add_func ("/merge/website-domain", test_domain);
  g_test_add_func ("/merge/compare", test_compare);
  g_test_add_func ("/merge/unchanged", test_unchanged);
  g_test_add_func ("/merge/apply-and-undo", test_apply_and_undo);
  g_test_add_func ("/merge/keep-missing", test_keep_missing);
  g_test_add_func ("/merge/source-for-file", test_source_for_file);
  g_test_add_func ("/merge/first-merge", test_first_merge);

  return g_test_run ();
}

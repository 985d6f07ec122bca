/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "subproc-enums.h"
#include "test-util.h"
#include "subproc-processor.h"
#include "subproc-register.h"

/* What a register emitted, as the tests watch it. */
typedef struct
{
  GArray *ranges;    /* of guint triples: position, removed, added */
  guint   n_items_notifies;
  guint   changes;
} Watch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  guint range[3] = { position, removed, added };

  g_array_append_vals (watch->ranges, range, 3);
}

static void
n_items_cb (GObject    *object,
            GParamSpec *pspec,
            Watch      *watch)
{
  watch->n_items_notifies++;
}

static void
changed_cb (SubprocRegister *self,
            Watch           *watch)
{
  watch->changes++;
}

static void
watch_init (Watch           *watch,
            SubprocRegister *self)
{
  watch->ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  watch->n_items_notifies = 0;
  watch->changes = 0;
  g_signal_connect (self, "items-changed", G_CALLBACK (items_changed_cb), watch);
  g_signal_connect (self, "notify::n-items", G_CALLBACK (n_items_cb), watch);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), watch);
}

static void
watch_reset (Watch *watch)
{
  g_array_set_size (watch->ranges, 0);
  watch->n_items_notifies = 0;
  watch->changes = 0;
}

static void
watch_clear (Watch           *watch,
             SubprocRegister *self)
{
  g_signal_handlers_disconnect_by_data (self, watch);
  g_array_unref (watch->ranges);
}

/* The Nth range of items-changed the watch saw. */
static void
assert_range (Watch *watch,
              guint  n,
              guint  position,
              guint  removed,
              guint  added)
{
  g_assert_cmpuint (watch->ranges->len, >=, 3 * (n + 1));
  g_assert_cmpuint (g_array_index (watch->ranges, guint, 3 * n), ==, position);
  g_assert_cmpuint (g_array_index (watch->ranges, guint, 3 * n + 1), ==, removed);
  g_assert_cmpuint (g_array_index (watch->ranges, guint, 3 * n + 2), ==, added);
}

static void
assert_one_range (Watch *watch,
                  guint  position,
                  guint  removed,
                  guint  added)
{
  g_assert_cmpuint (watch->ranges->len, ==, 3);
  assert_range (watch, 0, position, removed, added);
}

static void
assert_names (SubprocRegister *self,
              const char      *expected)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SubprocProcessor) processor = g_list_model_get_item (G_LIST_MODEL (self), i);

      g_assert_true (processor == subproc_register_get_processor (self, i));
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "",
                              subproc_processor_get_name (processor));
    }
  g_assert_cmpstr (names->str, ==, expected);
}

/* A register holding processors named by the words of NAMES. */
static SubprocRegister *
register_with (const char *names)
{
  g_auto(GStrv) words = g_strsplit (names, " ", -1);
  SubprocRegister *self = subproc_register_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(SubprocProcessor) processor = subproc_processor_new (words[i]);

      subproc_register_append (self, processor);
    }
  return self;
}

static void
test_items_append (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b");
  g_autoptr(SubprocProcessor) c = subproc_processor_new ("c");
  Watch watch;

  watch_init (&watch, self);
  subproc_register_append (self, c);
  assert_one_range (&watch, 2, 0, 1);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_assert_cmpuint (watch.changes, ==, 1);
  assert_names (self, "a b c");
  g_assert_null (subproc_register_get_processor (self, 3));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (self), 3));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (self)) == SUBPROC_TYPE_PROCESSOR);
  watch_clear (&watch, self);
}

static void
test_items_insert (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b c");
  g_autoptr(SubprocProcessor) x = subproc_processor_new ("x");
  Watch watch;
  guint n_items = 0;

  watch_init (&watch, self);
  subproc_register_insert (self, 1, x);
  assert_one_range (&watch, 1, 0, 1);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_object_get (self, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 4);
  assert_names (self, "a x b c");
  watch_clear (&watch, self);
}

static void
test_items_remove (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b c d");
  Watch watch;

  watch_init (&watch, self);
  subproc_register_remove (self, 2);
  assert_one_range (&watch, 2, 1, 0);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_assert_cmpuint (watch.changes, ==, 1);
  assert_names (self, "a b d");

  watch_reset (&watch);
  subproc_register_remove (self, 0);
  assert_one_range (&watch, 0, 1, 0);
  assert_names (self, "b d");
  watch_clear (&watch, self);
}

static void
test_items_splice (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b c d e");
  g_autoptr(SubprocProcessor) x = subproc_processor_new ("x");
  g_autoptr(SubprocProcessor) y = subproc_processor_new ("y");
  g_autoptr(SubprocProcessor) z = subproc_processor_new ("z");
  SubprocProcessor *three[] = { x, y, z };
  Watch watch;

  watch_init (&watch, self);
  subproc_register_splice (self, 1, 2, three, 3);
  assert_one_range (&watch, 1, 2, 3);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_assert_cmpuint (watch.changes, ==, 1);
  assert_names (self, "a x y z d e");

  /* as many in as out: the count does not change, so no notify */
  watch_reset (&watch);
  subproc_register_splice (self, 1, 3, NULL, 0);
  subproc_register_splice (self, 1, 0, three, 3);
  g_assert_cmpuint (watch.ranges->len, ==, 6);
  g_assert_cmpuint (watch.n_items_notifies, ==, 2);
  watch_reset (&watch);
  {
    g_autoptr(SubprocProcessor) w = subproc_processor_new ("w");
    g_autoptr(SubprocProcessor) v = subproc_processor_new ("v");
    SubprocProcessor *two[] = { w, v };

    subproc_register_splice (self, 4, 2, two, 2);
  }
  assert_one_range (&watch, 4, 2, 2);
  g_assert_cmpuint (watch.n_items_notifies, ==, 0);
  assert_names (self, "a x y z w v");

  /* nothing to do emits nothing */
  watch_reset (&watch);
  subproc_register_splice (self, 2, 0, NULL, 0);
  g_assert_cmpuint (watch.ranges->len, ==, 0);
  g_assert_cmpuint (watch.changes, ==, 0);
  watch_clear (&watch, self);
}

static void
test_changed_processor (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b");
  SubprocProcessor *b = subproc_register_get_processor (self, 1);
  const char * const countries[] = { "SE", NULL };
  Watch watch;

  watch_init (&watch, self);
  subproc_processor_set_text (b, SUBPROC_FIELD_DESCRIPTION, "Hosting");
  g_assert_cmpuint (watch.changes, ==, 1);
  subproc_processor_set_text (b, SUBPROC_FIELD_DESCRIPTION, "Hosting");
  g_assert_cmpuint (watch.changes, ==, 1);
  subproc_processor_set_list (b, SUBPROC_FIELD_COUNTRIES, countries);
  g_assert_cmpuint (watch.changes, ==, 2);
  subproc_processor_set_list (b, SUBPROC_FIELD_COUNTRIES, countries);
  g_assert_cmpuint (watch.changes, ==, 2);
  subproc_processor_set_enum (b, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ENDED);
  g_assert_cmpuint (watch.changes, ==, 3);
  subproc_processor_set_enum (b, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ENDED);
  g_assert_cmpuint (watch.changes, ==, 3);
  g_object_set (b, "notes", "via property", NULL);
  g_assert_cmpuint (watch.changes, ==, 4);
  /* each change says the processor at 1 was replaced by itself, so that
   * the views' filters and sorters look at it again */
  g_assert_cmpuint (watch.ranges->len, ==, 4 * 3);
  for (guint i = 0; i < 4; i++)
    assert_range (&watch, i, 1, 1, 1);
  watch_clear (&watch, self);
}

/* Assigning many fields at once (an edit, an undo) is one change. */
static void
test_changed_assign (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b c");
  g_autoptr(SubprocProcessor) values = subproc_processor_copy (subproc_register_get_processor (self, 2));
  const char * const countries[] = { "SE", "DK", NULL };
  Watch watch;

  subproc_processor_set_text (values, SUBPROC_FIELD_NAME, "Zeta");
  subproc_processor_set_text (values, SUBPROC_FIELD_FUNCTION, "Hosting");
  subproc_processor_set_list (values, SUBPROC_FIELD_COUNTRIES, countries);
  watch_init (&watch, self);
  subproc_processor_assign (subproc_register_get_processor (self, 2), values);
  g_assert_cmpuint (watch.changes, ==, 1);
  g_assert_cmpuint (watch.ranges->len, ==, 3);
  assert_range (&watch, 0, 2, 1, 1);
  /* the same values again change nothing */
  subproc_processor_assign (subproc_register_get_processor (self, 2), values);
  g_assert_cmpuint (watch.changes, ==, 1);
  watch_clear (&watch, self);
}

static void
test_changed_removed_processor (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b");
  g_autoptr(SubprocProcessor) b = g_object_ref (subproc_register_get_processor (self, 1));
  Watch watch;

  subproc_register_remove (self, 1);
  watch_init (&watch, self);
  subproc_processor_set_text (b, SUBPROC_FIELD_NOTES, "gone");
  g_assert_cmpuint (watch.changes, ==, 0);
  watch_clear (&watch, self);
}

static void
check_metadata_changed (SubprocRegister *self,
                        const char      *property,
                        const char * (*get) (SubprocRegister *),
                        void (*set) (SubprocRegister *, const char *))
{
  Watch watch;

  watch_init (&watch, self);
  set (self, "Acme AB");
  g_assert_cmpstr (get (self), ==, "Acme AB");
  g_assert_cmpuint (watch.changes, ==, 1);
  set (self, "Acme AB");
  g_assert_cmpuint (watch.changes, ==, 1);
  set (self, "");
  g_assert_null (get (self));
  g_assert_cmpuint (watch.changes, ==, 2);
  set (self, NULL);
  g_assert_cmpuint (watch.changes, ==, 2);
  g_object_set (self, property, "Other", NULL);
  g_assert_cmpstr (get (self), ==, "Other");
  g_assert_cmpuint (watch.changes, ==, 3);
  watch_clear (&watch, self);
}

static void
test_changed_metadata (void)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();

  check_metadata_changed (self, "title", subproc_register_get_title, subproc_register_set_title);
  check_metadata_changed (self, "organisation", subproc_register_get_organisation,
                          subproc_register_set_organisation);
  check_metadata_changed (self, "dpo-contact", subproc_register_get_dpo_contact,
                          subproc_register_set_dpo_contact);
}

static void
title_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_metadata_notify (void)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();
  guint count = 0;

  g_signal_connect (self, "notify::title", G_CALLBACK (title_notify_cb), &count);
  subproc_register_set_title (self, "Register");
  subproc_register_set_title (self, "Register");
  g_assert_cmpuint (count, ==, 1);
  subproc_register_set_title (self, "");
  g_assert_cmpuint (count, ==, 2);
  subproc_register_set_title (self, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_find_by_id (void)
{
  g_autoptr(SubprocRegister) self = register_with ("a b c");
  SubprocProcessor *c = subproc_register_get_processor (self, 2);
  g_autofree char *id = g_strdup (subproc_processor_get_id (c));
  guint position = 99;

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_true (subproc_register_find_by_id (self, id, &position) == c);
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (subproc_register_find_by_id (self, id, NULL) == c);

  position = 99;
  g_assert_null (subproc_register_find_by_id (self, "no-such-id", &position));
  g_assert_cmpuint (position, ==, 99);

  subproc_register_remove (self, 0);
  g_assert_true (subproc_register_find_by_id (self, id, &position) == c);
  g_assert_cmpuint (position, ==, 1);
}

static void
test_two_registers (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SubprocRegister) one = register_with ("a");
      g_autoptr(SubprocRegister) two = subproc_register_new ();

      subproc_register_append (two, subproc_register_get_processor (one, 0));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*_subproc_processor_get_owner*");
}

static void
test_move_between_registers (void)
{
  g_autoptr(SubprocRegister) one = register_with ("a b");
  g_autoptr(SubprocRegister) two = subproc_register_new ();
  g_autoptr(SubprocProcessor) a = g_object_ref (subproc_register_get_processor (one, 0));
  Watch watch_one, watch_two;

  subproc_register_remove (one, 0);
  subproc_register_append (two, a);
  assert_names (one, "b");
  assert_names (two, "a");

  /* changes reach the register that holds it now, and only that one */
  watch_init (&watch_one, one);
  watch_init (&watch_two, two);
  subproc_processor_set_text (a, SUBPROC_FIELD_NOTES, "moved");
  g_assert_cmpuint (watch_one.changes, ==, 0);
  g_assert_cmpuint (watch_two.changes, ==, 1);
  watch_clear (&watch_one, one);
  watch_clear (&watch_two, two);
}

static void
test_processor_dispose_with_register (void)
{
  g_autoptr(SubprocProcessor) a = subproc_processor_new ("a");
  SubprocRegister *self = subproc_register_new ();
  g_autoptr(SubprocRegister) other = subproc_register_new ();

  subproc_register_append (self, a);
  g_object_unref (self);
  /* the register is gone: its processor is free to join another */
  subproc_register_append (other, a);
  subproc_processor_set_text (a, SUBPROC_FIELD_NOTES, "still here");
  assert_names (other, "a");
}

static SubprocProcessor *
full_processor (void)
{
  const char * const countries[] = { "NL", "IE", NULL };
  const char * const categories[] = { "Names", "E-mail addresses", NULL };
  SubprocProcessor *processor = subproc_processor_new ("Azure");

  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  subproc_processor_set_list (processor, SUBPROC_FIELD_DATA_CATEGORIES, categories);
  subproc_processor_set_text (processor, SUBPROC_FIELD_ADDED, "2019-12-31");
  subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION, "Hosting");
  subproc_processor_set_mechanism (processor, SUBPROC_TRANSFER_SCC);
  subproc_processor_set_enum (processor, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_PLANNED);
  return processor;
}

static void
test_processor_copy_equal (void)
{
  g_autoptr(SubprocProcessor) a = full_processor ();
  g_autoptr(SubprocProcessor) b = subproc_processor_copy (a);
  g_autoptr(SubprocProcessor) other = full_processor ();
  const char * const countries[] = { "IE", "NL", NULL };

  g_assert_true (a != b);
  g_assert_cmpstr (subproc_processor_get_id (a), ==, subproc_processor_get_id (b));
  g_assert_true (subproc_processor_equal (a, b));
  g_assert_true (subproc_processor_equal (b, a));
  /* a new processor has a new id */
  g_assert_cmpstr (subproc_processor_get_id (a), !=, subproc_processor_get_id (other));
  g_assert_false (subproc_processor_equal (a, other));

  subproc_processor_set_list (b, SUBPROC_FIELD_COUNTRIES, countries);
  g_assert_false (subproc_processor_equal (a, b));
  g_clear_object (&b);

  b = subproc_processor_copy (a);
  subproc_processor_set_enum (b, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ACTIVE);
  g_assert_false (subproc_processor_equal (a, b));
  g_clear_object (&b);

  b = subproc_processor_copy (a);
  subproc_processor_set_text (b, SUBPROC_FIELD_ADDED, "2019-12-30");
  g_assert_false (subproc_processor_equal (a, b));

  /* the copy is independent */
  subproc_processor_set_text (a, SUBPROC_FIELD_NAME, "Changed");
  g_assert_cmpstr (subproc_processor_get_name (b), ==, "Azure");
}

static void
test_processor_copy_extra (void)
{
  g_autoptr(SubprocProcessor) a = subproc_processor_new ("a");
  g_autoptr(SubprocProcessor) b = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_string_member (extra, "future", "kept");
  subproc_processor_set_extra (a, extra);
  b = subproc_processor_copy (a);
  g_assert_nonnull (subproc_processor_get_extra (b));
  g_assert_cmpstr (json_object_get_string_member (subproc_processor_get_extra (b), "future"),
                   ==, "kept");

  /* unknown members are not compared, and the copy keeps its own */
  subproc_processor_set_extra (a, NULL);
  g_assert_true (subproc_processor_equal (a, b));
  g_assert_cmpstr (json_object_get_string_member (subproc_processor_get_extra (b), "future"),
                   ==, "kept");
}

static void
test_processor_empty_is_unset (void)
{
  g_autoptr(SubprocProcessor) a = subproc_processor_new ("a");
  g_autoptr(SubprocProcessor) b = subproc_processor_copy (a);
  g_autofree char *via_property = NULL;

  subproc_processor_set_text (a, SUBPROC_FIELD_LEGAL_ENTITY, "");
  g_assert_null (subproc_processor_get_text (a, SUBPROC_FIELD_LEGAL_ENTITY));
  g_assert_true (subproc_processor_equal (a, b));

  subproc_processor_set_text (a, SUBPROC_FIELD_LEGAL_ENTITY, "Acme Ltd");
  g_assert_false (subproc_processor_equal (a, b));
  subproc_processor_set_text (a, SUBPROC_FIELD_LEGAL_ENTITY, "");
  g_assert_true (subproc_processor_equal (a, b));

  g_object_set (a, "legal-entity", "", NULL);
  g_object_get (a, "legal-entity", &via_property, NULL);
  g_assert_null (via_property);
}

static void
test_processor_list_blanks (void)
{
  g_autoptr(SubprocProcessor) a = subproc_processor_new ("a");
  g_autoptr(SubprocProcessor) b = subproc_processor_copy (a);
  const char * const messy[] = { "  Names ", "", "   ", "Addresses", NULL };
  const char * const blanks[] = { "", " ", NULL };
  const char * const *list;

  subproc_processor_set_list (a, SUBPROC_FIELD_DATA_CATEGORIES, messy);
  list = subproc_processor_get_list (a, SUBPROC_FIELD_DATA_CATEGORIES);
  g_assert_cmpuint (g_strv_length ((char **) list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Names");
  g_assert_cmpstr (list[1], ==, "Addresses");

  subproc_processor_set_list (a, SUBPROC_FIELD_DATA_CATEGORIES, blanks);
  list = subproc_processor_get_list (a, SUBPROC_FIELD_DATA_CATEGORIES);
  g_assert_nonnull (list);
  g_assert_null (list[0]);
  g_assert_true (subproc_processor_equal (a, b));

  g_assert_nonnull (subproc_processor_get_countries (a));
  g_assert_null (subproc_processor_get_countries (a)[0]);
}

static void
test_processor_defaults (void)
{
  g_autoptr(SubprocProcessor) a = subproc_processor_new (NULL);

  g_assert_null (subproc_processor_get_name (a));
  g_assert_true (g_uuid_string_is_valid (subproc_processor_get_id (a)));
  g_assert_cmpint (subproc_processor_get_status (a), ==, SUBPROC_STATUS_ACTIVE);
  subproc_assert_mechanisms (a, "");
}

static void
check_nick (GType       type,
            int         value,
            const char *nick)
{
  int back = -1;

  g_assert_cmpstr (subproc_enum_to_nick (type, value), ==, nick);
  g_assert_true (subproc_enum_from_nick (type, nick, &back));
  g_assert_cmpint (back, ==, value);
}

static void
test_enum_nicks (void)
{
  static const char * const mechanisms[] = {
    "unspecified", "not-needed", "adequacy", "scc", "bcr", "dpf", "derogation",
    "privacy-shield", "safe-harbor", "other",
  };
  static const char * const statuses[] = { "active", "planned", "ended" };
  int value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (mechanisms); i++)
    check_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, SUBPROC_TRANSFER_UNSPECIFIED + i, mechanisms[i]);
  g_assert_cmpint (SUBPROC_TRANSFER_OTHER, ==, G_N_ELEMENTS (mechanisms) - 1);
  g_assert_null (subproc_enum_to_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, SUBPROC_TRANSFER_OTHER + 1));

  check_nick (SUBPROC_TYPE_STATUS, SUBPROC_STATUS_ACTIVE, statuses[0]);
  check_nick (SUBPROC_TYPE_STATUS, SUBPROC_STATUS_PLANNED, statuses[1]);
  check_nick (SUBPROC_TYPE_STATUS, SUBPROC_STATUS_ENDED, statuses[2]);

  g_assert_false (subproc_enum_from_nick (SUBPROC_TYPE_STATUS, "bogus", &value));
  g_assert_false (subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, "SCC", &value));
  g_assert_false (subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM,
                                          "SUBPROC_TRANSFER_SCC", &value));
  /* absent and empty mean the first value */
  g_assert_true (subproc_enum_from_nick (SUBPROC_TYPE_STATUS, "", &value));
  g_assert_cmpint (value, ==, SUBPROC_STATUS_ACTIVE);
  value = -1;
  g_assert_true (subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, NULL, &value));
  g_assert_cmpint (value, ==, SUBPROC_TRANSFER_UNSPECIFIED);
}

static void
test_field_keys (void)
{
  SubprocField field = SUBPROC_N_FIELDS;

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      g_assert_true (subproc_field_from_key (subproc_field_get_key (f), &field));
      g_assert_cmpint (field, ==, f);
    }
  g_assert_false (subproc_field_from_key ("legal-entity", &field));
  g_assert_cmpstr (subproc_field_get_key (SUBPROC_FIELD_REVIEW_DUE), ==, "review_due");
  g_assert_true (subproc_field_get_enum_type (SUBPROC_FIELD_STATUS) == SUBPROC_TYPE_STATUS);
  g_assert_true (subproc_field_get_enum_type (SUBPROC_FIELD_NAME) == G_TYPE_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/items-changed/append", test_items_append);
  g_test_add_func ("/register/items-changed/insert", test_items_insert);
  g_test_add_func ("/register/items-changed/remove", test_items_remove);
  g_test_add_func ("/register/items-changed/splice", test_items_splice);
  g_test_add_func ("/register/changed/processor", test_changed_processor);
  g_test_add_func ("/register/changed/assign", test_changed_assign);
  g_test_add_func ("/register/changed/removed-processor", test_changed_removed_processor);
  g_test_add_func ("/register/changed/metadata", test_changed_metadata);
  g_test_add_func ("/register/notify/title", test_metadata_notify);
  g_test_add_func ("/register/find-by-id", test_find_by_id);
  g_test_add_func ("/register/ownership/two-registers", test_two_registers);
  g_test_add_func ("/register/ownership/move", test_move_between_registers);
  g_test_add_func ("/register/ownership/register-freed", test_processor_dispose_with_register);
  g_test_add_func ("/processor/copy-equal", test_processor_copy_equal);
  g_test_add_func ("/processor/copy-extra", test_processor_copy_extra);
  g_test_add_func ("/processor/empty-is-unset", test_processor_empty_is_unset);
  g_test_add_func ("/processor/list-blanks", test_processor_list_blanks);
  g_test_add_func ("/processor/defaults", test_processor_defaults);
  g_test_add_func ("/enums/nicks", test_enum_nicks);
  g_test_add_func ("/fields/keys", test_field_keys);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <sys/wait.h>

#include "subproc-history.h"
#include "subproc-log.h"
#include "subproc-storage.h"
#include "test-util.h"

/* The change log: what is recorded, undo, the file, the chain, the
 * register as it stood on a day, the fingerprint. */


static SubprocChange *
last_change (SubprocRegister *reg,
             guint            back)
{
  SubprocLog *log = subproc_register_get_log (reg);
  guint n = subproc_log_get_n_changes (log);

  g_assert_cmpuint (n, >, back);
  return subproc_log_get_change (log, n - 1 - back);
}

static char *
value_text (JsonNode *node)
{
  return node != NULL ? subproc_log_canonical (node) : g_strdup ("(none)");
}

#define assert_change(change, kind_, field_, old_, new_) G_STMT_START { \
    g_autofree char *old_text_ = value_text (subproc_change_get_old (change)); \
    g_autofree char *new_text_ = value_text (subproc_change_get_new (change)); \
    g_assert_cmpint (subproc_change_get_kind (change), ==, (kind_)); \
    g_assert_cmpstr (subproc_change_get_field (change), ==, (field_)); \
    if ((old_) != NULL) g_assert_cmpstr (old_text_, ==, (old_)); \
    if ((new_) != NULL) g_assert_cmpstr (new_text_, ==, (new_)); \
  } G_STMT_END

static SubprocProcessor *
edited (SubprocProcessor *processor)
{
  return subproc_processor_copy (processor);
}

/* Adding, editing (a change a field), the details, deleting, reviewing:
 * each is recorded with who, when, why and the values. */
static void
test_recording (void)
{
  g_autoptr(SubprocRegister) reg = subproc_test_load_seed ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(SubprocProcessor) stripe = subproc_processor_new ("Stripe Payments Europe");
  g_autoptr(SubprocProcessor) values = NULL;
  const char *countries[] = { "IE", "US", NULL };
  SubprocLog *log = subproc_register_get_log (reg);
  SubprocChange *change;
  guint position = 0;

  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 0);
  subproc_history_set_author (history, "Karin Ek");
  subproc_test_set_time (history, "2026-03-01T09:30:00Z");
  subproc_history_insert (history, 2, &stripe, 1, "Add Processor");
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 1);
  change = last_change (reg, 0);
  assert_change (change, SUBPROC_CHANGE_ADD, NULL, "(none)", NULL);
  g_assert_cmpstr (subproc_change_get_author (change), ==, "Karin Ek");
  g_assert_cmpstr (subproc_change_get_processor_id (change), ==, subproc_processor_get_id (stripe));
  g_assert_cmpstr (subproc_change_get_processor_name (change), ==, "Stripe Payments Europe");
  g_assert_null (subproc_change_get_reason (change));
  g_assert_cmpint (g_date_time_get_hour (subproc_change_get_time (change)), ==, 9);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (subproc_change_get_new (change)));

  /* two fields of one edit: two changes, with the reason */
  values = edited (stripe);
  subproc_processor_set_list (values, SUBPROC_FIELD_COUNTRIES, countries);
  subproc_processor_set_text (values, SUBPROC_FIELD_FUNCTION, "Payments");
  subproc_history_set_reason (history, "New DPA, section 4");
  subproc_test_set_time (history, "2026-03-02T10:00:00Z");
  g_assert_true (subproc_history_edit (history, stripe, values));
  subproc_history_set_reason (history, NULL);
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 3);
  assert_change (last_change (reg, 1), SUBPROC_CHANGE_EDIT, "countries", "(none)", "[\"IE\",\"US\"]");
  assert_change (last_change (reg, 0), SUBPROC_CHANGE_EDIT, "function", "(none)", "\"Payments\"");
  g_assert_cmpstr (subproc_change_get_reason (last_change (reg, 0)), ==, "New DPA, section 4");

  /* the details, and the notice period */
  g_assert_true (subproc_history_set_details (history, "Our sub-processors", NULL, NULL));
  assert_change (last_change (reg, 0), SUBPROC_CHANGE_DETAILS, "title", "(none)", "\"Our sub-processors\"");
  g_assert_true (subproc_history_set_notice_days (history, 14));
  assert_change (last_change (reg, 0), SUBPROC_CHANGE_DETAILS, "notice_days", "(none)", "14");
  g_assert_cmpuint (subproc_register_get_notice_days (reg), ==, 14);

  /* deleting keeps the whole processor and where it was */
  g_assert_nonnull (subproc_register_find_by_id (reg, subproc_processor_get_id (stripe), &position));
  subproc_history_remove (history, &position, 1);
  change = last_change (reg, 0);
  assert_change (change, SUBPROC_CHANGE_DELETE, NULL, NULL, "(none)");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (subproc_change_get_old (change)), "function"),
                   ==, "Payments");

  /* a review is a change of its own */
  subproc_history_review (history);
  g_assert_cmpint (subproc_change_get_kind (last_change (reg, 0)), ==, SUBPROC_CHANGE_REVIEW);
  g_assert_true (subproc_log_get_last_review (log, NULL) == last_change (reg, 0));
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 7);
  g_assert_cmpint (subproc_log_get_first_broken (log), ==, -1);
}

/* Undo takes a step's changes out of the log, redo puts the same back. */
static void
test_undo (void)
{
  g_autoptr(SubprocRegister) reg = subproc_test_load_seed ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(SubprocProcessor) values = NULL;
  SubprocProcessor *first = subproc_register_get_processor (reg, 0);
  SubprocLog *log = subproc_register_get_log (reg);
  g_autofree char *hash = NULL;
  g_autofree char *with = NULL;
  g_autofree char *redone = NULL;
  guint positions[] = { 1, 3 };

  values = edited (first);
  subproc_processor_set_text (values, SUBPROC_FIELD_NOTES, "Checked");
  subproc_processor_set_text (values, SUBPROC_FIELD_WEBSITE, "https://example.com");
  g_assert_true (subproc_history_edit (history, first, values));
  subproc_history_remove (history, positions, 2);
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 4);
  hash = g_strdup (subproc_change_get_hash (last_change (reg, 0)));
  with = subproc_storage_to_data (reg, NULL);

  g_assert_true (subproc_history_undo (history));
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 2);
  g_assert_true (subproc_history_undo (history));
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 0);
  /* the file no longer mentions a log at all */
  {
    g_autofree char *text = subproc_storage_to_data (reg, NULL);
    g_assert_null (strstr (text, "\"changes\""));
  }

  g_assert_true (subproc_history_redo (history));
  g_assert_true (subproc_history_redo (history));
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 4);
  g_assert_cmpstr (subproc_change_get_hash (last_change (reg, 0)), ==, hash);
  redone = subproc_storage_to_data (reg, NULL);
  g_assert_cmpstr (redone, ==, with);

  /* a group (a merge) is one step however many changes it records */
  subproc_history_begin_group (history, "Merge List");
  subproc_history_set_reason (history, "Merged from vendor.html");
  subproc_history_remove (history, positions, 1);
  subproc_history_remove (history, positions, 1);
  subproc_history_end_group (history);
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 6);
  g_assert_cmpstr (subproc_change_get_reason (last_change (reg, 0)), ==, "Merged from vendor.html");
  g_assert_true (subproc_history_undo (history));
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 4);
}

/* A register with a past: four days of changes, and the file's text on
 * each day, to compare with the register rebuilt as of that day. */
typedef struct
{
  SubprocRegister *reg;
  char            *day_text[4];
} Past;

static void
past_clear (Past *past)
{
  g_clear_object (&past->reg);
  for (guint i = 0; i < G_N_ELEMENTS (past->day_text); i++)
    g_free (past->day_text[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Past, past_clear)

static void
make_past (Past *past)
{
  g_autoptr(SubprocHistory) history = NULL;
  g_autoptr(SubprocProcessor) values = NULL;
  g_autoptr(SubprocProcessor) added = subproc_processor_new ("Zeta Cloud AB");
  const char *se[] = { "SE", NULL };
  guint position;

  past->reg = subproc_test_load_seed ();
  history = subproc_history_new (past->reg);
  subproc_history_set_author (history, "Ola Nordmann");
  past->day_text[0] = subproc_storage_to_data (past->reg, NULL);

  subproc_test_set_time (history, "2026-01-10T08:00:00Z");
  values = edited (subproc_register_get_processor (past->reg, 0));
  subproc_processor_set_text (values, SUBPROC_FIELD_NAME, "Renamed Vendor");
  subproc_processor_set_list (values, SUBPROC_FIELD_COUNTRIES, se);
  subproc_history_edit (history, subproc_register_get_processor (past->reg, 0), values);
  subproc_history_set_details (history, "Register 2026", "Exempel AB", NULL);
  past->day_text[1] = subproc_storage_to_data (past->reg, NULL);

  subproc_test_set_time (history, "2026-02-20T16:45:00Z");
  subproc_history_insert (history, 1, &added, 1, "Add");
  position = 4;
  subproc_history_remove (history, &position, 1);
  subproc_history_review (history);
  past->day_text[2] = subproc_storage_to_data (past->reg, NULL);

  subproc_test_set_time (history, "2026-03-05T12:00:00Z");
  g_clear_object (&values);
  values = edited (added);
  subproc_processor_set_enum (values, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ENDED);
  subproc_history_edit (history, added, values);
  position = 0;
  subproc_history_remove (history, &position, 1);
  subproc_history_set_notice_days (history, 45);
  past->day_text[3] = subproc_storage_to_data (past->reg, NULL);
}

static void
assert_as_of (SubprocRegister *reg,
              const char      *iso,
              const char      *expected)
{
  g_autoptr(GDateTime) until = subproc_test_time (iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) then = subproc_log_register_as_of (reg, until, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = subproc_storage_to_data (then, NULL);
  g_assert_cmpstr (text, ==, expected);
}

/* The register as of a day is the register as it was then, byte for
 * byte in its file, log included; before the log began it is as it was
 * when the log began. The same after a save and a load. */
static void
test_as_of (void)
{
  g_auto(Past) past = { 0 };
  g_autoptr(SubprocRegister) loaded = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  make_past (&past);
  for (guint round = 0; round < 2; round++)
    {
      SubprocRegister *reg = round == 0 ? past.reg : loaded;

      assert_as_of (reg, "2025-12-31T23:59:59Z", past.day_text[0]);
      assert_as_of (reg, "2026-01-10T07:59:59Z", past.day_text[0]);
      assert_as_of (reg, "2026-01-10T08:00:00Z", past.day_text[1]);
      assert_as_of (reg, "2026-02-01T00:00:00Z", past.day_text[1]);
      assert_as_of (reg, "2026-02-20T23:59:59Z", past.day_text[2]);
      assert_as_of (reg, "2026-03-05T12:00:00Z", past.day_text[3]);
      assert_as_of (reg, "2027-01-01T00:00:00Z", past.day_text[3]);

      saved = subproc_storage_to_data (past.reg, NULL);
      loaded = subproc_storage_load_data (saved, strlen (saved), "register.json", NULL, &error);
      g_assert_no_error (error);
      g_clear_pointer (&saved, g_free);
    }

  /* what was approved, and when */
  {
    g_autoptr(GDateTime) march = subproc_test_time ("2026-03-01T00:00:00Z");
    g_autoptr(GDateTime) january = subproc_test_time ("2026-01-31T00:00:00Z");
    SubprocLog *log = subproc_register_get_log (loaded);
    SubprocChange *review = subproc_log_get_last_review (log, march);

    g_assert_nonnull (review);
    g_assert_cmpstr (subproc_change_get_author (review), ==, "Ola Nordmann");
    g_assert_null (subproc_log_get_last_review (log, january));
    g_assert_cmpuint (subproc_log_count_until (log, january), ==, 4);
    g_assert_cmpuint (subproc_log_count_until (log, NULL), ==, 10);
  }
}

static char *
build_path (const char *dir,
            const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static char *
run_verifier (const char *path,
              int        *status)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "verify-changes.py", NULL);
  const char *argv[] = { "python3", script, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
  return out;
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *found = strstr (text, old);

  g_assert_nonnull (found);
  return g_strdup_printf ("%.*s%s%s", (int) (found - text), text, new, found + strlen (old));
}

/* The file holds the log an entry a line, the chain verifies (here and by
 * a program written from docs/FORMAT.md alone), and a change made by hand
 * breaks it at that change without stopping the register from loading. */
static void
test_chain (void)
{
  g_auto(Past) past = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("subproc-log-XXXXXX", NULL);
  g_autofree char *path = build_path (dir, "register.json");
  g_autofree char *text = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *out = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *expected_line = NULL;
  g_autoptr(SubprocRegister) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  int status;

  make_past (&past);
  text = subproc_storage_to_data (past.reg, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  /* the log is the last member, one line a change */
  g_assert_nonnull (strstr (text, "\n  \"changes\": [\n    {\"at\":\"2026-01-10T08:00:00Z\",\"by\":\"Ola Nordmann\","));
  g_assert_true (g_str_has_suffix (text, "\"}\n  ]\n}\n"));

  out = run_verifier (path, &status);
  fingerprint = subproc_log_fingerprint (past.reg);
  expected_line = g_strdup_printf ("10 changes, chain whole\nfingerprint %s\n", fingerprint);
  g_assert_cmpstr (out, ==, expected_line);
  g_assert_cmpint (status, ==, 0);

  /* the third change's new value altered by hand */
  tampered = replace_once (text, "\"new\":\"Register 2026\"", "\"new\":\"Register 2025\"");
  loaded = subproc_storage_load_data (tampered, strlen (tampered), "register.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (subproc_log_get_first_broken (subproc_register_get_log (loaded)), ==, 2);
  problem = subproc_log_describe_problem (subproc_register_get_log (loaded));
  g_assert_nonnull (strstr (problem, "change 3 (2026-01-10 08:00 UTC)"));
  g_assert_true (g_file_set_contents (path, tampered, -1, NULL));
  g_clear_pointer (&out, g_free);
  out = run_verifier (path, &status);
  g_assert_true (g_str_has_prefix (out, "chain broken at change 3\n"));
  g_assert_cmpint (status, ==, 1);

  /* the log is written back as it was read: the break stays visible */
  {
    g_autofree char *again = subproc_storage_to_data (loaded, NULL);

    g_assert_cmpint (subproc_log_get_n_changes (subproc_register_get_log (loaded)), ==, 10);
    g_assert_nonnull (strstr (again, "\"new\":\"Register 2025\""));
  }

  subproc_test_remove_tree (dir);
}

/* A log that cannot be read does not stop the register from opening; it
 * says where it is wrong, and is written back unchanged. */
static void
test_damaged (void)
{
  static const char text[] =
    "{\n  \"format\": \"org.example.Subproc.register\",\n  \"version\": 2,\n"
    "  \"processors\": [{\"id\": \"a\", \"name\": \"Alpha\"}],\n"
    "  \"changes\": [\n    {\"at\":\"2026-01-10T08:00:00Z\",\"op\":\"edit\",\n    oops}\n  ]\n}\n";
  static const char unknown_op[] =
    "{\"format\": \"org.example.Subproc.register\", \"version\": 2, \"processors\": [],\n"
    " \"changes\": [{\"at\":\"2026-01-10T08:00:00Z\",\"op\":\"rename\"}]}";
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *problem = NULL;

  reg = subproc_storage_load_data (text, strlen (text), "damaged.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 1);
  g_assert_false (subproc_log_read (subproc_register_get_log (reg), &error));
  g_assert_nonnull (strstr (error->message, "“damaged.json”, change log from line 5"));
  g_clear_error (&error);
  problem = subproc_log_describe_problem (subproc_register_get_log (reg));
  g_assert_nonnull (strstr (problem, "damaged.json"));
  written = subproc_storage_to_data (reg, NULL);
  g_assert_nonnull (strstr (written, "    oops}\n  ]\n}\n"));

  g_clear_object (&reg);
  reg = subproc_storage_load_data (unknown_op, strlen (unknown_op), "new.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (subproc_log_read (subproc_register_get_log (reg), &error));
  g_assert_nonnull (strstr (error->message, "change 1: “op” must be"));
}

/* A log that is not the last member (written by hand or another program)
 * is found all the same, and the members after it are kept. */
static void
test_not_last (void)
{
  g_auto(Past) past = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *written = NULL;
  g_autoptr(SubprocRegister) loaded = NULL;
  g_autoptr(GError) error = NULL;
  char *end;

  make_past (&past);
  text = subproc_storage_to_data (past.reg, NULL);
  end = g_strrstr (text, "\n}\n");
  *end = '\0';
  moved = g_strconcat (text, ",\n  \"later\": [1, {\"x\": [2]}]\n}\n", NULL);

  loaded = subproc_storage_load_data (moved, strlen (moved), "moved.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subproc_log_get_n_changes (subproc_register_get_log (loaded)), ==, 10);
  g_assert_cmpint (subproc_log_get_first_broken (subproc_register_get_log (loaded)), ==, -1);
  g_assert_true (json_object_has_member (subproc_register_get_extra (loaded), "later"));
  written = subproc_storage_to_data (loaded, NULL);
  g_assert_nonnull (strstr (written, "\"later\""));

  /* after it, a member shaped as the log's end is, and one Subproc reads */
  g_clear_pointer (&moved, g_free);
  g_clear_pointer (&written, g_free);
  g_clear_object (&loaded);
  moved = g_strconcat (text, ",\n  \"later\": [\n    {\"a\":\"b\"}\n  ]\n}\n", NULL);
  loaded = subproc_storage_load_data (moved, strlen (moved), "moved.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subproc_log_get_n_changes (subproc_register_get_log (loaded)), ==, 10);
  written = subproc_storage_to_data (loaded, NULL);
  g_assert_nonnull (strstr (written, "\"later\": [{\"a\":\"b\"}]\n}\n"));

  g_clear_pointer (&moved, g_free);
  g_clear_object (&loaded);
  moved = g_strconcat (text, ",\n  \"title\": \"Late\",\n  \"x\": [\n    {\"a\":\"b\"}\n  ]\n}\n", NULL);
  loaded = subproc_storage_load_data (moved, strlen (moved), "moved.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (subproc_log_read (subproc_register_get_log (loaded), &error));
  g_assert_nonnull (strstr (error->message, "“title” is written after the change log"));
}

/* The fingerprint follows the content, not the log nor the file's layout. */
static void
test_fingerprint (void)
{
  g_auto(Past) past = { 0 };
  g_autoptr(SubprocRegister) plain = NULL;
  g_autoptr(SubprocHistory) history = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *plain_print = NULL;

  make_past (&past);
  before = subproc_log_fingerprint (past.reg);
  g_assert_cmpuint (strlen (before), ==, 16);
  /* the same content without a log */
  plain = subproc_register_new ();
  {
    g_autofree char *text = subproc_storage_to_data (past.reg, NULL);
    char *log = strstr (text, ",\n  \"changes\"");

    strcpy (log, "\n}\n");
    g_clear_object (&plain);
    plain = subproc_storage_load_data (text, strlen (text), "plain.json", NULL, NULL);
  }
  plain_print = subproc_log_fingerprint (plain);
  g_assert_cmpstr (plain_print, ==, before);

  history = subproc_history_new (past.reg);
  subproc_history_review (history);
  reviewed = subproc_log_fingerprint (past.reg);
  g_assert_cmpstr (reviewed, ==, before);
  subproc_history_set_details (history, "Another title", "Exempel AB", NULL);
  after = subproc_log_fingerprint (past.reg);
  g_assert_cmpstr (after, !=, before);
}

/* A change reverted is a new change that sets back what it changed. */
static void
test_revert (void)
{
  g_auto(Past) past = { 0 };
  g_autoptr(SubprocHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  SubprocLog *log;
  SubprocChange *rename, *added, *deleted, *title;
  g_autofree char *deleted_id = NULL;
  guint n;

  make_past (&past);
  log = subproc_register_get_log (past.reg);
  history = subproc_history_new (past.reg);
  rename = subproc_log_get_change (log, 0);   /* the name of the first processor */
  title = subproc_log_get_change (log, 2);    /* the title */
  added = subproc_log_get_change (log, 4);    /* Zeta Cloud AB */
  deleted = subproc_log_get_change (log, 8);  /* the first processor, deleted on day 3 */
  g_assert_cmpint (subproc_change_get_kind (deleted), ==, SUBPROC_CHANGE_DELETE);
  deleted_id = g_strdup (subproc_change_get_processor_id (deleted));

  /* the renamed processor was deleted since: nothing to revert */
  g_assert_false (subproc_history_revert (history, rename, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  /* put back where it was, then renamed back */
  n = subproc_log_get_n_changes (log);
  g_assert_true (subproc_history_revert (history, deleted, &error));
  g_assert_no_error (error);
  g_assert_true (subproc_register_get_processor (past.reg, 0) ==
                 subproc_register_find_by_id (past.reg, deleted_id, NULL));
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, n + 1);
  g_assert_cmpstr (subproc_change_get_reason (subproc_log_get_change (log, n)), ==,
                   "Reverts the change of 2026-03-05 12:00");
  g_assert_true (subproc_history_revert (history, rename, &error));
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (past.reg, 0)), !=, "Renamed Vendor");

  /* the title as it was before, and the added processor gone */
  g_assert_true (subproc_history_revert (history, title, &error));
  g_assert_null (subproc_register_get_title (past.reg));
  g_assert_true (subproc_history_revert (history, added, &error));
  g_assert_null (subproc_register_find_by_id (past.reg, subproc_change_get_processor_id (added), NULL));
  g_assert_no_error (error);

  /* a review is not a change of the register */
  g_assert_false (subproc_history_revert (history, subproc_log_get_change (log, 6), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpint (subproc_log_get_first_broken (log), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/log/recording", test_recording);
  g_test_add_func ("/log/undo", test_undo);
  g_test_add_func ("/log/as-of", test_as_of);
  g_test_add_func ("/log/chain", test_chain);
  g_test_add_func ("/log/damaged", test_damaged);
  g_test_add_func ("/log/not-last", test_not_last);
  g_test_add_func ("/log/fingerprint", test_fingerprint);
  g_test_add_func ("/log/revert", test_revert);

  return g_test_run ();
}

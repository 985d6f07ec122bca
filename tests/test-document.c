/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The open register without a display: opening, autosave, saves that
 * never overlap, conflicts, read-only registers, a file that failed to
 * load, Save As, reloading and importing. */
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "subproc-document.h"
#include "subproc-import.h"
#include "subproc-log.h"
#include "subproc-storage.h"
#include "test-util.h"

static char *tmp_dir;

static GFile *
tmp_file (const char *name)
{
  return g_file_new_build_filename (tmp_dir, name, NULL);
}

static void
write_text (GFile      *file,
            const char *text)
{
  g_assert_true (g_file_set_contents (g_file_peek_path (file), text, -1, NULL));
}

static char *
read_text (GFile *file)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &text, NULL, NULL));
  return text;
}

/* A register file holding processors named NAMES. */
static void
write_register (GFile              *file,
                const char * const *names)
{
  g_autoptr(SubprocRegister) reg = subproc_register_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(SubprocProcessor) processor = subproc_processor_new (names[i]);

      subproc_register_append (reg, processor);
    }
  g_assert_true (subproc_storage_save (reg, file, NULL, NULL, NULL));
}

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Waiter *) data)->result != NULL;
}

/* Runs the main loop until an async call finishes, and gives its result. */
static GAsyncResult *
wait_result (Waiter *waiter)
{
  g_assert_true (subproc_test_wait_for (has_result, waiter));
  return g_steal_pointer (&waiter->result);
}

static SubprocDocument *
open_document (GFile   *file,
               GError **error)
{
  Waiter waiter = { NULL };
  g_autoptr(GAsyncResult) result = NULL;

  subproc_document_open_async (file, NULL, got_result_cb, &waiter);
  result = wait_result (&waiter);
  return subproc_document_open_finish (result, error);
}

static gboolean
save_document (SubprocDocument  *document,
               GError          **error)
{
  Waiter waiter = { NULL };
  g_autoptr(GAsyncResult) result = NULL;

  subproc_document_save_async (document, NULL, got_result_cb, &waiter);
  result = wait_result (&waiter);
  return subproc_document_save_finish (document, result, error);
}

static void
add_processor (SubprocDocument *document,
               const char      *name)
{
  g_autoptr(SubprocProcessor) processor = subproc_processor_new (name);
  SubprocRegister *reg = subproc_document_get_register (document);

  subproc_history_insert (subproc_document_get_history (document),
                          g_list_model_get_n_items (G_LIST_MODEL (reg)), &processor, 1, "Add");
}

static guint
n_processors_in (GFile *file)
{
  g_autoptr(SubprocRegister) reg = subproc_storage_load (file, NULL, NULL, NULL);

  g_assert_nonnull (reg);
  return g_list_model_get_n_items (G_LIST_MODEL (reg));
}

static gboolean
is_clean (gpointer document)
{
  return !subproc_document_get_dirty (document) && !subproc_document_get_busy (document);
}

static void
remove_files (GFile *file)
{
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);

  g_unlink (g_file_peek_path (file));
  g_unlink (backup);
}

static void
test_new_untitled (void)
{
  g_autoptr(SubprocDocument) document = subproc_document_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = subproc_document_dup_subtitle (document);

  g_assert_true (subproc_document_get_untitled (document));
  g_assert_false (subproc_document_get_dirty (document));
  g_assert_false (subproc_document_can_save_in_place (document));
  g_assert_cmpstr (subproc_document_get_title (document), ==, "Subproc");
  g_assert_cmpstr (subtitle, ==, "Not saved");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_document_get_register (document))), ==, 0);

  /* an untitled register is saved only where the user says */
  add_processor (document, "Stripe");
  g_assert_true (subproc_document_get_dirty (document));
  g_assert_false (save_document (document, &error));
  g_assert_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_UNTITLED);
}

/* The user's register before its first save: nothing is written until
 * there is something to keep; then the autosave writes it, private. */
static void
test_open_missing_then_autosave (void)
{
  g_autoptr(GFile) file = tmp_file ("mine.json");
  g_autoptr(SubprocDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  document = open_document (file, &error);
  g_assert_no_error (error);
  g_assert_false (subproc_document_get_untitled (document));
  g_assert_true (g_file_equal (subproc_document_get_file (document), file));
  g_assert_false (g_file_query_exists (file, NULL));

  subproc_document_set_autosave_delay (document, 50);
  add_processor (document, "Stripe");
  add_processor (document, "Google");
  g_assert_true (subproc_document_get_dirty (document));
  /* the burst is one write, a moment after the last change */
  g_assert_false (subproc_document_get_busy (document));
  g_assert_true (subproc_test_wait_for (is_clean, document));
  g_assert_cmpuint (n_processors_in (file), ==, 2);
  g_assert_cmpint (g_stat (g_file_peek_path (file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  remove_files (file);
}

static guint n_dirty_notes;

static void
dirty_cb (void)
{
  n_dirty_notes++;
}

/* Changes made while a write runs are written by one more write after it,
 * never by a second one at the same time; the title says when all is on disk. */
static void
test_changes_during_a_write (void)
{
  g_autoptr(GFile) file = tmp_file ("busy.json");
  g_autoptr(SubprocDocument) document = NULL;
  Waiter first = { NULL }, second = { NULL };
  g_autoptr(GAsyncResult) result1 = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;

  write_register (file, (const char * const[]) { "A", NULL });
  document = open_document (file, NULL);
  subproc_document_set_autosave_delay (document, 0);
  g_signal_connect (document, "notify::dirty", G_CALLBACK (dirty_cb), NULL);
  n_dirty_notes = 0;

  add_processor (document, "B");
  subproc_document_save_async (document, NULL, got_result_cb, &first);
  g_assert_true (subproc_document_get_busy (document));
  add_processor (document, "C");
  subproc_document_save_async (document, NULL, got_result_cb, &second);

  result1 = wait_result (&first);
  g_assert_true (subproc_document_save_finish (document, result1, NULL));
  /* C came after the first write began: still to be written */
  g_assert_true (subproc_document_get_dirty (document));
  result2 = wait_result (&second);
  g_assert_true (subproc_document_save_finish (document, result2, NULL));
  g_assert_false (subproc_document_get_dirty (document));
  g_assert_false (subproc_document_get_busy (document));
  g_assert_cmpuint (n_processors_in (file), ==, 3);
  /* dirty once, clean once */
  g_assert_cmpuint (n_dirty_notes, ==, 2);

  remove_files (file);
}

static gboolean conflict_noticed;

static void
conflict_cb (SubprocDocument *document)
{
  conflict_noticed = subproc_document_get_conflict (document);
}

static gboolean
has_conflict (gpointer document)
{
  return subproc_document_get_conflict (document);
}

/* Another program changed the file: the autosave says so and writes
 * nothing; the user may write over it (theirs kept as the backup). */
static void
test_conflict (void)
{
  g_autoptr(GFile) file = tmp_file ("shared.json");
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(SubprocDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  write_register (file, (const char * const[]) { "Shared", NULL });
  document = open_document (file, NULL);
  subproc_document_set_autosave_delay (document, 20);
  g_signal_connect (document, "notify::conflict", G_CALLBACK (conflict_cb), NULL);
  conflict_noticed = FALSE;

  /* a second later, so that the file's time differs as well */
  subproc_test_wait_ms (1100);
  write_register (file, (const char * const[]) { "Shared", "Theirs", NULL });
  theirs = read_text (file);

  add_processor (document, "Mine");
  g_assert_true (subproc_test_wait_for (has_conflict, document));
  g_assert_true (conflict_noticed);
  g_assert_false (subproc_document_can_save_in_place (document));
  g_assert_true (subproc_document_get_dirty (document));
  after = read_text (file);
  g_assert_cmpstr (after, ==, theirs);

  /* a save asked for is refused too, until the user decides */
  g_assert_false (save_document (document, &error));
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT);
  g_clear_error (&error);
  add_processor (document, "Mine too");
  subproc_test_wait_ms (100);
  g_clear_pointer (&after, g_free);
  after = read_text (file);
  g_assert_cmpstr (after, ==, theirs);

  /* write over theirs: theirs is the backup */
  g_assert_true (subproc_document_save_over (document, &error));
  g_assert_no_error (error);
  g_assert_false (subproc_document_get_conflict (document));
  g_assert_false (subproc_document_get_dirty (document));
  g_assert_cmpuint (n_processors_in (file), ==, 3);
  g_assert_cmpuint (n_processors_in (backup), ==, 2);

  remove_files (file);
}

/* A file that failed to load is reported and never written. */
static void
test_failed_load_never_overwritten (void)
{
  g_autoptr(GFile) file = tmp_file ("broken.json");
  g_autoptr(SubprocDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *broken = "{\"format\": \"org.example.Subproc.register\", \"version\": 1, \"processors\": [";

  write_text (file, broken);
  document = open_document (file, &error);
  g_assert_null (document);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX);
  /* the message names the file and the line */
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_assert_nonnull (strstr (error->message, "line 1"));
  subproc_test_settle ();
  after = read_text (file);
  g_assert_cmpstr (after, ==, broken);

  g_unlink (g_file_peek_path (file));
}

/* A register of a newer version is read, never written; Save As writes
 * it elsewhere and makes that file its own. */
static void
test_read_only_then_save_as (void)
{
  g_autoptr(GFile) file = tmp_file ("newer.json");
  g_autoptr(GFile) copy = tmp_file ("copy.json");
  g_autoptr(SubprocDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *after = NULL;
  Waiter waiter = { NULL };
  const char *newer = "{\"format\": \"org.example.Subproc.register\", \"version\": 99, \"processors\": []}\n";

  write_text (file, newer);
  document = open_document (file, &error);
  g_assert_no_error (error);
  g_assert_true (subproc_document_get_read_only (document));
  g_assert_false (subproc_document_can_save_in_place (document));
  subtitle = subproc_document_dup_subtitle (document);
  g_assert_nonnull (strstr (subtitle, "read-only"));

  subproc_document_set_autosave_delay (document, 20);
  add_processor (document, "Stripe");
  g_assert_false (save_document (document, &error));
  g_assert_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_READ_ONLY);
  subproc_test_wait_ms (100);
  after = read_text (file);
  g_assert_cmpstr (after, ==, newer);

  subproc_document_save_as_async (document, copy, NULL, got_result_cb, &waiter);
  g_assert_true (subproc_document_get_busy (document));
  result = wait_result (&waiter);
  g_assert_true (subproc_document_save_as_finish (document, result, NULL));
  g_assert_false (subproc_document_get_read_only (document));
  g_assert_false (subproc_document_get_dirty (document));
  g_assert_true (g_file_equal (subproc_document_get_file (document), copy));
  g_assert_cmpuint (n_processors_in (copy), ==, 1);
  g_clear_pointer (&after, g_free);
  after = read_text (file);
  g_assert_cmpstr (after, ==, newer);

  g_unlink (g_file_peek_path (file));
  remove_files (copy);
}

static guint n_register_notes;

static void
register_cb (void)
{
  n_register_notes++;
}

/* Reloading drops the changes and the undo history, and says the
 * register is another. */
/* A register of version 1 opens, converted; the first save writes
 * version 2, and the version 1 file, as it was, is the backup. */
static void
test_older_version_converted (void)
{
  g_autoptr(GFile) file = tmp_file ("v1.json");
  g_autoptr(GFile) backup = tmp_file ("v1.json~");
  g_autoptr(SubprocDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;
  const char *v1 = "{\"format\": \"org.example.Subproc.register\", \"version\": 1,\n"
                   " \"processors\": [ { \"id\": \"g\", \"name\": \"Google\", \"countries\": [\"US\"],\n"
                   "                   \"transfer_mechanism\": \"dpf\" } ]}\n";

  write_text (file, v1);
  document = open_document (file, &error);
  g_assert_no_error (error);
  g_assert_true (subproc_document_get_older_version (document));
  g_assert_false (subproc_document_get_read_only (document));
  g_assert_false (subproc_document_get_dirty (document));

  add_processor (document, "Stripe");
  g_assert_true (save_document (document, &error));
  g_assert_no_error (error);
  g_assert_false (subproc_document_get_older_version (document));

  kept = read_text (backup);
  g_assert_cmpstr (kept, ==, v1);
  saved = read_text (file);
  g_assert_nonnull (strstr (saved, "\"version\" : 2,"));
  g_assert_nonnull (strstr (saved, "\"transfer_mechanism\" : [\n        \"dpf\"\n      ]"));
  g_assert_cmpuint (n_processors_in (file), ==, 2);

  remove_files (file);
}

static void
test_reload (void)
{
  g_autoptr(GFile) file = tmp_file ("reload.json");
  g_autoptr(SubprocDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { NULL };
  SubprocRegister *reg;

  write_register (file, (const char * const[]) { "A", "B", NULL });
  document = open_document (file, NULL);
  subproc_document_set_autosave_delay (document, 0);
  g_signal_connect (document, "notify::register", G_CALLBACK (register_cb), NULL);
  n_register_notes = 0;
  add_processor (document, "C");
  g_assert_true (subproc_history_can_undo (subproc_document_get_history (document)));

  subproc_document_reload_async (document, NULL, got_result_cb, &waiter);
  result = wait_result (&waiter);
  g_assert_true (subproc_document_reload_finish (document, result, NULL));
  reg = subproc_document_get_register (document);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 2);
  g_assert_cmpuint (n_register_notes, ==, 1);
  g_assert_false (subproc_document_get_dirty (document));
  g_assert_false (subproc_history_can_undo (subproc_document_get_history (document)));

  /* and saves to the same file again, without a conflict */
  add_processor (document, "D");
  g_assert_true (save_document (document, NULL));
  g_assert_cmpuint (n_processors_in (file), ==, 3);

  remove_files (file);
}

/* A list comes in as one undoable step, with its warnings; a register is
 * not a list. */
static void
test_import (void)
{
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("SUBPROC_SEED"));
  g_autoptr(GFile) other = tmp_file ("other.json");
  g_autoptr(SubprocDocument) document = subproc_document_new (NULL, NULL);
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warnings = NULL;
  Waiter waiter = { NULL }, waiter2 = { NULL };
  SubprocRegister *reg = subproc_document_get_register (document);
  SubprocHistory *history = subproc_document_get_history (document);

  add_processor (document, "Already here");
  subproc_document_import_async (document, seed, NULL, got_result_cb, &waiter);
  result = wait_result (&waiter);
  input = subproc_document_import_finish (document, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->processors->len, ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 14);
  warnings = subproc_input_describe_warnings (input);
  g_assert_nonnull (strstr (warnings, "“sub-processors.txt”, line 21, column 1:"));

  g_assert_cmpstr (subproc_history_get_undo_label (history), ==, "Import");
  g_assert_true (subproc_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 1);

  write_register (other, (const char * const[]) { "A", NULL });
  subproc_document_import_async (document, other, NULL, got_result_cb, &waiter2);
  result2 = wait_result (&waiter2);
  g_assert_null (subproc_document_import_finish (document, result2, &error));
  g_assert_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_NOT_A_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 1);

  remove_files (other);
}

static gboolean
has_log_problem (gpointer data)
{
  return subproc_document_get_log_problem (data) != NULL;
}

static gboolean
log_is_read (gpointer data)
{
  return subproc_log_is_read (subproc_register_get_log (subproc_document_get_register (data)));
}

/* Changes are recorded by the document's author, an import with the
 * list's name; the log is read in the background after opening: a broken
 * chain is said and the register works, an unreadable log makes it
 * read-only and is never written over. */
static void
test_change_log (void)
{
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("SUBPROC_SEED"));
  g_autoptr(GFile) file = tmp_file ("logged.json");
  g_autoptr(SubprocDocument) document = subproc_document_new (NULL, file);
  g_autoptr(SubprocDocument) again = NULL;
  g_autoptr(SubprocDocument) damaged = NULL;
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *after = NULL;
  Waiter waiter = { NULL };
  SubprocLog *log = subproc_register_get_log (subproc_document_get_register (document));
  SubprocChange *change;
  char *at;

  subproc_document_set_author (document, "Kari Nordmann");
  subproc_document_import_async (document, seed, NULL, got_result_cb, &waiter);
  result = wait_result (&waiter);
  input = subproc_document_import_finish (document, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 13);
  change = subproc_log_get_change (log, 0);
  g_assert_cmpstr (subproc_change_get_author (change), ==, "Kari Nordmann");
  g_assert_cmpstr (subproc_change_get_reason (change), ==, "Imported from sub-processors.txt");
  g_assert_true (subproc_document_save_now (document, &error));
  g_assert_no_error (error);

  /* the chain whole: no problem once read */
  again = open_document (file, &error);
  g_assert_no_error (error);
  g_assert_true (subproc_test_wait_for (log_is_read, again));
  g_assert_null (subproc_document_get_log_problem (again));
  g_clear_object (&again);

  /* a name changed by hand in the fifth change */
  text = read_text (file);
  at = strstr (text, "\n    {\"at\":");
  for (guint i = 0; i < 4; i++)
    at = strstr (at + 1, "\n    {\"at\":");
  at = strstr (at, "\"name\":\"") + strlen ("\"name\":\"");
  *at = 'X';
  write_text (file, text);
  again = open_document (file, &error);
  g_assert_no_error (error);
  g_assert_true (subproc_test_wait_for (has_log_problem, again));
  g_assert_nonnull (strstr (subproc_document_get_log_problem (again), "change 5 "));
  g_assert_false (subproc_document_get_read_only (again));

  /* a log that is not JSON */
  broken = g_strdup (text);
  at = strstr (broken, "\"op\":\"add\"");
  memcpy (at, "\"op\"=", 5);
  write_text (file, broken);
  damaged = open_document (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_document_get_register (damaged))), ==, 13);
  g_assert_true (subproc_test_wait_for (has_log_problem, damaged));
  g_assert_true (subproc_document_get_read_only (damaged));
  subtitle = subproc_document_dup_subtitle (damaged);
  g_assert_cmpstr (subtitle, ==, "logged.json (read-only: its change log cannot be read)");
  g_clear_pointer (&input, subproc_input_free);
  g_clear_object (&result);
  subproc_document_import_async (damaged, seed, NULL, got_result_cb, &waiter);
  result = wait_result (&waiter);
  g_assert_null (subproc_document_import_finish (damaged, result, &error));
  g_assert_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "The change log of this register cannot be read"));
  g_assert_true (subproc_document_save_now (damaged, NULL));
  after = read_text (file);
  g_assert_cmpstr (after, ==, broken);

  remove_files (file);
}

/* What the document says of itself, as a window's title shows it. */
static void
test_title_follows_register (void)
{
  g_autoptr(GFile) file = tmp_file ("titled.json");
  g_autoptr(SubprocDocument) document = subproc_document_new (NULL, file);
  g_autofree char *subtitle = subproc_document_dup_subtitle (document);

  g_assert_cmpstr (subtitle, ==, "titled.json");
  subproc_register_set_title (subproc_document_get_register (document), "Acme register");
  g_assert_cmpstr (subproc_document_get_title (document), ==, "Acme register");
  g_assert_true (subproc_document_get_dirty (document));
  subproc_document_discard_changes (document);
  g_assert_false (subproc_document_get_dirty (document));
}

static gboolean save_failed;

static void
save_failed_cb (SubprocDocument *document,
                const GError    *error)
{
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  save_failed = TRUE;
}

static gboolean
has_failed (gpointer unused)
{
  return save_failed;
}

/* An autosave that fails says so: nobody else waits for it. */
static void
test_autosave_failure_is_reported (void)
{
  g_autoptr(GFile) blocker = tmp_file ("not-a-folder");
  g_autoptr(GFile) file = g_file_get_child (blocker, "register.json");
  g_autoptr(SubprocDocument) document = subproc_document_new (NULL, file);

  write_text (blocker, "a file where a folder should be");
  subproc_document_set_autosave_delay (document, 20);
  g_signal_connect (document, "save-failed", G_CALLBACK (save_failed_cb), NULL);
  add_processor (document, "Stripe");
  g_assert_true (subproc_test_wait_for (has_failed, NULL));
  /* nothing is lost: the changes wait */
  g_assert_true (subproc_document_get_dirty (document));

  g_unlink (g_file_peek_path (blocker));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("subproc-document-XXXXXX", NULL);

  g_test_add_func ("/document/new-untitled", test_new_untitled);
  g_test_add_func ("/document/open-missing-then-autosave", test_open_missing_then_autosave);
  g_test_add_func ("/document/changes-during-a-write", test_changes_during_a_write);
  g_test_add_func ("/document/conflict", test_conflict);
  g_test_add_func ("/document/failed-load-never-overwritten", test_failed_load_never_overwritten);
  g_test_add_func ("/document/read-only-then-save-as", test_read_only_then_save_as);
  g_test_add_func ("/document/reload", test_reload);
  g_test_add_func ("/document/older-version-converted", test_older_version_converted);
  g_test_add_func ("/document/import", test_import);
  g_test_add_func ("/document/change-log", test_change_log);
  g_test_add_func ("/document/title", test_title_follows_register);
  g_test_add_func ("/document/autosave-failure", test_autosave_failure_is_reported);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}

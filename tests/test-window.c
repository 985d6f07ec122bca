/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "subproc-changes-window.h"
#include "subproc-history-window.h"
#include "subproc-log.h"
#include "subproc-print-window.h"
#include "subproc-report.h"
#include "subproc-storage.h"
#include "subproc-window-private.h"
#include "subproc-check.h"
#include "subproc-import-preview.h"
#include "subproc-import.h"
#include "test-util-ui.h"
#include "test-util.h"

static char *data_home;

static guint wanted_rows;

static gboolean
has_wanted_rows (gpointer model)
{
  return g_list_model_get_n_items (model) == wanted_rows;
}

/* Runs the main loop until the window shows COUNT rows, or fails. */
static void
wait_for_rows (SubprocWindow *window,
               guint          count)
{
  GListModel *model = subproc_window_get_visible_model (window);

  wanted_rows = count;
  subproc_test_wait_for (has_wanted_rows, model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count);
}

static void
search (SubprocWindow *window,
        const char    *text,
        guint          expected)
{
  gtk_editable_set_text (subproc_window_get_search_entry (window), text);
  wait_for_rows (window, expected);
}

static gboolean
file_exists (gpointer file)
{
  return g_file_query_exists (file, NULL);
}

static gboolean
preview_shown (gpointer window)
{
  return subproc_window_get_import_preview (window) != NULL;
}

/* A list opens its preview; Import takes it in. */
static void
confirm_import (SubprocWindow *window)
{
  GtkWindow *preview;

  g_assert_true (subproc_test_wait_for (preview_shown, window));
  preview = subproc_window_get_import_preview (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.import", NULL));
  subproc_test_settle ();
  g_assert_null (subproc_window_get_import_preview (window));
}

static SubprocWindow *
new_window (void)
{
  SubprocWindow *window = subproc_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static GFile *
default_file (void)
{
  return g_file_new_build_filename (data_home, "subproc", "register.json", NULL);
}

static void
remove_default_file (void)
{
  g_autoptr(GFile) file = default_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  g_unlink (path);
  g_unlink (backup);
}

static void
test_example (void)
{
  SubprocWindow *window = new_window ();
  g_autofree char *amazon = NULL;
  g_autofree char *azure = NULL;
  g_autofree char *google_basis = NULL;
  g_autofree char *google_updated = NULL;

  subproc_window_open_example (window);
  wait_for_rows (window, 13);
  g_assert_cmpstr (subproc_window_get_count_text (window), ==, "13 of 13 processors");
  g_assert_cmpstr (subproc_window_get_visible_page (window), ==, "table");
  /* an untitled copy: nothing to write it to */
  g_assert_null (subproc_window_get_file (window));

  /* sorted by name */
  azure = subproc_window_cell_text (window, 1, 2);
  amazon = subproc_window_cell_text (window, 0, 0);
  g_assert_cmpstr (amazon, ==, "Amazon");
  g_assert_cmpstr (azure, ==, "Netherlands, Ireland");
  google_basis = subproc_window_cell_text (window, 2, 5);
  google_updated = subproc_window_cell_text (window, 5, 5);
  /* the mechanism in words, as the reports say it */
  g_assert_cmpstr (google_basis, ==, "Standard Contractual Clauses (SCC)");
  g_assert_cmpstr (google_updated, ==, "3 Aug 2020");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  SubprocWindow *window = new_window ();

  subproc_window_open_example (window);
  wait_for_rows (window, 13);

  /* the location as the list wrote it */
  search (window, "Danmark", 6);
  g_assert_cmpstr (subproc_window_get_count_text (window), ==, "6 of 13 processors");
  search (window, "", 13);
  /* the country's name as the window shows it */
  search (window, "Denmark", 6);
  search (window, "netherlands", 1);
  search (window, "hosting ireland", 2);
  search (window, "no such processor anywhere", 0);
  g_assert_cmpstr (subproc_window_get_count_text (window), ==, "0 of 13 processors");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_autosave (void)
{
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("SUBPROC_SEED"));
  g_autoptr(GFile) file = default_file ();
  g_autoptr(SubprocRegister) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  SubprocWindow *window;
  struct stat st;

  remove_default_file ();
  window = new_window ();
  {
      g_autoptr(GFile) own = default_file ();

      subproc_window_open_user_register (window, own);
    }
  g_assert_true (subproc_test_wait_idle (window));
  g_assert_cmpstr (subproc_window_get_visible_page (window), ==, "empty");
  g_assert_true (g_file_equal (subproc_window_get_file (window), file));
  /* nothing is written before there is something to keep */
  g_assert_false (g_file_query_exists (file, NULL));

  subproc_window_open_files (window, &seed, 1);
  confirm_import (window);

  g_assert_true (subproc_test_wait_idle (window));
  wait_for_rows (window, 13);
  /* the autosave, a second after the change */
  g_assert_true (subproc_test_wait_for (file_exists, file));

  saved = subproc_storage_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (saved)), ==, 13);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_default_file ();
}

static void
test_broken_register_kept (void)
{
  g_autoptr(GFile) file = default_file ();
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("SUBPROC_SEED"));
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *after = NULL;
  const char *broken = "{\"format\": \"org.example.Subproc.register\", \"version\": 1,\n  \"processors\": [ {\"name\": ";
  SubprocWindow *window;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));

  window = new_window ();
  {
      g_autoptr(GFile) own = default_file ();

      subproc_window_open_user_register (window, own);
    }
  g_assert_true (subproc_test_wait_idle (window));
  /* shown as an untitled register, so the broken file is never written */
  g_assert_null (subproc_window_get_file (window));
  subproc_window_open_files (window, &seed, 1);
  confirm_import (window);
  g_assert_true (subproc_test_wait_idle (window));
  wait_for_rows (window, 13);
  subproc_test_wait_ms (1600);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_default_file ();
}

/* The user's own register, written by a newer Subproc with keys this one
 * does not know, opens at start and keeps them when saved. */
static void
test_unknown_keys_at_start (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", "unknown-keys.json", NULL);
  g_autoptr(GFile) file = default_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  SubprocWindow *window;

  g_assert_true (g_file_get_contents (input, &text, NULL, NULL));
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  window = new_window ();
  {
      g_autoptr(GFile) own = default_file ();

      subproc_window_open_user_register (window, own);
    }
  g_assert_true (subproc_test_wait_idle (window));
  wait_for_rows (window, 1);
  g_assert_true (g_file_equal (subproc_window_get_file (window), file));
  /* a change, so that the register is written back */
  subproc_register_set_title (subproc_window_get_register (window), "Changed here");
  g_assert_true (subproc_window_save_now (window, NULL));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "Changed here"));
  g_assert_nonnull (strstr (after, "\"future_top\" : 5"));
  g_assert_nonnull (strstr (after, "\"x_risk_score\" : 3"));
  g_assert_nonnull (strstr (after, "\"x_last\" : \"after the processors\""));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_default_file ();
}

/* The body of the message dialog the window shows, or NULL. Closes it. */
static char *
take_error_shown (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  char *body = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && body == NULL)
      {
        body = g_strdup (adw_message_dialog_get_body (l->data));
        gtk_window_destroy (l->data);
      }
  return body;
}

/* Files made to hurt, opened in the window: each is refused with a message
 * naming it, and the register shown stays as it was. */
static void
test_hostile_files (void)
{
  const char * const names[] = {
    "register/deep-nesting.json", "register/nul-escape.json", "register/duplicate-key.json",
    "register/parent-cycle.json", "import/many-columns.tsv",
  };
  SubprocWindow *window = new_window ();

  subproc_window_open_example (window);
  wait_for_rows (window, 13);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *error = NULL;

      subproc_window_open_files (window, &file, 1);

      g_assert_true (subproc_test_wait_idle (window));
      subproc_test_settle ();
      error = take_error_shown ();
      g_test_message ("%s: %s", names[i], error);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error, base));
      g_assert_nonnull (strstr (error, "line"));
      g_assert_cmpuint (g_list_model_get_n_items (subproc_window_get_visible_model (window)), ==, 13);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's cells read as the public report's: the mechanism first, the
 * basis as written when there is none; the place as written when no
 * country is known. */
static void
test_cells_as_in_report (void)
{
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(SubprocReport) report = NULL;
  g_autoptr(SubprocProcessor) global = subproc_processor_new ("Global Cloud");
  g_autoptr(SubprocProcessor) sccs = subproc_processor_new ("Mailer");
  g_autoptr(SubprocProcessor) unknown = subproc_processor_new ("Printer");
  const char * const us[] = { "US", NULL };
  SubprocWindow *window = new_window ();
  guint n;

  subproc_window_open_example (window);
  wait_for_rows (window, 13);
  reg = g_object_ref (subproc_window_get_register (window));
  subproc_processor_set_text (global, SUBPROC_FIELD_LOCATION, "Global");
  subproc_processor_set_list (sccs, SUBPROC_FIELD_COUNTRIES, us);
  subproc_processor_set_text (sccs, SUBPROC_FIELD_TRANSFER_BASIS, "EU SCCs");
  subproc_processor_set_mechanism (sccs, SUBPROC_TRANSFER_SCC);
  subproc_processor_set_text (unknown, SUBPROC_FIELD_TRANSFER_BASIS, "Se avtalet");
  subproc_register_append (reg, global);
  subproc_register_append (reg, sccs);
  subproc_register_append (reg, unknown);
  wait_for_rows (window, 16);
  report = subproc_report_new (reg);

  n = g_list_model_get_n_items (G_LIST_MODEL (reg));
  for (guint row = 0; row < n; row++)
    {
      g_autoptr(SubprocProcessor) shown = g_list_model_get_item (subproc_window_get_visible_model (window), row);
      guint position;

      g_assert_nonnull (subproc_register_find_by_id (reg, subproc_processor_get_id (shown), &position));
      for (guint column = 1; column <= 2; column++)
        {
          g_autofree char *in_window = subproc_window_cell_text (window, column, row);
          g_autofree char *in_report = subproc_report_get_cell_text (report, position, column);

          g_assert_cmpstr (in_window != NULL ? in_window : "", ==, in_report);
        }
    }

  /* and the cells are what a reader expects of these three */
  for (guint row = 0; row < n; row++)
    {
      g_autofree char *name = subproc_window_cell_text (window, 0, row);
      g_autofree char *countries = subproc_window_cell_text (window, 1, row);
      g_autofree char *basis = subproc_window_cell_text (window, 2, row);

      if (g_str_equal (name, "Global Cloud"))
        {
          g_assert_cmpstr (countries, ==, "Global");
          g_assert_null (basis);
        }
      else if (g_str_equal (name, "Mailer"))
        g_assert_cmpstr (basis, ==, "Standard Contractual Clauses (SCC)");
      else if (g_str_equal (name, "Printer"))
        g_assert_cmpstr (basis, ==, "Se avtalet");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_saving (gpointer window)
{
  return !subproc_window_get_busy (window);
}

static gboolean
count_tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* A large register is saved in the background: the main loop goes on while
 * it is written, a change made meanwhile is saved by one more save after it
 * (never a second one at the same time), and what ends on disk is the last. */
static void
test_save_in_background (void)
{
  g_autofree char *dir = g_dir_make_tmp ("subproc-window-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "large.json", NULL);
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(GPtrArray) processors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SubprocRegister) saved = NULL;
  SubprocRegister *shown;
  SubprocWindow *window;
  guint ticks = 0, tick_id;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Processor %u", i);
      SubprocProcessor *processor = subproc_processor_new (name);

      subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION,
                                  "Hosting of the customer database, with backups in a second region.");
      g_ptr_array_add (processors, processor);
    }
  subproc_register_splice (reg, 0, 0, (SubprocProcessor **) processors->pdata, processors->len);
  g_assert_true (subproc_storage_save (reg, file, NULL, NULL, NULL));

  window = new_window ();
  subproc_window_open_files (window, &file, 1);
  g_assert_true (subproc_test_wait_idle (window));
  wait_for_rows (window, 20000);
  shown = subproc_window_get_register (window);

  tick_id = g_timeout_add (1, count_tick_cb, &ticks);
  subproc_register_set_title (shown, "First");
  subproc_document_save_async (subproc_window_get_document (window), NULL, NULL, NULL);
  g_assert_true (subproc_window_get_busy (window));
  subproc_register_set_title (shown, "Second");
  subproc_document_save_async (subproc_window_get_document (window), NULL, NULL, NULL);
  g_assert_true (subproc_test_wait_for (not_saving, window));
  g_source_remove (tick_id);
  /* the window went on while the file was written */
  g_test_message ("%u ticks of the main loop during the saves", ticks);
  g_assert_cmpuint (ticks, >, 0);

  saved = subproc_storage_load (file, NULL, NULL, NULL);
  g_assert_cmpstr (subproc_register_get_title (saved), ==, "Second");
  g_assert_false (g_str_has_prefix (adw_window_title_get_title (window->window_title), "•"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (g_file_peek_path (file));
  {
    g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);
}

static void
test_open_register (void)
{
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("SUBPROC_SEED"));
  g_autofree char *dir = g_dir_make_tmp ("subproc-window-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "mine.json", NULL);
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocProcessor) processor = subproc_processor_new ("Stripe Payments Europe");
  SubprocWindow *window;

  subproc_register_set_title (reg, "Acme register");
  subproc_register_append (reg, processor);
  g_assert_true (subproc_storage_save (reg, file, NULL, NULL, NULL));

  window = new_window ();
  subproc_window_open_files (window, &file, 1);
  g_assert_true (subproc_test_wait_idle (window));
  wait_for_rows (window, 1);
  g_assert_true (g_file_equal (subproc_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme register");

  /* a list dropped on an open register is imported into it */
  subproc_window_open_files (window, &seed, 1);
  confirm_import (window);
  g_assert_true (subproc_test_wait_idle (window));
  wait_for_rows (window, 14);
  /* the footer line of the list is reported, behind the toast's button */
  g_assert_nonnull (strstr (subproc_window_get_import_warnings (window),
                            "“sub-processors.txt”, line 21, column 1: “Kontakta oss"));
  g_assert_true (subproc_window_save_now (window, NULL));
  g_clear_object (&reg);
  reg = subproc_storage_load (file, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 14);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (g_file_peek_path (file));
  {
    g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);
}

/* The first widget under WIDGET whose tooltip holds TEXT. */
static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL && strstr (tooltip, text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
problems_shown (gpointer window)
{
  return gtk_revealer_get_reveal_child (((SubprocWindow *) window)->problems_revealer);
}

/* Transfer errors show in the window: a banner with their count, which
 * filters to them, and a findings cell that names each problem. */
static void
test_findings (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "transfers.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SubprocWindow *window = new_window ();
  GListModel *visible = subproc_window_get_visible_model (window);
  GtkWidget *findings_cell;
  const char *tooltip;

  subproc_window_open_files (window, &file, 1);
  wait_for_rows (window, 7);
  g_assert_true (subproc_test_wait_for (problems_shown, window));
  g_assert_cmpstr (gtk_label_get_text (window->problems_label), ==, "3 processors have transfer problems.");

  gtk_toggle_button_set_active (window->problems_button, TRUE);
  wait_for_rows (window, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SubprocProcessor) processor = g_list_model_get_item (visible, i);
      const char *name = subproc_processor_get_name (processor);

      g_assert_true (g_str_equal (name, "Shield Inc") || g_str_equal (name, "Mumbai Support")
                     || g_str_equal (name, "Plain US"));
    }
  subproc_test_settle ();

  /* a findings cell names each problem with its reference */
  findings_cell = find_tooltip (GTK_WIDGET (subproc_window_get_column_view (window)), "[GDPR Art. 45]");
  g_assert_nonnull (findings_cell);
  tooltip = gtk_widget_get_tooltip_text (findings_cell);
  g_assert_nonnull (strstr (tooltip, "India"));
  g_assert_true (gtk_widget_has_css_class (findings_cell, "error"));

  /* all again */
  gtk_toggle_button_set_active (window->problems_button, FALSE);
  wait_for_rows (window, 7);

  /* the menu's filter: every processor with a finding, of any severity */
  {
    SubprocRegister *reg = subproc_window_get_register (window);
    guint with_findings = 0;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
      {
        g_autoptr(GPtrArray) findings = subproc_check_processor (subproc_register_get_processor (reg, i), reg, NULL);

        with_findings += findings->len > 0;
      }
    /* three errors and the DPF not checked, at least */
    g_assert_cmpuint (with_findings, >=, 4);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.only-findings", NULL));
    wait_for_rows (window, with_findings);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.only-findings", NULL));
    wait_for_rows (window, 7);
  }

  /* the preference for stale entries applies at once: updated on 1 Nov 2026 */
  g_assert_null (find_tooltip (GTK_WIDGET (subproc_window_get_column_view (window)), "Not updated for more than 1 month."));
  g_settings_set_uint (window->settings, "stale-months", 1);
  subproc_test_settle ();
  g_assert_nonnull (find_tooltip (GTK_WIDGET (subproc_window_get_column_view (window)), "Not updated for more than 1 month."));
  g_settings_reset (window->settings, "stale-months");
  subproc_test_settle ();
  g_assert_null (find_tooltip (GTK_WIDGET (subproc_window_get_column_view (window)), "Not updated for more than 1 month."));

  /* Escape from the search goes back to the table, not to the banner's button */
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  search (window, "certified", 1);
  g_signal_emit_by_name (subproc_window_get_search_entry (window), "stop-search");
  subproc_test_settle ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (subproc_window_get_column_view (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
merge_asked (gpointer heading)
{
  return subproc_test_find_message_dialog (heading) != NULL;
}

/* A vendor's list imported, then its new version merged: the dialog says
 * what is new, changed and no longer listed, by name; merging and ending
 * the missing is one step Undo takes back. */
static void
test_merge (void)
{
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor-page.html", NULL);
  g_autofree char *v2 = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor-page-v2.html", NULL);
  g_autofree char *dir = g_dir_make_tmp ("subproc-merge-XXXXXX", NULL);
  g_autofree char *renamed = g_build_filename (dir, "vendor-page.html", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) first = g_file_new_for_path (v1);
  g_autoptr(GFile) second = g_file_new_for_path (renamed);
  SubprocWindow *window = new_window ();
  SubprocRegister *reg = subproc_window_get_register (window);
  AdwMessageDialog *dialog;
  const char *body;

  subproc_window_open_files (window, &first, 1);
  confirm_import (window);
  wait_for_rows (window, 6);
  g_assert_cmpstr (subproc_processor_get_text (subproc_register_get_processor (reg, 0), SUBPROC_FIELD_SOURCE), ==,
                   "vendor-page");

  /* the vendor's new list, downloaded under the same name */
  g_assert_true (g_file_get_contents (v2, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (renamed, text, -1, NULL));
  subproc_window_merge_file (window, second);
  g_assert_true (subproc_test_wait_for (merge_asked, (gpointer) "Merge “vendor-page”?"));
  dialog = subproc_test_find_message_dialog ("Merge “vendor-page”?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "New:\n• Elastx AB"));
  g_assert_nonnull (strstr (body, "Changed:\n• Zendesk, Inc.\n    Name: Zendesk, Inc. → Zendesk Inc\n"
                                  "    Countries: Ireland, United States → Ireland, Germany\n"
                                  "    Location as written: North Europe (Dublin), US East (N. Virginia) → North Europe (Dublin), Frankfurt\n"));
  g_assert_nonnull (strstr (body, "No longer listed:\n• Hetzner Online GmbH"));
  g_assert_nonnull (strstr (body, "As they were:\n• Amazon Web Services EMEA SARL\n• OVH SAS\n• Cloudflare, Inc.\n"
                                  "• Intercom R&D Unlimited Company"));

  adw_message_dialog_response (dialog, "end");
  wait_for_rows (window, 7);
  g_assert_cmpint (subproc_processor_get_status (subproc_register_get_processor (reg, 1)), ==, SUBPROC_STATUS_ENDED);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (reg, 4)), ==, "Zendesk Inc");

  /* one step back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for_rows (window, 6);
  g_assert_cmpint (subproc_processor_get_status (subproc_register_get_processor (reg, 1)), ==, SUBPROC_STATUS_ACTIVE);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (reg, 4)), ==, "Zendesk, Inc.");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (renamed);
  g_rmdir (dir);
}

/* Import shows the list first: its processors, what each column becomes
 * (changeable, read again at once), its warnings; Escape changes nothing,
 * Import takes in what the preview shows. */
static void
test_import_preview (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor-page.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SubprocWindow *window = new_window ();
  SubprocRegister *reg = subproc_window_get_register (window);
  SubprocImportPreview *preview;
  SubprocInput *input;
  SubprocProcessor *zendesk;
  AdwComboRow *purpose;

  subproc_window_open_files (window, &file, 1);
  g_assert_true (subproc_test_wait_for (preview_shown, window));
  preview = SUBPROC_IMPORT_PREVIEW (subproc_window_get_import_preview (window));
  input = subproc_import_preview_get_input (preview);
  g_assert_cmpuint (input->processors->len, ==, 6);
  g_assert_cmpuint (input->warnings->len, ==, 3);
  /* a warning of a processor's row beside it; the tables left out on their own */
  g_assert_null (subproc_import_preview_get_row_warnings (preview, 0));
  g_assert_nonnull (strstr (subproc_import_preview_get_row_warnings (preview, 3), "“Global”"));
  g_assert_cmpuint (subproc_import_preview_get_n_other_warnings (preview), ==, 2);
  purpose = subproc_import_preview_get_column_row (preview, "Purpose");
  g_assert_nonnull (purpose);
  g_assert_nonnull (subproc_import_preview_get_column_row (preview, "Sub-processor name"));

  /* Escape: nothing imported */
  gtk_widget_activate_action (GTK_WIDGET (preview), "window.close", NULL);
  subproc_test_settle ();
  g_assert_null (subproc_window_get_import_preview (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 0);

  /* again, with the purpose kept in the notes */
  subproc_window_open_files (window, &file, 1);
  g_assert_true (subproc_test_wait_for (preview_shown, window));
  preview = SUBPROC_IMPORT_PREVIEW (subproc_window_get_import_preview (window));
  subproc_import_preview_set_choice (preview, "Purpose", SUBPROC_IMPORT_NOTES);
  input = subproc_import_preview_get_input (preview);
  zendesk = g_ptr_array_index (input->processors, 4);
  g_assert_cmpstr (subproc_processor_get_name (zendesk), ==, "Zendesk, Inc.");
  /* without a function column, the heading above the table is the function */
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_FUNCTION), ==, "Customer support");
  g_assert_nonnull (strstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_NOTES), "Purpose: Support tickets"));

  confirm_import (window);
  wait_for_rows (window, 6);
  zendesk = subproc_register_get_processor (reg, 4);
  g_assert_nonnull (strstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_NOTES), "Purpose: Support tickets"));
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_SOURCE), ==, "vendor-page");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
search_is_elastx (gpointer window)
{
  return g_str_equal (gtk_editable_get_text (subproc_window_get_search_entry (window)), "Elastx");
}

static void
set_clipboard (SubprocWindow *window,
               const char    *html,
               const char    *plain)
{
  g_autoptr(GPtrArray) providers = g_ptr_array_new ();
  g_autoptr(GdkContentProvider) provider = NULL;

  if (html != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));

      g_ptr_array_add (providers, gdk_content_provider_new_for_bytes ("text/html", bytes));
    }
  if (plain != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (plain, strlen (plain));

      g_ptr_array_add (providers, gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes));
    }
  provider = gdk_content_provider_new_union ((GdkContentProvider **) providers->pdata, providers->len);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (window)), provider);
}

/* Ctrl+V imports what the clipboard holds: the HTML a browser offers (the
 * page's table) before the text; in the search field it pastes there. */
static void
test_paste (void)
{
  SubprocWindow *window = new_window ();
  SubprocRegister *reg = subproc_window_get_register (window);
  const char *html = "<meta charset=\"utf-8\"><table><tr><th>Sub-processor</th><th>Location</th><th>Transfer mechanism</th></tr>"
                     "<tr><td>Stripe, Inc.</td><td>United States</td><td>EU SCCs, EU-US DPF</td></tr>"
                     "<tr><td>Elastx AB</td><td>Stockholm</td><td>Intra-EU</td></tr></table>";
  const char *plain = "Sub-processor\tLocation\nStripe, Inc.\tUnited States\nElastx AB\tStockholm\n";

  gtk_window_present (GTK_WINDOW (window));
  set_clipboard (window, html, plain);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));
  confirm_import (window);
  wait_for_rows (window, 2);
  /* from the HTML, which has the mechanisms */
  subproc_assert_mechanisms (subproc_register_get_processor (reg, 0), "scc,dpf");
  g_assert_cmpstr (subproc_processor_get_countries (subproc_register_get_processor (reg, 1))[0], ==, "SE");

  /* text alone is read as a tab-separated list */
  set_clipboard (window, NULL, "Namn\tLand\nFortnox AB\tSverige\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));
  confirm_import (window);
  wait_for_rows (window, 3);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (reg, 2)), ==, "Fortnox AB");

  /* in the search field, Ctrl+V pastes text, and imports nothing */
  set_clipboard (window, NULL, "Elastx");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  subproc_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));
  g_assert_true (subproc_test_wait_for (search_is_elastx, window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
log_banner_shown (gpointer window)
{
  return gtk_revealer_get_reveal_child (((SubprocWindow *) window)->log_revealer);
}

/* A register with a past: three processors on 10 January, one more and a
 * new name on 20 February. */
static void
write_register_with_past (GFile *file)
{
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(SubprocProcessor) values = NULL;
  SubprocProcessor *first[3];
  g_autoptr(SubprocProcessor) later = subproc_processor_new ("Delta Support Oy");
  const char *names[] = { "Alpha Hosting AB", "Beta Mail Ltd", "Gamma Analytics Inc" };

  subproc_history_set_author (history, "Karin Ek");
  subproc_test_set_time (history, "2026-01-10T09:00:00Z");
  for (guint i = 0; i < 3; i++)
    first[i] = subproc_processor_new (names[i]);
  subproc_history_insert (history, 0, first, 3, "Import");
  for (guint i = 0; i < 3; i++)
    g_object_unref (first[i]);
  subproc_history_set_details (history, "Sub-processors", "Exempel AB", NULL);
  subproc_history_set_author (history, "Ola Nordmann");
  subproc_test_set_time (history, "2026-02-20T14:00:00Z");
  subproc_history_insert (history, 3, &later, 1, "Add");
  values = subproc_processor_copy (subproc_register_get_processor (reg, 1));
  subproc_processor_set_text (values, SUBPROC_FIELD_NAME, "Beta Mail Europe Ltd");
  subproc_history_edit (history, subproc_register_get_processor (reg, 1), values);
  g_assert_true (subproc_storage_save (reg, file, NULL, NULL, NULL));
}

static gboolean
has_n_changes (gpointer window)
{
  SubprocLog *log = subproc_register_get_log (subproc_window_get_register (window));

  return subproc_log_is_read (log) && subproc_log_get_n_changes (log) == wanted_rows;
}

/* The audit trail in the window: the banner for a log altered by hand,
 * the name the log records (Preferences), Mark as Reviewed, the history
 * with its filters and a revert, the register as of a day in a read-only
 * window that prints the day, and the changes and the notice. */
static void
test_audit_trail (void)
{
  g_autofree char *dir = g_dir_make_tmp ("subproc-audit-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "audit.json", NULL);
  g_autoptr(GFile) html = g_file_new_build_filename (dir, "changes.html", NULL);
  g_autoptr(GFile) notice = g_file_new_build_filename (dir, "notice.txt", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDate) day = g_date_new_dmy (31, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) from = g_date_new_dmy (15, G_DATE_FEBRUARY, 2026);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  SubprocWindow *window, *then;
  SubprocHistoryWindow *history;
  SubprocChangesWindow *changes;
  SubprocPrintWindow *preview;
  AdwMessageDialog *dialog;
  SubprocRegister *reg;
  SubprocLog *log;
  GListModel *shown;
  char *at;

  /* the name of the second processor altered by hand in the second change */
  write_register_with_past (file);
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &text, NULL, NULL));
  at = strstr (text, "Beta Mail Ltd");
  at[0] = 'b';
  g_assert_true (g_file_set_contents (g_file_peek_path (file), text, -1, NULL));

  g_settings_set_string (settings, "author-name", "Ingrid Revisor");
  window = new_window ();
  subproc_window_open_files (window, &file, 1);
  g_assert_true (subproc_test_wait_idle (window));
  wait_for_rows (window, 4);
  g_assert_true (subproc_test_wait_for (log_banner_shown, window));
  g_assert_cmpstr (gtk_label_get_text (window->log_label), ==,
                   "The change log was altered outside Subproc: change 2 (2026-01-10 09:00 UTC) "
                   "does not match the changes before it.");
  reg = subproc_window_get_register (window);
  log = subproc_register_get_log (reg);
  wanted_rows = 7;
  g_assert_true (subproc_test_wait_for (has_n_changes, window));

  /* reviewed, by the name in Preferences */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL));
  g_assert_true (subproc_test_wait_for (merge_asked, (gpointer) "Mark the Register as Reviewed?"));
  dialog = subproc_test_find_message_dialog ("Mark the Register as Reviewed?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Ingrid Revisor reviewed and approved"));
  adw_message_dialog_response (dialog, "review");
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 8);
  g_assert_cmpint (subproc_change_get_kind (subproc_log_get_change (log, 7)), ==, SUBPROC_CHANGE_REVIEW);
  g_assert_cmpstr (subproc_change_get_author (subproc_log_get_change (log, 7)), ==, "Ingrid Revisor");

  /* the history: newest first, filtered, and a change reverted */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  history = SUBPROC_HISTORY_WINDOW (subproc_window_get_history_window (window));
  g_assert_nonnull (history);
  shown = subproc_history_window_get_shown (history);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 8);
  {
    g_autoptr(SubprocChange) newest = g_list_model_get_item (shown, 0);
    g_assert_cmpint (subproc_change_get_kind (newest), ==, SUBPROC_CHANGE_REVIEW);
  }
  subproc_history_window_set_filter (history, NULL, "Ola Nordmann", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  subproc_history_window_set_filter (history, "beta", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  subproc_history_window_set_filter (history, NULL, NULL, from, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  subproc_history_window_set_filter (history, NULL, NULL, NULL, day);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  subproc_history_window_set_filter (history, "Delta", NULL, NULL, NULL);
  {
    g_autoptr(SubprocChange) added = g_list_model_get_item (shown, 0);

    g_assert_true (subproc_history_window_revert (history, added));
  }
  wait_for_rows (window, 3);
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 9);
  /* the list follows the log: the revert is the newest of Delta's */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* the register as it stood on 31 January, in a window of its own */
  _subproc_window_show_as_of (window, day);
  then = SUBPROC_WINDOW (subproc_test_find_toplevel (SUBPROC_TYPE_WINDOW, GTK_WINDOW (window)));
  g_assert_nonnull (then);
  wait_for_rows (then, 3);
  g_assert_nonnull (subproc_register_find_by_id (subproc_window_get_register (then),
                                                  subproc_processor_get_id (subproc_register_get_processor (reg, 1)),
                                                  NULL));
  g_assert_true (subproc_document_get_read_only (subproc_window_get_document (then)));
  subtitle = subproc_document_dup_subtitle (subproc_window_get_document (then));
  g_assert_cmpstr (subtitle, ==, "From the change log of audit.json (read-only)");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (then)), ==, "Sub-processors, as of 31 January 2026");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (then), "win.new", NULL) &&
                  subproc_test_find_toplevel (g_type_from_name ("SubprocEditor"), NULL) != NULL);
  search (then, "gamma", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (then), "win.print", NULL));
  preview = SUBPROC_PRINT_WINDOW (subproc_test_find_toplevel (SUBPROC_TYPE_PRINT_WINDOW, NULL));
  g_assert_nonnull (preview);
  g_assert_cmpstr (subproc_report_get_title (subproc_print_window_get_report (preview)), ==,
                   "Sub-processors, as of 31 January 2026");
  gtk_window_destroy (GTK_WINDOW (preview));
  gtk_window_destroy (GTK_WINDOW (then));

  /* the changes since 15 February, and the notice to customers */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.changes", NULL));
  changes = SUBPROC_CHANGES_WINDOW (subproc_window_get_changes_window (window));
  g_assert_nonnull (changes);
  subproc_changes_window_set_days (changes, "2026-02-15", NULL);
  g_clear_pointer (&text, g_free);
  text = subproc_changes_window_get_text (changes, FALSE);
  g_assert_nonnull (strstr (text, "\nChanged (1)\n\n  Beta Mail Europe Ltd\n    Name: Beta Mail Ltd → Beta Mail Europe Ltd\n"));
  g_assert_null (strstr (text, "Delta"));
  g_assert_true (subproc_changes_window_save (changes, html, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (subproc_test_file_mode (g_file_peek_path (html)), ==, 0600);
  g_assert_true (subproc_changes_window_save (changes, notice, TRUE, &error));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (g_file_peek_path (notice), &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Subject: Changes to the sub-processors of Exempel AB\n"));
  g_assert_nonnull (strstr (text, "We engage no new sub-processors in this period."));

  g_settings_reset (settings, "author-name");
  gtk_window_destroy (GTK_WINDOW (window));
  subproc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = g_dir_make_tmp ("subproc-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/window/example", test_example);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/import-autosave", test_import_autosave);
  g_test_add_func ("/window/broken-register-kept", test_broken_register_kept);
  g_test_add_func ("/window/unknown-keys-at-start", test_unknown_keys_at_start);
  g_test_add_func ("/window/open-register", test_open_register);
  g_test_add_func ("/window/save-in-background", test_save_in_background);
  g_test_add_func ("/window/hostile-files", test_hostile_files);
  g_test_add_func ("/window/cells-as-in-report", test_cells_as_in_report);
  g_test_add_func ("/window/findings", test_findings);
  g_test_add_func ("/window/paste", test_paste);
  g_test_add_func ("/window/merge", test_merge);
  g_test_add_func ("/window/import-preview", test_import_preview);
  g_test_add_func ("/window/audit-trail", test_audit_trail);

  status = g_test_run ();

  {
    g_autofree char *sub = g_build_filename (data_home, "subproc", NULL);
    g_rmdir (sub);
    g_rmdir (data_home);
  }
  return status;
}

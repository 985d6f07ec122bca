/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "subproc-date-row.h"
#include "subproc-editor-private.h"
#include "subproc-findings-group.h"
#include "subproc-log.h"
#include "subproc-storage.h"
#include "subproc-tag-list.h"
#include "subproc-validate.h"
#include "subproc-window-private.h"
#include "test-util-ui.h"
#include "test-util.h"

/* Editing as a user does it: through the window's actions and the
 * editor's own widgets. */

static char *data_home;

static gboolean
conflict_shown (gpointer unused)
{
  return subproc_test_find_message_dialog ("The Register Changed on Disk") != NULL;
}

static gboolean
file_exists (gpointer file)
{
  return g_file_query_exists (file, NULL);
}

static GtkWidget *
field (SubprocEditor *editor,
       const char    *name)
{
  GtkWidget *widget = subproc_editor_get_field_widget (editor, name);

  g_assert_nonnull (widget);
  return widget;
}

static GFile *
default_file (void)
{
  return g_file_new_build_filename (data_home, "subproc", "register.json", NULL);
}

static SubprocWindow *
new_window_on (GFile *file)
{
  SubprocWindow *window = subproc_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  if (file != NULL)
    subproc_window_open_files (window, &file, 1);
  else
    {
      g_autoptr(GFile) own = default_file ();

      subproc_window_open_user_register (window, own);
    }
  g_assert_true (subproc_test_wait_idle (window));
  subproc_test_settle ();
  return window;
}

static SubprocEditor *
open_new_editor (SubprocWindow *window)
{
  SubprocEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  subproc_test_settle ();
  editor = SUBPROC_EDITOR (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  g_assert_nonnull (editor);
  return editor;
}

static void
select_row (SubprocWindow *window,
            guint          row)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (subproc_window_get_column_view (window));

  g_assert_true (gtk_selection_model_select_item (selection, row, TRUE));
  subproc_test_settle ();
}

static void
remove_file (GFile *file)
{
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);

  g_unlink (g_file_peek_path (file));
  g_unlink (backup);
}

static void
test_add_edit_delete_undo (void)
{
  g_autoptr(GFile) file = default_file ();
  g_autoptr(SubprocRegister) saved = NULL;
  g_autofree char *today = subproc_today_iso ();
  SubprocWindow *window;
  SubprocRegister *reg;
  SubprocEditor *editor;
  SubprocProcessor *stripe;
  const char * const countries[] = { "IE", "US", NULL };

  remove_file (file);
  window = new_window_on (NULL);
  reg = subproc_window_get_register (window);

  /* add, as a user types it */
  editor = open_new_editor (window);
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "name_row")), "Stripe Payments Europe");
  g_signal_emit_by_name (field (editor, "country_chooser"), "country-chosen", "IE");
  g_signal_emit_by_name (field (editor, "country_chooser"), "country-chosen", "US");
  /* the module is asked for once the clauses are ticked */
  g_assert_false (gtk_widget_get_visible (field (editor, "scc_module_row")));
  gtk_check_button_set_active (subproc_editor_get_mechanism_check (editor, SUBPROC_TRANSFER_SCC), TRUE);
  g_assert_true (gtk_widget_get_visible (field (editor, "scc_module_row")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (editor, "scc_module_row")), SUBPROC_SCC_MODULE_2);
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "function_row")), "Payments");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  subproc_test_settle ();
  g_assert_null (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 1);
  stripe = subproc_register_get_processor (reg, 0);
  g_assert_cmpstr (subproc_processor_get_name (stripe), ==, "Stripe Payments Europe");
  g_assert_true (g_strv_equal (subproc_processor_get_countries (stripe), countries));
  subproc_assert_mechanisms (stripe, "scc");
  g_assert_cmpint (subproc_processor_get_enum (stripe, SUBPROC_FIELD_SCC_MODULE), ==, SUBPROC_SCC_MODULE_2);
  g_assert_cmpstr (subproc_processor_get_text (stripe, SUBPROC_FIELD_ADDED), ==, today);
  g_assert_cmpint (subproc_processor_get_status (stripe), ==, SUBPROC_STATUS_ACTIVE);

  /* autosaved */
  g_assert_true (subproc_test_wait_for (file_exists, file));
  saved = subproc_storage_load (file, NULL, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (saved)), ==, 1);

  /* edit: the editor opens on the selected row */
  select_row (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
  subproc_test_settle ();
  editor = SUBPROC_EDITOR (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  g_assert_nonnull (editor);
  g_assert_true (subproc_editor_get_processor (editor) == stripe);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "name_row"))), ==, "Stripe Payments Europe");
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "legal_entity_row")), "Stripe Payments Europe Ltd");
  subproc_tag_list_remove (SUBPROC_TAG_LIST (field (editor, "countries_tags")), "US");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  subproc_test_settle ();
  g_assert_cmpstr (subproc_processor_get_text (stripe, SUBPROC_FIELD_LEGAL_ENTITY), ==, "Stripe Payments Europe Ltd");
  g_assert_cmpstrv (subproc_processor_get_countries (stripe), ((const char *[]) { "IE", NULL }));

  /* delete, then undo brings it back whole */
  select_row (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 1);
  g_assert_cmpstr (subproc_processor_get_text (subproc_register_get_processor (reg, 0), SUBPROC_FIELD_LEGAL_ENTITY),
                   ==, "Stripe Payments Europe Ltd");

  /* undo the edit too, then redo it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (subproc_processor_get_text (subproc_register_get_processor (reg, 0), SUBPROC_FIELD_LEGAL_ENTITY));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_nonnull (subproc_processor_get_text (subproc_register_get_processor (reg, 0), SUBPROC_FIELD_LEGAL_ENTITY));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

static void
test_validation (void)
{
  g_autoptr(GFile) file = default_file ();
  SubprocWindow *window;
  SubprocEditor *editor;
  GtkWidget *save_button;
  GtkWidget *message;

  remove_file (file);
  window = new_window_on (NULL);
  editor = open_new_editor (window);
  save_button = field (editor, "save_button");
  message = field (editor, "identity_message");

  /* an empty name: Save is off and the editor says why */
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "needs a name"));
  g_assert_true (gtk_widget_has_css_class (field (editor, "name_row"), "error"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_window_get_register (window))), ==, 0);

  /* blanks are no name */
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "name_row")), "   ");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "name_row")), "Acme");
  g_assert_true (gtk_widget_get_sensitive (save_button));
  g_assert_false (gtk_widget_get_visible (message));

  /* a website that is no address is flagged, where it is typed */
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "website_row")), "not a website");
  g_assert_true (gtk_widget_has_css_class (field (editor, "website_row"), "error"));
  g_assert_true (gtk_widget_get_visible (message));
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "website_row")), "acme.example.com");
  g_assert_false (gtk_widget_has_css_class (field (editor, "website_row"), "error"));

  /* a DPA signed in the future is flagged */
  g_object_set (field (editor, "dpa_signed_row"), "date", "2999-01-01", NULL);
  g_assert_true (gtk_widget_has_css_class (field (editor, "dpa_signed_row"), "error"));

  /* Escape with typed changes asks first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  subproc_test_settle ();
  g_assert_nonnull (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  g_assert_nonnull (subproc_test_find_message_dialog ("Discard Changes?"));
  adw_message_dialog_response (subproc_test_find_message_dialog ("Discard Changes?"), "discard");
  subproc_test_settle ();
  g_assert_null (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_window_get_register (window))), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_conflict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("subproc-conflict-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "shared.json", NULL);
  g_autoptr(SubprocRegister) theirs = subproc_register_new ();
  g_autoptr(SubprocRegister) mine = subproc_register_new ();
  g_autoptr(SubprocRegister) after = NULL;
  g_autoptr(SubprocRegister) backup = NULL;
  g_autoptr(SubprocProcessor) a = subproc_processor_new ("Shared A");
  g_autoptr(SubprocProcessor) b = subproc_processor_new ("Added by a colleague");
  g_autoptr(GFile) backup_file = NULL;
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  AdwMessageDialog *dialog;
  SubprocWindow *window;
  const guint first = 0;

  subproc_register_append (mine, a);
  g_assert_true (subproc_storage_save (mine, file, NULL, NULL, NULL));
  window = new_window_on (file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_window_get_register (window))), ==, 1);

  /* a colleague writes the file; then we change our copy */
  subproc_test_wait_ms (1100);
  subproc_register_append (theirs, b);
  g_assert_true (subproc_storage_save (theirs, file, NULL, NULL, NULL));
  g_unlink (backup_path);
  select_row (window, 0);
  subproc_history_remove (((struct _SubprocWindow *) window)->history, &first, 1);

  /* autosave finds the change on disk and asks; nothing is written yet */
  g_assert_true (subproc_test_wait_for (conflict_shown, NULL));
  dialog = subproc_test_find_message_dialog ("The Register Changed on Disk");
  g_assert_nonnull (dialog);
  after = subproc_storage_load (file, NULL, NULL, NULL);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (after, 0)), ==, "Added by a colleague");
  g_clear_object (&after);

  /* overwrite with mine: theirs is kept as the backup */
  adw_message_dialog_response (dialog, "overwrite");
  subproc_test_settle ();
  after = subproc_storage_load (file, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 0);
  backup_file = g_file_new_for_path (backup_path);
  backup = subproc_storage_load (backup_file, NULL, NULL, NULL);
  g_assert_nonnull (backup);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (backup, 0)), ==, "Added by a colleague");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
  g_rmdir (dir);
}

static gboolean
has_one_row (gpointer window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (subproc_window_get_register (window))) == 1;
}

static void
test_conflict_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("subproc-conflict-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "shared.json", NULL);
  g_autoptr(SubprocRegister) theirs = subproc_register_new ();
  g_autoptr(SubprocRegister) mine = subproc_register_new ();
  g_autoptr(SubprocProcessor) a = subproc_processor_new ("Shared A");
  g_autoptr(SubprocProcessor) b = subproc_processor_new ("Added by a colleague");
  SubprocWindow *window;
  const guint first = 0;

  subproc_register_append (mine, a);
  g_assert_true (subproc_storage_save (mine, file, NULL, NULL, NULL));
  window = new_window_on (file);
  subproc_test_wait_ms (1100);
  subproc_register_append (theirs, b);
  g_assert_true (subproc_storage_save (theirs, file, NULL, NULL, NULL));
  subproc_history_remove (((struct _SubprocWindow *) window)->history, &first, 1);
  g_assert_true (subproc_test_wait_for (conflict_shown, NULL));

  /* reloading theirs asks once more, then shows their register */
  adw_message_dialog_response (subproc_test_find_message_dialog ("The Register Changed on Disk"), "reload");
  subproc_test_settle ();
  g_assert_nonnull (subproc_test_find_message_dialog ("Discard Your Changes?"));
  adw_message_dialog_response (subproc_test_find_message_dialog ("Discard Your Changes?"), "discard");
  /* read in a worker thread */
  g_assert_true (subproc_test_wait_for (has_one_row, window));
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (subproc_window_get_register (window), 0)),
                   ==, "Added by a colleague");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
  g_rmdir (dir);
}

static void
test_accessible (void)
{
  g_autoptr(GFile) file = default_file ();
  SubprocWindow *window;
  SubprocEditor *editor;

  remove_file (file);
  window = new_window_on (NULL);

  /* icon-only buttons have names a screen reader reads */
  gtk_test_accessible_assert_property (((struct _SubprocWindow *) window)->new_button,
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "New Processor");

  editor = open_new_editor (window);
  /* the multi-line fields are labelled by their headings */
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (field (editor, "description_view")),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       field (editor, "description_label"), NULL);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (field (editor, "notes_view")),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       field (editor, "notes_label"), NULL);
  /* the editor opens with the name to type */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field (editor, "name_row"))))) ||
                 gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field (editor, "name_row"))))));

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_replace_asks_first (void)
{
  g_autofree char *dir = g_dir_make_tmp ("subproc-replace-XXXXXX", NULL);
  g_autoptr(GFile) other = g_file_new_build_filename (dir, "other.json", NULL);
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocProcessor) p = subproc_processor_new ("Other");
  SubprocWindow *window = subproc_window_new (NULL);
  const guint first = 0;

  subproc_register_append (reg, p);
  g_assert_true (subproc_storage_save (reg, other, NULL, NULL, NULL));
  gtk_window_present (GTK_WINDOW (window));

  /* an untitled register with a change: opening another asks first */
  subproc_window_open_example (window);
  subproc_history_remove (((struct _SubprocWindow *) window)->history, &first, 1);
  subproc_window_open_files (window, &other, 1);
  g_assert_true (subproc_test_wait_idle (window));
  subproc_test_settle ();
  g_assert_nonnull (subproc_test_find_message_dialog ("Save Changes?"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_window_get_register (window))), ==, 12);

  /* Cancel keeps it; Discard opens the other */
  adw_message_dialog_response (subproc_test_find_message_dialog ("Save Changes?"), "cancel");
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_window_get_register (window))), ==, 12);
  subproc_window_open_files (window, &other, 1);
  g_assert_true (subproc_test_wait_idle (window));
  subproc_test_settle ();
  adw_message_dialog_response (subproc_test_find_message_dialog ("Save Changes?"), "discard");
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (subproc_window_get_register (window))), ==, 1);
  g_assert_true (g_file_equal (subproc_window_get_file (window), other));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (other);
  g_rmdir (dir);
}

static void
test_save_as_then_conflict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("subproc-saveas-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "mine.json", NULL);
  g_autoptr(SubprocRegister) theirs = subproc_register_new ();
  SubprocWindow *window = subproc_window_new (NULL);
  const guint first = 0;

  gtk_window_present (GTK_WINDOW (window));
  subproc_window_open_example (window);
  subproc_window_save_as (window, file);
  g_assert_true (subproc_test_wait_idle (window));
  g_assert_true (g_file_equal (subproc_window_get_file (window), file));

  /* a change on disk after Save As is noticed, not written over */
  subproc_test_wait_ms (1100);
  g_assert_true (subproc_storage_save (theirs, file, NULL, NULL, NULL));
  subproc_history_remove (((struct _SubprocWindow *) window)->history, &first, 1);
  g_assert_true (subproc_test_wait_for (conflict_shown, NULL));
  g_assert_nonnull (subproc_test_find_message_dialog ("The Register Changed on Disk"));

  /* put off: saving stays off, and Save asks again */
  adw_message_dialog_response (subproc_test_find_message_dialog ("The Register Changed on Disk"), "later");
  subproc_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  subproc_test_settle ();
  g_assert_nonnull (subproc_test_find_message_dialog ("The Register Changed on Disk"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
  g_rmdir (dir);
}

static void
test_names_are_text (void)
{
  g_autoptr(GFile) file = default_file ();
  g_autoptr(SubprocProcessor) odd = subproc_processor_new ("AT&T <b>Labs</b>");
  g_autoptr(SubprocProcessor) other = subproc_processor_new ("Other");
  SubprocWindow *window;
  SubprocRegister *reg;
  guint position;

  remove_file (file);
  window = new_window_on (NULL);
  reg = subproc_window_get_register (window);
  subproc_history_insert (((struct _SubprocWindow *) window)->history, 0, &odd, 1, "Add");

  /* a toast naming it must not read the name as markup (a warning here aborts) */
  select_row (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 0);

  /* the toast's Undo undoes the delete only while it is the last step */
  subproc_history_insert (((struct _SubprocWindow *) window)->history, 0, &other, 1, "Add");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 1);
  g_assert_null (subproc_register_find_by_id (reg, subproc_processor_get_id (odd), &position));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

static AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ENTRY_ROW (child);
      if ((found = find_entry_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_details (void)
{
  g_autoptr(GFile) file = default_file ();
  SubprocWindow *window;
  SubprocRegister *reg;
  AdwMessageDialog *dialog;

  remove_file (file);
  window = new_window_on (NULL);
  reg = subproc_window_get_register (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.details", NULL));
  subproc_test_settle ();
  dialog = subproc_test_find_message_dialog ("Register Details");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog), "Title")), "Sub-processors 2026");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog), "Organisation")), "Acme AB");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog), "DPO contact")), "dpo@acme.example");
  adw_message_dialog_response (dialog, "save");
  subproc_test_settle ();

  g_assert_cmpstr (subproc_register_get_title (reg), ==, "Sub-processors 2026");
  g_assert_cmpstr (subproc_register_get_organisation (reg), ==, "Acme AB");
  g_assert_cmpstr (subproc_register_get_dpo_contact (reg), ==, "dpo@acme.example");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Sub-processors 2026");

  /* one step, undone whole */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (subproc_register_get_title (reg));
  g_assert_null (subproc_register_get_organisation (reg));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

static void
test_function_suggestions (void)
{
  g_autoptr(GFile) file = default_file ();
  SubprocWindow *window;
  SubprocEditor *editor;
  GtkWidget *function;
  GtkWidget *list;
  GtkListBoxRow *first;
  GtkListBoxRow *second;

  remove_file (file);
  window = new_window_on (NULL);
  subproc_window_open_example (window);
  subproc_test_settle ();
  editor = open_new_editor (window);
  subproc_test_wait_ms (200);

  /* typing in the function offers the functions already in the register */
  function = field (editor, "function_row");
  gtk_widget_grab_focus (function);
  gtk_editable_set_text (GTK_EDITABLE (function), "fakt");
  subproc_test_settle ();
  list = field (editor, "function_list");
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (first);
  /* those that start so come first */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (first))), ==, "Fakturering");
  second = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_nonnull (second);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (second))), ==, "Bogføring og fakturering");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));

  /* choosing one fills it in */
  g_signal_emit_by_name (list, "row-activated", second);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (function)), ==, "Bogføring og fakturering");

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

static void
test_close_asks (void)
{
  SubprocWindow *window = subproc_window_new (NULL);
  const guint first = 0;

  gtk_window_present (GTK_WINDOW (window));
  subproc_window_open_example (window);
  subproc_history_remove (((struct _SubprocWindow *) window)->history, &first, 1);

  /* an untitled register with changes: closing asks, Cancel keeps the window */
  gtk_window_close (GTK_WINDOW (window));
  subproc_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (subproc_test_find_message_dialog ("Save Changes?"), "cancel");
  subproc_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editable widget WIDGET is, or is inside. */
static GtkWidget *
field_of (SubprocEditor *editor,
          GtkWidget     *focus)
{
  static const char * const names[] = {
    "name_row", "legal_entity_row", "website_row", "contact_row", "parent_row",
    "function_row", "description_view", "category_entry", "categories_tags", "subject_entry",
    "subjects_tags", "status_row", "country_chooser", "countries_tags", "location_row", "mechanism_row", "basis_row",
    "safeguards_row", "dpa_signed_row", "dpa_reference_row", "security_row", "notes_view",
    "added_row", "updated_row", "review_row", "save_button", "cancel_button", NULL,
  };

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *widget = subproc_editor_get_field_widget (editor, names[i]);

      if (widget == NULL)
        continue;
      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        return widget;
      /* a list row takes a stop of its own before its inner widgets, as
       * everywhere in GTK; it belongs to the field inside it */
      if (GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_is_ancestor (widget, focus))
        return widget;
    }
  return NULL;
}

/* The fields Tab visits, from the name to the last date, in a new
 * processor's editor; and how many stops each takes. */
static GPtrArray *
tab_through (SubprocEditor    *editor,
             GtkDirectionType  direction,
             const char       *from,
             const char       *to,
             GHashTable       *stops)
{
  GPtrArray *order = g_ptr_array_new ();

  gtk_widget_grab_focus (subproc_editor_get_field_widget (editor, from));
  if (GTK_IS_EDITABLE (subproc_editor_get_field_widget (editor, from)))
    gtk_widget_grab_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (subproc_editor_get_field_widget (editor, from)))));
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));
      GtkWidget *owner = focus != NULL ? field_of (editor, focus) : NULL;

      if (owner == NULL)
        g_error ("Tab stop %u is %s, not a field", i, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      g_hash_table_insert (stops, owner, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (stops, owner)) + 1));
      if (order->len == 0 || g_ptr_array_index (order, order->len - 1) != owner)
        g_ptr_array_add (order, owner);
      if (owner == subproc_editor_get_field_widget (editor, to))
        break;
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), direction));
    }
  return order;
}

static void
test_tab_order (void)
{
  g_autoptr(GFile) file = default_file ();
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GHashTable) stops = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) back_stops = g_hash_table_new (NULL, NULL);
  /* lists of tags with no tags yet take no stop */
  static const char * const expected[] = {
    "name_row", "legal_entity_row", "website_row", "contact_row", "parent_row",
    "function_row", "description_view", "category_entry",
    "subject_entry", "status_row",
    "country_chooser", "location_row", "mechanism_row", "basis_row", "safeguards_row",
    "dpa_signed_row", "dpa_reference_row", "security_row", "notes_view",
    "added_row", "updated_row", "review_row",
  };
  /* a row that opens a chooser is a stop, and so is its button */
  static const char * const two_stops[] = {
    "country_chooser", "dpa_signed_row", "added_row", "updated_row", NULL,
  };
  SubprocWindow *window;
  SubprocEditor *editor;

  remove_file (file);
  window = new_window_on (NULL);
  editor = open_new_editor (window);
  subproc_test_wait_ms (200);

  /* Tab from the name through the form: every stop is a field, in order */
  order = tab_through (editor, GTK_DIR_TAB_FORWARD, "name_row", "review_row", stops);
  for (guint i = 0; i < order->len; i++)
    g_test_message ("stop %u: %s", i, gtk_buildable_get_buildable_id (GTK_BUILDABLE (g_ptr_array_index (order, i))));
  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *field = subproc_editor_get_field_widget (editor, expected[i]);

      g_assert_true (g_ptr_array_index (order, i) == field);
      /* one press of Tab a field: no stop on the row around a text view */
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stops, field)), ==,
                        (g_strv_contains (two_stops, expected[i]) ? 2u : 1u));
    }

  /* and Shift+Tab back the same way */
  back = tab_through (editor, GTK_DIR_TAB_BACKWARD, "review_row", "name_row", back_stops);
  g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_index (back, i)
                   == subproc_editor_get_field_widget (editor, expected[G_N_ELEMENTS (expected) - 1 - i]));

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deleting many at once: every selected processor goes, in one step that
 * Undo brings back whole; the selection is found in one pass. */
static void
test_delete_many (void)
{
  SubprocWindow *window = new_window_on (NULL);
  GtkSelectionModel *selection;
  SubprocRegister *reg;
  g_autofree char *before = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *after = NULL;

  subproc_window_open_example (window);
  subproc_test_settle ();
  reg = subproc_window_get_register (window);
  before = subproc_storage_to_data (reg, NULL);
  selection = gtk_column_view_get_model (subproc_window_get_column_view (window));

  /* the third to the tenth row as shown */
  g_assert_true (gtk_selection_model_select_range (selection, 2, 8, TRUE));
  subproc_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 5);

  /* Undo at once, while the toast still slides in (libadwaita 1.2
   * crashed when it was dismissed then) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  subproc_test_settle ();
  after = subproc_storage_to_data (reg, NULL);
  g_assert_cmpstr (after, ==, before);

  /* two deletes in a row, then the toast's Undo: the second is undone */
  g_clear_pointer (&after, g_free);
  gtk_selection_model_unselect_all (selection);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  subproc_test_settle ();
  middle = subproc_storage_to_data (reg, NULL);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 11);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  subproc_test_settle ();
  after = subproc_storage_to_data (reg, NULL);
  g_assert_cmpstr (after, ==, middle);

  /* the toast's Undo again undoes nothing more: its delete is undone */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  subproc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 12);

  /* the toast goes once it is in place; the window closes cleanly meanwhile */
  subproc_test_wait_ms (700);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint wanted_count;

static gboolean
has_wanted_count (gpointer model)
{
  return g_list_model_get_n_items (model) == wanted_count;
}

/* Types QUERY in the search entry and waits for the rows it shows. */
static void
search_for (SubprocWindow *window,
            const char    *query,
            guint          expected)
{
  GListModel *visible = subproc_window_get_visible_model (window);

  gtk_editable_set_text (subproc_window_get_search_entry (window), query);
  wanted_count = expected;
  subproc_test_wait_for (has_wanted_count, visible);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, expected);
}

static guint
selected_row (SubprocWindow *window)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (subproc_window_get_column_view (window));
  g_autoptr(GtkBitset) rows = gtk_selection_model_get_selection (selection);

  g_assert_cmpuint (gtk_bitset_get_size (rows), ==, 1);
  return gtk_bitset_get_nth (rows, 0);
}

static void
rename_selected (SubprocWindow *window,
                 const char    *name)
{
  SubprocEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
  subproc_test_settle ();
  editor = SUBPROC_EDITOR (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "name_row")), name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  subproc_test_settle ();
}

/* An edited row moves to its place in the sort and leaves a search it no
 * longer matches, and stays selected. */
static void
test_edit_resorts_and_refilters (void)
{
  SubprocWindow *window = new_window_on (NULL);
  GListModel *visible = subproc_window_get_visible_model (window);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *selected = NULL;
  guint n;

  subproc_window_open_example (window);
  subproc_test_settle ();
  n = g_list_model_get_n_items (visible);
  g_assert_cmpuint (n, ==, 13);

  /* sorted by name: Amazon first; renamed, it goes last, still selected */
  select_row (window, 0);
  rename_selected (window, "Zeta Cloud");
  first = subproc_window_cell_text (window, 0, 0);
  last = subproc_window_cell_text (window, 0, n - 1);
  g_assert_cmpstr (first, !=, "Amazon");
  g_assert_cmpstr (last, ==, "Zeta Cloud");
  g_assert_cmpuint (selected_row (window), ==, n - 1);

  /* searched for, then renamed so that it no longer matches */
  search_for (window, "zeta", 1);
  select_row (window, 0);
  rename_selected (window, "Ymer Hosting");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  search_for (window, "ymer", 1);
  selected = subproc_window_cell_text (window, 0, 0);
  g_assert_cmpstr (selected, ==, "Ymer Hosting");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor shows the processor's transfer findings at the top, as the
 * user types, each with a button to the field that fixes it. */
static void
test_findings (void)
{
  SubprocWindow *window = new_window_on (NULL);
  SubprocEditor *editor = open_new_editor (window);
  SubprocFindingsGroup *group = SUBPROC_FINDINGS_GROUP (field (editor, "findings_group"));
  GtkWidget *mechanism = field (editor, "mechanism_row");
  g_autofree char *today = NULL;

  gtk_editable_set_text (GTK_EDITABLE (field (editor, "name_row")), "Plain US");
  g_signal_emit_by_name (field (editor, "country_chooser"), "country-chosen", "US");
  subproc_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  /* no basis for the USA, no agreement */
  g_assert_cmpuint (subproc_findings_group_get_n_findings (group), ==, 2);

  /* the first finding's button opens the mechanisms, the first one focused */
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (mechanism)));
  g_signal_emit_by_name (group, "fix", "mechanism_row");
  subproc_test_settle ();
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (mechanism)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), mechanism));

  /* under the DPF, the certification is to be checked */
  g_assert_false (gtk_widget_get_visible (field (editor, "dpf_verified_row")));
  gtk_check_button_set_active (subproc_editor_get_mechanism_check (editor, SUBPROC_TRANSFER_DPF), TRUE);
  subproc_test_settle ();
  g_assert_true (gtk_widget_get_visible (field (editor, "dpf_verified_row")));
  g_assert_cmpuint (subproc_findings_group_get_n_findings (group), ==, 2);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (mechanism)), ==, "EU–US Data Privacy Framework");

  /* “Mark as verified today” does it */
  g_signal_emit_by_name (group, "fix", "verify-dpf-today");
  subproc_test_settle ();
  today = subproc_today_iso ();
  g_assert_cmpstr (subproc_date_row_get_date (SUBPROC_DATE_ROW (field (editor, "dpf_verified_row"))), ==, today);
  g_assert_cmpuint (subproc_findings_group_get_n_findings (group), ==, 1);

  subproc_date_row_set_date (SUBPROC_DATE_ROW (field (editor, "dpa_signed_row")), "2024-01-01");
  subproc_test_settle ();
  g_assert_cmpuint (subproc_findings_group_get_n_findings (group), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The rows of the editor's history, newest first: their titles. */
static GPtrArray *
history_titles (SubprocEditor *editor)
{
  GtkWidget *group = field (editor, "history_group");
  GPtrArray *titles = g_ptr_array_new ();
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, group);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (ADW_IS_ACTION_ROW (widget))
        g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }
  return titles;
}

/* The reason typed in the editor goes into the log with the change and
 * the name from Preferences; the editor lists the processor's changes,
 * newest first, as text. */
static void
test_reason_and_history (void)
{
  g_autoptr(GFile) file = default_file ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) titles = NULL;
  SubprocWindow *window;
  SubprocEditor *editor;
  SubprocRegister *reg;
  SubprocLog *log;
  SubprocChange *change;

  remove_file (file);
  g_settings_set_string (settings, "author-name", "Ingrid <b>Revisor</b>");
  window = subproc_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  subproc_window_open_user_register (window, file);
  g_assert_true (subproc_test_wait_idle (window));
  reg = subproc_window_get_register (window);
  log = subproc_register_get_log (reg);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  subproc_test_settle ();
  editor = SUBPROC_EDITOR (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  /* a new processor has no history yet */
  g_assert_false (gtk_widget_get_visible (field (editor, "history_group")));
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "name_row")), "Stripe Payments Europe");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  subproc_test_settle ();
  g_assert_cmpuint (subproc_log_get_n_changes (log), ==, 1);
  g_assert_null (subproc_change_get_reason (subproc_log_get_change (log, 0)));

  select_row (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
  subproc_test_settle ();
  editor = SUBPROC_EDITOR (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "legal_entity_row")), "Stripe <i>Payments</i> Ltd");
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "reason_row")), "New DPA, § 4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  subproc_test_settle ();
  change = subproc_log_get_change (log, subproc_log_get_n_changes (log) - 1);
  g_assert_cmpstr (subproc_change_get_field (change), ==, "legal_entity");
  g_assert_cmpstr (subproc_change_get_reason (change), ==, "New DPA, § 4");
  g_assert_cmpstr (subproc_change_get_author (change), ==, "Ingrid <b>Revisor</b>");

  /* the editor's history, newest first; the text shown as it is */
  select_row (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
  subproc_test_settle ();
  editor = SUBPROC_EDITOR (subproc_test_find_toplevel (SUBPROC_TYPE_EDITOR, NULL));
  g_assert_true (gtk_widget_get_visible (field (editor, "history_group")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "reason_row"))), ==, "");
  titles = history_titles (editor);
  g_assert_cmpuint (titles->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Legal entity: — → Stripe <i>Payments</i> Ltd");
  g_assert_cmpstr (g_ptr_array_index (titles, titles->len - 1), ==, "Added “Stripe Payments Europe”");
  gtk_window_destroy (GTK_WINDOW (editor));

  g_settings_reset (settings, "author-name");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GTK's test backend, for the accessibility assertions */
  g_setenv ("GTK_A11Y", "test", TRUE);
  data_home = g_dir_make_tmp ("subproc-editor-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/editor/add-edit-delete-undo", test_add_edit_delete_undo);
  g_test_add_func ("/editor/edit-resorts-and-refilters", test_edit_resorts_and_refilters);
  g_test_add_func ("/editor/delete-many", test_delete_many);
  g_test_add_func ("/editor/validation", test_validation);
  g_test_add_func ("/editor/conflict/overwrite", test_conflict);
  g_test_add_func ("/editor/conflict/reload", test_conflict_reload);
  g_test_add_func ("/editor/accessible", test_accessible);
  g_test_add_func ("/editor/tab-order", test_tab_order);
  g_test_add_func ("/editor/reason-and-history", test_reason_and_history);
  g_test_add_func ("/window/replace-asks-first", test_replace_asks_first);
  g_test_add_func ("/window/save-as-then-conflict", test_save_as_then_conflict);
  g_test_add_func ("/window/names-are-text", test_names_are_text);
  g_test_add_func ("/window/details", test_details);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/editor/function-suggestions", test_function_suggestions);
  g_test_add_func ("/editor/findings", test_findings);

  status = g_test_run ();

  {
    g_autofree char *sub = g_build_filename (data_home, "subproc", NULL);
    g_rmdir (sub);
    g_rmdir (data_home);
  }
  return status;
}

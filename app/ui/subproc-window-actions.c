/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-editor.h"
#include "subproc-print-window.h"
#include "subproc-validate.h"
#include "subproc-window-private.h"

/* libadwaita slides a toast in for this long (a replacing one: 500 ms) */
#define TOAST_SLIDE_IN_MS 600

/* Editing the register from the window: new, edit, duplicate, delete,
 * undo and redo, the register's details, and what to do when the file
 * changed on disk. Every change goes through the window's history. */

/* The register positions of the selected rows, in the view's order. */
/* The register positions of the selected processors, in the order the
 * view shows them. The selection is of processors, found by identity: one
 * pass over the register, however many are selected. */
static GArray *
selected_positions (SubprocWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GHashTable) order = g_hash_table_new (NULL, NULL);   /* processor -> place in the selection + 1 */
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->reg));
  guint found = 0;
  GtkBitsetIter iter;
  guint row;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &row);
       more;
       more = gtk_bitset_iter_next (&iter, &row))
    {
      g_autoptr(SubprocProcessor) processor = g_list_model_get_item (G_LIST_MODEL (self->selection), row);

      if (processor != NULL && !g_hash_table_contains (order, processor))
        g_hash_table_insert (order, processor, GUINT_TO_POINTER (g_hash_table_size (order) + 1));
    }

  g_array_set_size (positions, g_hash_table_size (order));
  for (guint i = 0; i < positions->len; i++)
    g_array_index (positions, guint, i) = G_MAXUINT;
  for (guint i = 0; i < n_items && found < positions->len; i++)
    {
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (order, subproc_register_get_processor (self->reg, i)));

      if (place == 0)
        continue;
      g_array_index (positions, guint, place - 1) = i;
      found++;
    }
  /* a processor the view still shows but the register no longer holds is
   * not among them */
  for (guint i = positions->len; i > 0; i--)
    if (g_array_index (positions, guint, i - 1) == G_MAXUINT)
      g_array_remove_index (positions, i - 1);

  return positions;
}

static void
select_processor (SubprocWindow    *self,
                  SubprocProcessor *processor)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SubprocProcessor) item = g_list_model_get_item (model, i);

      if (item == processor)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
editor_save_cb (SubprocWindow    *self,
                SubprocProcessor *values,
                SubprocEditor    *editor)
{
  SubprocProcessor *edited = subproc_editor_get_processor (editor);
  SubprocProcessor *processor = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->reg));

  /* the register shown may have been reloaded while the editor was open:
   * the edit goes to the processor of that id there, or is added anew */
  if (edited != NULL)
    processor = subproc_register_find_by_id (self->reg, subproc_processor_get_id (edited), NULL);

  /* the reason the user gave goes into the change log with the step */
  subproc_history_set_reason (self->history, subproc_editor_get_reason (editor));
  if (processor != NULL)
    {
      subproc_history_edit (self->history, processor, values);
      /* the row moved to its place in the sort: it stays the one selected */
      select_processor (self, processor);
    }
  else
    {
      g_autoptr(SubprocProcessor) added = subproc_processor_copy (values);

      /* Translators: the name of an undo step */
      subproc_history_insert (self->history, n_items, &added, 1, _("Add Processor"));
      select_processor (self, added);
    }
  subproc_history_set_reason (self->history, NULL);
}

static void
open_editor (SubprocWindow    *self,
             SubprocProcessor *processor)
{
  SubprocEditor *editor = subproc_editor_new (GTK_WINDOW (self), self->reg, processor);

  g_signal_connect_object (editor, "save", G_CALLBACK (editor_save_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (SUBPROC_WINDOW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  g_autoptr(GArray) positions = selected_positions (self);

  if (positions->len == 0)
    return;
  open_editor (self, subproc_register_get_processor (self->reg, g_array_index (positions, guint, 0)));
}

static void
row_activate_cb (SubprocWindow *self,
                 guint          row,
                 GtkColumnView *view)
{
  g_autoptr(SubprocProcessor) processor = g_list_model_get_item (G_LIST_MODEL (self->selection), row);

  if (processor != NULL && !subproc_document_get_read_only (self->document))
    open_editor (self, processor);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  g_autoptr(GArray) positions = selected_positions (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = subproc_today_iso ();

  for (guint i = 0; i < positions->len; i++)
    {
      SubprocProcessor *original = subproc_register_get_processor (self->reg, g_array_index (positions, guint, i));
      g_autoptr(SubprocProcessor) copy = subproc_processor_new (NULL);
      g_autofree char *name = NULL;

      /* a new processor with the same values: its own id, added today */
      subproc_processor_assign (copy, original);
      /* Translators: the name of a duplicated processor, e.g. “Google (copy)” */
      name = g_strdup_printf (_("%s (copy)"), subproc_processor_get_name (original));
      subproc_processor_set_text (copy, SUBPROC_FIELD_NAME, name);
      subproc_processor_set_text (copy, SUBPROC_FIELD_ADDED, today);
      subproc_processor_set_text (copy, SUBPROC_FIELD_UPDATED, today);
      g_ptr_array_add (copies, g_steal_pointer (&copy));
    }

  /* Translators: the name of an undo step */
  subproc_history_insert (self->history, g_list_model_get_n_items (G_LIST_MODEL (self->reg)),
                          (SubprocProcessor **) copies->pdata, copies->len, _("Duplicate"));
  if (copies->len > 0)
    select_processor (self, g_ptr_array_index (copies, 0));
}

/* A toast that goes (its time ran out, or it was closed) offers nothing more. */
static void
undo_toast_dismissed_cb (SubprocWindow *self)
{
  g_clear_handle_id (&self->undo_dismiss_id, g_source_remove);
  g_clear_weak_pointer (&self->undo_toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  g_autoptr(GArray) positions = selected_positions (self);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (positions->len == 0)
    return;

  if (positions->len == 1)
    {
      SubprocProcessor *deleted = subproc_register_get_processor (self->reg, g_array_index (positions, guint, 0));
      /* toasts read markup: a name such as “AT&T” is text */
      g_autofree char *name = g_markup_escape_text (subproc_processor_get_name (deleted), -1);

      /* Translators: a toast after deleting one processor */
      title = g_strdup_printf (_("“%s” deleted"), name);
    }
  else
    title = g_strdup_printf (ngettext ("%u processor deleted", "%u processors deleted", positions->len),
                             positions->len);

  subproc_history_remove (self->history, (guint *) positions->data, positions->len);
  self->undo_depth = subproc_history_get_n_steps (self->history);

  /* one toast offers Undo: a second delete retitles it, for libadwaita
   * 1.2 crashes when a toast that was put back in its queue for a newer
   * one is shown again while it still fades out */
  if (self->undo_toast != NULL)
    {
      g_clear_handle_id (&self->undo_dismiss_id, g_source_remove);
      adw_toast_set_title (self->undo_toast, title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->undo_toast, toast);
  self->undo_toast_added = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
dismiss_undo_toast_cb (gpointer user_data)
{
  SubprocWindow *self = user_data;

  self->undo_dismiss_id = 0;
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  return G_SOURCE_REMOVE;
}

/* Takes the offer to undo a delete away. libadwaita 1.2 crashes when a
 * toast is dismissed while it still slides in, so until then the toast
 * stays, and goes as soon as it is in place. */
static void
dismiss_undo_toast (SubprocWindow *self)
{
  gint64 shown_for;

  if (self->undo_toast == NULL || self->undo_dismiss_id != 0)
    return;

  shown_for = (g_get_monotonic_time () - self->undo_toast_added) / 1000;
  if (shown_for >= TOAST_SLIDE_IN_MS)
    adw_toast_dismiss (self->undo_toast);
  else
    self->undo_dismiss_id = g_timeout_add (TOAST_SLIDE_IN_MS - shown_for, dismiss_undo_toast_cb, self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  GFile *file = subproc_document_get_file (self->document);
  g_autofree char *source = file != NULL ? g_file_get_basename (file) : NULL;
  SubprocPrintWindow *preview = subproc_print_window_new (GTK_WINDOW (self), self->reg,
                                                          G_LIST_MODEL (self->sort_model), source);

  /* the register as it stood on a day says the day on every page */
  subproc_report_set_as_of (subproc_print_window_get_report (preview), subproc_document_get_as_of (self->document));
  gtk_window_present (GTK_WINDOW (preview));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  /* the offer to undo the delete is taken, or another step was undone */
  dismiss_undo_toast (self);
  subproc_history_undo (self->history);
}

/* The toast's Undo undoes its delete, and only while that is the last step. */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  if (subproc_history_get_n_steps (self->history) == self->undo_depth)
    subproc_history_undo (self->history);
  dismiss_undo_toast (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  subproc_history_redo (self->history);
}

static AdwEntryRow *
details_row (AdwPreferencesGroup *group,
             const char          *title,
             const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SubprocWindow    *self)
{
  AdwEntryRow **rows = g_object_get_data (G_OBJECT (dialog), "rows");
  GtkSpinButton *notice = g_object_get_data (G_OBJECT (dialog), "notice");
  guint days;

  if (!g_str_equal (response, "save"))
    return;

  /* the default period stays the default unless another is chosen */
  days = (guint) gtk_spin_button_get_value_as_int (notice);
  if (days == SUBPROC_REGISTER_DEFAULT_NOTICE_DAYS && !subproc_register_has_notice_days (self->reg))
    days = 0;
  /* Translators: the name of an undo step */
  subproc_history_begin_group (self->history, _("Change Register Details"));
  subproc_history_set_details (self->history,
                               gtk_editable_get_text (GTK_EDITABLE (rows[0])),
                               gtk_editable_get_text (GTK_EDITABLE (rows[1])),
                               gtk_editable_get_text (GTK_EDITABLE (rows[2])));
  subproc_history_set_notice_days (self->history, days);
  subproc_history_end_group (self->history);
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *group;
  AdwEntryRow **rows = g_new0 (AdwEntryRow *, 3);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Register Details"),
                                   _("Shown on the register’s printouts and exports."));
  group = adw_preferences_group_new ();
  rows[0] = details_row (ADW_PREFERENCES_GROUP (group), _("Title"), subproc_register_get_title (self->reg));
  rows[1] = details_row (ADW_PREFERENCES_GROUP (group), _("Organisation"), subproc_register_get_organisation (self->reg));
  rows[2] = details_row (ADW_PREFERENCES_GROUP (group), _("DPO contact"), subproc_register_get_dpo_contact (self->reg));
  g_object_set_data_full (G_OBJECT (dialog), "rows", rows, g_free);
  {
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *spin = gtk_spin_button_new_with_range (1, 365, 1);

    /* Translators: a register detail: the days customers have to object to a new sub-processor */
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Notice Period (Days)"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Before a new sub-processor takes effect"));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), subproc_register_get_notice_days (self->reg));
    gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    g_object_set_data (G_OBJECT (dialog), "notice", spin);
  }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (rows[0]));
}

/**
 * _subproc_window_update_actions:
 *
 * Enables what can be done now: nothing changes a read-only register,
 * edit and delete need a selection, undo and redo a step.
 */
void
_subproc_window_update_actions (SubprocWindow *self)
{
  g_autoptr(GArray) positions = NULL;
  gboolean writable;

  if (self->history == NULL || self->selection == NULL)
    return;

  positions = selected_positions (self);
  writable = !subproc_document_get_read_only (self->document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.details", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->reg)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", writable && positions->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", writable && positions->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", writable && positions->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && subproc_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && subproc_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review", writable);
  /* the past has no history of its own to change */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.changes", subproc_document_get_as_of (self->document) == NULL);
}

void
_subproc_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}

void
_subproc_window_actions_init (SubprocWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Delete deletes rows only where the rows are, not while typing a search */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("win.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("win.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (row_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (_subproc_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (_subproc_window_update_actions), self, G_CONNECT_SWAPPED);
}

void
_subproc_window_actions_dispose (SubprocWindow *self)
{
  g_clear_handle_id (&self->undo_dismiss_id, g_source_remove);
  g_clear_weak_pointer (&self->undo_toast);
}

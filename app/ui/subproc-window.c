/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "subproc-columns.h"
#include "subproc-convert.h"
#include "subproc-date.h"
#include "subproc-import.h"
#include "subproc-search.h"
#include "subproc-storage.h"
#include "subproc-window-private.h"

/* Changes are written this long after the last one, so that a burst of
 * edits is one write. */
#define AUTOSAVE_DELAY_MS 1000
/* registers larger than this are sorted and filtered a part at a time */
#define INCREMENTAL_FROM 5000

G_DEFINE_FINAL_TYPE (SubprocWindow, subproc_window, ADW_TYPE_APPLICATION_WINDOW)

typedef enum
{
  CHOOSE_OPEN,
  CHOOSE_IMPORT,
  CHOOSE_SAVE_AS,
} ChooserPurpose;

static void update_title (SubprocWindow *self);

/* Closures for the column view's cells and sorters: what a cell shows. */

static char *
countries_text (gpointer     unused,
                const char **codes,
                const char  *location)
{
  return subproc_columns_countries_text (codes, location, NULL);
}

/* The cells read as in the reports: see subproc-columns.c. */
static char *
basis_text (gpointer    unused,
            const char *basis,
            int         mechanism)
{
  return subproc_columns_basis_text (mechanism, basis);
}

static char *
one_line_text (gpointer    unused,
               const char *text)
{
  g_autoptr(GString) line = g_string_new (text);

  g_string_replace (line, "\n\n", " ", 0);
  g_string_replace (line, "\n", " ", 0);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static char *
date_text (gpointer    unused,
           const char *iso)
{
  g_autoptr(GDate) date = iso != NULL ? subproc_date_parse_iso (iso) : NULL;

  return date != NULL ? subproc_date_format_short (date) : NULL;
}

void
subproc_window_show_error (SubprocWindow *self,
                           const char    *heading,
                           const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_count (SubprocWindow *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->reg));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  /* Translators: shown below the table, e.g. “6 of 13 processors” */
  text = g_strdup_printf (ngettext ("%u of %u processor", "%u of %u processors", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : "table");
  gtk_stack_set_visible_child_name (self->table_stack, shown == 0 ? "no-results" : "rows");
}

static gboolean
ensure_parent (GFile   *file,
               GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;

  /* the folder holds personal data too */
  if (path != NULL && g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” could not be made: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Two saves of one file never overlap: a save that must happen now waits
 * for the one in the background. */
static void
wait_for_save (SubprocWindow *self)
{
  while (self->saving)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * subproc_window_save_now:
 *
 * Writes the register to its file at once, if it has one and may be written.
 *
 * Returns: %FALSE with @error set when writing failed.
 */
gboolean
subproc_window_save_now (SubprocWindow  *self,
                         GError        **error)
{
  g_autofree char *new_etag = NULL;

  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  wait_for_save (self);
  if (self->file == NULL || self->read_only || !self->dirty)
    return TRUE;

  if (!ensure_parent (self->file, error) ||
      !subproc_storage_save (self->reg, self->file, self->etag, &new_etag, error))
    return FALSE;

  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  self->dirty = FALSE;
  update_title (self);
  return TRUE;
}

/**
 * subproc_window_save_over:
 *
 * Writes the register over whatever the file on disk holds now; what it
 * held is kept as the backup “NAME~”.
 */
gboolean
subproc_window_save_over (SubprocWindow  *self,
                          GError        **error)
{
  g_clear_pointer (&self->etag, g_free);
  self->conflict = FALSE;
  self->dirty = TRUE;
  return subproc_window_save_now (self, error);
}

static void
report_save_error (SubprocWindow *self,
                   GError        *error)
{
  if (g_error_matches (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT))
    {
      /* never written over someone else's changes: the user decides */
      self->conflict = TRUE;
      subproc_window_handle_conflict (self);
    }
  else
    subproc_window_show_error (self, _("Changes Not Saved"), error->message);
}

static void
save_or_report (SubprocWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->conflict && !subproc_window_save_now (self, &error))
    report_save_error (self, error);
}

static void
saved_in_background_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;
  gboolean saved = subproc_storage_save_finish (SUBPROC_REGISTER (source), result, &new_etag, &error);

  self->saving = FALSE;
  /* a register shown no longer is no concern of the window's */
  if (SUBPROC_REGISTER (source) != self->reg)
    return;
  if (!saved)
    {
      self->save_again = FALSE;
      report_save_error (self, error);
      return;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  if (self->generation == self->saved_generation)
    {
      self->dirty = FALSE;
      update_title (self);
    }
  if (self->save_again)
    {
      self->save_again = FALSE;
      subproc_window_save_in_background (self);
    }
}

/**
 * subproc_window_save_in_background:
 *
 * Saves the register without waiting for the disk: the window stays
 * responsive while a large register is written. A change made meanwhile is
 * saved by one more save once this one is done, never by a second save at
 * the same time.
 */
void
subproc_window_save_in_background (SubprocWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SUBPROC_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->file == NULL || self->read_only || self->conflict || !self->dirty)
    return;
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  if (!ensure_parent (self->file, &error))
    {
      report_save_error (self, error);
      return;
    }

  self->saving = TRUE;
  self->saved_generation = self->generation;
  subproc_storage_save_async (self->reg, self->file, self->etag, NULL,
                              saved_in_background_cb, g_object_ref (self));
}

/**
 * subproc_window_is_saving:
 *
 * Returns: whether a save runs in the background, or is to follow one.
 */
gboolean
subproc_window_is_saving (SubprocWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), FALSE);

  return self->saving || self->save_again;
}

static gboolean
autosave_cb (gpointer user_data)
{
  SubprocWindow *self = user_data;

  self->autosave_id = 0;
  subproc_window_save_in_background (self);
  return G_SOURCE_REMOVE;
}

static void
register_changed_cb (SubprocWindow   *self,
                     SubprocRegister *reg)
{
  self->dirty = TRUE;
  self->generation++;
  update_title (self);
  update_count (self);

  if (self->file != NULL && !self->read_only && !self->conflict)
    {
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
    }
}

static void
update_title (SubprocWindow *self)
{
  const char *title = subproc_register_get_title (self->reg);
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;

  if (title == NULL)
    title = "Subproc";

  if (name == NULL)
    subtitle = g_strdup (_("Not saved"));
  else if (self->read_only)
    /* Translators: the window's subtitle: the file's name, then why it cannot be changed */
    subtitle = g_strdup_printf (_("%s (read-only: made by a newer version of Subproc)"), name);
  else
    subtitle = g_steal_pointer (&name);

  /* a bullet while there are changes not yet on disk */
  if (self->dirty)
    shown = g_strdup_printf ("• %s", title);
  else
    shown = g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_register (SubprocWindow   *self,
              SubprocRegister *reg,
              GFile           *file,
              const char      *etag,
              gboolean         read_only)
{
  gboolean large;

  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_func (self->reg, register_changed_cb, self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  wait_for_save (self);

  g_set_object (&self->reg, reg);
  g_clear_object (&self->history);
  self->history = subproc_history_new (reg);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (subproc_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  self->conflict = FALSE;
  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  self->read_only = read_only;
  self->dirty = FALSE;

  g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self, G_CONNECT_SWAPPED);
  /* a large register is filtered and sorted a part at a time between
   * frames: the window shows rows, and takes keys, while it goes on; a
   * small one at once, so that its order is never seen unsorted */
  large = g_list_model_get_n_items (G_LIST_MODEL (reg)) > INCREMENTAL_FROM;
  gtk_filter_list_model_set_incremental (self->filter_model, large);
  gtk_sort_list_model_set_incremental (self->sort_model, large);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (reg));

  update_title (self);
  update_count (self);
  subproc_window_update_actions (self);

  /* the table takes the keyboard, so arrows, Enter and Delete work at once */
  if (g_list_model_get_n_items (G_LIST_MODEL (reg)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/**
 * subproc_window_reload:
 *
 * Reads the register's file again, dropping the changes not saved.
 */
void
subproc_window_reload (SubprocWindow *self)
{
  g_autoptr(GFile) file = self->file != NULL ? g_object_ref (self->file) : NULL;
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  gboolean newer = FALSE;

  g_return_if_fail (file != NULL);

  reg = subproc_storage_load (file, &newer, &etag, &error);
  if (reg == NULL)
    {
      subproc_window_show_error (self, _("Could Not Open the Register"), error->message);
      return;
    }
  set_register (self, reg, file, etag, newer);
}

/* Replacing the register shown: it is saved first; when it cannot be (it
 * has no file, is read-only, or its file changed on disk), the user chooses
 * between saving it elsewhere, dropping the changes and keeping it. The
 * file or example to open next waits for that answer. */
gboolean
subproc_window_release_current (SubprocWindow *self,
                                GFile         *next_file,
                                gboolean       next_example)
{
  g_autoptr(GError) error = NULL;

  if (self->reg == NULL || !self->dirty)
    return TRUE;
  if (self->file != NULL && !self->read_only && !self->conflict &&
      subproc_window_save_now (self, &error))
    return TRUE;

  g_set_object (&self->pending_file, next_file);
  self->pending_example = next_example;
  subproc_window_ask_unsaved (self, error != NULL ? error->message : NULL, FALSE);
  return FALSE;
}

static char *
describe_warnings (const char *file_name,
                   GPtrArray  *warnings)
{
  g_autoptr(GString) details = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      SubprocImportWarning *warning = g_ptr_array_index (warnings, i);

      if (i > 0)
        g_string_append (details, "\n\n");
      /* Translators: a warning about an imported list: file, line, column, message */
      g_string_append_printf (details, _("“%s”, line %u, column %u: %s"),
                              file_name, warning->line, warning->column, warning->message);
    }

  return g_string_free (g_steal_pointer (&details), FALSE);
}

/* Adds imported processors to the register as one undoable step, and says
 * how many came in, with any warnings behind the toast's button. */
static void
add_imported (SubprocWindow *self,
              GPtrArray     *processors,
              GPtrArray     *warnings,
              const char    *name)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  AdwToast *toast;

  /* Translators: the name of an undo step */
  subproc_history_insert (self->history, g_list_model_get_n_items (G_LIST_MODEL (self->reg)),
                          (SubprocProcessor **) processors->pdata, processors->len, _("Import"));

  /* toasts read markup: the file's name is text */
  /* Translators: %u is a number, %s a file's name */
  message = g_strdup_printf (ngettext ("Imported %u processor from “%s”",
                                       "Imported %u processors from “%s”", processors->len),
                             processors->len, escaped);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);

  /* the warnings wait behind a button: a footer line is no reason to stop the user */
  g_free (self->import_warnings);
  self->import_warnings = warnings != NULL && warnings->len > 0 ? describe_warnings (name, warnings) : NULL;
  if (self->import_warnings != NULL)
    {
      adw_toast_set_button_label (toast, ngettext ("_Show Warning", "_Show Warnings", warnings->len));
      adw_toast_set_action_name (toast, "win.show-import-warnings");
    }
  else
    adw_toast_set_timeout (toast, 5);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
refuse_if_read_only (SubprocWindow *self)
{
  if (!self->read_only)
    return FALSE;

  subproc_window_show_error (self, _("Nothing Imported"),
                             _("This register was written by a newer version of Subproc and cannot be changed here. Save it under another name first, or import into another register."));
  return TRUE;
}

static void
import_into_register (SubprocWindow *self,
                      GFile         *file)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (refuse_if_read_only (self))
    return;

  processors = subproc_import_file (file, &warnings, &error);
  if (processors == NULL)
    {
      subproc_window_show_error (self, _("Nothing Imported"), error->message);
      return;
    }

  add_imported (self, processors, warnings, name);
}

static void
show_import_warnings_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  if (self->import_warnings == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Warnings"),
                                   _("Check these places in the list: each says what Subproc did with what it could not read as it stood."));
  label = gtk_label_new (self->import_warnings);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Takes the processors out of a register read from a list, to import them. */
static GPtrArray *
take_processors (SubprocRegister *reg)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (reg));
  GPtrArray *processors = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (processors, g_object_ref (subproc_register_get_processor (reg, i)));
  subproc_register_splice (reg, 0, n_items, NULL, 0);
  return processors;
}

static void
open_register_file (SubprocWindow *self,
                    GFile         *file)
{
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gboolean is_register = FALSE;
  gboolean newer = FALSE;

  reg = subproc_read_input (file, &is_register, &newer, &etag, &warnings, &error);
  if (reg == NULL)
    {
      subproc_window_show_error (self, is_register ? _("Could Not Open the Register") : _("Nothing Imported"),
                                 error->message);
      return;
    }

  if (!is_register)
    {
      g_autoptr(GPtrArray) processors = NULL;

      if (refuse_if_read_only (self))
        return;
      processors = take_processors (reg);
      add_imported (self, processors, warnings, name);
      return;
    }

  /* what is not on disk yet is saved, or the user is asked first */
  if (!subproc_window_release_current (self, file, FALSE))
    return;
  set_register (self, reg, file, etag, newer);
  if (newer)
    subproc_window_show_error (self, _("Opened Read-Only"),
                               _("This register was written by a newer version of Subproc. You can read it, but changes are not saved to it, so that nothing the newer version wrote is lost."));
}

/**
 * subproc_window_open_files:
 *
 * Opens a register, or imports a list into the register shown, for each file.
 */
void
subproc_window_open_files (SubprocWindow  *self,
                           GFile         **files,
                           int             n_files)
{
  g_return_if_fail (SUBPROC_IS_WINDOW (self));

  if (self->reg == NULL)
    subproc_window_open_default (self);
  for (int i = 0; i < n_files; i++)
    open_register_file (self, files[i]);
}

/**
 * subproc_window_open_default:
 *
 * Shows the user's own register, creating none until there is something to save.
 * A register that fails to load is reported and left alone on disk.
 */
void
subproc_window_open_default (SubprocWindow *self)
{
  g_autoptr(GFile) file = subproc_application_get_default_file ();
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  gboolean newer = FALSE;

  g_return_if_fail (SUBPROC_IS_WINDOW (self));

  if (!g_file_query_exists (file, NULL))
    {
      g_autoptr(SubprocRegister) empty = subproc_register_new ();

      set_register (self, empty, file, NULL, FALSE);
      return;
    }

  reg = subproc_storage_load (file, &newer, &etag, &error);
  if (reg == NULL)
    {
      g_autoptr(SubprocRegister) empty = subproc_register_new ();

      /* untitled, so that nothing is ever written over the file that failed */
      set_register (self, empty, NULL, NULL, FALSE);
      subproc_window_show_error (self, _("Could Not Open Your Register"), error->message);
      return;
    }

  set_register (self, reg, file, etag, newer);
}

/**
 * subproc_window_open_example:
 *
 * Shows the example register: the bundled list, imported, as an untitled
 * register that is saved only where the user says.
 */
void
subproc_window_open_example (SubprocWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  gsize length;
  const char *text;

  g_return_if_fail (SUBPROC_IS_WINDOW (self));

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example/sub-processors.txt", 0, NULL);
  g_assert (bytes != NULL);
  text = g_bytes_get_data (bytes, &length);
  processors = subproc_import_text (text, length, "sub-processors.txt", NULL, NULL);
  g_assert (processors != NULL);

  subproc_register_splice (reg, 0, 0, (SubprocProcessor **) processors->pdata, processors->len);
  subproc_register_set_title (reg, _("Example Register"));
  subproc_register_set_organisation (reg, "Plandisc");

  if (!subproc_window_release_current (self, NULL, TRUE))
    return;
  set_register (self, reg, NULL, NULL, FALSE);
}

/* Opens what waited for the register shown to be saved or dropped. */
static void
run_pending (SubprocWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  gboolean example = self->pending_example;

  self->pending_example = FALSE;
  if (file != NULL)
    open_register_file (self, file);
  else if (example)
    subproc_window_open_example (self);
}

/**
 * subproc_window_save_as:
 *
 * Saves the register to @file and makes it the register's file.
 */
void
subproc_window_save_as (SubprocWindow *self,
                        GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;
  AfterSave after = self->after_save;

  self->after_save = AFTER_SAVE_NOTHING;
  if (!ensure_parent (file, &error) ||
      !subproc_storage_save (self->reg, file, NULL, &new_etag, &error))
    {
      subproc_window_show_error (self, _("Could Not Save the Register"), error->message);
      return;
    }

  /* from now on the register is this file's, and a change on disk is noticed */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  self->conflict = FALSE;
  self->read_only = FALSE;
  self->dirty = FALSE;
  update_title (self);
  subproc_window_update_actions (self);

  if (after == AFTER_SAVE_CLOSE)
    gtk_window_close (GTK_WINDOW (self));
  else if (after == AFTER_SAVE_OPEN_PENDING)
    run_pending (self);
}

static void
chooser_response_cb (SubprocWindow        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  ChooserPurpose purpose = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "purpose"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    {
      /* cancelled: nothing waits for a save any more */
      self->after_save = AFTER_SAVE_NOTHING;
      g_clear_object (&self->pending_file);
      self->pending_example = FALSE;
      return;
    }

  switch (purpose)
    {
    case CHOOSE_OPEN:
      open_register_file (self, file);
      break;
    case CHOOSE_IMPORT:
      import_into_register (self, file);
      break;
    case CHOOSE_SAVE_AS:
      subproc_window_save_as (self, file);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns,
            const char * const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (SubprocWindow  *self,
             ChooserPurpose  purpose)
{
  static const char * const register_patterns[] = { "*.json", NULL };
  static const char * const list_patterns[] = { "*.txt", "*.tsv", "*.csv", NULL };
  static const char * const list_types[] = { "text/plain", "text/tab-separated-values", "text/csv", NULL };
  const char *title[] = {
    [CHOOSE_OPEN] = _("Open a Register"),
    [CHOOSE_IMPORT] = _("Import a List of Processors"),
    [CHOOSE_SAVE_AS] = _("Save the Register As"),
  };
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (title[purpose], GTK_WINDOW (self),
                                               purpose == CHOOSE_SAVE_AS ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                         : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               purpose == CHOOSE_SAVE_AS ? _("_Save") : _("_Open"),
                                               _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  g_object_set_data (G_OBJECT (chooser), "purpose", GINT_TO_POINTER (purpose));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (purpose == CHOOSE_IMPORT)
    add_filter (chooser, _("Lists (tab-separated text or CSV)"), list_patterns, list_types);
  else
    add_filter (chooser, _("Subproc registers"), register_patterns, NULL);
  if (purpose == CHOOSE_SAVE_AS)
    gtk_file_chooser_set_current_name (chooser, _("register.json"));
  else
    add_filter (chooser, _("All files"), (const char * const[]) { "*", NULL }, NULL);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * subproc_window_choose_save_as:
 *
 * Asks where to save the register, then saves it there.
 */
void
subproc_window_choose_save_as (SubprocWindow *self)
{
  choose_file (self, CHOOSE_SAVE_AS);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (SUBPROC_WINDOW (widget), CHOOSE_OPEN);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (SUBPROC_WINDOW (widget), CHOOSE_IMPORT);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_file (SUBPROC_WINDOW (widget), CHOOSE_SAVE_AS);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  if (self->file == NULL || self->read_only)
    choose_file (self, CHOOSE_SAVE_AS);
  else if (self->conflict)
    subproc_window_handle_conflict (self);
  else
    {
      self->dirty = TRUE;
      save_or_report (self);
    }
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  subproc_window_open_example (SUBPROC_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (SubprocWindow  *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = subproc_search_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_autofree char *stripped = g_strstrip (g_strdup (query));

  if (g_strcmp0 (stripped, self->query) == 0)
    return;
  g_free (self->query);
  g_strfreev (self->query_words);
  self->query_words = subproc_search_split (stripped);
  self->query = g_steal_pointer (&stripped);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (SubprocWindow  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SubprocWindow *self = user_data;

  if (self->query_words == NULL)
    return TRUE;
  return subproc_search_matches_words (item, (const char * const *) self->query_words, NULL);
}

static void
filter_items_changed_cb (SubprocWindow *self)
{
  update_count (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SubprocWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    open_register_file (self, l->data);
  g_slist_free (files);
  return TRUE;
}

static void
unsaved_response_cb (SubprocWindow    *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  gboolean closing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "closing"));

  if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      if (closing)
        {
          self->closing = TRUE;
          gtk_window_destroy (GTK_WINDOW (self));
        }
      else
        run_pending (self);
    }
  else if (g_str_equal (response, "save-as"))
    {
      self->after_save = closing ? AFTER_SAVE_CLOSE : AFTER_SAVE_OPEN_PENDING;
      choose_file (self, CHOOSE_SAVE_AS);
    }
  else
    {
      g_clear_object (&self->pending_file);
      self->pending_example = FALSE;
    }
}

/**
 * subproc_window_ask_unsaved:
 * @reason: (nullable): why the changes could not be saved, if a save failed
 * @closing: whether the window is closing, else another register is opening
 *
 * Asks what to do with changes that cannot be saved where the register
 * came from: nothing the user typed is lost without asking.
 */
void
subproc_window_ask_unsaved (SubprocWindow *self,
                            const char    *reason,
                            gboolean       closing)
{
  GtkWidget *dialog;
  const char *body = reason;

  if (body == NULL && self->read_only)
    body = _("This register was made by a newer version of Subproc, so your changes can only be saved under another name.");
  else if (body == NULL && self->conflict)
    body = _("The register’s file was changed by another program, so your changes are not saved in it yet.");
  else if (body == NULL)
    body = closing ? _("This register has not been saved to a file. If you close the window, its changes are lost.")
                   : _("This register has not been saved to a file. If you open another one, its changes are lost.");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save-as", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "closing", GINT_TO_POINTER (closing));
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
subproc_window_close_request (GtkWindow *window)
{
  SubprocWindow *self = SUBPROC_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (self->closing || !self->dirty)
    goto close;
  if (self->file != NULL && !self->read_only && !self->conflict && subproc_window_save_now (self, &error))
    goto close;

  subproc_window_ask_unsaved (self, error != NULL ? error->message : NULL, TRUE);
  return TRUE;

close:
  return GTK_WINDOW_CLASS (subproc_window_parent_class)->close_request (window);
}

static void
subproc_window_dispose (GObject *object)
{
  SubprocWindow *self = (SubprocWindow *)object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->undo_dismiss_id, g_source_remove);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SUBPROC_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->history);
  g_clear_object (&self->reg);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (subproc_window_parent_class)->dispose (object);
}

static void
subproc_window_finalize (GObject *object)
{
  SubprocWindow *self = (SubprocWindow *)object;

  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->query_words, g_strfreev);
  g_clear_pointer (&self->import_warnings, g_free);

  G_OBJECT_CLASS (subproc_window_parent_class)->finalize (object);
}

static void
subproc_window_class_init (SubprocWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = subproc_window_dispose;
  object_class->finalize = subproc_window_finalize;
  window_class->close_request = subproc_window_close_request;

  g_type_ensure (SUBPROC_TYPE_PROCESSOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/subproc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, table_stack);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, new_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, countries_text);
  gtk_widget_class_bind_template_callback (widget_class, basis_text);
  gtk_widget_class_bind_template_callback (widget_class, one_line_text);
  gtk_widget_class_bind_template_callback (widget_class, date_text);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-warnings", NULL, show_import_warnings_action);
  subproc_window_actions_class_init (widget_class);
}

static void
setup_models (SubprocWindow *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
}

/* GTK 4.8 cuts a column title that does not fit; translated titles are
 * longer than English ones ("Juridisk grundlag för behandling utanför
 * EU/EES"), so each column is made at least as wide as its title. */
static void
fit_columns_to_titles (SubprocWindow *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  /* room for the cell padding and the sort arrow */
  const int extra = 40;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      int width;

      /* as Adwaita draws column titles: small and bold */
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_layout_set_text (layout, gtk_column_view_column_get_title (column), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      /* a column without a fixed width already takes its content's width */
      if (gtk_column_view_column_get_fixed_width (column) >= 0 &&
          gtk_column_view_column_get_fixed_width (column) < width + extra)
        gtk_column_view_column_set_fixed_width (column, width + extra);
    }
}

static void
setup_drop_target (SubprocWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
subproc_window_init (SubprocWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  setup_models (self);
  setup_drop_target (self);
  subproc_window_actions_init (self);
  fit_columns_to_titles (self);
  {
    g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);
  }

  {
    g_autoptr(SubprocRegister) empty = subproc_register_new ();

    set_register (self, empty, NULL, NULL, FALSE);
  }
}

/**
 * subproc_window_new:
 *
 * Returns: (transfer full): a window with an empty, untitled register.
 */
SubprocWindow *
subproc_window_new (SubprocApplication *application)
{
  return g_object_new (SUBPROC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * subproc_window_get_register:
 *
 * Returns: (transfer none): the register shown.
 */
SubprocRegister *
subproc_window_get_register (SubprocWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), NULL);

  return self->reg;
}

/**
 * subproc_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file the register is saved to.
 */
GFile *
subproc_window_get_file (SubprocWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), NULL);

  return self->file;
}

GListModel *
subproc_window_get_visible_model (SubprocWindow *self)
{
  return G_LIST_MODEL (self->sort_model);
}

GtkEditable *
subproc_window_get_search_entry (SubprocWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

const char *
subproc_window_get_count_text (SubprocWindow *self)
{
  return gtk_label_get_text (self->count_label);
}

const char *
subproc_window_get_visible_page (SubprocWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
subproc_window_get_import_warnings (SubprocWindow *self)
{
  return self->import_warnings;
}

GtkColumnView *
subproc_window_get_column_view (SubprocWindow *self)
{
  return self->column_view;
}

/* The text a cell of COLUMN shows for the processor in visible ROW. */
char *
subproc_window_cell_text (SubprocWindow *self,
                          guint          column,
                          guint          row)
{
  g_autoptr(SubprocProcessor) processor = g_list_model_get_item (G_LIST_MODEL (self->sort_model), row);

  g_return_val_if_fail (processor != NULL, NULL);

  switch (column)
    {
    case 0:
      return g_strdup (subproc_processor_get_name (processor));
    case 1:
      return countries_text (NULL, (const char **) subproc_processor_get_countries (processor),
                             subproc_processor_get_text (processor, SUBPROC_FIELD_LOCATION));
    case 2:
      return basis_text (NULL, subproc_processor_get_text (processor, SUBPROC_FIELD_TRANSFER_BASIS),
                         subproc_processor_get_transfer_mechanism (processor));
    case 3:
      return g_strdup (subproc_processor_get_text (processor, SUBPROC_FIELD_FUNCTION));
    case 4:
      return one_line_text (NULL, subproc_processor_get_text (processor, SUBPROC_FIELD_DESCRIPTION));
    case 5:
      return date_text (NULL, subproc_processor_get_text (processor, SUBPROC_FIELD_UPDATED));
    default:
      g_return_val_if_reached (NULL);
    }
}

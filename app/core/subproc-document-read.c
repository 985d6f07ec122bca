/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-document-private.h"
#include "subproc-storage.h"
#include "subproc-validate.h"

/* Reading files into the document: opening a register, reloading it, and
 * importing a list or merging a vendor's new one as one undo step. */

static void
open_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *file = g_task_get_task_data (task);
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GError) error = NULL;

  input = subproc_input_read_finish (result, &error);
  /* nothing there yet: the first save makes it */
  if (input == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && !g_file_query_exists (file, NULL))
    g_task_return_pointer (task, subproc_document_new (NULL, file), g_object_unref);
  else if (input == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!subproc_input_is_register (input))
    g_task_return_new_error (task, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_NOT_REGISTER,
                             _("“%s” is a list of processors, not a register. Import it into a register instead."),
                             input->display_name);
  else
    g_task_return_pointer (task, subproc_document_new_for_input (input, file), g_object_unref);
}

/**
 * subproc_document_open_async:
 *
 * Reads the register in @file in a worker thread. A file that does not
 * exist gives an empty register that is saved to it.
 */
void
subproc_document_open_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, subproc_document_open_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  subproc_input_read_async (file, cancellable, open_read_cb, task);
}

/**
 * subproc_document_open_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set; the
 *   file that failed to load is then never written.
 */
SubprocDocument *
subproc_document_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == subproc_document_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
reload_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SubprocDocument *self = g_task_get_source_object (task);
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GError) error = NULL;

  input = subproc_input_read_finish (result, &error);
  if (input != NULL && !subproc_input_is_register (input))
    g_set_error (&error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_NOT_REGISTER,
                 _("“%s” is no longer a register."), input->display_name);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  _subproc_document_set_register (self, input->reg);
  _subproc_document_set_file (self, self->file, input->etag, input->newer_version);
  self->older_version = input->older_version;
  g_object_thaw_notify (G_OBJECT (self));
  g_task_return_boolean (task, TRUE);
}

void
_subproc_document_start_reload (SubprocDocument *self,
                                GTask           *task)
{
  subproc_input_read_async (self->file, g_task_get_cancellable (task), reload_read_cb, g_object_ref (task));
}

/**
 * subproc_document_reload_async:
 *
 * Reads the register's file again, dropping the changes not saved and the
 * undo history; after the write that runs, if any.
 */
void
subproc_document_reload_async (SubprocDocument     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SUBPROC_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);
  g_return_if_fail (self->pending_reload == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, subproc_document_reload_async);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_again = FALSE;
  if (self->writing)
    {
      self->pending_reload = g_steal_pointer (&task);
      _subproc_document_notify (self, PROP_BUSY);
    }
  else
    _subproc_document_start_reload (self, task);
}

gboolean
subproc_document_reload_finish (SubprocDocument  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == subproc_document_reload_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_read_only_error (SubprocDocument  *self,
                     GError          **error)
{
  if (self->log_unreadable)
    g_set_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_READ_ONLY,
                 _("The change log of this register cannot be read, so no change could be recorded: %s"),
                 self->log_problem);
  else
    g_set_error_literal (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_READ_ONLY,
                         _("This register was written by a newer version of Subproc and cannot be changed here. Save it under another name first, or import into another register."));
}

/**
 * subproc_document_import:
 * @input: what a list held
 *
 * Adds the list's processors at the end of the register, as one step that
 * Undo takes back.
 *
 * Returns: %FALSE with @error set when @input is a register, or the
 *   register is read-only.
 */
gboolean
subproc_document_import (SubprocDocument  *self,
                         SubprocInput     *input,
                         GError          **error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (subproc_input_is_register (input))
    {
      g_set_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_NOT_A_LIST,
                   _("“%s” is a Subproc register, not a list of processors. Open it instead."),
                   input->display_name);
      return FALSE;
    }
  if (self->read_only)
    {
      set_read_only_error (self, error);
      return FALSE;
    }

  /* the processors remember the list they came from, for the next merge */
  for (guint i = 0; input->source != NULL && i < input->processors->len; i++)
    if (subproc_processor_get_text (g_ptr_array_index (input->processors, i), SUBPROC_FIELD_SOURCE) == NULL)
      subproc_processor_set_text (g_ptr_array_index (input->processors, i), SUBPROC_FIELD_SOURCE, input->source);
  /* Translators: the reason the change log records for an import; %s is the list's file name */
  reason = g_strdup_printf (_("Imported from %s"), input->display_name);
  subproc_history_set_reason (self->history, reason);
  /* Translators: the name of an undo step */
  subproc_history_insert (self->history, g_list_model_get_n_items (G_LIST_MODEL (self->reg)),
                          (SubprocProcessor **) input->processors->pdata, input->processors->len, _("Import"));
  subproc_history_set_reason (self->history, NULL);
  return TRUE;
}

/**
 * subproc_document_merge:
 * @items: (element-type SubprocMergeItem): what subproc_merge_compare() found
 *   between the register and a list from @source
 * @end_missing: whether those no longer listed are marked ended
 * @counts: (out) (optional): what was done
 *
 * Merges a vendor's new list, as one step that Undo takes back.
 *
 * Returns: %FALSE with @error set when the register is read-only.
 */
gboolean
subproc_document_merge (SubprocDocument    *self,
                        GPtrArray          *items,
                        const char         *source,
                        gboolean            end_missing,
                        SubprocMergeCounts *counts,
                        GError            **error)
{
  g_autofree char *today = NULL;
  SubprocMergeCounts done;

  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (self->read_only)
    {
      set_read_only_error (self, error);
      return FALSE;
    }
  today = subproc_today_iso ();
  done = subproc_merge_apply (self->history, items, source, today, end_missing);
  if (counts != NULL)
    *counts = done;
  return TRUE;
}

static void
import_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SubprocDocument *self = g_task_get_source_object (task);
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GError) error = NULL;

  input = subproc_input_read_finish (result, &error);
  if (input == NULL || !subproc_document_import (self, input, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&input), (GDestroyNotify) subproc_input_free);
}

/**
 * subproc_document_import_async:
 *
 * Reads the list in @file in a worker thread, then imports it as
 * subproc_document_import() does.
 */
void
subproc_document_import_async (SubprocDocument     *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SUBPROC_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, subproc_document_import_async);
  subproc_input_read_async (file, cancellable, import_read_cb, task);
}

/**
 * subproc_document_import_finish:
 *
 * Returns: (transfer full): what was imported, with the list's warnings,
 *   or %NULL with @error set.
 */
SubprocInput *
subproc_document_import_finish (SubprocDocument  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == subproc_document_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

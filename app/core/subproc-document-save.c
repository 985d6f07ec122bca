/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "subproc-document-private.h"
#include "subproc-storage.h"

/* Writing the document: the autosave, saves that wait for the write that
 * runs, Save As, and writing over a file that changed on disk. */

static void start_write (SubprocDocument *self);

static gboolean
autosave_cb (gpointer user_data)
{
  SubprocDocument *self = user_data;

  self->autosave_id = 0;
  if (self->writing)
    self->autosave_again = TRUE;
  else if (self->dirty && subproc_document_can_save_in_place (self))
    start_write (self);
  return G_SOURCE_REMOVE;
}

/* Writes the changes a moment after the last one, so that a burst of
 * edits is one write. */
void
_subproc_document_schedule_autosave (SubprocDocument *self)
{
  if (self->autosave_delay > 0 && subproc_document_can_save_in_place (self))
    {
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      self->autosave_id = g_timeout_add (self->autosave_delay, autosave_cb, self);
    }
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

/* Why the register cannot be written to its file now, if it cannot. */
static gboolean
check_writable (SubprocDocument  *self,
                GError          **error)
{
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;

  if (self->file == NULL)
    {
      g_set_error_literal (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_UNTITLED,
                           _("This register has not been saved to a file yet. Save it under a name first."));
      return FALSE;
    }
  if (self->read_only && self->log_unreadable)
    {
      g_set_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_READ_ONLY,
                   _("The change log of “%s” cannot be read, so it is not written over; save the register under another name."),
                   name);
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, SUBPROC_DOCUMENT_ERROR, SUBPROC_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” was written by a newer version of Subproc, so your changes can only be saved under another name."),
                   name);
      return FALSE;
    }
  if (self->conflict)
    {
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT,
                   _("“%s” was changed by another program, so your changes are not saved in it yet."),
                   name);
      return FALSE;
    }
  return TRUE;
}

static void
finish_tasks (GPtrArray    *tasks,
              const GError *error)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
  g_ptr_array_set_size (tasks, 0);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SubprocDocument) self = user_data;
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->writing_tasks);
  g_autoptr(GFile) written = g_steal_pointer (&self->writing_file);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;
  gboolean saved = subproc_storage_save_finish (SUBPROC_REGISTER (source), result, &new_etag, &error);
  /* a register read again, or saved elsewhere, since: the write is history */
  gboolean current = SUBPROC_REGISTER (source) == self->reg && self->file != NULL && g_file_equal (written, self->file);

  guint n_asked = tasks->len;

  self->writing = FALSE;
  if (current && saved)
    {
      g_free (self->etag);
      self->etag = g_steal_pointer (&new_etag);
      self->older_version = FALSE;
      if (self->generation == self->written_generation)
        _subproc_document_set_flag (self, &self->dirty, FALSE, PROP_DIRTY);
    }
  else if (current && g_error_matches (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT))
    /* never written over someone else's changes: the user decides */
    _subproc_document_set_flag (self, &self->conflict, TRUE, PROP_CONFLICT);

  finish_tasks (tasks, error);
  if (error != NULL)
    {
      /* what waited would fail the same way; the user hears of it once */
      finish_tasks (self->waiting, error);
      self->autosave_again = FALSE;
      if (current && n_asked == 0 && !self->conflict)
        _subproc_document_save_failed (self, error);
    }
  /* it was cleared by finish_tasks: count what asked before that */
  else if (self->waiting->len > 0 || (self->autosave_again && self->dirty))
    {
      self->autosave_again = FALSE;
      start_write (self);
    }

  if (!self->writing)
    {
      _subproc_document_notify (self, PROP_BUSY);
      if (self->pending_reload != NULL)
        {
          g_autoptr(GTask) task = g_steal_pointer (&self->pending_reload);

          _subproc_document_start_reload (self, task);
        }
    }
}

/* Writes the register as it is now to its file, in a worker thread; the
 * saves that waited are finished by this write. */
static void
start_write (SubprocDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (!self->writing);
  g_assert (self->file != NULL);

  self->writing_tasks = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);

  if (!ensure_parent (self->file, &error))
    {
      gboolean asked = self->writing_tasks->len > 0;

      finish_tasks (self->writing_tasks, error);
      g_clear_pointer (&self->writing_tasks, g_ptr_array_unref);
      if (!asked)
        _subproc_document_save_failed (self, error);
      return;
    }

  self->written_generation = self->generation;
  self->writing_file = g_object_ref (self->file);
  _subproc_document_set_flag (self, &self->writing, TRUE, PROP_BUSY);
  subproc_storage_save_async (self->reg, self->file, self->etag, NULL, write_done_cb, g_object_ref (self));
}

/**
 * subproc_document_can_save_in_place:
 *
 * Returns: whether a save writes the register to its file: it has one,
 *   may write it, and the file did not change on disk.
 */
gboolean
subproc_document_can_save_in_place (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  return self->file != NULL && !self->read_only && !self->conflict;
}

/**
 * subproc_document_save_async:
 *
 * Writes the register to its file in a worker thread, even without
 * changes (a file removed meanwhile is written again). During a write it
 * waits, and the next write saves for it.
 */
void
subproc_document_save_async (SubprocDocument     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SUBPROC_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, subproc_document_save_async);
  if (!check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_ptr_array_add (self->waiting, g_steal_pointer (&task));
  if (!self->writing)
    start_write (self);
}

gboolean
subproc_document_save_finish (SubprocDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == subproc_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * subproc_document_save_now:
 *
 * Writes the changes to the file before returning, after the write that
 * runs, if any: for closing, when the answer cannot wait. Without changes
 * nothing is written.
 *
 * Returns: %FALSE with @error set when the register could not be written.
 */
gboolean
subproc_document_save_now (SubprocDocument  *self,
                           GError          **error)
{
  g_autofree char *new_etag = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  while (self->writing)
    g_main_context_iteration (self->context, TRUE);
  if (!self->dirty)
    return TRUE;
  if (!check_writable (self, error) || !ensure_parent (self->file, error))
    return FALSE;

  if (!subproc_storage_save (self->reg, self->file, self->etag, &new_etag, &local_error))
    {
      if (g_error_matches (local_error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT))
        _subproc_document_set_flag (self, &self->conflict, TRUE, PROP_CONFLICT);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  self->older_version = FALSE;
  _subproc_document_set_flag (self, &self->dirty, FALSE, PROP_DIRTY);
  return TRUE;
}

/**
 * subproc_document_save_over:
 *
 * Writes the register over whatever its file holds now, after a
 * conflict; what the file held is kept as the backup “NAME~”.
 */
gboolean
subproc_document_save_over (SubprocDocument  *self,
                            GError          **error)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  g_clear_pointer (&self->etag, g_free);
  _subproc_document_set_flag (self, &self->conflict, FALSE, PROP_CONFLICT);
  _subproc_document_set_flag (self, &self->dirty, TRUE, PROP_DIRTY);
  return subproc_document_save_now (self, error);
}

typedef struct
{
  GFile   *file;
  guint64  generation;
} SaveAsData;

static void
save_as_data_free (SaveAsData *data)
{
  g_object_unref (data->file);
  g_free (data);
}

static void
save_as_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SubprocDocument *self = g_task_get_source_object (task);
  SaveAsData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;

  self->n_saving_as--;
  if (!subproc_storage_save_finish (SUBPROC_REGISTER (source), result, &new_etag, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      _subproc_document_notify (self, PROP_BUSY);
      return;
    }

  /* from now on the register is this file's, and a change on disk is noticed */
  if (SUBPROC_REGISTER (source) == self->reg)
    {
      g_object_freeze_notify (G_OBJECT (self));
      _subproc_document_set_file (self, data->file, new_etag, FALSE);
      self->older_version = FALSE;
      _subproc_document_set_flag (self, &self->conflict, FALSE, PROP_CONFLICT);
      _subproc_document_set_flag (self, &self->dirty, self->generation != data->generation, PROP_DIRTY);
      g_object_thaw_notify (G_OBJECT (self));
    }
  g_task_return_boolean (task, TRUE);
  _subproc_document_notify (self, PROP_BUSY);
}

/**
 * subproc_document_save_as_async:
 *
 * Writes the register to @file, which becomes its file: a read-only
 * register can be written there, and a conflict is left behind.
 */
void
subproc_document_save_as_async (SubprocDocument     *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveAsData *data;

  g_return_if_fail (SUBPROC_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, subproc_document_save_as_async);
  if (!ensure_parent (file, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  data = g_new0 (SaveAsData, 1);
  data->file = g_object_ref (file);
  data->generation = self->generation;
  g_task_set_task_data (task, data, (GDestroyNotify) save_as_data_free);
  self->n_saving_as++;
  _subproc_document_notify (self, PROP_BUSY);
  subproc_storage_save_async (self->reg, file, NULL, cancellable, save_as_done_cb, g_steal_pointer (&task));
}

gboolean
subproc_document_save_as_finish (SubprocDocument  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == subproc_document_save_as_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

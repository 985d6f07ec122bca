/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-import.h"
#include "subproc-input.h"
#include "subproc-merge.h"
#include "subproc-storage-private.h"

/**
 * subproc_input_free:
 *
 * Frees what a file held.
 */
void
subproc_input_free (SubprocInput *input)
{
  if (input == NULL)
    return;

  g_free (input->display_name);
  g_clear_object (&input->reg);
  g_free (input->etag);
  g_free (input->source);
  g_clear_pointer (&input->data, g_bytes_unref);
  g_clear_pointer (&input->processors, g_ptr_array_unref);
  g_clear_pointer (&input->warnings, g_ptr_array_unref);
  g_free (input);
}

/**
 * subproc_input_is_register:
 *
 * Returns: whether the file held a register rather than a list.
 */
gboolean
subproc_input_is_register (const SubprocInput *input)
{
  g_return_val_if_fail (input != NULL, FALSE);

  return input->reg != NULL;
}

/**
 * subproc_input_read_data:
 * @display_name: the file's name, for messages
 *
 * Reads @data as a register when it is JSON, otherwise as a list. Any JSON
 * is read as a register, so that one that is not ours is said to be so,
 * not taken for a list without a header.
 *
 * Returns: (transfer full): what @data held, or %NULL with @error set by
 *   the storage loader or the importer.
 */
/* The bytes are kept (a list's, to read again with another mapping) or
 * partly kept (a register's change log), never copied. */
static SubprocInput *
read_bytes (GBytes      *bytes,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(SubprocInput) input = g_new0 (SubprocInput, 1);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* empty bytes may hold no buffer at all */
  if (data == NULL)
    data = "";
  input->display_name = g_strdup (display_name);
  if (subproc_storage_looks_like_json (data, length))
    {
      input->reg = _subproc_storage_load_bytes (bytes, display_name, &input->version, error);
      input->newer_version = input->version > SUBPROC_REGISTER_VERSION;
      input->older_version = input->reg != NULL && input->version < SUBPROC_REGISTER_VERSION;
    }
  else
    {
      input->processors = subproc_import_text (data, length, display_name, &input->warnings, error);
      if (input->processors != NULL)
        input->data = g_bytes_ref (bytes);
    }

  if (input->reg == NULL && input->processors == NULL)
    return NULL;
  if (input->warnings == NULL)
    input->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) subproc_import_warning_free);
  return g_steal_pointer (&input);
}

SubprocInput *
subproc_input_read_data (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  bytes = g_bytes_new (data, length);
  return read_bytes (bytes, display_name, error);
}

/**
 * subproc_input_read:
 *
 * Reads @file as subproc_input_read_data() reads its contents.
 *
 * Returns: (transfer full): what @file held, or %NULL with @error set.
 */
SubprocInput *
subproc_input_read (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SubprocInput *input;
  char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  display_name = g_file_get_basename (file);
  if (!subproc_read_file (file, &data, &length, &etag, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_READ, error))
    return NULL;

  bytes = g_bytes_new_take (data, length);
  input = read_bytes (bytes, display_name, error);
  if (input != NULL && input->reg != NULL)
    input->etag = g_steal_pointer (&etag);
  else if (input != NULL)
    input->source = subproc_merge_source_for_file (display_name);
  return input;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SubprocInput *input = subproc_input_read (task_data, cancellable, &error);

  if (input != NULL)
    g_task_return_pointer (task, input, (GDestroyNotify) subproc_input_free);
  else
    g_task_return_error (task, error);
}

/**
 * subproc_input_read_async:
 *
 * Reads @file as subproc_input_read() does, in a worker thread: a large
 * register is parsed without stopping the caller's main loop.
 */
void
subproc_input_read_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, subproc_input_read_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

/**
 * subproc_input_read_finish:
 *
 * Returns: (transfer full): what the file held, or %NULL with @error set.
 */
SubprocInput *
subproc_input_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == subproc_input_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * subproc_input_describe_warnings:
 *
 * Returns: (transfer full) (nullable): the list's warnings, one a
 *   paragraph, each naming the file, line and column; %NULL without any.
 */
char *
subproc_input_describe_warnings (const SubprocInput *input)
{
  g_autoptr(GString) details = NULL;

  g_return_val_if_fail (input != NULL, NULL);

  if (input->warnings == NULL || input->warnings->len == 0)
    return NULL;

  details = g_string_new (NULL);
  for (guint i = 0; i < input->warnings->len; i++)
    {
      SubprocImportWarning *warning = g_ptr_array_index (input->warnings, i);

      if (i > 0)
        g_string_append (details, "\n\n");
      /* Translators: a warning about an imported list: file, line, column, message */
      g_string_append_printf (details, _("“%s”, line %u, column %u: %s"),
                              input->display_name, warning->line, warning->column, warning->message);
    }
  return g_string_free (g_steal_pointer (&details), FALSE);
}

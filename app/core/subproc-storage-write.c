/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-storage.h"

/* Writing a register: its text, and the file (atomically, through
 * subproc-file.c), at once or in a worker thread. Reading is in
 * subproc-storage.c. */

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  if (text == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

static void
add_extra (JsonBuilder *builder,
           JsonObject  *extra)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (extra == NULL)
    return;

  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &member, &value))
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_value (builder, json_node_copy (value));
    }
}

static void
add_processor (JsonBuilder      *builder,
               SubprocProcessor *processor)
{
  json_builder_begin_object (builder);
  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      const char *key = subproc_field_get_key (f);
      const char * const *list;

      switch (subproc_field_get_kind (f))
        {
        case SUBPROC_FIELD_KIND_TEXT:
        case SUBPROC_FIELD_KIND_DATE:
          add_text (builder, key, subproc_processor_get_text (processor, f));
          break;
        case SUBPROC_FIELD_KIND_LIST:
        case SUBPROC_FIELD_KIND_COUNTRIES:
        case SUBPROC_FIELD_KIND_MECHANISMS:
          list = subproc_processor_get_list (processor, f);
          /* the mechanisms are always written, [] when none is stated */
          if (list[0] == NULL && subproc_field_get_kind (f) != SUBPROC_FIELD_KIND_MECHANISMS)
            break;
          json_builder_set_member_name (builder, key);
          json_builder_begin_array (builder);
          for (guint i = 0; list[i] != NULL; i++)
            json_builder_add_string_value (builder, list[i]);
          json_builder_end_array (builder);
          break;
        case SUBPROC_FIELD_KIND_ENUM:
          if (f == SUBPROC_FIELD_SCC_MODULE)
            {
              /* a number, when there is one */
              if (subproc_processor_get_enum (processor, f) != SUBPROC_SCC_MODULE_NONE)
                {
                  json_builder_set_member_name (builder, key);
                  json_builder_add_int_value (builder, subproc_processor_get_enum (processor, f));
                }
              break;
            }
          add_text (builder, key, subproc_enum_to_nick (subproc_field_get_enum_type (f),
                                                        subproc_processor_get_enum (processor, f)));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  add_extra (builder, subproc_processor_get_extra (processor));
  json_builder_end_object (builder);
}

/**
 * subproc_storage_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the register as the text of a register file.
 */
char *
subproc_storage_to_data (SubprocRegister *self,
                         gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *model = G_LIST_MODEL (self);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);

  json_builder_begin_object (builder);
  add_text (builder, "format", SUBPROC_REGISTER_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SUBPROC_REGISTER_VERSION);
  add_text (builder, "title", subproc_register_get_title (self));
  add_text (builder, "organisation", subproc_register_get_organisation (self));
  add_text (builder, "dpo_contact", subproc_register_get_dpo_contact (self));
  add_extra (builder, subproc_register_get_extra (self));
  json_builder_set_member_name (builder, "processors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    add_processor (builder, subproc_register_get_processor (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  /* end with a newline, as text files do */
  text = g_strconcat (json, "\n", NULL);
  if (length != NULL)
    *length = strlen (text);
  return g_steal_pointer (&text);
}

/**
 * subproc_storage_save:
 * @expected_etag: (nullable): the entity tag the file had when read; when the
 *   file on disk has another one, nothing is written and the error is
 *   %SUBPROC_STORAGE_ERROR_CONFLICT
 * @new_etag: (out) (optional): the entity tag of the file written
 *
 * Writes the register atomically: a new file is written beside the old one and
 * renamed over it, so a crash leaves one of the two whole. The previous
 * version is kept as “NAME~”. Both are readable by the user alone.
 */
gboolean
subproc_storage_save (SubprocRegister  *self,
                      GFile            *file,
                      const char       *expected_etag,
                      char            **new_etag,
                      GError          **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = subproc_storage_to_data (self, &length);
  return subproc_write_file (file, data, length, SUBPROC_FILE_PRIVATE | SUBPROC_FILE_BACKUP,
                             expected_etag, new_etag, error);
}

typedef struct
{
  GFile *file;
  char  *data;
  gsize  length;
  char  *expected_etag;
  char  *new_etag;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->file);
  g_free (job->data);
  g_free (job->expected_etag);
  g_free (job->new_etag);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (subproc_write_file (job->file, job->data, job->length, SUBPROC_FILE_PRIVATE | SUBPROC_FILE_BACKUP,
                          job->expected_etag, &job->new_etag, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * subproc_storage_save_async:
 * @expected_etag: (nullable): see subproc_storage_save()
 *
 * Saves @self as subproc_storage_save() does, writing the file in a worker
 * thread: the text is made here, from the register as it is now, so that
 * later changes do not reach this save; the disk is not waited for on the
 * caller's thread. The caller keeps two saves of one file from overlapping.
 */
void
subproc_storage_save_async (SubprocRegister     *self,
                            GFile               *file,
                            const char          *expected_etag,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (SUBPROC_IS_REGISTER (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->data = subproc_storage_to_data (self, &job->length);
  job->expected_etag = g_strdup (expected_etag);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, subproc_storage_save_async);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * subproc_storage_save_finish:
 * @new_etag: (out) (optional): the entity tag of the file written
 *
 * Returns: %TRUE when the register was saved, or %FALSE with @error set as
 *   subproc_storage_save() sets it.
 */
gboolean
subproc_storage_save_finish (SubprocRegister  *self,
                             GAsyncResult     *result,
                             char            **new_etag,
                             GError          **error)
{
  SaveJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == subproc_storage_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (new_etag != NULL)
    *new_etag = g_steal_pointer (&job->new_etag);
  return TRUE;
}

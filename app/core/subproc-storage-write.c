/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-log-private.h"
#include "subproc-storage-private.h"

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

/**
 * _subproc_storage_field_to_node:
 *
 * Returns: (transfer full) (nullable): @field of @processor as the file
 *   writes it, or %NULL when it holds no value and is left out of the file.
 */
JsonNode *
_subproc_storage_field_to_node (SubprocProcessor *processor,
                                SubprocField      field)
{
  const char * const *list;
  const char *text;
  JsonArray *array;
  JsonNode *node;

  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      text = subproc_processor_get_text (processor, field);
      return text != NULL ? json_node_init_string (json_node_alloc (), text) : NULL;
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
    case SUBPROC_FIELD_KIND_MECHANISMS:
      list = subproc_processor_get_list (processor, field);
      /* the mechanisms are always written, [] when none is stated */
      if (list[0] == NULL && subproc_field_get_kind (field) != SUBPROC_FIELD_KIND_MECHANISMS)
        return NULL;
      array = json_array_sized_new (g_strv_length ((char **) list));
      for (guint i = 0; list[i] != NULL; i++)
        json_array_add_string_element (array, list[i]);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    case SUBPROC_FIELD_KIND_ENUM:
      if (field == SUBPROC_FIELD_SCC_MODULE)
        {
          /* a number, when there is one */
          int module = subproc_processor_get_enum (processor, field);

          return module != SUBPROC_SCC_MODULE_NONE ? json_node_init_int (json_node_alloc (), module) : NULL;
        }
      text = subproc_enum_to_nick (subproc_field_get_enum_type (field),
                                   subproc_processor_get_enum (processor, field));
      return json_node_init_string (json_node_alloc (), text);
    default:
      g_assert_not_reached ();
    }
}

static void
add_processor (JsonBuilder      *builder,
               SubprocProcessor *processor)
{
  json_builder_begin_object (builder);
  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      JsonNode *value = _subproc_storage_field_to_node (processor, f);

      if (value == NULL)
        continue;
      json_builder_set_member_name (builder, subproc_field_get_key (f));
      json_builder_add_value (builder, value);
    }
  add_extra (builder, subproc_processor_get_extra (processor));
  json_builder_end_object (builder);
}

/**
 * _subproc_storage_processor_to_node:
 *
 * Returns: (transfer full): @processor as the file writes it, an object.
 */
JsonNode *
_subproc_storage_processor_to_node (SubprocProcessor *processor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_processor (builder, processor);
  return json_builder_get_root (builder);
}

/**
 * _subproc_storage_register_to_node:
 *
 * Returns: (transfer full): the register's top-level object as the file
 *   writes it, without the change log.
 */
JsonNode *
_subproc_storage_register_to_node (SubprocRegister *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *model = G_LIST_MODEL (self);

  json_builder_begin_object (builder);
  add_text (builder, "format", SUBPROC_REGISTER_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SUBPROC_REGISTER_VERSION);
  add_text (builder, "title", subproc_register_get_title (self));
  add_text (builder, "organisation", subproc_register_get_organisation (self));
  add_text (builder, "dpo_contact", subproc_register_get_dpo_contact (self));
  if (subproc_register_has_notice_days (self))
    {
      json_builder_set_member_name (builder, "notice_days");
      json_builder_add_int_value (builder, subproc_register_get_notice_days (self));
    }
  add_extra (builder, subproc_register_get_extra (self));
  json_builder_set_member_name (builder, "processors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    add_processor (builder, subproc_register_get_processor (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
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
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  SubprocLog *log;
  GString *text;
  gsize json_length;
  g_autofree char *json = NULL;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);

  root = _subproc_storage_register_to_node (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, &json_length);
  /* the change log last, an entry a line, so that a register opens
   * without reading it (see prescan() in subproc-storage.c) */
  log = subproc_register_get_log (self);
  text = g_string_sized_new (json_length + _subproc_log_get_size (log) + 64);
  g_string_append_len (text, json, json_length);
  if (!_subproc_log_is_empty (log))
    {
      g_assert (json_length >= 2 && json[json_length - 1] == '}' && json[json_length - 2] == '\n');
      g_string_truncate (text, json_length - 2);
      g_string_append (text, ",\n  \"changes\": ");
      _subproc_log_write (log, text);
      g_string_append (text, "\n}");
    }

  /* end with a newline, as text files do */
  g_string_append_c (text, '\n');
  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
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

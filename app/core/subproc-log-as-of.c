/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-log-private.h"
#include "subproc-storage-private.h"

/* The register on a day, from its change log: its version then (the
 * changes made until then), its last review, and the register as it stood,
 * every change made after taken back. The log is in subproc-log.c. */

static gboolean
set_detail (SubprocRegister *reg,
            const char      *key,
            JsonNode        *value)
{
  const char *text = NULL;

  if (g_str_equal (key, "notice_days"))
    {
      gint64 days = 0;

      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        days = json_node_get_int (value);
      if (days < 0 || days > SUBPROC_REGISTER_MAX_NOTICE_DAYS)
        return FALSE;
      subproc_register_set_notice_days (reg, (guint) days);
      return TRUE;
    }
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    text = json_node_get_string (value);
  else if (value != NULL)
    return FALSE;
  g_object_set (reg, g_str_equal (key, "dpo_contact") ? "dpo-contact" : key, text, NULL);
  return TRUE;
}

/* Takes one change back in @reg. */
static gboolean
undo_change (SubprocRegister *reg,
             SubprocChange   *change,
             guint            index_,
             const char      *display_name,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SubprocProcessor) restored = NULL;
  SubprocProcessor *processor = NULL;
  guint position = 0;
  SubprocField field;

  if (change->processor_id != NULL)
    processor = subproc_register_find_by_id (reg, change->processor_id, &position);

  switch (change->kind)
    {
    case SUBPROC_CHANGE_ADD:
      if (processor == NULL)
        break;
      subproc_register_remove (reg, position);
      return TRUE;
    case SUBPROC_CHANGE_DELETE:
      if (processor != NULL)
        break;
      restored = _subproc_storage_processor_from_node (change->old_value, display_name, &local_error);
      break;
    case SUBPROC_CHANGE_EDIT:
      if (processor == NULL || !subproc_field_from_key (change->field, &field))
        break;
      return _subproc_storage_set_field (processor, field, change->old_value, display_name, error);
    case SUBPROC_CHANGE_DETAILS:
      if (!set_detail (reg, change->field, change->old_value))
        break;
      return TRUE;
    case SUBPROC_CHANGE_REVIEW:
      return TRUE;
    default:
      g_assert_not_reached ();
    }

  if (restored != NULL)
    {
      subproc_register_insert (reg, MIN (change->position, g_list_model_get_n_items (G_LIST_MODEL (reg))), restored);
      return TRUE;
    }
  g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID,
               /* Translators: “register.json”, change 7 of its log: <what is wrong> */
               _("“%1$s”, change %2$u of its log: %3$s"), display_name, index_ + 1,
               local_error != NULL ? local_error->message
                                   : _("the change does not fit the register as it was after it."));
  return FALSE;
}

/**
 * subproc_log_count_until:
 * @until: (nullable): a moment; %NULL for now
 *
 * Returns: how many changes were made until @until: the register's version then.
 */
guint
subproc_log_count_until (SubprocLog *self,
                         GDateTime  *until)
{
  guint n;

  g_return_val_if_fail (SUBPROC_IS_LOG (self), 0);

  n = subproc_log_get_n_changes (self);
  if (until == NULL)
    return n;
  while (n > 0 && g_date_time_compare (((SubprocChange *) g_ptr_array_index (self->changes, n - 1))->at, until) > 0)
    n--;
  return n;
}

/**
 * subproc_log_get_last_review:
 * @until: (nullable): a moment; %NULL for now
 *
 * Returns: (transfer none) (nullable): the last review until @until.
 */
SubprocChange *
subproc_log_get_last_review (SubprocLog *self,
                             GDateTime  *until)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), NULL);

  for (guint i = subproc_log_count_until (self, until); i > 0; i--)
    {
      SubprocChange *change = g_ptr_array_index (self->changes, i - 1);

      if (change->kind == SUBPROC_CHANGE_REVIEW)
        return change;
    }
  return NULL;
}

/**
 * subproc_log_register_as_of:
 * @until: the moment; changes made after it are taken back
 *
 * The register as it stood at @until: a copy of @reg with every change its
 * log holds after @until taken back, the newest first. Before the log's
 * first change the register is as it was when the log began. The copy's
 * log holds the changes until @until.
 *
 * Returns: (transfer full): the register then, or %NULL with @error set
 *   when the log cannot be read or does not fit the register.
 */
SubprocRegister *
subproc_log_register_as_of (SubprocRegister  *reg,
                            GDateTime        *until,
                            GError          **error)
{
  g_autoptr(SubprocRegister) then = NULL;
  g_autoptr(GPtrArray) processors = NULL;
  SubprocLog *log;
  guint n_items, kept;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (until != NULL, NULL);

  log = subproc_register_get_log (reg);
  if (!subproc_log_read (log, error))
    return NULL;

  then = subproc_register_new ();
  subproc_register_set_title (then, subproc_register_get_title (reg));
  subproc_register_set_organisation (then, subproc_register_get_organisation (reg));
  subproc_register_set_dpo_contact (then, subproc_register_get_dpo_contact (reg));
  subproc_register_set_notice_days (then, subproc_register_has_notice_days (reg) ? subproc_register_get_notice_days (reg) : 0);
  subproc_register_set_extra (then, subproc_register_get_extra (reg));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (reg));
  processors = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (processors, subproc_processor_copy (subproc_register_get_processor (reg, i)));
  subproc_register_splice (then, 0, 0, (SubprocProcessor **) processors->pdata, processors->len);

  kept = subproc_log_count_until (log, until);
  for (guint i = log->changes->len; i > kept; i--)
    if (!undo_change (then, g_ptr_array_index (log->changes, i - 1), i - 1,
                      log->display_name != NULL ? log->display_name : "", error))
      return NULL;

  for (guint i = 0; i < kept; i++)
    g_ptr_array_add (subproc_register_get_log (then)->changes, g_object_ref (g_ptr_array_index (log->changes, i)));
  subproc_register_get_log (then)->first_broken = log->first_broken < (int) kept ? log->first_broken : -1;

  return g_steal_pointer (&then);
}

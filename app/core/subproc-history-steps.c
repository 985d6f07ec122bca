/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-history-private.h"
#include "subproc-storage-private.h"

/* The steps a user makes, each as one undo step: inserting, removing and
 * editing processors, the register's details and notice period, a review,
 * and reverting a change of the log. */

/**
 * subproc_history_insert:
 * @processors: (array length=n_processors): processors in no register yet
 * @label: what the step is called in “Undo …”, e.g. “Import”
 *
 * Inserts processors at @position as one step.
 */
void
subproc_history_insert (SubprocHistory    *self,
                        guint              position,
                        SubprocProcessor **processors,
                        guint              n_processors,
                        const char        *label)
{
  Step *step;
  Change *change;

  g_return_if_fail (SUBPROC_IS_HISTORY (self));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->reg)));

  if (n_processors == 0)
    return;

  step = _subproc_history_step_new (label);
  change = g_new0 (Change, 1);
  change->kind = CHANGE_SPLICE;
  change->position = position;
  change->removed = g_ptr_array_new_with_free_func (g_object_unref);
  change->added = g_ptr_array_new_full (n_processors, g_object_unref);
  for (guint i = 0; i < n_processors; i++)
    g_ptr_array_add (change->added, g_object_ref (processors[i]));
  g_ptr_array_add (step->changes, change);

  _subproc_history_push_step (self, step);
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/**
 * subproc_history_remove:
 * @positions: (array length=n_positions): positions of processors, in any order
 *
 * Removes the processors at @positions as one step.
 */
void
subproc_history_remove (SubprocHistory *self,
                        const guint    *positions,
                        guint           n_positions)
{
  g_autofree guint *sorted = NULL;
  g_autofree char *label = NULL;
  guint n_items;
  Step *step;

  g_return_if_fail (SUBPROC_IS_HISTORY (self));

  if (n_positions == 0)
    return;

  /* from the last one up, so that each position still means what it did */
  sorted = g_memdup2 (positions, n_positions * sizeof (guint));
  qsort (sorted, n_positions, sizeof (guint), compare_descending);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->reg));
  g_return_if_fail (sorted[0] < n_items);
  label = g_strdup_printf (ngettext ("Delete %u Processor", "Delete %u Processors", n_positions), n_positions);
  step = _subproc_history_step_new (label);
  for (guint i = 0; i < n_positions; i++)
    {
      Change *change;

      if (i > 0 && sorted[i] == sorted[i - 1])
        continue;

      change = g_new0 (Change, 1);
      change->kind = CHANGE_SPLICE;
      change->position = sorted[i];
      change->removed = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (change->removed, g_object_ref (subproc_register_get_processor (self->reg, sorted[i])));
      change->added = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (step->changes, change);
    }

  _subproc_history_push_step (self, step);
}

/**
 * subproc_history_edit:
 * @processor: a processor of the register
 * @values: a processor (not in a register) holding the new values
 *
 * Gives @processor the values of @values, its id excepted, as one step.
 *
 * Returns: %FALSE when nothing changed, and no step was made.
 */
gboolean
subproc_history_edit (SubprocHistory   *self,
                      SubprocProcessor *processor,
                      SubprocProcessor *values)
{
  g_autofree char *label = NULL;
  Change *change;
  Step *step;

  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (processor), FALSE);
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (values), FALSE);
  g_return_val_if_fail (subproc_register_find_by_id (self->reg, subproc_processor_get_id (processor), NULL) == processor, FALSE);

  change = g_new0 (Change, 1);
  change->kind = CHANGE_EDIT;
  change->id = g_strdup (subproc_processor_get_id (processor));
  change->before = subproc_processor_copy (processor);
  change->after = subproc_processor_copy (values);
  subproc_processor_set_text (change->after, SUBPROC_FIELD_ID, change->id);

  if (subproc_processor_equal (change->before, change->after))
    {
      _subproc_history_change_free (change);
      return FALSE;
    }

  /* Translators: the undo step of editing a processor, e.g. Edit “Google” */
  label = g_strdup_printf (_("Edit “%s”"), subproc_processor_get_name (change->after));
  step = _subproc_history_step_new (label);
  g_ptr_array_add (step->changes, change);
  _subproc_history_push_step (self, step);
  return TRUE;
}

static guint
notice_days_of (SubprocRegister *reg)
{
  return subproc_register_has_notice_days (reg) ? subproc_register_get_notice_days (reg) : 0;
}

/**
 * subproc_history_set_notice_days:
 * @days: 1 to 365, or 0 for the default
 *
 * Sets the notice period before a new sub-processor as one step.
 *
 * Returns: %FALSE when nothing changed, and no step was made.
 */
gboolean
subproc_history_set_notice_days (SubprocHistory *self,
                                 guint           days)
{
  Change *change;
  Step *step;

  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (days <= 365, FALSE);

  if (days == notice_days_of (self->reg))
    return FALSE;

  change = g_new0 (Change, 1);
  change->kind = CHANGE_DETAILS;
  for (guint i = 0; i < N_DETAILS; i++)
    {
      change->old_details[i] = g_strdup (i == DETAIL_TITLE ? subproc_register_get_title (self->reg)
                                         : i == DETAIL_ORGANISATION ? subproc_register_get_organisation (self->reg)
                                         : subproc_register_get_dpo_contact (self->reg));
      change->new_details[i] = g_strdup (change->old_details[i]);
    }
  change->old_notice_days = notice_days_of (self->reg);
  change->new_notice_days = days;

  step = _subproc_history_step_new (_("Change Notice Period"));
  g_ptr_array_add (step->changes, change);
  _subproc_history_push_step (self, step);
  return TRUE;
}

/**
 * subproc_history_review:
 *
 * Records that the author reviewed and approved the register as it stands,
 * as a step of its own (undo takes it back).
 */
void
subproc_history_review (SubprocHistory *self)
{
  Change *change;
  Step *step;

  g_return_if_fail (SUBPROC_IS_HISTORY (self));

  change = g_new0 (Change, 1);
  change->kind = CHANGE_REVIEW;
  step = _subproc_history_step_new (_("Mark as Reviewed"));
  g_ptr_array_add (step->changes, change);
  _subproc_history_push_step (self, step);
}

/**
 * subproc_history_revert:
 * @change: a change of the register's log
 *
 * Takes @change back as a new step (recorded in the log like any other,
 * with the reason that it reverts it): an edit or a change of details
 * sets the value before it again, an added processor is deleted, a deleted
 * one is put back where it was. A review cannot be reverted.
 *
 * Returns: %FALSE with @error set when it cannot be taken back (the
 *   processor is gone, or was added again since), or nothing would change.
 */
gboolean
subproc_history_revert (SubprocHistory  *self,
                        SubprocChange   *change,
                        GError         **error)
{
  g_autofree char *reason = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  SubprocProcessor *processor = NULL;
  const char *id;
  guint position = 0;
  gboolean done = FALSE;

  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (SUBPROC_IS_CHANGE (change), FALSE);

  id = subproc_change_get_processor_id (change);
  if (id != NULL)
    processor = subproc_register_find_by_id (self->reg, id, &position);
  local = g_date_time_to_local (subproc_change_get_time (change));
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  /* Translators: the reason the change log records for a revert; %s is when the change reverted was made */
  reason = g_strdup_printf (_("Reverts the change of %s"), when);

  switch (subproc_change_get_kind (change))
    {
    case SUBPROC_CHANGE_EDIT:
      if (processor != NULL)
        {
          g_autoptr(SubprocProcessor) values = subproc_processor_copy (processor);
          SubprocField field;

          if (subproc_field_from_key (subproc_change_get_field (change), &field) &&
              _subproc_storage_set_field (values, field, subproc_change_get_old (change), "", error))
            {
              subproc_history_set_reason (self, reason);
              done = subproc_history_edit (self, processor, values);
              subproc_history_set_reason (self, NULL);
            }
          else if (error != NULL && *error != NULL)
            return FALSE;
        }
      break;
    case SUBPROC_CHANGE_ADD:
      if (processor != NULL)
        {
          subproc_history_set_reason (self, reason);
          subproc_history_remove (self, &position, 1);
          subproc_history_set_reason (self, NULL);
          done = TRUE;
        }
      break;
    case SUBPROC_CHANGE_DELETE:
      if (processor == NULL)
        {
          g_autoptr(SubprocProcessor) restored = _subproc_storage_processor_from_node (subproc_change_get_old (change), "", error);
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->reg));

          if (restored == NULL)
            return FALSE;
          subproc_history_set_reason (self, reason);
          /* Translators: the name of an undo step */
          subproc_history_insert (self, MIN (subproc_change_get_position (change), n), &restored, 1, _("Revert"));
          subproc_history_set_reason (self, NULL);
          done = TRUE;
        }
      break;
    case SUBPROC_CHANGE_DETAILS:
      {
        const char *field = subproc_change_get_field (change);
        JsonNode *old_value = subproc_change_get_old (change);

        subproc_history_set_reason (self, reason);
        if (g_strcmp0 (field, "notice_days") == 0)
          done = subproc_history_set_notice_days (self, old_value != NULL ? (guint) json_node_get_int (old_value) : 0);
        else
          {
            const char *now[N_DETAILS] = {
              subproc_register_get_title (self->reg),
              subproc_register_get_organisation (self->reg),
              subproc_register_get_dpo_contact (self->reg),
            };

            for (guint i = 0; i < N_DETAILS; i++)
              if (g_strcmp0 (field, _subproc_history_detail_keys[i]) == 0)
                now[i] = old_value != NULL && JSON_NODE_HOLDS_VALUE (old_value) ? json_node_get_string (old_value) : NULL;
            done = subproc_history_set_details (self, now[DETAIL_TITLE], now[DETAIL_ORGANISATION], now[DETAIL_DPO_CONTACT]);
          }
        subproc_history_set_reason (self, NULL);
      }
      break;
    case SUBPROC_CHANGE_REVIEW:
    default:
      break;
    }

  if (!done)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("This change cannot be reverted: the register no longer holds what it changed."));
  return done;
}

/**
 * subproc_history_set_details:
 *
 * Sets the register's title, organisation and DPO contact as one step.
 *
 * Returns: %FALSE when nothing changed, and no step was made.
 */
gboolean
subproc_history_set_details (SubprocHistory *self,
                             const char     *title,
                             const char     *organisation,
                             const char     *dpo_contact)
{
  const char *now[N_DETAILS];
  const char *wanted[N_DETAILS] = { title, organisation, dpo_contact };
  gboolean same = TRUE;
  Change *change;
  Step *step;

  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);

  now[DETAIL_TITLE] = subproc_register_get_title (self->reg);
  now[DETAIL_ORGANISATION] = subproc_register_get_organisation (self->reg);
  now[DETAIL_DPO_CONTACT] = subproc_register_get_dpo_contact (self->reg);

  change = g_new0 (Change, 1);
  change->kind = CHANGE_DETAILS;
  for (guint i = 0; i < N_DETAILS; i++)
    {
      /* an empty value is no value, as everywhere in the register */
      if (wanted[i] != NULL && *wanted[i] == '\0')
        wanted[i] = NULL;
      same &= g_strcmp0 (now[i], wanted[i]) == 0;
      change->old_details[i] = g_strdup (now[i]);
      change->new_details[i] = g_strdup (wanted[i]);
    }
  change->old_notice_days = change->new_notice_days = notice_days_of (self->reg);

  if (same)
    {
      _subproc_history_change_free (change);
      return FALSE;
    }

  step = _subproc_history_step_new (_("Change Register Details"));
  g_ptr_array_add (step->changes, change);
  _subproc_history_push_step (self, step);
  return TRUE;
}

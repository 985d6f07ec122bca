/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-changes-private.h"
#include "subproc-date.h"
#include "subproc-log.h"

/* What changed in a register between two moments, from its change log:
 * the register as it stood at each end (subproc_log_register_as_of()),
 * compared processor by processor. Given as a report (text, HTML, PDF) for
 * an audit, and as the notice a processor sends its customers before new
 * sub-processors take effect (GDPR Art. 28(2) and 28(4)).
 *
 * The report is in subproc-changes-report.c, the notice in
 * subproc-changes-notice.c. */

static void
item_free (SubprocDiffItem *item)
{
  g_clear_object (&item->before);
  g_clear_object (&item->after);
  g_clear_pointer (&item->fields, g_array_unref);
  g_clear_pointer (&item->when, g_date_time_unref);
  g_free (item);
}

/**
 * subproc_changes_end_of_day:
 * @iso_date: a day, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the last second of @iso_date in UTC,
 *   or %NULL when it is not a date.
 */
GDateTime *
subproc_changes_end_of_day (const char *iso_date)
{
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (iso_date != NULL, NULL);

  date = subproc_date_parse_iso (iso_date);
  if (date == NULL)
    return NULL;
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 23, 59, 59);
}

static gboolean
field_differs (SubprocProcessor *a,
               SubprocProcessor *b,
               SubprocField      field)
{
  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      return g_strcmp0 (subproc_processor_get_text (a, field), subproc_processor_get_text (b, field)) != 0;
    case SUBPROC_FIELD_KIND_ENUM:
      return subproc_processor_get_enum (a, field) != subproc_processor_get_enum (b, field);
    default:
      {
        const char * const *x = subproc_processor_get_list (a, field);
        const char * const *y = subproc_processor_get_list (b, field);

        return !g_strv_equal ((const char * const *) x, (const char * const *) y);
      }
    }
}

/* The last change the log holds for each processor in the period. */
static GHashTable *
last_changes (SubprocLog *log,
              GDateTime  *since,
              GDateTime  *until)
{
  GHashTable *when = g_hash_table_new (g_str_hash, g_str_equal);
  guint first = subproc_log_count_until (log, since);
  guint end = subproc_log_count_until (log, until);

  for (guint i = first; i < end; i++)
    {
      SubprocChange *change = subproc_log_get_change (log, i);

      if (subproc_change_get_processor_id (change) != NULL)
        g_hash_table_insert (when, (gpointer) subproc_change_get_processor_id (change),
                             subproc_change_get_time (change));
    }
  return when;
}

/**
 * subproc_changes_new:
 * @since: the start: changes made after it are in the period
 * @until: (nullable): the end, included; %NULL for now
 *
 * Compares the register as it stood at @since with the register at @until.
 *
 * Returns: (transfer full): the changes, or %NULL with @error set when the
 *   register's log cannot be read.
 */
SubprocChanges *
subproc_changes_new (SubprocRegister  *reg,
                     GDateTime        *since,
                     GDateTime        *until,
                     GError          **error)
{
  g_autoptr(SubprocChanges) self = g_new0 (SubprocChanges, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) when = NULL;
  GListModel *before, *after;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->now = g_object_ref (reg);
  self->since = g_date_time_ref (since);
  self->until = g_date_time_ref (until != NULL ? until : now);
  self->before = subproc_log_register_as_of (reg, self->since, error);
  if (self->before == NULL)
    return NULL;
  self->after = subproc_log_register_as_of (reg, self->until, error);
  if (self->after == NULL)
    return NULL;
  when = last_changes (subproc_register_get_log (reg), self->since, self->until);

  before = G_LIST_MODEL (self->before);
  after = G_LIST_MODEL (self->after);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (self->after, i);
      SubprocProcessor *was = subproc_register_find_by_id (self->before, subproc_processor_get_id (processor), NULL);
      SubprocDiffItem *item;
      GDateTime *last;

      item = g_new0 (SubprocDiffItem, 1);
      item->after = g_object_ref (processor);
      item->fields = g_array_new (FALSE, FALSE, sizeof (SubprocField));
      if (was == NULL)
        item->kind = SUBPROC_DIFF_ADDED;
      else
        {
          item->before = g_object_ref (was);
          for (guint f = SUBPROC_FIELD_ID + 1; f < SUBPROC_N_FIELDS; f++)
            if (field_differs (was, processor, f))
              g_array_append_val (item->fields, f);
          if (item->fields->len == 0)
            {
              item_free (item);
              continue;
            }
          item->kind = subproc_processor_get_status (processor) == SUBPROC_STATUS_ENDED &&
                       subproc_processor_get_status (was) != SUBPROC_STATUS_ENDED
                         ? SUBPROC_DIFF_ENDED : SUBPROC_DIFF_CHANGED;
        }
      last = g_hash_table_lookup (when, subproc_processor_get_id (processor));
      item->when = last != NULL ? g_date_time_ref (last) : NULL;
      g_ptr_array_add (self->items, item);
    }
  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (self->before, i);
      SubprocDiffItem *item;
      GDateTime *last;

      if (subproc_register_find_by_id (self->after, subproc_processor_get_id (processor), NULL) != NULL)
        continue;
      item = g_new0 (SubprocDiffItem, 1);
      item->kind = SUBPROC_DIFF_REMOVED;
      item->before = g_object_ref (processor);
      item->fields = g_array_new (FALSE, FALSE, sizeof (SubprocField));
      last = g_hash_table_lookup (when, subproc_processor_get_id (processor));
      item->when = last != NULL ? g_date_time_ref (last) : NULL;
      g_ptr_array_add (self->items, item);
    }

  return g_steal_pointer (&self);
}

/**
 * subproc_changes_free:
 */
void
subproc_changes_free (SubprocChanges *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->now);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self);
}

/**
 * subproc_changes_get_n_items:
 *
 * Returns: how many processors differ.
 */
guint
subproc_changes_get_n_items (SubprocChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

/**
 * subproc_changes_get_item:
 *
 * Returns: (transfer none): how one processor differs: the added first,
 *   then the ended, the removed and the changed, each in the register's order.
 */
const SubprocDiffItem *
subproc_changes_get_item (SubprocChanges *self,
                          guint           position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/**
 * subproc_changes_get_register_after:
 *
 * Returns: (transfer none): the register at the end of the period.
 */
SubprocRegister *
subproc_changes_get_register_after (SubprocChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->after;
}

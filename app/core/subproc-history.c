/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-history-private.h"
#include "subproc-log-private.h"
#include "subproc-storage-private.h"

/* The undo stack of a register. Every change a user makes goes through
 * here as one step, made of changes that can each be applied both ways.
 * Each step is also recorded in the register's change log (subproc-log.c):
 * who, when, why, and every field it changed; undoing the step takes its
 * entries out of the log again, and redoing it puts them back. */

G_DEFINE_FINAL_TYPE (SubprocHistory, subproc_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGISTER,
  PROP_AUTHOR,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_subproc_history_change_free (Change *change)
{
  g_clear_pointer (&change->removed, g_ptr_array_unref);
  g_clear_pointer (&change->added, g_ptr_array_unref);
  g_clear_pointer (&change->id, g_free);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  for (guint i = 0; i < N_DETAILS; i++)
    {
      g_free (change->old_details[i]);
      g_free (change->new_details[i]);
    }
  g_free (change);
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_ptr_array_unref (step->logged);
  g_free (step);
}

Step *
_subproc_history_step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) _subproc_history_change_free);
  step->logged = g_ptr_array_new_with_free_func (g_object_unref);
  return step;
}

static void
apply_splice (SubprocRegister *reg,
              guint            position,
              GPtrArray       *remove,
              GPtrArray       *add)
{
  subproc_register_splice (reg, position, remove->len,
                           (SubprocProcessor **) add->pdata, add->len);
}

static void
apply_details (SubprocRegister    *reg,
               char * const       *details,
               guint               notice_days)
{
  subproc_register_set_title (reg, details[DETAIL_TITLE]);
  subproc_register_set_organisation (reg, details[DETAIL_ORGANISATION]);
  subproc_register_set_dpo_contact (reg, details[DETAIL_DPO_CONTACT]);
  subproc_register_set_notice_days (reg, notice_days);
}

static void
apply_change (SubprocHistory *self,
              Change         *change,
              gboolean        forward)
{
  SubprocProcessor *processor;

  switch (change->kind)
    {
    case CHANGE_SPLICE:
      if (forward)
        apply_splice (self->reg, change->position, change->removed, change->added);
      else
        apply_splice (self->reg, change->position, change->added, change->removed);
      break;
    case CHANGE_EDIT:
      processor = subproc_register_find_by_id (self->reg, change->id, NULL);
      g_return_if_fail (processor != NULL);
      subproc_processor_assign (processor, forward ? change->after : change->before);
      break;
    case CHANGE_DETAILS:
      if (forward)
        apply_details (self->reg, change->new_details, change->new_notice_days);
      else
        apply_details (self->reg, change->old_details, change->old_notice_days);
      break;
    case CHANGE_REVIEW:
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Recording ------------------------------------------------------------ */

const char * const _subproc_history_detail_keys[N_DETAILS] = { "title", "organisation", "dpo_contact" };

static JsonNode *
text_node (const char *text)
{
  return text != NULL ? json_node_init_string (json_node_alloc (), text) : NULL;
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static void
record (SubprocHistory    *self,
        Step              *step,
        GDateTime         *now,
        SubprocChangeKind  kind,
        SubprocProcessor  *processor,
        const char        *field,
        JsonNode          *old_value,
        JsonNode          *new_value,
        gint64             position)
{
  g_autoptr(SubprocChange) entry = NULL;

  entry = _subproc_change_new (kind, now, self->author,
                               processor != NULL ? subproc_processor_get_id (processor) : NULL,
                               processor != NULL ? subproc_processor_get_name (processor) : NULL,
                               field, old_value, new_value, position, self->reason);
  _subproc_log_append (subproc_register_get_log (self->reg), entry);
  g_ptr_array_add (step->logged, g_steal_pointer (&entry));
}

/* Records CHANGE, just made, in the register's log as the entries of STEP. */
static void
record_change (SubprocHistory *self,
               Step           *step,
               Change         *change,
               GDateTime      *now)
{
  switch (change->kind)
    {
    case CHANGE_SPLICE:
      for (guint i = 0; i < change->removed->len; i++)
        {
          SubprocProcessor *processor = g_ptr_array_index (change->removed, i);
          g_autoptr(JsonNode) old_value = _subproc_storage_processor_to_node (processor);

          record (self, step, now, SUBPROC_CHANGE_DELETE, processor, NULL, old_value, NULL, change->position);
        }
      for (guint i = 0; i < change->added->len; i++)
        {
          SubprocProcessor *processor = g_ptr_array_index (change->added, i);
          g_autoptr(JsonNode) new_value = _subproc_storage_processor_to_node (processor);

          record (self, step, now, SUBPROC_CHANGE_ADD, processor, NULL, NULL, new_value, change->position + i);
        }
      break;
    case CHANGE_EDIT:
      for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
        {
          g_autoptr(JsonNode) old_value = _subproc_storage_field_to_node (change->before, f);
          g_autoptr(JsonNode) new_value = _subproc_storage_field_to_node (change->after, f);

          if (f != SUBPROC_FIELD_ID && !nodes_equal (old_value, new_value))
            record (self, step, now, SUBPROC_CHANGE_EDIT, change->after, subproc_field_get_key (f),
                    old_value, new_value, -1);
        }
      break;
    case CHANGE_DETAILS:
      for (guint i = 0; i < N_DETAILS; i++)
        {
          g_autoptr(JsonNode) old_value = text_node (change->old_details[i]);
          g_autoptr(JsonNode) new_value = text_node (change->new_details[i]);

          if (g_strcmp0 (change->old_details[i], change->new_details[i]) != 0)
            record (self, step, now, SUBPROC_CHANGE_DETAILS, NULL, _subproc_history_detail_keys[i], old_value, new_value, -1);
        }
      if (change->old_notice_days != change->new_notice_days)
        {
          g_autoptr(JsonNode) old_value = change->old_notice_days ? json_node_init_int (json_node_alloc (), change->old_notice_days) : NULL;
          g_autoptr(JsonNode) new_value = change->new_notice_days ? json_node_init_int (json_node_alloc (), change->new_notice_days) : NULL;

          record (self, step, now, SUBPROC_CHANGE_DETAILS, NULL, "notice_days", old_value, new_value, -1);
        }
      break;
    case CHANGE_REVIEW:
      record (self, step, now, SUBPROC_CHANGE_REVIEW, NULL, NULL, NULL, NULL, -1);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
notify_state (SubprocHistory *self,
              gboolean        could_undo,
              gboolean        could_redo)
{
  if (could_undo != subproc_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != subproc_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Applies STEP's changes and keeps it on the undo stack; a new step
 * forgets what could be redone. */
void
_subproc_history_push_step (SubprocHistory *self,
                           Step           *step)
{
  gboolean could_undo = subproc_history_can_undo (self);
  gboolean could_redo = subproc_history_can_redo (self);
  g_autoptr(GDateTime) now = self->time != NULL ? g_date_time_ref (self->time) : g_date_time_new_now_utc ();
  /* a log that cannot be read takes no entries: such a register is
   * opened read-only (SubprocDocument) */
  gboolean logging = subproc_log_read (subproc_register_get_log (self->reg), NULL);

  for (guint i = 0; i < step->changes->len; i++)
    {
      apply_change (self, g_ptr_array_index (step->changes, i), TRUE);
      if (logging)
        record_change (self, self->group != NULL ? self->group : step, g_ptr_array_index (step->changes, i), now);
    }

  /* in a group: its changes join the group's step */
  if (self->group != NULL)
    {
      while (step->changes->len > 0)
        g_ptr_array_add (self->group->changes, g_ptr_array_steal_index (step->changes, 0));
      step_free (step);
      return;
    }

  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

static void
subproc_history_finalize (GObject *object)
{
  SubprocHistory *self = (SubprocHistory *)object;

  g_clear_pointer (&self->group, step_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (subproc_history_parent_class)->finalize (object);
}

static void
subproc_history_dispose (GObject *object)
{
  SubprocHistory *self = (SubprocHistory *)object;

  g_clear_object (&self->reg);

  G_OBJECT_CLASS (subproc_history_parent_class)->dispose (object);
}

static void
subproc_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SubprocHistory *self = SUBPROC_HISTORY (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, subproc_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, subproc_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_history_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SubprocHistory *self = SUBPROC_HISTORY (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      self->reg = g_value_dup_object (value);
      break;
    case PROP_AUTHOR:
      subproc_history_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_history_constructed (GObject *object)
{
  SubprocHistory *self = SUBPROC_HISTORY (object);

  G_OBJECT_CLASS (subproc_history_parent_class)->constructed (object);

  /* a history changes one register, given when it is made */
  g_assert (SUBPROC_IS_REGISTER (self->reg));
}

static void
subproc_history_class_init (SubprocHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = subproc_history_constructed;
  object_class->dispose = subproc_history_dispose;
  object_class->finalize = subproc_history_finalize;
  object_class->get_property = subproc_history_get_property;
  object_class->set_property = subproc_history_set_property;

  /**
   * SubprocHistory:register:
   *
   * The register every step changes.
   */
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, SUBPROC_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SubprocHistory:author:
   *
   * Who the changes are recorded as made by; by default the user's full
   * name as the system gives it.
   */
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
subproc_history_init (SubprocHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->author = subproc_history_get_default_author ();
}

/**
 * subproc_history_new:
 *
 * Returns: (transfer full): an empty undo stack for @reg.
 */
SubprocHistory *
subproc_history_new (SubprocRegister *reg)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);

  return g_object_new (SUBPROC_TYPE_HISTORY, "register", reg, NULL);
}

/**
 * subproc_history_get_register:
 *
 * Returns: (transfer none): the register this history changes.
 */
SubprocRegister *
subproc_history_get_register (SubprocHistory *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), NULL);

  return self->reg;
}

/**
 * subproc_history_get_default_author:
 *
 * Returns: (transfer full): the user's full name as the system gives it,
 *   else the login name.
 */
char *
subproc_history_get_default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

/**
 * subproc_history_set_author:
 * @author: (nullable): a name; %NULL or empty for the default
 *
 * Sets who the changes from now on are recorded as made by.
 */
void
subproc_history_set_author (SubprocHistory *self,
                            const char     *author)
{
  g_autofree char *name = NULL;

  g_return_if_fail (SUBPROC_IS_HISTORY (self));

  name = g_strstrip (g_strdup (author != NULL ? author : ""));
  if (*name == '\0')
    {
      g_free (name);
      name = subproc_history_get_default_author ();
    }
  if (g_strcmp0 (name, self->author) == 0)
    return;
  g_free (self->author);
  self->author = g_steal_pointer (&name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

/**
 * subproc_history_get_author:
 */
const char *
subproc_history_get_author (SubprocHistory *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), NULL);
  return self->author;
}

/**
 * subproc_history_set_reason:
 * @reason: (nullable): why, in the user's words; %NULL for none
 *
 * The reason recorded with the changes made until it is set again.
 */
void
subproc_history_set_reason (SubprocHistory *self,
                            const char     *reason)
{
  g_return_if_fail (SUBPROC_IS_HISTORY (self));

  g_free (self->reason);
  self->reason = reason != NULL && *reason != '\0' ? g_strdup (reason) : NULL;
}

/**
 * _subproc_history_set_time:
 * @time: (nullable): the time the next changes are recorded at; %NULL for
 *   the clock's
 *
 * For tests, which make a register's past.
 */
void
_subproc_history_set_time (SubprocHistory *self,
                           GDateTime      *time)
{
  g_return_if_fail (SUBPROC_IS_HISTORY (self));

  g_clear_pointer (&self->time, g_date_time_unref);
  if (time != NULL)
    self->time = g_date_time_ref (time);
}

/**
 * subproc_history_can_undo:
 */
gboolean
subproc_history_can_undo (SubprocHistory *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

/**
 * subproc_history_get_n_steps:
 *
 * Returns: how many steps can be undone now.
 */
guint
subproc_history_get_n_steps (SubprocHistory *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), 0);

  return self->undo->len;
}

/**
 * subproc_history_can_redo:
 */
gboolean
subproc_history_can_redo (SubprocHistory *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * subproc_history_get_undo_label:
 *
 * Returns: (nullable): what undo would undo, e.g. “Delete 2 Processors”.
 */
const char *
subproc_history_get_undo_label (SubprocHistory *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

/**
 * subproc_history_get_redo_label:
 *
 * Returns: (nullable): what redo would redo.
 */
const char *
subproc_history_get_redo_label (SubprocHistory *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/* Takes STEP's entries out of the log: they are its last ones, since the
 * steps after it were undone first. */
static void
unrecord (SubprocHistory *self,
          Step           *step)
{
  SubprocLog *log = subproc_register_get_log (self->reg);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (log));

  if (step->logged->len == 0)
    return;
  g_assert (n >= step->logged->len);
  g_assert (subproc_log_get_change (log, n - 1) == g_ptr_array_index (step->logged, step->logged->len - 1));
  _subproc_log_truncate (log, n - step->logged->len);
}

/**
 * subproc_history_undo:
 *
 * Undoes the last step, restoring the register as it was before it.
 *
 * Returns: %FALSE when there was nothing to undo.
 */
gboolean
subproc_history_undo (SubprocHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  could_undo = subproc_history_can_undo (self);
  could_redo = subproc_history_can_redo (self);
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->changes->len; i > 0; i--)
    apply_change (self, g_ptr_array_index (step->changes, i - 1), FALSE);
  unrecord (self, step);
  g_ptr_array_add (self->redo, step);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

/**
 * subproc_history_redo:
 *
 * Makes the last undone step again.
 *
 * Returns: %FALSE when there was nothing to redo.
 */
gboolean
subproc_history_redo (SubprocHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (SUBPROC_IS_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  could_undo = subproc_history_can_undo (self);
  could_redo = subproc_history_can_redo (self);
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->changes->len; i++)
    apply_change (self, g_ptr_array_index (step->changes, i), TRUE);
  /* the same entries again: the log ends where it did when they were made */
  for (guint i = 0; i < step->logged->len; i++)
    _subproc_log_append (subproc_register_get_log (self->reg), g_ptr_array_index (step->logged, i));
  g_ptr_array_add (self->undo, step);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

/**
 * subproc_history_clear:
 *
 * Forgets every step, as after the register was reloaded from disk.
 */
void
subproc_history_clear (SubprocHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (SUBPROC_IS_HISTORY (self));

  could_undo = subproc_history_can_undo (self);
  could_redo = subproc_history_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

/**
 * subproc_history_begin_group:
 * @label: what the step is called in “Undo …”, e.g. “Merge”
 *
 * Makes the changes until subproc_history_end_group() one step, which
 * Undo takes back at once. Each change is made as it is asked for.
 */
void
subproc_history_begin_group (SubprocHistory *self,
                             const char     *label)
{
  g_return_if_fail (SUBPROC_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  self->group = _subproc_history_step_new (label);
}

/**
 * subproc_history_end_group:
 *
 * Ends the step subproc_history_begin_group() began; a group with no
 * changes makes no step.
 */
void
subproc_history_end_group (SubprocHistory *self)
{
  gboolean could_undo, could_redo;
  Step *group;

  g_return_if_fail (SUBPROC_IS_HISTORY (self));
  g_return_if_fail (self->group != NULL);

  group = g_steal_pointer (&self->group);
  if (group->changes->len == 0)
    {
      step_free (group);
      return;
    }
  could_undo = subproc_history_can_undo (self);
  could_redo = subproc_history_can_redo (self);
  g_ptr_array_add (self->undo, group);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

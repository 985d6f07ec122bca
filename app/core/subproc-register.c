/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-log.h"
#include "subproc-processor-private.h"
#include "subproc-register.h"

struct _SubprocRegister
{
  GObject parent_instance;

  /* owned */
  GPtrArray  *processors;
  char       *title;
  char       *organisation;
  char       *dpo_contact;
  guint       notice_days;  /* 0: the default */
  JsonObject *extra;
  SubprocLog *log;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SubprocRegister, subproc_register, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_DPO_CONTACT,
  PROP_NOTICE_DAYS,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (SubprocRegister *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A processor that changed is said to be replaced by itself, so that the
 * filters and sorters over the register look at it again: an edited row
 * moves to its place and leaves a search it no longer matches. */
static void
processor_changed (gpointer          owner,
                   SubprocProcessor *processor,
                   SubprocField      field)
{
  SubprocRegister *self = owner;
  guint position;

  if (g_ptr_array_find (self->processors, processor, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  emit_changed (self);
}

static void
release_processor (gpointer data)
{
  SubprocProcessor *processor = data;

  _subproc_processor_set_owner (processor, NULL, NULL);
  g_object_unref (processor);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static GType
subproc_register_get_item_type (GListModel *model)
{
  return SUBPROC_TYPE_PROCESSOR;
}

static guint
subproc_register_get_n_items (GListModel *model)
{
  return SUBPROC_REGISTER (model)->processors->len;
}

static gpointer
subproc_register_get_item (GListModel *model,
                           guint       position)
{
  SubprocRegister *self = SUBPROC_REGISTER (model);

  if (position >= self->processors->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->processors, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = subproc_register_get_item_type;
  iface->get_n_items = subproc_register_get_n_items;
  iface->get_item = subproc_register_get_item;
}

static void
subproc_register_finalize (GObject *object)
{
  SubprocRegister *self = (SubprocRegister *)object;

  g_clear_pointer (&self->processors, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->dpo_contact, g_free);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (subproc_register_parent_class)->finalize (object);
}

static void
subproc_register_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SubprocRegister *self = SUBPROC_REGISTER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_DPO_CONTACT:
      g_value_set_string (value, self->dpo_contact);
      break;
    case PROP_NOTICE_DAYS:
      g_value_set_uint (value, subproc_register_get_notice_days (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->processors->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_register_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SubprocRegister *self = SUBPROC_REGISTER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      subproc_register_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORGANISATION:
      subproc_register_set_organisation (self, g_value_get_string (value));
      break;
    case PROP_DPO_CONTACT:
      subproc_register_set_dpo_contact (self, g_value_get_string (value));
      break;
    case PROP_NOTICE_DAYS:
      subproc_register_set_notice_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_register_class_init (SubprocRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = subproc_register_finalize;
  object_class->get_property = subproc_register_get_property;
  object_class->set_property = subproc_register_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, flags);
  properties[PROP_DPO_CONTACT] = g_param_spec_string ("dpo-contact", NULL, NULL, NULL, flags);
  /**
   * SubprocRegister:notice-days:
   *
   * How many days before a new sub-processor takes effect the customers
   * are told, and may object (GDPR Art. 28(2)); 0 reads as the default.
   */
  properties[PROP_NOTICE_DAYS] =
    g_param_spec_uint ("notice-days", NULL, NULL, 0, 365, 0, flags);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SubprocRegister::changed:
   *
   * Emitted after any change of the register's content: its list, a
   * processor's field, or its title, organisation or DPO contact.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
subproc_register_init (SubprocRegister *self)
{
  self->processors = g_ptr_array_new_with_free_func (release_processor);
  /* a change recorded (or undone) changes the register's file */
  self->log = subproc_log_new ();
  g_signal_connect_swapped (self->log, "changed", G_CALLBACK (emit_changed), self);
}

/**
 * subproc_register_new:
 *
 * Returns: (transfer full): an empty register.
 */
SubprocRegister *
subproc_register_new (void)
{
  return g_object_new (SUBPROC_TYPE_REGISTER, NULL);
}

/**
 * subproc_register_get_processor:
 *
 * Returns: (transfer none) (nullable): the processor at @position.
 */
SubprocProcessor *
subproc_register_get_processor (SubprocRegister *self,
                                guint            position)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);

  if (position >= self->processors->len)
    return NULL;

  return g_ptr_array_index (self->processors, position);
}

/**
 * subproc_register_find_by_id:
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the processor with @id.
 */
SubprocProcessor *
subproc_register_find_by_id (SubprocRegister *self,
                             const char      *id,
                             guint           *position)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->processors->len; i++)
    {
      SubprocProcessor *processor = g_ptr_array_index (self->processors, i);

      if (g_strcmp0 (subproc_processor_get_id (processor), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return processor;
        }
    }

  return NULL;
}

/**
 * subproc_register_splice:
 * @additions: (array length=n_additions) (transfer none): processors to insert
 *
 * Removes @n_removals processors at @position and inserts @additions there,
 * emitting one exact items-changed. Every other change of the list goes
 * through here.
 */
void
subproc_register_splice (SubprocRegister   *self,
                         guint              position,
                         guint              n_removals,
                         SubprocProcessor **additions,
                         guint              n_additions)
{
  g_return_if_fail (SUBPROC_IS_REGISTER (self));
  g_return_if_fail (position <= self->processors->len);
  g_return_if_fail (n_removals <= self->processors->len - position);
  g_return_if_fail (n_additions == 0 || additions != NULL);

  if (n_removals == 0 && n_additions == 0)
    return;

  /* check all before changing anything, so a bad call leaves the list whole */
  for (guint i = 0; i < n_additions; i++)
    {
      g_return_if_fail (SUBPROC_IS_PROCESSOR (additions[i]));
      g_return_if_fail (_subproc_processor_get_owner (additions[i]) == NULL);
    }

  g_ptr_array_remove_range (self->processors, position, n_removals);
  for (guint i = 0; i < n_additions; i++)
    {
      SubprocProcessor *processor = additions[i];

      _subproc_processor_set_owner (processor, self, processor_changed);
      g_ptr_array_insert (self->processors, position + i, g_object_ref (processor));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
  if (n_removals != n_additions)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  emit_changed (self);
}

/**
 * subproc_register_append:
 */
void
subproc_register_append (SubprocRegister  *self,
                         SubprocProcessor *processor)
{
  g_return_if_fail (SUBPROC_IS_REGISTER (self));

  subproc_register_splice (self, self->processors->len, 0, &processor, 1);
}

/**
 * subproc_register_insert:
 */
void
subproc_register_insert (SubprocRegister  *self,
                         guint             position,
                         SubprocProcessor *processor)
{
  subproc_register_splice (self, position, 0, &processor, 1);
}

/**
 * subproc_register_remove:
 */
void
subproc_register_remove (SubprocRegister *self,
                         guint            position)
{
  subproc_register_splice (self, position, 1, NULL, 0);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                            \
  const char *                                                          \
  subproc_register_get_##field (SubprocRegister *self)                  \
  {                                                                     \
    g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);            \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  subproc_register_set_##field (SubprocRegister *self,                  \
                                const char      *value)                 \
  {                                                                     \
    g_return_if_fail (SUBPROC_IS_REGISTER (self));                      \
    if (set_string (&self->field, value))                               \
      {                                                                 \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);   \
        emit_changed (self);                                            \
      }                                                                 \
  }

/* The register's title, organisation and DPO contact: empty is unset. */
DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (organisation, PROP_ORGANISATION)
DEFINE_STRING_ACCESSORS (dpo_contact, PROP_DPO_CONTACT)

/**
 * subproc_register_get_extra:
 *
 * Returns: (transfer none) (nullable): top-level members this version does not know.
 */
JsonObject *
subproc_register_get_extra (SubprocRegister *self)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);

  return self->extra;
}

/**
 * subproc_register_set_extra:
 */
void
subproc_register_set_extra (SubprocRegister *self,
                            JsonObject      *extra)
{
  g_return_if_fail (SUBPROC_IS_REGISTER (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

/**
 * subproc_register_get_notice_days:
 *
 * Returns: the notice period before a new sub-processor, in days;
 *   %SUBPROC_REGISTER_DEFAULT_NOTICE_DAYS when none was set.
 */
guint
subproc_register_get_notice_days (SubprocRegister *self)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), SUBPROC_REGISTER_DEFAULT_NOTICE_DAYS);

  return self->notice_days != 0 ? self->notice_days : SUBPROC_REGISTER_DEFAULT_NOTICE_DAYS;
}

/**
 * subproc_register_has_notice_days:
 *
 * Returns: whether a notice period was set, rather than the default taken.
 */
gboolean
subproc_register_has_notice_days (SubprocRegister *self)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), FALSE);

  return self->notice_days != 0;
}

/**
 * subproc_register_set_notice_days:
 * @days: 1 to 365, or 0 for the default
 */
void
subproc_register_set_notice_days (SubprocRegister *self,
                                  guint            days)
{
  g_return_if_fail (SUBPROC_IS_REGISTER (self));
  g_return_if_fail (days <= 365);

  if (self->notice_days == days)
    return;
  self->notice_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE_DAYS]);
  emit_changed (self);
}

/**
 * subproc_register_get_log:
 *
 * Returns: (transfer none): the register's change log, kept in its file.
 */
SubprocLog *
subproc_register_get_log (SubprocRegister *self)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);

  return self->log;
}

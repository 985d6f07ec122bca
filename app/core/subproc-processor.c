/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-date.h"
#include "subproc-processor-private.h"

struct _SubprocProcessor
{
  GObject parent_instance;

  /* owned, indexed by SubprocField: the member of the field's kind */
  union
  {
    char  *text;
    char **list;
    int    value;
  } values[SUBPROC_N_FIELDS];
  /* owned: keys this version does not know, kept for the next save */
  JsonObject *extra;
  /* owned: the folded search text; dropped on any change */
  char       *search_text;
  /* interned: the language its country names were shown in */
  const char *search_language;
  /* borrowed: the register holding the processor, told of every change */
  gpointer                     owner;
  SubprocProcessorChangedFunc  owner_changed;
  /* while assigning many fields, the owner is told once, at the end */
  guint                        assigning;
  gboolean                     changed_while_assigning;
};

G_DEFINE_FINAL_TYPE (SubprocProcessor, subproc_processor, G_TYPE_OBJECT)

typedef struct
{
  const char       *key;       /* the JSON key and CSV column */
  const char       *property;  /* the GObject property */
  SubprocFieldKind  kind;
} FieldInfo;

/* One table drives the properties, the file format, the CSV and the search. */
static const FieldInfo fields[SUBPROC_N_FIELDS] = {
  [SUBPROC_FIELD_ID] = { "id", "id", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_NAME] = { "name", "name", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_LEGAL_ENTITY] = { "legal_entity", "legal-entity", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_COUNTRIES] = { "countries", "countries", SUBPROC_FIELD_KIND_COUNTRIES },
  [SUBPROC_FIELD_LOCATION] = { "location", "location", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_TRANSFER_MECHANISM] = { "transfer_mechanism", "transfer-mechanism", SUBPROC_FIELD_KIND_MECHANISMS },
  [SUBPROC_FIELD_TRANSFER_BASIS] = { "transfer_basis", "transfer-basis", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_DPF_VERIFIED] = { "dpf_verified", "dpf-verified", SUBPROC_FIELD_KIND_DATE },
  [SUBPROC_FIELD_SCC_MODULE] = { "scc_module", "scc-module", SUBPROC_FIELD_KIND_ENUM },
  [SUBPROC_FIELD_TIA] = { "tia", "tia", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_FUNCTION] = { "function", "function", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_DESCRIPTION] = { "description", "description", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_DATA_CATEGORIES] = { "data_categories", "data-categories", SUBPROC_FIELD_KIND_LIST },
  [SUBPROC_FIELD_DATA_SUBJECTS] = { "data_subjects", "data-subjects", SUBPROC_FIELD_KIND_LIST },
  [SUBPROC_FIELD_DPA_SIGNED] = { "dpa_signed", "dpa-signed", SUBPROC_FIELD_KIND_DATE },
  [SUBPROC_FIELD_DPA_REFERENCE] = { "dpa_reference", "dpa-reference", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_CONTACT] = { "contact", "contact", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_WEBSITE] = { "website", "website", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_STATUS] = { "status", "status", SUBPROC_FIELD_KIND_ENUM },
  [SUBPROC_FIELD_PARENT] = { "parent", "parent", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_SAFEGUARDS] = { "safeguards", "safeguards", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_SECURITY_MEASURES] = { "security_measures", "security-measures", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_NOTES] = { "notes", "notes", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_SOURCE] = { "source", "source", SUBPROC_FIELD_KIND_TEXT },
  [SUBPROC_FIELD_ADDED] = { "added", "added", SUBPROC_FIELD_KIND_DATE },
  [SUBPROC_FIELD_UPDATED] = { "updated", "updated", SUBPROC_FIELD_KIND_DATE },
  [SUBPROC_FIELD_REVIEW_DUE] = { "review_due", "review-due", SUBPROC_FIELD_KIND_DATE },
};

/* Property ids are the field plus one. */
static GParamSpec *properties[SUBPROC_N_FIELDS + 1];

static const char * const empty_list[] = { NULL };

/**
 * subproc_field_get_key:
 *
 * Returns: (transfer none): the JSON key (and CSV column name) of @field.
 */
const char *
subproc_field_get_key (SubprocField field)
{
  g_return_val_if_fail (field < SUBPROC_N_FIELDS, NULL);

  return fields[field].key;
}

/**
 * subproc_field_get_kind:
 *
 * Returns: how @field holds its value.
 */
SubprocFieldKind
subproc_field_get_kind (SubprocField field)
{
  g_return_val_if_fail (field < SUBPROC_N_FIELDS, SUBPROC_FIELD_KIND_TEXT);

  return fields[field].kind;
}

/**
 * subproc_field_get_enum_type:
 *
 * Returns: the enum type of an enum field, or of the words of a list of
 *   mechanisms, else %G_TYPE_INVALID.
 */
GType
subproc_field_get_enum_type (SubprocField field)
{
  switch (field)
    {
    case SUBPROC_FIELD_TRANSFER_MECHANISM:
      return SUBPROC_TYPE_TRANSFER_MECHANISM;
    case SUBPROC_FIELD_SCC_MODULE:
      return SUBPROC_TYPE_SCC_MODULE;
    case SUBPROC_FIELD_STATUS:
      return SUBPROC_TYPE_STATUS;
    default:
      return G_TYPE_INVALID;
    }
}

/**
 * subproc_field_from_key:
 *
 * Returns: %TRUE when @key is the JSON key of a field, stored in @field.
 */
gboolean
subproc_field_from_key (const char   *key,
                        SubprocField *field)
{
  static GHashTable *by_key;  /* key -> field + 1; built once, as a large register looks up every key */
  static gsize built = 0;
  guint found;

  g_return_val_if_fail (key != NULL, FALSE);

  if (g_once_init_enter (&built))
    {
      by_key = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < SUBPROC_N_FIELDS; i++)
        g_hash_table_insert (by_key, (gpointer) fields[i].key, GUINT_TO_POINTER (i + 1));
      g_once_init_leave (&built, 1);
    }

  found = GPOINTER_TO_UINT (g_hash_table_lookup (by_key, key));
  if (found == 0)
    return FALSE;
  if (field != NULL)
    *field = found - 1;
  return TRUE;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL)
    a = empty_list;
  if (b == NULL)
    b = empty_list;

  return g_strv_equal (a, b);
}

static char **
strv_normalize (const char * const *list)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean any = FALSE;

  if (list == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (list[i]));

      if (*item == '\0')
        continue;
      g_strv_builder_add (builder, item);
      any = TRUE;
    }

  return any ? g_strv_builder_end (builder) : NULL;
}

/* A list of mechanisms: known words only, each once, in the order given;
 * “unspecified” says nothing, so it is left out. */
static char **
mechanisms_normalize (const char * const *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) normalized = strv_normalize (list);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  gboolean any = FALSE;

  for (guint i = 0; normalized != NULL && normalized[i] != NULL; i++)
    {
      int value;

      g_return_val_if_fail (subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, normalized[i], &value), NULL);
      if (value == SUBPROC_TRANSFER_UNSPECIFIED || g_ptr_array_find (seen, GINT_TO_POINTER (value), NULL))
        continue;
      g_ptr_array_add (seen, GINT_TO_POINTER (value));
      g_strv_builder_add (builder, normalized[i]);
      any = TRUE;
    }

  return any ? g_strv_builder_end (builder) : NULL;
}

static void
drop_search_text (SubprocProcessor *self)
{
  g_clear_pointer (&self->search_text, g_free);
  self->search_language = NULL;
}

static gboolean
is_text (SubprocField field)
{
  return fields[field].kind == SUBPROC_FIELD_KIND_TEXT || fields[field].kind == SUBPROC_FIELD_KIND_DATE;
}

static gboolean
is_list (SubprocField field)
{
  return fields[field].kind == SUBPROC_FIELD_KIND_LIST || fields[field].kind == SUBPROC_FIELD_KIND_COUNTRIES
         || fields[field].kind == SUBPROC_FIELD_KIND_MECHANISMS;
}

static void
subproc_processor_finalize (GObject *object)
{
  SubprocProcessor *self = (SubprocProcessor *)object;

  for (guint i = 0; i < SUBPROC_N_FIELDS; i++)
    {
      if (is_text (i))
        g_clear_pointer (&self->values[i].text, g_free);
      else if (is_list (i))
        g_clear_pointer (&self->values[i].list, g_strfreev);
    }
  g_clear_pointer (&self->extra, json_object_unref);
  drop_search_text (self);

  G_OBJECT_CLASS (subproc_processor_parent_class)->finalize (object);
}

static void
subproc_processor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SubprocProcessor *self = SUBPROC_PROCESSOR (object);
  SubprocField field = prop_id - 1;

  if (prop_id == 0 || field >= SUBPROC_N_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (fields[field].kind)
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      g_value_set_string (value, self->values[field].text);
      break;
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
    case SUBPROC_FIELD_KIND_MECHANISMS:
      g_value_set_boxed (value, self->values[field].list);
      break;
    case SUBPROC_FIELD_KIND_ENUM:
      g_value_set_enum (value, self->values[field].value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
subproc_processor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SubprocProcessor *self = SUBPROC_PROCESSOR (object);
  SubprocField field = prop_id - 1;

  if (prop_id == 0 || field >= SUBPROC_N_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (fields[field].kind)
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      subproc_processor_set_text (self, field, g_value_get_string (value));
      break;
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
    case SUBPROC_FIELD_KIND_MECHANISMS:
      subproc_processor_set_list (self, field, g_value_get_boxed (value));
      break;
    case SUBPROC_FIELD_KIND_ENUM:
      subproc_processor_set_enum (self, field, g_value_get_enum (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
tell_owner (SubprocProcessor *self,
            SubprocField      field)
{
  if (self->assigning > 0)
    self->changed_while_assigning = TRUE;
  else if (self->owner_changed != NULL)
    self->owner_changed (self->owner, self, field);
}

static void
notify_field (SubprocProcessor *self,
              SubprocField      field)
{
  drop_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
  tell_owner (self, field);
}

static GParamSpec *
field_param_spec (SubprocField field)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const char *name = fields[field].property;

  switch (fields[field].kind)
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
    case SUBPROC_FIELD_KIND_MECHANISMS:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
    case SUBPROC_FIELD_KIND_ENUM:
      return g_param_spec_enum (name, NULL, NULL, subproc_field_get_enum_type (field), 0, flags);
    default:
      g_assert_not_reached ();
    }
}

static void
subproc_processor_class_init (SubprocProcessorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = subproc_processor_finalize;
  object_class->get_property = subproc_processor_get_property;
  object_class->set_property = subproc_processor_set_property;

  for (guint i = 0; i < SUBPROC_N_FIELDS; i++)
    properties[i + 1] = field_param_spec (i);

  g_object_class_install_properties (object_class, SUBPROC_N_FIELDS + 1, properties);
}

static void
subproc_processor_init (SubprocProcessor *self)
{
}

/**
 * subproc_processor_new:
 * @name: (nullable): the processor's name
 *
 * Creates a processor with a new random id, status active and no transfer mechanism.
 */
SubprocProcessor *
subproc_processor_new (const char *name)
{
  SubprocProcessor *self = g_object_new (SUBPROC_TYPE_PROCESSOR, NULL);

  self->values[SUBPROC_FIELD_ID].text = g_uuid_string_random ();
  subproc_processor_set_text (self, SUBPROC_FIELD_NAME, name);

  return self;
}

/* A processor with @id, as read from a file: no random id is made. */
SubprocProcessor *
_subproc_processor_new_with_id (const char *id)
{
  SubprocProcessor *self = g_object_new (SUBPROC_TYPE_PROCESSOR, NULL);

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self->values[SUBPROC_FIELD_ID].text = g_strdup (id);
  return self;
}

void
_subproc_processor_set_owner (SubprocProcessor            *self,
                              gpointer                     owner,
                              SubprocProcessorChangedFunc  changed)
{
  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));
  g_return_if_fail ((owner == NULL) == (changed == NULL));

  self->owner = owner;
  self->owner_changed = changed;
}

const char *
_subproc_processor_get_search_text (SubprocProcessor *self,
                                    const char       *language)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (self), NULL);

  /* interned: one comparison of pointers for each processor a keystroke looks at */
  return self->search_language == language ? self->search_text : NULL;
}

void
_subproc_processor_set_search_text (SubprocProcessor *self,
                                    const char       *language,
                                    char             *folded)
{
  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));

  drop_search_text (self);
  self->search_text = folded;
  self->search_language = language;
}

gpointer
_subproc_processor_get_owner (SubprocProcessor *self)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (self), NULL);

  return self->owner;
}

/**
 * subproc_processor_copy:
 *
 * Returns: (transfer full): a processor with the same id and values as @self.
 */
SubprocProcessor *
subproc_processor_copy (SubprocProcessor *self)
{
  SubprocProcessor *copy;

  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (self), NULL);

  copy = g_object_new (SUBPROC_TYPE_PROCESSOR, NULL);
  for (guint i = 0; i < SUBPROC_N_FIELDS; i++)
    {
      if (is_text (i))
        copy->values[i].text = g_strdup (self->values[i].text);
      else if (is_list (i))
        copy->values[i].list = g_strdupv (self->values[i].list);
      else
        copy->values[i].value = self->values[i].value;
    }
  /* unknown members are only ever read and written back, never changed,
   * so the copy shares them */
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);

  return copy;
}

/**
 * subproc_processor_get_text:
 *
 * Returns: (nullable): the value of a text or date field (dates as YYYY-MM-DD);
 * %NULL when empty.
 */
const char *
subproc_processor_get_text (SubprocProcessor *self,
                            SubprocField      field)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (self), NULL);
  g_return_val_if_fail (field < SUBPROC_N_FIELDS, NULL);
  g_return_val_if_fail (fields[field].kind == SUBPROC_FIELD_KIND_TEXT ||
                        fields[field].kind == SUBPROC_FIELD_KIND_DATE, NULL);

  return self->values[field].text;
}

/**
 * subproc_processor_set_text:
 * @text: (nullable): the new value; empty means unset
 *
 * Sets a text or date field. A date must be a valid YYYY-MM-DD.
 */
void
subproc_processor_set_text (SubprocProcessor *self,
                            SubprocField      field,
                            const char       *text)
{
  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));
  g_return_if_fail (field < SUBPROC_N_FIELDS);
  g_return_if_fail (fields[field].kind == SUBPROC_FIELD_KIND_TEXT ||
                    fields[field].kind == SUBPROC_FIELD_KIND_DATE);

  if (text != NULL && *text == '\0')
    text = NULL;

  if (fields[field].kind == SUBPROC_FIELD_KIND_DATE && text != NULL)
    {
      g_autoptr(GDate) date = subproc_date_parse_iso (text);

      g_return_if_fail (date != NULL);
    }

  if (g_strcmp0 (self->values[field].text, text) == 0)
    return;

  g_free (self->values[field].text);
  self->values[field].text = g_strdup (text);
  notify_field (self, field);
}

/**
 * subproc_processor_get_list:
 *
 * Returns: (transfer none): the items of a list or countries field, never %NULL.
 */
const char * const *
subproc_processor_get_list (SubprocProcessor *self,
                            SubprocField      field)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (self), empty_list);
  g_return_val_if_fail (field < SUBPROC_N_FIELDS, empty_list);

  if (self->values[field].list == NULL)
    return empty_list;

  return (const char * const *) self->values[field].list;
}

/**
 * subproc_processor_set_list:
 * @list: (nullable) (array zero-terminated=1): the items; blank items are dropped
 *
 * Sets a list, a countries or a mechanisms field. The words of a list of
 * mechanisms must be known; each is kept once, and “unspecified” is left out.
 */
void
subproc_processor_set_list (SubprocProcessor   *self,
                            SubprocField        field,
                            const char * const *list)
{
  char **normalized;

  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));
  g_return_if_fail (field < SUBPROC_N_FIELDS);
  g_return_if_fail (is_list (field));

  normalized = fields[field].kind == SUBPROC_FIELD_KIND_MECHANISMS ? mechanisms_normalize (list)
                                                                   : strv_normalize (list);
  if (strv_equal0 ((const char * const *) normalized, (const char * const *) self->values[field].list))
    {
      g_strfreev (normalized);
      return;
    }

  g_strfreev (self->values[field].list);
  self->values[field].list = normalized;
  notify_field (self, field);
}

/**
 * subproc_processor_get_enum:
 *
 * Returns: the value of an enum field (see subproc_field_get_enum_type()).
 */
int
subproc_processor_get_enum (SubprocProcessor *self,
                            SubprocField      field)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (self), 0);
  g_return_val_if_fail (field < SUBPROC_N_FIELDS, 0);
  g_return_val_if_fail (fields[field].kind == SUBPROC_FIELD_KIND_ENUM, 0);

  return self->values[field].value;
}

/**
 * subproc_processor_set_enum:
 */
void
subproc_processor_set_enum (SubprocProcessor *self,
                            SubprocField      field,
                            int               value)
{
  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));
  g_return_if_fail (field < SUBPROC_N_FIELDS);
  g_return_if_fail (fields[field].kind == SUBPROC_FIELD_KIND_ENUM);
  g_return_if_fail (subproc_enum_to_nick (subproc_field_get_enum_type (field), value) != NULL);

  if (self->values[field].value == value)
    return;

  self->values[field].value = value;
  notify_field (self, field);
}

/**
 * subproc_processor_get_id:
 *
 * Returns: (transfer none): the processor's UUID.
 */
const char *
subproc_processor_get_id (SubprocProcessor *self)
{
  return subproc_processor_get_text (self, SUBPROC_FIELD_ID);
}

/**
 * subproc_processor_get_name:
 *
 * Returns: (transfer none) (nullable): the processor's name.
 */
const char *
subproc_processor_get_name (SubprocProcessor *self)
{
  return subproc_processor_get_text (self, SUBPROC_FIELD_NAME);
}

/**
 * subproc_processor_get_countries:
 *
 * Returns: (transfer none): ISO 3166-1 alpha-2 codes, never %NULL.
 */
const char * const *
subproc_processor_get_countries (SubprocProcessor *self)
{
  return subproc_processor_get_list (self, SUBPROC_FIELD_COUNTRIES);
}

/**
 * subproc_processor_has_mechanism:
 *
 * Returns: whether @mechanism is one of the transfer mechanisms the
 *   processor relies on; %SUBPROC_TRANSFER_UNSPECIFIED when there is none.
 */
gboolean
subproc_processor_has_mechanism (SubprocProcessor         *self,
                                 SubprocTransferMechanism  mechanism)
{
  const char * const *list = subproc_processor_get_list (self, SUBPROC_FIELD_TRANSFER_MECHANISM);
  const char *nick;

  if (mechanism == SUBPROC_TRANSFER_UNSPECIFIED)
    return list[0] == NULL;
  nick = subproc_enum_to_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, mechanism);
  g_return_val_if_fail (nick != NULL, FALSE);
  return g_strv_contains (list, nick);
}

/**
 * subproc_processor_set_mechanism:
 *
 * Makes @mechanism the one transfer mechanism the processor relies on;
 * %SUBPROC_TRANSFER_UNSPECIFIED for none.
 */
void
subproc_processor_set_mechanism (SubprocProcessor         *self,
                                 SubprocTransferMechanism  mechanism)
{
  const char *list[] = { subproc_enum_to_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, mechanism), NULL };

  g_return_if_fail (list[0] != NULL);
  subproc_processor_set_list (self, SUBPROC_FIELD_TRANSFER_MECHANISM, list);
}

/**
 * subproc_processor_get_status:
 */
SubprocStatus
subproc_processor_get_status (SubprocProcessor *self)
{
  return subproc_processor_get_enum (self, SUBPROC_FIELD_STATUS);
}

/**
 * subproc_processor_get_extra:
 *
 * Returns: (transfer none) (nullable): members of the file this version does not know.
 */
JsonObject *
subproc_processor_get_extra (SubprocProcessor *self)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (self), NULL);

  return self->extra;
}

/**
 * subproc_processor_set_extra:
 * @extra: (nullable): unknown members to keep
 */
void
subproc_processor_set_extra (SubprocProcessor *self,
                             JsonObject       *extra)
{
  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));

  if (extra == self->extra)
    return;
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
  tell_owner (self, SUBPROC_N_FIELDS);
}

/**
 * subproc_processor_equal:
 *
 * Returns: %TRUE when every field of @a and @b holds the same value
 * (unknown members are not compared).
 */
gboolean
subproc_processor_equal (SubprocProcessor *a,
                         SubprocProcessor *b)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (a), FALSE);
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (b), FALSE);

  for (guint i = 0; i < SUBPROC_N_FIELDS; i++)
    {
      if (is_text (i) ? g_strcmp0 (a->values[i].text, b->values[i].text) != 0
          : is_list (i) ? !strv_equal0 ((const char * const *) a->values[i].list,
                                        (const char * const *) b->values[i].list)
          : a->values[i].value != b->values[i].value)
        return FALSE;
    }

  return TRUE;
}

/**
 * subproc_processor_assign:
 * @values: the values to take
 *
 * Gives @self every value of @values but its id, notifying each field
 * that changes; unknown members are taken too.
 */
void
subproc_processor_assign (SubprocProcessor *self,
                          SubprocProcessor *values)
{
  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));
  g_return_if_fail (SUBPROC_IS_PROCESSOR (values));

  g_object_freeze_notify (G_OBJECT (self));
  self->assigning++;
  for (guint i = 0; i < SUBPROC_N_FIELDS; i++)
    {
      if (i == SUBPROC_FIELD_ID)
        continue;
      switch (fields[i].kind)
        {
        case SUBPROC_FIELD_KIND_TEXT:
        case SUBPROC_FIELD_KIND_DATE:
          subproc_processor_set_text (self, i, values->values[i].text);
          break;
        case SUBPROC_FIELD_KIND_LIST:
        case SUBPROC_FIELD_KIND_COUNTRIES:
        case SUBPROC_FIELD_KIND_MECHANISMS:
          subproc_processor_set_list (self, i, (const char * const *) values->values[i].list);
          break;
        case SUBPROC_FIELD_KIND_ENUM:
          subproc_processor_set_enum (self, i, values->values[i].value);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  subproc_processor_set_extra (self, values->extra);
  /* one change for the register, so that its views re-sort and re-filter once */
  if (--self->assigning == 0 && self->changed_while_assigning)
    {
      self->changed_while_assigning = FALSE;
      tell_owner (self, SUBPROC_N_FIELDS);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * subproc_processor_touch:
 * @before: the processor as it was
 * @today: today as YYYY-MM-DD
 *
 * Sets “updated” to @today when any other field of @self differs from
 * @before, unless the user changed “updated” themselves.
 */
void
subproc_processor_touch (SubprocProcessor *self,
                         SubprocProcessor *before,
                         const char       *today)
{
  g_autoptr(SubprocProcessor) other = NULL;

  g_return_if_fail (SUBPROC_IS_PROCESSOR (self));
  g_return_if_fail (SUBPROC_IS_PROCESSOR (before));
  g_return_if_fail (today != NULL);

  if (g_strcmp0 (self->values[SUBPROC_FIELD_UPDATED].text, before->values[SUBPROC_FIELD_UPDATED].text) != 0)
    return;

  /* compare all but the id and the date itself */
  other = subproc_processor_copy (before);
  subproc_processor_set_text (other, SUBPROC_FIELD_ID, self->values[SUBPROC_FIELD_ID].text);
  if (!subproc_processor_equal (self, other))
    subproc_processor_set_text (self, SUBPROC_FIELD_UPDATED, today);
}

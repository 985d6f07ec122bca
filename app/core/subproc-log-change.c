/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-columns.h"
#include "subproc-log-private.h"
#include "subproc-storage-private.h"

/* A change of the log (SubprocChange): made by the history, or read from
 * an entry of the file's list and checked for what the log relies on; what
 * it holds, and what it did in the UI's language. The log is in
 * subproc-log.c. */

static const char * const kind_words[] = {
  [SUBPROC_CHANGE_ADD] = "add",
  [SUBPROC_CHANGE_EDIT] = "edit",
  [SUBPROC_CHANGE_DELETE] = "delete",
  [SUBPROC_CHANGE_DETAILS] = "details",
  [SUBPROC_CHANGE_REVIEW] = "review",
};

/* the register's details a “details” change may name */
static const char * const detail_keys[] = {
  "title", "organisation", "dpo_contact", "notice_days", NULL,
};

G_DEFINE_FINAL_TYPE (SubprocChange, subproc_change, G_TYPE_OBJECT)

static void
set_member_text (JsonObject *object,
                 const char *key,
                 const char *text)
{
  if (text != NULL)
    json_object_set_string_member (object, key, text);
}

static const char *
detail_title (const char *key)
{
  if (g_strcmp0 (key, "title") == 0)
    return C_("register detail", "Title");
  if (g_strcmp0 (key, "organisation") == 0)
    return C_("register detail", "Organisation");
  if (g_strcmp0 (key, "dpo_contact") == 0)
    return C_("register detail", "Data Protection Officer");
  if (g_strcmp0 (key, "notice_days") == 0)
    return C_("register detail", "Notice Period");
  return key;
}

/* The changed field's name in the UI's language, or NULL. */
static const char *
field_title (SubprocChange *self)
{
  SubprocField field;

  if (self->field == NULL)
    return NULL;
  if (self->kind == SUBPROC_CHANGE_DETAILS)
    return detail_title (self->field);
  if (subproc_field_from_key (self->field, &field))
    return subproc_columns_field_name (field);
  return self->field;
}

G_GNUC_PRINTF (5, 6)
static void
set_entry_error (GError    **error,
                 const char *display_name,
                 guint       first_line,
                 guint       index_,
                 const char *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID,
               /* Translators: “register.json”, change log from line 412, change 7: <what is wrong> */
               _("“%1$s”, change log from line %2$u, change %3$u: %4$s"),
               display_name, first_line, index_ + 1, what);
}

static const char *
member_text (JsonObject *object,
             const char *key,
             gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

static void
subproc_change_finalize (GObject *object)
{
  SubprocChange *self = (SubprocChange *) object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->author);
  g_free (self->processor_id);
  g_free (self->processor_name);
  g_free (self->field);
  g_clear_pointer (&self->old_value, json_node_unref);
  g_clear_pointer (&self->new_value, json_node_unref);
  g_free (self->reason);
  g_free (self->content);
  g_free (self->hash);
  g_free (self->link);

  G_OBJECT_CLASS (subproc_change_parent_class)->finalize (object);
}

static void
subproc_change_class_init (SubprocChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = subproc_change_finalize;
}

static void
subproc_change_init (SubprocChange *self)
{
  self->position = -1;
}

/**
 * _subproc_change_new:
 * @at: when, in UTC
 * @old_value: (nullable): the value before, as the file writes it
 * @new_value: (nullable): the value after
 * @position: where a processor was added or deleted; -1 for other changes
 *
 * Returns: (transfer full): a change, to be given to _subproc_log_append().
 */
SubprocChange *
_subproc_change_new (SubprocChangeKind  kind,
                     GDateTime         *at,
                     const char        *author,
                     const char        *processor_id,
                     const char        *processor_name,
                     const char        *field,
                     JsonNode          *old_value,
                     JsonNode          *new_value,
                     gint64             position,
                     const char        *reason)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (at);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  SubprocChange *self = g_object_new (SUBPROC_TYPE_CHANGE, NULL);
  GString *content = g_string_new (NULL);

  g_assert ((guint) kind < G_N_ELEMENTS (kind_words));

  self->kind = kind;
  /* to the second, as written */
  self->at = g_date_time_new_utc (g_date_time_get_year (utc), g_date_time_get_month (utc),
                                  g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                                  g_date_time_get_minute (utc), g_date_time_get_second (utc));
  self->author = g_strdup (author != NULL && *author != '\0' ? author : NULL);
  self->processor_id = g_strdup (processor_id);
  self->processor_name = g_strdup (processor_name);
  self->field = g_strdup (field);
  self->old_value = old_value != NULL ? json_node_copy (old_value) : NULL;
  self->new_value = new_value != NULL ? json_node_copy (new_value) : NULL;
  self->reason = g_strdup (reason != NULL && *reason != '\0' ? reason : NULL);
  self->position = position;

  json_object_set_string_member (object, "at", when);
  json_object_set_string_member (object, "op", kind_words[kind]);
  set_member_text (object, "by", self->author);
  set_member_text (object, "id", processor_id);
  set_member_text (object, "name", processor_name);
  set_member_text (object, "field", field);
  if (kind == SUBPROC_CHANGE_EDIT || kind == SUBPROC_CHANGE_DETAILS || kind == SUBPROC_CHANGE_DELETE)
    json_object_set_member (object, "old", old_value != NULL ? json_node_copy (old_value) : json_node_new (JSON_NODE_NULL));
  if (kind == SUBPROC_CHANGE_EDIT || kind == SUBPROC_CHANGE_DETAILS || kind == SUBPROC_CHANGE_ADD)
    json_object_set_member (object, "new", new_value != NULL ? json_node_copy (new_value) : json_node_new (JSON_NODE_NULL));
  if (position >= 0)
    json_object_set_int_member (object, "position", position);
  set_member_text (object, "reason", self->reason);

  node = json_node_init_object (json_node_alloc (), object);
  _subproc_log_canonical_node (content, node);
  self->content_length = content->len;
  self->content = g_string_free (content, FALSE);
  return self;
}

/* One entry of the file's list, checked for what the log relies on. */
SubprocChange *
_subproc_change_read_entry (JsonNode    *node,
                            guint        index_,
                            const char  *display_name,
                            guint        first_line,
                            GError     **error)
{
  g_autoptr(SubprocChange) self = NULL;
  g_autoptr(JsonNode) content = NULL;
  JsonObject *object, *copy;
  JsonObjectIter iter;
  const char *member, *op, *at, *hash;
  JsonNode *value, *position;
  gboolean ok = TRUE;
  SubprocField field;
  GString *text;
  guint kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_entry_error (error, display_name, first_line, index_, _("a change must be written in curly braces."));
      return NULL;
    }
  object = json_node_get_object (node);

  op = member_text (object, "op", &ok);
  for (kind = 0; kind < G_N_ELEMENTS (kind_words); kind++)
    if (g_strcmp0 (op, kind_words[kind]) == 0)
      break;
  if (kind == G_N_ELEMENTS (kind_words))
    {
      set_entry_error (error, display_name, first_line, index_,
                       _("“op” must be add, edit, delete, details or review."));
      return NULL;
    }

  self = g_object_new (SUBPROC_TYPE_CHANGE, NULL);
  self->kind = kind;
  at = member_text (object, "at", &ok);
  if (at != NULL)
    self->at = g_date_time_new_from_iso8601 (at, NULL);
  if (self->at == NULL)
    {
      set_entry_error (error, display_name, first_line, index_,
                       _("“at” must be a time written as YYYY-MM-DDTHH:MM:SSZ."));
      return NULL;
    }
  self->author = g_strdup (member_text (object, "by", &ok));
  self->processor_id = g_strdup (member_text (object, "id", &ok));
  self->processor_name = g_strdup (member_text (object, "name", &ok));
  self->field = g_strdup (member_text (object, "field", &ok));
  self->reason = g_strdup (member_text (object, "reason", &ok));
  hash = member_text (object, "hash", &ok);
  if (!ok)
    {
      set_entry_error (error, display_name, first_line, index_,
                       _("“by”, “id”, “name”, “field”, “reason” and “hash” must be text in quotes."));
      return NULL;
    }
  if ((value = json_object_get_member (object, "old")) != NULL && !JSON_NODE_HOLDS_NULL (value))
    self->old_value = json_node_copy (value);
  if ((value = json_object_get_member (object, "new")) != NULL && !JSON_NODE_HOLDS_NULL (value))
    self->new_value = json_node_copy (value);

  /* what undoing it needs */
  position = json_object_get_member (object, "position");
  switch (self->kind)
    {
    case SUBPROC_CHANGE_ADD:
    case SUBPROC_CHANGE_DELETE:
      value = self->kind == SUBPROC_CHANGE_ADD ? self->new_value : self->old_value;
      if (self->processor_id == NULL || position == NULL || !JSON_NODE_HOLDS_VALUE (position) ||
          json_node_get_value_type (position) != G_TYPE_INT64 || json_node_get_int (position) < 0 ||
          value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
        {
          set_entry_error (error, display_name, first_line, index_,
                           _("an added or deleted processor needs “id”, “position” and the processor."));
          return NULL;
        }
      self->position = json_node_get_int (position);
      break;
    case SUBPROC_CHANGE_EDIT:
      if (self->processor_id == NULL || self->field == NULL || !subproc_field_from_key (self->field, &field) ||
          field == SUBPROC_FIELD_ID)
        {
          set_entry_error (error, display_name, first_line, index_,
                           _("an edit needs “id” and the “field” of a processor it changed."));
          return NULL;
        }
      break;
    case SUBPROC_CHANGE_DETAILS:
      if (self->field == NULL || !g_strv_contains (detail_keys, self->field))
        {
          set_entry_error (error, display_name, first_line, index_,
                           _("a change of details needs the “field” it changed."));
          return NULL;
        }
      break;
    case SUBPROC_CHANGE_REVIEW:
    default:
      break;
    }

  /* the content hashed: every member but the hash, members this version
   * does not know included */
  copy = json_object_new ();
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_str_equal (member, "hash"))
      json_object_set_member (copy, member, json_node_ref (value));
  content = json_node_init_object (json_node_alloc (), copy);
  json_object_unref (copy);
  text = g_string_new (NULL);
  _subproc_log_canonical_node (text, content);
  self->content_length = text->len;
  self->content = g_string_free (text, FALSE);
  self->hash = g_strdup (hash);

  return g_steal_pointer (&self);
}

/**
 * subproc_change_get_kind:
 */
SubprocChangeKind
subproc_change_get_kind (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), SUBPROC_CHANGE_EDIT);
  return self->kind;
}

/**
 * subproc_change_get_time:
 *
 * Returns: (transfer none): when the change was made, in UTC.
 */
GDateTime *
subproc_change_get_time (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->at;
}

/**
 * subproc_change_get_author:
 *
 * Returns: (nullable): who made the change, as they were named then.
 */
const char *
subproc_change_get_author (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->author;
}

/**
 * subproc_change_get_processor_id:
 *
 * Returns: (nullable): the processor's id; %NULL for the register's details and reviews.
 */
const char *
subproc_change_get_processor_id (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->processor_id;
}

/**
 * subproc_change_get_processor_name:
 *
 * Returns: (nullable): the processor's name when it was changed.
 */
const char *
subproc_change_get_processor_name (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->processor_name;
}

/**
 * subproc_change_get_field:
 *
 * Returns: (nullable): the key of the field changed, as in the file.
 */
const char *
subproc_change_get_field (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->field;
}

/**
 * subproc_change_get_old:
 *
 * Returns: (transfer none) (nullable): the value before, as the file writes it.
 */
JsonNode *
subproc_change_get_old (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->old_value;
}

/**
 * subproc_change_get_new:
 *
 * Returns: (transfer none) (nullable): the value after.
 */
JsonNode *
subproc_change_get_new (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->new_value;
}

/**
 * subproc_change_get_reason:
 *
 * Returns: (nullable): why, as the user said.
 */
const char *
subproc_change_get_reason (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->reason;
}

/**
 * subproc_change_get_position:
 *
 * Returns: where a processor was added or deleted; -1 for other changes.
 */
gint64
subproc_change_get_position (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), -1);
  return self->position;
}

/**
 * subproc_change_get_hash:
 *
 * Returns: (nullable): the entry's hash, as written in the file.
 */
const char *
subproc_change_get_hash (SubprocChange *self)
{
  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);
  return self->hash;
}

/**
 * subproc_change_value_to_text:
 * @value: (nullable): subproc_change_get_old() or subproc_change_get_new()
 *
 * Returns: (transfer full): the value as the window shows it, in the
 *   UI's language; “—” for none.
 */
char *
subproc_change_value_to_text (SubprocChange *self,
                              JsonNode      *value)
{
  g_autoptr(SubprocProcessor) scratch = NULL;
  SubprocField field;
  char *text = NULL;

  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("—");
  if (self->kind == SUBPROC_CHANGE_EDIT && self->field != NULL &&
      subproc_field_from_key (self->field, &field))
    {
      scratch = subproc_processor_new ("-");
      if (_subproc_storage_set_field (scratch, field, value, "", NULL))
        text = subproc_columns_field_text (scratch, field, NULL, NULL);
    }
  else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (value));
  else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

  if (text == NULL || *text == '\0')
    {
      g_free (text);
      text = subproc_log_canonical (value);
    }
  return text;
}

/**
 * subproc_change_describe:
 *
 * Returns: (transfer full): what the change did, in one line of the UI's
 *   language, e.g. Changed “Countries” of “Amazon”.
 */
char *
subproc_change_describe (SubprocChange *self)
{
  const char *name;

  g_return_val_if_fail (SUBPROC_IS_CHANGE (self), NULL);

  name = self->processor_name != NULL ? self->processor_name : "";
  switch (self->kind)
    {
    case SUBPROC_CHANGE_ADD:
      /* Translators: a change in the log; %s is a processor's name */
      return g_strdup_printf (_("Added “%s”"), name);
    case SUBPROC_CHANGE_DELETE:
      /* Translators: a change in the log; %s is a processor's name */
      return g_strdup_printf (_("Deleted “%s”"), name);
    case SUBPROC_CHANGE_EDIT:
      /* Translators: a change in the log; %1$s is a field, such as “Countries”, %2$s a processor's name */
      return g_strdup_printf (_("Changed “%1$s” of “%2$s”"), field_title (self), name);
    case SUBPROC_CHANGE_DETAILS:
      /* Translators: a change in the log; %s is a detail of the register, such as “Title” */
      return g_strdup_printf (_("Changed the register's “%s”"), field_title (self));
    case SUBPROC_CHANGE_REVIEW:
      return g_strdup (_("Reviewed and approved the register"));
    default:
      g_assert_not_reached ();
    }
}

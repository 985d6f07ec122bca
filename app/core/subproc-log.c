/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-columns.h"
#include "subproc-log-private.h"
#include "subproc-storage-private.h"

/* The change log: every change to a register, kept in its file as a chain
 * of entries, each holding the SHA-256 of the previous entry's hash and its
 * own canonical text (docs/FORMAT.md, “The change log”).
 *
 * A register's log grows with its life, not its size, so it is read only
 * when asked for: the loader hands over the text of the file's list, which
 * is written back as it was until a change is added. Entries are made by
 * the history (subproc-history.c), one or more a step, and removed again
 * when the step is undone. */

static const char * const kind_words[] = {
  [SUBPROC_CHANGE_ADD] = "add",
  [SUBPROC_CHANGE_EDIT] = "edit",
  [SUBPROC_CHANGE_DELETE] = "delete",
  [SUBPROC_CHANGE_DETAILS] = "details",
  [SUBPROC_CHANGE_REVIEW] = "review",
};

/* the members of a register's top-level object that Subproc reads */
static const char * const register_keys[] = {
  "format", "version", "title", "organisation", "dpo_contact", "notice_days", "processors", NULL,
};

/* the register's details a “details” change may name */
static const char * const detail_keys[] = {
  "title", "organisation", "dpo_contact", "notice_days", NULL,
};

static const char zero_hash[SUBPROC_LOG_HASH_LENGTH + 1] =
  "0000000000000000000000000000000000000000000000000000000000000000";

/* The canonical text --------------------------------------------------- */

static void
canonical_string (GString    *out,
                  const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
canonical_node (GString  *out,
                JsonNode *node)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autofree const char **keys = NULL;
        guint n = json_object_get_size (object), i = 0;
        JsonObjectIter iter;
        const char *member;

        keys = g_new (const char *, n + 1);
        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &member, NULL))
          keys[i++] = member;
        qsort (keys, n, sizeof (char *), compare_keys);
        g_string_append_c (out, '{');
        for (i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_string (out, keys[i]);
            g_string_append_c (out, ':');
            canonical_node (out, json_object_get_member (object, keys[i]));
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          canonical_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            double value = json_node_get_double (node);

            /* a whole number as one, however it was written (1.0, 1e3, -0) */
            if (value > -9.2e18 && value < 9.2e18 && value == (double) (gint64) value)
              g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
            else
              g_string_append (out, g_ascii_formatd (number, sizeof number, "%.17g", value));
          }
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * subproc_log_canonical:
 *
 * Returns: (transfer full): @node in the canonical form the log hashes:
 *   members sorted by key, no blanks, strings with only the escapes JSON
 *   requires (docs/FORMAT.md, “The change log”).
 */
char *
subproc_log_canonical (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  canonical_node (out, node);
  return g_string_free (out, FALSE);
}

static char *
chain_hash (const char *previous,
            const char *content,
            gsize       length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) previous, SUBPROC_LOG_HASH_LENGTH);
  g_checksum_update (checksum, (const guchar *) content, length);
  return g_strdup (g_checksum_get_string (checksum));
}

/* A change ------------------------------------------------------------- */

struct _SubprocChange
{
  GObject parent_instance;

  SubprocChangeKind kind;
  GDateTime        *at;
  char             *author;
  char             *processor_id;
  char             *processor_name;
  char             *field;
  JsonNode         *old_value;
  JsonNode         *new_value;
  char             *reason;
  gint64            position; /* of an added or deleted processor, else -1 */
  char             *content;  /* the canonical text without the hash */
  gsize             content_length;
  char             *hash;     /* as written; NULL when the file had none */
  char             *link;     /* what the next entry's hash follows from */
};

G_DEFINE_FINAL_TYPE (SubprocChange, subproc_change, G_TYPE_OBJECT)

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

static void
set_member_text (JsonObject *object,
                 const char *key,
                 const char *text)
{
  if (text != NULL)
    json_object_set_string_member (object, key, text);
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
  canonical_node (content, node);
  self->content_length = content->len;
  self->content = g_string_free (content, FALSE);
  return self;
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

/* The log -------------------------------------------------------------- */

struct _SubprocLog
{
  GObject parent_instance;

  GPtrArray *changes;        /* of SubprocChange, oldest first */
  GBytes    *text;           /* the file's list, not read yet (or not readable) */
  char      *display_name;
  guint      first_line;
  int        first_broken;   /* the first entry whose hash is wrong, or -1 */
  GError    *read_error;     /* why the file's list could not be read */
  JsonObject *after;         /* members the file had after the log, kept */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SubprocLog, subproc_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
subproc_log_get_item_type (GListModel *model)
{
  return SUBPROC_TYPE_CHANGE;
}

static guint
subproc_log_get_n_items (GListModel *model)
{
  return SUBPROC_LOG (model)->changes->len;
}

static gpointer
subproc_log_get_item (GListModel *model,
                      guint       position)
{
  SubprocLog *self = SUBPROC_LOG (model);

  if (position >= self->changes->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->changes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = subproc_log_get_item_type;
  iface->get_n_items = subproc_log_get_n_items;
  iface->get_item = subproc_log_get_item;
}

static void
subproc_log_finalize (GObject *object)
{
  SubprocLog *self = (SubprocLog *) object;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_bytes_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_error (&self->read_error);
  g_clear_pointer (&self->after, json_object_unref);

  G_OBJECT_CLASS (subproc_log_parent_class)->finalize (object);
}

static void
subproc_log_class_init (SubprocLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = subproc_log_finalize;

  /**
   * SubprocLog::changed:
   *
   * A change was recorded, or removed by undo: the register's file changes.
   * Reading the file's log is no change and emits only items-changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
subproc_log_init (SubprocLog *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
  self->first_broken = -1;
}

/**
 * subproc_log_new:
 *
 * Returns: (transfer full): an empty log.
 */
SubprocLog *
subproc_log_new (void)
{
  return g_object_new (SUBPROC_TYPE_LOG, NULL);
}

/**
 * _subproc_log_set_text:
 * @text: the file's “changes” list as written, from “[” to “]”
 * @first_line: the line of the file it starts on
 *
 * Keeps the file's log to be read when asked for, and written back as it
 * was until then.
 */
void
_subproc_log_set_text (SubprocLog *self,
                       GBytes     *text,
                       const char *display_name,
                       guint       first_line)
{
  g_return_if_fail (SUBPROC_IS_LOG (self));
  g_return_if_fail (self->changes->len == 0 && self->text == NULL);

  self->text = g_bytes_ref (text);
  self->display_name = g_strdup (display_name);
  self->first_line = first_line;
}

/**
 * _subproc_log_get_text:
 *
 * Returns: (transfer none) (nullable): the file's list while it is not read.
 */
GBytes *
_subproc_log_get_text (SubprocLog *self)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), NULL);
  return self->text;
}

/**
 * _subproc_log_get_display_name:
 *
 * Returns: (nullable): the name of the file the log was read from.
 */
const char *
_subproc_log_get_display_name (SubprocLog *self)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), NULL);
  return self->display_name;
}

/**
 * _subproc_log_get_first_line:
 *
 * Returns: the line of the file the log starts on.
 */
guint
_subproc_log_get_first_line (SubprocLog *self)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), 0);
  return self->first_line;
}

/**
 * _subproc_log_get_size:
 *
 * Returns: about how many bytes _subproc_log_write() writes.
 */
gsize
_subproc_log_get_size (SubprocLog *self)
{
  gsize size = 16;

  g_return_val_if_fail (SUBPROC_IS_LOG (self), 0);

  if (self->text != NULL)
    return g_bytes_get_size (self->text) + size;
  for (guint i = 0; i < self->changes->len; i++)
    size += ((SubprocChange *) g_ptr_array_index (self->changes, i))->content_length + SUBPROC_LOG_HASH_LENGTH + 16;
  return size;
}

/**
 * _subproc_log_is_empty:
 *
 * Returns: whether the file would hold no log at all.
 */
gboolean
_subproc_log_is_empty (SubprocLog *self)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), TRUE);
  return self->text == NULL && self->changes->len == 0;
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

/* One entry of the file's list, checked for what the log relies on. */
static SubprocChange *
read_entry (JsonNode    *node,
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
  canonical_node (text, content);
  self->content_length = text->len;
  self->content = g_string_free (text, FALSE);
  self->hash = g_strdup (hash);

  return g_steal_pointer (&self);
}

static gboolean
is_hash (const char *text)
{
  if (text == NULL || strlen (text) != SUBPROC_LOG_HASH_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/**
 * _subproc_log_parse:
 * @first_broken: (out): the first entry whose hash does not follow from the
 *   previous hash and its content, or -1 when the chain is whole
 *
 * Reads the text of a file's log; safe in any thread.
 *
 * Returns: (transfer full) (element-type SubprocChange): the changes, or
 *   %NULL with @error saying where the text is wrong.
 */
GPtrArray *
_subproc_log_parse (GBytes      *text,
                    const char  *display_name,
                    guint        first_line,
                    int         *first_broken,
                    JsonObject **after,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) json_error = NULL;
  const char *previous = zero_hash;
  gsize length;
  const char *text_data = g_bytes_get_data (text, &length);
  g_autofree char *data = NULL;
  JsonNode *root, *list;
  JsonArray *array;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  *first_broken = -1;
  *after = NULL;
  /* the text runs from the log's “[” to the file's last “]”: read as the
   * members of an object, so that any member a hand put after the log
   * is read too */
  data = g_malloc (length + 13);
  memcpy (data, "{\"changes\":", 11);
  memcpy (data + 11, text_data, length);
  memcpy (data + 11 + length, "}", 2);
  length += 12;
  if (!_subproc_storage_prescan (data, length, display_name, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      /* Translators: “register.json”, change log from line 412: <what json-glib says> */
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX,
                   _("“%1$s”, change log from line %2$u: the log is damaged (%3$s)."),
                   display_name, first_line, json_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  list = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "changes") : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID,
                   _("“%1$s”, change log from line %2$u: “changes” must be a list in square brackets."),
                   display_name, first_line);
      return NULL;
    }

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &member, &value))
    {
      if (g_str_equal (member, "changes"))
        continue;
      if (g_strv_contains (register_keys, member))
        {
          g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID,
                       /* Translators: %3$s is a key of the register, such as “processors” */
                       _("“%1$s”, change log from line %2$u: “%3$s” is written after the change log; "
                         "Subproc reads it only before."),
                       display_name, first_line, member);
          g_clear_pointer (after, json_object_unref);
          return NULL;
        }
      if (*after == NULL)
        *after = json_object_new ();
      json_object_set_member (*after, member, json_node_copy (value));
    }

  array = json_node_get_array (list);
  changes = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      SubprocChange *change = read_entry (json_array_get_element (array, i), i, display_name, first_line, error);
      g_autofree char *expected = NULL;

      if (change == NULL)
        {
          g_clear_pointer (after, json_object_unref);
          return NULL;
        }
      g_ptr_array_add (changes, change);

      expected = chain_hash (previous, change->content, change->content_length);
      if (*first_broken < 0 && g_strcmp0 (expected, change->hash) != 0)
        *first_broken = i;
      /* the next entry follows from this one's hash as written: a change
       * made by hand breaks the chain there, not everywhere after it; a
       * hash that is none is kept as written, and the next follows from
       * what it should have been */
      change->link = is_hash (change->hash) ? g_strdup (change->hash) : g_steal_pointer (&expected);
      previous = change->link;
    }

  return g_steal_pointer (&changes);
}

/**
 * _subproc_log_take:
 * @text: the text that was read, to be sure the log still holds it
 * @changes: (nullable): what _subproc_log_parse() gave
 * @error: (nullable): why it gave nothing
 *
 * Takes what a worker thread read; nothing when the log has been read since.
 */
void
_subproc_log_take (SubprocLog   *self,
                   GBytes       *text,
                   GPtrArray    *changes,
                   int           first_broken,
                   JsonObject   *after,
                   const GError *error)
{
  g_return_if_fail (SUBPROC_IS_LOG (self));

  if (self->text != text || self->read_error != NULL)
    return;

  if (changes == NULL)
    {
      g_assert (error != NULL);
      self->read_error = g_error_copy (error);
      return;
    }

  g_assert (self->changes->len == 0);
  if (after != NULL)
    self->after = json_object_ref (after);
  g_ptr_array_extend (self->changes, changes, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  self->first_broken = first_broken;
  g_clear_pointer (&self->text, g_bytes_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->changes->len);
}

/**
 * subproc_log_read:
 *
 * Reads the file's log, when it is not read yet.
 *
 * Returns: %FALSE when it cannot be read (the file was damaged), with
 *   @error saying where; the log's text is then kept, and written back as it
 *   was, but no change can be added.
 */
gboolean
subproc_log_read (SubprocLog  *self,
                  GError     **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) after = NULL;
  int first_broken;

  g_return_val_if_fail (SUBPROC_IS_LOG (self), FALSE);

  if (self->read_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->read_error));
      return FALSE;
    }
  if (self->text == NULL)
    return TRUE;

  changes = _subproc_log_parse (self->text, self->display_name, self->first_line, &first_broken,
                                &after, &local_error);
  _subproc_log_take (self, self->text, changes, first_broken, after, local_error);
  if (changes == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * subproc_log_is_read:
 *
 * Returns: whether the log is read (or was never in a file).
 */
gboolean
subproc_log_is_read (SubprocLog *self)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), FALSE);
  return self->text == NULL;
}

/**
 * subproc_log_get_n_changes:
 *
 * Returns: how many changes the log holds, reading it when needed (0 when
 *   it cannot be read).
 */
guint
subproc_log_get_n_changes (SubprocLog *self)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), 0);

  subproc_log_read (self, NULL);
  return self->changes->len;
}

/**
 * subproc_log_get_change:
 *
 * Returns: (transfer none): the change at @position, the oldest first.
 */
SubprocChange *
subproc_log_get_change (SubprocLog *self,
                        guint       position)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), NULL);
  g_return_val_if_fail (position < self->changes->len, NULL);

  return g_ptr_array_index (self->changes, position);
}

/**
 * subproc_log_get_first_broken:
 *
 * Returns: the position of the first change whose hash does not follow
 *   from the entries before it (it, or one before it, was altered outside
 *   Subproc), or -1 when the chain is whole.
 */
int
subproc_log_get_first_broken (SubprocLog *self)
{
  g_return_val_if_fail (SUBPROC_IS_LOG (self), -1);

  subproc_log_read (self, NULL);
  return self->first_broken;
}

/**
 * subproc_log_describe_problem:
 *
 * Returns: (transfer full) (nullable): what is wrong with the file's log,
 *   in a sentence naming the first broken entry; %NULL when nothing is.
 */
char *
subproc_log_describe_problem (SubprocLog *self)
{
  g_autoptr(GError) error = NULL;
  SubprocChange *change;
  g_autofree char *when = NULL;

  g_return_val_if_fail (SUBPROC_IS_LOG (self), NULL);

  if (!subproc_log_read (self, &error))
    return g_strdup (error->message);
  if (self->first_broken < 0)
    return NULL;

  change = g_ptr_array_index (self->changes, self->first_broken);
  when = g_date_time_format (change->at, "%Y-%m-%d %H:%M UTC");
  /* Translators: %1$u is the change's number in the log, counted from 1, %2$s when it was made */
  return g_strdup_printf (_("The change log was altered outside Subproc: change %1$u (%2$s) "
                            "does not match the changes before it."),
                          self->first_broken + 1, when);
}

/**
 * _subproc_log_append:
 *
 * Adds @change at the end of the chain.
 */
void
_subproc_log_append (SubprocLog    *self,
                     SubprocChange *change)
{
  const char *previous = zero_hash;

  g_return_if_fail (SUBPROC_IS_LOG (self));
  g_return_if_fail (SUBPROC_IS_CHANGE (change));
  g_return_if_fail (subproc_log_read (self, NULL));

  if (self->changes->len > 0)
    previous = ((SubprocChange *) g_ptr_array_index (self->changes, self->changes->len - 1))->link;
  g_free (change->hash);
  g_free (change->link);
  change->hash = chain_hash (previous, change->content, change->content_length);
  change->link = g_strdup (change->hash);
  g_ptr_array_add (self->changes, g_object_ref (change));
  g_list_model_items_changed (G_LIST_MODEL (self), self->changes->len - 1, 0, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * _subproc_log_truncate:
 *
 * Keeps the first @n_changes, as when the step that made the others is undone.
 */
void
_subproc_log_truncate (SubprocLog *self,
                       guint       n_changes)
{
  guint removed;

  g_return_if_fail (SUBPROC_IS_LOG (self));
  g_return_if_fail (n_changes <= self->changes->len);

  removed = self->changes->len - n_changes;
  if (removed == 0)
    return;
  g_ptr_array_set_size (self->changes, n_changes);
  g_list_model_items_changed (G_LIST_MODEL (self), n_changes, removed, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * _subproc_log_write:
 *
 * Appends the log as the value of the file's “changes”: the file's text as
 * it was while it is not read, else an entry a line.
 */
void
_subproc_log_write (SubprocLog *self,
                    GString    *out)
{
  g_return_if_fail (SUBPROC_IS_LOG (self));

  if (self->text != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (self->text, &length);

      g_string_append_len (out, data, length);
      return;
    }

  g_string_append (out, "[\n");
  for (guint i = 0; i < self->changes->len; i++)
    {
      SubprocChange *change = g_ptr_array_index (self->changes, i);

      /* the canonical text with the hash as its last member, as it was
       * read: a broken one stays broken */
      g_string_append (out, "    ");
      g_string_append_len (out, change->content, change->content_length - 1);
      if (change->hash != NULL)
        {
          g_autoptr(JsonNode) hash = json_node_init_string (json_node_alloc (), change->hash);

          g_string_append (out, change->content_length > 2 ? ",\"hash\":" : "\"hash\":");
          canonical_node (out, hash);
        }
      g_string_append (out, i + 1 < self->changes->len ? "},\n" : "}\n");
    }
  g_string_append (out, "  ]");

  /* what the file had after the log, written back after it */
  if (self->after != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, self->after);
      while (json_object_iter_next (&iter, &member, &value))
        {
          g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), member);
          g_autofree char *name = json_to_string (key, FALSE);
          g_autofree char *json = json_to_string (value, FALSE);

          g_string_append_printf (out, ",\n  %s: %s", name, json);
        }
    }
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

/* The register on a day ------------------------------------------------ */

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

/**
 * subproc_log_fingerprint:
 *
 * The first %SUBPROC_FINGERPRINT_LENGTH hexadecimal digits of the SHA-256
 * of the register's canonical content: the file's top-level object without
 * “version” and “changes” (docs/FORMAT.md). Printed on every page, and by
 * `subproc --fingerprint`, so that a printout can be matched to a file.
 *
 * Returns: (transfer full): the fingerprint.
 */
char *
subproc_log_fingerprint (SubprocRegister *reg)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GString *text = g_string_new (NULL);
  SubprocLog *log;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);

  root = _subproc_storage_register_to_node (reg);
  json_object_remove_member (json_node_get_object (root), "version");
  /* members a hand wrote after the log are content too */
  log = subproc_register_get_log (reg);
  if (subproc_log_read (log, NULL) && log->after != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, log->after);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (json_node_get_object (root), member, json_node_copy (value));
    }
  canonical_node (text, root);
  g_checksum_update (checksum, (const guchar *) text->str, text->len);
  g_string_free (text, TRUE);
  return g_strndup (g_checksum_get_string (checksum), SUBPROC_FINGERPRINT_LENGTH);
}

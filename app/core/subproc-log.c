/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

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
 * when the step is undone.
 *
 * A change is in subproc-log-change.c; the register as it stood at a
 * moment, rebuilt from the log, in subproc-log-as-of.c. */

/* the members of a register's top-level object that Subproc reads */
static const char * const register_keys[] = {
  "format", "version", "title", "organisation", "dpo_contact", "notice_days", "processors", NULL,
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

/* Appends @node in the canonical form: see subproc_log_canonical(). */
void
_subproc_log_canonical_node (GString  *out,
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
            _subproc_log_canonical_node (out, json_object_get_member (object, keys[i]));
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
            _subproc_log_canonical_node (out, json_array_get_element (array, i));
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

  _subproc_log_canonical_node (out, node);
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

/* The log -------------------------------------------------------------- */

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
      SubprocChange *change = _subproc_change_read_entry (json_array_get_element (array, i), i, display_name, first_line, error);
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
          _subproc_log_canonical_node (out, hash);
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
  _subproc_log_canonical_node (text, root);
  g_checksum_update (checksum, (const guchar *) text->str, text->len);
  g_string_free (text, TRUE);
  return g_strndup (g_checksum_get_string (checksum), SUBPROC_FINGERPRINT_LENGTH);
}

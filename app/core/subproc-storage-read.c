/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-processor-private.h"
#include "subproc-storage-private.h"

/* Reading a register from the tree json-glib parsed: its header and
 * metadata, the processors and their fields (earlier versions converted as
 * read), their parents. Parsing and positions are in subproc-storage.c. */

typedef SubprocStorageLoader Loader;

static gboolean
read_text (Loader      *loader,
           JsonNode    *node,
           const char  *key,
           const char **text,
           GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *text = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _subproc_storage_fail_at (loader, node, error, _("“%s” must be text in quotes."), key);

  *text = json_node_get_string (node);
  if (strlen (*text) > SUBPROC_REGISTER_MAX_TEXT)
    return _subproc_storage_fail_at (loader, node, error,
                                     /* Translators: %1$s is a key, such as “description”; %2$u a number of megabytes */
                                     _("“%1$s” holds more than %2$u MB of text, more than Subproc keeps in one field."),
                                     key, (guint) (SUBPROC_REGISTER_MAX_TEXT / (1024 * 1024)));
  return TRUE;
}

static gboolean
read_list (Loader   *loader,
           JsonNode *node,
           const char *key,
           gboolean  countries,
           GStrvBuilder *builder,
           GError  **error)
{
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _subproc_storage_fail_at (loader, node, error, _("“%s” must be a list in square brackets."), key);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *text;

      if (!read_text (loader, item, key, &text, error))
        return FALSE;
      if (countries && text != NULL && !subproc_country_is_known (text))
        return _subproc_storage_fail_at (loader, item, error,
                                         _("“%s” is not a country code. Countries are written as ISO 3166 codes in capitals, such as “SE” or “US”."),
                                         text);
      if (text != NULL)
        g_strv_builder_add (builder, text);
    }

  return TRUE;
}

/* The format's versions, and how a file of an earlier one is read: each
 * difference is handled here, as docs/FORMAT.md (“Versions”) describes it.
 *
 * 1 → 2: “transfer_mechanism” was one word (“unspecified” when none was
 *        stated) and became a list of words; “dpf_verified”, “scc_module”
 *        and “tia” were added. A version 1 file is read as it stands and
 *        written as version 2 by the next save, whose backup (“NAME~”) then
 *        holds the version 1 file. */

static gboolean
read_mechanism_word (Loader     *loader,
                     JsonNode   *node,
                     const char *word,
                     GStrvBuilder *builder,
                     GError    **error)
{
  int value;

  if (!subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, word, &value))
    return _subproc_storage_fail_at (loader, node, error, /* Translators: %1$s is the value as written, %2$s the key, e.g. “status” */
                                     _("“%1$s” is not a known value of “%2$s”."), word, "transfer_mechanism");
  if (word != NULL)
    g_strv_builder_add (builder, word);
  return TRUE;
}

static gboolean
read_mechanisms (Loader           *loader,
                 SubprocProcessor *processor,
                 JsonNode         *node,
                 GError          **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  const char *word;

  if (loader->version < 2 && !JSON_NODE_HOLDS_ARRAY (node))
    {
      /* version 1: one word */
      if (!read_text (loader, node, "transfer_mechanism", &word, error) ||
          !read_mechanism_word (loader, node, word, builder, error))
        return FALSE;
    }
  else if (!JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return _subproc_storage_fail_at (loader, node, error, _("“%s” must be a list in square brackets."), "transfer_mechanism");
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!read_text (loader, item, "transfer_mechanism", &word, error) ||
              !read_mechanism_word (loader, item, word, builder, error))
            return FALSE;
        }
    }

  list = g_strv_builder_end (builder);
  subproc_processor_set_list (processor, SUBPROC_FIELD_TRANSFER_MECHANISM, (const char * const *) list);
  return TRUE;
}

/* The module of the standard contractual clauses: a number from 1 to 4. */
static gboolean
read_module (Loader           *loader,
             SubprocProcessor *processor,
             JsonNode         *node,
             GError          **error)
{
  gint64 module = 0;

  if (!JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < SUBPROC_SCC_MODULE_1 || json_node_get_int (node) > SUBPROC_SCC_MODULE_4)
        return _subproc_storage_fail_at (loader, node, error, _("“scc_module” must be a number from 1 to 4."));
      module = json_node_get_int (node);
    }
  subproc_processor_set_enum (processor, SUBPROC_FIELD_SCC_MODULE, (int) module);
  return TRUE;
}

static gboolean
read_field (Loader           *loader,
            SubprocProcessor *processor,
            SubprocField      field,
            JsonNode         *node,
            GError          **error)
{
  const char *key = subproc_field_get_key (field);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) list = NULL;
  const char *text = NULL;
  int value;

  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
      if (!read_text (loader, node, key, &text, error))
        return FALSE;
      if (field == SUBPROC_FIELD_ID && (text == NULL || *text == '\0'))
        return TRUE;  /* keep the new id the processor was made with */
      subproc_processor_set_text (processor, field, text);
      return TRUE;

    case SUBPROC_FIELD_KIND_DATE:
      if (!read_text (loader, node, key, &text, error))
        return FALSE;
      if (text != NULL && *text != '\0')
        {
          g_autoptr(GDate) date = subproc_date_parse_iso (text);

          if (date == NULL)
            return _subproc_storage_fail_at (loader, node, error,
                                             /* Translators: %1$s is the date as written, %2$s the key, e.g. “updated” */
                                             _("The date “%1$s” of “%2$s” is not a valid date written as YYYY-MM-DD."),
                                             text, key);
        }
      subproc_processor_set_text (processor, field, text);
      return TRUE;

    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
      builder = g_strv_builder_new ();
      if (!read_list (loader, node, key, subproc_field_get_kind (field) == SUBPROC_FIELD_KIND_COUNTRIES,
                      builder, error))
        return FALSE;
      list = g_strv_builder_end (builder);
      subproc_processor_set_list (processor, field, (const char * const *) list);
      return TRUE;

    case SUBPROC_FIELD_KIND_MECHANISMS:
      return read_mechanisms (loader, processor, node, error);

    case SUBPROC_FIELD_KIND_ENUM:
      if (field == SUBPROC_FIELD_SCC_MODULE)
        return read_module (loader, processor, node, error);
      if (!read_text (loader, node, key, &text, error))
        return FALSE;
      if (!subproc_enum_from_nick (subproc_field_get_enum_type (field), text, &value))
        return _subproc_storage_fail_at (loader, node, error, /* Translators: %1$s is the value as written, %2$s the key, e.g. “status” */
                                        _("“%1$s” is not a known value of “%2$s”."), text, key);
      subproc_processor_set_enum (processor, field, value);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* The members of all objects in @node; fewer than the text has when one
 * was given twice. The depth is bounded by prescan(). */
static guint64
count_members (JsonNode *node)
{
  guint64 n = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        n += 1 + count_members (value);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_members (json_array_get_element (array, i));
    }

  return n;
}

static SubprocProcessor *
read_processor (Loader     *loader,
                JsonNode   *node,
                guint       index_,
                GHashTable *ids,
                GError    **error)
{
  g_autoptr(SubprocProcessor) processor = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value, *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %u is the processor's place in the file's list, counted from 1 */
      _subproc_storage_fail_at (loader, node, error, _("Processor %u is not written in curly braces."), index_ + 1);
      return NULL;
    }

  /* the id first: no random one is made only to be replaced */
  object = json_node_get_object (node);
  id = json_object_get_member (object, "id");
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING
      && *json_node_get_string (id) != '\0')
    processor = _subproc_processor_new_with_id (json_node_get_string (id));
  else
    processor = subproc_processor_new (NULL);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      SubprocField field;

      loader->n_members++;
      if (!subproc_field_from_key (member, &field))
        {
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, member, json_node_copy (value));
          loader->n_members += count_members (value);
        }
      else if (!read_field (loader, processor, field, value, error))
        return NULL;
    }

  if (subproc_processor_get_name (processor) == NULL)
    {
      /* Translators: %u is the processor's place in the file's list, counted from 1 */
      _subproc_storage_fail_at (loader, node, error, _("Processor %u has no name."), index_ + 1);
      return NULL;
    }
  if (!g_hash_table_insert (ids, g_strdup (subproc_processor_get_id (processor)), GUINT_TO_POINTER (index_)))
    {
      _subproc_storage_fail_at (loader, json_object_get_member (object, "id"), error,
                                _("Two processors have the same id “%s”."), subproc_processor_get_id (processor));
      return NULL;
    }

  if (extra != NULL)
    subproc_processor_set_extra (processor, extra);

  return g_steal_pointer (&processor);
}

/**
 * _subproc_storage_set_field:
 * @node: (nullable): the value as the file writes it; %NULL for none
 *
 * Sets @field of @processor from a value as the file holds it, checked as
 * the loader checks it.
 */
gboolean
_subproc_storage_set_field (SubprocProcessor *processor,
                            SubprocField      field,
                            JsonNode         *node,
                            const char       *display_name,
                            GError          **error)
{
  Loader loader = { NULL, NULL, display_name, 0, NULL, 0, NULL, 0, 0 };
  g_autoptr(JsonNode) null = json_node_new (JSON_NODE_NULL);

  return read_field (&loader, processor, field, node != NULL ? node : null, error);
}

/**
 * _subproc_storage_processor_from_node:
 *
 * Returns: (transfer full): the processor an object of the file's
 *   “processors” describes, or %NULL with @error set.
 */
SubprocProcessor *
_subproc_storage_processor_from_node (JsonNode    *node,
                                      const char  *display_name,
                                      GError     **error)
{
  Loader loader = { NULL, NULL, display_name, 0, NULL, 0, NULL, 0, 0 };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return read_processor (&loader, node, 0, ids, error);
}

static gboolean
read_header (Loader     *loader,
             JsonNode   *root,
             GError    **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      g_strcmp0 (json_node_get_string (format), SUBPROC_REGISTER_FORMAT) != 0)
    {
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_NOT_REGISTER,
                   _("“%s” is not a Subproc register."), loader->display_name);
      return FALSE;
    }

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    return _subproc_storage_fail_at (loader, version, error, _("The register has no valid version number."));

  loader->version = json_node_get_int (version);
  return TRUE;
}

static const char * const register_keys[] = {
  "format", "version", "title", "organisation", "dpo_contact", "notice_days", "processors", "changes", NULL,
};

static gboolean
read_metadata (Loader          *loader,
               SubprocRegister *self,
               JsonObject      *object,
               GError         **error)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      const char *text = NULL;

      loader->n_members++;
      if (!g_strv_contains (register_keys, member))
        {
          json_object_set_member (extra, member, json_node_copy (value));
          loader->n_members += count_members (value);
          continue;
        }
      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, "processors") || g_str_equal (member, "changes"))
        continue;
      if (g_str_equal (member, "notice_days"))
        {
          if (JSON_NODE_HOLDS_NULL (value))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
              json_node_get_int (value) < 1 || json_node_get_int (value) > SUBPROC_REGISTER_MAX_NOTICE_DAYS)
            return _subproc_storage_fail_at (loader, value, error,
                                             /* Translators: %u is the largest number of days allowed */
                                             _("“notice_days” must be a number of days from 1 to %u."),
                                             SUBPROC_REGISTER_MAX_NOTICE_DAYS);
          subproc_register_set_notice_days (self, (guint) json_node_get_int (value));
          continue;
        }
      if (!read_text (loader, value, member, &text, error))
        return FALSE;
      g_object_set (self, g_str_equal (member, "dpo_contact") ? "dpo-contact" : member, text, NULL);
    }

  if (json_object_get_size (extra) > 0)
    subproc_register_set_extra (self, extra);

  return TRUE;
}

/* A processor cannot be its own parent, nor its parent's parent: each
 * chain of parents is followed once, and one that comes back to a processor
 * on it is a cycle. A parent that is not in the register is kept: it may
 * have been removed since. */
static gboolean
check_parents (Loader     *loader,
               GPtrArray  *processors,
               JsonArray  *array,
               GHashTable *ids,
               GError    **error)
{
  g_autofree guint8 *state = g_new0 (guint8, processors->len);  /* 0 new, 1 on the chain, 2 done */
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < processors->len; i++)
    {
      SubprocProcessor *processor;
      gboolean cycle = FALSE;
      guint j = i;

      g_array_set_size (chain, 0);
      while (state[j] != 2)
        {
          const char *parent = subproc_processor_get_text (g_ptr_array_index (processors, j),
                                                           SUBPROC_FIELD_PARENT);
          gpointer found;

          if (state[j] == 1)
            {
              cycle = TRUE;
              break;
            }
          state[j] = 1;
          g_array_append_val (chain, j);
          if (parent == NULL || !g_hash_table_lookup_extended (ids, parent, NULL, &found))
            break;
          j = GPOINTER_TO_UINT (found);
        }
      for (guint k = 0; k < chain->len; k++)
        state[g_array_index (chain, guint, k)] = 2;
      if (!cycle)
        continue;

      processor = g_ptr_array_index (processors, j);
      return _subproc_storage_fail_at (loader, json_object_get_member (json_array_get_object_element (array, j), "parent"),
                                       error,
                                       g_str_equal (subproc_processor_get_text (processor, SUBPROC_FIELD_PARENT),
                                                    subproc_processor_get_id (processor))
                                         ? _("“%s” is its own parent (a sub-processor of itself).")
                                         : _("“%s” is a sub-processor of one of its own sub-processors."),
                                       subproc_processor_get_name (processor));
    }

  return TRUE;
}

SubprocRegister *
_subproc_storage_read_register (Loader     *loader,
                                JsonNode   *root,
                                GError    **error)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();
  g_autoptr(GPtrArray) processors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *object;
  JsonNode *list;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_NOT_REGISTER,
                   _("“%s” is not a Subproc register."), loader->display_name);
      return NULL;
    }
  if (!read_header (loader, root, error))
    return NULL;

  object = json_node_get_object (root);
  if (!read_metadata (loader, self, object, error))
    return NULL;

  list = json_object_get_member (object, "processors");
  if (list != NULL && !JSON_NODE_HOLDS_NULL (list))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          _subproc_storage_fail_at (loader, list, error, _("“processors” must be a list in square brackets."));
          return NULL;
        }
      array = json_node_get_array (list);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          SubprocProcessor *processor = read_processor (loader, json_array_get_element (array, i),
                                                        i, ids, error);
          if (processor == NULL)
            return NULL;
          g_ptr_array_add (processors, processor);
        }
      if (!check_parents (loader, processors, array, ids, error))
        return NULL;
    }

  subproc_register_splice (self, 0, 0, (SubprocProcessor **) processors->pdata, processors->len);
  return g_steal_pointer (&self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-processor-private.h"
#include "subproc-log-private.h"
#include "subproc-storage-private.h"

/* A register is read twice only when it is wrong: the first reading keeps
 * no positions, so that a good register loads at about the speed of
 * json-glib's parser; when a value is wrong, the text is parsed again with
 * the position of every value kept, so that the message names its line and
 * column. */
typedef struct
{
  guint64 start;    /* the packed position where it starts */
  guint   members;  /* the members parsed so far, of an object */
} Open;

typedef struct
{
  JsonParser *parser;
  GHashTable *positions;    /* JsonNode* -> packed line and column; NULL on the first reading */
  const char *display_name;
  gint64      version;      /* of the file; see read_header() */
  GArray     *open;         /* of Open: the objects and arrays being parsed */
  guint64     last_start;   /* where the object or array that just ended started */
  char       *duplicate;    /* the first member named twice in one object */
  guint64     duplicate_at;
  guint64     n_members;    /* the members of all objects read */
} Loader;

#define PACK_POSITION(line, column) (((guint64) (line) << 32) | (guint32) (column))

static guint64
current_position (Loader *loader)
{
  return PACK_POSITION (json_parser_get_current_line (loader->parser),
                        json_parser_get_current_pos (loader->parser));
}

/* The parser names a value when it has read all of it: an object or an
 * array would be placed at its end, so remember where it started. */
static void
container_start_cb (JsonParser *parser,
                    Loader     *loader)
{
  Open open = { current_position (loader), 0 };

  g_array_append_val (loader->open, open);
}

static void
container_end_cb (JsonParser *parser,
                  gpointer    container,
                  Loader     *loader)
{
  g_assert (loader->open->len > 0);

  loader->last_start = g_array_index (loader->open, Open, loader->open->len - 1).start;
  g_array_set_size (loader->open, loader->open->len - 1);
}

static void
remember_position (Loader   *loader,
                   JsonNode *node)
{
  guint64 position = current_position (loader);

  if (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
    position = loader->last_start;
  g_hash_table_insert (loader->positions, node, g_memdup2 (&position, sizeof (guint64)));
}

/* json-glib keeps the last of two members with the same name: notice it
 * when the object does not grow. */
static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  Loader     *loader)
{
  Open *open = &g_array_index (loader->open, Open, loader->open->len - 1);

  open->members++;
  if (loader->duplicate == NULL && json_object_get_size (object) < open->members)
    {
      loader->duplicate = g_strdup (member_name);
      loader->duplicate_at = current_position (loader);
    }
  remember_position (loader, json_object_get_member (object, member_name));
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  guint       index_,
                  Loader     *loader)
{
  remember_position (loader, json_array_get_element (array, index_));
}

static void
set_error_at (GError     **error,
              int          code,
              const char  *display_name,
              guint64      packed,
              const char  *what)
{
  if (packed != 0)
    g_set_error (error, SUBPROC_STORAGE_ERROR, code,
                 /* Translators: “register.json”, line 3, column 7: <what is wrong> */
                 _("“%s”, line %u, column %u: %s"), display_name,
                 (guint) (packed >> 32), (guint) (packed & 0xffffffff), what);
  else
    g_set_error (error, SUBPROC_STORAGE_ERROR, code,
                 /* Translators: “register.json”: <what is wrong> */
                 _("“%s”: %s"), display_name, what);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (Loader    *loader,
         JsonNode  *node,
         GError   **error,
         const char *format,
         ...)
{
  const guint64 *packed = NULL;
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL && loader->positions != NULL)
    packed = g_hash_table_lookup (loader->positions, node);
  set_error_at (error, SUBPROC_STORAGE_ERROR_INVALID, loader->display_name,
                packed != NULL ? *packed : 0, what);
  return FALSE;
}

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
    return fail_at (loader, node, error, _("“%s” must be text in quotes."), key);

  *text = json_node_get_string (node);
  if (strlen (*text) > SUBPROC_REGISTER_MAX_TEXT)
    return fail_at (loader, node, error,
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
    return fail_at (loader, node, error, _("“%s” must be a list in square brackets."), key);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *text;

      if (!read_text (loader, item, key, &text, error))
        return FALSE;
      if (countries && text != NULL && !subproc_country_is_known (text))
        return fail_at (loader, item, error,
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
    return fail_at (loader, node, error, /* Translators: %1$s is the value as written, %2$s the key, e.g. “status” */
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
        return fail_at (loader, node, error, _("“%s” must be a list in square brackets."), "transfer_mechanism");
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
        return fail_at (loader, node, error, _("“scc_module” must be a number from 1 to 4."));
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
            return fail_at (loader, node, error,
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
        return fail_at (loader, node, error, /* Translators: %1$s is the value as written, %2$s the key, e.g. “status” */
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
      fail_at (loader, node, error, _("Processor %u is not written in curly braces."), index_ + 1);
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
      fail_at (loader, node, error, _("Processor %u has no name."), index_ + 1);
      return NULL;
    }
  if (!g_hash_table_insert (ids, g_strdup (subproc_processor_get_id (processor)), GUINT_TO_POINTER (index_)))
    {
      fail_at (loader, json_object_get_member (object, "id"), error,
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
    return fail_at (loader, version, error, _("The register has no valid version number."));

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
            return fail_at (loader, value, error,
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
      return fail_at (loader, json_object_get_member (json_array_get_object_element (array, j), "parent"),
                      error,
                      g_str_equal (subproc_processor_get_text (processor, SUBPROC_FIELD_PARENT),
                                   subproc_processor_get_id (processor))
                        ? _("“%s” is its own parent (a sub-processor of itself).")
                        : _("“%s” is a sub-processor of one of its own sub-processors."),
                      subproc_processor_get_name (processor));
    }

  return TRUE;
}

static SubprocRegister *
read_register (Loader     *loader,
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
          fail_at (loader, list, error, _("“processors” must be a list in square brackets."));
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

/* json-glib reports "<data>:LINE:COLUMN: Parse error: ...": say it with the file's name. */
static void
set_syntax_error (GError     **error,
                  const char  *display_name,
                  const GError *json_error)
{
  const char *message = json_error->message;
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX,
                 _("“%s”, line %u, column %u: the file is damaged or is not a register (%s)."),
                 display_name, line, column, message + consumed);
  else
    g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX,
                 _("“%s”: the file is damaged or is not a register (%s)."), display_name, message);
}

static guint64
position_of (const char *data,
             const char *at,
             guint       line,
             const char *line_start)
{
  return PACK_POSITION (line, g_utf8_strlen (line_start, at - line_start) + 1);
}

static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; (p = memchr (p, '\n', at - p)) != NULL; p++)
    line++;
  return line;
}

static gboolean
validate_utf8 (const char  *data,
               gsize        from,
               gsize        to,
               const char  *display_name,
               GError     **error)
{
  const char *end = NULL;

  if (g_utf8_validate (data + from, to - from, &end))
    return TRUE;

  g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX,
               end < data + to && *end == '\0'
                 ? _("“%s”, line %u: the file holds a NUL byte, so it is not a register.")
                 : _("“%s”, line %u: the file is not UTF-8 text."),
               display_name, line_of (data, end));
  return FALSE;
}

/* Whether the document ends, after @at, with nothing but “]”, “}” and
 * blanks: then the list that starts at @at is its last member. */
static gsize
last_list_end (const char *data,
               gsize       length)
{
  gsize i = length;

  while (i > 0 && g_ascii_isspace (data[i - 1]))
    i--;
  if (i == 0 || data[--i] != '}')
    return 0;
  while (i > 0 && g_ascii_isspace (data[i - 1]))
    i--;
  if (i == 0 || data[i - 1] != ']')
    return 0;
  return i;
}

static int
hex_value (const char *data,
           gsize       length,
           gsize       at)
{
  int value = 0;

  if (at + 4 > length)
    return -1;
  for (gsize k = at; k < at + 4; k++)
    {
      if (!g_ascii_isxdigit (data[k]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (data[k]);
    }
  return value;
}

/* The length of the escape the backslash at @i starts, when it is one of
 * JSON's: \" \\ \/ \b \f \n \r \t (2), \u and four hexadecimal digits
 * that are a character (6), or a pair of them for a character beyond
 * U+FFFF (12); 0 for anything else (json-glib would read “\344” as a byte,
 * which is not UTF-8, and a lone surrogate as none). */
static gsize
json_escape_length (const char *data,
                    gsize       length,
                    gsize       i)
{
  int value, low;

  if (i + 1 >= length)
    return 0;
  if (data[i + 1] != 'u')
    return data[i + 1] != '\0' && strchr ("\"\\/bfnrt", data[i + 1]) != NULL ? 2 : 0;

  value = hex_value (data, length, i + 2);
  if (value < 0 || (value >= 0xDC00 && value <= 0xDFFF))
    return 0;
  if (value < 0xD800 || value > 0xDBFF)
    return 6;
  /* a high surrogate: a low one must follow */
  if (i + 12 > length || data[i + 6] != '\\' || data[i + 7] != 'u')
    return 0;
  low = hex_value (data, length, i + 8);
  return low >= 0xDC00 && low <= 0xDFFF ? 12 : 0;
}

/* Whether the list from @start to @end has the shape the writer gives the
 * log (subproc-log.c, _subproc_log_write()): a change a line, the last
 * one ending its hash with “"}”. A list of another shape is scanned. */
static gboolean
looks_like_written_log (const char *data,
                        gsize       start,
                        gsize       end)
{
  gsize i = end - 1;

  if (end - start < 4 || data[start + 1] != '\n')
    return FALSE;
  while (i > start && g_ascii_isspace (data[i - 1]))
    i--;
  return i - start >= 3 && data[i - 1] == '}' && data[i - 2] == '"';
}

/* Checks, before json-glib sees it, what json-glib would not say: a NUL
 * byte, text that is not UTF-8, a NUL character written “\u0000” (which
 * would cut a text short), and nesting deeper than SUBPROC_REGISTER_MAX_DEPTH
 * (json-glib's parser recurses, so deep nesting would overflow the stack).
 * Counts the members of all objects in @n_members, so that a member given
 * twice in one object, which json-glib keeps only the last of, is noticed.
 *
 * With @log_start, finds the top-level “changes” list, the change log: it
 * is read only when asked for (subproc-log.c checks it then), so that a
 * register opens in the time its processors take, however long its life.
 * The writer puts it last; then it is not even scanned here. */
static gboolean
prescan (const char  *data,
         gsize        length,
         const char  *display_name,
         guint64     *n_members,
         gsize       *log_start,
         gsize       *log_end,
         GError     **error)
{
  const char *line_start = data;
  const char *what = NULL;
  gboolean in_string = FALSE;
  guint line = 1, depth = 0;
  gsize key_start = 0, key_end = 0;
  guint64 members_at_log = 0;
  gsize i;

  *n_members = 0;
  if (log_start != NULL)
    *log_start = *log_end = 0;

  for (i = 0; i < length && what == NULL; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 5 < length && memcmp (data + i + 1, "u0000", 5) == 0)
            what = _("a text holds the character “\\u0000”, which Subproc does not keep.");
          else if (c == '\\')
            {
              gsize escape = json_escape_length (data, length, i);

              if (escape == 0)
                what = _("a text holds a backslash that does not start an escape JSON allows.");
              else
                i += escape - 1;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              key_end = i;
            }
          else if (c == '\0')
            break;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          key_start = i + 1;
          break;
        case '{':
        case '[':
          if (++depth > SUBPROC_REGISTER_MAX_DEPTH)
            what = _("the lists and objects are nested too deep for a register.");
          break;
        case '}':
        case ']':
          depth -= depth > 0;
          if (log_start != NULL && *log_start != 0 && *log_end == 0 && depth == 1)
            {
              *log_end = i + 1;
              *n_members = members_at_log;
            }
          break;
        case ':':
          (*n_members)++;
          if (log_start != NULL && depth == 1 && *log_start == 0 &&
              key_end == key_start + 7 && memcmp (data + key_start, "changes", 7) == 0)
            {
              gsize start = i + 1, end;

              while (start < length && g_ascii_isspace (data[start]))
                start++;
              if (start == length || data[start] != '[')
                break;
              *log_start = start;
              members_at_log = *n_members;
              end = last_list_end (data, length);
              if (end > start && looks_like_written_log (data, start, end))
                {
                  /* the log is the last member: skip it */
                  *log_end = end;
                  i = end - 1;
                }
            }
          break;
        case '\n':
          line++;
          line_start = data + i + 1;
          break;
        case '\0':
          what = "";
          break;
        default:
          break;
        }
    }

  if (what != NULL && *what == '\0')
    what = NULL;  /* a NUL byte: said below, as text that is not UTF-8 */
  if (what == NULL)
    {
      if (log_start != NULL && *log_start != 0 && *log_end != 0)
        return validate_utf8 (data, 0, *log_start, display_name, error) &&
               validate_utf8 (data, *log_end, length, display_name, error);
      return validate_utf8 (data, 0, length, display_name, error);
    }

  /* a text that is not UTF-8 before the error is said first */
  if (!validate_utf8 (data, 0, i - 1, display_name, error))
    return FALSE;
  set_error_at (error, SUBPROC_STORAGE_ERROR_SYNTAX, display_name,
                position_of (data, data + i - 1, line, line_start), what);
  return FALSE;
}

/**
 * _subproc_storage_prescan:
 *
 * Checks @data as the loader does before json-glib reads it (see prescan()).
 */
gboolean
_subproc_storage_prescan (const char  *data,
                          gsize        length,
                          const char  *display_name,
                          GError     **error)
{
  guint64 n_members;

  return prescan (data, length, display_name, &n_members, NULL, NULL, error);
}

static void
connect_positions (Loader *loader)
{
  JsonParser *parser = loader->parser;

  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), loader);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), loader);
  g_signal_connect (parser, "object-start", G_CALLBACK (container_start_cb), loader);
  g_signal_connect (parser, "array-start", G_CALLBACK (container_start_cb), loader);
  g_signal_connect (parser, "object-end", G_CALLBACK (container_end_cb), loader);
  g_signal_connect (parser, "array-end", G_CALLBACK (container_end_cb), loader);
}

/* Parses and reads the register; when the loader keeps positions, errors
 * say where. @n_members is what prescan() counted: a tree with fewer has a
 * member given twice. */
static SubprocRegister *
load (Loader      *loader,
      const char  *data,
      gsize        length,
      guint64      n_members,
      GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  g_autoptr(SubprocRegister) self = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (loader->parser, data, length, &json_error))
    {
      set_syntax_error (error, loader->display_name, json_error);
      return NULL;
    }

  /* json-glib 1.6 takes an empty document as valid, with no root */
  root = json_parser_get_root (loader->parser);
  if (root == NULL)
    {
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX,
                   _("“%s” is empty."), loader->display_name);
      return NULL;
    }

  if (loader->duplicate != NULL)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is given twice in one object; Subproc cannot tell which one is meant."),
                                               loader->duplicate);

      set_error_at (error, SUBPROC_STORAGE_ERROR_INVALID, loader->display_name, loader->duplicate_at, what);
      return NULL;
    }
  self = read_register (loader, root, error);
  /* every value of a register that reads well is counted: fewer members
   * than the text has means one was given twice, which the second reading
   * finds and says with its position */
  if (self != NULL && loader->positions == NULL && loader->n_members != n_members)
    {
      g_set_error_literal (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID, "duplicate");
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Reads the register in the text; @owner, when given, holds the text, and
 * the log keeps a part of it rather than a copy. */
static SubprocRegister *
load_text (const char  *data_in,
           gsize        length,
           GBytes      *owner,
           const char  *display_name,
           gint64      *version,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) again = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GArray) open = NULL;
  g_autoptr(SubprocRegister) self = NULL;
  Loader loader = { parser, NULL, display_name, 0, NULL, 0, NULL, 0, 0 };
  g_autofree char *without_log = NULL;
  gsize log_start, log_end;
  guint64 n_members;
  const char *data = data_in;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!prescan (data, length, display_name, &n_members, &log_start, &log_end, error))
    return NULL;

  if (log_end != 0)
    {
      /* the register without its log, each of the log's lines kept as a
       * newline so that errors after it still name the right line (there
       * are none to name when only the closing brace follows) */
      GString *text = g_string_sized_new (log_start + (length - log_end) + 64);
      gboolean only_end = TRUE;

      for (gsize i = log_end; i < length && only_end; i++)
        only_end = data[i] == '}' || g_ascii_isspace (data[i]);
      g_string_append_len (text, data, log_start);
      g_string_append (text, "[]");
      for (const char *p = data + log_start; !only_end && (p = memchr (p, '\n', data + log_end - p)) != NULL; p++)
        g_string_append_c (text, '\n');
      g_string_append_len (text, data + log_end, length - log_end);
      length = text->len;
      data = without_log = g_string_free (text, FALSE);
    }

  self = load (&loader, data, length, n_members, &local_error);
  if (self == NULL && g_error_matches (local_error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID))
    {
      /* read again, keeping where each value is, to say where the error is */
      again = json_parser_new ();
      positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      open = g_array_new (FALSE, FALSE, sizeof (Open));
      loader = (Loader) { again, positions, display_name, 0, open, 0, NULL, 0, 0 };
      connect_positions (&loader);
      g_clear_object (&parser);
      g_clear_error (&local_error);
      self = load (&loader, data, length, n_members, &local_error);
      g_free (loader.duplicate);
    }
  if (self == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (log_end != 0)
    {
      /* a part of the file's bytes when they are kept, else a copy */
      g_autoptr(GBytes) log = owner != NULL ? g_bytes_new_from_bytes (owner, log_start, log_end - log_start)
                                            : g_bytes_new (data_in + log_start, log_end - log_start);

      _subproc_log_set_text (subproc_register_get_log (self), log, display_name,
                             line_of (data_in, data_in + log_start));
    }

  if (version != NULL)
    *version = loader.version;
  return g_steal_pointer (&self);
}

/**
 * subproc_storage_load_data:
 * @display_name: the file's name, for error messages
 * @version: (out) (optional): the format version of the data; above
 *   %SUBPROC_REGISTER_VERSION when a newer Subproc wrote it, which must not
 *   be overwritten
 *
 * Reads a register from the text of a register file. See docs/FORMAT.md
 * for the limits: nesting, the length of a text, the size of the file.
 *
 * Returns: (transfer full): the register, or %NULL with @error naming the file,
 *   the line and the column of what is wrong.
 */
SubprocRegister *
subproc_storage_load_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           gint64      *version,
                           GError     **error)
{
  return load_text (data, length, NULL, display_name, version, error);
}

/**
 * _subproc_storage_load_bytes:
 *
 * subproc_storage_load_data() on bytes the register keeps a part of (its
 * change log, read when asked for) instead of copying it.
 */
SubprocRegister *
_subproc_storage_load_bytes (GBytes      *bytes,
                             const char  *display_name,
                             gint64      *version,
                             GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return load_text (data != NULL ? data : "", length, bytes, display_name, version, error);
}

/**
 * subproc_storage_load:
 * @version: (out) (optional): see subproc_storage_load_data()
 * @etag: (out) (optional): the file's entity tag, to notice later changes on disk
 *
 * Returns: (transfer full): the register in @file, or %NULL with @error set.
 */
SubprocRegister *
subproc_storage_load (GFile     *file,
                      gint64    *version,
                      char     **etag,
                      GError   **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_basename (file);
  if (!subproc_read_file (file, &data, &length, etag,
                          SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_READ, error))
    return NULL;

  bytes = g_bytes_new_take (data, length);
  return _subproc_storage_load_bytes (bytes, display_name, version, error);
}

/**
 * subproc_storage_looks_like_json:
 *
 * Returns: %TRUE when @data starts, after blanks and a byte-order mark,
 *   with “{” or “[”: JSON, not a list of processors.
 */
gboolean
subproc_storage_looks_like_json (const char *data,
                                 gsize       length)
{
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && (data[i] == '{' || data[i] == '[');
}

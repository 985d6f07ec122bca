/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-storage.h"

/* Where each node of a parsed document starts, so that an error in a value
 * can name its line and column: json-glib keeps no positions in the tree. */
typedef struct
{
  JsonParser *parser;
  GHashTable *positions;    /* JsonNode* -> packed line and column */
  const char *display_name;
  gboolean    newer_version;
  GArray     *starts;       /* of packed positions: where each open object or array starts */
  guint64     last_start;   /* where the object or array that just ended started */
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
  guint64 position = current_position (loader);

  g_array_append_val (loader->starts, position);
}

static void
container_end_cb (JsonParser *parser,
                  gpointer    container,
                  Loader     *loader)
{
  g_return_if_fail (loader->starts->len > 0);

  loader->last_start = g_array_index (loader->starts, guint64, loader->starts->len - 1);
  g_array_set_size (loader->starts, loader->starts->len - 1);
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

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  Loader     *loader)
{
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

G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (Loader    *loader,
         JsonNode  *node,
         GError   **error,
         const char *format,
         ...)
{
  const guint64 *packed = node != NULL ? g_hash_table_lookup (loader->positions, node) : NULL;
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (packed != NULL)
    g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID,
                 /* Translators: “register.json”, line 3, column 7: <what is wrong> */
                 _("“%s”, line %u, column %u: %s"), loader->display_name,
                 (guint) (*packed >> 32), (guint) (*packed & 0xffffffff), what);
  else
    g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID,
                 /* Translators: “register.json”: <what is wrong> */
                 _("“%s”: %s"), loader->display_name, what);
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

    case SUBPROC_FIELD_KIND_ENUM:
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
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %u is the processor's place in the file's list, counted from 1 */
      fail_at (loader, node, error, _("Processor %u is not written in curly braces."), index_ + 1);
      return NULL;
    }

  processor = subproc_processor_new (NULL);
  extra = json_object_new ();
  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      SubprocField field;

      if (!subproc_field_from_key (member, &field))
        json_object_set_member (extra, member, json_node_copy (value));
      else if (!read_field (loader, processor, field, value, error))
        return NULL;
    }

  if (subproc_processor_get_name (processor) == NULL)
    {
      /* Translators: %u is the processor's place in the file's list, counted from 1 */
      fail_at (loader, node, error, _("Processor %u has no name."), index_ + 1);
      return NULL;
    }
  if (!g_hash_table_add (ids, g_strdup (subproc_processor_get_id (processor))))
    {
      fail_at (loader, json_object_get_member (object, "id"), error,
               _("Two processors have the same id “%s”."), subproc_processor_get_id (processor));
      return NULL;
    }

  if (json_object_get_size (extra) > 0)
    subproc_processor_set_extra (processor, extra);

  return g_steal_pointer (&processor);
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

  loader->newer_version = json_node_get_int (version) > SUBPROC_REGISTER_VERSION;
  return TRUE;
}

static const char * const register_keys[] = {
  "format", "version", "title", "organisation", "dpo_contact", "processors", NULL,
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

      if (!g_strv_contains (register_keys, member))
        {
          json_object_set_member (extra, member, json_node_copy (value));
          continue;
        }
      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, "processors"))
        continue;
      if (!read_text (loader, value, member, &text, error))
        return FALSE;
      g_object_set (self, g_str_equal (member, "dpo_contact") ? "dpo-contact" : member, text, NULL);
    }

  if (json_object_get_size (extra) > 0)
    subproc_register_set_extra (self, extra);

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

static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  const char *end = NULL;
  guint line = 1;

  if (!g_utf8_validate (data, length, &end))
    {
      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX,
                   _("“%s”, line %u: the file is not UTF-8 text."), display_name, line);
      return FALSE;
    }

  return TRUE;
}

/**
 * subproc_storage_load_data:
 * @display_name: the file's name, for error messages
 * @newer_version: (out) (optional): set when the data was written by a newer Subproc,
 *   which must not be overwritten
 *
 * Reads a register from the text of a register file.
 *
 * Returns: (transfer full): the register, or %NULL with @error naming the file,
 *   the line and the column of what is wrong.
 */
SubprocRegister *
subproc_storage_load_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           gboolean    *newer_version,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) json_error = NULL;
  Loader loader = { parser, positions, display_name, FALSE, starts, 0 };
  SubprocRegister *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!check_text (data, length, display_name, error))
    return NULL;

  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &loader);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), &loader);
  g_signal_connect (parser, "object-start", G_CALLBACK (container_start_cb), &loader);
  g_signal_connect (parser, "array-start", G_CALLBACK (container_start_cb), &loader);
  g_signal_connect (parser, "object-end", G_CALLBACK (container_end_cb), &loader);
  g_signal_connect (parser, "array-end", G_CALLBACK (container_end_cb), &loader);
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      set_syntax_error (error, display_name, json_error);
      return NULL;
    }

  /* json-glib 1.6 takes an empty document as valid, with no root */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX,
                   _("“%s” is empty."), display_name);
      return NULL;
    }

  self = read_register (&loader, json_parser_get_root (parser), error);
  if (self != NULL && newer_version != NULL)
    *newer_version = loader.newer_version;

  return self;
}

/**
 * subproc_storage_load:
 * @newer_version: (out) (optional): see subproc_storage_load_data()
 * @etag: (out) (optional): the file's entity tag, to notice later changes on disk
 *
 * Returns: (transfer full): the register in @file, or %NULL with @error set.
 */
SubprocRegister *
subproc_storage_load (GFile     *file,
                      gboolean  *newer_version,
                      char     **etag,
                      GError   **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_basename (file);
  if (!subproc_read_file (file, &data, &length, etag,
                          SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_READ, error))
    return NULL;

  return subproc_storage_load_data (data, length, display_name, newer_version, error);
}

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  if (text == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

static void
add_extra (JsonBuilder *builder,
           JsonObject  *extra)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (extra == NULL)
    return;

  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &member, &value))
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_value (builder, json_node_copy (value));
    }
}

static void
add_processor (JsonBuilder      *builder,
               SubprocProcessor *processor)
{
  json_builder_begin_object (builder);
  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      const char *key = subproc_field_get_key (f);
      const char * const *list;

      switch (subproc_field_get_kind (f))
        {
        case SUBPROC_FIELD_KIND_TEXT:
        case SUBPROC_FIELD_KIND_DATE:
          add_text (builder, key, subproc_processor_get_text (processor, f));
          break;
        case SUBPROC_FIELD_KIND_LIST:
        case SUBPROC_FIELD_KIND_COUNTRIES:
          list = subproc_processor_get_list (processor, f);
          if (list[0] == NULL)
            break;
          json_builder_set_member_name (builder, key);
          json_builder_begin_array (builder);
          for (guint i = 0; list[i] != NULL; i++)
            json_builder_add_string_value (builder, list[i]);
          json_builder_end_array (builder);
          break;
        case SUBPROC_FIELD_KIND_ENUM:
          add_text (builder, key, subproc_enum_to_nick (subproc_field_get_enum_type (f),
                                                        subproc_processor_get_enum (processor, f)));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  add_extra (builder, subproc_processor_get_extra (processor));
  json_builder_end_object (builder);
}

/**
 * subproc_storage_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the register as the text of a register file.
 */
char *
subproc_storage_to_data (SubprocRegister *self,
                         gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *model = G_LIST_MODEL (self);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), NULL);

  json_builder_begin_object (builder);
  add_text (builder, "format", SUBPROC_REGISTER_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SUBPROC_REGISTER_VERSION);
  add_text (builder, "title", subproc_register_get_title (self));
  add_text (builder, "organisation", subproc_register_get_organisation (self));
  add_text (builder, "dpo_contact", subproc_register_get_dpo_contact (self));
  add_extra (builder, subproc_register_get_extra (self));
  json_builder_set_member_name (builder, "processors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    add_processor (builder, subproc_register_get_processor (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  /* end with a newline, as text files do */
  text = g_strconcat (json, "\n", NULL);
  if (length != NULL)
    *length = strlen (text);
  return g_steal_pointer (&text);
}

/**
 * subproc_storage_save:
 * @expected_etag: (nullable): the entity tag the file had when read; when the
 *   file on disk has another one, nothing is written and the error is
 *   %SUBPROC_STORAGE_ERROR_CONFLICT
 * @new_etag: (out) (optional): the entity tag of the file written
 *
 * Writes the register atomically: a new file is written beside the old one and
 * renamed over it, so a crash leaves one of the two whole. The previous
 * version is kept as “NAME~”. Both are readable by the user alone.
 */
gboolean
subproc_storage_save (SubprocRegister  *self,
                      GFile            *file,
                      const char       *expected_etag,
                      char            **new_etag,
                      GError          **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = subproc_storage_to_data (self, &length);
  return subproc_write_file (file, data, length, SUBPROC_FILE_PRIVATE | SUBPROC_FILE_BACKUP,
                             expected_etag, new_etag, error);
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

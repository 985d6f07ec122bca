/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

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

typedef SubprocStorageLoader Loader;

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
gboolean
_subproc_storage_fail_at (Loader    *loader,
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
  self = _subproc_storage_read_register (loader, root, error);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "subproc-storage.h"
#include "test-util.h"

#define HEADER "{\n" \
               "  \"format\": \"org.example.Subproc.register\",\n" \
               "  \"version\": 1,\n"
#define HEADER_V2 "{\n" \
                  "  \"format\": \"org.example.Subproc.register\",\n" \
                  "  \"version\": 2,\n"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("subproc-storage-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  subproc_test_remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->dir);
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      length)
{
  GFile *file = fixture_file (fixture, name);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return file;
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static guint
file_mode (GFile *file)
{
  return subproc_test_file_mode (g_file_peek_path (file));
}

/* Temporary files of a save, left in the fixture's folder. */
static guint
count_temporaries (Fixture *fixture)
{
  return subproc_test_count_files (fixture->dir, ".part");
}

static SubprocRegister *
load_text (Fixture     *fixture,
           const char  *name,
           const char  *text,
           gint64      *version,
           GError     **error)
{
  g_autoptr(GFile) file = write_file (fixture, name, text, -1);

  return subproc_storage_load (file, version, NULL, error);
}

/* Every field of a processor set to a value no other field has. */
static SubprocProcessor *
processor_with_every_field (SubprocTransferMechanism mechanism,
                            SubprocStatus            status)
{
  const char * const countries[] = { "NL", "IE", "SE", NULL };
  const char * const categories[] = { "Namn", "E-post, arbete", "\"Quoted\"", NULL };
  const char * const subjects[] = { "Kunder", "Anställda", NULL };
  const char * const dates[] = { "2023-07-10", "2018-05-25", "2019-12-31", "2020-08-03", "2024-02-29" };
  SubprocProcessor *processor = subproc_processor_new ("Azure (Microsoft)");
  guint n_dates = 0;

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      g_autofree char *text = NULL;

      if (f == SUBPROC_FIELD_ID || f == SUBPROC_FIELD_NAME)
        continue;
      switch (subproc_field_get_kind (f))
        {
        case SUBPROC_FIELD_KIND_TEXT:
          text = g_strdup_printf ("Värde för %s: \"citat\", ny\nrad", subproc_field_get_key (f));
          subproc_processor_set_text (processor, f, text);
          break;
        case SUBPROC_FIELD_KIND_DATE:
          g_assert_cmpuint (n_dates, <, G_N_ELEMENTS (dates));
          subproc_processor_set_text (processor, f, dates[n_dates++]);
          break;
        default:
          break;
        }
    }
  g_assert_cmpuint (n_dates, ==, G_N_ELEMENTS (dates));
  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  subproc_processor_set_list (processor, SUBPROC_FIELD_DATA_CATEGORIES, categories);
  subproc_processor_set_list (processor, SUBPROC_FIELD_DATA_SUBJECTS, subjects);
  subproc_processor_set_mechanism (processor, mechanism);
  if (mechanism != SUBPROC_TRANSFER_UNSPECIFIED && mechanism != SUBPROC_TRANSFER_DPF)
    {
      /* and a second one, after it */
      const char * const two[] = { subproc_enum_to_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, mechanism), "dpf", NULL };

      subproc_processor_set_list (processor, SUBPROC_FIELD_TRANSFER_MECHANISM, two);
    }
  subproc_processor_set_enum (processor, SUBPROC_FIELD_SCC_MODULE, 1 + mechanism % SUBPROC_SCC_MODULE_4);
  subproc_processor_set_enum (processor, SUBPROC_FIELD_STATUS, status);
  return processor;
}

static SubprocRegister *
full_register (void)
{
  SubprocRegister *self = subproc_register_new ();

  subproc_register_set_title (self, "Underbiträden");
  subproc_register_set_organisation (self, "Plandisc ApS");
  subproc_register_set_dpo_contact (self, "dpo@example.com");
  for (guint m = SUBPROC_TRANSFER_UNSPECIFIED; m <= SUBPROC_TRANSFER_OTHER; m++)
    {
      g_autoptr(SubprocProcessor) processor =
        processor_with_every_field (m, (m + 1) % (SUBPROC_STATUS_ENDED + 1));

      subproc_register_append (self, processor);
    }
  {
    /* and one with nothing but a name */
    g_autoptr(SubprocProcessor) bare = subproc_processor_new ("Bare");

    subproc_register_append (self, bare);
  }
  return self;
}

static void
assert_same_processor (SubprocProcessor *expected,
                       SubprocProcessor *actual)
{
  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      const char * const *a, * const *b;

      switch (subproc_field_get_kind (f))
        {
        case SUBPROC_FIELD_KIND_TEXT:
        case SUBPROC_FIELD_KIND_DATE:
          g_assert_cmpstr (subproc_processor_get_text (actual, f), ==,
                           subproc_processor_get_text (expected, f));
          break;
        case SUBPROC_FIELD_KIND_LIST:
        case SUBPROC_FIELD_KIND_COUNTRIES:
        case SUBPROC_FIELD_KIND_MECHANISMS:
          a = subproc_processor_get_list (expected, f);
          b = subproc_processor_get_list (actual, f);
          g_assert_cmpstrv (b, a);
          break;
        case SUBPROC_FIELD_KIND_ENUM:
          g_assert_cmpint (subproc_processor_get_enum (actual, f), ==,
                           subproc_processor_get_enum (expected, f));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_true (subproc_processor_equal (expected, actual));
}

static void
assert_same_register (SubprocRegister *expected,
                      SubprocRegister *actual)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (expected));

  g_assert_cmpstr (subproc_register_get_title (actual), ==, subproc_register_get_title (expected));
  g_assert_cmpstr (subproc_register_get_organisation (actual), ==,
                   subproc_register_get_organisation (expected));
  g_assert_cmpstr (subproc_register_get_dpo_contact (actual), ==,
                   subproc_register_get_dpo_contact (expected));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actual)), ==, n);
  for (guint i = 0; i < n; i++)
    assert_same_processor (subproc_register_get_processor (expected, i),
                           subproc_register_get_processor (actual, i));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(SubprocRegister) loaded = NULL;
  g_autoptr(GFile) file = fixture_file (fixture, "register.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *load_etag = NULL;
  SubprocProcessor *first;
  gint64 version = 0;

  g_assert_true (subproc_storage_save (self, file, NULL, &etag, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  loaded = subproc_storage_load (file, &version, &load_etag, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (version, ==, SUBPROC_REGISTER_VERSION);
  g_assert_cmpstr (load_etag, ==, etag);
  assert_same_register (self, loaded);

  /* spot checks, in case equal() and the getters agree on something wrong */
  first = subproc_register_get_processor (loaded, 3);
  g_assert_cmpstr (subproc_processor_get_name (first), ==, "Azure (Microsoft)");
  g_assert_cmpstr (subproc_processor_get_text (first, SUBPROC_FIELD_NOTES), ==,
                   "Värde för notes: \"citat\", ny\nrad");
  g_assert_cmpstr (subproc_processor_get_text (first, SUBPROC_FIELD_REVIEW_DUE), ==, "2024-02-29");
  g_assert_cmpstr (subproc_processor_get_text (first, SUBPROC_FIELD_DPA_SIGNED), ==, "2018-05-25");
  g_assert_cmpstr (subproc_processor_get_countries (first)[1], ==, "IE");
  subproc_assert_mechanisms (first, "scc,dpf");
  g_assert_cmpstr (subproc_processor_get_text (first, SUBPROC_FIELD_DPF_VERIFIED), ==, "2023-07-10");
  g_assert_cmpint (subproc_processor_get_enum (first, SUBPROC_FIELD_SCC_MODULE), ==, SUBPROC_SCC_MODULE_4);
  g_assert_cmpstr (subproc_processor_get_text (first, SUBPROC_FIELD_TIA), ==,
                   "Värde för tia: \"citat\", ny\nrad");
  g_assert_cmpint (subproc_processor_get_status (first), ==, SUBPROC_STATUS_PLANNED);
  g_assert_cmpstr (subproc_register_get_title (loaded), ==, "Underbiträden");
}

static void
test_round_trip_text (void)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(SubprocRegister) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  gsize length = 0;

  text = subproc_storage_to_data (self, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"org.example.Subproc.register\",\n"
                                         "  \"version\" : 2,\n"));
  g_assert_true (subproc_storage_looks_like_json (text, length));

  loaded = subproc_storage_load_data (text, length, "register.json", NULL, &error);
  g_assert_no_error (error);
  assert_same_register (self, loaded);

  /* saving what was loaded gives the same text */
  again = subproc_storage_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, text);
}

static void
test_field_order (void)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autofree char *text = subproc_storage_to_data (self, NULL);
  const char *last = text;

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\" :", subproc_field_get_key (f));
      const char *at = strstr (last, quoted);

      g_assert_nonnull (at);
      last = at;
    }
  /* an unset field is left out */
  g_assert_nonnull (strstr (text, "\"name\" : \"Bare\",\n"
                                  "      \"transfer_mechanism\" : [],\n"
                                  "      \"status\" : \"active\"\n"));
}

#define UNKNOWN_TEXT HEADER \
  "  \"x_top\": {\"nested\": [1, 2.5, {\"deep\": true}], \"n\": null},\n" \
  "  \"title\": \"T\",\n" \
  "  \"x_count\": 42,\n" \
  "  \"processors\": [\n" \
  "    {\n" \
  "      \"id\": \"p1\",\n" \
  "      \"name\": \"A\",\n" \
  "      \"x_custom\": {\"tags\": [\"a\", {\"b\": [false]}], \"weight\": -3.25},\n" \
  "      \"x_list\": [1, [2, [3]]]\n" \
  "    }\n" \
  "  ]\n" \
  "}\n"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_member_equal (JsonObject *expected,
                     JsonObject *actual,
                     const char *member)
{
  JsonNode *a = json_object_get_member (expected, member);
  JsonNode *b = json_object_get_member (actual, member);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (json_node_equal (a, b));
}

static JsonObject *
first_processor (JsonNode *root)
{
  JsonArray *processors = json_object_get_array_member (json_node_get_object (root), "processors");

  return json_array_get_object_element (processors, 0);
}

static void
test_unknown_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = parse (UNKNOWN_TEXT);
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *saved = NULL;
  JsonObject *top;

  self = load_text (fixture, "unknown.json", UNKNOWN_TEXT, NULL, &error);
  g_assert_no_error (error);
  file = fixture_file (fixture, "unknown.json");
  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);

  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"x_top\""));
  g_assert_nonnull (strstr (saved, "\"deep\" : true"));
  after = parse (saved);
  top = json_node_get_object (after);
  assert_member_equal (json_node_get_object (before), top, "x_top");
  assert_member_equal (json_node_get_object (before), top, "x_count");
  assert_member_equal (first_processor (before), first_processor (after), "x_custom");
  assert_member_equal (first_processor (before), first_processor (after), "x_list");
  g_assert_cmpint (json_object_get_int_member (top, "version"), ==, SUBPROC_REGISTER_VERSION);
  g_assert_cmpstr (json_object_get_string_member (first_processor (after), "id"), ==, "p1");
}

static void
test_mode (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(GFile) file = write_file (fixture, "register.json", "old", -1);
  g_autoptr(GFile) backup = fixture_file (fixture, "register.json~");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  /* a file that others could read before */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (file), ==, 0600);

  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (backup, NULL));
  g_assert_cmpuint (file_mode (file), ==, 0600);
  g_assert_cmpuint (file_mode (backup), ==, 0600);
}

static void
test_mode_new_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(GFile) file = fixture_file (fixture, "new.json");
  g_autoptr(GFile) backup = fixture_file (fixture, "new.json~");
  g_autoptr(GError) error = NULL;

  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (file), ==, 0600);
  g_assert_false (g_file_query_exists (backup, NULL));
  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_cmpuint (file_mode (backup), ==, 0600);
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();
  g_autoptr(GFile) file = fixture_file (fixture, "register.json");
  g_autoptr(GFile) backup = fixture_file (fixture, "register.json~");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *in_backup = NULL;

  subproc_register_set_title (self, "First");
  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  first = subproc_storage_to_data (self, NULL);
  subproc_register_set_title (self, "Second");
  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  second = subproc_storage_to_data (self, NULL);

  on_disk = read_file (file);
  in_backup = read_file (backup);
  g_assert_cmpstr (on_disk, ==, second);
  g_assert_cmpstr (in_backup, ==, first);
}

static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(GFile) good = fixture_file (fixture, "good.json");
  g_autoptr(GFile) parent = write_file (fixture, "regularfile", "not a directory", -1);
  g_autoptr(GFile) bad = g_file_get_child (parent, "x.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *parent_text = NULL;

  g_assert_true (subproc_storage_save (self, good, NULL, NULL, &error));
  before = read_file (good);

  g_assert_false (subproc_storage_save (self, bad, NULL, NULL, &error));
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "x.json"));
  parent_text = read_file (parent);
  g_assert_cmpstr (parent_text, ==, "not a directory");

  after = read_file (good);
  g_assert_cmpstr (after, ==, before);
}

static void
test_write_over_directory (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(GFile) file = fixture_file (fixture, "taken.json");
  g_autoptr(GFile) inside = g_file_get_child (file, "keep");
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_assert_true (g_file_make_directory (file, NULL, &error));
  g_assert_true (g_file_replace_contents (inside, "kept", 4, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_false (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_WRITE);
  kept = read_file (inside);
  g_assert_cmpstr (kept, ==, "kept");
  g_assert_cmpuint (count_temporaries (fixture), ==, 0);
}

/* What a save that was killed left behind is removed by the next save of
 * the same file, and only that. */
static void
test_leftovers_removed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(GFile) file = fixture_file (fixture, "register.json");
  g_autoptr(GFile) left = write_file (fixture, ".register.json.Ab12Cd.part", "half", -1);
  g_autoptr(GFile) other = write_file (fixture, ".other.json.Ab12Cd.part", "not ours", -1);
  g_autoptr(GFile) user = write_file (fixture, ".register.json.notes.part", "the user's", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (left, NULL));
  g_assert_true (g_file_query_exists (other, NULL));
  g_assert_true (g_file_query_exists (user, NULL));
}

/* A register behind a symbolic link is saved where the link points; the
 * link stays a link. */
static void
test_save_through_link (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(GFile) real = write_file (fixture, "real.json", "old", -1);
  g_autoptr(GFile) link = fixture_file (fixture, "link.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = subproc_storage_to_data (self, NULL);

  g_assert_true (g_file_make_symbolic_link (link, "real.json", NULL, &error));
  g_assert_true (subproc_storage_save (self, link, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (g_file_peek_path (link), G_FILE_TEST_IS_SYMLINK));
  saved = read_file (real);
  g_assert_cmpstr (saved, ==, expected);
}

/* A file larger than Subproc reads is refused before it is read. */
static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "huge.json");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(SubprocRegister) self = NULL;
  g_autoptr(GError) error = NULL;
  FILE *out = fopen (path, "w");

  /* sparse: no disk is used */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, SUBPROC_FILE_MAX_SIZE + 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', out), ==, '}');
  g_assert_cmpint (fclose (out), ==, 0);

  self = subproc_storage_load (file, NULL, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "“huge.json” is larger than 256 MB"));
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autoptr(GFile) file = fixture_file (fixture, "register.json");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *on_disk = NULL;
  const char *other = "{ \"changed\": \"by someone else\" }\n";

  g_assert_true (subproc_storage_save (self, file, NULL, &etag, &error));
  g_assert_no_error (error);

  /* a save with the etag it read works, and gives the next one */
  subproc_register_set_title (self, "Edited");
  g_assert_true (subproc_storage_save (self, file, etag, &etag2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (etag2, !=, etag);

  /* another program writes the file: its time changes */
  g_file_set_contents (path, other, -1, &error);
  g_assert_no_error (error);
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  subproc_register_set_title (self, "Edited again");
  g_assert_false (subproc_storage_save (self, file, etag2, NULL, &error));
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "register.json"));
  on_disk = read_file (file);
  g_assert_cmpstr (on_disk, ==, other);
  g_assert_cmpuint (count_temporaries (fixture), ==, 0);
}

static void
assert_syntax_error (Fixture    *fixture,
                     const char *name,
                     const char *text,
                     gssize      length,
                     guint       line)
{
  g_autoptr(GFile) file = write_file (fixture, name, text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = subproc_storage_load (file, NULL, NULL, &error);

  g_assert_null (self);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, name));
  if (line > 0)
    {
      g_autofree char *at = g_strdup_printf ("line %u", line);
      const char *found = strstr (error->message, at);

      g_assert_nonnull (found);
      g_assert_false (g_ascii_isdigit (found[strlen (at)]));
    }
}

static void
test_syntax_missing_comma (Fixture       *fixture,
                           gconstpointer  data)
{
  assert_syntax_error (fixture, "comma.json",
                       HEADER
                       "  \"title\": \"T\",\n"
                       "  \"organisation\": \"O\"\n"        /* line 5: no comma */
                       "  \"processors\": []\n"
                       "}\n", -1, 5);
  assert_syntax_error (fixture, "comma2.json",
                       HEADER
                       "  \"processors\": [\n"
                       "    { \"name\": \"A\" }\n"           /* line 5: no comma */
                       "    { \"name\": \"B\" }\n"
                       "  ]\n"
                       "}\n", -1, 5);
}

static void
test_syntax_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SubprocRegister) self = full_register ();
  g_autofree char *text = subproc_storage_to_data (self, NULL);

  assert_syntax_error (fixture, "half.json", text, strlen (text) / 2, 0);
  assert_syntax_error (fixture, "nearly.json", text, strlen (text) - 3, 0);
}

static void
test_syntax_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_syntax_error (fixture, "empty.json", "", 0, 0);
  assert_syntax_error (fixture, "blank.json", "  \n\t\n  ", -1, 0);
}

static void
test_syntax_not_utf8 (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_syntax_error (fixture, "latin1.json",
                       HEADER
                       "  \"title\": \"Underbitr\xe4" "den\",\n"   /* line 4 */
                       "  \"processors\": []\n"
                       "}\n", -1, 4);
}

static void
assert_not_register (Fixture    *fixture,
                     const char *name,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = load_text (fixture, name, text, NULL, &error);

  g_assert_null (self);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_NOT_REGISTER);
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_not_register (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_not_register (fixture, "array.json", "[ { \"format\": \"org.example.Subproc.register\" } ]\n");
  assert_not_register (fixture, "other.json", "{ \"format\": \"org.example.Other\", \"version\": 1 }\n");
  assert_not_register (fixture, "noformat.json", "{ \"version\": 1, \"processors\": [] }\n");
  assert_not_register (fixture, "string.json", "\"org.example.Subproc.register\"\n");
  assert_not_register (fixture, "numformat.json", "{ \"format\": 1, \"version\": 1 }\n");
}

static void
test_read_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "missing.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = subproc_storage_load (file, NULL, NULL, &error);

  g_assert_null (self);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.json"));
}

/* Loads TEXT, which must fail as INVALID at LINE, at the value that starts with TOKEN there. */
static void
assert_invalid_at (Fixture    *fixture,
                   const char *text,
                   guint       line,
                   const char *token)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = load_text (fixture, "bad.json", text, NULL, &error);
  g_autofree char *where = g_strdup_printf ("“bad.json”, line %u, column ", line);
  const char *at, *found;
  guint column, first, last;

  g_assert_null (self);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  found = strstr (error->message, where);
  g_assert_nonnull (found);

  /* the column is within the bad value (or just after it) */
  at = strstr (lines[line - 1], token);
  g_assert_nonnull (at);
  column = strtoul (found + strlen (where), NULL, 10);
  first = g_utf8_pointer_to_offset (lines[line - 1], at) + 1;
  last = first + g_utf8_strlen (token, -1);
  g_assert_cmpuint (column, >=, first);
  g_assert_cmpuint (column, <=, last);
}

static void
test_invalid_countries (Fixture       *fixture,
                        gconstpointer  data)
{
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"countries\": \"SE\",\n"         /* line 7 */
                     "      \"notes\": \"n\"\n"
                     "    }\n"
                     "  ]\n"
                     "}\n", 7, "\"SE\",");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"countries\": [\"SE\", \"XX\"]\n" /* line 7 */
                     "    }\n"
                     "  ]\n"
                     "}\n", 7, "\"XX\"]");
}

static void
test_invalid_country_multiline (Fixture       *fixture,
                                gconstpointer  data)
{
  /* as Subproc itself writes a list: one item a line */
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"countries\": [\n"
                     "        \"SE\",\n"
                     "        \"XX\",\n"                      /* line 9 */
                     "        \"NO\"\n"
                     "      ]\n"
                     "    }\n"
                     "  ]\n"
                     "}\n", 9, "\"XX\",");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"countries\": {\n"              /* line 7 */
                     "        \"SE\": true\n"
                     "      }\n"
                     "    }\n"
                     "  ]\n"
                     "}\n", 7, "{");
}

static void
test_invalid_date (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"added\": \"2020-13-01\",\n"     /* line 7 */
                     "      \"notes\": \"n\"\n"
                     "    }\n"
                     "  ]\n"
                     "}\n", 7, "\"2020-13-01\",");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    { \"name\": \"A\" },\n"
                     "    { \"name\": \"B\", \"review_due\": \"31.12.2020\" }\n" /* line 6 */
                     "  ]\n"
                     "}\n", 6, "\"31.12.2020\"");
}

static void
test_invalid_enum (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"status\": \"active\",\n"
                     "      \"transfer_mechanism\": \"standard clauses\"\n" /* line 8 */
                     "    }\n"
                     "  ]\n"
                     "}\n", 8, "\"standard clauses\"");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"status\": 1\n"                  /* line 7 */
                     "    }\n"
                     "  ]\n"
                     "}\n", 7, "1");
}

static void
test_invalid_no_name (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\"\n"
                     "    },\n"
                     "    {\n"                              /* line 8 */
                     "      \"legal_entity\": \"Nameless Ltd\",\n"
                     "      \"name\": \"\"\n"
                     "    }\n"
                     "  ]\n"
                     "}\n", 8, "{");
}

static void
test_invalid_duplicate_id (Fixture       *fixture,
                           gconstpointer  data)
{
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"id\": \"same\",\n"
                     "      \"name\": \"A\"\n"
                     "    },\n"
                     "    {\n"
                     "      \"name\": \"B\",\n"
                     "      \"id\": \"same\"\n"               /* line 11 */
                     "    }\n"
                     "  ]\n"
                     "}\n", 11, "\"same\"");
}

static void
test_invalid_types (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_invalid_at (fixture,
                     HEADER
                     "  \"title\": [\"not\", \"text\"],\n"    /* line 4 */
                     "  \"processors\": []\n"
                     "}\n", 4, "[");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": { \"name\": \"A\" }\n" /* line 4 */
                     "}\n", 4, "{");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    \"A\"\n"                             /* line 5 */
                     "  ]\n"
                     "}\n", 5, "\"A\"");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    { \"name\": \"A\", \"data_subjects\": [\"Kunder\", 7] }\n" /* line 5 */
                     "  ]\n"
                     "}\n", 5, "7");
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *text =
    "{\n"
    "  \"format\": \"org.example.Subproc.register\",\n"
    "  \"version\": 3,\n"
    "  \"x_v2\": [\"future\"],\n"
    "  \"processors\": [ { \"name\": \"A\", \"x_v2_field\": { \"k\": 1 } } ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = NULL;
  gint64 version = 0;
  JsonObject *extra;

  self = load_text (fixture, "v3.json", text, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 3);
  extra = subproc_register_get_extra (self);
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, "x_v2"));
  extra = subproc_processor_get_extra (subproc_register_get_processor (self, 0));
  g_assert_nonnull (extra);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (extra, "x_v2_field"), "k"),
                   ==, 1);
}

/* A version 1 file: one word for the mechanism, “unspecified” for none. */
#define VERSION_1_TEXT \
  HEADER \
  "  \"processors\": [\n" \
  "    { \"id\": \"a\", \"name\": \"A\", \"countries\": [\"US\"], \"transfer_mechanism\": \"scc\" },\n" \
  "    { \"id\": \"b\", \"name\": \"B\", \"transfer_mechanism\": \"unspecified\" },\n" \
  "    { \"id\": \"c\", \"name\": \"C\" },\n" \
  "    { \"id\": \"d\", \"name\": \"D\", \"transfer_mechanism\": \"privacy-shield\", \"x_later\": 1 }\n" \
  "  ]\n" \
  "}\n"

/* A version 1 file is read as it stands, written as version 2, and the
 * save that converts it keeps it, as it was, as the backup. */
static void
test_version_1_converted (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = NULL;
  g_autoptr(GFile) file = fixture_file (fixture, "old.json");
  g_autoptr(GFile) backup = fixture_file (fixture, "old.json~");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *kept = NULL;
  JsonArray *processors;
  gint64 version = 0;

  self = load_text (fixture, "old.json", VERSION_1_TEXT, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 1);
  subproc_assert_mechanisms (subproc_register_get_processor (self, 0), "scc");
  subproc_assert_mechanisms (subproc_register_get_processor (self, 1), "");
  subproc_assert_mechanisms (subproc_register_get_processor (self, 2), "");
  subproc_assert_mechanisms (subproc_register_get_processor (self, 3), "privacy-shield");

  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  kept = read_file (backup);
  g_assert_cmpstr (kept, ==, VERSION_1_TEXT);

  saved = read_file (file);
  root = parse (saved);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, 2);
  processors = json_object_get_array_member (json_node_get_object (root), "processors");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_array_get_object_element (processors, 0),
                                                                                  "transfer_mechanism"), 0), ==, "scc");
  /* none stated is an empty list, always written */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (processors, 1),
                                                                          "transfer_mechanism")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (processors, 2),
                                                                          "transfer_mechanism")), ==, 0);
  /* what the file held beyond the format stays */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (processors, 3), "x_later"), ==, 1);
}

/* Version 2: a list of words, each once; “unspecified” says nothing. */
static void
test_version_2_mechanisms (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *text =
    HEADER_V2
    "  \"processors\": [ { \"name\": \"A\", \"transfer_mechanism\": [\"scc\", \"unspecified\", \"scc\", \"dpf\"],\n"
    "                    \"scc_module\": 3, \"dpf_verified\": \"2026-05-04\", \"tia\": \"TIA-2026-07\" } ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = load_text (fixture, "v2.json", text, NULL, &error);
  SubprocProcessor *processor;

  g_assert_no_error (error);
  processor = subproc_register_get_processor (self, 0);
  subproc_assert_mechanisms (processor, "scc,dpf");
  g_assert_true (subproc_processor_has_mechanism (processor, SUBPROC_TRANSFER_DPF));
  g_assert_false (subproc_processor_has_mechanism (processor, SUBPROC_TRANSFER_UNSPECIFIED));
  g_assert_cmpint (subproc_processor_get_enum (processor, SUBPROC_FIELD_SCC_MODULE), ==, SUBPROC_SCC_MODULE_3);
  g_assert_cmpstr (subproc_processor_get_text (processor, SUBPROC_FIELD_DPF_VERIFIED), ==, "2026-05-04");
  g_assert_cmpstr (subproc_processor_get_text (processor, SUBPROC_FIELD_TIA), ==, "TIA-2026-07");
}

static void
test_invalid_version_2 (Fixture       *fixture,
                        gconstpointer  data)
{
  /* one word was version 1's way */
  assert_invalid_at (fixture,
                     HEADER_V2
                     "  \"processors\": [\n"
                     "    { \"name\": \"A\",\n"
                     "      \"transfer_mechanism\": \"scc\" }\n"  /* line 6 */
                     "  ]\n"
                     "}\n", 6, "\"scc\"");
  assert_invalid_at (fixture,
                     HEADER_V2
                     "  \"processors\": [\n"
                     "    { \"name\": \"A\", \"transfer_mechanism\": [\"scc\",\n"
                     "                                     \"standard clauses\"] }\n"  /* line 6 */
                     "  ]\n"
                     "}\n", 6, "\"standard clauses\"");
  assert_invalid_at (fixture,
                     HEADER_V2
                     "  \"processors\": [\n"
                     "    { \"name\": \"A\", \"scc_module\": 5 }\n"  /* line 5 */
                     "  ]\n"
                     "}\n", 5, "5");
  assert_invalid_at (fixture,
                     HEADER_V2
                     "  \"processors\": [\n"
                     "    { \"name\": \"A\", \"scc_module\": \"2\" }\n"  /* line 5 */
                     "  ]\n"
                     "}\n", 5, "\"2\"");
}

static void
assert_bad_version (Fixture    *fixture,
                    const char *version_line)
{
  g_autofree char *text = g_strconcat ("{\n  \"format\": \"org.example.Subproc.register\",\n",
                                       version_line, "  \"processors\": []\n}\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = load_text (fixture, "version.json", text, NULL, &error);

  g_assert_null (self);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "version.json"));
}

static void
test_bad_version (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_bad_version (fixture, "");
  assert_bad_version (fixture, "  \"version\": \"1\",\n");
  assert_bad_version (fixture, "  \"version\": 0,\n");
  assert_bad_version (fixture, "  \"version\": 1.5,\n");
  assert_bad_version (fixture, "  \"version\": null,\n");
}

static void
test_absent_is_empty (void)
{
  const char *with_empty =
    HEADER
    "  \"title\": \"\",\n"
    "  \"processors\": [ { \"id\": \"p\", \"name\": \"A\", \"legal_entity\": \"\", \"countries\": [],\n"
    "                    \"status\": \"\", \"transfer_mechanism\": null, \"added\": \"\",\n"
    "                    \"data_categories\": [\"\", \"  \"] } ]\n"
    "}\n";
  const char *without =
    HEADER
    "  \"processors\": [ { \"id\": \"p\", \"name\": \"A\" } ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) a = subproc_storage_load_data (with_empty, strlen (with_empty),
                                                            "a.json", NULL, &error);
  g_autoptr(SubprocRegister) b = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  b = subproc_storage_load_data (without, strlen (without), "b.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (subproc_register_get_title (a));
  g_assert_null (subproc_processor_get_text (subproc_register_get_processor (a, 0),
                                             SUBPROC_FIELD_LEGAL_ENTITY));
  assert_same_register (b, a);

  /* and an empty value is not written back */
  saved = subproc_storage_to_data (a, NULL);
  g_assert_null (strstr (saved, "legal_entity"));
  g_assert_null (strstr (saved, "\"\""));
}

static void
test_no_id_gets_one (void)
{
  const char *text =
    HEADER
    "  \"processors\": [ { \"name\": \"A\" }, { \"name\": \"B\", \"id\": \"\" } ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = subproc_storage_load_data (text, strlen (text), "ids.json",
                                                               NULL, &error);
  const char *a, *b;

  g_assert_no_error (error);
  a = subproc_processor_get_id (subproc_register_get_processor (self, 0));
  b = subproc_processor_get_id (subproc_register_get_processor (self, 1));
  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_true (g_uuid_string_is_valid (b));
  g_assert_cmpstr (a, !=, b);
}

static void
test_looks_like_json (void)
{
  const char *bom = "\xEF\xBB\xBF  {\"format\": \"org.example.Subproc.register\"}";

  /* JSON of any kind is read as a register, so that one that is not ours
   * is said to be so; lists are everything else */
  g_assert_true (subproc_storage_looks_like_json (bom, strlen (bom)));
  g_assert_true (subproc_storage_looks_like_json ("\n [1, 2]", 8));
  g_assert_false (subproc_storage_looks_like_json ("Name\tCountry\n", 13));
  g_assert_false (subproc_storage_looks_like_json ("", 0));
}

/* Members given twice, at the top, in a processor and in a value this
 * version does not know: json-glib would keep the last without a word. */
static void
test_invalid_duplicate_keys (Fixture       *fixture,
                             gconstpointer  data)
{
  assert_invalid_at (fixture,
                     HEADER
                     "  \"title\": \"One\",\n"
                     "  \"title\": \"Two\",\n"              /* line 5 */
                     "  \"processors\": []\n"
                     "}\n", 5, "\"Two\"");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\n"
                     "      \"name\": \"A\",\n"
                     "      \"countries\": [\"SE\"],\n"
                     "      \"name\": \"B\"\n"                /* line 8 */
                     "    }\n"
                     "  ]\n"
                     "}\n", 8, "\"B\"");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"x_future\": {\"a\": 1, \"b\": {\"c\": 1,\n"
                     "                \"c\": 2}},\n"             /* line 5 */
                     "  \"processors\": []\n"
                     "}\n", 5, "2");
}

/* A parent that is the processor itself, or a chain that comes back. */
static void
test_invalid_parents (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = NULL;

  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\"id\": \"a\", \"name\": \"A\"},\n"
                     "    {\"id\": \"b\", \"name\": \"B\", \"parent\": \"b\"}\n"   /* line 6 */
                     "  ]\n"
                     "}\n", 6, "\"b\"}");
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [\n"
                     "    {\"id\": \"a\", \"name\": \"A\", \"parent\": \"c\"},\n"
                     "    {\"id\": \"b\", \"name\": \"B\", \"parent\": \"a\"},\n"
                     "    {\"id\": \"c\", \"name\": \"C\", \"parent\": \"b\"},\n"
                     "    {\"id\": \"d\", \"name\": \"D\", \"parent\": \"a\"}\n"
                     "  ]\n"
                     "}\n", 5, "\"c\"}");

  /* a parent no longer in the register, and a chain without a cycle, are fine */
  self = load_text (fixture, "good.json",
                    HEADER
                    "  \"processors\": [\n"
                    "    {\"id\": \"a\", \"name\": \"A\", \"parent\": \"gone\"},\n"
                    "    {\"id\": \"b\", \"name\": \"B\", \"parent\": \"a\"},\n"
                    "    {\"id\": \"c\", \"name\": \"C\", \"parent\": \"b\"}\n"
                    "  ]\n"
                    "}\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (self)), ==, 3);
}

/* Input made to hurt: each is refused with the file, the line and a reason,
 * never a crash, and never a register that silently differs from the file. */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new (HEADER "  \"x\":\n");
  g_autoptr(GString) long_text = g_string_new (HEADER "  \"processors\": [{\"name\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) self = NULL;

  /* nested 100,000 deep: json-glib's parser would overflow the stack */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_syntax_error (fixture, "deep.json", deep->str, deep->len, 5);

  /* \u0000 would cut the text short */
  assert_syntax_error (fixture, "nul-escape.json",
                       HEADER "  \"processors\": [{\"name\": \"Amazon\\u0000 Web\"}]\n}\n", -1, 4);
  /* an escaped backslash before u0000 is text, and fine */
  self = load_text (fixture, "backslash.json",
                    HEADER "  \"processors\": [{\"name\": \"C:\\\\u0000\"}]\n}\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (self, 0)), ==, "C:\\u0000");

  /* escapes JSON does not have: json-glib reads “\344” as a byte that is
   * not UTF-8, a lone surrogate as nothing */
  assert_syntax_error (fixture, "octal.json",
                       HEADER "  \"processors\": [{\"name\": \"Hetzner\\344 AB\"}]\n}\n", -1, 4);
  assert_syntax_error (fixture, "surrogate.json",
                       HEADER "  \"processors\": [{\"name\": \"A\\ud800B\"}]\n}\n", -1, 4);
  assert_syntax_error (fixture, "low-surrogate.json",
                       HEADER "  \"processors\": [{\"name\": \"A\\udc00\"}]\n}\n", -1, 4);
  /* the escapes it has read as the characters they stand for */
  g_clear_object (&self);
  self = load_text (fixture, "escapes.json",
                    HEADER "  \"processors\": [{\"name\": \"\\u00c5rhus \\ud83d\\ude00 \\\"q\\\" \\/ \\t\"}]\n}\n",
                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (self, 0)), ==, "Århus 😀 \"q\" / \t");

  /* a NUL byte in the file */
  assert_syntax_error (fixture, "nul.json", HEADER "  \"title\": \"a\0b\"\n}\n",
                       strlen (HEADER) + 16, 4);

  /* more than a field holds */
  for (guint i = 0; i < SUBPROC_REGISTER_MAX_TEXT + 1; i++)
    g_string_append_c (long_text, 'x');
  g_string_append (long_text, "\"}]\n}\n");
  g_clear_object (&self);
  g_clear_error (&error);
  self = load_text (fixture, "long.json", long_text->str, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“long.json”, line 4, column "));
  g_assert_nonnull (strstr (error->message, "more than 1 MB of text"));

  /* a date that does not exist */
  assert_invalid_at (fixture,
                     HEADER
                     "  \"processors\": [{\"name\": \"A\",\n"
                     "                  \"updated\": \"2023-02-30\"}]\n"     /* line 5 */
                     "}\n", 5, "\"2023-02-30\"");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* The writer gathers small pieces (cairo hands a PDF over a few bytes at a
 * time) and passes large ones on: the file holds every byte, in order, and
 * nothing until it is committed. */
static void
test_writer_pieces (void)
{
  g_autofree char *dir = g_dir_make_tmp ("subproc-writer-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "out.pdf", NULL);
  g_autoptr(SubprocFileWriter) writer = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *large = g_strnfill (200 * 1024, 'L');
  g_autofree char *contents = NULL;
  gsize length;

  writer = subproc_file_writer_new (file, SUBPROC_FILE_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 50000; i++)
    {
      g_autofree char *piece = g_strdup_printf ("%u ", i);

      g_assert_true (subproc_file_writer_write (writer, piece, strlen (piece)));
      g_string_append (expected, piece);
      if (i == 20000)
        {
          g_assert_true (subproc_file_writer_write (writer, large, strlen (large)));
          g_string_append (expected, large);
        }
    }
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (subproc_file_writer_commit (writer, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, &length, NULL));
  g_assert_cmpuint (length, ==, expected->len);
  g_assert_true (memcmp (contents, expected->str, length) == 0);

  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/storage/round-trip/file", test_round_trip);
  g_test_add_func ("/storage/round-trip/text", test_round_trip_text);
  g_test_add_func ("/storage/round-trip/field-order", test_field_order);
  ADD ("/storage/unknown-kept", test_unknown_kept);
  ADD ("/storage/save/mode", test_mode);
  ADD ("/storage/save/mode-new-file", test_mode_new_file);
  ADD ("/storage/save/backup", test_backup);
  ADD ("/storage/save/atomic", test_write_fails);
  ADD ("/storage/save/over-directory", test_write_over_directory);
  ADD ("/storage/save/conflict", test_conflict);
  ADD ("/storage/save/leftovers-removed", test_leftovers_removed);
  ADD ("/storage/save/through-link", test_save_through_link);
  ADD ("/storage/load/too-large", test_too_large);
  ADD ("/storage/load/read-error", test_read_error);
  ADD ("/storage/syntax/missing-comma", test_syntax_missing_comma);
  ADD ("/storage/syntax/truncated", test_syntax_truncated);
  ADD ("/storage/syntax/empty", test_syntax_empty);
  ADD ("/storage/syntax/not-utf8", test_syntax_not_utf8);
  ADD ("/storage/not-register", test_not_register);
  ADD ("/storage/invalid/countries", test_invalid_countries);
  ADD ("/storage/invalid/country-multiline", test_invalid_country_multiline);
  ADD ("/storage/invalid/date", test_invalid_date);
  ADD ("/storage/invalid/enum", test_invalid_enum);
  ADD ("/storage/invalid/no-name", test_invalid_no_name);
  ADD ("/storage/invalid/duplicate-id", test_invalid_duplicate_id);
  ADD ("/storage/invalid/types", test_invalid_types);
  ADD ("/storage/invalid/duplicate-keys", test_invalid_duplicate_keys);
  ADD ("/storage/invalid/parents", test_invalid_parents);
  ADD ("/storage/hostile", test_hostile);
  ADD ("/storage/version/newer", test_newer_version);
  ADD ("/storage/version/1-converted", test_version_1_converted);
  ADD ("/storage/version/2-mechanisms", test_version_2_mechanisms);
  ADD ("/storage/invalid/version-2", test_invalid_version_2);
  ADD ("/storage/version/bad", test_bad_version);
  g_test_add_func ("/storage/absent-is-empty", test_absent_is_empty);
  g_test_add_func ("/storage/no-id-gets-one", test_no_id_gets_one);
  g_test_add_func ("/storage/looks-like-json", test_looks_like_json);
  g_test_add_func ("/storage/writer-pieces", test_writer_pieces);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "subproc-log.h"
#include "subproc-storage.h"
#include "test-util.h"

/* Rows in the seed list, and the line of its footer the importer leaves out. */
#define SEED_ROWS 13
#define SEED_FOOTER_LINE 21

typedef struct
{
  char *dir;       /* the working directory of the command */
  char *xdg;       /* XDG_DATA_HOME, empty at first */
  char *out;       /* stdout of the last run */
  char *err;       /* stderr of the last run */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("subproc-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->xdg = g_build_filename (fixture->dir, "xdg-data", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  subproc_test_remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->dir);
  g_free (fixture->xdg);
  g_free (fixture->out);
  g_free (fixture->err);
}

static char *
in_dir (Fixture    *fixture,
        const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static const char *
seed (void)
{
  const char *path = g_getenv ("SUBPROC_SEED");

  g_assert_nonnull (path);
  return path;
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Runs the app with ARGS in the fixture's directory, with no display and
 * the fixture's data dir; returns its exit status. */
static int
run (Fixture            *fixture,
     const char * const *args)
{
  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  return subproc_test_run_app (fixture->dir, fixture->xdg, args, &fixture->out, &fixture->err);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Records of a CSV file: CRLFs outside quotes. */
static guint
count_csv_records (const char *text)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\r' && p[1] == '\n')
        n++;
    }
  g_assert_false (quoted);
  return n;
}

static void
assert_absent (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = in_dir (fixture, name);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *args[] = { "--export=out.csv", seed (), NULL };
  g_autofree char *path = in_dir (fixture, "out.csv");
  g_autofree char *csv = NULL;
  g_autofree char *warning = g_strdup_printf ("%s:%d:1: warning: ", seed (), SEED_FOOTER_LINE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (fixture, args), ==, 0);
  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "id,name,"));
  g_assert_cmpuint (count_csv_records (csv), ==, SEED_ROWS + 1);
  g_assert_nonnull (strstr (csv, ",Azure (Microsoft),,NL;IE,Holland/ Irland,"));

  g_assert_true (g_str_has_prefix (fixture->err, warning));
  g_assert_nonnull (strstr (fixture->err, "Kontakta oss"));
  g_assert_cmpuint (count_lines (fixture->err), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "");
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *args[] = { "--export=out.json", seed (), NULL };
  g_autofree char *path = in_dir (fixture, "out.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SubprocRegister) self = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (fixture, args), ==, 0);
  self = subproc_storage_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (self)), ==, SEED_ROWS);
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (self, 0)), ==,
                   "Amazon");
  g_assert_cmpstr (subproc_processor_get_name (subproc_register_get_processor (self, SEED_ROWS - 1)),
                   ==, "PopUp Maker");
}

static void
test_no_input_no_register (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *args[] = { "--export=out.json", NULL };

  g_assert_cmpint (run (fixture, args), ==, 1);
  assert_absent (fixture, "out.json");
  g_assert_cmpuint (count_lines (fixture->err), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "register.json"));
}

static void
test_user_register (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *args[] = { "--export=out.json", NULL };
  g_autofree char *own = g_build_filename (fixture->xdg, "subproc", "register.json", NULL);
  g_autoptr(GFile) own_file = g_file_new_for_path (own);
  g_autofree char *own_dir = g_path_get_dirname (own);
  g_autofree char *out = in_dir (fixture, "out.json");
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(SubprocRegister) mine = subproc_register_new ();
  g_autoptr(SubprocProcessor) processor = subproc_processor_new ("Mitt eget biträde");
  g_autoptr(SubprocRegister) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (own_dir, 0700), ==, 0);
  subproc_register_set_title (mine, "Mitt register");
  subproc_register_append (mine, processor);
  g_assert_true (subproc_storage_save (mine, own_file, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run (fixture, args), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  back = subproc_storage_load (out_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subproc_register_get_title (back), ==, "Mitt register");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 1);
  g_assert_true (subproc_processor_equal (processor, subproc_register_get_processor (back, 0)));
}

static void
test_missing_input (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *args[] = { "--export=out.csv", "no-such-list.txt", NULL };

  g_assert_cmpint (run (fixture, args), ==, 1);
  g_assert_cmpuint (count_lines (fixture->err), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "no-such-list.txt"));
  assert_absent (fixture, "out.csv");
}

static void
check_bad_register (Fixture    *fixture,
                    const char *fixture_name,
                    guint       line)
{
  g_autofree char *input = data_file (fixture_name);
  const char *args[] = { "--export=out.json", input, NULL };
  g_autofree char *out = in_dir (fixture, "out.json");
  g_autofree char *where = g_strdup_printf ("line %u,", line);
  const char *precious = "{ \"precious\": \"do not touch\" }\n";
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (out, precious, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run (fixture, args), ==, 1);
  g_assert_cmpuint (count_lines (fixture->err), ==, 1);
  g_assert_nonnull (strstr (fixture->err, fixture_name));
  g_assert_nonnull (strstr (fixture->err, where));

  g_file_get_contents (out, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, precious);
  assert_absent (fixture, "out.json~");
}

static void
test_corrupt_register (Fixture       *fixture,
                       gconstpointer  data)
{
  /* a comma missing after line 4 */
  check_bad_register (fixture, "cli-corrupt.json", 4);
  /* an unknown country on line 9 */
  check_bad_register (fixture, "cli-bad-country.json", 9);
}

/* A register written by a newer Subproc, with several keys this one does
 * not know at the top and in a processor: read by the real binary (a read
 * past a table inside GLib is invisible to sanitizers) and written back. */
static void
test_unknown_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *input = data_file ("unknown-keys.json");
  const char *args[] = { "--export=out.json", input, NULL };
  g_autofree char *out = in_dir (fixture, "out.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *top, *processor;

  g_assert_cmpint (run (fixture, args), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  top = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (top, "future_top"), ==, 5);
  g_assert_true (json_object_get_boolean_member (top, "x_flag"));
  g_assert_cmpstr (json_object_get_string_member (top, "x_last"), ==, "after the processors");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (top, "x_review"),
                                                  "cycle"), ==, "yearly");
  g_assert_cmpstr (json_object_get_string_member (top, "title"), ==, "Written by a newer Subproc");
  processor = json_array_get_object_element (json_object_get_array_member (top, "processors"), 0);
  g_assert_cmpint (json_object_get_int_member (processor, "x_risk_score"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (processor, "x_contacts")), ==, 1);
  g_assert_true (json_object_has_member (processor, "x_note"));
}

/* A register of a newer version is never written back as this version's:
 * that would lose what this version does not know. Reports are fine. */
static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *input = data_file ("newer-version.json");
  const char *json[] = { "--export=out.json", input, NULL };
  const char *csv[] = { "--export=out.csv", input, NULL };
  g_autofree char *path = in_dir (fixture, "out.csv");
  g_autofree char *text = NULL;

  g_assert_cmpint (run (fixture, json), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "“newer-version.json” was written by a newer version of Subproc"));
  assert_absent (fixture, "out.json");

  g_assert_cmpint (run (fixture, csv), ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Amazon"));
}

static void
write_text (const char *path,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

/* Runs --export of INPUT to out.csv under /usr/bin/time, which measures the
 * peak memory of the command; returns the exit status, the peak in MB. */
static int
run_measured (Fixture    *fixture,
              const char *input,
              double     *peak_mb)
{
  g_autofree char *rss = in_dir (fixture, "rss.txt");
  g_autofree char *text = NULL;
  const char *args[] = { "-f", "%M", "-o", rss, g_getenv ("SUBPROC_BIN"), "--export=out.csv", input, NULL };
  const char *bin = g_getenv ("SUBPROC_BIN");
  int status;

  /* the wrapper stands where the app is run, and runs it */
  g_setenv ("SUBPROC_BIN", "/usr/bin/time", TRUE);
  status = run (fixture, args);
  g_setenv ("SUBPROC_BIN", bin, TRUE);
  g_assert_true (g_file_get_contents (rss, &text, NULL, NULL));
  /* after “Command exited with non-zero status 1”, when it did */
  g_strstrip (text);
  *peak_mb = g_ascii_strtod (strrchr (text, '\n') != NULL ? strrchr (text, '\n') + 1 : text, NULL) / 1024.0;
  g_assert_cmpfloat (*peak_mb, >, 0);
  return status;
}

/* Files made to hurt: each gets exit status 1 and one line naming the file
 * (and the line where there is one), no output, and bounded memory. */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  const struct
  {
    const char *name;
    const char *text;      /* NULL: made below, or from tests/data/fuzz */
    gboolean    has_line;
  } cases[] = {
    { "big.json", NULL, FALSE },
    { "deep-nesting.json", NULL, TRUE },
    { "nul-escape.json", NULL, TRUE },
    { "duplicate-key.json", NULL, TRUE },
    { "parent-cycle.json", NULL, TRUE },
    { "wide.tsv", NULL, TRUE },
    { "long-cell.tsv", NULL, TRUE },
    { "not-utf8.json", "{\"format\": \"org.example.Subproc.register\",\n\"title\": \"\xff\"}\n", TRUE },
    /* (text that is not UTF-8 is read as Windows-1252; UTF-16 that is not is refused) */
    { "broken-utf16.txt", NULL, FALSE },
    { "nul.txt", NULL, FALSE },
    { "text-is-number.json", "{\"format\": \"org.example.Subproc.register\", \"version\": 1,\n"
                             "\"processors\": [{\"name\": 5}]}\n", TRUE },
    { "same-id.json", "{\"format\": \"org.example.Subproc.register\", \"version\": 1,\n"
                      "\"processors\": [{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"a\", \"name\": \"B\"}]}\n", TRUE },
    { "no-such-day.json", "{\"format\": \"org.example.Subproc.register\", \"version\": 1,\n"
                          "\"processors\": [{\"name\": \"A\", \"updated\": \"2023-02-30\"}]}\n", TRUE },
    { "array.json", "[1, 2, 3]\n", FALSE },
    { "string.json", "\"org.example.Subproc.register\"\n", FALSE },
  };
  double worst = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = in_dir (fixture, cases[i].name);
      g_autofree char *fuzz = g_test_build_filename (G_TEST_DIST, "data", "fuzz", "register", cases[i].name, NULL);
      double peak = 0;

      if (cases[i].text != NULL)
        write_text (path, cases[i].text, -1);
      else if (g_file_test (fuzz, G_FILE_TEST_EXISTS))
        {
          g_autofree char *text = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (fuzz, &text, &length, NULL));
          write_text (path, text, length);
        }
      else if (g_str_equal (cases[i].name, "big.json"))
        {
          /* 300 MB, sparse */
          FILE *out = fopen (path, "w");

          g_assert_nonnull (out);
          g_assert_cmpint (fseek (out, 300 * 1024 * 1024, SEEK_SET), ==, 0);
          g_assert_cmpint (fputc ('}', out), ==, '}');
          g_assert_cmpint (fclose (out), ==, 0);
        }
      else if (g_str_equal (cases[i].name, "nul.txt"))
        write_text (path, "Name\tCountry\nA\0B\tSE\n", 20);
      else if (g_str_equal (cases[i].name, "broken-utf16.txt"))
        /* a byte-order mark, then a surrogate that nothing follows */
        write_text (path, "\xff\xfeN\x00a\x00\x3d\xd8", 8);
      else
        {
          g_autoptr(GString) list = g_string_new ("Name\tCountry\tDescription\nA\tSE\t");

          if (g_str_equal (cases[i].name, "wide.tsv"))
            for (guint j = 0; j < 100000; j++)
              g_string_append (list, "x\t");
          else
            for (guint j = 0; j < 10 * 1024 * 1024; j++)
              g_string_append_c (list, 'x');
          write_text (path, list->str, list->len);
        }

      g_assert_cmpint (run_measured (fixture, path, &peak), ==, 1);
      g_test_message ("%s: %.1f MB: %s", cases[i].name, peak, fixture->err);
      g_assert_cmpuint (count_lines (fixture->err), ==, 1);
      g_assert_nonnull (strstr (fixture->err, cases[i].name));
      if (cases[i].has_line)
        g_assert_nonnull (strstr (fixture->err, "line "));
      assert_absent (fixture, "out.csv");
      worst = MAX (worst, peak);
    }

  /* the 300 MB file is refused unread; the 10 MB cell costs the most, about
   * 45 MB (100 MB under AddressSanitizer) */
  g_test_message ("the most memory any of them took: %.1f MB", worst);
  g_assert_cmpfloat (worst, <, 200);
}

static void
test_no_header (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *input = data_file ("cli-no-header.txt");
  const char *args[] = { "--export=out.csv", input, NULL };

  g_assert_cmpint (run (fixture, args), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "cli-no-header.txt"));
  assert_absent (fixture, "out.csv");
}

static void
test_bad_output_name (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *odt[] = { "--export=out.odt", seed (), NULL };
  const char *txt[] = { "--export=out.txt", NULL };

  g_assert_cmpint (run (fixture, odt), ==, 2);
  g_assert_nonnull (strstr (fixture->err, ".csv"));
  assert_absent (fixture, "out.odt");
  g_assert_cmpint (run (fixture, txt), ==, 2);
  assert_absent (fixture, "out.txt");
}

static void
test_two_inputs (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *args[] = { "--export=out.json", seed (), seed (), NULL };

  g_assert_cmpint (run (fixture, args), ==, 2);
  g_assert_cmpuint (count_lines (fixture->err), ==, 1);
  assert_absent (fixture, "out.json");
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *args[] = { "--help", NULL };

  g_assert_cmpint (run (fixture, args), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "--export"));
}

static void
test_help_swedish (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *args[] = { "--help", NULL };
  int status;

  /* the app binds its catalog to SUBPROC_LOCALEDIR, the build tree's */
  g_setenv ("LANGUAGE", "sv", TRUE);
  status = run (fixture, args);
  g_unsetenv ("LANGUAGE");

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (fixture->out, "--export=UTDATA"));
  g_assert_nonnull (strstr (fixture->out, "Öppna exempelregistret"));
}

/* --check prints one finding a line and fails on an error: the register
 * of the issue gives exactly its three errors. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *input = data_file ("transfers.json");
  const char *args[] = { "--check", input, NULL };
  g_auto(GStrv) lines = NULL;
  guint n_errors = 0;

  g_assert_cmpint (run (fixture, args), ==, 1);
  g_assert_cmpstr (fixture->err, ==, "");
  lines = g_strsplit (fixture->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      /* FILE: PROCESSOR: SEVERITY: MESSAGE [REFERENCE], then the summary */
      g_assert_true (g_str_has_prefix (lines[i], input));
      if (strstr (lines[i], ": error: ") != NULL)
        n_errors++;
    }
  g_assert_cmpuint (n_errors, ==, 3);
  g_assert_nonnull (strstr (fixture->out, ": Shield Inc: error: "));
  g_assert_nonnull (strstr (fixture->out, "[CJEU C-311/18]"));
  g_assert_nonnull (strstr (fixture->out, ": Mumbai Support: error: "));
  g_assert_nonnull (strstr (fixture->out, ": Plain US: error: "));
  g_assert_null (strstr (fixture->out, ": London Ltd: error"));
  g_assert_null (strstr (fixture->out, ": São Paulo SA: error"));
  g_assert_null (strstr (fixture->out, ": Certified Corp: error"));
  g_assert_null (strstr (fixture->out, ": Stockholm AB: error"));
  g_assert_nonnull (strstr (fixture->out, ": 3 errors, "));
}

/* A register of format 2: several mechanisms, the DPF checked, the SCC
 * module given: nothing to say of the transfers. */
static void
test_check_version_2 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *input = data_file ("register-v2.json");
  g_autofree char *expected = g_strdup_printf ("%s: Nothing Stated: warning: No signed data processing agreement is recorded. [GDPR Art. 28(3)]\n",
                                               input);
  const char *args[] = { "--check", input, NULL };

  g_assert_cmpint (run (fixture, args), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  /* (as the months pass, Cloud Inc's dates will be pointed out too) */
  g_assert_nonnull (strstr (fixture->out, expected));
  g_assert_null (strstr (fixture->out, ": Cloud Inc: error"));
  g_assert_null (strstr (fixture->out, "Cloud Inc: info"));
  g_assert_nonnull (strstr (fixture->out, ": 0 errors, "));
}

static SubprocProcessor *
find_named (SubprocRegister *reg,
            const char      *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
    if (g_strcmp0 (subproc_processor_get_name (subproc_register_get_processor (reg, i)), name) == 0)
      return subproc_register_get_processor (reg, i);
  return NULL;
}

static char *
read_text_file (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A vendor's list, merged into a register made for it; then its new
 * version: what changed is said, a dry run saves nothing, and the real run
 * adds, changes and ends (never deletes). */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor-page.html", NULL);
  g_autofree char *v2 = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor-page-v2.html", NULL);
  g_autofree char *merge_v1 = g_strconcat ("--merge=", v1, NULL);
  g_autofree char *merge_v2 = g_strconcat ("--merge=", v2, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "register.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after_dry = NULL;
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *first[] = { merge_v1, "--source=example-cloud", "register.json", NULL };
  const char *dry[] = { merge_v2, "--source=example-cloud", "--dry-run", "--end-missing", "register.json", NULL };
  const char *real[] = { merge_v2, "--source=example-cloud", "--end-missing", "register.json", NULL };
  const char *expected =
    "added: Elastx AB\n"
    "changed: Zendesk, Inc.: name\n"
    "changed: Zendesk, Inc.: countries\n"
    "changed: Zendesk, Inc.: location\n"
    "no longer listed: Hetzner Online GmbH\n";
  SubprocProcessor *hetzner, *zendesk;

  g_assert_cmpint (run (fixture, first), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "added: Amazon Web Services EMEA SARL\n"));
  g_assert_nonnull (strstr (fixture->out, "register.json: 6 added, 0 changed, 0 no longer listed\n"));
  before = read_text_file (path);

  g_assert_cmpint (run (fixture, dry), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, expected));
  g_assert_nonnull (strstr (fixture->out, "1 added, 1 changed, 1 no longer listed (marked ended); nothing saved (dry run)"));
  after_dry = read_text_file (path);
  g_assert_cmpstr (after_dry, ==, before);

  g_assert_cmpint (run (fixture, real), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, expected));
  reg = subproc_storage_load (file, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 7);
  hetzner = find_named (reg, "Hetzner Online GmbH");
  g_assert_nonnull (hetzner);
  g_assert_cmpint (subproc_processor_get_status (hetzner), ==, SUBPROC_STATUS_ENDED);
  zendesk = find_named (reg, "Zendesk Inc");
  g_assert_nonnull (zendesk);
  g_assert_cmpstr (subproc_processor_get_countries (zendesk)[1], ==, "DE");
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_SOURCE), ==, "example-cloud");
  g_assert_cmpstr (subproc_processor_get_text (zendesk, SUBPROC_FIELD_UPDATED), ==, "2026-06-01");

  /* again: nothing left to do */
  g_assert_cmpint (run (fixture, real), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "0 added, 0 changed, 1 no longer listed\n"));
}

/* A list that cannot be read leaves the register as it was: status 1. */
static void
test_merge_unreadable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "register.json", NULL);
  g_autofree char *list = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  const char *text = "{\"format\": \"org.example.Subproc.register\", \"version\": 2, \"processors\": []}\n";
  const char *args[] = { "--merge=notes.txt", "register.json", NULL };
  const char *usage[] = { "--merge=notes.txt", "--export=x.csv", NULL };
  const char *lonely[] = { "--end-missing", NULL };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_set_contents (list, "just some text\n", -1, NULL));
  g_assert_cmpint (run (fixture, args), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "notes.txt"));
  after = read_text_file (path);
  g_assert_cmpstr (after, ==, text);

  g_assert_cmpint (run (fixture, usage), ==, 2);
  g_assert_cmpint (run (fixture, lonely), ==, 2);
}

static int
run_at (Fixture            *fixture,
        const char         *time,
        const char * const *args)
{
  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  return subproc_test_run_app_at (fixture->dir, fixture->xdg, time, args, &fixture->out, &fixture->err);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return out;
}

/* Two merges a month apart make the register's past: the register as of a
 * day between them, its fingerprint (as printed, and as another program
 * computes it), the changes since, the notice, and a log altered by hand
 * said on every command without stopping any. */
static void
test_audit_trail (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor-page.html", NULL);
  g_autofree char *v2 = g_test_build_filename (G_TEST_DIST, "data", "lists", "vendor-page-v2.html", NULL);
  g_autofree char *verifier = g_test_build_filename (G_TEST_DIST, "verify-changes.py", NULL);
  g_autofree char *merge_v1 = g_strconcat ("--merge=", v1, NULL);
  g_autofree char *merge_v2 = g_strconcat ("--merge=", v2, NULL);
  g_autofree char *path = in_dir (fixture, "register.json");
  g_autofree char *then_path = in_dir (fixture, "then.json");
  g_autofree char *now_print = NULL;
  g_autofree char *then_print = NULL;
  g_autofree char *verified = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(SubprocRegister) then = NULL;
  g_autoptr(GFile) then_file = g_file_new_for_path (then_path);
  const char *first[] = { merge_v1, "--source=example-cloud", "register.json", NULL };
  const char *second[] = { merge_v2, "--source=example-cloud", "--end-missing", "register.json", NULL };
  const char *fingerprint[] = { "--fingerprint", "register.json", NULL };
  const char *fingerprint_then[] = { "--fingerprint", "--as-of=2026-01-31", "register.json", NULL };
  const char *export_then[] = { "--export=then.json", "--as-of=2026-01-31", "register.json", NULL };
  const char *fingerprint_file[] = { "--fingerprint", "then.json", NULL };
  const char *pdf_then[] = { "--export=then.pdf", "--as-of=2026-01-31", "--columns=full", "register.json", NULL };
  const char *changes[] = { "--export=changes.txt", "--changes-since=2026-02-01", "register.json", NULL };
  const char *notice[] = { "--export=notice.txt", "--notice", "--changes-since=2026-02-01", "--language=sv",
                           "register.json", NULL };
  const char *lonely_notice[] = { "--export=notice.txt", "--notice", "register.json", NULL };
  const char *no_export[] = { "--as-of=2026-01-31", NULL };
  const char *bad_day[] = { "--export=x.csv", "--as-of=31.1.2026", "register.json", NULL };
  const char *notice_pdf[] = { "--export=n.pdf", "--notice", "--changes-since=2026-02-01", "register.json", NULL };
  const char *check[] = { "--check", "register.json", NULL };
  const char *argv[] = { "python3", verifier, path, NULL };
  g_autoptr(GError) error = NULL;
  char *at;

  g_assert_cmpint (run_at (fixture, "2026-01-10 09:00:00", first), ==, 0);
  g_assert_cmpint (run_at (fixture, "2026-02-20 14:30:00", second), ==, 0);

  /* the fingerprint, now and then; the same another program computes */
  g_assert_cmpint (run (fixture, fingerprint), ==, 0);
  now_print = g_steal_pointer (&fixture->out);
  g_assert_cmpuint (strlen (now_print), ==, 17);
  g_spawn_sync (fixture->dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &verified, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("fingerprint %s", now_print);
  g_assert_true (g_str_has_suffix (verified, expected));
  g_assert_true (g_str_has_prefix (verified, "13 changes, chain whole\n"));
  g_assert_cmpint (run (fixture, fingerprint_then), ==, 0);
  then_print = g_steal_pointer (&fixture->out);
  g_assert_cmpstr (then_print, !=, now_print);

  /* the register as it stood: the first list, and its log until then */
  g_assert_cmpint (run (fixture, export_then), ==, 0);
  then = subproc_storage_load (then_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (then)), ==, 6);
  g_assert_null (find_named (then, "Elastx AB"));
  g_assert_nonnull (find_named (then, "Zendesk, Inc."));
  g_assert_cmpuint (subproc_log_get_n_changes (subproc_register_get_log (then)), ==, 6);
  g_assert_cmpint (run (fixture, fingerprint_file), ==, 0);
  g_assert_cmpstr (fixture->out, ==, then_print);

  /* printed as of that day: in the title and on every page, with the fingerprint */
  g_assert_cmpint (run (fixture, pdf_then), ==, 0);
  {
    g_autofree char *pdf_path = in_dir (fixture, "then.pdf");
    g_autofree char *footer = NULL;

    pdf = pdf_text (pdf_path);
    footer = g_strdup_printf ("Fingerprint %.16s · Page 1 of", then_print);
    g_assert_nonnull (strstr (pdf, "Register of processors and sub-processors, as of 31 January 2026"));
    g_assert_nonnull (strstr (pdf, footer));
    g_assert_nonnull (strstr (pdf, "Register version (changes recorded): 6"));
  }

  /* what changed since February, and the notice, written on 1 March */
  g_assert_cmpint (run_at (fixture, "2026-03-01 08:00:00", changes), ==, 0);
  {
    g_autofree char *changes_path = in_dir (fixture, "changes.txt");

    text = read_text_file (changes_path);
    g_assert_nonnull (strstr (text, "Period: 1 February 2026 – 1 March 2026\n"));
    g_assert_nonnull (strstr (text, "\nAdded (1)\n\n  Elastx AB\n"));
    g_assert_nonnull (strstr (text, "\nEnded (1)\n\n  Hetzner Online GmbH\n"));
    g_assert_nonnull (strstr (text, "    Name: Zendesk, Inc. → Zendesk Inc\n"));
    g_assert_cmpuint (subproc_test_file_mode (changes_path), ==, 0600);
  }
  g_assert_cmpint (run_at (fixture, "2026-03-01 08:00:00", notice), ==, 0);
  {
    g_autofree char *notice_path = in_dir (fixture, "notice.txt");

    g_clear_pointer (&text, g_free);
    text = read_text_file (notice_path);
    g_assert_nonnull (strstr (text, "- Elastx AB. "));
    g_assert_nonnull (strstr (text, "31 mars 2026"));
    g_assert_nonnull (strstr (text, "- Hetzner Online GmbH. "));
  }

  g_assert_cmpint (run (fixture, lonely_notice), ==, 2);
  g_assert_cmpint (run (fixture, no_export), ==, 2);
  g_assert_cmpint (run (fixture, bad_day), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "--as-of must be a date written as YYYY-MM-DD."));
  g_assert_cmpint (run (fixture, notice_pdf), ==, 2);

  /* a name in the second change altered by hand: every command says so */
  g_clear_pointer (&text, g_free);
  text = read_text_file (path);
  at = strstr (text, "\n    {\"at\":");
  at = strstr (at + 1, "\n    {\"at\":");
  at = strstr (at, "\"name\":\"") + strlen ("\"name\":\"");
  *at = '#';
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (run (fixture, check), ==, 0);
  g_assert_nonnull (strstr (fixture->err, "register.json: warning: The change log was altered outside Subproc: "
                                          "change 2 (2026-01-10 09:00 UTC) does not match the changes before it.\n"));
  g_assert_cmpint (run (fixture, fingerprint), ==, 0);
  g_assert_nonnull (strstr (fixture->err, "change 2 "));
}

/* A list is imported, then checked; without errors the status is 0. */
static void
test_check_list (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *args[] = { "--check", seed (), NULL };
  const char *both[] = { "--check", "--export=x.csv", seed (), NULL };

  g_assert_cmpint (run (fixture, args), ==, 0);
  g_assert_nonnull (strstr (fixture->out, ": 0 errors, "));
  g_assert_nonnull (strstr (fixture->out, ": warning: "));
  g_assert_cmpint (run (fixture, both), ==, 2);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/cli/export/csv", test_export_csv);
  ADD ("/cli/export/json", test_export_json);
  ADD ("/cli/export/no-input-no-register", test_no_input_no_register);
  ADD ("/cli/export/user-register", test_user_register);
  ADD ("/cli/export/missing-input", test_missing_input);
  ADD ("/cli/export/corrupt-register", test_corrupt_register);
  ADD ("/cli/export/unknown-keys", test_unknown_keys);
  ADD ("/cli/export/newer-version", test_newer_version);
  ADD ("/cli/check/version-2", test_check_version_2);
  ADD ("/cli/merge", test_merge);
  ADD ("/cli/merge/unreadable", test_merge_unreadable);
  ADD ("/cli/audit-trail", test_audit_trail);
  ADD ("/cli/export/no-header", test_no_header);
  ADD ("/cli/export/hostile", test_hostile);
  ADD ("/cli/usage/bad-output-name", test_bad_output_name);
  ADD ("/cli/usage/two-inputs", test_two_inputs);
  ADD ("/cli/usage/help", test_help);
  ADD ("/cli/usage/help-swedish", test_help_swedish);
  ADD ("/cli/check", test_check);
  ADD ("/cli/check/list", test_check_list);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "subproc-export.h"
#include "subproc-import.h"
#include "subproc-storage.h"
#include "test-util.h"

#define BOM "\xEF\xBB\xBF"

/* Reads RFC 4180 CSV (after the BOM) into rows of cells; fails the test on a
 * line end that is not CRLF outside quotes. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (cell, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',' || *p == '\r')
        {
          g_strv_builder_add (row, cell->str);
          g_string_truncate (cell, 0);
          if (*p == '\r')
            {
              g_assert_cmpint (p[1], ==, '\n');
              g_ptr_array_add (rows, g_strv_builder_end (row));
              g_clear_pointer (&row, g_strv_builder_unref);
              row = g_strv_builder_new ();
              p++;
            }
          p++;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (cell, *p++);
        }
    }
  g_assert_cmpuint (cell->len, ==, 0);
  return rows;
}

static SubprocProcessor *
azure (void)
{
  const char * const countries[] = { "NL", "IE", NULL };
  const char * const categories[] = { "Namn", "E-post", NULL };
  SubprocProcessor *processor = subproc_processor_new ("Azure (Microsoft)");

  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  subproc_processor_set_list (processor, SUBPROC_FIELD_DATA_CATEGORIES, categories);
  subproc_processor_set_text (processor, SUBPROC_FIELD_LOCATION, "Holland/ Irland");
  subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION,
                              "Lagring, säkerhetskopior\noch \"backup\" i Nederländerna");
  subproc_processor_set_text (processor, SUBPROC_FIELD_ADDED, "2019-12-31");
  subproc_processor_set_text (processor, SUBPROC_FIELD_REVIEW_DUE, "2024-02-29");
  subproc_processor_set_mechanism (processor, SUBPROC_TRANSFER_SCC);
  subproc_processor_set_enum (processor, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_PLANNED);
  return processor;
}

static SubprocProcessor *
formulas (void)
{
  SubprocProcessor *processor = subproc_processor_new ("=HYPERLINK(\"http://evil\")");

  subproc_processor_set_text (processor, SUBPROC_FIELD_CONTACT, "+46 8 123 45");
  subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, "-1+2");
  subproc_processor_set_text (processor, SUBPROC_FIELD_NOTES, "@SUM(A1:A2)");
  subproc_processor_set_text (processor, SUBPROC_FIELD_LEGAL_ENTITY, "Åre AB, Östersund");
  subproc_processor_set_text (processor, SUBPROC_FIELD_PARENT, "a=b, not a formula");
  return processor;
}

static SubprocRegister *
sample_register (void)
{
  SubprocRegister *self = subproc_register_new ();
  g_autoptr(SubprocProcessor) a = azure ();
  g_autoptr(SubprocProcessor) b = formulas ();

  subproc_register_set_title (self, "Underbiträden");
  subproc_register_append (self, a);
  subproc_register_append (self, b);
  return self;
}

static void
test_csv_header (void)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();
  g_autoptr(GString) expected = g_string_new (BOM);
  g_autofree char *csv = NULL;
  gsize length = 0;

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    g_string_append_printf (expected, "%s%s", f > 0 ? "," : "", subproc_field_get_key (f));
  g_string_append (expected, "\r\n");

  csv = subproc_export_csv (self, &length);
  g_assert_cmpstr (csv, ==, expected->str);
  g_assert_cmpuint (length, ==, expected->len);
  g_assert_true (g_str_has_prefix (csv, BOM "id,name,legal_entity,countries,location,"
                                        "transfer_mechanism,"));
  g_assert_true (g_str_has_suffix (csv, ",added,updated,review_due\r\n"));
}

static void
test_csv_cells (void)
{
  g_autoptr(SubprocRegister) self = sample_register ();
  g_autofree char *csv = subproc_export_csv (self, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  SubprocProcessor *processor = subproc_register_get_processor (self, 0);
  char **row;

  g_assert_true (g_str_has_prefix (csv, BOM));
  rows = parse_csv (csv + strlen (BOM));
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, SUBPROC_N_FIELDS);
  g_assert_cmpstr (row[SUBPROC_FIELD_ID], ==, subproc_processor_get_id (processor));
  g_assert_cmpstr (row[SUBPROC_FIELD_NAME], ==, "Azure (Microsoft)");
  g_assert_cmpstr (row[SUBPROC_FIELD_COUNTRIES], ==, "NL;IE");
  g_assert_cmpstr (row[SUBPROC_FIELD_LOCATION], ==, "Holland/ Irland");
  g_assert_cmpstr (row[SUBPROC_FIELD_DATA_CATEGORIES], ==, "Namn;E-post");
  g_assert_cmpstr (row[SUBPROC_FIELD_DESCRIPTION], ==,
                   "Lagring, säkerhetskopior\noch \"backup\" i Nederländerna");
  g_assert_cmpstr (row[SUBPROC_FIELD_ADDED], ==, "2019-12-31");
  g_assert_cmpstr (row[SUBPROC_FIELD_REVIEW_DUE], ==, "2024-02-29");
  g_assert_cmpstr (row[SUBPROC_FIELD_UPDATED], ==, "");
  g_assert_cmpstr (row[SUBPROC_FIELD_TRANSFER_MECHANISM], ==, "scc");
  g_assert_cmpstr (row[SUBPROC_FIELD_STATUS], ==, "planned");
  g_assert_cmpstr (row[SUBPROC_FIELD_LEGAL_ENTITY], ==, "");
}

static void
test_csv_quoting (void)
{
  g_autoptr(SubprocRegister) self = sample_register ();
  g_autofree char *csv = subproc_export_csv (self, NULL);

  /* quotes doubled, the cell quoted because of its comma and newline */
  g_assert_nonnull (strstr (csv, ",\"Lagring, säkerhetskopior\noch \"\"backup\"\" i Nederländerna\","));
  /* a plain cell is not quoted */
  g_assert_nonnull (strstr (csv, ",NL;IE,Holland/ Irland,scc,"));
  g_assert_nonnull (strstr (csv, ",\"Åre AB, Östersund\","));
  /* the register's title is not a row */
  g_assert_null (strstr (csv, "Underbitr"));
}

static void
test_csv_formulas (void)
{
  g_autoptr(SubprocRegister) self = sample_register ();
  g_autofree char *csv = subproc_export_csv (self, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (csv + strlen (BOM));
  char **row = g_ptr_array_index (rows, 2);

  g_assert_cmpstr (row[SUBPROC_FIELD_NAME], ==, "'=HYPERLINK(\"http://evil\")");
  g_assert_cmpstr (row[SUBPROC_FIELD_CONTACT], ==, "'+46 8 123 45");
  g_assert_cmpstr (row[SUBPROC_FIELD_FUNCTION], ==, "'-1+2");
  g_assert_cmpstr (row[SUBPROC_FIELD_NOTES], ==, "'@SUM(A1:A2)");
  g_assert_cmpstr (row[SUBPROC_FIELD_PARENT], ==, "a=b, not a formula");
  /* written quoted, apostrophe inside the quotes */
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://evil\"\")\","));
  g_assert_nonnull (strstr (csv, ",\"'+46 8 123 45\","));
  g_assert_nonnull (strstr (csv, ",\"'-1+2\","));
  g_assert_nonnull (strstr (csv, ",\"'@SUM(A1:A2)\","));
  /* the header's keys are not formulas */
  g_assert_null (strstr (csv, "'id"));
}

static void
test_csv_swedish (void)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();
  g_autoptr(SubprocProcessor) processor = subproc_processor_new ("Bokföring åäö ÅÄÖ");
  g_autofree char *csv = NULL;

  subproc_register_append (self, processor);
  csv = subproc_export_csv (self, NULL);
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_nonnull (strstr (csv, ",Bokf\xc3\xb6ring \xc3\xa5\xc3\xa4\xc3\xb6 \xc3\x85\xc3\x84\xc3\x96,"));
}

static void
test_csv_line_ends (void)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();
  g_autofree char *csv = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);
      g_autoptr(SubprocProcessor) processor = subproc_processor_new (name);

      subproc_register_append (self, processor);
    }
  csv = subproc_export_csv (self, NULL);
  for (const char *p = strchr (csv, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  {
    g_autoptr(GPtrArray) rows = parse_csv (csv + strlen (BOM));

    g_assert_cmpuint (rows->len, ==, 4);
  }
}

static void
test_format_for_name (void)
{
  SubprocExportFormat format = 99;

  g_assert_true (subproc_export_format_for_name ("out.json", &format));
  g_assert_cmpint (format, ==, SUBPROC_EXPORT_JSON);
  g_assert_true (subproc_export_format_for_name ("/tmp/dir.csv/out.JSON", &format));
  g_assert_cmpint (format, ==, SUBPROC_EXPORT_JSON);
  g_assert_true (subproc_export_format_for_name ("out.csv", &format));
  g_assert_cmpint (format, ==, SUBPROC_EXPORT_CSV);
  format = 99;
  g_assert_true (subproc_export_format_for_name ("OUT.CSV", &format));
  g_assert_cmpint (format, ==, SUBPROC_EXPORT_CSV);

  format = 99;
  g_assert_false (subproc_export_format_for_name ("out.odt", &format));
  g_assert_false (subproc_export_format_for_name ("out.txt", &format));
  g_assert_false (subproc_export_format_for_name ("out.csv.txt", &format));
  g_assert_false (subproc_export_format_for_name ("out", &format));
  g_assert_false (subproc_export_format_for_name ("", &format));
  g_assert_cmpint (format, ==, 99);
}

static void
export_and_check (SubprocRegister     *self,
                  const char          *dir,
                  const char          *name,
                  SubprocExportFormat  format)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(SubprocRegister) back = NULL;

  g_assert_true (subproc_export_to_file (self, format, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (subproc_test_file_mode (path), ==, 0600);
  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  if (format == SUBPROC_EXPORT_CSV)
    {
      expected = subproc_export_csv (self, NULL);
      g_assert_cmpstr (written, ==, expected);
      return;
    }
  back = subproc_storage_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 2);
  g_assert_cmpstr (subproc_register_get_title (back), ==, "Underbiträden");
}

static void
test_to_file (void)
{
  g_autoptr(SubprocRegister) self = sample_register ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("subproc-export-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *json_backup = g_build_filename (dir, "out.json~", NULL);
  g_autofree char *csv_backup = g_build_filename (dir, "out.csv~", NULL);

  g_assert_no_error (error);
  export_and_check (self, dir, "out.csv", SUBPROC_EXPORT_CSV);
  export_and_check (self, dir, "out.json", SUBPROC_EXPORT_JSON);
  /* again, over the old files, which others could read */
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
  g_assert_cmpint (g_chmod (json, 0644), ==, 0);
  export_and_check (self, dir, "out.csv", SUBPROC_EXPORT_CSV);
  export_and_check (self, dir, "out.json", SUBPROC_EXPORT_JSON);
  g_assert_false (g_file_test (csv_backup, G_FILE_TEST_EXISTS));

  g_remove (csv);
  g_remove (json);
  g_remove (json_backup);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_to_file_fails (void)
{
  g_autoptr(SubprocRegister) self = sample_register ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("subproc-export-XXXXXX", &error);
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *below = g_build_filename (plain, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (below);

  g_assert_no_error (error);
  g_file_set_contents (plain, "x", -1, &error);
  g_assert_no_error (error);
  g_assert_false (subproc_export_to_file (self, SUBPROC_EXPORT_CSV, file, &error));
  g_assert_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.csv"));

  g_remove (plain);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The importer reads our CSV back: every field but the id (which a new
 * processor makes) and the notes (which say what was not read). */
static void
test_csv_read_back (void)
{
  g_autoptr(SubprocRegister) self = sample_register ();
  SubprocProcessor *first = subproc_register_get_processor (self, 0);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;

  /* format 2's fields too */
  subproc_processor_set_list (first, SUBPROC_FIELD_TRANSFER_MECHANISM, (const char * const[]) { "dpf", "scc", NULL });
  subproc_processor_set_text (first, SUBPROC_FIELD_DPF_VERIFIED, "2026-05-04");
  subproc_processor_set_enum (first, SUBPROC_FIELD_SCC_MODULE, SUBPROC_SCC_MODULE_3);
  subproc_processor_set_text (first, SUBPROC_FIELD_TIA, "TIA 2026-07");
  subproc_processor_set_text (first, SUBPROC_FIELD_TRANSFER_BASIS, "EU-US DPF; EU SCCs");
  subproc_processor_set_text (first, SUBPROC_FIELD_DPA_SIGNED, "2024-01-02");

  csv = subproc_export_csv (self, &length);
  back = subproc_import_text (csv, length, "register.csv", &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, g_list_model_get_n_items (G_LIST_MODEL (self)));
  for (guint i = 0; i < back->len; i++)
    {
      SubprocProcessor *expected = subproc_register_get_processor (self, i);
      SubprocProcessor *got = g_ptr_array_index (back, i);
      g_autoptr(SubprocProcessor) same = subproc_processor_copy (got);

      subproc_processor_set_text (same, SUBPROC_FIELD_ID, subproc_processor_get_id (expected));
      subproc_processor_set_text (same, SUBPROC_FIELD_NOTES, subproc_processor_get_text (expected, SUBPROC_FIELD_NOTES));
      g_assert_true (subproc_processor_equal (same, expected));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/header", test_csv_header);
  g_test_add_func ("/export/csv/cells", test_csv_cells);
  g_test_add_func ("/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/export/csv/formulas", test_csv_formulas);
  g_test_add_func ("/export/csv/swedish", test_csv_swedish);
  g_test_add_func ("/export/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/export/csv/read-back", test_csv_read_back);
  g_test_add_func ("/export/format-for-name", test_format_for_name);
  g_test_add_func ("/export/to-file", test_to_file);
  g_test_add_func ("/export/to-file-fails", test_to_file_fails);

  return g_test_run ();
}

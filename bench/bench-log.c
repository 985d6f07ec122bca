/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The change log grows with the register's life, not its size: a register
 * of 200 processors with 10,000 recorded changes, opened and saved, against
 * the same register without its log. Also times reading the log (the
 * window does it in a worker thread after opening; the command line before
 * it prints) and rebuilding the register as of a day. Prints figures;
 * asserts nothing. Usage: bench-log [PROCESSORS [CHANGES [RUNS]]] */
#include <locale.h>
#include <glib/gstdio.h>

#include "subproc-history-private.h"
#include "subproc-log.h"
#include "subproc-storage.h"

static const char *countries[][3] = {
  { "SE", NULL }, { "IE", "NL", NULL }, { "US", NULL }, { "DK", "DE", NULL }, { "FI", NULL },
};
static const char *functions[] = { "Hosting", "E-mail", "Analytics", "Customer support", "Payments", "Backup" };

static double
now (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static SubprocProcessor *
make_processor (guint i)
{
  g_autofree char *name = g_strdup_printf ("Vendor %u AB", i);
  g_autofree char *entity = g_strdup_printf ("Vendor %u Europe Ltd", i);
  g_autofree char *description = g_strdup_printf ("Vendor %u hosts our backups and the customer data stored in the "
                                                  "service; data is kept in the EU with a copy in the Netherlands. "
                                                  "The vendor has no access to the content.", i);
  SubprocProcessor *processor = subproc_processor_new (name);

  subproc_processor_set_text (processor, SUBPROC_FIELD_LEGAL_ENTITY, entity);
  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries[i % G_N_ELEMENTS (countries)]);
  subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, functions[i % G_N_ELEMENTS (functions)]);
  subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION, description);
  subproc_processor_set_text (processor, SUBPROC_FIELD_WEBSITE, "https://vendor.example");
  subproc_processor_set_text (processor, SUBPROC_FIELD_UPDATED, "2025-06-01");
  return processor;
}

/* The register after CHANGES edits over two years, one every couple of hours. */
static SubprocRegister *
make_register (guint n_processors,
               guint n_changes)
{
  SubprocRegister *reg = subproc_register_new ();
  g_autoptr(SubprocHistory) history = subproc_history_new (reg);
  g_autoptr(GPtrArray) processors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 1, 1, 8, 0, 0);

  for (guint i = 0; i < n_processors; i++)
    g_ptr_array_add (processors, make_processor (i));
  subproc_history_set_author (history, "Karin Ek");
  _subproc_history_set_time (history, start);
  subproc_history_insert (history, 0, (SubprocProcessor **) processors->pdata, processors->len, "Import");

  for (guint c = n_processors; c < n_changes; c++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (reg, c % n_processors);
      g_autoptr(SubprocProcessor) values = subproc_processor_copy (processor);
      g_autoptr(GDateTime) when = g_date_time_add_minutes (start, c * 7);
      g_autofree char *notes = g_strdup_printf ("Checked on review round %u", c);

      _subproc_history_set_time (history, when);
      if (c % 3 == 0)
        subproc_processor_set_list (values, SUBPROC_FIELD_COUNTRIES, countries[c % G_N_ELEMENTS (countries)]);
      else if (c % 3 == 1)
        subproc_processor_set_text (values, SUBPROC_FIELD_NOTES, notes);
      else
        subproc_processor_set_text (values, SUBPROC_FIELD_FUNCTION, functions[c % G_N_ELEMENTS (functions)]);
      if (!subproc_history_edit (history, processor, values))
        subproc_history_review (history);
    }
  return reg;
}

/* The same register, its log left out. */
static SubprocRegister *
without_log (SubprocRegister *reg)
{
  SubprocRegister *copy = subproc_register_new ();

  subproc_register_set_title (copy, subproc_register_get_title (reg));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
    {
      g_autoptr(SubprocProcessor) processor = subproc_processor_copy (subproc_register_get_processor (reg, i));

      subproc_register_append (copy, processor);
    }
  return copy;
}

typedef struct
{
  GFile  *file;
  GArray *opens;
  GArray *saves;
  gsize   size;
} Timing;

static void
timing_init (Timing          *timing,
             SubprocRegister *reg,
             GFile           *file)
{
  g_autofree char *data = subproc_storage_to_data (reg, NULL);

  timing->file = file;
  timing->opens = g_array_new (FALSE, FALSE, sizeof (double));
  timing->saves = g_array_new (FALSE, FALSE, sizeof (double));
  timing->size = strlen (data);
  subproc_storage_save (reg, file, NULL, NULL, NULL);
}

/* One open (read and parse, as the window's worker thread does) and one
 * save (the text made and written atomically, with fsync). */
static void
time_once (Timing *timing)
{
  g_autoptr(SubprocRegister) loaded = NULL;
  double t0 = now (), t;

  loaded = subproc_storage_load (timing->file, NULL, NULL, NULL);
  t = now () - t0;
  g_array_append_val (timing->opens, t);
  g_assert (loaded != NULL);

  t0 = now ();
  subproc_storage_save (loaded, timing->file, NULL, NULL, NULL);
  t = now () - t0;
  g_array_append_val (timing->saves, t);
}

int
main (int   argc,
      char *argv[])
{
  guint n_processors = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  guint n_changes = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 10000;
  guint runs = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 21;
  g_autofree char *dir = g_dir_make_tmp ("subproc-bench-log-XXXXXX", NULL);
  g_autoptr(GFile) with_file = g_file_new_build_filename (dir, "with-log.json", NULL);
  g_autoptr(GFile) without_file = g_file_new_build_filename (dir, "without-log.json", NULL);
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(SubprocRegister) plain = NULL;
  g_autoptr(GArray) reads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rebuilds = g_array_new (FALSE, FALSE, sizeof (double));
  Timing with, without;
  double with_open, with_save, without_open, without_save;

  setlocale (LC_ALL, "");
  reg = make_register (n_processors, n_changes);
  plain = without_log (reg);
  g_print ("%u processors, %u changes, median of %u runs\n", n_processors,
           subproc_log_get_n_changes (subproc_register_get_log (reg)), runs);

  /* the two in turn, each first every other time, so that the machine's
   * drift (and the disk's flushing after a write) falls on both */
  timing_init (&without, plain, without_file);
  timing_init (&with, reg, with_file);
  for (guint r = 0; r < runs; r++)
    {
      time_once (r % 2 == 0 ? &without : &with);
      time_once (r % 2 == 0 ? &with : &without);
    }
  without_open = median (without.opens);
  without_save = median (without.saves);
  with_open = median (with.opens);
  with_save = median (with.saves);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(SubprocRegister) loaded = subproc_storage_load (with_file, NULL, NULL, NULL);
      g_autoptr(SubprocRegister) then = NULL;
      g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 6, 30, 23, 59, 59);
      double t0 = now (), t;

      subproc_log_read (subproc_register_get_log (loaded), NULL);
      t = now () - t0;
      g_array_append_val (reads, t);
      t0 = now ();
      then = subproc_log_register_as_of (loaded, day, NULL);
      t = now () - t0;
      g_array_append_val (rebuilds, t);
    }

  g_print ("without the log  %7.2f MB  open %7.2f ms  save %7.2f ms  open+save %7.2f ms\n",
           without.size / 1e6, without_open, without_save, without_open + without_save);
  g_print ("with the log     %7.2f MB  open %7.2f ms  save %7.2f ms  open+save %7.2f ms\n",
           with.size / 1e6, with_open, with_save, with_open + with_save);
  g_print ("ratio            open %.2f  save %.2f  open+save %.2f\n",
           with_open / without_open, with_save / without_save,
           (with_open + with_save) / (without_open + without_save));
  g_print ("reading the log (and checking its chain): %.1f ms; the register as of a day: %.1f ms\n",
           median (reads), median (rebuilds));

  if (g_getenv ("SUBPROC_BENCH_KEEP") != NULL) { g_print ("kept %s\n", dir); return 0; }
  g_array_unref (with.opens);
  g_array_unref (with.saves);
  g_array_unref (without.opens);
  g_array_unref (without.saves);
  g_unlink (g_file_peek_path (with_file));
  g_unlink (g_file_peek_path (without_file));
  {
    g_autofree char *a = g_strconcat (g_file_peek_path (with_file), "~", NULL);
    g_autofree char *b = g_strconcat (g_file_peek_path (without_file), "~", NULL);

    g_unlink (a);
    g_unlink (b);
  }
  g_rmdir (dir);
  return 0;
}

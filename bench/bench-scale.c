/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scale: a register of many processors, loaded against json-glib's parse of
 * the same file, and searched a keystroke at a time. Prints figures; asserts
 * nothing. Run by bench/bench-scale.sh, which pairs the runs.
 *   bench-scale generate N FILE   writes a register of N processors
 *   bench-scale json FILE         json-glib alone: parse the file and free it
 *   bench-scale load FILE         Subproc's loader: the register, then freed
 *   bench-scale search FILE       load, then time keystrokes of a search
 * json and load print "SECONDS PEAK-MB" of the whole process so far. */
#include <locale.h>
#include <sys/resource.h>

#include "subproc-search.h"
#include "subproc-storage.h"

static const char * const places[] = { "Holland/ Irland", "USA", "Danmark", "Tyskland", "Sverige" };
static const char * const codes[][3] = { { "NL", "IE", NULL }, { "US", NULL }, { "DK", NULL },
                                         { "DE", NULL }, { "SE", NULL } };

static void
generate (guint       n,
          const char *path)
{
  g_autoptr(SubprocRegister) self = subproc_register_new ();
  g_autoptr(GPtrArray) processors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Leverantör %u AB", i);
      g_autofree char *function = g_strdup_printf ("Hosting %u", i % 17);
      SubprocProcessor *processor = subproc_processor_new (name);

      subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, function);
      subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION,
                                  "Vi använder leverantören till säkerhetskopiering av vår programvara och "
                                  "kundens lagrade data på årshjul. Data sparas i EU, och en kopia tas i "
                                  "Nederländerna.");
      subproc_processor_set_text (processor, SUBPROC_FIELD_LOCATION, places[i % G_N_ELEMENTS (places)]);
      subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, codes[i % G_N_ELEMENTS (codes)]);
      subproc_processor_set_text (processor, SUBPROC_FIELD_TRANSFER_BASIS,
                                  i % 3 == 0 ? "Standard Contractual Clauses" : NULL);
      subproc_processor_set_text (processor, SUBPROC_FIELD_UPDATED, "2020-08-03");
      g_ptr_array_add (processors, processor);
    }
  subproc_register_splice (self, 0, 0, (SubprocProcessor **) processors->pdata, processors->len);
  if (!subproc_storage_save (self, file, NULL, NULL, &error))
    g_error ("%s", error->message);
}

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static SubprocRegister *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SubprocRegister *self = subproc_storage_load (file, NULL, NULL, &error);

  if (self == NULL)
    g_error ("%s", error->message);
  return self;
}

static double
search_ms (SubprocRegister *self,
           const char      *query,
           guint           *hits)
{
  g_autofree char *folded = subproc_search_fold (query);
  g_auto(GStrv) words = subproc_search_split (folded);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self));
  const char *language = g_intern_static_string ("sv");
  gint64 start = g_get_monotonic_time ();

  *hits = 0;
  for (guint i = 0; i < n; i++)
    *hits += subproc_search_matches_words (subproc_register_get_processor (self, i),
                                           (const char * const *) words, language);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
search (const char *path)
{
  g_autoptr(SubprocRegister) self = load (path);
  /* as a user types “nederländerna”, then another word */
  const char * const typed[] = { "n", "ne", "ned", "nede", "neder", "nederl", "nederlä",
                                 "nederländerna", "nederländerna hosting", "nederländerna hosting 1" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint hits;
  double first;

  first = search_ms (self, "leverantör", &hits);
  g_print ("first keystroke (folds every processor once): %.1f ms\n", first);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      double ms = search_ms (self, typed[i], &hits);

      g_array_append_val (times, ms);
      g_print ("  %-26s %6.1f ms  %u hits\n", typed[i], ms, hits);
    }
  g_array_sort (times, compare_doubles);
  g_print ("median keystroke over %u processors: %.1f ms (a frame is 16 ms)\n",
           g_list_model_get_n_items (G_LIST_MODEL (self)), g_array_index (times, double, times->len / 2));
}

int
main (int   argc,
      char *argv[])
{
  gint64 start = g_get_monotonic_time ();

  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 4 && g_str_equal (argv[1], "generate"))
    generate ((guint) g_ascii_strtoull (argv[2], NULL, 10), argv[3]);
  else if (argc == 3 && g_str_equal (argv[1], "json"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_file (parser, argv[2], &error))
        g_error ("%s", error->message);
      g_clear_object (&parser);
      g_print ("%.3f %.1f\n", (g_get_monotonic_time () - start) / 1e6, peak_mb ());
    }
  else if (argc == 3 && g_str_equal (argv[1], "load"))
    {
      g_autoptr(SubprocRegister) self = load (argv[2]);

      g_clear_object (&self);
      g_print ("%.3f %.1f\n", (g_get_monotonic_time () - start) / 1e6, peak_mb ());
    }
  else if (argc == 3 && g_str_equal (argv[1], "search"))
    search (argv[2]);
  else
    {
      g_printerr ("usage: bench-scale generate N FILE | json FILE | load FILE | search FILE\n");
      return 2;
    }
  return 0;
}

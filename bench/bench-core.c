/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the core on generated registers: import of a pasted list, load and
 * save of the register file, CSV export and a search over every processor.
 * Prints figures; asserts nothing. Usage: bench-core [N...] */
#include <locale.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "subproc-export.h"
#include "subproc-import.h"
#include "subproc-search.h"
#include "subproc-storage.h"

static const char *countries[] = { "Irland", "Holland/ Irland", "USA", "Danmark", "Tyskland", "Sverige" };
static const char *dates[] = { "31.dec 2019", "3. Aug 2020", "7. oct. 2020", "11. juni 2022", "2021-05-04" };

static char *
generate_list (guint n)
{
  GString *out = g_string_new ("Databehandlare\tLand\tJuridisk grundlag för behandling utanför EU\t"
                               "Funktion\tFunktionsbeskrivning\tUppdaterat\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out,
                            "Leverantör %u AB\t%s\t%s\tHosting %u\t<p>Vi använder leverantör %u till "
                            "säkerhetskopiering av vår programvara och kundens lagrade data på årshjul. "
                            "Data sparas i EU, och en kopia tas i Nederländerna.</p> <p>Leverantören har "
                            "ingen tillgång till den data som är sparad i en Plandisc &amp; inte heller "
                            "kontaktuppgifter.</p>\t%s\n",
                            i, countries[i % G_N_ELEMENTS (countries)],
                            i % 3 == 0 ? "Standard Contractual Clauses" : "",
                            i % 17, i, dates[i % G_N_ELEMENTS (dates)]);
  return g_string_free (out, FALSE);
}

static double
now (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
bench (guint n)
{
  g_autofree char *list = generate_list (n);
  g_autofree char *dir = g_dir_make_tmp ("subproc-bench-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "register.json", NULL);
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocRegister) loaded = NULL;
  g_autoptr(GPtrArray) processors = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *query = subproc_search_fold ("nederländerna");
  g_autofree char *backup = NULL;
  guint matches = 0;
  double t0, t_import, t_save, t_load, t_csv, t_search;

  t0 = now ();
  processors = subproc_import_text (list, -1, "bench.tsv", NULL, NULL);
  subproc_register_splice (reg, 0, 0, (SubprocProcessor **) processors->pdata, processors->len);
  t_import = now () - t0;

  t0 = now ();
  subproc_storage_save (reg, file, NULL, NULL, NULL);
  t_save = now () - t0;

  t0 = now ();
  loaded = subproc_storage_load (file, NULL, NULL, NULL);
  t_load = now () - t0;

  t0 = now ();
  csv = subproc_export_csv (loaded, NULL);
  t_csv = now () - t0;

  t0 = now ();
  for (guint i = 0; i < n; i++)
    matches += subproc_search_matches (subproc_register_get_processor (loaded, i), query, "sv");
  t_search = now () - t0;

  g_print ("%7u processors  list %6.1f MB  import %8.1f ms  save %7.1f ms  load %7.1f ms  "
           "csv %6.1f ms  search %6.1f ms (%u hits)\n",
           n, strlen (list) / 1e6, t_import, t_save, t_load, t_csv, t_search, matches);

  backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_remove (backup);
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 2)
    {
      bench (1000);
      bench (10000);
    }
  for (int i = 1; i < argc; i++)
    bench ((guint) g_ascii_strtoull (argv[i], NULL, 10));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak resident memory: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}

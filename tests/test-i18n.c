/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-window-private.h"
#include "test-util.h"

/* What the UI must say in each language; the language comes from
 * SUBPROC_TEST_LANGUAGE, one test process per language, since gettext
 * reads LANGUAGE once. */
typedef struct
{
  const char *language;
  const char *name_column;
  const char *basis_column;
  const char *count;
  const char *azure_countries;
  const char *google_updated;
  const char *long_date;
  const char *mechanism;
} Expected;

static const Expected expectations[] = {
  { "sv", "Databehandlare", "Juridisk grundlag för behandling utanför EU/EES",
    "13 av 13 databehandlare", "Nederländerna, Irland", "3 aug. 2020", "31 december 2019",
    "Standardavtalsklausuler (SCC)" },
  { "da", "Databehandler", "Juridisk grundlag for behandling uden for EU/EØS",
    "13 af 13 databehandlere", "Holland, Irland", "3. aug. 2020", "31. december 2019",
    "Standardkontraktbestemmelser (SCC)" },
};

static const Expected *expected;

static char *
column_title (GtkColumnView *view,
              guint          position)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), position);

  return g_strdup (gtk_column_view_column_get_title (column));
}

static void
test_core_strings (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (31, G_DATE_DECEMBER, 2019);
  g_autofree char *long_date = subproc_date_format_long (date);

  g_assert_cmpstr (subproc_country_ui_language (), ==, expected->language);
  g_assert_cmpstr (long_date, ==, expected->long_date);
  g_assert_cmpstr (subproc_transfer_mechanism_to_label (SUBPROC_TRANSFER_SCC), ==, expected->mechanism);
}

static void
test_window (void)
{
  SubprocWindow *window = subproc_window_new (NULL);
  GtkColumnView *view = subproc_window_get_column_view (window);
  /* after the findings */
  g_autofree char *name_title = column_title (view, 1);
  g_autofree char *basis_title = column_title (view, 3);
  g_autofree char *azure = NULL;
  g_autofree char *updated = NULL;

  gtk_window_present (GTK_WINDOW (window));
  subproc_window_open_example (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpstr (name_title, ==, expected->name_column);
  g_assert_cmpstr (basis_title, ==, expected->basis_column);
  g_assert_cmpstr (subproc_window_get_count_text (window), ==, expected->count);
  azure = subproc_window_cell_text (window, 1, 2);
  updated = subproc_window_cell_text (window, 5, 5);
  g_assert_cmpstr (azure, ==, expected->azure_countries);
  g_assert_cmpstr (updated, ==, expected->google_updated);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("SUBPROC_TEST_LANGUAGE");
  g_autofree char *data_home = g_dir_make_tmp ("subproc-i18n-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_assert_nonnull (language);
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].language, language))
      expected = &expectations[i];
  g_assert_nonnull (expected);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init sets the C locale, in which glibc ignores LANGUAGE */
  g_setenv ("LANGUAGE", language, TRUE);
  subproc_test_bind_catalog ();
  adw_init ();

  g_test_add_func ("/i18n/core", test_core_strings);
  g_test_add_func ("/i18n/window", test_window);

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}

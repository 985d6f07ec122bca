/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "subproc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SubprocApplication) app = NULL;
  const char *localedir = g_getenv ("SUBPROC_LOCALEDIR");

  /* SUBPROC_LOCALEDIR lets `meson devenv` and the tests use the build tree's catalogs */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = subproc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

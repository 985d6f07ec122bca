/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays inputs through a fuzz target's entry point, in the normal and the
 * sanitizer builds: the seed corpus and every input that once crashed a
 * fuzzer (tests/data/fuzz/TARGET/). Usage: replay FILE-OR-FOLDER... */
#include <stdio.h>

#include "fuzz-common.h"

static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          n += replay (child);
        }
      return n;
    }

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);
  printf ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}

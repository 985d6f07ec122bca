/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the list importer (TSV, CSV, HTML in cells), on any bytes. */
#include "fuzz-common.h"
#include "subproc-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) processors = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  processors = subproc_import_text ((const char *) data, size, "fuzz.txt", &warnings, &error);
  g_assert ((processors == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (strstr (error->message, "fuzz.txt") != NULL);
  for (guint i = 0; processors != NULL && i < processors->len; i++)
    g_assert (subproc_processor_get_name (g_ptr_array_index (processors, i)) != NULL);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the register loader, on any bytes. */
#include "fuzz-common.h"
#include "subproc-storage.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SubprocRegister) self = NULL;
  g_autoptr(GError) error = NULL;
  gboolean newer = FALSE;

  fuzz_init ();
  self = subproc_storage_load_data ((const char *) data, size, "fuzz.json", &newer, &error);
  /* either a register or a message naming the file, never both */
  g_assert ((self == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (strstr (error->message, "fuzz.json") != NULL);
  else
    g_free (subproc_storage_to_data (self, NULL));
  return 0;
}

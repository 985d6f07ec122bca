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
  gint64 version = 0;

  fuzz_init ();
  self = subproc_storage_load_data ((const char *) data, size, "fuzz.json", &version, &error);
  /* either a register or a message naming the file, never both */
  g_assert ((self == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (strstr (error->message, "fuzz.json") != NULL);
  else
    {
      /* what is written reads back as the same register, at this version */
      gsize length = 0;
      g_autofree char *text = subproc_storage_to_data (self, &length);
      g_autoptr(SubprocRegister) again = subproc_storage_load_data (text, length, "again.json", &version, NULL);

      g_assert (again != NULL);
      g_assert (version == SUBPROC_REGISTER_VERSION);
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (again)) == g_list_model_get_n_items (G_LIST_MODEL (self)));
    }
  return 0;
}

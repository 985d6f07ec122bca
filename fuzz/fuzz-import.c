/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the one way in (subproc-input: a sniff, then the list
 * importer — TSV, CSV, HTML in cells — or the register loader), on any
 * bytes, and the transfer checks on whatever it read. */
#include "fuzz-common.h"
#include "subproc-check.h"
#include "subproc-input.h"
#include "subproc-storage.h"

static void
check_all (GPtrArray       *processors,
           SubprocRegister *reg)
{
  const SubprocCheckOptions options = { "2026-12-02", 12, NULL };

  for (guint i = 0; i < processors->len; i++)
    {
      SubprocProcessor *processor = g_ptr_array_index (processors, i);
      g_autoptr(GPtrArray) findings = NULL;

      g_assert (subproc_processor_get_name (processor) != NULL);
      findings = subproc_check_processor (processor, reg, &options);
      for (guint f = 0; f < findings->len; f++)
        {
          SubprocFinding *finding = g_ptr_array_index (findings, f);

          g_assert (finding->message != NULL && finding->reference != NULL);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  input = subproc_input_read_data ((const char *) data, size, "fuzz.txt", &error);
  /* what the file held, or a message naming the file, never both */
  g_assert ((input == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert (strstr (error->message, "fuzz.txt") != NULL);
      return 0;
    }

  g_assert (input->warnings != NULL);
  if (subproc_input_is_register (input))
    {
      g_autoptr(GPtrArray) processors = g_ptr_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (input->reg)); i++)
        g_ptr_array_add (processors, subproc_register_get_processor (input->reg, i));
      check_all (processors, input->reg);
    }
  else
    check_all (input->processors, NULL);
  return 0;
}

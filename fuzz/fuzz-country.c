/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: places as lists write them (“Holland/ Irland”). */
#include "fuzz-common.h"
#include "subproc-country.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) unknown = NULL;

  fuzz_init ();
  if (text == NULL)
    return 0;
  codes = subproc_country_parse_list (text, &unknown);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_assert (subproc_country_is_known (codes[i]));
  return 0;
}

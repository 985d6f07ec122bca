/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: lenient dates (“31.dec 2019”, “7. oct. 2020”). */
#include "fuzz-common.h"
#include "subproc-date.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(GDate) date = NULL;

  fuzz_init ();
  if (text == NULL)
    return 0;
  date = subproc_date_parse (text);
  if (date != NULL)
    {
      g_autofree char *iso = subproc_date_to_iso (date);
      g_autoptr(GDate) again = subproc_date_parse_iso (iso);

      /* what it reads, it writes as a valid date it reads back */
      g_assert (g_date_valid (date));
      g_assert (again != NULL && g_date_compare (date, again) == 0);
    }
  return 0;
}

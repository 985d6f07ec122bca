/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: HTML in the cells of a list, to text. */
#include "fuzz-common.h"
#include "subproc-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autofree char *plain = NULL;

  fuzz_init ();
  if (text == NULL)
    return 0;
  plain = subproc_import_html_to_text (text);
  g_assert (plain != NULL && g_utf8_validate (plain, -1, NULL));
  return 0;
}

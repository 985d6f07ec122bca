/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <locale.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Once per process: the locale the app runs in. */
static inline void
fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_once_init_leave (&done, 1);
    }
}

/* The input as the UTF-8 text the function takes, or NULL: callers read
 * files as bytes and check them for UTF-8 and NUL before they call it. */
static inline char *
fuzz_text (const uint8_t *data,
           size_t         size)
{
  if (size > 64 * 1024 || memchr (data, '\0', size) != NULL || !g_utf8_validate ((const char *) data, size, NULL))
    return NULL;
  return g_strndup ((const char *) data, size);
}

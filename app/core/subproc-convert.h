/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "subproc-register.h"

G_BEGIN_DECLS

/* Exit statuses of a conversion on the command line. */
typedef enum
{
  SUBPROC_CONVERT_OK = 0,
  SUBPROC_CONVERT_FAILED = 1,
  SUBPROC_CONVERT_USAGE = 2,
} SubprocConvertStatus;

SubprocRegister      *subproc_read_input  (GFile       *file,
                                           gboolean    *is_register,
                                           gboolean    *newer_version,
                                           char       **etag,
                                           GPtrArray  **warnings,
                                           GError     **error);
SubprocConvertStatus  subproc_convert     (const char  *output,
                                           const char  *input,
                                           GFile       *default_input,
                                           FILE        *messages);

G_END_DECLS

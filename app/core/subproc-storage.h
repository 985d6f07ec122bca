/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-register.h"

G_BEGIN_DECLS

#define SUBPROC_REGISTER_FORMAT "org.example.Subproc.register"
#define SUBPROC_REGISTER_VERSION 1

#define SUBPROC_STORAGE_ERROR (subproc_storage_error_quark ())

typedef enum
{
  SUBPROC_STORAGE_ERROR_READ,          /* the file could not be read */
  SUBPROC_STORAGE_ERROR_SYNTAX,        /* not JSON, truncated, empty, not UTF-8 */
  SUBPROC_STORAGE_ERROR_NOT_REGISTER,  /* JSON, but not a Subproc register */
  SUBPROC_STORAGE_ERROR_INVALID,       /* a register with a value that is wrong */
  SUBPROC_STORAGE_ERROR_WRITE,         /* the file could not be written */
  SUBPROC_STORAGE_ERROR_CONFLICT,      /* the file changed on disk since it was read */
} SubprocStorageError;

GQuark           subproc_storage_error_quark (void);

gboolean         subproc_read_file            (GFile            *file,
                                              char            **data,
                                              gsize            *length,
                                              char            **etag,
                                              GQuark            domain,
                                              int               code,
                                              GError          **error);

SubprocRegister *subproc_storage_load        (GFile            *file,
                                              gboolean         *newer_version,
                                              char            **etag,
                                              GError          **error);
SubprocRegister *subproc_storage_load_data   (const char       *data,
                                              gsize             length,
                                              const char       *display_name,
                                              gboolean         *newer_version,
                                              GError          **error);
char            *subproc_storage_to_data     (SubprocRegister  *self,
                                              gsize            *length);
gboolean         subproc_storage_save        (SubprocRegister  *self,
                                              GFile            *file,
                                              const char       *expected_etag,
                                              char            **new_etag,
                                              GError          **error);
gboolean         subproc_storage_looks_like_json     (const char *data,
                                                      gsize       length);

G_END_DECLS

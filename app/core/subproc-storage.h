/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-file.h"
#include "subproc-register.h"

G_BEGIN_DECLS

#define SUBPROC_REGISTER_FORMAT "org.example.Subproc.register"
#define SUBPROC_REGISTER_VERSION 2  /* see docs/FORMAT.md, “Versions” */

/* Limits of what a register may hold; see docs/FORMAT.md */
#define SUBPROC_REGISTER_MAX_DEPTH 64                /* objects and lists inside each other */
#define SUBPROC_REGISTER_MAX_TEXT  (1024 * 1024)     /* bytes in one text */
#define SUBPROC_REGISTER_MAX_NOTICE_DAYS 365            /* the notice period before a new sub-processor */

SubprocRegister *subproc_storage_load        (GFile            *file,
                                              gint64           *version,
                                              char            **etag,
                                              GError          **error);
SubprocRegister *subproc_storage_load_data   (const char       *data,
                                              gsize             length,
                                              const char       *display_name,
                                              gint64           *version,
                                              GError          **error);
char            *subproc_storage_to_data     (SubprocRegister  *self,
                                              gsize            *length);
gboolean         subproc_storage_save        (SubprocRegister  *self,
                                              GFile            *file,
                                              const char       *expected_etag,
                                              char            **new_etag,
                                              GError          **error);
void             subproc_storage_save_async  (SubprocRegister     *self,
                                              GFile               *file,
                                              const char          *expected_etag,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean         subproc_storage_save_finish (SubprocRegister  *self,
                                              GAsyncResult     *result,
                                              char            **new_etag,
                                              GError          **error);
gboolean         subproc_storage_looks_like_json     (const char *data,
                                                      gsize       length);

G_END_DECLS

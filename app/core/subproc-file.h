/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file Subproc reads: a register of 100,000 processors is
 * about 60 MB. Larger files are refused with a message, not read. */
#define SUBPROC_FILE_MAX_SIZE (256 * 1024 * 1024)

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

typedef enum
{
  SUBPROC_FILE_NONE    = 0,
  SUBPROC_FILE_PRIVATE = 1 << 0,  /* readable by the user alone: it holds personal data */
  SUBPROC_FILE_BACKUP  = 1 << 1,  /* keep what the file held as “NAME~” */
} SubprocFileFlags;

typedef struct _SubprocFileWriter SubprocFileWriter;

GQuark             subproc_storage_error_quark (void);

gboolean           subproc_read_file          (GFile              *file,
                                               char              **data,
                                               gsize              *length,
                                               char              **etag,
                                               GQuark              domain,
                                               int                 code,
                                               GError            **error);

SubprocFileWriter *subproc_file_writer_new    (GFile              *file,
                                               SubprocFileFlags    flags,
                                               GError            **error);
gboolean           subproc_file_writer_write  (SubprocFileWriter  *self,
                                               const void         *data,
                                               gsize               length);
void               subproc_file_writer_set_failed (SubprocFileWriter *self,
                                                   int                saved_errno);
gboolean           subproc_file_writer_commit (SubprocFileWriter  *self,
                                               const char         *expected_etag,
                                               char              **new_etag,
                                               GError            **error);
void               subproc_file_writer_free   (SubprocFileWriter  *self);

gboolean           subproc_write_file         (GFile              *file,
                                               const char         *data,
                                               gsize               length,
                                               SubprocFileFlags    flags,
                                               const char         *expected_etag,
                                               char              **new_etag,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocFileWriter, subproc_file_writer_free)

G_END_DECLS

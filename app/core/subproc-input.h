/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "subproc-register.h"

G_BEGIN_DECLS

/* What a file held: a register, or a list of processors to import. The
 * one way in for the window and the command line: a sniff, then the
 * storage loader or the importer. */
typedef struct
{
  char            *display_name;   /* the file's name, for messages */
  SubprocRegister *reg;            /* a register; NULL for a list */
  char            *etag;           /* of a register's file */
  gint64           version;        /* a register's format version */
  gboolean         newer_version;  /* a register written by a newer Subproc */
  gboolean         older_version;  /* a register of an earlier version, converted as read */
  GPtrArray       *processors;     /* (element-type SubprocProcessor) a list's; NULL for a register */
  GPtrArray       *warnings;       /* (element-type SubprocImportWarning) a list's, maybe empty */
  GBytes          *data;           /* a list's bytes, to read again with other columns (a preview) */
  char            *source;         /* a list file's name without its extension, which its
                                    * processors remember (see subproc-merge.h); NULL when pasted */
} SubprocInput;

void          subproc_input_free        (SubprocInput        *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocInput, subproc_input_free)

gboolean      subproc_input_is_register (const SubprocInput  *input);
SubprocInput *subproc_input_read        (GFile               *file,
                                         GCancellable        *cancellable,
                                         GError             **error);
SubprocInput *subproc_input_read_data   (const char          *data,
                                         gsize                length,
                                         const char          *display_name,
                                         GError             **error);
void          subproc_input_read_async  (GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
SubprocInput *subproc_input_read_finish (GAsyncResult        *result,
                                         GError             **error);
char         *subproc_input_describe_warnings (const SubprocInput *input);

G_END_DECLS

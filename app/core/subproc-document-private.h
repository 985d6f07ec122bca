/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-document.h"

G_BEGIN_DECLS

/* Shared by subproc-document.c (state, the change log being read),
 * subproc-document-read.c (opening, reloading, importing, merging) and
 * subproc-document-save.c (writing). */
struct _SubprocDocument
{
  GObject parent_instance;

  /* owned */
  SubprocRegister *reg;
  SubprocHistory  *history;
  GFile           *file;             /* NULL: untitled, saved only by Save As */
  char            *etag;             /* of the file as last read or written */
  GMainContext    *context;          /* where the worker threads report */
  GPtrArray       *waiting;          /* saves asked for during a write */
  GPtrArray       *writing_tasks;    /* saves the running write finishes */
  GFile           *writing_file;     /* the file the running write writes */
  GTask           *pending_reload;   /* waits for the running write */
  guint            n_saving_as;      /* Save As writes running */

  guint            autosave_delay;   /* ms; 0: never on its own */
  guint            autosave_id;
  guint64          generation;       /* counts the register's changes */
  guint64          written_generation; /* what the running write holds */
  gboolean         dirty;
  gboolean         read_only;
  gboolean         older_version;    /* the file is of an earlier format, until saved */
  gboolean         conflict;
  gboolean         writing;
  gboolean         autosave_again;   /* changes came during a write */
  gboolean         log_unreadable;   /* read-only since its change log cannot be read */
  char            *log_problem;      /* what is wrong with the change log, or NULL */
  char            *author;           /* who changes are recorded as made by; NULL: the system's name */
  GCancellable    *log_cancellable;  /* the change log being read in a worker thread */
  GDate           *as_of;            /* the register as it stood on this day: read-only */
  char            *as_of_source;     /* the file it was rebuilt from, as shown */
};

enum
{
  PROP_0,
  PROP_REGISTER,
  PROP_HISTORY,
  PROP_FILE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DIRTY,
  PROP_READ_ONLY,
  PROP_UNTITLED,
  PROP_CONFLICT,
  PROP_BUSY,
  PROP_AUTOSAVE_DELAY,
  PROP_LOG_PROBLEM,
  PROP_AUTHOR,
  N_PROPS
};

void _subproc_document_notify             (SubprocDocument *self,
                                           int              prop);
void _subproc_document_set_flag           (SubprocDocument *self,
                                           gboolean        *flag,
                                           gboolean         value,
                                           int              prop);
void _subproc_document_set_register       (SubprocDocument *self,
                                           SubprocRegister *reg);
void _subproc_document_set_file           (SubprocDocument *self,
                                           GFile           *file,
                                           const char      *etag,
                                           gboolean         read_only);
void _subproc_document_save_failed        (SubprocDocument *self,
                                           const GError    *error);
void _subproc_document_start_reload       (SubprocDocument *self,
                                           GTask           *task);
void _subproc_document_schedule_autosave  (SubprocDocument *self);

G_END_DECLS

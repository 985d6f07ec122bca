/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "subproc-history.h"
#include "subproc-input.h"
#include "subproc-merge.h"
#include "subproc-register.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_DOCUMENT (subproc_document_get_type ())

G_DECLARE_FINAL_TYPE (SubprocDocument, subproc_document, SUBPROC, DOCUMENT, GObject)

#define SUBPROC_DOCUMENT_ERROR (subproc_document_error_quark ())

typedef enum
{
  SUBPROC_DOCUMENT_ERROR_UNTITLED,   /* no file yet: only Save As can save it */
  SUBPROC_DOCUMENT_ERROR_READ_ONLY,  /* written by a newer Subproc */
  SUBPROC_DOCUMENT_ERROR_NOT_A_LIST, /* a register was given to import */
} SubprocDocumentError;

/* Changes are written this long after the last one, so that a burst of
 * edits is one write. */
#define SUBPROC_DOCUMENT_AUTOSAVE_DELAY_MS 1000

GQuark           subproc_document_error_quark       (void);

SubprocDocument *subproc_document_new               (SubprocRegister     *reg,
                                                     GFile               *file);
SubprocDocument *subproc_document_new_for_input     (SubprocInput        *input,
                                                     GFile               *file);
void             subproc_document_open_async        (GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
SubprocDocument *subproc_document_open_finish       (GAsyncResult        *result,
                                                     GError             **error);

SubprocRegister *subproc_document_get_register      (SubprocDocument     *self);
SubprocHistory  *subproc_document_get_history       (SubprocDocument     *self);
GFile           *subproc_document_get_file          (SubprocDocument     *self);
const char      *subproc_document_get_title         (SubprocDocument     *self);
char            *subproc_document_dup_subtitle      (SubprocDocument     *self);
gboolean         subproc_document_get_dirty         (SubprocDocument     *self);
gboolean         subproc_document_get_read_only     (SubprocDocument     *self);
gboolean         subproc_document_get_older_version (SubprocDocument     *self);
gboolean         subproc_document_get_untitled      (SubprocDocument     *self);
gboolean         subproc_document_get_conflict      (SubprocDocument     *self);
gboolean         subproc_document_get_busy          (SubprocDocument     *self);
guint            subproc_document_get_autosave_delay (SubprocDocument    *self);
void             subproc_document_set_autosave_delay (SubprocDocument    *self,
                                                      guint               delay_ms);
gboolean         subproc_document_can_save_in_place (SubprocDocument     *self);

void             subproc_document_save_async        (SubprocDocument     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         subproc_document_save_finish       (SubprocDocument     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
gboolean         subproc_document_save_now          (SubprocDocument     *self,
                                                     GError             **error);
gboolean         subproc_document_save_over         (SubprocDocument     *self,
                                                     GError             **error);
void             subproc_document_save_as_async     (SubprocDocument     *self,
                                                     GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         subproc_document_save_as_finish    (SubprocDocument     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void             subproc_document_reload_async      (SubprocDocument     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         subproc_document_reload_finish     (SubprocDocument     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
gboolean         subproc_document_import            (SubprocDocument     *self,
                                                     SubprocInput        *input,
                                                     GError             **error);
void             subproc_document_import_async      (SubprocDocument     *self,
                                                     GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
SubprocInput    *subproc_document_import_finish     (SubprocDocument     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void             subproc_document_discard_changes   (SubprocDocument     *self);

gboolean         subproc_document_merge             (SubprocDocument     *self,
                                                     GPtrArray           *items,
                                                     const char          *source,
                                                     gboolean             end_missing,
                                                     SubprocMergeCounts  *counts,
                                                     GError             **error);

SubprocDocument *subproc_document_new_as_of       (SubprocRegister *reg,
                                                   const char      *source_name,
                                                   const GDate     *day);
const GDate     *subproc_document_get_as_of       (SubprocDocument *self);
const char      *subproc_document_get_log_problem (SubprocDocument *self);
void             subproc_document_set_author      (SubprocDocument *self,
                                                   const char      *author);

G_END_DECLS

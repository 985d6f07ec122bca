/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "subproc-report.h"

G_BEGIN_DECLS

/* How a processor differs between the two ends of a period. */
typedef enum
{
  SUBPROC_DIFF_ADDED,    /* in the register at the end only */
  SUBPROC_DIFF_ENDED,    /* its status became “ended” */
  SUBPROC_DIFF_REMOVED,  /* in the register at the start only */
  SUBPROC_DIFF_CHANGED,  /* other fields changed */
} SubprocDiffKind;

typedef struct
{
  SubprocDiffKind   kind;
  SubprocProcessor *before;  /* as it was at the start; NULL when added */
  SubprocProcessor *after;   /* as it is at the end; NULL when removed */
  GArray           *fields;  /* of SubprocField: what differs (ended, changed) */
  GDateTime        *when;    /* the last change to it in the period, UTC; NULL when unknown */
} SubprocDiffItem;

typedef struct _SubprocChanges SubprocChanges;

SubprocChanges        *subproc_changes_new             (SubprocRegister  *reg,
                                                        GDateTime        *since,
                                                        GDateTime        *until,
                                                        GError          **error);
void                   subproc_changes_free            (SubprocChanges   *self);
guint                  subproc_changes_get_n_items     (SubprocChanges   *self);
const SubprocDiffItem *subproc_changes_get_item        (SubprocChanges   *self,
                                                        guint             position);
SubprocRegister       *subproc_changes_get_register_after (SubprocChanges *self);
char                  *subproc_changes_to_text         (SubprocChanges   *self,
                                                        const char       *language,
                                                        GDateTime        *printed);
char                  *subproc_changes_to_html         (SubprocChanges   *self,
                                                        const char       *language,
                                                        GDateTime        *printed);
gboolean               subproc_changes_write_pdf       (SubprocChanges   *self,
                                                        const char       *language,
                                                        SubprocPaper      paper,
                                                        GDateTime        *printed,
                                                        GFile            *file,
                                                        GError          **error);
char                  *subproc_changes_notice_text     (SubprocChanges   *self,
                                                        const char       *language,
                                                        const GDate      *today);
char                  *subproc_changes_notice_html     (SubprocChanges   *self,
                                                        const char       *language,
                                                        const GDate      *today);
GDateTime             *subproc_changes_end_of_day      (const char       *iso_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocChanges, subproc_changes_free)

G_END_DECLS

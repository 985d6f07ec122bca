/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-history.h"

G_BEGIN_DECLS

/* For tests, which make a register's past: the time changes are recorded at. */
void _subproc_history_set_time (SubprocHistory *self,
                                GDateTime      *time);

/* Shared by subproc-history.c (the undo stack, recording in the log, undo
 * and redo) and subproc-history-steps.c (the steps a user makes). */

typedef enum
{
  CHANGE_SPLICE,   /* processors removed and added at a position */
  CHANGE_EDIT,     /* a processor's values replaced */
  CHANGE_DETAILS,  /* title, organisation, DPO contact, notice period replaced */
  CHANGE_REVIEW,   /* nothing changed: the register was reviewed */
} ChangeKind;

enum { DETAIL_TITLE, DETAIL_ORGANISATION, DETAIL_DPO_CONTACT, N_DETAILS };

typedef struct
{
  ChangeKind        kind;
  guint             position;         /* splice */
  GPtrArray        *removed;          /* splice: of SubprocProcessor */
  GPtrArray        *added;            /* splice: of SubprocProcessor */
  char             *id;               /* edit */
  SubprocProcessor *before;           /* edit: detached copies */
  SubprocProcessor *after;
  char             *old_details[N_DETAILS];
  char             *new_details[N_DETAILS];
  guint             old_notice_days;
  guint             new_notice_days;
} Change;

typedef struct
{
  char      *label;
  GPtrArray *changes;  /* of Change, in the order they were made */
  GPtrArray *logged;   /* of SubprocChange: the log's entries it made */
} Step;

struct _SubprocHistory
{
  GObject parent_instance;

  /* owned */
  SubprocRegister *reg;
  GPtrArray       *undo;  /* of Step, oldest first */
  GPtrArray       *redo;  /* of Step, next to redo last */
  Step            *group; /* the step changes go into between begin and end */
  char            *author;
  char            *reason;
  GDateTime       *time;  /* the time changes are recorded at, for tests; NULL for now */
};

extern const char * const _subproc_history_detail_keys[N_DETAILS];

void  _subproc_history_change_free (Change         *change);
Step *_subproc_history_step_new    (const char     *label);
void  _subproc_history_push_step   (SubprocHistory *self,
                                    Step           *step);

G_END_DECLS

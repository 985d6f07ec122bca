/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-log.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_HISTORY (subproc_history_get_type ())

G_DECLARE_FINAL_TYPE (SubprocHistory, subproc_history, SUBPROC, HISTORY, GObject)

SubprocHistory  *subproc_history_new                (SubprocRegister   *reg);
SubprocRegister *subproc_history_get_register       (SubprocHistory    *self);
void             subproc_history_insert             (SubprocHistory    *self,
                                                     guint              position,
                                                     SubprocProcessor **processors,
                                                     guint              n_processors,
                                                     const char        *label);
void             subproc_history_remove             (SubprocHistory    *self,
                                                     const guint       *positions,
                                                     guint              n_positions);
gboolean         subproc_history_edit               (SubprocHistory    *self,
                                                     SubprocProcessor  *processor,
                                                     SubprocProcessor  *values);
gboolean         subproc_history_set_details        (SubprocHistory    *self,
                                                     const char        *title,
                                                     const char        *organisation,
                                                     const char        *dpo_contact);
gboolean         subproc_history_set_notice_days    (SubprocHistory    *self,
                                                     guint              days);
void             subproc_history_review             (SubprocHistory    *self);
gboolean         subproc_history_revert             (SubprocHistory    *self,
                                                     SubprocChange     *change,
                                                     GError           **error);
char            *subproc_history_get_default_author (void);
void             subproc_history_set_author         (SubprocHistory    *self,
                                                     const char        *author);
const char      *subproc_history_get_author         (SubprocHistory    *self);
void             subproc_history_set_reason         (SubprocHistory    *self,
                                                     const char        *reason);
gboolean         subproc_history_can_undo           (SubprocHistory    *self);
guint            subproc_history_get_n_steps        (SubprocHistory    *self);
gboolean         subproc_history_can_redo           (SubprocHistory    *self);
const char      *subproc_history_get_undo_label     (SubprocHistory    *self);
const char      *subproc_history_get_redo_label     (SubprocHistory    *self);
gboolean         subproc_history_undo               (SubprocHistory    *self);
gboolean         subproc_history_redo               (SubprocHistory    *self);
void             subproc_history_clear              (SubprocHistory    *self);
void             subproc_history_begin_group        (SubprocHistory    *self,
                                                     const char        *label);
void             subproc_history_end_group          (SubprocHistory    *self);


G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "subproc-processor.h"

G_BEGIN_DECLS

typedef struct _SubprocLog SubprocLog;

#define SUBPROC_REGISTER_DEFAULT_NOTICE_DAYS 30

#define SUBPROC_TYPE_REGISTER (subproc_register_get_type ())

G_DECLARE_FINAL_TYPE (SubprocRegister, subproc_register, SUBPROC, REGISTER, GObject)

SubprocRegister  *subproc_register_new            (void);
SubprocProcessor *subproc_register_get_processor  (SubprocRegister   *self,
                                                   guint              position);
SubprocProcessor *subproc_register_find_by_id     (SubprocRegister   *self,
                                                   const char        *id,
                                                   guint             *position);
void              subproc_register_append         (SubprocRegister   *self,
                                                   SubprocProcessor  *processor);
void              subproc_register_insert         (SubprocRegister   *self,
                                                   guint              position,
                                                   SubprocProcessor  *processor);
void              subproc_register_remove         (SubprocRegister   *self,
                                                   guint              position);
void              subproc_register_splice         (SubprocRegister   *self,
                                                   guint              position,
                                                   guint              n_removals,
                                                   SubprocProcessor **additions,
                                                   guint              n_additions);
const char       *subproc_register_get_title      (SubprocRegister   *self);
void              subproc_register_set_title      (SubprocRegister   *self,
                                                   const char        *title);
const char       *subproc_register_get_organisation (SubprocRegister *self);
void              subproc_register_set_organisation (SubprocRegister *self,
                                                     const char      *organisation);
const char       *subproc_register_get_dpo_contact (SubprocRegister  *self);
void              subproc_register_set_dpo_contact (SubprocRegister  *self,
                                                    const char       *dpo_contact);
guint             subproc_register_get_notice_days (SubprocRegister *self);
gboolean          subproc_register_has_notice_days (SubprocRegister *self);
void              subproc_register_set_notice_days (SubprocRegister *self,
                                                    guint            days);
SubprocLog       *subproc_register_get_log        (SubprocRegister   *self);
JsonObject       *subproc_register_get_extra      (SubprocRegister   *self);
void              subproc_register_set_extra      (SubprocRegister   *self,
                                                   JsonObject        *extra);

G_END_DECLS

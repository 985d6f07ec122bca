/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-register.h"

G_BEGIN_DECLS

/* What a change did; the words are the file's (docs/FORMAT.md, “The change log”). */
typedef enum
{
  SUBPROC_CHANGE_ADD,      /* a processor added: “new” is the processor */
  SUBPROC_CHANGE_EDIT,     /* one field of a processor: “old” → “new” */
  SUBPROC_CHANGE_DELETE,   /* a processor deleted: “old” is the processor */
  SUBPROC_CHANGE_DETAILS,  /* one of the register's details: “old” → “new” */
  SUBPROC_CHANGE_REVIEW,   /* the register reviewed and approved as it stands */
} SubprocChangeKind;

#define SUBPROC_LOG_HASH_LENGTH 64  /* SHA-256 in hexadecimal digits */
#define SUBPROC_FINGERPRINT_LENGTH 16

#define SUBPROC_TYPE_CHANGE (subproc_change_get_type ())

G_DECLARE_FINAL_TYPE (SubprocChange, subproc_change, SUBPROC, CHANGE, GObject)

SubprocChangeKind  subproc_change_get_kind           (SubprocChange *self);
GDateTime         *subproc_change_get_time           (SubprocChange *self);
const char        *subproc_change_get_author         (SubprocChange *self);
const char        *subproc_change_get_processor_id   (SubprocChange *self);
const char        *subproc_change_get_processor_name (SubprocChange *self);
const char        *subproc_change_get_field          (SubprocChange *self);
JsonNode          *subproc_change_get_old            (SubprocChange *self);
JsonNode          *subproc_change_get_new            (SubprocChange *self);
const char        *subproc_change_get_reason         (SubprocChange *self);
gint64             subproc_change_get_position       (SubprocChange *self);
const char        *subproc_change_get_hash           (SubprocChange *self);
char              *subproc_change_describe           (SubprocChange *self);
char              *subproc_change_value_to_text      (SubprocChange *self,
                                                      JsonNode      *value);

#define SUBPROC_TYPE_LOG (subproc_log_get_type ())

G_DECLARE_FINAL_TYPE (SubprocLog, subproc_log, SUBPROC, LOG, GObject)

SubprocLog      *subproc_log_new                 (void);
gboolean         subproc_log_read                (SubprocLog       *self,
                                                  GError          **error);
gboolean         subproc_log_is_read             (SubprocLog       *self);
guint            subproc_log_get_n_changes       (SubprocLog       *self);
SubprocChange   *subproc_log_get_change          (SubprocLog       *self,
                                                  guint             position);
int              subproc_log_get_first_broken    (SubprocLog       *self);
char            *subproc_log_describe_problem    (SubprocLog       *self);
SubprocChange   *subproc_log_get_last_review     (SubprocLog       *self,
                                                  GDateTime        *until);
guint            subproc_log_count_until         (SubprocLog       *self,
                                                  GDateTime        *until);

SubprocRegister *subproc_log_register_as_of      (SubprocRegister  *reg,
                                                  GDateTime        *until,
                                                  GError          **error);
char            *subproc_log_fingerprint         (SubprocRegister  *reg);
char            *subproc_log_canonical           (JsonNode         *node);

G_END_DECLS

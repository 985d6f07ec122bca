/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-log.h"

G_BEGIN_DECLS

/* Between the log and those who write it: the history records changes,
 * the storage hands over the file's text and writes the log back, and the
 * document reads a long log in a worker thread. */
SubprocChange *_subproc_change_new     (SubprocChangeKind  kind,
                                        GDateTime         *at,
                                        const char        *author,
                                        const char        *processor_id,
                                        const char        *processor_name,
                                        const char        *field,
                                        JsonNode          *old_value,
                                        JsonNode          *new_value,
                                        gint64             position,
                                        const char        *reason);
void           _subproc_log_append     (SubprocLog        *self,
                                        SubprocChange     *change);
void           _subproc_log_truncate   (SubprocLog        *self,
                                        guint              n_changes);
void           _subproc_log_set_text   (SubprocLog        *self,
                                        GBytes            *text,
                                        const char        *display_name,
                                        guint              first_line);
GBytes        *_subproc_log_get_text   (SubprocLog        *self);
const char    *_subproc_log_get_display_name (SubprocLog *self);
guint          _subproc_log_get_first_line (SubprocLog     *self);
gsize          _subproc_log_get_size   (SubprocLog        *self);
gboolean       _subproc_log_is_empty   (SubprocLog        *self);
void           _subproc_log_write      (SubprocLog        *self,
                                        GString           *out);
GPtrArray     *_subproc_log_parse      (GBytes            *text,
                                        const char        *display_name,
                                        guint              first_line,
                                        int               *first_broken,
                                        JsonObject       **after,
                                        GError           **error);
void           _subproc_log_take       (SubprocLog        *self,
                                        GBytes            *text,
                                        GPtrArray         *changes,
                                        int                first_broken,
                                        JsonObject        *after,
                                        const GError      *error);

G_END_DECLS

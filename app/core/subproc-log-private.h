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

/* Between the parts of the log: subproc-log.c holds the log, its text, its
 * chain and the canonical form; subproc-log-change.c a change, made or read
 * from the file; subproc-log-as-of.c the register at a moment. */
struct _SubprocChange
{
  GObject parent_instance;

  SubprocChangeKind kind;
  GDateTime        *at;
  char             *author;
  char             *processor_id;
  char             *processor_name;
  char             *field;
  JsonNode         *old_value;
  JsonNode         *new_value;
  char             *reason;
  gint64            position; /* of an added or deleted processor, else -1 */
  char             *content;  /* the canonical text without the hash */
  gsize             content_length;
  char             *hash;     /* as written; NULL when the file had none */
  char             *link;     /* what the next entry's hash follows from */
};

struct _SubprocLog
{
  GObject parent_instance;

  GPtrArray *changes;        /* of SubprocChange, oldest first */
  GBytes    *text;           /* the file's list, not read yet (or not readable) */
  char      *display_name;
  guint      first_line;
  int        first_broken;   /* the first entry whose hash is wrong, or -1 */
  GError    *read_error;     /* why the file's list could not be read */
  JsonObject *after;         /* members the file had after the log, kept */
};

void           _subproc_log_canonical_node (GString          *out,
                                            JsonNode         *node);
SubprocChange *_subproc_change_read_entry  (JsonNode         *node,
                                            guint             index_,
                                            const char       *display_name,
                                            guint             first_line,
                                            GError          **error);

G_END_DECLS

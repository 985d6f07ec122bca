/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-storage.h"

G_BEGIN_DECLS

/* What the change log (subproc-log.c) shares with the file format: a
 * field's value and a whole processor as the file writes and reads them, so
 * that a change records exactly what the register file would hold. */
JsonNode         *_subproc_storage_field_to_node       (SubprocProcessor *processor,
                                                        SubprocField      field);
gboolean          _subproc_storage_set_field           (SubprocProcessor *processor,
                                                        SubprocField      field,
                                                        JsonNode         *node,
                                                        const char       *display_name,
                                                        GError          **error);
JsonNode         *_subproc_storage_register_to_node    (SubprocRegister  *self);
JsonNode         *_subproc_storage_processor_to_node   (SubprocProcessor *processor);
SubprocProcessor *_subproc_storage_processor_from_node (JsonNode         *node,
                                                        const char       *display_name,
                                                        GError          **error);
SubprocRegister  *_subproc_storage_load_bytes          (GBytes           *bytes,
                                                        const char       *display_name,
                                                        gint64           *version,
                                                        GError          **error);
gboolean          _subproc_storage_prescan             (const char       *data,
                                                        gsize             length,
                                                        const char       *display_name,
                                                        GError          **error);

/* Between the loader's parts: subproc-storage.c parses the text (twice when
 * it is wrong, the second time keeping where each value is) and says where
 * an error is; subproc-storage-read.c reads the register from the tree. */
typedef struct
{
  JsonParser *parser;
  GHashTable *positions;    /* JsonNode* -> packed line and column; NULL on the first reading */
  const char *display_name;
  gint64      version;      /* of the file; see read_header() */
  GArray     *open;         /* of Open: the objects and arrays being parsed */
  guint64     last_start;   /* where the object or array that just ended started */
  char       *duplicate;    /* the first member named twice in one object */
  guint64     duplicate_at;
  guint64     n_members;    /* the members of all objects read */
} SubprocStorageLoader;

G_GNUC_PRINTF (4, 5)
gboolean          _subproc_storage_fail_at             (SubprocStorageLoader *loader,
                                                        JsonNode             *node,
                                                        GError              **error,
                                                        const char           *format,
                                                        ...);
SubprocRegister  *_subproc_storage_read_register       (SubprocStorageLoader *loader,
                                                        JsonNode             *root,
                                                        GError              **error);

G_END_DECLS

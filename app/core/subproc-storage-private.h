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

G_END_DECLS

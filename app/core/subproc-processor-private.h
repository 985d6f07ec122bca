/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-processor.h"

G_BEGIN_DECLS

/* Between a processor and the register that holds it: the register is told
 * of every change without a signal connection per processor, which costs
 * more than the processor itself when a large register loads. @field is
 * SUBPROC_N_FIELDS for the unknown members, or for several fields at once
 * (subproc_processor_assign()). */
typedef void (*SubprocProcessorChangedFunc) (gpointer          owner,
                                             SubprocProcessor *processor,
                                             SubprocField      field);

void     _subproc_processor_set_owner (SubprocProcessor            *self,
                                       gpointer                     owner,
                                       SubprocProcessorChangedFunc  changed);
gpointer _subproc_processor_get_owner (SubprocProcessor            *self);
SubprocProcessor *_subproc_processor_new_with_id (const char *id);

/* The processor's text as searches compare it (subproc-search.c), kept
 * until the processor changes, for the language it was made in: an
 * interned string (g_intern_string), or NULL for the UI's language. */
const char *_subproc_processor_get_search_text (SubprocProcessor *self,
                                                const char       *language);
void        _subproc_processor_set_search_text (SubprocProcessor *self,
                                                const char       *language,
                                                char             *folded);

G_END_DECLS

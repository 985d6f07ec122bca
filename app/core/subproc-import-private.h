/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-import.h"

G_BEGIN_DECLS

/* Between the importer's parts (subproc-import.c, -html.c, -words.c). */
gboolean _subproc_import_header_to_field (const char   *header,
                                          SubprocField *field);
char *_subproc_import_html_to_text (const char *html,
                                    gboolean   *too_deep);

G_END_DECLS

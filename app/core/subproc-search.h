/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-processor.h"

G_BEGIN_DECLS

char     *subproc_countries_to_display (const char * const *codes,
                                        const char         *language);
char     *subproc_search_fold          (const char         *text);
char    **subproc_search_split         (const char         *folded_query);
gboolean  subproc_search_matches_words (SubprocProcessor   *processor,
                                        const char * const *words,
                                        const char         *language);
gboolean  subproc_search_matches       (SubprocProcessor   *processor,
                                        const char         *folded_query,
                                        const char         *language);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-processor.h"

G_BEGIN_DECLS

/* How a processor reads in a cell, the same in the window, the printed
 * report, the PDF and the web page. */
char *subproc_columns_countries_text (const char * const       *codes,
                                      const char               *location,
                                      const char               *language);
char *subproc_columns_basis_text     (SubprocTransferMechanism  mechanism,
                                      const char               *basis);

G_END_DECLS

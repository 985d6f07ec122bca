/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDate *subproc_date_parse          (const char  *text);
GDate *subproc_date_parse_iso      (const char  *text);
char  *subproc_date_to_iso         (const GDate *date);
char  *subproc_date_normalize_iso  (const char  *text);
char  *subproc_date_format_short   (const GDate *date);
char  *subproc_date_format_long    (const GDate *date);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean subproc_validate_website     (const char  *text);
gboolean subproc_validate_not_future  (const char  *iso_date,
                                       const GDate *today);
char    *subproc_today_iso            (void);

G_END_DECLS

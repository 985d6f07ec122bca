/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-report.h"

G_BEGIN_DECLS

char *subproc_html_from_report (SubprocReport *report,
                                gsize         *length);
char *subproc_html_newest_updated (SubprocRegister *reg);

G_END_DECLS

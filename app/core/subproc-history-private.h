/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-history.h"

G_BEGIN_DECLS

/* For tests, which make a register's past: the time changes are recorded at. */
void _subproc_history_set_time (SubprocHistory *self,
                                GDateTime      *time);

G_END_DECLS

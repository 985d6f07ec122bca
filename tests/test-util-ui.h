/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Helpers the GUI test programs share. */
GtkWindow        *subproc_test_find_toplevel       (GType       type,
                                                    GtkWindow  *not);
AdwMessageDialog *subproc_test_find_message_dialog (const char *heading);

G_END_DECLS

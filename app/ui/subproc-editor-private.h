/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-editor.h"

G_BEGIN_DECLS

/* For tests, which fill in the editor's fields as a user would. */
GtkWidget      *subproc_editor_get_field_widget    (SubprocEditor            *self,
                                                    const char               *name);
GtkCheckButton *subproc_editor_get_mechanism_check (SubprocEditor            *self,
                                                    SubprocTransferMechanism  mechanism);

G_END_DECLS

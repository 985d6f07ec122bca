/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "subproc-register.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_EDITOR (subproc_editor_get_type ())

G_DECLARE_FINAL_TYPE (SubprocEditor, subproc_editor, SUBPROC, EDITOR, AdwWindow)

SubprocEditor    *subproc_editor_new           (GtkWindow        *parent,
                                                SubprocRegister  *reg,
                                                SubprocProcessor *processor);
SubprocProcessor *subproc_editor_get_processor (SubprocEditor    *self);
SubprocProcessor *subproc_editor_get_values    (SubprocEditor    *self);
const char       *subproc_editor_get_reason    (SubprocEditor    *self);
gboolean          subproc_editor_can_save      (SubprocEditor    *self);
gboolean          subproc_editor_is_changed    (SubprocEditor    *self);

G_END_DECLS

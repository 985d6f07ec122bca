/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "subproc-register.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_CHANGES_WINDOW (subproc_changes_window_get_type ())

G_DECLARE_FINAL_TYPE (SubprocChangesWindow, subproc_changes_window, SUBPROC, CHANGES_WINDOW, AdwWindow)

SubprocChangesWindow *subproc_changes_window_new       (GtkWindow            *parent,
                                                        SubprocRegister      *reg);
void                  subproc_changes_window_set_days  (SubprocChangesWindow *self,
                                                        const char           *from,
                                                        const char           *until);
char                 *subproc_changes_window_get_text  (SubprocChangesWindow *self,
                                                        gboolean              notice);
gboolean              subproc_changes_window_save      (SubprocChangesWindow *self,
                                                        GFile                *file,
                                                        gboolean              notice,
                                                        GError              **error);

G_END_DECLS

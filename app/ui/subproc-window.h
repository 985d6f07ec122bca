/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "subproc-register.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_WINDOW (subproc_window_get_type ())

G_DECLARE_FINAL_TYPE (SubprocWindow, subproc_window, SUBPROC, WINDOW, AdwApplicationWindow)

SubprocWindow   *subproc_window_new          (GtkApplication     *application);
void             subproc_window_open_user_register (SubprocWindow *self,
                                                    GFile         *file);
void             subproc_window_open_example (SubprocWindow      *self);
void             subproc_window_merge_file   (SubprocWindow      *self,
                                              GFile              *file);
void             subproc_window_open_files   (SubprocWindow      *self,
                                              GFile             **files,
                                              int                 n_files);
SubprocRegister *subproc_window_get_register (SubprocWindow      *self);
GFile           *subproc_window_get_file     (SubprocWindow      *self);
gboolean         subproc_window_save_now     (SubprocWindow      *self,
                                              GError            **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SUBPROC_TYPE_APPLICATION (subproc_application_get_type ())

G_DECLARE_FINAL_TYPE (SubprocApplication, subproc_application, SUBPROC, APPLICATION, AdwApplication)

SubprocApplication *subproc_application_new              (void);
GFile              *subproc_application_get_default_file (void);
int                 subproc_application_export           (const char *output,
                                                          const char *input);

G_END_DECLS

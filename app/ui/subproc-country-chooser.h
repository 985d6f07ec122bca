/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SUBPROC_TYPE_COUNTRY_CHOOSER (subproc_country_chooser_get_type ())

G_DECLARE_FINAL_TYPE (SubprocCountryChooser, subproc_country_chooser, SUBPROC, COUNTRY_CHOOSER, GtkWidget)

SubprocCountryChooser *subproc_country_chooser_new          (void);

void                   subproc_country_chooser_set_excluded (SubprocCountryChooser *self,
                                                             const char * const    *codes);

GtkWidget             *subproc_country_chooser_get_button   (SubprocCountryChooser *self);

G_END_DECLS

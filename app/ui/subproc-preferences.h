/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SUBPROC_TYPE_PREFERENCES (subproc_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SubprocPreferences, subproc_preferences, SUBPROC, PREFERENCES, AdwPreferencesWindow)

GtkWidget *subproc_preferences_new (GtkWindow *parent,
                                    GSettings *settings);

G_END_DECLS

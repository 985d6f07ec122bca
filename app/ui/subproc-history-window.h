/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "subproc-document.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_HISTORY_WINDOW (subproc_history_window_get_type ())

G_DECLARE_FINAL_TYPE (SubprocHistoryWindow, subproc_history_window, SUBPROC, HISTORY_WINDOW, AdwWindow)

SubprocHistoryWindow *subproc_history_window_new          (GtkWindow            *parent,
                                                           SubprocDocument      *document);
GListModel           *subproc_history_window_get_shown    (SubprocHistoryWindow *self);
void                  subproc_history_window_set_filter   (SubprocHistoryWindow *self,
                                                           const char           *processor,
                                                           const char           *author,
                                                           const GDate          *from,
                                                           const GDate          *to);
gboolean              subproc_history_window_revert       (SubprocHistoryWindow *self,
                                                           SubprocChange        *change);

G_END_DECLS

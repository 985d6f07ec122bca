/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-window.h"

G_BEGIN_DECLS

/* For tests, which look at what the window shows. */
GListModel *subproc_window_get_visible_model (SubprocWindow *self);
GtkEditable *subproc_window_get_search_entry (SubprocWindow *self);
const char  *subproc_window_get_count_text   (SubprocWindow *self);
const char  *subproc_window_get_visible_page (SubprocWindow *self);
GtkColumnView *subproc_window_get_column_view (SubprocWindow *self);
const char  *subproc_window_get_import_warnings (SubprocWindow *self);
char        *subproc_window_cell_text        (SubprocWindow *self,
                                              guint          column,
                                              guint          row);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "subproc-register.h"
#include "subproc-report.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_PRINT_WINDOW (subproc_print_window_get_type ())

G_DECLARE_FINAL_TYPE (SubprocPrintWindow, subproc_print_window, SUBPROC, PRINT_WINDOW, AdwWindow)

SubprocPrintWindow *subproc_print_window_new        (GtkWindow          *parent,
                                                     SubprocRegister    *reg,
                                                     GListModel         *shown,
                                                     const char         *source_name);
SubprocReport      *subproc_print_window_get_report (SubprocPrintWindow *self);
guint               subproc_print_window_get_page   (SubprocPrintWindow *self);
gboolean            subproc_print_window_save_pdf   (SubprocPrintWindow *self,
                                                     GFile              *file,
                                                     GError            **error);
GtkPrintOperationResult subproc_print_window_export (SubprocPrintWindow *self,
                                                     const char         *pdf_path,
                                                     GError            **error);

G_END_DECLS

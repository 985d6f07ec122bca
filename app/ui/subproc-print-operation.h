/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "subproc-report.h"

G_BEGIN_DECLS

#define SUBPROC_TYPE_PRINT_OPERATION (subproc_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (SubprocPrintOperation, subproc_print_operation, SUBPROC, PRINT_OPERATION, GtkPrintOperation)

SubprocPrintOperation *subproc_print_operation_new      (SubprocReport *report);
GtkPrintSettings      *subproc_print_settings_load      (void);
void                   subproc_print_settings_save      (GtkPrintSettings *settings);
GtkPageSetup          *subproc_print_page_setup_for     (SubprocReport    *report);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the changes share: subproc-changes.c compares the
 * register at the two ends of the period; -report.c gives the report of
 * changes as text, HTML and PDF; -notice.c the notice to customers, which
 * borrows the report's HTML and its way of writing a field's value. */

#include <glib/gi18n-lib.h>

#include "subproc-changes.h"
#include "subproc-language.h"

G_BEGIN_DECLS

/* in the report's language, as in the printed report */
#undef _
#define _(text) subproc_language_gettext (text)
#undef C_
#define C_(context, text) subproc_language_pgettext (context, text)

struct _SubprocChanges
{
  SubprocRegister *now;     /* the register as it is: the notice is sent from it */
  SubprocRegister *before;
  SubprocRegister *after;
  GDateTime       *since;
  GDateTime       *until;
  GPtrArray       *items;  /* of SubprocDiffItem */
};

char *_subproc_changes_field_value    (SubprocProcessor *processor,
                                      SubprocField      field,
                                      SubprocRegister  *reg,
                                      const char       *language);
void  _subproc_changes_append_escaped (GString          *out,
                                      const char       *text);
void  _subproc_changes_append_element (GString          *out,
                                      const char       *tag,
                                      const char       *text);
void  _subproc_changes_html_begin     (GString          *out,
                                      const char       *title);

G_END_DECLS

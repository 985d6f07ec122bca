/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SUBPROC_TYPE_FINDINGS_GROUP (subproc_findings_group_get_type ())

G_DECLARE_FINAL_TYPE (SubprocFindingsGroup, subproc_findings_group, SUBPROC, FINDINGS_GROUP, AdwPreferencesGroup)

/* What a finding's button does: its label, and the field it takes the
 * user to. */
typedef struct
{
  const char *code;    /* the finding's code */
  const char *label;   /* untranslated, with a mnemonic */
  const char *target;  /* an opaque name the "fix" signal hands back */
} SubprocFindingFix;

GtkWidget *subproc_findings_group_new           (void);
void       subproc_findings_group_set_fixes     (SubprocFindingsGroup    *self,
                                                 const SubprocFindingFix *fixes,
                                                 guint                    n_fixes);
void       subproc_findings_group_set_findings  (SubprocFindingsGroup    *self,
                                                 GPtrArray               *findings);
guint      subproc_findings_group_get_n_findings (SubprocFindingsGroup   *self);

G_END_DECLS

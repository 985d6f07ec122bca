/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-register.h"

G_BEGIN_DECLS

/* Transfer checks: what is wrong with a processor, against the table of
 * legal bases (subproc-legal.c) as of a day, and how to fix it. */

typedef enum
{
  SUBPROC_SEVERITY_INFO,
  SUBPROC_SEVERITY_WARNING,
  SUBPROC_SEVERITY_ERROR,
} SubprocSeverity;

typedef struct
{
  const char      *code;       /* stable, for scripts and tests: "no-basis", "struck-down", ... */
  SubprocSeverity  severity;
  char            *country;    /* the country it is about (alpha-2), or NULL */
  char            *message;    /* translated, names the country */
  const char      *reference;  /* "GDPR Art. 46(2)(c)", "CJEU C-311/18" */
  char            *fix;        /* translated, or NULL when there is nothing to choose */
} SubprocFinding;

typedef struct
{
  const char *today;         /* YYYY-MM-DD; NULL for today */
  guint       stale_months;  /* "not updated for more than N months"; 0 for subproc_check_get_stale_months() */
  const char *language;      /* of the countries' names: "en", "sv", "da"; NULL for the UI's */
} SubprocCheckOptions;

void        subproc_finding_free             (SubprocFinding            *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocFinding, subproc_finding_free)

#define SUBPROC_CHECK_STALE_MONTHS_DEFAULT 12

const char *subproc_severity_to_string       (SubprocSeverity            severity);
void        subproc_check_set_stale_months   (guint                      months);
guint       subproc_check_get_stale_months   (void);
GPtrArray  *subproc_check_processor          (SubprocProcessor          *processor,
                                              SubprocRegister           *reg,
                                              const SubprocCheckOptions *options);

G_END_DECLS

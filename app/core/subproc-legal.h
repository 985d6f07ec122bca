/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "subproc-enums.h"

G_BEGIN_DECLS

/* The law on transfers out of the EU/EEA (GDPR Chapter V) as of a date:
 * the EEA, the adequacy decisions and the mechanisms struck down, from
 * data/legal-bases.json. Dates are ISO 8601 strings (YYYY-MM-DD), which
 * compare as text. */

/* Whom an adequacy decision covers in its country. */
typedef enum
{
  SUBPROC_ADEQUACY_SCOPE_ALL,
  SUBPROC_ADEQUACY_SCOPE_PIPEDA,          /* commercial organisations under PIPEDA (Canada) */
  SUBPROC_ADEQUACY_SCOPE_PRIVATE_SECTOR,  /* the private sector (Japan) */
  SUBPROC_ADEQUACY_SCOPE_DPF,             /* organisations certified under the EU-US DPF */
} SubprocAdequacyScope;

typedef struct
{
  const char           *country;   /* ISO 3166-1 alpha-2 */
  const char           *decision;  /* the decision's name and number */
  const char           *since;     /* adopted */
  const char           *oj;        /* Official Journal reference, or NULL when not yet known here */
  SubprocAdequacyScope  scope;
  const char           *expires;   /* or NULL */
  const char           *source;    /* where it was checked */
} SubprocAdequacy;

typedef struct
{
  SubprocTransferMechanism  mechanism;
  const char               *name;
  const char               *invalid_since;
  const char               *judgment;   /* "CJEU C-311/18" */
  const char               *source;
} SubprocStruckDown;

/* Where a country stands on a date. */
typedef enum
{
  SUBPROC_DESTINATION_EEA,
  SUBPROC_DESTINATION_ADEQUATE,       /* an adequacy decision in force (see its scope) */
  SUBPROC_DESTINATION_THIRD_COUNTRY,  /* a transfer needs a mechanism of Art. 46 or 49 */
} SubprocDestination;

const char              *subproc_legal_get_as_of          (void);
gboolean                 subproc_legal_is_eea             (const char               *code);
guint                    subproc_legal_get_n_eea          (void);
guint                    subproc_legal_get_n_adequacy     (void);
const SubprocAdequacy   *subproc_legal_get_adequacy       (guint                     index);
const SubprocAdequacy   *subproc_legal_find_adequacy      (const char               *code);
SubprocDestination       subproc_legal_destination        (const char               *code,
                                                           const char               *on,
                                                           const SubprocAdequacy   **adequacy);
const SubprocStruckDown *subproc_legal_find_struck_down   (SubprocTransferMechanism  mechanism);
const char              *subproc_adequacy_scope_to_label  (SubprocAdequacyScope      scope);

G_END_DECLS

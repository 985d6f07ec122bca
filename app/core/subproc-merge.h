/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-history.h"

G_BEGIN_DECLS

/* A vendor's new list against the register: which of its processors are
 * new, which changed (and in what), which are as they were, and which of
 * the register's processors from that list it no longer names. */

typedef enum
{
  SUBPROC_MERGE_NEW,
  SUBPROC_MERGE_CHANGED,
  SUBPROC_MERGE_UNCHANGED,
  SUBPROC_MERGE_MISSING,   /* in the register from this source, no longer listed */
} SubprocMergeKind;

typedef struct
{
  SubprocMergeKind  kind;
  SubprocProcessor *existing;  /* the register's; NULL for a new one */
  SubprocProcessor *incoming;  /* the list's; NULL for a missing one */
  GArray           *fields;    /* of SubprocField: what changed, in field order */
} SubprocMergeItem;

typedef struct
{
  guint added;
  guint changed;
  guint missing;
  guint ended;  /* of the missing, marked ended */
} SubprocMergeCounts;

void       subproc_merge_item_free        (SubprocMergeItem   *item);
char      *subproc_merge_normalize_name   (const char         *name);
char      *subproc_merge_website_domain   (const char         *website);
GPtrArray *subproc_merge_compare          (SubprocRegister    *reg,
                                           GPtrArray          *incoming,
                                           const char         *source);
SubprocMergeCounts subproc_merge_apply    (SubprocHistory     *history,
                                           GPtrArray          *items,
                                           const char         *source,
                                           const char         *today,
                                           gboolean            end_missing);
char      *subproc_merge_source_for_file  (const char         *file_name);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "subproc-columns.h"
#include "subproc-register.h"

G_BEGIN_DECLS

/* Exit statuses of a conversion on the command line. */
typedef enum
{
  SUBPROC_CONVERT_OK = 0,
  SUBPROC_CONVERT_FAILED = 1,
  SUBPROC_CONVERT_USAGE = 2,
} SubprocConvertStatus;

/* The command line's report options; NULL members take the defaults. */
typedef struct
{
  const char *language;  /* --language: en, sv, da; NULL for the UI's */
  const char *columns;   /* --columns: public, full, or field keys joined by commas */
  const char *paper;     /* --paper: a4 or letter */
  const char *as_of;     /* --as-of: YYYY-MM-DD, the register at the end of that day (UTC) */
  const char *changes_since; /* --changes-since: YYYY-MM-DD, a report of the changes from that day on */
  const char *until;     /* --until: YYYY-MM-DD, the last day of the changes; NULL for today */
  gboolean    notice;    /* --notice: the notice to customers instead of the report of changes */
} SubprocConvertOptions;

SubprocConvertStatus  subproc_convert     (const char  *output,
                                           const char  *input,
                                           GFile       *default_input,
                                           FILE        *messages);
SubprocConvertStatus  subproc_convert_with_options (const char                  *output,
                                                    const char                  *input,
                                                    GFile                       *default_input,
                                                    const SubprocConvertOptions *options,
                                                    FILE                        *messages);
SubprocConvertStatus  subproc_convert_check (const char  *input,
                                             GFile       *default_input,
                                             FILE        *out,
                                             FILE        *messages);
/* The command line's --merge options. */
typedef struct
{
  const char *source;       /* --source: what the list's processors remember; NULL for the file's name */
  gboolean    dry_run;      /* --dry-run: say, save nothing */
  gboolean    end_missing;  /* --end-missing: mark ended those no longer listed */
  const char *author;       /* who the change log records; NULL for the system's name */
} SubprocMergeOptions;

SubprocConvertStatus  subproc_convert_merge (const char                *list,
                                             const char                *register_path,
                                             GFile                     *default_register,
                                             const SubprocMergeOptions *options,
                                             FILE                      *out,
                                             FILE                      *messages);
SubprocConvertStatus  subproc_convert_fingerprint (const char  *input,
                                                   GFile       *default_input,
                                                   const char  *as_of,
                                                   FILE        *out,
                                                   FILE        *messages);
gboolean              subproc_convert_parse_columns (const char                 *text,
                                                     SubprocColumnSet           *set,
                                                     GArray                    **fields);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-register.h"

G_BEGIN_DECLS

/* The presentation layer: how a processor reads in a cell, the same in the
 * window, the printed report, the PDF and the web page. */

typedef enum
{
  SUBPROC_COLUMNS_PUBLIC,  /* name, countries, legal basis, function, description, updated */
  SUBPROC_COLUMNS_FULL,    /* every field, grouped; marked internal on every page */
} SubprocColumnSet;

#define SUBPROC_COLUMN_MAX_FIELDS 6

/* A column: one field, or several grouped in one cell, a line each. */
typedef struct
{
  SubprocField  fields[SUBPROC_COLUMN_MAX_FIELDS];
  guint         n_fields;
  const char   *title;        /* untranslated, context "report column"; NULL: the first field's */
  gboolean      label_first;  /* whether the first field's value gets its label too */
  gboolean      findings;     /* the processor's transfer findings, not fields */
} SubprocColumn;

/* A stretch of a cell's text to set in bold, in bytes. */
typedef struct
{
  gsize start;
  gsize end;
} SubprocTextSpan;

const SubprocColumn *subproc_columns_get_full          (guint                    *n_columns);
const SubprocField  *subproc_columns_get_public_fields (guint                    *n_fields);
gboolean             subproc_columns_is_public         (SubprocField              field);
const char          *subproc_columns_field_title       (SubprocField              field);
const char          *subproc_columns_field_name        (SubprocField              field);
const char          *subproc_columns_column_title      (const SubprocColumn      *column);
char                *subproc_columns_cell_text         (const SubprocColumn      *column,
                                                        SubprocProcessor         *processor,
                                                        SubprocRegister          *reg,
                                                        const char               *language,
                                                        GArray                   *bold);
const char          *subproc_columns_data_name         (SubprocField              field);
char                *subproc_columns_field_text        (SubprocProcessor         *processor,
                                                        SubprocField              field,
                                                        SubprocRegister          *reg,
                                                        const char               *language);
char                *subproc_columns_countries_text    (const char * const       *codes,
                                                        const char               *location,
                                                        const char               *language);
char                *subproc_columns_mechanisms_text   (const char * const       *mechanisms);
char                *subproc_columns_basis_text        (const char * const       *mechanisms,
                                                        const char               *basis);

G_END_DECLS

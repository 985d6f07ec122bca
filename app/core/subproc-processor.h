/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "subproc-enums.h"

G_BEGIN_DECLS

/* Every field of a processor, in the order of the file format and the CSV columns. */
typedef enum
{
  SUBPROC_FIELD_ID,
  SUBPROC_FIELD_NAME,
  SUBPROC_FIELD_LEGAL_ENTITY,
  SUBPROC_FIELD_COUNTRIES,
  SUBPROC_FIELD_LOCATION,
  SUBPROC_FIELD_TRANSFER_MECHANISM,
  SUBPROC_FIELD_TRANSFER_BASIS,
  SUBPROC_FIELD_DPF_VERIFIED,
  SUBPROC_FIELD_SCC_MODULE,
  SUBPROC_FIELD_TIA,
  SUBPROC_FIELD_FUNCTION,
  SUBPROC_FIELD_DESCRIPTION,
  SUBPROC_FIELD_DATA_CATEGORIES,
  SUBPROC_FIELD_DATA_SUBJECTS,
  SUBPROC_FIELD_DPA_SIGNED,
  SUBPROC_FIELD_DPA_REFERENCE,
  SUBPROC_FIELD_CONTACT,
  SUBPROC_FIELD_WEBSITE,
  SUBPROC_FIELD_STATUS,
  SUBPROC_FIELD_PARENT,
  SUBPROC_FIELD_SAFEGUARDS,
  SUBPROC_FIELD_SECURITY_MEASURES,
  SUBPROC_FIELD_NOTES,
  SUBPROC_FIELD_SOURCE,
  SUBPROC_FIELD_ADDED,
  SUBPROC_FIELD_UPDATED,
  SUBPROC_FIELD_REVIEW_DUE,
  SUBPROC_N_FIELDS
} SubprocField;

typedef enum
{
  SUBPROC_FIELD_KIND_TEXT,       /* free text */
  SUBPROC_FIELD_KIND_LIST,       /* list of free text */
  SUBPROC_FIELD_KIND_COUNTRIES,  /* list of ISO 3166-1 alpha-2 codes */
  SUBPROC_FIELD_KIND_DATE,       /* YYYY-MM-DD */
  SUBPROC_FIELD_KIND_ENUM,       /* a word of an enum type */
  SUBPROC_FIELD_KIND_MECHANISMS, /* list of words of SubprocTransferMechanism, without “unspecified” */
} SubprocFieldKind;

const char       *subproc_field_get_key       (SubprocField  field);
SubprocFieldKind  subproc_field_get_kind      (SubprocField  field);
GType             subproc_field_get_enum_type (SubprocField  field);
gboolean          subproc_field_from_key      (const char   *key,
                                               SubprocField *field);

#define SUBPROC_TYPE_PROCESSOR (subproc_processor_get_type ())

G_DECLARE_FINAL_TYPE (SubprocProcessor, subproc_processor, SUBPROC, PROCESSOR, GObject)

SubprocProcessor         *subproc_processor_new                  (const char       *name);
SubprocProcessor         *subproc_processor_copy                 (SubprocProcessor *self);
const char               *subproc_processor_get_text             (SubprocProcessor *self,
                                                                  SubprocField      field);
void                      subproc_processor_set_text             (SubprocProcessor *self,
                                                                  SubprocField      field,
                                                                  const char       *text);
const char * const       *subproc_processor_get_list             (SubprocProcessor *self,
                                                                  SubprocField      field);
void                      subproc_processor_set_list             (SubprocProcessor *self,
                                                                  SubprocField      field,
                                                                  const char * const *list);
int                       subproc_processor_get_enum             (SubprocProcessor *self,
                                                                  SubprocField      field);
void                      subproc_processor_set_enum             (SubprocProcessor *self,
                                                                  SubprocField      field,
                                                                  int               value);
const char               *subproc_processor_get_id               (SubprocProcessor *self);
const char               *subproc_processor_get_name             (SubprocProcessor *self);
const char * const       *subproc_processor_get_countries        (SubprocProcessor *self);
gboolean                  subproc_processor_has_mechanism        (SubprocProcessor *self,
                                                                  SubprocTransferMechanism mechanism);
void                      subproc_processor_set_mechanism        (SubprocProcessor *self,
                                                                  SubprocTransferMechanism mechanism);
SubprocStatus             subproc_processor_get_status           (SubprocProcessor *self);
JsonObject               *subproc_processor_get_extra            (SubprocProcessor *self);
void                      subproc_processor_set_extra            (SubprocProcessor *self,
                                                                  JsonObject       *extra);
gboolean                  subproc_processor_equal                (SubprocProcessor *a,
                                                                  SubprocProcessor *b);
void                      subproc_processor_assign               (SubprocProcessor *self,
                                                                  SubprocProcessor *values);
void                      subproc_processor_touch                (SubprocProcessor *self,
                                                                  SubprocProcessor *before,
                                                                  const char       *today);

G_END_DECLS

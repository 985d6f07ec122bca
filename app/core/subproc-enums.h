/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks are the words of the file format: never change one. */
typedef enum
{
  SUBPROC_TRANSFER_UNSPECIFIED,
  SUBPROC_TRANSFER_NOT_NEEDED,
  SUBPROC_TRANSFER_ADEQUACY,
  SUBPROC_TRANSFER_SCC,
  SUBPROC_TRANSFER_BCR,
  SUBPROC_TRANSFER_DPF,
  SUBPROC_TRANSFER_DEROGATION,
  SUBPROC_TRANSFER_PRIVACY_SHIELD,
  SUBPROC_TRANSFER_SAFE_HARBOR,
  SUBPROC_TRANSFER_OTHER,
} SubprocTransferMechanism;

/* The module of the standard contractual clauses (Commission Implementing
 * Decision (EU) 2021/914); written in the file as the number 1 to 4. */
typedef enum
{
  SUBPROC_SCC_MODULE_NONE,
  SUBPROC_SCC_MODULE_1,  /* controller to controller */
  SUBPROC_SCC_MODULE_2,  /* controller to processor */
  SUBPROC_SCC_MODULE_3,  /* processor to processor */
  SUBPROC_SCC_MODULE_4,  /* processor to controller */
} SubprocSccModule;

typedef enum
{
  SUBPROC_STATUS_ACTIVE,
  SUBPROC_STATUS_PLANNED,
  SUBPROC_STATUS_ENDED,
} SubprocStatus;

#define SUBPROC_TYPE_TRANSFER_MECHANISM (subproc_transfer_mechanism_get_type ())
GType subproc_transfer_mechanism_get_type (void);
#define SUBPROC_TYPE_STATUS (subproc_status_get_type ())
GType subproc_status_get_type (void);
#define SUBPROC_TYPE_SCC_MODULE (subproc_scc_module_get_type ())
GType subproc_scc_module_get_type (void);

const char *subproc_enum_to_nick   (GType        enum_type,
                                    int          value);
gboolean    subproc_enum_from_nick (GType        enum_type,
                                    const char  *nick,
                                    int         *value);
const char *subproc_transfer_mechanism_to_label (SubprocTransferMechanism mechanism);
const char *subproc_status_to_label             (SubprocStatus            status);
const char *subproc_scc_module_to_label         (SubprocSccModule         module);

G_END_DECLS

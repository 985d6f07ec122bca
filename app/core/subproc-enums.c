/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-enums.h"

G_DEFINE_ENUM_TYPE (SubprocTransferMechanism, subproc_transfer_mechanism,
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_UNSPECIFIED, "unspecified"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_NOT_NEEDED, "not-needed"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_ADEQUACY, "adequacy"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_SCC, "scc"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_BCR, "bcr"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_DPF, "dpf"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_DEROGATION, "derogation"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_PRIVACY_SHIELD, "privacy-shield"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_SAFE_HARBOR, "safe-harbor"),
  G_DEFINE_ENUM_VALUE (SUBPROC_TRANSFER_OTHER, "other"))

G_DEFINE_ENUM_TYPE (SubprocStatus, subproc_status,
  G_DEFINE_ENUM_VALUE (SUBPROC_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (SUBPROC_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (SUBPROC_STATUS_ENDED, "ended"))

/* "none" is never written: the file holds the module as a number */
G_DEFINE_ENUM_TYPE (SubprocSccModule, subproc_scc_module,
  G_DEFINE_ENUM_VALUE (SUBPROC_SCC_MODULE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SUBPROC_SCC_MODULE_1, "1"),
  G_DEFINE_ENUM_VALUE (SUBPROC_SCC_MODULE_2, "2"),
  G_DEFINE_ENUM_VALUE (SUBPROC_SCC_MODULE_3, "3"),
  G_DEFINE_ENUM_VALUE (SUBPROC_SCC_MODULE_4, "4"))

/**
 * subproc_enum_to_nick:
 *
 * Returns: (transfer none): the file-format word of @value, or %NULL.
 */
const char *
subproc_enum_to_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * subproc_enum_from_nick:
 *
 * Reads a file-format word. An empty or %NULL word is the type's first value,
 * since an absent key and an empty value mean the same.
 *
 * Returns: %FALSE when @nick is not a word of @enum_type.
 */
gboolean
subproc_enum_from_nick (GType       enum_type,
                        const char *nick,
                        int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL || *nick == '\0')
    {
      *value = klass->values[0].value;
      return TRUE;
    }

  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

/**
 * subproc_transfer_mechanism_to_label:
 *
 * Returns: (transfer none): the mechanism in plain words, translated.
 */
const char *
subproc_transfer_mechanism_to_label (SubprocTransferMechanism mechanism)
{
  static const char * const labels[] = {
    [SUBPROC_TRANSFER_UNSPECIFIED] = NC_("transfer mechanism", "Not specified"),
    [SUBPROC_TRANSFER_NOT_NEEDED] = NC_("transfer mechanism", "Not needed (within the EU/EEA)"),
    [SUBPROC_TRANSFER_ADEQUACY] = NC_("transfer mechanism", "Adequacy decision"),
    [SUBPROC_TRANSFER_SCC] = NC_("transfer mechanism", "Standard Contractual Clauses (SCC)"),
    [SUBPROC_TRANSFER_BCR] = NC_("transfer mechanism", "Binding Corporate Rules (BCR)"),
    [SUBPROC_TRANSFER_DPF] = NC_("transfer mechanism", "EU–US Data Privacy Framework"),
    [SUBPROC_TRANSFER_DEROGATION] = NC_("transfer mechanism", "Derogation (Art. 49 GDPR)"),
    [SUBPROC_TRANSFER_PRIVACY_SHIELD] = NC_("transfer mechanism", "Privacy Shield (invalid since 2020)"),
    [SUBPROC_TRANSFER_SAFE_HARBOR] = NC_("transfer mechanism", "Safe Harbor (invalid since 2015)"),
    [SUBPROC_TRANSFER_OTHER] = NC_("transfer mechanism", "Other"),
  };

  g_return_val_if_fail ((guint) mechanism < G_N_ELEMENTS (labels), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "transfer mechanism", labels[mechanism]);
}

/**
 * subproc_status_to_label:
 *
 * Returns: (transfer none): the status in words, translated.
 */
const char *
subproc_status_to_label (SubprocStatus status)
{
  static const char * const labels[] = {
    [SUBPROC_STATUS_ACTIVE] = NC_("processor status", "Active"),
    [SUBPROC_STATUS_PLANNED] = NC_("processor status", "Planned"),
    [SUBPROC_STATUS_ENDED] = NC_("processor status", "Ended"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "processor status", labels[status]);
}

/**
 * subproc_scc_module_to_label:
 *
 * Returns: (transfer none): the module of the standard contractual clauses
 *   in words, translated.
 */
const char *
subproc_scc_module_to_label (SubprocSccModule module)
{
  static const char * const labels[] = {
    [SUBPROC_SCC_MODULE_NONE] = NC_("SCC module", "Not stated"),
    [SUBPROC_SCC_MODULE_1] = NC_("SCC module", "Module 1: controller to controller"),
    [SUBPROC_SCC_MODULE_2] = NC_("SCC module", "Module 2: controller to processor"),
    [SUBPROC_SCC_MODULE_3] = NC_("SCC module", "Module 3: processor to processor"),
    [SUBPROC_SCC_MODULE_4] = NC_("SCC module", "Module 4: processor to controller"),
  };

  g_return_val_if_fail ((guint) module < G_N_ELEMENTS (labels), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "SCC module", labels[module]);
}

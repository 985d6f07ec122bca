/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "subproc-language.h"
#include "subproc-legal.h"
#include "subproc-legal-table.h"

/* in a report's language: see subproc_language_gettext() */
#undef _
#define _(text) subproc_language_gettext (text)

/**
 * subproc_legal_get_as_of:
 *
 * Returns: (transfer none): the day the table was last checked against the
 *   Official Journal and the CJEU, as YYYY-MM-DD. The app shows it with
 *   every finding, and reports print it.
 */
const char *
subproc_legal_get_as_of (void)
{
  return SUBPROC_LEGAL_AS_OF;
}

static int
compare_code (const void *key,
              const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

/**
 * subproc_legal_is_eea:
 * @code: an ISO 3166-1 alpha-2 code, upper case
 *
 * Returns: whether @code is a member of the European Economic Area (the
 *   EU-27, Iceland, Liechtenstein, Norway): no Chapter V transfer.
 */
gboolean
subproc_legal_is_eea (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return bsearch (code, eea_members, G_N_ELEMENTS (eea_members), sizeof eea_members[0], compare_code) != NULL;
}

guint
subproc_legal_get_n_eea (void)
{
  return G_N_ELEMENTS (eea_members);
}

guint
subproc_legal_get_n_adequacy (void)
{
  return G_N_ELEMENTS (adequacy_decisions);
}

/**
 * subproc_legal_get_adequacy:
 *
 * Returns: (transfer none): the @index-th adequacy decision, by country code.
 */
const SubprocAdequacy *
subproc_legal_get_adequacy (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (adequacy_decisions), NULL);

  return &adequacy_decisions[index];
}

static int
compare_adequacy (const void *key,
                  const void *member)
{
  return strcmp (key, ((const SubprocAdequacy *) member)->country);
}

/**
 * subproc_legal_find_adequacy:
 *
 * Returns: (transfer none) (nullable): the adequacy decision for @code,
 *   whether or not it is in force today.
 */
const SubprocAdequacy *
subproc_legal_find_adequacy (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return bsearch (code, adequacy_decisions, G_N_ELEMENTS (adequacy_decisions), sizeof adequacy_decisions[0],
                  compare_adequacy);
}

/**
 * subproc_legal_destination:
 * @on: (nullable): a day, YYYY-MM-DD; %NULL for the table's "as of" day
 * @adequacy: (out) (optional) (transfer none): the decision in force, if any
 *
 * Where @code stands on @on: in the EEA, covered by an adequacy decision
 * adopted by then and not expired (see its scope), or a third country.
 */
SubprocDestination
subproc_legal_destination (const char             *code,
                           const char             *on,
                           const SubprocAdequacy **adequacy)
{
  const SubprocAdequacy *decision;

  g_return_val_if_fail (code != NULL, SUBPROC_DESTINATION_THIRD_COUNTRY);

  if (adequacy != NULL)
    *adequacy = NULL;
  if (on == NULL)
    on = SUBPROC_LEGAL_AS_OF;
  if (subproc_legal_is_eea (code))
    return SUBPROC_DESTINATION_EEA;

  decision = subproc_legal_find_adequacy (code);
  if (decision == NULL || strcmp (on, decision->since) < 0
      || (decision->expires != NULL && strcmp (on, decision->expires) > 0))
    return SUBPROC_DESTINATION_THIRD_COUNTRY;

  if (adequacy != NULL)
    *adequacy = decision;
  return SUBPROC_DESTINATION_ADEQUATE;
}

/**
 * subproc_legal_find_struck_down:
 *
 * Returns: (transfer none) (nullable): the judgment that struck @mechanism
 *   down, for Safe Harbor and Privacy Shield.
 */
const SubprocStruckDown *
subproc_legal_find_struck_down (SubprocTransferMechanism mechanism)
{
  for (guint i = 0; i < G_N_ELEMENTS (struck_down); i++)
    if (struck_down[i].mechanism == mechanism)
      return &struck_down[i];
  return NULL;
}

/**
 * subproc_adequacy_scope_to_label:
 *
 * Returns: (transfer none) (nullable): whom a scoped decision covers, in
 *   words for a finding; %NULL for a decision that covers every recipient.
 */
const char *
subproc_adequacy_scope_to_label (SubprocAdequacyScope scope)
{
  switch (scope)
    {
    case SUBPROC_ADEQUACY_SCOPE_ALL:
      return NULL;
    case SUBPROC_ADEQUACY_SCOPE_PIPEDA:
      return _("commercial organisations subject to PIPEDA");
    case SUBPROC_ADEQUACY_SCOPE_PRIVATE_SECTOR:
      return _("the private sector");
    case SUBPROC_ADEQUACY_SCOPE_DPF:
      return _("organisations certified under the EU-US Data Privacy Framework");
    default:
      g_return_val_if_reached (NULL);
    }
}

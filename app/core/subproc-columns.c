/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-columns.h"
#include "subproc-search.h"

/**
 * subproc_columns_countries_text:
 * @codes: (nullable): the processor's countries
 * @location: (nullable): the place as the source wrote it
 * @language: (nullable): the language of the names; %NULL for the UI's
 *
 * The Countries cell: the countries' names, or the place as written when no
 * country is known (“Global”, “EU”): nothing a reader was told is hidden.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when there is none.
 */
char *
subproc_columns_countries_text (const char * const *codes,
                                const char         *location,
                                const char         *language)
{
  if (codes == NULL || codes[0] == NULL)
    return g_strdup (location != NULL && *location != '\0' ? location : NULL);
  return subproc_countries_to_display (codes, language);
}

/**
 * subproc_columns_basis_text:
 * @basis: (nullable): the legal basis as the source wrote it
 *
 * The legal basis cell: the transfer mechanism in words, in the language
 * gettext answers in (a report's own, in its scope); the basis as written
 * when the mechanism is not specified, since nothing is invented.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when there is none.
 */
char *
subproc_columns_basis_text (SubprocTransferMechanism  mechanism,
                            const char               *basis)
{
  if (mechanism == SUBPROC_TRANSFER_UNSPECIFIED)
    return g_strdup (basis != NULL && *basis != '\0' ? basis : NULL);
  return g_strdup (subproc_transfer_mechanism_to_label (mechanism));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-columns.h"
#include "subproc-country.h"
#include "subproc-processor-private.h"
#include "subproc-search.h"

/**
 * subproc_countries_to_display:
 * @language: (nullable): "en", "sv", "da"; %NULL for the UI language
 *
 * Returns: (transfer full): the countries' names joined for reading, an
 *   unknown code as it is.
 */
char *
subproc_countries_to_display (const char * const *codes,
                              const char         *language)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = subproc_country_name (codes[i], language);

      if (i > 0)
        /* Translators: separates country names in a list, as in “Netherlands, Ireland” */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, name != NULL ? name : codes[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * subproc_search_fold:
 *
 * Returns: (transfer full): @text in the form searches compare: normalized,
 *   case folded.
 */
char *
subproc_search_fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return g_strdup ("");
  return g_utf8_casefold (normal, -1);
}

/* Every text of @processor a search looks in, folded. */
static char *
make_search_text (SubprocProcessor *processor,
                  const char       *language)
{
  g_autoptr(GString) haystack = g_string_new (NULL);

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      g_autofree char *shown = NULL;

      if (f == SUBPROC_FIELD_ID || f == SUBPROC_FIELD_PARENT)
        continue;
      switch (subproc_field_get_kind (f))
        {
        case SUBPROC_FIELD_KIND_TEXT:
          if (subproc_processor_get_text (processor, f) != NULL)
            g_string_append (haystack, subproc_processor_get_text (processor, f));
          break;
        case SUBPROC_FIELD_KIND_LIST:
          for (const char * const *l = subproc_processor_get_list (processor, f); *l; l++)
            g_string_append_printf (haystack, "%s\n", *l);
          break;
        case SUBPROC_FIELD_KIND_COUNTRIES:
          /* what the cell shows, as the presentation layer says */
          shown = subproc_columns_field_text (processor, f, NULL, language);
          break;
        case SUBPROC_FIELD_KIND_DATE:
          break;
        case SUBPROC_FIELD_KIND_MECHANISMS:
          shown = subproc_columns_field_text (processor, f, NULL, language);
          break;
        case SUBPROC_FIELD_KIND_ENUM:
          break;
        default:
          g_assert_not_reached ();
        }
      if (shown != NULL)
        g_string_append (haystack, shown);
      g_string_append_c (haystack, '\n');
    }

  return subproc_search_fold (haystack->str);
}

/**
 * subproc_search_split:
 * @folded_query: the query as subproc_search_fold() made it
 *
 * Returns: (transfer full): the words of the query, none empty, for
 *   subproc_search_matches_words().
 */
char **
subproc_search_split (const char *folded_query)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  g_return_val_if_fail (folded_query != NULL, NULL);

  words = g_strsplit_set (folded_query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  return g_strv_builder_end (kept);
}

/**
 * subproc_search_matches_words:
 * @words: the query's words, from subproc_search_split()
 * @language: (nullable): the language country names are shown in, as
 *   g_intern_string() gives it (made once for all the processors searched)
 *
 * Whether every word stands in a text of @processor: see
 * subproc_search_matches(). The folded text of a processor is made once and
 * kept until the processor changes, so a keystroke costs a scan of each
 * processor's text, not the folding of every field.
 */
gboolean
subproc_search_matches_words (SubprocProcessor   *processor,
                              const char * const *words,
                              const char         *language)
{
  const char *folded;

  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (processor), FALSE);
  g_return_val_if_fail (words != NULL, FALSE);

  if (words[0] == NULL)
    return TRUE;
  folded = _subproc_processor_get_search_text (processor, language);
  if (folded == NULL)
    {
      _subproc_processor_set_search_text (processor, language, make_search_text (processor, language));
      folded = _subproc_processor_get_search_text (processor, language);
    }

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * subproc_search_matches:
 * @folded_query: the query as subproc_search_fold() made it
 * @language: (nullable): the language country names are shown in
 *
 * Whether any text of @processor holds the query: every text and list field,
 * the place as written, the countries' shown names and the transfer
 * mechanism in words. Words of the query may stand in different fields.
 */
gboolean
subproc_search_matches (SubprocProcessor *processor,
                        const char       *folded_query,
                        const char       *language)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (processor), FALSE);
  g_return_val_if_fail (folded_query != NULL, FALSE);

  words = subproc_search_split (folded_query);
  return subproc_search_matches_words (processor, (const char * const *) words, g_intern_string (language));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-country-table.h"
#include "subproc-country.h"
#include "subproc-legal.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

/* iso-codes' gettext domain, used for country names in languages our own
 * table does not carry. */
#define ISO_3166_DOMAIN "iso_3166-1"

/* The longest run of list parts that can make up one name: "Saint Helena,
 * Ascension and Tristan da Cunha" is three parts once split on "," and
 * "and". A little slack costs nothing. */
#define MAX_PARTS_PER_NAME 6

G_STATIC_ASSERT (G_N_ELEMENTS (subproc_country_table) == SUBPROC_COUNTRY_TABLE_N_ENTRIES);

typedef struct
{
  const char *name;
  const char *code;
} CountryAlias;

/* Names people write that iso-codes does not know in English, Swedish or
 * Danish. Sorted by code, then name. Matching is case-insensitive and
 * ignores a trailing dot and a leading "the", so list each name once.
 *
 * Already iso-codes names in some language (so deliberately absent here):
 * Holland (da), USA (sv, da), United States of America (official),
 * Storbritannien (da), Sydkorea (sv), South Korea (common), Tjeckien (sv),
 * Tjekkiet (da), Czech Republic (official), Czechia, Schweiz, Switzerland,
 * Vietnam, Iran, Taiwan, Bolivia, Venezuela, Tanzania, Moldova, Moldavien,
 * Syria, Syrien, Laos, Nordkorea, North Korea, Burma (da), Swaziland (sv),
 * Eswatini, Hongkong, Hong Kong, Vitryssland, Hviderusland, Turkiet (sv). */
static const CountryAlias country_aliases[] = {
  /* Where the big clouds have their regions, as vendors name the place
   * ("Dublin, Ireland", "North Europe (Dublin)", "US East (N. Virginia)").
   * Only names that are no country anywhere: not Georgia, not Washington. */
  { "Sydney", "AU" },
  { "Melbourne", "AU" },
  { "São Paulo", "BR" },
  { "Sao Paulo", "BR" },
  { "Montreal", "CA" },
  { "Montréal", "CA" },
  { "Toronto", "CA" },
  { "Zurich", "CH" },
  { "Zürich", "CH" },
  { "Geneva", "CH" },
  { "Frankfurt", "DE" },
  { "Frankfurt am Main", "DE" },
  { "Berlin", "DE" },
  { "Munich", "DE" },
  { "Nuremberg", "DE" },
  { "Falkenstein", "DE" },
  { "Copenhagen", "DK" },
  { "København", "DK" },
  { "Madrid", "ES" },
  { "Helsinki", "FI" },
  { "Hamina", "FI" },
  { "Paris", "FR" },
  { "Marseille", "FR" },
  { "London", "GB" },
  { "Manchester", "GB" },
  { "Cardiff", "GB" },
  { "Dublin", "IE" },
  { "North Europe", "IE" },
  { "Tel Aviv", "IL" },
  { "Mumbai", "IN" },
  { "Pune", "IN" },
  { "Hyderabad", "IN" },
  { "Bangalore", "IN" },
  { "Chennai", "IN" },
  { "Milan", "IT" },
  { "Milano", "IT" },
  { "Tokyo", "JP" },
  { "Osaka", "JP" },
  { "Seoul", "KR" },
  { "Amsterdam", "NL" },
  { "Eemshaven", "NL" },
  { "West Europe", "NL" },
  { "Oslo", "NO" },
  { "Warsaw", "PL" },
  { "Warszawa", "PL" },
  { "Stockholm", "SE" },
  { "Gävle", "SE" },
  { "Sandviken", "SE" },
  { "Virginia", "US" },
  { "N. Virginia", "US" },
  { "Northern Virginia", "US" },
  { "Ohio", "US" },
  { "Oregon", "US" },
  { "California", "US" },
  { "N. California", "US" },
  { "Iowa", "US" },
  { "Texas", "US" },
  { "Illinois", "US" },
  { "Utah", "US" },
  { "South Carolina", "US" },
  { "Johannesburg", "ZA" },
  { "Cape Town", "ZA" },

  { "UAE", "AE" },

  /* The two Congos are told apart by their capitals in Swedish and Danish. */
  { "DR Congo", "CD" },
  { "DR Kongo", "CD" },
  { "Democratic Republic of the Congo", "CD" },
  { "Kongo-Kinshasa", "CD" },
  { "Kongo-Brazzaville", "CG" },

  { "Ivory Coast", "CI" },
  { "Cape Verde", "CV" },

  /* The constituent countries of the United Kingdom are not in ISO 3166-1,
   * and people name the whole by its largest part. */
  { "Britain", "GB" },
  { "England", "GB" },
  { "Great Britain", "GB" },
  { "Nordirland", "GB" },
  { "Northern Ireland", "GB" },
  { "Scotland", "GB" },
  { "Skotland", "GB" },
  { "Skottland", "GB" },
  { "Storbritannien och Nordirland", "GB" },
  { "Storbritannien og Nordirland", "GB" },
  { "U.K.", "GB" },
  { "UK", "GB" },
  { "Wales", "GB" },

  /* Nobody writing a sub-processor list means North Korea by "Korea". */
  { "Korea", "KR" },
  { "Republic of Korea", "KR" },

  /* Renamed in 2019; the old names linger. */
  { "Macedonia", "MK" },
  { "Makedonien", "MK" },

  { "Macau", "MO" },

  /* Swedish uses Holland colloquially too; that is the Danish iso name. */
  { "Nederland", "NL" },
  { "Nederlandene", "NL" },

  { "Palestina", "PS" },
  { "Palestine", "PS" },
  { "Palæstina", "PS" },

  /* iso-codes only has "Russian Federation" and its translations. */
  { "Russia", "RU" },
  { "Rusland", "RU" },
  { "Ryssland", "RU" },

  /* Renamed Türkiye in iso-codes 4.11; Danish kept the new name. */
  { "Turkey", "TR" },
  { "Tyrkiet", "TR" },

  { "America", "US" },
  { "Amerika", "US" },
  { "De Forenede Stater", "US" },
  { "Förenta staterna", "US" },
  { "U.S.", "US" },
  { "U.S.A.", "US" },

  /* The iso name "Holy See (Vatican City State)" is rarely written out. */
  { "Holy See", "VA" },
  { "Vatican", "VA" },
  { "Vatican City", "VA" },
  { "Vatican City State", "VA" },
  { "Vatikanen", "VA" },
  { "Vatikanet", "VA" },
};

/* Words that join places in a list, whole words only. "or" and "eller"
 * because contracts say "och/eller", "og/eller" and "and/or". */
static const char * const separator_words[] = {
  "and", "och", "og", "samt",
  "eller", "or",
};

static gboolean
is_english_the (const char *p)
{
  return g_ascii_strncasecmp (p, "the ", 4) == 0;
}

/* The matching form of a name: whitespace collapsed and trimmed, a trailing
 * dot and a leading "the " dropped, typographic apostrophes made plain
 * (word processors turn "Côte d'Ivoire" into "Côte d’Ivoire"), then
 * casefolded and NFC-normalized so that "ÖSTERRIKE" typed on one system
 * and a decomposed "Österrike" pasted from another both match. NULL when
 * nothing is left or TEXT is not UTF-8. */
static char *
normalize_key (const char *text,
               gssize      len)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char *p;
  const char *end;
  gboolean pending_space = FALSE;

  if (len < 0)
    len = strlen (text);
  if (!g_utf8_validate (text, len, NULL))
    return NULL;

  end = text + len;
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = s->len > 0;
          continue;
        }
      if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
        c = '\'';
      if (pending_space)
        g_string_append_c (s, ' ');
      pending_space = FALSE;
      g_string_append_unichar (s, c);
    }

  if (s->len > 0 && s->str[s->len - 1] == '.')
    g_string_truncate (s, s->len - 1);
  while (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  if (is_english_the (s->str))
    g_string_erase (s, 0, 4);
  if (s->len == 0)
    return NULL;

  folded = g_utf8_casefold (s->str, s->len);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static int
compare_entry_code (const void *key,
                    const void *element)
{
  const SubprocCountryEntry *entry = element;

  return strcmp (key, entry->code);
}

/* The table is sorted by code at build time. */
static const SubprocCountryEntry *
find_entry (const char *code)
{
  if (code == NULL || strlen (code) != 2)
    return NULL;

  return bsearch (code, subproc_country_table,
                  G_N_ELEMENTS (subproc_country_table),
                  sizeof subproc_country_table[0],
                  compare_entry_code);
}

static void
index_add (GHashTable *index,
           const char *form,
           const char *code)
{
  g_autofree char *key = NULL;
  const char *existing;

  if (form == NULL)
    return;
  key = normalize_key (form, -1);
  if (key == NULL)
    return;

  /* First come wins: codes and iso names are added before aliases. A clash
   * means a new iso-codes release or a new alias made a name ambiguous;
   * warn so that the test suite (where warnings are fatal) catches it. */
  existing = g_hash_table_lookup (index, key);
  if (existing != NULL)
    {
      if (strcmp (existing, code) != 0)
        g_warning ("Country name “%s” matches both %s and %s; keeping %s",
                   form, existing, code, existing);
      return;
    }
  g_hash_table_insert (index, g_steal_pointer (&key), (gpointer) code);
}

static gpointer
build_index (gpointer data G_GNUC_UNUSED)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const SubprocCountryEntry *e;
  guint i;

  /* Codes first, then English, then the other languages, then aliases:
   * should two forms ever collide, the one most people mean wins. The
   * values point into the table so that lookups return static strings. */
  for (i = 0; i < G_N_ELEMENTS (subproc_country_table); i++)
    {
      e = &subproc_country_table[i];
      index_add (index, e->code, e->code);
      index_add (index, e->alpha3, e->code);
    }
  for (i = 0; i < G_N_ELEMENTS (subproc_country_table); i++)
    {
      e = &subproc_country_table[i];
      index_add (index, e->name_en, e->code);
      index_add (index, e->common_en, e->code);
      index_add (index, e->official_en, e->code);
    }
  for (i = 0; i < G_N_ELEMENTS (subproc_country_table); i++)
    {
      e = &subproc_country_table[i];
      index_add (index, e->name_sv, e->code);
      index_add (index, e->common_sv, e->code);
      index_add (index, e->official_sv, e->code);
      index_add (index, e->name_da, e->code);
      index_add (index, e->common_da, e->code);
      index_add (index, e->official_da, e->code);
    }
  for (i = 0; i < G_N_ELEMENTS (country_aliases); i++)
    {
      e = find_entry (country_aliases[i].code);
      if (e == NULL)
        {
          g_warning ("Country alias “%s” names unknown code %s",
                     country_aliases[i].name, country_aliases[i].code);
          continue;
        }
      index_add (index, country_aliases[i].name, e->code);
    }

  return index;
}

static GHashTable *
get_index (void)
{
  static GOnce once = G_ONCE_INIT;

  /* Built on first use and kept for the life of the process. */
  return g_once (&once, build_index, NULL);
}

static const char *
lookup_len (const char *text,
            gssize      len)
{
  g_autofree char *key = normalize_key (text, len);

  if (key == NULL)
    return NULL;
  return g_hash_table_lookup (get_index (), key);
}

/* TRUE when LANGUAGE is WANTED, possibly with a territory, codeset or
 * modifier ("sv", "sv_SE", "sv-FI", "da_DK.UTF-8"), in case a translator
 * writes a locale name where we asked for a language code. */
static gboolean
language_is (const char *language,
             const char *wanted)
{
  gsize n = strlen (wanted);

  return g_ascii_strncasecmp (language, wanted, n) == 0 &&
         (language[n] == '\0' || strchr ("_-.@", language[n]) != NULL);
}

/**
 * subproc_country_ui_language:
 *
 * The language the user interface is shown in, as our own translation
 * declares it, so that country names match the rest of the UI even when
 * the locale says otherwise (say, LANG=sv_SE but no Swedish translation
 * installed: the UI is English, so the countries should be too).
 *
 * Returns: an ISO 639-1 code such as "en", "sv" or "da"
 */
const char *
subproc_country_ui_language (void)
{
  /* Translators: the ISO 639-1 code of the language you translate into, e.g. "sv" or "da". Used to show country names. */
  return C_("language code", "en");
}

/**
 * subproc_country_name:
 * @code: an ISO 3166-1 alpha-2 code, upper case
 * @language: (nullable): "en", "sv", "da"…, or %NULL for the UI language
 *
 * The iso-codes name of a country, its common name where it has one. Swedish, Danish and English come from
 * the built-in table so they do not depend on what is installed at run
 * time; other languages are looked up in iso-codes' own catalog for the
 * current locale, falling back to English.
 *
 * Returns: (nullable): a static string, or %NULL for an unknown code
 */
const char *
subproc_country_name (const char *code,
                      const char *language)
{
  static gsize codeset_bound = 0;
  const SubprocCountryEntry *entry;

  g_return_val_if_fail (code != NULL, NULL);

  entry = find_entry (code);
  if (entry == NULL)
    return NULL;

  if (language == NULL)
    language = subproc_country_ui_language ();

  /* the common name where there is one: “South Korea”, not “Korea, Republic of” */
  if (language_is (language, "en"))
    return entry->common_en != NULL ? entry->common_en : entry->name_en;
  if (language_is (language, "sv"))
    return entry->common_sv != NULL ? entry->common_sv : entry->name_sv;
  if (language_is (language, "da"))
    return entry->common_da != NULL ? entry->common_da : entry->name_da;

  /* GTK wants UTF-8 whatever the locale's codeset. */
  if (g_once_init_enter (&codeset_bound))
    {
      bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave (&codeset_bound, 1);
    }
  return g_dgettext (ISO_3166_DOMAIN, entry->name_en);
}

/**
 * subproc_country_is_known:
 * @code: a string that may be an ISO 3166-1 alpha-2 code
 *
 * Returns: %TRUE if @code is exactly an upper-case alpha-2 code in the table
 */
gboolean
subproc_country_is_known (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return find_entry (code) != NULL;
}

/**
 * subproc_country_is_eea:
 * @code: an ISO 3166-1 alpha-2 code, upper case
 *
 * Transfers to a country inside the European Economic Area (the EU plus
 * Iceland, Liechtenstein and Norway) are not third-country transfers
 * under GDPR Chapter V.
 *
 * Returns: %TRUE if @code is an EEA member state
 */
gboolean
subproc_country_is_eea (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return subproc_legal_is_eea (code);
}

/**
 * subproc_country_get_n_countries:
 *
 * Returns: the number of countries in the table
 */
guint
subproc_country_get_n_countries (void)
{
  return G_N_ELEMENTS (subproc_country_table);
}

/**
 * subproc_country_get_code:
 * @index: a position below subproc_country_get_n_countries()
 *
 * Returns: the alpha-2 code at @index (the table is sorted by code)
 */
const char *
subproc_country_get_code (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (subproc_country_table), NULL);

  return subproc_country_table[index].code;
}

/**
 * subproc_country_lookup:
 * @name: a place name or code
 *
 * Finds the country for one place name: an iso-codes name, common name or
 * official name in English, Swedish or Danish, an alpha-2 or alpha-3 code,
 * or one of our aliases ("UK", "Ryssland"…). Case-insensitive; surrounding
 * whitespace and a trailing dot are ignored.
 *
 * Returns: (nullable): a static alpha-2 code, or %NULL
 */
const char *
subproc_country_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return lookup_len (name, -1);
}

typedef struct
{
  const char *start;
  const char *end;
  gboolean    hard_break_after;
} ListPart;

/* Length of the separator word at P, or 0. The caller has checked that P
 * starts a word. */
static gsize
separator_word_at (const char *p)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (separator_words); i++)
    {
      gsize n = strlen (separator_words[i]);

      if (g_ascii_strncasecmp (p, separator_words[i], n) == 0 &&
          (p[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + n))))
        return n;
    }
  return 0;
}

/* Words for a region, or for where a cloud puts it within a country. */
static gboolean
is_region_word (const char *text)
{
  static const char * const regions[] = {
    "eu", "eea", "eøs", "ees", "europe", "europa", "eu/eea", "global", "worldwide", "world", "hela världen",
    "hele verden", "us east", "us west", "us central", "east us", "west us", "central us", "east", "west",
    "north", "south", "central", "region", "regions", "primary", "backup", "data center", "data centre",
    "datacenter",
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (folded, regions[i]))
      return TRUE;
  return FALSE;
}

/* Splits TEXT into the parts between separators. Newlines and ";" are hard
 * breaks that no name spans; the other separators may occur inside a name
 * ("Trinidad and Tobago", "Korea, Republic of"), so the caller tries to
 * join parts across them. */
static GArray *
split_list (const char *text)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (ListPart));
  const char *part_start = text;
  const char *p = text;
  gboolean prev_alnum = FALSE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gsize sep_len = 0;
      gboolean hard = FALSE;

      if (c == '\n' || c == '\r' || c == ';')
        {
          sep_len = 1;
          hard = TRUE;
        }
      /* Parentheses too: "Ireland (EU)" is a country and a remark. */
      else if (c == '/' || c == ',' || c == '&' || c == '+' || c == '(' || c == ')' || c == '|')
        sep_len = 1;
      /* "Ireland · United States", "London – Dublin", bullets */
      else if (c == 0x00B7 || c == 0x2022 || c == 0x2013 || c == 0x2014)
        sep_len = g_utf8_next_char (p) - p;
      else if (!prev_alnum)
        sep_len = separator_word_at (p);

      if (sep_len > 0)
        {
          ListPart part = { part_start, p, hard };

          g_array_append_val (parts, part);
          p += sep_len;
          part_start = p;
          prev_alnum = FALSE;
          continue;
        }

      prev_alnum = g_unichar_isalnum (c);
      p = g_utf8_next_char (p);
    }

  {
    ListPart last = { part_start, p, TRUE };

    g_array_append_val (parts, last);
  }

  return parts;
}

/* Nothing worth reporting: only whitespace and punctuation ("", " ", "-"). */
static gboolean
part_is_blank (const ListPart *part)
{
  const char *p;

  for (p = part->start; p < part->end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        return FALSE;
    }
  return TRUE;
}

static void
add_unique (GPtrArray  *array,
            const char *value)
{
  guint i;

  for (i = 0; i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), value) == 0)
      return;
  g_ptr_array_add (array, g_strdup (value));
}

static char **
finish_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_free (array, FALSE);
}

/**
 * subproc_country_parse_list:
 * @text: a location as written in a sub-processor list
 * @unknown: (out) (optional): the parts that are not countries
 *
 * Turns "Holland/ Irland", "Ireland, Netherlands", "Irland og Holland" or
 * "USA & EU" into country codes. The text is split on / , ; & + ( ) and
 * newlines and on the words "and", "och", "og", "samt", "or" and "eller";
 * runs of parts are joined back where together they make one name, so
 * "Trinidad and Tobago" or "Bosnia and Herzegovina, Serbia" come out right.
 * Regions such as "EU", "EEA" or "worldwide" are not countries and end up
 * in @unknown, so that the caller can ask the user what they mean.
 *
 * Returns: (transfer full): the codes in order of first appearance,
 *   without duplicates; an empty vector when nothing matched
 */
char **
subproc_country_parse_list (const char   *text,
                            char       ***unknown)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) unknowns = NULL;
  g_autoptr(GArray) parts = NULL;
  g_autofree char *valid = NULL;
  const char *code;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  codes = g_ptr_array_new_with_free_func (g_free);
  unknowns = g_ptr_array_new_with_free_func (g_free);

  /* The text comes from documents; walking it needs valid UTF-8. */
  valid = g_utf8_make_valid (text, -1);

  /* The whole text first: one name is the common case, and it may contain
   * separators ("Holy See (Vatican City State)"). */
  code = lookup_len (valid, -1);
  if (code != NULL)
    {
      g_ptr_array_add (codes, g_strdup (code));
      goto out;
    }

  parts = split_list (valid);
  i = 0;
  while (i < parts->len)
    {
      const ListPart *first = &g_array_index (parts, ListPart, i);
      guint last_possible = i;
      guint j;

      if (part_is_blank (first))
        {
          i++;
          continue;
        }

      /* A name never spans a hard break. */
      while (last_possible + 1 < parts->len &&
             last_possible - i + 1 < MAX_PARTS_PER_NAME &&
             !g_array_index (parts, ListPart, last_possible).hard_break_after)
        last_possible++;

      /* Longest match first, so "Trinidad and Tobago" beats "Trinidad".
       * A closing parenthesis is always followed by a (maybe empty) part,
       * so "Saint Martin (French part)" is one of the spans tried. */
      code = NULL;
      for (j = last_possible; ; j--)
        {
          const ListPart *last = &g_array_index (parts, ListPart, j);

          code = lookup_len (first->start, last->end - first->start);
          if (code != NULL || j == i)
            break;
        }

      if (code != NULL)
        {
          add_unique (codes, code);
          i = j + 1;
        }
      else
        {
          g_autofree char *raw = g_strndup (first->start, first->end - first->start);

          add_unique (unknowns, g_strstrip (raw));
          i++;
        }
    }

out:
  /* a region that a country in parentheses qualifies, or that qualifies
   * one ("EU (Ireland)", "US East (N. Virginia)", "Ireland (EU)"), says no
   * more than the country; beside one ("USA & EU") or alone, it is a place
   * without a country, for the caller to ask about */
  if (codes->len > 0 && strchr (valid, '(') != NULL)
    for (guint u = unknowns->len; u-- > 0;)
      if (is_region_word (g_ptr_array_index (unknowns, u)))
        g_ptr_array_remove_index (unknowns, u);
  if (unknown != NULL)
    *unknown = finish_strv (g_steal_pointer (&unknowns));
  return finish_strv (g_steal_pointer (&codes));
}

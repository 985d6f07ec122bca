/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "subproc-country.h"

typedef struct
{
  const char *code;
  const char *en;
  const char *sv;
  const char *da;
} Names;

/* What iso-codes 4.15 calls these, checked against its catalogs. Note the
 * Swedish "Förenade kungariket" and the Danish "Holland". */
static const Names names[] = {
  { "SE", "Sweden", "Sverige", "Sverige" },
  { "NL", "Netherlands", "Nederländerna", "Holland" },
  { "US", "United States", "USA", "USA" },
  { "DE", "Germany", "Tyskland", "Tyskland" },
  { "IE", "Ireland", "Irland", "Irland" },
  { "GB", "United Kingdom", "Förenade kungariket", "Storbritannien" },
};

typedef struct
{
  const char *name;
  const char *code;
} Case;

static void
assert_lookups (const Case *cases,
                gsize       n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      const char *found = subproc_country_lookup (cases[i].name);

      if (g_strcmp0 (found, cases[i].code) != 0)
        g_test_message ("lookup “%s”", cases[i].name);
      g_assert_cmpstr (found, ==, cases[i].code);
    }
}

static void
test_table (void)
{
  guint n = subproc_country_get_n_countries ();
  guint i;

  g_assert_cmpuint (n, ==, 249);
  g_assert_cmpstr (subproc_country_get_code (0), ==, "AD");
  g_assert_cmpstr (subproc_country_get_code (n - 1), ==, "ZW");

  /* Sorted and unique, and every entry resolvable. */
  for (i = 0; i < n; i++)
    {
      const char *code = subproc_country_get_code (i);

      g_assert_cmpuint (strlen (code), ==, 2);
      g_assert_true (subproc_country_is_known (code));
      g_assert_nonnull (subproc_country_name (code, "en"));
      if (i > 0)
        g_assert_cmpint (strcmp (subproc_country_get_code (i - 1), code), <, 0);
    }
}

static void
test_ui_language (void)
{
  /* No translation is bound in the test, so the msgid comes back. */
  g_assert_cmpstr (subproc_country_ui_language (), ==, "en");
}

static void
test_name_english (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (subproc_country_name (names[i].code, "en"), ==, names[i].en);
  /* the common name where iso-codes has one */
  g_assert_cmpstr (subproc_country_name ("KR", "en"), ==, "South Korea");
  g_assert_cmpstr (subproc_country_name ("BO", "en"), ==, "Bolivia");
}

static void
test_name_swedish (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (subproc_country_name (names[i].code, "sv"), ==, names[i].sv);
  g_assert_cmpstr (subproc_country_name ("AT", "sv"), ==, "Österrike");
}

static void
test_name_danish (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (subproc_country_name (names[i].code, "da"), ==, names[i].da);
  g_assert_cmpstr (subproc_country_name ("AT", "da"), ==, "Østrig");
}

static void
test_name_language_forms (void)
{
  /* Locale names rather than bare language codes. */
  g_assert_cmpstr (subproc_country_name ("NL", "sv_SE"), ==, "Nederländerna");
  g_assert_cmpstr (subproc_country_name ("NL", "da_DK.UTF-8"), ==, "Holland");
  g_assert_cmpstr (subproc_country_name ("NL", "sv-FI"), ==, "Nederländerna");
  /* "svx" is not Swedish. */
  g_assert_cmpstr (subproc_country_name ("NL", "svx"), ==, "Netherlands");
  /* NULL means the UI language, English here. */
  g_assert_cmpstr (subproc_country_name ("NL", NULL), ==, "Netherlands");
  /* Outside the table: iso-codes' catalog for the current locale (C here),
   * so English. */
  g_assert_cmpstr (subproc_country_name ("NL", "de"), ==, "Netherlands");
}

static void
test_name_unknown (void)
{
  g_assert_null (subproc_country_name ("XX", "en"));
  g_assert_null (subproc_country_name ("se", "en"));
  g_assert_null (subproc_country_name ("SWE", "sv"));
  g_assert_null (subproc_country_name ("", "da"));
  g_assert_null (subproc_country_name ("EU", NULL));

  g_assert_false (subproc_country_is_known ("XX"));
  g_assert_false (subproc_country_is_known ("se"));
  g_assert_false (subproc_country_is_known ("SWE"));
  g_assert_false (subproc_country_is_known (""));
  g_assert_false (subproc_country_is_known ("EU"));
  g_assert_false (subproc_country_is_known ("UK"));
  g_assert_true (subproc_country_is_known ("SE"));
}

static void
test_lookup_english (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (subproc_country_lookup (names[i].en), ==, names[i].code);
}

static void
test_lookup_swedish (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (subproc_country_lookup (names[i].sv), ==, names[i].code);
}

static void
test_lookup_danish (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (subproc_country_lookup (names[i].da), ==, names[i].code);
}

/* Every display name must find its own country again, in every language:
 * this fails if two countries' names ever collide. */
static void
test_lookup_round_trip (void)
{
  static const char * const languages[] = { "en", "sv", "da" };
  guint n = subproc_country_get_n_countries ();
  guint i;
  gsize l;

  for (i = 0; i < n; i++)
    {
      const char *code = subproc_country_get_code (i);

      for (l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          const char *name = subproc_country_name (code, languages[l]);
          const char *found = subproc_country_lookup (name);

          if (g_strcmp0 (found, code) != 0)
            g_test_message ("%s in %s: “%s”", code, languages[l], name);
          g_assert_cmpstr (found, ==, code);
        }
    }
}

static void
test_lookup_forms (void)
{
  static const Case cases[] = {
    /* Case, whitespace, a trailing dot, a leading "the". */
    { "  irland. ", "IE" },
    { "SVERIGE", "SE" },
    { "nederländerna", "NL" },
    { "NEDERLÄNDERNA", "NL" },
    { "United \t  Kingdom", "GB" },
    { "the Netherlands", "NL" },
    { "The United States", "US" },
    /* Decomposed (NFD) input, as pasted from some systems. */
    { "O\xcc\x88sterrike", "AT" },
    /* A typographic apostrophe. */
    { "Côte d\xe2\x80\x99Ivoire", "CI" },
    { "Côte d'Ivoire", "CI" },
    /* iso-codes common and official names, and their translations. */
    { "South Korea", "KR" },
    { "Korea, Republic of", "KR" },
    { "Kingdom of Sweden", "SE" },
    { "Konungariket Sverige", "SE" },
    { "Kongeriget Sverige", "SE" },
    { "Federal Republic of Germany", "DE" },
    { "United Kingdom of Great Britain and Northern Ireland", "GB" },
    { "Holy See (Vatican City State)", "VA" },
  };

  assert_lookups (cases, G_N_ELEMENTS (cases));
}

static void
test_lookup_codes (void)
{
  static const Case cases[] = {
    { "SE", "SE" },
    { "se", "SE" },
    { " NL ", "NL" },
    { "SWE", "SE" },
    { "swe", "SE" },
    { "NLD", "NL" },
    { "USA", "US" },
    { "GBR", "GB" },
    { "DEU", "DE" },
    { "IRL", "IE" },
    { "DNK", "DK" },
    { "NOR", "NO" },
  };

  assert_lookups (cases, G_N_ELEMENTS (cases));
}

static void
test_lookup_aliases (void)
{
  static const Case cases[] = {
    { "Holland", "NL" },
    { "Nederlandene", "NL" },
    { "USA", "US" },
    { "US", "US" },
    { "U.S.", "US" },
    { "U.S.A.", "US" },
    { "u.s.a", "US" },
    { "United States of America", "US" },
    { "Amerika", "US" },
    { "UK", "GB" },
    { "U.K.", "GB" },
    { "England", "GB" },
    { "Great Britain", "GB" },
    { "Britain", "GB" },
    { "Storbritannien", "GB" },
    { "Storbritannien og Nordirland", "GB" },
    { "Storbritannien och Nordirland", "GB" },
    { "Skotland", "GB" },
    { "Skottland", "GB" },
    { "Scotland", "GB" },
    { "Wales", "GB" },
    { "Sydkorea", "KR" },
    { "South Korea", "KR" },
    { "Korea", "KR" },
    { "Nordkorea", "KP" },
    { "Ryssland", "RU" },
    { "Rusland", "RU" },
    { "Russia", "RU" },
    { "Russian Federation", "RU" },
    { "Tjeckien", "CZ" },
    { "Tjekkiet", "CZ" },
    { "Czech Republic", "CZ" },
    { "Czechia", "CZ" },
    { "Schweiz", "CH" },
    { "Switzerland", "CH" },
    { "Vietnam", "VN" },
    { "Viet Nam", "VN" },
    { "Iran", "IR" },
    { "Taiwan", "TW" },
    { "Bolivia", "BO" },
    { "Venezuela", "VE" },
    { "Tanzania", "TZ" },
    { "Moldova", "MD" },
    { "Moldavien", "MD" },
    { "Turkey", "TR" },
    { "Turkiet", "TR" },
    { "Tyrkiet", "TR" },
    { "Türkiye", "TR" },
    { "Ivory Coast", "CI" },
    { "Elfenbenskusten", "CI" },
    { "Vatican", "VA" },
  };

  assert_lookups (cases, G_N_ELEMENTS (cases));
}

static void
test_lookup_not_countries (void)
{
  static const char * const regions[] = {
    "EU", "EØS", "EEA", "EES", "Europe", "Europa", "worldwide", "Global",
    "", "   ", ".", "Narnia", "Irland og Holland",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      const char *found = subproc_country_lookup (regions[i]);

      if (found != NULL)
        g_test_message ("lookup “%s”", regions[i]);
      g_assert_null (found);
    }
}

static void
assert_parse (const char         *text,
              const char * const *expected_codes,
              const char * const *expected_unknown)
{
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) unknown = NULL;

  codes = subproc_country_parse_list (text, &unknown);
  g_assert_nonnull (codes);
  if (!g_strv_equal ((const char * const *) codes, expected_codes) ||
      !g_strv_equal ((const char * const *) unknown, expected_unknown))
    g_test_message ("parse “%s”", text);
  g_assert_nonnull (unknown);
  g_assert_cmpstrv (codes, expected_codes);
  g_assert_cmpstrv (unknown, expected_unknown);
}

#define STRV(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define EMPTY ((const char * const[]) { NULL })

static void
test_parse_lists (void)
{
  assert_parse ("Holland/ Irland", STRV ("NL", "IE"), EMPTY);
  assert_parse ("Ireland, Netherlands", STRV ("IE", "NL"), EMPTY);
  assert_parse ("Irland og Holland", STRV ("IE", "NL"), EMPTY);
  assert_parse ("Irland och Nederländerna", STRV ("IE", "NL"), EMPTY);
  assert_parse ("Germany and France", STRV ("DE", "FR"), EMPTY);
  assert_parse ("Tyskland samt Frankrike", STRV ("DE", "FR"), EMPTY);
  assert_parse ("Sverige; Norge + Danmark", STRV ("SE", "NO", "DK"), EMPTY);
  assert_parse ("Sverige\nNorge\r\nDanmark\n", STRV ("SE", "NO", "DK"), EMPTY);
  assert_parse ("USA", STRV ("US"), EMPTY);
  assert_parse (" Irland. ", STRV ("IE"), EMPTY);
  assert_parse ("Sverige och/eller USA", STRV ("SE", "US"), EMPTY);
  assert_parse ("Ireland and/or the US", STRV ("IE", "US"), EMPTY);
  /* "and" inside a word is no separator. */
  assert_parse ("Holland AND Finland", STRV ("NL", "FI"), EMPTY);
}

static void
test_parse_unknown (void)
{
  assert_parse ("USA & EU", STRV ("US"), STRV ("EU"));
  assert_parse ("EU/EØS", EMPTY, STRV ("EU", "EØS"));
  assert_parse ("Norway, worldwide", STRV ("NO"), STRV ("worldwide"));
  assert_parse ("Ireland (EU)", STRV ("IE"), EMPTY);
  /* as vendors write the places of their clouds */
  assert_parse ("EU (Ireland)", STRV ("IE"), EMPTY);
  assert_parse ("North Europe (Dublin)", STRV ("IE"), EMPTY);
  assert_parse ("US East (N. Virginia)", STRV ("US"), EMPTY);
  assert_parse ("Dublin, Ireland", STRV ("IE"), EMPTY);
  assert_parse ("Ireland · United States", STRV ("IE", "US"), EMPTY);
  assert_parse ("London / Dublin", STRV ("GB", "IE"), EMPTY);
  assert_parse ("Frankfurt – Amsterdam", STRV ("DE", "NL"), EMPTY);
  assert_parse ("Stockholm | Paris | Oregon", STRV ("SE", "FR", "US"), EMPTY);
  assert_parse ("Global", EMPTY, STRV ("Global"));
  assert_parse ("Worldwide", EMPTY, STRV ("Worldwide"));
  assert_parse ("Europa", EMPTY, STRV ("Europa"));
  assert_parse ("Narnia och Sverige", STRV ("SE"), STRV ("Narnia"));
}

static void
test_parse_dedupe (void)
{
  assert_parse ("Irland/Ireland", STRV ("IE"), EMPTY);
  assert_parse ("USA, US, U.S.A. och Amerika", STRV ("US"), EMPTY);
  assert_parse ("EU, EU", EMPTY, STRV ("EU"));
  assert_parse ("Sverige, Irland, Sverige", STRV ("SE", "IE"), EMPTY);
}

static void
test_parse_names_with_separators (void)
{
  assert_parse ("Trinidad and Tobago", STRV ("TT"), EMPTY);
  assert_parse ("Bosnia and Herzegovina", STRV ("BA"), EMPTY);
  assert_parse ("Saint Kitts and Nevis", STRV ("KN"), EMPTY);
  assert_parse ("Antigua og Barbuda", STRV ("AG"), EMPTY);
  assert_parse ("Bosnia and Herzegovina, Serbia", STRV ("BA", "RS"), EMPTY);
  assert_parse ("Irland och Trinidad och Tobago", STRV ("IE", "TT"), EMPTY);
  assert_parse ("Korea, Republic of; Ireland", STRV ("KR", "IE"), EMPTY);
  assert_parse ("Holy See (Vatican City State), Irland", STRV ("VA", "IE"), EMPTY);
  assert_parse ("Saint Martin (French part), Irland", STRV ("MF", "IE"), EMPTY);
  assert_parse ("Irland, Saint Martin (French part)", STRV ("IE", "MF"), EMPTY);
  assert_parse ("Storbritannien og Nordirland", STRV ("GB"), EMPTY);
}

static void
test_parse_empty (void)
{
  g_auto(GStrv) codes = NULL;

  assert_parse ("", EMPTY, EMPTY);
  assert_parse ("  \n ", EMPTY, EMPTY);
  assert_parse (", / och", EMPTY, EMPTY);

  /* UNKNOWN is optional. */
  codes = subproc_country_parse_list ("Sverige, EU", NULL);
  g_assert_cmpstrv (codes, STRV ("SE"));
}

static void
test_eea (void)
{
  static const char * const eea[] = { "SE", "DK", "DE", "IE", "NL", "FI", "NO", "IS", "LI", "AT" };
  static const char * const not_eea[] = { "CH", "GB", "US", "IN", "XX", "se" };
  guint n = subproc_country_get_n_countries ();
  guint n_eea = 0;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (eea); i++)
    g_assert_true (subproc_country_is_eea (eea[i]));
  for (i = 0; i < G_N_ELEMENTS (not_eea); i++)
    g_assert_false (subproc_country_is_eea (not_eea[i]));

  for (i = 0; i < n; i++)
    if (subproc_country_is_eea (subproc_country_get_code (i)))
      n_eea++;
  g_assert_cmpuint (n_eea, ==, 30);
}

int
main (int   argc,
      char *argv[])
{
  /* The fallback to iso-codes' own catalog must give English whatever the
   * developer's session language is. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/country/table", test_table);
  g_test_add_func ("/country/ui-language", test_ui_language);
  g_test_add_func ("/country/name/english", test_name_english);
  g_test_add_func ("/country/name/swedish", test_name_swedish);
  g_test_add_func ("/country/name/danish", test_name_danish);
  g_test_add_func ("/country/name/language-forms", test_name_language_forms);
  g_test_add_func ("/country/name/unknown", test_name_unknown);
  g_test_add_func ("/country/lookup/english", test_lookup_english);
  g_test_add_func ("/country/lookup/swedish", test_lookup_swedish);
  g_test_add_func ("/country/lookup/danish", test_lookup_danish);
  g_test_add_func ("/country/lookup/round-trip", test_lookup_round_trip);
  g_test_add_func ("/country/lookup/forms", test_lookup_forms);
  g_test_add_func ("/country/lookup/codes", test_lookup_codes);
  g_test_add_func ("/country/lookup/aliases", test_lookup_aliases);
  g_test_add_func ("/country/lookup/not-countries", test_lookup_not_countries);
  g_test_add_func ("/country/parse/lists", test_parse_lists);
  g_test_add_func ("/country/parse/unknown", test_parse_unknown);
  g_test_add_func ("/country/parse/dedupe", test_parse_dedupe);
  g_test_add_func ("/country/parse/names-with-separators", test_parse_names_with_separators);
  g_test_add_func ("/country/parse/empty", test_parse_empty);
  g_test_add_func ("/country/eea", test_eea);

  return g_test_run ();
}

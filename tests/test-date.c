/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "subproc-date.h"

typedef struct
{
  const char *text;
  int         year;
  int         month;
  int         day;
} ParseCase;

static void
assert_parses (const char *text,
               int         year,
               int         month,
               int         day)
{
  g_autoptr(GDate) date = subproc_date_parse (text);

  if (date == NULL)
    g_error ("\"%s\" was rejected, expected %04d-%02d-%02d",
             text, year, month, day);

  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_rejected (const char *text)
{
  g_autoptr(GDate) date = subproc_date_parse (text);
  g_autofree char *iso = subproc_date_to_iso (date);

  if (date != NULL)
    g_error ("\"%s\" was accepted as %s, expected rejection", text, iso);
}

static void
check_cases (gconstpointer data)
{
  for (const ParseCase *c = data; c->text != NULL; c++)
    assert_parses (c->text, c->year, c->month, c->day);
}

static const ParseCase english_cases[] = {
  { "Dec 31, 2019", 2019, 12, 31 },
  { "December 31 2019", 2019, 12, 31 },
  { "31 December 2019", 2019, 12, 31 },
  { "7. oct. 2020", 2020, 10, 7 },
  { "3. Aug 2020", 2020, 8, 3 },
  { "1 January 2021", 2021, 1, 1 },
  { "1 Jan 2021", 2021, 1, 1 },
  { "2 Feb. 2021", 2021, 2, 2 },
  { "February 28, 2021", 2021, 2, 28 },
  { "15 March 2021", 2021, 3, 15 },
  { "15 Mar 2021", 2021, 3, 15 },
  { "April 4 2021", 2021, 4, 4 },
  { "Apr. 4, 2021", 2021, 4, 4 },
  { "May 5, 2021", 2021, 5, 5 },
  { "June 6 2021", 2021, 6, 6 },
  { "Jun 6 2021", 2021, 6, 6 },
  { "July 7, 2021", 2021, 7, 7 },
  { "Jul. 7, 2021", 2021, 7, 7 },
  { "8 August 2021", 2021, 8, 8 },
  { "9 September 2021", 2021, 9, 9 },
  { "9 Sept 2021", 2021, 9, 9 },
  { "9 Sept. 2021", 2021, 9, 9 },
  { "9 Sep 2021", 2021, 9, 9 },
  { "10 October 2021", 2021, 10, 10 },
  { "Nov 11, 2021", 2021, 11, 11 },
  { "11 November 2021", 2021, 11, 11 },
  { "31-Dec-2019", 2019, 12, 31 },
  { NULL, 0, 0, 0 }
};

static const ParseCase ordinal_cases[] = {
  { "1st January 2020", 2020, 1, 1 },
  { "January 2nd, 2020", 2020, 1, 2 },
  { "3rd Mar 2021", 2021, 3, 3 },
  { "4th July 1776", 1776, 7, 4 },
  { "11th Nov 2021", 2021, 11, 11 },
  { "12th Nov 2021", 2021, 11, 12 },
  { "13th Nov 2021", 2021, 11, 13 },
  { "Nov 21st, 2021", 2021, 11, 21 },
  { "22nd Nov 2021", 2021, 11, 22 },
  { "23rd Nov 2021", 2021, 11, 23 },
  { "31st Dec 2019", 2019, 12, 31 },
  { "Dec 31st, 2019", 2019, 12, 31 },
  { NULL, 0, 0, 0 }
};

static const ParseCase swedish_full_cases[] = {
  { "1 januari 2022", 2022, 1, 1 },
  { "2 februari 2022", 2022, 2, 2 },
  { "3 mars 2022", 2022, 3, 3 },
  { "4 april 2022", 2022, 4, 4 },
  { "5 maj 2022", 2022, 5, 5 },
  { "11. juni 2022", 2022, 6, 11 },
  { "7 juli 2022", 2022, 7, 7 },
  { "8 augusti 2022", 2022, 8, 8 },
  { "9 september 2022", 2022, 9, 9 },
  { "10 oktober 2022", 2022, 10, 10 },
  { "11 november 2022", 2022, 11, 11 },
  { "12 december 2022", 2022, 12, 12 },
  { NULL, 0, 0, 0 }
};

static const ParseCase swedish_abbrev_cases[] = {
  { "31.dec 2019", 2019, 12, 31 },
  { "11. jun 2022", 2022, 6, 11 },
  { "31 dec. 2019", 2019, 12, 31 },
  { "1 jan 2022", 2022, 1, 1 },
  { "2 feb. 2022", 2022, 2, 2 },
  { "3 mar 2022", 2022, 3, 3 },
  { "4 apr. 2022", 2022, 4, 4 },
  { "5 maj 2022", 2022, 5, 5 },
  { "7 jul 2022", 2022, 7, 7 },
  { "8 aug. 2022", 2022, 8, 8 },
  { "9 sep 2022", 2022, 9, 9 },
  { "9 sept. 2022", 2022, 9, 9 },
  { "10 okt. 2022", 2022, 10, 10 },
  { "11 nov 2022", 2022, 11, 11 },
  { NULL, 0, 0, 0 }
};

static const ParseCase danish_cases[] = {
  { "31. dec. 2019", 2019, 12, 31 },
  { "1. januar 2023", 2023, 1, 1 },
  { "2. februar 2023", 2023, 2, 2 },
  { "3. marts 2023", 2023, 3, 3 },
  { "3. mar. 2023", 2023, 3, 3 },
  { "4. april 2023", 2023, 4, 4 },
  { "5. maj 2023", 2023, 5, 5 },
  { "6. juni 2023", 2023, 6, 6 },
  { "7. juli 2023", 2023, 7, 7 },
  { "8. august 2023", 2023, 8, 8 },
  { "9. september 2023", 2023, 9, 9 },
  { "10. oktober 2023", 2023, 10, 10 },
  { "10. okt. 2023", 2023, 10, 10 },
  { "11. november 2023", 2023, 11, 11 },
  { "12. december 2023", 2023, 12, 12 },
  { NULL, 0, 0, 0 }
};

static const ParseCase numeric_cases[] = {
  { "2020-10-07", 2020, 10, 7 },
  { "7/10/2020", 2020, 10, 7 },
  { "7.10.2020", 2020, 10, 7 },
  { "7-10-2020", 2020, 10, 7 },
  { "07.01.2020", 2020, 1, 7 },
  { "12/11/2020", 2020, 11, 12 },
  /* The second number cannot be a month, so this is American order. */
  { "10/13/2020", 2020, 10, 13 },
  { "12.31.2019", 2019, 12, 31 },
  { "29.02.2020", 2020, 2, 29 },
  { "2020-02-29", 2020, 2, 29 },
  { NULL, 0, 0, 0 }
};

static const ParseCase whitespace_case_cases[] = {
  { "  31 dec 2019\t", 2019, 12, 31 },
  { "\n2020-10-07\n", 2020, 10, 7 },
  { "31\xc2\xa0" "dec\xc2\xa0" "2019", 2019, 12, 31 },           /* U+00A0 */
  { "\xc2\xa0" "31. dec. 2019\xe2\x80\xaf", 2019, 12, 31 },     /* U+202F */
  { "31\xe2\x80\x89" "dec 2019", 2019, 12, 31 },                 /* U+2009 */
  { "31   dec   2019", 2019, 12, 31 },
  { "31 DEC 2019", 2019, 12, 31 },
  { "31 DeCeMbEr 2019", 2019, 12, 31 },
  { "DECEMBER 31, 2019", 2019, 12, 31 },
  { "11. JUNI 2022", 2022, 6, 11 },
  { "\xef\xbc\x93\xef\xbc\x91 dec 2019", 2019, 12, 31 },         /* full-width 31 */
  { NULL, 0, 0, 0 }
};

static const char * const rejected_cases[] = {
  "",
  "   ",
  "\xc2\xa0",
  "soon",
  "31.dec",
  "31 dec",
  "32. dec 2019",
  "0 dec 2019",
  "29 feb 2019",
  "31 april 2021",
  "2019-02-30",
  "2019-13-01",
  "2019-00-10",
  "0000-01-01",
  "Dec 2019",
  "December",
  "2019",
  "31 dec 19",
  "Dec 31, 19",
  "7/10/20",
  "20-10-07",
  "31 dec 02019",
  "123 dec 2019",
  "31 dec 2019 xyz",
  "31 dec 2019 12",
  "xyz 31 dec 2019",
  "31 dec 2019.",
  ".31 dec 2019",
  "31 dec 2019!",
  "31 decx 2019",
  "31 foo 2019",
  "31dec 2019",
  "31 dec2019",
  "dec31 2019",
  "31..dec 2019",
  "1th jan 2020",
  "2st jan 2020",
  "11st jan 2020",
  "31 dec 2019th",
  "Dec 31 st, 2019",
  "7 10 2020",
  "7.10/2020",
  "7,10,2020",
  "13/13/2020",
  "1st/10/2020",
  "2020-10-07-01",
  "31 \xff dec 2019",
  NULL
};

static void
test_parse_rejects (void)
{
  for (const char * const *t = rejected_cases; *t != NULL; t++)
    assert_rejected (*t);
}

static void
test_parse_null (void)
{
  if (g_test_subprocess ())
    {
      /* Criticals are fatal in tests, so this aborts the subprocess. */
      g_autoptr(GDate) date = subproc_date_parse (NULL);
      g_assert_null (date);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*text != NULL*");
}

static void
test_iso_parse (void)
{
  static const char * const rejected[] = {
    "", "2019-02-30", "2019-13-01", "2019-12-00", "0000-12-31",
    " 2019-12-31", "2019-12-31 ", "2019-1-05", "2019-12-5", "20191231",
    "2019/12/31", "31.12.2019", "2019-12-31x", "+019-12-31", "2019-1a-01",
    "31 dec 2019", NULL
  };
  g_autoptr(GDate) date = subproc_date_parse_iso ("2019-12-31");
  g_autoptr(GDate) leap = subproc_date_parse_iso ("2020-02-29");

  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, 2019);
  g_assert_cmpint (g_date_get_month (date), ==, 12);
  g_assert_cmpint (g_date_get_day (date), ==, 31);
  g_assert_nonnull (leap);
  g_assert_cmpint (g_date_get_day (leap), ==, 29);

  for (const char * const *t = rejected; *t != NULL; t++)
    {
      g_autoptr(GDate) bad = subproc_date_parse_iso (*t);

      if (bad != NULL)
        g_error ("strict ISO parser accepted \"%s\"", *t);
    }
}

static void
test_iso_format (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (7, G_DATE_OCTOBER, 2020);
  g_autoptr(GDate) early = g_date_new_dmy (1, G_DATE_JANUARY, 999);
  g_autoptr(GDate) invalid = g_date_new ();
  g_autofree char *iso = subproc_date_to_iso (date);
  g_autofree char *early_iso = subproc_date_to_iso (early);
  g_autofree char *invalid_iso = subproc_date_to_iso (invalid);
  g_autofree char *null_iso = subproc_date_to_iso (NULL);

  g_assert_cmpstr (iso, ==, "2020-10-07");
  g_assert_cmpstr (early_iso, ==, "0999-01-01");
  g_assert_null (invalid_iso);
  g_assert_null (null_iso);
}

static void
test_iso_round_trip (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2019);

  /* Every day of two years, including a leap day. */
  for (int i = 0; i < 731; i++, g_date_add_days (date, 1))
    {
      g_autofree char *iso = subproc_date_to_iso (date);
      g_autoptr(GDate) parsed = subproc_date_parse_iso (iso);
      g_autoptr(GDate) lenient = subproc_date_parse (iso);
      g_autofree char *normalized = subproc_date_normalize_iso (iso);

      g_assert_nonnull (parsed);
      g_assert_nonnull (lenient);
      g_assert_cmpint (g_date_compare (parsed, date), ==, 0);
      g_assert_cmpint (g_date_compare (lenient, date), ==, 0);
      g_assert_cmpstr (normalized, ==, iso);
    }
}

static void
test_iso_normalize (void)
{
  g_autofree char *good = subproc_date_normalize_iso ("2019-12-31");
  g_autofree char *bad = subproc_date_normalize_iso ("2019-02-30");
  g_autofree char *loose = subproc_date_normalize_iso ("31 dec 2019");

  g_assert_cmpstr (good, ==, "2019-12-31");
  g_assert_null (bad);
  g_assert_null (loose);
}

static void
test_format_short (void)
{
  static const char * const expected[] = {
    NULL, "1 Jan 2020", "1 Feb 2020", "1 Mar 2020", "1 Apr 2020",
    "1 May 2020", "1 Jun 2020", "1 Jul 2020", "1 Aug 2020", "1 Sep 2020",
    "1 Oct 2020", "1 Nov 2020", "1 Dec 2020"
  };
  g_autoptr(GDate) date = g_date_new_dmy (31, G_DATE_DECEMBER, 2019);
  g_autoptr(GDate) invalid = g_date_new ();
  g_autofree char *text = subproc_date_format_short (date);
  g_autofree char *invalid_text = subproc_date_format_short (invalid);
  g_autofree char *null_text = subproc_date_format_short (NULL);

  g_assert_cmpstr (text, ==, "31 Dec 2019");
  g_assert_null (invalid_text);
  g_assert_null (null_text);

  for (int m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      g_autoptr(GDate) first = g_date_new_dmy (1, (GDateMonth) m, 2020);
      g_autofree char *formatted = subproc_date_format_short (first);

      g_assert_cmpstr (formatted, ==, expected[m]);
    }
}

static void
test_format_long (void)
{
  static const char * const expected[] = {
    NULL, "2 January 2021", "2 February 2021", "2 March 2021",
    "2 April 2021", "2 May 2021", "2 June 2021", "2 July 2021",
    "2 August 2021", "2 September 2021", "2 October 2021",
    "2 November 2021", "2 December 2021"
  };
  g_autoptr(GDate) date = g_date_new_dmy (31, G_DATE_DECEMBER, 2019);
  g_autofree char *text = subproc_date_format_long (date);
  g_autofree char *null_text = subproc_date_format_long (NULL);

  g_assert_cmpstr (text, ==, "31 December 2019");
  g_assert_null (null_text);

  for (int m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      g_autoptr(GDate) second = g_date_new_dmy (2, (GDateMonth) m, 2021);
      g_autofree char *formatted = subproc_date_format_long (second);

      g_assert_cmpstr (formatted, ==, expected[m]);
    }
}

/* What the table shows must be accepted when pasted back in. */
static void
test_format_parses_back (void)
{
  for (int m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (28, (GDateMonth) m, 2024);
      g_autofree char *short_text = subproc_date_format_short (date);
      g_autofree char *long_text = subproc_date_format_long (date);
      g_autoptr(GDate) from_short = subproc_date_parse (short_text);
      g_autoptr(GDate) from_long = subproc_date_parse (long_text);

      g_assert_nonnull (from_short);
      g_assert_nonnull (from_long);
      g_assert_cmpint (g_date_compare (from_short, date), ==, 0);
      g_assert_cmpint (g_date_compare (from_long, date), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/date/parse/english", english_cases, check_cases);
  g_test_add_data_func ("/date/parse/english-ordinal", ordinal_cases, check_cases);
  g_test_add_data_func ("/date/parse/swedish-full", swedish_full_cases, check_cases);
  g_test_add_data_func ("/date/parse/swedish-abbrev", swedish_abbrev_cases, check_cases);
  g_test_add_data_func ("/date/parse/danish", danish_cases, check_cases);
  g_test_add_data_func ("/date/parse/numeric", numeric_cases, check_cases);
  g_test_add_data_func ("/date/parse/whitespace-and-case", whitespace_case_cases, check_cases);
  g_test_add_func ("/date/parse/rejects", test_parse_rejects);
  g_test_add_func ("/date/parse/null", test_parse_null);
  g_test_add_func ("/date/iso/parse", test_iso_parse);
  g_test_add_func ("/date/iso/format", test_iso_format);
  g_test_add_func ("/date/iso/round-trip", test_iso_round_trip);
  g_test_add_func ("/date/iso/normalize", test_iso_normalize);
  g_test_add_func ("/date/format/short", test_format_short);
  g_test_add_func ("/date/format/long", test_format_long);
  g_test_add_func ("/date/format/parses-back", test_format_parses_back);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-date.h"

#include <string.h>

#include <glib/gi18n-lib.h>

/* A date is at most day, month and year; anything beyond is garbage. */
#define MAX_TOKENS 3

typedef struct
{
  const char *start;
  gsize       len;
  gboolean    is_number;
  gboolean    ordinal;  /* number carried an English ordinal suffix */
  gunichar    punct;    /* punctuation in the gap after the token, or 0 */
} Token;

typedef struct
{
  const char *name;
  GDateMonth  month;
} MonthName;

/* Casefolded month names and abbreviations in English, Swedish and Danish.
 * These are recognised whatever the UI language is, because registers are
 * compiled from documents written in any of the three. */
static const MonthName month_names[] = {
  { "january", G_DATE_JANUARY }, { "januari", G_DATE_JANUARY },
  { "januar", G_DATE_JANUARY }, { "jan", G_DATE_JANUARY },
  { "february", G_DATE_FEBRUARY }, { "februari", G_DATE_FEBRUARY },
  { "februar", G_DATE_FEBRUARY }, { "feb", G_DATE_FEBRUARY },
  { "march", G_DATE_MARCH }, { "mars", G_DATE_MARCH },
  { "marts", G_DATE_MARCH }, { "mar", G_DATE_MARCH },
  { "april", G_DATE_APRIL }, { "apr", G_DATE_APRIL },
  { "may", G_DATE_MAY }, { "maj", G_DATE_MAY },
  { "june", G_DATE_JUNE }, { "juni", G_DATE_JUNE }, { "jun", G_DATE_JUNE },
  { "july", G_DATE_JULY }, { "juli", G_DATE_JULY }, { "jul", G_DATE_JULY },
  { "august", G_DATE_AUGUST }, { "augusti", G_DATE_AUGUST },
  { "aug", G_DATE_AUGUST },
  { "september", G_DATE_SEPTEMBER }, { "sept", G_DATE_SEPTEMBER },
  { "sep", G_DATE_SEPTEMBER },
  { "october", G_DATE_OCTOBER }, { "oktober", G_DATE_OCTOBER },
  { "oct", G_DATE_OCTOBER }, { "okt", G_DATE_OCTOBER },
  { "november", G_DATE_NOVEMBER }, { "nov", G_DATE_NOVEMBER },
  { "december", G_DATE_DECEMBER }, { "dec", G_DATE_DECEMBER },
};

#define MONTH_CONTEXT "month"
#define ABBREV_MONTH_CONTEXT "abbreviated month"

/* Indexed by GDateMonth; translated at runtime with g_dpgettext2(). */
static const char * const month_full[] = {
  NULL,
  /* Translators: full month name, as used in "31 January 2019" */
  NC_("month", "January"),
  /* Translators: full month name, as used in "28 February 2019" */
  NC_("month", "February"),
  /* Translators: full month name, as used in "31 March 2019" */
  NC_("month", "March"),
  /* Translators: full month name, as used in "30 April 2019" */
  NC_("month", "April"),
  /* Translators: full month name, as used in "31 May 2019" */
  NC_("month", "May"),
  /* Translators: full month name, as used in "30 June 2019" */
  NC_("month", "June"),
  /* Translators: full month name, as used in "31 July 2019" */
  NC_("month", "July"),
  /* Translators: full month name, as used in "31 August 2019" */
  NC_("month", "August"),
  /* Translators: full month name, as used in "30 September 2019" */
  NC_("month", "September"),
  /* Translators: full month name, as used in "31 October 2019" */
  NC_("month", "October"),
  /* Translators: full month name, as used in "30 November 2019" */
  NC_("month", "November"),
  /* Translators: full month name, as used in "31 December 2019" */
  NC_("month", "December"),
};

static const char * const month_abbrev[] = {
  NULL,
  /* Translators: abbreviated month name in a table date such as
   * "31 Jan 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Jan"),
  /* Translators: abbreviated month name in a table date such as
   * "28 Feb 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Feb"),
  /* Translators: abbreviated month name in a table date such as
   * "31 Mar 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Mar"),
  /* Translators: abbreviated month name in a table date such as
   * "30 Apr 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Apr"),
  /* Translators: abbreviated month name in a table date such as
   * "31 May 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "May"),
  /* Translators: abbreviated month name in a table date such as
   * "30 Jun 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Jun"),
  /* Translators: abbreviated month name in a table date such as
   * "31 Jul 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Jul"),
  /* Translators: abbreviated month name in a table date such as
   * "31 Aug 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Aug"),
  /* Translators: abbreviated month name in a table date such as
   * "30 Sep 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Sep"),
  /* Translators: abbreviated month name in a table date such as
   * "31 Oct 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Oct"),
  /* Translators: abbreviated month name in a table date such as
   * "30 Nov 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Nov"),
  /* Translators: abbreviated month name in a table date such as
   * "31 Dec 2019"; include the abbreviation dot if your language uses one */
  NC_("abbreviated month", "Dec"),
};

/* NFKC turns no-break, thin and figure spaces into plain spaces and
 * full-width digits into ASCII ones; casefolding makes "DEC" match "dec". */
static char *
fold_text (const char *text)
{
  g_autofree char *normalized = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return NULL;

  return g_utf8_casefold (normalized, -1);
}

static gboolean
digits_value (const char *s,
              gsize       len,
              guint      *value)
{
  guint v = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }

  *value = v;
  return TRUE;
}

/* The digit count is checked before conversion, so this also rejects
 * two-digit years and cannot overflow. */
static gboolean
token_number (const Token *token,
              gsize        min_digits,
              gsize        max_digits,
              guint       *value)
{
  if (!token->is_number || token->len < min_digits || token->len > max_digits)
    return FALSE;

  return digits_value (token->start, token->len, value);
}

static gboolean
is_ordinal_suffix (const Token *number,
                   const char  *word,
                   gsize        len)
{
  const char *expected = "th";
  guint n;

  if (len != 2 || !token_number (number, 1, 2, &n))
    return FALSE;

  /* 11th, 12th and 13th are the exceptions to 1st, 2nd and 3rd. */
  if (n % 100 < 11 || n % 100 > 13)
    {
      if (n % 10 == 1)
        expected = "st";
      else if (n % 10 == 2)
        expected = "nd";
      else if (n % 10 == 3)
        expected = "rd";
    }

  return strncmp (word, expected, 2) == 0;
}

static const char *
skip_run (const char *p,
          gboolean    digits)
{
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (digits ? !g_ascii_isdigit (*p)
                 : !(g_unichar_isalpha (c) || g_unichar_ismark (c)))
        break;
      p = g_utf8_next_char (p);
    }

  return p;
}

static gboolean
is_punct (gunichar c)
{
  return c == '.' || c == ',' || c == '/' || c == '-';
}

/* Adds the run at @start..@end to @tokens. A run glued to the previous
 * token is only allowed as an English ordinal suffix ("31st"). */
static gboolean
add_token (Token      *tokens,
           guint      *n_tokens,
           const char *start,
           const char *end,
           gboolean    is_number,
           gboolean    after_gap)
{
  Token *token;

  if (!after_gap)
    {
      Token *prev = &tokens[*n_tokens - 1];

      if (is_number || !prev->is_number || prev->ordinal
          || !is_ordinal_suffix (prev, start, (gsize) (end - start)))
        return FALSE;
      prev->ordinal = TRUE;
      return TRUE;
    }

  if (*n_tokens == MAX_TOKENS)
    return FALSE;

  token = &tokens[(*n_tokens)++];
  *token = (Token) { start, (gsize) (end - start), is_number, FALSE, 0 };
  return TRUE;
}

/* Splits folded text into numbers and words separated by whitespace and
 * at most one punctuation character per gap. */
static gboolean
tokenize (const char *text,
          Token      *tokens,
          guint      *n_tokens)
{
  const char *p = text;
  gboolean after_gap = TRUE;

  *n_tokens = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gboolean is_number = g_ascii_isdigit (*p);

      if (g_unichar_isspace (c) || is_punct (c))
        {
          if (is_punct (c))
            {
              if (*n_tokens == 0 || tokens[*n_tokens - 1].punct != 0)
                return FALSE;
              tokens[*n_tokens - 1].punct = c;
            }
          after_gap = TRUE;
          p = g_utf8_next_char (p);
        }
      else if (is_number || g_unichar_isalpha (c))
        {
          const char *end = skip_run (p, is_number);

          if (!add_token (tokens, n_tokens, p, end, is_number, after_gap))
            return FALSE;
          after_gap = FALSE;
          p = end;
        }
      else
        return FALSE;
    }

  /* Trailing punctuation ("2019.") counts as trailing garbage. */
  return *n_tokens > 0 && tokens[*n_tokens - 1].punct == 0;
}

static gboolean
translation_matches (const char *word,
                     const char *context,
                     const char *msgid)
{
  g_autofree char *folded = fold_text (g_dpgettext2 (GETTEXT_PACKAGE, context, msgid));
  gsize len;

  if (folded == NULL)
    return FALSE;

  g_strstrip (folded);
  len = strlen (folded);
  if (len > 0 && folded[len - 1] == '.')
    folded[len - 1] = '\0';

  return g_str_equal (word, folded);
}

static GDateMonth
lookup_month (const Token *token)
{
  g_autofree char *word = g_strndup (token->start, token->len);

  for (gsize i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (word, month_names[i].name))
      return month_names[i].month;

  /* Also accept whatever the current translation displays, so that the
   * output of subproc_date_format_short() always parses back. */
  for (guint m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    if (translation_matches (word, MONTH_CONTEXT, month_full[m])
        || translation_matches (word, ABBREV_MONTH_CONTEXT, month_abbrev[m]))
      return (GDateMonth) m;

  return G_DATE_BAD_MONTH;
}

static GDate *
new_valid_date (guint day,
                guint month,
                guint year)
{
  if (month < G_DATE_JANUARY || month > G_DATE_DECEMBER || day > G_MAXUINT8
      || year > G_MAXUINT16
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static GDate *
date_from_words (const Token *day,
                 const Token *month,
                 const Token *year)
{
  guint d, y;

  if (year->ordinal
      || !token_number (day, 1, 2, &d)
      || !token_number (year, 4, 4, &y))
    return NULL;

  return new_valid_date (d, lookup_month (month), y);
}

/* Numeric dates are European day-month-year; only when the middle number
 * cannot be a month do we read it as American month-day-year. */
static GDate *
date_from_numbers (const Token *t)
{
  guint a, b, y;

  if (t[0].ordinal || t[1].ordinal || t[2].ordinal
      || t[0].punct != t[1].punct || t[0].punct == ',')
    return NULL;

  if (token_number (&t[0], 4, 4, &y))
    {
      if (!token_number (&t[1], 1, 2, &a) || !token_number (&t[2], 1, 2, &b))
        return NULL;
      return new_valid_date (b, a, y);
    }

  if (!token_number (&t[0], 1, 2, &a)
      || !token_number (&t[1], 1, 2, &b)
      || !token_number (&t[2], 4, 4, &y))
    return NULL;

  return b > 12 ? new_valid_date (b, a, y) : new_valid_date (a, b, y);
}

static GDate *
date_from_tokens (const Token *t,
                  guint        n_tokens)
{
  if (n_tokens != 3)
    return NULL;

  if (t[0].is_number && !t[1].is_number && t[2].is_number)
    return date_from_words (&t[0], &t[1], &t[2]);

  if (!t[0].is_number && t[1].is_number && t[2].is_number)
    return date_from_words (&t[1], &t[0], &t[2]);

  if (t[0].is_number && t[1].is_number && t[2].is_number)
    {
      /* All-numeric dates need an explicit separator: "7 10 2020" is
       * more likely a typo than a date. */
      if (t[0].punct == 0)
        return NULL;
      return date_from_numbers (t);
    }

  return NULL;
}

/**
 * subproc_date_parse:
 * @text: a date as people write it in Swedish, Danish or English lists
 *
 * Leniently parses @text: month names in any of the three languages,
 * ISO dates, and numeric day-month-year dates. Two-digit years are
 * rejected because they are ambiguous.
 *
 * Returns: (transfer full) (nullable): a valid date, or %NULL when @text
 *   is not a date
 */
GDate *
subproc_date_parse (const char *text)
{
  g_autofree char *folded = NULL;
  Token tokens[MAX_TOKENS];
  guint n_tokens;

  g_return_val_if_fail (text != NULL, NULL);

  folded = fold_text (text);
  if (folded == NULL || !tokenize (folded, tokens, &n_tokens))
    return NULL;

  return date_from_tokens (tokens, n_tokens);
}

/**
 * subproc_date_parse_iso:
 * @text: a date in the file format
 *
 * Strictly parses YYYY-MM-DD, without surrounding whitespace.
 *
 * Returns: (transfer full) (nullable): a valid date, or %NULL when @text
 *   is not exactly a valid YYYY-MM-DD date
 */
GDate *
subproc_date_parse_iso (const char *text)
{
  guint y, m, d;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !digits_value (text, 4, &y)
      || !digits_value (text + 5, 2, &m)
      || !digits_value (text + 8, 2, &d))
    return NULL;

  return new_valid_date (d, m, y);
}

/**
 * subproc_date_to_iso:
 * @date: (nullable): a date
 *
 * Returns: (transfer full) (nullable): @date as YYYY-MM-DD, or %NULL when
 *   @date is %NULL or invalid
 */
char *
subproc_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * subproc_date_normalize_iso:
 * @text: a date in the file format
 *
 * Returns: (transfer full) (nullable): @text re-serialised as YYYY-MM-DD,
 *   or %NULL when it is not a valid ISO date
 */
char *
subproc_date_normalize_iso (const char *text)
{
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  date = subproc_date_parse_iso (text);
  return subproc_date_to_iso (date);
}

/**
 * subproc_date_format_short:
 * @date: (nullable): a date
 *
 * Formats @date for a table cell using the application's own translations,
 * because the C.UTF-8 locale on the target machines gives English month
 * names from libc.
 *
 * Returns: (transfer full) (nullable): e.g. "31 Dec 2019", or %NULL when
 *   @date is %NULL or invalid
 */
char *
subproc_date_format_short (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  /* Translators: a short date in a table: %1$d is the day, %2$s the
   * abbreviated month name, %3$d the year. Reorder the arguments as needed,
   * e.g. "%1$d. %2$s %3$d" gives "31. dec. 2019". */
  return g_strdup_printf (C_("short date", "%1$d %2$s %3$d"),
                          (int) g_date_get_day (date),
                          g_dpgettext2 (GETTEXT_PACKAGE, ABBREV_MONTH_CONTEXT,
                                        month_abbrev[g_date_get_month (date)]),
                          (int) g_date_get_year (date));
}

/**
 * subproc_date_format_long:
 * @date: (nullable): a date
 *
 * Formats @date for printed reports; see subproc_date_format_short() for
 * why this does not use the C library.
 *
 * Returns: (transfer full) (nullable): e.g. "31 December 2019", or %NULL
 *   when @date is %NULL or invalid
 */
char *
subproc_date_format_long (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  /* Translators: a date in a printed report: %1$d is the day, %2$s the full
   * month name, %3$d the year. Reorder the arguments as needed,
   * e.g. "%1$d. %2$s %3$d" gives "31. december 2019". */
  return g_strdup_printf (C_("long date", "%1$d %2$s %3$d"),
                          (int) g_date_get_day (date),
                          g_dpgettext2 (GETTEXT_PACKAGE, MONTH_CONTEXT,
                                        month_full[g_date_get_month (date)]),
                          (int) g_date_get_year (date));
}

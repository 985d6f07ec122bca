/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "subproc-search.h"

static SubprocProcessor *
clearhaus (void)
{
  const char * const countries[] = { "DK", NULL };
  SubprocProcessor *processor = subproc_processor_new ("Clearhaus");

  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  subproc_processor_set_text (processor, SUBPROC_FIELD_LOCATION, "Danmark");
  subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, "Betalningsservice");
  subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION,
                              "Ett online betalningssystem för kreditkort.");
  return processor;
}

/* Only the country code says where it is. */
static SubprocProcessor *
quickpay (void)
{
  const char * const countries[] = { "DK", NULL };
  const char * const subjects[] = { "Kunder", NULL };
  SubprocProcessor *processor = subproc_processor_new ("QuickPay");

  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  subproc_processor_set_list (processor, SUBPROC_FIELD_DATA_SUBJECTS, subjects);
  subproc_processor_set_text (processor, SUBPROC_FIELD_FUNCTION, "Betalning gateway");
  subproc_processor_set_text (processor, SUBPROC_FIELD_ADDED, "2019-12-31");
  subproc_processor_set_mechanism (processor, SUBPROC_TRANSFER_SCC);
  return processor;
}

static gboolean
matches (SubprocProcessor *processor,
         const char       *query,
         const char       *language)
{
  g_autofree char *folded = subproc_search_fold (query);

  return subproc_search_matches (processor, folded, language);
}

static void
test_name_and_description (void)
{
  g_autoptr(SubprocProcessor) processor = clearhaus ();

  g_assert_true (matches (processor, "Clearhaus", "en"));
  g_assert_true (matches (processor, "kreditkort", "en"));
  g_assert_true (matches (processor, "betalningsservice", "en"));
  g_assert_true (matches (processor, "haus", "en"));
  g_assert_false (matches (processor, "Zendesk", "en"));
  g_assert_false (matches (processor, "kundsupport", "en"));
}

static void
test_location_as_written (void)
{
  g_autoptr(SubprocProcessor) processor = clearhaus ();

  /* the place as written matches whatever language the countries are shown in */
  g_assert_true (matches (processor, "Danmark", "en"));
  g_assert_true (matches (processor, "Danmark", "sv"));
}

static void
test_country_names (void)
{
  g_autoptr(SubprocProcessor) processor = quickpay ();

  g_assert_true (matches (processor, "Denmark", "en"));
  g_assert_false (matches (processor, "Danmark", "en"));
  g_assert_true (matches (processor, "Danmark", "sv"));
  g_assert_false (matches (processor, "Denmark", "sv"));
  /* the code is not what is shown */
  g_assert_false (matches (processor, "DK", "en"));
}

static void
test_case_insensitive (void)
{
  g_autoptr(SubprocProcessor) processor = clearhaus ();
  g_autoptr(SubprocProcessor) quick = quickpay ();
  const char * const countries[] = { "SE", NULL };

  g_assert_true (matches (processor, "CLEARHAUS", "en"));
  g_assert_true (matches (processor, "cLeArHaUs", "en"));
  g_assert_true (matches (processor, "KREDITKORT.", "en"));
  g_assert_true (matches (processor, "FÖR", "en"));
  g_assert_true (matches (quick, "DENMARK", "en"));

  /* composed or not, Swedish letters match */
  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  g_assert_true (matches (processor, "SVERIGE", "sv"));
  g_assert_true (matches (processor, "fo\xcc\x88r", "en"));
}

static void
test_words_across_fields (void)
{
  g_autoptr(SubprocProcessor) processor = quickpay ();

  g_assert_true (matches (processor, "quickpay denmark", "en"));
  g_assert_true (matches (processor, "  gateway   kunder ", "en"));
  g_assert_true (matches (processor, "kunder\tquick", "en"));
  g_assert_false (matches (processor, "quickpay sweden", "en"));
  g_assert_false (matches (processor, "quickpay danmark", "en"));
  g_assert_true (matches (processor, "quickpay danmark", "sv"));
}

static void
test_transfer_mechanism (void)
{
  g_autoptr(SubprocProcessor) processor = quickpay ();
  g_autoptr(SubprocProcessor) other = clearhaus ();

  g_assert_true (matches (processor, "contractual clauses", "en"));
  g_assert_false (matches (other, "contractual", "en"));
  /* an unspecified mechanism is not text to find */
  g_assert_false (matches (other, "specified", "en"));
}

static void
test_not_searched (void)
{
  g_autoptr(SubprocProcessor) processor = quickpay ();
  g_autofree char *id = g_strdup (subproc_processor_get_id (processor));

  g_assert_false (matches (processor, id, "en"));
  g_assert_false (matches (processor, "2019-12-31", "en"));
  g_assert_true (matches (processor, "", "en"));
  g_assert_true (matches (processor, "   ", "en"));
}

static void
test_countries_to_display (void)
{
  const char * const codes[] = { "NL", "IE", NULL };
  const char * const unknown[] = { "DK", "XX", NULL };
  const char * const none[] = { NULL };
  g_autofree char *en = subproc_countries_to_display (codes, "en");
  g_autofree char *sv = subproc_countries_to_display (codes, "sv");
  g_autofree char *with_unknown = subproc_countries_to_display (unknown, "en");
  g_autofree char *empty = subproc_countries_to_display (none, "en");
  g_autofree char *null = subproc_countries_to_display (NULL, "sv");

  g_assert_cmpstr (en, ==, "Netherlands, Ireland");
  g_assert_cmpstr (sv, ==, "Nederländerna, Irland");
  g_assert_cmpstr (with_unknown, ==, "Denmark, XX");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");
}

static void
test_fold (void)
{
  g_autofree char *a = subproc_search_fold ("ÅÄÖ Straße");
  g_autofree char *b = subproc_search_fold ("A\xcc\x8a" "a\xcc\x88o\xcc\x88 STRASSE");
  g_autofree char *empty = subproc_search_fold (NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, "åäö strasse");
  g_assert_cmpstr (empty, ==, "");
}

/* The folded text is kept between searches, and made again when the
 * processor changes or the countries are shown in another language. */
static void
test_kept_until_changed (void)
{
  g_autoptr(SubprocProcessor) processor = quickpay ();
  const char * const countries[] = { "SE", NULL };

  g_assert_false (matches (processor, "zeta", NULL));
  subproc_processor_set_text (processor, SUBPROC_FIELD_NAME, "Zeta Cloud");
  g_assert_true (matches (processor, "zeta", NULL));
  g_assert_false (matches (processor, "quickpay", NULL));

  g_assert_true (matches (processor, "danmark", "sv"));
  g_assert_false (matches (processor, "danmark", "en"));
  g_assert_true (matches (processor, "denmark", "en"));
  subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
  g_assert_false (matches (processor, "denmark", "en"));
  g_assert_true (matches (processor, "sweden", "en"));
  subproc_processor_set_mechanism (processor, SUBPROC_TRANSFER_BCR);
  g_assert_false (matches (processor, "standard contractual", "en"));
  g_assert_true (matches (processor, "binding corporate", "en"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/name-description", test_name_and_description);
  g_test_add_func ("/search/location", test_location_as_written);
  g_test_add_func ("/search/country-names", test_country_names);
  g_test_add_func ("/search/case-insensitive", test_case_insensitive);
  g_test_add_func ("/search/words-across-fields", test_words_across_fields);
  g_test_add_func ("/search/transfer-mechanism", test_transfer_mechanism);
  g_test_add_func ("/search/not-searched", test_not_searched);
  g_test_add_func ("/search/countries-to-display", test_countries_to_display);
  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/kept-until-changed", test_kept_until_changed);

  return g_test_run ();
}

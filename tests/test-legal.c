/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table of legal bases (data/legal-bases.json), entry by entry against
 * the law as the issue that asked for it states it, and where a country
 * stands on a date. */
#include "subproc-country.h"
#include "subproc-legal.h"

/* The EU-27 and Iceland, Liechtenstein, Norway. */
static const char * const eea[] = {
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
  "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  "IS", "LI", "NO",
};

typedef struct
{
  const char           *country;
  const char           *since;     /* NULL: not stated, any date */
  const char           *expires;
  SubprocAdequacyScope  scope;
  const char           *decision;  /* a part of the decision's name, or NULL */
} Expected;

static const Expected adequacy[] = {
  { "AD", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "AR", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "CA", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_PIPEDA, NULL },
  { "FO", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "GG", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "IL", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "IM", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "JP", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_PRIVATE_SECTOR, NULL },
  { "JE", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "NZ", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "KR", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "CH", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "GB", NULL, "2031-12-27", SUBPROC_ADEQUACY_SCOPE_ALL, "renewed on 19 December 2025" },
  { "UY", NULL, NULL, SUBPROC_ADEQUACY_SCOPE_ALL, NULL },
  { "US", "2023-07-10", NULL, SUBPROC_ADEQUACY_SCOPE_DPF, "Data Privacy Framework" },
  { "BR", "2026-01-26", NULL, SUBPROC_ADEQUACY_SCOPE_ALL, "(EU) 2026/179" },
};

static void
test_eea (void)
{
  g_assert_cmpuint (subproc_legal_get_n_eea (), ==, G_N_ELEMENTS (eea));
  for (guint i = 0; i < G_N_ELEMENTS (eea); i++)
    {
      g_assert_true (subproc_legal_is_eea (eea[i]));
      g_assert_true (subproc_country_is_eea (eea[i]));
      g_assert_cmpint (subproc_legal_destination (eea[i], NULL, NULL), ==, SUBPROC_DESTINATION_EEA);
    }
  /* the United Kingdom left; Switzerland is not in the EEA */
  g_assert_false (subproc_legal_is_eea ("GB"));
  g_assert_false (subproc_legal_is_eea ("CH"));
  g_assert_false (subproc_country_is_eea ("US"));
}

static void
test_adequacy (void)
{
  g_assert_cmpuint (subproc_legal_get_n_adequacy (), ==, G_N_ELEMENTS (adequacy));
  for (guint i = 0; i < G_N_ELEMENTS (adequacy); i++)
    {
      const Expected *want = &adequacy[i];
      const SubprocAdequacy *got = subproc_legal_find_adequacy (want->country);

      g_test_message ("%s", want->country);
      g_assert_nonnull (got);
      g_assert_true (subproc_country_is_known (got->country));
      g_assert_nonnull (got->decision);
      g_assert_nonnull (got->source);
      g_assert_true (g_str_has_prefix (got->source, "https://"));
      if (want->since != NULL)
        g_assert_cmpstr (got->since, ==, want->since);
      g_assert_cmpstr (got->expires, ==, want->expires);
      g_assert_cmpint (got->scope, ==, want->scope);
      if (want->decision != NULL)
        g_assert_nonnull (strstr (got->decision, want->decision));
      /* every decision but the newest has its Official Journal reference */
      if (!g_str_equal (want->country, "BR"))
        g_assert_true (g_str_has_prefix (got->oj, "OJ L "));
      g_assert_cmpint (subproc_legal_destination (want->country, NULL, NULL), ==, SUBPROC_DESTINATION_ADEQUATE);
    }
  /* a country with none */
  g_assert_null (subproc_legal_find_adequacy ("IN"));
  g_assert_cmpint (subproc_legal_destination ("IN", NULL, NULL), ==, SUBPROC_DESTINATION_THIRD_COUNTRY);
}

static void
test_struck_down (void)
{
  const SubprocStruckDown *safe_harbor = subproc_legal_find_struck_down (SUBPROC_TRANSFER_SAFE_HARBOR);
  const SubprocStruckDown *privacy_shield = subproc_legal_find_struck_down (SUBPROC_TRANSFER_PRIVACY_SHIELD);

  g_assert_nonnull (safe_harbor);
  g_assert_cmpstr (safe_harbor->invalid_since, ==, "2015-10-06");
  g_assert_cmpstr (safe_harbor->judgment, ==, "CJEU C-362/14");
  g_assert_nonnull (privacy_shield);
  g_assert_cmpstr (privacy_shield->invalid_since, ==, "2020-07-16");
  g_assert_cmpstr (privacy_shield->judgment, ==, "CJEU C-311/18");
  g_assert_null (subproc_legal_find_struck_down (SUBPROC_TRANSFER_SCC));
  g_assert_null (subproc_legal_find_struck_down (SUBPROC_TRANSFER_DPF));
}

/* A decision counts from its adoption to its expiry. */
typedef struct
{
  const char         *country;
  const char         *on;
  SubprocDestination  want;
} OnDate;

static const OnDate on_dates[] = {
  { "US", "2023-07-09", SUBPROC_DESTINATION_THIRD_COUNTRY },
  { "US", "2023-07-10", SUBPROC_DESTINATION_ADEQUATE },
  { "BR", "2026-01-25", SUBPROC_DESTINATION_THIRD_COUNTRY },
  { "BR", "2026-01-26", SUBPROC_DESTINATION_ADEQUATE },
  { "GB", "2031-12-27", SUBPROC_DESTINATION_ADEQUATE },
  { "GB", "2031-12-28", SUBPROC_DESTINATION_THIRD_COUNTRY },
  { "SE", "1999-01-01", SUBPROC_DESTINATION_EEA },
  { "IN", "2026-06-01", SUBPROC_DESTINATION_THIRD_COUNTRY },
};

static void
test_on_a_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (on_dates); i++)
    {
      const SubprocAdequacy *decision = NULL;

      g_test_message ("%s on %s", on_dates[i].country, on_dates[i].on);
      g_assert_cmpint (subproc_legal_destination (on_dates[i].country, on_dates[i].on, &decision), ==, on_dates[i].want);
      g_assert_true ((decision != NULL) == (on_dates[i].want == SUBPROC_DESTINATION_ADEQUATE));
    }
}

static void
test_as_of (void)
{
  const char *as_of = subproc_legal_get_as_of ();
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *midnight = g_strconcat (as_of, "T00:00:00Z", NULL);

  day = g_date_time_new_from_iso8601 (midnight, NULL);
  g_assert_nonnull (day);
  /* no newer than the newest decision it lists would be wrong */
  g_assert_cmpstr (as_of, >=, "2026-01-26");
  g_assert_nonnull (subproc_adequacy_scope_to_label (SUBPROC_ADEQUACY_SCOPE_DPF));
  g_assert_null (subproc_adequacy_scope_to_label (SUBPROC_ADEQUACY_SCOPE_ALL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/legal/eea", test_eea);
  g_test_add_func ("/legal/adequacy", test_adequacy);
  g_test_add_func ("/legal/struck-down", test_struck_down);
  g_test_add_func ("/legal/on-a-date", test_on_a_date);
  g_test_add_func ("/legal/as-of", test_as_of);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "subproc-check.h"
#include "subproc-country.h"
#include "subproc-date.h"
#include "subproc-language.h"
#include "subproc-legal.h"
#include "subproc-processor-private.h"
#include "subproc-validate.h"

/* In the language of the report the findings are printed in, when there
 * is one: see subproc_language_gettext(). */
#undef _
#define _(text) subproc_language_gettext (text)

/* Transfer checks. A processor is checked country by country: a country
 * in the EEA needs nothing; one with an adequacy decision in force needs
 * nothing more, unless the decision covers only some recipients (the DPF
 * in the United States, PIPEDA in Canada); any other needs a mechanism of
 * GDPR Art. 46 or 49. Then what the register should hold for any
 * processor: a signed agreement, a review not overdue, recent updates. */

void
subproc_finding_free (SubprocFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->country);
  g_free (finding->message);
  g_free (finding->fix);
  g_free (finding);
}

/**
 * subproc_severity_to_string:
 *
 * Returns: (transfer none): "error", "warning" or "info": the English word
 *   the command line prints, whatever the UI's language.
 */
const char *
subproc_severity_to_string (SubprocSeverity severity)
{
  switch (severity)
    {
    case SUBPROC_SEVERITY_INFO:
      return "info";
    case SUBPROC_SEVERITY_WARNING:
      return "warning";
    case SUBPROC_SEVERITY_ERROR:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The user's preference: checks with no options of their own use it. */
static guint stale_months_default = SUBPROC_CHECK_STALE_MONTHS_DEFAULT;

/**
 * subproc_check_set_stale_months:
 * @months: after how many months without an update an entry is stale;
 *   0 for the default, 12
 *
 * Sets, for the whole process, what checks use when their options do
 * not say: the user's preference.
 */
void
subproc_check_set_stale_months (guint months)
{
  g_atomic_int_set (&stale_months_default, months > 0 ? months : SUBPROC_CHECK_STALE_MONTHS_DEFAULT);
}

/**
 * subproc_check_get_stale_months:
 *
 * Returns: what subproc_check_set_stale_months() set; 12 unless it was called.
 */
guint
subproc_check_get_stale_months (void)
{
  return g_atomic_int_get (&stale_months_default);
}

G_GNUC_PRINTF (6, 7)
static void
add (GPtrArray       *findings,
     const char      *code,
     SubprocSeverity  severity,
     const char      *country,
     const char      *reference,
     const char      *format,
     ...)
{
  SubprocFinding *finding = g_new0 (SubprocFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->code = code;
  finding->severity = severity;
  finding->country = g_strdup (country);
  finding->reference = reference;
  g_ptr_array_add (findings, finding);
}

static void
set_fix (GPtrArray  *findings,
         const char *fix)
{
  SubprocFinding *finding = g_ptr_array_index (findings, findings->len - 1);

  finding->fix = g_strdup (fix);
}

/* The mechanisms a processor relies on, as stated: none for “not stated”. */
static GArray *
mechanisms_of (SubprocProcessor *processor)
{
  GArray *mechanisms = g_array_new (FALSE, FALSE, sizeof (SubprocTransferMechanism));
  const char * const *words = subproc_processor_get_list (processor, SUBPROC_FIELD_TRANSFER_MECHANISM);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int mechanism;

      if (subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, words[i], &mechanism))
        g_array_append_val (mechanisms, mechanism);
    }
  return mechanisms;
}

static gboolean
has (GArray                   *mechanisms,
     SubprocTransferMechanism  mechanism)
{
  for (guint i = 0; i < mechanisms->len; i++)
    if (g_array_index (mechanisms, SubprocTransferMechanism, i) == mechanism)
      return TRUE;
  return FALSE;
}

/* A mechanism of Art. 46 or 49 that works for any third country. */
static gboolean
has_safeguard (GArray *mechanisms)
{
  return has (mechanisms, SUBPROC_TRANSFER_SCC) || has (mechanisms, SUBPROC_TRANSFER_BCR)
         || has (mechanisms, SUBPROC_TRANSFER_DEROGATION) || has (mechanisms, SUBPROC_TRANSFER_OTHER);
}

/* DAY (YYYY-MM-DD) as people read it, in the report's language. */
static char *
readable_date (const char *day)
{
  g_autoptr(GDate) date = subproc_date_parse_iso (day);

  return date != NULL ? subproc_language_format_date (date, TRUE) : g_strdup (day);
}

/* DAY plus MONTHS, as YYYY-MM-DD. */
static char *
add_months (const char *day,
            int         months)
{
  g_autoptr(GDate) date = subproc_date_parse_iso (day);

  g_assert (date != NULL);
  if (months >= 0)
    g_date_add_months (date, months);
  else
    g_date_subtract_months (date, -months);
  return subproc_date_to_iso (date);
}

/* The DPF covers only organisations on the Data Privacy Framework List,
 * which can leave it or lapse: a certification is checked at least once a
 * year. */
static void
check_dpf_verified (GPtrArray        *findings,
                    SubprocProcessor *processor,
                    const char       *code,
                    const char       *today)
{
  const char *verified = subproc_processor_get_text (processor, SUBPROC_FIELD_DPF_VERIFIED);
  g_autofree char *year_ago = add_months (today, -12);

  if (verified != NULL && strcmp (verified, year_ago) >= 0)
    return;
  if (verified == NULL)
    add (findings, "dpf-unverified", SUBPROC_SEVERITY_WARNING, code, "GDPR Art. 45(1); Decision (EU) 2023/1795",
         _("It is not recorded that the processor's certification under the EU-US Data Privacy Framework was checked."));
  else
    {
      g_autofree char *when = readable_date (verified);

      add (findings, "dpf-unverified", SUBPROC_SEVERITY_WARNING, code, "GDPR Art. 45(1); Decision (EU) 2023/1795",
           /* Translators: %s is a date */
           _("The processor's certification under the EU-US Data Privacy Framework was last checked on %s, more than 12 months ago."),
           when);
    }
  set_fix (findings, _("Look the processor up on the Data Privacy Framework List (dataprivacyframework.gov) and mark it as verified."));
}

static void
check_country (GPtrArray        *findings,
               SubprocProcessor *processor,
               const char       *code,
               GArray           *mechanisms,
               const char       *today,
               const char       *language)
{
  const char *name = subproc_country_name (code, language);
  const SubprocAdequacy *adequacy = NULL;
  SubprocDestination destination = subproc_legal_destination (code, today, &adequacy);
  gboolean struck = has (mechanisms, SUBPROC_TRANSFER_PRIVACY_SHIELD) || has (mechanisms, SUBPROC_TRANSFER_SAFE_HARBOR);
  gboolean dpf_here = adequacy != NULL && adequacy->scope == SUBPROC_ADEQUACY_SCOPE_DPF;

  if (name == NULL)
    name = code;
  if (destination == SUBPROC_DESTINATION_EEA)
    return;

  if (has (mechanisms, SUBPROC_TRANSFER_DPF) && !dpf_here)
    {
      add (findings, "dpf-outside-us", SUBPROC_SEVERITY_ERROR, code, "GDPR Art. 45(3)",
           /* Translators: %s is a country */
           _("The EU-US Data Privacy Framework covers transfers to the United States only, not to %s."), name);
      set_fix (findings, _("Choose the mechanism used for this country, such as standard contractual clauses."));
    }
  if (has (mechanisms, SUBPROC_TRANSFER_ADEQUACY) && destination != SUBPROC_DESTINATION_ADEQUATE)
    {
      add (findings, "no-adequacy", SUBPROC_SEVERITY_ERROR, code, "GDPR Art. 45",
           /* Translators: %s is a country */
           _("Adequacy is claimed for %s, but the European Commission has no adequacy decision in force for it."), name);
      set_fix (findings, _("Choose the mechanism the processor really uses, such as standard contractual clauses."));
    }

  if (destination == SUBPROC_DESTINATION_ADEQUATE)
    {
      g_autofree char *soon = add_months (today, 6);

      if (adequacy->expires != NULL && strcmp (adequacy->expires, soon) <= 0)
        {
          g_autofree char *expires = readable_date (adequacy->expires);

          add (findings, "adequacy-expiring", SUBPROC_SEVERITY_WARNING, code, "GDPR Art. 45(3)",
               /* Translators: the first %s is a country, the second a date */
               _("The adequacy decision for %s expires on %s."), name, expires);
        }
      if (adequacy->scope == SUBPROC_ADEQUACY_SCOPE_ALL)
        return;
      if (dpf_here && has (mechanisms, SUBPROC_TRANSFER_DPF))
        check_dpf_verified (findings, processor, code, today);
      /* a decision for some recipients: the DPF, or a safeguard of its own */
      if (has (mechanisms, SUBPROC_TRANSFER_DPF) || has_safeguard (mechanisms))
        return;
      if (!dpf_here || has (mechanisms, SUBPROC_TRANSFER_ADEQUACY))
        {
          add (findings, "adequacy-scope", SUBPROC_SEVERITY_WARNING, code, "GDPR Art. 45",
               /* Translators: the first %s is a country, the second whom its adequacy decision covers */
               _("The adequacy decision for %s covers only %s: confirm that the processor is one of them."),
               name, subproc_adequacy_scope_to_label (adequacy->scope));
          if (dpf_here)
            set_fix (findings, _("Choose the EU-US Data Privacy Framework if the processor is certified."));
          return;
        }
    }
  else if (has_safeguard (mechanisms))
    return;

  if (struck)
    {
      const SubprocStruckDown *judgment = subproc_legal_find_struck_down (has (mechanisms, SUBPROC_TRANSFER_PRIVACY_SHIELD)
                                                                          ? SUBPROC_TRANSFER_PRIVACY_SHIELD
                                                                          : SUBPROC_TRANSFER_SAFE_HARBOR);
      g_autofree char *since = readable_date (judgment->invalid_since);

      add (findings, "struck-down", SUBPROC_SEVERITY_ERROR, code, judgment->judgment,
           /* Translators: the first %s is a mechanism (Privacy Shield), the second a date, the third a country */
           _("%s has not been a valid basis since %s: transfers to %s have no legal basis."),
           judgment->name, since, name);
      set_fix (findings, dpf_here ? _("Check that the processor is certified under the EU-US Data Privacy Framework and choose it, or choose standard contractual clauses.")
                                  : _("Choose the mechanism the processor uses now, such as standard contractual clauses."));
      return;
    }
  /* a claim that cannot hold is said above */
  if (has (mechanisms, SUBPROC_TRANSFER_DPF) || has (mechanisms, SUBPROC_TRANSFER_ADEQUACY))
    return;

  add (findings, "no-basis", SUBPROC_SEVERITY_ERROR, code, "GDPR Art. 44, 46",
       /* Translators: %s is a country */
       _("%s is outside the EU/EEA, and no legal basis for the transfer is stated."), name);
  set_fix (findings, dpf_here ? _("Choose the EU-US Data Privacy Framework if the processor is certified, or standard contractual clauses.")
                              : _("Choose a mechanism, such as standard contractual clauses."));
}

static gboolean
is_past (const char *day,
         const char *today)
{
  return day != NULL && *day != '\0' && strcmp (day, today) < 0;
}

/**
 * subproc_check_processor:
 * @reg: (nullable): the register to find @processor's parent in; %NULL
 *   for the one that holds it
 * @options: (nullable): the day and the limits; %NULL for today's defaults
 *
 * Returns: (transfer full) (element-type SubprocFinding): what is wrong
 *   with @processor, most severe first; empty when nothing is. A processor
 *   that has ended is not checked.
 */
GPtrArray *
subproc_check_processor (SubprocProcessor          *processor,
                         SubprocRegister           *reg,
                         const SubprocCheckOptions *options)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) subproc_finding_free);
  g_autoptr(GArray) mechanisms = NULL;
  g_autofree char *today_owned = NULL;
  g_autofree char *stale_before = NULL;
  const char * const *countries;
  const char *today = options != NULL ? options->today : NULL;
  guint stale_months = options != NULL && options->stale_months > 0 ? options->stale_months
                                                                    : subproc_check_get_stale_months ();
  const char *updated, *parent_id;
  gboolean all_eea = TRUE;

  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (processor), NULL);

  if (subproc_processor_get_status (processor) == SUBPROC_STATUS_ENDED)
    return findings;
  if (reg == NULL && SUBPROC_IS_REGISTER (_subproc_processor_get_owner (processor)))
    reg = _subproc_processor_get_owner (processor);
  if (today == NULL)
    today = today_owned = subproc_today_iso ();

  mechanisms = mechanisms_of (processor);
  countries = subproc_processor_get_countries (processor);
  for (guint i = 0; countries[i] != NULL; i++)
    {
      check_country (findings, processor, countries[i], mechanisms, today, options != NULL ? options->language : NULL);
      all_eea = all_eea && subproc_legal_is_eea (countries[i]);
    }

  if (countries[0] == NULL)
    {
      add (findings, "no-countries", SUBPROC_SEVERITY_WARNING, NULL, "GDPR Art. 30(1)(e)",
           _("No country is given, so the transfers cannot be checked."));
      set_fix (findings, _("Add the countries where the data is processed."));
    }
  else if (all_eea && mechanisms->len > 0 && !has (mechanisms, SUBPROC_TRANSFER_NOT_NEEDED))
    add (findings, "mechanism-not-needed", SUBPROC_SEVERITY_INFO, NULL, "GDPR Art. 44",
         _("The data stays inside the EU/EEA, so no transfer mechanism is needed."));
  else if (!all_eea)
    {
      if (has (mechanisms, SUBPROC_TRANSFER_SCC) &&
          subproc_processor_get_enum (processor, SUBPROC_FIELD_SCC_MODULE) == SUBPROC_SCC_MODULE_NONE)
        {
          add (findings, "scc-no-module", SUBPROC_SEVERITY_INFO, NULL, "Decision (EU) 2021/914",
               _("The module of the standard contractual clauses is not recorded."));
          set_fix (findings, _("Choose the module: module 2 when you are the controller, module 3 when you are a processor."));
        }
      /* an invalid mechanism beside a valid one: the valid one carries the
       * transfers, but the list should not name the invalid one */
      for (SubprocTransferMechanism m = SUBPROC_TRANSFER_PRIVACY_SHIELD; m <= SUBPROC_TRANSFER_SAFE_HARBOR; m++)
        {
          const SubprocStruckDown *judgment = subproc_legal_find_struck_down (m);
          gboolean said = FALSE;

          if (!has (mechanisms, m))
            continue;
          for (guint i = 0; i < findings->len && !said; i++)
            said = g_str_equal (((SubprocFinding *) g_ptr_array_index (findings, i))->code, "struck-down");
          if (!said)
            {
              g_autofree char *since = readable_date (judgment->invalid_since);

              add (findings, "struck-down-listed", SUBPROC_SEVERITY_INFO, NULL, judgment->judgment,
                   /* Translators: the first %s is a mechanism (Privacy Shield), the second a date */
                   _("%s is still listed, though it has not been a valid basis since %s."),
                   judgment->name, since);
              set_fix (findings, _("Remove it from the transfer mechanisms."));
            }
        }
    }

  if (subproc_processor_get_text (processor, SUBPROC_FIELD_DPA_SIGNED) == NULL)
    {
      add (findings, "no-dpa", SUBPROC_SEVERITY_WARNING, NULL, "GDPR Art. 28(3)",
           _("No signed data processing agreement is recorded."));
      set_fix (findings, _("Enter the date the agreement was signed."));
    }
  if (is_past (subproc_processor_get_text (processor, SUBPROC_FIELD_REVIEW_DUE), today))
    {
      g_autofree char *due = readable_date (subproc_processor_get_text (processor, SUBPROC_FIELD_REVIEW_DUE));

      add (findings, "review-overdue", SUBPROC_SEVERITY_WARNING, NULL, "GDPR Art. 28(1)",
           /* Translators: %s is a date */
           _("The review was due on %s."), due);
    }
  updated = subproc_processor_get_text (processor, SUBPROC_FIELD_UPDATED);
  stale_before = add_months (today, -(int) stale_months);
  if (updated != NULL && strcmp (updated, stale_before) < 0)
    {
      g_autofree char *message = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Not updated for more than %u month.",
                                                               "Not updated for more than %u months.", stale_months),
                                                  stale_months);

      add (findings, "stale", SUBPROC_SEVERITY_WARNING, NULL, "GDPR Art. 30(1)", "%s", message);
    }

  parent_id = subproc_processor_get_text (processor, SUBPROC_FIELD_PARENT);
  if (parent_id != NULL && reg != NULL)
    {
      SubprocProcessor *parent = subproc_register_find_by_id (reg, parent_id, NULL);

      if (parent != NULL && subproc_processor_get_status (parent) == SUBPROC_STATUS_ENDED)
        add (findings, "parent-ended", SUBPROC_SEVERITY_WARNING, NULL, "GDPR Art. 28(4)",
             /* Translators: %s is a processor's name */
             _("It is a sub-processor of %s, which has ended, but it is still active."),
             subproc_processor_get_name (parent));
    }

  /* most severe first, in the order found within a severity */
  for (guint sorted = 0, severity = SUBPROC_SEVERITY_ERROR + 1; severity-- > 0;)
    for (guint i = sorted; i < findings->len; i++)
      if (((SubprocFinding *) g_ptr_array_index (findings, i))->severity == severity)
        {
          gpointer finding = g_ptr_array_steal_index (findings, i);

          g_ptr_array_insert (findings, sorted++, finding);
        }

  return findings;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-import-private.h"

/* The words of the lists vendors publish, in Swedish, Danish and English:
 * the headers that name a column, and the wordings of a legal basis. */

/* The column headers lists are published with, in Swedish, Danish and
 * English. Compared after folding case, punctuation and spaces (see
 * fold_header()); the JSON keys of our own CSV are matched as well. Add a
 * synonym here and every importer path knows it. */
static const struct
{
  SubprocField  field;
  const char   *header;
} header_synonyms[] = {
  { SUBPROC_FIELD_NAME, "Databehandlare" },
  { SUBPROC_FIELD_NAME, "Underbiträde" },
  { SUBPROC_FIELD_NAME, "Personuppgiftsbiträde" },
  { SUBPROC_FIELD_NAME, "Underleverantör" },
  { SUBPROC_FIELD_NAME, "Leverantör" },
  { SUBPROC_FIELD_NAME, "Databehandler" },
  { SUBPROC_FIELD_NAME, "Underdatabehandler" },
  { SUBPROC_FIELD_NAME, "Leverandør" },
  { SUBPROC_FIELD_NAME, "Underleverandør" },
  { SUBPROC_FIELD_NAME, "Data processor" },
  { SUBPROC_FIELD_NAME, "Sub-processor" },
  { SUBPROC_FIELD_NAME, "Subprocessor" },
  { SUBPROC_FIELD_NAME, "Processor" },
  { SUBPROC_FIELD_NAME, "Vendor" },
  { SUBPROC_FIELD_NAME, "Supplier" },
  { SUBPROC_FIELD_NAME, "Name" },
  { SUBPROC_FIELD_NAME, "Namn" },
  { SUBPROC_FIELD_NAME, "Navn" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Legal entity" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Juridisk enhet" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Juridisk person" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Juridisk enhed" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Selskab" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Bolag" },
  { SUBPROC_FIELD_LOCATION, "Land" },
  { SUBPROC_FIELD_LOCATION, "Länder" },
  { SUBPROC_FIELD_LOCATION, "Lande" },
  { SUBPROC_FIELD_LOCATION, "Country" },
  { SUBPROC_FIELD_LOCATION, "Countries" },
  { SUBPROC_FIELD_LOCATION, "Location" },
  { SUBPROC_FIELD_LOCATION, "Data location" },
  { SUBPROC_FIELD_LOCATION, "Processing location" },
  { SUBPROC_FIELD_LOCATION, "Plats" },
  { SUBPROC_FIELD_LOCATION, "Placering" },
  { SUBPROC_FIELD_LOCATION, "Lokation" },
  { SUBPROC_FIELD_LOCATION, "Sted" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Juridisk grundlag för behandling utanför EU" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Juridisk grundlag för behandling utanför EU/EES" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Rättslig grund för överföring" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Överföringsmekanism" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Juridisk grundlag for behandling uden for EU" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Juridisk grundlag for behandling uden for EU/EØS" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Overførselsgrundlag" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Grundlag for overførsel" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Legal basis for processing outside the EU" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Legal basis for processing outside the EU/EEA" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Legal basis for transfer" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Legal basis" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Transfer mechanism" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Transfer safeguards" },
  { SUBPROC_FIELD_FUNCTION, "Funktion" },
  { SUBPROC_FIELD_FUNCTION, "Function" },
  { SUBPROC_FIELD_FUNCTION, "Purpose" },
  { SUBPROC_FIELD_FUNCTION, "Syfte" },
  { SUBPROC_FIELD_FUNCTION, "Formål" },
  { SUBPROC_FIELD_FUNCTION, "Service" },
  { SUBPROC_FIELD_FUNCTION, "Tjänst" },
  { SUBPROC_FIELD_FUNCTION, "Tjeneste" },
  { SUBPROC_FIELD_DESCRIPTION, "Funktionsbeskrivning" },
  { SUBPROC_FIELD_DESCRIPTION, "Funktionsbeskrivelse" },
  { SUBPROC_FIELD_DESCRIPTION, "Beskrivning" },
  { SUBPROC_FIELD_DESCRIPTION, "Beskrivelse" },
  { SUBPROC_FIELD_DESCRIPTION, "Description" },
  { SUBPROC_FIELD_DESCRIPTION, "Description of processing" },
  { SUBPROC_FIELD_DESCRIPTION, "Processing" },
  { SUBPROC_FIELD_DESCRIPTION, "Behandling" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Data categories" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Categories of personal data" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Kategorier av personuppgifter" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Kategorier af personoplysninger" },
  { SUBPROC_FIELD_DATA_SUBJECTS, "Data subjects" },
  { SUBPROC_FIELD_DATA_SUBJECTS, "Categories of data subjects" },
  { SUBPROC_FIELD_DATA_SUBJECTS, "Kategorier av registrerade" },
  { SUBPROC_FIELD_DATA_SUBJECTS, "Kategorier af registrerede" },
  { SUBPROC_FIELD_CONTACT, "Contact" },
  { SUBPROC_FIELD_CONTACT, "Kontakt" },
  { SUBPROC_FIELD_WEBSITE, "Website" },
  { SUBPROC_FIELD_WEBSITE, "Webbplats" },
  { SUBPROC_FIELD_WEBSITE, "Hjemmeside" },
  { SUBPROC_FIELD_WEBSITE, "URL" },
  { SUBPROC_FIELD_UPDATED, "Uppdaterat" },
  { SUBPROC_FIELD_UPDATED, "Uppdaterad" },
  { SUBPROC_FIELD_UPDATED, "Senast uppdaterad" },
  { SUBPROC_FIELD_UPDATED, "Opdateret" },
  { SUBPROC_FIELD_UPDATED, "Sidst opdateret" },
  { SUBPROC_FIELD_UPDATED, "Updated" },
  { SUBPROC_FIELD_UPDATED, "Last updated" },
  { SUBPROC_FIELD_ADDED, "Added" },
  { SUBPROC_FIELD_ADDED, "Date added" },
  { SUBPROC_FIELD_ADDED, "Tillagd" },
  { SUBPROC_FIELD_ADDED, "Tilføjet" },
  /* as vendors write them on their pages */
  { SUBPROC_FIELD_NAME, "Sub-processor name" },
  { SUBPROC_FIELD_NAME, "Third party" },
  { SUBPROC_FIELD_NAME, "Provider" },
  { SUBPROC_FIELD_NAME, "Company" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Entity" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Legal name" },
  { SUBPROC_FIELD_LEGAL_ENTITY, "Contracting entity" },
  { SUBPROC_FIELD_LOCATION, "Region" },
  { SUBPROC_FIELD_LOCATION, "Regions" },
  { SUBPROC_FIELD_LOCATION, "Locations" },
  { SUBPROC_FIELD_LOCATION, "Processing locations" },
  { SUBPROC_FIELD_LOCATION, "Country of processing" },
  { SUBPROC_FIELD_LOCATION, "Countries of processing" },
  { SUBPROC_FIELD_LOCATION, "Data center location" },
  { SUBPROC_FIELD_LOCATION, "Data centre location" },
  { SUBPROC_FIELD_LOCATION, "Hosting location" },
  { SUBPROC_FIELD_LOCATION, "Server location" },
  { SUBPROC_FIELD_LOCATION, "Where data is processed" },
  { SUBPROC_FIELD_LOCATION, "Behandlingssted" },
  { SUBPROC_FIELD_LOCATION, "Placering af data" },
  { SUBPROC_FIELD_LOCATION, "Var data behandlas" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Safeguards" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Transfer safeguard" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Transfer mechanisms" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Transfer basis" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Lovligt grundlag" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Lovligt overførselsgrundlag" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Overførselsmekanisme" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Rättslig grund" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Skyddsåtgärder" },
  { SUBPROC_FIELD_TRANSFER_BASIS, "Garantier" },
  { SUBPROC_FIELD_FUNCTION, "Purpose of processing" },
  { SUBPROC_FIELD_FUNCTION, "Purpose of the processing" },
  { SUBPROC_FIELD_FUNCTION, "Ändamål" },
  { SUBPROC_FIELD_FUNCTION, "Services provided" },
  { SUBPROC_FIELD_DESCRIPTION, "Nature of processing" },
  { SUBPROC_FIELD_DESCRIPTION, "Nature of the processing" },
  { SUBPROC_FIELD_DESCRIPTION, "Processing activities" },
  { SUBPROC_FIELD_DESCRIPTION, "Beskrivelse af behandling" },
  { SUBPROC_FIELD_DESCRIPTION, "Beskrivelse af behandlingen" },
  { SUBPROC_FIELD_DESCRIPTION, "Beskrivning av behandling" },
  { SUBPROC_FIELD_DESCRIPTION, "Beskrivning av behandlingen" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Data category" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Personal data" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Types of personal data" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Personuppgifter" },
  { SUBPROC_FIELD_DATA_CATEGORIES, "Personoplysninger" },
  { SUBPROC_FIELD_DATA_SUBJECTS, "Registrerade" },
  { SUBPROC_FIELD_DATA_SUBJECTS, "Registrerede" },
  { SUBPROC_FIELD_CONTACT, "Address" },
  { SUBPROC_FIELD_CONTACT, "Adress" },
  { SUBPROC_FIELD_CONTACT, "Adresse" },
  { SUBPROC_FIELD_CONTACT, "Contact details" },
  { SUBPROC_FIELD_CONTACT, "Kontaktuppgifter" },
  { SUBPROC_FIELD_CONTACT, "Kontaktoplysninger" },
  { SUBPROC_FIELD_WEBSITE, "Web site" },
  { SUBPROC_FIELD_WEBSITE, "Link" },
  { SUBPROC_FIELD_DPA_REFERENCE, "DPA" },
  { SUBPROC_FIELD_DPA_REFERENCE, "Data processing agreement" },
  { SUBPROC_FIELD_DPA_REFERENCE, "Biträdesavtal" },
  { SUBPROC_FIELD_DPA_REFERENCE, "Personuppgiftsbiträdesavtal" },
  { SUBPROC_FIELD_DPA_REFERENCE, "Databehandleraftale" },
  { SUBPROC_FIELD_UPDATED, "Last modified" },
  { SUBPROC_FIELD_UPDATED, "Senest opdateret" },
  { SUBPROC_FIELD_ADDED, "Added on" },
  { SUBPROC_FIELD_ADDED, "Effective date" },
  { SUBPROC_FIELD_ADDED, "Start date" },
};

/* Wordings of the legal basis for a transfer, folded like headers and
 * found anywhere in the text, as whole words. */
static const struct
{
  SubprocTransferMechanism  mechanism;
  const char               *phrase;
} mechanism_phrases[] = {
  { SUBPROC_TRANSFER_SCC, "standard contractual clauses" },
  { SUBPROC_TRANSFER_SCC, "standard contractual clause" },
  { SUBPROC_TRANSFER_SCC, "scc" },
  { SUBPROC_TRANSFER_SCC, "sccs" },
  { SUBPROC_TRANSFER_SCC, "standardavtalsklausuler" },
  { SUBPROC_TRANSFER_SCC, "standardkontraktsklausuler" },
  { SUBPROC_TRANSFER_SCC, "standardkontraktbestemmelser" },
  { SUBPROC_TRANSFER_SCC, "standardkontraktsbestemmelser" },
  { SUBPROC_TRANSFER_BCR, "binding corporate rules" },
  { SUBPROC_TRANSFER_BCR, "bcr" },
  { SUBPROC_TRANSFER_BCR, "bindande företagsbestämmelser" },
  { SUBPROC_TRANSFER_BCR, "bindende virksomhedsregler" },
  { SUBPROC_TRANSFER_DPF, "data privacy framework" },
  { SUBPROC_TRANSFER_DPF, "dpf" },
  { SUBPROC_TRANSFER_ADEQUACY, "adequacy" },
  { SUBPROC_TRANSFER_ADEQUACY, "adekvat skyddsnivå" },
  { SUBPROC_TRANSFER_ADEQUACY, "adekvat beskyttelsesniveau" },
  { SUBPROC_TRANSFER_ADEQUACY, "tilstrækkelighedsafgørelse" },
  { SUBPROC_TRANSFER_ADEQUACY, "tilstrækkeligt beskyttelsesniveau" },
  { SUBPROC_TRANSFER_PRIVACY_SHIELD, "privacy shield" },
  { SUBPROC_TRANSFER_SAFE_HARBOR, "safe harbor" },
  { SUBPROC_TRANSFER_SAFE_HARBOR, "safe harbour" },
  { SUBPROC_TRANSFER_DEROGATION, "article 49" },
  { SUBPROC_TRANSFER_DEROGATION, "art 49" },
  { SUBPROC_TRANSFER_DEROGATION, "artikel 49" },
  { SUBPROC_TRANSFER_DEROGATION, "derogation" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "not applicable" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "n a" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "ej tillämpligt" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "ikke relevant" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "ikke aktuelt" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "no transfer" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "ingen överföring" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "ingen overførsel" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "intraeu" },  /* “Intra-EU”: a hyphen joins */
  { SUBPROC_TRANSFER_NOT_NEEDED, "within the eu" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "within the eea" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "none required" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "not required" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "no transfer mechanism required" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "inom eu" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "inden for eu" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "ikke nødvendig" },
  { SUBPROC_TRANSFER_NOT_NEEDED, "behövs inte" },
  { SUBPROC_TRANSFER_DPF, "dataskyddsramen" },
  { SUBPROC_TRANSFER_DPF, "databeskyttelsesrammen" },
  { SUBPROC_TRANSFER_ADEQUACY, "adequacy decision" },
  { SUBPROC_TRANSFER_ADEQUACY, "beslut om adekvat skyddsnivå" },
};

/* Case, accents kept; punctuation and runs of space folded to one space. */
static char *
fold_text (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if (c != '-' || space)
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

gboolean
_subproc_import_header_to_field (const char   *header,
                                 SubprocField *field)
{
  static char *synonyms[G_N_ELEMENTS (header_synonyms)];  /* folded once */
  static gsize folded_once = 0;
  g_autofree char *folded = fold_text (header);
  g_auto(GStrv) words = NULL;

  if (g_once_init_enter (&folded_once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (header_synonyms); i++)
        synonyms[i] = fold_text (header_synonyms[i].header);
      g_once_init_leave (&folded_once, 1);
    }

  if (*folded == '\0')
    return FALSE;

  /* our own CSV names its columns by the JSON keys, exactly: “countries”
   * holds codes and “transfer_mechanism” words, unlike the headers people
   * write */
  if (subproc_field_from_key (header, field))
    return *field != SUBPROC_FIELD_ID;

  for (guint i = 0; i < G_N_ELEMENTS (header_synonyms); i++)
    {
      if (g_str_equal (folded, synonyms[i]))
        {
          *field = header_synonyms[i].field;
          return TRUE;
        }
    }

  /* a word inside a longer header (“Sub-processor name”, “Processing
   * location(s)”, “Country of the entity”): the longest found, as whole
   * words; only in a header's few words, not in a sentence of a cell */
  if (strlen (folded) <= 48 && g_strv_length (words = g_strsplit (folded, " ", 8)) <= 6)
    {
      g_autofree char *padded = g_strconcat (" ", folded, " ", NULL);
      gsize best = 0;

      for (guint i = 0; i < G_N_ELEMENTS (header_synonyms); i++)
        {
          g_autofree char *needle = g_strconcat (" ", synonyms[i], " ", NULL);
          gsize length = strlen (synonyms[i]);

          if (length > best && strstr (padded, needle) != NULL)
            {
              best = length;
              *field = header_synonyms[i].field;
            }
        }
      if (best > 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * subproc_import_guess_mechanisms:
 * @known: (out) (optional): whether the wording was recognised
 *
 * Reads the transfer mechanisms from the legal basis as a list writes it
 * (“EU SCCs, EU-US DPF” is two), in the order the text names them, each
 * once. Empty text names none: nothing is invented.
 *
 * Returns: (transfer full) (nullable): the words of the mechanisms, %NULL
 *   when none is named.
 */
char **
subproc_import_guess_mechanisms (const char *text,
                                 gboolean   *known)
{
  g_autofree char *folded = NULL;
  g_autofree char *padded = NULL;
  const char *first[SUBPROC_TRANSFER_OTHER + 1] = { NULL };  /* where each mechanism is first named */
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean any = FALSE;

  if (known != NULL)
    *known = FALSE;
  if (text == NULL)
    return NULL;

  folded = fold_text (text);
  if (*folded == '\0')
    {
      if (known != NULL)
        *known = TRUE;
      return NULL;
    }

  /* pad so that a phrase matches whole words only */
  padded = g_strconcat (" ", folded, " ", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (mechanism_phrases); i++)
    {
      g_autofree char *needle = g_strconcat (" ", mechanism_phrases[i].phrase, " ", NULL);
      const char *at = strstr (padded, needle);
      SubprocTransferMechanism mechanism = mechanism_phrases[i].mechanism;

      if (at != NULL && (first[mechanism] == NULL || at < first[mechanism]))
        first[mechanism] = at;
    }

  /* in the order the text names them */
  builder = g_strv_builder_new ();
  for (;;)
    {
      int next = -1;

      for (int m = 0; m < (int) G_N_ELEMENTS (first); m++)
        if (first[m] != NULL && (next < 0 || first[m] < first[next]))
          next = m;
      if (next < 0)
        break;
      g_strv_builder_add (builder, subproc_enum_to_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, next));
      first[next] = NULL;
      any = TRUE;
    }

  if (known != NULL)
    *known = any;
  return any ? g_strv_builder_end (builder) : NULL;
}

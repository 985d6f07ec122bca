/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-check.h"
#include "subproc-columns.h"
#include "subproc-date.h"
#include "subproc-language.h"
#include "subproc-search.h"

/* The presentation layer: which columns a report has, their titles, and how
 * a processor reads in each cell. The window, the printed report, the PDF
 * and the web page all take their cells from here, so a column is added in
 * one place. */

/* The internal register: every field, grouped so that eight columns fit
 * a landscape page with headers in Swedish and Danish too, and the
 * transfer findings. */
static const SubprocColumn full_columns[] = {
  { { SUBPROC_FIELD_NAME, SUBPROC_FIELD_LEGAL_ENTITY, SUBPROC_FIELD_PARENT,
      SUBPROC_FIELD_WEBSITE, SUBPROC_FIELD_CONTACT, SUBPROC_FIELD_ID }, 6,
    NC_("report column", "Processor"), FALSE },
  { { SUBPROC_FIELD_COUNTRIES, SUBPROC_FIELD_LOCATION }, 2, NULL, FALSE },
  { { SUBPROC_FIELD_TRANSFER_MECHANISM, SUBPROC_FIELD_TRANSFER_BASIS, SUBPROC_FIELD_SCC_MODULE,
      SUBPROC_FIELD_TIA, SUBPROC_FIELD_DPF_VERIFIED, SUBPROC_FIELD_SAFEGUARDS }, 6,
    NULL, FALSE },
  { { SUBPROC_FIELD_FUNCTION }, 1, NULL, FALSE },
  { { SUBPROC_FIELD_DESCRIPTION }, 1, NULL, FALSE },
  { { SUBPROC_FIELD_DATA_CATEGORIES, SUBPROC_FIELD_DATA_SUBJECTS }, 2,
    NC_("report column", "Personal data"), TRUE },
  { { SUBPROC_FIELD_DPA_SIGNED, SUBPROC_FIELD_DPA_REFERENCE, SUBPROC_FIELD_SECURITY_MEASURES }, 3,
    NC_("report column", "Agreement"), TRUE },
  { { SUBPROC_FIELD_STATUS, SUBPROC_FIELD_ADDED, SUBPROC_FIELD_UPDATED, SUBPROC_FIELD_REVIEW_DUE,
      SUBPROC_FIELD_NOTES, SUBPROC_FIELD_SOURCE }, 6,
    NC_("report column", "Status and dates"), TRUE },
  /* the internal register only: a published list never shows findings */
  { { 0 }, 0, NC_("report column", "Transfer findings"), FALSE, TRUE },
};

static const SubprocField public_fields[] = {
  SUBPROC_FIELD_NAME, SUBPROC_FIELD_COUNTRIES, SUBPROC_FIELD_TRANSFER_MECHANISM,
  SUBPROC_FIELD_FUNCTION, SUBPROC_FIELD_DESCRIPTION, SUBPROC_FIELD_UPDATED,
};

/* Column titles, and the labels of fields in a grouped cell. */
static const char *
field_title (SubprocField field)
{
  static const char * const titles[SUBPROC_N_FIELDS] = {
    /* Translators: report column: the processor's identifier (a UUID) */
    [SUBPROC_FIELD_ID] = NC_("report column", "ID"),
    /* Translators: report column: the processor's name */
    [SUBPROC_FIELD_NAME] = NC_("report column", "Name"),
    [SUBPROC_FIELD_LEGAL_ENTITY] = NC_("report column", "Legal entity"),
    /* Translators: report column: where the processor processes data */
    [SUBPROC_FIELD_COUNTRIES] = NC_("report column", "Countries"),
    /* Translators: report: the place as the source list wrote it */
    [SUBPROC_FIELD_LOCATION] = NC_("report column", "As written"),
    [SUBPROC_FIELD_TRANSFER_MECHANISM] = NC_("report column", "Legal basis outside EU/EEA"),
    /* Translators: report: the legal basis as the source list wrote it */
    [SUBPROC_FIELD_TRANSFER_BASIS] = NC_("report column", "Basis as written"),
    /* Translators: report: when the processor's certification under the EU-US Data Privacy Framework was last checked */
    [SUBPROC_FIELD_DPF_VERIFIED] = NC_("report column", "DPF verified"),
    /* Translators: report: the module of the standard contractual clauses */
    [SUBPROC_FIELD_SCC_MODULE] = NC_("report column", "SCC module"),
    /* Translators: report: the transfer impact assessment (its reference or date) */
    [SUBPROC_FIELD_TIA] = NC_("report column", "Transfer impact assessment"),
    /* Translators: report column: what the processor does for us */
    [SUBPROC_FIELD_FUNCTION] = NC_("report column", "Function"),
    /* Translators: report column: what processing the processor does */
    [SUBPROC_FIELD_DESCRIPTION] = NC_("report column", "Description"),
    [SUBPROC_FIELD_DATA_CATEGORIES] = NC_("report column", "Categories of data"),
    [SUBPROC_FIELD_DATA_SUBJECTS] = NC_("report column", "Data subjects"),
    /* Translators: report: when the data processing agreement was signed */
    [SUBPROC_FIELD_DPA_SIGNED] = NC_("report column", "Signed"),
    /* Translators: report: where the data processing agreement is kept */
    [SUBPROC_FIELD_DPA_REFERENCE] = NC_("report column", "Reference"),
    [SUBPROC_FIELD_CONTACT] = NC_("report column", "Contact"),
    [SUBPROC_FIELD_WEBSITE] = NC_("report column", "Website"),
    [SUBPROC_FIELD_STATUS] = NC_("report column", "Status"),
    /* Translators: report: the processor this one is a sub-processor of */
    [SUBPROC_FIELD_PARENT] = NC_("report column", "Sub-processor of"),
    /* Translators: report: supplementary measures for a transfer */
    [SUBPROC_FIELD_SAFEGUARDS] = NC_("report column", "Safeguards"),
    [SUBPROC_FIELD_SECURITY_MEASURES] = NC_("report column", "Security measures"),
    [SUBPROC_FIELD_NOTES] = NC_("report column", "Notes"),
    /* Translators: report: the list (or vendor) a processor was imported from */
    [SUBPROC_FIELD_SOURCE] = NC_("report column", "Source list"),
    /* Translators: report: when the processor was added to the register */
    [SUBPROC_FIELD_ADDED] = NC_("report column", "Added"),
    /* Translators: report column: when the entry was last updated */
    [SUBPROC_FIELD_UPDATED] = NC_("report column", "Updated"),
    /* Translators: report: when the entry is due for review */
    [SUBPROC_FIELD_REVIEW_DUE] = NC_("report column", "Review due"),
  };

  return subproc_language_pgettext ("report column", titles[field]);
}

/**
 * subproc_columns_field_title:
 *
 * Returns: (transfer none): the title of @field's column, in the language
 *   gettext answers in (a report's own, in its scope).
 */
const char *
subproc_columns_field_title (SubprocField field)
{
  g_return_val_if_fail ((guint) field < SUBPROC_N_FIELDS, NULL);

  return field_title (field);
}

/**
 * subproc_columns_field_name:
 *
 * Returns: (transfer none): the name of @field standing alone — in a list
 *   of fields, the history, the merge dialog — rather than as a column:
 *   the column's title, but for the fields the report shows under another
 *   one's heading (“As written” under Countries, “Signed” under the
 *   agreement). In the language gettext answers in.
 */
const char *
subproc_columns_field_name (SubprocField field)
{
  g_return_val_if_fail ((guint) field < SUBPROC_N_FIELDS, NULL);

  switch (field)
    {
    case SUBPROC_FIELD_LOCATION:
      return subproc_language_gettext (N_("Location as written"));
    case SUBPROC_FIELD_TRANSFER_BASIS:
      return subproc_language_gettext (N_("Legal basis as written"));
    case SUBPROC_FIELD_DPA_SIGNED:
      /* Translators: a field on its own: when the data processing agreement was signed */
      return subproc_language_gettext (N_("Agreement signed"));
    case SUBPROC_FIELD_DPA_REFERENCE:
      /* Translators: a field on its own: where the data processing agreement is kept, or its number */
      return subproc_language_gettext (N_("Agreement reference"));
    default:
      return subproc_columns_field_title (field);
    }
}

/**
 * subproc_columns_column_title:
 *
 * Returns: (transfer none): the title of @column, as subproc_columns_field_title().
 */
const char *
subproc_columns_column_title (const SubprocColumn *column)
{
  g_return_val_if_fail (column != NULL && (column->n_fields > 0 || column->title != NULL), NULL);

  if (column->title != NULL)
    return subproc_language_pgettext ("report column", column->title);
  return field_title (column->fields[0]);
}

/**
 * subproc_columns_get_full:
 * @n_columns: (out): how many
 *
 * Returns: (transfer none) (array length=n_columns): the internal
 *   register's columns: every field, grouped.
 */
const SubprocColumn *
subproc_columns_get_full (guint *n_columns)
{
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = G_N_ELEMENTS (full_columns);
  return full_columns;
}

/**
 * subproc_columns_get_public_fields:
 * @n_fields: (out): how many
 *
 * Returns: (transfer none) (array length=n_fields): the fields of the
 *   public list, a column each.
 */
const SubprocField *
subproc_columns_get_public_fields (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = G_N_ELEMENTS (public_fields);
  return public_fields;
}

/**
 * subproc_columns_is_public:
 *
 * Returns: whether @field is in the public list (a report with any other
 *   is internal).
 */
gboolean
subproc_columns_is_public (SubprocField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (public_fields); i++)
    if (public_fields[i] == field)
      return TRUE;
  return FALSE;
}

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
 * subproc_columns_mechanisms_text:
 * @mechanisms: (nullable): the words of the transfer mechanisms
 *
 * The transfer mechanisms in words, in the language gettext answers in (a
 * report's own, in its scope), in the order given, joined as a list.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when there is none.
 */
char *
subproc_columns_mechanisms_text (const char * const *mechanisms)
{
  g_autoptr(GString) text = NULL;

  if (mechanisms == NULL || mechanisms[0] == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; mechanisms[i] != NULL; i++)
    {
      int value;

      if (!subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, mechanisms[i], &value))
        g_return_val_if_reached (NULL);
      if (i > 0)
        g_string_append (text, subproc_language_pgettext ("list separator", ", "));
      g_string_append (text, subproc_language_pgettext ("transfer mechanism",
                                                        subproc_transfer_mechanism_to_label (value)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * subproc_columns_basis_text:
 * @mechanisms: (nullable): the words of the transfer mechanisms
 * @basis: (nullable): the legal basis as the source wrote it
 *
 * The legal basis cell: the transfer mechanisms in words, as
 * subproc_columns_mechanisms_text() gives them; the basis as written when
 * no mechanism is stated, since nothing is invented.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when there is none.
 */
char *
subproc_columns_basis_text (const char * const *mechanisms,
                            const char         *basis)
{
  if (mechanisms == NULL || mechanisms[0] == NULL)
    return g_strdup (basis != NULL && *basis != '\0' ? basis : NULL);
  return subproc_columns_mechanisms_text (mechanisms);
}

/* A value as people read it: countries and mechanisms in words, dates in
 * the report's language. */
static char *
field_value (SubprocRegister  *reg,
             SubprocProcessor *processor,
             SubprocField      field,
             const char       *language)
{
  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
      if (field == SUBPROC_FIELD_PARENT)
        {
          const char *id = subproc_processor_get_text (processor, field);
          SubprocProcessor *parent = id != NULL && reg != NULL ? subproc_register_find_by_id (reg, id, NULL) : NULL;

          if (parent != NULL)
            return g_strdup (subproc_processor_get_name (parent));
        }
      return g_strdup (subproc_processor_get_text (processor, field));
    case SUBPROC_FIELD_KIND_LIST:
      return g_strjoinv (C_("list separator", ", "), (char **) subproc_processor_get_list (processor, field));
    case SUBPROC_FIELD_KIND_COUNTRIES:
      return subproc_countries_to_display (subproc_processor_get_list (processor, field), language);
    case SUBPROC_FIELD_KIND_DATE:
      {
        const char *text = subproc_processor_get_text (processor, field);
        g_autoptr(GDate) date = text != NULL ? subproc_date_parse_iso (text) : NULL;

        return date != NULL ? subproc_language_format_date (date, FALSE) : g_strdup (text);
      }
    case SUBPROC_FIELD_KIND_MECHANISMS:
      return subproc_columns_mechanisms_text (subproc_processor_get_list (processor, field));
    case SUBPROC_FIELD_KIND_ENUM:
      if (field == SUBPROC_FIELD_STATUS)
        return g_strdup (subproc_language_pgettext ("processor status", subproc_status_to_label (subproc_processor_get_status (processor))));
      g_assert (field == SUBPROC_FIELD_SCC_MODULE);
      if (subproc_processor_get_enum (processor, field) == SUBPROC_SCC_MODULE_NONE)
        return NULL;
      return g_strdup (subproc_language_pgettext ("SCC module",
                                                  subproc_scc_module_to_label (subproc_processor_get_enum (processor, field))));
    default:
      g_assert_not_reached ();
    }
}

/* A column of one field shows what a reader of the public list expects:
 * the place as written when no country is known, and the basis as written
 * when the mechanism is not specified (nothing is invented). */
static char *
single_value (SubprocRegister  *reg,
              SubprocProcessor *processor,
              SubprocField      field,
              const char       *language)
{
  if (field == SUBPROC_FIELD_COUNTRIES)
    return subproc_columns_countries_text (subproc_processor_get_countries (processor),
                                           subproc_processor_get_text (processor, SUBPROC_FIELD_LOCATION),
                                           language);
  if (field == SUBPROC_FIELD_TRANSFER_MECHANISM)
    return subproc_columns_basis_text (subproc_processor_get_list (processor, field),
                                       subproc_processor_get_text (processor, SUBPROC_FIELD_TRANSFER_BASIS));
  return field_value (reg, processor, field, language);
}

/**
 * subproc_columns_data_name:
 *
 * Returns: (transfer none): the name of @field's column in a CSV file: its
 *   key in the register file, the same in every language, so that a
 *   spreadsheet made of it can be read back.
 */
const char *
subproc_columns_data_name (SubprocField field)
{
  g_return_val_if_fail ((guint) field < SUBPROC_N_FIELDS, NULL);

  return subproc_field_get_key (field);
}

/**
 * subproc_columns_field_text:
 * @reg: (nullable): the register @processor is in, for the names of parents
 * @language: (nullable): as subproc_columns_cell_text()
 *
 * The text of a column of @field alone, as the window's cells show it.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when there is none.
 */
char *
subproc_columns_field_text (SubprocProcessor *processor,
                            SubprocField      field,
                            SubprocRegister  *reg,
                            const char       *language)
{
  g_return_val_if_fail (SUBPROC_IS_PROCESSOR (processor), NULL);
  g_return_val_if_fail ((guint) field < SUBPROC_N_FIELDS, NULL);

  return single_value (reg, processor, field, language);
}

static void
add_bold (GArray *bold,
          gsize   start,
          gsize   end)
{
  SubprocTextSpan span = { start, end };

  if (bold != NULL && end > start)
    g_array_append_val (bold, span);
}

/* Each finding a line: its severity in bold, the message, the reference. */
static char *
findings_text (SubprocProcessor *processor,
               SubprocRegister  *reg,
               const char       *language,
               GArray           *bold)
{
  static const char * const severity[] = {
    [SUBPROC_SEVERITY_INFO] = NC_("finding", "Note"),
    [SUBPROC_SEVERITY_WARNING] = NC_("finding", "Warning"),
    [SUBPROC_SEVERITY_ERROR] = NC_("finding", "Error"),
  };
  const SubprocCheckOptions options = { NULL, 0, language };
  g_autoptr(GPtrArray) findings = subproc_check_processor (processor, reg, &options);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      SubprocFinding *finding = g_ptr_array_index (findings, i);
      gsize start;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      start = out->len;
      /* Translators: a label before a value in a report cell, as in “Signed: 3 Aug 2020” */
      g_string_append_printf (out, _("%s: "), subproc_language_pgettext ("finding", severity[finding->severity]));
      add_bold (bold, start, out->len);
      g_string_append_printf (out, "%s [%s]", finding->message, finding->reference);
    }
  return g_string_free (out, FALSE);
}

/**
 * subproc_columns_cell_text:
 * @reg: the register @processor is in, for the names of parents
 * @language: (nullable): the language of country names; dates and words
 *   follow gettext's (a report's own, in its scope)
 * @bold: (nullable) (element-type SubprocTextSpan): where the stretches to
 *   set in bold are added: the name, and the labels of a grouped column
 *
 * The text of a cell; a grouped column gives each field a line, labelled
 * (spans, never markup: the text is the register's).
 *
 * Returns: (transfer full): the text, empty when there is none.
 */
char *
subproc_columns_cell_text (const SubprocColumn *column,
                           SubprocProcessor    *processor,
                           SubprocRegister     *reg,
                           const char          *language,
                           GArray              *bold)
{
  GString *out;

  if (column->findings)
    return findings_text (processor, reg, language, bold);
  if (column->n_fields == 1)
    {
      char *text = single_value (reg, processor, column->fields[0], language);

      if (column->fields[0] == SUBPROC_FIELD_NAME && text != NULL)
        add_bold (bold, 0, strlen (text));
      return text != NULL ? text : g_strdup ("");
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < column->n_fields; i++)
    {
      SubprocField field = column->fields[i];
      g_autofree char *value = field_value (reg, processor, field, language);
      gsize start;

      if (value == NULL || *value == '\0'
          || (field == SUBPROC_FIELD_STATUS && subproc_processor_get_status (processor) == SUBPROC_STATUS_ACTIVE
              && column->n_fields > 1 && out->len > 0))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      start = out->len;
      if (i > 0 || column->label_first)
        {
          /* Translators: a label before a value in a report cell, as in “Signed: 3 Aug 2020” */
          g_string_append_printf (out, _("%s: "), field_title (field));
          add_bold (bold, start, out->len);
        }
      else if (field == SUBPROC_FIELD_NAME)
        add_bold (bold, start, start + strlen (value));
      g_string_append (out, value);
    }

  return g_string_free (out, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "subproc-merge.h"

/* Merging keeps the register in step with a vendor's list: the register's
 * processors from the same source are matched with the list's by their
 * name (without case, punctuation or the company form: “Zendesk, Inc.” is
 * “zendesk”), then their legal entity, then their website's domain. Only
 * what a list says is compared; what the DPO keeps (the agreement, the
 * review, the notes, the status) is never touched, and nothing is ever
 * deleted: a processor the list no longer names may be marked ended. */

/* The fields a vendor's list says and a merge may change. */
static const SubprocField listed_fields[] = {
  SUBPROC_FIELD_NAME, SUBPROC_FIELD_LEGAL_ENTITY, SUBPROC_FIELD_COUNTRIES, SUBPROC_FIELD_LOCATION,
  SUBPROC_FIELD_TRANSFER_MECHANISM, SUBPROC_FIELD_TRANSFER_BASIS, SUBPROC_FIELD_FUNCTION,
  SUBPROC_FIELD_DESCRIPTION, SUBPROC_FIELD_DATA_CATEGORIES, SUBPROC_FIELD_DATA_SUBJECTS,
  SUBPROC_FIELD_CONTACT, SUBPROC_FIELD_WEBSITE,
};

void
subproc_merge_item_free (SubprocMergeItem *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->existing);
  g_clear_object (&item->incoming);
  g_clear_pointer (&item->fields, g_array_unref);
  g_free (item);
}

/* Company forms, folded as names are, at the end of a name. */
static const char * const company_forms[] = {
  "ab", "publ", "a s", "as", "aps", "asa", "oy", "oyj", "ltd", "limited", "inc", "incorporated", "corp",
  "corporation", "co", "company", "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "b v",
  "nv", "llc", "llp", "lp", "plc", "pty", "pte", "kk", "unlimited", "group", "holding", "holdings",
};

/**
 * subproc_merge_normalize_name:
 *
 * Returns: (transfer full): @name as names are matched: in lower case,
 *   its punctuation and runs of space as one space, without company
 *   forms at its end (AB, A/S, ApS, Ltd, Inc., GmbH, LLC, …).
 */
char *
subproc_merge_normalize_name (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  gboolean trimmed = TRUE;

  if (name == NULL)
    return g_string_free (out, FALSE);
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
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
      /* “A/S” and “B.V.” are one word each once their marks go */
      else if (c == '/' || c == '.')
        space = space || (p[1] == ' ' || p[1] == '\0');
      else
        space = TRUE;
    }

  /* the company forms at the end, one after another (“Holding AB”) */
  while (trimmed && out->len > 0)
    {
      trimmed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (company_forms); i++)
        {
          gsize n = strlen (company_forms[i]);

          if (out->len > n + 1 && g_str_has_suffix (out->str, company_forms[i]) && out->str[out->len - n - 1] == ' ')
            {
              g_string_truncate (out, out->len - n - 1);
              trimmed = TRUE;
            }
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * subproc_merge_website_domain:
 *
 * Returns: (transfer full) (nullable): the host of a website, in lower
 *   case and without “www.”: “https://www.Stripe.com/privacy” is
 *   “stripe.com”.
 */
char *
subproc_merge_website_domain (const char *website)
{
  g_autofree char *lower = NULL;
  const char *host;
  gsize length;

  if (website == NULL || *website == '\0')
    return NULL;
  lower = g_ascii_strdown (website, -1);
  host = strstr (lower, "://");
  host = host != NULL ? host + 3 : lower;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  length = strcspn (host, "/?#: ");
  return length > 0 ? g_strndup (host, length) : NULL;
}

static gboolean
values_equal (SubprocProcessor *a,
              SubprocProcessor *b,
              SubprocField      field)
{
  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      return g_strcmp0 (subproc_processor_get_text (a, field), subproc_processor_get_text (b, field)) == 0;
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
    case SUBPROC_FIELD_KIND_MECHANISMS:
      return g_strv_equal (subproc_processor_get_list (a, field), subproc_processor_get_list (b, field));
    case SUBPROC_FIELD_KIND_ENUM:
      return subproc_processor_get_enum (a, field) == subproc_processor_get_enum (b, field);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
has_value (SubprocProcessor *processor,
           SubprocField      field)
{
  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
    case SUBPROC_FIELD_KIND_DATE:
      return subproc_processor_get_text (processor, field) != NULL;
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
    case SUBPROC_FIELD_KIND_MECHANISMS:
      return subproc_processor_get_list (processor, field)[0] != NULL;
    default:
      return TRUE;
    }
}

typedef char *(*KeyFunc) (SubprocProcessor *processor);

static char *
name_key (SubprocProcessor *processor)
{
  g_autofree char *key = subproc_merge_normalize_name (subproc_processor_get_name (processor));

  return *key != '\0' ? g_steal_pointer (&key) : NULL;
}

static char *
entity_key (SubprocProcessor *processor)
{
  g_autofree char *key = subproc_merge_normalize_name (subproc_processor_get_text (processor, SUBPROC_FIELD_LEGAL_ENTITY));

  return *key != '\0' ? g_steal_pointer (&key) : NULL;
}

static char *
domain_key (SubprocProcessor *processor)
{
  return subproc_merge_website_domain (subproc_processor_get_text (processor, SUBPROC_FIELD_WEBSITE));
}

/* Pairs the list's processors with the register's not yet paired, by one
 * key: the first of the register's with the same key. */
static void
pair_by (GPtrArray  *candidates,  /* the register's, from this source */
         GPtrArray  *incoming,
         SubprocProcessor **partner,  /* per incoming: the register's paired, or NULL */
         GHashTable *taken,
         KeyFunc     key_of)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      SubprocProcessor *candidate = g_ptr_array_index (candidates, i);
      char *key;

      if (g_hash_table_contains (taken, candidate) || (key = key_of (candidate)) == NULL)
        continue;
      if (!g_hash_table_contains (by_key, key))
        g_hash_table_insert (by_key, key, candidate);
      else
        g_free (key);
    }
  for (guint i = 0; i < incoming->len; i++)
    {
      g_autofree char *key = NULL;
      SubprocProcessor *found;

      if (partner[i] != NULL || (key = key_of (g_ptr_array_index (incoming, i))) == NULL)
        continue;
      found = g_hash_table_lookup (by_key, key);
      if (found == NULL || g_hash_table_contains (taken, found))
        continue;
      partner[i] = found;
      g_hash_table_add (taken, found);
    }
}

/**
 * subproc_merge_compare:
 * @incoming: (element-type SubprocProcessor): a list's processors
 * @source: the list's source, which the register's processors from it have
 *
 * When no processor of the register is from @source yet, the list's are
 * matched with all of them, and none is said to be no longer listed.
 *
 * Returns: (transfer full) (element-type SubprocMergeItem): one item for
 *   each of the list's processors, in the list's order, then one for each
 *   of the register's from @source that the list no longer names.
 */
GPtrArray *
subproc_merge_compare (SubprocRegister *reg,
                       GPtrArray       *incoming,
                       const char      *source)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) subproc_merge_item_free);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autofree SubprocProcessor **partner = NULL;
  gboolean all;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (incoming != NULL, NULL);
  g_return_val_if_fail (source != NULL && *source != '\0', NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (reg, i);

      if (g_strcmp0 (subproc_processor_get_text (processor, SUBPROC_FIELD_SOURCE), source) == 0)
        g_ptr_array_add (candidates, processor);
    }
  /* the first merge of a list into a register kept by hand: matched with
   * every processor, and none is “no longer listed”, since nothing says
   * which of them the list ever named */
  all = candidates->len == 0;
  if (all)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
      g_ptr_array_add (candidates, subproc_register_get_processor (reg, i));

  partner = g_new0 (SubprocProcessor *, incoming->len + 1);
  pair_by (candidates, incoming, partner, taken, name_key);
  pair_by (candidates, incoming, partner, taken, entity_key);
  pair_by (candidates, incoming, partner, taken, domain_key);

  for (guint i = 0; i < incoming->len; i++)
    {
      SubprocMergeItem *item = g_new0 (SubprocMergeItem, 1);
      SubprocProcessor *listed = g_ptr_array_index (incoming, i);

      item->incoming = g_object_ref (listed);
      item->fields = g_array_new (FALSE, FALSE, sizeof (SubprocField));
      if (partner[i] == NULL)
        item->kind = SUBPROC_MERGE_NEW;
      else
        {
          item->existing = g_object_ref (partner[i]);
          /* what the list says that the register says otherwise; a value
           * the list leaves empty is not a change */
          for (guint f = 0; f < G_N_ELEMENTS (listed_fields); f++)
            if (has_value (listed, listed_fields[f]) && !values_equal (listed, partner[i], listed_fields[f]))
              g_array_append_val (item->fields, listed_fields[f]);
          item->kind = item->fields->len > 0 ? SUBPROC_MERGE_CHANGED : SUBPROC_MERGE_UNCHANGED;
        }
      g_ptr_array_add (items, item);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      SubprocProcessor *candidate = g_ptr_array_index (candidates, i);
      SubprocMergeItem *item;

      if (all || g_hash_table_contains (taken, candidate))
        continue;
      item = g_new0 (SubprocMergeItem, 1);
      item->kind = SUBPROC_MERGE_MISSING;
      item->existing = g_object_ref (candidate);
      item->fields = g_array_new (FALSE, FALSE, sizeof (SubprocField));
      g_ptr_array_add (items, item);
    }
  return items;
}

/**
 * subproc_merge_apply:
 * @items: (element-type SubprocMergeItem): what subproc_merge_compare() found
 * @today: YYYY-MM-DD, for “added” and “updated”
 * @end_missing: whether the processors no longer listed are marked ended
 *
 * Adds the new processors at the end (from @source, added and updated
 * today unless the list dates them), gives the changed ones the list's
 * values of the fields that changed (updated as the list dates it, else
 * today), and marks those no longer listed ended when asked: one step,
 * which Undo takes back at once. Nothing is deleted.
 *
 * Returns: what was done.
 */
SubprocMergeCounts
subproc_merge_apply (SubprocHistory *history,
                     GPtrArray      *items,
                     const char     *source,
                     const char     *today,
                     gboolean        end_missing)
{
  SubprocMergeCounts counts = { 0 };
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *reason = NULL;
  SubprocRegister *reg;

  g_return_val_if_fail (SUBPROC_IS_HISTORY (history), counts);
  g_return_val_if_fail (items != NULL, counts);
  g_return_val_if_fail (today != NULL, counts);

  reg = subproc_history_get_register (history);
  /* Translators: the reason the change log records for a merge; %s is the list, e.g. “vendor-subprocessors” */
  reason = g_strdup_printf (_("Merged from %s"), source);
  subproc_history_set_reason (history, reason);
  /* Translators: the name of an undo step */
  subproc_history_begin_group (history, _("Merge List"));
  for (guint i = 0; i < items->len; i++)
    {
      SubprocMergeItem *item = g_ptr_array_index (items, i);
      g_autoptr(SubprocProcessor) values = NULL;

      switch (item->kind)
        {
        case SUBPROC_MERGE_NEW:
          {
            /* a processor of its own (a new id), with the list's values */
            SubprocProcessor *processor = subproc_processor_new (NULL);

            subproc_processor_assign (processor, item->incoming);
            subproc_processor_set_text (processor, SUBPROC_FIELD_SOURCE, source);
            if (subproc_processor_get_text (processor, SUBPROC_FIELD_ADDED) == NULL)
              subproc_processor_set_text (processor, SUBPROC_FIELD_ADDED, today);
            if (subproc_processor_get_text (processor, SUBPROC_FIELD_UPDATED) == NULL)
              subproc_processor_set_text (processor, SUBPROC_FIELD_UPDATED, today);
            g_ptr_array_add (added, processor);
          }
          counts.added++;
          break;

        case SUBPROC_MERGE_CHANGED:
          values = subproc_processor_copy (item->existing);
          for (guint f = 0; f < item->fields->len; f++)
            {
              SubprocField field = g_array_index (item->fields, SubprocField, f);

              switch (subproc_field_get_kind (field))
                {
                case SUBPROC_FIELD_KIND_TEXT:
                case SUBPROC_FIELD_KIND_DATE:
                  subproc_processor_set_text (values, field, subproc_processor_get_text (item->incoming, field));
                  break;
                default:
                  subproc_processor_set_list (values, field, subproc_processor_get_list (item->incoming, field));
                  break;
                }
            }
          /* from now on it is this list's */
          if (subproc_processor_get_text (values, SUBPROC_FIELD_SOURCE) == NULL)
            subproc_processor_set_text (values, SUBPROC_FIELD_SOURCE, source);
          subproc_processor_set_text (values, SUBPROC_FIELD_UPDATED,
                                      subproc_processor_get_text (item->incoming, SUBPROC_FIELD_UPDATED) != NULL
                                      ? subproc_processor_get_text (item->incoming, SUBPROC_FIELD_UPDATED) : today);
          subproc_history_edit (history, item->existing, values);
          counts.changed++;
          break;

        case SUBPROC_MERGE_MISSING:
          counts.missing++;
          if (!end_missing || subproc_processor_get_status (item->existing) == SUBPROC_STATUS_ENDED)
            break;
          values = subproc_processor_copy (item->existing);
          subproc_processor_set_enum (values, SUBPROC_FIELD_STATUS, SUBPROC_STATUS_ENDED);
          subproc_processor_set_text (values, SUBPROC_FIELD_UPDATED, today);
          subproc_history_edit (history, item->existing, values);
          counts.ended++;
          break;

        case SUBPROC_MERGE_UNCHANGED:
        default:
          break;
        }
    }
  subproc_history_insert (history, g_list_model_get_n_items (G_LIST_MODEL (reg)),
                          (SubprocProcessor **) added->pdata, added->len, _("Merge List"));
  subproc_history_end_group (history);
  subproc_history_set_reason (history, NULL);
  return counts;
}

/**
 * subproc_merge_source_for_file:
 *
 * Returns: (transfer full): the source a list's processors remember when
 *   nothing better names it: the file's name without its extension.
 */
char *
subproc_merge_source_for_file (const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

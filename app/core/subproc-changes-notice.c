/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-changes-private.h"
#include "subproc-date.h"

/* The notice to customers: a draft of the letter a processor sends before
 * new sub-processors take effect (GDPR Art. 28(2) and 28(4)), naming those
 * it no longer uses too; as text for an e-mail and as a web page. */

typedef struct
{
  GPtrArray *paragraphs;  /* of char*: the letter's paragraphs */
  GPtrArray *added;       /* of char*: one line for each new sub-processor */
  GPtrArray *gone;        /* of char*: one line for each one no longer used */
  char      *subject;
} Notice;

static void
notice_clear (Notice *notice)
{
  g_clear_pointer (&notice->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&notice->added, g_ptr_array_unref);
  g_clear_pointer (&notice->gone, g_ptr_array_unref);
  g_clear_pointer (&notice->subject, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Notice, notice_clear)

/* The day a new sub-processor takes effect: when the time to object ends,
 * or its own start day (“added”) when that is later. */
static GDate *
effective_day (SubprocProcessor *processor,
               const GDate      *deadline)
{
  const char *added = subproc_processor_get_text (processor, SUBPROC_FIELD_ADDED);
  g_autoptr(GDate) start = added != NULL ? subproc_date_parse_iso (added) : NULL;

  if (start != NULL && g_date_compare (start, deadline) > 0)
    return g_steal_pointer (&start);
  return g_date_copy (deadline);
}

static void
make_notice (SubprocChanges *self,
             const char     *language,
             const GDate    *today,
             Notice         *notice)
{
  /* who writes, and the period to object, as they are today */
  SubprocRegister *reg = self->after;
  const char *organisation = subproc_register_get_organisation (self->now);
  const char *contact = subproc_register_get_dpo_contact (self->now);
  g_autoptr(GDate) deadline = g_date_copy (today);
  g_autofree char *deadline_text = NULL;
  guint days = subproc_register_get_notice_days (self->now);

  g_date_add_days (deadline, days);
  deadline_text = subproc_language_format_date (deadline, TRUE);

  notice->paragraphs = g_ptr_array_new_with_free_func (g_free);
  notice->added = g_ptr_array_new_with_free_func (g_free);
  notice->gone = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->items->len; i++)
    {
      SubprocDiffItem *item = g_ptr_array_index (self->items, i);
      SubprocProcessor *processor = item->after != NULL ? item->after : item->before;
      g_autofree char *function = _subproc_changes_field_value (processor, SUBPROC_FIELD_FUNCTION, reg, language);
      g_autofree char *countries = _subproc_changes_field_value (processor, SUBPROC_FIELD_COUNTRIES, reg, language);
      const char *entity = subproc_processor_get_text (processor, SUBPROC_FIELD_LEGAL_ENTITY);
      g_autofree char *name = entity != NULL && g_strcmp0 (entity, subproc_processor_get_name (processor)) != 0
                              ? g_strdup_printf ("%s (%s)", subproc_processor_get_name (processor), entity)
                              : g_strdup (subproc_processor_get_name (processor));

      if (item->kind == SUBPROC_DIFF_ADDED && subproc_processor_get_status (processor) != SUBPROC_STATUS_ENDED)
        {
          g_autoptr(GDate) effective = effective_day (processor, deadline);
          g_autofree char *effective_text = subproc_language_format_date (effective, TRUE);

          g_ptr_array_add (notice->added,
                           /* Translators: a new sub-processor in the notice to customers: name, what it does, where, from when */
                           g_strdup_printf (_("%1$s. Function: %2$s. Where data is processed: %3$s. Takes effect on %4$s."),
                                            name, function, countries, effective_text));
        }
      else if (item->kind == SUBPROC_DIFF_ENDED || item->kind == SUBPROC_DIFF_REMOVED)
        g_ptr_array_add (notice->gone,
                         /* Translators: a sub-processor no longer used, in the notice to customers: name, what it did */
                         g_strdup_printf (_("%1$s. Function: %2$s."), name, function));
    }

  notice->subject = organisation != NULL
                    /* Translators: the subject of the notice to customers; %s is the organisation */
                    ? g_strdup_printf (_("Changes to the sub-processors of %s"), organisation)
                    /* Translators: the subject of the notice to customers when the register names no organisation */
                    : g_strdup (_("Changes to our sub-processors"));
  /* Translators: the greeting of the notice to customers */
  g_ptr_array_add (notice->paragraphs, g_strdup (_("Dear customer,")));
  if (notice->added->len > 0)
    g_ptr_array_add (notice->paragraphs,
                     /* Translators: the notice to customers, before the list of new sub-processors */
                     g_strdup (_("We intend to engage the following new sub-processors, which will process personal data on your behalf:")));
  else
    g_ptr_array_add (notice->paragraphs,
                     /* Translators: the notice to customers when no sub-processor is added */
                     g_strdup (_("We engage no new sub-processors in this period.")));
  g_ptr_array_add (notice->paragraphs,
                   contact != NULL
                   /* Translators: the notice to customers: %1$s the deadline, %2$s whom to write to; GDPR Art. 28(2) */
                   ? g_strdup_printf (_("Under Article 28(2) of the GDPR and our data processing agreement, you may object to these changes until %1$s by writing to %2$s. If you do not object, they take effect as stated."),
                                      deadline_text, contact)
                   /* Translators: the notice to customers: %s the deadline; GDPR Art. 28(2) */
                   : g_strdup_printf (_("Under Article 28(2) of the GDPR and our data processing agreement, you may object to these changes until %s. If you do not object, they take effect as stated."),
                                      deadline_text));
  /* Translators: the closing of the notice to customers, before the organisation's name */
  g_ptr_array_add (notice->paragraphs, organisation != NULL ? g_strdup_printf ("%s\n%s", _("Kind regards,"), organisation)
                                                            : g_strdup (_("Kind regards,")));
}

static void
append_list (GString   *out,
             GPtrArray *items)
{
  if (items->len == 0)
    return;
  g_string_append (out, "<ul>\n");
  for (guint i = 0; i < items->len; i++)
    _subproc_changes_append_element (out, "li", g_ptr_array_index (items, i));
  g_string_append (out, "</ul>\n");
}

/**
 * subproc_changes_notice_text:
 * @today: the day the notice is sent, from which the time to object runs
 *   (the register's notice period)
 *
 * Returns: (transfer full): a draft of the notice to customers as plain
 *   text, to paste into an e-mail: its subject line first.
 */
char *
subproc_changes_notice_text (SubprocChanges *self,
                             const char     *language,
                             const GDate    *today)
{
  G_GNUC_UNUSED g_autoptr(SubprocLanguageScope) scope = subproc_language_push (language);
  g_auto(Notice) notice = { NULL };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL && today != NULL, NULL);

  make_notice (self, language, today, &notice);
  /* Translators: the first line of the notice to customers as text */
  g_string_append_printf (out, "%s %s\n\n", _("Subject:"), notice.subject);
  g_string_append_printf (out, "%s\n\n%s\n\n", (char *) g_ptr_array_index (notice.paragraphs, 0),
                          (char *) g_ptr_array_index (notice.paragraphs, 1));
  for (guint i = 0; i < notice.added->len; i++)
    g_string_append_printf (out, "- %s\n", (char *) g_ptr_array_index (notice.added, i));
  if (notice.added->len > 0)
    g_string_append_c (out, '\n');
  if (notice.gone->len > 0)
    {
      /* Translators: the notice to customers, before the list of sub-processors no longer used */
      g_string_append_printf (out, "%s\n\n", _("We no longer use these sub-processors:"));
      for (guint i = 0; i < notice.gone->len; i++)
        g_string_append_printf (out, "- %s\n", (char *) g_ptr_array_index (notice.gone, i));
      g_string_append_c (out, '\n');
    }
  for (guint i = 2; i < notice.paragraphs->len; i++)
    g_string_append_printf (out, "%s\n%s", (char *) g_ptr_array_index (notice.paragraphs, i),
                            i + 1 < notice.paragraphs->len ? "\n" : "");
  return g_string_free (out, FALSE);
}

/**
 * subproc_changes_notice_html:
 *
 * Returns: (transfer full): the notice to customers as a web page.
 */
char *
subproc_changes_notice_html (SubprocChanges *self,
                             const char     *language,
                             const GDate    *today)
{
  G_GNUC_UNUSED g_autoptr(SubprocLanguageScope) scope = subproc_language_push (language);
  g_auto(Notice) notice = { NULL };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL && today != NULL, NULL);

  make_notice (self, language, today, &notice);
  _subproc_changes_html_begin (out, notice.subject);
  _subproc_changes_append_element (out, "h1", notice.subject);
  for (guint i = 0; i < 2; i++)
    _subproc_changes_append_element (out, "p", g_ptr_array_index (notice.paragraphs, i));
  append_list (out, notice.added);
  if (notice.gone->len > 0)
    {
      _subproc_changes_append_element (out, "p", _("We no longer use these sub-processors:"));
      append_list (out, notice.gone);
    }
  for (guint i = 2; i < notice.paragraphs->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (notice.paragraphs, i), "\n", -1);

      g_string_append (out, "<p>");
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0)
            g_string_append (out, "<br>\n");
          _subproc_changes_append_escaped (out, lines[l]);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

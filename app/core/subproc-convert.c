/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-changes.h"
#include "subproc-check.h"
#include "subproc-convert.h"
#include "subproc-date.h"
#include "subproc-export.h"
#include "subproc-file.h"
#include "subproc-import.h"
#include "subproc-input.h"
#include "subproc-language.h"
#include "subproc-legal.h"
#include "subproc-log.h"
#include "subproc-merge.h"
#include "subproc-storage.h"
#include "subproc-validate.h"

static void
print_warnings (FILE       *messages,
                const char *input,
                GPtrArray  *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      SubprocImportWarning *warning = g_ptr_array_index (warnings, i);

      /* Translators: the word between the position and the message, as compilers write it */
      fprintf (messages, "%s:%u:%u: %s: %s\n", input, warning->line, warning->column,
               _("warning"), warning->message);
    }
}

/* Reads INPUT (or DEFAULT_INPUT), saying its warnings and a failure on
 * MESSAGES; FILE and NAME are the input's, NAME as the user wrote it. */
static SubprocInput *
read_input (const char  *input,
            GFile       *default_input,
            FILE        *messages,
            GFile      **file,
            char       **name)
{
  g_autoptr(GError) error = NULL;
  SubprocInput *read;

  *file = input != NULL ? g_file_new_for_commandline_arg (input) : g_object_ref (default_input);
  /* a bundled file (the example) by its name alone */
  if (input != NULL)
    *name = g_strdup (input);
  else if (g_file_has_uri_scheme (*file, "resource"))
    *name = g_file_get_basename (*file);
  else
    *name = g_file_get_parse_name (*file);
  read = subproc_input_read (*file, NULL, &error);
  if (read == NULL)
    {
      fprintf (messages, "subproc: %s\n", error->message);
      return NULL;
    }
  print_warnings (messages, *name, read->warnings);
  return read;
}

/* The register to export: the one the file held, or one the command line
 * makes of a list. */
static SubprocRegister *
register_of (SubprocInput *input)
{
  SubprocRegister *reg;

  if (subproc_input_is_register (input))
    return g_object_ref (input->reg);

  reg = subproc_register_new ();
  subproc_register_splice (reg, 0, 0, (SubprocProcessor **) input->processors->pdata, input->processors->len);
  return reg;
}

/**
 * subproc_convert_parse_columns:
 * @text: “public”, “full”, or field keys separated by commas (“name,countries”)
 * @set: (out): the column set, when @text names one
 * @fields: (out) (transfer full) (nullable): the fields, when @text lists them
 *
 * Reads the command line's `--columns`.
 *
 * Returns: whether @text could be read
 */
gboolean
subproc_convert_parse_columns (const char        *text,
                              SubprocColumnSet  *set,
                              GArray           **fields)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (SubprocField));

  g_return_val_if_fail (text != NULL && set != NULL && fields != NULL, FALSE);

  *fields = NULL;
  *set = SUBPROC_COLUMNS_PUBLIC;
  if (g_str_equal (text, "public") || g_str_equal (text, "full"))
    {
      *set = g_str_equal (text, "full") ? SUBPROC_COLUMNS_FULL : SUBPROC_COLUMNS_PUBLIC;
      return TRUE;
    }

  keys = g_strsplit (text, ",", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      SubprocField field;

      if (!subproc_field_from_key (g_strstrip (keys[i]), &field))
        return FALSE;
      g_array_append_val (list, field);
    }
  if (list->len == 0)
    return FALSE;

  *fields = g_steal_pointer (&list);
  return TRUE;
}

/* The report options as export options; FALSE with a message on a
 * usage error. @fields keeps the picked columns alive. */
static gboolean
read_options (const SubprocConvertOptions *options,
              SubprocExportOptions        *export_options,
              GArray                     **fields,
              FILE                        *messages)
{
  *export_options = (SubprocExportOptions) { NULL, SUBPROC_COLUMNS_PUBLIC, NULL, 0, SUBPROC_PAPER_A4, NULL };

  if (options->language != NULL && !subproc_language_is_supported (options->language))
    {
      fprintf (messages, "subproc: %s\n", _("--language must be en, sv or da."));
      return FALSE;
    }
  export_options->language = options->language;

  if (options->columns != NULL
      && !subproc_convert_parse_columns (options->columns, &export_options->column_set, fields))
    {
      fprintf (messages, "subproc: %s\n",
               _("--columns must be public, full, or field names separated by commas, such as name,countries,description."));
      return FALSE;
    }
  if (*fields != NULL)
    {
      export_options->fields = &g_array_index (*fields, SubprocField, 0);
      export_options->n_fields = (*fields)->len;
    }

  if (options->paper != NULL && g_ascii_strcasecmp (options->paper, "a4") != 0
      && g_ascii_strcasecmp (options->paper, "letter") != 0)
    {
      fprintf (messages, "subproc: %s\n", _("--paper must be a4 or letter."));
      return FALSE;
    }
  if (options->paper != NULL && g_ascii_strcasecmp (options->paper, "letter") == 0)
    export_options->paper = SUBPROC_PAPER_LETTER;

  return TRUE;
}

/* Says on MESSAGES what is wrong with a register's change log, naming the
 * first broken entry; the command line goes on all the same. */
static void
warn_about_log (SubprocRegister *reg,
                const char      *name,
                FILE            *messages)
{
  g_autofree char *problem = subproc_log_describe_problem (subproc_register_get_log (reg));

  if (problem != NULL)
    fprintf (messages, "%s: %s: %s\n", name, _("warning"), problem);
}

/* The register at the end of --as-of's day, with the day for the report;
 * NULL with a message when the day or the log cannot be read. */
static SubprocRegister *
register_as_of (SubprocRegister  *reg,
                const char       *as_of,
                GDate           **day,
                FILE             *messages)
{
  g_autoptr(GDateTime) until = subproc_changes_end_of_day (as_of);
  g_autoptr(GError) error = NULL;
  SubprocRegister *then;

  if (until == NULL)
    {
      fprintf (messages, "subproc: %s\n", _("--as-of must be a date written as YYYY-MM-DD."));
      return NULL;
    }
  then = subproc_log_register_as_of (reg, until, &error);
  if (then == NULL)
    {
      fprintf (messages, "subproc: %s\n", error->message);
      return NULL;
    }
  *day = subproc_date_parse_iso (as_of);
  return then;
}

static gboolean
has_extension (const char *name,
               const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, extension);
}

/* --changes-since [--until] [--notice]: the report of changes (.pdf,
 * .html, .txt) or the notice to customers (.txt, .html). */
static SubprocConvertStatus
convert_changes (SubprocRegister             *reg,
                 const char                  *output,
                 const SubprocConvertOptions *options,
                 const SubprocExportOptions  *export_options,
                 FILE                        *messages)
{
  g_autoptr(GDateTime) since_end = subproc_changes_end_of_day (options->changes_since);
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SubprocChanges) changes = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gboolean pdf = has_extension (output, ".pdf");
  gboolean html = has_extension (output, ".html") || has_extension (output, ".htm");
  gboolean text = has_extension (output, ".txt");

  if (since_end == NULL || (options->until != NULL && (until = subproc_changes_end_of_day (options->until)) == NULL))
    {
      fprintf (messages, "subproc: %s\n", _("--changes-since and --until must be dates written as YYYY-MM-DD."));
      return SUBPROC_CONVERT_USAGE;
    }
  if (options->notice ? !(html || text) : !(pdf || html || text))
    {
      fprintf (messages, "subproc: %s\n",
               options->notice ? _("The notice to customers is written as .txt or .html.")
                               : _("The report of changes is written as .pdf, .html or .txt."));
      return SUBPROC_CONVERT_USAGE;
    }

  /* from the start of the day: the changes made after the day before */
  since = g_date_time_add_days (since_end, -1);
  changes = subproc_changes_new (reg, since, until, &error);
  if (changes == NULL)
    {
      fprintf (messages, "subproc: %s\n", error->message);
      return SUBPROC_CONVERT_FAILED;
    }

  if (options->notice)
    {
      g_autoptr(GDate) today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                               (GDateMonth) g_date_time_get_month (now),
                                               (GDateYear) g_date_time_get_year (now));

      data = html ? subproc_changes_notice_html (changes, export_options->language, today)
                  : subproc_changes_notice_text (changes, export_options->language, today);
    }
  else if (pdf)
    {
      if (!subproc_changes_write_pdf (changes, export_options->language, export_options->paper, now, file, &error))
        {
          fprintf (messages, "subproc: %s\n", error->message);
          return SUBPROC_CONVERT_FAILED;
        }
      return SUBPROC_CONVERT_OK;
    }
  else
    data = html ? subproc_changes_to_html (changes, export_options->language, now)
                : subproc_changes_to_text (changes, export_options->language, now);

  /* the report names the people who changed the register; the notice is for customers */
  if (!subproc_write_file (file, data, strlen (data), options->notice ? SUBPROC_FILE_NONE : SUBPROC_FILE_PRIVATE,
                           NULL, NULL, &error))
    {
      fprintf (messages, "subproc: %s\n", error->message);
      return SUBPROC_CONVERT_FAILED;
    }
  return SUBPROC_CONVERT_OK;
}

/**
 * subproc_convert:
 * @output: the file to write; its extension names the format
 * @input: (nullable): a register or a list; %NULL for @default_input
 * @messages: where warnings and errors are written, one a line
 *
 * The command line's `--export`: reads a register or a list and writes it
 * in another format. On failure @output is neither created nor changed.
 */
SubprocConvertStatus
subproc_convert (const char *output,
                 const char *input,
                 GFile      *default_input,
                 FILE       *messages)
{
  static const SubprocConvertOptions defaults = { NULL, NULL, NULL, NULL, NULL, NULL, FALSE };

  return subproc_convert_with_options (output, input, default_input, &defaults, messages);
}

/**
 * subproc_convert_with_options:
 * @options: the language, columns and paper of a PDF or HTML report
 *
 * subproc_convert() with the report options of the command line.
 */
SubprocConvertStatus
subproc_convert_with_options (const char                  *output,
                              const char                  *input,
                              GFile                       *default_input,
                              const SubprocConvertOptions *options,
                              FILE                        *messages)
{
  g_autoptr(GFile) input_file = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(SubprocRegister) self = NULL;
  g_autoptr(SubprocInput) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *source_name = NULL;
  g_autoptr(GDate) as_of = NULL;
  SubprocExportOptions export_options;
  SubprocExportFormat format = SUBPROC_EXPORT_PDF;

  g_return_val_if_fail (output != NULL, SUBPROC_CONVERT_USAGE);
  g_return_val_if_fail (input != NULL || G_IS_FILE (default_input), SUBPROC_CONVERT_USAGE);
  g_return_val_if_fail (options != NULL, SUBPROC_CONVERT_USAGE);

  if ((options->until != NULL || options->notice) && options->changes_since == NULL)
    {
      fprintf (messages, "subproc: %s\n", _("--until and --notice go with --changes-since."));
      return SUBPROC_CONVERT_USAGE;
    }
  if (options->as_of != NULL && options->changes_since != NULL)
    {
      fprintf (messages, "subproc: %s\n", _("--as-of and --changes-since cannot be used together: use --until for the end of the changes."));
      return SUBPROC_CONVERT_USAGE;
    }
  if (options->changes_since == NULL && !subproc_export_format_for_name (output, &format))
    {
      fprintf (messages, "subproc: %s\n",
               _("The output file must end in .json (a register), .csv (a spreadsheet), .pdf or .html (a report)."));
      return SUBPROC_CONVERT_USAGE;
    }
  if (!read_options (options, &export_options, &fields, messages))
    return SUBPROC_CONVERT_USAGE;

  /* before the input's warnings are translated: see the function */
  subproc_language_init ();

  read = read_input (input, default_input, messages, &input_file, &input_name);
  if (read == NULL)
    return SUBPROC_CONVERT_FAILED;
  self = register_of (read);
  if ((options->as_of != NULL || options->changes_since != NULL) && !subproc_input_is_register (read))
    {
      fprintf (messages, "subproc: %s\n", _("--as-of and --changes-since need a register: a list has no change log."));
      return SUBPROC_CONVERT_USAGE;
    }
  if (subproc_input_is_register (read))
    warn_about_log (self, input_name, messages);
  if (options->changes_since != NULL)
    return convert_changes (self, output, options, &export_options, messages);
  if (options->as_of != NULL)
    {
      SubprocRegister *then = register_as_of (self, options->as_of, &as_of, messages);

      if (then == NULL)
        return SUBPROC_CONVERT_FAILED;
      g_object_unref (self);
      self = then;
      export_options.as_of = as_of;
    }
  /* this version would write it as its own, losing what it does not know */
  if (read->newer_version && format == SUBPROC_EXPORT_JSON)
    {
      g_autofree char *name = g_file_get_basename (input_file);

      fprintf (messages, "subproc: ");
      fprintf (messages, _("“%s” was written by a newer version of Subproc; this version cannot write it as a register without losing what it does not know. Export it as CSV, PDF or HTML, or use the newer Subproc."),
               name);
      fprintf (messages, "\n");
      return SUBPROC_CONVERT_FAILED;
    }

  source_name = g_file_get_basename (input_file);
  export_options.source_name = source_name;
  output_file = g_file_new_for_commandline_arg (output);
  if (!subproc_export_report_to_file (self, format, &export_options, output_file, &error))
    {
      fprintf (messages, "subproc: %s\n", error->message);
      return SUBPROC_CONVERT_FAILED;
    }

  return SUBPROC_CONVERT_OK;
}

/**
 * subproc_convert_check:
 * @input: (nullable): a register or a list; %NULL for @default_input
 * @out: where the findings go, one a line:
 *   `FILE: PROCESSOR: SEVERITY: MESSAGE [REFERENCE]`, then a summary line
 * @messages: where warnings about the input and errors go
 *
 * The command line's `--check`: reads a register, or imports a list, and
 * checks every processor's transfers as of today. SEVERITY is the English
 * word (`error`, `warning`, `info`); the message follows the UI language.
 *
 * Returns: %SUBPROC_CONVERT_FAILED when any processor has an error, or the
 *   input could not be read; %SUBPROC_CONVERT_OK otherwise.
 */
SubprocConvertStatus
subproc_convert_check (const char *input,
                       GFile      *default_input,
                       FILE       *out,
                       FILE       *messages)
{
  g_autoptr(GFile) input_file = NULL;
  g_autoptr(SubprocInput) read = NULL;
  g_autoptr(SubprocRegister) reg = NULL;
  g_autofree char *input_name = NULL;
  guint counts[SUBPROC_SEVERITY_ERROR + 1] = { 0 };
  guint n_items;

  g_return_val_if_fail (input != NULL || G_IS_FILE (default_input), SUBPROC_CONVERT_USAGE);

  read = read_input (input, default_input, messages, &input_file, &input_name);
  if (read == NULL)
    return SUBPROC_CONVERT_FAILED;
  reg = register_of (read);
  if (subproc_input_is_register (read))
    warn_about_log (reg, input_name, messages);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (reg));
  for (guint i = 0; i < n_items; i++)
    {
      SubprocProcessor *processor = subproc_register_get_processor (reg, i);
      g_autoptr(GPtrArray) findings = subproc_check_processor (processor, reg, NULL);

      for (guint f = 0; f < findings->len; f++)
        {
          SubprocFinding *finding = g_ptr_array_index (findings, f);

          fprintf (out, "%s: %s: %s: %s [%s]\n", input_name, subproc_processor_get_name (processor),
                   subproc_severity_to_string (finding->severity), finding->message, finding->reference);
          counts[finding->severity]++;
        }
    }

  {
    guint n_errors = counts[SUBPROC_SEVERITY_ERROR];
    guint n_warnings = counts[SUBPROC_SEVERITY_WARNING];
    guint n_notes = counts[SUBPROC_SEVERITY_INFO];
    g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
    g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings),
                                                 n_warnings);
    g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);

    /* Translators: the last line of --check: the file, the counts of errors, warnings and notes, a date */
    fprintf (out, _("%s: %s, %s, %s (the law as of %s)\n"), input_name, errors, warnings, notes,
             subproc_legal_get_as_of ());
  }
  return counts[SUBPROC_SEVERITY_ERROR] > 0 ? SUBPROC_CONVERT_FAILED : SUBPROC_CONVERT_OK;
}

/**
 * subproc_convert_merge:
 * @list: the vendor's list, a file as the user wrote its name
 * @register_path: (nullable): the register to merge into; %NULL for @default_register
 * @options: the source (NULL: the list's file name without its extension),
 *   whether nothing is saved, whether those no longer listed are ended
 * @out: where each difference is said, one a line
 *
 * Merges a vendor's new list into a register: `added: NAME`, `changed:
 * NAME: FIELD`, `no longer listed: NAME`, one a line, then a summary; the
 * register is saved (atomically, the previous version kept as the backup)
 * unless it is a dry run. A register that does not exist yet is made.
 *
 * Returns: %SUBPROC_CONVERT_FAILED when the list or the register cannot be
 *   read or written (the register is left as it was).
 */
SubprocConvertStatus
subproc_convert_merge (const char                *list,
                       const char                *register_path,
                       GFile                     *default_register,
                       const SubprocMergeOptions *options,
                       FILE                      *out,
                       FILE                      *messages)
{
  g_autoptr(GFile) list_file = NULL;
  g_autofree char *list_name = NULL;
  g_autoptr(SubprocInput) listed = NULL;
  g_autoptr(GFile) register_file = NULL;
  g_autofree char *register_name = NULL;
  g_autoptr(SubprocInput) read = NULL;
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(SubprocHistory) history = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *source = NULL;
  g_autofree char *today = NULL;
  SubprocMergeCounts counts;

  g_return_val_if_fail (list != NULL, SUBPROC_CONVERT_USAGE);
  g_return_val_if_fail (register_path != NULL || G_IS_FILE (default_register), SUBPROC_CONVERT_USAGE);
  g_return_val_if_fail (options != NULL, SUBPROC_CONVERT_USAGE);

  listed = read_input (list, NULL, messages, &list_file, &list_name);
  if (listed == NULL)
    return SUBPROC_CONVERT_FAILED;
  if (subproc_input_is_register (listed))
    {
      fprintf (messages, "subproc: %s\n", _("--merge takes a list of processors, not a register."));
      return SUBPROC_CONVERT_USAGE;
    }

  /* the register, or a new one when there is none yet */
  register_file = register_path != NULL ? g_file_new_for_commandline_arg (register_path) : g_object_ref (default_register);
  register_name = register_path != NULL ? g_strdup (register_path) : g_file_get_parse_name (register_file);
  read = subproc_input_read (register_file, NULL, &error);
  if (read == NULL && g_error_matches (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_READ) &&
      !g_file_query_exists (register_file, NULL))
    reg = subproc_register_new ();
  else if (read == NULL)
    {
      fprintf (messages, "subproc: %s\n", error->message);
      return SUBPROC_CONVERT_FAILED;
    }
  else if (!subproc_input_is_register (read))
    {
      fprintf (messages, "subproc: %s\n", _("The register to merge into is a list; name a register (.json)."));
      return SUBPROC_CONVERT_USAGE;
    }
  else if (read->newer_version)
    {
      fprintf (messages, _("“%s” was written by a newer version of Subproc; this version cannot write it without losing what it does not know."),
               register_name);
      fputc ('\n', messages);
      return SUBPROC_CONVERT_FAILED;
    }
  else
    {
      g_autoptr(GError) log_error = NULL;

      reg = g_object_ref (read->reg);
      etag = g_strdup (read->etag);
      /* a merge is recorded in the log: it must be readable */
      if (!subproc_log_read (subproc_register_get_log (reg), &log_error))
        {
          fprintf (messages, "subproc: %s\n", log_error->message);
          return SUBPROC_CONVERT_FAILED;
        }
      warn_about_log (reg, register_name, messages);
    }

  source = options->source != NULL ? g_strdup (options->source) : subproc_merge_source_for_file (list_name);
  items = subproc_merge_compare (reg, listed->processors, source);
  for (guint i = 0; i < items->len; i++)
    {
      SubprocMergeItem *item = g_ptr_array_index (items, i);
      SubprocProcessor *named = item->incoming != NULL ? item->incoming : item->existing;
      const char *name = subproc_processor_get_name (named);

      /* the words are the command line's, the same in every language, for scripts */
      switch (item->kind)
        {
        case SUBPROC_MERGE_NEW:
          fprintf (out, "added: %s\n", name);
          break;
        case SUBPROC_MERGE_CHANGED:
          for (guint f = 0; f < item->fields->len; f++)
            fprintf (out, "changed: %s: %s\n", subproc_processor_get_name (item->existing),
                     subproc_field_get_key (g_array_index (item->fields, SubprocField, f)));
          break;
        case SUBPROC_MERGE_MISSING:
          fprintf (out, "no longer listed: %s\n", name);
          break;
        case SUBPROC_MERGE_UNCHANGED:
        default:
          break;
        }
    }

  history = subproc_history_new (reg);
  subproc_history_set_author (history, options->author);
  today = subproc_today_iso ();
  counts = subproc_merge_apply (history, items, source, today, options->end_missing);
  {
    g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", counts.added), counts.added);
    g_autofree char *changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", counts.changed),
                                                counts.changed);
    g_autofree char *missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u no longer listed", "%u no longer listed",
                                                             counts.missing), counts.missing);

    /* Translators: the last line of --merge: counts, then the register's name and what was done with it */
    fprintf (out, "%s: %s, %s, %s%s%s\n", register_name, added, changed, missing,
             counts.ended > 0 ? _(" (marked ended)") : "",
             options->dry_run ? _("; nothing saved (dry run)") : "");
  }
  if (options->dry_run || subproc_history_get_n_steps (history) == 0)
    return SUBPROC_CONVERT_OK;

  if (!subproc_storage_save (reg, register_file, etag, NULL, &error))
    {
      fprintf (messages, "subproc: %s\n", error->message);
      return SUBPROC_CONVERT_FAILED;
    }
  return SUBPROC_CONVERT_OK;
}

/**
 * subproc_convert_fingerprint:
 * @as_of: (nullable): YYYY-MM-DD: the fingerprint of the register as of that day
 * @out: where the fingerprint goes, on a line of its own
 *
 * The command line's `--fingerprint`: the same 16 hexadecimal digits a
 * printed report carries in its footer, so that a printout can be matched
 * to the file.
 */
SubprocConvertStatus
subproc_convert_fingerprint (const char *input,
                             GFile      *default_input,
                             const char *as_of,
                             FILE       *out,
                             FILE       *messages)
{
  g_autoptr(GFile) input_file = NULL;
  g_autoptr(SubprocInput) read = NULL;
  g_autoptr(SubprocRegister) reg = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (input != NULL || G_IS_FILE (default_input), SUBPROC_CONVERT_USAGE);

  read = read_input (input, default_input, messages, &input_file, &input_name);
  if (read == NULL)
    return SUBPROC_CONVERT_FAILED;
  if (!subproc_input_is_register (read))
    {
      fprintf (messages, "subproc: %s\n", _("--fingerprint needs a register, not a list."));
      return SUBPROC_CONVERT_USAGE;
    }
  warn_about_log (read->reg, input_name, messages);
  reg = as_of != NULL ? register_as_of (read->reg, as_of, &day, messages) : g_object_ref (read->reg);
  if (reg == NULL)
    return SUBPROC_CONVERT_FAILED;

  fingerprint = subproc_log_fingerprint (reg);
  fprintf (out, "%s\n", fingerprint);
  return SUBPROC_CONVERT_OK;
}

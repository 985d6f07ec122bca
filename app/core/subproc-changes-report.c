/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <pango/pangocairo.h>

#include "subproc-changes-private.h"
#include "subproc-columns.h"
#include "subproc-file.h"
#include "subproc-log.h"

/* The report of changes, for an audit: as text, as HTML and as PDF. The
 * three renderings share one list of blocks (a title, lines of facts,
 * headings, processors and their details), so they say the same. */

/* The blocks the renderings share -------------------------------------- */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_FACT,     /* a line of the title block: label and value */
  BLOCK_HEADING,
  BLOCK_TEXT,     /* a paragraph */
  BLOCK_ITEM,     /* a processor's name */
  BLOCK_DETAIL,   /* a line under a processor: label and value */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *label;  /* FACT, DETAIL; may be NULL */
  char      *text;
} Block;

static void
block_free (Block *block)
{
  g_free (block->label);
  g_free (block->text);
  g_free (block);
}

static void
add_block (GPtrArray  *blocks,
           BlockKind   kind,
           const char *label,
           char       *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = text;
  g_ptr_array_add (blocks, block);
}

static GDate *
day_of (GDateTime *time)
{
  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (time),
                         (GDateMonth) g_date_time_get_month (time),
                         (GDateYear) g_date_time_get_year (time));
}

static char *
format_day (GDateTime *time)
{
  g_autoptr(GDate) day = day_of (time);

  return subproc_language_format_date (day, TRUE);
}

char *
_subproc_changes_field_value (SubprocProcessor *processor,
                              SubprocField      field,
                              SubprocRegister  *reg,
                              const char       *language)
{
  g_autofree char *text = subproc_columns_field_text (processor, field, reg, language);

  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : g_strdup ("—");
}

static const char *
register_title (SubprocRegister *reg)
{
  const char *title = subproc_register_get_title (reg);

  /* Translators: a report's title when the register has none */
  return title != NULL && *title != '\0' ? title : _("Register of processors and sub-processors");
}

static char *
period_text (SubprocChanges *self)
{
  g_autoptr(GDateTime) start = g_date_time_add_seconds (self->since, 1);
  g_autofree char *from = format_day (start);
  g_autofree char *to = format_day (self->until);

  /* Translators: the period of a report of changes: “1 February 2026 – 2 December 2026” */
  return g_strdup_printf (_("%1$s – %2$s"), from, to);
}

/* What a processor does, and where: the notice and the added items say it. */
static void
add_summary_details (GPtrArray        *blocks,
                     SubprocProcessor *processor,
                     SubprocRegister  *reg,
                     const char       *language)
{
  static const SubprocField fields[] = {
    SUBPROC_FIELD_LEGAL_ENTITY, SUBPROC_FIELD_FUNCTION, SUBPROC_FIELD_COUNTRIES, SUBPROC_FIELD_TRANSFER_MECHANISM,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = subproc_columns_field_text (processor, fields[i], reg, language);

      if (value != NULL && *value != '\0')
        add_block (blocks, BLOCK_DETAIL, subproc_columns_field_title (fields[i]), g_steal_pointer (&value));
    }
  /* added and ended in the period, or planned */
  if (subproc_processor_get_status (processor) != SUBPROC_STATUS_ACTIVE)
    add_block (blocks, BLOCK_DETAIL, subproc_columns_field_title (SUBPROC_FIELD_STATUS),
               g_strdup (subproc_language_pgettext ("processor status",
                                                    subproc_processor_get_status (processor) == SUBPROC_STATUS_ENDED
                                                    ? "Ended" : "Planned")));
}

static char *
section_heading (SubprocDiffKind kind,
                 guint           n)
{
  switch (kind)
    {
    case SUBPROC_DIFF_ADDED:
      /* Translators: a heading of the report of changes; %u is how many */
      return g_strdup_printf (_("Added (%u)"), n);
    case SUBPROC_DIFF_ENDED:
      /* Translators: a heading of the report of changes; %u is how many */
      return g_strdup_printf (_("Ended (%u)"), n);
    case SUBPROC_DIFF_REMOVED:
      /* Translators: a heading of the report of changes; %u is how many */
      return g_strdup_printf (_("Removed (%u)"), n);
    case SUBPROC_DIFF_CHANGED:
      /* Translators: a heading of the report of changes; %u is how many */
      return g_strdup_printf (_("Changed (%u)"), n);
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
make_blocks (SubprocChanges *self,
             const char     *language,
             GDateTime      *printed)
{
  static const SubprocDiffKind sections[] = {
    SUBPROC_DIFF_ADDED, SUBPROC_DIFF_ENDED, SUBPROC_DIFF_REMOVED, SUBPROC_DIFF_CHANGED,
  };

  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  SubprocLog *log = subproc_register_get_log (self->after);
  SubprocChange *review = subproc_log_get_last_review (log, NULL);
  const char *organisation = subproc_register_get_organisation (self->after);

  /* Translators: the title of a report of changes; %s is the register's title */
  add_block (blocks, BLOCK_TITLE, NULL, g_strdup_printf (_("Changes to “%s”"), register_title (self->after)));
  if (organisation != NULL)
    /* Translators: report title block: the organisation whose register this is */
    add_block (blocks, BLOCK_FACT, _("Organisation"), g_strdup (organisation));
  /* Translators: report title block: the period the report of changes covers */
  add_block (blocks, BLOCK_FACT, _("Period"), period_text (self));
  /* Translators: report title block: the register's version, the number of changes its log records */
  add_block (blocks, BLOCK_FACT, _("Register version (changes recorded)"),
             g_strdup_printf ("%u", subproc_log_get_n_changes (log)));
  if (review != NULL)
    {
      g_autofree char *on = format_day (subproc_change_get_time (review));
      const char *who = subproc_change_get_author (review);

      /* Translators: report title block: the last time someone marked the register as reviewed */
      add_block (blocks, BLOCK_FACT, _("Last approval"),
                 /* Translators: report title block: who approved the register, and on which day: “Karin Ek, 5 March 2026” */
                 g_strdup_printf (_("%1$s, %2$s"), who != NULL ? who : "—", on));
    }
  /* Translators: report title block: the date the report was printed */
  add_block (blocks, BLOCK_FACT, _("Printed"), format_day (printed));
  /* Translators: report title block: the fingerprint of the register at the end of the period */
  add_block (blocks, BLOCK_FACT, _("Fingerprint"), subproc_log_fingerprint (self->after));

  if (self->items->len == 0)
    add_block (blocks, BLOCK_TEXT, NULL, g_strdup (_("Nothing was added, ended, removed or changed in this period.")));

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      guint n = 0;

      for (guint i = 0; i < self->items->len; i++)
        n += ((SubprocDiffItem *) g_ptr_array_index (self->items, i))->kind == sections[s];
      if (n == 0)
        continue;
      add_block (blocks, BLOCK_HEADING, NULL, section_heading (sections[s], n));

      for (guint i = 0; i < self->items->len; i++)
        {
          SubprocDiffItem *item = g_ptr_array_index (self->items, i);
          SubprocProcessor *processor = item->after != NULL ? item->after : item->before;

          if (item->kind != sections[s])
            continue;
          add_block (blocks, BLOCK_ITEM, NULL, g_strdup (subproc_processor_get_name (processor)));
          if (item->kind == SUBPROC_DIFF_ADDED || item->kind == SUBPROC_DIFF_REMOVED)
            add_summary_details (blocks, processor, item->after != NULL ? self->after : self->before, language);
          for (guint f = 0; f < item->fields->len; f++)
            {
              SubprocField field = g_array_index (item->fields, SubprocField, f);
              g_autofree char *old_text = _subproc_changes_field_value (item->before, field, self->before, language);
              g_autofree char *new_text = _subproc_changes_field_value (item->after, field, self->after, language);

              add_block (blocks, BLOCK_DETAIL, subproc_columns_field_name (field),
                         /* Translators: a field's value before and after a change: “Ireland → Sweden” */
                         g_strdup_printf (_("%1$s → %2$s"), old_text, new_text));
            }
          if (item->when != NULL)
            /* Translators: in the report of changes: the day of the last change to a processor */
            add_block (blocks, BLOCK_DETAIL, _("Last change"), format_day (item->when));
        }
    }
  return blocks;
}

/* Text ------------------------------------------------------------------ */

static void
append_indented (GString    *out,
                 const char *indent,
                 const char *label,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_string_append (out, indent);
  if (label != NULL)
    g_string_append_printf (out, _("%s: "), label);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_printf (out, "\n%s  ", indent);
      g_string_append (out, lines[i]);
    }
  g_string_append_c (out, '\n');
}

/**
 * subproc_changes_to_text:
 * @language: (nullable): "en", "sv", "da"; %NULL for the UI's
 * @printed: the time the report says it was made
 *
 * Returns: (transfer full): the report of changes as plain text.
 */
char *
subproc_changes_to_text (SubprocChanges *self,
                         const char     *language,
                         GDateTime      *printed)
{
  G_GNUC_UNUSED g_autoptr(SubprocLanguageScope) scope = subproc_language_push (language);
  g_autoptr(GPtrArray) blocks = make_blocks (self, language, printed);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case BLOCK_TITLE:
          g_string_append_printf (out, "%s\n\n", block->text);
          break;
        case BLOCK_FACT:
          append_indented (out, "", block->label, block->text);
          break;
        case BLOCK_HEADING:
          g_string_append_printf (out, "\n%s\n", block->text);
          break;
        case BLOCK_TEXT:
          g_string_append_printf (out, "\n%s\n", block->text);
          break;
        case BLOCK_ITEM:
          append_indented (out, "\n  ", NULL, block->text);
          break;
        case BLOCK_DETAIL:
          append_indented (out, "    ", block->label, block->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}

/* HTML ------------------------------------------------------------------ */

void
_subproc_changes_append_escaped (GString    *out,
                                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* <TAG>TEXT</TAG>, the text escaped: data, never markup */
void
_subproc_changes_append_element (GString    *out,
                                 const char *tag,
                                 const char *text)
{
  g_string_append_printf (out, "<%s>", tag);
  _subproc_changes_append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

void
_subproc_changes_html_begin (GString    *out,
                             const char *title)
{
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                          C_("language code", "en"));
  _subproc_changes_append_escaped (out, title);
  g_string_append (out, "</title>\n<style>\n"
                        "body { font-family: sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #222; }\n"
                        "dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }\n"
                        "dl.facts dt { font-weight: bold; }\n"
                        "h3 { margin-bottom: 0.2em; }\n"
                        "ul.details { margin-top: 0; }\n"
                        "</style>\n</head>\n<body>\n");
}

/**
 * subproc_changes_to_html:
 *
 * Returns: (transfer full): the report of changes as a standalone web page.
 */
char *
subproc_changes_to_html (SubprocChanges *self,
                         const char     *language,
                         GDateTime      *printed)
{
  G_GNUC_UNUSED g_autoptr(SubprocLanguageScope) scope = subproc_language_push (language);
  g_autoptr(GPtrArray) blocks = make_blocks (self, language, printed);
  GString *out = g_string_new (NULL);
  gboolean in_facts = FALSE, in_details = FALSE;

  _subproc_changes_html_begin (out, ((Block *) g_ptr_array_index (blocks, 0))->text);
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (in_facts && block->kind != BLOCK_FACT)
        {
          g_string_append (out, "</dl>\n");
          in_facts = FALSE;
        }
      if (in_details && block->kind != BLOCK_DETAIL)
        {
          g_string_append (out, "</ul>\n");
          in_details = FALSE;
        }

      switch (block->kind)
        {
        case BLOCK_TITLE:
          _subproc_changes_append_element (out, "h1", block->text);
          break;
        case BLOCK_FACT:
          if (!in_facts)
            g_string_append (out, "<dl class=\"facts\">\n");
          in_facts = TRUE;
          g_string_append (out, "<dt>");
          _subproc_changes_append_escaped (out, block->label);
          g_string_append (out, "</dt><dd>");
          _subproc_changes_append_escaped (out, block->text);
          g_string_append (out, "</dd>\n");
          break;
        case BLOCK_HEADING:
          _subproc_changes_append_element (out, "h2", block->text);
          break;
        case BLOCK_TEXT:
          _subproc_changes_append_element (out, "p", block->text);
          break;
        case BLOCK_ITEM:
          _subproc_changes_append_element (out, "h3", block->text);
          break;
        case BLOCK_DETAIL:
          if (!in_details)
            g_string_append (out, "<ul class=\"details\">\n");
          in_details = TRUE;
          g_string_append (out, "<li><strong>");
          _subproc_changes_append_escaped (out, block->label);
          g_string_append (out, ":</strong> ");
          _subproc_changes_append_escaped (out, block->text);
          g_string_append (out, "</li>\n");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (in_facts)
    g_string_append (out, "</dl>\n");
  if (in_details)
    g_string_append (out, "</ul>\n");
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/* PDF ------------------------------------------------------------------- */

#define MARGIN 50.0
#define FOOTER_SIZE 7.5

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
  guint        page;
} Placed;

static PangoLayout *
block_layout (PangoContext *context,
              Block        *block,
              double        width)
{
  static const struct { double size; PangoWeight weight; double indent; } styles[] = {
    [BLOCK_TITLE] = { 16, PANGO_WEIGHT_BOLD, 0 },
    [BLOCK_FACT] = { 9, PANGO_WEIGHT_NORMAL, 0 },
    [BLOCK_HEADING] = { 12.5, PANGO_WEIGHT_BOLD, 0 },
    [BLOCK_TEXT] = { 10, PANGO_WEIGHT_NORMAL, 0 },
    [BLOCK_ITEM] = { 10.5, PANGO_WEIGHT_BOLD, 0 },
    [BLOCK_DETAIL] = { 9, PANGO_WEIGHT_NORMAL, 14 },
  };
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *text = NULL;

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_size (font, (int) (styles[block->kind].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[block->kind].weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - styles[block->kind].indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  /* the label in bold; the text as it is, never markup */
  if (block->label != NULL)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      g_autofree char *label = g_strdup_printf (_("%s: "), block->label);

      bold->start_index = 0;
      bold->end_index = (guint) strlen (label);
      pango_attr_list_insert (attrs, bold);
      text = g_strconcat (label, block->text, NULL);
    }
  else
    text = g_strdup (block->text);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

static double
space_before (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE: return 0;
    case BLOCK_FACT: return 1;
    case BLOCK_HEADING: return 16;
    case BLOCK_TEXT: return 10;
    case BLOCK_ITEM: return 8;
    case BLOCK_DETAIL: return 1;
    default: g_assert_not_reached ();
    }
}

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  return subproc_file_writer_write (user_data, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * subproc_changes_write_pdf:
 * @paper: A4 or Letter, upright
 *
 * Writes the report of changes as a PDF, atomically, readable by the user
 * alone (it names processors and people). Every page's footer carries the
 * title, the fingerprint of the register at the end of the period and the
 * page number.
 */
gboolean
subproc_changes_write_pdf (SubprocChanges  *self,
                           const char      *language,
                           SubprocPaper     paper,
                           GDateTime       *printed,
                           GFile           *file,
                           GError         **error)
{
  G_GNUC_UNUSED g_autoptr(SubprocLanguageScope) scope = subproc_language_push (language);
  g_autoptr(GPtrArray) blocks = make_blocks (self, language, printed);
  g_autoptr(SubprocFileWriter) writer = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(PangoFontDescription) footer_font = pango_font_description_from_string ("Sans 7.5");
  g_autofree char *fingerprint = subproc_log_fingerprint (self->after);
  double width = paper == SUBPROC_PAPER_LETTER ? 612 : 595.28;
  double height = paper == SUBPROC_PAPER_LETTER ? 792 : 841.89;
  double bottom = height - MARGIN - 20, y = MARGIN;
  const char *title = ((Block *) g_ptr_array_index (blocks, 0))->text;
  cairo_surface_t *surface;
  PangoContext *context;
  guint page = 0, n_pages;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  writer = subproc_file_writer_new (file, SUBPROC_FILE_PRIVATE, error);
  if (writer == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (write_cb, writer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  subproc_report_prepare_context (context);

  /* laid out first, to know the number of pages; a processor's name is
   * kept with its first detail */
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);
      Placed item = { block_layout (context, block, width - 2 * MARGIN), MARGIN, 0, 0 };
      int layout_height;
      double need;

      pango_layout_get_size (item.layout, NULL, &layout_height);
      need = space_before (block->kind) + layout_height / (double) PANGO_SCALE;
      if ((block->kind == BLOCK_ITEM || block->kind == BLOCK_HEADING) && y + need + 30 > bottom && y > MARGIN)
        page++, y = MARGIN;
      else if (y + need > bottom && y > MARGIN)
        page++, y = MARGIN;
      item.x = MARGIN + (block->kind == BLOCK_DETAIL ? 14 : 0);
      item.y = y + (y > MARGIN ? space_before (block->kind) : 0);
      item.page = page;
      y = item.y + layout_height / (double) PANGO_SCALE;
      if (block->kind == BLOCK_TITLE)
        y += 6;
      g_array_append_val (placed, item);
    }
  n_pages = page + 1;

  for (page = 0; page < n_pages; page++)
    {
      g_autoptr(PangoLayout) left = pango_layout_new (context);
      g_autoptr(PangoLayout) right = pango_layout_new (context);
      /* Translators: the footer of every report page: the register's fingerprint (16 hexadecimal digits), then the page */
      g_autofree char *number = g_strdup_printf (_("Fingerprint %1$s · Page %2$u of %3$u"), fingerprint, page + 1, n_pages);
      int right_width;

      for (guint i = 0; i < placed->len; i++)
        {
          Placed *item = &g_array_index (placed, Placed, i);

          if (item->page != page)
            continue;
          cairo_move_to (cr, item->x, item->y);
          pango_cairo_show_layout (cr, item->layout);
        }

      pango_layout_set_font_description (left, footer_font);
      pango_layout_set_font_description (right, footer_font);
      pango_layout_set_text (left, title, -1);
      pango_layout_set_width (left, (int) ((width - 2 * MARGIN) * 0.5 * PANGO_SCALE));
      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (right, number, -1);
      pango_layout_get_size (right, &right_width, NULL);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, height - MARGIN - 14);
      cairo_line_to (cr, width - MARGIN, height - MARGIN - 14);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, MARGIN, height - MARGIN - 10);
      pango_cairo_show_layout (cr, left);
      cairo_move_to (cr, width - MARGIN - right_width / (double) PANGO_SCALE, height - MARGIN - 10);
      pango_cairo_show_layout (cr, right);
      cairo_show_page (cr);
    }

  for (guint i = 0; i < placed->len; i++)
    g_object_unref (g_array_index (placed, Placed, i).layout);
  g_object_unref (context);
  ok = cairo_status (cr) == CAIRO_STATUS_SUCCESS;
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);

  if (!ok)
    subproc_file_writer_set_failed (writer, EIO);
  return subproc_file_writer_commit (writer, NULL, NULL, error);
}

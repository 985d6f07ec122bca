/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-columns.h"
#include "subproc-import-preview.h"
#include "subproc-import.h"

/* See before you import: the processors as they will be imported, what
 * each column of the list becomes (a field, kept in the notes, or left
 * out; changeable, and read again as it changes), the encoding, and the
 * warnings with their lines. Import (Enter) emits “import” with what the
 * list holds as the columns say; Escape or Cancel changes nothing. Every
 * text from the list is shown as text, never as markup. */

#define MAX_SHOWN 100

struct _SubprocImportPreview
{
  AdwWindow parent_instance;

  AdwWindowTitle       *title;
  GtkWidget            *import_button;
  AdwPreferencesGroup  *columns_group;
  AdwPreferencesGroup  *processors_group;
  AdwPreferencesGroup  *warnings_group;
  GPtrArray            *column_rows;      /* AdwComboRow, in the order of the columns */
  GPtrArray            *shown_rows;       /* the rows of the processors and warnings groups */
  gboolean             *placed;           /* per warning: shown beside a processor */

  SubprocInput         *input;            /* what the list holds as the columns now say */
  GBytes               *data;
  char                 *display_name;
  char                 *source;
  GHashTable           *mapping;          /* header -> choice + 3 */
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (SubprocImportPreview, subproc_import_preview, ADW_TYPE_WINDOW)

enum
{
  IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices of a column's row: the fields, then “Keep in Notes”, then
 * “Leave Out”. */
static int
choice_at (guint position)
{
  guint fields = SUBPROC_N_FIELDS - 2;  /* all but the id and the source */

  if (position < fields)
    return position < SUBPROC_FIELD_SOURCE - 1 ? (int) position + 1 : (int) position + 2;
  return position == fields ? SUBPROC_IMPORT_NOTES : SUBPROC_IMPORT_IGNORE;
}

static guint
position_of (int choice)
{
  guint fields = SUBPROC_N_FIELDS - 2;

  if (choice == SUBPROC_IMPORT_NOTES)
    return fields;
  if (choice < 0)
    return fields + 1;
  return choice < SUBPROC_FIELD_SOURCE ? (guint) choice - 1 : (guint) choice - 2;
}

static GtkStringList *
choices_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < SUBPROC_N_FIELDS - 2; i++)
    {
      SubprocField field = choice_at (i);

      gtk_string_list_append (list, subproc_columns_field_name (field));
    }
  /* Translators: what a column of an imported list becomes: no field, its values in the notes */
  gtk_string_list_append (list, _("Keep in Notes"));
  /* Translators: what a column of an imported list becomes: nothing */
  gtk_string_list_append (list, _("Leave Out"));
  return list;
}

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = rows->len; i > 0; i--)
    {
      GtkWidget *row = g_ptr_array_index (rows, i - 1);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) == GTK_WIDGET (group))
        {
          adw_preferences_group_remove (group, row);
          g_ptr_array_remove_index (rows, i - 1);
        }
    }
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void column_changed_cb (SubprocImportPreview *self);

/* Shows what the list holds as the columns now say. */
static void
show (SubprocImportPreview *self,
      SubprocImportReport  *report)
{
  g_autofree char *subtitle = NULL;
  guint n = self->input->processors->len;
  guint n_left = 0;

  self->updating = TRUE;
  if (self->column_rows->len == 0 && report->columns != NULL)
    for (guint i = 0; i < report->columns->len; i++)
      {
        SubprocImportColumn *column = g_ptr_array_index (report->columns, i);
        g_autoptr(GtkStringList) model = choices_model ();
        GtkWidget *row = adw_combo_row_new ();

        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), column->header);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), position_of (column->choice));
        g_object_set_data_full (G_OBJECT (row), "header", g_strdup (column->header), g_free);
        g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_changed_cb), self, G_CONNECT_SWAPPED);
        adw_preferences_group_add (self->columns_group, row);
        g_ptr_array_add (self->column_rows, row);
      }
  else if (report->columns != NULL)
    for (guint i = 0; i < self->column_rows->len; i++)
      {
        AdwComboRow *row = g_ptr_array_index (self->column_rows, i);
        const char *header = g_object_get_data (G_OBJECT (row), "header");

        for (guint c = 0; c < report->columns->len; c++)
          {
            SubprocImportColumn *column = g_ptr_array_index (report->columns, c);

            if (g_str_equal (column->header, header))
              adw_combo_row_set_selected (row, position_of (column->choice));
          }
      }

  clear_group (self->processors_group, self->shown_rows);
  clear_group (self->warnings_group, self->shown_rows);
  g_clear_pointer (&self->placed, g_free);
  self->placed = g_new0 (gboolean, self->input->warnings->len + 1);
  for (guint i = 0; i < MIN (n, MAX_SHOWN); i++)
    {
      SubprocProcessor *processor = g_ptr_array_index (self->input->processors, i);
      g_autoptr(GString) said = g_string_new (NULL);
      guint first = report->lines != NULL && i < report->lines->len ? g_array_index (report->lines, guint, i) : 0;
      guint next = report->lines != NULL && i + 1 < report->lines->len ? g_array_index (report->lines, guint, i + 1) : G_MAXUINT;
      g_autofree char *countries = subproc_columns_field_text (processor, SUBPROC_FIELD_COUNTRIES, NULL, NULL);
      g_autofree char *basis = subproc_columns_field_text (processor, SUBPROC_FIELD_TRANSFER_MECHANISM, NULL, NULL);
      const char *function = subproc_processor_get_text (processor, SUBPROC_FIELD_FUNCTION);
      g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;
      g_autofree char *subtitle_text = NULL;
      GtkWidget *row;

      if (countries != NULL)
        g_strv_builder_add (parts, countries);
      if (basis != NULL)
        g_strv_builder_add (parts, basis);
      if (function != NULL)
        g_strv_builder_add (parts, function);
      joined = g_strv_builder_end (parts);
      subtitle_text = g_strjoinv (" · ", joined);
      row = text_row (subproc_processor_get_name (processor), subtitle_text);

      /* the warnings of its lines, beside it */
      if (next <= first)
        next = first + 1;
      for (guint w = 0; first > 0 && w < self->input->warnings->len; w++)
        {
          SubprocImportWarning *warning = g_ptr_array_index (self->input->warnings, w);

          /* a cell's, in its rows; not a row's or a table's (the first column) */
          if (warning->line < first || warning->line >= next || warning->column <= 1)
            continue;
          g_string_append_printf (said, "%s%s", said->len > 0 ? "\n" : "", warning->message);
          self->placed[w] = TRUE;
        }
      if (said->len > 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, said->str);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, said->str, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          g_object_set_data_full (G_OBJECT (row), "warnings", g_strdup (said->str), g_free);
        }
      adw_preferences_group_add (self->processors_group, row);
      g_ptr_array_add (self->shown_rows, row);
    }
  if (n > MAX_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more", "And %u more", n - MAX_SHOWN), n - MAX_SHOWN);
      GtkWidget *row = text_row (more, NULL);

      adw_preferences_group_add (self->processors_group, row);
      g_ptr_array_add (self->shown_rows, row);
    }

  /* the rest (a table left out, a column, the encoding) on their own */
  for (guint i = 0; i < self->input->warnings->len; i++)
    {
      SubprocImportWarning *warning = g_ptr_array_index (self->input->warnings, i);
      /* Translators: where a warning of an imported list is, as “Line 12” */
      g_autofree char *where = g_strdup_printf (_("Line %u"), warning->line);
      GtkWidget *row;

      if (self->placed[i])
        continue;
      row = text_row (warning->message, where);
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->shown_rows, row);
      n_left++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), n_left > 0);

  /* Translators: the preview's subtitle: how many processors, and the list's encoding */
  subtitle = g_strdup_printf (ngettext ("%u processor · %s", "%u processors · %s", n), n,
                              report->encoding != NULL ? report->encoding : "UTF-8");
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_widget_set_sensitive (self->import_button, n > 0);
  self->updating = FALSE;
}

/* Reads the list again as the columns now say. */
static void
reread (SubprocImportPreview *self)
{
  SubprocImportReport report = { NULL, NULL };
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) processors = NULL;

  processors = subproc_import_text_mapped (g_bytes_get_data (self->data, NULL), g_bytes_get_size (self->data),
                                           self->display_name, self->mapping, &report, &warnings, &error);
  if (processors == NULL)
    {
      /* no column names the processor any more: nothing to import */
      g_ptr_array_set_size (self->input->processors, 0);
      g_ptr_array_set_size (self->input->warnings, 0);
      g_ptr_array_add (self->input->warnings, g_new0 (SubprocImportWarning, 1));
      ((SubprocImportWarning *) g_ptr_array_index (self->input->warnings, 0))->line = 1;
      ((SubprocImportWarning *) g_ptr_array_index (self->input->warnings, 0))->message = g_strdup (error->message);
    }
  else
    {
      g_clear_pointer (&self->input->processors, g_ptr_array_unref);
      g_clear_pointer (&self->input->warnings, g_ptr_array_unref);
      self->input->processors = g_steal_pointer (&processors);
      self->input->warnings = g_steal_pointer (&warnings);
    }
  show (self, &report);
  subproc_import_report_clear (&report);
}

static void
column_changed_cb (SubprocImportPreview *self)
{
  if (self->updating)
    return;
  g_hash_table_remove_all (self->mapping);
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, i);

      g_hash_table_insert (self->mapping, g_strdup (g_object_get_data (G_OBJECT (row), "header")),
                           GINT_TO_POINTER (choice_at (adw_combo_row_get_selected (row)) + 3));
    }
  reread (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SubprocImportPreview *self = SUBPROC_IMPORT_PREVIEW (widget);

  if (self->input->processors->len == 0)
    return;
  g_signal_emit (self, signals[IMPORT], 0, self->input);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
subproc_import_preview_finalize (GObject *object)
{
  SubprocImportPreview *self = SUBPROC_IMPORT_PREVIEW (object);

  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_rows, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_free);
  g_clear_pointer (&self->input, subproc_input_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->mapping, g_hash_table_unref);

  G_OBJECT_CLASS (subproc_import_preview_parent_class)->finalize (object);
}

static void
subproc_import_preview_class_init (SubprocImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = subproc_import_preview_finalize;

  /**
   * SubprocImportPreview::import:
   * @input: what the list holds, as the columns say
   *
   * The user chose to import.
   */
  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "preview.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
subproc_import_preview_init (SubprocImportPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->column_rows = g_ptr_array_new ();
  self->shown_rows = g_ptr_array_new ();
  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_window_set_title (GTK_WINDOW (self), _("Import"));

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "preview.import");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  self->columns_group = ADW_PREFERENCES_GROUP (new_group (_("Columns"), _("What each column of the list becomes")));
  self->processors_group = ADW_PREFERENCES_GROUP (new_group (_("Processors"), NULL));
  self->warnings_group = ADW_PREFERENCES_GROUP (new_group (_("Warnings"), NULL));
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->columns_group));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->warnings_group));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->processors_group));
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * subproc_import_preview_new:
 * @input: what a list held, with its bytes (taken)
 *
 * Returns: (transfer full): the preview of importing @input, not yet shown.
 */
SubprocImportPreview *
subproc_import_preview_new (GtkWindow    *parent,
                            SubprocInput *input)
{
  SubprocImportPreview *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (input != NULL && !subproc_input_is_register (input) && input->data != NULL, NULL);

  self = g_object_new (SUBPROC_TYPE_IMPORT_PREVIEW, "transient-for", parent, NULL);
  self->input = input;
  self->data = g_bytes_ref (input->data);
  self->display_name = g_strdup (input->display_name);
  /* Translators: the preview's title; %s is the list's file name */
  title = g_strdup_printf (_("Import “%s”"), input->display_name);
  adw_window_title_set_title (self->title, title);
  reread (self);
  return self;
}

/**
 * subproc_import_preview_get_input:
 *
 * Returns: (transfer none): what the list holds as the columns now say.
 */
SubprocInput *
subproc_import_preview_get_input (SubprocImportPreview *self)
{
  g_return_val_if_fail (SUBPROC_IS_IMPORT_PREVIEW (self), NULL);

  return self->input;
}

/**
 * subproc_import_preview_get_column_row:
 *
 * Returns: (transfer none) (nullable): the row of the column headed @header.
 */
/**
 * subproc_import_preview_get_row_warnings:
 * @index: a processor's place among those shown
 *
 * Returns: (transfer none) (nullable): the warnings shown beside it.
 */
const char *
subproc_import_preview_get_row_warnings (SubprocImportPreview *self,
                                         guint                 index)
{
  guint seen = 0;

  g_return_val_if_fail (SUBPROC_IS_IMPORT_PREVIEW (self), NULL);

  for (guint i = 0; i < self->shown_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->shown_rows, i);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) != GTK_WIDGET (self->processors_group))
        continue;
      if (seen++ == index)
        return g_object_get_data (G_OBJECT (row), "warnings");
    }
  return NULL;
}

/**
 * subproc_import_preview_get_n_other_warnings:
 *
 * Returns: how many warnings are shown on their own, beside no processor.
 */
guint
subproc_import_preview_get_n_other_warnings (SubprocImportPreview *self)
{
  guint n = 0;

  g_return_val_if_fail (SUBPROC_IS_IMPORT_PREVIEW (self), 0);

  for (guint i = 0; i < self->input->warnings->len; i++)
    n += !self->placed[i];
  return n;
}

AdwComboRow *
subproc_import_preview_get_column_row (SubprocImportPreview *self,
                                       const char           *header)
{
  g_return_val_if_fail (SUBPROC_IS_IMPORT_PREVIEW (self), NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->column_rows, i), "header"), header) == 0)
      return g_ptr_array_index (self->column_rows, i);
  return NULL;
}

/**
 * subproc_import_preview_set_choice:
 * @choice: a SubprocField, %SUBPROC_IMPORT_NOTES or %SUBPROC_IMPORT_IGNORE
 *
 * Chooses what the column headed @header becomes, as its row does.
 */
void
subproc_import_preview_set_choice (SubprocImportPreview *self,
                                   const char           *header,
                                   int                   choice)
{
  AdwComboRow *row = subproc_import_preview_get_column_row (self, header);

  g_return_if_fail (row != NULL);
  g_return_if_fail (choice != SUBPROC_FIELD_ID && choice != SUBPROC_FIELD_SOURCE);
  adw_combo_row_set_selected (row, position_of (choice));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-country.h"
#include "subproc-print-operation.h"
#include "subproc-print-window.h"

/* The print preview: the pages as the renderer draws them, with the
 * choices of columns, language and paper beside them. In a Flatpak the
 * print portal drops custom tabs and opens previews in another program, so
 * the choices and the preview live here, before the print dialog. */
struct _SubprocPrintWindow
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwComboRow          *processors_row;
  AdwComboRow          *columns_row;
  AdwExpanderRow       *fields_row;
  AdwComboRow          *language_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *orientation_row;
  GtkLabel             *summary_label;
  GtkDrawingArea       *page_area;
  GtkLabel             *page_label;

  /* owned */
  SubprocRegister      *reg;
  char                 *source_name;    /* the register's file name, or NULL */
  GListModel           *shown;          /* the processors the window shows, in its order; or NULL */
  GSettings            *settings;
  SubprocReport        *report;
  PangoContext         *context;
  GtkFileChooserNative *chooser;
  GtkCheckButton       *field_checks[SUBPROC_N_FIELDS];
  guint                 page;
};

enum { COLUMNS_PUBLIC, COLUMNS_FULL, COLUMNS_CHOSEN };

G_DEFINE_FINAL_TYPE (SubprocPrintWindow, subproc_print_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_REGISTER,
  PROP_SHOWN,
  PROP_SOURCE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const languages[] = { "en", "sv", "da" };

static void
update_page_label (SubprocPrintWindow *self)
{
  guint n_pages = subproc_report_get_n_pages (self->report);
  g_autofree char *text = NULL;

  /* Translators: in the print preview, e.g. “Page 2 of 14” */
  text = g_strdup_printf (_("Page %u of %u"), self->page + 1, MAX (n_pages, 1));
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < n_pages);
}

static void
update_summary (SubprocPrintWindow *self)
{
  guint n_pages = subproc_report_get_n_pages (self->report);
  guint n_items = subproc_report_get_n_rows (self->report);
  g_autofree char *pages = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
  g_autofree char *processors = g_strdup_printf (ngettext ("%u processor", "%u processors", n_items), n_items);
  g_autofree char *text = NULL;

  if (subproc_report_is_internal (self->report))
    /* Translators: %s are “3 pages” and “13 processors” */
    text = g_strdup_printf (_("%s, %s. Every page is marked internal: the full register holds personal data."),
                            pages, processors);
  else
    text = g_strdup_printf (_("%s, %s. The public list can be handed to customers."), pages, processors);
  gtk_label_set_text (self->summary_label, text);
}

static void
apply_columns (SubprocPrintWindow *self)
{
  guint choice = adw_combo_row_get_selected (self->columns_row);
  SubprocField fields[SUBPROC_N_FIELDS];
  guint n_fields = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->fields_row), choice == COLUMNS_CHOSEN);
  if (choice != COLUMNS_CHOSEN)
    {
      subproc_report_set_column_set (self->report, choice == COLUMNS_FULL ? SUBPROC_COLUMNS_FULL
                                                                          : SUBPROC_COLUMNS_PUBLIC);
      return;
    }

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    if (gtk_check_button_get_active (self->field_checks[f]))
      fields[n_fields++] = f;
  /* a report of no columns is no report: the name at least */
  if (n_fields == 0)
    fields[n_fields++] = SUBPROC_FIELD_NAME;
  subproc_report_set_fields (self->report, fields, n_fields);
}

/* Applies the choices to the report and lays it out again. */
static void
relayout (SubprocPrintWindow *self)
{
  guint language = adw_combo_row_get_selected (self->language_row);
  double width, height;

  apply_columns (self);
  /* the whole register unless the user chose the processors shown */
  subproc_report_set_processors (self->report,
                                 self->shown != NULL && adw_combo_row_get_selected (self->processors_row) == 1
                                 ? self->shown : NULL);
  subproc_report_set_language (self->report, language < G_N_ELEMENTS (languages) ? languages[language] : NULL);
  subproc_report_set_paper (self->report,
                            adw_combo_row_get_selected (self->paper_row) == 1 ? SUBPROC_PAPER_LETTER : SUBPROC_PAPER_A4,
                            adw_combo_row_get_selected (self->orientation_row) != 1);

  subproc_report_get_paper_size (self->report, &width, &height);
  subproc_report_paginate (self->report, self->context, width, height);
  self->page = MIN (self->page, MAX (subproc_report_get_n_pages (self->report), 1) - 1);

  update_page_label (self);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

static void
choice_changed_cb (SubprocPrintWindow *self)
{
  static const char * const papers[] = { "a4", "letter" };
  static const char * const column_sets[] = { "public", "full", "chosen" };
  guint language = adw_combo_row_get_selected (self->language_row);
  guint paper = adw_combo_row_get_selected (self->paper_row);
  guint columns = adw_combo_row_get_selected (self->columns_row);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;

  /* not yet set up while the template is built */
  if (self->report == NULL)
    return;

  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    if (gtk_check_button_get_active (self->field_checks[f]))
      g_strv_builder_add (keys, subproc_field_get_key (f));
  chosen = g_strv_builder_end (keys);
  g_settings_set_strv (self->settings, "report-fields", (const char * const *) chosen);
  g_settings_set_string (self->settings, "report-columns", column_sets[MIN (columns, 2)]);
  g_settings_set_string (self->settings, "report-language",
                         language < G_N_ELEMENTS (languages) ? languages[language] : "");
  g_settings_set_string (self->settings, "report-paper", papers[MIN (paper, 1)]);
  g_settings_set_boolean (self->settings, "report-landscape",
                          adw_combo_row_get_selected (self->orientation_row) != 1);
  relayout (self);
}

/* The page, scaled to fit, on a sheet with a shadow. */
static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  SubprocPrintWindow *self = user_data;
  double page_width, page_height, scale, x, y;
  const double border = 24;

  if (subproc_report_get_n_pages (self->report) == 0)
    return;

  subproc_report_get_paper_size (self->report, &page_width, &page_height);
  scale = MIN ((width - 2 * border) / page_width, (height - 2 * border) / page_height);
  if (scale <= 0)
    return;
  x = (width - page_width * scale) / 2;
  y = (height - page_height * scale) / 2;

  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x + 2, y + 3, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  subproc_report_draw_page (self->report, cr, self->page);
  cairo_restore (cr);
}

static void
go_to_page (SubprocPrintWindow *self,
            int                 delta)
{
  int n_pages = subproc_report_get_n_pages (self->report);
  int page = CLAMP ((int) self->page + delta, 0, MAX (n_pages - 1, 0));

  self->page = page;
  update_page_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  go_to_page (SUBPROC_PRINT_WINDOW (widget), -1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  go_to_page (SUBPROC_PRINT_WINDOW (widget), 1);
}

static void
show_message (SubprocPrintWindow *self,
              const char         *text)
{
  /* toasts read markup: file names and messages are text */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/**
 * subproc_print_window_save_pdf:
 *
 * Writes the report as the preview shows it to @file.
 */
gboolean
subproc_print_window_save_pdf (SubprocPrintWindow  *self,
                               GFile               *file,
                               GError             **error)
{
  g_return_val_if_fail (SUBPROC_IS_PRINT_WINDOW (self), FALSE);

  return subproc_report_write_pdf (self->report, file, error);
}

static void
chooser_response_cb (SubprocPrintWindow   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  if (!subproc_print_window_save_pdf (self, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("PDF Not Saved"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Translators: %s is the file's name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_message (self, message);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SubprocPrintWindow *self = SUBPROC_PRINT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save the Report as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the suggested file name of a saved report */
  name = g_strdup_printf ("%s.pdf", subproc_report_is_internal (self->report) ? _("register") : _("sub-processors"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_done_cb (SubprocPrintWindow      *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_message (self, error != NULL ? error->message : _("The register could not be printed"));
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    subproc_print_settings_save (gtk_print_operation_get_print_settings (operation));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SubprocPrintWindow *self = SUBPROC_PRINT_WINDOW (widget);
  g_autoptr(SubprocPrintOperation) operation = subproc_print_operation_new (self->report);
  g_autoptr(GError) error = NULL;

  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, error->message);
}

/**
 * subproc_print_window_export:
 *
 * Runs the print operation without a dialog, into a PDF at @pdf_path: what
 * the printer would be sent.
 */
GtkPrintOperationResult
subproc_print_window_export (SubprocPrintWindow  *self,
                             const char          *pdf_path,
                             GError             **error)
{
  g_autoptr(SubprocPrintOperation) operation = subproc_print_operation_new (self->report);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf_path);
  return gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error);
}

static void
subproc_print_window_dispose (GObject *object)
{
  SubprocPrintWindow *self = (SubprocPrintWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SUBPROC_TYPE_PRINT_WINDOW);
  g_clear_object (&self->report);
  g_clear_object (&self->reg);
  g_clear_object (&self->shown);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (subproc_print_window_parent_class)->dispose (object);
}

static void
subproc_print_window_finalize (GObject *object)
{
  SubprocPrintWindow *self = (SubprocPrintWindow *)object;

  g_clear_pointer (&self->source_name, g_free);

  G_OBJECT_CLASS (subproc_print_window_parent_class)->finalize (object);
}

static guint
language_index (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], language) == 0)
      return i;
  return 0;
}

/* The choices of the last run; the report's language follows the UI's
 * until one is chosen. */
static void
restore_choices (SubprocPrintWindow *self)
{
  g_autofree char *columns = g_settings_get_string (self->settings, "report-columns");
  g_autofree char *language = g_settings_get_string (self->settings, "report-language");
  g_autofree char *paper = g_settings_get_string (self->settings, "report-paper");
  g_auto(GStrv) fields = g_settings_get_strv (self->settings, "report-fields");

  for (guint i = 0; fields[i] != NULL; i++)
    {
      SubprocField field;

      if (subproc_field_from_key (fields[i], &field))
        gtk_check_button_set_active (self->field_checks[field], TRUE);
    }
  adw_combo_row_set_selected (self->columns_row, g_str_equal (columns, "full") ? COLUMNS_FULL
                                                 : g_str_equal (columns, "chosen") ? COLUMNS_CHOSEN
                                                 : COLUMNS_PUBLIC);
  adw_combo_row_set_selected (self->language_row,
                              language_index (*language != '\0' ? language : subproc_country_ui_language ()));
  adw_combo_row_set_selected (self->paper_row, g_str_equal (paper, "letter") ? 1 : 0);
  adw_combo_row_set_selected (self->orientation_row, g_settings_get_boolean (self->settings, "report-landscape") ? 0 : 1);
}

/* The choice of the whole register (the default, every time) or the
 * processors the window shows, which it offers when they differ. */
static void
offer_shown (SubprocPrintWindow *self)
{
  guint n_shown = self->shown != NULL ? g_list_model_get_n_items (self->shown) : 0;
  g_autofree char *shown_text = NULL;
  g_autoptr(GtkStringList) choices = NULL;

  if (self->shown == NULL)
    return;
  shown_text = g_strdup_printf (/* Translators: in the print preview: print what the window shows */
                                ngettext ("The %u processor shown, in this order",
                                          "The %u processors shown, in this order", n_shown), n_shown);
  choices = gtk_string_list_new ((const char *[]) { _("The whole register"), shown_text, NULL });
  adw_combo_row_set_model (self->processors_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->processors_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->processors_row), TRUE);
}

static void
subproc_print_window_constructed (GObject *object)
{
  SubprocPrintWindow *self = SUBPROC_PRINT_WINDOW (object);

  G_OBJECT_CLASS (subproc_print_window_parent_class)->constructed (object);

  /* a preview is of one register, given when it is made */
  g_assert (SUBPROC_IS_REGISTER (self->reg));
  restore_choices (self);
  offer_shown (self);
  self->report = subproc_report_new (self->reg);
  subproc_report_set_source_name (self->report, self->source_name);
  adw_window_title_set_subtitle (self->window_title, subproc_report_get_title (self->report));
  relayout (self);
}

static void
subproc_print_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SubprocPrintWindow *self = SUBPROC_PRINT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;
    case PROP_SHOWN:
      g_value_set_object (value, self->shown);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_print_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SubprocPrintWindow *self = SUBPROC_PRINT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      self->reg = g_value_dup_object (value);
      break;
    case PROP_SHOWN:
      self->shown = g_value_dup_object (value);
      break;
    case PROP_SOURCE_NAME:
      self->source_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_print_window_class_init (SubprocPrintWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = subproc_print_window_constructed;
  object_class->dispose = subproc_print_window_dispose;
  object_class->finalize = subproc_print_window_finalize;
  object_class->get_property = subproc_print_window_get_property;
  object_class->set_property = subproc_print_window_set_property;

  /**
   * SubprocPrintWindow:register:
   *
   * The register to print.
   */
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, SUBPROC_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocPrintWindow:shown:
   *
   * The processors the main window shows, in its order, offered beside
   * the whole register; %NULL offers the whole register alone.
   */
  properties[PROP_SHOWN] =
    g_param_spec_object ("shown", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocPrintWindow:source-name:
   *
   * The register's file name, for the title block.
   */
  properties[PROP_SOURCE_NAME] =
    g_param_spec_string ("source-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/subproc-print-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, processors_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, columns_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, fields_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, page_area);
  gtk_widget_class_bind_template_child (widget_class, SubprocPrintWindow, page_label);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
}

/* A row with a check for each field, for choosing the columns. */
static void
add_field_checks (SubprocPrintWindow *self)
{
  for (guint f = 0; f < SUBPROC_N_FIELDS; f++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subproc_columns_field_name (f));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->fields_row, row);
      self->field_checks[f] = GTK_CHECK_BUTTON (check);
    }
  /* for tests, which tick them as a user does */
  g_object_set_data (G_OBJECT (self), "field-checks", self->field_checks);
}

static void
subproc_print_window_init (SubprocPrintWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_field_checks (self);

  self->settings = g_settings_new (APP_ID);
  /* as on paper, so the preview breaks lines as the PDF does */
  self->context = subproc_report_new_context ();
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_cb, self, NULL);
}

/**
 * subproc_print_window_new:
 * @shown: (nullable): the processors the window shows, in its order, to
 *   offer beside the whole register
 * @source_name: (nullable): the register's file name, for the title block
 *
 * Returns: (transfer full): a print preview of @reg, not yet shown.
 */
SubprocPrintWindow *
subproc_print_window_new (GtkWindow       *parent,
                          SubprocRegister *reg,
                          GListModel      *shown,
                          const char      *source_name)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (shown == NULL || G_IS_LIST_MODEL (shown), NULL);

  return g_object_new (SUBPROC_TYPE_PRINT_WINDOW,
                       "transient-for", parent,
                       "register", reg,
                       "shown", shown,
                       "source-name", source_name,
                       NULL);
}

/**
 * subproc_print_window_get_report:
 *
 * Returns: (transfer none): the report as the preview shows it.
 */
SubprocReport *
subproc_print_window_get_report (SubprocPrintWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_PRINT_WINDOW (self), NULL);

  return self->report;
}

/**
 * subproc_print_window_get_page:
 *
 * Returns: the page shown, counted from 0.
 */
guint
subproc_print_window_get_page (SubprocPrintWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_PRINT_WINDOW (self), 0);

  return self->page;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-changes-window.h"
#include "subproc-changes.h"
#include "subproc-country.h"
#include "subproc-date-row.h"
#include "subproc-date.h"
#include "subproc-file.h"
#include "subproc-log.h"

/* What changed between two days, for the auditor, and the notice to the
 * customers of new sub-processors (GDPR Art. 28(2)): both shown as text,
 * to copy into an e-mail or to save (the report as PDF, HTML or text, the
 * notice as HTML or text). By default from the last approval to today. */

struct _SubprocChangesWindow
{
  AdwWindow parent_instance;

  SubprocRegister      *reg;
  GDateTime            *review;       /* the last approval, when From is its day */
  SubprocDateRow       *from_row;
  SubprocDateRow       *until_row;
  AdwComboRow          *language_row;
  AdwViewStack         *pages;
  GtkTextBuffer        *report_text;
  GtkTextBuffer        *notice_text;
  AdwToastOverlay      *toasts;
  GtkFileChooserNative *chooser;
  SubprocChanges       *changes;
  GError               *error;        /* why there are no changes to show */
};

G_DEFINE_FINAL_TYPE (SubprocChangesWindow, subproc_changes_window, ADW_TYPE_WINDOW)

static const char * const languages[] = { "en", "sv", "da" };

static const char *
language (SubprocChangesWindow *self)
{
  guint chosen = adw_combo_row_get_selected (self->language_row);

  return chosen < G_N_ELEMENTS (languages) ? languages[chosen] : NULL;
}

static GDate *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                         (GDateMonth) g_date_time_get_month (now),
                         (GDateYear) g_date_time_get_year (now));
}

/* The changes after @since: the approval itself when From is its day,
 * else from the start of From's day (the end of the day before). */
static GDateTime *
since_of (SubprocChangesWindow *self)
{
  const char *from = subproc_date_row_get_date (self->from_row);
  g_autoptr(GDateTime) end = from != NULL ? subproc_changes_end_of_day (from) : NULL;

  if (end == NULL)
    return g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
  if (self->review != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->review);
      g_autofree char *review_day = g_date_time_format (local, "%Y-%m-%d");

      if (g_str_equal (review_day, from))
        return g_date_time_ref (self->review);
    }
  return g_date_time_add_days (end, -1);
}

static void
refresh (SubprocChangesWindow *self)
{
  const char *until_day = subproc_date_row_get_date (self->until_row);
  g_autoptr(GDateTime) since = since_of (self);
  g_autoptr(GDateTime) until = until_day != NULL ? subproc_changes_end_of_day (until_day) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) day = today ();
  g_autofree char *report = NULL;
  g_autofree char *notice = NULL;

  g_clear_pointer (&self->changes, subproc_changes_free);
  g_clear_error (&self->error);
  self->changes = subproc_changes_new (self->reg, since, until, &self->error);
  if (self->changes == NULL)
    {
      gtk_text_buffer_set_text (self->report_text, self->error->message, -1);
      gtk_text_buffer_set_text (self->notice_text, self->error->message, -1);
      return;
    }
  report = subproc_changes_to_text (self->changes, language (self), now);
  notice = subproc_changes_notice_text (self->changes, language (self), day);
  gtk_text_buffer_set_text (self->report_text, report, -1);
  gtk_text_buffer_set_text (self->notice_text, notice, -1);
}

static gboolean
showing_notice (SubprocChangesWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "notice") == 0;
}

/**
 * subproc_changes_window_get_text:
 * @notice: the notice, rather than the report
 *
 * Returns: (transfer full): the text shown.
 */
char *
subproc_changes_window_get_text (SubprocChangesWindow *self,
                                 gboolean              notice)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (SUBPROC_IS_CHANGES_WINDOW (self), NULL);

  buffer = notice ? self->notice_text : self->report_text;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
copy_clicked_cb (SubprocChangesWindow *self)
{
  g_autofree char *text = subproc_changes_window_get_text (self, showing_notice (self));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (showing_notice (self) ? _("Notice copied") : _("Report copied")));
}

static gboolean
has_extension (GFile      *file,
               const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, extension);
}

/**
 * subproc_changes_window_save:
 * @file: where; its extension says how: .pdf (the report only), .html,
 *   else text
 * @notice: the notice, rather than the report
 *
 * Returns: %FALSE with @error set when it could not be written.
 */
gboolean
subproc_changes_window_save (SubprocChangesWindow  *self,
                             GFile                 *file,
                             gboolean               notice,
                             GError               **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) day = today ();
  g_autofree char *data = NULL;

  g_return_val_if_fail (SUBPROC_IS_CHANGES_WINDOW (self), FALSE);

  if (self->changes == NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  if (!notice && has_extension (file, ".pdf"))
    return subproc_changes_write_pdf (self->changes, language (self), SUBPROC_PAPER_A4, now, file, error);
  if (has_extension (file, ".html") || has_extension (file, ".htm"))
    data = notice ? subproc_changes_notice_html (self->changes, language (self), day)
                  : subproc_changes_to_html (self->changes, language (self), now);
  else
    data = subproc_changes_window_get_text (self, notice);
  /* the report names the people who changed the register */
  return subproc_write_file (file, data, strlen (data), notice ? SUBPROC_FILE_NONE : SUBPROC_FILE_PRIVATE,
                             NULL, NULL, error);
}

static void
chooser_response_cb (SubprocChangesWindow *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  gboolean notice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "notice"));
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
  if (!subproc_changes_window_save (self, file, notice, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not Saved"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* Translators: %s is the file's name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
save_clicked_cb (SubprocChangesWindow *self)
{
  gboolean notice = showing_notice (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (notice ? _("Save the Notice") : _("Save the Report of Changes"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (!notice)
    add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF documents"), "application/pdf", "*.pdf");
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("Web pages"), "text/html", "*.html");
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("Plain text"), "text/plain", "*.txt");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     /* Translators: the suggested file names of the report of changes and the notice */
                                     notice ? _("notice-to-customers.txt") : _("changes.pdf"));
  g_object_set_data (G_OBJECT (self->chooser), "notice", GINT_TO_POINTER (notice));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkTextBuffer *
add_page (SubprocChangesWindow *self,
          const char           *name,
          const char           *title,
          const char           *icon)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  AdwViewStackPage *page;

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  page = adw_view_stack_add_titled (self->pages, scrolled, name, title);
  adw_view_stack_page_set_icon_name (page, icon);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static void
subproc_changes_window_dispose (GObject *object)
{
  SubprocChangesWindow *self = SUBPROC_CHANGES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->reg);
  g_clear_pointer (&self->review, g_date_time_unref);
  g_clear_pointer (&self->changes, subproc_changes_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (subproc_changes_window_parent_class)->dispose (object);
}

static void
subproc_changes_window_class_init (SubprocChangesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = subproc_changes_window_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
subproc_changes_window_init (SubprocChangesWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *choices = gtk_list_box_new ();
  GtkWidget *bar = gtk_action_bar_new ();
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save…"));
  const char *names[] = { "English", "Svenska", "Dansk", NULL };

  gtk_window_set_title (GTK_WINDOW (self), _("Changes and Notice"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 720);

  self->pages = ADW_VIEW_STACK (adw_view_stack_new ());
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), self->pages);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher), _("Changes and Notice"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_box_append (GTK_BOX (content), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (choices), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (choices, "boxed-list");
  self->from_row = subproc_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("From"));
  self->until_row = subproc_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->until_row), _("Until"));
  self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("Language"));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (gtk_string_list_new (names)));
  gtk_list_box_append (GTK_LIST_BOX (choices), GTK_WIDGET (self->from_row));
  gtk_list_box_append (GTK_LIST_BOX (choices), GTK_WIDGET (self->until_row));
  gtk_list_box_append (GTK_LIST_BOX (choices), GTK_WIDGET (self->language_row));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), choices);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_box_append (GTK_BOX (content), clamp);

  /* Translators: a page of the Changes and Notice window */
  self->report_text = add_page (self, "report", _("Report"), "view-list-symbolic");
  /* Translators: a page of the Changes and Notice window: the notice of new sub-processors */
  self->notice_text = add_page (self, "notice", _("Notice to Customers"), "mail-send-symbolic");
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->pages));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));

  gtk_widget_set_tooltip_text (copy, _("Copy the Text Shown, to Paste Into an E-Mail"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), save);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), copy);
  gtk_box_append (GTK_BOX (content), bar);

  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * subproc_changes_window_new:
 *
 * Returns: (transfer full): the window on @reg's changes from its last
 *   approval (or its first change) to today, in the UI's language.
 */
SubprocChangesWindow *
subproc_changes_window_new (GtkWindow       *parent,
                            SubprocRegister *reg)
{
  SubprocChangesWindow *self;
  SubprocLog *log;
  SubprocChange *review;
  g_autoptr(GDate) day = today ();
  g_autofree char *until = subproc_date_to_iso (day);
  g_autofree char *from = NULL;
  guint chosen = 0;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);

  self = g_object_new (SUBPROC_TYPE_CHANGES_WINDOW, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  log = subproc_register_get_log (reg);
  review = subproc_log_get_last_review (log, NULL);
  if (review != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (subproc_change_get_time (review));

      self->review = g_date_time_ref (subproc_change_get_time (review));
      from = g_date_time_format (local, "%Y-%m-%d");
    }
  else if (subproc_log_get_n_changes (log) > 0)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (subproc_change_get_time (subproc_log_get_change (log, 0)));

      from = g_date_time_format (local, "%Y-%m-%d");
    }
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], subproc_country_ui_language ()) == 0)
      chosen = i;

  adw_combo_row_set_selected (self->language_row, chosen);
  subproc_date_row_set_date (self->from_row, from);
  subproc_date_row_set_date (self->until_row, until);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->from_row),
                               review != NULL ? _("By default, since the last approval") : NULL);
  g_signal_connect_swapped (self->from_row, "notify::date", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->until_row, "notify::date", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (refresh), self);
  refresh (self);
  return self;
}

/**
 * subproc_changes_window_set_days:
 * @from: (nullable): YYYY-MM-DD, the first day; %NULL from the start
 * @until: (nullable): YYYY-MM-DD, the last day; %NULL for today
 */
void
subproc_changes_window_set_days (SubprocChangesWindow *self,
                                 const char           *from,
                                 const char           *until)
{
  g_return_if_fail (SUBPROC_IS_CHANGES_WINDOW (self));

  subproc_date_row_set_date (self->from_row, from);
  subproc_date_row_set_date (self->until_row, until);
}

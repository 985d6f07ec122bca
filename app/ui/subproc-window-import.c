/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-columns.h"
#include "subproc-import-preview.h"
#include "subproc-merge.h"
#include "subproc-window-private.h"

/* Lists coming into the register shown: a list's preview before it is
 * imported and the toast after it (with the import's warnings), a list
 * pasted from the clipboard, and a vendor's new list merged. */

/* Says how many processors came in, with any warnings behind the toast's button. */
static void
show_imported (SubprocWindow *self,
               SubprocInput  *input)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = g_markup_escape_text (input->display_name, -1);
  guint n = input->processors->len;
  AdwToast *toast;

  /* toasts read markup: the file's name is text */
  /* Translators: %u is a number, %s a file's name */
  message = g_strdup_printf (ngettext ("Imported %u processor from “%s”",
                                       "Imported %u processors from “%s”", n),
                             n, escaped);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);

  /* the warnings wait behind a button: a footer line is no reason to stop the user */
  g_free (self->import_warnings);
  self->import_warnings = subproc_input_describe_warnings (input);
  if (self->import_warnings != NULL)
    {
      adw_toast_set_button_label (toast, ngettext ("_Show Warning", "_Show Warnings", input->warnings->len));
      adw_toast_set_action_name (toast, "win.show-import-warnings");
    }
  else
    adw_toast_set_timeout (toast, 5);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
preview_import_cb (SubprocImportPreview *preview,
                   SubprocInput         *input,
                   SubprocWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (!subproc_document_import (self->document, input, &error))
    _subproc_window_show_error (self, _("Nothing Imported"), error->message);
  else
    show_imported (self, input);
}

/* A list is imported after its preview: the user sees the processors and
 * what each column becomes, and may change that, before anything is
 * added. The preview takes INPUT. */
void
_subproc_window_import_input (SubprocWindow *self,
                              SubprocInput  *input)
{
  SubprocImportPreview *preview;

  if (subproc_document_get_read_only (self->document))
    {
      _subproc_window_show_error (self, _("Nothing Imported"),
                                  _("This register was written by a newer version of Subproc and cannot be changed here. Save it under another name first, or import into another register."));
      subproc_input_free (input);
      return;
    }
  /* one at a time: a second list waits for the first's preview to close */
  if (self->import_preview != NULL)
    gtk_window_destroy (self->import_preview);
  preview = subproc_import_preview_new (GTK_WINDOW (self), input);
  g_signal_connect_object (preview, "import", G_CALLBACK (preview_import_cb), self, 0);
  g_set_weak_pointer (&self->import_preview, GTK_WINDOW (preview));
  gtk_window_present (GTK_WINDOW (preview));
}

/**
 * subproc_window_get_import_preview:
 *
 * Returns: (transfer none) (nullable): the preview of a list being
 *   imported, for tests.
 */
GtkWindow *
subproc_window_get_import_preview (SubprocWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), NULL);

  return self->import_preview;
}

static void
show_import_warnings_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  if (self->import_warnings == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Warnings"),
                                   _("Check these places in the list: each says what Subproc did with what it could not read as it stood."));
  label = gtk_label_new (self->import_warnings);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pasting a list: the table as a web page or a spreadsheet put it on the
 * clipboard, as HTML when it is offered (the page's table, its rows and
 * cells as they were), else as text (tab-separated, as spreadsheets and
 * browsers copy a table). Read in full, then imported as a file is. */
static const char * const paste_types[] = { "text/html", "text/plain;charset=utf-8", "text/plain", NULL };

static void
paste_spliced_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  GOutputStream *memory = G_OUTPUT_STREAM (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SubprocInput) input = NULL;

  if (g_output_stream_splice_finish (memory, result, &error) < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _subproc_window_show_error (self, _("Nothing Pasted"), error->message);
      return;
    }
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  /* Translators: the name of what was pasted, in messages about it */
  input = subproc_input_read_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), _("the pasted list"), &error);
  if (input == NULL)
    _subproc_window_show_error (self, _("Nothing Pasted"), error->message);
  else if (subproc_input_is_register (input))
    _subproc_window_show_error (self, _("Nothing Pasted"), _("What was pasted is a register, not a list. Save it as a file and open it instead."));
  else
    _subproc_window_import_input (self, g_steal_pointer (&input));
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  const char *type = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &type, &error);
  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _subproc_window_show_error (self, _("Nothing Pasted"), _("The clipboard holds no text or table to import."));
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, self->cancellable, paste_spliced_cb, g_object_ref (self));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Ctrl+V in a text field (the search) pastes there, as everywhere */
  if (focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    {
      gtk_widget_activate_action (focus, "clipboard.paste", NULL);
      return;
    }
  gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), (const char **) paste_types, G_PRIORITY_DEFAULT,
                            self->cancellable, paste_read_cb, g_object_ref (self));
}

/* Merging a vendor's new list: what it would do is shown first, by name;
 * the user merges, merges and marks ended those no longer listed, or
 * cancels. Names from the list are text in the dialog, never markup. */
static void
append_names (GString    *body,
              const char *heading,
              GPtrArray  *names)
{
  guint shown = MIN (names->len, 8);

  if (names->len == 0)
    return;
  if (body->len > 0)
    g_string_append (body, "\n\n");
  g_string_append (body, heading);
  for (guint i = 0; i < shown; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (names, i));
  if (names->len > shown)
    {
      g_string_append (body, "\n• ");
      /* Translators: at the end of a list of names in the merge dialog */
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", names->len - shown), names->len - shown);
    }
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SubprocWindow    *self)
{
  GPtrArray *items = g_object_get_data (G_OBJECT (dialog), "items");
  const char *source = g_object_get_data (G_OBJECT (dialog), "source");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SubprocMergeCounts counts;
  AdwToast *toast;

  if (!g_str_equal (response, "merge") && !g_str_equal (response, "end"))
    return;
  if (!subproc_document_merge (self->document, items, source, g_str_equal (response, "end"), &counts, &error))
    {
      _subproc_window_show_error (self, _("Nothing Merged"), error->message);
      return;
    }
  /* Translators: a toast after merging; the three counts of a merge */
  message = g_strdup_printf (_("%u added, %u changed, %u no longer listed"), counts.added, counts.changed, counts.missing);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
merge_read_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) unchanged = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GPtrArray *items;
  char *source;
  GtkWidget *dialog;

  input = subproc_input_read_finish (result, &error);
  _subproc_window_set_reading (self, FALSE);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (input == NULL)
    {
      _subproc_window_show_error (self, _("Nothing Merged"), error->message);
      return;
    }
  if (subproc_input_is_register (input))
    {
      _subproc_window_show_error (self, _("Nothing Merged"), _("This is a register, not a list of processors: only a vendor’s list can be merged."));
      return;
    }

  source = subproc_merge_source_for_file (input->display_name);
  items = subproc_merge_compare (self->reg, input->processors, source);
  for (guint i = 0; i < items->len; i++)
    {
      SubprocMergeItem *item = g_ptr_array_index (items, i);
      g_autoptr(GString) fields = NULL;

      switch (item->kind)
        {
        case SUBPROC_MERGE_NEW:
          g_ptr_array_add (added, (gpointer) subproc_processor_get_name (item->incoming));
          break;
        case SUBPROC_MERGE_CHANGED:
          /* each field that changed, old → new, as the reports show them */
          fields = g_string_new (subproc_processor_get_name (item->existing));
          for (guint f = 0; f < item->fields->len; f++)
            {
              SubprocField field = g_array_index (item->fields, SubprocField, f);
              g_autofree char *before = subproc_columns_field_text (item->existing, field, self->reg, NULL);
              g_autofree char *after = subproc_columns_field_text (item->incoming, field, NULL, NULL);

              /* Translators: a changed field in the merge dialog: the field, its old value, its new value */
              g_string_append_printf (fields, _("\n    %s: %s → %s"),
                                      subproc_columns_field_name (field),
                                      before != NULL ? before : "–", after != NULL ? after : "–");
            }
          g_ptr_array_add (changed, g_string_free (g_steal_pointer (&fields), FALSE));
          break;
        case SUBPROC_MERGE_MISSING:
          g_ptr_array_add (missing, (gpointer) subproc_processor_get_name (item->existing));
          break;
        default:
          g_ptr_array_add (unchanged, (gpointer) subproc_processor_get_name (item->existing));
          break;
        }
    }

  append_names (body, _("New:"), added);
  append_names (body, _("Changed:"), changed);
  append_names (body, _("No longer listed:"), missing);
  /* nothing new, changed or gone: nothing to ask */
  if (body->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("“%s” lists nothing the register does not already say."), source);

      g_free (source);
      g_ptr_array_unref (items);
      _subproc_window_show_error (self, _("Nothing to Merge"), none);
      return;
    }
  append_names (body, _("As they were:"), unchanged);

  /* Translators: the heading of the merge dialog; %s is the list's source */
  heading = g_strdup_printf (_("Merge “%s”?"), source);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (missing->len > 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "end", _("Merge and _End the Missing"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "merge", _("_Merge"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "items", items, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "source", source, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * subproc_window_merge_file:
 * @file: a vendor's list
 *
 * Reads @file and asks whether to merge it into the register shown,
 * saying what would be added, changed and no longer listed.
 */
void
subproc_window_merge_file (SubprocWindow *self,
                           GFile         *file)
{
  g_return_if_fail (SUBPROC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _subproc_window_set_reading (self, TRUE);
  subproc_input_read_async (file, self->cancellable, merge_read_cb, g_object_ref (self));
}

void
_subproc_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-warnings", NULL, show_import_warnings_action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-import.h"
#include "subproc-storage.h"
#include "subproc-window-private.h"

/* The window's files: opening a register or importing a list (one way
 * in: the file is read, then is either), the example, saving, Save As,
 * the questions about changes that cannot be saved, and a file changed
 * on disk. The document does the reading and writing; this is the part
 * that asks the user. A list's preview, pasting and merging are in
 * subproc-window-import.c. */

typedef enum
{
  CHOOSE_OPEN,
  CHOOSE_IMPORT,
  CHOOSE_SAVE_AS,
  CHOOSE_MERGE,
} ChooserPurpose;

static void read_next (SubprocWindow *self);
static void set_document (SubprocWindow   *self,
                          SubprocDocument *document);
static void ask_unsaved (SubprocWindow *self,
                         const char    *reason,
                         gboolean       closing);
static void choose_file (SubprocWindow  *self,
                         ChooserPurpose  purpose);
static void handle_conflict (SubprocWindow *self);

void
_subproc_window_show_error (SubprocWindow *self,
                            const char    *heading,
                            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_subproc_window_set_reading (SubprocWindow *self,
                             gboolean       reading)
{
  if (self->reading == reading)
    return;
  self->reading = reading;
  g_object_notify (G_OBJECT (self), "busy");
}

/* A register of an earlier format is converted as it is read; the user is
 * told once, as it opens, where the earlier file will be. */
static void
show_older_version_toast (SubprocWindow *self,
                          GFile         *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: a toast, kept short; %s is a file's name, such as “register.json”, whose backup is “register.json~” */
  message = g_strdup_printf (_("Earlier format: the next save converts it and keeps the old file as “%s~”"), escaped);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Saves the changes in place before the register shown goes; when that
 * cannot be done the user is asked, so a conflict is not asked about. */
static gboolean
save_before_asking (SubprocWindow  *self,
                    GError        **error)
{
  gboolean saved;

  if (!subproc_document_can_save_in_place (self->document))
    return FALSE;
  self->asking = TRUE;
  saved = subproc_document_save_now (self->document, error);
  self->asking = FALSE;
  return saved;
}

/* Replacing the register shown: it is saved first; when it cannot be (it
 * has no file, is read-only, or its file changed on disk), the user chooses
 * between saving it elsewhere, dropping the changes and keeping it. The
 * file or example to open next waits for that answer. */
static gboolean
release_current (SubprocWindow *self,
                 GFile         *next_file,
                 gboolean       next_example)
{
  g_autoptr(GError) error = NULL;

  if (!subproc_document_get_dirty (self->document))
    return TRUE;
  if (save_before_asking (self, &error))
    return TRUE;

  g_set_object (&self->pending_file, next_file);
  self->pending_example = next_example;
  ask_unsaved (self, error != NULL ? error->message : NULL, FALSE);
  return FALSE;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(GFile) file = g_queue_pop_head (&self->to_open);
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GError) error = NULL;

  input = subproc_input_read_finish (result, &error);
  /* the window went meanwhile */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (input == NULL)
    /* a list the importer could not read, or a register the loader could not */
    _subproc_window_show_error (self, error->domain == SUBPROC_IMPORT_ERROR ? _("Nothing Imported")
                                                                              : _("Could Not Open the Register"),
                                error->message);
  else if (!subproc_input_is_register (input))
    _subproc_window_import_input (self, g_steal_pointer (&input));
  /* what is not on disk yet is saved, or the user is asked first */
  else if (release_current (self, file, FALSE))
    {
      g_autoptr(SubprocDocument) document = subproc_document_new_for_input (input, file);

      set_document (self, document);
      if (subproc_document_get_read_only (document))
        _subproc_window_show_error (self, _("Opened Read-Only"),
                                    _("This register was written by a newer version of Subproc. You can read it, but changes are not saved to it, so that nothing the newer version wrote is lost."));
      else if (subproc_document_get_older_version (document))
        show_older_version_toast (self, file);
    }
  else
    /* the question about the changes shown decides; the rest waits no more */
    g_queue_clear_full (&self->to_open, g_object_unref);

  _subproc_window_set_reading (self, FALSE);
  read_next (self);
}

/* Files are read one after another, in a worker thread: a register to
 * open, a list to import into the register shown. */
static void
read_next (SubprocWindow *self)
{
  GFile *file = g_queue_peek_head (&self->to_open);

  if (self->reading || file == NULL)
    return;
  _subproc_window_set_reading (self, TRUE);
  subproc_input_read_async (file, self->cancellable, read_done_cb, g_object_ref (self));
}

static void
open_file (SubprocWindow *self,
           GFile         *file)
{
  g_queue_push_tail (&self->to_open, g_object_ref (file));
  read_next (self);
}

/**
 * subproc_window_open_files:
 *
 * Opens a register, or imports a list into the register shown, for each
 * file, in order; the window stays responsive while they are read.
 */
void
subproc_window_open_files (SubprocWindow  *self,
                           GFile         **files,
                           int             n_files)
{
  g_return_if_fail (SUBPROC_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    open_file (self, files[i]);
}

static void
default_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(SubprocDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = subproc_document_open_finish (result, &error);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  _subproc_window_set_reading (self, FALSE);
  if (document == NULL)
    {
      /* untitled, so that nothing is ever written over the file that failed */
      _subproc_window_show_error (self, _("Could Not Open Your Register"), error->message);
      read_next (self);
      return;
    }

  set_document (self, document);
  if (subproc_document_get_older_version (document))
    show_older_version_toast (self, subproc_document_get_file (document));
  read_next (self);
}

/**
 * subproc_window_open_user_register:
 * @file: where the user's own register is kept
 *
 * Shows the user's own register, creating none until there is something to save.
 * A register that fails to load is reported and left alone on disk.
 */
void
subproc_window_open_user_register (SubprocWindow *self,
                                   GFile         *file)
{
  g_return_if_fail (SUBPROC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->reading);

  _subproc_window_set_reading (self, TRUE);
  subproc_document_open_async (file, self->cancellable, default_opened_cb, g_object_ref (self));
}

/**
 * subproc_window_open_example:
 *
 * Shows the example register: the bundled list, imported, as an untitled
 * register that is saved only where the user says.
 */
void
subproc_window_open_example (SubprocWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(SubprocRegister) reg = subproc_register_new ();
  g_autoptr(SubprocDocument) document = NULL;
  gsize length;
  const char *text;

  g_return_if_fail (SUBPROC_IS_WINDOW (self));

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example/sub-processors.txt", 0, NULL);
  g_assert (bytes != NULL);
  text = g_bytes_get_data (bytes, &length);
  input = subproc_input_read_data (text, length, "sub-processors.txt", NULL);
  g_assert (input != NULL && input->processors != NULL);

  subproc_register_splice (reg, 0, 0, (SubprocProcessor **) input->processors->pdata, input->processors->len);
  subproc_register_set_title (reg, _("Example Register"));
  subproc_register_set_organisation (reg, "Plandisc");

  if (!release_current (self, NULL, TRUE))
    return;
  document = subproc_document_new (reg, NULL);
  set_document (self, document);
}

/* Opens what waited for the register shown to be saved or dropped. */
static void
run_pending (SubprocWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  gboolean example = self->pending_example;

  self->pending_example = FALSE;
  if (file != NULL)
    open_file (self, file);
  else if (example)
    subproc_window_open_example (self);
}

/* A conflict is not reported here: the document says it has one. */
static void
report_save_error (SubprocWindow *self,
                   const GError  *error)
{
  if (!g_error_matches (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT))
    _subproc_window_show_error (self, _("Changes Not Saved"), error->message);
}

static void
save_failed_cb (SubprocWindow   *self,
                const GError    *error)
{
  _subproc_window_show_error (self, _("Changes Not Saved"), error->message);
}

/* A save found the file changed on disk: the user decides, unless a
 * question about the unsaved changes is to be asked instead. */
static void
conflict_cb (SubprocWindow *self)
{
  if (subproc_document_get_conflict (self->document) && !self->asking)
    handle_conflict (self);
}

static void
saved_as_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AfterSave after = self->after_save;

  self->after_save = AFTER_SAVE_NOTHING;
  if (!subproc_document_save_as_finish (SUBPROC_DOCUMENT (source), result, &error))
    {
      _subproc_window_show_error (self, _("Could Not Save the Register"), error->message);
      return;
    }

  _subproc_window_update_actions (self);
  if (after == AFTER_SAVE_CLOSE)
    gtk_window_close (GTK_WINDOW (self));
  else if (after == AFTER_SAVE_OPEN_PENDING)
    run_pending (self);
}

/**
 * subproc_window_save_as:
 *
 * Saves the register to @file and makes it the register's file.
 */
void
subproc_window_save_as (SubprocWindow *self,
                        GFile         *file)
{
  g_return_if_fail (SUBPROC_IS_WINDOW (self));

  subproc_document_save_as_async (self->document, file, NULL, saved_as_cb, g_object_ref (self));
}

static void
chooser_response_cb (SubprocWindow        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  ChooserPurpose purpose = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "purpose"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    {
      /* cancelled: nothing waits for a save any more */
      self->after_save = AFTER_SAVE_NOTHING;
      g_clear_object (&self->pending_file);
      self->pending_example = FALSE;
      return;
    }

  switch (purpose)
    {
    case CHOOSE_OPEN:
    case CHOOSE_IMPORT:
      /* either way the file says what it is: a register opens, a list is imported */
      open_file (self, file);
      break;
    case CHOOSE_SAVE_AS:
      subproc_window_save_as (self, file);
      break;
    case CHOOSE_MERGE:
      subproc_window_merge_file (self, file);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns,
            const char * const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (SubprocWindow  *self,
             ChooserPurpose  purpose)
{
  static const char * const register_patterns[] = { "*.json", NULL };
  static const char * const list_patterns[] = { "*.txt", "*.tsv", "*.csv", "*.html", "*.htm", "*.md", NULL };
  static const char * const list_types[] = { "text/plain", "text/tab-separated-values", "text/csv", "text/html",
                                             "text/markdown", NULL };
  const char *title[] = {
    [CHOOSE_OPEN] = _("Open a Register"),
    [CHOOSE_IMPORT] = _("Import a List of Processors"),
    [CHOOSE_SAVE_AS] = _("Save the Register As"),
    [CHOOSE_MERGE] = _("Merge a Vendor’s New List"),
  };
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (title[purpose], GTK_WINDOW (self),
                                               purpose == CHOOSE_SAVE_AS ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                         : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               purpose == CHOOSE_SAVE_AS ? _("_Save") : _("_Open"),
                                               _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  g_object_set_data (G_OBJECT (chooser), "purpose", GINT_TO_POINTER (purpose));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (purpose == CHOOSE_IMPORT || purpose == CHOOSE_MERGE)
    add_filter (chooser, _("Lists (text, CSV, HTML or Markdown)"), list_patterns, list_types);
  else
    add_filter (chooser, _("Subproc registers"), register_patterns, NULL);
  if (purpose == CHOOSE_SAVE_AS)
    gtk_file_chooser_set_current_name (chooser, _("register.json"));
  else
    add_filter (chooser, _("All files"), (const char * const[]) { "*", NULL }, NULL);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (SUBPROC_WINDOW (widget), CHOOSE_OPEN);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (SUBPROC_WINDOW (widget), CHOOSE_IMPORT);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  choose_file (SUBPROC_WINDOW (widget), CHOOSE_MERGE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_file (SUBPROC_WINDOW (widget), CHOOSE_SAVE_AS);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!subproc_document_save_finish (SUBPROC_DOCUMENT (source), result, &error))
    report_save_error (self, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  if (subproc_document_get_untitled (self->document) || subproc_document_get_read_only (self->document))
    choose_file (self, CHOOSE_SAVE_AS);
  else if (subproc_document_get_conflict (self->document))
    handle_conflict (self);
  else
    subproc_document_save_async (self->document, NULL, saved_cb, g_object_ref (self));
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  subproc_window_open_example (SUBPROC_WINDOW (widget));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SubprocWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    open_file (self, l->data);
  g_slist_free (files);
  return TRUE;
}

static void
unsaved_response_cb (SubprocWindow    *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  gboolean closing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "closing"));

  if (g_str_equal (response, "discard"))
    {
      subproc_document_discard_changes (self->document);
      if (closing)
        {
          self->closing = TRUE;
          gtk_window_destroy (GTK_WINDOW (self));
        }
      else
        run_pending (self);
    }
  else if (g_str_equal (response, "save-as"))
    {
      self->after_save = closing ? AFTER_SAVE_CLOSE : AFTER_SAVE_OPEN_PENDING;
      choose_file (self, CHOOSE_SAVE_AS);
    }
  else
    {
      g_clear_object (&self->pending_file);
      self->pending_example = FALSE;
    }
}

/* Asks what to do with changes that cannot be saved where the register
 * came from: nothing the user typed is lost without asking. REASON is
 * why the changes could not be saved, if a save failed; CLOSING whether the
 * window closes, else another register opens. */
static void
ask_unsaved (SubprocWindow *self,
                            const char    *reason,
                            gboolean       closing)
{
  GtkWidget *dialog;
  const char *body = reason;

  if (body == NULL && subproc_document_get_read_only (self->document))
    body = _("This register was made by a newer version of Subproc, so your changes can only be saved under another name.");
  else if (body == NULL && subproc_document_get_conflict (self->document))
    body = _("The register’s file was changed by another program, so your changes are not saved in it yet.");
  else if (body == NULL)
    body = closing ? _("This register has not been saved to a file. If you close the window, its changes are lost.")
                   : _("This register has not been saved to a file. If you open another one, its changes are lost.");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save-as", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "closing", GINT_TO_POINTER (closing));
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns: whether the window stays, for a question about unsaved changes. */
gboolean
_subproc_window_close_request (SubprocWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->closing || !subproc_document_get_dirty (self->document))
    return FALSE;
  if (save_before_asking (self, &error))
    return FALSE;

  ask_unsaved (self, error != NULL ? error->message : NULL, TRUE);
  return TRUE;
}

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SubprocWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!subproc_document_reload_finish (SUBPROC_DOCUMENT (source), result, &error))
    _subproc_window_show_error (self, _("Could Not Open the Register"), error->message);
}

static void
reload_confirm_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SubprocWindow    *self)
{
  if (g_str_equal (response, "discard"))
    subproc_document_reload_async (self->document, self->cancellable, reloaded_cb, g_object_ref (self));
  else
    handle_conflict (self);
}

static void
confirm_reload (SubprocWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Your Changes?"),
                                              _("The register is read again from the file, as the other program left it. The changes you made since it was last saved are lost."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "back", _("_Back"),
                                    "discard", _("_Discard My Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "back");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_confirm_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SubprocWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "reload"))
    confirm_reload (self);
  else if (g_str_equal (response, "overwrite"))
    {
      if (!subproc_document_save_over (self->document, &error))
        _subproc_window_show_error (self, _("Changes Not Saved"), error->message);
    }
  else if (g_str_equal (response, "save-as"))
    choose_file (self, CHOOSE_SAVE_AS);
  else
    {
      /* put off: nothing is saved until the user decides, and the window says so */
      AdwToast *toast = adw_toast_new (_("Not saved: the register’s file changed on disk"));

      adw_toast_set_button_label (toast, _("_Decide…"));
      adw_toast_set_action_name (toast, "win.resolve-conflict");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
resolve_conflict_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  if (subproc_document_get_conflict (self->document))
    handle_conflict (self);
}

/* Asks what to do now that the register's file changed on disk since it
 * was read: nothing is written until the user says. */
static void
handle_conflict (SubprocWindow *self)
{
  GFile *file = subproc_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_assert (file != NULL);

  name = g_file_get_basename (file);
  body = g_strdup_printf (_("“%s” was changed by another program, or by Subproc in another place, since you opened it. Your changes are not saved yet. Keep which?"),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Register Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "reload", _("_Reload Theirs"),
                                    "overwrite", _("_Overwrite With Mine"),
                                    "save-as", _("Save Mine _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows DOCUMENT: the view follows the window's "document"; its failures
 * are reported here. */
static void
set_document (SubprocWindow   *self,
              SubprocDocument *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_object_notify (G_OBJECT (self), "document");
  g_signal_connect_object (self->document, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::conflict", G_CALLBACK (conflict_cb), self, G_CONNECT_SWAPPED);
}

/* Shows DOCUMENT in the window, as opening a file would. */
void
_subproc_window_show_document (SubprocWindow   *self,
                               SubprocDocument *document)
{
  set_document (self, document);
}

void
_subproc_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflict", NULL, resolve_conflict_action);
}

void
_subproc_window_files_init (SubprocWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_autoptr(SubprocDocument) empty = subproc_document_new (NULL, NULL);

  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->to_open);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  set_document (self, empty);
}

void
_subproc_window_files_dispose (SubprocWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear_full (&self->to_open, g_object_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->pending_file);
  if (self->import_preview != NULL)
    gtk_window_destroy (self->import_preview);
  g_clear_weak_pointer (&self->import_preview);
}

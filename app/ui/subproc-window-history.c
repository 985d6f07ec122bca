/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-changes-window.h"
#include "subproc-changes.h"
#include "subproc-date.h"
#include "subproc-history-window.h"
#include "subproc-log.h"
#include "subproc-window-private.h"

/* The window's part of the audit trail: the register's history, the
 * register as it stood on a day (a window of its own, read-only), the
 * report of changes and the notice, marking the register as reviewed, the
 * banner when the change log was altered outside Subproc, and who the
 * changes are recorded as made by (Preferences). */

/* The banner says what is wrong with the log; the author follows the
 * preference. */
void
_subproc_window_follow_log (SubprocWindow *self)
{
  const char *problem = subproc_document_get_log_problem (self->document);
  g_autofree char *author = g_settings_get_string (self->settings, "author-name");

  gtk_label_set_text (self->log_label, problem != NULL ? problem : "");
  gtk_revealer_set_reveal_child (self->log_revealer, problem != NULL);
  subproc_document_set_author (self->document, author);
}

static void
author_changed_cb (SubprocWindow *self)
{
  _subproc_window_follow_log (self);
}

/**
 * _subproc_window_show_as_of:
 * @day: the day: the register at its end
 *
 * Opens a window on the register as it stood at the end of @day, rebuilt
 * from the log: read-only, searchable and printable, the day in its title
 * and on every printed page.
 */
void
_subproc_window_show_as_of (SubprocWindow *self,
                            const GDate   *day)
{
  g_autofree char *iso = subproc_date_to_iso (day);
  g_autoptr(GDateTime) until = subproc_changes_end_of_day (iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(SubprocRegister) then = subproc_log_register_as_of (self->reg, until, &error);
  g_autoptr(SubprocDocument) document = NULL;
  GFile *file = subproc_document_get_file (self->document);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  SubprocWindow *window;

  if (then == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Register Cannot Be Shown as It Was"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  document = subproc_document_new_as_of (then, name, day);
  window = subproc_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  _subproc_window_show_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_as_of_cb (SubprocWindow        *self,
               GDate                *day,
               SubprocHistoryWindow *history)
{
  _subproc_window_show_as_of (self, day);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  SubprocHistoryWindow *window;

  if (self->history_window != NULL)
    {
      gtk_window_present (self->history_window);
      return;
    }
  window = subproc_history_window_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (window, "show-as-of", G_CALLBACK (show_as_of_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->history_window, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
changes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  SubprocChangesWindow *window;

  if (self->changes_window != NULL)
    gtk_window_destroy (self->changes_window);
  window = subproc_changes_window_new (GTK_WINDOW (self), self->reg);
  g_set_weak_pointer (&self->changes_window, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SubprocWindow    *self)
{
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "review"))
    return;
  subproc_history_review (self->history);
  /* Translators: a toast; %s is the name recorded */
  message = g_strdup_printf (_("Marked as reviewed by %s"), subproc_history_get_author (self->history));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the name the change log records, set in Preferences */
  body = g_strdup_printf (_("The change log records that %s reviewed and approved the register as it stands now. "
                            "The full report shows the last approval, and the report of changes starts from it."),
                          subproc_history_get_author (self->history));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Mark the Register as Reviewed?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "review", _("_Mark as Reviewed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "review", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (review_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_subproc_window_history_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.changes", NULL, changes_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
}

/* Connected once the window's settings exist. */
void
_subproc_window_history_init (SubprocWindow *self)
{
  g_signal_connect_object (self->settings, "changed::author-name", G_CALLBACK (author_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_subproc_window_history_dispose (SubprocWindow *self)
{
  if (self->history_window != NULL)
    gtk_window_destroy (self->history_window);
  g_clear_weak_pointer (&self->history_window);
  if (self->changes_window != NULL)
    gtk_window_destroy (self->changes_window);
  g_clear_weak_pointer (&self->changes_window);
}

GtkWindow *
subproc_window_get_history_window (SubprocWindow *self)
{
  return self->history_window;
}

GtkWindow *
subproc_window_get_changes_window (SubprocWindow *self)
{
  return self->changes_window;
}

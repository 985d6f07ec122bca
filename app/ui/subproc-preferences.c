/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-history.h"
#include "subproc-preferences.h"

/* The user's preferences, kept in GSettings and applied as they change:
 * how the register is checked, and the name the change log records. */
struct _SubprocPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;
  GtkSpinButton *stale_spin;
  AdwEntryRow   *author_row;
};

G_DEFINE_FINAL_TYPE (SubprocPreferences, subproc_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
subproc_preferences_dispose (GObject *object)
{
  SubprocPreferences *self = SUBPROC_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (subproc_preferences_parent_class)->dispose (object);
}

static void
subproc_preferences_class_init (SubprocPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = subproc_preferences_dispose;
}

static void
subproc_preferences_init (SubprocPreferences *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 360);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Checks"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-ok-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Transfer Checks"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What the findings in the window, the editor and the full report point out."));

  /* Translators: a preference: a processor not updated for longer is flagged */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Months Before an Entry Is Stale"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A processor not updated for longer is pointed out, so that it is looked at again."));
  self->stale_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 120, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->stale_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->stale_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->stale_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->stale_spin));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  {
    g_autofree char *system_name = subproc_history_get_default_author ();
    g_autofree char *description = NULL;
    GtkWidget *log_page = adw_preferences_page_new ();
    GtkWidget *log_group = adw_preferences_group_new ();

    /* Translators: a page of Preferences */
    adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (log_page), _("Change Log"));
    adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (log_page), "document-open-recent-symbolic");
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (log_group), _("Who Makes the Changes"));
    /* Translators: %s is the user's full name as the system gives it */
    description = g_strdup_printf (_("Every change you make, and every review, is recorded in the register with this name. "
                                     "Left empty, it is “%s”, your name as the system gives it."), system_name);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (log_group), description);
    self->author_row = ADW_ENTRY_ROW (adw_entry_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->author_row), _("Your Name"));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (log_group), GTK_WIDGET (self->author_row));
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (log_page), ADW_PREFERENCES_GROUP (log_group));
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (log_page));
  }
}

/**
 * subproc_preferences_new:
 * @settings: the application's settings, changed as the user chooses
 *
 * Returns: (transfer floating): the preferences window, not yet shown.
 */
GtkWidget *
subproc_preferences_new (GtkWindow *parent,
                         GSettings *settings)
{
  SubprocPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SUBPROC_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "stale-months", gtk_spin_button_get_adjustment (self->stale_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}

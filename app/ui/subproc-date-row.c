/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-date.h"
#include "subproc-date-row.h"
#include "subproc-validate.h"

struct _SubprocDateRow
{
  AdwActionRow   parent_instance;

  /* child widgets */
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;

  /* owned */
  char          *date;            /* YYYY-MM-DD or NULL */
  char          *error;
  char          *saved_subtitle;  /* the subtitle the error message replaced */
  gboolean       syncing;         /* the calendar is being moved, not the user */
};

G_DEFINE_FINAL_TYPE (SubprocDateRow, subproc_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_shown_date (SubprocDateRow *self)
{
  g_autoptr(GDate) date = NULL;

  if (self->date != NULL)
    date = subproc_date_parse_iso (self->date);
  if (date == NULL)
    /* Translators: shown for a date nobody has entered yet */
    return g_strdup (_("Not set"));

  return subproc_date_format_short (date);
}

/* GTK 4.8 gives the menu button's inner toggle button the focus, so the
 * screen reader reads that one: label both. */
static void
set_button_accessible (SubprocDateRow      *self,
                       GtkAccessibleProperty property,
                       const char          *text)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (self->button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), property, text, -1);
  if (GTK_IS_BUTTON (inner))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), property, text, -1);
}

static void
reset_button_accessible (SubprocDateRow       *self,
                         GtkAccessibleProperty property)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (self->button));

  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->button), property);
  if (GTK_IS_BUTTON (inner))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (inner), property);
}

static void
update_button (SubprocDateRow *self)
{
  g_autofree char *shown = dup_shown_date (self);
  g_autofree char *accessible = NULL;
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_menu_button_set_label (self->button, shown);

  /* Translators: accessible name of a date button: %1$s is the field,
   * e.g. “DPA signed”, %2$s the date or “Not set” */
  accessible = g_strdup_printf (C_("date row", "%1$s: %2$s"), title != NULL ? title : "", shown);
  set_button_accessible (self, GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
}

/* The calendar opens on the date, or on today when there is none. */
static void
sync_calendar (SubprocDateRow *self)
{
  g_autoptr(GDate) date = self->date != NULL ? subproc_date_parse_iso (self->date) : NULL;
  g_autoptr(GDateTime) shown = NULL;

  if (date != NULL)
    shown = g_date_time_new_local ((int) g_date_get_year (date), (int) g_date_get_month (date),
                                   (int) g_date_get_day (date), 12, 0, 0);
  else
    shown = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->syncing = FALSE;
}

static void
day_selected_cb (SubprocDateRow *self,
                 GtkCalendar    *calendar)
{
  g_autoptr(GDateTime) selected = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing)
    return;

  selected = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (selected, "%Y-%m-%d");
  subproc_date_row_set_date (self, iso);
  gtk_popover_popdown (self->popover);
}

static void
today_clicked_cb (SubprocDateRow *self)
{
  g_autofree char *today = subproc_today_iso ();

  subproc_date_row_set_date (self, today);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (SubprocDateRow *self)
{
  subproc_date_row_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
popover_show_cb (SubprocDateRow *self)
{
  sync_calendar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
title_changed_cb (SubprocDateRow *self)
{
  update_button (self);
}

static GtkWidget *
create_popover_content (SubprocDateRow *self)
{
  GtkWidget *box, *buttons, *today, *clear;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);

  /* Translators: sets a date to today */
  today = gtk_button_new_with_mnemonic (_("_Today"));
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (today_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), today);

  /* Translators: removes a date, leaving it not set */
  clear = gtk_button_new_with_mnemonic (_("_Clear"));
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), clear);

  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static void
subproc_date_row_finalize (GObject *object)
{
  SubprocDateRow *self = SUBPROC_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->saved_subtitle, g_free);

  G_OBJECT_CLASS (subproc_date_row_parent_class)->finalize (object);
}

static void
subproc_date_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SubprocDateRow *self = SUBPROC_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_date_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SubprocDateRow *self = SUBPROC_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      subproc_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_date_row_class_init (SubprocDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = subproc_date_row_finalize;
  object_class->get_property = subproc_date_row_get_property;
  object_class->set_property = subproc_date_row_set_property;

  /**
   * SubprocDateRow:date:
   *
   * The date as YYYY-MM-DD, or %NULL when not set.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
subproc_date_row_init (SubprocDateRow *self)
{
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, create_popover_content (self));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_has_frame (self->button, FALSE);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  update_button (self);
}

/**
 * subproc_date_row_new:
 *
 * Returns: (transfer floating): a row with no date; give it a title with
 *   adw_preferences_row_set_title()
 */
SubprocDateRow *
subproc_date_row_new (void)
{
  return g_object_new (SUBPROC_TYPE_DATE_ROW, NULL);
}

/**
 * subproc_date_row_get_date:
 * @self: a date row
 *
 * Returns: (nullable): the date as YYYY-MM-DD, or %NULL when not set
 */
const char *
subproc_date_row_get_date (SubprocDateRow *self)
{
  g_return_val_if_fail (SUBPROC_IS_DATE_ROW (self), NULL);

  return self->date;
}

/**
 * subproc_date_row_set_date:
 * @self: a date row
 * @date: (nullable): a valid YYYY-MM-DD date, or %NULL (or "") for none
 *
 * Shows @date. Anything but a valid ISO date is a programming error: parse
 * what users type with subproc_date_parse() first.
 */
void
subproc_date_row_set_date (SubprocDateRow *self,
                           const char     *date)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (SUBPROC_IS_DATE_ROW (self));

  if (date != NULL && *date != '\0')
    {
      normalized = subproc_date_normalize_iso (date);
      g_return_if_fail (normalized != NULL);
    }

  if (g_strcmp0 (normalized, self->date) == 0)
    return;

  g_free (self->date);
  self->date = g_steal_pointer (&normalized);
  update_button (self);
  sync_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * subproc_date_row_set_error:
 * @self: a date row
 * @message: (nullable): what is wrong with the date, or %NULL when nothing is
 *
 * Shows @message as the row's subtitle, styled as an error, and gives it to
 * assistive technologies as the description of the row and its button.
 * %NULL brings back the subtitle the row had before.
 */
void
subproc_date_row_set_error (SubprocDateRow *self,
                            const char     *message)
{
  g_return_if_fail (SUBPROC_IS_DATE_ROW (self));

  if (g_strcmp0 (message, self->error) == 0)
    return;

  if (self->error == NULL)
    self->saved_subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (self)));

  g_free (self->error);
  self->error = g_strdup (message);

  if (message != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      set_button_accessible (self, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
    }
  else
    {
      g_autofree char *subtitle = g_steal_pointer (&self->saved_subtitle);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      reset_button_accessible (self, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/**
 * subproc_date_row_get_button:
 * @self: a date row
 *
 * Returns: (transfer none): the button that shows the date and opens the calendar
 */
GtkMenuButton *
subproc_date_row_get_button (SubprocDateRow *self)
{
  g_return_val_if_fail (SUBPROC_IS_DATE_ROW (self), NULL);

  return self->button;
}

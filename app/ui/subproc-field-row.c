/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-field-row.h"

/* A preferences row that holds a field of its own making (a text view, a
 * list of tags): Tab goes straight into the field, and on out of it, with
 * no stop on the row between, as on an entry row. */
struct _SubprocFieldRow
{
  AdwPreferencesRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SubprocFieldRow, subproc_field_row, ADW_TYPE_PREFERENCES_ROW)

static gboolean
subproc_field_row_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));
  gboolean entering = gtk_widget_get_focus_child (widget) == NULL;

  /* within the field, the field moves the focus, and leaves when it is done */
  if (child != NULL && gtk_widget_child_focus (child, direction))
    return TRUE;
  if (!entering || (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return FALSE;

  /* an empty field (a list of no tags) is passed over: the list box would
   * otherwise take a row that refuses the focus for its own end */
  for (GtkWidget *row = direction == GTK_DIR_TAB_FORWARD ? gtk_widget_get_next_sibling (widget)
                                                          : gtk_widget_get_prev_sibling (widget);
       row != NULL;
       row = direction == GTK_DIR_TAB_FORWARD ? gtk_widget_get_next_sibling (row)
                                              : gtk_widget_get_prev_sibling (row))
    if (gtk_widget_get_visible (row) && gtk_widget_child_focus (row, direction))
      return TRUE;
  return FALSE;
}

static void
subproc_field_row_class_init (SubprocFieldRowClass *klass)
{
  GTK_WIDGET_CLASS (klass)->focus = subproc_field_row_focus;
}

static void
subproc_field_row_init (SubprocFieldRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

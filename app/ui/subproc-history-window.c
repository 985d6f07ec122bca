/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-date-row.h"
#include "subproc-date.h"
#include "subproc-history-window.h"
#include "subproc-log.h"

/* The register's history: every change its log records, newest first,
 * filtered by processor, person and days; each can be reverted (a new
 * change), and the register can be shown as it stood on a day. The list is
 * a GtkListView, so a log of 10,000 changes makes a screenful of rows. */

struct _SubprocHistoryWindow
{
  AdwWindow parent_instance;

  SubprocDocument    *document;
  SubprocLog         *log;          /* the document's register's, followed */
  GListStore         *newest_first; /* of SubprocChange */
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  GtkStack           *stack;
  AdwWindowTitle     *title;
  AdwToastOverlay    *toasts;
  AdwEntryRow        *processor_row;
  AdwComboRow        *author_row;
  GtkStringList      *authors;      /* “Everyone”, then each name in the log */
  SubprocDateRow     *from_row;
  SubprocDateRow     *to_row;
  GtkLabel           *count_label;

  char               *processor;    /* folded text the processor's name or id holds */
  char               *author;       /* NULL for everyone */
  GDate              *from;
  GDate              *to;
};

G_DEFINE_FINAL_TYPE (SubprocHistoryWindow, subproc_history_window, ADW_TYPE_WINDOW)

enum {
  SHOW_AS_OF,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDate *
local_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (local),
                         (GDateMonth) g_date_time_get_month (local),
                         (GDateYear) g_date_time_get_year (local));
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  SubprocHistoryWindow *self = user_data;
  SubprocChange *change = item;

  if (self->author != NULL && g_strcmp0 (subproc_change_get_author (change), self->author) != 0)
    return FALSE;
  if (self->processor != NULL)
    {
      const char *name = subproc_change_get_processor_name (change);
      const char *id = subproc_change_get_processor_id (change);
      g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

      if ((folded == NULL || strstr (folded, self->processor) == NULL) && g_strcmp0 (id, self->processor) != 0)
        return FALSE;
    }
  if (self->from != NULL || self->to != NULL)
    {
      g_autoptr(GDate) day = local_day (subproc_change_get_time (change));

      if (self->from != NULL && g_date_compare (day, self->from) < 0)
        return FALSE;
      if (self->to != NULL && g_date_compare (day, self->to) > 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_count (SubprocHistoryWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->newest_first));
  g_autofree char *text = NULL;

  /* Translators: below the history, e.g. “12 of 340 changes” */
  text = g_strdup_printf (ngettext ("%u of %u change", "%u of %u changes", total), shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : shown == 0 ? "no-results" : "list");
}

/* The people in the log, for the person filter, keeping the one chosen. */
static void
update_authors (SubprocHistoryWindow *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->log));
  guint chosen = 0;

  for (guint i = n; i > 0; i--)
    {
      const char *author = subproc_change_get_author (subproc_log_get_change (self->log, i - 1));

      if (author != NULL && g_hash_table_add (seen, (gpointer) author))
        g_ptr_array_add (names, (gpointer) author);
    }
  g_ptr_array_add (names, NULL);

  g_signal_handlers_block_matched (self->author_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->authors, 1, g_list_model_get_n_items (G_LIST_MODEL (self->authors)) - 1,
                          (const char * const *) names->pdata);
  for (guint i = 0; names->pdata[i] != NULL; i++)
    if (g_strcmp0 (names->pdata[i], self->author) == 0)
      chosen = i + 1;
  adw_combo_row_set_selected (self->author_row, chosen);
  g_signal_handlers_unblock_matched (self->author_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* The list newest first: the log is oldest first, and changes at its end. */
static void
log_items_changed_cb (SubprocHistoryWindow *self,
                      guint                 position,
                      guint                 removed,
                      guint                 added,
                      GListModel           *log)
{
  guint n = g_list_model_get_n_items (log);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (added, g_object_unref);

  /* the log's [position, position + added) are the list's first ones, reversed */
  for (guint i = position + added; i > position; i--)
    g_ptr_array_add (items, g_list_model_get_item (log, i - 1));
  g_list_store_splice (self->newest_first, n - added - position, removed, items->pdata, items->len);

  update_authors (self);
  update_count (self);
}

static void
follow_register (SubprocHistoryWindow *self)
{
  SubprocRegister *reg = subproc_document_get_register (self->document);
  SubprocLog *log = subproc_register_get_log (reg);
  g_autofree char *subtitle = NULL;

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  g_set_object (&self->log, log);
  /* the whole log, read now if the window was quicker than the worker */
  subproc_log_read (log, NULL);
  g_list_store_remove_all (self->newest_first);
  log_items_changed_cb (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (log)), G_LIST_MODEL (log));
  g_signal_connect_object (log, "items-changed", G_CALLBACK (log_items_changed_cb), self, G_CONNECT_SWAPPED);

  adw_window_title_set_subtitle (self->title, subproc_document_get_title (self->document));
}

static void
filter_changed (SubprocHistoryWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
processor_changed_cb (SubprocHistoryWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->processor_row))));

  g_free (self->processor);
  self->processor = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  filter_changed (self);
}

static void
author_changed_cb (SubprocHistoryWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->author_row);

  g_free (self->author);
  self->author = selected > 0 && selected != GTK_INVALID_LIST_POSITION
                 ? g_strdup (gtk_string_list_get_string (self->authors, selected)) : NULL;
  filter_changed (self);
}

static void
dates_changed_cb (SubprocHistoryWindow *self)
{
  const char *from = subproc_date_row_get_date (self->from_row);
  const char *to = subproc_date_row_get_date (self->to_row);

  g_clear_pointer (&self->from, g_date_free);
  g_clear_pointer (&self->to, g_date_free);
  self->from = from != NULL ? subproc_date_parse_iso (from) : NULL;
  self->to = to != NULL ? subproc_date_parse_iso (to) : NULL;
  filter_changed (self);
}

/* A row ------------------------------------------------------------------ */

static char *
change_values (SubprocChange *change)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (subproc_change_get_kind (change) != SUBPROC_CHANGE_EDIT &&
      subproc_change_get_kind (change) != SUBPROC_CHANGE_DETAILS)
    return NULL;
  old_text = subproc_change_value_to_text (change, subproc_change_get_old (change));
  new_text = subproc_change_value_to_text (change, subproc_change_get_new (change));
  /* Translators: a field's value before and after a change: “Ireland → Sweden” */
  return g_strdup_printf (_("%1$s → %2$s"), old_text, new_text);
}

static char *
change_meta (SubprocChange *change)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (subproc_change_get_time (change));
  g_autoptr(GDate) day = local_day (subproc_change_get_time (change));
  g_autofree char *date = subproc_date_format_short (day);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  const char *author = subproc_change_get_author (change);
  const char *reason = subproc_change_get_reason (change);
  GString *meta = g_string_new (NULL);

  /* Translators: when a change was made: the day, then the time */
  g_string_append_printf (meta, _("%1$s at %2$s"), date, time);
  if (author != NULL)
    g_string_append_printf (meta, " · %s", author);
  if (reason != NULL)
    /* Translators: the reason given for a change, in the history */
    g_string_append_printf (meta, _(" · “%s”"), reason);
  return g_string_free (meta, FALSE);
}

static void
revert_clicked_cb (GtkButton            *button,
                   SubprocHistoryWindow *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "list-item");

  subproc_history_window_revert (self, gtk_list_item_get_item (item));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SubprocHistoryWindow     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *values = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *revert = gtk_button_new_from_icon_name ("edit-undo-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_hexpand (text, TRUE);
  for (GtkWidget *label = what; label != NULL; label = label == what ? values : label == values ? meta : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (GTK_BOX (text), label);
    }
  gtk_widget_add_css_class (what, "heading");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");

  gtk_widget_set_valign (revert, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (revert, "flat");
  gtk_widget_set_tooltip_text (revert, _("Revert This Change"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (revert), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Revert This Change"), -1);
  g_object_set_data (G_OBJECT (revert), "list-item", item);
  g_signal_connect (revert, "clicked", G_CALLBACK (revert_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), revert);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  g_object_set_data (G_OBJECT (item), "what", what);
  g_object_set_data (G_OBJECT (item), "values", values);
  g_object_set_data (G_OBJECT (item), "meta", meta);
  g_object_set_data (G_OBJECT (item), "revert", revert);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SubprocHistoryWindow     *self)
{
  SubprocChange *change = gtk_list_item_get_item (item);
  g_autofree char *what = subproc_change_describe (change);
  g_autofree char *values = change_values (change);
  g_autofree char *meta = change_meta (change);
  GtkWidget *values_label = g_object_get_data (G_OBJECT (item), "values");
  GtkWidget *revert = g_object_get_data (G_OBJECT (item), "revert");

  /* text of the register: set as text, never as markup */
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "what"), what);
  gtk_label_set_text (GTK_LABEL (values_label), values != NULL ? values : "");
  gtk_widget_set_visible (values_label, values != NULL);
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "meta"), meta);
  gtk_widget_set_visible (revert, subproc_change_get_kind (change) != SUBPROC_CHANGE_REVIEW);
  gtk_widget_set_sensitive (revert, !subproc_document_get_read_only (self->document));
}

/* The window ----------------------------------------------------------- */

static void
subproc_history_window_dispose (GObject *object)
{
  SubprocHistoryWindow *self = SUBPROC_HISTORY_WINDOW (object);

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  g_clear_object (&self->log);
  g_clear_object (&self->document);
  g_clear_object (&self->newest_first);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (subproc_history_window_parent_class)->dispose (object);
}

static void
subproc_history_window_finalize (GObject *object)
{
  SubprocHistoryWindow *self = SUBPROC_HISTORY_WINDOW (object);

  g_free (self->processor);
  g_free (self->author);
  g_clear_pointer (&self->from, g_date_free);
  g_clear_pointer (&self->to, g_date_free);

  G_OBJECT_CLASS (subproc_history_window_parent_class)->finalize (object);
}

static void
subproc_history_window_class_init (SubprocHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = subproc_history_window_dispose;
  object_class->finalize = subproc_history_window_finalize;

  /**
   * SubprocHistoryWindow::show-as-of:
   * @day: a GDate, the day chosen
   *
   * The user asks for the register as it stood at the end of @day.
   */
  signals[SHOW_AS_OF] = g_signal_new ("show-as-of", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
as_of_clicked_cb (SubprocHistoryWindow *self,
                  GtkButton            *button)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (button), "calendar");
  GtkWidget *popover = g_object_get_data (G_OBJECT (button), "popover");
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (calendar);
  g_autoptr(GDate) day = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (chosen),
                                         (GDateMonth) g_date_time_get_month (chosen),
                                         (GDateYear) g_date_time_get_year (chosen));

  gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[SHOW_AS_OF], 0, day);
}

static GtkWidget *
as_of_button (SubprocHistoryWindow *self)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Show the register as it stood at the end of:"));
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show Register"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("_As Of…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (menu_button), TRUE);
  gtk_widget_set_tooltip_text (menu_button, _("Show the Register as It Stood on a Day"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (show, "suggested-action");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), show);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  g_object_set_data (G_OBJECT (show), "calendar", calendar);
  g_object_set_data (G_OBJECT (show), "popover", popover);
  g_signal_connect_swapped (show, "clicked", G_CALLBACK (as_of_clicked_cb), self);
  return menu_button;
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static void
subproc_history_window_init (SubprocHistoryWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *filters = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;
  GtkWidget *bar = gtk_action_bar_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  const char *everyone[] = { _("Everyone"), NULL };

  gtk_window_set_title (GTK_WINDOW (self), _("History"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 780);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("History"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), as_of_button (self));
  gtk_box_append (GTK_BOX (content), header);

  /* the filters: a boxed list of rows, as in a preferences page */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (filters), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (filters, "boxed-list");
  self->processor_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->processor_row), _("Processor"));
  g_signal_connect_swapped (self->processor_row, "changed", G_CALLBACK (processor_changed_cb), self);
  self->authors = gtk_string_list_new (everyone);
  self->author_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->author_row), _("Made By"));
  adw_combo_row_set_model (self->author_row, G_LIST_MODEL (self->authors));
  g_object_unref (self->authors);
  g_signal_connect_swapped (self->author_row, "notify::selected", G_CALLBACK (author_changed_cb), self);
  self->from_row = subproc_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("From"));
  g_signal_connect_swapped (self->from_row, "notify::date", G_CALLBACK (dates_changed_cb), self);
  self->to_row = subproc_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("Until"));
  g_signal_connect_swapped (self->to_row, "notify::date", G_CALLBACK (dates_changed_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (filters), GTK_WIDGET (self->processor_row));
  gtk_list_box_append (GTK_LIST_BOX (filters), GTK_WIDGET (self->author_row));
  gtk_list_box_append (GTK_LIST_BOX (filters), GTK_WIDGET (self->from_row));
  gtk_list_box_append (GTK_LIST_BOX (filters), GTK_WIDGET (self->to_row));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), filters);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_box_append (GTK_BOX (content), clamp);

  /* the changes */
  self->newest_first = g_list_store_new (SUBPROC_TYPE_CHANGE);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->newest_first)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)))),
                            factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (list), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes, newest first"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack,
                       status_page ("document-open-recent-symbolic", _("No Changes Recorded Yet"),
                                    _("Every change to the register is recorded here: who made it, when, and why.")),
                       "empty");
  gtk_stack_add_named (self->stack,
                       status_page ("system-search-symbolic", _("No Changes Match"), _("Try other filters")),
                       "no-results");
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (content), bar);

  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * subproc_history_window_new:
 * @document: the open register, whose log is shown and whose history
 *   takes the reverts
 *
 * Returns: (transfer full): the window, not yet shown.
 */
SubprocHistoryWindow *
subproc_history_window_new (GtkWindow       *parent,
                            SubprocDocument *document)
{
  SubprocHistoryWindow *self;

  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (document), NULL);

  self = g_object_new (SUBPROC_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "notify::register", G_CALLBACK (follow_register), self, G_CONNECT_SWAPPED);
  follow_register (self);
  return self;
}

/**
 * subproc_history_window_get_shown:
 *
 * Returns: (transfer none): the changes the window lists, newest first.
 */
GListModel *
subproc_history_window_get_shown (SubprocHistoryWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_HISTORY_WINDOW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/**
 * subproc_history_window_set_filter:
 * @processor: (nullable): text of the processor's name, or its id
 * @author: (nullable): who made the changes; %NULL for everyone
 * @from: (nullable): the first day
 * @to: (nullable): the last day
 *
 * Sets the filters as the user would.
 */
void
subproc_history_window_set_filter (SubprocHistoryWindow *self,
                                   const char           *processor,
                                   const char           *author,
                                   const GDate          *from,
                                   const GDate          *to)
{
  g_autofree char *from_text = from != NULL ? subproc_date_to_iso (from) : NULL;
  g_autofree char *to_text = to != NULL ? subproc_date_to_iso (to) : NULL;
  guint chosen = 0;

  g_return_if_fail (SUBPROC_IS_HISTORY_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->processor_row), processor != NULL ? processor : "");
  for (guint i = 1; author != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->authors)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->authors, i), author))
      chosen = i;
  adw_combo_row_set_selected (self->author_row, chosen);
  subproc_date_row_set_date (self->from_row, from_text);
  subproc_date_row_set_date (self->to_row, to_text);
}

/**
 * subproc_history_window_revert:
 *
 * Reverts @change as a new change, and says so (or why not) in a toast.
 *
 * Returns: whether it was reverted.
 */
gboolean
subproc_history_window_revert (SubprocHistoryWindow *self,
                               SubprocChange        *change)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_return_val_if_fail (SUBPROC_IS_HISTORY_WINDOW (self), FALSE);
  g_return_val_if_fail (SUBPROC_IS_CHANGE (change), FALSE);

  if (subproc_document_get_read_only (self->document))
    return FALSE;
  if (!subproc_history_revert (subproc_document_get_history (self->document), change, &error))
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 6);
      adw_toast_overlay_add_toast (self->toasts, toast);
      return FALSE;
    }
  /* Translators: a toast in the history, after a change was reverted */
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Change reverted; undo it in the main window")));
  return TRUE;
}

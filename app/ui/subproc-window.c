/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-check.h"
#include "subproc-columns.h"
#include "subproc-date.h"
#include "subproc-search.h"
#include "subproc-window-private.h"

/* The main window's view: the table of the document's register, the
 * search, the count, the title. Opening and saving are in
 * subproc-window-files.c, editing in subproc-window-actions.c. */

/* registers larger than this are sorted and filtered a part at a time */
#define INCREMENTAL_FROM 5000

G_DEFINE_FINAL_TYPE (SubprocWindow, subproc_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_BUSY,
  PROP_ONLY_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How the table shows a column of the presentation layer's public list. */
typedef enum
{
  CELL_WRAP,      /* wrapped over lines */
  CELL_HEADING,   /* the name: bold, on one line */
  CELL_ONE_LINE,  /* the description: its first line, the whole in the tooltip */
  CELL_NUMERIC,   /* a date */
} CellStyle;

static const struct
{
  SubprocField field;
  CellStyle    style;
  int          width;     /* fixed width; -1 for the content's */
  int          tooltip;   /* a field shown on hover, or -1 */
} column_looks[] = {
  { SUBPROC_FIELD_NAME, CELL_HEADING, 160, SUBPROC_FIELD_LEGAL_ENTITY },
  { SUBPROC_FIELD_COUNTRIES, CELL_WRAP, 140, SUBPROC_FIELD_LOCATION },
  { SUBPROC_FIELD_TRANSFER_MECHANISM, CELL_WRAP, 190, SUBPROC_FIELD_TRANSFER_BASIS },
  { SUBPROC_FIELD_FUNCTION, CELL_WRAP, 140, -1 },
  { SUBPROC_FIELD_DESCRIPTION, CELL_ONE_LINE, -1, SUBPROC_FIELD_DESCRIPTION },
  { SUBPROC_FIELD_UPDATED, CELL_NUMERIC, -1, -1 },
};

static guint
column_look (SubprocField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_looks); i++)
    if (column_looks[i].field == field)
      return i;
  /* a column new to the public list wraps, at the content's width */
  return G_MAXUINT;
}

/* The text a cell of FIELD shows: the presentation layer's, on one line
 * where the cell has one. */
static char *
cell_text (SubprocProcessor *processor,
           SubprocField      field)
{
  g_autofree char *text = subproc_columns_field_text (processor, field, NULL, NULL);
  guint look = column_look (field);

  if (text != NULL && look != G_MAXUINT && column_looks[look].style == CELL_ONE_LINE)
    {
      g_autoptr(GString) line = g_string_new (text);

      g_string_replace (line, "\n\n", " ", 0);
      g_string_replace (line, "\n", " ", 0);
      return g_string_free (g_steal_pointer (&line), FALSE);
    }
  return g_steal_pointer (&text);
}

/* The column's order: dates by the date, the rest by what the cell says. */
static char *
sort_key (SubprocProcessor *processor,
          gpointer          user_data)
{
  SubprocField field = GPOINTER_TO_INT (user_data);

  if (subproc_field_get_kind (field) == SUBPROC_FIELD_KIND_DATE)
    return g_strdup (subproc_processor_get_text (processor, field));
  return cell_text (processor, field);
}

static void
update_cell (GtkListItem *item)
{
  SubprocProcessor *processor = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  SubprocField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "field"));
  int tooltip = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "tooltip"));
  g_autofree char *text = NULL;

  if (processor == NULL)
    return;
  text = cell_text (processor, field);
  /* the register's text is data, never markup: the label reads it as text */
  gtk_label_set_text (label, text != NULL ? text : "");
  if (tooltip >= 0)
    {
      const char *hint = subproc_processor_get_text (processor, tooltip);

      gtk_widget_set_tooltip_text (GTK_WIDGET (label), hint != NULL && *hint != '\0' ? hint : NULL);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SubprocField field = GPOINTER_TO_INT (user_data);
  guint look = column_look (field);
  CellStyle style = look != G_MAXUINT ? column_looks[look].style : CELL_WRAP;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  switch (style)
    {
    case CELL_HEADING:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "heading");
      break;
    case CELL_ONE_LINE:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      break;
    case CELL_NUMERIC:
      gtk_widget_add_css_class (label, "numeric");
      break;
    case CELL_WRAP:
    default:
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      break;
    }
  g_object_set_data (G_OBJECT (label), "field", GINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (label), "tooltip",
                     GINT_TO_POINTER (look != G_MAXUINT ? column_looks[look].tooltip : -1));
  gtk_list_item_set_child (item, label);
}

/* A cell follows its processor: an edit changes the processor in place,
 * and the view keeps the row. UPDATE (the factory's user data) fills the
 * cell in. */
typedef void (*UpdateCell) (GtkListItem *item);

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  update)
{
  ((UpdateCell) update) (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify", G_CALLBACK (update), item, G_CONNECT_SWAPPED);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  update)
{
  SubprocProcessor *processor = gtk_list_item_get_item (item);

  if (processor != NULL)
    g_signal_handlers_disconnect_by_func (processor, update, item);
}

/* The worst severity of a processor's findings, as a sort key: errors
 * first; 0 when it has none. */
static int
worst_severity (GPtrArray *findings)
{
  int worst = -1;

  for (guint i = 0; i < findings->len; i++)
    worst = MAX (worst, (int) ((SubprocFinding *) g_ptr_array_index (findings, i))->severity);
  return worst + 1;
}

static GPtrArray *
findings_of (SubprocProcessor *processor)
{
  return subproc_check_processor (processor, NULL, NULL);
}

static int
findings_sort_key (SubprocProcessor *processor,
                   gpointer          unused)
{
  g_autoptr(GPtrArray) findings = findings_of (processor);

  return -worst_severity (findings);
}

/* The findings cell: an icon of the worst severity, the count beside it,
 * and every message with its reference on hover. The register's text in
 * the messages is data: the tooltip is text, not markup. */
static void
update_findings_cell (GtkListItem *item)
{
  SubprocProcessor *processor = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkImage *icon = GTK_IMAGE (gtk_widget_get_first_child (box));
  GtkLabel *count = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (icon)));
  static const char * const icons[] = { NULL, "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic" };
  static const char * const classes[] = { NULL, "accent", "warning", "error" };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) tooltip = NULL;
  g_autofree char *number = NULL;
  int worst;

  if (processor == NULL)
    return;
  findings = findings_of (processor);
  worst = worst_severity (findings);
  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (box, classes[i]);
  gtk_widget_set_visible (box, worst > 0);
  if (worst == 0)
    {
      /* nothing left of the row this cell showed before */
      gtk_widget_set_tooltip_text (box, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  gtk_image_set_from_icon_name (icon, icons[worst]);
  gtk_widget_add_css_class (box, classes[worst]);
  number = g_strdup_printf ("%u", findings->len);
  gtk_label_set_text (count, number);

  tooltip = g_string_new (NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      SubprocFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (tooltip, "%s%s [%s]", i > 0 ? "\n" : "", finding->message, finding->reference);
    }
  gtk_widget_set_tooltip_text (box, tooltip->str);
  /* a screen reader reads the findings, not a bare number */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip->str, -1);
}

/* The findings cells are kept, so that all are checked again when the
 * checks change (the preferences). */
static void
bind_findings_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SubprocWindow            *self)
{
  bind_cell_cb (factory, item, (gpointer) update_findings_cell);
  g_hash_table_add (self->findings_cells, item);
}

static void
unbind_findings_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SubprocWindow            *self)
{
  unbind_cell_cb (factory, item, (gpointer) update_findings_cell);
  g_hash_table_remove (self->findings_cells, item);
}

static void
setup_findings_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "numeric");
  gtk_list_item_set_child (item, box);
}

/* The window's own first column: the transfer findings. It is not in the
 * presentation layer's public list, since a published list never shows
 * findings. */
static void
add_findings_column (SubprocWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *key = gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                    G_CALLBACK (findings_sort_key), NULL, NULL);
  g_autoptr(GtkNumericSorter) sorter = gtk_numeric_sorter_new (key);
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_findings_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_findings_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_findings_cb), self);
  self->findings_sorter = GTK_SORTER (sorter);
  /* Translators: the title of the window's column of transfer findings */
  column = gtk_column_view_column_new (C_("column", "Findings"), factory);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_fixed_width (column, 70);
  gtk_column_view_append_column (self->column_view, column);
}

/* The table's columns: the presentation layer's public list, with its
 * titles; a column added there is shown here. */
static void
add_columns (SubprocWindow *self)
{
  guint n_fields;
  const SubprocField *fields = subproc_columns_get_public_fields (&n_fields);

  add_findings_column (self);
  for (guint i = 0; i < n_fields; i++)
    {
      SubprocField field = fields[i];
      guint look = column_look (field);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkExpression *key = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                        G_CALLBACK (sort_key), GINT_TO_POINTER (field), NULL);
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkStringSorter) sorter = gtk_string_sorter_new (key);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (field));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) update_cell);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer) update_cell);

      column = gtk_column_view_column_new (subproc_columns_field_title (field), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      if (look != G_MAXUINT && column_looks[look].width > 0)
        gtk_column_view_column_set_fixed_width (column, column_looks[look].width);
      if (look != G_MAXUINT && column_looks[look].style == CELL_ONE_LINE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* GTK 4.8 cuts a column title that does not fit; translated titles are
 * longer than English ones ("Juridisk grundlag för behandling utanför
 * EU/EES"), so each column is made at least as wide as its title. */
static void
fit_columns_to_titles (SubprocWindow *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  /* room for the cell padding and the sort arrow */
  const int extra = 40;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      int width;

      /* as Adwaita draws column titles: small and bold */
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_layout_set_text (layout, gtk_column_view_column_get_title (column), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      /* a column without a fixed width already takes its content's width */
      if (gtk_column_view_column_get_fixed_width (column) >= 0 &&
          gtk_column_view_column_get_fixed_width (column) < width + extra)
        gtk_column_view_column_set_fixed_width (column, width + extra);
    }
}

static void
update_count (SubprocWindow *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->reg));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  /* Translators: shown below the table, e.g. “6 of 13 processors” */
  text = g_strdup_printf (ngettext ("%u of %u processor", "%u of %u processors", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : "table");
  gtk_stack_set_visible_child_name (self->table_stack, shown == 0 ? "no-results" : "rows");
}

static void
update_title (SubprocWindow *self)
{
  const GDate *as_of = subproc_document_get_as_of (self->document);
  g_autofree char *day = as_of != NULL ? subproc_date_format_long (as_of) : NULL;
  /* Translators: a report's title when it shows the register as it stood on a day: “Sub-processors, as of 31 January 2026” */
  g_autofree char *title_as_of = as_of != NULL ? g_strdup_printf (_("%1$s, as of %2$s"), subproc_document_get_title (self->document), day)
                                               : NULL;
  const char *title = as_of != NULL ? title_as_of : subproc_document_get_title (self->document);
  g_autofree char *subtitle = subproc_document_dup_subtitle (self->document);
  g_autofree char *shown = NULL;

  /* a bullet while there are changes not yet on disk */
  if (subproc_document_get_dirty (self->document))
    shown = g_strdup_printf ("• %s", title);
  else
    shown = g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static gboolean
has_findings (SubprocProcessor *processor)
{
  g_autoptr(GPtrArray) findings = findings_of (processor);

  return findings->len > 0;
}

static gboolean
has_error (SubprocProcessor *processor)
{
  g_autoptr(GPtrArray) findings = findings_of (processor);

  return worst_severity (findings) == SUBPROC_SEVERITY_ERROR + 1;
}

/* The banner says how many processors have transfer errors, and offers to
 * show only them; it goes when there are none, and the filter with it. */
static void
update_problems (SubprocWindow *self,
                 guint          n_errors)
{
  g_autofree char *text = NULL;

  if (n_errors == 0 && gtk_toggle_button_get_active (self->problems_button))
    gtk_toggle_button_set_active (self->problems_button, FALSE);
  gtk_revealer_set_reveal_child (self->problems_revealer, n_errors > 0);
  if (n_errors == 0)
    return;
  /* Translators: the banner above the table */
  text = g_strdup_printf (ngettext ("%u processor has transfer problems.",
                                    "%u processors have transfer problems.", n_errors), n_errors);
  gtk_label_set_text (self->problems_label, text);
}

/* Counts the processors with errors a part at a time, between frames, so
 * that a large register is never frozen for it. */
static gboolean
recount_cb (gpointer user_data)
{
  SubprocWindow *self = user_data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->reg));
  guint end = MIN (n_items, self->recount_position + 2000);

  for (; self->recount_position < end; self->recount_position++)
    self->recount_errors += has_error (subproc_register_get_processor (self->reg, self->recount_position));
  if (self->recount_position < n_items)
    return G_SOURCE_CONTINUE;

  self->recount_id = 0;
  update_problems (self, self->recount_errors);
  return G_SOURCE_REMOVE;
}

static void
recount_problems (SubprocWindow *self)
{
  self->recount_position = 0;
  self->recount_errors = 0;
  if (self->recount_id == 0)
    self->recount_id = g_idle_add_full (G_PRIORITY_LOW, recount_cb, self, NULL);
}

/* The checks changed (the preferences): every finding is found again. */
static void
checks_changed_cb (SubprocWindow *self)
{
  GHashTableIter iter;
  gpointer item;

  subproc_check_set_stale_months (g_settings_get_uint (self->settings, "stale-months"));
  g_hash_table_iter_init (&iter, self->findings_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_findings_cell (item);
  gtk_sorter_changed (self->findings_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  if (self->only_problems || self->only_findings)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  recount_problems (self);
}

static void
problems_toggled_cb (SubprocWindow   *self,
                     GtkToggleButton *button)
{
  gboolean only = gtk_toggle_button_get_active (button);

  if (only == self->only_problems)
    return;
  self->only_problems = only;
  gtk_filter_changed (GTK_FILTER (self->filter), only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

/* The document's register is shown: at the start, and when the file is
 * read again. */
static void
forget_register (SubprocWindow *self)
{
  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_data (self->reg, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->reg);
  g_clear_object (&self->history);
}

static void
show_register (SubprocWindow *self)
{
  SubprocRegister *reg = subproc_document_get_register (self->document);
  gboolean large;

  forget_register (self);
  self->reg = g_object_ref (reg);
  self->history = g_object_ref (subproc_document_get_history (self->document));
  g_signal_connect_object (self->history, "notify", G_CALLBACK (_subproc_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (reg, "changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (reg, "changed", G_CALLBACK (recount_problems), self, G_CONNECT_SWAPPED);

  /* a large register is filtered and sorted a part at a time between
   * frames: the window shows rows, and takes keys, while it goes on; a
   * small one at once, so that its order is never seen unsorted */
  large = g_list_model_get_n_items (G_LIST_MODEL (reg)) > INCREMENTAL_FROM;
  gtk_filter_list_model_set_incremental (self->filter_model, large);
  gtk_sort_list_model_set_incremental (self->sort_model, large);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (reg));

  update_title (self);
  update_count (self);
  recount_problems (self);
  _subproc_window_update_actions (self);

  /* the table takes the keyboard, so arrows, Enter and Delete work at once */
  if (g_list_model_get_n_items (G_LIST_MODEL (reg)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
notify_busy (SubprocWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Another document is shown: the window follows its register, title and
 * state. */
static void
document_changed_cb (SubprocWindow *self)
{
  SubprocDocument *document = self->document;

  g_assert (SUBPROC_IS_DOCUMENT (document));

  g_signal_connect_object (document, "notify::register", G_CALLBACK (show_register), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::subtitle", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::dirty", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (_subproc_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (notify_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::log-problem", G_CALLBACK (_subproc_window_follow_log),
                           self, G_CONNECT_SWAPPED);
  _subproc_window_follow_log (self);
  show_register (self);
  notify_busy (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SubprocWindow *self = SUBPROC_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (SubprocWindow  *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = subproc_search_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_autofree char *stripped = g_strstrip (g_strdup (query));

  if (g_strcmp0 (stripped, self->query) == 0)
    return;
  g_free (self->query);
  g_strfreev (self->query_words);
  self->query_words = subproc_search_split (stripped);
  self->query = g_steal_pointer (&stripped);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (SubprocWindow  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* back to the table, on the processor found, not to whatever comes
   * next (the banner's button) */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SubprocWindow *self = user_data;

  if (self->only_problems && !has_error (item))
    return FALSE;
  if (self->only_findings && !has_findings (item))
    return FALSE;
  if (self->query_words == NULL)
    return TRUE;
  return subproc_search_matches_words (item, (const char * const *) self->query_words, NULL);
}

static void
setup_models (SubprocWindow *self)
{
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  GtkSorter *sorter;

  add_columns (self);
  fit_columns_to_titles (self);
  sorter = gtk_column_view_get_sorter (self->column_view);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  /* after the findings */
  name_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 1);
  gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);
}

static gboolean
subproc_window_close_request (GtkWindow *window)
{
  if (_subproc_window_close_request (SUBPROC_WINDOW (window)))
    return TRUE;

  return GTK_WINDOW_CLASS (subproc_window_parent_class)->close_request (window);
}

static void
subproc_window_dispose (GObject *object)
{
  SubprocWindow *self = (SubprocWindow *)object;

  _subproc_window_files_dispose (self);
  _subproc_window_actions_dispose (self);
  _subproc_window_history_dispose (self);
  g_clear_handle_id (&self->recount_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SUBPROC_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  forget_register (self);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (subproc_window_parent_class)->dispose (object);
}

static void
subproc_window_finalize (GObject *object)
{
  SubprocWindow *self = (SubprocWindow *)object;

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->findings_cells, g_hash_table_unref);
  g_clear_pointer (&self->query_words, g_strfreev);
  g_clear_pointer (&self->import_warnings, g_free);

  G_OBJECT_CLASS (subproc_window_parent_class)->finalize (object);
}

static void
subproc_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SubprocWindow *self = SUBPROC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, subproc_window_get_busy (self));
      break;
    case PROP_ONLY_FINDINGS:
      g_value_set_boolean (value, self->only_findings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SubprocWindow *self = SUBPROC_WINDOW (object);
  gboolean only;

  switch (prop_id)
    {
    case PROP_ONLY_FINDINGS:
      only = g_value_get_boolean (value);
      if (only == self->only_findings)
        return;
      self->only_findings = only;
      gtk_filter_changed (GTK_FILTER (self->filter),
                          only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_window_class_init (SubprocWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = subproc_window_dispose;
  object_class->finalize = subproc_window_finalize;
  object_class->get_property = subproc_window_get_property;
  object_class->set_property = subproc_window_set_property;
  window_class->close_request = subproc_window_close_request;

  /**
   * SubprocWindow:busy:
   *
   * Whether a file is being read or written for the window.
   */
  /**
   * SubprocWindow:document:
   *
   * The register shown, with its file; subproc-window-files.c replaces it.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SUBPROC_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocWindow:only-findings:
   *
   * Whether the table shows only the processors that have transfer
   * findings, of any severity (the menu's “Only Processors With Findings”).
   */
  properties[PROP_ONLY_FINDINGS] =
    g_param_spec_boolean ("only-findings", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "win.only-findings", "only-findings");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/subproc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, table_stack);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, log_revealer);
  gtk_widget_class_bind_template_child (widget_class, SubprocWindow, log_label);
  gtk_widget_class_bind_template_callback (widget_class, problems_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  _subproc_window_files_class_init (widget_class);
  _subproc_window_import_class_init (widget_class);
  _subproc_window_actions_class_init (widget_class);
  _subproc_window_history_class_init (widget_class);
}

static void
subproc_window_init (SubprocWindow *self)
{
  self->findings_cells = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::stale-months", G_CALLBACK (checks_changed_cb),
                           self, G_CONNECT_SWAPPED);
  _subproc_window_history_init (self);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  setup_models (self);
  g_signal_connect (self, "notify::document", G_CALLBACK (document_changed_cb), NULL);
  _subproc_window_actions_init (self);
  /* shows an empty, untitled register */
  _subproc_window_files_init (self);
}

/**
 * subproc_window_new:
 *
 * Returns: (transfer full): a window with an empty, untitled register.
 */
SubprocWindow *
subproc_window_new (GtkApplication *application)
{
  return g_object_new (SUBPROC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * subproc_window_get_register:
 *
 * Returns: (transfer none): the register shown.
 */
SubprocRegister *
subproc_window_get_register (SubprocWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), NULL);

  return self->reg;
}

/**
 * subproc_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file the register is saved to.
 */
GFile *
subproc_window_get_file (SubprocWindow *self)
{
  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), NULL);

  return subproc_document_get_file (self->document);
}

/**
 * subproc_window_save_now:
 *
 * Writes the register's changes to its file at once, if it has one and
 * may be written.
 *
 * Returns: %FALSE with @error set when writing failed.
 */
gboolean
subproc_window_save_now (SubprocWindow  *self,
                         GError        **error)
{
  g_return_val_if_fail (SUBPROC_IS_WINDOW (self), FALSE);

  if (!subproc_document_can_save_in_place (self->document))
    return TRUE;
  return subproc_document_save_now (self->document, error);
}

SubprocDocument *
subproc_window_get_document (SubprocWindow *self)
{
  return self->document;
}

gboolean
subproc_window_get_busy (SubprocWindow *self)
{
  return self->reading || (self->document != NULL && subproc_document_get_busy (self->document));
}

GListModel *
subproc_window_get_visible_model (SubprocWindow *self)
{
  return G_LIST_MODEL (self->sort_model);
}

GtkEditable *
subproc_window_get_search_entry (SubprocWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

const char *
subproc_window_get_count_text (SubprocWindow *self)
{
  return gtk_label_get_text (self->count_label);
}

const char *
subproc_window_get_visible_page (SubprocWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
subproc_window_get_import_warnings (SubprocWindow *self)
{
  return self->import_warnings;
}

GtkColumnView *
subproc_window_get_column_view (SubprocWindow *self)
{
  return self->column_view;
}

/* The text the cell of COLUMN shows for the processor in visible ROW. */
char *
subproc_window_cell_text (SubprocWindow *self,
                          guint          column,
                          guint          row)
{
  g_autoptr(SubprocProcessor) processor = g_list_model_get_item (G_LIST_MODEL (self->sort_model), row);
  guint n_fields;
  const SubprocField *fields = subproc_columns_get_public_fields (&n_fields);

  g_return_val_if_fail (processor != NULL, NULL);
  g_return_val_if_fail (column < n_fields, NULL);

  return cell_text (processor, fields[column]);
}

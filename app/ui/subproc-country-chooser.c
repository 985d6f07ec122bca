/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "subproc-country.h"
#include "subproc-country-chooser.h"

typedef struct
{
  const char *code;          /* static, from the country table */
  const char *name;          /* static, in the UI language */
  char       *folded_name;
  char       *folded_english;
  char       *folded_code;
  guint       order;         /* position when sorted by name */
} Country;

struct _SubprocCountryChooser
{
  GtkWidget         parent_instance;

  /* child widgets */
  GtkMenuButton    *button;
  GtkPopover       *popover;
  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  GtkListView      *list_view;

  /* borrowed: owned by the model chain */
  GtkCustomFilter  *filter;
  GtkCustomSorter  *sorter;

  /* owned */
  GListModel       *model;     /* the countries shown, best match first */
  Country          *countries;
  guint             n_countries;
  GHashTable       *by_code;   /* code -> Country in countries */
  GHashTable       *excluded;  /* set of codes */
  char             *query;     /* folded search text, "" for none */
};

G_DEFINE_FINAL_TYPE (SubprocCountryChooser, subproc_country_chooser, GTK_TYPE_WIDGET)

enum {
  COUNTRY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How well a country matches the search; lower is better. */
enum {
  RANK_CODE,
  RANK_PREFIX,
  RANK_WORD,
  RANK_INSIDE,
  RANK_NONE,
};

/* Case- and accent-insensitive, so that “cote” finds “Côte d’Ivoire”. */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = NULL;
  GString *out;

  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static int
rank_in (const char *haystack,
         const char *needle)
{
  const char *found = strstr (haystack, needle);

  if (found == NULL)
    return RANK_NONE;
  if (found == haystack)
    return RANK_PREFIX;

  /* a later word: “kor” finds “South Korea” before “Ecuador” would find “cua” */
  for (; found != NULL; found = strstr (found + 1, needle))
    if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (found))))
      return RANK_WORD;

  return RANK_INSIDE;
}

static int
rank_country (SubprocCountryChooser *self,
              const Country         *country)
{
  if (*self->query == '\0' || strcmp (country->folded_code, self->query) == 0)
    return RANK_CODE;

  return MIN (rank_in (country->folded_name, self->query),
              rank_in (country->folded_english, self->query));
}

static const Country *
country_of_item (SubprocCountryChooser *self,
                 gpointer               item)
{
  return g_hash_table_lookup (self->by_code, gtk_string_object_get_string (item));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SubprocCountryChooser *self = user_data;
  const Country *country = country_of_item (self, item);

  return !g_hash_table_contains (self->excluded, country->code)
         && rank_country (self, country) != RANK_NONE;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  SubprocCountryChooser *self = user_data;
  const Country *ca = country_of_item (self, (gpointer) a);
  const Country *cb = country_of_item (self, (gpointer) b);
  int ra = rank_country (self, ca);
  int rb = rank_country (self, cb);

  if (ra != rb)
    return ra < rb ? -1 : 1;

  return ca->order < cb->order ? -1 : ca->order > cb->order;
}

static int
compare_by_collation_key (gconstpointer a,
                          gconstpointer b,
                          gpointer      keys)
{
  const Country *ca = a, *cb = b;

  return strcmp (g_hash_table_lookup (keys, ca->code), g_hash_table_lookup (keys, cb->code));
}

static void
load_countries (SubprocCountryChooser *self)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  self->n_countries = subproc_country_get_n_countries ();
  self->countries = g_new0 (Country, self->n_countries);

  for (guint i = 0; i < self->n_countries; i++)
    {
      Country *country = &self->countries[i];

      country->code = subproc_country_get_code (i);
      country->name = subproc_country_name (country->code, NULL);
      country->folded_name = fold (country->name);
      country->folded_english = fold (subproc_country_name (country->code, "en"));
      country->folded_code = g_ascii_strdown (country->code, -1);
      g_hash_table_insert (keys, (gpointer) country->code, g_utf8_collate_key (country->name, -1));
    }

  g_qsort_with_data (self->countries, (gint) self->n_countries, sizeof (Country),
                     compare_by_collation_key, keys);

  for (guint i = 0; i < self->n_countries; i++)
    {
      self->countries[i].order = i;
      g_hash_table_insert (self->by_code, (gpointer) self->countries[i].code, &self->countries[i]);
    }
}

/* Whether the text changed the search; the entry reports changes late. */
static gboolean
update_query (SubprocCountryChooser *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *query = fold (text);

  if (g_strcmp0 (query, self->query) == 0)
    return FALSE;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  return TRUE;
}

static void
choose (SubprocCountryChooser *self,
        guint                  position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (self->model, position);
  g_autofree char *code = NULL;

  if (item == NULL)
    return;

  code = g_strdup (gtk_string_object_get_string (item));
  gtk_popover_popdown (self->popover);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  update_query (self);
  g_signal_emit (self, signals[COUNTRY_CHOSEN], 0, code);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SubprocCountryChooser    *self)
{
  const Country *country = country_of_item (self, gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), country->name);
}

static void
items_changed_cb (SubprocCountryChooser *self)
{
  gboolean empty = g_list_model_get_n_items (self->model) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
search_changed_cb (SubprocCountryChooser *self)
{
  /* the best match is at the top: show it, but leave the focus in the entry */
  if (update_query (self))
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0.0);
}

static void
search_activate_cb (SubprocCountryChooser *self)
{
  update_query (self);
  choose (self, 0);
}

static void
stop_search_cb (SubprocCountryChooser *self)
{
  gtk_popover_popdown (self->popover);
}

static void
list_activate_cb (SubprocCountryChooser *self,
                  guint                  position)
{
  choose (self, position);
}

static gboolean
search_key_pressed_cb (SubprocCountryChooser *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  update_query (self);
  if (g_list_model_get_n_items (self->model) == 0)
    return GDK_EVENT_PROPAGATE;

  /* scrolls to the first match and puts the focus on it */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->list_view))
      && gtk_widget_get_focus_child (GTK_WIDGET (self->list_view)) == NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_STOP;
}

static void
popover_show_cb (SubprocCountryChooser *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkWidget *
create_list (SubprocCountryChooser *self)
{
  g_autoptr(GtkStringList) codes = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory;
  GtkWidget *scrolled;

  for (guint i = 0; i < self->n_countries; i++)
    gtk_string_list_append (codes, self->countries[i].code);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&codes)), GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->model = G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (filtered), GTK_SORTER (self->sorter)));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->model))),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  /* Translators: accessible name of the list of countries to choose from */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Countries"),
                                  -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  return scrolled;
}

static GtkWidget *
create_empty_state (void)
{
  /* Translators: shown in the country chooser when nothing matches the search */
  GtkWidget *label = gtk_label_new (_("No Matching Countries"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  return label;
}

static GtkWidget *
create_popover_content (SubprocCountryChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *keys;

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* Translators: placeholder of the search field in the country chooser */
  g_object_set (self->search_entry, "placeholder-text", _("Search countries"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  /* before the text sees the key, which would only beep at it */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "subproc-country-search-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, create_list (self), "list");
  gtk_stack_add_named (self->stack, create_empty_state (), "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  return box;
}

static void
subproc_country_chooser_dispose (GObject *object)
{
  SubprocCountryChooser *self = SUBPROC_COUNTRY_CHOOSER (object);

  if (self->button != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->button));
  self->button = NULL;
  g_clear_object (&self->model);

  G_OBJECT_CLASS (subproc_country_chooser_parent_class)->dispose (object);
}

static void
subproc_country_chooser_finalize (GObject *object)
{
  SubprocCountryChooser *self = SUBPROC_COUNTRY_CHOOSER (object);

  for (guint i = 0; i < self->n_countries; i++)
    {
      g_free (self->countries[i].folded_name);
      g_free (self->countries[i].folded_english);
      g_free (self->countries[i].folded_code);
    }
  g_clear_pointer (&self->countries, g_free);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (subproc_country_chooser_parent_class)->finalize (object);
}

static void
subproc_country_chooser_class_init (SubprocCountryChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = subproc_country_chooser_dispose;
  object_class->finalize = subproc_country_chooser_finalize;

  /**
   * SubprocCountryChooser::country-chosen:
   * @self: the chooser
   * @code: the ISO 3166-1 alpha-2 code of the country
   *
   * The user picked a country.
   */
  signals[COUNTRY_CHOSEN] =
    g_signal_new ("country-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
subproc_country_chooser_init (SubprocCountryChooser *self)
{
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->query = g_strdup ("");
  load_countries (self);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, create_popover_content (self));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  /* Translators: opens a list of countries to add one to a sub-processor */
  gtk_menu_button_set_label (self->button, _("Add Country…"));
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
}

/**
 * subproc_country_chooser_new:
 *
 * Returns: (transfer floating): an “Add Country…” button with its popover
 */
SubprocCountryChooser *
subproc_country_chooser_new (void)
{
  return g_object_new (SUBPROC_TYPE_COUNTRY_CHOOSER, NULL);
}

/**
 * subproc_country_chooser_set_excluded:
 * @self: a country chooser
 * @codes: (nullable) (array zero-terminated=1): alpha-2 codes not to offer,
 *   e.g. the countries already chosen
 */
void
subproc_country_chooser_set_excluded (SubprocCountryChooser *self,
                                      const char * const    *codes)
{
  g_return_if_fail (SUBPROC_IS_COUNTRY_CHOOSER (self));

  g_hash_table_remove_all (self->excluded);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_hash_table_add (self->excluded, g_strdup (codes[i]));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * subproc_country_chooser_get_button:
 * @self: a country chooser
 *
 * The button to hand to adw_action_row_set_activatable_widget() when the
 * chooser is a row's suffix, so that activating the row opens the list.
 *
 * Returns: (transfer none): the chooser's menu button
 */
GtkWidget *
subproc_country_chooser_get_button (SubprocCountryChooser *self)
{
  g_return_val_if_fail (SUBPROC_IS_COUNTRY_CHOOSER (self), NULL);

  return GTK_WIDGET (self->button);
}

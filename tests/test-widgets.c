/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "subproc-country.h"
#include "subproc-country-chooser.h"
#include "subproc-date-row.h"
#include "subproc-preferences.h"
#include "subproc-tag-list.h"
#include "subproc-validate.h"
#include "test-util.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* Runs the main loop until CONDITION (DATA) holds, or at most 5 s. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* The key controller NAME of WIDGET: its own, not the ones GTK adds. */
static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }

  return NULL;
}

static GtkWindow *
window_with (GtkWidget *widget)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), widget);
  gtk_window_set_child (window, group);
  gtk_window_present (window);
  return window;
}

static void
assert_items (SubprocTagList     *list,
              const char * const *expected)
{
  const char * const *items = subproc_tag_list_get_items (list);

  g_assert_nonnull (items);
  g_assert_cmpstrv (items, expected);
}

/* ------------------------------------------------------------------ tag list */

static void
test_tag_list_add_remove (void)
{
  SubprocTagList *list = g_object_ref_sink (subproc_tag_list_new ());
  guint notified = 0;

  g_signal_connect (list, "notify::items", G_CALLBACK (count_cb), &notified);
  assert_items (list, (const char *[]) { NULL });

  g_assert_true (subproc_tag_list_add (list, "SE"));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (subproc_tag_list_add (list, "SE"));
  g_assert_false (subproc_tag_list_add (list, "  "));
  g_assert_false (subproc_tag_list_add (list, ""));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (subproc_tag_list_add (list, " DK "));
  g_assert_false (subproc_tag_list_add (list, "DK"));
  g_assert_cmpuint (notified, ==, 2);
  assert_items (list, (const char *[]) { "SE", "DK", NULL });

  g_assert_false (subproc_tag_list_remove (list, "NO"));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (subproc_tag_list_remove (list, "SE"));
  g_assert_cmpuint (notified, ==, 3);
  assert_items (list, (const char *[]) { "DK", NULL });
  g_assert_true (subproc_tag_list_remove (list, "DK"));
  assert_items (list, (const char *[]) { NULL });

  g_object_unref (list);
}

static void
test_tag_list_set_items (void)
{
  SubprocTagList *list = g_object_ref_sink (subproc_tag_list_new ());
  g_auto(GStrv) from_property = NULL;
  guint notified = 0;

  g_signal_connect (list, "notify::items", G_CALLBACK (count_cb), &notified);

  subproc_tag_list_set_items (list, (const char *[]) { "Email", "Name", "Email", "", " ", NULL });
  assert_items (list, (const char *[]) { "Email", "Name", NULL });
  g_assert_cmpuint (notified, ==, 1);

  /* the same values again are no change */
  subproc_tag_list_set_items (list, (const char *[]) { "Email", "Name", NULL });
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (list, "items", (const char *[]) { "Name", "Email", NULL }, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (list, "items", &from_property, NULL);
  g_assert_cmpstrv (from_property, ((const char *[]) { "Name", "Email", NULL }));

  subproc_tag_list_set_items (list, NULL);
  g_assert_cmpuint (notified, ==, 3);
  assert_items (list, (const char *[]) { NULL });
  subproc_tag_list_set_items (list, (const char *[]) { NULL });
  g_assert_cmpuint (notified, ==, 3);

  g_object_unref (list);
}

static char *
country_label (const char *value,
               gpointer    data)
{
  g_assert_cmpstr (data, ==, "data");
  return g_strdup (subproc_country_name (value, "en"));
}

static gboolean
is_empty (gpointer list)
{
  return subproc_tag_list_get_items (list)[0] == NULL;
}

static void
test_tag_list_remove_button (void)
{
  SubprocTagList *list = subproc_tag_list_new ();
  GtkWindow *window = window_with (GTK_WIDGET (list));
  GtkEventController *keys;
  GtkWidget *button, *label;
  gboolean handled = FALSE;
  guint notified = 0;

  subproc_tag_list_set_label_func (list, country_label, (gpointer) "data", NULL);
  subproc_tag_list_set_items (list, (const char *[]) { "IE", NULL });
  g_signal_connect (list, "notify::items", G_CALLBACK (count_cb), &notified);

  label = find_descendant (GTK_WIDGET (list), GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Ireland");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));

  button = find_descendant (GTK_WIDGET (list), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove “Ireland”");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Remove “Ireland”");

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (notified, ==, 1);
  assert_items (list, (const char *[]) { NULL });

  /* Delete on a focused remove button removes too */
  subproc_tag_list_add (list, "NL");
  button = find_descendant (GTK_WIDGET (list), GTK_TYPE_BUTTON);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove “Netherlands”");
  keys = find_controller (button, "subproc-tag-remove-keys");
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_a, 0, 0, &handled);
  g_assert_false (handled);
  assert_items (list, (const char *[]) { "NL", NULL });
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Delete, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (subproc_test_wait_for (is_empty, list));

  gtk_window_destroy (window);
}

static void
test_tag_list_keyboard (void)
{
  SubprocTagList *list = subproc_tag_list_new ();
  GtkWindow *window = window_with (GTK_WIDGET (list));
  GtkWidget *first, *second;

  subproc_tag_list_set_items (list, (const char *[]) { "SE", "DK", NULL });
  first = find_descendant (GTK_WIDGET (list), GTK_TYPE_BUTTON);
  second = find_descendant (gtk_widget_get_next_sibling (gtk_widget_get_ancestor (first, GTK_TYPE_FLOW_BOX_CHILD)),
                            GTK_TYPE_BUTTON);
  g_assert_true (first != second);

  /* Tab reaches each remove button in turn */
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_window_get_focus (window) == first);
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_window_get_focus (window) == second);

  /* removing the focused tag keeps the focus in the list */
  g_signal_emit_by_name (second, "clicked");
  assert_items (list, (const char *[]) { "SE", NULL });
  g_assert_true (gtk_window_get_focus (window) == first);

  gtk_window_destroy (window);
}

static void
test_tag_list_placeholder (void)
{
  SubprocTagList *list = g_object_ref_sink (subproc_tag_list_new ());
  GtkWidget *flow_box = find_descendant (GTK_WIDGET (list), GTK_TYPE_FLOW_BOX);
  GtkWidget *placeholder = gtk_widget_get_next_sibling (flow_box);
  guint notified = 0;

  g_signal_connect (list, "notify::placeholder", G_CALLBACK (count_cb), &notified);
  subproc_tag_list_set_placeholder (list, "No countries");
  subproc_tag_list_set_placeholder (list, "No countries");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), ==, "No countries");
  g_assert_true (gtk_widget_get_visible (placeholder));
  g_assert_false (gtk_widget_get_visible (flow_box));

  subproc_tag_list_add (list, "SE");
  g_assert_false (gtk_widget_get_visible (placeholder));
  g_assert_true (gtk_widget_get_visible (flow_box));

  g_object_unref (list);
}

/* ------------------------------------------------------------------ date row */

static gboolean
popover_hidden (gpointer popover)
{
  return !gtk_widget_get_visible (popover);
}

static gboolean
popover_shown (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

static void
test_date_row_date (void)
{
  SubprocDateRow *row = g_object_ref_sink (subproc_date_row_new ());
  GtkMenuButton *button = subproc_date_row_get_button (row);
  g_autofree char *from_property = NULL;
  guint notified = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "DPA signed");
  g_signal_connect (row, "notify::date", G_CALLBACK (count_cb), &notified);
  g_assert_null (subproc_date_row_get_date (row));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Not set");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "DPA signed: Not set");

  subproc_date_row_set_date (row, "2020-08-03");
  g_assert_cmpstr (subproc_date_row_get_date (row), ==, "2020-08-03");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "3 Aug 2020");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "DPA signed: 3 Aug 2020");
  g_assert_cmpuint (notified, ==, 1);
  subproc_date_row_set_date (row, "2020-08-03");
  g_assert_cmpuint (notified, ==, 1);

  g_object_get (row, "date", &from_property, NULL);
  g_assert_cmpstr (from_property, ==, "2020-08-03");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Audit");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Audit: 3 Aug 2020");

  subproc_date_row_set_date (row, "");
  g_assert_null (subproc_date_row_get_date (row));
  g_assert_cmpuint (notified, ==, 2);

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*normalized != NULL*");
  subproc_date_row_set_date (row, "2021-02-30");
  g_test_assert_expected_messages ();
  g_assert_null (subproc_date_row_get_date (row));
  g_assert_cmpuint (notified, ==, 2);

  g_object_unref (row);
}

static void
assert_calendar (GtkWidget  *calendar,
                 const char *expected)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_autofree char *iso = g_date_time_format (shown, "%Y-%m-%d");

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_date_row_popover (void)
{
  SubprocDateRow *row = subproc_date_row_new ();
  GtkWindow *window = window_with (GTK_WIDGET (row));
  GtkPopover *popover = gtk_menu_button_get_popover (subproc_date_row_get_button (row));
  GtkWidget *calendar = find_descendant (GTK_WIDGET (popover), GTK_TYPE_CALENDAR);
  g_autoptr(GDateTime) day = g_date_time_new_local (2021, 2, 14, 12, 0, 0);
  g_autofree char *today = subproc_today_iso ();
  GtkWidget *month_arrow;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "DPA signed");
  subproc_date_row_set_date (row, "2020-08-03");

  /* activating the row opens the calendar, on the date */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (subproc_test_wait_for (popover_shown, popover));
  assert_calendar (calendar, "2020-08-03");

  /* leafing through months is not choosing */
  month_arrow = find_descendant (calendar, GTK_TYPE_BUTTON);
  g_assert_nonnull (month_arrow);
  g_signal_emit_by_name (month_arrow, "clicked");
  assert_calendar (calendar, "2020-07-03");
  g_assert_cmpstr (subproc_date_row_get_date (row), ==, "2020-08-03");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* choosing a day sets it and closes */
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpstr (subproc_date_row_get_date (row), ==, "2021-02-14");
  g_assert_true (subproc_test_wait_for (popover_hidden, popover));
  g_assert_cmpstr (gtk_menu_button_get_label (subproc_date_row_get_button (row)), ==, "14 Feb 2021");

  gtk_menu_button_popup (subproc_date_row_get_button (row));
  g_assert_true (subproc_test_wait_for (popover_shown, popover));
  g_signal_emit_by_name (find_button (GTK_WIDGET (popover), "_Clear"), "clicked");
  g_assert_null (subproc_date_row_get_date (row));
  g_assert_cmpstr (gtk_menu_button_get_label (subproc_date_row_get_button (row)), ==, "Not set");
  g_assert_true (subproc_test_wait_for (popover_hidden, popover));

  gtk_menu_button_popup (subproc_date_row_get_button (row));
  g_assert_true (subproc_test_wait_for (popover_shown, popover));
  g_signal_emit_by_name (find_button (GTK_WIDGET (popover), "_Today"), "clicked");
  g_assert_cmpstr (subproc_date_row_get_date (row), ==, today);
  g_assert_true (subproc_test_wait_for (popover_hidden, popover));

  gtk_window_destroy (window);
}

static void
test_date_row_error (void)
{
  SubprocDateRow *row = g_object_ref_sink (subproc_date_row_new ());
  GtkWidget *button = GTK_WIDGET (subproc_date_row_get_button (row));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "Both parties");
  subproc_date_row_set_error (row, "The date is in the future");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "The date is in the future");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "The date is in the future");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "The date is in the future");

  subproc_date_row_set_error (row, "Not a date");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not a date");

  subproc_date_row_set_error (row, NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Both parties");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  g_object_unref (row);
}

/* ------------------------------------------------------------- country chooser */

typedef struct
{
  GtkListView *list_view;
  const char  *code;
} FirstIs;

static const char *
first_code (GtkListView *list_view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GtkStringObject) first = g_list_model_get_item (model, 0);

  return first != NULL ? gtk_string_object_get_string (first) : NULL;
}

static gboolean
first_is (gpointer data)
{
  FirstIs *check = data;

  return g_strcmp0 (first_code (check->list_view), check->code) == 0;
}

static void
search (GtkWidget   *entry,
        GtkListView *list_view,
        const char  *text,
        const char  *first)
{
  FirstIs check = { list_view, first };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (!subproc_test_wait_for (first_is, &check))
    g_error ("“%s” found %s first, not %s", text, first_code (list_view), first);
}

static void
chosen_cb (SubprocCountryChooser *chooser,
           const char            *code,
           GPtrArray             *chosen)
{
  g_ptr_array_add (chosen, g_strdup (code));
}

static void
test_country_chooser_search (void)
{
  SubprocCountryChooser *chooser = g_object_ref_sink (subproc_country_chooser_new ());
  GtkWidget *entry = find_descendant (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
  GtkListView *list_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (entry);
  g_assert_true (GTK_IS_MENU_BUTTON (subproc_country_chooser_get_button (chooser)));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (subproc_country_chooser_get_button (chooser))),
                   ==, "Add Country…");
  g_signal_connect (chooser, "country-chosen", G_CALLBACK (chosen_cb), chosen);

  /* everything, by name */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, subproc_country_get_n_countries ());
  g_assert_cmpstr (first_code (list_view), ==, "AF");

  search (entry, list_view, "swe", "SE");
  search (entry, list_view, "  IRE", "IE");
  search (entry, list_view, "de", "DE");       /* the code first */
  search (entry, list_view, "kingdom", "GB");  /* English name, not at the start */
  search (entry, list_view, "cote", "CI");     /* without the accent */

  search (entry, list_view, "swe", "SE");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (chosen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (chosen, 0), ==, "SE");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Enter acts on the text even before the delayed search caught up */
  gtk_editable_set_text (GTK_EDITABLE (entry), "norw");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (chosen, 1), ==, "NO");

  /* activating a row chooses it */
  search (entry, list_view, "denm", "DK");
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (chosen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (chosen, 2), ==, "DK");

  /* nothing matches: Enter does nothing */
  gtk_editable_set_text (GTK_EDITABLE (entry), "xyzzy");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (chosen->len, ==, 3);

  g_object_unref (chooser);
}

static void
test_country_chooser_excluded (void)
{
  SubprocCountryChooser *chooser = g_object_ref_sink (subproc_country_chooser_new ());
  GtkWidget *entry = find_descendant (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
  GtkListView *list_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (chooser, "country-chosen", G_CALLBACK (chosen_cb), chosen);
  subproc_country_chooser_set_excluded (chooser, (const char *[]) { "SE", "AF", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, subproc_country_get_n_countries () - 2);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (gtk_string_object_get_string (item), !=, "SE");
      g_assert_cmpstr (gtk_string_object_get_string (item), !=, "AF");
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), "sweden");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (chosen->len, ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  subproc_country_chooser_set_excluded (chooser, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (first_code (list_view), ==, "SE");
  search (entry, list_view, "", "AF");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, subproc_country_get_n_countries ());

  g_object_unref (chooser);
}

static gboolean
focus_in (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_country_chooser_keyboard (void)
{
  SubprocCountryChooser *chooser = subproc_country_chooser_new ();
  GtkWindow *window = window_with (GTK_WIDGET (chooser));
  GtkMenuButton *button = GTK_MENU_BUTTON (subproc_country_chooser_get_button (chooser));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *entry = find_descendant (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list_view = find_descendant (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW);
  GtkEventController *keys = find_controller (entry, "subproc-country-search-keys");
  gboolean handled = FALSE;

  gtk_menu_button_popup (button);
  g_assert_true (subproc_test_wait_for (popover_shown, popover));
  g_assert_true (subproc_test_wait_for (focus_in, entry));

  g_assert_nonnull (keys);

  gtk_editable_set_text (GTK_EDITABLE (entry), "swe");
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (subproc_test_wait_for (focus_in, list_view));

  /* choosing closes the popover */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_true (subproc_test_wait_for (popover_hidden, popover));

  gtk_window_destroy (window);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The preferences change the settings as the user changes them: the
 * months before an entry is stale. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *preferences = subproc_preferences_new (NULL, settings);
  GtkSpinButton *months;

  gtk_window_present (GTK_WINDOW (preferences));
  subproc_test_settle ();
  months = GTK_SPIN_BUTTON (find_widget (preferences, GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (months);
  g_assert_cmpfloat (gtk_spin_button_get_value (months), ==, 12);

  gtk_spin_button_set_value (months, 18);
  g_assert_cmpuint (g_settings_get_uint (settings, "stale-months"), ==, 18);

  g_settings_reset (settings, "stale-months");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  /* the test backend: no session bus to warn about, and accessible
   * properties that gtk_test_accessible_assert_property() can read */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/widgets/tag-list/add-remove", test_tag_list_add_remove);
  g_test_add_func ("/widgets/tag-list/set-items", test_tag_list_set_items);
  g_test_add_func ("/widgets/tag-list/remove-button", test_tag_list_remove_button);
  g_test_add_func ("/widgets/tag-list/keyboard", test_tag_list_keyboard);
  g_test_add_func ("/widgets/tag-list/placeholder", test_tag_list_placeholder);
  g_test_add_func ("/widgets/date-row/date", test_date_row_date);
  g_test_add_func ("/widgets/date-row/popover", test_date_row_popover);
  g_test_add_func ("/widgets/date-row/error", test_date_row_error);
  g_test_add_func ("/widgets/country-chooser/search", test_country_chooser_search);
  g_test_add_func ("/widgets/country-chooser/excluded", test_country_chooser_excluded);
  g_test_add_func ("/widgets/preferences", test_preferences);
  g_test_add_func ("/widgets/country-chooser/keyboard", test_country_chooser_keyboard);

  return g_test_run ();
}

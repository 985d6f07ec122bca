/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-tag-list.h"

struct _SubprocTagList
{
  GtkWidget            parent_instance;

  /* child widgets */
  GtkFlowBox          *flow_box;
  GtkLabel            *placeholder;

  /* owned */
  GPtrArray           *items;         /* char *, NULL-terminated, in order */
  SubprocTagLabelFunc  label_func;
  gpointer             label_data;
  GDestroyNotify       label_destroy;
};

G_DEFINE_FINAL_TYPE (SubprocTagList, subproc_tag_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Adwaita has no pill for a removable value; scoped to our own CSS name. */
static const char tag_css[] =
  "taglist flowboxchild { padding: 0; }\n"
  "taglist .tag { border-radius: 9999px; padding-left: 10px;"
  " background-color: alpha(currentColor, 0.1); }\n"
  "taglist .tag > button { margin: 2px; min-width: 24px; min-height: 24px; padding: 0; }\n";

static void
ensure_css (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_data (provider, tag_css, -1);
      if (display != NULL)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

static gint
find_item (SubprocTagList *self,
           const char     *value)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->items, i), value) == 0)
      return (gint) i;

  return -1;
}

/* Values are stored stripped; NULL for a blank one. */
static char *
clean_value (const char *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));

  return *copy == '\0' ? NULL : g_steal_pointer (&copy);
}

static char *
dup_label (SubprocTagList *self,
           const char     *value)
{
  char *label = NULL;

  if (self->label_func != NULL)
    label = self->label_func (value, self->label_data);

  return label != NULL ? label : g_strdup (value);
}

static gboolean
remove_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       gpointer               user_data)
{
  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete && keyval != GDK_KEY_BackSpace)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  return GDK_EVENT_STOP;
}

static GtkWidget *
create_tag (SubprocTagList *self,
            const char     *value)
{
  g_autofree char *label = dup_label (self, value);
  g_autofree char *remove_text = NULL;
  GtkEventController *keys;
  GtkWidget *box, *text, *button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (box, "tag");

  text = gtk_label_new (label);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 32);
  gtk_widget_set_tooltip_text (text, label);
  gtk_box_append (GTK_BOX (box), text);

  /* Translators: tooltip and accessible name of the button that removes
   * one value (a country, a data category…) from a list; %s is the value */
  remove_text = g_strdup_printf (_("Remove “%s”"), label);
  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_text,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tags.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", value);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "subproc-tag-remove-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (remove_key_pressed_cb), NULL);
  gtk_widget_add_controller (button, keys);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
append_tag (SubprocTagList *self,
            const char     *value)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  /* Tab goes straight to the remove buttons, not to a child that does nothing */
  gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_halign (child, GTK_ALIGN_START);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), create_tag (self, value));
  gtk_flow_box_append (self->flow_box, child);
}

static void
update_placeholder (SubprocTagList *self)
{
  gboolean empty = self->items->len == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->flow_box), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder), empty);
}

static void
rebuild (SubprocTagList *self)
{
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->flow_box, 0)) != NULL)
    gtk_flow_box_remove (self->flow_box, GTK_WIDGET (child));

  for (guint i = 0; i < self->items->len; i++)
    append_tag (self, g_ptr_array_index (self->items, i));

  update_placeholder (self);
}

/* After a tag went away under the keyboard, keep the focus in the list. */
static void
focus_tag (SubprocTagList *self,
           guint           index)
{
  GtkFlowBoxChild *child;
  GtkWidget *box;

  if (self->items->len == 0)
    return;

  child = gtk_flow_box_get_child_at_index (self->flow_box, (int) MIN (index, self->items->len - 1));
  box = gtk_flow_box_child_get_child (child);
  gtk_widget_grab_focus (gtk_widget_get_last_child (box));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  subproc_tag_list_remove (SUBPROC_TAG_LIST (widget), g_variant_get_string (parameter, NULL));
}

static void
subproc_tag_list_dispose (GObject *object)
{
  SubprocTagList *self = SUBPROC_TAG_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->flow_box = NULL;
  self->placeholder = NULL;

  if (self->label_destroy != NULL)
    self->label_destroy (self->label_data);
  self->label_func = NULL;
  self->label_data = NULL;
  self->label_destroy = NULL;

  G_OBJECT_CLASS (subproc_tag_list_parent_class)->dispose (object);
}

static void
subproc_tag_list_finalize (GObject *object)
{
  SubprocTagList *self = SUBPROC_TAG_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (subproc_tag_list_parent_class)->finalize (object);
}

static void
subproc_tag_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SubprocTagList *self = SUBPROC_TAG_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      g_value_set_boxed (value, subproc_tag_list_get_items (self));
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, subproc_tag_list_get_placeholder (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_tag_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SubprocTagList *self = SUBPROC_TAG_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      subproc_tag_list_set_items (self, g_value_get_boxed (value));
      break;
    case PROP_PLACEHOLDER:
      subproc_tag_list_set_placeholder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_tag_list_class_init (SubprocTagListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = subproc_tag_list_dispose;
  object_class->finalize = subproc_tag_list_finalize;
  object_class->get_property = subproc_tag_list_get_property;
  object_class->set_property = subproc_tag_list_set_property;

  /**
   * SubprocTagList:items:
   *
   * The values, in order, without duplicates or blanks.
   */
  properties[PROP_ITEMS] =
    g_param_spec_boxed ("items", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SubprocTagList:placeholder:
   *
   * The text shown, dimmed, while there are no items.
   */
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "tags.remove", "s", remove_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "taglist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
subproc_tag_list_init (SubprocTagList *self)
{
  ensure_css ();

  self->items = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->flow_box, 64);
  gtk_flow_box_set_row_spacing (self->flow_box, 6);
  gtk_flow_box_set_column_spacing (self->flow_box, 6);
  gtk_widget_set_parent (GTK_WIDGET (self->flow_box), GTK_WIDGET (self));

  /* Translators: shown in an empty list of values, e.g. of countries */
  self->placeholder = GTK_LABEL (gtk_label_new (_("None")));
  gtk_label_set_xalign (self->placeholder, 0.0f);
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->placeholder), GTK_WIDGET (self));

  update_placeholder (self);
}

/**
 * subproc_tag_list_new:
 *
 * Returns: (transfer floating): an empty tag list
 */
SubprocTagList *
subproc_tag_list_new (void)
{
  return g_object_new (SUBPROC_TYPE_TAG_LIST, NULL);
}

/**
 * subproc_tag_list_get_items:
 * @self: a tag list
 *
 * Returns: (transfer none): the values in order; empty, never %NULL
 */
const char * const *
subproc_tag_list_get_items (SubprocTagList *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (SUBPROC_IS_TAG_LIST (self), empty);

  /* a null-terminated GPtrArray may have no storage at all while empty */
  if (self->items->pdata == NULL)
    return empty;

  return (const char * const *) self->items->pdata;
}

/**
 * subproc_tag_list_set_items:
 * @self: a tag list
 * @items: (nullable) (array zero-terminated=1): the new values
 *
 * Replaces the values. Surrounding whitespace is stripped; blanks and
 * repeated values are dropped.
 */
void
subproc_tag_list_set_items (SubprocTagList     *self,
                            const char * const *items)
{
  g_autoptr(GPtrArray) cleaned = NULL;

  g_return_if_fail (SUBPROC_IS_TAG_LIST (self));

  cleaned = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *value = clean_value (items[i]);

      if (value != NULL && !g_ptr_array_find_with_equal_func (cleaned, value, g_str_equal, NULL))
        g_ptr_array_add (cleaned, g_steal_pointer (&value));
    }

  if (cleaned->len == self->items->len
      && (cleaned->len == 0
          || g_strv_equal ((const char * const *) cleaned->pdata,
                           (const char * const *) self->items->pdata)))
    return;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&cleaned);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
}

/**
 * subproc_tag_list_add:
 * @self: a tag list
 * @value: the value to append
 *
 * Returns: %TRUE if @value was added; %FALSE if it is blank or already there
 */
gboolean
subproc_tag_list_add (SubprocTagList *self,
                      const char     *value)
{
  g_autofree char *cleaned = NULL;

  g_return_val_if_fail (SUBPROC_IS_TAG_LIST (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  cleaned = clean_value (value);
  if (cleaned == NULL || find_item (self, cleaned) >= 0)
    return FALSE;

  append_tag (self, cleaned);
  g_ptr_array_add (self->items, g_steal_pointer (&cleaned));
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
  return TRUE;
}

/**
 * subproc_tag_list_remove:
 * @self: a tag list
 * @value: the value to remove
 *
 * Returns: %TRUE if @value was there and is now removed
 */
gboolean
subproc_tag_list_remove (SubprocTagList *self,
                         const char     *value)
{
  GtkFlowBoxChild *child;
  gboolean had_focus;
  gint index;

  g_return_val_if_fail (SUBPROC_IS_TAG_LIST (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  index = find_item (self, value);
  if (index < 0)
    return FALSE;

  child = gtk_flow_box_get_child_at_index (self->flow_box, index);
  had_focus = gtk_widget_has_focus (gtk_widget_get_last_child (gtk_flow_box_child_get_child (child)));
  gtk_flow_box_remove (self->flow_box, GTK_WIDGET (child));
  g_ptr_array_remove_index (self->items, (guint) index);
  update_placeholder (self);

  if (had_focus)
    focus_tag (self, (guint) index);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
  return TRUE;
}

/**
 * subproc_tag_list_set_label_func:
 * @self: a tag list
 * @func: (nullable): gives the text shown for a value, or %NULL to show values as they are
 * @data: (closure func): data for @func
 * @destroy: (nullable): frees @data when the function is replaced or the list goes away
 *
 * Sets how values are shown, e.g. a country code as the country's name.
 * The text is shown as is, never as markup.
 */
void
subproc_tag_list_set_label_func (SubprocTagList      *self,
                                 SubprocTagLabelFunc  func,
                                 gpointer             data,
                                 GDestroyNotify       destroy)
{
  g_return_if_fail (SUBPROC_IS_TAG_LIST (self));

  if (self->label_destroy != NULL)
    self->label_destroy (self->label_data);

  self->label_func = func;
  self->label_data = data;
  self->label_destroy = destroy;
  rebuild (self);
}

/**
 * subproc_tag_list_get_placeholder:
 * @self: a tag list
 *
 * Returns: (transfer none): the text shown while the list is empty
 */
const char *
subproc_tag_list_get_placeholder (SubprocTagList *self)
{
  g_return_val_if_fail (SUBPROC_IS_TAG_LIST (self), NULL);

  return gtk_label_get_text (self->placeholder);
}

/**
 * subproc_tag_list_set_placeholder:
 * @self: a tag list
 * @text: (nullable): the text shown, dimmed, while the list is empty
 */
void
subproc_tag_list_set_placeholder (SubprocTagList *self,
                                  const char     *text)
{
  g_return_if_fail (SUBPROC_IS_TAG_LIST (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, gtk_label_get_text (self->placeholder)) == 0)
    return;

  gtk_label_set_text (self->placeholder, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-columns.h"
#include "subproc-country-chooser.h"
#include "subproc-country.h"
#include "subproc-date-row.h"
#include "subproc-editor-private.h"
#include "subproc-field-row.h"
#include "subproc-findings-group.h"
#include "subproc-log.h"
#include "subproc-tag-list.h"
#include "subproc-validate.h"

G_DEFINE_FINAL_TYPE (SubprocEditor, subproc_editor, ADW_TYPE_WINDOW)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_REGISTER,
  PROP_PROCESSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A fix that is done, not a field to go to: the DPF certification was
 * checked today. */
#define VERIFY_DPF_TODAY "verify-dpf-today"

/* Where a finding's button takes the user: the field that fixes it. */
static const SubprocFindingFix finding_fixes[] = {
  { "no-basis", N_("Choose a _Mechanism"), "mechanism_row" },
  { "struck-down", N_("Choose a _Mechanism"), "mechanism_row" },
  { "no-adequacy", N_("Choose a _Mechanism"), "mechanism_row" },
  { "dpf-outside-us", N_("Choose a _Mechanism"), "mechanism_row" },
  { "adequacy-scope", N_("Choose a _Mechanism"), "mechanism_row" },
  { "mechanism-not-needed", N_("Choose a _Mechanism"), "mechanism_row" },
  { "struck-down-listed", N_("Choose a _Mechanism"), "mechanism_row" },
  { "dpf-unverified", N_("Mark as _Verified Today"), VERIFY_DPF_TODAY },
  { "scc-no-module", N_("Choose the _Module"), "scc_module_row" },
  { "no-countries", N_("Add _Countries"), "countries_row" },
  { "no-dpa", N_("Enter the _Date"), "dpa_signed_row" },
  { "review-overdue", N_("Set the _Review"), "review_row" },
  { "stale", N_("_Update"), "updated_row" },
};

static char *
country_label (const char *code,
               gpointer    data)
{
  const char *name = subproc_country_name (code, NULL);

  return g_strdup (name != NULL ? name : code);
}

static void
fix_cb (SubprocEditor *self,
        const char    *target)
{
  GtkWidget *field;

  if (g_str_equal (target, VERIFY_DPF_TODAY))
    {
      subproc_date_row_set_date (self->dpf_verified_row, self->today);
      gtk_widget_grab_focus (GTK_WIDGET (self->dpf_verified_row));
      return;
    }

  field = subproc_editor_get_field_widget (self, target);
  g_assert (field != NULL);
  if (ADW_IS_EXPANDER_ROW (field))
    {
      /* the choices, open, with the first ticked one (or the first) focused */
      GtkWidget *focus = GTK_WIDGET (self->mechanism_checks[SUBPROC_TRANSFER_UNSPECIFIED + 1]);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (field), TRUE);
      for (guint m = SUBPROC_TRANSFER_OTHER; m > SUBPROC_TRANSFER_UNSPECIFIED; m--)
        if (gtk_check_button_get_active (self->mechanism_checks[m]))
          focus = GTK_WIDGET (self->mechanism_checks[m]);
      gtk_widget_grab_focus (focus);
      return;
    }
  gtk_widget_grab_focus (field);
}

static void
field_changed_cb (SubprocEditor *self)
{
  _subproc_editor_update_mechanisms (self);
  _subproc_editor_validate (self);
}

static void
countries_changed_cb (SubprocEditor *self)
{
  subproc_country_chooser_set_excluded (self->country_chooser,
                                        subproc_tag_list_get_items (self->countries_tags));
  _subproc_editor_validate (self);
}

static void
country_chosen_cb (SubprocEditor *self,
                   const char    *code)
{
  subproc_tag_list_add (self->countries_tags, code);
}

static void
add_item_cb (SubprocEditor *self,
             AdwEntryRow   *entry)
{
  SubprocTagList *tags = entry == self->category_entry ? self->categories_tags : self->subjects_tags;
  g_autofree char *item = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*item != '\0')
    subproc_tag_list_add (tags, item);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Functions already in the register that start with or contain what is typed. */
/* Adds the register's functions that match FOLDED to the suggestions:
 * those that start with it on the first pass, those that contain it on
 * the second. */
static guint
suggest_functions (SubprocEditor *self,
                   const char    *folded,
                   gboolean       prefix,
                   GHashTable    *seen,
                   guint          n_shown)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->reg)) && n_shown < 8; i++)
    {
      const char *function = subproc_processor_get_text (subproc_register_get_processor (self->reg, i),
                                                         SUBPROC_FIELD_FUNCTION);
      g_autofree char *candidate = function != NULL ? g_utf8_casefold (function, -1) : NULL;
      GtkWidget *label;

      if (candidate == NULL || g_str_equal (candidate, folded) ||
          (prefix ? !g_str_has_prefix (candidate, folded) : strstr (candidate, folded) == NULL) ||
          !g_hash_table_add (seen, g_strdup (candidate)))
        continue;

      label = gtk_label_new (function);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->function_list, label);
      n_shown++;
    }
  return n_shown;
}

/* Functions already in the register that start with or contain what is typed. */
static void
update_function_suggestions (SubprocEditor *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->function_row));
  g_autofree char *folded = g_utf8_casefold (typed, -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;
  guint n_shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->function_list))) != NULL)
    gtk_list_box_remove (self->function_list, child);

  if (*folded != '\0')
    {
      n_shown = suggest_functions (self, folded, TRUE, seen, 0);
      n_shown = suggest_functions (self, folded, FALSE, seen, n_shown);
    }

  /* only while the user types there, not when the field is filled in */
  if (n_shown > 0 && gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->function_row)))))
    gtk_popover_popup (self->function_popover);
  else
    gtk_popover_popdown (self->function_popover);
}

static void
function_changed_cb (SubprocEditor *self)
{
  update_function_suggestions (self);
  _subproc_editor_validate (self);
}

static void
function_chosen_cb (SubprocEditor *self,
                    GtkListBoxRow *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  gtk_editable_set_text (GTK_EDITABLE (self->function_row), gtk_label_get_text (GTK_LABEL (label)));
  gtk_editable_set_position (GTK_EDITABLE (self->function_row), -1);
  gtk_popover_popdown (self->function_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->function_row));
}

/* Down moves from the function field into its suggestions; Escape closes them. */
static gboolean
function_key_cb (SubprocEditor         *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->function_popover)))
    return FALSE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->function_list, 0);

      if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape)
    {
      gtk_popover_popdown (self->function_popover);
      return TRUE;
    }
  return FALSE;
}

static void
do_save (SubprocEditor *self)
{
  g_autoptr(SubprocProcessor) values = NULL;
  /* closing destroys the editor: keep it alive until this returns */
  g_autoptr(SubprocEditor) hold = g_object_ref (self);

  if (!subproc_editor_can_save (self))
    return;

  /* a data category typed but not yet added is added, not lost */
  add_item_cb (self, self->category_entry);
  add_item_cb (self, self->subject_entry);

  values = subproc_editor_get_values (self);
  if (self->processor == NULL)
    {
      if (subproc_processor_get_text (values, SUBPROC_FIELD_ADDED) == NULL)
        subproc_processor_set_text (values, SUBPROC_FIELD_ADDED, self->today);
      if (subproc_processor_get_text (values, SUBPROC_FIELD_UPDATED) == NULL)
        subproc_processor_set_text (values, SUBPROC_FIELD_UPDATED, self->today);
    }
  else
    subproc_processor_touch (values, self->original, self->today);

  g_signal_emit (self, signals[SAVE], 0, values);
  self->confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  do_save (SUBPROC_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SubprocEditor *self = SUBPROC_EDITOR (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->function_popover)))
    {
      gtk_popover_popdown (self->function_popover);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
finish_idle_cb (gpointer user_data)
{
  SubprocEditor *self = user_data;

  if (self->confirmed)
    gtk_window_close (GTK_WINDOW (self));
  else
    do_save (self);
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (SubprocEditor *self,
                     const char    *response)
{
  if (!g_str_equal (response, "discard") && !g_str_equal (response, "save"))
    return;

  /* the dialog is transient for the editor: close the editor only once
   * the dialog is gone */
  self->confirmed = g_str_equal (response, "discard");
  g_idle_add_full (G_PRIORITY_DEFAULT, finish_idle_cb, g_object_ref (self), g_object_unref);
}

/* Closing with typed changes asks first: nothing the user typed is lost
 * without saying so. */
static gboolean
subproc_editor_close_request (GtkWindow *window)
{
  SubprocEditor *self = SUBPROC_EDITOR (window);
  GtkWidget *dialog;

  if (self->confirmed || !subproc_editor_is_changed (self))
    return GTK_WINDOW_CLASS (subproc_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The changes you made to this processor are lost if you close it without saving."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  if (subproc_editor_can_save (self))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
popup_cb (GtkWidget *row,
          GVariant  *args,
          gpointer   button)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  return TRUE;
}

/* Enter or Space on a focused row opens its chooser, as a click does; the
 * window's default (Save) must not take the key first. */
static void
popup_on_enter (GtkWidget     *row,
                GtkMenuButton *button)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter|space"),
                                                          gtk_callback_action_new (popup_cb, button, NULL)));
  gtk_widget_add_controller (row, shortcuts);
}

static void
fill_parents (SubprocEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *own_id = self->processor != NULL ? subproc_processor_get_id (self->processor) : NULL;
  const char *parent = subproc_processor_get_text (self->original, SUBPROC_FIELD_PARENT);
  gboolean found = FALSE;

  self->parent_ids = g_ptr_array_new_with_free_func (g_free);
  /* Translators: no processor above this one: it is a processor, not a sub-processor */
  gtk_string_list_append (names, C_("parent processor", "None"));
  g_ptr_array_add (self->parent_ids, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->reg)); i++)
    {
      SubprocProcessor *other = subproc_register_get_processor (self->reg, i);

      if (g_strcmp0 (subproc_processor_get_id (other), own_id) == 0)
        continue;
      gtk_string_list_append (names, subproc_processor_get_name (other));
      g_ptr_array_add (self->parent_ids, g_strdup (subproc_processor_get_id (other)));
      found |= g_strcmp0 (subproc_processor_get_id (other), parent) == 0;
    }

  /* a parent no longer in the register is kept, not quietly dropped */
  if (parent != NULL && !found)
    {
      /* Translators: the parent processor of this one is not in the register any more */
      gtk_string_list_append (names, C_("parent processor", "A processor not in the register"));
      g_ptr_array_add (self->parent_ids, g_strdup (parent));
    }
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));
}

/* The processor's changes in the log, newest first; the History window
 * (Ctrl+H) has them all. */
#define HISTORY_ROWS 12

static void
fill_history (SubprocEditor *self)
{
  SubprocLog *log = subproc_register_get_log (self->reg);
  const char *id;
  guint shown = 0, more = 0;

  if (self->processor == NULL)
    return;
  id = subproc_processor_get_id (self->processor);
  for (guint i = subproc_log_get_n_changes (log); i > 0; i--)
    {
      SubprocChange *change = subproc_log_get_change (log, i - 1);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      const char *author, *reason;
      GtkWidget *row;

      if (g_strcmp0 (subproc_change_get_processor_id (change), id) != 0)
        continue;
      if (shown == HISTORY_ROWS)
        {
          more++;
          continue;
        }

      if (subproc_change_get_kind (change) == SUBPROC_CHANGE_EDIT)
        {
          g_autofree char *old_text = subproc_change_value_to_text (change, subproc_change_get_old (change));
          g_autofree char *new_text = subproc_change_value_to_text (change, subproc_change_get_new (change));
          SubprocField field;

          subproc_field_from_key (subproc_change_get_field (change), &field);
          /* Translators: a change in the editor's history: the field, its value before and after */
          title = g_strdup_printf (_("%1$s: %2$s → %3$s"), subproc_columns_field_name (field), old_text, new_text);
        }
      else
        title = subproc_change_describe (change);
      local = g_date_time_to_local (subproc_change_get_time (change));
      when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      author = subproc_change_get_author (change);
      reason = subproc_change_get_reason (change);
      subtitle = g_strjoin (" · ", when, author != NULL ? author : "", reason != NULL ? reason : NULL, NULL);

      row = adw_action_row_new ();
      /* the register's text, never markup */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (self->history_group, row);
      shown++;
    }
  if (more > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u earlier change: see History (Ctrl+H)",
                                                          "%u earlier changes: see History (Ctrl+H)", more), more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->history_group, row);
    }
  adw_preferences_group_set_description (self->history_group, shown > 0 ? _("Newest first") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), shown > 0);
}

static void
subproc_editor_constructed (GObject *object)
{
  SubprocEditor *self = SUBPROC_EDITOR (object);
  SubprocProcessor *processor = self->processor;

  G_OBJECT_CLASS (subproc_editor_parent_class)->constructed (object);

  /* an editor edits a processor of one register, or adds one to it */
  g_assert (SUBPROC_IS_REGISTER (self->reg));
  self->original = processor != NULL ? subproc_processor_copy (processor) : subproc_processor_new (NULL);
  subproc_findings_group_set_fixes (self->findings_group, finding_fixes, G_N_ELEMENTS (finding_fixes));
  fill_parents (self);

  _subproc_editor_fill_fields (self, self->original);

  gtk_window_set_title (GTK_WINDOW (self), processor != NULL ? _("Edit Processor") : _("New Processor"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  if (processor != NULL)
    adw_window_title_set_subtitle (self->window_title, subproc_processor_get_name (processor));

  adw_action_row_set_activatable_widget (self->countries_row,
                                         subproc_country_chooser_get_button (self->country_chooser));
  popup_on_enter (GTK_WIDGET (self->countries_row),
                  GTK_MENU_BUTTON (subproc_country_chooser_get_button (self->country_chooser)));
  popup_on_enter (GTK_WIDGET (self->dpa_signed_row), subproc_date_row_get_button (self->dpa_signed_row));
  popup_on_enter (GTK_WIDGET (self->dpf_verified_row), subproc_date_row_get_button (self->dpf_verified_row));
  popup_on_enter (GTK_WIDGET (self->added_row), subproc_date_row_get_button (self->added_row));
  popup_on_enter (GTK_WIDGET (self->updated_row), subproc_date_row_get_button (self->updated_row));
  popup_on_enter (GTK_WIDGET (self->review_row), subproc_date_row_get_button (self->review_row));
  _subproc_editor_update_mechanisms (self);
  _subproc_editor_validate (self);
  fill_history (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
subproc_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SubprocEditor *self = SUBPROC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;
    case PROP_PROCESSOR:
      g_value_set_object (value, self->processor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SubprocEditor *self = SUBPROC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      self->reg = g_value_dup_object (value);
      break;
    case PROP_PROCESSOR:
      self->processor = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_editor_dispose (GObject *object)
{
  SubprocEditor *self = (SubprocEditor *)object;

  if (self->function_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->function_popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), SUBPROC_TYPE_EDITOR);
  g_clear_object (&self->reg);
  g_clear_object (&self->processor);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (subproc_editor_parent_class)->dispose (object);
}

static void
subproc_editor_finalize (GObject *object)
{
  SubprocEditor *self = (SubprocEditor *)object;

  g_clear_pointer (&self->parent_ids, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (subproc_editor_parent_class)->finalize (object);
}

static void
subproc_editor_class_init (SubprocEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = subproc_editor_constructed;
  object_class->dispose = subproc_editor_dispose;
  object_class->finalize = subproc_editor_finalize;
  object_class->get_property = subproc_editor_get_property;
  object_class->set_property = subproc_editor_set_property;
  window_class->close_request = subproc_editor_close_request;

  /**
   * SubprocEditor:register:
   *
   * The register the processor is in, or is added to.
   */
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, SUBPROC_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocEditor:processor:
   *
   * The processor edited; %NULL for a new one.
   */
  properties[PROP_PROCESSOR] =
    g_param_spec_object ("processor", NULL, NULL, SUBPROC_TYPE_PROCESSOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SubprocEditor::save:
   * @values: a processor, in no register, with the values to keep
   *
   * Emitted when the user saves; the editor then closes.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, SUBPROC_TYPE_PROCESSOR);

  g_type_ensure (SUBPROC_TYPE_FIELD_ROW);
  g_type_ensure (SUBPROC_TYPE_FINDINGS_GROUP);
  g_type_ensure (SUBPROC_TYPE_TAG_LIST);
  g_type_ensure (SUBPROC_TYPE_DATE_ROW);
  g_type_ensure (SUBPROC_TYPE_COUNTRY_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/subproc-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, legal_entity_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, identity_message);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, function_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, category_entry);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, categories_tags);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, subjects_tags);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, countries_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, country_chooser);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, countries_tags);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, mechanism_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, scc_module_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, tia_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, dpf_verified_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, basis_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, safeguards_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, dpa_signed_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, dpa_reference_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, security_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, added_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, updated_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, function_popover);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, function_list);
  /* for tests, which look up the headings of the text fields */
  gtk_widget_class_bind_template_child_full (widget_class, "description_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "notes_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fix_cb);
  gtk_widget_class_bind_template_child (widget_class, SubprocEditor, findings_group);
  gtk_widget_class_bind_template_callback (widget_class, countries_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, function_chosen_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static GtkStringList *
enum_labels (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, enum_type == SUBPROC_TYPE_STATUS
                                      ? subproc_status_to_label (klass->values[i].value)
                                      : subproc_scc_module_to_label (klass->values[i].value));
  return labels;
}

static void
subproc_editor_init (SubprocEditor *self)
{
  g_autoptr(GtkStringList) statuses = enum_labels (SUBPROC_TYPE_STATUS);
  g_autoptr(GtkStringList) modules = enum_labels (SUBPROC_TYPE_SCC_MODULE);
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = subproc_today_iso ();
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->scc_module_row, G_LIST_MODEL (modules));
  /* a processor may rely on several mechanisms: one row to tick for each */
  for (guint m = SUBPROC_TRANSFER_UNSPECIFIED + 1; m < G_N_ELEMENTS (self->mechanism_checks); m++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subproc_transfer_mechanism_to_label (m));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->mechanism_row, row);
      self->mechanism_checks[m] = GTK_CHECK_BUTTON (check);
    }
  subproc_tag_list_set_label_func (self->countries_tags, country_label, NULL, NULL);
  subproc_tag_list_set_placeholder (self->countries_tags, _("No countries yet"));
  subproc_tag_list_set_placeholder (self->categories_tags, _("No data categories yet"));
  subproc_tag_list_set_placeholder (self->subjects_tags, _("No categories of data subjects yet"));

  gtk_widget_set_parent (GTK_WIDGET (self->function_popover), GTK_WIDGET (self->function_row));
  g_signal_connect_object (self->function_row, "changed", G_CALLBACK (function_changed_cb),
                           self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (function_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->function_row), keys);
}

/**
 * subproc_editor_new:
 * @reg: the register, for suggestions and the choice of a parent
 * @processor: (nullable): the processor to edit; %NULL for a new one
 *
 * Returns: (transfer full): a modal editor, not yet shown.
 */
SubprocEditor *
subproc_editor_new (GtkWindow        *parent,
                    SubprocRegister  *reg,
                    SubprocProcessor *processor)
{
  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (processor == NULL || SUBPROC_IS_PROCESSOR (processor), NULL);

  return g_object_new (SUBPROC_TYPE_EDITOR,
                       "transient-for", parent,
                       "register", reg,
                       "processor", processor,
                       NULL);
}

/**
 * subproc_editor_get_processor:
 *
 * Returns: (transfer none) (nullable): the processor being edited; %NULL
 *   for a new one.
 */
SubprocProcessor *
subproc_editor_get_processor (SubprocEditor *self)
{
  g_return_val_if_fail (SUBPROC_IS_EDITOR (self), NULL);

  return self->processor;
}

GtkWidget *
subproc_editor_get_field_widget (SubprocEditor *self,
                                 const char    *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SUBPROC_TYPE_EDITOR, name));
}

GtkCheckButton *
subproc_editor_get_mechanism_check (SubprocEditor            *self,
                                    SubprocTransferMechanism  mechanism)
{
  g_return_val_if_fail (SUBPROC_IS_EDITOR (self), NULL);
  g_return_val_if_fail (mechanism > SUBPROC_TRANSFER_UNSPECIFIED && mechanism <= SUBPROC_TRANSFER_OTHER, NULL);

  return self->mechanism_checks[mechanism];
}

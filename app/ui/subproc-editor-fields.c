/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-check.h"
#include "subproc-columns.h"
#include "subproc-date.h"
#include "subproc-editor-private.h"
#include "subproc-validate.h"

/* The editor's fields: the table of which widget edits which field,
 * filling the widgets from a processor and reading them back, and checking
 * them as they are typed (the name, the website, the date signed, the
 * transfer mechanisms and the transfer findings). */

/* Where each field is edited: one table for filling the widgets and
 * reading them back. */
static const struct
{
  SubprocField field;
  gsize        offset;
} field_widgets[] = {
  { SUBPROC_FIELD_NAME, G_STRUCT_OFFSET (SubprocEditor, name_row) },
  { SUBPROC_FIELD_LEGAL_ENTITY, G_STRUCT_OFFSET (SubprocEditor, legal_entity_row) },
  { SUBPROC_FIELD_WEBSITE, G_STRUCT_OFFSET (SubprocEditor, website_row) },
  { SUBPROC_FIELD_CONTACT, G_STRUCT_OFFSET (SubprocEditor, contact_row) },
  { SUBPROC_FIELD_PARENT, G_STRUCT_OFFSET (SubprocEditor, parent_row) },
  { SUBPROC_FIELD_FUNCTION, G_STRUCT_OFFSET (SubprocEditor, function_row) },
  { SUBPROC_FIELD_DESCRIPTION, G_STRUCT_OFFSET (SubprocEditor, description_view) },
  { SUBPROC_FIELD_DATA_CATEGORIES, G_STRUCT_OFFSET (SubprocEditor, categories_tags) },
  { SUBPROC_FIELD_DATA_SUBJECTS, G_STRUCT_OFFSET (SubprocEditor, subjects_tags) },
  { SUBPROC_FIELD_STATUS, G_STRUCT_OFFSET (SubprocEditor, status_row) },
  { SUBPROC_FIELD_COUNTRIES, G_STRUCT_OFFSET (SubprocEditor, countries_tags) },
  { SUBPROC_FIELD_LOCATION, G_STRUCT_OFFSET (SubprocEditor, location_row) },
  { SUBPROC_FIELD_TRANSFER_MECHANISM, G_STRUCT_OFFSET (SubprocEditor, mechanism_row) },
  { SUBPROC_FIELD_TRANSFER_BASIS, G_STRUCT_OFFSET (SubprocEditor, basis_row) },
  { SUBPROC_FIELD_SCC_MODULE, G_STRUCT_OFFSET (SubprocEditor, scc_module_row) },
  { SUBPROC_FIELD_TIA, G_STRUCT_OFFSET (SubprocEditor, tia_row) },
  { SUBPROC_FIELD_DPF_VERIFIED, G_STRUCT_OFFSET (SubprocEditor, dpf_verified_row) },
  { SUBPROC_FIELD_SAFEGUARDS, G_STRUCT_OFFSET (SubprocEditor, safeguards_row) },
  { SUBPROC_FIELD_DPA_SIGNED, G_STRUCT_OFFSET (SubprocEditor, dpa_signed_row) },
  { SUBPROC_FIELD_DPA_REFERENCE, G_STRUCT_OFFSET (SubprocEditor, dpa_reference_row) },
  { SUBPROC_FIELD_SECURITY_MEASURES, G_STRUCT_OFFSET (SubprocEditor, security_row) },
  { SUBPROC_FIELD_NOTES, G_STRUCT_OFFSET (SubprocEditor, notes_view) },
  { SUBPROC_FIELD_ADDED, G_STRUCT_OFFSET (SubprocEditor, added_row) },
  { SUBPROC_FIELD_UPDATED, G_STRUCT_OFFSET (SubprocEditor, updated_row) },
  { SUBPROC_FIELD_REVIEW_DUE, G_STRUCT_OFFSET (SubprocEditor, review_row) },
};

#define FIELD_WIDGET(self, i) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), field_widgets[i].offset))

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static int
enum_from_combo (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected;
}

/* Fills the widget of field I from the processor. */
static void
fill_field (SubprocEditor    *self,
            guint             i,
            SubprocProcessor *processor)
{
  GtkWidget *widget = FIELD_WIDGET (self, i);
  SubprocField field = field_widgets[i].field;
  const char *text;

  if (field == SUBPROC_FIELD_PARENT)
    {
      text = subproc_processor_get_text (processor, field);
      for (guint p = 1; p < self->parent_ids->len; p++)
        if (g_strcmp0 (g_ptr_array_index (self->parent_ids, p), text) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (widget), p);
      return;
    }

  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
      text = subproc_processor_get_text (processor, field);
      if (GTK_IS_TEXT_VIEW (widget))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
      break;
    case SUBPROC_FIELD_KIND_DATE:
      subproc_date_row_set_date (SUBPROC_DATE_ROW (widget), subproc_processor_get_text (processor, field));
      break;
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
      subproc_tag_list_set_items (SUBPROC_TAG_LIST (widget), subproc_processor_get_list (processor, field));
      break;
    case SUBPROC_FIELD_KIND_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), subproc_processor_get_enum (processor, field));
      break;
    case SUBPROC_FIELD_KIND_MECHANISMS:
      for (guint m = SUBPROC_TRANSFER_UNSPECIFIED + 1; m < G_N_ELEMENTS (self->mechanism_checks); m++)
        gtk_check_button_set_active (self->mechanism_checks[m], subproc_processor_has_mechanism (processor, m));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The mechanisms ticked, in the order the processor had them, then the
 * newly ticked in the list's order: the order a list gave is kept. */
static char **
mechanisms_from_checks (SubprocEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *before = self->original != NULL
                               ? subproc_processor_get_list (self->original, SUBPROC_FIELD_TRANSFER_MECHANISM)
                               : NULL;

  for (guint i = 0; before != NULL && before[i] != NULL; i++)
    {
      int m;

      if (subproc_enum_from_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, before[i], &m) &&
          gtk_check_button_get_active (self->mechanism_checks[m]))
        g_strv_builder_add (builder, before[i]);
    }
  for (guint m = SUBPROC_TRANSFER_UNSPECIFIED + 1; m < G_N_ELEMENTS (self->mechanism_checks); m++)
    {
      const char *nick = subproc_enum_to_nick (SUBPROC_TYPE_TRANSFER_MECHANISM, m);

      if (gtk_check_button_get_active (self->mechanism_checks[m]) &&
          (before == NULL || !g_strv_contains (before, nick)))
        g_strv_builder_add (builder, nick);
    }
  return g_strv_builder_end (builder);
}

/* Reads the widget of field I into the processor. */
static void
read_field (SubprocEditor    *self,
            guint             i,
            SubprocProcessor *values)
{
  GtkWidget *widget = FIELD_WIDGET (self, i);
  SubprocField field = field_widgets[i].field;
  g_autofree char *text = NULL;

  if (field == SUBPROC_FIELD_PARENT)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

      subproc_processor_set_text (values, field,
                                  selected < self->parent_ids->len ? g_ptr_array_index (self->parent_ids, selected) : NULL);
      return;
    }

  switch (subproc_field_get_kind (field))
    {
    case SUBPROC_FIELD_KIND_TEXT:
      if (GTK_IS_TEXT_VIEW (widget))
        text = text_view_get_text (GTK_TEXT_VIEW (widget));
      else
        text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
      /* single-line fields lose stray blanks; a description keeps its paragraphs */
      subproc_processor_set_text (values, field, g_strstrip (text));
      break;
    case SUBPROC_FIELD_KIND_DATE:
      subproc_processor_set_text (values, field, subproc_date_row_get_date (SUBPROC_DATE_ROW (widget)));
      break;
    case SUBPROC_FIELD_KIND_LIST:
    case SUBPROC_FIELD_KIND_COUNTRIES:
      subproc_processor_set_list (values, field, subproc_tag_list_get_items (SUBPROC_TAG_LIST (widget)));
      break;
    case SUBPROC_FIELD_KIND_ENUM:
      subproc_processor_set_enum (values, field, enum_from_combo (ADW_COMBO_ROW (widget)));
      break;
    case SUBPROC_FIELD_KIND_MECHANISMS:
      {
        g_auto(GStrv) mechanisms = mechanisms_from_checks (self);

        subproc_processor_set_list (values, field, (const char * const *) mechanisms);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Fills the widget of every field from the processor. */
void
_subproc_editor_fill_fields (SubprocEditor    *self,
                             SubprocProcessor *processor)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    fill_field (self, i, processor);
}

/**
 * subproc_editor_get_values:
 *
 * Returns: (transfer full): a processor, in no register, holding what the
 *   editor's fields say now (with the edited processor's id).
 */
SubprocProcessor *
subproc_editor_get_values (SubprocEditor *self)
{
  SubprocProcessor *values;

  g_return_val_if_fail (SUBPROC_IS_EDITOR (self), NULL);

  values = subproc_processor_copy (self->original);
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    read_field (self, i, values);
  return values;
}

/**
 * subproc_editor_is_changed:
 *
 * Returns: whether the fields differ from what the editor opened with.
 */
gboolean
subproc_editor_is_changed (SubprocEditor *self)
{
  g_autoptr(SubprocProcessor) values = subproc_editor_get_values (self);

  return !subproc_processor_equal (values, self->original) ||
         *gtk_editable_get_text (GTK_EDITABLE (self->category_entry)) != '\0' ||
         *gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)) != '\0';
}

/**
 * subproc_editor_get_reason:
 *
 * Returns: (nullable): the reason the user gave for the change, for the log.
 */
const char *
subproc_editor_get_reason (SubprocEditor *self)
{
  const char *reason;

  g_return_val_if_fail (SUBPROC_IS_EDITOR (self), NULL);

  reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  return *reason != '\0' ? reason : NULL;
}

/**
 * subproc_editor_can_save:
 *
 * Returns: whether the processor may be saved: it needs a name.
 */
gboolean
subproc_editor_can_save (SubprocEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  return *name != '\0';
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Checks the fields as they are typed: a missing name stops Save and says
 * why; a website or a date that looks wrong is pointed out. */
/* The transfer findings of what the fields say now, as the user types. */
static void
update_findings (SubprocEditor *self)
{
  g_autoptr(SubprocProcessor) values = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  if (self->original == NULL)
    return;
  values = subproc_editor_get_values (self);
  findings = subproc_check_processor (values, self->reg, NULL);
  subproc_findings_group_set_findings (self->findings_group, findings);
}

/* The mechanisms' row says which are ticked; the rows that only some
 * mechanisms need show with them. */
void
_subproc_editor_update_mechanisms (SubprocEditor *self)
{
  g_auto(GStrv) mechanisms = NULL;
  g_autofree char *chosen = NULL;
  gboolean scc, bcr, dpf;

  /* not while the template is built */
  if (self->original == NULL)
    return;
  mechanisms = mechanisms_from_checks (self);
  chosen = subproc_columns_mechanisms_text ((const char * const *) mechanisms);
  scc = gtk_check_button_get_active (self->mechanism_checks[SUBPROC_TRANSFER_SCC]);
  bcr = gtk_check_button_get_active (self->mechanism_checks[SUBPROC_TRANSFER_BCR]);
  dpf = gtk_check_button_get_active (self->mechanism_checks[SUBPROC_TRANSFER_DPF]);

  adw_expander_row_set_subtitle (self->mechanism_row,
                                 chosen != NULL ? chosen : C_("transfer mechanism", "Not specified"));
  /* a value already given stays in sight, so that nothing is kept unseen */
  gtk_widget_set_visible (GTK_WIDGET (self->scc_module_row),
                          scc || adw_combo_row_get_selected (self->scc_module_row) != SUBPROC_SCC_MODULE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->tia_row),
                          scc || bcr || *gtk_editable_get_text (GTK_EDITABLE (self->tia_row)) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->dpf_verified_row),
                          dpf || subproc_date_row_get_date (self->dpf_verified_row) != NULL);
}

void
_subproc_editor_validate (SubprocEditor *self)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GDate) today = subproc_date_parse_iso (self->today);
  gboolean has_name = subproc_editor_can_save (self);
  gboolean website_ok = subproc_validate_website (gtk_editable_get_text (GTK_EDITABLE (self->website_row)));
  gboolean signed_ok = subproc_validate_not_future (subproc_date_row_get_date (self->dpa_signed_row), today);

  set_row_error (GTK_WIDGET (self->name_row), !has_name);
  set_row_error (GTK_WIDGET (self->website_row), !website_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", has_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               has_name ? NULL : _("A processor needs a name before it can be saved"));

  if (!has_name)
    g_string_append (message, _("A processor needs a name before it can be saved."));
  if (!website_ok)
    {
      if (message->len > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, _("The website is not a web address, such as https://example.com."));
    }
  gtk_label_set_text (self->identity_message, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_message), message->len > 0);

  subproc_date_row_set_error (self->dpa_signed_row,
                              signed_ok ? NULL : _("This date is in the future: an agreement cannot have been signed yet."));
  update_findings (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-country-chooser.h"
#include "subproc-date-row.h"
#include "subproc-editor.h"
#include "subproc-findings-group.h"
#include "subproc-tag-list.h"

G_BEGIN_DECLS

/* Shared by subproc-editor.c (the window: its callbacks, the fixes,
 * saving and closing, the parent, the history list) and
 * subproc-editor-fields.c (filling, reading and checking the fields). */
struct _SubprocEditor
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *save_button;
  GtkScrolledWindow     *scrolled;
  AdwEntryRow           *name_row;
  AdwEntryRow           *legal_entity_row;
  AdwEntryRow           *website_row;
  AdwEntryRow           *contact_row;
  AdwComboRow           *parent_row;
  GtkLabel              *identity_message;
  SubprocFindingsGroup  *findings_group;
  AdwEntryRow           *function_row;
  GtkTextView           *description_view;
  AdwEntryRow           *category_entry;
  SubprocTagList        *categories_tags;
  AdwEntryRow           *subject_entry;
  SubprocTagList        *subjects_tags;
  AdwComboRow           *status_row;
  AdwActionRow          *countries_row;
  SubprocCountryChooser *country_chooser;
  SubprocTagList        *countries_tags;
  AdwEntryRow           *location_row;
  AdwExpanderRow        *mechanism_row;
  AdwComboRow           *scc_module_row;
  AdwEntryRow           *tia_row;
  SubprocDateRow        *dpf_verified_row;
  AdwEntryRow           *basis_row;
  AdwEntryRow           *safeguards_row;
  SubprocDateRow        *dpa_signed_row;
  AdwEntryRow           *dpa_reference_row;
  AdwEntryRow           *security_row;
  GtkTextView           *notes_view;
  SubprocDateRow        *added_row;
  SubprocDateRow        *updated_row;
  SubprocDateRow        *review_row;
  AdwEntryRow           *reason_row;
  AdwPreferencesGroup   *history_group;
  GtkPopover            *function_popover;
  GtkListBox            *function_list;

  /* owned */
  SubprocRegister       *reg;
  SubprocProcessor      *processor;   /* NULL for a new one */
  SubprocProcessor      *original;    /* the values the editor opened with */
  GPtrArray             *parent_ids;  /* of char*: the parent combo's choices; [0] is none */
  GtkCheckButton        *mechanism_checks[SUBPROC_TRANSFER_OTHER + 1];  /* [0], unspecified, has none */
  char                  *today;
  gboolean               confirmed;   /* the user chose to close without saving */
};

/* subproc-editor-fields.c */
void            _subproc_editor_fill_fields         (SubprocEditor            *self,
                                                     SubprocProcessor         *processor);
void            _subproc_editor_update_mechanisms   (SubprocEditor            *self);
void            _subproc_editor_validate            (SubprocEditor            *self);

/* For tests, which fill in the editor's fields as a user would. */
GtkWidget      *subproc_editor_get_field_widget    (SubprocEditor            *self,
                                                    const char               *name);
GtkCheckButton *subproc_editor_get_mechanism_check (SubprocEditor            *self,
                                                    SubprocTransferMechanism  mechanism);

G_END_DECLS

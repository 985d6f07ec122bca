/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-document.h"
#include "subproc-window.h"

G_BEGIN_DECLS

/* Shared by subproc-window.c (the view), subproc-window-files.c (opening,
 * importing, saving), subproc-window-import.c (a list's preview, pasting,
 * merging) and subproc-window-actions.c (editing). */
struct _SubprocWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkStack            *table_stack;
  GtkColumnView       *column_view;
  GtkButton           *new_button;
  GtkLabel            *count_label;
  GtkRevealer         *problems_revealer;
  GtkLabel            *problems_label;
  GtkToggleButton     *problems_button;
  GtkRevealer         *log_revealer;
  GtkLabel            *log_label;

  /* owned */
  GSettings           *settings;
  SubprocDocument     *document;       /* the register shown, and its file */
  GCancellable        *cancellable;    /* the window's reads; cancelled when it goes */
  GQueue               to_open;        /* (element-type GFile) files waiting to be read, in order */
  char                *query;          /* folded search text */
  char               **query_words;    /* its words; NULL before the first search */
  char                *import_warnings; /* of the last import, for reading */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;
  GtkFileChooserNative *chooser;
  GFile               *pending_file;   /* to open once the register shown is saved or dropped */

  /* the document's, while it shows them */
  SubprocRegister     *reg;
  SubprocHistory      *history;        /* every change of reg goes through it */

  gboolean             reading;        /* a file of to_open, or the user's register, is read */
  gboolean             only_problems;  /* the table shows only processors with errors */
  gboolean             only_findings;  /* the table shows only processors with findings */
  GtkWindow           *import_preview; /* weak: the preview of a list being imported */
  GHashTable          *findings_cells; /* the findings column's bound GtkListItems */
  GtkSorter           *findings_sorter;
  guint                recount_id;     /* counts the processors with errors, a part at a time */
  guint                recount_position;
  guint                recount_errors;
  gboolean             closing;
  gboolean             asking;         /* a save before a question runs: the question tells */
  gboolean             pending_example;
  int                  after_save;     /* an AfterSave: what a Save As was asked for */
  AdwToast            *undo_toast;     /* weak: the toast offering Undo of a delete */
  gint64               undo_toast_added; /* when it was shown, in monotonic µs */
  guint                undo_dismiss_id; /* takes it away once it is in place */
  guint                undo_depth;     /* the undo stack's depth right after that delete */
  GtkWindow           *history_window; /* weak: the register's history */
  GtkWindow           *changes_window; /* weak: changes and the notice */
};

/* What to do once a Save As asked for by a question about unsaved changes succeeds. */
typedef enum
{
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
  AFTER_SAVE_OPEN_PENDING,
} AfterSave;

/* subproc-window-files.c */
void     _subproc_window_files_class_init     (GtkWidgetClass  *widget_class);
void     _subproc_window_files_init           (SubprocWindow   *self);
void     _subproc_window_files_dispose        (SubprocWindow   *self);
gboolean _subproc_window_close_request        (SubprocWindow   *self);
void     _subproc_window_show_error           (SubprocWindow   *self,
                                               const char      *heading,
                                               const char      *body);
void     _subproc_window_set_reading          (SubprocWindow   *self,
                                               gboolean         reading);

/* subproc-window-import.c */
void     _subproc_window_import_class_init    (GtkWidgetClass  *widget_class);
void     _subproc_window_import_input         (SubprocWindow   *self,
                                               SubprocInput    *input);

/* subproc-window-actions.c */
void     _subproc_window_actions_class_init   (GtkWidgetClass  *widget_class);
void     _subproc_window_actions_init         (SubprocWindow   *self);
void     _subproc_window_actions_dispose      (SubprocWindow   *self);
void     _subproc_window_update_actions       (SubprocWindow   *self);

/* subproc-window-history.c */
void     _subproc_window_history_class_init   (GtkWidgetClass  *widget_class);
void     _subproc_window_history_init         (SubprocWindow   *self);
void     _subproc_window_history_dispose      (SubprocWindow   *self);
void     _subproc_window_follow_log           (SubprocWindow   *self);
void     _subproc_window_show_as_of           (SubprocWindow   *self,
                                               const GDate     *day);
void     _subproc_window_show_document        (SubprocWindow   *self,
                                               SubprocDocument *document);

void     subproc_window_save_as               (SubprocWindow   *self,
                                               GFile           *file);

/* For tests, which look at what the window shows. */
GListModel    *subproc_window_get_visible_model    (SubprocWindow *self);
GtkEditable   *subproc_window_get_search_entry     (SubprocWindow *self);
GtkWindow     *subproc_window_get_import_preview   (SubprocWindow *self);
const char    *subproc_window_get_count_text       (SubprocWindow *self);
const char    *subproc_window_get_visible_page     (SubprocWindow *self);
GtkColumnView *subproc_window_get_column_view      (SubprocWindow *self);
const char    *subproc_window_get_import_warnings  (SubprocWindow *self);
SubprocDocument *subproc_window_get_document       (SubprocWindow *self);
GtkWindow     *subproc_window_get_history_window   (SubprocWindow *self);
GtkWindow     *subproc_window_get_changes_window   (SubprocWindow *self);
gboolean       subproc_window_get_busy             (SubprocWindow *self);
char          *subproc_window_cell_text            (SubprocWindow *self,
                                                    guint          column,
                                                    guint          row);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "subproc-history.h"
#include "subproc-window.h"

G_BEGIN_DECLS

/* Shared by subproc-window.c (documents, views) and
 * subproc-window-actions.c (editing). */
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

  /* owned */
  GSettings           *settings;
  SubprocRegister     *reg;
  SubprocHistory      *history;        /* every change of reg goes through it */
  GFile               *file;           /* NULL: untitled, saved only by Save As */
  char                *etag;           /* of the file as last read or written */
  char                *query;          /* folded search text */
  char               **query_words;    /* its words; NULL before the first search */
  char                *import_warnings; /* of the last import, for reading */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;
  GtkFileChooserNative *chooser;
  guint                autosave_id;
  gboolean             read_only;      /* written by a newer Subproc */
  gboolean             dirty;
  guint64              generation;     /* counts the register's changes */
  guint64              saved_generation; /* what the save in the background wrote */
  gboolean             saving;         /* a save runs in the background */
  gboolean             save_again;     /* changes came during it: save once more after */
  gboolean             closing;
  gboolean             conflict;       /* the file changed on disk; asking the user */
  AdwToast            *undo_toast;     /* weak: the toast offering Undo of a delete */
  gint64               undo_toast_added; /* when it was shown, in monotonic µs */
  guint                undo_dismiss_id; /* takes it away once it is in place */
  guint                undo_depth;     /* the undo stack's depth right after that delete */
  GFile               *pending_file;   /* to open once the register shown is saved or dropped */
  gboolean             pending_example;
  int                  after_save;     /* an AfterSave: what a Save As was asked for */
};

/* What to do once a Save As asked for by a question about unsaved changes succeeds. */
typedef enum
{
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
  AFTER_SAVE_OPEN_PENDING,
} AfterSave;

void     subproc_window_save_in_background   (SubprocWindow *self);
gboolean subproc_window_is_saving            (SubprocWindow *self);
gboolean subproc_window_release_current       (SubprocWindow *self,
                                               GFile         *next_file,
                                               gboolean       next_example);
void     subproc_window_ask_unsaved           (SubprocWindow *self,
                                               const char    *reason,
                                               gboolean       closing);
void     subproc_window_show_error            (SubprocWindow *self,
                                               const char    *heading,
                                               const char    *body);
void     subproc_window_actions_class_init    (GtkWidgetClass *widget_class);
void     subproc_window_actions_init          (SubprocWindow *self);
void     subproc_window_update_actions        (SubprocWindow *self);
void     subproc_window_handle_conflict       (SubprocWindow *self);
gboolean subproc_window_save_over             (SubprocWindow *self,
                                               GError       **error);
void     subproc_window_reload                (SubprocWindow *self);
void     subproc_window_choose_save_as        (SubprocWindow *self);
void     subproc_window_save_as               (SubprocWindow *self,
                                               GFile         *file);

/* For tests, which look at what the window shows. */
GListModel *subproc_window_get_visible_model (SubprocWindow *self);
GtkEditable *subproc_window_get_search_entry (SubprocWindow *self);
const char  *subproc_window_get_count_text   (SubprocWindow *self);
const char  *subproc_window_get_visible_page (SubprocWindow *self);
GtkColumnView *subproc_window_get_column_view (SubprocWindow *self);
const char  *subproc_window_get_import_warnings (SubprocWindow *self);
char        *subproc_window_cell_text        (SubprocWindow *self,
                                              guint          column,
                                              guint          row);

G_END_DECLS

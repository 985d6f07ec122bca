/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SUBPROC_TYPE_TAG_LIST (subproc_tag_list_get_type ())

G_DECLARE_FINAL_TYPE (SubprocTagList, subproc_tag_list, SUBPROC, TAG_LIST, GtkWidget)

/* Returns the text shown for VALUE (transfer full), or NULL to show VALUE itself. */
typedef char *(*SubprocTagLabelFunc) (const char *value,
                                      gpointer    data);

SubprocTagList     *subproc_tag_list_new             (void);

const char * const *subproc_tag_list_get_items       (SubprocTagList      *self);
void                subproc_tag_list_set_items       (SubprocTagList      *self,
                                                      const char * const  *items);
gboolean            subproc_tag_list_add             (SubprocTagList      *self,
                                                      const char          *value);
gboolean            subproc_tag_list_remove          (SubprocTagList      *self,
                                                      const char          *value);

void                subproc_tag_list_set_label_func  (SubprocTagList      *self,
                                                      SubprocTagLabelFunc  func,
                                                      gpointer             data,
                                                      GDestroyNotify       destroy);

const char         *subproc_tag_list_get_placeholder (SubprocTagList      *self);
void                subproc_tag_list_set_placeholder (SubprocTagList      *self,
                                                      const char          *text);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "subproc-register.h"

G_BEGIN_DECLS

/* Helpers the test programs share. */
void     subproc_test_remove_tree (const char *path);
void     subproc_test_wait_ms     (guint       ms);
void     subproc_test_settle      (void);
gboolean subproc_test_wait_for    (gboolean  (*condition) (gpointer data),
                                   gpointer    data);
gboolean subproc_test_wait_idle   (gpointer    object);

SubprocRegister *subproc_test_load_seed (void);
void             subproc_test_bind_catalog (void);

/* A moment written YYYY-MM-DDTHH:MM:SSZ; changes of HISTORY recorded at one. */
GDateTime *subproc_test_time         (const char *iso);
void       subproc_test_set_time     (gpointer    history,
                                      const char *iso);

/* The words of a processor's transfer mechanisms, joined by “,”; "" for none. */
#define subproc_assert_mechanisms(processor, expected) G_STMT_START { \
    g_autofree char *joined_ = g_strjoinv (",", (char **) subproc_processor_get_list ((processor), SUBPROC_FIELD_TRANSFER_MECHANISM)); \
    g_assert_cmpstr (joined_, ==, (expected)); \
  } G_STMT_END

guint    subproc_test_file_mode   (const char *path);
guint    subproc_test_count_files (const char *dir,
                                   const char *suffix);
int      subproc_test_run_app     (const char         *dir,
                                   const char         *data_home,
                                   const char * const *args,
                                   char              **out,
                                   char              **err);

int      subproc_test_run_app_at  (const char         *dir,
                                   const char         *data_home,
                                   const char         *time,
                                   const char * const *args,
                                   char              **out,
                                   char              **err);

G_END_DECLS

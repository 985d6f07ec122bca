/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "subproc-history-private.h"
#include "subproc-input.h"
#include "test-util.h"

/* Removes PATH and, for a folder, all it holds. */
void
subproc_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      subproc_test_remove_tree (child);
    }
  g_rmdir (path);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for MS milliseconds, as a user who waits. */
void
subproc_test_wait_ms (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs what is pending in the main loop, without waiting. */
void
subproc_test_settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_idle (gpointer object)
{
  gboolean busy = TRUE;

  g_object_get (object, "busy", &busy, NULL);
  return !busy;
}

static gboolean
wait_at_most (guint      ms,
              gboolean (*condition) (gpointer data),
              gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

/* Runs the main loop until CONDITION (DATA) holds, or at most 5 s.
 * Returns: whether it holds. */
gboolean
subproc_test_wait_for (gboolean (*condition) (gpointer data),
                       gpointer   data)
{
  return wait_at_most (5000, condition, data);
}

/* Runs the main loop until OBJECT's "busy" property is FALSE (a window or
 * a document: nothing is read or written for it), or at most 60 s: a
 * large register takes a while to read under the sanitizers.
 * Returns: whether it is idle. */
gboolean
subproc_test_wait_idle (gpointer object)
{
  g_assert_true (G_IS_OBJECT (object));

  return wait_at_most (60000, is_idle, object);
}

/* Runs the app ($SUBPROC_BIN) with ARGS in DIR, with DATA_HOME as its
 * XDG_DATA_HOME and no display; fails the test when it
 * did not exit normally (a crash is a failure, not an exit status).
 * Returns: its exit status. */
int
subproc_test_run_app (const char         *dir,
                      const char         *data_home,
                      const char * const *args,
                      char              **out,
                      char              **err)
{
  return subproc_test_run_app_at (dir, data_home, NULL, args, out, err);
}

/* As subproc_test_run_app(), with the clock at TIME (“YYYY-MM-DD HH:MM:SS”,
 * through faketime) when it is not NULL. */
int
subproc_test_run_app_at (const char         *dir,
                         const char         *data_home,
                         const char         *time,
                         const char * const *args,
                         char              **out,
                         char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("SUBPROC_BIN");

  g_assert_nonnull (bin);
  if (time != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "faketime");
      g_ptr_array_add (argv, (gpointer) time);
    }
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new ((out != NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : 0) |
                                        (err != NULL ? G_SUBPROCESS_FLAGS_STDERR_PIPE : 0));
  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (time != NULL)
    {
      /* libfaketime comes in by LD_PRELOAD, before the sanitizer's runtime */
      const char *asan = g_getenv ("ASAN_OPTIONS");
      g_autofree char *options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                              "verify_asan_link_order=0", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  if (err != NULL)
    g_test_message ("stderr: %s", *err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* The permission bits of PATH, which must exist. */
guint
subproc_test_file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

/* How many files in DIR have names ending in SUFFIX. */
guint
subproc_test_count_files (const char *dir,
                          const char *suffix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

/* The bundled example list ($SUBPROC_SEED), imported into a new register. */
SubprocRegister *
subproc_test_load_seed (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("SUBPROC_SEED"));
  g_autoptr(SubprocInput) input = NULL;
  g_autoptr(GError) error = NULL;
  SubprocRegister *reg = subproc_register_new ();

  input = subproc_input_read (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (subproc_input_is_register (input));
  subproc_register_splice (reg, 0, 0, (SubprocProcessor **) input->processors->pdata, input->processors->len);
  return reg;
}

GDateTime *
subproc_test_time (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

void
subproc_test_set_time (gpointer    history,
                       const char *iso)
{
  g_autoptr(GDateTime) time = subproc_test_time (iso);

  _subproc_history_set_time (history, time);
}

/* Our catalog, from the build tree (SUBPROC_LOCALEDIR) or the install,
 * in the C.UTF-8 locale: in the C locale glibc ignores LANGUAGE, which the
 * tests and the reports' languages switch. */
void
subproc_test_bind_catalog (void)
{
  const char *localedir = g_getenv ("SUBPROC_LOCALEDIR");

  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

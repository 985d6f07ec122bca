/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving survives being killed: a child saves a large register over and
 * over and is killed with SIGKILL at random moments; after every kill the
 * register and its backup are each a complete register, old or new. */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>

#include "subproc-storage.h"
#include "test-util.h"

#define N_PROCESSORS 20000
#define N_KILLS 200

static char *tmp_dir;

/* A register of N_PROCESSORS processors, the same in every process. */
static SubprocRegister *
large_register (void)
{
  SubprocRegister *self = subproc_register_new ();
  g_autoptr(GPtrArray) processors = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const countries[] = { "IE", "US", NULL };

  for (guint i = 0; i < N_PROCESSORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Processor %05u AB", i);
      g_autofree char *id = g_strdup_printf ("p%05u", i);
      SubprocProcessor *processor = subproc_processor_new (name);

      subproc_processor_set_text (processor, SUBPROC_FIELD_ID, id);
      subproc_processor_set_text (processor, SUBPROC_FIELD_DESCRIPTION,
                                  "Hosting of the customer database, with backups in a second region.");
      subproc_processor_set_text (processor, SUBPROC_FIELD_UPDATED, "2024-02-29");
      subproc_processor_set_list (processor, SUBPROC_FIELD_COUNTRIES, countries);
      g_ptr_array_add (processors, processor);
    }
  subproc_register_splice (self, 0, 0, (SubprocProcessor **) processors->pdata, processors->len);
  return self;
}

/* The child: says it is ready, then saves the register under two titles in
 * turn until it is killed. */
static int
run_saver (const char *path)
{
  g_autoptr(SubprocRegister) self = large_register ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_print ("ready\n");
  fflush (stdout);
  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;

      subproc_register_set_title (self, i % 2 == 0 ? "Old" : "New");
      if (!subproc_storage_save (self, file, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
}

static char *
text_with_title (SubprocRegister *self,
                 const char      *title)
{
  subproc_register_set_title (self, title);
  return subproc_storage_to_data (self, NULL);
}

static guint
count_leftovers (void)
{
  return subproc_test_count_files (tmp_dir, ".part");
}

/* The file at PATH, if there is one, is all of OLD or all of NEW. */
static void
assert_whole (const char *path,
              const char *old,
              const char *new,
              guint       kill)
{
  g_autofree char *data = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  if (g_strcmp0 (data, old) != 0 && g_strcmp0 (data, new) != 0)
    g_error ("after kill %u, %s is neither the old nor the new register (%zu bytes)",
             kill, path, strlen (data));
  g_assert_cmpuint (subproc_test_file_mode (path), ==, 0600);
}

static GSubprocess *
start_saver (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  GSubprocess *child;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            g_test_get_filename (G_TEST_BUILT, "test-save", NULL), "--saver", path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  return child;
}

static void
test_killed_while_saving (void)
{
  g_autoptr(SubprocRegister) self = large_register ();
  g_autofree char *old = text_with_title (self, "Old");
  g_autofree char *new = text_with_title (self, "New");
  g_autofree char *path = g_build_filename (tmp_dir, "register.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;
  guint with_leftovers = 0, first_saves = 0;

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autoptr(GSubprocess) child = NULL;

      /* every fourth round, the first save of a file that is not there */
      if (kill % 4 == 0)
        {
          g_unlink (path);
          g_unlink (backup);
          first_saves++;
        }

      child = start_saver (path);
      g_usleep (g_rand_int_range (rand, 0, 400) * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (child));

      assert_whole (path, old, new, kill);
      assert_whole (backup, old, new, kill);
      with_leftovers += count_leftovers () > 0;
    }
  g_test_message ("%u kills (%u during a first save), %u left a temporary file",
                  N_KILLS, first_saves, with_leftovers);

  /* the next save cleans up what a killed one left; a second one makes
   * the backup, should the last kill have come before any first save */
  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_leftovers (), ==, 0);
  g_assert_true (subproc_storage_save (self, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (subproc_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (subproc_test_file_mode (backup), ==, 0600);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--saver"))
    return run_saver (argv[2]);

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("subproc-save-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/save/killed-while-saving", test_killed_while_saving);

  status = g_test_run ();
  subproc_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}

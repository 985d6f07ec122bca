/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-application.h"
#include "subproc-convert.h"
#include "subproc-window.h"

struct _SubprocApplication
{
  AdwApplication parent_instance;

  /* owned */
  GPtrArray *files;  /* of GFile: given on the command line */
  gboolean   open_example;
};

G_DEFINE_FINAL_TYPE (SubprocApplication, subproc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "example", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the example register"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write your register (or FILE) to OUTPUT without opening a window; the format follows OUTPUT’s extension: .json or .csv"),
    N_("OUTPUT") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/**
 * subproc_application_get_default_file:
 *
 * Returns: (transfer full): where the user's own register lives.
 */
GFile *
subproc_application_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "subproc", "register.json", NULL);

  return g_file_new_for_path (path);
}

static SubprocWindow *
get_window (SubprocApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (subproc_window_new (self));
  return SUBPROC_WINDOW (window);
}

/**
 * subproc_application_export:
 * @input: (nullable): a register or list; %NULL for the user's register
 *
 * Returns: the exit status of `subproc --export`.
 */
int
subproc_application_export (const char *output,
                            const char *input)
{
  g_autoptr(GFile) default_file = subproc_application_get_default_file ();

  return subproc_convert (output, input, default_file, stderr);
}

static int
subproc_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  SubprocApplication *self = SUBPROC_APPLICATION (app);
  g_autofree char *output = NULL;
  g_autofree const char **inputs = NULL;

  self->open_example = g_variant_dict_contains (options, "example");
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);

  /* a conversion runs here, before GTK starts, so it needs no display */
  if (!g_variant_dict_lookup (options, "export", "^ay", &output))
    {
      for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
        g_ptr_array_add (self->files, g_file_new_for_commandline_arg (inputs[i]));
      return -1;
    }

  if (inputs != NULL && g_strv_length ((char **) inputs) > 1)
    {
      g_printerr ("subproc: %s\n", _("--export takes one input file at most."));
      return SUBPROC_CONVERT_USAGE;
    }

  return subproc_application_export (output, inputs != NULL ? inputs[0] : NULL);
}

static void
subproc_application_activate (GApplication *app)
{
  SubprocApplication *self = SUBPROC_APPLICATION (app);
  SubprocWindow *window = get_window (self);

  /* shown first, so that a message about the files has a window to sit on */
  gtk_window_present (GTK_WINDOW (window));
  if (self->open_example)
    subproc_window_open_example (window);
  else
    subproc_window_open_default (window);
  subproc_window_open_files (window, (GFile **) self->files->pdata, self->files->len);
  g_ptr_array_set_size (self->files, 0);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Subproc developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APP_ID,
                        "application-name", "Subproc",
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Subproc developers"),
                        "developers", developers,
                        "comments", _("Keep the register of data processors and sub-processors that the GDPR asks for, take in the lists you already have, and keep it safely on disk."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* closing the windows saves what is pending, as closing one by hand does */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
subproc_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (subproc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
subproc_application_finalize (GObject *object)
{
  SubprocApplication *self = (SubprocApplication *)object;

  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (subproc_application_parent_class)->finalize (object);
}

static void
subproc_application_class_init (SubprocApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = subproc_application_finalize;

  app_class->handle_local_options = subproc_application_handle_local_options;
  app_class->startup = subproc_application_startup;
  app_class->activate = subproc_application_activate;
}

static void
subproc_application_init (SubprocApplication *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep the register of data processors and sub-processors.\n"
                                              "FILE is a register (.json) to open or a list to import."));
}

/**
 * subproc_application_new:
 *
 * Returns: (transfer full): the application.
 */
SubprocApplication *
subproc_application_new (void)
{
  return g_object_new (SUBPROC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

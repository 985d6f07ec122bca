/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-application.h"
#include "subproc-check.h"
#include "subproc-convert.h"
#include "subproc-legal.h"
#include "subproc-preferences.h"
#include "subproc-window.h"

struct _SubprocApplication
{
  AdwApplication parent_instance;

  GSettings *settings;  /* the preferences the checks use; from startup on */
};

G_DEFINE_FINAL_TYPE (SubprocApplication, subproc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "example", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the example register"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write your register (or FILE) to OUTPUT without opening a window; the format follows OUTPUT’s extension: .json, .csv, .pdf or .html"),
    N_("OUTPUT") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the transfers of your register (or FILE, a register or a list) and print what is wrong, one finding a line; the exit status is 1 when there is an error"),
    NULL },
  { "merge", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge a vendor’s new list into your register (or FILE, a register, made if missing): say what was added, what changed and what is no longer listed, then save"),
    N_("LIST") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --merge: say what would change, and save nothing"), NULL },
  { "end-missing", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --merge: mark the processors the list no longer names as ended (nothing is ever deleted)"), NULL },
  { "source", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --merge: the name the list’s processors remember it by (default: the list’s file name without its extension)"),
    N_("NAME") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --fingerprint: the register as it stood at the end of DATE (UTC), from its change log; the report says so on every page"),
    N_("DATE") },
  { "changes-since", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: a report of what was added, ended, removed and changed from DATE on, as .pdf, .html or .txt"),
    N_("DATE") },
  { "until", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --changes-since: the last day of the changes (default: today)"), N_("DATE") },
  { "notice", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --changes-since: a draft of the notice to customers of new sub-processors instead, as .txt or .html"), NULL },
  { "fingerprint", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the fingerprint of your register (or FILE), as printed at the foot of every page of a report"), NULL },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The language of a PDF or HTML export: en, sv or da (default: the language Subproc is shown in)"),
    N_("LANGUAGE") },
  /* Translators: “public”, “full” and the field names are words of the command line: do not translate them */
  { "columns", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The columns of a PDF or HTML export: public (the published list, the default), full (every field; internal), or field names separated by commas"),
    N_("COLUMNS") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The paper of a PDF export, in landscape: a4 (the default) or letter"),
    N_("PAPER") },
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

static void
apply_check_settings (GSettings *settings)
{
  subproc_check_set_stale_months (g_settings_get_uint (settings, "stale-months"));
}

/* The user's preferences, when they are installed (a build tree may
 * have none): the command line checks and records as the window does. */
static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
apply_check_settings_if_installed (void)
{
  g_autoptr(GSettings) settings = settings_if_installed ();

  if (settings != NULL)
    apply_check_settings (settings);
}

/* The name the change log records for the command line's changes. */
static char *
author_if_installed (void)
{
  g_autoptr(GSettings) settings = settings_if_installed ();

  return settings != NULL ? g_settings_get_string (settings, "author-name") : NULL;
}

/* What the command line reads when no file is named: the bundled example
 * with --example, else the user's register. */
static GFile *
default_input (GVariantDict *options)
{
  if (g_variant_dict_contains (options, "example"))
    return g_file_new_for_uri ("resource://" RESOURCE_PREFIX "/example/sub-processors.txt");
  return subproc_application_get_default_file ();
}

static int
subproc_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  g_autofree char *output = NULL;
  g_autofree const char **inputs = NULL;
  gboolean check = g_variant_dict_contains (options, "check");

  if (check || g_variant_dict_contains (options, "export"))
    apply_check_settings_if_installed ();

  if (g_variant_dict_contains (options, "merge"))
    {
      g_autoptr(GFile) default_file = subproc_application_get_default_file ();
      g_autofree char *list = NULL;
      g_autofree char *author = author_if_installed ();
      SubprocMergeOptions merge_options = { NULL, FALSE, FALSE, author };

      g_variant_dict_lookup (options, "merge", "^ay", &list);
      g_variant_dict_lookup (options, "source", "&s", &merge_options.source);
      merge_options.dry_run = g_variant_dict_contains (options, "dry-run");
      merge_options.end_missing = g_variant_dict_contains (options, "end-missing");
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
      if (check || g_variant_dict_contains (options, "export") || (inputs != NULL && g_strv_length ((char **) inputs) > 1))
        {
          g_printerr ("subproc: %s\n", _("--merge takes one register at most, and neither --export nor --check."));
          return SUBPROC_CONVERT_USAGE;
        }
      return subproc_convert_merge (list, inputs != NULL ? inputs[0] : NULL, default_file, &merge_options, stdout, stderr);
    }
  if (g_variant_dict_contains (options, "dry-run") || g_variant_dict_contains (options, "end-missing") ||
      g_variant_dict_contains (options, "source"))
    {
      g_printerr ("subproc: %s\n", _("--dry-run, --end-missing and --source go with --merge."));
      return SUBPROC_CONVERT_USAGE;
    }

  if (g_variant_dict_contains (options, "fingerprint"))
    {
      g_autoptr(GFile) default_file = default_input (options);
      const char *as_of = NULL;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
      g_variant_dict_lookup (options, "as-of", "&s", &as_of);
      if (check || g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "changes-since") ||
          (inputs != NULL && g_strv_length ((char **) inputs) > 1))
        {
          g_printerr ("subproc: %s\n", _("--fingerprint takes one register at most, and neither --export nor --check."));
          return SUBPROC_CONVERT_USAGE;
        }
      return subproc_convert_fingerprint (inputs != NULL ? inputs[0] : NULL, default_file, as_of, stdout, stderr);
    }
  if (!g_variant_dict_contains (options, "export") &&
      (g_variant_dict_contains (options, "as-of") || g_variant_dict_contains (options, "changes-since") ||
       g_variant_dict_contains (options, "until") || g_variant_dict_contains (options, "notice")))
    {
      g_printerr ("subproc: %s\n", _("--as-of, --changes-since, --until and --notice go with --export."));
      return SUBPROC_CONVERT_USAGE;
    }

  /* a conversion or a check runs here, in the process that was started
   * and before GTK starts, so it needs neither a display nor a running
   * Subproc */
  if (check)
    {
      g_autoptr(GFile) default_file = default_input (options);

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
      if (g_variant_dict_contains (options, "export") || (inputs != NULL && g_strv_length ((char **) inputs) > 1))
        {
          g_printerr ("subproc: %s\n", _("--check takes one input file at most, and no --export."));
          return SUBPROC_CONVERT_USAGE;
        }
      return subproc_convert_check (inputs != NULL ? inputs[0] : NULL, default_file, stdout, stderr);
    }
  if (!g_variant_dict_lookup (options, "export", "^ay", &output))
    {
      g_autofree char *bus = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);

      /* One Subproc a session, so two windows never edit one register.
       * Without a session bus (a bare X server, a container) it runs on its
       * own rather than refusing to start. */
      if (bus == NULL)
        g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      return -1;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
  if (inputs != NULL && g_strv_length ((char **) inputs) > 1)
    {
      g_printerr ("subproc: %s\n", _("--export takes one input file at most."));
      return SUBPROC_CONVERT_USAGE;
    }

  {
    g_autoptr(GFile) default_file = default_input (options);
    SubprocConvertOptions convert_options = { NULL, NULL, NULL, NULL, NULL, NULL, FALSE };

    g_variant_dict_lookup (options, "as-of", "&s", &convert_options.as_of);
    g_variant_dict_lookup (options, "changes-since", "&s", &convert_options.changes_since);
    g_variant_dict_lookup (options, "until", "&s", &convert_options.until);
    convert_options.notice = g_variant_dict_contains (options, "notice");
    g_variant_dict_lookup (options, "language", "&s", &convert_options.language);
    g_variant_dict_lookup (options, "columns", "&s", &convert_options.columns);
    g_variant_dict_lookup (options, "paper", "&s", &convert_options.paper);

    return subproc_convert_with_options (output, inputs != NULL ? inputs[0] : NULL, default_file,
                                         &convert_options, stderr);
  }
}

/* The window, shown; a new one starts on the user's register unless
 * the example was asked for. */
static SubprocWindow *
present_window (SubprocApplication *self,
                gboolean            example)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (subproc_window_new (GTK_APPLICATION (self)));
      /* shown first, so that a message about the register has a window to sit on */
      gtk_window_present (window);
      if (!example)
        {
          g_autoptr(GFile) file = subproc_application_get_default_file ();

          subproc_window_open_user_register (SUBPROC_WINDOW (window), file);
        }
    }
  gtk_window_present (window);

  return SUBPROC_WINDOW (window);
}

static void
subproc_application_activate (GApplication *app)
{
  present_window (SUBPROC_APPLICATION (app), FALSE);
}

/* Runs in the Subproc that is already running, for each `subproc [FILE…]`. */
static int
subproc_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  SubprocApplication *self = SUBPROC_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **inputs = NULL;
  gboolean example = g_variant_dict_contains (options, "example");
  SubprocWindow *window;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
  for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, inputs[i]));

  window = present_window (self, example);
  if (example)
    subproc_window_open_example (window);
  subproc_window_open_files (window, (GFile **) files->pdata, files->len);

  return 0;
}

/* The user guide (help/C/), through yelp. */
static void
help_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (window, "help:" APP_ID, GDK_CURRENT_TIME);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Subproc developers", NULL };
  GtkWidget *about;
  g_autofree char *law = NULL;

  /* Translators: in About: the day the table of legal bases was last checked (YYYY-MM-DD) */
  law = g_strdup_printf (_("Transfers are checked against the law as of %s: the EEA, the European Commission’s adequacy decisions and the judgments of the Court of Justice of the EU."),
                         subproc_legal_get_as_of ());
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
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Legal bases for transfers"), NULL,
                                      GTK_LICENSE_CUSTOM, law);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  /* a copy: closing a window takes it off the application's list */
  g_autolist(GtkWindow) windows = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));

  /* closing the windows saves what is pending, as closing one by hand does */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SubprocApplication *self = SUBPROC_APPLICATION (user_data);
  GtkWidget *preferences = subproc_preferences_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                    self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "help", help_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
};

static void
subproc_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.paste", { "<Control>v", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.duplicate", { "<Control>d", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.history", { "<Control>h", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  SubprocApplication *self = SUBPROC_APPLICATION (app);

  G_APPLICATION_CLASS (subproc_application_parent_class)->startup (app);

  /* before any window: a window that checks finds them applied */
  self->settings = g_settings_new (APP_ID);
  apply_check_settings (self->settings);
  g_signal_connect (self->settings, "changed::stale-months", G_CALLBACK (apply_check_settings), NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
subproc_application_dispose (GObject *object)
{
  SubprocApplication *self = SUBPROC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (subproc_application_parent_class)->dispose (object);
}

static void
subproc_application_class_init (SubprocApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = subproc_application_dispose;

  app_class->handle_local_options = subproc_application_handle_local_options;
  app_class->startup = subproc_application_startup;
  app_class->activate = subproc_application_activate;
  app_class->command_line = subproc_application_command_line;
}

static void
subproc_application_init (SubprocApplication *self)
{
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
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

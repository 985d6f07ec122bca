/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "subproc-date.h"
#include "subproc-document-private.h"
#include "subproc-log-private.h"

/**
 * SubprocDocument:
 *
 * The register a window shows, with what belongs to it as an open file:
 * its undo history, its file and the file's entity tag, and whether it has
 * changes not on disk (dirty), may not be written (read-only: made by a
 * newer Subproc), has no file yet (untitled) or found its file changed by
 * another program (conflict).
 *
 * A change is written a moment after the last one (autosave), in a worker
 * thread; two writes of the file never overlap, and a save asked for during
 * a write is made once that write is done. Nothing is ever written over a
 * file that changed on disk since it was read: the document then says it
 * has a conflict, and the user decides. The document knows no GTK, so that
 * all of this is tested without a display.
 */

G_DEFINE_FINAL_TYPE (SubprocDocument, subproc_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (subproc-document-error-quark, subproc_document_error)


static GParamSpec *properties[N_PROPS];

enum
{
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_subproc_document_save_failed (SubprocDocument *self,
                               const GError    *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}


void
_subproc_document_notify (SubprocDocument *self,
                          int              prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Sets one of the document's flags, and says so when it changed. */
void
_subproc_document_set_flag (SubprocDocument *self,
                            gboolean        *flag,
                            gboolean         value,
                            int              prop)
{
  if (*flag == value)
    return;
  *flag = value;
  _subproc_document_notify (self, prop);
}

/* The file, its etag and whether it may be written, as one change. */
void
_subproc_document_set_file (SubprocDocument *self,
                            GFile           *file,
                            const char      *etag,
                            gboolean         read_only)
{
  gboolean was_untitled = self->file == NULL;
  gboolean file_changed = !(self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)));

  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);

  g_object_freeze_notify (G_OBJECT (self));
  if (file_changed)
    _subproc_document_notify (self, PROP_FILE);
  if (was_untitled != (file == NULL))
    _subproc_document_notify (self, PROP_UNTITLED);
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      _subproc_document_notify (self, PROP_READ_ONLY);
    }
  _subproc_document_notify (self, PROP_SUBTITLE);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
register_changed_cb (SubprocDocument *self)
{
  self->generation++;
  _subproc_document_set_flag (self, &self->dirty, TRUE, PROP_DIRTY);

  _subproc_document_schedule_autosave (self);
}

static void
register_title_cb (SubprocDocument *self)
{
  _subproc_document_notify (self, PROP_TITLE);
}

/* What the change log says once it is read: a problem to show, and a log
 * that cannot be read makes the register read-only, since its changes
 * could not be recorded. */
static void
log_read (SubprocDocument *self)
{
  SubprocLog *log = subproc_register_get_log (self->reg);
  g_autofree char *problem = subproc_log_describe_problem (log);
  gboolean unreadable = !subproc_log_read (log, NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (problem, self->log_problem) != 0)
    {
      g_free (self->log_problem);
      self->log_problem = g_steal_pointer (&problem);
      _subproc_document_notify (self, PROP_LOG_PROBLEM);
    }
  if (unreadable && !self->log_unreadable)
    {
      self->log_unreadable = TRUE;
      _subproc_document_set_flag (self, &self->read_only, TRUE, PROP_READ_ONLY);
      _subproc_document_notify (self, PROP_SUBTITLE);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

typedef struct
{
  SubprocLog *log;
  GBytes     *text;
  char       *display_name;
  guint       first_line;
  GPtrArray  *changes;
  JsonObject *after;
  int         first_broken;
  GError     *error;
} LogJob;

static void
log_job_free (LogJob *job)
{
  g_object_unref (job->log);
  g_bytes_unref (job->text);
  g_free (job->display_name);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_clear_pointer (&job->after, json_object_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
log_read_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LogJob *job = task_data;

  job->changes = _subproc_log_parse (job->text, job->display_name, job->first_line,
                                     &job->first_broken, &job->after, &job->error);
  g_task_return_boolean (task, TRUE);
}

static void
log_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SubprocDocument *self = SUBPROC_DOCUMENT (source);
  LogJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;  /* cancelled: the register was replaced */
  _subproc_log_take (job->log, job->text, job->changes, job->first_broken, job->after, job->error);
  if (job->log == subproc_register_get_log (self->reg))
    log_read (self);
}

/* A long change log is read in a worker thread as soon as the register is
 * shown: the register is usable at once, and a broken chain is said a
 * moment later. Anything that needs the log before then reads it itself. */
static void
start_log_read (SubprocDocument *self)
{
  SubprocLog *log = subproc_register_get_log (self->reg);
  g_autoptr(GTask) task = NULL;
  LogJob *job;

  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  if (subproc_log_is_read (log))
    {
      log_read (self);
      return;
    }

  job = g_new0 (LogJob, 1);
  job->log = g_object_ref (log);
  job->text = g_bytes_ref (_subproc_log_get_text (log));
  job->display_name = g_strdup (_subproc_log_get_display_name (log));
  job->first_line = _subproc_log_get_first_line (log);
  self->log_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->log_cancellable, log_read_cb, NULL);
  g_task_set_source_tag (task, start_log_read);
  g_task_set_task_data (task, job, (GDestroyNotify) log_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, log_read_thread);
}

/* The register and its history are replaced as one: a new register starts
 * with no changes to undo, and nothing to save. */
void
_subproc_document_set_register (SubprocDocument *self,
                                SubprocRegister *reg)
{
  g_assert (SUBPROC_IS_REGISTER (reg));

  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_data (self->reg, self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_again = FALSE;

  g_set_object (&self->reg, reg);
  g_clear_object (&self->history);
  self->history = subproc_history_new (reg);
  subproc_history_set_author (self->history, self->author);
  self->log_unreadable = FALSE;
  g_clear_pointer (&self->log_problem, g_free);
  g_signal_connect_swapped (reg, "changed", G_CALLBACK (register_changed_cb), self);
  g_signal_connect_swapped (reg, "notify::title", G_CALLBACK (register_title_cb), self);

  g_object_freeze_notify (G_OBJECT (self));
  _subproc_document_notify (self, PROP_REGISTER);
  _subproc_document_notify (self, PROP_HISTORY);
  _subproc_document_notify (self, PROP_TITLE);
  _subproc_document_set_flag (self, &self->dirty, FALSE, PROP_DIRTY);
  _subproc_document_set_flag (self, &self->conflict, FALSE, PROP_CONFLICT);
  _subproc_document_notify (self, PROP_LOG_PROBLEM);
  g_object_thaw_notify (G_OBJECT (self));

  start_log_read (self);
}

static void
subproc_document_constructed (GObject *object)
{
  SubprocDocument *self = (SubprocDocument *)object;

  G_OBJECT_CLASS (subproc_document_parent_class)->constructed (object);

  if (self->reg == NULL)
    {
      g_autoptr(SubprocRegister) empty = subproc_register_new ();

      _subproc_document_set_register (self, empty);
    }
}

static void
subproc_document_dispose (GObject *object)
{
  SubprocDocument *self = (SubprocDocument *)object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_data (self->reg, self);
  g_clear_object (&self->history);
  g_clear_object (&self->reg);
  g_clear_object (&self->file);
  g_clear_object (&self->writing_file);
  g_clear_object (&self->pending_reload);

  G_OBJECT_CLASS (subproc_document_parent_class)->dispose (object);
}

static void
subproc_document_finalize (GObject *object)
{
  SubprocDocument *self = (SubprocDocument *)object;

  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->log_problem, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->as_of, g_date_free);
  g_clear_pointer (&self->as_of_source, g_free);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->writing_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (subproc_document_parent_class)->finalize (object);
}

static void
subproc_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SubprocDocument *self = SUBPROC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, subproc_document_get_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, subproc_document_dup_subtitle (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_UNTITLED:
      g_value_set_boolean (value, self->file == NULL);
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, subproc_document_get_busy (self));
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    case PROP_LOG_PROBLEM:
      g_value_set_string (value, self->log_problem);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SubprocDocument *self = SUBPROC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      if (g_value_get_object (value) != NULL)
        _subproc_document_set_register (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      g_set_object (&self->file, g_value_get_object (value));
      break;
    case PROP_AUTOSAVE_DELAY:
      subproc_document_set_autosave_delay (self, g_value_get_uint (value));
      break;
    case PROP_AUTHOR:
      subproc_document_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
subproc_document_class_init (SubprocDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = subproc_document_constructed;
  object_class->dispose = subproc_document_dispose;
  object_class->finalize = subproc_document_finalize;
  object_class->get_property = subproc_document_get_property;
  object_class->set_property = subproc_document_set_property;

  /**
   * SubprocDocument:register:
   *
   * The register; replaced when the file is read again.
   */
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, SUBPROC_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocDocument:history:
   *
   * The register's undo history: every change goes through it.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SUBPROC_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocDocument:title:
   *
   * The register's title, or “Subproc” while it has none.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocDocument:subtitle:
   *
   * The file's name, and why it cannot be written when it cannot.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNTITLED] =
    g_param_spec_boolean ("untitled", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocDocument:busy:
   *
   * Whether a write runs, or is to follow the one that runs.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocDocument:autosave-delay:
   *
   * How long after the last change the register is written, in
   * milliseconds; 0 writes only when asked.
   */
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, SUBPROC_DOCUMENT_AUTOSAVE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SubprocDocument:log-problem:
   *
   * What is wrong with the register's change log, in a sentence: altered
   * outside Subproc (naming the first broken change), or not readable (the
   * register is then read-only); %NULL when nothing is. Known a moment
   * after the register opens, when the log has been read.
   */
  properties[PROP_LOG_PROBLEM] =
    g_param_spec_string ("log-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SubprocDocument:author:
   *
   * Who the changes are recorded as made by; %NULL or empty for the
   * user's full name as the system gives it.
   */
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SubprocDocument::save-failed:
   * @error: why
   *
   * A write nobody waited for (an autosave) failed. A conflict is not
   * reported here but by #SubprocDocument:conflict.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
subproc_document_init (SubprocDocument *self)
{
  self->autosave_delay = SUBPROC_DOCUMENT_AUTOSAVE_DELAY_MS;
  self->context = g_main_context_ref_thread_default ();
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * subproc_document_new:
 * @reg: (nullable): the register; %NULL for an empty one
 * @file: (nullable): its file; %NULL for an untitled register
 *
 * Returns: (transfer full): a document with no changes to save. @file need
 *   not exist: it is made by the first save.
 */
SubprocDocument *
subproc_document_new (SubprocRegister *reg,
                      GFile           *file)
{
  g_return_val_if_fail (reg == NULL || SUBPROC_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (SUBPROC_TYPE_DOCUMENT, "register", reg, "file", file, NULL);
}

/**
 * subproc_document_new_for_input:
 * @input: what @file held: a register
 *
 * Returns: (transfer full): a document of the register @file held, read-only
 *   when a newer Subproc wrote it.
 */
SubprocDocument *
subproc_document_new_for_input (SubprocInput *input,
                                GFile        *file)
{
  SubprocDocument *self;

  g_return_val_if_fail (input != NULL && subproc_input_is_register (input), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = subproc_document_new (input->reg, NULL);
  _subproc_document_set_file (self, file, input->etag, input->newer_version);
  self->older_version = input->older_version;
  return self;
}

/**
 * subproc_document_get_register:
 *
 * Returns: (transfer none): the register
 */
SubprocRegister *
subproc_document_get_register (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), NULL);

  return self->reg;
}

/**
 * subproc_document_get_history:
 *
 * Returns: (transfer none): the register's undo history
 */
SubprocHistory *
subproc_document_get_history (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * subproc_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file; %NULL while untitled
 */
GFile *
subproc_document_get_file (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
subproc_document_get_title (SubprocDocument *self)
{
  const char *title;

  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), NULL);

  title = subproc_register_get_title (self->reg);
  return title != NULL ? title : "Subproc";
}

/**
 * subproc_document_dup_subtitle:
 *
 * Returns: (transfer full): the file's name, “Not saved” while untitled,
 *   with why it is read-only when it is.
 */
char *
subproc_document_dup_subtitle (SubprocDocument *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), NULL);

  /* the day is in the window's title */
  if (self->as_of != NULL && self->as_of_source != NULL)
    /* Translators: the window's subtitle: the register as it stood on a day, rebuilt from the file %s */
    return g_strdup_printf (_("From the change log of %s (read-only)"), self->as_of_source);
  if (self->as_of != NULL)
    /* Translators: the window's subtitle: the register as it stood on a day */
    return g_strdup (_("From the change log (read-only)"));
  if (self->file == NULL)
    return g_strdup (_("Not saved"));

  name = g_file_get_basename (self->file);
  if (self->read_only && self->log_unreadable)
    /* Translators: the window's subtitle: the file's name, then why it cannot be changed */
    return g_strdup_printf (_("%s (read-only: its change log cannot be read)"), name);
  if (self->read_only)
    /* Translators: the window's subtitle: the file's name, then why it cannot be changed */
    return g_strdup_printf (_("%s (read-only: made by a newer version of Subproc)"), name);
  return g_steal_pointer (&name);
}

gboolean
subproc_document_get_dirty (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  return self->dirty;
}

/**
 * subproc_document_get_older_version:
 *
 * Returns: whether the file was written in an earlier version of the
 *   format: the next save writes the current one, and keeps the earlier
 *   file as the backup (“NAME~”).
 */
gboolean
subproc_document_get_older_version (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  return self->older_version;
}

gboolean
subproc_document_get_read_only (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

gboolean
subproc_document_get_untitled (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  return self->file == NULL;
}

gboolean
subproc_document_get_conflict (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  return self->conflict;
}

gboolean
subproc_document_get_busy (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), FALSE);

  return self->writing || self->pending_reload != NULL || self->n_saving_as > 0;
}

guint
subproc_document_get_autosave_delay (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), 0);

  return self->autosave_delay;
}

void
subproc_document_set_autosave_delay (SubprocDocument *self,
                                     guint            delay_ms)
{
  g_return_if_fail (SUBPROC_IS_DOCUMENT (self));

  if (self->autosave_delay == delay_ms)
    return;
  self->autosave_delay = delay_ms;
  if (delay_ms == 0)
    g_clear_handle_id (&self->autosave_id, g_source_remove);
  _subproc_document_notify (self, PROP_AUTOSAVE_DELAY);
}

/**
 * subproc_document_discard_changes:
 *
 * Forgets that there are changes to save: the user chose to drop them.
 */
void
subproc_document_discard_changes (SubprocDocument *self)
{
  g_return_if_fail (SUBPROC_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_again = FALSE;
  _subproc_document_set_flag (self, &self->dirty, FALSE, PROP_DIRTY);
}

/**
 * subproc_document_get_log_problem:
 *
 * Returns: (nullable): see #SubprocDocument:log-problem.
 */
const char *
subproc_document_get_log_problem (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), NULL);

  return self->log_problem;
}

/**
 * subproc_document_set_author:
 * @author: (nullable): a name; %NULL or empty for the system's
 *
 * Sets who the changes from now on are recorded as made by.
 */
void
subproc_document_set_author (SubprocDocument *self,
                             const char      *author)
{
  g_return_if_fail (SUBPROC_IS_DOCUMENT (self));

  if (author != NULL && *author == '\0')
    author = NULL;
  if (g_strcmp0 (author, self->author) == 0)
    return;
  g_free (self->author);
  self->author = g_strdup (author);
  subproc_history_set_author (self->history, author);
  _subproc_document_notify (self, PROP_AUTHOR);
}

/**
 * subproc_document_new_as_of:
 * @reg: the register as it stood on @day (subproc_log_register_as_of())
 * @source_name: (nullable): the file the register was rebuilt from, as
 *   the subtitle names it
 *
 * Returns: (transfer full): a read-only document of the register on @day,
 *   untitled: it shows the past, and is never saved over a file (Save As
 *   may keep a copy).
 */
SubprocDocument *
subproc_document_new_as_of (SubprocRegister *reg,
                            const char      *source_name,
                            const GDate     *day)
{
  SubprocDocument *self;

  g_return_val_if_fail (SUBPROC_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  self = subproc_document_new (reg, NULL);
  self->as_of = g_date_copy (day);
  self->as_of_source = g_strdup (source_name);
  self->read_only = TRUE;
  return self;
}

/**
 * subproc_document_get_as_of:
 *
 * Returns: (nullable): the day the register is shown as of; %NULL for a
 *   register as it is.
 */
const GDate *
subproc_document_get_as_of (SubprocDocument *self)
{
  g_return_val_if_fail (SUBPROC_IS_DOCUMENT (self), NULL);

  return self->as_of;
}

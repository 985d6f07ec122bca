/* SPDX-License-Identifier: GPL-3.0-or-later */
/* O_CLOEXEC, O_DIRECTORY, lstat, link and fsync are POSIX, beyond C17 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "subproc-file.h"

G_DEFINE_QUARK (subproc-storage-error-quark, subproc_storage_error)

/* The one way Subproc writes a file: a temporary file beside the target,
 * written, flushed to the disk and renamed over the target. Whenever the
 * process is killed, the target holds either all of the old content or all
 * of the new, and so does the backup “NAME~”, which is a hard link to (or a
 * copy of) the old file, renamed into place. Temporary files are named
 * “.NAME.XXXXXX.part”; one left behind by a killed save is removed by the
 * next save of the same file. */
struct _SubprocFileWriter
{
  GFile            *file;
  char             *path;
  char             *dir;
  char             *display_name;
  char             *temp;          /* NULL once renamed into place */
  int               fd;
  int               saved_errno;   /* the first failed write, or 0 */
  SubprocFileFlags  flags;
  GByteArray       *buffer;        /* written to fd in large pieces */
};

/* Cairo hands a PDF over in pieces of a few bytes: they are gathered up to
 * this much before a write (a write each was 400,000 system calls for
 * 3,000 processors). */
#define WRITE_BUFFER_SIZE (64 * 1024)

static void
set_write_error (GError     **error,
                 const char  *display_name,
                 int          saved_errno)
{
  g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_WRITE,
               _("“%s” could not be written: %s"), display_name,
               g_strerror (saved_errno != 0 ? saved_errno : EIO));
}

/* What a killed save of the same file left behind. */
static gboolean
is_leftover (const char *name,
             const char *base)
{
  gsize base_length = strlen (base);

  return name[0] == '.' && strncmp (name + 1, base, base_length) == 0 && name[base_length + 1] == '.'
         && strlen (name) == base_length + 2 + 6 + strlen (".part")
         && g_str_has_suffix (name, ".part");
}

static void
remove_leftovers (const char *dir,
                  const char *base)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_leftover (name, base))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

static int
open_temp (const char  *dir,
           const char  *base,
           int          mode,
           char       **temp)
{
  *temp = g_strdup_printf ("%s/.%s.XXXXXX.part", dir, base);
  return g_mkstemp_full (*temp, O_WRONLY | O_CLOEXEC, mode);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= written;
    }
  return TRUE;
}

static gboolean
write_or_fail (SubprocFileWriter *self,
               const void        *data,
               gsize              length)
{
  if (!write_all (self->fd, data, length))
    {
      self->saved_errno = errno != 0 ? errno : EIO;
      return FALSE;
    }
  return TRUE;
}

static gboolean
flush_buffer (SubprocFileWriter *self)
{
  gboolean ok = self->saved_errno == 0 && write_or_fail (self, self->buffer->data, self->buffer->len);

  g_byte_array_set_size (self->buffer, 0);
  return ok;
}

/**
 * subproc_file_writer_new:
 * @flags: %SUBPROC_FILE_PRIVATE for a file that holds personal data,
 *   %SUBPROC_FILE_BACKUP to keep what @file held as “NAME~”
 *
 * Starts writing @file: what is written goes to a temporary file beside it,
 * which subproc_file_writer_commit() renames over it. Freeing the writer
 * without committing leaves @file as it was.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set.
 */
SubprocFileWriter *
subproc_file_writer_new (GFile             *file,
                         SubprocFileFlags   flags,
                         GError           **error)
{
  g_autoptr(SubprocFileWriter) self = g_new0 (SubprocFileWriter, 1);
  g_autofree char *base = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->fd = -1;
  self->file = g_object_ref (file);
  self->flags = flags;
  self->buffer = g_byte_array_sized_new (WRITE_BUFFER_SIZE);
  self->display_name = g_file_get_basename (file);
  self->path = g_file_get_path (file);
  if (self->path == NULL)
    {
      set_write_error (error, self->display_name, ENOTSUP);
      return NULL;
    }
  /* a register kept behind a link (into a synced folder, say) is written
   * where the link points, and the link stays */
  if (g_file_test (self->path, G_FILE_TEST_IS_SYMLINK))
    {
      char *target = realpath (self->path, NULL);

      if (target != NULL)
        {
          g_free (self->path);
          self->path = g_strdup (target);
          free (target);
        }
    }
  self->dir = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);

  remove_leftovers (self->dir, base);
  self->fd = open_temp (self->dir, base, (flags & SUBPROC_FILE_PRIVATE) ? 0600 : 0666, &self->temp);
  if (self->fd < 0)
    {
      set_write_error (error, self->display_name, errno);
      g_clear_pointer (&self->temp, g_free);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * subproc_file_writer_write:
 *
 * Appends @data to what will become the file. A failure is remembered and
 * reported by subproc_file_writer_commit().
 *
 * Returns: %FALSE when writing failed.
 */
gboolean
subproc_file_writer_write (SubprocFileWriter *self,
                           const void        *data,
                           gsize              length)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->saved_errno != 0)
    return FALSE;
  if (self->buffer->len + length < WRITE_BUFFER_SIZE)
    {
      g_byte_array_append (self->buffer, data, length);
      return TRUE;
    }
  return flush_buffer (self) && write_or_fail (self, data, length);
}

/**
 * subproc_file_writer_set_failed:
 * @saved_errno: why, as an errno value
 *
 * Marks the writing as failed, for a failure of the caller's own (a
 * drawing that did not finish, say), unless a write failed first: the
 * commit then reports it and leaves the file as it was.
 */
void
subproc_file_writer_set_failed (SubprocFileWriter *self,
                                int                saved_errno)
{
  g_return_if_fail (self != NULL && saved_errno != 0);

  if (self->saved_errno == 0)
    self->saved_errno = saved_errno;
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* A copy of the old file where a hard link cannot be made (FAT, some
 * network shares). */
static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize length;
  int fd;
  gboolean ok;

  if (!g_file_get_contents (from, &data, &length, NULL))
    return FALSE;
  fd = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return FALSE;
  ok = write_all (fd, data, length) && fsync (fd) == 0;
  return g_close (fd, NULL) && ok;
}

/* Makes “NAME~” what NAME holds now, in one rename. */
static gboolean
keep_backup (SubprocFileWriter *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *backup = g_strconcat (self->path, "~", NULL);
  g_autofree char *temp = NULL;
  int fd = open_temp (self->dir, base, 0600, &temp);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);
  g_unlink (temp);

  ok = link (self->path, temp) == 0 || copy_file (self->path, temp);
  if (ok && (self->flags & SUBPROC_FILE_PRIVATE))
    ok = g_chmod (temp, 0600) == 0;
  ok = ok && g_rename (temp, backup) == 0;
  if (!ok)
    {
      int saved_errno = errno;

      g_unlink (temp);
      errno = saved_errno;
    }
  return ok;
}

static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  g_close (fd, NULL);
}

/**
 * subproc_file_writer_commit:
 * @expected_etag: (nullable): the entity tag the file had when it was read;
 *   when the file on disk has another one, nothing is replaced and the error
 *   is %SUBPROC_STORAGE_ERROR_CONFLICT
 * @new_etag: (out) (optional): the entity tag of the file written
 *
 * Flushes what was written to the disk and puts it in place of the file.
 *
 * Returns: %FALSE with @error set when the file could not be replaced; it is
 *   then as it was.
 */
gboolean
subproc_file_writer_commit (SubprocFileWriter  *self,
                            const char         *expected_etag,
                            char              **new_etag,
                            GError            **error)
{
  GStatBuf old;
  gboolean exists;

  g_return_val_if_fail (self != NULL && self->temp != NULL, FALSE);

  flush_buffer (self);
  if (self->saved_errno == 0 && fsync (self->fd) != 0)
    self->saved_errno = errno;
  if (!g_close (self->fd, NULL) && self->saved_errno == 0)
    self->saved_errno = errno;
  self->fd = -1;
  if (self->saved_errno != 0)
    {
      set_write_error (error, self->display_name, self->saved_errno);
      return FALSE;
    }

  exists = g_lstat (self->path, &old) == 0;
  if (exists && expected_etag != NULL)
    {
      g_autofree char *etag = query_etag (self->file);

      if (g_strcmp0 (etag, expected_etag) != 0)
        {
          g_set_error (error, SUBPROC_STORAGE_ERROR, SUBPROC_STORAGE_ERROR_CONFLICT,
                       _("“%s” was changed by another program since it was opened."),
                       self->display_name);
          return FALSE;
        }
    }

  if (exists && S_ISDIR (old.st_mode))
    {
      set_write_error (error, self->display_name, EISDIR);
      return FALSE;
    }
  if (exists && S_ISREG (old.st_mode) && (self->flags & SUBPROC_FILE_BACKUP) && !keep_backup (self))
    {
      set_write_error (error, self->display_name, errno);
      return FALSE;
    }

  if (g_rename (self->temp, self->path) != 0)
    {
      set_write_error (error, self->display_name, errno);
      return FALSE;
    }
  g_clear_pointer (&self->temp, g_free);
  sync_dir (self->dir);

  if (new_etag != NULL)
    *new_etag = query_etag (self->file);
  return TRUE;
}

/**
 * subproc_file_writer_free:
 *
 * Frees @self; a file not committed is removed, leaving the target as it was.
 */
void
subproc_file_writer_free (SubprocFileWriter *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    g_close (self->fd, NULL);
  if (self->temp != NULL)
    g_unlink (self->temp);
  g_clear_object (&self->file);
  g_byte_array_unref (self->buffer);
  g_free (self->temp);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->display_name);
  g_free (self);
}

/**
 * subproc_write_file:
 * @flags: see subproc_file_writer_new()
 * @expected_etag: (nullable): see subproc_file_writer_commit()
 * @new_etag: (out) (optional): the entity tag of the file written
 *
 * Writes @data to @file atomically: see #SubprocFileWriter.
 */
gboolean
subproc_write_file (GFile             *file,
                    const char        *data,
                    gsize              length,
                    SubprocFileFlags   flags,
                    const char        *expected_etag,
                    char             **new_etag,
                    GError           **error)
{
  g_autoptr(SubprocFileWriter) writer = subproc_file_writer_new (file, flags, error);

  if (writer == NULL)
    return FALSE;
  subproc_file_writer_write (writer, data, length);
  return subproc_file_writer_commit (writer, expected_etag, new_etag, error);
}

/**
 * subproc_read_file:
 * @etag: (out) (optional): the file's entity tag
 * @domain: the error domain to report a failure in
 * @code: the error code to report a failure with
 *
 * Reads all of @file, refusing one larger than %SUBPROC_FILE_MAX_SIZE; a
 * failure says which file, in words a user reads.
 */
gboolean
subproc_read_file (GFile   *file,
                   char   **data,
                   gsize   *length,
                   char   **etag,
                   GQuark   domain,
                   int      code,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display_name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > SUBPROC_FILE_MAX_SIZE)
    {
      g_set_error (error, domain, code,
                   /* Translators: %1$s is a file name, %2$u the most Subproc reads, in megabytes */
                   _("“%1$s” is larger than %2$u MB, the most Subproc reads."), display_name,
                   (guint) (SUBPROC_FILE_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  /* a local file in one read of its size; its tag is taken before, so that
   * a change made while it is read is taken for a change on disk (a
   * conflict when saving), never missed */
  if (info != NULL && g_file_peek_path (file) != NULL &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ETAG_VALUE))
    {
      if (g_file_get_contents (g_file_peek_path (file), data, length, &local_error))
        {
          if (etag != NULL)
            *etag = g_strdup (g_file_info_get_etag (info));
          return TRUE;
        }
    }
  else if (g_file_load_contents (file, NULL, data, length, etag, &local_error))
    return TRUE;

  g_set_error (error, domain, code, _("“%s” could not be read: %s"), display_name, local_error->message);
  return FALSE;
}

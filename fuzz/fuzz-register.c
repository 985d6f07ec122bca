/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the register loader, on any bytes, with its change
 * log (read, checked, the register rebuilt as of moments in its past, the
 * changes between them described, the fingerprint). */
#include "fuzz-common.h"
#include "subproc-changes.h"
#include "subproc-log.h"
#include "subproc-storage.h"

/* The log read, and everything made of it, gives data or a message
 * naming the file. */
static void
use_log (SubprocRegister *self)
{
  SubprocLog *log = subproc_register_get_log (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *problem = NULL;
  guint n;

  if (!subproc_log_read (log, &error))
    {
      g_assert (strstr (error->message, "fuzz.json") != NULL);
      return;
    }
  problem = subproc_log_describe_problem (log);
  g_assert (problem == NULL || subproc_log_get_first_broken (log) >= 0);
  fingerprint = subproc_log_fingerprint (self);
  g_assert (strlen (fingerprint) == SUBPROC_FINGERPRINT_LENGTH);

  n = subproc_log_get_n_changes (log);
  for (guint i = 0; i < n && i < 64; i++)
    {
      SubprocChange *change = subproc_log_get_change (log, i);
      g_autofree char *what = subproc_change_describe (change);
      g_autofree char *old_text = subproc_change_value_to_text (change, subproc_change_get_old (change));
      g_autofree char *new_text = subproc_change_value_to_text (change, subproc_change_get_new (change));
      g_autoptr(GDateTime) before = g_date_time_add_seconds (subproc_change_get_time (change), -1);
      g_autoptr(SubprocRegister) then = NULL;
      g_autoptr(GError) as_of_error = NULL;

      g_assert (what != NULL && old_text != NULL && new_text != NULL);
      then = subproc_log_register_as_of (self, before, &as_of_error);
      g_assert ((then == NULL) != (as_of_error == NULL));
      if (then == NULL)
        {
          g_assert (strstr (as_of_error->message, "fuzz.json") != NULL);
          continue;
        }
      if (i == 0)
        {
          g_autoptr(SubprocChanges) changes = subproc_changes_new (self, before, NULL, NULL);
          g_autoptr(GDateTime) printed = g_date_time_new_utc (2026, 12, 2, 12, 0, 0);
          g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);

          if (changes != NULL)
            {
              g_autofree char *text = subproc_changes_to_text (changes, "en", printed);
              g_autofree char *notice = subproc_changes_notice_text (changes, "en", today);

              g_assert (text != NULL && notice != NULL);
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SubprocRegister) self = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  fuzz_init ();
  self = subproc_storage_load_data ((const char *) data, size, "fuzz.json", &version, &error);
  /* either a register or a message naming the file, never both */
  g_assert ((self == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (strstr (error->message, "fuzz.json") != NULL);
  else
    {
      /* what is written reads back as the same register, at this version */
      gsize length = 0;
      g_autofree char *text = subproc_storage_to_data (self, &length);
      g_autoptr(SubprocRegister) again = subproc_storage_load_data (text, length, "again.json", &version, NULL);

      g_assert (again != NULL);
      g_assert (version == SUBPROC_REGISTER_VERSION);
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (again)) == g_list_model_get_n_items (G_LIST_MODEL (self)));

      use_log (self);
      /* the log written back reads as it was read */
      if (subproc_log_read (subproc_register_get_log (self), NULL))
        {
          g_autofree char *text2 = subproc_storage_to_data (self, &length);
          g_autoptr(SubprocRegister) third = subproc_storage_load_data (text2, length, "again.json", NULL, NULL);
          SubprocLog *log = subproc_register_get_log (self);

          g_assert (third != NULL);
          g_assert (subproc_log_read (subproc_register_get_log (third), NULL));
          g_assert (subproc_log_get_n_changes (subproc_register_get_log (third)) == subproc_log_get_n_changes (log));
          g_assert (subproc_log_get_first_broken (subproc_register_get_log (third)) == subproc_log_get_first_broken (log));
        }
    }
  return 0;
}

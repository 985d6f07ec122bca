/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>

#include <glib/gi18n-lib.h>

#include "subproc-language.h"

/* The languages Subproc has catalogs and country names for. */
static const char * const supported_languages[] = { "en", "sv", "da" };

struct _SubprocLanguageScope
{
  gboolean  switched;      /* whether LANGUAGE was changed at all */
  char     *old_language;  /* LANGUAGE before, or NULL when it was unset */
};

/**
 * subproc_language_is_supported:
 * @language: an ISO 639-1 code
 *
 * Returns: whether reports can be written in @language ("en", "sv", "da").
 */
gboolean
subproc_language_is_supported (const char *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (supported_languages); i++)
    if (g_str_equal (language, supported_languages[i]))
      return TRUE;
  return FALSE;
}

/* glibc caches translations under the locale's name, not LANGUAGE's, and
 * drops the cache only when the text domain is set: setting it to itself
 * is the documented way to make a changed LANGUAGE take effect. */
static void
reload_catalogs (void)
{
  textdomain (textdomain (NULL));
}

/**
 * subproc_language_init:
 *
 * GLib decides once a process whether g_dgettext() translates at all, on
 * its first call: in a locale without a catalog of ours (C.UTF-8, or a
 * language we are not translated into) it decides not to, and a report in
 * Swedish would then come out in English. This makes that first call while
 * a language we have a catalog for is in force. Call it before anything is
 * translated in a program that writes reports in another language than its
 * UI's: the command line, tests. (In a GUI, GTK has made the decision long
 * before; subproc_language_push() calls this too, in case it is still to
 * come.)
 */
void
subproc_language_init (void)
{
  static gsize decided = 0;

  if (g_once_init_enter (&decided))
    {
      g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

      g_setenv ("LANGUAGE", "sv:da", TRUE);
      reload_catalogs ();
      if (*gettext ("") != '\0')
        (void) g_dgettext (GETTEXT_PACKAGE, "");
      if (old_language != NULL)
        g_setenv ("LANGUAGE", old_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      reload_catalogs ();
      g_once_init_leave (&decided, 1);
    }
}

/**
 * subproc_language_push:
 * @language: (nullable): "en", "sv" or "da"; %NULL for the UI's language
 *
 * Makes gettext answer in @language until subproc_language_pop(), so that
 * a report can be in another language than the window (an auditor in
 * Denmark gets a Danish printout from a Swedish desktop). Everything our
 * catalog translates follows: column headers, dates, transfer mechanisms.
 *
 * This changes the process environment (LANGUAGE): call it from the main
 * thread only, and pop before returning to the main loop.
 *
 * Returns: (transfer full): the scope to pass to subproc_language_pop()
 */
SubprocLanguageScope *
subproc_language_push (const char *language)
{
  SubprocLanguageScope *scope = g_new0 (SubprocLanguageScope, 1);

  /* not compared with the UI's language first: asking our catalog for
   * it would make GLib's decision below too early */
  if (language == NULL)
    return scope;

  subproc_language_init ();
  scope->switched = TRUE;
  scope->old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", language, TRUE);
  reload_catalogs ();

  return scope;
}

/**
 * subproc_language_pop:
 *
 * Gives gettext back the language it had before subproc_language_push().
 */
void
subproc_language_pop (SubprocLanguageScope *scope)
{
  if (scope == NULL)
    return;

  if (scope->switched)
    {
      if (scope->old_language != NULL)
        g_setenv ("LANGUAGE", scope->old_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      reload_catalogs ();
    }

  g_free (scope->old_language);
  g_free (scope);
}

/**
 * subproc_language_gettext:
 *
 * Our catalog's translation of @msgid in the language gettext answers in,
 * looked up with glibc directly: GLib's g_dgettext() may have decided, before
 * subproc_language_init() could run, never to translate (the command line,
 * where GApplication translates its own options first, in C.UTF-8).
 */
const char *
subproc_language_gettext (const char *msgid)
{
  return dgettext (GETTEXT_PACKAGE, msgid);
}

/**
 * subproc_language_pgettext:
 *
 * subproc_language_gettext() with a message context. Given a string another
 * part of Subproc translated with g_dpgettext2() (a transfer mechanism's
 * label), it also gives the right translation: GLib either translated it
 * already (a translation is not a msgid, and comes back as it is) or
 * returned the msgid.
 */
const char *
subproc_language_pgettext (const char *context,
                           const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translation = dgettext (GETTEXT_PACKAGE, key);

  return translation == key ? msgid : translation;
}

/* The msgids of subproc-date.c, which marks them for translation. */
static const char * const month_full[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};
static const char * const month_abbrev[] = {
  NULL, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/**
 * subproc_language_format_date:
 * @long_form: "31 December 2019" rather than "31 Dec 2019"
 *
 * subproc_date_format_short() and _long() with the translations looked up
 * as subproc_language_gettext() does.
 *
 * Returns: (transfer full) (nullable): the date, %NULL for an invalid one
 */
char *
subproc_language_format_date (const GDate *date,
                              gboolean     long_form)
{
  const char *month;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  month = long_form ? subproc_language_pgettext ("month", month_full[g_date_get_month (date)])
                    : subproc_language_pgettext ("abbreviated month", month_abbrev[g_date_get_month (date)]);
  return g_strdup_printf (subproc_language_pgettext (long_form ? "long date" : "short date", "%1$d %2$s %3$d"),
                          (int) g_date_get_day (date), month, (int) g_date_get_year (date));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "subproc-date.h"
#include "subproc-validate.h"

/**
 * subproc_validate_website:
 * @text: (nullable): a website as the user typed it
 *
 * Whether @text is a web address: empty, or an http(s) URL, or a host name
 * such as “example.com/privacy” that reads as one with “https://” before it.
 */
gboolean
subproc_validate_website (const char *text)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strpbrk (text, " \t\n") != NULL)
    return FALSE;

  if (strstr (text, "://") == NULL)
    with_scheme = g_strconcat ("https://", text, NULL);
  else
    with_scheme = g_strdup (text);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0 &&
      g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    return FALSE;

  /* “mailto:dpo@example.org” would parse as a user at a host */
  if (g_uri_get_userinfo (uri) != NULL)
    return FALSE;

  /* a host of at least two labels, as the web has them */
  host = g_uri_get_host (uri);
  return host != NULL && strchr (host, '.') != NULL && host[0] != '.' && !g_str_has_suffix (host, ".");
}

/**
 * subproc_validate_not_future:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 * @today: today
 *
 * Whether @iso_date is empty or not after @today: an agreement cannot have
 * been signed tomorrow.
 */
gboolean
subproc_validate_not_future (const char  *iso_date,
                             const GDate *today)
{
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (today != NULL, TRUE);

  if (iso_date == NULL || *iso_date == '\0')
    return TRUE;
  date = subproc_date_parse_iso (iso_date);
  return date == NULL || g_date_compare (date, today) <= 0;
}

/**
 * subproc_today_iso:
 *
 * Returns: (transfer full): today in the local time zone, as YYYY-MM-DD.
 */
char *
subproc_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

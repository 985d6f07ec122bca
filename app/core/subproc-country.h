/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of the running UI, as our own translation says: "en", "sv", "da"... */
const char  *subproc_country_ui_language      (void);

/* Name of an alpha-2 code in LANGUAGE ("en", "sv", "da"; NULL = the UI language). For a language
 * outside the table fall back to g_dgettext ("iso_3166-1", english) then English. NULL for an unknown code. */
const char  *subproc_country_name             (const char  *code,
                                               const char  *language);

/* Exact upper-case alpha-2 in table. */
gboolean     subproc_country_is_known         (const char  *code);
gboolean     subproc_country_is_eea           (const char  *code);

/* For a chooser: iterate the table (sorted by alpha-2 code). */
guint        subproc_country_get_n_countries  (void);
const char  *subproc_country_get_code         (guint        index);

/* One place name in any of en/sv/da (iso name, common name, official name), an alpha-2 or
 * alpha-3 code, or an alias -> alpha-2 code (static string) or NULL. Case-insensitive, ignores
 * surrounding whitespace and a trailing dot. */
const char  *subproc_country_lookup           (const char  *name);

/* A location as written ("Holland/ Irland", "Ireland, Netherlands", "Irland og Holland",
 * "USA & EU") -> codes in order of appearance, deduplicated (NULL-terminated, free with
 * g_strfreev; empty vector when nothing matched). Splits on / , ; & + ( ), newlines and the
 * whole words "and", "och", "og", "samt", "or", "eller", but whole names win ("Trinidad and
 * Tobago"). Parts that are not countries ("EU", "worldwide") are returned in *unknown
 * (NULL-terminated; UNKNOWN may be NULL; empty vector when all parts matched). */
char       **subproc_country_parse_list       (const char  *text,
                                               char      ***unknown);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A report's language for the length of a scope: see subproc_language_push(). */
typedef struct _SubprocLanguageScope SubprocLanguageScope;

void                  subproc_language_init         (void);
gboolean              subproc_language_is_supported (const char           *language);
SubprocLanguageScope *subproc_language_push         (const char           *language);
void                  subproc_language_pop          (SubprocLanguageScope *scope);

const char           *subproc_language_gettext      (const char           *msgid) G_GNUC_FORMAT (1);
const char           *subproc_language_pgettext     (const char           *context,
                                                     const char           *msgid) G_GNUC_FORMAT (2);
char                 *subproc_language_format_date  (const GDate          *date,
                                                     gboolean              long_form);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubprocLanguageScope, subproc_language_pop)

G_END_DECLS

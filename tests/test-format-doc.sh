#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# docs/FORMAT.md lists every header word, mechanism wording and cloud city
# the importer knows: the words in the code and in the documentation are
# the same words.
#   test-format-doc.sh SOURCE-ROOT
set -euo pipefail
cd "$1"
doc=docs/FORMAT.md
status=0
check() {
  local what=$1 word=$2
  if ! grep -qF -- "$word" "$doc"; then
    echo "$doc does not list the $what “$word”" >&2
    status=1
  fi
}
while IFS= read -r word; do check "header word" "$word"; done < <(
  sed -n 's/^ *{ SUBPROC_FIELD_[A-Z_]*, "\([^"]*\)" },.*/\1/p' app/core/subproc-import-words.c)
while IFS= read -r word; do check "mechanism wording" "$word"; done < <(
  sed -n 's/^ *{ SUBPROC_TRANSFER_[A-Z_]*, "\([^"]*\)" },.*/\1/p' app/core/subproc-import-words.c)
while IFS= read -r word; do check "place" "$word"; done < <(
  sed -n '/^static const CountryAlias country_aliases/,/"UAE"/s/^ *{ "\([^"]*\)", "[A-Z][A-Z]" },.*/\1/p' app/core/subproc-country.c | grep -v '^UAE$')
n=$(sed -n 's/^ *{ SUBPROC_FIELD_[A-Z_]*, "\([^"]*\)" },.*/\1/p' app/core/subproc-import-words.c | wc -l)
((n > 100)) || { echo "found only $n header words: the pattern no longer matches the code" >&2; status=1; }
exit $status

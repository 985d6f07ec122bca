#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file with translatable strings is in po/POTFILES.in, and the
# list is sorted: a file left out loses its translations at the next
# template, silently.
#   test-potfiles.sh SOURCE-ROOT
set -euo pipefail
cd "$1"
list=po/POTFILES.in
status=0
while read -r file; do
  if ! grep -qxF "$file" "$list"; then
    echo "$file has translatable strings but is not in $list" >&2
    status=1
  fi
done < <(grep -rlE '_\("|N_\("|NC_\(|C_\("|ngettext ?\(|translatable="yes"' app data \
           --include='*.c' --include='*.ui' --include='*.in' | sort)
while read -r file; do
  [[ -z $file || $file == \#* ]] && continue
  [[ -f $file ]] || { echo "$list names $file, which does not exist" >&2; status=1; }
done < "$list"
if ! grep -v "^#" "$list" | LC_ALL=C sort -c 2>/dev/null; then
  echo "$list is not sorted" >&2
  status=1
fi
exit $status

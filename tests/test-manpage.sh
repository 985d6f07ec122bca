#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The man page names every option --help-all shows, and no other:
#   test-manpage.sh SOURCE-ROOT SUBPROC [MAN-PAGE]
# With MAN-PAGE (the one scdoc made), it must hold each option too.
set -euo pipefail
source_root=$1 bin=$2 page=${3:-}
scd=$source_root/docs/subproc.1.scd
status=0

# --gapplication-service is GApplication's, for D-Bus activation alone
help=$(LANG=C.UTF-8 LANGUAGE= "$bin" --help-all | grep -o -- '--[a-z][a-z-]*' | grep -vx -- '--gapplication-service' | sort -u)
man=$(grep -o -- '\*--[a-z][a-z-]*' "$scd" | tr -d '*' | sort -u)
((${#help} > 0)) || { echo "--help-all printed no options" >&2; exit 1; }

while read -r option; do
  grep -qx -- "$option" <<<"$man" || { echo "$scd does not describe $option" >&2; status=1; }
  # each option has an entry of its own in OPTIONS (or -h, --help)
  grep -q -- "^\*$option\*\|^\*$option\*=\|, \*$option\*$" "$scd" ||
    grep -q -- "^\*-h\*, \*$option\*" "$scd" || [[ $option == --help-all || $option == --help-gapplication ]] ||
    { echo "$scd has no entry for $option under OPTIONS" >&2; status=1; }
done <<<"$help"
while read -r option; do
  grep -qx -- "$option" <<<"$help" || { echo "$scd describes $option, which --help-all does not show" >&2; status=1; }
done <<<"$man"

if [[ -n $page ]]; then
  while read -r option; do
    grep -q -- "${option//-/\\\\-}\|$option" "$page" || { echo "$page lacks $option" >&2; status=1; }
  done <<<"$help"
  grep -q '^\.TH "subproc" "1"' "$page" || { echo "$page is not the man page subproc(1)" >&2; status=1; }
fi
exit $status

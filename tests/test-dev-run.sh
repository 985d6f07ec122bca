#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `build-aux/dev.sh run FILE` reads and writes files where the user typed
# them, not in the build folder (meson devenv changes folder).
#   test-dev-run.sh SOURCE-ROOT BUILD-DIR SEED
set -euo pipefail
root=$1 build=$2 seed=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
cp "$seed" list.txt
rm -f "$build/out.csv"
SUBPROC_BUILD_DIR=$build XDG_DATA_HOME=$dir bash "$root/build-aux/dev.sh" run --export=out.csv list.txt
if [[ ! -s out.csv ]]; then
  echo "out.csv was not written in the folder dev.sh was run from" >&2
  exit 1
fi
if [[ -e $build/out.csv ]]; then
  echo "out.csv was written in the build folder" >&2
  exit 1
fi
grep -q 'Azure (Microsoft)' out.csv
echo "ok: out.csv written in $dir"

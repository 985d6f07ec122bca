#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Loading and searching a large register, against json-glib's own parse of
# the same file, measured in one run, side by side:
#   bench/bench-scale.sh [PROCESSORS] [RUNS]     (default 100000 and 7)
# Each run is a separate process (json-glib alone, then Subproc's loader);
# the figures are medians of the runs: wall seconds and peak resident memory
# from the process itself (getrusage), with the ratio of each.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${2:-7}
build=${SUBPROC_BUILD_DIR:-build}
ninja -C "$build" bench/bench-scale >/dev/null
bench=$build/bench/bench-scale
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
file=$dir/register.json

"$bench" generate "$n" "$file"
echo "register: $n processors, $(du -m "$file" | cut -f1) MB"

json=() load=()
for ((i = 0; i < runs; i++)); do
  json+=("$("$bench" json "$file")")
  load+=("$("$bench" load "$file")")
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
json_s=$(printf '%s\n' "${json[@]}" | cut -d' ' -f1 | median)
json_mb=$(printf '%s\n' "${json[@]}" | cut -d' ' -f2 | median)
load_s=$(printf '%s\n' "${load[@]}" | cut -d' ' -f1 | median)
load_mb=$(printf '%s\n' "${load[@]}" | cut -d' ' -f2 | median)
awk -v js="$json_s" -v jm="$json_mb" -v ls="$load_s" -v lm="$load_mb" -v runs="$runs" 'BEGIN {
  printf "medians of %d runs    time      peak memory\n", runs
  printf "json-glib parse      %6.3f s   %7.1f MB\n", js, jm
  printf "Subproc load         %6.3f s   %7.1f MB\n", ls, lm
  printf "ratio                %6.2f x   %7.2f x\n", ls / js, lm / jm
}'

"$bench" search "$file"

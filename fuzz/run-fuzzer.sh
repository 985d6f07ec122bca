#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target for a bounded time, as a meson test:
#   run-fuzzer.sh FUZZER SECONDS CORPUS [SEED-FOLDER...]
# New inputs go to CORPUS (in the build folder); the seed folders are only
# read. A crash, a leak, a time-out of 10 s or 2 GB of memory fails the test
# and leaves the input in CORPUS.artifacts/: copy it to tests/data/fuzz/TARGET/
# so that the normal tests replay it.
set -eu
fuzzer=$1
seconds=$2
corpus=$3
shift 3
mkdir -p "$corpus" "$corpus.artifacts"
# libFuzzer says what it found with status 77, which meson takes for a skip:
# a finding must fail the test
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -error_exitcode=1 \
  -print_final_stats=1 -artifact_prefix="$corpus.artifacts/" "$corpus" "$@"

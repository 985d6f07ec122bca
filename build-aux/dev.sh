#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a Debian 12 (or Ubuntu) machine for Subproc, builds it, and then
#   dev.sh run [ARGS...]   starts the app (on the example register unless ARGS are given)
#   dev.sh test            runs every test, the GUI ones under Xvfb, in three builds:
#                          build/ (gcc), build-asan/ (AddressSanitizer and
#                          UndefinedBehaviorSanitizer, the whole suite) and
#                          build-fuzz/ (clang: each libFuzzer target for
#                          SUBPROC_FUZZ_SECONDS, default 60)
# Installs only the packages that are missing (as root, or through sudo);
# a user without either is told the one command that installs them.
set -euo pipefail
# files named on the command line are where the user typed them
here=$PWD
cd "$(dirname "$0")/.."

what=${1:-}
[[ $what == run || $what == test ]] || { echo "usage: $0 run [ARGS...] | test" >&2; exit 2; }
shift

build=${SUBPROC_BUILD_DIR:-build}

# The packages of build-aux/debian-packages.txt (or $SUBPROC_PACKAGE_LIST)
# that are not installed are installed: as root, or through sudo when it
# can be used. Without either, it says exactly what to install, and how.
install_missing() {
  local list=${SUBPROC_PACKAGE_LIST:-build-aux/debian-packages.txt}
  local missing=()
  while read -r pkg; do
    [[ -z $pkg || $pkg == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < "$list"
  ((${#missing[@]})) || return 0
  local sudo=()
  if ((EUID != 0)); then
    # sudo that asks no password, or one that can ask on a terminal
    if command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [[ -t 0 ]]; }; then
      sudo=(sudo)
    else
      echo "dev.sh: these Debian packages are missing: ${missing[*]}" >&2
      echo "dev.sh: install them as root (or with sudo), then run this again:" >&2
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "dev.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_missing
[[ -f $build/build.ninja ]] || meson setup "$build"
ninja -C "$build"

xvfb() { xvfb-run -a -s '-screen 0 1280x800x24' "$@"; }

case $what in
  run)
    (($#)) || set -- --example
    # devenv would run in the build folder: -w runs it where the user typed FILE
    exec meson devenv -C "$build" -w "$here" subproc "$@"
    ;;
  test)
    export GTK_A11Y=none GSETTINGS_BACKEND=memory TZ=UTC LANG=C.UTF-8
    status=0
    xvfb meson test -C "$build" --print-errorlogs || status=1

    # The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
    # GLib's slice allocator would hide leaks; GL is off because Mesa's leaks
    # cannot be told apart once its driver is unloaded (build-aux/lsan.supp).
    asan=${build}-asan
    [[ -f $asan/build.ninja ]] || meson setup "$asan" -Dbuildtype=debug \
      -Db_sanitize=address,undefined -Db_lundef=false
    ninja -C "$asan"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp \
    G_SLICE=always-malloc GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
      xvfb meson test -C "$asan" --print-errorlogs --timeout-multiplier 3 || status=1

    # Each fuzz target for a bounded time (clang, libFuzzer, the same sanitizers).
    fuzz=${build}-fuzz
    [[ -f $fuzz/build.ninja ]] || CC=clang meson setup "$fuzz" -Dfuzzing=true \
      -Db_sanitize=address,undefined -Db_lundef=false
    meson configure "$fuzz" -Dfuzz_seconds="${SUBPROC_FUZZ_SECONDS:-60}"
    ninja -C "$fuzz"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C "$fuzz" --suite fuzz --print-errorlogs || status=1
    exit $status
    ;;
esac

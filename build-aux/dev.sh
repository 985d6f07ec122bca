#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a Debian 12 (or Ubuntu) machine for Subproc, builds it, and then
#   dev.sh run [ARGS...]   starts the app (on the example register unless ARGS are given)
#   dev.sh test            runs every test, the GUI ones under Xvfb
# Installs only the packages that are missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-}
[[ $what == run || $what == test ]] || { echo "usage: $0 run [ARGS...] | test" >&2; exit 2; }
shift

build=${SUBPROC_BUILD_DIR:-build}

install_missing() {
  local missing=()
  while read -r pkg; do
    [[ -z $pkg || $pkg == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < build-aux/debian-packages.txt
  ((${#missing[@]})) || return 0
  echo "dev.sh: installing ${missing[*]}" >&2
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_missing
[[ -f $build/build.ninja ]] || meson setup "$build"
ninja -C "$build"

case $what in
  run)
    (($#)) || set -- --example
    exec meson devenv -C "$build" subproc "$@"
    ;;
  test)
    export GTK_A11Y=none GSETTINGS_BACKEND=memory TZ=UTC LANG=C.UTF-8
    exec xvfb-run -a -s '-screen 0 1280x800x24' meson test -C "$build" --print-errorlogs
    ;;
esac

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What an install puts on a machine, and that it runs from there:
#   test-install.sh SOURCE-ROOT
# For the prefixes /app (the Flatpak's, with the manifest's own build
# options) and /usr: a build of what is installed, `meson install
# --destdir`, the files compared with tests/data/installed-files.txt, then
# the installed binary run with no build tree in sight: --help in Swedish
# and Danish, --export of the bundled example, and the window under Xvfb.
set -euo pipefail
src=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "test-install: $*" >&2; status=1; }

# the Flatpak's options for our module, as flatpak-builder gives them to meson
flatpak_options=$(python3 - "$src/flatpak/org.example.Subproc.json" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
module = next(m for m in manifest["modules"] if isinstance(m, dict) and m["name"] == "subproc")
assert module["buildsystem"] == "meson", module["buildsystem"]
print(" ".join(module.get("config-opts", [])))
PY
)

expected=$(grep -v '^#' "$src/tests/data/installed-files.txt" | sort)

for prefix in /app /usr; do
  build=$work/build${prefix//\//-} dest=$work/dest${prefix//\//-}
  options=(-Dtests=false)
  [[ $prefix == /app ]] && read -r -a more <<<"$flatpak_options" && options+=("${more[@]}")
  meson setup --prefix="$prefix" "${options[@]}" "$build" "$src" >"$work/setup.log" 2>&1 ||
    { cat "$work/setup.log" >&2; fail "meson setup --prefix=$prefix failed"; continue; }
  meson compile -C "$build" >"$work/compile.log" 2>&1 || { tail -30 "$work/compile.log" >&2; fail "the build for $prefix failed"; continue; }
  meson install -C "$build" --destdir "$dest" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "meson install for $prefix failed"; continue; }

  actual=$(cd "$dest$prefix" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort)
  wanted=$expected
  # the Flatpak has no use for a man page: nothing outside it reads one
  if [[ $prefix == /app && " ${options[*]} " == *" -Dman=disabled "* ]]; then
    wanted=$(grep -v '^share/man/' <<<"$expected")
  fi
  if [[ $actual != "$wanted" ]]; then
    fail "the files installed under $prefix are not the expected ones:"
    diff <(echo "$wanted") <(echo "$actual") >&2 || true
  fi

  # the user guide, in every language, as yelp reads it
  yelp-check validate "$dest$prefix"/share/help/*/org.example.Subproc/*.page ||
    fail "the user guide installed under $prefix is not valid Mallard"

  # no build tree in sight: another directory, the installed files only
  rm -rf "$build"
  root=$dest$prefix
  schemas=$work/schemas
  mkdir -p "$schemas" && cp "$root/share/glib-2.0/schemas/"*.xml "$schemas/" && glib-compile-schemas --strict "$schemas"
  export SUBPROC_LOCALEDIR=$root/share/locale GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory
  export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config LANG=C.UTF-8 TZ=UTC GTK_A11Y=none
  cd "$work"

  help_sv=$(LANGUAGE=sv "$root/bin/subproc" --help)
  grep -q 'Öppna exempelregistret' <<<"$help_sv" || fail "--help in Swedish from $prefix: $help_sv"
  help_da=$(LANGUAGE=da "$root/bin/subproc" --help)
  grep -q 'Åbn eksempelfortegnelsen' <<<"$help_da" || fail "--help in Danish from $prefix: $help_da"

  "$root/bin/subproc" --example --export="$work/example.csv" 2>/dev/null || fail "--export of the example from $prefix failed"
  [[ $(grep -c '' "$work/example.csv") -ge 14 ]] || fail "the example's CSV from $prefix has too few rows"
  LANGUAGE=da "$root/bin/subproc" --example --export="$work/example.pdf" --language=da 2>/dev/null ||
    fail "--export of the example as a PDF from $prefix failed"
  pdftotext "$work/example.pdf" "$work/example.txt"
  grep -q 'Fingeraftryk' "$work/example.txt" || fail "the Danish PDF from $prefix is not in Danish"

  # the window: up on the example, and still up after a few seconds
  window=0
  G_DEBUG=fatal-criticals xvfb-run -a timeout --preserve-status -s TERM 6 "$root/bin/subproc" --example \
    >"$work/window.log" 2>&1 || window=$?
  # 143: ended by the TERM after running for 6 s; 0: closed by itself
  if [[ $window != 143 && $window != 0 ]]; then
    cat "$work/window.log" >&2
    fail "the window from $prefix ended with status $window"
  fi
  if grep -q 'CRITICAL\|WARNING' "$work/window.log"; then
    cat "$work/window.log" >&2
    fail "the window from $prefix warned"
  fi
  cd "$src"
done
exit $status

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# PDF export of large registers: Subproc's own (subproc --export=x.pdf)
# against what a DPO would otherwise do, LibreOffice turning the same list
# as CSV into a PDF (soffice --headless --convert-to pdf), in the same run.
# Prints wall time and peak memory (GNU time's %e and %M) and their ratios.
#
#   bench/bench-pdf.sh [BUILD_DIR] [SIZES...]     default: build 1000 10000
#
# Each size is run twice: with short descriptions (one sentence, about 60
# characters) and with long ones (two or three paragraphs, about 600).
#
# Needs /usr/bin/time (Debian: time) and, for the comparison, soffice
# (libreoffice-calc-nogui); without soffice only Subproc's figures are shown.
set -eu

build=${1:-build}
shift 2>/dev/null || true
sizes=${*:-1000 10000}
subproc="$build/app/subproc"
[ -x "$subproc" ] || { echo "bench-pdf: $subproc not found; build first (ninja -C $build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-pdf: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 1; }
soffice=$(command -v soffice || true)
[ -n "$soffice" ] || echo "bench-pdf: soffice not found: LibreOffice is not compared (apt-get install libreoffice-calc-nogui)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"   # a fresh LibreOffice profile, no user register
mkdir -p "$HOME"

# A Swedish list in the shape of the seed: six columns, descriptions of one
# sentence (short) or two or three paragraphs (long), places, mechanisms,
# dates.
generate () {
  python3 - "$1" "$2" <<'PY'
import random, sys
n = int(sys.argv[1])
short = sys.argv[2] == "short"
rnd = random.Random(28)
words = ("leverantör databehandling säkerhetskopiering lagring kunddata årshjul behandling "
         "personuppgifter överföring tredjeland kryptering åtkomst loggning support incident "
         "avtal biträde drift tjänst användare fakturor e-post analys").split()
places = ["Irland", "Holland/ Irland", "Danmark", "Sverige", "USA", "Tyskland"]
basis = ["", "", "", "Standard Contractual Clauses", "Adequacy decision"]
functions = ["Hosting", "Kundsupport", "Fakturering", "E-postservice", "Monitorering och statistik"]
print("Databehandlare\tLand\tJuridisk grundlag för behandling utanför EU\tFunktion\tFunktionsbeskrivning\tUppdaterat")
for i in range(n):
    paragraphs = []
    for _ in range(1 if short else rnd.randint(2, 3)):
        sentence = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 7) if short else rnd.randint(20, 35)))
        paragraphs.append("<p>" + sentence.capitalize() + ".</p>")
    print("\t".join([f"Leverantör {i:05d}", rnd.choice(places), rnd.choice(basis), rnd.choice(functions),
                     " ".join(paragraphs), f"{rnd.randint(1, 28)}. jun {rnd.randint(2019, 2024)}"]))
PY
}

# Runs a command under GNU time; prints "seconds kilobytes".
measure () {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
    echo "bench-pdf: failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  cat "$work/time"
}

printf '%8s  %-6s %-12s %9s %10s %7s\n' processors text tool seconds "peak MB" pages
for n in $sizes; do
for kind in short long; do
  name=$n-$kind
  generate "$n" "$kind" > "$work/list-$name.txt"
  "$subproc" --export="$work/register-$name.json" "$work/list-$name.txt" 2>/dev/null
  "$subproc" --export="$work/register-$name.csv" "$work/register-$name.json"

  set -- $(measure "$subproc" --export="$work/subproc-$name.pdf" "$work/register-$name.json")
  ours_s=$1 ours_kb=$2
  pages=$(pdfinfo "$work/subproc-$name.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  printf '%8s  %-6s %-12s %9.2f %10.1f %7s\n' "$n" "$kind" subproc "$ours_s" "$(awk "BEGIN { print $ours_kb / 1024 }")" "${pages:-?}"

  [ -n "$soffice" ] || continue
  # CSV: comma, double quote, UTF-8 (76), from line 1
  set -- $(measure "$soffice" --headless --norestore --infilter=CSV:44,34,76,1 \
                   --convert-to pdf --outdir "$work/lo-$name" "$work/register-$name.csv")
  lo_s=$1 lo_kb=$2
  pages=$(pdfinfo "$work/lo-$name/register-$name.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  printf '%8s  %-6s %-12s %9.2f %10.1f %7s\n' "$n" "$kind" libreoffice "$lo_s" "$(awk "BEGIN { print $lo_kb / 1024 }")" "${pages:-?}"
  printf '%8s  %-6s %-12s %8.1fx %9.1fx\n' "$n" "$kind" "ratio LO/us" "$(awk "BEGIN { print $lo_s / $ours_s }")" \
         "$(awk "BEGIN { print $lo_kb / $ours_kb }")"
done
done

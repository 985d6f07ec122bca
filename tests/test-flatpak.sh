#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What can be checked of the Flatpak without its runtime (which cannot be
# downloaded on our machines): the manifest parses as flatpak-builder reads
# it; it builds the app from this directory with meson (the build options
# are the ones tests/test-install.sh builds and installs with, for /app);
# every other module has a pinned source; the sandbox asks for the display,
# the GPU and IPC and nothing more, so files come and go through portals.
#   test-flatpak.sh SOURCE-ROOT
set -euo pipefail
src=$1
manifest=$src/flatpak/org.example.Subproc.json

flatpak-builder --show-manifest "$manifest" >/dev/null

python3 - "$manifest" "$src" <<'PY'
import json, os, re, sys

manifest_path, src = sys.argv[1], sys.argv[2]
manifest = json.load(open(manifest_path))
problems = []

def expect(condition, message):
    if not condition:
        problems.append(message)

expect(manifest["id"] == "org.example.Subproc", "the id is not org.example.Subproc")
expect(manifest["command"] == "subproc", "the command is not subproc")
expect(manifest["runtime"] == "org.gnome.Platform" and manifest["sdk"] == "org.gnome.Sdk",
       "not built on the GNOME runtime and SDK")
expect(re.fullmatch(r"\d+", manifest["runtime-version"]) is not None, "the runtime version is not a GNOME release")

wanted = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
args = manifest.get("finish-args", [])
expect(sorted(args) == sorted(wanted) and len(args) == len(set(args)),
       f"the sandbox asks for {args}, not exactly {wanted}")
for arg in args:
    expect(not arg.startswith(("--filesystem", "--share=network", "--talk-name", "--socket=session-bus")),
           f"the sandbox must not ask for {arg}")

modules = [m for m in manifest["modules"] if isinstance(m, dict)]
expect(modules and modules[-1]["name"] == "subproc", "the app is not the last module")
for module in modules:
    for source in module.get("sources", []):
        if module["name"] == "subproc":
            expect(source == {"type": "dir", "path": ".."}, "the app is not built from this directory")
            expect(os.path.samefile(os.path.join(os.path.dirname(manifest_path), source["path"]), src),
                   "the app's source directory is not the project")
        else:
            expect(source.get("type") == "archive" and source.get("url", "").startswith("https://"),
                   f"{module['name']}: its source is not an archive fetched over https")
            expect(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None,
                   f"{module['name']}: its source is not pinned by a sha256")
app = modules[-1]
expect(app["buildsystem"] == "meson", "the app is not built with meson")
expect("-Dtests=false" in app.get("config-opts", []), "the Flatpak would build the tests")
# the country table is made at build time from iso-codes: its files are
# not needed in the app
iso = [m for m in modules if m["name"] == "iso-codes"]
expect(not iso or iso[0].get("cleanup") == ["*"], "iso-codes is a build-time need only: it must be cleaned up")

for problem in problems:
    print(f"{manifest_path}: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

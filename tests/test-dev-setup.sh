#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `build-aux/dev.sh` run by a user who is not root and has no sudo, with a
# package missing, says which packages and the one command that installs
# them, and stops (status 1) without building anything.
#   test-dev-setup.sh SOURCE-ROOT
set -euo pipefail
root=$1
command -v setpriv >/dev/null || { echo "setpriv is not here: skipped"; exit 77; }
((EUID == 0)) || { echo "not root, so no other user to become: skipped"; exit 77; }
# the other user must be able to read the sources (a private checkout: skip)
setpriv --reuid=nobody --regid=nogroup --clear-groups test -r "$root/build-aux/dev.sh" ||
  { echo "the sources are not readable by another user: skipped"; exit 77; }
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT
# every package the project needs is installed (dev.sh test ran), and one
# that no machine has
cp "$root/build-aux/debian-packages.txt" "$dir/packages.txt"
echo "subproc-no-such-package" >> "$dir/packages.txt"
chmod 644 "$dir/packages.txt"
status=0
out=$(cd "$dir" && env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$dir" SUBPROC_PACKAGE_LIST="$dir/packages.txt" \
        SUBPROC_BUILD_DIR="$dir/build" \
        setpriv --reuid=nobody --regid=nogroup --clear-groups bash "$root/build-aux/dev.sh" test </dev/null 2>&1) || status=$?
echo "$out"
[[ $status == 1 ]] || { echo "dev.sh exited $status, not 1" >&2; exit 1; }
grep -qx "dev.sh: these Debian packages are missing: subproc-no-such-package" <<<"$out"
grep -qx "  sudo apt-get install -y --no-install-recommends subproc-no-such-package" <<<"$out"
[[ ! -e $dir/build ]] || { echo "dev.sh built something" >&2; exit 1; }
echo "ok: told the user what to install"

#!/bin/sh
# test-deb.sh: builds the Debian package from a copy of the source tree, as
# hospital IT would (dpkg-buildpackage -us -uc -b), then checks its name, its
# files, that apt finds all it depends on in the distribution, that lintian has
# nothing to say, and that it runs from a throwaway root once its schema is
# compiled, as the package manager's trigger does (TAP output).
# Usage: test-deb.sh SOURCE-DIR VERSION
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

source_dir=$1
version=$2

for tool in dpkg-buildpackage dpkg-checkbuilddeps dh; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (Debian: dpkg-dev, debhelper)"
    exit 0
  fi
done
if ! unmet=$(cd "$source_dir" && dpkg-checkbuilddeps 2>&1); then
  echo "1..0 # SKIP $unmet"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree="$work/cpms-guide-$version"
arch=$(dpkg --print-architecture)
deb="$work/cpms-guide_${version}_$arch.deb"
root="$work/root"

echo "1..7"

# A copy without this build or the repository: what a release tarball holds.
mkdir "$tree"
tar -C "$source_dir" --exclude=./build --exclude=./_build --exclude=./.git --exclude='./obj-*' -cf - . |
  tar -C "$tree" -xf -

if (cd "$tree" && DEB_BUILD_OPTIONS="parallel=2" dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1; then
  echo "ok 1 - dpkg-buildpackage -us -uc -b"
else
  echo "not ok 1 - dpkg-buildpackage -us -uc -b"
  tail -n 40 "$work/build.log" | sed 's/^/# /'
  exit 0
fi

if [ -f "$deb" ]; then
  echo "ok 2 - the package is cpms-guide_${version}_$arch.deb"
else
  echo "not ok 2 - the package is cpms-guide_${version}_$arch.deb"
  ls "$work" | sed 's/^/# /'
  exit 0
fi

expected=$( (sed -e '/^#/d' -e 's|@bindir@|/usr/bin|' -e 's|@datadir@|/usr/share|' \
               -e 's|@mandir@\(.*\)|/usr/share/man\1.gz|' "$(dirname "$0")/installed-files.txt"
             printf '%s\n' /usr/share/doc/cpms-guide/changelog.gz /usr/share/doc/cpms-guide/copyright) | sort)
listed=$(dpkg -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\.||' | sort)
if [ "$listed" = "$expected" ]; then
  echo "ok 3 - dpkg -c lists exactly the installed files and the package's documentation"
else
  echo "not ok 3 - dpkg -c lists exactly the installed files and the package's documentation"
  printf '%s\n' "$listed" | sed 's/^/# /'
fi

# What `apt install ./cpms-guide_….deb` would do: every dependency comes from
# the distribution's archive.
if apt-get install --simulate "$deb" >"$work/apt.log" 2>&1 &&
   grep -q "^Inst cpms-guide ($version local-deb" "$work/apt.log"; then
  echo "ok 4 - apt install resolves every dependency from the distribution"
else
  echo "not ok 4 - apt install resolves every dependency from the distribution"
  sed 's/^/# /' "$work/apt.log"
fi

if ! command -v lintian >/dev/null 2>&1; then
  echo "ok 5 # SKIP lintian is not installed"
elif tags=$(lintian --info --fail-on error,warning,info "$work"/cpms-guide_"${version}"_"$arch".changes 2>/dev/null); then
  echo "ok 5 - lintian finds nothing, with no override"
else
  echo "not ok 5 - lintian finds nothing, with no override"
  printf '%s\n' "$tags" | sed 's/^/# /'
fi

dpkg -x "$deb" "$root"
schemas="$root/usr/share/glib-2.0/schemas"
if glib-compile-schemas --strict "$schemas" &&
   [ "$(GSETTINGS_BACKEND=memory gsettings --schemadir "$schemas" get eu.ern_reconnet.CpmsGuide language)" = "''" ]; then
  echo "ok 6 - the schema compiles once unpacked, and its keys read"
else
  echo "not ok 6 - the schema compiles once unpacked, and its keys read"
fi

output=$(env -u DISPLAY -u WAYLAND_DISPLAY GSETTINGS_SCHEMA_DIR="$schemas" "$root/usr/bin/cpms-guide" --version 2>&1)
if [ "$output" = "cpms-guide $version" ]; then
  echo "ok 7 - cpms-guide --version runs from the unpacked package"
else
  echo "not ok 7 - cpms-guide --version runs from the unpacked package"
  printf '%s\n' "$output" | sed 's/^/# /'
fi

#!/bin/sh
# test-install.sh: installs the build into a temporary DESTDIR and checks that
# exactly the expected files land, in their standard places (TAP output).
# Usage: test-install.sh BUILD-DIR PREFIX DATADIR BINDIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

build=$1
prefix=$2
datadir=$3
bindir=$4
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

echo "1..2"

if meson install -C "$build" --no-rebuild --quiet --destdir "$destdir" >"$destdir.log" 2>&1; then
  echo "ok 1 - meson install into a DESTDIR"
else
  echo "not ok 1 - meson install into a DESTDIR"
  sed 's/^/# /' "$destdir.log"
fi
rm -f "$destdir.log"

app=eu.ern_reconnet.CpmsGuide
# Translations are compiled into the executable, so that the language can be
# switched live whatever the locale: there are no .mo files to install. The
# schema cache is compiled by meson's post-install step, or by the package
# manager's trigger when installing into a DESTDIR.
expected=$(sort <<LIST
$prefix/$bindir/cpms-guide
$prefix/$datadir/applications/$app.desktop
$prefix/$datadir/glib-2.0/schemas/$app.gschema.xml
$prefix/$datadir/icons/hicolor/scalable/apps/$app.svg
$prefix/$datadir/icons/hicolor/symbolic/apps/$app-symbolic.svg
$prefix/$datadir/metainfo/$app.metainfo.xml
LIST
)
installed=$(cd "$destdir" && find . -type f -o -type l | sed 's|^\.||' | sort)

if [ "$installed" = "$expected" ]; then
  echo "ok 2 - exactly the expected files are installed"
else
  echo "not ok 2 - exactly the expected files are installed"
  diff -u "$(printf '%s\n' "$expected" > "$destdir/.expected"; echo "$destdir/.expected")" - <<EOF2 | sed 's/^/# /'
$installed
EOF2
fi

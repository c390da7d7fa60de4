#!/bin/sh
# test-install.sh: installs the build into a temporary DESTDIR and checks that
# exactly the expected files land, in their standard places (TAP output).
# Usage: test-install.sh BUILD-DIR PREFIX DATADIR BINDIR MANDIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

build=$1
prefix=$2
datadir=$3
bindir=$4
mandir=$5
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

echo "1..3"

if meson install -C "$build" --no-rebuild --quiet --destdir "$destdir" >"$destdir.log" 2>&1; then
  echo "ok 1 - meson install into a DESTDIR"
else
  echo "not ok 1 - meson install into a DESTDIR"
  sed 's/^/# /' "$destdir.log"
fi
rm -f "$destdir.log"

# The catalogues are installed where the app binds its gettext domain, and
# where software centres find the languages it speaks.
expected=$(sed -e '/^#/d' -e "s|@bindir@|$prefix/$bindir|" -e "s|@datadir@|$prefix/$datadir|" \
               -e "s|@mandir@|$prefix/$mandir|" "$(dirname "$0")/installed-files.txt" | sort)
installed=$(cd "$destdir" && find . -type f -o -type l | sed 's|^\.||' | sort)

if [ "$installed" = "$expected" ]; then
  echo "ok 2 - exactly the expected files are installed"
else
  echo "not ok 2 - exactly the expected files are installed"
  diff -u "$(printf '%s\n' "$expected" > "$destdir/.expected"; echo "$destdir/.expected")" - <<EOF2 | sed 's/^/# /'
$installed
EOF2
fi

# What a software centre's catalogue says of the installed tree: French and
# Italian among the languages (Debian's appstreamcli needs appstream-compose).
if ! appstreamcli compose --help >/dev/null 2>&1; then
  echo "ok 3 # SKIP appstreamcli compose is not available (Debian: appstream-compose)"
  exit 0
fi
result="$destdir.compose"
languages=""
if appstreamcli compose --no-net --prefix="$prefix" --origin=cpms-guide --result-root="$result" "$destdir" >"$result.log" 2>&1 &&
   languages=$(zcat "$result$prefix/share/swcatalog/xml/cpms-guide.xml.gz" | sed -n 's|.*<lang[^>]*>\(.*\)</lang>.*|\1|p') &&
   printf '%s\n' "$languages" | grep -qx fr && printf '%s\n' "$languages" | grep -qx it; then
  echo "ok 3 - appstreamcli compose lists French and Italian"
else
  echo "not ok 3 - appstreamcli compose lists French and Italian"
  sed 's/^/# /' "$result.log"
  printf '# languages: %s\n' "$languages"
fi
rm -rf "$result" "$result.log"

#!/bin/sh
# test-site-extension.sh: builds the organisation's settings extension from
# flatpak/site-extension/ with flatpak-builder, as README tells IT to, and
# checks that its files land where the app reads them (/app/etc/cpms-guide).
# It needs flatpak-builder, the GNOME 51 SDK and the app itself installed as
# a Flatpak (the extension's "runtime"): without them it is skipped, saying
# what is missing. Prints TAP.
# Usage: test-site-extension.sh SOURCE-ROOT
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

top=$1
manifest="$top/flatpak/site-extension/eu.ern_reconnet.CpmsGuide.Site.json"

skip() {
  echo "1..0 # SKIP $1"
  exit 0
}

command -v flatpak-builder >/dev/null || skip "flatpak-builder is not installed"
flatpak info org.gnome.Sdk//51 >/dev/null 2>&1 || skip "the GNOME 51 SDK (org.gnome.Sdk//51) is not installed"
flatpak info eu.ern_reconnet.CpmsGuide >/dev/null 2>&1 || skip "the app is not installed as a Flatpak"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$top/flatpak/site-extension" "$work/extension"
printf '[Site]\nLanguage=it\n' >"$work/extension/site/site.conf"

echo "1..2"
if flatpak-builder --disable-rofiles-fuse --repo="$work/repo" "$work/build" \
     "$work/extension/$(basename "$manifest")" >"$work/log" 2>&1; then
  echo "ok 1 - the extension builds"
else
  echo "not ok 1 - the extension builds"
  sed 's/^/# /' "$work/log"
fi
if grep -qx 'Language=it' "$work/build/files/site.conf" 2>/dev/null; then
  echo "ok 2 - its site.conf is at the root of the extension, mounted as /app/etc/cpms-guide"
else
  echo "not ok 2 - its site.conf is at the root of the extension, mounted as /app/etc/cpms-guide"
fi

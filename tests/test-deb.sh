#!/bin/sh
# test-deb.sh: builds the Debian package from a copy of the source tree, as
# hospital IT would (dpkg-buildpackage -us -uc -b), then checks its name, its
# files, that apt finds all it depends on in the distribution, that lintian has
# nothing to say, and that it runs from a throwaway root once its schema is
# compiled, as the package manager's trigger does. Then README's recipe for
# an organisation's own apt repository: reprepro signs one with a throwaway
# key, apt reads it with that key alone and refuses another's, and, as root,
# installs the package from it and purges it (TAP output).
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
export GNUPGHOME="$work/gnupg"
trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$work"' EXIT
tree="$work/cpms-guide-$version"
arch=$(dpkg --print-architecture)
deb="$work/cpms-guide_${version}_$arch.deb"
root="$work/root"

echo "1..11"

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

# The organisation's apt repository, as README makes it: a signing key, its
# public half exported for the workstations, and reprepro.
for tool in reprepro gpg gpgv; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    for number in 8 9 10 11; do
      echo "ok $number # SKIP $tool is not installed (Debian: reprepro, gnupg)"
    done
    exit 0
  fi
done

repo="$work/apt"
mkdir -m 700 "$GNUPGHOME"
mkdir -p "$repo/conf"
cat >"$repo/conf/distributions" <<CONF
Origin: Hospital IT
Label: CPMS Access Guide
Codename: bookworm
Architectures: $arch
Components: main
Description: CPMS Access Guide for the hospital's workstations
SignWith: repo@cpms-guide.invalid
CONF
if gpg --batch --passphrase '' --quick-gen-key 'CPMS Access Guide test repository <repo@cpms-guide.invalid>' \
     default default never >"$work/repo.log" 2>&1 &&
   gpg --batch --passphrase '' --quick-gen-key 'Someone else <other@cpms-guide.invalid>' \
     default default never >>"$work/repo.log" 2>&1 &&
   gpg --export repo@cpms-guide.invalid >"$work/cpms-guide-repo.gpg" &&
   gpg --export other@cpms-guide.invalid >"$work/other.gpg" &&
   reprepro -b "$repo" includedeb bookworm "$deb" >>"$work/repo.log" 2>&1 &&
   gpgv --keyring "$work/cpms-guide-repo.gpg" "$repo/dists/bookworm/InRelease" >>"$work/repo.log" 2>&1; then
  echo "ok 8 - reprepro makes a repository signed with the organisation's key"
else
  echo "not ok 8 - reprepro makes a repository signed with the organisation's key"
  sed 's/^/# /' "$work/repo.log"
  exit 0
fi

# apt with this repository alone, signed-by= KEY, in folders of its own, so
# that nothing of the machine's apt configuration is read or changed; the
# files read as root, not as apt's sandbox user, who cannot enter this
# test's folder. Usage: repo_apt KEY APT-GET-ARGUMENTS…
repo_apt () {
  state="$work/apt-state/$(basename "$1")"
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/parts"
  echo "deb [signed-by=$1] file://$repo bookworm main" >"$state/sources.list"
  shift
  apt-get -q -o Dir::Etc::SourceList="$state/sources.list" -o Dir::Etc::SourceParts="$state/parts" \
    -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" -o APT::Sandbox::User=root \
    -o DPkg::Lock::Timeout=120 "$@"
}

if repo_apt "$work/cpms-guide-repo.gpg" update >"$work/update.log" 2>&1 &&
   ! grep -q '^[WE]:' "$work/update.log" &&
   repo_apt "$work/cpms-guide-repo.gpg" install --simulate cpms-guide >>"$work/update.log" 2>&1 &&
   grep -q "^Inst cpms-guide ($version CPMS Access Guide:" "$work/update.log"; then
  echo "ok 9 - apt reads the repository with signed-by= the exported key, and finds the package"
else
  echo "not ok 9 - apt reads the repository with signed-by= the exported key, and finds the package"
  sed 's/^/# /' "$work/update.log"
fi

if ! repo_apt "$work/other.gpg" update >"$work/other.log" 2>&1 &&
   grep -q 'NO_PUBKEY\|is not signed' "$work/other.log"; then
  echo "ok 10 - apt refuses the repository when signed-by= names another key"
else
  echo "not ok 10 - apt refuses the repository when signed-by= names another key"
  sed 's/^/# /' "$work/other.log"
fi

# Installing changes the machine: only as root, and never over a copy of the
# app that someone installed on it.
package_state () {
  dpkg-query -W -f='${db:Status-Abbrev}${Version}' cpms-guide 2>/dev/null
}
if [ "$(id -u)" -ne 0 ]; then
  echo "ok 11 # SKIP installing from the repository needs root"
elif package_state | grep -q '^.[^n]'; then
  echo "ok 11 # SKIP cpms-guide is installed on this machine already, and is left alone"
else
  DEBIAN_FRONTEND=noninteractive repo_apt "$work/cpms-guide-repo.gpg" install -y --no-install-recommends \
      cpms-guide >>"$work/install.log" 2>&1
  installed=$(package_state)
  output=$(env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/cpms-guide --version 2>&1)
  DEBIAN_FRONTEND=noninteractive apt-get purge -q -y -o DPkg::Lock::Timeout=120 cpms-guide >>"$work/install.log" 2>&1
  purged=$(package_state)
  if [ "$installed" = "ii $version" ] && [ "$output" = "cpms-guide $version" ] && [ "${purged:-un }" = "un " ]; then
    echo "ok 11 - apt installs the package from the repository, and purges it"
  else
    echo "not ok 11 - apt installs the package from the repository, and purges it"
    printf 'installed: %s\n--version: %s\npurged: %s\n' "$installed" "$output" "$purged" | sed 's/^/# /'
    sed 's/^/# /' "$work/install.log"
  fi
fi

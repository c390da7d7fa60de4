#!/bin/sh
# test-playbook.sh: the example Ansible playbook for hospital IT
# (deploy/ansible/): its syntax, then a real run on this machine with
# "connection: local", installing nothing (cpms_guide_install=none) and
# writing into a throwaway folder instead of /etc; the site file is checked by
# the app itself, the dconf settings through GSettings (TAP output). Needs
# neither root nor a network.
# Usage: test-playbook.sh SOURCE-DIR CPMS-GUIDE-EXECUTABLE SCHEMA-DIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

source_dir=$1
binary=$2
schemas=$3
playbook="$source_dir/deploy/ansible/cpms-guide.yml"

for tool in ansible-playbook dconf; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (Debian: ansible-core, dconf-cli)"
    exit 0
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
site="$root/etc/xdg/cpms-guide/site.conf"
# Ansible's temporary files and the app's marks, in the throwaway folder;
# Ansible reads its configuration from an empty file, not the user's.
export HOME="$work/home" ANSIBLE_LOCAL_TEMP="$work/tmp" ANSIBLE_REMOTE_TEMP="$work/tmp"
export ANSIBLE_CONFIG="$work/ansible.cfg" ANSIBLE_NOCOLOR=1
export LC_ALL=C.UTF-8 LANGUAGE='' XDG_CONFIG_HOME="$work/home/config"
unset CPMS_GUIDE_SITE_CONFIG
touch "$ANSIBLE_CONFIG"
cat >"$work/vars.yml" <<VARS
cpms_guide_hosts: localhost
ansible_become: false
ansible_python_interpreter: $(command -v python3)
cpms_guide_install: none
cpms_guide_etc: $root/etc
cpms_guide_binary: $binary
cpms_guide_language: it
cpms_guide_lock_language: true
cpms_guide_contact_name: Servizio informatico, AOU Pisana
cpms_guide_contact_email: helpdesk-it@hospital.example
cpms_guide_contact_phone: +39 050 000 000
VARS

# Runs the playbook on this machine with the variables above and those
# given, its output in $work/play.log.
play () {
  ansible-playbook -i localhost, -c local "$playbook" -e "@$work/vars.yml" "$@" >"$work/play.log" 2>&1
}

# The key as GSettings reads it, with the system database the run compiled
# (dconf's "file-db:" stands for "system-db:local" under the real /etc).
dconf_says () {
  printf 'user-db:user\nfile-db:%s\n' "$root/etc/dconf/db/local" >"$work/profile"
  DCONF_PROFILE="$work/profile" GSETTINGS_BACKEND=dconf \
    gsettings --schemadir "$schemas" "$1" eu.ern_reconnet.CpmsGuide language
}

echo "1..8"

if ansible-playbook --syntax-check -i localhost, "$playbook" >"$work/play.log" 2>&1; then
  echo "ok 1 - ansible-playbook --syntax-check"
else
  echo "not ok 1 - ansible-playbook --syntax-check"
  sed 's/^/# /' "$work/play.log"
fi

# A workstation whose dconf profile already names a database of its own.
mkdir -p "$root/etc/dconf/profile"
printf 'user-db:user\nsystem-db:site\n' >"$root/etc/dconf/profile/user"
if play; then
  echo "ok 2 - the playbook runs, installing nothing, into a throwaway /etc"
else
  echo "not ok 2 - the playbook runs, installing nothing, into a throwaway /etc"
  sed 's/^/# /' "$work/play.log"
fi

expected="Site file: $site
Site guide: none, the built-in guide is used
Language: it, locked
Contact: Servizio informatico, AOU Pisana, helpdesk-it@hospital.example, +39 050 000 000
No problems found."
if output=$(XDG_CONFIG_DIRS="$root/etc/xdg" "$binary" --check-site --require-site 2>&1) &&
   [ "$output" = "$expected" ]; then
  echo "ok 3 - cpms-guide --check-site finds the site file where the app looks, and all it says"
else
  echo "not ok 3 - cpms-guide --check-site finds the site file where the app looks, and all it says"
  printf '%s\n' "$output" | sed 's/^/# /'
fi

profile=$(cat "$root/etc/dconf/profile/user" 2>/dev/null || true)
if [ "$profile" = "$(printf 'user-db:user\nsystem-db:site\nsystem-db:local')" ]; then
  echo "ok 4 - the dconf profile keeps its lines and adds system-db:local"
else
  echo "not ok 4 - the dconf profile keeps its lines and adds system-db:local"
  printf '%s\n' "$profile" | sed 's/^/# /'
fi

if [ "$(dconf_says get)" = "'it'" ] && [ "$(dconf_says writable)" = false ]; then
  echo "ok 5 - dconf's system database sets the language to Italian and locks it"
else
  echo "not ok 5 - dconf's system database sets the language to Italian and locks it"
  find "$root/etc/dconf" | sed 's/^/# /'
fi

if play && grep -q '^localhost *: ok=[0-9]* *changed=0 .* failed=0 ' "$work/play.log"; then
  echo "ok 6 - a second run changes nothing"
else
  echo "not ok 6 - a second run changes nothing"
  sed 's/^/# /' "$work/play.log"
fi

# Unlocked: the lock an earlier run wrote is taken away, and only the lock.
if play -e cpms_guide_lock_language=false &&
   [ "$(dconf_says get)" = "'it'" ] && [ "$(dconf_says writable)" = true ] &&
   XDG_CONFIG_DIRS="$root/etc/xdg" "$binary" --check-site | grep -qx 'Language: it, unless the user chooses another'; then
  echo "ok 7 - unlocked, the language stays Italian and users may change it"
else
  echo "not ok 7 - unlocked, the language stays Italian and users may change it"
  sed 's/^/# /' "$work/play.log"
fi

# A language the app does not have stops the run before anything is written.
rm -rf "$root"
if ! play -e cpms_guide_language=de && grep -q 'cpms_guide_language fr, it, en' "$work/play.log" && [ ! -e "$root" ]; then
  echo "ok 8 - cpms_guide_language=de is refused, and nothing is written"
else
  echo "not ok 8 - cpms_guide_language=de is refused, and nothing is written"
  sed 's/^/# /' "$work/play.log"
fi

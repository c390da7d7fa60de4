#!/bin/sh
# test-writes.sh: runs the app, saving progress and showing every stage, and
# checks with strace that it writes nothing outside the user's own folders
# (HOME and the XDG folders); then that what changes nothing writes nothing:
# a start and quit with nothing done, --export-pdf and --check-site leave
# the progress file as it was. TAP output.
# Usage: test-writes.sh CPMS-GUIDE-EXECUTABLE SCHEMA-DIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

app=$1
schemas=$2
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

echo "1..5"

mkdir -p "$root/home" "$root/runtime"
chmod 700 "$root/runtime"
export HOME="$root/home" XDG_CONFIG_HOME="$root/home/.config" XDG_DATA_HOME="$root/home/.local/share" \
  XDG_CACHE_HOME="$root/home/.cache" XDG_STATE_HOME="$root/home/.local/state" XDG_RUNTIME_DIR="$root/runtime" \
  GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=keyfile GDK_BACKEND=x11 GSK_RENDERER=cairo

# LeakSanitizer cannot work under ptrace: in a sanitizer build, strace's
# runs leave the leak check to the other tests.
ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0"
export ASAN_OPTIONS

# The measured ticks go to a file of their own (they never touch the user's
# progress), in the user's cache; showing every stage saves where the user
# is in the user's own progress.
status=0
for mode in save visit; do
  set -- "$app"
  if [ "$mode" = save ]; then
    set -- "$app" --progress-file "$XDG_CACHE_HOME/cpms-guide/benchmark-progress.json"
  fi
  CPMS_GUIDE_BENCHMARK=$mode CPMS_GUIDE_BENCHMARK_REPEAT=10 strace -f -qq -o "$root/trace-$mode" \
    -e trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat "$@" >/dev/null 2>&1 || status=$?
done

if [ "$status" -eq 0 ] && [ -s "$root/home/.local/share/cpms-guide/progress.json" ] &&
   [ -s "$XDG_CACHE_HOME/cpms-guide/benchmark-progress.json" ]; then
  echo "ok 1 - the app ran and saved its progress in the user's data folder, and the ticks in their own file"
else
  echo "not ok 1 - the app ran and saved its progress in the user's data folder, and the ticks in their own file (status $status)"
fi

# Every path written, created, renamed or removed.
written=$(cat "$root"/trace-* |
  grep -E 'O_WRONLY|O_RDWR|O_CREAT|mkdir|rename|unlink' |
  grep -v ' = -1 ' |
  sed -n 's/^[0-9]* *[a-z0-9]*(\(AT_FDCWD, \)\{0,1\}"\([^"]*\)".*/\2/p' |
  sort -u)
outside=$(printf '%s\n' "$written" | grep -v -e "^$root/" -e '^/dev/' -e '^$' || true)

if [ -z "$outside" ]; then
  echo "ok 2 - nothing is written outside the user's own folders"
else
  echo "not ok 2 - nothing is written outside the user's own folders"
  printf '%s\n' "$outside" | sed 's/^/# /'
fi

# What changes nothing writes nothing to the progress file: not opened for
# writing, not replaced, removed or linked, and the same file, unmodified.
progress="$root/home/.local/share/cpms-guide/progress.json"
n=3
for run in "start and quit with nothing done" "--export-pdf" "--check-site"; do
  case $run in
    # A file of version 1 with stage 2 finished the SMS way, which the
    # handout shows brought up to date, in memory only.
    --export-pdf)
      cat > "$progress" <<EOF
{ "version": 1, "done": { "two-factor.sign-in": "2026-10-02T09:00:00Z",
  "two-factor.my-account": "2026-10-02T09:00:00Z", "two-factor.manage-phones": "2026-10-02T09:00:00Z",
  "two-factor.add-number": "2026-10-02T09:00:00Z", "two-factor.confirm-sms": "2026-10-02T09:00:00Z" } }
EOF
      set -- "$app" --export-pdf="$root/handout.pdf" ;;
    --check-site) set -- "$app" --check-site ;;
    *) set -- env CPMS_GUIDE_BENCHMARK=first-frame "$app" ;;
  esac
  before=$(stat -c '%i %y' "$progress")
  strace -f -qq -o "$root/untouched-$n" \
    -e trace=open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,link,linkat "$@" >/dev/null 2>&1
  after=$(stat -c '%i %y' "$progress")
  touched=$(grep 'progress\.json' "$root/untouched-$n" | grep -E 'O_WRONLY|O_RDWR|O_CREAT|rename|unlink|link' |
    grep -v ' = -1 ' || true)

  if [ -n "$before" ] && [ "$before" = "$after" ] && [ -z "$touched" ]; then
    echo "ok $n - $run leaves the progress file untouched"
  else
    echo "not ok $n - $run leaves the progress file untouched"
    printf '%s\n' "before: $before" "after: $after" "$touched" | sed 's/^/# /'
  fi
  n=$((n + 1))
done

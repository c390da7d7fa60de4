#!/bin/sh
# test-slides.sh: runs test-slides on each screen size a projector commonly
# has, each in an X server of that size with a window manager (fullscreen
# needs one), and takes screenshots for the QR codes at the two sizes most
# rooms have. Prints TAP, one line a size.
# Usage: test-slides.sh TEST-SLIDES-BINARY
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

binary=$1
sizes="1024x768 1280x800 1920x1080 3840x2160"

if [ -z "${TEST_SLIDES_SCREEN:-}" ]; then
  echo "1..4"
  n=0
  for size in $sizes; do
    n=$((n + 1))
    screenshots=""
    case $size in
      1280x800|1920x1080) screenshots=1 ;;
    esac
    log=$(mktemp)
    if TEST_SLIDES_SCREEN=$size CPMS_GUIDE_SCREENSHOTS=$screenshots \
         xvfb-run --auto-servernum --server-args="-screen 0 ${size}x24" "$0" "$binary" >"$log" 2>&1; then
      echo "ok $n - every slide at $size"
    else
      echo "not ok $n - every slide at $size"
    fi
    sed 's/^/# /' "$log"
    rm -f "$log"
  done
  exit 0
fi

[ -n "${CPMS_GUIDE_SCREENSHOTS:-}" ] || unset CPMS_GUIDE_SCREENSHOTS

# The window manager announces itself on the root window once it is ready.
# Without it, GTK would call the window fullscreen at its default size; on a
# busy computer it can take seconds, and a window manager that gave up (it
# found the X server not yet ready) is started again.
wm_log=$(mktemp)
wm=""
ready=""
for _ in $(seq 600); do
  if [ -z "$wm" ] || ! kill -0 "$wm" 2>/dev/null; then
    openbox --sm-disable >>"$wm_log" 2>&1 &
    wm=$!
  fi
  if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; then
    ready=1
    break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "openbox did not start:"
  cat "$wm_log"
  kill "$wm" 2>/dev/null
  rm -f "$wm_log"
  exit 1
fi
rm -f "$wm_log"

status=0
"$binary" || status=$?
kill "$wm" 2>/dev/null
exit $status

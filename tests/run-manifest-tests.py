#!/usr/bin/env python3
# run-manifest-tests.py: runs the test commands of the Flatpak manifest's app
# module the way flatpak-builder does, in the build folder, with no display
# and no D-Bus session, so that a test that needs either can never slip back
# into what the Flatpak build runs (TAP output).
# Usage: run-manifest-tests.py MANIFEST BUILD-DIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys

manifest_path, build_dir = sys.argv[1:3]

with open(manifest_path, encoding="utf-8") as f:
    app = json.load(f)["modules"][-1]

# flatpak-builder's sandbox has none of these: a test that reaches for a
# display or the session bus fails here as it would there.
environment = {name: value for name, value in os.environ.items()
               if name not in ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY",
                               "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
commands = app.get("test-commands", [])

print(f"1..{len(commands)}")
for number, command in enumerate(commands, 1):
    result = subprocess.run(["/bin/sh", "-c", command], cwd=build_dir, env=environment,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    print(f"{'ok' if result.returncode == 0 else 'not ok'} {number} - {command}")
    if result.returncode != 0:
        for line in (result.stdout + result.stderr).splitlines():
            print(f"# {line}")

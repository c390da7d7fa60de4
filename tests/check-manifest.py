#!/usr/bin/env python3
# check-manifest.py: checks the Flatpak manifest offline, as far as it can be
# without the runtime (TAP output).
# Usage: check-manifest.py MANIFEST METAINFO-TEMPLATE DESKTOP-FILE SCREENSHOTS-DIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

manifest_path, metainfo_path, desktop_path, screenshots_dir = sys.argv[1:5]
checks = []

# What the Flatpak build tests, in flatpak-builder's sandbox (no display, no
# D-Bus session): the unit and data suites. run-manifest-tests.py runs it the
# same way within the suite; its own log keeps it apart from the run it is in.
TEST_COMMAND = ("meson test --no-rebuild --print-errorlogs --logbase flatpak-testlog"
                " --suite unit --suite data")


def check(description, condition):
    checks.append((description, bool(condition)))


with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

with open(metainfo_path, encoding="utf-8") as f:
    metainfo_template = f.read()
app_id = ET.fromstring(metainfo_template).findtext("id")
modules = manifest.get("modules", [])
app = modules[-1] if modules else {}
qrencode = [m for m in modules if isinstance(m, dict) and m.get("name") == "qrencode"]

check("the app ID matches the metainfo", manifest.get("id") == app_id)
check("the app ID matches the desktop file", os.path.basename(desktop_path) == f"{app_id}.desktop")
check("runtime org.gnome.Platform 51 with org.gnome.Sdk",
      manifest.get("runtime") == "org.gnome.Platform"
      and manifest.get("runtime-version") == "51"
      and manifest.get("sdk") == "org.gnome.Sdk")
check("the command is cpms-guide", manifest.get("command") == "cpms-guide")
check("finish-args are exactly ipc, wayland, fallback-x11 and dri: no network, no files, no D-Bus names",
      sorted(manifest.get("finish-args", [])) ==
      sorted(["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]))
check("both translations are always installed (separate-locales is false)",
      manifest.get("separate-locales") is False)
check("libqrencode is a pinned archive",
      len(qrencode) == 1
      and all(s.get("type") == "archive"
              and s.get("url", "").startswith("https://")
              and re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", ""))
              for s in qrencode[0].get("sources", [])))
check("the app is built from the local tree, with its tests",
      app.get("name") == "cpms-guide"
      and app.get("buildsystem") == "meson"
      and app.get("run-tests") is True
      and app.get("sources") == [{"type": "dir", "path": ".."}])
check(f"the build tests run exactly “{TEST_COMMAND}”, in the build folder",
      app.get("builddir") is True
      and app.get("test-rule") == ""
      and app.get("test-commands") == [TEST_COMMAND])

# Software centres refuse a metainfo without screenshots: the Flatpak's lists
# them once the build says where they are published.
screenshots_options = [option.split("=", 1)[1] for option in app.get("config-opts", [])
                       if option.startswith("-Dscreenshots_url=")]
images = re.findall(r"@SCREENSHOTS_URL@/([^<]+)</image>", metainfo_template)
check("the app is built with -Dscreenshots_url, an https address",
      len(screenshots_options) == 1 and screenshots_options[0].startswith("https://")
      and not screenshots_options[0].endswith("/"))
check(f"the metainfo lists screenshots, each in {screenshots_dir}",
      images
      and all(os.path.isfile(os.path.join(screenshots_dir, image)) for image in images))

# The organisation's settings come as an extension of the app, mounted
# read-only where the app reads them first: no host path, no override.
extension_id = f"{app_id}.Site"
extension_point = manifest.get("add-extensions", {}).get(extension_id, {})
check(f"the manifest declares the extension point {extension_id}, mounted at /app/etc/cpms-guide, never downloaded by itself",
      extension_point.get("directory") == "etc/cpms-guide" and extension_point.get("no-autodownload") is True)
check("the app makes the extension point's folder",
      "install -d /app/etc/cpms-guide" in app.get("post-install", []))
check("the manifest reads nothing of the host's /etc",
      not any("host-etc" in arg or "/etc" in arg for arg in manifest.get("finish-args", [])))
template_path = os.path.join(os.path.dirname(manifest_path), "site-extension", f"{extension_id}.json")
try:
    with open(template_path, encoding="utf-8") as f:
        template = json.load(f)
except (OSError, ValueError):
    template = {}
check(f"the extension's template builds {extension_id} for the app, into /app/etc/cpms-guide",
      template.get("id") == extension_id and template.get("runtime") == app_id
      and template.get("build-extension") is True
      and template.get("build-options", {}).get("prefix") == "/app/etc/cpms-guide"
      and any("/app/etc/cpms-guide/site.conf" in command
              for module in template.get("modules", []) for command in module.get("build-commands", [])))
check("the extension's template has an example site file",
      os.path.isfile(os.path.join(os.path.dirname(template_path), "site", "site.conf")))

print(f"1..{len(checks)}")
for number, (description, passed) in enumerate(checks, 1):
    print(f"{'ok' if passed else 'not ok'} {number} - {description}")

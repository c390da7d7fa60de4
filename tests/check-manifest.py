#!/usr/bin/env python3
# check-manifest.py: checks the Flatpak manifests offline, as far as they can
# be without the runtime (TAP output): the development one, which builds the
# local tree, and the release one, which builds a tag of the public
# repository and must otherwise be the same.
# Usage: check-manifest.py MANIFEST RELEASE-MANIFEST VERSION METAINFO-TEMPLATE DESKTOP-FILE SCREENSHOTS-DIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

(manifest_path, release_path, version, metainfo_path, desktop_path,
 screenshots_dir) = sys.argv[1:7]
checks = []

# What the Flatpak build tests, in flatpak-builder's sandbox (no display, no
# D-Bus session): the unit and data suites. run-manifest-tests.py runs it the
# same way within the suite; its own log keeps it apart from the run it is in.
TEST_COMMAND = ("meson test --no-rebuild --print-errorlogs --logbase flatpak-testlog"
                " --suite unit --suite data")


def check(description, condition):
    checks.append((description, bool(condition)))


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def app_module(manifest):
    modules = manifest.get("modules", [])
    return modules[-1] if modules and isinstance(modules[-1], dict) else {}


with open(metainfo_path, encoding="utf-8") as f:
    metainfo_template = f.read()
app_id = ET.fromstring(metainfo_template).findtext("id")
images = re.findall(r"@SCREENSHOTS_URL@/([^<]+)</image>", metainfo_template)
extension_id = f"{app_id}.Site"
manifest = load(manifest_path)
release = load(release_path)


def check_manifest(kind, manifest):
    """What both manifests must be, each check's description told by @kind."""
    def check_one(description, condition):
        check(f"{kind}: {description}", condition)

    modules = manifest.get("modules", [])
    app = app_module(manifest)
    qrencode = [m for m in modules if isinstance(m, dict) and m.get("name") == "qrencode"]

    check_one("the app ID matches the metainfo", manifest.get("id") == app_id)
    check_one("the app ID matches the desktop file", os.path.basename(desktop_path) == f"{app_id}.desktop")
    check_one("runtime org.gnome.Platform 51 with org.gnome.Sdk",
              manifest.get("runtime") == "org.gnome.Platform"
              and manifest.get("runtime-version") == "51"
              and manifest.get("sdk") == "org.gnome.Sdk")
    check_one("the command is cpms-guide", manifest.get("command") == "cpms-guide")
    check_one("finish-args are exactly ipc, wayland, fallback-x11 and dri: no network, no files, no D-Bus names",
              sorted(manifest.get("finish-args", [])) ==
              sorted(["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]))
    check_one("both translations are always installed (separate-locales is false)",
              manifest.get("separate-locales") is False)
    check_one("libqrencode is a pinned archive",
              len(qrencode) == 1
              and all(s.get("type") == "archive"
                      and s.get("url", "").startswith("https://")
                      and re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", ""))
                      for s in qrencode[0].get("sources", [])))
    check_one("the app is built with meson, with its tests",
              app.get("name") == "cpms-guide"
              and app.get("buildsystem") == "meson"
              and app.get("run-tests") is True)
    check_one(f"the build tests run exactly “{TEST_COMMAND}”, in the build folder",
              app.get("builddir") is True
              and app.get("test-rule") == ""
              and app.get("test-commands") == [TEST_COMMAND])

    # Software centres refuse a metainfo without screenshots: the Flatpak's
    # lists them once the build says where they are published.
    screenshots_options = [option.split("=", 1)[1] for option in app.get("config-opts", [])
                           if option.startswith("-Dscreenshots_url=")]
    check_one("the app is built with -Dscreenshots_url, an https address",
              len(screenshots_options) == 1 and screenshots_options[0].startswith("https://")
              and not screenshots_options[0].endswith("/"))
    check_one(f"the metainfo lists screenshots, each in {screenshots_dir}",
              images
              and all(os.path.isfile(os.path.join(screenshots_dir, image)) for image in images))

    # The organisation's settings come as an extension of the app, mounted
    # read-only where the app reads them first: no host path, no override.
    extension_point = manifest.get("add-extensions", {}).get(extension_id, {})
    check_one(f"the manifest declares the extension point {extension_id}, mounted at /app/etc/cpms-guide, never downloaded by itself",
              extension_point.get("directory") == "etc/cpms-guide" and extension_point.get("no-autodownload") is True)
    check_one("the app makes the extension point's folder",
              "install -d /app/etc/cpms-guide" in app.get("post-install", []))
    check_one("the manifest reads nothing of the host's /etc",
              not any("host-etc" in arg or "/etc" in arg for arg in manifest.get("finish-args", [])))


check_manifest("development", manifest)
check_manifest("release", release)

# The development manifest builds what is on the disk; the release one, what
# was published: a tag, pinned to its commit, so that a tag moved later
# fails the build rather than build something else.
check("development: the app is built from the local tree",
      app_module(manifest).get("sources") == [{"type": "dir", "path": ".."}])
release_sources = app_module(release).get("sources", [])
git = release_sources[0] if len(release_sources) == 1 else {}
repository = re.fullmatch(r"https://github\.com/([^/]+/[^/]+)\.git", git.get("url", ""))
check(f"release: the app is built from the public repository's tag {version} (the project's version), pinned to its 40-hex commit",
      git.get("type") == "git" and repository
      and git.get("tag") == version
      and re.fullmatch(r"[0-9a-f]{40}", git.get("commit", "")))
check("release: no module is built from a local folder",
      release.get("modules")
      and not any(source.get("type") == "dir"
                  for module in release.get("modules", []) if isinstance(module, dict)
                  for source in module.get("sources", []) if isinstance(source, dict)))
# The screenshots are published with the release: at its tag, in the
# repository it is built from.
if repository:
    screenshots_url = f"https://raw.githubusercontent.com/{repository.group(1)}/{version}/data/screenshots"
    check(f"both manifests take the screenshots from the release's tag: {screenshots_url}",
          all(f"-Dscreenshots_url={screenshots_url}" in app_module(m).get("config-opts", [])
              for m in (manifest, release)))
else:
    check("both manifests take the screenshots from the release's tag", False)


def without_app_sources(manifest):
    copy = json.loads(json.dumps(manifest))
    if copy.get("modules"):
        app_module(copy).pop("sources", None)
    return copy


# Nothing but the app's source may differ, so that what the store builds
# is what the suite tests.
check("the release manifest is the development one but for the app's source",
      manifest and without_app_sources(release) == without_app_sources(manifest))

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

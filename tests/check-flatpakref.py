#!/usr/bin/env python3
# check-flatpakref.py: the .flatpakref that build-aux/make-flatpakref writes
# for an organisation's own Flatpak repository (TAP output).
# Usage: check-flatpakref.py MAKE-FLATPAKREF MANIFEST
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import configparser
import json
import os
import subprocess
import sys
import tempfile

script, manifest_path = sys.argv[1:3]
checks = []


def check(description, condition):
    checks.append((description, bool(condition)))


with open(manifest_path, encoding="utf-8") as f:
    app_id = json.load(f)["id"]

with tempfile.TemporaryDirectory() as folder:
    # What `gpg --export` writes: binary, any bytes.
    key = bytes(range(256))
    key_path = os.path.join(folder, "repo.gpg")
    with open(key_path, "wb") as f:
        f.write(key)
    armoured_path = os.path.join(folder, "repo.asc")
    with open(armoured_path, "w", encoding="ascii") as f:
        f.write("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQ==\n-----END PGP PUBLIC KEY BLOCK-----\n")

    result = subprocess.run([script, "https://software.hospital.example/flatpak/repo", key_path],
                            capture_output=True, text=True)
    check("make-flatpakref writes a file", result.returncode == 0 and result.stdout)

    ref = configparser.ConfigParser(interpolation=None)
    ref.optionxform = str
    ref.read_string(result.stdout or "[Flatpak Ref]\n")
    fields = ref["Flatpak Ref"] if ref.has_section("Flatpak Ref") else {}

    check("it names the app, not a runtime", fields.get("Name") == app_id and fields.get("IsRuntime") == "false")
    check("it points at the repository, as a folder",
          fields.get("Url") == "https://software.hospital.example/flatpak/repo/")
    check("it carries the repository's key, whole, in one base64 line",
          base64.b64decode(fields.get("GPGKey", "")) == key)
    check("the stable branch by default, and the runtime from Flathub",
          fields.get("Branch") == "stable"
          and fields.get("RuntimeRepo") == "https://dl.flathub.org/repo/flathub.flatpakrepo")
    check("the project's website, and no placeholder left",
          fields.get("Homepage", "").startswith("https://") and "@" not in result.stdout)

    refused = [subprocess.run([script, *arguments], capture_output=True).returncode
               for arguments in (["http://software.hospital.example/repo", key_path],
                                 ["https://software.hospital.example/repo", armoured_path],
                                 ["https://software.hospital.example/repo"])]
    check("it refuses a repository without https, an armoured key, and missing arguments",
          refused == [2, 2, 2])

print(f"1..{len(checks)}")
for number, (description, passed) in enumerate(checks, 1):
    print(f"{'ok' if passed else 'not ok'} {number} - {description}")

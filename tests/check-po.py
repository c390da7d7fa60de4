#!/usr/bin/env python3
# check-po.py: every string the app marks for translation, in its sources
# and templates as they are now, has a translation in each catalogue, none
# of them fuzzy: a string added without its French and Italian would show
# in English in a French or Italian window (TAP output).
# Usage: check-po.py SOURCE-DIR XGETTEXT-ARGUMENT...
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile

source_dir = sys.argv[1]
po_dir = os.path.join(source_dir, "po")
languages = open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8").read().split()

with tempfile.TemporaryDirectory() as work:
    template = os.path.join(work, "template.pot")
    # The keywords of meson's "glib" preset, and the app's own.
    subprocess.run(["xgettext", "--files-from", os.path.join(po_dir, "POTFILES.in"),
                    "--directory", source_dir, "--output", template,
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                    *sys.argv[2:]], check=True)

    print(f"1..{len(languages)}")
    for number, language in enumerate(languages, 1):
        merged = os.path.join(work, language + ".po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged,
                        os.path.join(po_dir, language + ".po"), template], check=True)
        missing = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                 capture_output=True, text=True, check=True).stdout
        fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", merged],
                               capture_output=True, text=True, check=True).stdout
        strings = [line[len("msgid "):] for line in (missing + fuzzy).splitlines()
                   if line.startswith("msgid ") and line != 'msgid ""']
        print(("ok" if not strings else "not ok") + f" {number} {language}.po translates every string")
        for string in strings:
            print(f"# not translated: {string}")

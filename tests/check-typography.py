#!/usr/bin/env python3
# check-typography.py: the typography of the guide's texts and of the French
# translation, which no validator checks (TAP output). French puts a no-break
# space (U+00A0, or the narrow U+202F) before : ; ? ! and », and after «;
# Italian and English quote with “ ”, never with a straight ".
# Usage: check-typography.py SOURCE-DIR
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys

source_dir = sys.argv[1]
checks = []


def check(description, condition):
    checks.append((description, bool(condition)))


def shown(text, start, end):
    """The text around [start, end), on one line, for a test's description."""
    left, right = max(0, start - 25), min(len(text), end + 25)
    excerpt = (("…" if left > 0 else "") + text[left:right]
               + ("…" if right < len(text) else ""))
    # A TAP description ends at a "#", which starts a directive.
    return excerpt.replace("\n", "\\n").replace("#", "(hash)")


# Spans whose own typography is not French: a web page's label quoted in
# English, as “Submit request access”.
ENGLISH_QUOTE = re.compile(r"“[^“”]*”")
# Inside « », only the guillemets themselves follow French rules: what they
# quote may be a page's label, in English.
GUILLEMETS = re.compile(r"«[^«»]*»")


def french_spaces(text):
    """Each ordinary space French wants a no-break one for: (index, what)."""
    english = set()
    for match in ENGLISH_QUOTE.finditer(text):
        english.update(range(match.start(), match.end()))
    quoted = set()
    for match in GUILLEMETS.finditer(text):
        quoted.update(range(match.start() + 1, match.end() - 1))
    found = []
    for i, c in enumerate(text):
        if c != " " or i in english:
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before == "«":
            found.append((i, "after «"))
        elif after == "»":
            found.append((i, "before »"))
        elif after in (":", ";", "?", "!") and i not in quoted:
            if after == ":" and text.startswith("//", i + 2):
                continue  # an address's scheme, as https://
            found.append((i, f"before {after}"))
    return found


def strings(node, path="$", array=None):
    """Every string value of a JSON document: (JSON path, key, enclosing array's key, value)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                yield f"{path}.{key}", key, array, value
            else:
                yield from strings(value, f"{path}.{key}", key if isinstance(value, list) else array)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, str):
                yield f"{path}[{index}]", None, array, value
            else:
                yield from strings(value, f"{path}[{index}]", array)


def read_json(name):
    path = os.path.join(source_dir, "data", "guide", name)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        check(f"data/guide/{name} can be read ({error})", False)
        return None


# data/guide/fr.json. A profile's name and description and an address's name
# are quoted exactly as the English pages show them; addresses are not text.
ENGLISH_KEYS = {"name", "description", "uri"}
guide = read_json("fr.json")
if guide is not None:
    failed = False
    for path, key, array, value in strings(guide):
        if key in ENGLISH_KEYS and array in ("profiles", "addresses"):
            continue
        for index, what in french_spaces(value):
            failed = True
            check(f"data/guide/fr.json {path}: an ordinary space {what} in "
                  f"“{shown(value, index, index + 2)}”", False)
    if not failed:
        check("data/guide/fr.json: a no-break space, never an ordinary one, "
              "before : ; ? ! » and after «", True)


# po/fr.po: every translation, its continuation lines joined, not the header.
PO_STRING = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt)?\s*"(.*)"\s*$')
PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def po_entries(path):
    """Each msgstr of a PO file: (line number, msgid, msgstr text)."""
    entries = []
    keyword = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            match = PO_STRING.match(line)
            if not match:
                keyword = None  # comments, blank lines and obsolete (#~) entries
                continue
            text = re.sub(r"\\(.)", lambda m: PO_ESCAPES.get(m.group(1), m.group(0)), match.group(2))
            if match.group(1):
                keyword = match.group(1)
                if keyword == "msgid":
                    msgid = text
                elif keyword.startswith("msgstr"):
                    entries.append([number, msgid, text])
            elif keyword == "msgid":
                msgid += text
            elif keyword and keyword.startswith("msgstr"):
                entries[-1][2] += text
    return entries


po_path = os.path.join(source_dir, "po", "fr.po")
failed = False
for number, msgid, msgstr in po_entries(po_path):
    if msgid == "":
        continue  # the header
    text = MARKUP_TAG.sub("", msgstr)
    for index, what in french_spaces(text):
        failed = True
        check(f"po/fr.po:{number}: an ordinary space {what} in "
              f"“{shown(text, index, index + 2)}”", False)
if not failed:
    check("po/fr.po: a no-break space, never an ordinary one, before : ; ? ! » "
          "and after «, in every translation", True)


# data/guide/it.json and en.json quote with “ ”.
for name in ("it.json", "en.json"):
    guide = read_json(name)
    if guide is None:
        continue
    failed = False
    for path, key, array, value in strings(guide):
        for match in re.finditer('"', value):
            failed = True
            check(f"data/guide/{name} {path}: a straight double quote in "
                  f"“{shown(value, match.start(), match.end())}”", False)
    if not failed:
        check(f"data/guide/{name}: no straight double quote in the text", True)

print(f"1..{len(checks)}")
for number, (description, passed) in enumerate(checks, 1):
    print(f"{'ok' if passed else 'not ok'} {number} - {description}")

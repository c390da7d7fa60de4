#!/usr/bin/env python3
# check-metadata.py: what software centres and menus read from the built
# desktop file and metainfo, beyond what their validators check (TAP output).
# Usage: check-metadata.py DESKTOP-FILE METAINFO COPYING SCREENSHOTS-DIR
#
# METAINFO is the one that lists the screenshots, which are looked for, by
# their file names, in SCREENSHOTS-DIR.
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import struct
import sys
import xml.etree.ElementTree as ET

desktop_path, metainfo_path, copying_path, screenshots_dir = sys.argv[1:5]
checks = []


def check(description, condition):
    checks.append((description, bool(condition)))


# The main categories of the Desktop Menu Specification: menus file an app
# under each one it names, so it must name exactly one.
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game",
                   "Graphics", "Network", "Office", "Science", "Settings", "System", "Utility"}

desktop = configparser.ConfigParser(interpolation=None)
desktop.optionxform = str
desktop.read(desktop_path, encoding="utf-8")
categories = [c for c in desktop["Desktop Entry"].get("Categories", "").split(";") if c]
check(f"the desktop file has exactly one main category ({', '.join(categories)})",
      len(MAIN_CATEGORIES.intersection(categories)) == 1)

component = ET.parse(metainfo_path).getroot()
urls = {url.get("type"): url.text for url in component.findall("url")}
for kind in ("homepage", "bugtracker", "help", "contact", "vcs-browser"):
    check(f"the metainfo has a {kind} address",
          (urls.get(kind) or "").startswith("https://"))

# Who makes the app, in the form AppStream 1.0 and Flathub read: an ID and a
# name, not the deprecated <developer_name>.
developer = component.find("developer")
check("the metainfo names its developer with an ID and a name, and no <developer_name>",
      developer is not None and developer.get("id")
      and (developer.findtext("name") or "").strip()
      and component.find("developer_name") is None)
check("the metainfo has an OARS 1.1 content rating",
      any(rating.get("type") == "oars-1.1" for rating in component.findall("content_rating")))

# The description, not only the release notes, names each language of the
# guide.
description = " ".join(" ".join(p.itertext()) for p in component.findall("description/p"))
for language in ("French", "Italian", "English"):
    check(f"the description says the guide is in {language}", language in description)


def png_size(path):
    """The width and height a PNG file's header gives, or None."""
    try:
        with open(path, "rb") as f:
            header = f.read(24)
    except OSError:
        return None
    if len(header) < 24 or header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", header[16:24])


# Software centres show the default screenshot first: the window in English,
# then in French and Italian. Flathub wants the window at most 1000×700.
MAX_WIDTH, MAX_HEIGHT = 1000, 700
screenshots = component.findall("screenshots/screenshot")
images = [screenshot.find("image") for screenshot in screenshots]
names = [os.path.basename(image.text or "") if image is not None else "" for image in images]
check("the metainfo lists screenshots, each with a caption",
      screenshots and all((screenshot.findtext("caption") or "").strip() for screenshot in screenshots))
check("the first screenshot, and only it, is the default, the window in English (checklist-en.png)",
      names[:1] == ["checklist-en.png"]
      and [screenshot.get("type") for screenshot in screenshots] == ["default"] + [None] * (len(screenshots) - 1))
check("the window in French and in Italian follow (checklist-fr.png, checklist-it.png)",
      names[1:3] == ["checklist-fr.png", "checklist-it.png"])
for image, name in zip(images, names):
    size = png_size(os.path.join(screenshots_dir, name))
    found = f"{size[0]}×{size[1]}" if size else "not a PNG file"
    check(f"{name} is a PNG file of at most {MAX_WIDTH}×{MAX_HEIGHT}, the size the metainfo gives ({found})",
          size is not None and size[0] <= MAX_WIDTH and size[1] <= MAX_HEIGHT
          and image is not None and image.get("type") == "source"
          and (image.get("width"), image.get("height")) == (str(size[0]), str(size[1])))

# The licence declared is the one shipped, in full.
with open(copying_path, encoding="utf-8") as f:
    copying = " ".join(f.read().split())
check("COPYING holds the GNU GPL version 3 the metainfo declares",
      component.findtext("project_license") == "GPL-3.0-or-later"
      and copying.startswith("GNU GENERAL PUBLIC LICENSE Version 3, 29 June 2007")
      and copying.endswith("<https://www.gnu.org/licenses/why-not-lgpl.html>."))

print(f"1..{len(checks)}")
for number, (description, passed) in enumerate(checks, 1):
    print(f"{'ok' if passed else 'not ok'} {number} - {description}")

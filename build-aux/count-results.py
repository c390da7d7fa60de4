#!/usr/bin/env python3
# count-results.py: reads meson's test log and prints "N passed, N failed",
# counting each TAP subtest of a test program, and a plain test as one.
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import sys

passed = failed = skipped = 0

with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        test = json.loads(line)
        results = re.findall(r"^(ok|not ok)\b.*?(# SKIP)?$", test.get("stdout") or "", re.M)
        if re.search(r"^1\.\.\d+", test.get("stdout") or "", re.M) and results:
            for result, skip in results:
                if skip:
                    skipped += 1
                elif result == "ok":
                    passed += 1
                else:
                    failed += 1
            # A program that crashed after its last subtest still failed.
            if test["result"] not in ("OK", "SKIP") and all(r == "ok" for r, _ in results):
                failed += 1
        elif test["result"] == "SKIP":
            skipped += 1
        elif test["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)

#!/usr/bin/python3
# test-atspi.py: the window as a screen reader reaches it, over the
# accessibility bus (AT-SPI), driven from outside with the keyboard only.
#
# Every control of the window has a name in the interface's language, never
# none and never a GTK type name; a step is ticked with Tab and Space and its
# state read back; the language is switched with the keyboard. Prints TAP.
#
# Run by meson inside build-aux/test's X server and D-Bus session.
#
# Copyright 2026 The CPMS Access Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import faulthandler
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

# G_DEBUG=fatal-warnings is for the app, not for this process: libatspi
# warns now and then that an application has no cache of its accessibles
# (GTK's has none), which would stop the test with SIGTRAP. GLib reads it
# as it loads, so before pyatspi.
APP_DEBUG = os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

BINARY = os.environ["CPMS_GUIDE_BINARY"]
TIMEOUT = 20
# Before meson's own timeout (120 s), which would say nothing of where the
# test waits: at this one, the test says it and stops.
WATCHDOG = 100

# What a user operates: each must say what it does.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_PROGRESS_BAR, pyatspi.ROLE_SCROLL_BAR,
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Gdk|Guide)[A-Z]\w*$")

results = []


def report(ok, description, details=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}")
    for line in details.splitlines():
        print(f"# {line}")
    sys.stdout.flush()


def wait_for(predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return None


def find_application(pid):
    """The app's window, asking nothing of any other application on the bus,
    which could be slow to answer or gone."""
    def lookup():
        desktop = pyatspi.Registry.getDesktop(0)
        for application in desktop:
            if application is not None and application.get_process_id() == pid:
                for child in application:
                    if child is not None and child.getRole() == pyatspi.ROLE_FRAME:
                        return child
        return None
    return wait_for(lookup)


def watch(app):
    """Tells where the test and the app are, and stops the test, if it is
    still running after WATCHDOG seconds."""
    def expired():
        print(f"# still running after {WATCHDOG} s; the app: "
              f"{'exited with ' + str(app.returncode) if app.poll() is not None else 'running'}", flush=True)
        # What each of the app's threads waits in, in the kernel.
        tasks = f"/proc/{app.pid}/task"
        try:
            names = sorted(os.listdir(tasks))
        except OSError:  # the app is gone
            names = []
        for task in names:
            try:
                with open(f"{tasks}/{task}/comm", encoding="utf-8") as comm, \
                     open(f"{tasks}/{task}/wchan", encoding="utf-8") as wchan:
                    print(f"# app thread {task} {comm.read().strip()}: {wchan.read().strip()}", flush=True)
            except OSError:
                pass
        # And where the test waits.
        faulthandler.dump_traceback(all_threads=True)
        app.kill()
        os._exit(1)
    timer = threading.Timer(WATCHDOG, expired)
    timer.daemon = True
    timer.start()


def walk(node):
    yield node
    for child in node:
        if child is not None:
            yield from walk(child)


def visible(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_VISIBLE)


def unnamed_controls(frame):
    """Controls on screen without a name, or with a type name for one."""
    problems = []
    for node in walk(frame):
        try:
            if node.getRole() not in CONTROL_ROLES or not visible(node):
                continue
            name = node.name or ""
            if not name.strip() or TYPE_NAME.match(name):
                problems.append(f"{node.getRoleName()} named {name!r}, described {node.description!r}")
        except Exception as error:  # a node gone while walking
            problems.append(f"unreadable node: {error}")
    return problems


def focused(frame):
    for node in walk(frame):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            pass
    return None


def press(*keys):
    # With every modifier released first, as guide_test_press_keys() does.
    subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", "80"] + list(keys), check=True)
    time.sleep(0.2)


def tab_to(frame, matches, limit=80):
    """Presses Tab until the focus is on a node for which @matches is true."""
    for _ in range(limit):
        node = focused(frame)
        if node is not None and matches(node):
            return node
        press("Tab")
    return None


def die_with_test():
    """In the app, before it runs: the kernel ends it if the test ends first,
    so that it never holds meson's output open."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def main():
    home = tempfile.mkdtemp(prefix="cpms-guide-atspi-")
    environment = dict(os.environ,
                       HOME=home,
                       XDG_CONFIG_HOME=os.path.join(home, "config"),
                       XDG_DATA_HOME=os.path.join(home, "data"),
                       XDG_CACHE_HOME=os.path.join(home, "cache"),
                       GTK_A11Y="atspi",
                       LANG="C.UTF-8", LC_ALL="C.UTF-8", LANGUAGE="")
    environment.pop("NO_AT_BRIDGE", None)
    if APP_DEBUG is not None:
        environment["G_DEBUG"] = APP_DEBUG
    progress = os.path.join(home, "data", "cpms-guide", "progress.json")

    print("1..6")
    app = subprocess.Popen([BINARY, "--language=fr"], env=environment, preexec_fn=die_with_test)
    watch(app)
    try:
        frame = find_application(app.pid)
        if frame is None:
            report(False, "the window reaches the accessibility bus")
            return
        report(True, "the window reaches the accessibility bus", f"frame: {frame.name}")
        time.sleep(1)

        problems = unnamed_controls(frame)
        report(not problems, "every control has a name, in French", "\n".join(problems))

        # Tab to the first step's check box, Space, and read it back.
        check = tab_to(frame, lambda node: node.getRole() == pyatspi.ROLE_CHECK_BOX)
        if check is None:
            report(False, "a step is ticked with the keyboard", "no check box reached with Tab")
        else:
            before = check.getState().contains(pyatspi.STATE_CHECKED)
            press("space")
            checked = wait_for(lambda: check.getState().contains(pyatspi.STATE_CHECKED))
            saved = wait_for(lambda: os.path.exists(progress) and
                             json.load(open(progress, encoding="utf-8")).get("done"))
            report(not before and bool(checked) and bool(saved), "a step is ticked with the keyboard",
                   f"check box {check.name!r} ({check.description!r}): {before} -> {bool(checked)}; saved: {saved}")

        # Tab to the IT button and press Space: the window is in Italian.
        italian = tab_to(frame, lambda node: node.name == "IT")
        if italian is not None:
            press("space")
        switched = wait_for(lambda: frame.name == "Guida all'accesso alla CPMS")
        report(italian is not None and bool(switched), "the language is switched with the keyboard",
               f"window: {frame.name!r}")

        problems = unnamed_controls(frame)
        report(not problems, "every control has a name, in Italian", "\n".join(problems))

        # And the EN button: the window is in English.
        english = tab_to(frame, lambda node: node.name == "EN")
        if english is not None:
            press("space")
        switched = wait_for(lambda: frame.name == "CPMS Access Guide")
        problems = unnamed_controls(frame) if switched else []
        report(english is not None and bool(switched) and not problems,
               "switched to English with the keyboard, every control has a name",
               f"window: {frame.name!r}\n" + "\n".join(problems))
    finally:
        app.terminate()
        app.wait(timeout=10)


if __name__ == "__main__":
    main()
    passed = sum(results)
    sys.exit(0 if passed == len(results) == 6 else 1)

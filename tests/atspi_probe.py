"""What a screen reader sees of the desk, read over AT-SPI with pyatspi.

Run by Debian's /usr/bin/python3 (python3-pyatspi lives there, not in the venv)
from tests/atspi_support.py; it prints JSON on stdout.

    atspi_probe.py tree PID TITLE          the window's accessible tree, one object a line of JSON
    atspi_probe.py tab PID TITLE START N [back]   press Tab (or Shift+Tab) up to N times from the focused
                                                  object START; where focus went
    atspi_probe.py listen PID              print each object:announcement the app sends, until killed
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyatspi
from gi.repository import GLib

TAB_KEYCODE = 23  # X keycodes of the default Xvfb keymap
SHIFT_KEYCODE = 50
FOCUS_WAIT_SECONDS = 3.0
"""How long one Tab may take to move focus before the probe calls it stuck."""
REGISTER_WAIT_SECONDS = 20
MAX_CHILDREN = 60
"""Enough rows of a long list or table to judge it, without walking thousands of cells."""
ITEM_ROLES = ("list item", "table cell", "page tab", "tree item", "menu item")
"""Focus on an item is focus on its view: Tab moves between views, arrows between items."""
STATES = ("focusable", "focused", "showing", "visible", "sensitive", "editable", "selectable", "active")


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def pause(milliseconds: int) -> None:
    """Let D-Bus traffic in for a while (a GLib timer wakes the loop): the bounded step of a poll."""
    expired: list[bool] = []
    GLib.timeout_add(milliseconds, lambda: expired.append(True) and False)
    context = GLib.MainContext.default()
    while not expired:
        context.iteration(True)


def find_app(pid: int) -> Any:
    """The desk's application object; Qt registers on the bus a moment after its windows show."""
    desktop = pyatspi.Registry.getDesktop(0)
    for _attempt in range(REGISTER_WAIT_SECONDS * 10):
        for app in desktop:
            if app is not None and app.get_process_id() == pid:
                return app
        pause(100)
    seen = [(app.name, app.get_process_id()) for app in desktop if app is not None]
    raise SystemExit(f"no accessible application with pid {pid} (Qt did not register on the AT-SPI bus); seen: {seen}")


def find_window(pid: int, title: str) -> Any:
    app = find_app(pid)
    for window in app:
        if window is not None and window.name == title:
            return window
    names = [w.name for w in app if w is not None]
    raise SystemExit(f"no window titled {title!r}; the app shows {names}")


def states_of(node: Any) -> list[str]:
    held = node.getState()
    return [name for name in STATES if held.contains(getattr(pyatspi, f"STATE_{name.upper()}"))]


def labels_of(node: Any) -> list[str]:
    """Names of the labels that label this object (Qt reports a buddy QLabel this way)."""
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name or "" for i in range(relation.getNTargets())]
    return names


def describe(node: Any) -> dict[str, Any]:
    parent = node.parent
    return {
        "path": node.path,
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "states": states_of(node),
        "labelled_by": labels_of(node),
        "parent": parent.path if parent is not None else "",
    }


def walk(node: Any, depth: int = 0) -> None:
    try:
        record = describe(node)
        children = [node.getChildAtIndex(index) for index in range(min(node.childCount, MAX_CHILDREN))]
    except GLib.GError:
        return  # gone while we read it: a live table refreshes its rows every few seconds
    record["depth"] = depth
    emit(record)
    for child in children:
        if child is not None:
            walk(child, depth + 1)


def ancestors(node: Any) -> list[str]:
    paths = []
    parent = node.parent
    while parent is not None and parent.getRoleName() != "application":
        paths.append(parent.path)
        parent = parent.parent
    return paths


def control_of(node: Any) -> str:
    """The path of the control that holds focus: the view, when focus is on one of its items."""
    if node.getRoleName() in ITEM_ROLES and node.parent is not None:
        return str(node.parent.path)
    return str(node.path)


def find_path(node: Any, path: str) -> Any:
    """The object at this path in the window (the desk says which widget has focus)."""
    if node.path == path:
        return node
    for index in range(min(node.childCount, MAX_CHILDREN)):
        child = node.getChildAtIndex(index)
        found = find_path(child, path) if child is not None else None
        if found is not None:
            return found
    return None


class FocusWatch:
    """Collects the objects that gain focus, as a screen reader hears them."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.gained: list[Any] = []
        pyatspi.Registry.registerEventListener(self._on_focus, "object:state-changed:focused")

    def _on_focus(self, event: Any) -> None:
        source = event.source
        if event.detail1 == 1 and source is not None and source.get_process_id() == self.pid:
            self.gained.append(source)

    def settle(self) -> None:
        """Dispatch what already arrived, then forget it: the next press starts clean."""
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

    def next_focus(self) -> Any:
        """Wait (bounded) for the next object to gain focus; None if none did."""
        expired: list[bool] = []
        timer = GLib.timeout_add(int(FOCUS_WAIT_SECONDS * 1000), lambda: expired.append(True) and False)
        context = GLib.MainContext.default()
        while not self.gained and not expired:
            context.iteration(True)  # blocks until a D-Bus event or the timer: no busy wait
        if not expired:
            GLib.source_remove(timer)
        return self.gained.pop(0) if self.gained else None


def press_tab(back: bool) -> None:
    if back:
        pyatspi.Registry.generateKeyboardEvent(SHIFT_KEYCODE, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(TAB_KEYCODE, None, pyatspi.KEY_PRESSRELEASE)
    if back:
        pyatspi.Registry.generateKeyboardEvent(SHIFT_KEYCODE, None, pyatspi.KEY_RELEASE)


def tab_through(pid: int, title: str, start_path: str, presses: int, back: bool) -> None:
    window = find_window(pid, title)
    watch = FocusWatch(pid)
    start = find_path(window, start_path)
    if start is None:
        raise SystemExit(f"the focused widget {start_path} is not in {title!r}")
    emit({"step": 0, **describe(start), "control": control_of(start), "ancestors": ancestors(start)})
    seen = {control_of(start)}
    for step in range(1, presses + 1):
        watch.settle()
        watch.gained.clear()
        press_tab(back)
        node = watch.next_focus()
        watch.settle()
        if watch.gained:
            node = watch.gained[-1]  # one Tab can move focus to a container and then its item: the last counts
        if node is None:
            emit({"step": step, "stuck": True})
            return
        emit({"step": step, **describe(node), "control": control_of(node), "ancestors": ancestors(node)})
        if control_of(node) in seen:
            return  # the cycle closed (on the start, or on a smaller loop: the test tells them apart)
        seen.add(control_of(node))


def listen(pid: int) -> None:
    def on_announcement(event: Any) -> None:
        source = event.source
        if source is None or source.get_process_id() != pid:
            return
        text = event.any_data if isinstance(event.any_data, str) else str(event.any_data)
        emit({"text": text, "politeness": event.detail1, "source": source.name or ""})

    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    find_app(pid)  # registered and reachable before the test starts triggering events
    emit({"ready": True})
    pyatspi.Registry.start()


def main(argv: list[str]) -> None:
    mode, pid = argv[0], int(argv[1])
    if mode == "tree":
        walk(find_window(pid, argv[2]))
    elif mode == "tab":
        tab_through(pid, argv[2], argv[3], int(argv[4]), len(argv) > 5 and argv[5] == "back")
    elif mode == "listen":
        listen(pid)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""The desk as a screen reader meets it: over AT-SPI, on a real X display, with real desks and server.

An agent's desk with chats open (compose box, quick-reply menus, knowledge panel), a team lead's
live-chats and dashboard windows and a trainer's practice console are read through pyatspi, as
Orca would read them: every control has a name and the role that says what it is, Tab reaches
every control and comes back round (no keyboard trap, forwards and backwards), and the events
that matter reach the screen reader as announcements. See tests/atspi_support.py for the parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from atspi_support import AnnouncementListener, DeskHost, accessibility_bus, probe

pytestmark = pytest.mark.e2e

ROLES = {
    "QCheckBox": {"check box"},
    "QRadioButton": {"radio button"},
    "QPushButton": {"push button"},
    "QToolButton": {"push button", "toggle button"},
    "QComboBox": {"combo box"},
    "QLineEdit": {"text", "entry", "password text"},
    "QPlainTextEdit": {"text"},
    "QTextEdit": {"text"},
    "QAbstractSpinBox": {"spin button"},
    "QSlider": {"slider"},
    "QTabBar": {"page tab list"},
    "QTableView": {"table"},
    "QTreeView": {"tree", "tree table"},
    "QListView": {"list"},
}
"""The AT-SPI roles a screen reader expects for each kind of Qt control."""

NAMED_ITEM_ROLES = {"list item", "page tab", "menu item", "table column header", "check menu item", "radio menu item"}
"""Items read out one by one; a table cell may be blank, its column header may not."""

ASSERTIVE = 2  # ATSPI_LIVE_ASSERTIVE; polite is 1


class Desks:
    """The desk host on the accessibility bus, with the views of each role open."""

    def __init__(self, env: dict[str, str], host: DeskHost) -> None:
        self.env, self.host = env, host
        self._trees: dict[str, list[dict[str, Any]]] = {}
        self.agent_window = host.call("agent_views")["title"]
        lead = host.call("lead_views")
        trainer = host.call("trainer_views")
        self.windows = {
            "agent desk": self.agent_window,
            "lead live chats": lead["live"],
            "lead dashboard": lead["dashboard"],
            "trainer practice console": trainer["console"],
        }

    def tree(self, title: str) -> list[dict[str, Any]]:
        """The window's accessible tree, read once: which controls it has does not change while tested."""
        if title not in self._trees:
            self._trees[title] = probe(self.env, "tree", str(self.host.pid), title)
        return self._trees[title]

    def tab_cycle(self, title: str, presses: int, back: bool = False) -> list[dict[str, Any]]:
        start = self.host.call("activate", title=title)["focus"]
        direction = ["back"] if back else []
        return probe(self.env, "tab", str(self.host.pid), title, start, str(presses), *direction)


@pytest.fixture(scope="module")
def desks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desks]:
    tmp_path = tmp_path_factory.mktemp("a11y")
    with accessibility_bus(tmp_path) as env:
        host = DeskHost(env, tmp_path)
        try:
            yield Desks(env, host)
        finally:
            log = host.close()
        assert "Traceback" not in log, log[-3000:]


WINDOWS = ["agent desk", "lead live chats", "lead dashboard", "trainer practice console"]


def focusable_controls(tree: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What Tab must reach: on screen, enabled, focusable, and not an item inside a view."""
    return {
        node["path"]: node
        for node in tree
        if {"focusable", "showing", "sensitive"} <= set(node["states"])
        and node["role"] not in NAMED_ITEM_ROLES | {"table cell", "tree item"}
    }


def lineage(tree: dict[str, dict[str, Any]], path: str) -> list[str]:
    """The paths of an object's ancestors in the window's tree."""
    paths = []
    while (parent := tree.get(path, {}).get("parent")) in tree:
        paths.append(parent)
        path = parent
    return paths


def spoken(node: dict[str, Any]) -> str:
    return f"{node['role']} {node['name']!r} ({node['path'].rsplit('/', 1)[-1]})"


def test_the_desk_registers_on_the_accessibility_bus(desks: Desks) -> None:
    tree = desks.tree(desks.agent_window)
    assert tree[0]["role"] == "frame"
    assert tree[0]["name"] == desks.agent_window
    assert "active" in tree[0]["states"], "the desk window is the active one"


def check_names_and_roles(desks: Desks, view: str, title: str) -> None:
    tree = {node["path"]: node for node in desks.tree(title)}
    controls = desks.host.call("controls", title=title)["controls"]
    assert controls, f"{view}: no controls found"
    problems = []
    for control in controls:
        node = tree.get(control["path"])
        if node is None:
            problems.append(f"{control['where']} is not in the accessible tree")
            continue
        if node["role"] not in ROLES[control["kind"]]:
            problems.append(f"{control['where']} is a {spoken(node)}, expected {sorted(ROLES[control['kind']])}")
        if control["kind"] == "QComboBox" and not any(node["labelled_by"]):
            # Qt on Linux names a combo box by its current value; only a label says what it chooses.
            problems.append(f"{spoken(node)} has no label (QLabel.setBuddy)")
        elif not node["name"].strip():
            problems.append(f"{control['where']} has no accessible name")
    for node in tree.values():
        if node["role"] in NAMED_ITEM_ROLES and not node["name"].strip():
            problems.append(f"{spoken(node)} under {tree.get(node['parent'], {}).get('name')!r} has no name")
    assert not problems, f"{view}:\n" + "\n".join(problems)


def check_tab_cycle(desks: Desks, view: str, title: str, back: bool) -> None:
    tree = {node["path"]: node for node in desks.tree(title)}
    controls = focusable_controls(list(tree.values()))
    steps = desks.tab_cycle(title, presses=len(controls) + 3, back=back)
    stuck = [step for step in steps if step.get("stuck")]
    assert not stuck, f"{view}: focus stopped moving after {[spoken(s) for s in steps[:-1]]}"
    focused = {step["control"] for step in steps}
    # A container that hands focus to a child (a tab widget to its tab bar) is reached with it,
    # and so are the parts of a focused control (a chart's viewport).
    containers = {path for step in steps for path in step["ancestors"]}
    missed = [
        spoken(node)
        for path, node in controls.items()
        if path not in focused | containers and not focused & set(lineage(tree, path))
    ]
    assert not missed, f"{view}: Tab never reaches {missed}; it went {[spoken(s) for s in steps]}"
    assert steps[-1]["control"] == steps[0]["control"], (
        f"{view}: Tab is trapped in a loop that does not come back to the start: {[spoken(s) for s in steps]}"
    )


@pytest.mark.parametrize("view", WINDOWS)
def test_every_control_has_a_name_and_its_role(desks: Desks, view: str) -> None:
    check_names_and_roles(desks, view, desks.windows[view])


@pytest.mark.parametrize("back", [False, True], ids=["Tab", "Shift+Tab"])
@pytest.mark.parametrize("view", WINDOWS)
def test_tab_reaches_every_control_and_comes_back_round(desks: Desks, view: str, back: bool) -> None:
    check_tab_cycle(desks, view, desks.windows[view], back)


@pytest.mark.parametrize("dialog", ["palette", "manager"])
def test_quick_reply_dialogs_are_named_and_cycle_by_tab(desks: Desks, dialog: str) -> None:
    title = desks.host.call("open_dialog", name=dialog)["title"]
    try:
        view = f"quick replies {dialog}"
        check_names_and_roles(desks, view, title)
        check_tab_cycle(desks, view, title, back=False)
        check_tab_cycle(desks, view, title, back=True)
    finally:
        desks.host.call("close_dialog")


def until_heard(desks: Desks, listener: AnnouncementListener) -> None:
    """Qt learns of a new listener from the registry a moment later and sends nothing before:
    announce a marker until the listener hears one (bounded), then the real events count."""
    for attempt in range(20):
        marker = f"listening {attempt}"
        desks.host.call("announce", text=marker)
        try:
            listener.wait_for(lambda a, m=marker: a["text"] == m, units=0.5)
            return
        except AssertionError:
            continue
    raise AssertionError("the desk's announcements never reached the AT-SPI listener")


def test_events_that_matter_are_announced_to_the_screen_reader(desks: Desks) -> None:
    listener = AnnouncementListener(desks.env, desks.host.pid)
    try:
        until_heard(desks, listener)
        from_agent_desk = desks.agent_window

        def heard(fragment: str, assertive: bool | None = None) -> dict[str, Any]:
            def matches(a: dict[str, Any]) -> bool:
                loud = a["politeness"] == ASSERTIVE
                return a["source"] == from_agent_desk and fragment in a["text"] and assertive in (None, loud)

            return listener.wait_for(matches)

        customer = desks.host.call("new_chat")["customer"]
        heard(f"New chat from {customer}")

        customer = desks.host.call("background_message")["customer"]
        heard(f"{customer} says: 在吗?急")

        desks.host.call("breach")
        heard("Late first reply to", assertive=True)

        customer = desks.host.call("escalate")["customer"]
        heard(f"{customer}: Escalated")
        desks.host.call("specialist_takes")
        heard("taken by")
    finally:
        listener.close()


def test_a_missing_piece_fails_with_the_package_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("atspi_support.NEEDED", (("no-such-xvfb-binary", "xvfb"),))
    with pytest.raises(pytest.fail.Exception, match="xvfb"), accessibility_bus(tmp_path):
        pass

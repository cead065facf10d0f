"""The desk side of the desk benchmarks, run in a child process of ``python -m bench``.

``python -m bench.desk_worker SCENARIO PARAMS_JSON`` prints one JSON object:
raw samples in nanoseconds and plain figures. A child process keeps Qt (one
QApplication per process, offscreen) and its memory apart from the other
benchmarks, so the RSS figure is the desk's own.

The desk is the real one (MainWindow, Desk, SessionBridge, ChatBook, the
message model, view and delegate) with a DeskSession that is not connected:
server frames are decoded from their wire text with ``decode_server`` and
handed to ``SessionBridge.on_frame``, the call DeskSession makes for every
frame its connection reads. History arrives as the server sends it on
login (``ChatAssigned``, then every event of the chat).

"Painted" is the end of the paint event of the watched viewport whose
picture holds the new message (or keystroke): :class:`PaintProbe` paints
the viewport itself so it can read the clock when painting ends. Offscreen
painting still rasterises every glyph, so paint time is real.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from agent_desk.client.chats import ChatBook, ChatRecord
from agent_desk.client.outbox import AsyncOutbox, account_key_for
from agent_desk.client.session import DeskSession
from agent_desk.protocol import decode_server, encode
from agent_desk.protocol.messages import ChatAssigned, ChatState, ConversationInfo, Event, EventKind, Role
from agent_desk.ui.chat_view import ChatView
from agent_desk.ui.desk import Desk
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.message_model import Roles
from agent_desk.ui.notifier import Notifier
from agent_desk.ui.session_bridge import SessionBridge
from agent_desk.ui.settings import DeskSettings
from bench import corpus

URL = "ws://127.0.0.1:9/ws"
"""Never dialled: the session is not started."""
PAINT_TIMEOUT_S = 5.0
T0 = 1_764_000_000.0


class PaintProbe(QObject):
    """Times the end of each paint of a scroll area's viewport.

    An event filter sees a paint event before the widget paints; this one
    paints the viewport itself (what the scroll area's own filter would do)
    and reads the clock after. ``expect`` says whether the picture holds what
    is awaited; the first such paint resolves ``waiter`` with its end time.
    """

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._viewport = area.viewport()
        self.waiter: asyncio.Future[int] | None = None
        self.expect: Callable[[], bool] = lambda: True
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or watched is not self._viewport:
            return False
        self._area.viewportEvent(event)
        end = time.perf_counter_ns()
        waiter = self.waiter
        if waiter is not None and not waiter.done() and self.expect():
            waiter.set_result(end)
        return True

    def arm(self, expect: Callable[[], bool]) -> asyncio.Future[int]:
        self.expect = expect
        self.waiter = asyncio.get_running_loop().create_future()
        return self.waiter


class Feed:
    """Wire frames for the desk: chats, their history, and new messages."""

    def __init__(self, seed: int = 9) -> None:
        self.rng = random.Random(seed)
        self.customer_texts = corpus.customer_messages(400, seed=seed)
        self.agent_texts = [p.text for p in corpus.synth_phrases(300, seed=seed)]
        self.seqs: dict[str, int] = {}
        self.sent = 0

    def assigned(self, conversation_id: str, name: str, history: int) -> str:
        info = ConversationInfo(
            conversation_id=conversation_id,
            customer_id=f"u-{conversation_id}",
            customer_name=name,
            state=ChatState.ASSIGNED,
            created_at=T0,
            agent_username="agent",
            last_seq=history,
        )
        return encode(ChatAssigned(conversation=info))

    def event(self, conversation_id: str, from_customer: bool | None = None) -> tuple[str, str]:
        """The next message of a chat as wire text, and its line key."""
        seq = self.seqs.get(conversation_id, 0) + 1
        self.seqs[conversation_id] = seq
        customer = self.rng.random() < 0.5 if from_customer is None else from_customer
        key = f"{conversation_id}-m{seq}"
        event = Event(
            conversation_id=conversation_id,
            seq=seq,
            ts=T0 + seq,
            kind=EventKind.MESSAGE,
            author_role=Role.CUSTOMER if customer else Role.AGENT,
            author_name="顾客" if customer else "小美",
            text=self.rng.choice(self.customer_texts if customer else self.agent_texts),
            client_msg_id=key,
        )
        return encode(event), key


class DeskRig:
    """The real desk on an unconnected session, fed through its session bridge."""

    def __init__(self, desk: Desk, bridge: SessionBridge, outbox: AsyncOutbox) -> None:
        self.desk, self.bridge, self.outbox = desk, bridge, outbox
        self.feed = Feed()

    @classmethod
    async def start(cls, workdir: Path) -> DeskRig:
        settings = DeskSettings(QSettings(str(workdir / "desk.ini"), QSettings.Format.IniFormat))
        settings.sound_enabled = False  # no audio device here; the cue is still raised
        outbox = await AsyncOutbox.open(workdir / "outbox.sqlite3", account_key_for(URL, "agent"))
        book, bridge = ChatBook(), SessionBridge()
        session = DeskSession(URL, "token", outbox, bridge, positions=book.positions)
        window = MainWindow("agent")
        desk = Desk(window, Notifier(settings, window, window), bridge, session, book)
        window.resize(1100, 720)
        window.show()
        return cls(desk, bridge, outbox)

    def deliver(self, wire: str) -> None:
        self.bridge.on_frame(decode_server(wire))

    def open_chat(self, conversation_id: str, history: int) -> None:
        """What the server sends on login for a held chat: ChatAssigned, then its whole history."""
        self.deliver(self.feed.assigned(conversation_id, f"顾客{conversation_id}", history))
        for _ in range(history):
            self.deliver(self.feed.event(conversation_id)[0])

    def view(self, conversation_id: str) -> ChatView:
        return self.desk.window.views[conversation_id]

    async def settle(self) -> None:
        """Let queued layouts, scrolls and paints run."""
        for _ in range(3):
            await asyncio.sleep(0)
            QApplication.processEvents()

    async def close(self) -> None:
        self.desk.window.close()
        await self.desk.shutdown()
        await self.outbox.aclose()


def newest_row_shows(view: ChatView, key: str) -> Callable[[], bool]:
    """True when the view's last row is the line ``key`` and lies inside the viewport."""

    def check() -> bool:
        model, messages = view.model, view.messages
        last = model.index(model.rowCount() - 1)
        return last.data(Roles.KEY) == key and messages.viewport().rect().intersects(messages.visualRect(last))

    return check


def memory_mb() -> dict[str, float]:
    """Resident set size now and at its peak, from /proc (Linux)."""
    fields: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return {"rss_mb": round(fields.get("VmRSS", -1.0), 1), "peak_rss_mb": round(fields.get("VmHWM", -1.0), 1)}


# ---------------------------------------------------------------- scenarios


async def tabs(params: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """20 chat tabs with long histories: a message to the open tab until painted, the
    others' messages handled, and keystrokes painted while every tab keeps receiving."""
    deadline = time.perf_counter() + float(params["budget_s"])
    rig = await DeskRig.start(workdir)
    ids = [f"c{n:02d}" for n in range(int(params["tabs"]))]
    start = time.perf_counter()
    for conversation_id in ids:
        rig.open_chat(conversation_id, int(params["history"]))
        await rig.settle()
    load_s = time.perf_counter() - start
    current = rig.view(ids[0])
    rig.desk.window.focus_view(current)
    await rig.settle()
    memory = memory_mb()
    paint, background = await _message_samples(rig, ids, current, int(params["samples"]), deadline)
    typing = await _typing_samples(rig, ids, current, params, deadline)
    rows = [rig.view(c).model.rowCount() for c in ids]
    await rig.close()
    return {
        "message_paint_ns": paint,
        "background_message_ns": background,
        "typing_paint_ns": typing,
        "load_s": round(load_s, 2),
        **memory,
        "rows_laid_out_max": max(rows),
    }


async def _message_samples(
    rig: DeskRig, ids: list[str], current: ChatView, samples: int, deadline: float
) -> tuple[list[int], list[int]]:
    """Each sample: a message to the open tab, timed until painted; then one to a
    background tab, timed until the desk has handled it (its tab label changes)."""
    probe = PaintProbe(current.messages)
    paint: list[int] = []
    background: list[int] = []
    others = ids[1:] or ids
    for n in range(samples):
        if paint and time.perf_counter() > deadline:  # at least one sample, even when set-up was slow
            break
        wire, key = rig.feed.event(ids[0], from_customer=n % 3 != 0)
        waiter = probe.arm(newest_row_shows(current, key))
        start = time.perf_counter_ns()
        rig.deliver(wire)
        paint.append(await asyncio.wait_for(waiter, PAINT_TIMEOUT_S) - start)
        wire, _key = rig.feed.event(others[n % len(others)], from_customer=True)
        start = time.perf_counter_ns()
        rig.deliver(wire)
        background.append(time.perf_counter_ns() - start)
        await rig.settle()
    return paint, background


async def _typing_samples(
    rig: DeskRig, ids: list[str], current: ChatView, params: dict[str, Any], deadline: float
) -> list[int]:
    """Keystrokes into the open tab's compose box, each timed until the box is painted
    with it, while a timer delivers ``busy_rate`` messages a second across every tab."""
    compose = current.compose
    compose.setFocus()
    probe = PaintProbe(compose)
    rate = float(params["busy_rate"])
    rng = random.Random(3)
    busy = True

    def incoming() -> None:
        if busy:
            rig.deliver(rig.feed.event(rng.choice(ids), from_customer=True)[0])
            loop.call_later(rng.expovariate(rate), incoming)

    loop = asyncio.get_running_loop()
    loop.call_later(rng.expovariate(rate), incoming)
    typed: list[int] = []
    text = "hello, your parcel left our warehouse today and should arrive within three days "
    try:
        for n in range(int(params["keystrokes"])):
            if typed and time.perf_counter() > deadline:
                break
            if n % 60 == 0:
                compose.clear()
                await rig.settle()
            typed.append(await _keystroke(compose, probe, text[n % len(text)]))
            await asyncio.sleep(rng.uniform(0.03, 0.09))  # an agent types 10-30 keys a second
    finally:
        busy = False
    return typed


async def _keystroke(compose: Any, probe: PaintProbe, char: str) -> int:
    length = len(compose.toPlainText())
    waiter = probe.arm(lambda: len(compose.toPlainText()) > length)
    key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
    start = time.perf_counter_ns()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(compose, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    return await asyncio.wait_for(waiter, PAINT_TIMEOUT_S) - start


async def history(params: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """A chat with a long history: replayed on login, then opened in a tab (first paint)
    again and again, and paged in at the top."""
    deadline = time.perf_counter() + float(params["budget_s"])
    rig = await DeskRig.start(workdir)
    messages = int(params["messages"])
    start = time.perf_counter()
    rig.open_chat("long", messages)
    await rig.settle()
    replay_s = time.perf_counter() - start
    record = rig.desk.book.records["long"]
    first_paint: list[int] = []
    for _ in range(int(params["opens"])):
        if first_paint and time.perf_counter() > deadline:
            break
        first_paint.append(await _open_tab(rig, record))
    pages = await _page_in(rig.view("long"), int(params["pages"]), deadline)
    memory = memory_mb()
    await rig.close()
    return {
        "first_paint_ns": first_paint,
        "page_in_ns": pages,
        "replay_s": round(replay_s, 2),
        "lines": len(record.lines),
        **memory,
    }


async def _open_tab(rig: DeskRig, record: ChatRecord) -> int:
    """Open the chat in a new tab and bring it to front, as the desk does: until first painted."""
    window = rig.desk.window
    window.remove_chat(record.conversation_id)
    await rig.settle()
    key = record.lines[-1].key
    start = time.perf_counter_ns()
    view = ChatView(record)
    probe = PaintProbe(view.messages)
    waiter = probe.arm(newest_row_shows(view, key))
    window.add_chat(view)
    window.focus_view(view)
    end = await asyncio.wait_for(waiter, PAINT_TIMEOUT_S)
    await rig.settle()
    return end - start


async def _page_in(view: ChatView, pages: int, deadline: float) -> list[int]:
    """Scroll to the top: the page above comes in and the row that was at the top stays in view."""
    probe = PaintProbe(view.messages)
    bar = view.messages.verticalScrollBar()
    samples: list[int] = []
    for _ in range(pages):
        if (samples and time.perf_counter() > deadline) or not view.model.hidden_lines:
            break
        anchor_key = view.model.index(0).data(Roles.KEY)

        def anchor_in_view(key: str = anchor_key) -> bool:
            first = view.model.index(0)
            return first.data(Roles.KEY) != key and view.messages.visualRect(first).bottom() < 0

        waiter = probe.arm(anchor_in_view)
        start = time.perf_counter_ns()
        bar.setValue(bar.minimum())
        samples.append(await asyncio.wait_for(waiter, PAINT_TIMEOUT_S) - start)
        await asyncio.sleep(0.02)
    return samples


SCENARIOS: dict[str, Callable[[dict[str, Any], Path], Awaitable[dict[str, Any]]]] = {
    "tabs": tabs,
    "history": history,
}


def main(argv: list[str]) -> int:
    scenario, params = argv[0], json.loads(argv[1])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.qpa.*=false")
    app = QApplication(["agent-desk-bench"])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(SCENARIOS[scenario](params, Path(params["workdir"])))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

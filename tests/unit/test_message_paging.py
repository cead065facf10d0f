"""The message model pages a long chat in from its newest end (canFetchMore/fetchMore).

A chat view shows the latest messages; older ones come in a page at a time
when the list is scrolled to the top, first from the lines the desk holds,
then from the server (the model's ``load_older``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from agent_desk.client.chats import ChatRecord, Delivery
from agent_desk.protocol.messages import ChatState, ConversationInfo, Event, EventKind, Role
from agent_desk.ui.chat_view import ChatView
from agent_desk.ui.message_model import MessageModel

PAGE = 40
ROOT = QModelIndex()


def _info() -> ConversationInfo:
    return ConversationInfo(
        conversation_id="c1", customer_id="u1", customer_name="测试", state=ChatState.ASSIGNED, created_at=1.0
    )


def _event(seq: int) -> Event:
    return Event(
        conversation_id="c1",
        seq=seq,
        ts=float(seq),
        kind=EventKind.MESSAGE,
        author_role=Role.CUSTOMER if seq % 2 else Role.AGENT,
        author_name="测试" if seq % 2 else "小美",
        text=f"第{seq}条消息",
        client_msg_id=f"m{seq}",
    )


def _record(count: int, first_seq: int = 1) -> ChatRecord:
    record = ChatRecord(_info())
    change = record.plan_older([_event(seq) for seq in range(first_seq, first_seq + count)])
    assert change is not None
    record.apply(change)
    return record


def _texts(model: MessageModel) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_a_long_chat_shows_its_newest_page_and_fetches_older_pages(qtmodeltester: object) -> None:
    model = MessageModel(_record(100), page_rows=PAGE)

    assert _texts(model) == [f"第{seq}条消息" for seq in range(61, 101)]
    assert model.canFetchMore(ROOT)
    model.fetchMore(ROOT)
    assert model.rowCount() == 2 * PAGE
    assert model.index(0).data() == "第21条消息"
    model.fetchMore(ROOT)
    assert _texts(model) == [f"第{seq}条消息" for seq in range(1, 101)]
    assert not model.canFetchMore(ROOT)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_changes_to_hidden_lines_keep_the_rows_consistent(qtmodeltester: object) -> None:
    record = _record(100)
    model = MessageModel(record, page_rows=PAGE)
    model.apply(record.plan_pending("mine", "my reply", "小美", Role.AGENT, 200.0))
    model.apply(record.plan_delivery("mine", Delivery.FAILED, "closed"))
    assert model.index(model.rowCount() - 1).data() == "my reply"
    model.apply(record.plan_cancel("mine"))
    model.apply(record.plan_older([_event(seq) for seq in range(-5, 1)]))

    assert model.rowCount() == PAGE  # older history waits, hidden, for fetchMore
    assert model.hidden_lines == 106 - PAGE
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
    assert _texts(model) == [f"第{seq}条消息" for seq in range(-5, 101)]


def test_older_history_fills_an_empty_view_up_to_a_page() -> None:
    record = ChatRecord(_info())
    model = MessageModel(record, page_rows=PAGE)
    model.apply(record.plan_older([_event(seq) for seq in range(1, 501)]))

    assert model.rowCount() == PAGE
    assert model.index(PAGE - 1).data() == "第500条消息"


def test_once_every_held_line_is_shown_fetch_more_asks_the_server() -> None:
    record = _record(PAGE, first_seq=1001)
    record.more_before = True
    model = MessageModel(record, page_rows=PAGE)
    asked: list[int | None] = []
    assert not model.canFetchMore(ROOT)  # nobody to ask yet

    model.load_older = lambda: asked.append(record.first_seq)
    assert model.canFetchMore(ROOT)
    model.fetchMore(ROOT)
    assert asked == [1001]
    # The desk's answer: the page before first_seq, and whether the server has more.
    model.apply(record.plan_older([_event(seq) for seq in range(901, 1001)]))
    record.more_before = False
    model.fetchMore(ROOT)
    assert model.rowCount() == 2 * PAGE
    assert model.index(0).data() == "第961条消息"


def test_the_view_pages_in_at_the_top_and_keeps_the_rows_in_view(qtbot: QtBot) -> None:
    record = _record(1000)
    view = ChatView(record)
    view.model.page_rows = PAGE
    view.model.keep_newest(PAGE)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    messages = view.messages
    bar = messages.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    last = view.model.index(view.model.rowCount() - 1)
    assert messages.viewport().rect().intersects(messages.visualRect(last))  # the newest message is in view

    bar.setValue(bar.minimum())

    qtbot.waitUntil(lambda: view.model.rowCount() == 2 * PAGE)
    anchor = view.model.index(PAGE)  # the row that was at the top before the page came in
    assert anchor.data() == "第961条消息"
    assert view.model.index(0).data() == "第921条消息"
    assert abs(messages.visualRect(anchor).top()) <= 2
    assert bar.value() > bar.minimum()


def test_following_the_newest_message_keeps_the_layout_small(qtbot: QtBot) -> None:
    record = _record(500)
    view = ChatView(record)
    view.model.page_rows = PAGE
    view.model.keep_newest(PAGE)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)

    for seq in range(501, 601):
        view.model.apply(record.plan_event(_event(seq)))

    assert PAGE <= view.model.rowCount() <= 2 * PAGE
    assert view.model.index(view.model.rowCount() - 1).data() == "第600条消息"
    assert view.model.hidden_lines == 600 - view.model.rowCount()
    bar = view.messages.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())


def test_an_agent_reading_older_messages_is_not_scrolled_away(qtbot: QtBot) -> None:
    record = _record(PAGE)
    view = ChatView(record)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    bar = view.messages.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    bar.setValue(bar.maximum() // 2)

    view.model.apply(record.plan_event(_event(PAGE + 1)))

    qtbot.waitUntil(lambda: bar.maximum() > 2 * bar.value())
    assert view.model.rowCount() == PAGE + 1

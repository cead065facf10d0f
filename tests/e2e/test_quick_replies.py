"""Quick replies in the desk, against the real server: every way in, by keyboard."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desk.client.connection import Connection
from agent_desk.protocol.messages import Ok, PhraseDraft, PhraseSaved, Role, SavePhrase, SetPins
from agent_desk.server.app import Server
from conftest import DeskDriver
from desk_support import RunningDesk, join, make_desk_app, next_message, run, start_desk, type_text
from support import staff, wait_until

pytestmark = pytest.mark.e2e

TEAM = [
    PhraseDraft(group="欢迎语", code="hi", text="亲,您好!在的哦!", text_en="Hi! I'm here."),
    PhraseDraft(group="物流", code="wl", text="亲,{customer_name},一般48小时内发货哦"),
    PhraseDraft(group="物流", code="cx", text="帮您查了一下,订单{order_id}已经在路上啦"),
    PhraseDraft(group="结束语", code="bye", text="感谢{customer_name}的光临,{shop_name}祝您购物愉快"),
]


async def save_team_phrases(server: Server) -> tuple[Connection, list[int]]:
    """A lead writes the team phrases; returns the lead's connection and the ids."""
    lead = await staff(server, "liu", Role.LEAD)
    ids = []
    for draft in TEAM:
        saved = await lead.request(SavePhrase(id=lead.next_id(), scope="team", phrase=draft), PhraseSaved)
        ids.append(saved.phrase.phrase_id)
    return lead, ids


async def ready(running: RunningDesk, count: int) -> None:
    await wait_until(lambda: len(running.desk.quick_replies.book.phrases) >= count)


def test_slash_completion_inserts_the_ranked_phrase(qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server) -> None:
    async def scenario(running: RunningDesk) -> None:
        lead, _ids = await save_team_phrases(desk_server)
        await running.desk.quick_replies.reload()
        shopper, conv = await join(desk_server.url, "王小明")
        view = await wait_until(lambda: running.desk.window.views.get(conv))
        qtbot.keyClicks(view.compose, "/wl")
        completer = view.compose.slash
        assert completer is not None
        await wait_until(lambda: completer.visible)
        first = completer.completer.popup().currentIndex().data()
        assert first.startswith("/wl")
        qtbot.keyClick(completer.completer.popup(), Qt.Key.Key_Return)
        await wait_until(lambda: view.compose.toPlainText() == "亲,王小明,一般48小时内发货哦")
        assert not completer.visible
        for conn in (lead, shopper):
            await conn.close()

    drive_desk(scenario)


def test_pinyin_initials_and_palette(qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server) -> None:
    async def scenario(running: RunningDesk) -> None:
        lead, _ids = await save_team_phrases(desk_server)
        await running.desk.quick_replies.reload()
        shopper, conv = await join(desk_server.url, "Alice")
        view = await wait_until(lambda: running.desk.window.views.get(conv))
        window = running.desk.window
        window.activateWindow()
        window.focus_view(view)
        qtbot.keyClick(view.compose, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        palette = await wait_until(lambda: running.desk.quick_replies.palette)
        qtbot.keyClicks(palette.query, "qnh")
        assert palette.results.count() == 1
        qtbot.keyClick(palette.query, Qt.Key.Key_Return)
        # Alice chats in Chinese (join default): the Chinese version goes in.
        await wait_until(lambda: view.compose.toPlainText() == "亲,您好!在的哦!")
        for conn in (lead, shopper):
            await conn.close()

    drive_desk(scenario)


def test_alt_digit_inserts_pinned_and_greeting_key_sends_first_reply(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        lead, ids = await save_team_phrases(desk_server)
        session = running.desk.session
        await session.request(SetPins(id=session.new_id(), phrase_ids=[ids[3], ids[1]], greeting_id=ids[0]), Ok)
        await running.desk.quick_replies.reload()
        shopper, conv = await join(desk_server.url, "赵六")
        view = await wait_until(lambda: running.desk.window.views.get(conv))
        window = running.desk.window
        window.activateWindow()
        window.focus_view(view)
        await shopper.send_text(conv, "在吗")
        qtbot.keyClick(view.compose, Qt.Key.Key_F2)
        greeting = await next_message(shopper)
        assert greeting.text == "亲,您好!在的哦!"
        qtbot.keyClick(view.compose, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        await wait_until(lambda: view.compose.toPlainText() == "亲,赵六,一般48小时内发货哦")
        view.compose.clear()
        # No shop name is set on this server: the pinned reply asks for it inline.
        qtbot.keyClick(view.compose, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        await wait_until(lambda: view.placeholders.asking)
        assert "Shop name" in view.placeholders.label.text()
        qtbot.keyClicks(view.placeholders.field, "Wardrobe")
        qtbot.keyClick(view.placeholders.field, Qt.Key.Key_Return)
        await wait_until(lambda: view.compose.toPlainText() == "感谢赵六的光临,Wardrobe祝您购物愉快")
        for conn in (lead, shopper):
            await conn.close()

    drive_desk(scenario)


def test_placeholder_prompt_asks_by_keyboard_and_never_sends_braces(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        lead, _ids = await save_team_phrases(desk_server)
        await running.desk.quick_replies.reload()
        shopper, conv = await join(desk_server.url, "钱七")
        view = await wait_until(lambda: running.desk.window.views.get(conv))
        # Braces typed by hand are caught too; Escape drops the prompt and keeps the text.
        type_text(qtbot, view.compose, "您的订单{order_id}已退款")
        qtbot.keyClick(view.compose, Qt.Key.Key_Return)
        await wait_until(lambda: view.placeholders.asking)
        qtbot.keyClick(view.placeholders.field, Qt.Key.Key_Escape)
        await wait_until(lambda: view.compose.toPlainText() == "您的订单{order_id}已退款")
        view.compose.clear()

        qtbot.keyClicks(view.compose, "/cx")
        await wait_until(lambda: view.compose.slash is not None and view.compose.slash.visible)
        qtbot.keyClick(view.compose.slash.completer.popup(), Qt.Key.Key_Return)  # type: ignore[union-attr]
        await wait_until(lambda: view.placeholders.asking)
        assert "Order number" in view.placeholders.label.text()
        assert view.placeholders.field.hasFocus()
        qtbot.keyClicks(view.placeholders.field, "TB2026112500")
        qtbot.keyClick(view.placeholders.field, Qt.Key.Key_Return)
        await wait_until(lambda: "TB2026112500" in view.compose.toPlainText())
        qtbot.keyClick(view.compose, Qt.Key.Key_Return)
        sent = await next_message(shopper)
        assert sent.text == "帮您查了一下,订单TB2026112500已经在路上啦"
        assert not any("{" in (line.text or "") for line in view.record.lines if line.from_staff)
        for conn in (lead, shopper):
            await conn.close()

    drive_desk(scenario)


def test_team_phrase_edited_by_a_lead_reaches_a_connected_desk(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        lead, ids = await save_team_phrases(desk_server)
        await ready(running, len(TEAM))
        announced: list[str] = []
        running.desk.notifier.announced.connect(lambda text, _assertive: announced.append(text))
        edited = PhraseDraft(group="欢迎语", code="hi", text="亲亲,欢迎光临,有什么可以帮您?")
        await lead.request(SavePhrase(id=lead.next_id(), scope="team", phrase=edited, phrase_id=ids[0]), PhraseSaved)
        book = running.desk.quick_replies
        await wait_until(lambda: book.book.get(ids[0]) is not None and book.book.get(ids[0]).text == edited.text)  # type: ignore[union-attr]
        await wait_until(lambda: "Quick replies were updated" in announced)
        await lead.close()

    drive_desk(scenario)


def test_personal_phrases_follow_the_agent_to_a_fresh_profile(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    desk_server.accounts.add_user("mei", "pw-mei", Role.AGENT, "小美")

    async def scenario() -> None:
        first = await start_desk(
            make_desk_app(qapp, tmp_path / "home-pc", desk_server.url), desk_server.url, "mei", "pw-mei"
        )
        quick = first.desk.quick_replies
        quick.open_manager()
        manager = await wait_until(lambda: quick.manager)
        manager.group.setCurrentText("我的")
        qtbot.keyClicks(manager.code, "zj")
        type_text(qtbot, manager.text, "我是小美,很高兴为您服务")
        manager.buttons[manager.tr("&Save")].click()
        await wait_until(lambda: any(p.code == "zj" for p in quick.book.phrases))
        await first.close()

        second = await start_desk(
            make_desk_app(qapp, tmp_path / "laptop", desk_server.url), desk_server.url, "mei", "pw-mei"
        )
        book = second.desk.quick_replies
        await wait_until(lambda: any(p.code == "zj" and p.scope == "personal" for p in book.book.phrases))
        await second.close()

    (tmp_path / "home-pc").mkdir()
    (tmp_path / "laptop").mkdir()
    run(qloop, scenario(), units=30)


def test_phrase_manager_refuses_bad_input_and_changes_nothing(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server, tmp_path: Path
) -> None:
    async def scenario(running: RunningDesk) -> None:
        quick = running.desk.quick_replies
        await quick.reload()
        quick.open_manager()
        manager = await wait_until(lambda: quick.manager)
        save = manager.buttons[manager.tr("&Save")]

        manager.group.setCurrentText("我的")
        save.click()
        await wait_until(lambda: "must not be empty" in manager.message.text())
        type_text(qtbot, manager.text, "订单{订单号}")
        save.click()
        await wait_until(lambda: "unknown placeholder" in manager.message.text())
        manager.text.setPlainText("好的")
        manager.code.setText("ok")
        save.click()
        await wait_until(lambda: len(quick.book.phrases) == 1)
        manager.clear_form()
        manager.text.setPlainText("好的呢")
        manager.code.setText("OK")
        save.click()
        await wait_until(lambda: "ok" in manager.message.text().lower() and "saved" not in manager.message.text())
        assert len(quick.book.phrases) == 1

        bad = tmp_path / "bad.csv"
        bad.write_text("group,code,text,text_en\n我的,a1,第一条,\n我的,a2,,\n", encoding="utf-8")
        await quick.edits.import_file("personal", str(bad))
        assert "Nothing imported" in manager.message.text()
        assert "line 3" in manager.message.text()
        garbage = tmp_path / "bad.json"
        garbage.write_text("{[", encoding="utf-8")
        await quick.edits.import_file("personal", str(garbage))
        assert "not valid JSON" in manager.message.text()
        assert len(quick.book.phrases) == 1
        rows = desk_server.db.execute("SELECT COUNT(*) FROM phrases WHERE scope = 'personal'").fetchone()[0]
        assert rows == 1

    drive_desk(scenario)


def test_import_export_csv_and_json_and_reorder(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server, tmp_path: Path
) -> None:
    async def scenario(running: RunningDesk) -> None:
        quick = running.desk.quick_replies
        await quick.reload()
        quick.open_manager()
        manager = await wait_until(lambda: quick.manager)
        source = tmp_path / "mine.csv"
        source.write_text(
            "group,code,text,text_en\n"
            '催付,cf1,"亲,您的订单还没付款哦",Your order is not paid yet\n'
            "催付,cf2,库存紧张请尽快付款,\n",
            encoding="utf-8",
        )
        await quick.edits.import_file("personal", str(source))
        await wait_until(lambda: len(quick.book.phrases) == 2)
        assert "Imported 2" in manager.message.text()
        manager.list.setFocus()
        manager.list.setCurrentRow(1)
        qtbot.keyClick(manager.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        await wait_until(lambda: [p.code for p in quick.book.in_group("personal", "催付")] == ["cf2", "cf1"])
        out = tmp_path / "out.json"
        await quick.edits.export_file("personal", str(out))
        assert '"code": "cf2"' in out.read_text(encoding="utf-8")
        csv_out = tmp_path / "out.csv"
        await quick.edits.export_file("personal", str(csv_out))
        assert csv_out.read_text(encoding="utf-8").splitlines()[1].startswith("催付,cf2,")

    drive_desk(scenario)

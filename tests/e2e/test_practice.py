"""Chat practice (对聊) with several real desks: a trainer and up to ten trainees."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desk.protocol.messages import Role, SaveScenario, ScenarioDraft, ScenarioLine, ScenarioSaved
from agent_desk.server.app import Server
from agent_desk.ui.chat_view import ChatView
from desk_support import RunningDesk, make_desk_app, run, start_desk, type_text
from support import staff, wait_until

pytestmark = pytest.mark.e2e


async def desks(qapp: QApplication, tmp_path: Path, server: Server, names: list[str], role: Role) -> list[RunningDesk]:
    running = []
    for name in names:
        if server.accounts.get(name) is None:
            server.accounts.add_user(name, f"pw-{name}", role, f"学员{name[-1]}" if role is Role.TRAINEE else "陈老师")
        home = tmp_path / name
        home.mkdir(exist_ok=True)
        running.append(await start_desk(make_desk_app(qapp, home, server.url), server.url, name, f"pw-{name}"))
    return running


def practice_view(desk: RunningDesk) -> ChatView | None:
    return next((v for v in desk.desk.window.views.values() if v.record.info.practice is not None), None)


def texts(view: ChatView) -> list[str]:
    return [view.model.index(r).data() for r in range(view.model.rowCount())]


async def close_all(*groups: list[RunningDesk]) -> None:
    for group in groups:
        for desk in group:
            await desk.close()


def test_one_line_reaches_ten_trainees_and_a_direct_line_reaches_one(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    async def scenario() -> None:
        trainees = await desks(qapp, tmp_path, desk_server, [f"trainee{i}" for i in range(10)], Role.TRAINEE)
        (trainer,) = await desks(qapp, tmp_path, desk_server, ["chen"], Role.TRAINER)
        practice = trainer.desk.practice
        await practice._open([f"trainee{i}" for i in range(10)], None, "入门练习")
        console = await wait_until(lambda: practice.console)
        assert len(console.tiles) == 10
        type_text(qtbot, console.line, "你好,这件T恤有XL吗?")
        qtbot.keyClick(console.line, Qt.Key.Key_Return)
        for desk in trainees:
            view = await wait_until(lambda d=desk: practice_view(d))
            await wait_until(lambda v=view: "你好,这件T恤有XL吗?" in texts(v))
            tab = desk.desk.window.tabs.tabText(desk.desk.window.tabs.indexOf(view))
            assert tab.startswith("PRACTICE")
            assert "PRACTICE" in view.practice.text()
            assert not desk.desk.practice.open_action.isVisible()
        console.target.setCurrentIndex(console.target.findData("trainee3"))
        type_text(qtbot, console.line, "只问你:有没有优惠券?")
        qtbot.keyClick(console.line, Qt.Key.Key_Return)
        only = practice_view(trainees[3])
        assert only is not None
        await wait_until(lambda: "只问你:有没有优惠券?" in texts(only))
        other = practice_view(trainees[4])
        assert other is not None
        assert "只问你:有没有优惠券?" not in texts(other)

        reply_view = practice_view(trainees[0])
        assert reply_view is not None
        type_text(qtbot, reply_view.compose, "亲,XL有货的哦")
        qtbot.keyClick(reply_view.compose, Qt.Key.Key_Return)
        tile = console.tile_of_trainee("trainee0")
        assert tile is not None
        await wait_until(lambda: "亲,XL有货的哦" in texts_of_tile(tile))
        assert "First reply" in tile.figures.text()
        assert "答问比 1.00" in tile.figures.text()
        await close_all(trainees, [trainer])

    run(qloop, scenario(), units=60)


def texts_of_tile(tile: object) -> list[str]:
    model = tile.model  # type: ignore[attr-defined]
    return [model.index(r).data() for r in range(model.rowCount())]


def test_scenario_steps_scoring_results_and_replay(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    async def scenario() -> None:
        lead = await staff(desk_server, "liu", Role.LEAD)
        script = ScenarioDraft(
            title="尺码咨询",
            lines=[
                ScenarioLine(text="我170cm 65kg穿什么码?", key_points=["问清版型偏好", "给出尺码建议"]),
                ScenarioLine(text="那M码会不会太紧?", key_points=["说明胸围数据"]),
            ],
        )
        saved = await lead.request(SaveScenario(id="s", scenario=script), ScenarioSaved)
        trainees = await desks(qapp, tmp_path, desk_server, ["trainee1", "trainee2"], Role.TRAINEE)
        (trainer,) = await desks(qapp, tmp_path, desk_server, ["chen"], Role.TRAINER)
        practice = trainer.desk.practice
        await practice._open(["trainee1", "trainee2"], saved.scenario.scenario_id, "尺码")
        console = await wait_until(lambda: practice.console)
        console.activateWindow()
        await wait_until(console.isActiveWindow)
        qtbot.keyClick(console.line, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: "问清版型偏好" in console.script.text())
        for desk in trainees:
            view = await wait_until(lambda d=desk: practice_view(d))
            await wait_until(lambda v=view: "我170cm 65kg穿什么码?" in texts(v))
        view = practice_view(trainees[0])
        assert view is not None
        type_text(qtbot, view.compose, "亲,建议选L码")
        qtbot.keyClick(view.compose, Qt.Key.Key_Return)
        tile = console.tile_of_trainee("trainee1")
        assert tile is not None
        await wait_until(lambda: "亲,建议选L码" in texts_of_tile(tile))
        console.activateWindow()
        await wait_until(console.isActiveWindow)
        qtbot.keyClick(console.line, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: "那M码会不会太紧?" in texts(view))
        await wait_until(lambda: not console.step_button.isEnabled(), units=5)
        practice._score("trainee1")
        dialog = await wait_until(lambda: practice.dialog)
        dialog.items["attitude"].setValue(5)
        type_text(qtbot, dialog.comments, "回复及时,注意先问版型")
        announced: list[str] = []
        trainees[0].desk.notifier.announced.connect(lambda text, _a: announced.append(text))
        dialog._accept()
        await wait_until(lambda: any("scored" in a for a in announced))
        trainees[0].desk.practice.show_my_results()
        results = await wait_until(lambda: trainees[0].desk.practice.dialog)
        assert "尺码" in results.list.item(0).text()
        assert "回复及时" in results.list.item(0).text()
        export = tmp_path / "results.csv"
        results.path.setText(str(export))
        results.export_requested.emit(str(export))
        await wait_until(export.exists)
        assert "回复及时,注意先问版型" in export.read_text(encoding="utf-8")

        await practice._close(console.room.room_id)
        await wait_until(lambda: view.record.closed)
        await practice._replay("trainee1")
        replay = await wait_until(lambda: practice.dialog if practice.dialog is not dialog else None)
        replay.step()
        replay.step()
        replay.step()
        shown = [replay.list.item(i).text() for i in range(replay.list.count())]
        assert shown[0].startswith("+0.0s")
        assert "我170cm 65kg穿什么码?" in shown[0]
        assert "亲,建议选L码" in shown[1]
        assert "那M码会不会太紧?" in shown[2]
        await lead.close()
        await close_all(trainees, [trainer])

    run(qloop, scenario(), units=60)


def test_a_trainer_creates_and_edits_a_scenario_in_the_desk(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    async def scenario() -> None:
        (trainer,) = await desks(qapp, tmp_path, desk_server, ["chen"], Role.TRAINER)
        practice = trainer.desk.practice
        assert practice.edit_action.isVisible()
        practice.edit_scenario(None)
        editor = await wait_until(lambda: practice.dialog)
        type_text(qtbot, editor.title, "催付练习")
        type_text(qtbot, editor.script, "我再考虑一下\n- 了解顾客顾虑\n- 不强迫下单")
        editor._save()
        stored = await wait_until(lambda: desk_server.db.execute("SELECT id, lines FROM scenarios").fetchone())
        assert "不强迫下单" in stored["lines"]
        await practice._choose_scenario()
        chooser = await wait_until(lambda: practice.dialog if practice.dialog is not editor else None)
        chooser.list.setFocus()
        qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
        editor = await wait_until(lambda: practice.dialog if practice.dialog is not chooser else None)
        assert editor.title.text() == "催付练习"
        editor.title.setText("催付练习(改)")
        editor._save()
        await wait_until(lambda: desk_server.db.execute("SELECT title FROM scenarios").fetchone()[0] == "催付练习(改)")
        assert desk_server.db.execute("SELECT COUNT(*) FROM scenarios").fetchone()[0] == 1
        await trainer.close()

    run(qloop, scenario(), units=30)

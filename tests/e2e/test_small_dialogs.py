"""Small dialogs that had only a field or a list (their buttons, Enter acting once), and the
dashboard's charts in words for a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from agent_desk.protocol.messages import FloorReport, FloorSample, LiveFigures, ScenarioInfo, ScenarioLine, TodayFigures
from agent_desk.ui.floor_windows import DashboardWindow, WhisperDialog
from agent_desk.ui.practice_dialogs import ScenarioChooser

pytestmark = pytest.mark.e2e


def scenarios() -> list[ScenarioInfo]:
    line = ScenarioLine(text="在吗?173穿L还是XL", key_points=["按体重推荐XL"])
    return [
        ScenarioInfo(scenario_id=n, title=title, lang="zh", customer_name="阿杰", lines=[line], updated_at=1.0)
        for n, title in ((1, "尺码咨询"), (2, "退货"))
    ]


def ok_button(dialog: WhisperDialog | ScenarioChooser) -> object:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None, "the dialog shows what it can do"
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_a_whisper_goes_once_by_enter_and_can_be_sent_by_its_button(qtbot: QtBot, qapp: QApplication) -> None:
    sent: list[str] = []
    dialog = WhisperDialog("小美")
    qtbot.addWidget(dialog)
    dialog.chosen.connect(sent.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    button = ok_button(dialog)
    assert button.text() == "&Send note"  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert dialog.isVisible(), "an empty note is not sent"
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "calm the customer first")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert sent == ["calm the customer first"]
    assert not dialog.isVisible()


def test_the_scenario_chooser_opens_once_by_enter_or_by_its_button(qtbot: QtBot, qapp: QApplication) -> None:
    for by_button in (False, True):
        chosen: list[ScenarioInfo] = []
        dialog = ScenarioChooser(scenarios())
        qtbot.addWidget(dialog)
        dialog.chosen.connect(chosen.append)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.list.setFocus()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
        if by_button:
            qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
        else:
            qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        assert [s.title for s in chosen] == ["退货"], by_button
        assert not dialog.isVisible()


def test_the_dashboard_charts_speak_their_figures(qtbot: QtBot, qapp: QApplication) -> None:
    live = LiveFigures(
        agents_online=12, available=10, away=1, paused=1, chats_active=38, queue_length=5,
        longest_wait=42.5, capacity=48, cq=0.896, cq_level="busy",
    )  # fmt: skip
    report = FloorReport(
        ref="1",
        live=live,
        today=TodayFigures(since=1.0, first_response_histogram=[338, 51, 15, 4, 2, 2]),
        history=[
            FloorSample(ts=0.0, queue_length=2, cq=0.81),
            FloorSample(ts=3600.0, queue_length=9, cq=1.12),
            FloorSample(ts=7200.0, queue_length=5, cq=0.9),
        ],
    )
    dashboard = DashboardWindow()
    qtbot.addWidget(dashboard)
    dashboard.show_report(report)
    assert dashboard.frt_chart.accessibleDescription() == (
        "First replies today by time taken: 0-5s: 338, 5-10s: 51, 10-20s: 15, 20-30s: 4, 30-60s: 2, 60s+: 2."
    )
    assert dashboard.queue_chart.accessibleDescription() == (
        "Over the last 2.0 hours: 5 waiting now, at most 9; CQ now 0.90, at most 1.12."
    )
    quiet = FloorReport(ref="2", live=live, today=TodayFigures(since=1.0), history=[])
    dashboard.show_report(quiet)
    assert dashboard.frt_chart.accessibleDescription() == "No first replies yet today."
    assert dashboard.queue_chart.accessibleDescription() == "No queue figures yet."

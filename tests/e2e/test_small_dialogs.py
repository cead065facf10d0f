"""Small dialogs that had only a field or a list: their buttons, and Enter acting once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from agent_desk.protocol.messages import ScenarioInfo, ScenarioLine
from agent_desk.ui.floor_windows import WhisperDialog
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

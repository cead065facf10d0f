"""Dialogs for chat practice: open a room, score a trainee, results, replay, scenarios."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from agent_desk.domain.qc import DEFAULT_RUBRIC, RubricItem, total
from agent_desk.protocol.messages import (
    Event,
    EventKind,
    PracticeResultInfo,
    ScenarioDraft,
    ScenarioInfo,
    ScenarioLine,
    TraineeInfo,
)

DATA_ROLE = Qt.ItemDataRole.UserRole + 1


class OpenPracticeDialog(QDialog):
    """Signals:
    chosen(list, object, str): trainee user names, scenario id (None: free-form), title.
    """

    chosen = Signal(list, object, str)

    def __init__(self, trainees: list[TraineeInfo], scenarios: list[ScenarioInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a practice room"))
        self.trainees = QListWidget(self)
        self.trainees.setAccessibleName(self.tr("Trainees: Space ticks one"))
        for trainee in trainees:
            state = self.tr("online") if trainee.online else self.tr("offline")
            item = QListWidgetItem(f"{trainee.display_name} ({trainee.username}, {state})", self.trainees)
            item.setData(DATA_ROLE, trainee.username)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if trainee.online else Qt.CheckState.Unchecked)
        self.invite = QLineEdit(self)
        self.invite.setAccessibleName(self.tr("Invite by user name, comma separated"))
        self.scenario = QComboBox(self)
        self.scenario.setAccessibleName(self.tr("Scenario"))
        self.scenario.addItem(self.tr("Free-form (no script)"), None)
        for scenario in scenarios:
            self.scenario.addItem(f"{scenario.title} ({scenario.lang}, {len(scenario.lines)})", scenario.scenario_id)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Room title"))
        self.message = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("&Trainees:"), self.trainees)
        form.addRow(self.tr("&Invite by name:"), self.invite)
        form.addRow(self.tr("&Scenario:"), self.scenario)
        form.addRow(self.tr("Tit&le:"), self.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Open room"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def picked(self) -> list[str]:
        names = [
            str(self.trainees.item(i).data(DATA_ROLE))
            for i in range(self.trainees.count())
            if self.trainees.item(i).checkState() == Qt.CheckState.Checked
        ]
        names += [n.strip() for n in self.invite.text().replace("，", ",").split(",") if n.strip()]
        return list(dict.fromkeys(names))

    def _accept(self) -> None:
        names = self.picked()
        if not names:
            self.message.setText(self.tr("Pick at least one trainee."))
            return
        self.chosen.emit(names, self.scenario.currentData(), self.title.text().strip())
        self.accept()


class ScoreDialog(QDialog):
    """The QC rubric: a deduction per item from 100, with speed pre-filled from measured times."""

    chosen = Signal(dict, str)

    def __init__(
        self,
        trainee_name: str,
        speed_suggestion: int,
        measured: str,
        parent: Any = None,
        rubric: Sequence[RubricItem] = DEFAULT_RUBRIC,
    ) -> None:
        super().__init__(parent)
        self.rubric = tuple(rubric)
        self.setWindowTitle(self.tr("Score %1").replace("%1", trainee_name))
        self.items: dict[str, QSpinBox] = {}
        self.total = QLabel(self)
        self.total.setAccessibleName(self.tr("Total score"))
        form = QFormLayout()
        for item in self.rubric:
            box = QSpinBox(self)
            box.setRange(0, item.max_deduction)
            box.setSuffix(self.tr(" points off"))
            name = f"{item.name_zh} {item.name_en}"
            box.setAccessibleName(self.tr("%1 deduction").replace("%1", name))
            box.valueChanged.connect(self._update_total)
            form.addRow(f"{name} (≤{item.max_deduction}):", box)
            self.items[item.code] = box
        if "speed" in self.items:
            self.items["speed"].setValue(speed_suggestion)
        self.measured = QLabel(measured, self)
        self.comments = QPlainTextEdit(self)
        self.comments.setTabChangesFocus(True)
        self.comments.setAccessibleName(self.tr("Comments for the trainee"))
        form.addRow(self.tr("&Comments:"), self.comments)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.measured)
        layout.addLayout(form)
        layout.addWidget(self.total)
        layout.addWidget(buttons)
        self._update_total()

    def deductions(self) -> dict[str, int]:
        return {code: box.value() for code, box in self.items.items()}

    def _update_total(self) -> None:
        self.total.setText(self.tr("Total: %1 / 100").replace("%1", str(total(self.deductions(), self.rubric))))

    def _accept(self) -> None:
        self.chosen.emit(self.deductions(), self.comments.toPlainText().strip())
        self.accept()


def results_csv(results: list[PracticeResultInfo]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    codes = [item.code for item in DEFAULT_RUBRIC]
    writer.writerow(
        ["scored_at", "trainee", "trainer", "title", "total", *codes, "first_response", "ratio", "comments"]
    )
    for r in results:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.scored_at))
        first = f"{r.first_response:.1f}" if r.first_response is not None else ""
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        row = [when, r.trainee, r.trainer, r.title, r.total, *(r.deductions.get(c, 0) for c in codes), first, ratio]
        writer.writerow([*row, r.comments])
    return out.getvalue()


class ResultsDialog(QDialog):
    """A trainee's practice results, newest first; Export writes CSV."""

    export_requested = Signal(str)

    def __init__(self, results: list[PracticeResultInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Practice results"))
        self.results = results
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Practice results, newest first"))
        for r in results:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.scored_at))
            text = (
                self.tr("%1 · %2: %3/100").replace("%1", when).replace("%2", r.title or "—").replace("%3", str(r.total))
            )
            item = QListWidgetItem(f"{text}\n{r.comments}", self.list)
            item.setData(DATA_ROLE, r)
        if not results:
            self.list.addItem(self.tr("No results yet"))
        self.path = QLineEdit("practice_results.csv", self)
        self.path.setAccessibleName(self.tr("CSV file to export to"))
        export = QPushButton(self.tr("&Export CSV"), self)
        export.clicked.connect(lambda: self.export_requested.emit(self.path.text().strip()))
        close = QPushButton(self.tr("&Close"), self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.list, self.path, export, close):
            layout.addWidget(widget)


class ReplayDialog(QDialog):
    """Replays a finished practice message by message, with the real gaps between them."""

    def __init__(self, title: str, events: list[Event], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Replay: %1").replace("%1", title))
        self.messages = [e for e in events if e.kind is EventKind.MESSAGE]
        self.shown = 0
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Replayed messages"))
        self.next_button = QPushButton(self.tr("&Next message"), self)
        self.play_button = QPushButton(self.tr("&Play with timing"), self)
        self.status = QLabel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._play_step)
        self.next_button.clicked.connect(self.step)
        self.play_button.clicked.connect(self._play_step)
        layout = QVBoxLayout(self)
        for widget in (self.list, self.status, self.next_button, self.play_button):
            layout.addWidget(widget)
        self._say()

    def step(self) -> None:
        """Show the next message, labelled with the seconds since the one before."""
        if self.shown >= len(self.messages):
            return
        event = self.messages[self.shown]
        gap = event.ts - self.messages[self.shown - 1].ts if self.shown else 0.0
        self.list.addItem(f"+{gap:.1f}s  {event.author_name}: {event.text}")
        self.list.setCurrentRow(self.list.count() - 1)
        self.shown += 1
        self._say()

    def _play_step(self) -> None:
        self.step()
        if self.shown < len(self.messages):
            gap = self.messages[self.shown].ts - self.messages[self.shown - 1].ts
            self._timer.start(int(max(0.0, min(gap, 10.0)) * 1000))

    def _say(self) -> None:
        self.status.setText(
            self.tr("%1 of %2 messages").replace("%1", str(self.shown)).replace("%2", str(len(self.messages)))
        )


def parse_scenario_text(title: str, lang: str, customer: str, text: str) -> ScenarioDraft:
    """Lines of the script, one per paragraph; key points on following lines starting with '- '."""
    lines: list[ScenarioLine] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("- ") and lines:
            lines[-1].key_points.append(line[2:].strip())
        else:
            lines.append(ScenarioLine(text=line, key_points=[]))
    return ScenarioDraft(title=title, lang=lang, customer_name=customer or "练习顾客", lines=lines)  # type: ignore[arg-type]


def scenario_text(scenario: ScenarioInfo) -> str:
    parts = []
    for line in scenario.lines:
        parts.append(line.text)
        parts.extend(f"- {point}" for point in line.key_points)
    return "\n".join(parts)


class ScenarioEditor(QDialog):
    """Signals: save_requested(object, object): ScenarioDraft and the id (None for new)."""

    save_requested = Signal(object, object)

    def __init__(self, scenario: ScenarioInfo | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.scenario_id = scenario.scenario_id if scenario else None
        self.setWindowTitle(self.tr("Edit scenario") if scenario else self.tr("New scenario"))
        self.title = QLineEdit(scenario.title if scenario else "", self)
        self.title.setAccessibleName(self.tr("Scenario title"))
        self.lang = QComboBox(self)
        self.lang.addItem(self.tr("Chinese"), "zh")
        self.lang.addItem(self.tr("English"), "en")
        self.lang.setCurrentIndex(self.lang.findData(scenario.lang if scenario else "zh"))
        self.customer = QLineEdit(scenario.customer_name if scenario else "练习顾客", self)
        self.customer.setAccessibleName(self.tr("Customer name"))
        self.script = QPlainTextEdit(scenario_text(scenario) if scenario else "", self)
        self.script.setTabChangesFocus(True)
        self.script.setAccessibleName(self.tr("Script: one customer line per line; key points start with '- '"))
        self.message = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Language:"), self.lang)
        form.addRow(self.tr("&Customer name:"), self.customer)
        form.addRow(self.tr("&Script:"), self.script)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _save(self) -> None:
        draft = parse_scenario_text(
            self.title.text().strip(),
            str(self.lang.currentData()),
            self.customer.text().strip(),
            self.script.toPlainText(),
        )
        if not draft.title or not draft.lines:
            self.message.setText(self.tr("A scenario needs a title and at least one customer line."))
            return
        self.save_requested.emit(draft, self.scenario_id)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)


class ScenarioChooser(QDialog):
    """Pick a scenario to edit; Enter opens it."""

    chosen = Signal(object)

    def __init__(self, scenarios: list[ScenarioInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit a scenario"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Scenarios: Enter edits one"))
        for scenario in scenarios:
            item = QListWidgetItem(f"{scenario.title} ({scenario.lang}, {len(scenario.lines)})", self.list)
            item.setData(DATA_ROLE, scenario)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Edit"))
        buttons.accepted.connect(lambda: self._choose(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _choose(self, item: QListWidgetItem | None) -> None:
        # Enter on the list both activates the item and presses the default button: once only.
        if item is None or not self.isVisible():
            return
        self.accept()
        self.chosen.emit(item.data(DATA_ROLE))

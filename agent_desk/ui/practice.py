"""Chat practice (对聊) in the desk: trainers run rooms, trainees practise and see results."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from agent_desk.client.connection import RequestFailed
from agent_desk.client.session import DeskSession
from agent_desk.domain.qc import DEFAULT_RUBRIC, RubricItem, suggested_speed_deduction
from agent_desk.domain.response import ResponseTargets
from agent_desk.protocol.messages import (
    ClosePractice,
    Event,
    EventsPage,
    FetchEvents,
    ListPracticeResults,
    ListScenarios,
    ListTrainees,
    Ok,
    OpenPractice,
    PracticeOpened,
    PracticeResult,
    PracticeResults,
    PracticeSay,
    PracticeStep,
    PracticeStepped,
    Role,
    SaveScenario,
    ScenarioDraft,
    ScenarioList,
    ScenarioSaved,
    ScorePractice,
    TraineeList,
    TypingNotice,
)
from agent_desk.ui.error_text import error_text
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.notifier import Notifier
from agent_desk.ui.practice_console import PracticeConsole
from agent_desk.ui.practice_dialogs import (
    OpenPracticeDialog,
    ReplayDialog,
    ResultsDialog,
    ScenarioChooser,
    ScenarioEditor,
    ScoreDialog,
    results_csv,
)
from agent_desk.ui.shortcut_map import give_default_key

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]
TRAINING_ROLES = (Role.TRAINER, Role.LEAD, Role.ADMIN)


class Practice(QObject):
    def __init__(
        self, window: MainWindow, session: DeskSession, notifier: Notifier, spawn: Spawn, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.window, self.session, self.notifier, self.spawn = window, session, notifier, spawn
        self.console: PracticeConsole | None = None
        self.dialog: Any = None
        self.targets = ResponseTargets()
        self.rubric: tuple[RubricItem, ...] = DEFAULT_RUBRIC
        menu = window.menuBar().addMenu(self.tr("&Practice"))
        self.open_action = self._add(menu, self.tr("&Open a practice room…"), "practice.open", self.open_room)
        self.scenario_action = self._add(
            menu, self.tr("&New scenario…"), "practice.new_scenario", lambda: self.edit_scenario(None)
        )
        self.edit_action = self._add(
            menu, self.tr("&Edit a scenario…"), "practice.edit_scenario", lambda: self.spawn(self._choose_scenario())
        )
        self.results_action = self._add(
            menu, self.tr("My practice &results…"), "practice.results", self.show_my_results
        )
        self.menu = menu

    def _add(self, menu: Any, text: str, action_id: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        give_default_key(action, action_id)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def role_known(self, role: Role) -> None:
        """Trainers (and leads, admins) run rooms; everybody sees their own results."""
        for action in (self.open_action, self.scenario_action, self.edit_action):
            action.setVisible(role in TRAINING_ROLES)

    # ------------------------------------------------------------ rooms

    def open_room(self) -> None:
        self.spawn(self._pick_room())

    async def _pick_room(self) -> None:
        trainees = await self.session.request(ListTrainees(id=self.session.new_id()), TraineeList)
        scenarios = await self.session.request(ListScenarios(id=self.session.new_id()), ScenarioList)
        dialog = OpenPracticeDialog(trainees.trainees, scenarios.scenarios, self.window)
        dialog.chosen.connect(lambda names, scenario, title: self.spawn(self._open(names, scenario, title)))
        self._show(dialog)

    async def _open(self, trainees: list[str], scenario_id: int | None, title: str) -> None:
        request = OpenPractice(id=self.session.new_id(), trainees=trainees, scenario_id=scenario_id, title=title)
        reply = await self.session.request(request, PracticeOpened)
        console = PracticeConsole(reply.room, self.window)
        room_id = reply.room.room_id
        console.say_requested.connect(lambda text, trainee: self.spawn(self._say(room_id, text, trainee)))
        console.step_requested.connect(lambda: self.spawn(self._step(room_id)))
        console.close_requested.connect(lambda: self.spawn(self._close(room_id)))
        console.score_requested.connect(self._score)
        console.replay_requested.connect(lambda trainee: self.spawn(self._replay(trainee)))
        self.console = console
        console.show()
        self.notifier.announce(
            self.tr("Practice room open with %1 trainees").replace("%1", str(len(reply.room.members)))
        )

    async def _say(self, room_id: int, text: str, trainee: str | None) -> None:
        await self.session.request(
            PracticeSay(id=self.session.new_id(), room_id=room_id, text=text, trainee=trainee), Ok
        )

    async def _step(self, room_id: int) -> None:
        reply = await self.session.request(PracticeStep(id=self.session.new_id(), room_id=room_id), PracticeStepped)
        if self.console is not None:
            self.console.show_line(reply.step, reply.line, reply.remaining)

    async def _close(self, room_id: int) -> None:
        await self.session.request(ClosePractice(id=self.session.new_id(), room_id=room_id), Ok)
        self.notifier.announce(self.tr("Practice ended: score each trainee from their tile"))

    def console_frame(self, frame: object) -> bool:
        """Events and typing of the room's chats go to their tiles. True if taken."""
        console = self.console
        if console is None:
            return False
        if isinstance(frame, Event) and (tile := console.tile_for(frame.conversation_id)) is not None:
            tile.apply(frame)
            tile.refresh()
            return True
        if isinstance(frame, TypingNotice) and (tile := console.tile_for(frame.conversation_id)) is not None:
            tile.set_typing(frame.active)
            return True
        return False

    # ------------------------------------------------------------ scoring and replay

    def _score(self, trainee: str) -> None:
        console = self.console
        tile = console.tile_of_trainee(trainee) if console else None
        if console is None or tile is None:
            return
        clock = tile.record.clock
        suggestion = suggested_speed_deduction(
            clock.first_response, clock.average_response, self.targets.first_seconds, self.targets.next_seconds
        )
        measured = tile.figures.text()
        dialog = ScoreDialog(tile.member.display_name, suggestion, measured, self.window, self.rubric)
        room_id = console.room.room_id
        dialog.chosen.connect(
            lambda deductions, comments: self.spawn(self._send_score(room_id, trainee, deductions, comments))
        )
        self._show(dialog)

    async def _send_score(self, room_id: int, trainee: str, deductions: dict[str, int], comments: str) -> None:
        request = ScorePractice(
            id=self.session.new_id(), room_id=room_id, trainee=trainee, deductions=deductions, comments=comments
        )
        await self.session.request(request, Ok)
        self.notifier.announce(self.tr("Score saved for %1").replace("%1", trainee))

    async def _replay(self, trainee: str) -> None:
        tile = self.console.tile_of_trainee(trainee) if self.console else None
        if tile is None:
            return
        request = FetchEvents(id=self.session.new_id(), conversation_id=tile.member.conversation_id, limit=500)
        page = await self.session.request(request, EventsPage)
        self._show(ReplayDialog(tile.member.display_name, page.events, self.window))

    # ------------------------------------------------------------ results and scenarios

    def result_arrived(self, frame: PracticeResult) -> None:
        text = self.tr("Your practice was scored %1 of 100 by %2").replace("%1", str(frame.result.total))
        self.notifier.announce(text.replace("%2", frame.result.trainer), assertive=False)
        self.window.statusBar().showMessage(text.replace("%2", frame.result.trainer))

    def show_my_results(self) -> None:
        self.spawn(self._results(None))

    async def _results(self, trainee: str | None) -> None:
        reply = await self.session.request(
            ListPracticeResults(id=self.session.new_id(), trainee=trainee), PracticeResults
        )
        dialog = ResultsDialog(reply.results, self.window)
        dialog.export_requested.connect(lambda path: self.spawn(self._export(path, reply.results)))
        self._show(dialog)

    async def _export(self, path: str, results: list[Any]) -> None:
        await asyncio.to_thread(Path(path).write_text, results_csv(results), encoding="utf-8")
        self.notifier.announce(self.tr("Exported %1 results").replace("%1", str(len(results))))

    async def _choose_scenario(self) -> None:
        reply = await self.session.request(ListScenarios(id=self.session.new_id()), ScenarioList)
        chooser = ScenarioChooser(reply.scenarios, self.window)
        chooser.chosen.connect(self.edit_scenario)
        self._show(chooser)

    def edit_scenario(self, scenario: Any) -> None:
        editor = ScenarioEditor(scenario, self.window)
        editor.save_requested.connect(lambda draft, sid: self.spawn(self._save_scenario(editor, draft, sid)))
        self._show(editor)

    async def _save_scenario(self, editor: ScenarioEditor, draft: ScenarioDraft, scenario_id: int | None) -> None:
        try:
            await self.session.request(
                SaveScenario(id=self.session.new_id(), scenario=draft, scenario_id=scenario_id), ScenarioSaved
            )
        except RequestFailed as refused:
            editor.show_problem(error_text(refused.error))
            return
        self.notifier.announce(self.tr("Scenario saved"))
        editor.accept()

    def _show(self, dialog: Any) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

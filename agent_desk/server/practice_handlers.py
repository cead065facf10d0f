"""Handlers for chat practice (对聊): scenarios, rooms, the trainer's lines, scores and results."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from agent_desk.protocol.messages import (
    ClosePractice,
    DeleteScenario,
    ListPracticeResults,
    ListScenarios,
    ListTrainees,
    Ok,
    OpenPractice,
    PracticeOpened,
    PracticeResults,
    PracticeSay,
    PracticeStep,
    PracticeStepped,
    Role,
    SaveScenario,
    ScenarioList,
    ScenarioSaved,
    ScorePractice,
    TraineeList,
)
from agent_desk.server.accounts import User
from agent_desk.server.authz import require_role, staff
from agent_desk.server.peers import Peer
from agent_desk.server.practice_service import PracticeService

Handler = Callable[[Peer, Any], Awaitable[msgspec.Struct | None]]
TRAINING_ROLES = frozenset({Role.TRAINER, Role.LEAD, Role.ADMIN})
"""Who runs practice: opens rooms, speaks in them, scores, and keeps the scenarios."""


def _trainer(peer: Peer) -> User:
    return require_role(peer, TRAINING_ROLES, "run practice")


class PracticeHandlers:
    def __init__(self, practice: PracticeService) -> None:
        self.practice = practice
        self.table: dict[type[msgspec.Struct], Handler] = {
            ListScenarios: self.list_scenarios,
            SaveScenario: self.save_scenario,
            DeleteScenario: self.delete_scenario,
            ListTrainees: self.list_trainees,
            OpenPractice: self.open_practice,
            PracticeSay: self.say,
            PracticeStep: self.step,
            ClosePractice: self.close,
            ScorePractice: self.score,
            ListPracticeResults: self.results,
        }

    async def list_scenarios(self, peer: Peer, msg: ListScenarios) -> ScenarioList:
        _trainer(peer)
        return ScenarioList(ref=msg.id, scenarios=self.practice.store.scenarios())

    async def save_scenario(self, peer: Peer, msg: SaveScenario) -> ScenarioSaved:
        user = _trainer(peer)
        return ScenarioSaved(ref=msg.id, scenario=self.practice.save_scenario(user, msg.scenario, msg.scenario_id))

    async def delete_scenario(self, peer: Peer, msg: DeleteScenario) -> Ok:
        _trainer(peer)
        self.practice.delete_scenario(msg.scenario_id)
        return Ok(ref=msg.id)

    async def list_trainees(self, peer: Peer, msg: ListTrainees) -> TraineeList:
        _trainer(peer)
        return TraineeList(ref=msg.id, trainees=self.practice.trainees())

    async def open_practice(self, peer: Peer, msg: OpenPractice) -> PracticeOpened:
        user = _trainer(peer)
        room = self.practice.open_room(user, msg.trainees, msg.scenario_id, msg.title)
        return PracticeOpened(ref=msg.id, room=room)

    async def say(self, peer: Peer, msg: PracticeSay) -> Ok:
        self.practice.say(_trainer(peer), msg.room_id, msg.text, msg.trainee)
        return Ok(ref=msg.id)

    async def step(self, peer: Peer, msg: PracticeStep) -> PracticeStepped:
        step, line, remaining = self.practice.step(_trainer(peer), msg.room_id)
        return PracticeStepped(ref=msg.id, step=step, line=line, remaining=remaining)

    async def close(self, peer: Peer, msg: ClosePractice) -> Ok:
        self.practice.close(_trainer(peer), msg.room_id)
        return Ok(ref=msg.id)

    async def score(self, peer: Peer, msg: ScorePractice) -> Ok:
        self.practice.score(_trainer(peer), msg.room_id, msg.trainee, msg.deductions, msg.comments)
        return Ok(ref=msg.id)

    async def results(self, peer: Peer, msg: ListPracticeResults) -> PracticeResults:
        user = staff(peer)
        return PracticeResults(ref=msg.id, results=self.practice.results(user, msg.trainee))

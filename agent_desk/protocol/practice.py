"""Chat practice (对聊): a trainer plays the customer for several trainees at once."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from agent_desk.protocol.base import ChatText, Name, _Request, _Server

RoomId = Annotated[int, msgspec.Meta(ge=1, le=2**53)]
ScenarioId = Annotated[int, msgspec.Meta(ge=1, le=2**53)]
Trainees = Annotated[list[Name], msgspec.Meta(min_length=1, max_length=20)]
Comment = Annotated[str, msgspec.Meta(max_length=2000)]
KeyPoint = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
ItemCode = Annotated[str, msgspec.Meta(min_length=1, max_length=32, pattern=r"^[a-z0-9_]+$")]
Deduction = Annotated[int, msgspec.Meta(ge=0, le=100)]


class ScenarioLine(msgspec.Struct, kw_only=True):
    """One scripted customer line and what a good answer to it covers."""

    text: ChatText
    key_points: Annotated[
        list[Annotated[str, msgspec.Meta(min_length=1, max_length=200)]], msgspec.Meta(max_length=10)
    ] = msgspec.field(default_factory=list)


class ScenarioDraft(msgspec.Struct, kw_only=True):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    lang: Literal["zh", "en"] = "zh"
    customer_name: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] = "练习顾客"
    lines: Annotated[list[ScenarioLine], msgspec.Meta(min_length=1, max_length=30)]


class ScenarioInfo(msgspec.Struct, kw_only=True):
    scenario_id: int
    title: str
    lang: str
    customer_name: str
    lines: list[ScenarioLine]
    updated_at: float


# ---------------------------------------------------------------- client -> server


class ListScenarios(_Request, tag="list_scenarios"):
    """Reply: ``scenario_list``. Trainers, leads and admins."""


class SaveScenario(_Request, tag="save_scenario"):
    """Create (no ``scenario_id``) or edit a scenario. Trainers, leads and admins."""

    scenario: ScenarioDraft
    scenario_id: ScenarioId | None = None


class DeleteScenario(_Request, tag="delete_scenario"):
    scenario_id: ScenarioId


class ListTrainees(_Request, tag="list_trainees"):
    """Reply: ``trainee_list``: every trainee account, online ones first."""


class OpenPractice(_Request, tag="open_practice"):
    """A trainer opens a room: each trainee gets a practice chat. Reply: ``practice_opened``."""

    trainees: Trainees
    scenario_id: ScenarioId | None = None
    """None for free-form practice."""
    title: Annotated[str, msgspec.Meta(max_length=100)] = ""


class PracticeSay(_Request, tag="practice_say"):
    """The trainer speaks as the customer: to every trainee in the room, or to one."""

    room_id: RoomId
    text: ChatText
    trainee: Name | None = None


class PracticeStep(_Request, tag="practice_step"):
    """Send the scenario's next scripted line to every trainee. Reply: ``practice_stepped``."""

    room_id: RoomId


class ClosePractice(_Request, tag="close_practice"):
    """End the room: every practice chat closes (wrap-up ``practice``)."""

    room_id: RoomId


class ScorePractice(_Request, tag="score_practice"):
    """Score one trainee with the QC rubric: deductions per item from a base of 100."""

    room_id: RoomId
    trainee: Name
    deductions: Annotated[dict[ItemCode, Deduction], msgspec.Meta(max_length=20)]
    comments: Comment = ""


class ListPracticeResults(_Request, tag="list_practice_results"):
    """A trainee's results: your own, or (trainers of the room, leads, admins) someone's."""

    trainee: Name | None = None


# ---------------------------------------------------------------- server -> client


class PracticeInfo(msgspec.Struct, kw_only=True):
    """In ConversationInfo for a practice chat: marks it PRACTICE everywhere."""

    room_id: int
    trainer: str
    trainer_name: str
    title: str = ""


class PracticeMember(msgspec.Struct, kw_only=True):
    trainee: str
    display_name: str
    conversation_id: str


class PracticeRoomInfo(msgspec.Struct, kw_only=True):
    room_id: int
    title: str
    trainer: str
    state: Literal["open", "closed"]
    members: list[PracticeMember]
    scenario: ScenarioInfo | None = None
    step: int = 0
    """How many scripted lines have been sent."""
    created_at: float = 0.0


class TraineeInfo(msgspec.Struct, kw_only=True):
    username: str
    display_name: str
    online: bool


class ScenarioList(_Server, tag="scenario_list"):
    ref: str
    scenarios: list[ScenarioInfo]


class ScenarioSaved(_Server, tag="scenario_saved"):
    ref: str
    scenario: ScenarioInfo


class TraineeList(_Server, tag="trainee_list"):
    ref: str
    trainees: list[TraineeInfo]


class PracticeOpened(_Server, tag="practice_opened"):
    ref: str
    room: PracticeRoomInfo


class PracticeStepped(_Server, tag="practice_stepped"):
    ref: str
    step: int
    line: ScenarioLine
    """The line just sent, with its key points for the trainer."""
    remaining: int


class PracticeResultInfo(msgspec.Struct, kw_only=True):
    room_id: int
    trainee: str
    trainer: str
    title: str
    total: int
    deductions: dict[str, int]
    comments: str
    scored_at: float
    first_response: float | None = None
    response_average: float | None = None
    ratio: float | None = None


class PracticeResult(_Server, tag="practice_result"):
    """Pushed to the trainee when scored."""

    result: PracticeResultInfo


class PracticeResults(_Server, tag="practice_results"):
    ref: str
    results: list[PracticeResultInfo]

"""Chat practice (对聊): a trainer plays the customer for up to 20 trainees at once.

Each trainee gets a practice chat that is assigned at once and never queued.
It takes no seat (it is never in ``seat.active``), so routing and the grace
requeue never see it, and no customer token ever opens it. The trainer
watches every chat of the room live and speaks as the customer. The server
times the trainee's answers as in a real chat, for the trainer's console and
the score, but leaves practice out of every production figure.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from agent_desk.domain.qc import DEFAULT_RUBRIC, RubricItem, ScoreError, total
from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    PracticeInfo,
    PracticeMember,
    PracticeResult,
    PracticeResultInfo,
    PracticeRoomInfo,
    Role,
    ScenarioDraft,
    ScenarioInfo,
    ScenarioLine,
    TraineeInfo,
)
from agent_desk.server.accounts import User
from agent_desk.server.conversations import Author, Conversation
from agent_desk.server.practice import PracticeStore, Room, Score
from agent_desk.server.response_metrics import ResponseMetrics
from agent_desk.server.service import ChatService

PRACTICE_CUSTOMER = "练习顾客 Practice customer"
"""The stand-in customer's name in free-form practice (no scenario)."""
WRAP_UP = "practice"
SUPERVISORS = frozenset({Role.LEAD, Role.ADMIN})


def fail(code: ErrorCode, message: str) -> ProtocolError:
    return ProtocolError(code, message)


class PracticeService:
    def __init__(
        self,
        chats: ChatService,
        store: PracticeStore,
        metrics: ResponseMetrics,
        rubric: Callable[[], tuple[RubricItem, ...]] = lambda: DEFAULT_RUBRIC,
    ) -> None:
        self.chats = chats
        self.store = store
        self.metrics = metrics
        self._rubric = rubric
        """The team's QC rubric: trainees are scored the way they will be at work."""
        chats.practice_info = self.describe

    def restore(self) -> None:
        """After a restart, each open room's trainer watches its chats again."""
        for room in self.store.open_rooms():
            for member in room.members:
                if member.conversation_id in self.chats.floor.open:
                    self.chats.floor.watch(member.conversation_id, room.trainer)

    def describe(self, conv: Conversation) -> PracticeInfo | None:
        """What ``ConversationInfo.practice`` says of a practice chat's room."""
        room = self.store.room(conv.practice_room) if conv.practice_room is not None else None
        if room is None:
            return None
        return PracticeInfo(
            room_id=room.id, trainer=room.trainer, trainer_name=self._name(room.trainer), title=room.title
        )

    # ------------------------------------------------------------ scenarios and trainees

    def save_scenario(self, user: User, draft: ScenarioDraft, scenario_id: int | None) -> ScenarioInfo:
        if not draft.title.strip():
            raise fail(ErrorCode.BAD_FRAME, "a scenario needs a title")
        for number, line in enumerate(draft.lines, start=1):
            if not line.text.strip():
                raise fail(ErrorCode.BAD_FRAME, f"line {number} has no text")
        if not draft.customer_name.strip():
            draft.customer_name = PRACTICE_CUSTOMER
        saved = self.store.save_scenario(draft, user.username, scenario_id)
        if saved is None:
            raise fail(ErrorCode.NOT_FOUND, f"no scenario {scenario_id}")
        return saved

    def delete_scenario(self, scenario_id: int) -> None:
        if not self.store.delete_scenario(scenario_id):
            raise fail(ErrorCode.NOT_FOUND, f"no scenario {scenario_id}")

    def trainees(self) -> list[TraineeInfo]:
        """Every trainee account, online ones first, each group by user name."""
        seats = self.chats.floor.seats
        listed = [
            TraineeInfo(
                username=u.username,
                display_name=u.display_name,
                online=u.username in seats and seats[u.username].online,
            )
            for u in self.chats.accounts.all_users()
            if u.role is Role.TRAINEE
        ]
        return sorted(listed, key=lambda t: not t.online)

    # ------------------------------------------------------------ rooms

    def open_room(self, user: User, trainees: list[str], scenario_id: int | None, title: str) -> PracticeRoomInfo:
        scenario = None
        if scenario_id is not None:
            scenario = self.store.scenario(scenario_id)
            if scenario is None:
                raise fail(ErrorCode.NOT_FOUND, f"no scenario {scenario_id}")
        authors = [self._trainee(name) for name in dict.fromkeys(trainees)]
        customer = (scenario.customer_name, scenario.lang) if scenario else (PRACTICE_CUSTOMER, "zh")
        title = title.strip() or (scenario.title if scenario else "")
        room, chats = self.store.create_room(user.username, title, scenario, authors, customer)
        floor = self.chats.floor
        for conv in chats:
            floor.open[conv.id] = conv
            floor.watch(conv.id, user.username)
            seat = floor.seats.get(conv.agent or "")
            for peer in seat.peers if seat else ():
                if peer.subscribed:
                    self.chats.send_full_chat(peer, conv)
        return self._room_info(room, scenario)

    def say(self, user: User, room_id: int, text: str, trainee: str | None) -> None:
        room = self._running(user, room_id)
        if not text.strip():
            raise fail(ErrorCode.BAD_FRAME, "say something")
        self._say(room, self._targets(room, trainee), text)

    def step(self, user: User, room_id: int) -> tuple[int, ScenarioLine, int]:
        """Send the scenario's next line to every trainee; returns the step, the line and how many are left."""
        room = self._running(user, room_id)
        scenario = self.store.scenario(room.scenario_id) if room.scenario_id is not None else None
        if scenario is None:
            raise fail(ErrorCode.INVALID_STATE, "this room has no scenario: say each line yourself")
        if room.step >= len(scenario.lines):
            raise fail(ErrorCode.INVALID_STATE, f"the scenario has no lines left (all {len(scenario.lines)} sent)")
        line = scenario.lines[room.step]
        self._say(room, self._targets(room, None), line.text)
        self.store.set_step(room, room.step + 1)
        return room.step, line, len(scenario.lines) - room.step

    def close(self, user: User, room_id: int) -> None:
        """Close every chat of the room (wrap-up ``practice``), then the room."""
        room = self._room(user, room_id, manage=True)
        if not room.open:
            raise fail(ErrorCode.INVALID_STATE, "this practice room is already closed")
        by = Author(user.role, user.display_name, user.username)
        for member in room.members:
            conv = self.chats.floor.open.get(member.conversation_id)
            if conv is not None:
                self.chats.close(conv, by, WRAP_UP)
        for member in room.members:
            self.chats.floor.unwatch(member.conversation_id, room.trainer)
        self.store.close_room(room)

    # ------------------------------------------------------------ scores

    def score(
        self, user: User, room_id: int, trainee: str, deductions: dict[str, int], comments: str
    ) -> PracticeResultInfo:
        """Score one trainee (again, replacing the earlier score) and tell them at once."""
        room = self._room(user, room_id, manage=True)
        member = room.member(trainee)
        if member is None:
            raise fail(ErrorCode.NOT_FOUND, f"no trainee {trainee} in practice room {room_id}")
        try:
            points = total(deductions, self._rubric())
        except ScoreError as exc:
            raise fail(ErrorCode.BAD_FRAME, str(exc)) from None
        conv = self.chats.floor.open.get(member.conversation_id) or self.chats.store.get(member.conversation_id)
        assert conv is not None, "a member's chat is never deleted"
        first, average, ratio = self.metrics.conversation_figures(conv)
        score = Score(dict(deductions), points, comments.strip(), user.username, first, average, ratio)
        result = self.store.save_score(room, trainee, score)
        seat = self.chats.floor.seats.get(trainee)
        for peer in seat.peers if seat else ():
            peer.push(PracticeResult(result=result))
        return result

    def results(self, user: User, trainee: str | None) -> list[PracticeResultInfo]:
        """Your own results; a trainer's trainees' from the trainer's rooms; anyone's for leads and admins."""
        name = trainee or user.username
        if name == user.username or user.role in SUPERVISORS:
            return self.store.results(name)
        if user.role is Role.TRAINER:
            return self.store.results(name, trainer=user.username)
        raise fail(ErrorCode.NOT_FOUND, f"no practice results of {name} for you")

    # ------------------------------------------------------------ helpers

    def _trainee(self, username: str) -> Author:
        account = self.chats.accounts.get(username)
        if account is None or account.role is not Role.TRAINEE:
            raise fail(ErrorCode.BAD_FRAME, f"no trainee named {username}")
        return Author(Role.TRAINEE, account.display_name, account.username)

    def _name(self, username: str) -> str:
        account = self.chats.accounts.get(username)
        return account.display_name if account else username

    def _room(self, user: User, room_id: int, *, manage: bool) -> Room:
        """The room if the caller runs it (or, to close and score, leads and admins)."""
        room = self.store.room(room_id)
        if room is None or not (room.trainer == user.username or (manage and user.role in SUPERVISORS)):
            raise fail(ErrorCode.NOT_FOUND, f"no practice room {room_id} of yours")
        return room

    def _running(self, user: User, room_id: int) -> Room:
        room = self._room(user, room_id, manage=False)
        if not room.open:
            raise fail(ErrorCode.INVALID_STATE, "this practice room is closed")
        return room

    def _targets(self, room: Room, trainee: str | None) -> list[Conversation]:
        """The open chats a line goes to: one trainee's, or every member's still open."""
        floor = self.chats.floor
        if trainee is not None:
            member = room.member(trainee)
            if member is None:
                raise fail(ErrorCode.NOT_FOUND, f"no trainee {trainee} in this room")
            conv = floor.open.get(member.conversation_id)
            if conv is None:
                raise fail(ErrorCode.INVALID_STATE, f"{trainee}'s practice chat is closed")
            return [conv]
        chats = [conv for m in room.members if (conv := floor.open.get(m.conversation_id)) is not None]
        if not chats:
            raise fail(ErrorCode.INVALID_STATE, "every practice chat of this room is closed")
        return chats

    def _say(self, room: Room, chats: list[Conversation], text: str) -> None:
        """The trainer's line, as the customer, in each chat: timed like a real customer's message."""
        for conv in chats:
            author = Author(Role.CUSTOMER, conv.customer_name, f"practice:{room.id}")
            self.chats.post_message(conv, author, text, f"practice-{uuid.uuid4().hex}")

    def _room_info(self, room: Room, scenario: ScenarioInfo | None) -> PracticeRoomInfo:
        return PracticeRoomInfo(
            room_id=room.id,
            title=room.title,
            trainer=room.trainer,
            state="open" if room.open else "closed",
            members=[
                PracticeMember(trainee=m.trainee, display_name=self._name(m.trainee), conversation_id=m.conversation_id)
                for m in room.members
            ],
            scenario=scenario,
            step=room.step,
            created_at=room.created_at,
        )

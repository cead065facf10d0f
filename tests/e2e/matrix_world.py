"""A small populated floor for the authorization matrix, and a raw probe connection.

The world has, for every role, something of its own (a chat, a phrase, a score, a
practice room where the role can have one) and something that belongs to somebody
else (Olga's chat with Zoe, Zoe's phrase and score, Tim's practice room, the team's
phrases). Everything foreign carries SECRET or a foreign id, so a reply that leaks
it can be recognised.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from dataclasses import dataclass, replace
from typing import TypeVar

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from agent_desk.client.connection import Connection
from agent_desk.domain.phrases import PhraseFields
from agent_desk.protocol import decode_server, encode
from agent_desk.protocol.messages import (
    AgentStatus,
    CloseChat,
    Error,
    Escalate,
    Hello,
    ListQcScores,
    Ok,
    OpenPractice,
    Ping,
    Pong,
    PracticeOpened,
    QcScores,
    Role,
    ScoreChat,
    ServerMessage,
    SetStatus,
)
from agent_desk.server.app import Server
from agent_desk.server.phrases import Writer
from support import timeout, wait_until

T = TypeVar("T")
SECRET = "zoe-olga-secret-7f3a"
PASSWORD = "pw-matrix"
USERS = {
    "ann": Role.AGENT,
    "zoe": Role.AGENT,
    "sam": Role.SPECIALIST,
    "tom": Role.TRAINER,
    "tim": Role.TRAINER,
    "tia": Role.TRAINEE,
    "tod": Role.TRAINEE,
    "lee": Role.LEAD,
    "ada": Role.ADMIN,
}
ACTOR = {
    "agent": "ann",
    "specialist": "sam",
    "trainer": "tom",
    "trainee": "tia",
    "lead": "lee",
    "admin": "ada",
}
"""The account that acts for each staff column of the matrix."""


@dataclass(frozen=True, slots=True)
class Target:
    """What a request names: the caller's own things, or somebody else's.

    None where the caller has no such thing of its own (a lead holds no chat):
    then only somebody else's is tried.
    """

    user: str
    scope: str
    group: str
    phrase: int
    """Deleted by delete_phrase (a personal one; for the team's, a fresh phrase each time)."""
    pin: int
    """Pinned by set_pins; kept."""
    reorder: tuple[int, ...]
    conv: str | None = None
    customer_id: str | None = None
    room: int | None = None
    room_trainee: str | None = None
    score: int | None = None
    trainee: str | None = None


class Missing(Exception):
    """The caller has no such thing of its own."""


def need(value: T | None) -> T:
    if value is None:
        raise Missing
    return value


@dataclass(slots=True)
class World:
    server: Server
    foreign: Target
    own: dict[str, Target | None]
    """Per column; None where the role can own nothing this world gives it (then only foreign is tried)."""
    customer_token: str
    markers: tuple[str, ...]
    """Text of the foreign things that must never reach a caller who may only see its own."""


@dataclass(slots=True)
class Answer:
    reply: ServerMessage | None
    """The frame whose ref is the request's id (for typing, an error without ref), or None."""
    frames: list[ServerMessage]
    """Every frame received while asking, the reply included."""


class Probe:
    """A raw connection: one request, then a ping, reading until the pong.

    The server handles a connection's frames in order, so whatever the request
    causes arrives before the pong, and a request that has no reply (typing)
    shows as no error.
    """

    def __init__(self, socket: ClientConnection, welcome: ServerMessage) -> None:
        self.socket = socket
        self.welcome = welcome
        self._ids = itertools.count(1)

    @classmethod
    async def open(cls, url: str, *, token: str | None = None, customer_token: str | None = None) -> Probe:
        headers = {"Authorization": f"Bearer {token}"} if token else None
        socket = await connect(url, additional_headers=headers, compression=None)
        await socket.send(encode(Hello(id="hello", versions=[1], customer_token=customer_token)))
        async with asyncio.timeout(timeout()):
            welcome = decode_server(await socket.recv())
        return cls(socket, welcome)

    async def ask(self, message: msgspec.Struct) -> Answer:
        request_id = getattr(message, "id", None)
        ping_id = f"probe-{next(self._ids)}"
        await self.socket.send(encode(message))
        await self.socket.send(encode(Ping(id=ping_id)))
        frames: list[ServerMessage] = []
        # A logout closes the caller's sockets: what came before the close is the answer.
        with contextlib.suppress(ConnectionClosed):
            async with asyncio.timeout(timeout()):
                while True:
                    frame = decode_server(await self.socket.recv())
                    if isinstance(frame, Pong) and frame.ref == ping_id:
                        break
                    frames.append(frame)
        return Answer(_reply_of(frames, request_id), frames)

    async def close(self) -> None:
        await self.socket.close()


def _reply_of(frames: list[ServerMessage], request_id: str | None) -> ServerMessage | None:
    for frame in frames:
        ref = getattr(frame, "ref", None)
        if request_id is not None and ref == request_id:
            return frame
        if request_id is None and isinstance(frame, Error) and ref is None:
            return frame
    return None


async def open_as(world: World, column: str) -> Probe:
    """A fresh connection for one cell: a new session for staff, the token for the customer."""
    url = world.server.url
    if column == "anonymous":
        return await Probe.open(url)
    if column == "customer":
        return await Probe.open(url, customer_token=world.customer_token)
    user = world.server.accounts.get(ACTOR[column])
    assert user is not None
    token, _ = world.server.accounts.open_session(user)
    return await Probe.open(url, token=token)


# ---------------------------------------------------------------- building the world


async def _staff(server: Server, username: str) -> Connection:
    user = server.accounts.get(username)
    assert user is not None
    token, _ = server.accounts.open_session(user)
    conn = await Connection.open(server.url, token=token, client_name=f"world-{username}")
    await conn.resume({})
    return conn


async def _customer_held_by(server: Server, name: str, agent: str) -> tuple[Connection, str, str, str]:
    """A customer whose chat the router gives to ``agent``: connection, conversation, customer id, token."""
    conn = await Connection.open(server.url, client_name=f"world-{name}")
    joined = await conn.join_as_customer(name)
    conv = joined.conversation_id
    await wait_until(lambda: (c := server.service.floor.open.get(conv)) is not None and c.agent == agent)
    return conn, conv, joined.customer_id, joined.customer_token


async def _answered_and_closed(server: Server, agent: Connection, username: str, name: str) -> str:
    customer, conv, _, _ = await _customer_held_by(server, name, username)
    await agent.send_text(conv, f"hello {name}")
    await agent.request(CloseChat(id=agent.next_id(), conversation_id=conv, wrap_up="resolved"), Ok)
    await customer.close()
    return conv


def _phrases(server: Server) -> dict[str, tuple[int, int]]:
    """Each staff account's own (kept, doomed) personal phrases, and the team's under "team"."""
    made: dict[str, tuple[int, int]] = {}
    for username, role in USERS.items():
        writer = Writer(username, role)
        text = SECRET if username == "zoe" else f"{username}'s phrase"
        kept = server.phrases.save(writer, "personal", PhraseFields(group="mine", text=text), None)
        doomed = server.phrases.save(writer, "personal", PhraseFields(group="doomed", text="bye"), None)
        made[username] = (kept.phrase_id, doomed.phrase_id)
    lead = Writer("lee", Role.LEAD)
    kept = server.phrases.save(lead, "team", PhraseFields(group="team", text="team phrase"), None)
    doomed = server.phrases.save(lead, "team", PhraseFields(group="team-doomed", text="bye"), None)
    made["team"] = (kept.phrase_id, doomed.phrase_id)
    return made


async def build_world(server: Server) -> tuple[World, list[Connection]]:
    """Populate the floor through the real protocol; returns the world and the connections to close."""
    for username, role in USERS.items():
        server.accounts.add_user(username, PASSWORD, role)
    ann = await _staff(server, "ann")
    cara, cara_conv, cara_id, cara_token = await _customer_held_by(server, "Cara", "ann")
    esc, esc_conv, esc_customer, _ = await _customer_held_by(server, "Esme", "ann")
    old_conv = await _answered_and_closed(server, ann, "ann", "Otto")
    sam = await _staff(server, "sam")
    await ann.request(Escalate(id=ann.next_id(), conversation_id=esc_conv, reason="other"), Ok)
    await wait_until(lambda: server.service.floor.open[esc_conv].agent == "sam")
    await ann.request(SetStatus(id=ann.next_id(), status=AgentStatus.PAUSED), Ok)
    zoe = await _staff(server, "zoe")
    olga, olga_conv, olga_id, _ = await _customer_held_by(server, "Olga", "zoe")
    await olga.send_text(olga_conv, f"my address: {SECRET}")
    done_conv = await _answered_and_closed(server, zoe, "zoe", "Dora")
    lee, tom, tim = [await _staff(server, name) for name in ("lee", "tom", "tim")]
    scores = await _scores(lee, {old_conv: "fine", done_conv: SECRET})
    tom_room = await tom.request(OpenPractice(id=tom.next_id(), trainees=["tia"], title="Tom's room"), PracticeOpened)
    tim_room = await tim.request(OpenPractice(id=tim.next_id(), trainees=["tod"], title=SECRET), PracticeOpened)
    phrases = _phrases(server)
    foreign = Target(
        user="zoe",
        scope="team",
        group="team",
        phrase=phrases["team"][1],
        pin=phrases["zoe"][0],
        reorder=(phrases["team"][0],),
        conv=olga_conv,
        customer_id=olga_id,
        room=tim_room.room.room_id,
        room_trainee="tod",
        score=scores[done_conv],
        trainee="zoe",
    )
    practice_conv = tom_room.room.members[0].conversation_id

    def own(username: str, **mine: object) -> Target:
        kept, doomed = phrases[username]
        fields: dict[str, object] = {"trainee": username, **mine}
        return Target(
            user=username,
            scope="personal",
            group="mine",
            phrase=doomed,
            pin=kept,
            reorder=(kept,),
            **fields,  # type: ignore[arg-type]
        )

    world = World(
        server=server,
        foreign=foreign,
        own={
            "agent": own("ann", conv=cara_conv, customer_id=cara_id, score=scores[old_conv]),
            "specialist": own("sam", conv=esc_conv, customer_id=esc_customer),
            "trainer": own("tom", room=tom_room.room.room_id, room_trainee="tia", trainee="tia"),
            "trainee": own("tia", conv=practice_conv),
            "lead": own("lee"),
            "admin": own("ada"),
            "customer": replace(foreign, conv=cara_conv, customer_id=cara_id, room=None, score=None),
            "anonymous": None,
        },
        customer_token=cara_token,
        markers=(olga_conv, olga_id, SECRET),
    )
    return world, [ann, cara, esc, sam, zoe, olga, lee, tom, tim]


async def _scores(lead: Connection, comments: dict[str, str]) -> dict[str, int]:
    for conv, comment in comments.items():
        await lead.request(ScoreChat(id=lead.next_id(), conversation_id=conv, deductions={}, comments=comment), Ok)
    listed = await lead.request(ListQcScores(id=lead.next_id()), QcScores)
    return {score.conversation_id: score.score_id for score in listed.scores}

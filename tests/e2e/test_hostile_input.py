"""Hostile frames over real sockets to a real server: nothing crashes, every bad frame gets a typed error.

Hypothesis builds frames from the message schemas (tests/fuzz_frames.py), half of
their fields plausible (real conversation ids, user names, small numbers) so they
get past validation into the handlers and the database, half hostile (wrong types,
huge strings, deep nesting). Each frame is sent as an anonymous connection, an agent,
a lead or a customer. For every frame the codec refuses, the server must answer with
the same typed error; for every frame it accepts, the server must not fail
(``internal``). Afterwards no error was logged, the database passes SQLite's integrity
check and the chat invariants, and a fresh client is served.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fuzz_frames import FIELDS, INVALID_UTF8, frame_text, huge_strings, ids, schema_frames, wrong_values
from fuzz_harness import ROLES, Client, ErrorLog, ServerThread, database_problems, errors_in, running_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from agent_desk.client.connection import Connection
from agent_desk.protocol import ProtocolError, decode_client, decode_server, encode
from agent_desk.protocol.errors import CLOSE_MESSAGE_TOO_BIG, CLOSE_POLICY_VIOLATION, ErrorCode
from agent_desk.protocol.limits import MAX_FRAME_BYTES, Limits
from agent_desk.protocol.messages import Ack, ChatAssigned, CustomerJoin, CustomerJoined, Error, Hello, Send, Welcome
from support import make_config, serving, staff, timeout

pytestmark = [
    pytest.mark.e2e,
    # The server's keepalive pings (websockets) draw from `random` on the server's thread
    # while Hypothesis generates on this one; Hypothesis notices and warns, harmlessly.
    pytest.mark.filterwarnings("ignore:Do not use the `random` module inside strategies"),
]

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
PARSE_CODES = frozenset({ErrorCode.BAD_JSON, ErrorCode.BAD_FRAME, ErrorCode.UNKNOWN_TYPE})
SERVER_FAILURES = frozenset({ErrorCode.INTERNAL, ErrorCode.STORAGE_UNAVAILABLE})
CLOSE_INVALID_DATA = 1007
"""RFC 6455: a text frame that is not UTF-8 fails the connection; the library closes it before any handler."""
ROLE_TYPES = {
    "agent": [
        "send",
        "typing",
        "resume",
        "fetch_events",
        "close_chat",
        "set_status",
        "list_chats",
        "list_phrases",
        "save_phrase",
        "set_pins",
        "kb_search",
        "escalate",
        "my_stats",
        "list_qc_scores",
        "appeal",
    ],
    "lead": [
        "list_live_chats",
        "watch_chat",
        "whisper",
        "score_chat",
        "resolve_appeal",
        "kb_save",
        "kb_delete",
        "save_phrase",
        "import_phrases",
        "get_settings",
        "floor_status",
        "qc_queue",
        "open_practice",
    ],
    "customer": ["send", "typing", "resume", "fetch_events", "close_chat", "rate", "open_chat", "ping"],
}
"""What each role really sends, drawn half the time so the fuzz gets into the handlers it can reach."""
SKIPPED_TYPES = frozenset({"logout", "hello"})
"""A logout ends the fuzzing session itself (tested in the matrix); a second hello is one more invalid_state."""


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerThread, ErrorLog, dict[str, Any]]]:
    # Thousands of frames from four connections: the rate limit has its own tests below.
    limits = Limits(rate_per_second=1_000_000.0, rate_burst=1_000_000)
    with running_server(tmp_path_factory.mktemp("fuzz"), limits) as (server, errors):
        agent = Client(server.url, token=server.tokens["ann"])
        agent.connect()
        agent.request({"type": "resume", "positions": {}})
        customers = [_customer(server.url, name) for name in ("Alice", "Bob")]
        world = {"clients": {"agent": agent, "customer": customers[0][0]}, "conversations": [c[1] for c in customers]}
        yield server, errors, world
        for client in (agent, *(c[0] for c in customers)):
            client.close()


def _customer(url: str, name: str) -> tuple[Client, str]:
    client = Client(url)
    client.connect()
    joined = client.request({"type": "customer_join", "display_name": name})
    assert isinstance(joined, CustomerJoined)
    client.customer_token = joined.customer_token
    return client, joined.conversation_id


def plausible(conversations: list[str]) -> dict[str, st.SearchStrategy[Any]]:
    """Well-typed values for the fields most handlers look up, so frames reach the database."""
    small = st.integers(min_value=1, max_value=6)
    text = st.text(min_size=1, max_size=40)
    conv = st.sampled_from(conversations) | st.text(max_size=10)
    return {
        "conversation_id": conv,
        "client_msg_id": st.text(min_size=1, max_size=12),
        "text": text,
        "positions": st.dictionaries(conv, st.integers(min_value=0, max_value=2**53), max_size=3),
        "active": st.booleans(),
        "status": st.sampled_from(["available", "away", "paused"]),
        "max_chats": st.integers(min_value=0, max_value=50),
        "username": st.sampled_from(sorted(ROLES)),
        "agent": st.sampled_from(sorted(ROLES)),
        "trainee": st.sampled_from(sorted(ROLES)),
        "trainees": st.lists(st.sampled_from(sorted(ROLES)), max_size=2),
        "wrap_up": text,
        "rating": small,
        "scope": st.sampled_from(["personal", "team", "mine_closed", "customer"]),
        "customer_id": st.text(max_size=10),
        "limit": st.integers(min_value=0, max_value=60),
        "before_seq": st.integers(min_value=0, max_value=10),
        "phrase": st.fixed_dictionaries({"group": text, "text": text}),
        "phrases": st.lists(st.fixed_dictionaries({"group": text, "text": text}), max_size=3),
        "phrase_id": small,
        "phrase_ids": st.lists(small, max_size=3),
        "article_id": small,
        "scenario_id": small,
        "room_id": small,
        "score_id": small,
        "query": text,
        "reason": st.sampled_from(["other", "complaint"]) | text,
        "note": text,
        "deductions": st.dictionaries(st.text(max_size=8), st.integers(min_value=0, max_value=20), max_size=2),
        "accept": st.booleans(),
        "group": text,
        "comments": text,
        "title": text,
        "display_name": text,
        "password": text,
        "lang": st.sampled_from(["zh", "en"]),
        "mode": st.sampled_from(["search", "suggest"]),
        "since": st.none() | st.floats(min_value=0, max_value=2e9),
        "greeting_id": st.none() | small,
        "article": st.fixed_dictionaries(
            {"title": text, "body": text, "category": st.sampled_from(["faq", "returns"])}
        ),
        "scenario": st.fixed_dictionaries(
            {"title": text, "lines": st.lists(st.fixed_dictionaries({"text": text}), min_size=1, max_size=2)}
        ),
    }


@st.composite
def role_frames(draw: st.DrawFn, conversations: list[str], role: str) -> str:
    """A frame of any type (half the time one the role uses): either well typed throughout but
    for at most one hostile field (so it reaches the handler and the database), or hostile
    in any of its fields."""
    fields = plausible(conversations)
    every = sorted(set(FIELDS) - SKIPPED_TYPES)
    tag = draw(st.sampled_from(ROLE_TYPES.get(role, every)) | st.sampled_from(every))
    names = [name for name in FIELDS[tag] if name != "id"]
    frame: dict[str, Any] = {"type": tag}
    well_typed = draw(st.integers(min_value=0, max_value=3)) > 0  # three in four
    if "id" in FIELDS[tag]:  # all but typing
        frame["id"] = draw(st.text(min_size=1, max_size=8) if well_typed else ids)
    for name in names:
        if well_typed:
            frame[name] = draw(fields.get(name, wrong_values))
        elif draw(st.booleans()):
            frame[name] = draw(fields.get(name, wrong_values) if draw(st.booleans()) else wrong_values)
    if well_typed and names and draw(st.integers(min_value=0, max_value=2)) == 0:  # one in three
        frame[draw(st.sampled_from(names))] = draw(wrong_values)
    return frame_text(frame)


def expect_typed_answer(client: Client, frame: str, accepted: list[str] | None = None) -> None:
    """The server's answer to one text frame must match what the codec says of it.

    ``accepted`` collects the types of the frames the server carried out without an error.
    """
    replies, closed = client.ask(frame)
    if len(frame.encode()) > MAX_FRAME_BYTES:
        assert closed == CLOSE_MESSAGE_TOO_BIG, (closed, replies)
        return
    assert closed is None, f"closed with {closed}"
    try:
        message = decode_client(frame)
    except ProtocolError as exc:
        refused = exc
    else:
        failures = [e for e in errors_in(replies) if e.code in SERVER_FAILURES]
        assert not failures, (message, failures)
        if accepted is not None and not errors_in(replies):
            accepted.append(type(message).__name__)
        return
    codes = [(e.code, e.ref) for e in errors_in(replies)]
    if "recursion depth" in refused.message:
        # How deep msgspec may nest depends on the caller's stack: the server's
        # shallow stack may reach a wrong-typed field first. Either way a typed refusal.
        assert {code for code, _ in codes} & PARSE_CODES, replies
    else:
        assert (refused.code, refused.ref) in codes, (refused.code, refused.message, replies)


def assert_nothing_went_wrong(server: ServerThread, errors: ErrorLog) -> None:
    assert not errors.messages(), errors.messages()
    assert not server.loop_errors, server.loop_errors
    assert not database_problems(server.db_path), database_problems(server.db_path)
    fresh = Client(server.url)
    assert isinstance(fresh.connect(), Welcome)
    assert fresh.ask(json.dumps({"type": "ping", "id": "still-there"}))[1] is None
    fresh.close()


@pytest.mark.parametrize("role", ["anonymous", "agent", "lead", "customer"])
def test_fuzzed_requests_of_every_type_get_typed_answers(
    fuzz_server: tuple[ServerThread, ErrorLog, dict[str, Any]], role: str
) -> None:
    server, errors, world = fuzz_server
    clients = world["clients"]
    if role not in clients:
        token = server.tokens["lee"] if role == "lead" else None
        clients[role] = Client(server.url, token=token)

    accepted: list[str] = []

    @settings(FUZZ, max_examples=100)
    @given(role_frames(world["conversations"], role))
    def one_frame(frame: str) -> None:
        expect_typed_answer(clients[role], frame, accepted)

    one_frame()
    assert_nothing_went_wrong(server, errors)
    # The plausible fields must get some frames past validation into the handlers.
    assert role == "anonymous" or len(set(accepted)) >= 3, accepted


def test_random_json_unknown_types_and_huge_strings_get_typed_answers(
    fuzz_server: tuple[ServerThread, ErrorLog, dict[str, Any]],
) -> None:
    server, errors, world = fuzz_server
    client = world["clients"]["agent"]

    frames = schema_frames().filter(lambda frame: frame["type"] not in SKIPPED_TYPES)
    huge_sends = huge_strings().map(lambda text: {"type": "send", "id": "h", "text": text})

    @FUZZ
    @given(frames | huge_sends)
    def one_frame(frame: dict[str, Any]) -> None:
        expect_typed_answer(client, frame_text(frame))

    one_frame()
    assert_nothing_went_wrong(server, errors)


def test_binary_frames_are_refused_with_binary_frame(
    fuzz_server: tuple[ServerThread, ErrorLog, dict[str, Any]],
) -> None:
    server, errors, world = fuzz_server
    client = world["clients"]["agent"]

    @FUZZ
    @given(st.binary(min_size=0, max_size=512) | st.text(max_size=200).map(str.encode))
    def one_frame(frame: bytes) -> None:
        replies, closed = client.ask(frame)
        assert closed is None
        assert [e.code for e in errors_in(replies)] == [ErrorCode.BINARY_FRAME]

    one_frame()
    assert_nothing_went_wrong(server, errors)


def test_invalid_utf8_in_a_text_frame_closes_with_1007(
    fuzz_server: tuple[ServerThread, ErrorLog, dict[str, Any]],
) -> None:
    """Not a frame the server can read at all: the WebSocket layer fails the connection (RFC 6455 8.1)."""
    server, errors, _ = fuzz_server
    client = Client(server.url, token=server.tokens["ann"])

    @settings(FUZZ, max_examples=40)
    @given(st.sampled_from(INVALID_UTF8), st.integers(min_value=0, max_value=30))
    def one_frame(bad: bytes, at: int) -> None:
        valid = json.dumps({"type": "send", "id": "u", "conversation_id": "c", "client_msg_id": "m", "text": "hi"})
        data = valid.encode()
        replies, closed = client.ask(data[:at] + bad + data[at:], as_text=True)
        assert closed == CLOSE_INVALID_DATA, (closed, replies)

    one_frame()
    client.close()
    assert_nothing_went_wrong(server, errors)


# ---------------------------------------------------------------- floods and oversize frames


async def _codes_until_closed(socket: ClientConnection) -> list[ErrorCode]:
    """The error codes received until the server closes; it must close well before its
    10 s close timeout, which is what a close waiting behind unread frames would take."""
    codes: list[ErrorCode] = []
    with contextlib.suppress(ConnectionClosed):
        async with asyncio.timeout(timeout(5)):
            while True:
                reply = decode_server(await socket.recv())
                if isinstance(reply, Error):
                    codes.append(reply.code)
    return codes


async def _hello(url: str, token: str | None = None) -> ClientConnection:
    headers = {"Authorization": f"Bearer {token}"} if token else None
    socket = await connect(url, additional_headers=headers, compression=None)
    await socket.send(encode(Hello(id="h", versions=[1])))
    assert isinstance(decode_server(await socket.recv()), Welcome)
    return socket


def _logged_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.ERROR]


async def _still_serving(url: str) -> None:
    fresh = await Connection.open(url)
    assert fresh.welcome is not None
    await fresh.close()


FLOODS = {
    "bad json": "{not json",
    "unknown type": json.dumps({"type": "teleport", "id": "1"}),
    "wrong field type": json.dumps({"type": "send", "id": "1", "conversation_id": 7}),
    "binary": b"\x00\x01\x02",
    "ping": json.dumps({"type": "ping", "id": "p"}),
}


@pytest.mark.parametrize("kind", sorted(FLOODS))
async def test_a_flood_is_rate_limited_then_closed_with_1008(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        socket = await _hello(server.url, server.accounts.open_session(server.accounts.get("mei"))[0])  # type: ignore[arg-type]
        for _ in range(500):  # far past the burst of 60 frames
            await socket.send(FLOODS[kind])
        codes = await _codes_until_closed(socket)
        assert ErrorCode.RATE_LIMITED in codes
        assert socket.close_code == CLOSE_POLICY_VIOLATION
        if kind != "ping":
            assert {c for c in codes if c is not ErrorCode.RATE_LIMITED} <= PARSE_CODES | {ErrorCode.BINARY_FRAME}
        await _still_serving(server.url)
        assert (await agent.resume({})).replayed == 0  # the same user's other connection is untouched
        await agent.close()
    assert not _logged_errors(caplog)


async def test_a_flood_before_hello_is_closed_with_1008(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with serving(make_config(tmp_path)) as server:
        socket = await connect(server.url, compression=None)
        for i in range(500):
            await socket.send(json.dumps({"type": "ping", "id": str(i)}))
        codes = await _codes_until_closed(socket)
        assert codes[0] is ErrorCode.HELLO_REQUIRED
        assert ErrorCode.RATE_LIMITED in codes
        assert socket.close_code == CLOSE_POLICY_VIOLATION
        await _still_serving(server.url)
    assert not _logged_errors(caplog)


async def test_customer_flooding_sends_loses_nothing_it_was_told_was_stored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        socket = await connect(server.url, compression=None)
        await socket.send(encode(Hello(id="h", versions=[1])))
        await socket.recv()
        await socket.send(encode(CustomerJoin(id="j", display_name="Flo")))
        joined = decode_server(await socket.recv())
        while not isinstance(joined, CustomerJoined):  # the chat's first events may come first
            joined = decode_server(await socket.recv())
        for i in range(300):
            send = Send(id=f"s{i}", conversation_id=joined.conversation_id, client_msg_id=f"m{i}", text=f"msg {i}")
            await socket.send(encode(send))
        acked: set[str] = set()
        with contextlib.suppress(ConnectionClosed):
            async with asyncio.timeout(timeout(10)):
                while True:
                    reply = decode_server(await socket.recv())
                    if isinstance(reply, Ack):
                        acked.add(reply.client_msg_id)
        assert socket.close_code == CLOSE_POLICY_VIOLATION
        stored = {e.client_msg_id for e in server.conversations.events_after(joined.conversation_id, 0) if e.text}
        assert acked == stored
        assert 0 < len(acked) < 300
        await agent.close()
    assert not database_problems(make_config(tmp_path).db_path)
    assert not _logged_errors(caplog)


OVERSIZE = {
    "text": "x" * (MAX_FRAME_BYTES + 1),
    "binary": b"\x00" * (MAX_FRAME_BYTES + 1),
    "send with a huge text": json.dumps(
        {"type": "send", "id": "1", "conversation_id": "c", "client_msg_id": "m", "text": "好" * MAX_FRAME_BYTES}
    ),
    "fragmented": ["x" * 16_384] * 5,
}


@pytest.mark.parametrize("kind", sorted(OVERSIZE))
@pytest.mark.parametrize("when", ["before hello", "as agent"])
async def test_an_oversize_frame_closes_with_1009_and_loses_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, kind: str, when: str
) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        shopper = await Connection.open(server.url)
        joined = await shopper.join_as_customer("Olga")
        await agent.next_event(ChatAssigned, timeout())
        token = server.accounts.open_session(server.accounts.get("mei"))[0]  # type: ignore[arg-type]
        socket = await (connect(server.url, compression=None) if when == "before hello" else _hello(server.url, token))
        await socket.send(OVERSIZE[kind])
        await _codes_until_closed(socket)
        assert socket.close_code == CLOSE_MESSAGE_TOO_BIG
        await _still_serving(server.url)
        again = await Connection.open(server.url, token=token)
        resumed = await again.resume({})
        assert resumed.replayed > 0, "the agent's chat is still theirs"
        assert server.service.floor.open[joined.conversation_id].agent == "mei"
        for conn in (again, agent, shopper):
            await conn.close()
    assert not _logged_errors(caplog)

"""A customer never reads another customer's chat, whatever ids, tokens or keys they guess.

Alice chats with an agent about something private; Mallory, another customer on
the same server, tries every handle the protocol offers on Alice's chat. Each
attempt must be refused (or silently filtered) and nothing of Alice's may reach
Mallory's connection.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import msgspec
import pytest

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import Limits
from agent_desk.protocol.messages import (
    Ack,
    CloseChat,
    CustomerJoin,
    CustomerJoined,
    EventKind,
    EventsPage,
    FetchEvents,
    ListChats,
    Ping,
    Pong,
    Rate,
    Resume,
    Resumed,
    Send,
    ServerMessage,
    Typing,
)
from support import make_config, refused, serving, staff, wait_until

pytestmark = pytest.mark.e2e

SECRET = "Alice lives at 7 Secret Lane"


class Recorder:
    """Every unsolicited frame a connection receives, to look for leaks afterwards."""

    def __init__(self) -> None:
        self.frames: list[ServerMessage] = []

    def __call__(self, frame: ServerMessage) -> None:
        self.frames.append(frame)

    def text(self) -> str:
        return "\n".join(msgspec.json.encode(f).decode() for f in self.frames)


async def _join(
    url: str, name: str, join_key: str, on_frame: Recorder | None = None
) -> tuple[Connection, CustomerJoined]:
    conn = await Connection.open(url, client_name=f"customer-{name}", on_frame=on_frame)
    joined = await conn.request(CustomerJoin(id=conn.next_id(), display_name=name, join_key=join_key), CustomerJoined)
    return conn, joined


def _guesses(conv: str, customer_id: str) -> list[str]:
    """Ids near Alice's: case changes, neighbours, prefixes, the customer id in place of the chat's."""
    last = conv[-1]
    neighbour = conv[:-1] + ("0" if last != "0" else "1")
    return [conv.upper(), neighbour, conv[:-1], conv + "0", customer_id, "conv_" + "0" * 16, f" {conv}"]


async def test_a_customer_cannot_reach_another_customers_chat_by_any_handle(tmp_path: Path) -> None:
    # Many attempts from one connection: the rate limit is not what is tested here.
    unlimited = Limits(rate_per_second=10_000.0, rate_burst=10_000)
    async with serving(make_config(tmp_path, limits=unlimited)) as server:
        agent = await staff(server, "mei")
        alice_key, mallory_key = uuid.uuid4().hex, uuid.uuid4().hex
        alice, alice_joined = await _join(server.url, "Alice", alice_key)
        alice_conv = alice_joined.conversation_id
        secret_ack = await alice.send_text(alice_conv, SECRET, client_msg_id="shared-msg-id")
        watched = Recorder()
        mallory, mallory_joined = await _join(server.url, "Mallory", mallory_key, on_frame=watched)
        await wait_until(lambda: server.service.floor.open[mallory_joined.conversation_id].agent == "mei")
        conv_ids = [alice_conv, *_guesses(alice_conv, alice_joined.customer_id)]

        for conv in conv_ids:
            await refused(mallory, FetchEvents(id=mallory.next_id(), conversation_id=conv), ErrorCode.NOT_FOUND)
            for before in (None, 1, secret_ack.seq + 1, 2**53):
                with pytest.raises(RequestFailed) as page:
                    await mallory.request(
                        FetchEvents(id=mallory.next_id(), conversation_id=conv, before_seq=before), EventsPage
                    )
                assert page.value.code is ErrorCode.NOT_FOUND
            send = Send(id=mallory.next_id(), conversation_id=conv, client_msg_id=uuid.uuid4().hex, text="hi")
            await refused(mallory, send, ErrorCode.NOT_FOUND)
            close = CloseChat(id=mallory.next_id(), conversation_id=conv, wrap_up="x")
            await refused(mallory, close, ErrorCode.NOT_FOUND)
            await refused(mallory, Rate(id=mallory.next_id(), conversation_id=conv, rating=1), ErrorCode.NOT_FOUND)
            await mallory.send_raw(msgspec.json.encode(Typing(conversation_id=conv, active=True)).decode())

        # Resume from every position, on the real id and the guesses: nothing of Alice's is replayed.
        for after in (0, 1, secret_ack.seq - 1, 2**53):
            positions = dict.fromkeys(conv_ids, after)
            resumed = await mallory.request(Resume(id=mallory.next_id(), positions=positions), Resumed)
            assert resumed.replayed == 0

        # Another customer's message id is no key to their chat: Mallory's send is her own message.
        own = await mallory.request(
            Send(
                id=mallory.next_id(),
                conversation_id=mallory_joined.conversation_id,
                client_msg_id="shared-msg-id",
                text="my own words",
            ),
            Ack,
        )
        assert (own.conversation_id, own.duplicate) == (mallory_joined.conversation_id, False)

        # A customer is not staff: no listing by customer id.
        await refused(
            mallory,
            ListChats(id=mallory.next_id(), scope="customer", customer_id=alice_joined.customer_id),
            ErrorCode.FORBIDDEN,
        )

        assert server.conversations.get(alice_conv).state.value == "assigned"  # type: ignore[union-attr]
        stored = server.conversations.events_after(alice_conv, 0)
        assert [e.text for e in stored if e.kind is EventKind.MESSAGE] == [SECRET]
        assert alice_conv not in watched.text()
        assert SECRET not in watched.text()
        assert alice_joined.customer_id not in watched.text()
        for conn in (agent, alice, mallory):
            await conn.close()


async def test_tokens_and_ids_of_another_customer_do_not_open_their_session(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        alice, alice_joined = await _join(server.url, "Alice", uuid.uuid4().hex)
        await alice.send_text(alice_joined.conversation_id, SECRET)
        token = alice_joined.customer_token
        near_misses = [
            alice_joined.customer_id,
            alice_joined.conversation_id,
            token[:-1],
            token + "A",
            token.swapcase(),
            token[::-1],
            "x" * len(token),
        ]
        for guess in near_misses:
            with pytest.raises(RequestFailed) as denied:
                await Connection.open(server.url, customer_token=guess)
            assert denied.value.code is ErrorCode.TOKEN_INVALID, guess
        # A customer token is not a staff session token either.
        with pytest.raises(RequestFailed) as as_staff:
            await Connection.open(server.url, token=token)
        assert as_staff.value.code is ErrorCode.TOKEN_INVALID
        await alice.close()


async def test_a_join_key_stops_working_once_its_customer_uses_the_token(tmp_path: Path) -> None:
    """A retried join finds its customer, but only until the client shows it has the token.

    After that the key would let whoever learns it become the customer and
    revoke their token: a join with it makes a new, separate customer.
    """
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        key = uuid.uuid4().hex
        alice, alice_joined = await _join(server.url, "Alice", key)
        await alice.send_text(alice_joined.conversation_id, SECRET)
        await alice.close()
        back = await Connection.open(server.url, customer_token=alice_joined.customer_token)
        assert back.welcome is not None
        assert back.welcome.customer_id == alice_joined.customer_id

        watched = Recorder()
        mallory, mallory_joined = await _join(server.url, "Mallory", key, on_frame=watched)
        assert mallory_joined.customer_id != alice_joined.customer_id
        assert mallory_joined.conversation_id != alice_joined.conversation_id
        await mallory.resume({alice_joined.conversation_id: 0})
        # Alice's token still works: the key did not revoke it.
        again = await Connection.open(server.url, customer_token=alice_joined.customer_token)
        assert again.welcome is not None
        assert again.welcome.customer_id == alice_joined.customer_id
        mine = await mallory.request(
            FetchEvents(id=mallory.next_id(), conversation_id=mallory_joined.conversation_id), EventsPage
        )
        assert all(e.conversation_id == mallory_joined.conversation_id for e in mine.events)
        assert SECRET not in watched.text()
        assert alice_joined.conversation_id not in watched.text()
        for conn in (agent, back, again, mallory):
            await conn.close()


async def test_a_raw_frame_naming_another_chat_leaks_nothing(tmp_path: Path) -> None:
    """The same refusals without the client library: hand-written JSON with Alice's ids."""
    async with serving(make_config(tmp_path)) as server:
        alice, alice_joined = await _join(server.url, "Alice", uuid.uuid4().hex)
        await alice.send_text(alice_joined.conversation_id, SECRET)
        watched = Recorder()
        mallory, _ = await _join(server.url, "Mallory", uuid.uuid4().hex, on_frame=watched)
        conv = alice_joined.conversation_id
        frames = [
            {"type": "resume", "id": "r1", "positions": {conv: 0}},
            {"type": "fetch_events", "id": "f1", "conversation_id": conv, "limit": 50},
            {"type": "list_chats", "id": "l1", "scope": "mine_closed"},
            {"type": "list_chats", "id": "l2", "scope": "customer", "customer_id": alice_joined.customer_id},
            {"type": "send", "id": "s1", "conversation_id": conv, "client_msg_id": "m1", "text": "hi"},
        ]
        for frame in frames:
            await mallory.send_raw(json.dumps(frame))
        # A ping after them: its pong comes after every reply to the frames above.
        await mallory.request(Ping(id=mallory.next_id()), Pong)
        replies = {getattr(f, "ref", None): f for f in watched.frames}
        assert {ref for ref in replies if ref} >= {"r1", "f1", "l1", "l2", "s1"}
        assert SECRET not in watched.text()
        assert conv not in watched.text()
        for conn in (alice, mallory):
            await conn.close()

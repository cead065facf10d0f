"""Turn each decoded client frame into a service call and a reply.

Handlers check who may do what, call the chat service and return the reply
frame. They never write to sockets themselves; the connection loop does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import SUPPORTED_VERSIONS
from agent_desk.protocol.messages import (
    Ack,
    ChatList,
    ChatOpened,
    ChatState,
    CloseChat,
    CustomerJoin,
    CustomerJoined,
    Error,
    EventsPage,
    FetchEvents,
    Hello,
    ListChats,
    Login,
    LoginOk,
    Logout,
    Ok,
    OpenChat,
    Ping,
    Pong,
    QueuePosition,
    Rate,
    Resume,
    Resumed,
    Role,
    Send,
    SetCapacity,
    SetStatus,
    Typing,
    Welcome,
)
from agent_desk.server.accounts import TokenExpired, TokenInvalid, User
from agent_desk.server.authz import require_role, staff
from agent_desk.server.content_handlers import ContentHandlers
from agent_desk.server.conversations import Conversation
from agent_desk.server.discipline_handlers import DisciplineHandlers
from agent_desk.server.login_throttle import LoginThrottle, Throttled
from agent_desk.server.peers import Peer
from agent_desk.server.practice_handlers import PracticeHandlers
from agent_desk.server.service import ChatService

Reply = msgspec.Struct | None
Handler = Callable[[Peer, Any], Awaitable[Reply]]


def fail(code: ErrorCode, message: str) -> ProtocolError:
    return ProtocolError(code, message)


class Handlers:
    """One instance per server; methods take the peer and the decoded frame."""

    def __init__(
        self,
        service: ChatService,
        on_logout: Callable[[str], None],
        content: ContentHandlers | None = None,
        discipline: DisciplineHandlers | None = None,
        practice: PracticeHandlers | None = None,
        throttle: LoginThrottle | None = None,
    ) -> None:
        self.service = service
        self._on_logout = on_logout
        self.throttle = throttle or LoginThrottle(service.clock)
        self.table: dict[type[msgspec.Struct], Handler] = {
            Login: self.login,
            Logout: self.logout,
            CustomerJoin: self.customer_join,
            OpenChat: self.open_chat,
            Send: self.send,
            Resume: self.resume,
            Typing: self.typing,
            SetStatus: self.set_status,
            SetCapacity: self.set_capacity,
            CloseChat: self.close_chat,
            Rate: self.rate,
            Ping: self.ping,
            ListChats: self.list_chats,
            FetchEvents: self.fetch_events,
        }
        # Quick replies, knowledge, settings, escalation and practice live in their own modules.
        for extra in (content, discipline, practice):
            if extra is not None:
                self.table.update(extra.table)

    # ------------------------------------------------------------ hello

    def hello(self, peer: Peer, msg: Hello, bearer: str | None) -> Welcome:
        """Agree the version and bind the identity presented with the handshake."""
        common = set(msg.versions) & set(SUPPORTED_VERSIONS)
        if not common:
            raise fail(ErrorCode.VERSION_UNSUPPORTED, f"server speaks versions {list(SUPPORTED_VERSIONS)}")
        if bearer is not None:
            self._bind_token(peer, bearer)
        elif msg.customer_token:
            customer = self.service.store.customer_for_token(msg.customer_token)
            if customer is None:
                raise fail(ErrorCode.TOKEN_INVALID, "unknown customer token: join again")
            self.service.store.spend_join_key(customer.id)
            peer.customer = customer
            self.service.floor.add_customer_peer(customer.id, peer)
        return Welcome(
            ref=msg.id,
            version=max(common),
            server_time=self.service.clock.now(),
            limits=self.service.config.limits,
            user=peer.user.info() if peer.user else None,
            customer_id=peer.customer.id if peer.customer else None,
            customer_name=peer.customer.display_name if peer.customer else None,
        )

    def _bind_token(self, peer: Peer, token: str) -> None:
        try:
            user, expires = self.service.accounts.session_for_token(token)
        except TokenExpired:
            raise fail(ErrorCode.TOKEN_EXPIRED, "session expired: log in again") from None
        except TokenInvalid:
            raise fail(ErrorCode.TOKEN_INVALID, "unknown or revoked session token") from None
        peer.user, peer.token, peer.session_expires = user, token, expires
        self.service.staff_connected(peer, user)

    # ------------------------------------------------------------ accounts

    async def login(self, peer: Peer, msg: Login) -> Reply:
        if peer.user is not None or peer.customer is not None:
            raise fail(ErrorCode.INVALID_STATE, "this connection is already signed in")
        address = _address(peer)
        try:
            async with self.throttle.attempt(msg.username, address):
                user = await self._check_password(msg.username, msg.password, address)
        except Throttled as throttled:
            return Error(
                code=ErrorCode.LOGIN_THROTTLED,
                message=f"{throttled.reason}: try again later",
                ref=msg.id,
                retry_after=round(throttled.retry_after, 3),
            )
        token, expires = self.service.accounts.open_session(user)
        peer.user, peer.token, peer.session_expires = user, token, expires
        self.service.staff_connected(peer, user)
        return LoginOk(ref=msg.id, token=token, expires_at=expires, user=user.info())

    async def _check_password(self, username: str, password: str, address: str) -> User:
        # argon2 is slow by design: keep it off the event loop.
        user = await asyncio.to_thread(self.service.accounts.verify_password, username, password)
        if user is None:
            self.throttle.failed(username, address)
            raise fail(ErrorCode.BAD_CREDENTIALS, "wrong user name or password")
        self.throttle.succeeded(username)
        return user

    async def logout(self, peer: Peer, msg: Logout) -> Reply:
        user = self._staff(peer)
        # Signing out signs out everywhere: every session of the user is revoked and every socket closed,
        # so no other desk of theirs quietly reconnects with a token that still works.
        self.service.accounts.revoke_all(user.id)
        peer.push(Ok(ref=msg.id))  # queued before the close, so the caller hears that it worked
        self._on_logout(user.username)
        return None

    async def set_capacity(self, peer: Peer, msg: SetCapacity) -> Reply:
        self._require_role(peer, {Role.ADMIN})
        if self.service.accounts.get(msg.username) is None:
            raise fail(ErrorCode.NOT_FOUND, f"no user {msg.username!r}")
        self.service.set_capacity(msg.username, msg.max_chats)
        return Ok(ref=msg.id)

    async def set_status(self, peer: Peer, msg: SetStatus) -> Reply:
        user = self._require_role(peer, {Role.AGENT, Role.SPECIALIST, Role.TRAINEE})
        seat = self.service.floor.seats[user.username]
        self.service.set_status(seat, msg.status, msg.max_chats)
        return Ok(ref=msg.id)

    # ------------------------------------------------------------ customers

    async def customer_join(self, peer: Peer, msg: CustomerJoin) -> Reply:
        if peer.user is not None or peer.customer is not None:
            raise fail(ErrorCode.INVALID_STATE, "this connection has already joined")
        name = msg.display_name.strip()
        if not name:
            raise fail(ErrorCode.BAD_FRAME, "display_name must not be blank")
        customer, token, conv, retried = self.service.customer_joined(peer, name, msg.lang, msg.join_key)
        reply = CustomerJoined(ref=msg.id, customer_id=customer.id, customer_token=token, conversation_id=conv.id)
        if retried:
            # The first reply was lost: answer first, then replay the whole chat.
            peer.push(reply)
            await self.resume(peer, Resume(id=msg.id, positions={conv.id: 0}), reply_to_caller=False)
            return None
        return reply

    async def open_chat(self, peer: Peer, msg: OpenChat) -> Reply:
        self._author(peer)  # an anonymous connection is unauthenticated, not forbidden
        if peer.customer is None:
            raise fail(ErrorCode.FORBIDDEN, "only customers open chats")
        latest = self.service.store.latest_for_customer(peer.customer.id)
        if latest is not None and latest.state is not ChatState.CLOSED:
            return ChatOpened(ref=msg.id, conversation_id=latest.id)
        conv = self.service.open_chat(peer.customer)
        return ChatOpened(ref=msg.id, conversation_id=conv.id)

    async def rate(self, peer: Peer, msg: Rate) -> Reply:
        self._author(peer)
        if peer.customer is None:
            raise fail(ErrorCode.FORBIDDEN, "only the customer rates a chat")
        conv = self._conversation(peer, msg.conversation_id, write=True)
        if conv.state is not ChatState.CLOSED:
            raise fail(ErrorCode.INVALID_STATE, "a chat is rated after it closes")
        if conv.rating is not None:
            raise fail(ErrorCode.INVALID_STATE, "this chat is already rated")
        self.service.rate(conv, peer.author, msg.rating)
        return Ok(ref=msg.id)

    # ------------------------------------------------------------ chat

    async def send(self, peer: Peer, msg: Send) -> Reply:
        author = self._author(peer)
        if not msg.text.strip():
            raise fail(ErrorCode.BAD_FRAME, "a message needs some text")
        earlier = self.service.store.find_message(author, msg.client_msg_id)
        if earlier is not None:
            return Ack(
                ref=msg.id,
                conversation_id=earlier.conversation_id,
                client_msg_id=msg.client_msg_id,
                seq=earlier.seq,
                ts=earlier.ts,
                duplicate=True,
            )
        conv = self._conversation(peer, msg.conversation_id, write=True)

        if conv.state is ChatState.CLOSED:
            raise fail(ErrorCode.INVALID_STATE, "this chat is closed")
        if peer.user is not None and (conv.state is not ChatState.ASSIGNED or conv.agent != peer.user.username):
            raise fail(ErrorCode.INVALID_STATE, "this chat is not assigned to you")
        event = self.service.post_message(conv, author, msg.text, msg.client_msg_id)
        return Ack(ref=msg.id, conversation_id=conv.id, client_msg_id=msg.client_msg_id, seq=event.seq, ts=event.ts)

    async def typing(self, peer: Peer, msg: Typing) -> Reply:
        self._author(peer)
        conv = self._conversation(peer, msg.conversation_id, write=True)
        self.service.relay_typing(conv, peer, msg.active)
        return None

    async def close_chat(self, peer: Peer, msg: CloseChat) -> Reply:
        author = self._author(peer)
        conv = self._conversation(peer, msg.conversation_id, write=True)
        if conv.state is ChatState.CLOSED:
            raise fail(ErrorCode.INVALID_STATE, "this chat is already closed")
        if peer.user is not None and not msg.wrap_up:
            raise fail(ErrorCode.BAD_FRAME, "closing a chat needs a wrap-up code")
        self.service.close(conv, author, msg.wrap_up)
        return Ok(ref=msg.id)

    async def resume(self, peer: Peer, msg: Resume, reply_to_caller: bool = True) -> Reply:
        """Replay what the peer missed, then subscribe it to live events.

        The bulk of the replay waits for room in the peer's queue, so a peer
        that missed more events than the queue holds catches up instead of
        being closed as a slow consumer. What was stored meanwhile goes out in
        a last pass that runs without awaiting up to the subscription, so no
        event can fall between the two.
        """
        self._author(peer)
        replayed = 0
        caught_up: list[tuple[Conversation, int]] = []
        for conversation_id, after in msg.positions.items():
            conv = self.service.conversation_for(peer, conversation_id, write=False)
            if conv is None:
                continue
            for event in self.service.store.events_after(conv.id, after):
                if not await peer.push_paced(event):
                    return None  # the peer stopped reading and is being closed
                replayed += 1
                after = event.seq
            caught_up.append((conv, after))
        for conv, after in caught_up:
            for event in self.service.store.events_after(conv.id, after):
                peer.push(event)
                replayed += 1
            self._push_queue_position(peer, conv)
        if peer.user is not None:
            replayed += self._announce_held_chats(peer, msg.positions)
        peer.subscribed = True
        if peer.user is not None:
            # An agent who just arrived may be the room a waiting customer needs.
            self.service.assign_waiting()
        return Resumed(ref=msg.id, replayed=replayed) if reply_to_caller else None

    def _push_queue_position(self, peer: Peer, conv: Conversation) -> None:
        """A customer coming back to a waiting chat learns its place at once."""
        if peer.customer is None or conv.state is not ChatState.QUEUED:
            return
        position = self.service.queue_position(conv)
        if position is not None:
            peer.push(QueuePosition(conversation_id=conv.id, position=position))

    def _announce_held_chats(self, peer: Peer, positions: dict[str, int]) -> int:
        """Tell an agent about chats they hold that their client did not list."""
        assert peer.user is not None
        seat = self.service.floor.seats.get(peer.user.username)
        if seat is None:
            return 0
        sent = 0
        for conv_id in sorted(seat.active) + self.service.practice_chats_of(seat.username):
            if conv_id not in positions:
                sent += self.service.send_full_chat(peer, self.service.floor.open[conv_id])
        self.service.push_status(seat)
        return sent

    async def list_chats(self, peer: Peer, msg: ListChats) -> Reply:
        user = self._staff(peer)
        store = self.service.store
        if msg.scope == "mine_closed":
            chats = store.closed_for_agent(user.username, msg.limit)
        else:
            if not msg.customer_id or not self._may_see_customer(user, msg.customer_id):
                raise fail(ErrorCode.NOT_FOUND, "no such customer among your chats")
            chats = store.for_customer(msg.customer_id, msg.limit)
        return ChatList(ref=msg.id, chats=[c.info() for c in chats])

    def _may_see_customer(self, user: Any, customer_id: str) -> bool:
        if user.role in (Role.LEAD, Role.ADMIN):
            return True
        seat = self.service.floor.seats.get(user.username)
        held = (self.service.floor.open[c] for c in (seat.active if seat else ()))
        return any(conv.customer_id == customer_id for conv in held)

    async def fetch_events(self, peer: Peer, msg: FetchEvents) -> Reply:
        self._author(peer)
        conv = self._conversation(peer, msg.conversation_id, write=False)
        events, more = self.service.store.events_before(conv.id, msg.before_seq, msg.limit)
        return EventsPage(ref=msg.id, conversation_id=conv.id, events=events, more_before=more)

    async def ping(self, peer: Peer, msg: Ping) -> Reply:
        return Pong(ref=msg.id, server_time=self.service.clock.now())

    # ------------------------------------------------------------ checks

    def _author(self, peer: Peer) -> Any:
        if peer.user is None and peer.customer is None:
            raise fail(ErrorCode.UNAUTHENTICATED, "log in or join first")
        return peer.author

    @staticmethod
    def _staff(peer: Peer) -> User:
        return staff(peer)

    @staticmethod
    def _require_role(peer: Peer, roles: set[Role]) -> User:
        return require_role(peer, roles)

    def _conversation(self, peer: Peer, conversation_id: str, *, write: bool) -> Conversation:
        conv = self.service.conversation_for(peer, conversation_id, write=write)
        if conv is None:
            raise fail(ErrorCode.NOT_FOUND, "no such conversation")
        return conv


def _address(peer: Peer) -> str:
    """The peer's IP address: the key for the per-address login limit."""
    remote = peer.socket.remote_address
    return str(remote[0]) if remote else "unknown"

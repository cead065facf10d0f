"""The server object: storage, the chat service and the WebSocket listener."""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import sqlite3
import ssl
from typing import Any

from websockets.asyncio.server import Server as WsServer
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

import agent_desk
from agent_desk.domain.clock import Clock, SystemClock
from agent_desk.protocol import PROTOCOL_VERSION, ProtocolError, decode_client
from agent_desk.protocol.codec import request_ref
from agent_desk.protocol.errors import CLOSE_SESSION_ENDED, ErrorCode
from agent_desk.protocol.messages import ChatState, Error, Hello
from agent_desk.protocol.redaction import redacted_logger
from agent_desk.server import db as database
from agent_desk.server.accounts import Accounts, TokenExpired, TokenInvalid
from agent_desk.server.assistant import OverflowAssistant
from agent_desk.server.checkpoint import Checkpointer
from agent_desk.server.config import ServerConfig
from agent_desk.server.content_handlers import ContentHandlers
from agent_desk.server.conversations import Conversations
from agent_desk.server.dashboard import Dashboard
from agent_desk.server.dashboard_handlers import DashboardHandlers
from agent_desk.server.demo import seed_demo_scenarios
from agent_desk.server.discipline_handlers import DisciplineHandlers
from agent_desk.server.escalation_service import EscalationService
from agent_desk.server.escalations import Escalations
from agent_desk.server.floor_handlers import FloorHandlers
from agent_desk.server.floor_service import FloorService, QcService
from agent_desk.server.floor_store import FloorStore
from agent_desk.server.handlers import Handlers
from agent_desk.server.http import HttpRoutes
from agent_desk.server.knowledge import Knowledge
from agent_desk.server.login_throttle import LoginThrottle
from agent_desk.server.peers import Peer
from agent_desk.server.phrases import Phrases
from agent_desk.server.practice import PracticeStore
from agent_desk.server.practice_handlers import PracticeHandlers
from agent_desk.server.practice_service import PracticeService
from agent_desk.server.qc import QcStore
from agent_desk.server.response_metrics import ResponseMetrics
from agent_desk.server.service import ChatService
from agent_desk.server.team_settings import TeamSettingsStore
from agent_desk.server.tls import server_ssl_context

log = logging.getLogger(__name__)


class Admission(enum.Enum):
    """What the rate limit says about one incoming frame."""

    HANDLE = "handle"
    DROP = "drop"
    """Over the limit: a rate_limited error is sent and the frame is not applied."""
    FLOOD = "flood"
    """The peer ignores rate_limited errors: close with 1008."""


class Server:
    """The reference server. ``await start()``, then ``await stop()``."""

    def __init__(self, config: ServerConfig, clock: Clock | None = None) -> None:
        self.config = config
        self.clock = clock or SystemClock()
        self.db = database.open_database(config.db_path)
        Checkpointer.take_over(self.db)
        self.checkpointer = Checkpointer(config.db_path)
        self.accounts = Accounts(self.db, self.clock, config.token_ttl_seconds)
        self.conversations = Conversations(self.db, self.clock)
        self.settings = TeamSettingsStore(self.db)
        self.metrics = ResponseMetrics(self.db, self.settings, self.clock)
        self.service = ChatService(config, self.accounts, self.conversations, self.metrics, self.clock)
        self.phrases = Phrases(self.db, self.clock)
        self.knowledge = Knowledge(self.db, self.clock)
        content = ContentHandlers(self.service.floor, self.phrases, self.knowledge)
        self.escalations = EscalationService(self.service, Escalations(self.db, self.clock), self.settings)
        discipline = DisciplineHandlers(self.settings, self.metrics, self.escalations)
        self.practice = PracticeService(
            self.service, PracticeStore(self.db, self.clock, self.conversations), self.metrics, self.settings.rubric
        )
        practice = PracticeHandlers(self.practice)
        self.handlers = Handlers(
            self.service,
            self.close_user_sockets,
            content,
            discipline,
            practice,
            LoginThrottle(self.clock, config.login_throttle),
        )
        self.dashboard = Dashboard(self.db, self.service, self.metrics, self.settings, config.floor_sample_seconds)
        self.assistant = OverflowAssistant(self.service, self.knowledge, self.settings, config.assistant_check_seconds)
        self.handlers.table.update(DashboardHandlers(self.dashboard).table)
        self.lead_floor = FloorService(
            self.service, FloorStore(self.db, self.clock), self.escalations.store, self.settings
        )
        self.qc = QcService(self.service, QcStore(self.db, self.clock), self.metrics, self.settings)
        self.handlers.table.update(FloorHandlers(self.lead_floor, self.qc).table)
        self._tickers: list[asyncio.Task[None]] = []
        self._http = HttpRoutes(self.health)
        self._ws: WsServer | None = None
        self._peers: set[Peer] = set()

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        self.service.restore()
        self.escalations.restore()
        self.practice.restore()
        if self.config.demo:
            seed_demo_scenarios(self.practice.store)
        self._ws = await serve(
            self._handle,
            self.config.host,
            self.config.port,
            process_request=self._process_request,
            max_size=self.config.limits.max_frame_bytes,
            # Off unless configured: compressing tokens next to attacker-chosen text leaks them (CRIME/BREACH).
            compression="deflate" if self.config.ws_compression else None,
            ssl=self._ssl_context(),
            logger=redacted_logger("websockets.server"),
            ping_interval=20,
            ping_timeout=20,
        )
        self.service.assign_waiting()
        self._tickers = [
            asyncio.create_task(self.dashboard.run_sampler(), name="floor-sampler"),
            asyncio.create_task(self.assistant.run(), name="overflow-assistant"),
            asyncio.create_task(self._check_sessions_forever(), name="session-check"),
        ]
        self.checkpointer.start()

    def _ssl_context(self) -> ssl.SSLContext | None:
        cert, key = self.config.tls_cert, self.config.tls_key
        if cert is None and key is None:
            return None
        if cert is None or key is None:
            raise ValueError("TLS needs both a certificate and its key")
        return server_ssl_context(cert, key)

    @property
    def port(self) -> int:
        assert self._ws is not None, "server not started"
        sockname: tuple[Any, ...] = next(iter(self._ws.sockets)).getsockname()
        return int(sockname[1])

    @property
    def url(self) -> str:
        return f"{'wss' if self.config.tls else 'ws'}://{self.config.host}:{self.port}/ws"

    @property
    def http_url(self) -> str:
        return f"{'https' if self.config.tls else 'http'}://{self.config.host}:{self.port}"

    async def stop(self) -> None:
        for ticker in self._tickers:
            ticker.cancel()
        if self._tickers:
            await asyncio.wait(self._tickers)
        if self._ws is not None:
            self._ws.close()
            await self._ws.wait_closed()
        for seat in self.service.floor.seats.values():
            if seat.grace_task is not None:
                seat.grace_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await seat.grace_task
                seat.grace_task = None
        self.checkpointer.close()
        self.db.close()

    async def serve_forever(self) -> None:
        await self.start()
        try:
            await asyncio.Future()
        finally:
            await self.stop()

    def health(self) -> dict[str, Any]:
        floor = self.service.floor
        return {
            "status": "ok",
            "version": agent_desk.__version__,
            "protocol": PROTOCOL_VERSION,
            "schema": database.schema_version(self.db),
            "connections": len(self._peers),
            "agents_online": sum(1 for s in floor.seats.values() if s.online and s.routable),
            "queued": sum(1 for c in floor.open.values() if c.state is ChatState.QUEUED),
            "active": sum(1 for c in floor.open.values() if c.state is ChatState.ASSIGNED and c.practice_room is None),
        }

    def close_user_sockets(self, username: str) -> None:
        seat = self.service.floor.seats.get(username)
        for peer in list(seat.peers if seat else ()):
            peer.close_after_queued(1000, "logged out")

    # ------------------------------------------------------------ connections

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        response = self._http(request)
        if response is None and not self._origin_allowed(request.headers.get("Origin")):
            return connection.respond(403, "origin not allowed\n")
        return response

    def _origin_allowed(self, origin: str | None) -> bool:
        """Browsers send Origin; the desk and the simulator do not."""
        if origin is None:
            return True
        scheme = "https" if self.config.tls else "http"
        own = {f"{scheme}://{self.config.host}:{self.port}", f"{scheme}://localhost:{self.port}"}
        return origin in own or origin in self.config.allowed_origins

    async def _handle(self, socket: ServerConnection) -> None:
        limits = self.config.limits
        peer = Peer(
            socket, queue_frames=self.config.outbound_queue_frames, rate=limits.rate_per_second, burst=limits.rate_burst
        )
        self._peers.add(peer)
        try:
            if await self._greet(peer):
                await self._serve_frames(peer)
        except ConnectionClosed:
            pass
        finally:
            self._peers.discard(peer)
            self._forget(peer)
            await peer.stop()

    async def _greet(self, peer: Peer) -> bool:
        """Read frames until a hello; answer welcome or typed errors. True to go on."""
        deadline = asyncio.get_running_loop().time() + self.config.hello_timeout_seconds
        while True:
            try:
                async with asyncio.timeout_at(deadline):
                    frame = await peer.socket.recv()
            except TimeoutError:
                await peer.close_for_policy("no hello")
                return False
            admission = self._admit(peer, frame)
            if admission is Admission.FLOOD:
                await self._close_flood(peer)
                return False
            if admission is Admission.DROP:
                continue
            error = self._hello(peer, frame)
            if error is None:
                return True
            peer.push(error)
            if error.code is ErrorCode.VERSION_UNSUPPORTED:
                await peer.close_for_policy("no common protocol version")
                return False
            if error.code in (ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_INVALID):
                return True  # an anonymous connection that may still log in

    def _hello(self, peer: Peer, frame: str | bytes) -> Error | None:
        if isinstance(frame, bytes):
            return Error(code=ErrorCode.BINARY_FRAME, message="send JSON text frames, not binary")
        ref: str | None = None
        try:
            hello = decode_client(frame)
            ref = getattr(hello, "id", None)
            if not isinstance(hello, Hello):
                raise ProtocolError(ErrorCode.HELLO_REQUIRED, "the first frame must be hello")
            peer.push(self.handlers.hello(peer, hello, self._bearer(peer)))
        except ProtocolError as exc:
            return Error(code=exc.code, message=exc.message, ref=exc.ref or ref)
        except sqlite3.Error as exc:  # reading the token's session
            return storage_error(exc, ref)
        return None

    def _admit(self, peer: Peer, frame: str | bytes) -> Admission:
        """Charge one frame to the peer's rate limit.

        A refused request is named in the error, with when to try again, so
        its sender can retry it instead of waiting for a reply.
        """
        if peer.bucket.take(asyncio.get_running_loop().time()):
            return Admission.HANDLE
        if peer.bucket.flooding:
            return Admission.FLOOD
        peer.push(
            Error(
                code=ErrorCode.RATE_LIMITED,
                message="too many frames: slow down",
                ref=request_ref(frame),
                retry_after=round(peer.bucket.retry_after(), 3),
            )
        )
        return Admission.DROP

    @staticmethod
    async def _close_flood(peer: Peer) -> None:
        """Close with 1008, reading and dropping what the flooder had already sent.

        Unread frames fill the socket's incoming queue, which stops it reading,
        so the peer's answer to the close would wait behind them until the close
        timeout: draining lets the closing handshake finish at once. A peer that
        keeps sending is still cut off by that timeout, so the loop is bounded.
        """
        closing = asyncio.create_task(peer.close_for_policy("flood"), name="flood-close")
        try:
            async for _ in peer.socket:
                pass
        finally:
            await closing

    @staticmethod
    def _bearer(peer: Peer) -> str | None:
        header = peer.socket.request.headers.get("Authorization") if peer.socket.request else None
        if header and header.lower().startswith("bearer "):
            return header[7:].strip() or None
        return None

    async def _serve_frames(self, peer: Peer) -> None:
        async for frame in peer.socket:
            if peer.session_expires is not None and peer.session_expires <= self.clock.now():
                await peer.close_after_flush(CLOSE_SESSION_ENDED, "session expired: log in again")
                return
            admission = self._admit(peer, frame)
            if admission is Admission.FLOOD:
                await self._close_flood(peer)
                return
            if admission is Admission.DROP:
                continue
            reply = await self._dispatch(peer, frame)
            if reply is not None:
                peer.push(reply)

    async def _dispatch(self, peer: Peer, frame: str | bytes) -> Any:
        if isinstance(frame, bytes):
            return Error(code=ErrorCode.BINARY_FRAME, message="send JSON text frames, not binary")
        ref: str | None = None
        kind = "undecoded"
        try:
            message = decode_client(frame)
            ref, kind = getattr(message, "id", None), type(message).__name__
            handler = self.handlers.table.get(type(message))
            if handler is None:  # hello again
                raise ProtocolError(ErrorCode.INVALID_STATE, "hello was already received", ref)
            return await handler(peer, message)
        except ProtocolError as exc:
            return Error(code=exc.code, message=exc.message, ref=exc.ref or ref)
        except sqlite3.Error as exc:
            return storage_error(exc, ref)
        except Exception:
            # The type only: a frame may carry a password or a token.
            log.exception("handler failed for a %s frame (ref %s)", kind, ref)
            return Error(code=ErrorCode.INTERNAL, message="server error: the request was not applied", ref=ref)

    # ------------------------------------------------------------ sessions

    async def _check_sessions_forever(self) -> None:
        while True:
            await asyncio.sleep(self.config.session_check_seconds)
            self.check_sessions()

    def check_sessions(self) -> int:
        """Close staff connections whose session expired or was revoked; returns how many."""
        closed = 0
        for peer in list(self._peers):
            if peer.token is None:
                continue
            try:
                self.accounts.session_for_token(peer.token)
            except TokenExpired:
                peer.close_after_queued(CLOSE_SESSION_ENDED, "session expired: log in again")
            except TokenInvalid:
                peer.close_after_queued(CLOSE_SESSION_ENDED, "session revoked: log in again")
            else:
                continue
            closed += 1
        return closed

    def _forget(self, peer: Peer) -> None:
        if peer.user is not None:
            self.service.staff_disconnected(peer, peer.user)
        if peer.customer is not None:
            self.service.floor.remove_customer_peer(peer.customer.id, peer)


def storage_error(exc: sqlite3.Error, ref: str | None) -> Error:
    """The typed refusal of a request the database would not take: nothing was applied."""
    if database.is_operator_problem(exc):
        log.warning("storage refused a write: %s (%s)", exc, getattr(exc, "sqlite_errorname", ""))
    else:
        log.exception("storage failed")
    return Error(code=ErrorCode.STORAGE_UNAVAILABLE, message=database.storage_problem(exc), ref=ref)

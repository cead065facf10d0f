"""Security against the real server: passwords, login throttling, sessions, logs, TLS, compression.

docs/security.md says what each of these protects against.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, extract_parameters
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from agent_desk.client.connection import Connection, ConnectionLost, RequestFailed
from agent_desk.client.session import SessionState, log_in
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.errors import CLOSE_SESSION_ENDED, ErrorCode
from agent_desk.protocol.messages import Logout, Ok, Ping, Pong, Role
from agent_desk.server import cli
from agent_desk.server.accounts import PASSWORD_HASHER
from agent_desk.server.app import Server
from agent_desk.server.login_throttle import ThrottlePolicy
from agent_desk.sim.cli import build_parser as build_sim_parser
from agent_desk.sim.runner import SimConfig, run_simulation
from agent_desk.ui.app import DeskApp, Login, parse_args
from agent_desk.ui.desk import Desk
from agent_desk.ui.login_dialog import LoginDialog
from desk_support import make_desk_app, run
from support import ServerProcess, make_config, serving, timeout, wait_until

pytestmark = pytest.mark.e2e

OWASP_MEMORY_KIB = 19 * 1024


def stored_hash(server: Server, username: str) -> str:
    row = server.db.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    return str(row[0])


async def try_login(server: Server, username: str, password: str) -> RequestFailed | None:
    """One login on a fresh connection; the refusal, or None when it worked."""
    conn = await Connection.open(server.url)
    try:
        await conn.login(username, password)
    except RequestFailed as refused:
        return refused
    finally:
        await conn.close()
    return None


def count_password_checks(server: Server) -> list[str]:
    """Record each argon2 verification the server runs (a spy: the real check still runs)."""
    checked: list[str] = []
    real = server.accounts.verify_password

    def spy(username: str, password: str) -> object:
        checked.append(username)
        return real(username, password)

    server.accounts.verify_password = spy  # type: ignore[method-assign,assignment]
    return checked


# ---------------------------------------------------------------- passwords


async def test_passwords_are_hashed_with_argon2id_at_owasp_minimum(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        params = extract_parameters(stored_hash(server, "mei"))
        assert params.type.name == "ID"
        assert params.memory_cost >= OWASP_MEMORY_KIB
        assert params.time_cost >= 2
        assert params.parallelism == 1
        assert "s3cret" not in stored_hash(server, "mei")


async def test_a_hash_made_with_weaker_parameters_is_upgraded_at_login(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("s3cret")
        with server.db:
            server.db.execute("UPDATE users SET password_hash = ? WHERE username = 'mei'", (weak,))

        assert await try_login(server, "mei", "s3cret") is None

        upgraded = stored_hash(server, "mei")
        assert upgraded != weak
        assert extract_parameters(upgraded) == PASSWORD_HASHER._parameters
        assert not PASSWORD_HASHER.check_needs_rehash(upgraded)
        assert await try_login(server, "mei", "s3cret") is None, "the new hash still opens the account"


async def test_a_wrong_password_leaves_a_weak_hash_alone(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("s3cret")
        with server.db:
            server.db.execute("UPDATE users SET password_hash = ? WHERE username = 'mei'", (weak,))
        refused = await try_login(server, "mei", "guess")
        assert refused is not None
        assert refused.code is ErrorCode.BAD_CREDENTIALS
        assert stored_hash(server, "mei") == weak


# ---------------------------------------------------------------- login throttling


async def test_an_account_is_throttled_after_failures_without_checking_the_password(tmp_path: Path) -> None:
    clock = ManualClock()
    policy = ThrottlePolicy(account_failures=3, address_failures=100, window_seconds=300)
    async with serving(make_config(tmp_path, login_throttle=policy), clock) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        checked = count_password_checks(server)
        for _ in range(3):
            refused = await try_login(server, "mei", "guess")
            assert refused is not None
            assert refused.code is ErrorCode.BAD_CREDENTIALS
            clock.advance(10)

        throttled = await try_login(server, "mei", "s3cret")

        assert throttled is not None
        assert throttled.code is ErrorCode.LOGIN_THROTTLED
        assert len(checked) == 3, "a throttled attempt never reaches argon2"
        # The first failure was 30 s ago: it leaves the 300 s window in 270 s.
        assert throttled.error.retry_after == pytest.approx(270)
        clock.advance(269)
        still = await try_login(server, "mei", "s3cret")
        assert still is not None
        assert still.code is ErrorCode.LOGIN_THROTTLED
        clock.advance(1)
        assert await try_login(server, "mei", "s3cret") is None
        # Other accounts were never affected.
        server.accounts.add_user("li", "pw-li", Role.AGENT)
        assert await try_login(server, "li", "pw-li") is None


async def test_a_successful_login_resets_the_account_count(tmp_path: Path) -> None:
    policy = ThrottlePolicy(account_failures=3, address_failures=100)
    async with serving(make_config(tmp_path, login_throttle=policy), ManualClock()) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        for _round in range(3):
            for _ in range(2):
                refused = await try_login(server, "mei", "guess")
                assert refused is not None
                assert refused.code is ErrorCode.BAD_CREDENTIALS
            assert await try_login(server, "mei", "s3cret") is None


async def test_spraying_many_accounts_from_one_address_is_throttled(tmp_path: Path) -> None:
    policy = ThrottlePolicy(account_failures=3, address_failures=4)
    async with serving(make_config(tmp_path, login_throttle=policy), ManualClock()) as server:
        for name in ("a1", "a2", "a3", "a4", "target"):
            server.accounts.add_user(name, f"pw-{name}", Role.AGENT)
        # One guess per account (and one for a name that does not exist) stays under every account's limit...
        for name in ("a1", "a2", "a3", "nobody"):
            refused = await try_login(server, name, "123456")
            assert refused is not None
            assert refused.code is ErrorCode.BAD_CREDENTIALS

        # ...but the address has used its four.
        sprayed = await try_login(server, "target", "pw-target")

        assert sprayed is not None
        assert sprayed.code is ErrorCode.LOGIN_THROTTLED
        assert "address" in sprayed.error.message
        assert sprayed.error.retry_after is not None
        assert sprayed.error.retry_after > 0


async def test_parallel_guesses_cannot_overtake_the_count(tmp_path: Path) -> None:
    policy = ThrottlePolicy(account_failures=3, address_failures=100)
    async with serving(make_config(tmp_path, login_throttle=policy), ManualClock()) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        checked = count_password_checks(server)

        results = await asyncio.gather(*(try_login(server, "mei", f"guess-{n}") for n in range(8)))

        codes = sorted(str(r.code) for r in results if r is not None)
        assert codes == ["bad_credentials"] * 3 + ["login_throttled"] * 5
        assert len(checked) == 3


# ---------------------------------------------------------------- sessions


async def signed_in(server: Server, username: str) -> tuple[Connection, str]:
    """A staff connection that logged in itself, and its session token."""
    if server.accounts.get(username) is None:
        server.accounts.add_user(username, f"pw-{username}", Role.AGENT)
    conn = await Connection.open(server.url, client_name=f"test-{username}")
    token = (await conn.login(username, f"pw-{username}")).token
    await conn.resume({})
    return conn, token


async def test_an_open_connection_closes_when_its_session_expires(tmp_path: Path) -> None:
    clock = ManualClock()
    config = make_config(tmp_path, token_ttl_seconds=3600, session_check_seconds=0.05)
    async with serving(config, clock) as server:
        conn, token = await signed_in(server, "mei")
        clock.advance(3599)
        assert (await conn.request(Ping(id=conn.next_id()), Pong)).server_time == clock.now()

        clock.advance(2)

        await wait_until(conn.closed.is_set)
        assert conn.close_code == CLOSE_SESSION_ENDED
        assert "expired" in (conn.close_reason or "")
        with pytest.raises(RequestFailed) as refused:
            await Connection.open(server.url, token=token)
        assert refused.value.code is ErrorCode.TOKEN_EXPIRED
        await conn.close()


async def test_a_frame_after_expiry_closes_the_connection_at_once(tmp_path: Path) -> None:
    clock = ManualClock()
    # The periodic check is an hour away: the frame itself must notice.
    config = make_config(tmp_path, token_ttl_seconds=3600, session_check_seconds=3600)
    async with serving(config, clock) as server:
        conn, _token = await signed_in(server, "mei")
        clock.advance(3601)

        with pytest.raises(ConnectionLost):
            await conn.request(Ping(id=conn.next_id()), Pong)

        assert conn.close_code == CLOSE_SESSION_ENDED
        await conn.close()


async def test_a_revoked_session_closes_only_its_own_connection(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path, session_check_seconds=0.05)) as server:
        first, _ = await signed_in(server, "mei")
        second, second_token = await signed_in(server, "mei")

        server.accounts.revoke(second_token)

        await wait_until(second.closed.is_set)
        assert second.close_code == CLOSE_SESSION_ENDED
        assert "revoked" in (second.close_reason or "")
        assert await first.request(Ping(id=first.next_id()), Pong)
        for conn in (first, second):
            await conn.close()


async def test_logout_closes_every_socket_of_the_user_within_a_second(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        desk, _ = await signed_in(server, "mei")
        laptop, laptop_token = await signed_in(server, "mei")
        colleague, _ = await signed_in(server, "li")

        assert await desk.request(Logout(id=desk.next_id()), Ok)

        await wait_until(lambda: desk.closed.is_set() and laptop.closed.is_set(), units=1)
        assert (desk.close_code, laptop.close_code) == (1000, 1000)
        # Signing out is everywhere: the laptop's own token no longer opens a session.
        with pytest.raises(RequestFailed) as refused:
            await Connection.open(server.url, token=laptop_token)
        assert refused.value.code is ErrorCode.TOKEN_INVALID
        assert await colleague.request(Ping(id=colleague.next_id()), Pong), "others stay connected"
        for conn in (desk, laptop, colleague):
            await conn.close()


# ---------------------------------------------------------------- secrets in logs and URLs


async def test_tokens_and_passwords_never_reach_the_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with serving(make_config(tmp_path, session_check_seconds=0.05)) as server:
        server.accounts.add_user("mei", "correct horse", Role.AGENT)
        login = await Connection.open(server.url)
        token = (await login.login("mei", "correct horse")).token
        await login.resume({})
        again = await Connection.open(server.url, token=token)  # a reconnect presents it in a header
        await again.resume({})
        shopper = await Connection.open(server.url)
        customer_token = (await shopper.join_as_customer("顾客")).customer_token
        back = await Connection.open(server.url, customer_token=customer_token)
        await again.request(Logout(id=again.next_id()), Ok)
        await wait_until(lambda: login.closed.is_set() and again.closed.is_set())
        for conn in (login, again, shopper, back):
            await conn.close()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (token, customer_token, "correct horse"):
        assert secret not in logged
    # The capture really saw the handshakes and frames, with the secret parts replaced.
    assert "Authorization: [redacted]" in logged
    assert "frame [" in logged
    # Every handshake asked for /ws and nothing more: no token rode in a URL.
    requests = [re.match(r"< GET (\S+) HTTP", r.getMessage()) for r in caplog.records if r.name == "websockets.server"]
    paths = [match.group(1) for match in requests if match]
    assert len(paths) == 4
    assert set(paths) == {"/ws"}


# ---------------------------------------------------------------- TLS


@pytest.fixture
def cert_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed pair made by the server's own command."""
    out = tmp_path / "tls"
    assert cli.main(["tls", "selfsigned", "--out", str(out), "--host", "127.0.0.1", "--host", "localhost"]) == 0
    return out / "cert.pem", out / "key.pem"


def https_get(url: str, ca_file: Path | None) -> tuple[int, bytes]:
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    with urllib.request.urlopen(url, context=context, timeout=timeout()) as response:
        return int(response.status), bytes(response.read())


async def test_tls_serves_wss_and_https_to_clients_that_trust_the_certificate(
    tmp_path: Path, cert_pair: tuple[Path, Path]
) -> None:
    cert, key = cert_pair
    assert oct(key.stat().st_mode & 0o777) == oct(0o600)
    async with serving(make_config(tmp_path / "data", tls_cert=cert, tls_key=key)) as server:
        assert server.url.startswith("wss://")
        assert server.http_url.startswith("https://")
        server.accounts.add_user("mei", "s3cret", Role.AGENT)

        trusting = await Connection.open(server.url, ca_file=cert)
        assert (await trusting.login("mei", "s3cret")).user.username == "mei"
        with pytest.raises(ssl.SSLCertVerificationError):
            await Connection.open(server.url)  # only the system's CAs: the self-signed cert is refused

        status, body = await asyncio.to_thread(https_get, f"{server.http_url}/healthz", cert)
        assert status == 200
        assert json.loads(body)["status"] == "ok"
        with pytest.raises(urllib.error.URLError) as untrusted:
            await asyncio.to_thread(https_get, f"{server.http_url}/healthz", None)
        assert isinstance(untrusted.value.reason, ssl.SSLCertVerificationError)
        # The customer page comes over https too, and its own https origin may open the socket.
        status, page = await asyncio.to_thread(https_get, f"{server.http_url}/", cert)
        assert status == 200
        assert b"<html" in page.lower()
        context = ssl.create_default_context(cafile=str(cert))
        browser = await connect(server.url, origin=server.http_url, ssl=context)  # type: ignore[arg-type]
        await browser.close()
        with pytest.raises(InvalidStatus) as plain_origin:
            await connect(server.url, origin=f"http://127.0.0.1:{server.port}", ssl=context)  # type: ignore[arg-type]
        assert plain_origin.value.response.status_code == 403
        await trusting.close()


async def test_the_simulator_talks_to_a_tls_server_given_its_ca_file(
    tmp_path: Path, cert_pair: tuple[Path, Path]
) -> None:
    cert, key = cert_pair
    async with serving(make_config(tmp_path / "data", tls_cert=cert, tls_key=key)) as server:
        server.accounts.add_user("sim-agent", "pw-sim", Role.AGENT, max_chats=2)
        trusted = SimConfig(
            url=server.url, customers=2, rate=50.0, duration=timeout(20), seed=3, pace=0.02,
            agents=[("sim-agent", "pw-sim")], ca_file=cert,
        )  # fmt: skip
        summary = await asyncio.wait_for(run_simulation(trusted), timeout(30))
        assert summary.errors == 0, summary.format()
        assert summary.agents_ready == 1
        assert summary.chats_opened == summary.chats_answered == 2, summary.format()
        untrusted = SimConfig(url=server.url, customers=1, rate=50.0, duration=timeout(5), seed=3, pace=0.02)
        refused = await asyncio.wait_for(run_simulation(untrusted), timeout(10))
        assert refused.chats_opened == 0, "without the CA file the certificate is not trusted"
    args = build_sim_parser().parse_args(["--ca-file", str(cert)])
    assert Path(args.ca_file) == cert


async def test_the_server_command_takes_tls_and_compression_flags(tmp_path: Path, cert_pair: tuple[Path, Path]) -> None:
    cert, key = cert_pair
    process = ServerProcess(tmp_path / "data", "--tls-cert", str(cert), "--tls-key", str(key), "--ws-compression")
    try:
        url = process.start()
        assert url.startswith("wss://127.0.0.1:")
        status, body = await asyncio.to_thread(
            https_get, url.replace("wss://", "https://")[: -len("/ws")] + "/healthz", cert
        )
        assert status == 200
        assert json.loads(body)["status"] == "ok"
        socket = await connect(url, ssl=ssl.create_default_context(cafile=str(cert)))
        assert socket.response is not None
        assert "permessage-deflate" in (socket.response.headers.get("Sec-WebSocket-Extensions") or "")
        await socket.close()
    finally:
        process.stop()


# ---------------------------------------------------------------- origins and compression


async def test_a_configured_origin_is_allowed_and_others_are_not(tmp_path: Path) -> None:
    config = make_config(tmp_path, allowed_origins=["https://shop.example"])
    async with serving(config) as server:
        shop = await connect(server.url, origin="https://shop.example")  # type: ignore[arg-type]
        await shop.close()
        for origin in ("http://shop.example", "https://evil.example", "null"):
            with pytest.raises(InvalidStatus) as refused:
                await connect(server.url, origin=origin)  # type: ignore[arg-type]
            assert refused.value.response.status_code == 403


async def test_permessage_deflate_is_off_unless_configured(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path / "plain")) as server:
        # websockets offers permessage-deflate by default, as browsers do.
        offered = await connect(server.url)
        assert offered.response is not None
        assert offered.response.headers.get("Sec-WebSocket-Extensions") is None
        assert offered.protocol.extensions == []
        await offered.close()
    async with serving(make_config(tmp_path / "deflate", ws_compression=True)) as server:
        offered = await connect(server.url)
        assert offered.response is not None
        assert "permessage-deflate" in (offered.response.headers.get("Sec-WebSocket-Extensions") or "")
        await offered.close()


# ---------------------------------------------------------------- the desk over TLS


@pytest.fixture
def tls_server(qloop: asyncio.AbstractEventLoop, tmp_path: Path, cert_pair: tuple[Path, Path]) -> Iterator[Server]:
    cert, key = cert_pair
    server = Server(make_config(tmp_path / "server", tls_cert=cert, tls_key=key))
    qloop.run_until_complete(server.start())
    server.accounts.add_user("mei", "pw-mei", Role.AGENT)
    yield server
    qloop.run_until_complete(server.stop())


@pytest.fixture
def desk_app(qapp: QApplication, tmp_path: Path, tls_server: Server) -> DeskApp:
    """A desk for the TLS server that trusts only the system's CAs until told otherwise."""
    return make_desk_app(qapp, tmp_path, tls_server.url)


async def online_desk(app: DeskApp) -> Desk:
    return await wait_until(lambda: app.desk if app.desk and app.desk.session.online else None)


async def log_in_through_dialog(qtbot: QtBot, app: DeskApp) -> LoginDialog:
    dialog = await wait_until(lambda: app.login_dialog)
    dialog.username.setText("mei")
    qtbot.keyClicks(dialog.password, "pw-mei")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    return dialog


def test_the_desk_explains_an_untrusted_certificate_and_logs_in_once_given_the_ca_file(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, desk_app: DeskApp, tmp_path: Path, cert_pair: tuple[Path, Path]
) -> None:
    app = desk_app

    async def scenario() -> None:
        runner = asyncio.ensure_future(app.run())
        dialog = await log_in_through_dialog(qtbot, app)
        await wait_until(lambda: dialog.buttons.isEnabled() and "certificate" in dialog.message.text())
        assert "CA file" in dialog.message.text()
        assert app.desk is None

        qtbot.keyClicks(dialog.ca_file, str(tmp_path / "missing.pem"))
        qtbot.keyClick(dialog.ca_file, Qt.Key.Key_Return)
        await wait_until(lambda: "There is no CA file" in dialog.message.text())

        dialog.ca_file.clear()
        qtbot.keyClicks(dialog.ca_file, str(cert_pair[0]))
        qtbot.keyClick(dialog.ca_file, Qt.Key.Key_Return)
        desk = await online_desk(app)
        assert desk.session.url.startswith("wss://")
        assert app.settings.ca_file == str(cert_pair[0]), "remembered for next time"
        desk.window.close()
        assert await runner == 0

    run(qloop, scenario())


def test_a_ca_file_from_the_command_line_fills_the_dialog_and_is_used(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, desk_app: DeskApp, cert_pair: tuple[Path, Path]
) -> None:
    app = desk_app
    app.ca_file = cert_pair[0]  # as main() passes --ca-file

    async def scenario() -> None:
        runner = asyncio.ensure_future(app.run())
        dialog = await log_in_through_dialog(qtbot, app)
        assert dialog.ca_file.text() == str(cert_pair[0])
        desk = await online_desk(app)
        desk.window.close()
        await runner

    run(qloop, scenario())


def test_the_desk_command_line_takes_a_ca_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse_args(["--ca-file", str(tmp_path / "ca.pem")]).ca_file == tmp_path / "ca.pem"
    monkeypatch.setenv("AGENTDESK_CA_FILE", str(tmp_path / "env.pem"))
    assert Path(parse_args([]).ca_file) == tmp_path / "env.pem"


def test_a_remembered_session_stops_at_an_untrusted_certificate_instead_of_retrying(
    qloop: asyncio.AbstractEventLoop, desk_app: DeskApp, tls_server: Server, cert_pair: tuple[Path, Path]
) -> None:
    app = desk_app

    async def scenario() -> None:
        token = (
            await log_in(
                tls_server.url, "mei", "pw-mei", connector=functools.partial(Connection.open, ca_file=cert_pair[0])
            )
        ).token
        runner = asyncio.ensure_future(app.run_desk(Login(tls_server.url, "mei", token)))
        desk = await wait_until(lambda: app.desk)
        await wait_until(lambda: desk.session.state is SessionState.STOPPED)
        assert desk.window.banner.isVisible()
        assert "certificate" in desk.window.banner.text()
        desk.window.close()
        assert await runner is False

    run(qloop, scenario())

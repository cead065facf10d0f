"""The durable outbox: real SQLite files in tmp_path, reopened to prove durability."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from agent_desk.client.outbox import (
    SCHEMA_VERSION,
    AsyncOutbox,
    Outbox,
    OutboxError,
    OutboxState,
    account_key_for,
)
from agent_desk.client.paths import ensure_private_dir, user_data_dir

MEI = account_key_for("wss://desk.example.com/ws", "mei")
LEI = account_key_for("wss://desk.example.com/ws", "lei")

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


class Ticks:
    """A clock that moves one second per reading, so created_at values differ."""

    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "outbox.sqlite3"


@pytest.fixture
def outbox(path: Path) -> Iterator[Outbox]:
    box = Outbox(path, MEI, clock=Ticks())
    yield box
    box.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---------------------------------------------------------------- Outbox


def test_added_messages_are_unacked_oldest_first(outbox: Outbox) -> None:
    first = outbox.add("conv_1", "你好")
    second = outbox.add("conv_2", "稍等")
    third = outbox.add("conv_1", "好的")

    assert [e.client_msg_id for e in outbox.unacked()] == [
        first.client_msg_id,
        second.client_msg_id,
        third.client_msg_id,
    ]
    assert outbox.unacked()[0] == first
    assert first.state is OutboxState.PENDING
    assert (first.attempts, first.last_error) == (0, None)
    assert first.created_at < second.created_at < third.created_at
    assert len({first.client_msg_id, second.client_msg_id, third.client_msg_id}) == 3


def test_messages_survive_close_and_reopen(path: Path) -> None:
    box = Outbox(path, MEI)
    kept = box.add("conv_1", "还在吗？")
    refused = box.add("conv_1", "bad")
    box.record_attempt(kept.client_msg_id)
    box.failed(refused.client_msg_id, "conversation closed")
    box.close()

    reopened = Outbox(path, MEI)
    try:
        entries = reopened.unacked()
    finally:
        reopened.close()
    assert [(e.client_msg_id, e.text, e.state, e.attempts) for e in entries] == [
        (kept.client_msg_id, "还在吗？", OutboxState.PENDING, 1),
        (refused.client_msg_id, "bad", OutboxState.FAILED, 0),
    ]
    assert entries[1].last_error == "conversation closed"


def test_two_accounts_in_one_file_do_not_mix(path: Path, outbox: Outbox) -> None:
    mine = outbox.add("conv_1", "mei's words")
    other = Outbox(path, LEI)
    try:
        theirs = other.add("conv_1", "lei's words")
        assert [e.client_msg_id for e in other.unacked()] == [theirs.client_msg_id]
        # One account cannot ack, fail or cancel another's message.
        assert other.acked(mine.client_msg_id) is False
        assert other.failed(mine.client_msg_id, "x") is None
        assert other.cancel(mine.client_msg_id) is None
    finally:
        other.close()
    assert outbox.unacked() == [mine]


def test_the_same_user_on_another_server_is_another_account() -> None:
    assert account_key_for("wss://a.example/ws", "mei") != account_key_for("wss://b.example/ws", "mei")


def test_ack_deletes_and_is_idempotent(outbox: Outbox) -> None:
    entry = outbox.add("conv_1", "hi")

    assert outbox.acked(entry.client_msg_id) is True
    assert outbox.acked(entry.client_msg_id) is False
    assert outbox.unacked() == []
    # A late failure report for an acked message changes nothing.
    assert outbox.failed(entry.client_msg_id, "timeout") is None
    assert outbox.record_attempt(entry.client_msg_id) is None
    assert outbox.unacked() == []


def test_failed_then_retry_makes_it_pending_with_attempts_reset(outbox: Outbox) -> None:
    entry = outbox.add("conv_1", "hi")
    outbox.record_attempt(entry.client_msg_id)
    outbox.record_attempt(entry.client_msg_id)

    failed = outbox.failed(entry.client_msg_id, "not your chat")
    assert failed is not None
    assert (failed.state, failed.attempts, failed.last_error) == (OutboxState.FAILED, 2, "not your chat")
    assert outbox.pending() == []
    assert outbox.unacked() == [failed]

    retried = outbox.retry(entry.client_msg_id)
    assert retried is not None
    assert (retried.state, retried.attempts, retried.last_error) == (OutboxState.PENDING, 0, None)
    assert outbox.pending() == [retried]


def test_cancel_drops_the_message_and_returns_it(outbox: Outbox) -> None:
    keep = outbox.add("conv_1", "keep")
    drop = outbox.add("conv_1", "drop")
    outbox.failed(drop.client_msg_id, "too late")

    cancelled = outbox.cancel(drop.client_msg_id)

    assert cancelled is not None
    assert (cancelled.text, cancelled.state) == ("drop", OutboxState.FAILED)
    assert outbox.cancel(drop.client_msg_id) is None
    assert outbox.unacked() == [keep]


def test_a_message_the_server_would_refuse_is_not_stored(outbox: Outbox) -> None:
    with pytest.raises(ValueError, match="text"):
        outbox.add("conv_1", "")
    with pytest.raises(ValueError, match="text"):
        outbox.add("conv_1", "x" * 4001)
    assert outbox.unacked() == []


def test_the_schema_version_is_recorded(path: Path, outbox: Outbox) -> None:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_a_closed_outbox_raises_outbox_error(path: Path) -> None:
    box = Outbox(path, MEI)
    box.close()
    box.close()
    with pytest.raises(OutboxError):
        box.unacked()


# ---------------------------------------------------------------- files


@posix_only
def test_file_and_folder_are_private(path: Path, outbox: Outbox) -> None:
    outbox.add("conv_1", "secret words")

    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    for sidecar in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        assert mode(sidecar) == 0o600


@posix_only
def test_an_existing_loose_file_and_folder_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    path = folder / "outbox.sqlite3"
    path.touch()
    path.chmod(0o644)

    Outbox(ensure_private_dir(folder) / "outbox.sqlite3", MEI).close()

    assert mode(folder) == 0o700
    assert mode(path) == 0o600


@pytest.fixture
def garbage(path: Path) -> bytes:
    """Fill the outbox's place with bytes that are not SQLite."""
    content = b"these are not the bytes of an sqlite database\n" * 200
    path.parent.mkdir()
    path.write_bytes(content)
    return content


def test_a_garbage_file_raises_and_is_left_untouched(path: Path, garbage: bytes) -> None:
    before = sorted(p.name for p in path.parent.iterdir())
    before_stat = path.stat()

    with pytest.raises(OutboxError, match=str(path)):
        Outbox(path, MEI)

    assert path.read_bytes() == garbage
    after_stat = path.stat()
    assert (after_stat.st_mtime_ns, after_stat.st_mode) == (before_stat.st_mtime_ns, before_stat.st_mode)
    assert sorted(p.name for p in path.parent.iterdir()) == before


def test_a_file_from_a_newer_version_is_refused(path: Path) -> None:
    Outbox(path, MEI).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()

    with pytest.raises(OutboxError, match="newer"):
        Outbox(path, MEI)


def test_another_sqlite_file_is_refused(path: Path) -> None:
    path.parent.mkdir()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.close()

    with pytest.raises(OutboxError, match="not an AgentDesk outbox"):
        Outbox(path, MEI)


def test_a_folder_in_the_files_place_raises_outbox_error(path: Path) -> None:
    path.mkdir(parents=True)
    with pytest.raises(OutboxError, match=str(path)):
        Outbox(path, MEI)


# ---------------------------------------------------------------- paths


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {}, "/home/mei/.local/share/agent-desk"),
        ("linux", {"XDG_DATA_HOME": "/xdg"}, "/xdg/agent-desk"),
        ("linux", {"XDG_DATA_HOME": "relative"}, "/home/mei/.local/share/agent-desk"),
        ("darwin", {}, "/home/mei/Library/Application Support/AgentDesk"),
        ("win32", {"LOCALAPPDATA": "/local"}, "/local/AgentDesk"),
        ("win32", {}, "/home/mei/AppData/Local/AgentDesk"),
        ("linux", {"AGENTDESK_DATA_DIR": "/portable", "XDG_DATA_HOME": "/xdg"}, "/portable"),
        ("win32", {"AGENTDESK_DATA_DIR": "/portable"}, "/portable"),
    ],
)
def test_user_data_dir(platform: str, env: dict[str, str], expected: str) -> None:
    assert user_data_dir(env=env, platform=platform, home=Path("/home/mei")) == Path(expected)


# ---------------------------------------------------------------- AsyncOutbox


def record_threads(outbox: Outbox, threads: list[int]) -> None:
    """Make every public call of ``outbox`` note the thread it runs on."""

    def recording(method: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.get_ident())
            return method(*args, **kwargs)

        return wrapper

    for name in ("add", "unacked", "pending", "record_attempt", "acked", "failed", "retry", "cancel", "close"):
        setattr(outbox, name, recording(getattr(outbox, name)))


async def test_async_calls_all_run_on_one_worker_thread(path: Path) -> None:
    threads: list[int] = []
    outbox = Outbox(path, MEI)
    record_threads(outbox, threads)
    box = AsyncOutbox(outbox)

    first = await box.add("conv_1", "one")
    second = await box.add("conv_1", "two")
    await box.record_attempt(first.client_msg_id)
    await box.failed(second.client_msg_id, "refused")
    await box.retry(second.client_msg_id)
    assert [e.client_msg_id for e in await box.pending()] == [first.client_msg_id, second.client_msg_id]
    assert await box.acked(first.client_msg_id) is True
    await box.cancel(second.client_msg_id)
    assert await box.unacked() == []
    await box.aclose()

    assert len(threads) == 10
    (worker,) = set(threads)
    assert worker != threading.get_ident()
    assert worker != threading.main_thread().ident
    # aclose stopped the worker.
    assert worker not in {t.ident for t in threading.enumerate()}


async def test_async_open_reads_the_file_off_the_loop_and_keeps_order(path: Path) -> None:
    box = await AsyncOutbox.open(path, MEI)
    # Calls made without awaiting in between still run in the order they were made.
    texts = [f"message {n}" for n in range(20)]
    async with asyncio.TaskGroup() as group:
        for text in texts:
            group.create_task(box.add("conv_1", text))
    await box.aclose()
    await box.aclose()

    reopened = Outbox(path, MEI)
    try:
        assert [e.text for e in reopened.unacked()] == texts
    finally:
        reopened.close()


async def test_async_calls_after_close_raise(path: Path) -> None:
    box = await AsyncOutbox.open(path, MEI)
    await box.aclose()
    with pytest.raises(OutboxError, match="closed"):
        await box.unacked()


async def test_async_open_of_a_garbage_file_raises(path: Path, garbage: bytes) -> None:
    with pytest.raises(OutboxError, match=str(path)):
        await AsyncOutbox.open(path, MEI)


async def test_cancelling_open_still_closes_the_file(path: Path) -> None:
    opening = asyncio.ensure_future(AsyncOutbox.open(path, MEI))
    # Let the task take its first step (hand the open to the worker), then cancel it mid-way.
    await asyncio.wait({opening}, timeout=0)
    opening.cancel()
    with pytest.raises(asyncio.CancelledError):
        await opening
    # Whatever the worker was doing, the file is usable afterwards.
    box = await AsyncOutbox.open(path, MEI)
    await box.aclose()


def test_two_desks_opening_a_new_file_at_once_both_succeed(path: Path) -> None:
    ensure_private_dir(path.parent)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_and_close() -> None:
        start.wait()
        try:
            Outbox(path, MEI).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

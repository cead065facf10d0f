"""Session tokens: the OS keyring when there is one, memory otherwise, never a file.

The keyring backend lies outside the project, so these tests give the store
backends of their own and never reach the real system keyring.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringError, KeyringLocked, PasswordDeleteError

from agent_desk.client.credentials import CredentialStore, KeyringProblem, service_name

URL = "wss://desk.example.com/ws"
TOKEN = "tok_5f1d7c0a9e6b4f3d8a2c1b0e9d8c7b6a"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict and notes which thread called it."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.threads: set[int] = set()

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.add(threading.get_ident())
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.add(threading.get_ident())
        self.passwords[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.threads.add(threading.get_ident())
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class RefusingKeyring(MemoryKeyring):
    """A keyring whose writes fail, as Secret Service does when D-Bus errors out."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("org.freedesktop.DBus.Error.NoReply")


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the user dismissed the unlock prompt")


class BrokenTransportKeyring(MemoryKeyring):
    """Backends let their transport's own errors through, not only KeyringError."""

    def get_password(self, service: str, username: str) -> str | None:
        raise OSError("connection to the session bus was lost")


class LowPriorityKeyring(MemoryKeyring):
    priority = 0


# KeyringBackend's metaclass registers every concrete subclass as a candidate for
# keyring.get_keyring(); keep ours out of that process-wide registry.
for _test_backend in (MemoryKeyring, RefusingKeyring, LockedKeyring, BrokenTransportKeyring, LowPriorityKeyring):
    KeyringBackend._classes.discard(_test_backend)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that would reach the real keyring (BaseException: the store cannot swallow it)."""

    def refuse() -> KeyringBackend:
        pytest.fail("the test reached the system keyring")

    monkeypatch.setattr(keyring, "get_keyring", refuse)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every per-user folder into tmp_path; afterwards, no file there may hold the token."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    for name, sub in [
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("APPDATA", "AppData/Roaming"),
        ("LOCALAPPDATA", "AppData/Local"),
        ("AGENTDESK_DATA_DIR", "agent-desk"),
    ]:
        monkeypatch.setenv(name, str(home / sub))
    yield home
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert TOKEN.encode() not in content, path
            assert TOKEN.encode("utf-16-le") not in content, path


# ---------------------------------------------------------------- a working keyring


def test_a_token_round_trips_through_the_keyring(home: Path) -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)

    assert store.usable
    assert store.describe_problem() is None
    assert store.save_token(URL, "mei", TOKEN) is True
    assert backend.passwords == {(service_name(URL), "mei"): TOKEN}
    # A new store (the next run of the desk) finds it in the keyring.
    assert CredentialStore(backend).load_token(URL, "mei") == TOKEN

    store.forget(URL, "mei")
    assert backend.passwords == {}
    assert store.load_token(URL, "mei") is None
    assert CredentialStore(backend).load_token(URL, "mei") is None


def test_tokens_are_kept_per_server_and_user(home: Path) -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    store.save_token(URL, "mei", TOKEN)

    fresh = CredentialStore(backend)
    assert fresh.load_token(URL, "lei") is None
    assert fresh.load_token("wss://other.example.com/ws", "mei") is None
    assert service_name(URL) == f"AgentDesk {URL}"


def test_forgetting_what_was_never_saved_is_harmless(home: Path) -> None:
    store = CredentialStore(MemoryKeyring())
    store.forget(URL, "mei")
    assert store.usable


def test_an_empty_username_is_refused_before_the_keyring_sees_it() -> None:
    backend = MemoryKeyring()
    with pytest.raises(ValueError, match="username"):
        CredentialStore(backend).save_token(URL, "", TOKEN)
    assert backend.passwords == {}


def test_a_chainer_is_judged_by_what_it_chains(monkeypatch: pytest.MonkeyPatch) -> None:
    inner = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [inner])
    store = CredentialStore(chainer.ChainerBackend())

    assert store.usable
    assert store.save_token(URL, "mei", TOKEN) is True
    assert inner.passwords == {(service_name(URL), "mei"): TOKEN}


# ---------------------------------------------------------------- no keyring


def test_with_the_fail_backend_tokens_stay_in_memory(home: Path) -> None:
    backend = fail.Keyring()
    store = CredentialStore(backend)

    assert store.usable is False
    assert store.problem is KeyringProblem.UNAVAILABLE
    assert "memory" in (store.describe_problem() or "")
    assert store.save_token(URL, "mei", TOKEN) is False
    assert store.load_token(URL, "mei") == TOKEN
    assert CredentialStore(backend).load_token(URL, "mei") is None
    store.forget(URL, "mei")
    assert store.load_token(URL, "mei") is None


def null_keyring() -> KeyringBackend:
    # Imported here: importing it registers keyring's null backend for the whole process.
    from keyring.backends import null

    return null.Keyring()


@pytest.mark.parametrize(
    "make_backend",
    [
        pytest.param(LowPriorityKeyring, id="priority-0"),
        pytest.param(chainer.ChainerBackend, id="empty-chainer"),
        pytest.param(null_keyring, id="null"),
    ],
)
def test_backends_that_cannot_keep_a_token_are_not_usable(
    make_backend: Callable[[], KeyringBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    backend = make_backend()
    store = CredentialStore(backend)

    assert store.usable is False
    assert store.describe_problem()
    assert store.save_token(URL, "mei", TOKEN) is False
    assert store.load_token(URL, "mei") == TOKEN


# ---------------------------------------------------------------- a failing keyring


def test_a_keyring_that_refuses_to_store_degrades_to_memory(home: Path) -> None:
    backend = RefusingKeyring()
    store = CredentialStore(backend)
    assert store.usable

    assert store.save_token(URL, "mei", TOKEN) is False

    assert store.usable is False
    assert store.problem is KeyringProblem.FAILED
    problem = store.describe_problem()
    assert problem is not None
    assert "NoReply" in problem
    assert "log in again" in problem
    assert store.load_token(URL, "mei") == TOKEN
    assert CredentialStore(backend).load_token(URL, "mei") is None


def test_a_locked_keyring_is_explained(home: Path) -> None:
    store = CredentialStore(LockedKeyring())

    assert store.load_token(URL, "mei") is None
    assert store.problem is KeyringProblem.LOCKED
    assert "locked" in (store.describe_problem() or "")
    # The keyring is left alone for the rest of the run; the token still works from memory.
    assert store.save_token(URL, "mei", TOKEN) is False
    assert store.load_token(URL, "mei") == TOKEN


def test_errors_that_are_not_keyring_errors_degrade_too(home: Path) -> None:
    store = CredentialStore(BrokenTransportKeyring())

    assert store.load_token(URL, "mei") is None
    assert store.problem is KeyringProblem.FAILED
    assert "session bus" in (store.describe_problem() or "")


# ---------------------------------------------------------------- the default backend


def test_the_default_backend_is_looked_up_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = MemoryKeyring()
    lookups: list[KeyringBackend] = []

    def get_keyring() -> KeyringBackend:
        lookups.append(backend)
        return backend

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)
    store = CredentialStore()
    assert lookups == []

    assert store.save_token(URL, "mei", TOKEN) is True
    assert store.usable
    assert lookups == [backend]
    assert backend.passwords == {(service_name(URL), "mei"): TOKEN}


def test_a_default_backend_that_fails_to_load_degrades_to_memory(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def get_keyring() -> KeyringBackend:
        raise RuntimeError("PYTHON_KEYRING_BACKEND names a backend that is not installed")

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)
    store = CredentialStore()

    assert store.usable is False
    assert store.problem is KeyringProblem.FAILED
    assert store.describe_problem()
    assert store.save_token(URL, "mei", TOKEN) is False
    assert store.load_token(URL, "mei") == TOKEN


# ---------------------------------------------------------------- off the GUI thread


async def test_async_calls_run_in_a_worker_thread(home: Path) -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)

    assert await store.aprobe() is True
    assert await store.asave_token(URL, "mei", TOKEN) is True
    assert await CredentialStore(backend).aload_token(URL, "mei") == TOKEN
    await store.aforget(URL, "mei")
    assert await CredentialStore(backend).aload_token(URL, "mei") is None

    assert backend.threads
    assert threading.get_ident() not in backend.threads


async def test_async_calls_with_a_failing_keyring_do_not_raise(home: Path) -> None:
    store = CredentialStore(RefusingKeyring())

    assert await store.asave_token(URL, "mei", TOKEN) is False
    assert await store.aload_token(URL, "mei") == TOKEN
    assert await store.aprobe() is False

"""Session tokens in the operating system's keyring.

Only the session token the server hands out at login is kept, never the
password. It goes to the system keyring (Keychain, Windows Credential
Manager, Secret Service or KWallet) under the service ``AgentDesk <server
URL>`` with the username as the keyring's username.

When there is no usable keyring, or it fails, the token is kept in memory
for this run only and :meth:`CredentialStore.describe_problem` says so in
plain words. The store never raises for a keyring problem and never falls
back to writing a file.

Keyring backends may block (Secret Service talks D-Bus and may pop up an
unlock prompt), so the desk calls the ``a*`` methods, which run in a worker
thread. Await one before starting the next for the same account, so that a
``forget`` cannot overtake the ``save`` before it.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring itself is imported where it is used: importing it takes tens of milliseconds,
# and the desk builds a store before its login window shows.

log = logging.getLogger(__name__)

SERVICE = "AgentDesk"

_IN_MEMORY = "so your session is kept in memory only and you will need to log in again next time."


class KeyringProblem(enum.StrEnum):
    """Why tokens are kept in memory only; the desk may translate each one."""

    UNAVAILABLE = "unavailable"
    """There is no system keyring (or only one that would write tokens to a plain file)."""
    LOCKED = "locked"
    """The keyring stayed locked, e.g. the unlock prompt was dismissed."""
    FAILED = "failed"
    """The keyring raised an error."""


def service_name(server_url: str) -> str:
    """The keyring service a server's tokens are stored under."""
    return f"{SERVICE} {server_url}"


class CredentialStore:
    """Session tokens per (server URL, username), in the keyring or, failing that, in memory.

    Args:
        backend: the keyring backend to use; ``keyring.get_keyring()`` when
            None. The default backend is looked up on first use, not here,
            because the lookup may block; call :meth:`aprobe` early to do it
            off the GUI thread.

    After the first keyring failure the store stays in memory for the rest
    of the run, so the user sees one explanation instead of one unlock
    prompt or D-Bus timeout per call.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend
        self._resolved = False
        self._backend: KeyringBackend | None = None
        """The resolved backend when it can keep tokens; None when it cannot."""
        self._problem: KeyringProblem | None = None
        self._detail = ""
        self._memory: dict[tuple[str, str], str] = {}
        self._state_lock = threading.Lock()
        self._resolve_lock = threading.Lock()
        # Backend calls are serialized, and never made while holding the state lock,
        # so a blocked keyring cannot stall a memory-only lookup.
        self._backend_lock = threading.Lock()

    # ------------------------------------------------------------ state

    @property
    def usable(self) -> bool:
        """Whether tokens reach the system keyring (and so survive a restart)."""
        self._resolve()
        return self._problem is None

    @property
    def problem(self) -> KeyringProblem | None:
        """Why the keyring is not used, or None when it is."""
        self._resolve()
        return self._problem

    def describe_problem(self) -> str | None:
        """A plain-words explanation for the user when the keyring is not used, else None."""
        problem = self.problem
        if problem is None:
            return None
        if problem is KeyringProblem.UNAVAILABLE:
            return f"No system keyring is available, {_IN_MEMORY}"
        if problem is KeyringProblem.LOCKED:
            return f"The system keyring stayed locked, {_IN_MEMORY}"
        return f"The system keyring did not work ({self._detail}), {_IN_MEMORY}"

    # ------------------------------------------------------------ tokens

    def save_token(self, server_url: str, username: str, token: str) -> bool:
        """Remember the token. Returns True if the keyring has it, False if only memory does."""
        service = _service_for(server_url, username)
        with self._state_lock:
            self._memory[service, username] = token
        backend = self._working_backend()
        if backend is None:
            return False
        try:
            with self._backend_lock:
                backend.set_password(service, username, token)
        except Exception as exc:  # any backend error, not only KeyringError: see _fail
            self._fail(exc)
            return False
        return True

    def load_token(self, server_url: str, username: str) -> str | None:
        """The remembered token: from memory first, then from the keyring; None if there is none."""
        service = _service_for(server_url, username)
        with self._state_lock:
            token = self._memory.get((service, username))
        if token is not None:
            return token
        backend = self._working_backend()
        if backend is None:
            return None
        try:
            with self._backend_lock:
                token = backend.get_password(service, username)
        except Exception as exc:  # any backend error, not only KeyringError: see _fail
            self._fail(exc)
            return None
        if token is not None:
            with self._state_lock:
                self._memory.setdefault((service, username), token)
        return token

    def forget(self, server_url: str, username: str) -> None:
        """Drop the token from memory and the keyring (on logout, or when the server refused it)."""
        service = _service_for(server_url, username)
        with self._state_lock:
            self._memory.pop((service, username), None)
        self._resolve()
        # Tried even after an earlier failure: a token left behind on logout is worse than one more error.
        backend = self._backend
        if backend is None:
            return
        from keyring.errors import PasswordDeleteError

        try:
            with self._backend_lock:
                backend.delete_password(service, username)
        except PasswordDeleteError:
            pass  # Backends raise this when there was nothing stored: already forgotten.
        except Exception as exc:  # any backend error, not only KeyringError: see _fail
            self._fail(exc)

    # ------------------------------------------------------------ off the GUI thread

    async def aprobe(self) -> bool:
        """Look the default backend up in a worker thread; returns :attr:`usable`."""
        return await asyncio.to_thread(lambda: self.usable)

    async def asave_token(self, server_url: str, username: str, token: str) -> bool:
        return await asyncio.to_thread(self.save_token, server_url, username, token)

    async def aload_token(self, server_url: str, username: str) -> str | None:
        return await asyncio.to_thread(self.load_token, server_url, username)

    async def aforget(self, server_url: str, username: str) -> None:
        await asyncio.to_thread(self.forget, server_url, username)

    # ------------------------------------------------------------ internals

    def _resolve(self) -> None:
        # A lock of its own: looking the backend up may block, and memory lookups must not wait for it.
        with self._resolve_lock:
            if self._resolved:
                return
            try:
                import keyring

                backend = self._given if self._given is not None else keyring.get_keyring()
                usable = _can_keep_tokens(backend)
            except Exception as exc:  # a broken config or backend raises anything at all on init
                log.warning("cannot open the system keyring: %r", exc)
                with self._state_lock:
                    self._problem, self._detail = KeyringProblem.FAILED, _short(exc)
            else:
                if not usable:
                    log.info("no usable system keyring (%s); session tokens stay in memory", backend)
                with self._state_lock:
                    if usable:
                        self._backend = backend
                    else:
                        self._problem = KeyringProblem.UNAVAILABLE
            self._resolved = True

    def _working_backend(self) -> KeyringBackend | None:
        self._resolve()
        with self._state_lock:
            return None if self._problem is not None else self._backend

    def _fail(self, exc: Exception) -> None:
        """Stop using the keyring for this run.

        Catches every exception, not only ``KeyringError``: backends let their
        transport's errors through (D-Bus, ``OSError``, pywin32 errors).
        """
        from keyring.errors import KeyringLocked

        log.warning("the system keyring failed; session tokens stay in memory: %r", exc)
        with self._state_lock:
            if self._problem is None:
                locked = isinstance(exc, KeyringLocked)
                self._problem = KeyringProblem.LOCKED if locked else KeyringProblem.FAILED
                self._detail = _short(exc)


def _can_keep_tokens(backend: KeyringBackend) -> bool:
    """Whether ``backend`` stores tokens somewhere that is not a plain file.

    The fail backend raises on every call, the null backend drops everything
    and an empty chainer does nothing; all three have a priority of 0 or less.
    """
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        # The chainer's own priority is below 0 unless it chains two or more; judge what it chains.
        chained: list[KeyringBackend] = list(backend.backends)
        # set_password writes to the first one.
        return bool(chained) and not _writes_plain_file(chained[0])
    return float(backend.priority) > 0 and not _writes_plain_file(backend)


def _writes_plain_file(backend: KeyringBackend) -> bool:
    """keyrings.alt's PlaintextKeyring keeps passwords readable in a file: not a keyring for us."""
    cls = type(backend)
    return cls.__module__.startswith("keyrings.alt") and cls.__name__ == "PlaintextKeyring"


def _service_for(server_url: str, username: str) -> str:
    if not server_url or not username:
        raise ValueError("server URL and username must not be empty")
    return service_name(server_url)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else f"{text[:199]}…"

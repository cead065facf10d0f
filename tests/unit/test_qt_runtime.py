"""Guards against Qt binding bugs the desk cannot work around in its own code."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(str, bool)


def test_emitting_a_bool_keeps_the_reference_count_of_true(qapp: object) -> None:
    # PySide6 6.12.0 dropped a reference to True/False on every such emit; the
    # process then aborts in bool_dealloc. pyproject.toml excludes that release.
    emitter = _Emitter()
    received: list[bool] = []
    emitter.flag.connect(lambda _text, on: received.append(on))
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.flag.emit("x", True)
    received.clear()
    assert sys.getrefcount(True) >= before

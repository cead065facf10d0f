"""Live response timers and 答问比 hints for every chat the desk holds.

Every second the desk asks this watch what each chat's header and tab should
say, and it raises each threshold alert once per round. The rules are
agent_desk.domain.response; the server records the real figures with its own
clock, whatever the agent chooses to see here (WCAG 2.2.1: the agent may turn
the countdown off or lengthen it up to 10x).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from agent_desk.client.chats import ChatRecord
from agent_desk.domain.response import RatioBand, RatioHint, ResponseTargets, qa_ratio, ratio_hint

WARN_SHARE = 0.4
"""Warn when this share of the (displayed) target is left."""


@dataclass(frozen=True, slots=True)
class WatchSettings:
    countdown: bool = True
    multiplier: float = 1.0
    """1 to 10: how much longer the agent's own displayed limits are."""
    ratio_hints: bool = True
    flash: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    timer: str
    """Short text for the tab and header, e.g. "⏳ 3s" or "⚠ late 4s"; '' when nobody waits."""
    spoken_timer: str
    ratio: str
    hint: RatioHint


class ResponseWatch(QObject):
    """Signals:
    warned(str, str): conversation id and a polite warning.
    breached(str, str): conversation id and an assertive 'late' message.
    hinted(str, str): conversation id and a 答问比 hint in plain words.
    """

    warned = Signal(str, str)
    breached = Signal(str, str)
    hinted = Signal(str, str)

    def __init__(self, settings: WatchSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or WatchSettings()
        self.targets = ResponseTargets()
        self.band = RatioBand()

    def displayed_targets(self) -> ResponseTargets:
        factor = max(1.0, min(10.0, self.settings.multiplier))
        return replace(
            self.targets,
            first_seconds=self.targets.first_seconds * factor,
            next_seconds=self.targets.next_seconds * factor,
        )

    def read(self, record: ChatRecord, now: float) -> Reading:
        timer, spoken = self._timer(record, now)
        ratio_text, hint = self._ratio(record)
        return Reading(timer, spoken, ratio_text, hint)

    def _timer(self, record: ChatRecord, now: float) -> tuple[str, str]:
        if not self.settings.countdown or record.read_only:
            return "", ""
        targets = self.displayed_targets()
        left = record.clock.remaining(now, targets)
        if left is None:
            return "", ""
        name = record.info.customer_name
        first = record.clock.first_pending
        if left >= 0:
            seconds = int(left) + (0 if left.is_integer() else 1)
            kind = (
                QCoreApplication.translate("ResponseWatch", "first reply")
                if first
                else QCoreApplication.translate("ResponseWatch", "reply")
            )
            self._warn_once(record, left, targets.first_seconds if first else targets.next_seconds)
            return f"⏳ {seconds}s", QCoreApplication.translate("ResponseWatch", "%1: %2 s left for a %3").replace(
                "%1", name
            ).replace("%2", str(seconds)).replace("%3", kind)
        late = int(-left) + 1
        self._breach_once(record, late)
        return QCoreApplication.translate("ResponseWatch", "⚠ late %1s").replace(
            "%1", str(late)
        ), QCoreApplication.translate("ResponseWatch", "%1: late by %2 s").replace("%1", name).replace("%2", str(late))

    def _warn_once(self, record: ChatRecord, left: float, target: float) -> None:
        key = f"warn:{record.clock.open_since}"
        if left <= target * WARN_SHARE and key not in record.alerted:
            record.alerted.add(key)
            text = (
                QCoreApplication.translate("ResponseWatch", "%1 is waiting: %2 s left")
                .replace("%1", record.info.customer_name)
                .replace("%2", str(int(left)))
            )
            self.warned.emit(record.conversation_id, text)

    def _breach_once(self, record: ChatRecord, late: int) -> None:
        key = f"late:{record.clock.open_since}"
        if key not in record.alerted:
            record.alerted.add(key)
            what = (
                QCoreApplication.translate("ResponseWatch", "first reply")
                if record.clock.first_pending
                else QCoreApplication.translate("ResponseWatch", "reply")
            )
            text = (
                QCoreApplication.translate("ResponseWatch", "Late %1 to %2")
                .replace("%1", what)
                .replace("%2", record.info.customer_name)
            )
            self.breached.emit(record.conversation_id, text)

    def _ratio(self, record: ChatRecord) -> tuple[str, RatioHint]:
        ratio = qa_ratio(record.agent_messages, record.customer_messages)
        if ratio is None:
            return "", RatioHint.NONE
        hint = ratio_hint(record.agent_messages, record.customer_messages, self.band)
        words = {
            RatioHint.TOO_LOW: QCoreApplication.translate(
                "ResponseWatch", "the customer asked more than you answered: anything left unanswered?"
            ),
            RatioHint.TOO_HIGH: QCoreApplication.translate("ResponseWatch", "many short messages: combine them?"),
            RatioHint.NONE: "",
        }[hint]
        text = QCoreApplication.translate("ResponseWatch", "答问比 %1").replace("%1", f"{ratio:.2f}") + (
            f" · {words}" if words else ""
        )
        key = f"ratio:{hint.value}"
        if self.settings.ratio_hints and hint is not RatioHint.NONE and key not in record.alerted:
            record.alerted.discard("ratio:too_low" if hint is RatioHint.TOO_HIGH else "ratio:too_high")
            record.alerted.add(key)
            self.hinted.emit(record.conversation_id, f"{record.info.customer_name}: {words}")
        if hint is RatioHint.NONE:
            record.alerted.discard("ratio:too_low")
            record.alerted.discard("ratio:too_high")
        return text, hint

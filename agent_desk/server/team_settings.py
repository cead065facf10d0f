"""Team-wide rules (response targets, 答问比 band, escalation reasons) in SQLite."""

from __future__ import annotations

import sqlite3

import msgspec

from agent_desk.domain.qc import RubricItem
from agent_desk.domain.response import RatioBand, ResponseTargets
from agent_desk.protocol.messages import TeamSettings

_KEY = "discipline"


class TeamSettingsStore:
    """The rules are cached (every message consults the targets); the shop name,
    which the phrases store may also set, is read fresh."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._cached: TeamSettings | None = None

    def _rules(self) -> TeamSettings:
        if self._cached is None:
            row = self._db.execute("SELECT value FROM team_settings WHERE key = ?", (_KEY,)).fetchone()
            self._cached = msgspec.json.decode(row[0], type=TeamSettings) if row else TeamSettings()
        return self._cached

    def get(self) -> TeamSettings:
        shop = self._db.execute("SELECT value FROM team_settings WHERE key = 'shop_name'").fetchone()
        return msgspec.structs.replace(self._rules(), shop_name=shop[0] if shop else "")

    def save(self, settings: TeamSettings) -> TeamSettings:
        if not settings.ratio_low <= settings.ratio_target <= settings.ratio_high:
            raise ValueError("the 答问比 target must lie inside its band (low <= target <= high)")
        if len(set(settings.escalation_reasons)) != len(settings.escalation_reasons):
            raise ValueError("escalation reasons must be unique")
        codes = [item.code for item in settings.qc_rubric]
        if len(set(codes)) != len(codes):
            raise ValueError("QC rubric item codes must be unique")
        stored = msgspec.structs.replace(settings, shop_name="")
        with self._db:
            self._db.execute(
                "INSERT INTO team_settings(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_KEY, msgspec.json.encode(stored).decode()),
            )
            self._db.execute(
                "INSERT INTO team_settings(key, value) VALUES ('shop_name', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (settings.shop_name,),
            )
        self._cached = None
        return self.get()

    def targets(self) -> ResponseTargets:
        settings = self._rules()
        return ResponseTargets(
            settings.first_response_seconds, settings.next_response_seconds, settings.automatic_stops_clock
        )

    def rubric(self) -> tuple[RubricItem, ...]:
        """The team's QC rubric as the domain rules take it."""
        return tuple(RubricItem(i.code, i.name_zh, i.name_en, i.max_deduction) for i in self._rules().qc_rubric)

    def band(self) -> RatioBand:
        settings = self._rules()
        return RatioBand(settings.ratio_target, settings.ratio_low, settings.ratio_high)

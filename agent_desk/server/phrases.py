"""Quick replies in SQLite: team and personal phrases, each agent's pins and greeting.

A phrase belongs to one set: the team's, or one agent's personal set. Codes
are unique within a set, ignoring case. Team phrases are written by leads and
admins; personal ones by their owner only, and nobody else ever sees them:
another agent's phrase ids answer ``not_found``, like ids that do not exist.

Validation is domain.phrases' (shared with the desk); this module only adds
what needs the stored phrases: who may write, codes unique within the set,
and the order of phrases in their group (positions 0, 1, 2, ... kept dense).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from agent_desk.domain.clock import Clock
from agent_desk.domain.phrases import PhraseError, PhraseFields, check_codes_unique, check_phrase
from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import PhraseInfo, PhraseScope, Role
from agent_desk.server.db import transaction

TEAM_EDITORS = frozenset({Role.LEAD, Role.ADMIN})
MAX_PINS = 9
"""Alt+1 .. Alt+9."""


@dataclass(frozen=True, slots=True)
class Writer:
    """Who is changing phrases: enough of a staff account to check the rules."""

    username: str
    role: Role


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """The team's phrases (owner None) or one agent's personal phrases."""

    scope: PhraseScope
    owner: str | None

    @property
    def where(self) -> str:
        return "scope = ? AND owner IS ?"

    @property
    def args(self) -> tuple[str, str | None]:
        return self.scope, self.owner


def _info(row: sqlite3.Row) -> PhraseInfo:
    return PhraseInfo(
        phrase_id=row["id"],
        scope=row["scope"],
        group=row["grp"],
        text=row["text"],
        position=row["position"],
        updated_at=row["updated_at"],
        code=row["code"],
        text_en=row["text_en"],
        owner=row["owner"],
    )


def _checked(fields: PhraseFields) -> PhraseFields:
    """The fields with the group trimmed (so "物流 " is not a second group), or BAD_FRAME."""
    try:
        check_phrase(fields)
    except PhraseError as exc:
        raise ProtocolError(ErrorCode.BAD_FRAME, str(exc)) from None
    return PhraseFields(fields.group.strip(), fields.text, fields.code, fields.text_en)


def _codes_unique(codes: Sequence[str | None]) -> None:
    try:
        check_codes_unique(codes)
    except PhraseError as exc:
        raise ProtocolError(ErrorCode.BAD_FRAME, str(exc)) from None


class Phrases:
    """Persistence and rules for quick replies. Holds no state beyond the connection."""

    def __init__(self, db: sqlite3.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # ------------------------------------------------------------ reading

    def list_for(self, username: str) -> list[PhraseInfo]:
        """Team phrases, then the user's own; within each, groups in the order
        of their oldest phrase (so the demo file's order), phrases by position."""
        rows = self._db.execute(
            "SELECT *, MIN(id) OVER (PARTITION BY scope, owner, grp) AS group_order FROM phrases"
            " WHERE scope = 'team' OR owner = ? ORDER BY scope = 'personal', group_order, position",
            (username,),
        )
        return [_info(r) for r in rows]

    def pins_for(self, username: str) -> tuple[list[int], int | None]:
        """The user's pinned phrase ids in order, and their greeting phrase id."""
        pins = self._db.execute(
            "SELECT phrase_id FROM phrase_pins WHERE username = ? ORDER BY position", (username,)
        ).fetchall()
        row = self._db.execute("SELECT greeting_id FROM agent_prefs WHERE username = ?", (username,)).fetchone()
        return [p[0] for p in pins], (row[0] if row else None)

    def shop_name(self) -> str:
        row = self._db.execute("SELECT value FROM team_settings WHERE key = 'shop_name'").fetchone()
        return str(row[0]) if row else ""

    def set_shop_name(self, name: str) -> None:
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO team_settings(key, value) VALUES ('shop_name', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (name.strip(),),
            )

    def count(self, scope: PhraseScope = "team") -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM phrases WHERE scope = ?", (scope,)).fetchone()[0])

    # ------------------------------------------------------------ writing

    def save(
        self, writer: Writer, scope: PhraseScope, fields: PhraseFields, phrase_id: int | None = None
    ) -> PhraseInfo:
        """Create a phrase at the end of its group, or edit one in place.

        An edit keeps the phrase's position, unless it moves to another group,
        where it goes last. Raises ProtocolError (bad_frame, forbidden, not_found).
        """
        fields = _checked(fields)
        target = self._writable_set(writer, scope)
        with transaction(self._db):
            if phrase_id is None:
                return self._insert(target, fields)
            old = self._phrase(writer, phrase_id)
            if (old["scope"], old["owner"]) != target.args:
                raise ProtocolError(ErrorCode.BAD_FRAME, "a phrase keeps its scope: save a copy in the other one")
            return self._update(target, old, fields)

    def delete(self, writer: Writer, phrase_id: int) -> PhraseSet:
        """Delete a phrase (its pins go with it); returns the set it was in."""
        with transaction(self._db):
            old = self._phrase(writer, phrase_id)
            phrase_set = self._writable_set(writer, old["scope"])
            self._db.execute("DELETE FROM phrases WHERE id = ?", (phrase_id,))
            self._close_gap(phrase_set, old["grp"], old["position"])
        return phrase_set

    def reorder(self, writer: Writer, scope: PhraseScope, group: str, phrase_ids: Sequence[int]) -> PhraseSet:
        """Put a group's phrases in this order. The ids must be exactly the group's."""
        phrase_set = self._writable_set(writer, scope)
        group = group.strip()
        with transaction(self._db):
            current = self._db.execute(
                f"SELECT id FROM phrases WHERE {phrase_set.where} AND grp = ?", (*phrase_set.args, group)
            ).fetchall()
            if sorted(phrase_ids) != sorted(r[0] for r in current):
                raise ProtocolError(ErrorCode.BAD_FRAME, "list every phrase of the group once, and nothing else")
            self._db.executemany(
                "UPDATE phrases SET position = ? WHERE id = ?", [(i, pid) for i, pid in enumerate(phrase_ids)]
            )
        return phrase_set

    def import_many(self, writer: Writer, scope: PhraseScope, drafts: Sequence[PhraseFields]) -> PhraseSet:
        """Add all the phrases, or none: every one is checked before any is stored."""
        phrase_set = self._writable_set(writer, scope)
        checked = []
        for number, draft in enumerate(drafts, start=1):
            try:
                checked.append(_checked(draft))
            except ProtocolError as exc:
                raise ProtocolError(ErrorCode.BAD_FRAME, f"phrase {number}: {exc.message}") from None
        with transaction(self._db):
            _codes_unique([*self._codes(phrase_set), *(f.code for f in checked)])
            for fields in checked:
                self._insert(phrase_set, fields)
        return phrase_set

    def set_pins(self, writer: Writer, phrase_ids: Sequence[int], greeting_id: int | None) -> None:
        """Replace the user's pins and greeting. Only phrases they can see."""
        if len(phrase_ids) > MAX_PINS:
            raise ProtocolError(ErrorCode.BAD_FRAME, f"at most {MAX_PINS} pins")
        if len(set(phrase_ids)) != len(phrase_ids):
            raise ProtocolError(ErrorCode.BAD_FRAME, "a phrase is pinned once")
        with transaction(self._db):
            for phrase_id in (*phrase_ids, *([greeting_id] if greeting_id is not None else [])):
                self._phrase(writer, phrase_id)
            self._db.execute("DELETE FROM phrase_pins WHERE username = ?", (writer.username,))
            self._db.executemany(
                "INSERT INTO phrase_pins(username, phrase_id, position) VALUES (?, ?, ?)",
                [(writer.username, pid, i) for i, pid in enumerate(phrase_ids)],
            )
            self._db.execute(
                "INSERT INTO agent_prefs(username, greeting_id) VALUES (?, ?)"
                " ON CONFLICT(username) DO UPDATE SET greeting_id = excluded.greeting_id",
                (writer.username, greeting_id),
            )

    def seed_team(self, drafts: Sequence[PhraseFields]) -> int:
        """Load team phrases with no author (the --demo data). All or none."""
        self.import_many(Writer("", Role.ADMIN), "team", drafts)
        return len(drafts)

    # ------------------------------------------------------------ internals

    def _writable_set(self, writer: Writer, scope: PhraseScope) -> PhraseSet:
        if scope == "personal":
            return PhraseSet("personal", writer.username)
        if writer.role not in TEAM_EDITORS:
            raise ProtocolError(ErrorCode.FORBIDDEN, "only leads and admins change team phrases")
        return PhraseSet("team", None)

    def _phrase(self, writer: Writer, phrase_id: int) -> sqlite3.Row:
        """A phrase the writer can see; another agent's looks like no phrase at all."""
        row: sqlite3.Row | None = self._db.execute(
            "SELECT * FROM phrases WHERE id = ? AND (scope = 'team' OR owner = ?)", (phrase_id, writer.username)
        ).fetchone()
        if row is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no phrase {phrase_id}")
        return row

    def _codes(self, phrase_set: PhraseSet, except_id: int | None = None) -> list[str | None]:
        rows = self._db.execute(
            f"SELECT code FROM phrases WHERE {phrase_set.where} AND code IS NOT NULL AND id IS NOT ?",
            (*phrase_set.args, except_id),
        )
        return [r[0] for r in rows]

    def _next_position(self, phrase_set: PhraseSet, group: str) -> int:
        row = self._db.execute(
            f"SELECT COALESCE(MAX(position) + 1, 0) FROM phrases WHERE {phrase_set.where} AND grp = ?",
            (*phrase_set.args, group),
        ).fetchone()
        return int(row[0])

    def _insert(self, phrase_set: PhraseSet, fields: PhraseFields) -> PhraseInfo:
        _codes_unique([*self._codes(phrase_set), fields.code])
        cursor = self._db.execute(
            "INSERT INTO phrases(scope, owner, grp, code, text, text_en, position, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *phrase_set.args,
                fields.group,
                fields.code,
                fields.text,
                fields.text_en,
                self._next_position(phrase_set, fields.group),
                self._clock.now(),
            ),
        )
        return self._read(int(cursor.lastrowid or 0))

    def _update(self, phrase_set: PhraseSet, old: sqlite3.Row, fields: PhraseFields) -> PhraseInfo:
        _codes_unique([*self._codes(phrase_set, except_id=old["id"]), fields.code])
        position = old["position"]
        if fields.group != old["grp"]:
            self._close_gap(phrase_set, old["grp"], old["position"])
            position = self._next_position(phrase_set, fields.group)
        self._db.execute(
            "UPDATE phrases SET grp = ?, code = ?, text = ?, text_en = ?, position = ?, updated_at = ? WHERE id = ?",
            (fields.group, fields.code, fields.text, fields.text_en, position, self._clock.now(), old["id"]),
        )
        return self._read(old["id"])

    def _close_gap(self, phrase_set: PhraseSet, group: str, position: int) -> None:
        """Keep positions dense (0, 1, 2, ...) after a phrase leaves its group."""
        self._db.execute(
            f"UPDATE phrases SET position = position - 1 WHERE {phrase_set.where} AND grp = ? AND position > ?",
            (*phrase_set.args, group, position),
        )

    def _read(self, phrase_id: int) -> PhraseInfo:
        return _info(self._db.execute("SELECT * FROM phrases WHERE id = ?", (phrase_id,)).fetchone())

"""What the phrase manager's buttons do on the server, one coroutine each."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from agent_desk.client.connection import RequestFailed
from agent_desk.client.phrase_io import check_against_existing, export_csv, export_json, parse_csv, parse_json
from agent_desk.client.phrasebook import PhraseBook
from agent_desk.client.session import DeskSession
from agent_desk.domain.phrases import PhraseError, PhraseFields
from agent_desk.protocol import encode
from agent_desk.protocol.limits import MAX_FRAME_BYTES, MAX_PHRASE_BATCH
from agent_desk.protocol.messages import (
    DeletePhrase,
    ImportPhrases,
    Ok,
    PhraseDraft,
    PhraseInfo,
    PhraseSaved,
    PhrasesImported,
    ReorderPhrases,
    SavePhrase,
    SetPins,
)
from agent_desk.ui.error_text import error_text
from agent_desk.ui.phrase_manager import PhraseManager

FRAME_BUDGET = MAX_FRAME_BYTES - 2048
"""Bytes one import frame may use, leaving room for the envelope."""


def draft(fields: PhraseFields) -> PhraseDraft:
    return PhraseDraft(group=fields.group, text=fields.text, code=fields.code, text_en=fields.text_en)


def import_batches(drafts: list[PhraseDraft], scope: str) -> list[list[PhraseDraft]]:
    """Split drafts into frames of at most MAX_PHRASE_BATCH phrases and FRAME_BUDGET bytes."""
    batches: list[list[PhraseDraft]] = [[]]
    for item in drafts:
        trial = [*batches[-1], item]
        frame = encode(ImportPhrases(id="x", scope=scope, phrases=trial))  # type: ignore[arg-type]
        if batches[-1] and (len(trial) > MAX_PHRASE_BATCH or len(frame.encode()) > FRAME_BUDGET):
            batches.append([item])
        else:
            batches[-1] = trial
    return batches


class PhraseEdits:
    def __init__(
        self,
        session: DeskSession,
        manager: PhraseManager,
        book: Callable[[], PhraseBook],
        reload: Callable[[], Awaitable[None]],
    ) -> None:
        self.session, self.manager, self._book, self._reload = session, manager, book, reload

    async def _apply(self, request: object, expect: type, done: str) -> object | None:
        try:
            reply = await self.session.request(request, expect)  # type: ignore[arg-type]
        except RequestFailed as refused:
            self.manager.show_message(error_text(refused.error))
            return None
        await self._reload()
        self.manager.show_message(done)
        return reply

    async def save(self, scope: str, fields: PhraseFields, phrase_id: int | None) -> None:
        request = SavePhrase(id=self.session.new_id(), scope=scope, phrase=draft(fields), phrase_id=phrase_id)  # type: ignore[arg-type]
        await self._apply(request, PhraseSaved, self.manager.tr("Phrase saved."))

    async def delete(self, phrase_id: int) -> None:
        request = DeletePhrase(id=self.session.new_id(), phrase_id=phrase_id)
        await self._apply(request, Ok, self.manager.tr("Phrase deleted."))

    async def move(self, phrase: PhraseInfo, step: int) -> None:
        group = [p.phrase_id for p in self._book().in_group(phrase.scope, phrase.group)]
        at = group.index(phrase.phrase_id)
        to = at + step
        if not 0 <= to < len(group):
            return
        group[at], group[to] = group[to], group[at]
        request = ReorderPhrases(id=self.session.new_id(), scope=phrase.scope, group=phrase.group, phrase_ids=group)  # type: ignore[arg-type]
        await self._apply(request, Ok, self.manager.tr("Moved."))

    async def toggle_pin(self, phrase_id: int) -> None:
        book = self._book()
        pins = [p for p in book.pins if p != phrase_id] if phrase_id in book.pins else [*book.pins, phrase_id]
        if len(pins) > 9:
            self.manager.show_message(self.manager.tr("At most nine phrases can be pinned (Alt+1…9)."))
            return
        request = SetPins(id=self.session.new_id(), phrase_ids=pins, greeting_id=book.greeting_id)
        await self._apply(request, Ok, self.manager.tr("Pins saved."))

    async def choose_greeting(self, phrase_id: int) -> None:
        request = SetPins(id=self.session.new_id(), phrase_ids=self._book().pins, greeting_id=phrase_id)
        await self._apply(request, Ok, self.manager.tr("Greeting saved: F2 sends it."))

    async def import_file(self, scope: str, path: str) -> None:
        try:
            text = await asyncio.to_thread(Path(path).read_text, encoding="utf-8-sig")
            fields = parse_json(text) if path.lower().endswith(".json") else parse_csv(text)
            check_against_existing(fields, [p for p in self._book().phrases if p.scope == scope])
        except (OSError, UnicodeDecodeError, PhraseError) as exc:
            self.manager.show_message(self.manager.tr("Nothing imported: %1").replace("%1", str(exc)))
            return
        imported = 0
        for batch in import_batches([draft(f) for f in fields], scope):
            request = ImportPhrases(id=self.session.new_id(), scope=scope, phrases=batch)  # type: ignore[arg-type]
            reply = await self._apply(request, PhrasesImported, "")
            if reply is None:
                break
            imported += len(batch)
        self.manager.show_message(self.manager.tr("Imported %1 phrases.").replace("%1", str(imported)))

    async def export_file(self, scope: str, path: str) -> None:
        phrases = [p for p in self._book().phrases if p.scope == scope]
        text = export_json(phrases) if path.lower().endswith(".json") else export_csv(phrases)
        await asyncio.to_thread(Path(path).write_text, text, encoding="utf-8")
        self.manager.show_message(self.manager.tr("Exported %1 phrases.").replace("%1", str(len(phrases))))

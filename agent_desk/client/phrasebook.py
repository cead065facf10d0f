"""The quick replies an agent can use, ready to search as they type.

Built from a ``phrase_list`` reply. Building computes pinyin initials for
every phrase (slow: call :func:`build_phrasebook` off the GUI thread);
searching afterwards is a pure, fast ranking (agent_desk.domain.phrases).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from agent_desk.domain.phrases import PhraseIndex, build_index
from agent_desk.protocol.messages import PhraseInfo, PhraseList

PINYIN_CACHE = 20_000
"""Texts whose initials are remembered: a team's phrases and every agent's own, several times over."""


@functools.lru_cache(maxsize=PINYIN_CACHE)
def pinyin_initials(text: str) -> str:
    """Initials of the Chinese characters only: 亲,您好! -> qnh.

    Remembered per text: after an edit the list is rebuilt whole, and pinyin is most of
    a build (bench: phrase_search build_ms and rebuild_ms), so only new texts pay for it.
    """
    # Imported on first use: pypinyin loads its dictionaries on import (a third of a
    # second), which the desk's start-up should not wait for; phrases load later.
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore"))


@dataclass(slots=True)
class PhraseBook:
    phrases: list[PhraseInfo] = field(default_factory=list)
    """Team phrases first, then personal; each set by group and position."""
    pins: list[int] = field(default_factory=list)
    greeting_id: int | None = None
    shop_name: str = ""
    index: PhraseIndex = field(default_factory=PhraseIndex)
    _by_id: dict[int, PhraseInfo] = field(default_factory=dict)

    def get(self, phrase_id: int | None) -> PhraseInfo | None:
        return self._by_id.get(phrase_id) if phrase_id is not None else None

    def search(self, query: str, limit: int = 9) -> list[PhraseInfo]:
        return [self._by_id[key] for key in self.index.rank(query, limit)]

    def pinned(self, number: int) -> PhraseInfo | None:
        """The phrase pinned at 1..9 (Alt+number), if any."""
        if 1 <= number <= len(self.pins):
            return self.get(self.pins[number - 1])
        return None

    def greeting(self) -> PhraseInfo | None:
        return self.get(self.greeting_id)

    def groups(self, scope: str) -> list[str]:
        seen: dict[str, None] = {}
        for phrase in self.phrases:
            if phrase.scope == scope:
                seen.setdefault(phrase.group, None)
        return list(seen)

    def in_group(self, scope: str, group: str) -> list[PhraseInfo]:
        return [p for p in self.phrases if p.scope == scope and p.group == group]


def text_for(phrase: PhraseInfo, customer_lang: str) -> str:
    """The version to send: English for customers who chat in English, when there is one."""
    if customer_lang == "en" and phrase.text_en:
        return phrase.text_en
    return phrase.text


def _ordered(phrases: Iterable[PhraseInfo]) -> list[PhraseInfo]:
    scope_order = {"team": 0, "personal": 1}
    return sorted(phrases, key=lambda p: (scope_order.get(p.scope, 2), p.group, p.position, p.phrase_id))


def build_phrasebook(reply: PhraseList) -> PhraseBook:
    phrases = _ordered(reply.phrases)
    rows = [(p.phrase_id, p.code, f"{p.text}\n{p.text_en or ''}", pinyin_initials(p.text)) for p in phrases]
    return PhraseBook(
        phrases=phrases,
        pins=list(reply.pins),
        greeting_id=reply.greeting_id,
        shop_name=reply.shop_name,
        index=build_index(rows),
        _by_id={p.phrase_id: p for p in phrases},
    )

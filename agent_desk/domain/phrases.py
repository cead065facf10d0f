"""Quick replies: validation and ranking. Pure: the server and the desk share it.

Ranking serves the "/" completion and the palette, which must answer while
the agent types (bench: 5,000 phrases under 2 ms at p99).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from agent_desk.domain.templates import TemplateError, placeholders_in

MAX_TEXT = 1000
MAX_GROUP = 32
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_\-]{1,16}$")


class PhraseError(ValueError):
    """Why a phrase (or an import) cannot be saved. Nothing is changed."""


@dataclass(frozen=True, slots=True)
class PhraseFields:
    """What an author writes; the same fields as protocol PhraseDraft."""

    group: str
    text: str
    code: str | None = None
    text_en: str | None = None


def check_phrase(fields: PhraseFields) -> None:
    """Raise PhraseError with a plain reason when the phrase cannot be saved."""
    if not fields.group.strip():
        raise PhraseError("the group must not be empty")
    if len(fields.group) > MAX_GROUP:
        raise PhraseError(f"the group name is longer than {MAX_GROUP} characters")
    for label, text in (("text", fields.text), ("English text", fields.text_en)):
        if text is None:
            continue
        if not text.strip():
            raise PhraseError(f"the {label} must not be empty")
        if len(text) > MAX_TEXT:
            raise PhraseError(f"the {label} is longer than {MAX_TEXT} characters")
        try:
            placeholders_in(text)
        except TemplateError as exc:
            raise PhraseError(f"the {label} has {exc}") from None
    if fields.code is not None and not CODE_PATTERN.match(fields.code):
        raise PhraseError("a code is 1 to 16 letters, digits, '-' or '_'")


def check_codes_unique(codes: Iterable[str | None]) -> None:
    """Within one set (team, or one agent's personal phrases) codes are unique, ignoring case."""
    seen: set[str] = set()
    for code in codes:
        if code is None:
            continue
        key = code.lower()
        if key in seen:
            raise PhraseError(f"the code '{code}' is used twice")
        seen.add(key)


# ---------------------------------------------------------------- ranking


@dataclass(frozen=True, slots=True)
class Candidate:
    """A phrase prepared for matching: lower-cased text and pinyin initials."""

    key: int
    code: str
    text: str
    initials: str = ""
    """Pinyin initials of the Chinese text, e.g. 亲您好 -> qnh (computed by the client)."""
    order: int = 0


CONTAINS_CAP = 400
"""Most text hits examined per keystroke. A one-character query can hit thousands
of phrases; the first hits in display order are ranked, which keeps every
keystroke well under 2 ms (bench: phrase_search)."""


class PhraseIndex:
    """Phrases ready to rank. Build once per phrase-list change, query per keystroke.

    Prefix matches (codes, pinyin initials) come from sorted lists by bisection.
    A text "contains" match looks only in the texts that hold the query's
    rarest pair of characters (_Grams); initials, a few letters each, are
    joined into one string searched with str.find. Tiers that cannot change the top ``limit`` are
    skipped, so no keystroke walks all phrases in Python.
    """

    def __init__(self, candidates: Sequence[Candidate] = ()) -> None:
        self.candidates = list(candidates)
        self._codes = _Prefixes([(c.code, c.order) for c in self.candidates if c.code])
        self._exact: dict[str, int] = {}
        for c in reversed(self.candidates):
            if c.code:
                self._exact[c.code] = c.order  # the earliest phrase with a code wins
        self._initials = _Prefixes([(c.initials, c.order) for c in self.candidates if c.initials])
        self._text = _Grams([c.text for c in self.candidates])
        self._initials_text = _Joined([c.initials for c in self.candidates])

    def rank(self, query: str, limit: int = 9) -> list[int]:
        """Keys of the best matches, best first.

        Exact code, then code prefix, then pinyin-initials prefix, then text
        containing the query (earlier is better), then initials containing it.
        Ties keep the phrases' own order (group, position).
        """
        q = query.strip().lower().replace("\x00", "")
        if not q:
            return [c.key for c in self.candidates[:limit]]
        scores: dict[int, int] = {}
        if q in self._exact:
            scores[self._exact[q]] = 100
        for code, order in self._codes.starting_with(q):
            _better(scores, order, 100 if code == q else 80)
        for _initials, order in self._initials.starting_with(q):
            _better(scores, order, 60)
        # Every score so far is above any text match's (at most 40), and every text
        # match's above an initials one's (10): once ``limit`` phrases are scored,
        # the tiers below cannot enter the top.
        if len(scores) < limit:
            for order, position in self._text.find_all(q, CONTAINS_CAP):
                _better(scores, order, 40 - min(position, 20))
        if len(scores) < limit:
            # All score 10 and hits come in display order: the first few new ones will do.
            for order, _position in self._initials_text.find_all(q, limit + len(scores)):
                _better(scores, order, 10)
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self.candidates[order].key for order, _score in best]


class _Joined:
    """Strings joined into one, so a search for a substring runs in C."""

    def __init__(self, parts: list[str]) -> None:
        self.blob = "\x00".join(parts)
        self.starts: list[int] = []
        offset = 0
        for part in parts:
            self.starts.append(offset)
            offset += len(part) + 1

    def find_all(self, needle: str, cap: int) -> list[tuple[int, int]]:
        """(part index, position in part) of the first hit in each part, at most ``cap``."""
        hits: list[tuple[int, int]] = []
        at = self.blob.find(needle)
        while at >= 0 and len(hits) < cap:
            index = bisect.bisect_right(self.starts, at) - 1
            hits.append((index, at - self.starts[index]))
            following = index + 1
            if following >= len(self.starts):
                break
            at = self.blob.find(needle, self.starts[following])
        return hits


class _Grams:
    """Strings found by substring through postings of their characters and pairs.

    5,000 phrases are ~900,000 characters: one str.find over all of them
    costs ~1 ms whatever it finds. Instead, each character and each pair of
    neighbouring characters lists the strings holding it, in order; a query
    searches only the strings under its rarest pair (or its character, when
    it has one), so a keystroke costs what it finds, not the size of the list.
    """

    def __init__(self, parts: list[str]) -> None:
        self.parts = parts
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for index, part in enumerate(parts):
            ends = range(len(part))
            grams = {part[i : i + 3] for i in ends} | {part[i : i + 2] for i in ends} | set(part)
            for gram in grams:
                postings[gram].append(index)
        self.postings = dict(postings)

    def find_all(self, needle: str, cap: int) -> list[tuple[int, int]]:
        """(part index, position in part) of the first hit in each part, in part order, at most ``cap``."""
        size = min(len(needle), 3)
        grams = {needle[i : i + size] for i in range(len(needle) - size + 1)}
        lists = [self.postings.get(gram) for gram in grams]
        if not lists or any(found is None for found in lists):
            return []
        rarest = min((found for found in lists if found is not None), key=len)
        hits: list[tuple[int, int]] = []
        for index in rarest:
            at = self.parts[index].find(needle)
            if at >= 0:
                hits.append((index, at))
                if len(hits) >= cap:
                    break
        return hits


class _Prefixes:
    """(word, order) rows found by prefix. One- and two-letter prefixes, which
    match the most rows, are answered from lists made at build time that keep
    only the rows earliest in display order (the ones that win ties)."""

    SHORT = 2
    KEEP = 64

    def __init__(self, rows: list[tuple[str, int]]) -> None:
        self.rows = sorted(rows)
        self.short: dict[str, list[tuple[str, int]]] = {}
        for word, order in sorted(rows, key=lambda row: row[1]):
            for length in range(1, min(self.SHORT, len(word)) + 1):
                bucket = self.short.setdefault(word[:length], [])
                if len(bucket) < self.KEEP:
                    bucket.append((word, order))

    def starting_with(self, prefix: str) -> list[tuple[str, int]]:
        if len(prefix) <= self.SHORT:
            return self.short.get(prefix, [])
        found = []
        for row in self.rows[bisect.bisect_left(self.rows, (prefix, -1)) :]:
            if not row[0].startswith(prefix):
                break
            found.append(row)
        return found


def _better(scores: dict[int, int], order: int, score: int) -> None:
    if score > scores.get(order, 0):
        scores[order] = score


def build_index(rows: Sequence[tuple[int, str | None, str, str]]) -> PhraseIndex:
    """rows: (key, code, text, initials) in display order."""
    return PhraseIndex(
        [
            Candidate(key, (code or "").lower(), text.lower(), initials.lower(), order)
            for order, (key, code, text, initials) in enumerate(rows)
        ]
    )

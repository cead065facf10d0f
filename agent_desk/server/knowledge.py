"""The knowledge base: articles, and search over Chinese and English text.

Two FTS5 indexes (schema v4, see server/db.py) answer every query from an
index, never by reading all articles:

- ``articles_fts`` (trigram tokenizer, kept in sync by triggers) matches any
  substring of 3 or more characters in any language, so Chinese needs no word
  segmentation.
- ``article_grams`` holds every 1- and 2-character piece of each run of
  letters and digits, written here. Trigram cannot match shorter terms, and
  short terms are common in Chinese (退货, 尺码); a LIKE for them would read
  every article (~60 ms at 10,000).

Snippets are cut here from the few rows returned rather than by FTS5's
snippet(): on SQLite 3.40 it repeats text when trigram hits overlap, and a
suggestion's sliding windows always overlap.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Literal

from agent_desk.domain.clock import Clock
from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import ArticleDraft, ArticleHit, ArticleInfo
from agent_desk.server.db import transaction

HIT_OPEN, HIT_CLOSE = "【", "】"
SNIPPET_CHARS = 60
"""Characters of context in a snippet, markers and ellipses not counted."""
SUGGEST_WINDOWS = 40
"""At most this many 3-character windows of a customer's message are matched."""
SUGGEST_POOL = 30
"""Candidates each index contributes to a suggestion before the scores are summed."""
COMMON_DOCS = 500
"""A suggestion's candidates are the articles holding a piece found in at most this
many articles. Commoner pieces say little (low idf), yet bm25 would score every
article they are in: at 10,000 articles a long message took ~50 ms that way."""
SCORED_DOCS = 2000
"""Pieces in more articles than this (尺码 in a clothing shop) are not scored at all."""
UNRANKED_DOCS = 5000
"""A search made only of short terms this common (的, 是) lists the newest matches:
bm25 over that many articles takes ~10 ms and ranks by nothing useful."""

_SEPARATORS = re.compile(r"[\W_]+")
_ENGLISH_WORD = re.compile(r"[a-z][a-z0-9']{2,}")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that say nothing about what a customer needs; bm25 would rank them low
# anyway, but each one still costs a doclist read.
_STOPWORDS = _word_set(
    "the and for you your are was were can could would will what when where which who how why this that "
    "with have has had not but from they them there their our out all any get got its it's i'm i've "
    "please thanks thank hello yes does did just about into than then too very "
)
# Two-character function words of customers' questions: they sit in many titles
# ("尺码怎么选") and would pull those articles up for any question.
_STOP_PAIRS = _word_set(
    "什么 怎么 为什 么时 时候 么办 么样 可以 能不 不能 我们 你们 请问 一下 这个 那个 这件 "
    "那件 是不 不是 的话 还有 就是 如果 因为 所以 现在 没有 知道 一个 了吗 的吗 好的 谢谢 "
    "您好 你好 在吗 亲亲 我的 我想 想要 "
)
_PARTICLES = frozenset("的了吗呢啊吧呀哦嘛我你您")


def _fold(text: str) -> str:
    """Lower-case without changing the length, so offsets map back to the original."""
    folded = text.lower()
    if len(folded) == len(text):  # lower() only ever lengthens (İ -> i̇)
        return folded
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_cjk(char: str) -> bool:
    return not char.isascii() and char.isalnum()


def search_terms(query: str) -> list[str]:
    """The distinct lower-cased terms of a query, split on whitespace and punctuation."""
    return list(dict.fromkeys(t for t in _SEPARATORS.split(_fold(query)) if t))


def grams(text: str) -> str:
    """Every 1- and 2-character piece of each letter-and-digit run, space-separated.

    A term of one or two characters occurs in the text exactly when it is one
    of these pieces, so matching them is as precise as LIKE.
    """
    pieces: list[str] = []
    for run in _SEPARATORS.split(_fold(text)):
        pieces.extend(run)
        pieces.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(pieces)


def message_windows(message: str) -> list[str]:
    """Distinct 3-character windows of a message that contain Chinese (at most 40).

    Windows across punctuation or spaces are skipped: they are noise, not words;
    so are windows of two question words (什么时, 怎么办).
    English is matched by whole words instead (see english_words).
    """
    return [w for w in _pieces(message, 3) if not (w[:2] in _STOP_PAIRS and w[1:] in _STOP_PAIRS)]


def message_pairs(message: str) -> list[str]:
    """Distinct 2-character pieces of a message that contain Chinese: most Chinese words are two."""
    return [pair for pair in _pieces(message, 2) if pair not in _STOP_PAIRS]


def _pieces(message: str, size: int) -> list[str]:
    """Distinct pieces of ``size`` characters within runs of letters and digits,
    with some Chinese and no particle or pronoun (吗, 了, 我: they join words, not name them)."""
    pieces: dict[str, None] = {}
    for run in _SEPARATORS.split(_fold(message)):
        for i in range(len(run) - size + 1):
            piece = run[i : i + size]
            if any(_is_cjk(c) for c in piece) and not _PARTICLES.intersection(piece):
                pieces[piece] = None
    return list(pieces)[:SUGGEST_WINDOWS]


def english_words(message: str) -> list[str]:
    """Distinct lower-case English words of 3+ letters, without stop words."""
    words = dict.fromkeys(w for w in _ENGLISH_WORD.findall(message.lower()) if w not in _STOPWORDS)
    return list(words)[:SUGGEST_WINDOWS]


def _all_of(terms: Iterable[str]) -> str:
    return " AND ".join(_quoted(t) for t in terms)


def _any_of(terms: Iterable[str]) -> str:
    return " OR ".join(_quoted(t) for t in terms)


def _quoted(term: str) -> str:
    """An FTS5 string: the term is matched as written, whatever characters it holds."""
    return '"' + term.replace('"', '""') + '"'


def make_snippet(text: str, terms: Sequence[str]) -> str | None:
    """About SNIPPET_CHARS of text around its densest hits, each wrapped in 【】.

    None when no term occurs in the text.
    """
    flat = " ".join(text.split())
    spans = _merged_spans(_fold(flat), terms)
    if not spans:
        return None
    start = _best_start(spans, len(flat))
    end = min(len(flat), start + SNIPPET_CHARS)
    parts = ["…" if start > 0 else ""]
    cursor = start
    for first, last in spans:
        first, last = max(first, start), min(last, end)
        if first >= last:
            continue
        parts += [flat[cursor:first], HIT_OPEN, flat[first:last], HIT_CLOSE]
        cursor = last
    parts += [flat[cursor:end], "…" if end < len(flat) else ""]
    return "".join(parts)


def _merged_spans(folded: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the terms occur, overlapping and touching hits joined into one."""
    found: list[tuple[int, int]] = []
    for term in terms:
        at = folded.find(term)
        # Snippet windows start at the first hits only (see _best_start).
        for _ in range(128):
            if at < 0:
                break
            found.append((at, at + len(term)))
            at = folded.find(term, at + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for first, last in found:
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _best_start(spans: list[tuple[int, int]], length: int) -> int:
    """Start of the window that shows the most hit characters, with a little lead-in.

    Windows are tried at the first 64 hits only: a long body full of a common
    piece would otherwise cost a quadratic scan.
    """
    lead = SNIPPET_CHARS // 4
    best, best_cover = 0, -1
    for i, (first, _) in enumerate(spans[:64]):
        start = max(0, min(first - lead, length - SNIPPET_CHARS))
        end = start + SNIPPET_CHARS
        cover = 0
        for f, last in spans[i:]:
            if f >= end:
                break
            cover += min(last, end) - max(f, start)
        if cover > best_cover:
            best, best_cover = start, cover
    return best


def _article(row: sqlite3.Row) -> ArticleInfo:
    return ArticleInfo(
        article_id=row["id"],
        title=row["title"],
        body=row["body"],
        category=row["category"],
        tags=json.loads(row["tags"]),
        lang=row["lang"],
        updated_at=row["updated_at"],
    )


def _hit(row: sqlite3.Row, marks: Sequence[str]) -> ArticleHit:
    body = row["body"]
    snippet = make_snippet(body, marks)
    if snippet is None:
        # The hit is in the title or the tags, which the desk shows anyway:
        # open the article the way a reader would see it.
        flat = " ".join(body.split())
        snippet = flat[:SNIPPET_CHARS] + ("…" if len(flat) > SNIPPET_CHARS else "")
    return ArticleHit(
        article_id=row["id"],
        title=row["title"],
        snippet=snippet,
        category=row["category"],
        tags=json.loads(row["tags"]),
        lang=row["lang"],
    )


class Knowledge:
    """Articles in SQLite with their two search indexes."""

    def __init__(self, db: sqlite3.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._counts: dict[str, dict[str, int]] = {}
        """Articles per piece, by vocabulary table; cleared when an article changes."""

    # ------------------------------------------------------------ articles

    def get(self, article_id: int) -> ArticleInfo:
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such article")
        return _article(row)

    def save(self, draft: ArticleDraft, article_id: int | None = None) -> ArticleInfo:
        """Create (no id) or replace an article. Raises ProtocolError."""
        old = self._texts(article_id) if article_id is not None else ()
        with transaction(self._db):
            article_id = self._store(draft, article_id)
        self._forget_counts([*old, *self._texts(article_id)])
        return self.get(article_id)

    def save_many(self, drafts: Sequence[ArticleDraft]) -> int:
        """Add articles in one transaction (demo data, benchmarks): all or none."""
        with transaction(self._db):
            for draft in drafts:
                self._store(draft, None)
        self._counts.clear()
        return len(drafts)

    def _store(self, draft: ArticleDraft, article_id: int | None) -> int:
        title, body, category = draft.title.strip(), draft.body.strip(), draft.category.strip()
        if not (title and body and category):
            raise ProtocolError(ErrorCode.BAD_FRAME, "an article needs a title, a body and a category")
        tags = json.dumps(list(dict.fromkeys(t.strip() for t in draft.tags if t.strip())), ensure_ascii=False)
        fields = (title, body, category, tags, draft.lang, self._clock.now())
        if article_id is None:
            cursor = self._db.execute(
                "INSERT INTO articles(title, body, category, tags, lang, updated_at) VALUES (?, ?, ?, ?, ?, ?)", fields
            )
            article_id = int(cursor.lastrowid or 0)
        else:
            self._drop_grams(article_id)
            self._db.execute(
                "UPDATE articles SET title = ?, body = ?, category = ?, tags = ?, lang = ?, updated_at = ?"
                " WHERE id = ?",
                (*fields, article_id),
            )
        self._add_grams(article_id, title, body, tags)
        return article_id

    def delete(self, article_id: int) -> None:
        old = self._texts(article_id)
        with transaction(self._db):
            self._drop_grams(article_id)
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self._forget_counts(old)

    def _texts(self, article_id: int) -> tuple[str, ...]:
        row = self._db.execute("SELECT title, body, tags FROM articles WHERE id = ?", (article_id,)).fetchone()
        return (row["title"], row["body"], row["tags"]) if row else ()

    def _forget_counts(self, texts: Sequence[str]) -> None:
        """Forget the remembered counts of just the pieces these texts hold.

        Clearing every count after an edit made the next messages pay all their
        vocabulary lookups again (bench: suggest_uncached).
        """
        trigrams = self._counts.get("articles_fts_vocab", {})
        pieces = self._counts.get("article_grams_vocab", {})
        words = self._counts.get("article_words_vocab", {})
        for text in texts:
            folded = _fold(text)
            for word in _ENGLISH_WORD.findall(folded):
                words.pop(word, None)
            for start in range(len(folded) - 2):
                trigrams.pop(folded[start : start + 3], None)
            for piece in grams(text).split():
                pieces.pop(piece, None)

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def _add_grams(self, article_id: int, title: str, body: str, tags: str) -> None:
        self._db.execute(
            "INSERT INTO article_grams(rowid, title, body, tags) VALUES (?, ?, ?, ?)",
            (article_id, grams(title), grams(body), grams(" ".join(json.loads(tags)))),
        )

    def _drop_grams(self, article_id: int) -> None:
        """Remove an article from the gram index. Raises not_found for an unknown id.

        The gram index keeps no copy of its text (it would double the file), so
        FTS5 needs the pieces it was given: they are computed again from the row.
        """
        row = self._db.execute("SELECT title, body, tags FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such article")
        self._db.execute(
            "INSERT INTO article_grams(article_grams, rowid, title, body, tags) VALUES ('delete', ?, ?, ?, ?)",
            (article_id, grams(row["title"]), grams(row["body"]), grams(" ".join(json.loads(row["tags"])))),
        )

    # ------------------------------------------------------------ search

    def search(self, query: str, mode: Literal["search", "suggest"], limit: int) -> list[ArticleHit]:
        """The best articles for a query, best first.

        ``search``: every term must occur (AND). ``suggest``: articles ranked by
        how much of a customer's message they share.
        """
        if mode == "suggest":
            ids, marks = self._suggest(query, limit)
        else:
            ids, marks = self._search(query, limit)
        if not ids:
            return []
        places = ",".join("?" * len(ids))
        rows = {r["id"]: r for r in self._db.execute(f"SELECT * FROM articles WHERE id IN ({places})", ids)}
        return [_hit(rows[i], marks) for i in ids if i in rows]

    def _search(self, query: str, limit: int) -> tuple[list[int], list[str]]:
        """Every term must occur: terms of 3+ characters through the trigram
        index, shorter ones through the gram index, joined on the article id."""
        terms = search_terms(query)
        if not terms:
            return [], []
        long = [t for t in terms if len(t) >= 3]
        short = [t for t in terms if len(t) < 3]
        table, match = ("articles_fts", _all_of(long)) if long else ("article_grams", _all_of(short))
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
        args: list[object] = [match]
        if long and short:
            # The unary + keeps the id list a filter on one MATCH scan: as an
            # index constraint SQLite re-runs the trigram MATCH once per id
            # (seconds, for a short term that is in every article).
            sql += " AND +rowid IN (SELECT rowid FROM article_grams WHERE article_grams MATCH ?)"
            args.append(_all_of(short))
        rows = self._db.execute(sql + f" ORDER BY {self._search_order(long, short)} LIMIT ?", (*args, limit))
        return [row[0] for row in rows], terms

    def _search_order(self, long: list[str], short: list[str]) -> str:
        """bm25, unless every term is a short one found nearly everywhere (UNRANKED_DOCS)."""
        if long or min(self._doc_counts("article_grams_vocab", short).values()) <= UNRANKED_DOCS:
            return "rank"
        return "rowid DESC"

    def _suggest(self, message: str, limit: int) -> tuple[list[int], list[str]]:
        """Rank by shared 3-character windows (trigram index), English words (word
        index) and 2-character words (gram index); the bm25 scores are summed."""
        windows, pairs, words = message_windows(message), message_pairs(message), english_words(message)
        scores: dict[int, float] = {}
        present, telling = self._split("articles_fts_vocab", windows)
        if present:
            self._add_scores(scores, "articles_fts", present, telling)
        present, telling = self._split("article_words_vocab", words)
        if present:
            self._add_scores(scores, "article_words", present, telling)
        present, telling = self._split("article_grams_vocab", pairs)
        if present:
            self._add_scores(scores, "article_grams", present, telling)
        best = sorted(scores, key=lambda i: (scores[i], i))[:limit]
        return best, windows + pairs + words

    def _split(self, vocab: str, pieces: list[str], words: Sequence[str] = ()) -> tuple[list[str], list[str]]:
        """The pieces (and words) worth scoring, and the telling ones that pick candidates.

        Telling: in at most COMMON_DOCS articles (if none is, the three rarest).
        Scored: in at most SCORED_DOCS articles, and the telling ones. A word
        is in at most as many articles as its rarest trigram.
        """
        trigrams = {w: [w[i : i + 3] for i in range(len(w) - 2)] for w in words}
        counts = self._doc_counts(vocab, [*pieces, *(t for ts in trigrams.values() for t in ts)])
        found = {p: counts[p] for p in pieces} | {w: min(counts[t] for t in ts) for w, ts in trigrams.items()}
        present = sorted((n, p) for p, n in found.items() if n)
        telling = [p for n, p in present if n <= COMMON_DOCS] or [p for _, p in present[:3]]
        return [p for n, p in present if n <= SCORED_DOCS] or telling, telling

    def _doc_counts(self, vocab: str, pieces: list[str]) -> dict[str, int]:
        """How many articles hold each piece, from the index's vocabulary.

        Counting reads a piece's whole doclist, so counts are remembered until
        an article changes: customers' messages share most of their words.
        """
        cache = self._counts.setdefault(vocab, {})
        missing = [p for p in pieces if p not in cache]
        if missing:
            if len(cache) > 100_000:
                cache.clear()
            cache.update(dict.fromkeys(missing, 0))
            places = ",".join("?" * len(missing))
            cache.update(self._db.execute(f"SELECT term, doc FROM {vocab} WHERE term IN ({places})", missing))
        return {p: cache[p] for p in pieces}

    def _add_scores(self, scores: dict[int, float], table: str, pieces: list[str], telling: list[str]) -> None:
        """Add the bm25 (negative: lower is better) of the top articles that hold a
        telling piece, scored on all the pieces, to their scores.

        ``ORDER BY +rank`` makes SQLite sort the filtered rows itself: with a bare
        ``rank`` FTS5 would score every article holding any piece first.
        """
        rows = self._db.execute(
            f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ?"
            f" AND +rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?) ORDER BY +rank LIMIT ?",
            (_any_of(pieces), _any_of(telling), SUGGEST_POOL),
        )
        for article_id, rank in rows:
            scores[article_id] = scores.get(article_id, 0.0) + rank

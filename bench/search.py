"""Issue 4's search benchmarks: quick-reply completion and the knowledge base.

- ``phrase_search``: the "/" completion ranks every phrase on each keystroke,
  on the GUI thread, so it must answer well inside one frame.
- ``knowledge_search``: the server answers ``kb_search`` (a search box, and
  suggestions for each customer message) from SQLite FTS5 on its event loop,
  so a slow query stalls every chat on the server.

Both use the real code (client.phrasebook, server.knowledge, server.db) on
content grown from the demo shop (bench/corpus.py).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from agent_desk.client.phrasebook import build_phrasebook
from agent_desk.domain.clock import SystemClock
from agent_desk.protocol.messages import PhraseList
from agent_desk.server.db import open_database
from agent_desk.server.demo import DEMO_SHOP_NAME
from agent_desk.server.knowledge import Knowledge
from bench import corpus
from bench.harness import (
    Benchmark,
    Context,
    Figure,
    Latency,
    Registry,
    Target,
    measure,
    sample_ns,
    split_latency,
    time_once_ms,
)

PHRASE_P99_MS = 2.0
KNOWLEDGE_P99_MS = 20.0
RESULT_LIMIT = 8
"""What the desk asks kb_search for (ui/knowledge.py)."""


def register(registry: Registry) -> None:
    registry.add(
        Benchmark(
            "phrase_search",
            phrase_search,
            method=(
                "PhraseBook.search(query, 9) over synthesised phrases built by client.phrasebook.build_phrasebook "
                "from a protocol PhraseList; queries are the prefixes seen while typing each word after '/' "
                "(codes, pinyin initials, Chinese, English, numbers, a miss), one warm-up pass first. "
                "build_ms is the first build (pinyin initials for every phrase), rebuild_ms a second one."
            ),
            targets=(Target("search", PHRASE_P99_MS),),
            budget_s=60,
        )
    )
    registry.add(
        Benchmark(
            "knowledge_search",
            knowledge_search,
            method=(
                "Knowledge.search(query, mode, limit=8) on a fresh SQLite file (db.open_database, WAL) filled "
                "with synthesised articles through Knowledge.save_many, then closed and reopened like a "
                "restarted server. 'search': agents' terms (Chinese 2-char and 3+-char, English, several "
                "terms), interleaved. 'suggest': whole customer messages (few repeats), on one Knowledge "
                "(its piece counts stay cached, as on a running server), also split into zh and en. "
                "'suggest_uncached': the same messages, each on a new Knowledge, as after any article edit "
                "clears that cache."
            ),
            targets=(
                Target("search", KNOWLEDGE_P99_MS),
                Target("suggest", KNOWLEDGE_P99_MS),
                Target("suggest_uncached", KNOWLEDGE_P99_MS),
            ),
            budget_s=240,
        )
    )


# ---------------------------------------------------------------- phrase_search


def phrase_search(ctx: Context) -> dict[str, Figure]:
    count = ctx.size(5000, 200)
    reply = PhraseList(
        ref="bench",
        phrases=corpus.synth_phrases(count),
        pins=list(range(1, 10)),
        greeting_id=1,
        shop_name=DEMO_SHOP_NAME,
    )
    book, build_ms = time_once_ms(lambda: build_phrasebook(reply))
    _, rebuild_ms = time_once_ms(lambda: build_phrasebook(reply))
    typed = corpus.keystrokes(corpus.PHRASE_WORDS)
    queries = _repeat(typed, ctx.size(10 * len(typed), 40))
    if not book.search("qnh", 9) or not book.search("退货", 9):
        raise RuntimeError("the phrase book finds nothing for qnh or 退货: the benchmark would time a broken search")
    warmup = typed[:10] if ctx.quick else typed
    ctx.note(
        phrases=len(reply.phrases),
        groups=len({p.group for p in reply.phrases}),
        with_code=sum(p.code is not None for p in reply.phrases),
        words_typed=list(corpus.PHRASE_WORDS),
        distinct_queries=len(set(typed)),
        answered_share=round(sum(bool(book.search(q, 9)) for q in typed) / len(typed), 3),
        warmup=len(warmup),
    )
    latency = measure(ctx, lambda q: book.search(q, 9), queries, warmup=warmup)
    return {"search": latency, "build_ms": round(build_ms, 1), "rebuild_ms": round(rebuild_ms, 1)}


def _repeat(items: Sequence[str], count: int) -> list[str]:
    """``count`` items, cycling through ``items`` in order."""
    return [items[i % len(items)] for i in range(count)]


# ---------------------------------------------------------------- knowledge_search


def knowledge_search(ctx: Context) -> dict[str, Figure]:
    count = ctx.size(10_000, 300)
    path = ctx.workdir / "knowledge.sqlite3"
    drafts = corpus.synth_articles(count)
    db = open_database(path)
    try:
        _, load_ms = time_once_ms(lambda: Knowledge(db, SystemClock()).save_many(drafts))
    finally:
        db.close()
    figures: dict[str, Figure] = {"load_ms": round(load_ms), "file_mb": round(_file_mb(path), 1)}
    db = open_database(path)  # as a restarted server finds it
    try:
        figures |= _time_search(ctx, Knowledge(db, SystemClock()))
        figures |= _time_suggest(ctx, db)
    finally:
        db.close()
    ctx.note(articles=count, zh_share=round(sum(d.lang == "zh" for d in drafts) / count, 3), limit=RESULT_LIMIT)
    return figures


def _time_search(ctx: Context, knowledge: Knowledge) -> dict[str, Figure]:
    samples = ctx.size(600, 24)
    mix = [(kind, term) for kind, terms in corpus.SEARCH_TERMS.items() for term in terms]
    random.Random(4).shuffle(mix)  # kinds interleaved, as agents' searches come, not in blocks
    searches = [mix[i % len(mix)] for i in range(samples)]
    found = sum(bool(knowledge.search(term, "search", RESULT_LIMIT)) for _, term in mix)
    if not found:
        raise RuntimeError("the knowledge search finds nothing: the benchmark would time a broken search")
    search_ns = sample_ns(
        ctx, lambda kt: knowledge.search(kt[1], "search", RESULT_LIMIT), searches, warmup=mix[: ctx.size(40, 4)]
    )
    figures: dict[str, Figure] = {"search": Latency.from_ns(search_ns, planned=len(searches))}
    figures |= split_latency("search", search_ns, [kind for kind, _ in searches])
    ctx.note(
        search_terms={kind: list(terms) for kind, terms in corpus.SEARCH_TERMS.items()},
        search_answered_share=round(found / len(mix), 3),
    )
    return figures


def _time_suggest(ctx: Context, db: sqlite3.Connection) -> dict[str, Figure]:
    knowledge = Knowledge(db, SystemClock())
    messages = corpus.customer_messages(ctx.size(600, 24) + 20)
    warm, messages = messages[:20], messages[20:]
    langs = ["en" if m.isascii() else "zh" for m in messages]
    suggest_ns = sample_ns(
        ctx, lambda m: knowledge.search(m, "suggest", RESULT_LIMIT), messages, warmup=warm[: ctx.size(20, 2)]
    )
    figures: dict[str, Figure] = {"suggest": Latency.from_ns(suggest_ns, planned=len(messages))}
    figures |= split_latency("suggest", suggest_ns, langs)
    # A new Knowledge on the same connection starts with no cached piece counts.
    figures["suggest_uncached"] = measure(
        ctx, lambda m: Knowledge(db, SystemClock()).search(m, "suggest", RESULT_LIMIT), messages
    )
    suggested = sum(bool(knowledge.search(m, "suggest", RESULT_LIMIT)) for m in messages[:50])
    ctx.note(
        suggest_messages=len(messages),
        suggest_distinct=len(set(messages)),
        suggest_zh_share=round(langs.count("zh") / len(messages), 3),
        suggest_answered_share=round(suggested / min(50, len(messages)), 3),
        suggest_examples=messages[:3],
        slowest_suggest=_slowest(suggest_ns, messages),
    )
    return figures


def _slowest(durations_ns: Sequence[int], inputs: Sequence[str], count: int = 3) -> list[str]:
    """The inputs that took longest, with their times: where to look first."""
    worst = sorted(zip(durations_ns, inputs, strict=False), reverse=True)[:count]
    return [f"{ns / 1e6:.1f} ms: {text}" for ns, text in worst]


def _file_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6

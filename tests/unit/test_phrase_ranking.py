"""The phrase index ranks exactly as a plain scan over every phrase would.

The index skips work (postings of character pairs and triples, tiers that cannot reach
the top); this compares it with the rules written out directly, on phrase lists small
enough that the caps on examined hits never apply.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desk.domain.phrases import build_index

ALPHABET = "ab退货亲您好 \n"
"""Few letters, so that queries hit often and overlap (Chinese and ASCII)."""

Row = tuple[int, str | None, str, str]


def scan_rank(rows: list[Row], query: str, limit: int) -> list[int]:
    """The ranking rules of PhraseIndex.rank, by looking at every phrase."""
    q = query.strip().lower().replace("\x00", "")
    if not q:
        return [key for key, *_ in rows[:limit]]
    scores: dict[int, int] = {}

    def better(order: int, score: int) -> None:
        scores[order] = max(score, scores.get(order, 0))

    for order, (_key, code, text, initials) in enumerate(rows):
        code, text, initials = (code or "").lower(), text.lower(), initials.lower()
        if code and code.startswith(q):
            better(order, 100 if code == q else 80)
        if initials and initials.startswith(q):
            better(order, 60)
        if q in text:
            better(order, 40 - min(text.find(q), 20))
        if q in initials:
            better(order, 10)
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [rows[order][0] for order, _score in best]


rows_strategy = st.lists(
    st.tuples(
        st.one_of(st.none(), st.text("abAB1", min_size=1, max_size=3)),
        st.text(ALPHABET, max_size=30),
        st.text("abqnh", max_size=4),
    ),
    max_size=40,
).map(lambda drawn: [(key, code, text, initials) for key, (code, text, initials) in enumerate(drawn)])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(rows=rows_strategy, query=st.text(ALPHABET + "qnhAB1", max_size=5), limit=st.integers(1, 12))
def test_the_index_ranks_as_a_scan_of_every_phrase(rows: list[Row], query: str, limit: int) -> None:
    assert build_index(rows).rank(query, limit) == scan_rank(rows, query, limit)


def test_a_query_inside_a_long_mixed_text_is_found_wherever_it_sits() -> None:
    filler = "亲您好" * 200
    rows: list[Row] = [(i, None, filler, "") for i in range(50)]
    rows.append((50, None, filler + "than 退货" + filler, ""))
    index = build_index(rows)
    for query in ("than", "n 退", "退货", "退", "t", "货"):
        assert index.rank(query, 3) == [50], query

"""Quick-reply rules: placeholders, validation, ranking, files (domain + client)."""

from __future__ import annotations

import json

import pytest

from agent_desk.client.phrase_io import check_against_existing, export_csv, export_json, parse_csv, parse_json
from agent_desk.client.phrasebook import build_phrasebook, pinyin_initials, text_for
from agent_desk.domain.phrases import PhraseError, PhraseFields, build_index, check_codes_unique, check_phrase
from agent_desk.domain.templates import TemplateError, expand, has_unfilled_placeholder, placeholders_in
from agent_desk.protocol.messages import PhraseInfo, PhraseList


def phrase(pid: int, text: str, code: str | None = None, group: str = "欢迎语", **kw: object) -> PhraseInfo:
    return PhraseInfo(
        phrase_id=pid, scope="team", group=group, text=text, code=code, position=pid, updated_at=0.0, **kw
    )  # type: ignore[arg-type]


# ---------------------------------------------------------------- templates


def test_placeholders_are_found_in_order_once() -> None:
    text = "亲爱的{customer_name},我是{agent_name},{customer_name}的订单{order_id}已发货"
    assert placeholders_in(text) == ["customer_name", "agent_name", "order_id"]


@pytest.mark.parametrize("text", ["您好{name}", "订单{order_id", "订单order_id}", "{{order_id}}", "{}"])
def test_unknown_placeholders_and_stray_braces_are_refused(text: str) -> None:
    with pytest.raises(TemplateError):
        placeholders_in(text)


def test_expand_fills_known_values_and_lists_the_missing() -> None:
    result = expand("{customer_name},订单{order_id}已发货,{shop_name}", {"customer_name": "王小明", "shop_name": " "})
    assert result.text == "王小明,订单{order_id}已发货,{shop_name}"
    assert result.missing == ("order_id", "shop_name")
    assert not result.complete
    done = expand("订单{order_id}", {"order_id": "TB123"})
    assert (done.text, done.complete) == ("订单TB123", True)
    assert has_unfilled_placeholder(result.text)
    assert not has_unfilled_placeholder(done.text)


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (PhraseFields("欢迎语", ""), "text must not be empty"),
        (PhraseFields("欢迎语", "   "), "text must not be empty"),
        (PhraseFields("", "亲"), "group must not be empty"),
        (PhraseFields("欢迎语", "亲{foo}"), "unknown placeholder"),
        (PhraseFields("欢迎语", "亲", code="has space"), "code"),
        (PhraseFields("欢迎语", "亲", text_en="Hi {bar}"), "English text has unknown placeholder"),
        (PhraseFields("欢迎语", "亲" * 1001), "longer than"),
    ],
)
def test_bad_phrases_are_refused_with_a_plain_reason(fields: PhraseFields, reason: str) -> None:
    with pytest.raises(PhraseError, match=reason):
        check_phrase(fields)


def test_codes_are_unique_ignoring_case() -> None:
    check_codes_unique(["hi", None, "wl", None])
    with pytest.raises(PhraseError, match="used twice"):
        check_codes_unique(["hi", "HI"])


# ---------------------------------------------------------------- ranking


def test_ranking_prefers_exact_code_then_prefix_then_initials_then_text() -> None:
    index = build_index(
        [
            (1, "wl", "物流一般48小时内发出", "wlybxsnfc"),
            (2, "wlcx", "帮您查询物流", "bncxwl"),
            (3, None, "亲,您好!在的哦!", "qnhzdo"),
            (4, "hi", "您好,欢迎光临", "nhhygl"),
        ]
    )
    assert index.rank("wl") == [1, 2]
    assert index.rank("qnh") == [3]
    assert index.rank("欢迎") == [4]
    assert index.rank("") == [1, 2, 3, 4]
    assert index.rank("zzz") == []


def test_pinyin_initials_cover_chinese_only() -> None:
    assert pinyin_initials("亲,您好!在的哦! OK") == "qnhzdo"


def test_a_rebuild_after_an_edit_computes_pinyin_for_the_edited_text_only() -> None:
    pinyin_initials.cache_clear()  # what other tests built must not count here
    texts = [f"这边帮您查一下物流 第{n}条" for n in range(30)]
    reply = PhraseList(ref="1", phrases=[phrase(n, t) for n, t in enumerate(texts)], pins=[], shop_name="衣橱")
    build_phrasebook(reply)
    before = pinyin_initials.cache_info()
    edited = PhraseList(
        ref="2", phrases=[phrase(0, "亲,已为您改好地址"), *reply.phrases[1:]], pins=[], shop_name="衣橱"
    )
    book = build_phrasebook(edited)
    after = pinyin_initials.cache_info()
    assert after.misses - before.misses == 1, "only the edited text is new"
    assert after.hits - before.hits == len(texts) - 1
    assert [p.phrase_id for p in book.search("qywn")] == [0], "and the rebuilt book finds the edit"


def test_phrasebook_searches_pins_greeting_and_language() -> None:
    reply = PhraseList(
        ref="1",
        phrases=[
            phrase(1, "亲,您好!在的哦!", "hi", text_en="Hi, I'm here!"),
            phrase(2, "这边帮您查一下物流", "wl", group="物流"),
        ],
        pins=[2],
        greeting_id=1,
        shop_name="衣橱",
    )
    book = build_phrasebook(reply)
    assert [p.phrase_id for p in book.search("qnh")] == [1]
    assert [p.phrase_id for p in book.search("I'm here")] == [1], "English versions are searched too"
    assert book.pinned(1) is not None
    assert book.pinned(1).phrase_id == 2  # type: ignore[union-attr]
    assert book.pinned(2) is None
    greeting = book.greeting()
    assert greeting is not None
    assert text_for(greeting, "en") == "Hi, I'm here!"
    assert text_for(greeting, "zh") == "亲,您好!在的哦!"
    assert book.groups("team") == ["欢迎语", "物流"]


# ---------------------------------------------------------------- files


def test_csv_and_json_round_trip() -> None:
    phrases = [phrase(1, "亲,您好!", "hi", text_en="Hello!"), phrase(2, '含"引号",和逗号', None, group="售后")]
    for exported, parse in ((export_csv(phrases), parse_csv), (export_json(phrases), parse_json)):
        back = parse(exported)
        assert [(f.group, f.code, f.text, f.text_en) for f in back] == [
            ("欢迎语", "hi", "亲,您好!", "Hello!"),
            ("售后", None, '含"引号",和逗号', None),
        ]


@pytest.mark.parametrize(
    ("content", "parse", "reason"),
    [
        ("wrong,header\nx,y", parse_csv, "line 1"),
        ("group,code,text,text_en\n欢迎语,hi,,\n", parse_csv, "line 2: the text must not be empty"),
        ("group,code,text,text_en\n欢迎语,hi,亲,\n欢迎语,HI,您好,\n", parse_csv, "used twice"),
        ("group,code,text,text_en\n欢迎语,,亲{oops},\n", parse_csv, "unknown placeholder"),
        ("group,code,text,text_en\n", parse_csv, "no phrases"),
        ("{not json", parse_json, "not valid JSON"),
        (json.dumps({"group": "x"}), parse_json, "JSON list"),
        (json.dumps([{"group": "x", "text": 5}]), parse_json, "phrase 1"),
    ],
)
def test_malformed_files_are_refused_whole(content: str, parse: object, reason: str) -> None:
    with pytest.raises(PhraseError, match=reason):
        parse(content)  # type: ignore[operator]


def test_an_import_may_not_reuse_an_existing_code() -> None:
    with pytest.raises(PhraseError, match="used twice"):
        check_against_existing([PhraseFields("欢迎语", "亲", "hi")], [phrase(1, "您好", "HI")])


def test_an_exact_code_wins_even_behind_many_longer_codes() -> None:
    rows = [(i, f"w{i}", f"短语{i}", "") for i in range(200)] + [(999, "w", "物流", "wl")]
    index = build_index(rows)
    assert index.rank("w")[0] == 999
    assert index.rank("w")[1:3] == [0, 1], "then code prefixes in display order"


def test_one_character_queries_rank_within_the_capped_scan() -> None:
    rows = [(i, None, f"{'x' * (i % 7)}亲", "") for i in range(2000)]
    ranked = build_index(rows).rank("亲", 3)
    assert ranked == [0, 7, 14], "the earliest hits with the hit at the start of the text"

"""Quick replies on the real server over loopback, with real SQLite files; demo data; schema v4.

The knowledge base has its own file: test_server_knowledge.py.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import msgspec
import pytest

from agent_desk.client.connection import Connection
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    ArticleDraft,
    DeletePhrase,
    GetArticle,
    ImportPhrases,
    ListPhrases,
    Ok,
    PhraseDraft,
    PhraseInfo,
    PhraseList,
    PhraseSaved,
    PhrasesChanged,
    PhraseScope,
    PhrasesImported,
    ReorderPhrases,
    Role,
    SavePhrase,
    SearchKnowledge,
    SetPins,
)
from agent_desk.server import db as database
from agent_desk.server.demo import DEMO_SHOP_NAME, demo_files, load_articles, load_phrases, seed_demo_content
from agent_desk.server.knowledge import Knowledge
from agent_desk.server.phrases import Phrases
from support import make_config, refused, serving, staff, timeout

pytestmark = pytest.mark.e2e

WELCOME = PhraseDraft(
    group="欢迎语", code="hi", text="亲,您好!{shop_name}客服{agent_name}为您服务", text_en="Hi! How can I help?"
)
SHIPPING = PhraseDraft(group="物流", code="wl", text="亲,{customer_name},现货48小时内发货哦")
TRACKING = PhraseDraft(group="物流", code="cx", text="帮您查了一下,订单{order_id}已经在路上啦")
THANKS = PhraseDraft(group="结束语", code="bye", text="感谢您的耐心等待,祝您购物愉快")


# ---------------------------------------------------------------- helpers


async def save(conn: Connection, scope: PhraseScope, draft: PhraseDraft, phrase_id: int | None = None) -> PhraseInfo:
    message = SavePhrase(id=conn.next_id(), scope=scope, phrase=draft, phrase_id=phrase_id)
    return (await conn.request(message, PhraseSaved)).phrase


async def listing(conn: Connection) -> PhraseList:
    return await conn.request(ListPhrases(id=conn.next_id()), PhraseList)


async def texts(conn: Connection) -> list[tuple[str, str, str]]:
    """(scope, group, text) of every phrase the connection sees, in the listed order."""
    return [(p.scope, p.group, p.text) for p in (await listing(conn)).phrases]


# ---------------------------------------------------------------- quick replies


async def test_an_agent_keeps_personal_phrases_and_a_lead_keeps_team_phrases(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.phrases.set_shop_name("衣橱旗舰店")
        lead = await staff(server, "liu", Role.LEAD)
        mei = await staff(server, "mei")
        welcome = await save(lead, "team", WELCOME)
        assert (welcome.scope, welcome.owner, welcome.position, welcome.code) == ("team", None, 0, "hi")
        mine = await save(mei, "personal", PhraseDraft(group="我的", code="zj", text="我是小美,很高兴为您服务"))
        assert (mine.scope, mine.owner) == ("personal", "mei")
        edited = await save(mei, "personal", PhraseDraft(group="我的", code="zj", text="我是小美~"), mine.phrase_id)
        assert (edited.phrase_id, edited.text, edited.position) == (mine.phrase_id, "我是小美~", 0)
        listed = await listing(mei)
        assert [(p.scope, p.text) for p in listed.phrases] == [("team", WELCOME.text), ("personal", "我是小美~")]
        assert listed.phrases[0].text_en == WELCOME.text_en
        assert listed.shop_name == "衣橱旗舰店"
        await mei.request(DeletePhrase(id=mei.next_id(), phrase_id=mine.phrase_id), Ok)
        assert await texts(mei) == [("team", "欢迎语", WELCOME.text)]
        await lead.request(DeletePhrase(id=lead.next_id(), phrase_id=welcome.phrase_id), Ok)
        assert await texts(mei) == []
        for conn in (lead, mei):
            await conn.close()


async def test_new_phrases_go_last_in_their_group_and_groups_keep_their_order(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        lead = await staff(server, "liu", Role.LEAD)
        for draft in (SHIPPING, THANKS, TRACKING):
            await save(lead, "team", draft)
        listed = (await listing(lead)).phrases
        assert [(p.group, p.position, p.code) for p in listed] == [
            ("物流", 0, "wl"),
            ("物流", 1, "cx"),
            ("结束语", 0, "bye"),
        ]
        moved = await save(lead, "team", PhraseDraft(group="结束语", text="再见"), listed[0].phrase_id)
        assert (moved.group, moved.position) == ("结束语", 1)
        listed = (await listing(lead)).phrases
        # Groups follow their oldest phrase: 结束语 now holds the first one written.
        assert [(p.group, p.position, p.text) for p in listed] == [
            ("结束语", 0, THANKS.text),
            ("结束语", 1, "再见"),
            ("物流", 0, TRACKING.text),
        ]
        await lead.close()


async def test_an_agent_may_not_change_team_phrases(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        lead = await staff(server, "liu", Role.LEAD)
        team = await save(lead, "team", SHIPPING)
        mei = await staff(server, "mei")
        attempts: list[msgspec.Struct] = [
            SavePhrase(id=mei.next_id(), scope="team", phrase=THANKS),
            SavePhrase(id=mei.next_id(), scope="team", phrase=THANKS, phrase_id=team.phrase_id),
            DeletePhrase(id=mei.next_id(), phrase_id=team.phrase_id),
            ReorderPhrases(id=mei.next_id(), scope="team", group="物流", phrase_ids=[team.phrase_id]),
            ImportPhrases(id=mei.next_id(), scope="team", phrases=[THANKS]),
        ]
        for attempt in attempts:
            await refused(mei, attempt, ErrorCode.FORBIDDEN)
        assert await texts(lead) == [("team", "物流", SHIPPING.text)]
        for conn in (lead, mei):
            await conn.close()


async def test_bad_phrases_get_typed_errors_and_change_nothing(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        mei = await staff(server, "mei")
        kept = await save(mei, "personal", PhraseDraft(group="物流", code="wl", text="亲,48小时内发货哦"))
        bad = {
            "empty text": PhraseDraft(group="物流", text=""),
            "blank text": PhraseDraft(group="物流", text=" \n\t "),
            "blank English": PhraseDraft(group="物流", text="好的", text_en="   "),
            "blank group": PhraseDraft(group="  ", text="好的"),
            "code used (case)": PhraseDraft(group="物流", code="WL", text="另一条"),
            "unknown placeholder": PhraseDraft(group="物流", text="亲,{foo}您好"),
            "stray brace": PhraseDraft(group="物流", text="订单{order_id 已发货"),
            "closing brace": PhraseDraft(group="物流", text="好的}"),
            "bad code": PhraseDraft(group="物流", code="有空格 ", text="好的"),
        }
        for case, draft in bad.items():
            message = await refused(
                mei, SavePhrase(id=mei.next_id(), scope="personal", phrase=draft), ErrorCode.BAD_FRAME
            )
            assert message, case
        edit = SavePhrase(
            id=mei.next_id(), scope="personal", phrase=bad["unknown placeholder"], phrase_id=kept.phrase_id
        )
        assert "{foo}" in await refused(mei, edit, ErrorCode.BAD_FRAME)
        good = [PhraseDraft(group="结束语", code=f"g{i}", text=f"第{i}条") for i in range(3)]
        poisons = {"phrase 3": bad["stray brace"], "'G1'": PhraseDraft(group="结束语", code="G1", text="重复的码")}
        for reason, poison in poisons.items():
            batch = ImportPhrases(id=mei.next_id(), scope="personal", phrases=[*good[:2], poison, good[2]])
            assert reason in await refused(mei, batch, ErrorCode.BAD_FRAME)
        assert await texts(mei) == [("personal", "物流", kept.text)]
        imported = ImportPhrases(id=mei.next_id(), scope="personal", phrases=good)
        assert (await mei.request(imported, PhrasesImported)).count == 3
        assert len((await listing(mei)).phrases) == 4
        await mei.close()


async def test_personal_phrases_are_invisible_to_other_agents(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        mei = await staff(server, "mei")
        jie = await staff(server, "jie")
        secret = await save(mei, "personal", PhraseDraft(group="我的", code="zj", text="小美的私房话"))
        jies = await save(jie, "personal", PhraseDraft(group="我的", code="zj", text="阿杰的"))
        assert jies.code == secret.code, "each agent's set has its own codes"
        assert await texts(jie) == [("personal", "我的", "阿杰的")]
        for phrase_id in (secret.phrase_id, 999_999):
            answers = [
                await refused(jie, message, ErrorCode.NOT_FOUND)
                for message in (
                    SavePhrase(id=jie.next_id(), scope="personal", phrase=THANKS, phrase_id=phrase_id),
                    DeletePhrase(id=jie.next_id(), phrase_id=phrase_id),
                    SetPins(id=jie.next_id(), phrase_ids=[phrase_id]),
                    SetPins(id=jie.next_id(), phrase_ids=[], greeting_id=phrase_id),
                )
            ]
            assert all(str(phrase_id) in answer for answer in answers), "unknown and hidden look alike"
        assert await texts(mei) == [("personal", "我的", "小美的私房话")]
        for conn in (mei, jie):
            await conn.close()


async def test_customers_and_anonymous_connections_get_no_phrases_or_articles(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        shopper = await Connection.open(server.url)
        await shopper.join_as_customer("王小明")
        anonymous = await Connection.open(server.url)
        for conn, code in ((shopper, ErrorCode.FORBIDDEN), (anonymous, ErrorCode.UNAUTHENTICATED)):
            await refused(conn, ListPhrases(id=conn.next_id()), code)
            await refused(conn, SearchKnowledge(id=conn.next_id(), query="退货"), code)
            await refused(conn, GetArticle(id=conn.next_id(), article_id=1), code)
        for conn in (shopper, anonymous):
            await conn.close()


async def test_a_team_change_reaches_every_staff_desk_and_a_personal_one_only_its_owner(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        lead = await staff(server, "liu", Role.LEAD)
        team = await save(lead, "team", WELCOME)
        mei_home, mei_laptop = await staff(server, "mei"), await staff(server, "mei")
        jie = await staff(server, "jie")
        await save(mei_home, "personal", PhraseDraft(group="我的", text="马上为您查询"))
        assert (await mei_laptop.next_event(PhrasesChanged, timeout())).scope == "personal"
        await save(lead, "team", PhraseDraft(group="欢迎语", code="hi", text="亲亲,欢迎光临"), team.phrase_id)
        # jie's first notice is the team one: mei's personal change never reached him.
        assert (await jie.next_event(PhrasesChanged, timeout())).scope == "team"
        assert (await mei_laptop.next_event(PhrasesChanged, timeout())).scope == "team"
        assert (await listing(jie)).phrases[0].text == "亲亲,欢迎光临"
        for conn in (lead, mei_home, mei_laptop, jie):
            await conn.close()


async def test_personal_phrases_are_there_on_another_machine(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        first = await staff(server, "mei")
        await save(first, "personal", PhraseDraft(group="我的", code="zj", text="我是小美"))
        await first.close()
        second = await Connection.open(server.url, client_name="laptop")
        token = (await second.login("mei", "pw-mei")).token
        assert await texts(second) == [("personal", "我的", "我是小美")]
        third = await Connection.open(server.url, token=token, client_name="tablet")
        assert await texts(third) == [("personal", "我的", "我是小美")]
        for conn in (second, third):
            await conn.close()


async def test_reorder_puts_a_group_in_the_given_order_and_needs_all_of_it(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        lead = await staff(server, "liu", Role.LEAD)
        ids = [(await save(lead, "team", PhraseDraft(group="物流", text=f"第{i}条"))).phrase_id for i in range(3)]
        other = await save(lead, "team", THANKS)
        order = [ids[2], ids[0], ids[1]]
        await lead.request(ReorderPhrases(id=lead.next_id(), scope="team", group="物流", phrase_ids=order), Ok)
        listed = (await listing(lead)).phrases
        assert [(p.phrase_id, p.position) for p in listed if p.group == "物流"] == [
            (pid, i) for i, pid in enumerate(order)
        ]
        for wrong in (ids[:2], [*ids, other.phrase_id], [ids[0], ids[0], ids[1], ids[2]]):
            reorder = ReorderPhrases(id=lead.next_id(), scope="team", group="物流", phrase_ids=wrong)
            await refused(lead, reorder, ErrorCode.BAD_FRAME)
        assert [p.phrase_id for p in (await listing(lead)).phrases if p.group == "物流"] == order
        await lead.close()


async def test_pins_and_greeting_round_trip_and_survive_a_new_login(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        lead = await staff(server, "liu", Role.LEAD)
        welcome, shipping, thanks = [await save(lead, "team", d) for d in (WELCOME, SHIPPING, THANKS)]
        mei = await staff(server, "mei")
        mine = await save(mei, "personal", PhraseDraft(group="我的", text="我是小美"))
        pins = [mine.phrase_id, shipping.phrase_id, thanks.phrase_id]
        await mei.request(SetPins(id=mei.next_id(), phrase_ids=pins, greeting_id=welcome.phrase_id), Ok)
        await mei.close()
        again = await staff(server, "mei")
        listed = await listing(again)
        assert (listed.pins, listed.greeting_id) == (pins, welcome.phrase_id)
        too_many = SetPins(id=again.next_id(), phrase_ids=list(range(1, 11)))
        await refused(again, too_many, ErrorCode.BAD_FRAME)
        twice = SetPins(id=again.next_id(), phrase_ids=[shipping.phrase_id, shipping.phrase_id])
        await refused(again, twice, ErrorCode.BAD_FRAME)
        for gone in (shipping, welcome):
            await lead.request(DeletePhrase(id=lead.next_id(), phrase_id=gone.phrase_id), Ok)
        listed = await listing(again)
        assert (listed.pins, listed.greeting_id) == ([mine.phrase_id, thanks.phrase_id], None)
        assert (await listing(lead)).pins == [], "pins belong to each agent"
        for conn in (lead, again):
            await conn.close()


async def test_demo_data_seeds_empty_tables_once(tmp_path: Path) -> None:
    files = tmp_path / "demo"
    files.mkdir()
    phrases = [{"group": "欢迎语", "code": "hi", "text": "亲,欢迎光临{shop_name}", "text_en": None}]
    phrases.append({"group": "物流", "code": None, "text": "48小时内发货", "text_en": "Ships in 48 hours."})
    articles = [{"title": "发货时间", "body": "现货48小时内发货。", "category": "物流", "tags": ["发货"], "lang": "zh"}]
    (files / "phrases.json").write_text(json.dumps(phrases, ensure_ascii=False), encoding="utf-8")
    (files / "articles.json").write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    async with serving(make_config(tmp_path / "data")) as server:
        assert seed_demo_content(server.phrases, server.knowledge, files) == (2, 1)
        assert seed_demo_content(server.phrases, server.knowledge, files) == (0, 0)
        mei = await staff(server, "mei")
        listed = await listing(mei)
        assert listed.shop_name == DEMO_SHOP_NAME
        assert [(p.group, p.code, p.text_en) for p in listed.phrases] == [
            ("欢迎语", "hi", None),
            ("物流", None, "Ships in 48 hours."),
        ]
        assert [h.title for h in server.knowledge.search("发货", "search", 5)] == ["发货时间"]
        await mei.close()


def test_the_packaged_demo_data_is_valid(tmp_path: Path) -> None:
    files = demo_files()
    phrases = load_phrases(files.joinpath("phrases.json").read_bytes())
    articles = load_articles(files.joinpath("articles.json").read_bytes())
    db = database.open_database(tmp_path / "demo.sqlite3")
    clock = ManualClock()
    assert seed_demo_content(Phrases(db, clock), Knowledge(db, clock)) == (len(phrases), len(articles))
    db.close()


# ---------------------------------------------------------------- storage


def test_a_version_3_file_upgrades_to_the_current_schema_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    for version, script in enumerate(database.MIGRATIONS[:3], start=1):
        old.executescript(f"BEGIN;{script};PRAGMA user_version = {version};COMMIT;")
    old.execute(
        "INSERT INTO customers(id, token_hash, display_name, lang, created_at)"
        " VALUES ('cus_1', 'h', '老顾客', 'zh', 1.0)"
    )
    old.close()

    db = database.open_database(path)
    assert database.schema_version(db) == database.SCHEMA_VERSION
    assert db.execute("SELECT display_name FROM customers").fetchone()[0] == "老顾客"
    clock = ManualClock()
    phrases, knowledge = Phrases(db, clock), Knowledge(db, clock)
    assert phrases.shop_name() == ""
    phrases.seed_team(load_phrases(json.dumps([{"group": "欢迎语", "text": "您好"}]).encode()))
    knowledge.save(ArticleDraft(title="七天无理由退货", body="签收后7天内可申请退货。", category="售后"))
    assert [p.text for p in phrases.list_for("mei")] == ["您好"]
    assert [h.title for h in knowledge.search("退货", "search", 5)] == ["七天无理由退货"]
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    db.close()

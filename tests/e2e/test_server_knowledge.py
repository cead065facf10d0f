"""The knowledge base on the real server over loopback: search, suggestions, edits, rights."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

import pytest

from agent_desk.client.connection import Connection
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import MAX_ARTICLE_CHARS
from agent_desk.protocol.messages import (
    ArticleDraft,
    ArticleInfo,
    ArticleReply,
    DeleteArticle,
    GetArticle,
    KnowledgeChanged,
    KnowledgeResults,
    Ok,
    Role,
    SaveArticle,
    SearchKnowledge,
)
from support import make_config, refused, serving, staff, timeout

pytestmark = pytest.mark.e2e

ARTICLES = [
    ArticleDraft(
        title="七天无理由退货政策",
        body="签收后7天内,商品吊牌完好、未经穿着洗涤的,可申请七天无理由退货。请在订单详情页点击“申请退货”,"
        "填写退货原因并寄回。退货运费由买家承担;购买了运费险的订单,运费险会自动理赔。",
        category="售后",
        tags=["退货", "运费险"],
    ),
    ArticleDraft(
        title="发货时间说明",
        body="现货商品付款后48小时内发货,预售商品以商品页标注的发货日期为准。大促期间发货可能延迟1-3天。"
        "发货后可在订单详情里查看物流单号。",
        category="物流",
        tags=["发货", "物流"],
    ),
    ArticleDraft(
        title="尺码怎么选",
        body="请参考商品页的尺码表,按身高体重选择。偏瘦选小一码,偏胖选大一码。M码适合身高160-165厘米、"
        "体重50-57公斤。拿不准可以告诉客服您的身高体重,我们帮您推荐。",
        category="商品",
        tags=["尺码", "尺码表"],
    ),
    ArticleDraft(
        title="缺货与补货",
        body="商品页显示无货的尺码或颜色暂时缺货,一般7-15天补货。可以点击“到货提醒”,补货后第一时间通知您。"
        "预售款付款后按预售时间发货。",
        category="商品",
        tags=["库存", "补货"],
    ),
    ArticleDraft(
        title="换货流程",
        body="尺码不合适可以申请换货:在订单详情页选择“换货”,选好新尺码后寄回原商品,我们收到后48小时内寄出新商品。"
        "换货运费首次由店铺承担。",
        category="售后",
        tags=["换货", "尺码"],
    ),
    ArticleDraft(
        title="数码产品保修",
        body="耳机、充电宝等数码产品享受一年保修。非人为损坏的质量问题,如无法充电、无声音、连接断开,"
        "可申请维修或换新。请提供订单号和故障视频。",
        category="售后",
        tags=["保修", "数码"],
    ),
    ArticleDraft(
        title="Return policy",
        body="Items can be returned within 7 days of delivery if the tags are attached and they have not been worn "
        "or washed. Open the order and choose Request return. Return shipping is paid by the buyer unless the "
        "order has shipping insurance.",
        category="after-sales",
        tags=["returns", "refund"],
        lang="en",
    ),
    ArticleDraft(
        title="Headphone warranty and charging problems",
        body="Headphones and power banks carry a one-year warranty. If the case does not charge or one side has no "
        "sound, send us the order number and a short video and we will repair or replace it.",
        category="after-sales",
        tags=["warranty", "headphones"],
        lang="en",
    ),
]


async def search(conn: Connection, query: str, mode: Literal["search", "suggest"] = "search") -> KnowledgeResults:
    message = SearchKnowledge(id=conn.next_id(), query=query, mode=mode)
    return await conn.request(message, KnowledgeResults)


async def save_article(conn: Connection, draft: ArticleDraft, article_id: int | None = None) -> ArticleInfo:
    message = SaveArticle(id=conn.next_id(), article=draft, article_id=article_id)
    return (await conn.request(message, ArticleReply)).article


def test_this_sqlite_has_the_fts5_trigram_tokenizer() -> None:
    """Knowledge search needs FTS5's trigram tokenizer (SQLite 3.34 or later)."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='trigram')")
    db.execute("INSERT INTO probe VALUES ('七天无理由退货')")
    assert db.execute("SELECT COUNT(*) FROM probe WHERE probe MATCH '无理由'").fetchone()[0] == 1
    db.close()


async def test_chinese_search_matches_long_and_short_terms_with_marked_snippets(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.knowledge.save_many(ARTICLES)
        mei = await staff(server, "mei")
        expected = {
            "运费险": ["七天无理由退货政策"],
            "七天无理由": ["七天无理由退货政策"],
            "换货": ["换货流程"],
            "退货 运费": ["七天无理由退货政策"],
            "尺码 换货": ["换货流程"],
            "M码": ["尺码怎么选"],
            "保修,耳机": ["数码产品保修"],
            "退货 保修": [],
            "羽绒服": [],
            "？！": [],
        }
        for query, titles in expected.items():
            assert [h.title for h in (await search(mei, query)).hits] == titles, query
        hits = (await search(mei, "退货")).hits
        assert hits[0].title == "七天无理由退货政策"
        assert "【退货】" in hits[0].snippet
        assert len(hits[0].snippet.replace("【", "").replace("】", "")) <= 62
        long_hit = (await search(mei, "运费险")).hits[0]
        assert "【运费险】" in long_hit.snippet
        assert long_hit.snippet.startswith("…"), "cut to the hit, not from the start"
        assert (await search(mei, "尺码")).hits[0].title == "尺码怎么选", "the title counts most"
        await mei.close()


async def test_english_search_ignores_case(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.knowledge.save_many(ARTICLES)
        mei = await staff(server, "mei")
        for query in ("return shipping", "RETURN Shipping"):
            hits = (await search(mei, query)).hits
            assert [h.title for h in hits] == ["Return policy"]
            assert "【Return】 【shipping】" in hits[0].snippet
            assert hits[0].lang == "en"
        assert (await search(mei, "warranty")).hits[0].tags == ["warranty", "headphones"]
        await mei.close()


async def test_suggest_puts_the_article_a_customer_needs_first(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.knowledge.save_many(ARTICLES)
        mei = await staff(server, "mei")
        expected = {
            "你好，我昨天付款的，什么时候能发货呀？": "发货时间说明",
            "亲，我看中的那件外套M码显示无货，什么时候补货啊": "缺货与补货",
            "耳机一边没声音了，还在保修期吗": "数码产品保修",
            "我身高165体重55穿什么码": "尺码怎么选",
            "Hi, my headphones won't charge anymore, what can I do?": "Headphone warranty and charging problems",
        }
        for message, title in expected.items():
            hits = (await search(mei, message, "suggest")).hits
            assert [h.title for h in hits[:1]] == [title], (message, [h.title for h in hits])
            assert "】" in hits[0].snippet.partition("【")[2]
        assert (await search(mei, "好的谢谢", "suggest")).hits == []
        await mei.close()


async def test_a_leads_article_changes_reach_agents_and_the_index(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        lead = await staff(server, "liu", Role.LEAD)
        mei = await staff(server, "mei")
        saved = await save_article(lead, ARTICLES[0])
        assert (saved.title, saved.tags, saved.lang) == ("七天无理由退货政策", ["退货", "运费险"], "zh")
        changed = await mei.next_event(KnowledgeChanged, timeout())
        assert (changed.article_id, changed.action) == (saved.article_id, "saved")
        got = await mei.request(GetArticle(id=mei.next_id(), article_id=saved.article_id), ArticleReply)
        assert got.article == saved
        edited = ArticleDraft(title="羽绒服洗涤说明", body="羽绒服请手洗,勿拧干。", category="商品", tags=["洗涤"])
        await save_article(lead, edited, saved.article_id)
        await mei.next_event(KnowledgeChanged, timeout())
        for gone in ("退货", "运费险"):
            assert (await search(mei, gone)).hits == [], "the old text left both indexes"
        assert [h.article_id for h in (await search(mei, "羽绒服 洗涤")).hits] == [saved.article_id]
        await lead.request(DeleteArticle(id=lead.next_id(), article_id=saved.article_id), Ok)
        deleted = await mei.next_event(KnowledgeChanged, timeout())
        assert (deleted.article_id, deleted.action) == (saved.article_id, "deleted")
        assert (await search(mei, "羽绒服")).hits == []
        await refused(mei, GetArticle(id=mei.next_id(), article_id=saved.article_id), ErrorCode.NOT_FOUND)
        await refused(lead, DeleteArticle(id=lead.next_id(), article_id=saved.article_id), ErrorCode.NOT_FOUND)
        for conn in (lead, mei):
            await conn.close()


async def test_agents_read_articles_but_may_not_write_them(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        article_id = server.knowledge.save(ARTICLES[1]).article_id
        mei = await staff(server, "mei")
        await refused(mei, SaveArticle(id=mei.next_id(), article=ARTICLES[0]), ErrorCode.FORBIDDEN)
        await refused(
            mei, SaveArticle(id=mei.next_id(), article=ARTICLES[0], article_id=article_id), ErrorCode.FORBIDDEN
        )
        await refused(mei, DeleteArticle(id=mei.next_id(), article_id=article_id), ErrorCode.FORBIDDEN)
        assert [h.article_id for h in (await search(mei, "发货")).hits] == [article_id]
        assert server.knowledge.get(article_id).title == ARTICLES[1].title
        await mei.close()


async def test_oversized_and_blank_articles_are_refused(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        lead = await staff(server, "liu", Role.LEAD)
        huge = ArticleDraft(title="太长", body="长" * (MAX_ARTICLE_CHARS + 1), category="测试")
        assert "8000" in await refused(lead, SaveArticle(id=lead.next_id(), article=huge), ErrorCode.BAD_FRAME)
        blank = ArticleDraft(title="  ", body="正文", category="测试")
        await refused(lead, SaveArticle(id=lead.next_id(), article=blank), ErrorCode.BAD_FRAME)
        assert server.knowledge.count() == 0
        fits = ArticleDraft(title="刚好", body="长" * MAX_ARTICLE_CHARS, category="测试")
        assert len((await save_article(lead, fits)).body) == MAX_ARTICLE_CHARS
        await lead.close()

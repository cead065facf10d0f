"""The knowledge panel against the real server: search, suggestions, insertion, live edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from agent_desk.client.connection import Connection
from agent_desk.protocol.messages import (
    ArticleDraft,
    ArticleReply,
    KnowledgeChanged,
    KnowledgeResults,
    Role,
    SaveArticle,
    SearchKnowledge,
)
from agent_desk.server.app import Server
from conftest import DeskDriver
from desk_support import RunningDesk, join, type_text
from support import staff, wait_until

pytestmark = pytest.mark.e2e

ARTICLES = [
    ArticleDraft(
        title="T恤尺码表",
        body="S码胸围92cm,M码胸围96cm,L码胸围100cm,XL码胸围104cm。身高170cm、体重60kg左右建议选M码。",
        category="尺码",
        tags=["T恤", "尺码", "胸围"],
    ),
    ArticleDraft(
        title="七天无理由退货",
        body="签收后7天内,商品未穿着、吊牌完好即可申请退货,运费险可抵扣退货运费。",
        category="退换货",
        tags=["退货", "运费险"],
    ),
    ArticleDraft(
        title="发货时间说明",
        body="现货订单48小时内发货,江浙沪次日达,新疆西藏5-7天。",
        category="物流",
        tags=["发货", "物流"],
    ),
    ArticleDraft(
        title="Returns within 7 days",
        body=(
            "You can return unworn items with tags within 7 days of delivery; shipping insurance covers the return fee."
        ),
        category="退换货",
        tags=["return", "refund"],
        lang="en",
    ),
]


async def write_articles(server: Server) -> tuple[Connection, list[int]]:
    lead = await staff(server, "liu", Role.LEAD)
    ids = []
    for draft in ARTICLES:
        reply = await lead.request(SaveArticle(id=lead.next_id(), article=draft), ArticleReply)
        ids.append(reply.article.article_id)
    return lead, ids


def hit_titles(running: RunningDesk) -> list[str]:
    panel = running.desk.knowledge.panel
    return [panel.results.item(i).text().split("\n")[0] for i in range(panel.results.count())]


def test_chinese_and_english_search_with_marked_hits(qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server) -> None:
    async def scenario(running: RunningDesk) -> None:
        lead, _ids = await write_articles(desk_server)
        window = running.desk.window
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F4)
        panel = running.desk.knowledge.panel
        await wait_until(panel.search.hasFocus)
        type_text(qtbot, panel.search, "退货")
        await wait_until(lambda: "七天无理由退货" in hit_titles(running))
        snippet = panel.results.currentItem().text()
        assert "【退货】" in snippet or "【退】" in snippet
        panel.search.clear()
        qtbot.keyClicks(panel.search, "return")
        await wait_until(lambda: hit_titles(running)[:1] == ["Returns within 7 days"])
        await lead.close()

    drive_desk(scenario)


def test_suggestions_follow_the_customer_and_insert_by_keyboard(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        lead, _ids = await write_articles(desk_server)
        shopper, conv = await join(desk_server.url, "问尺码的")
        view = await wait_until(lambda: running.desk.window.views.get(conv))
        running.desk.window.focus_view(view)
        await shopper.send_text(conv, "我170cm 60kg,T恤M码胸围多少?")
        panel = running.desk.knowledge.panel
        await wait_until(lambda: hit_titles(running)[:1] == ["T恤尺码表"])
        assert "Suggested for" in panel.heading.text()
        panel.results.setFocus()
        qtbot.keyClick(panel.results, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        await wait_until(lambda: "胸围" in view.compose.toPlainText())
        assert "【" not in view.compose.toPlainText()
        view.compose.clear()
        panel.results.setFocus()
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
        await wait_until(lambda: view.compose.toPlainText() == ARTICLES[0].body)
        for conn in (lead, shopper):
            await conn.close()

    drive_desk(scenario)


def test_a_lead_edits_an_article_in_the_desk_and_other_desks_see_it(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        knowledge = running.desk.knowledge
        await wait_until(lambda: knowledge.panel.new_button.isVisible() or running.desk.session.user is not None)
        assert running.desk.session.user is not None
        assert running.desk.session.user.role is Role.LEAD
        knowledge.open_editor(None)
        editor = await wait_until(lambda: knowledge.editor)
        type_text(qtbot, editor.title, "羽绒服充绒量")
        type_text(qtbot, editor.body, "本店羽绒服白鸭绒含绒量90%,充绒量200g。")
        editor.tags.setText("羽绒服, 含绒量")
        editor.category.setCurrentText("材质")
        closed: list[int] = []
        editor.finished.connect(closed.append)
        editor._save()
        await wait_until(lambda: closed)
        watcher = await staff(desk_server, "agent-b", Role.AGENT)
        reply = await watcher.request(SearchKnowledge(id="s", query="羽绒服"), KnowledgeResults)
        assert [h.title for h in reply.hits] == ["羽绒服充绒量"]
        article_id = reply.hits[0].article_id
        await knowledge.search("羽绒服", "search")
        knowledge.panel.results.setCurrentRow(0)
        await knowledge._edit(article_id)
        editor = await wait_until(
            lambda: knowledge.editor if knowledge.editor and knowledge.editor.isVisible() else None
        )
        editor.title.setText("羽绒服充绒量与含绒量")
        editor._save()
        changed = await watcher.next_event(KnowledgeChanged)
        assert (changed.article_id, changed.action) == (article_id, "saved")
        await watcher.close()

    drive_desk(scenario, role=Role.LEAD)


def test_agents_do_not_get_the_editing_buttons(qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server) -> None:
    async def scenario(running: RunningDesk) -> None:
        panel = running.desk.knowledge.panel
        running.desk.window.show()
        assert not panel.new_button.isVisible()
        assert not panel.edit_button.isVisible()

    drive_desk(scenario)

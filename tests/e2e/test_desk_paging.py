"""A long chat in the desk: the newest page shows, older pages come in from the top.

Real desk, real server on loopback: the history dialog's chat is fetched 500
events at a time (FetchEvents), and the list pages further back, first from
what the desk holds, then from the server, as the agent scrolls to the top.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from agent_desk.protocol.messages import Role
from agent_desk.server.app import Server
from agent_desk.server.conversations import Author
from agent_desk.ui.message_model import PAGE_ROWS
from conftest import DeskDriver
from desk_support import RunningDesk, join
from support import wait_until

pytestmark = pytest.mark.e2e

MESSAGES = 620
"""More than one FetchEvents page (500), so the last ones come on a second request."""


def test_a_long_closed_chat_opens_on_its_newest_page_and_pages_older_ones_in(
    drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        shopper, conv_id = await join(desk_server.url, "老顾客")
        live = await wait_until(lambda: desk.window.views.get(conv_id))
        conv = desk_server.conversations.get(conv_id)
        assert conv is not None
        customer = Author(Role.CUSTOMER, "老顾客", f"customer:{conv.customer_id}")
        # Straight into the store: live, each customer message would also ask for
        # knowledge suggestions, and 620 at once would trip the server's flood limit.
        for number in range(1, MESSAGES + 1):
            desk_server.conversations.add_message(conv, customer, f"第{number}条", f"old-{number}")
        desk_server.service.close(conv, customer, None)
        await wait_until(lambda: live.record.closed)
        desk._close_chat(conv_id)  # a closed chat's tab is dismissed without a wrap-up
        info = desk_server.service.info(conv)

        await desk.open_read_only(info)

        view = desk.window.views[conv_id]
        model = view.model
        assert model.rowCount() == PAGE_ROWS
        assert model.index(model.rowCount() - 2).data() == f"第{MESSAGES}条"  # then "left the chat"
        assert view.record.more_before  # the first request brought the newest 500 events only
        bar = view.messages.verticalScrollBar()
        while "第1条" not in [model.index(row).data() for row in range(min(3, model.rowCount()))]:
            rows = model.rowCount()
            await wait_until(lambda: bar.maximum() > 0)
            bar.setValue(bar.minimum())
            await wait_until(lambda rows=rows: model.rowCount() > rows)
        assert not model.canFetchMore(QModelIndex())
        assert not view.record.more_before
        texts = [model.index(row).data() for row in range(model.rowCount())]
        messages = [text for text in texts if text.startswith("第")]
        assert messages == [f"第{number}条" for number in range(1, MESSAGES + 1)]
        await shopper.close()

    drive_desk(scenario, units=60)

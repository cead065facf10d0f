"""The customer chat page in headless Chromium against the real server on loopback.

The agent side is the project's own client (``Connection``). Playwright's async API runs on
the test's event loop next to the server; the sync API cannot run inside a running loop.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Page, WebSocket, async_playwright, expect

from agent_desk.client.connection import Connection
from agent_desk.protocol.messages import (
    ChatAssigned,
    ChatState,
    CloseChat,
    Event,
    EventKind,
    Ok,
    Ping,
    Pong,
    Role,
    TypingNotice,
)
from agent_desk.server.app import Server
from support import make_config, serving, staff, timeout, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = timeout() * 1000
"""Playwright's auto-waiting limit, from the same scalable unit as every other test timeout."""


@contextlib.asynccontextmanager
async def customer_page(server: Server, locale: str) -> AsyncIterator[Page]:
    """The page in a fresh browser whose navigator.language is ``locale``.

    Fails the test on an uncaught script error or a Content-Security-Policy violation (the
    server allows no inline script or style). The browser and Playwright's own driver are shut
    down before this returns, so no task of theirs outlives the test.
    """
    problems: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context(locale=locale)
            context.set_default_timeout(WAIT_MS)
            page = await context.new_page()
            page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
            page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
            await page.goto(server.http_url + "/")
            yield page
        finally:
            await browser.close()
    assert not problems


def customer_messages(server: Server, conversation_id: str) -> list[str]:
    return [
        e.text or ""
        for e in server.conversations.events_after(conversation_id, 0)
        if e.kind is EventKind.MESSAGE and e.author_role is Role.CUSTOMER
    ]


def keep_acks(frame: str | bytes, acks: list[dict[str, object]]) -> None:
    """Collect the page's acks as they arrive (on every socket it opens)."""
    message = json.loads(frame)
    if message["type"] == "ack":
        acks.append({k: message.get(k, False) for k in ("client_msg_id", "seq", "duplicate")})


def is_message(text: str) -> object:
    return lambda e: e.kind is EventKind.MESSAGE and e.text == text


async def test_customer_queues_chats_reconnects_and_rates(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.accounts.add_user("agent1", "pw-agent1", Role.AGENT, display_name="李娜", max_chats=1)
        agent = await staff(server, "agent1")
        other = await Connection.open(server.url, client_name="other-customer")
        try:
            # The only agent's one seat is taken, so the page's customer has to wait.
            busy = await other.join_as_customer("老王")
            await agent.next_event(
                ChatAssigned, timeout(), where=lambda f: f.conversation.conversation_id == busy.conversation_id
            )
            async with customer_page(server, "zh-CN") as page:
                conv_id = await wait_in_queue_then_get_an_agent(page, agent, busy.conversation_id)
                await exchange_messages_and_typing(page, agent, conv_id)
                await lose_the_connection_mid_send(page, server, agent, conv_id)
                await reload_and_carry_on(page, agent, conv_id)
                await rate_by_keyboard(page, server, agent, conv_id)
                await start_again_and_leave(page, server, agent)
        finally:
            await other.close()
            await agent.close()


async def wait_in_queue_then_get_an_agent(page: Page, agent: Connection, busy_id: str) -> str:
    await expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    name = page.get_by_label("您的称呼")
    await name.fill("王小明")
    await name.press("Enter")
    status = page.get_by_role("status").filter(has_text="排队")
    await expect(status).to_have_text("正在排队，您是第 1 位。")

    await agent.request(CloseChat(id=agent.next_id(), conversation_id=busy_id, wrap_up="已解决"), Ok)
    assigned = await agent.next_event(ChatAssigned, timeout(), where=lambda f: f.conversation.customer_name == "王小明")
    await expect(page.locator("#chat-status")).to_have_text("客服 李娜 正在为您服务。")
    await expect(page.get_by_text("正在排队")).to_have_count(0)
    return assigned.conversation.conversation_id


async def exchange_messages_and_typing(page: Page, agent: Connection, conv_id: str) -> None:
    composer = page.get_by_role("textbox", name="消息")
    await composer.press_sequentially("你好")
    started = await agent.next_event(TypingNotice, timeout(), where=lambda n: n.conversation_id == conv_id)
    assert (started.role, started.active) == (Role.CUSTOMER, True)
    stopped = await agent.next_event(TypingNotice, timeout(), where=lambda n: n.conversation_id == conv_id)
    assert not stopped.active, "typing stops by itself after a pause"

    await composer.fill("你好，我的快递三天了还没到")
    await composer.press("Enter")
    await agent.next_event(Event, timeout(), where=is_message("你好，我的快递三天了还没到"))
    own = page.locator("#messages li.msg--own")
    await expect(own.filter(has_text="你好，我的快递三天了还没到")).to_have_attribute("data-state", "sent")
    await expect(composer).to_have_value("")

    typing = page.locator("#typing")
    await agent.typing(conv_id, True)
    await expect(typing).to_have_text("李娜 正在输入…")
    await agent.typing(conv_id, False)
    await expect(typing).to_be_empty()
    await agent.typing(conv_id, True)
    await expect(typing).not_to_be_empty()
    await agent.send_text(conv_id, "您好，我帮您查一下物流")
    reply = page.locator("#messages li.msg--agent")
    await expect(reply).to_have_count(1)
    await expect(reply).to_contain_text("李娜")
    await expect(reply).to_contain_text("您好，我帮您查一下物流")
    await expect(typing).to_be_empty()  # a message from the agent ends their typing


async def lose_the_connection_mid_send(page: Page, server: Server, agent: Connection, conv_id: str) -> None:
    """One message is on the wire when the socket drops, the next is written while offline.

    The server stores the first, but its ack dies with the socket: the page must resend it
    with the same client_msg_id and the server must not store it twice.
    """
    acks: list[dict[str, object]] = []
    urls: list[str] = []

    def watch(socket: WebSocket) -> None:
        urls.append(socket.url)
        socket.on("framereceived", lambda text: keep_acks(text, acks))

    page.on("websocket", watch)
    composer = page.get_by_role("textbox", name="消息")
    await composer.fill("订单号是 123456")
    seen = await page.evaluate(
        """() => {
            const form = document.getElementById("composer");
            form.requestSubmit();
            window.agentDeskChat.dropConnection();
            document.getElementById("composer-input").value = "断线期间写的第二条";
            form.requestSubmit();
            return {
                status: document.getElementById("conn-status").textContent,
                pending: document.querySelectorAll('#messages li[data-state="pending"]').length,
                outbox: JSON.parse(localStorage.getItem("agentdesk.outbox")).length,
            };
        }"""
    )
    assert seen == {"status": "连接已断开，正在重新连接…", "pending": 2, "outbox": 2}

    first = await agent.next_event(Event, timeout(), where=is_message("订单号是 123456"))
    second = await agent.next_event(Event, timeout(), where=is_message("断线期间写的第二条"))
    assert second.seq > first.seq
    await expect(page.locator("#conn-status")).to_be_empty()
    # "sent" means acknowledged, and an ack empties that message's outbox entry in the same step.
    await expect(page.locator('#messages li[data-state="sent"]')).to_have_count(3)
    await expect(page.locator("#messages li.msg--own")).to_have_count(3)
    assert await page.evaluate("JSON.parse(localStorage.getItem('agentdesk.outbox'))") == []

    assert customer_messages(server, conv_id) == ["你好，我的快递三天了还没到", "订单号是 123456", "断线期间写的第二条"]
    # The first was stored before the drop: the resend after the reconnect got the original's ack back.
    await wait_until(lambda: {"client_msg_id": first.client_msg_id, "seq": first.seq, "duplicate": True} in acks)
    assert urls == [server.url], "one reconnect, and the customer token is sent in hello, never in the URL"
    # Everything the server sent the agent before this pong has arrived: no second copy among it.
    await agent.request(Ping(id=agent.next_id()), Pong)
    leftovers = [agent.events.get_nowait() for _ in range(agent.events.qsize())]
    assert not [f for f in leftovers if isinstance(f, Event) and f.kind is EventKind.MESSAGE]


async def reload_and_carry_on(page: Page, agent: Connection, conv_id: str) -> None:
    """A reload keeps the chat: the token and the last seq are stored, the transcript is fetched."""
    await page.reload()
    await expect(page.locator("#chat-status")).to_have_text("客服 李娜 正在为您服务。")
    await expect(page.locator("#messages li.msg--own")).to_have_count(3)
    await expect(page.locator("#messages li.msg--agent")).to_contain_text(["您好，我帮您查一下物流"])
    await expect(page.locator('#messages li[data-state="sent"]')).to_have_count(3)
    await agent.send_text(conv_id, "已经为您催件了")
    await expect(page.locator("#messages li.msg--agent")).to_have_count(2)
    await expect(page.locator("#messages li").last).to_contain_text("已经为您催件了")


async def rate_by_keyboard(page: Page, server: Server, agent: Connection, conv_id: str) -> None:
    await agent.request(CloseChat(id=agent.next_id(), conversation_id=conv_id, wrap_up="物流查询"), Ok)
    await expect(page.get_by_role("group", name="请为本次服务评分")).to_be_visible()
    await expect(page.get_by_role("heading", name="对话已结束")).to_be_focused()
    await expect(page.get_by_role("textbox", name="消息")).to_be_hidden()

    await page.get_by_role("radio", name="一般", exact=True).focus()
    await page.keyboard.press("Space")
    await page.keyboard.press("ArrowUp")
    await page.keyboard.press("ArrowUp")
    very = page.get_by_role("radio", name="很满意", exact=True)
    await expect(very).to_be_checked()
    await expect(very).to_be_focused()
    await page.keyboard.press("Tab")
    await expect(page.get_by_role("button", name="提交评价")).to_be_focused()
    await page.keyboard.press("Enter")

    await expect(page.get_by_text("感谢您的评价！")).to_be_visible()
    await wait_until(lambda: (conv := server.conversations.get(conv_id)) is not None and conv.rating == 5)


async def start_again_and_leave(page: Page, server: Server, agent: Connection) -> None:
    await page.get_by_role("button", name="开始新的对话").press("Enter")
    assigned = await agent.next_event(ChatAssigned, timeout(), where=lambda f: f.conversation.customer_name == "王小明")
    again = assigned.conversation.conversation_id
    await expect(page.locator("#chat-status")).to_have_text("客服 李娜 正在为您服务。")
    await expect(page.locator("#messages li.msg")).to_have_count(0)
    await expect(page.get_by_role("textbox", name="消息")).to_be_focused()

    await page.get_by_role("button", name="结束对话").press("Enter")
    await expect(page.get_by_role("group", name="请为本次服务评分")).to_be_visible()
    await expect(page.get_by_text("您已结束对话。")).to_be_visible()
    conv = server.conversations.get(again)
    assert conv is not None
    assert conv.state is ChatState.CLOSED
    assert server.conversations.events_after(again, 0)[-1].detail == {"by": "customer"}


async def test_english_from_the_browser_language_and_the_toggle(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server, customer_page(server, "en-US") as page:
        html = page.locator("html")
        await expect(html).to_have_attribute("lang", "en")
        await expect(page).to_have_title("Customer service")
        await expect(page.get_by_role("heading", name="Start a chat")).to_be_visible()

        await page.get_by_role("button", name="中文").press("Enter")
        await expect(html).to_have_attribute("lang", "zh-CN")
        await expect(page.get_by_label("您的称呼")).to_be_visible()
        await page.get_by_role("button", name="English").press("Enter")
        await expect(html).to_have_attribute("lang", "en")

        name = page.get_by_label("Your name")
        await name.fill("   ")
        await name.press("Enter")
        await expect(page.get_by_role("alert")).to_contain_text("Please enter your name.")
        await expect(name).to_have_attribute("aria-invalid", "true")

        # A token the server does not know: its error frame is shown politely, and the page
        # offers to start again.
        await page.evaluate(
            "token => localStorage.setItem('agentdesk.customer', JSON.stringify({token}))", "no-such-token"
        )
        await page.reload()
        await expect(page.get_by_role("alert")).to_contain_text("Your session has expired. Please start a new chat.")
        assert await page.evaluate("localStorage.getItem('agentdesk.customer')") is None

        await name.fill("Alice")
        await page.get_by_role("button", name="Start chat").press("Enter")
        status = page.locator("#chat-status")
        await expect(status).to_have_text("You are number 1 in the queue.")
        await expect(page.get_by_role("button", name="Leave chat")).to_be_visible()
        await expect(page.get_by_label("Message")).to_be_focused()
        customer = json.loads(await page.evaluate("localStorage.getItem('agentdesk.customer')"))
        joined = server.conversations.customer(customer["id"])
        assert joined is not None
        assert joined.lang == "en"

        # Text already on screen follows the toggle too, arguments included.
        await page.get_by_role("button", name="中文").press("Enter")
        await expect(status).to_have_text("正在排队，您是第 1 位。")
        await expect(page.get_by_role("button", name="结束对话")).to_be_visible()

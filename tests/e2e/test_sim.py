"""The simulator against the real server, and the demo as a whole in a subprocess."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from agent_desk.protocol.messages import Role
from agent_desk.sim.runner import SimConfig, run_simulation
from agent_desk.sim.script import GREETINGS
from support import make_config, serving, timeout

pytestmark = pytest.mark.e2e

AGENT, PASSWORD = "sim-agent", "pw-sim-agent"
CUSTOMERS = 5


async def test_simulated_shoppers_are_answered_and_rate(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.accounts.add_user(AGENT, PASSWORD, Role.AGENT, max_chats=CUSTOMERS)
        config = SimConfig(
            url=server.url,
            customers=CUSTOMERS,
            rate=50.0,
            duration=timeout(20),
            seed=7,
            lang="mix",
            pace=0.02,
            agents=[(AGENT, PASSWORD)],
        )
        summary = await asyncio.wait_for(run_simulation(config), timeout(30))
        db = server.db
        report = summary.format()

        assert summary.errors == 0, report
        assert summary.customers_started == summary.chats_opened == CUSTOMERS, report
        assert summary.finished == CUSTOMERS, report
        assert summary.unfinished == summary.abandoned == 0, report
        assert summary.chats_answered == CUSTOMERS, report
        assert summary.agent_replies == summary.messages_sent, "every customer message got an answer"
        assert summary.agent_greetings == summary.agent_closed == CUSTOMERS, report

        conversations = db.execute("SELECT id, state, agent, wrap_up, rating FROM conversations").fetchall()
        assert len(conversations) == CUSTOMERS
        assert {(c["state"], c["agent"], c["wrap_up"]) for c in conversations} == {("closed", AGENT, "resolved")}
        for conv in conversations:
            assert_answered(db, conv["id"])
        stored = db.execute("SELECT COUNT(*) FROM events WHERE kind = 'message' AND author_role = 'customer'")
        assert stored.fetchone()[0] == summary.messages_sent
        ratings = [c["rating"] for c in conversations if c["rating"] is not None]
        assert ratings, "some shoppers rate their chat"
        assert all(1 <= r <= 5 for r in ratings)
        assert sorted(ratings) == sorted(summary.ratings)


def assert_answered(db: sqlite3.Connection, conversation_id: str) -> None:
    """The chat was greeted, its first customer message stored, and an agent answered it."""
    rows = db.execute(
        "SELECT seq, author_role, text FROM events WHERE conversation_id = ? AND kind = 'message' ORDER BY seq",
        (conversation_id,),
    ).fetchall()
    customer_seqs = [r["seq"] for r in rows if r["author_role"] == "customer"]
    assert customer_seqs, f"{conversation_id}: no customer message stored"
    agent_rows = [r for r in rows if r["author_role"] == "agent"]
    assert any(r["text"] in GREETINGS.values() for r in agent_rows)
    answers = [r for r in agent_rows if r["seq"] > customer_seqs[0] and r["text"] not in GREETINGS.values()]
    assert answers, f"{conversation_id}: the first question got no answer"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_demo_starts_prints_the_customer_page_and_stops(tmp_path: Path) -> None:
    port = free_port()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent_desk.demo",
            "--port",
            str(port),
            "--data",
            str(tmp_path / "demo"),
            "--customers",
            "2",
            "--rate",
            "5",
            "--exit-after",
            "3",
            "--no-desk",
        ],
        capture_output=True,
        text=True,
        timeout=timeout(60),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"http://127.0.0.1:{port}/" in result.stdout
    assert "agent2" in result.stdout
    assert "agent3" in result.stdout
    assert "simulator summary" in result.stdout, "the simulators were stopped cleanly and reported"
    assert (tmp_path / "demo" / "agentdesk.sqlite3").exists()

"""The chaos harness's checks find what they look for (so a green run means something)."""

from __future__ import annotations

from pathlib import Path

from agent_desk.domain.clock import SystemClock
from agent_desk.protocol.messages import Role
from agent_desk.server import db as database
from agent_desk.server.conversations import Author, Conversations
from bench.chaos.floor import Floor, read_database
from bench.chaos.ledger import Ledger


def chat_with_messages(path: Path, texts: list[str]) -> tuple[str, list[str]]:
    db = database.open_database(path)
    store = Conversations(db, SystemClock())
    customer, _ = store.add_customer("王小明", "zh")
    conv, _ = store.open_conversation(customer)
    author = Author(Role.CUSTOMER, customer.display_name, customer.id)
    ids = [f"msg-{i}" for i in range(len(texts))]
    for client_msg_id, text in zip(ids, texts, strict=True):
        store.add_message(conv, author, text, client_msg_id)
    db.close()
    return conv.id, ids


def test_read_database_counts_missing_seqs(tmp_path: Path) -> None:
    path = tmp_path / "agentdesk.sqlite3"
    conv_id, ids = chat_with_messages(path, ["a", "b", "c"])
    assert read_database(path) == ({i: (1, n + 2) for n, i in enumerate(ids)}, 0)
    db = database.open_database(path)
    db.execute("DELETE FROM events WHERE conversation_id = ? AND seq = 3", (conv_id,))
    db.close()
    stored, gaps = read_database(path)
    assert gaps == 1
    assert ids[1] not in stored


def test_check_reports_an_acked_message_missing_from_the_database_as_lost(tmp_path: Path) -> None:
    path = tmp_path / "agentdesk.sqlite3"
    conv_id, ids = chat_with_messages(path, ["a"])
    ledger = Ledger()
    for client_msg_id in [*ids, "never-stored"]:
        ledger.written(client_msg_id, conv_id, "cus")
        ledger.acked(client_msg_id, 2)
        ledger.seen(client_msg_id, 2, "agent")
    ledger.written("never-acked", conv_id, "cus")
    floor = Floor(tmp_path, 0, 0, ledger=ledger)
    floor.server = type("Stub", (), {"db_path": path})()  # type: ignore[assignment]
    ledger.seen(ids[0], 5, "agent")  # the peer was shown it twice, under two seqs

    figures = floor.check()

    assert (figures["lost"], figures["unacked"], figures["duplicated"]) == (1, 1, 1)

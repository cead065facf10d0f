"""The SQLite file: schema upgrades in place, transactions, gapless sequences."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.messages import ArticleDraft, EventKind, Role
from agent_desk.server import db as database
from agent_desk.server.accounts import AccountError, Accounts
from agent_desk.server.conversations import Author, Conversations
from agent_desk.server.knowledge import Knowledge


def test_a_version_1_file_is_upgraded_in_place_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    old.executescript(f"BEGIN;{database.MIGRATIONS[0]};PRAGMA user_version = 1;COMMIT;")
    old.execute("INSERT INTO customers VALUES ('cus_1', 'h', '老顾客', 'zh', 1.0, NULL)")
    old.execute(
        "INSERT INTO conversations(id, customer_id, state, agent, created_at, queued_at)"
        " VALUES ('conv_1', 'cus_1', 'assigned', 'mei', 1.0, 1.0)"
    )
    old.close()

    db = database.open_database(path)
    assert database.schema_version(db) == database.SCHEMA_VERSION == 8
    assert db.execute("SELECT display_name FROM customers").fetchone()[0] == "老顾客"
    participants = db.execute("SELECT conversation_id, username FROM participants").fetchall()
    assert [tuple(r) for r in participants] == [("conv_1", "mei")]
    db.close()


def test_a_file_from_a_newer_server_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    sqlite3.connect(path).execute("PRAGMA user_version = 99").connection.close()
    with pytest.raises(database.SchemaTooNew):
        database.open_database(path)


def test_a_failed_transaction_leaves_no_trace(tmp_path: Path) -> None:
    db = database.open_database(tmp_path / "t.sqlite3")

    def insert_twice() -> None:
        with database.transaction(db):
            db.execute(
                "INSERT INTO customers(id, token_hash, display_name, lang, created_at) VALUES ('c', 'h', 'n', 'zh', 1)"
            )
            db.execute(
                "INSERT INTO customers(id, token_hash, display_name, lang, created_at) VALUES ('c', 'h2', 'n', 'zh', 1)"
            )

    with pytest.raises(sqlite3.IntegrityError):
        insert_twice()
    assert db.execute("SELECT COUNT(*) FROM customers").fetchone()[0] == 0


def test_event_sequences_are_gapless_per_conversation(tmp_path: Path) -> None:
    db = database.open_database(tmp_path / "s.sqlite3")
    store = Conversations(db, ManualClock())
    customer, _token = store.add_customer("顾客", "zh")
    first, _ = store.open_conversation(customer)
    second, _ = store.open_conversation(customer)
    author = Author(Role.CUSTOMER, "顾客", customer.id)
    for i in range(5):
        store.add_message(first if i % 2 else second, author, f"m{i}", f"id{i}")
    for conv in (first, second):
        seqs = [e.seq for e in store.events_after(conv.id, 0)]
        assert seqs == list(range(1, len(seqs) + 1))
    assert store.events_after(first.id, 0)[0].kind is EventKind.QUEUED
    assert store.find_message(author, "id3") is not None
    assert store.find_message(Author(Role.CUSTOMER, "x", "other"), "id3") is None


def test_accounts_reject_bad_input_and_hash_passwords(tmp_path: Path) -> None:
    db = database.open_database(tmp_path / "a.sqlite3")
    accounts = Accounts(db, ManualClock(), token_ttl_seconds=60)
    user = accounts.add_user("mei", "pw", Role.AGENT)
    with pytest.raises(AccountError):
        accounts.add_user("mei", "pw", Role.AGENT)
    with pytest.raises(AccountError):
        accounts.add_user("c", "pw", Role.CUSTOMER)
    with pytest.raises(AccountError):
        accounts.add_user("", "pw", Role.AGENT)
    stored = db.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in stored
    assert accounts.verify_password("mei", "pw") == user
    assert accounts.verify_password("mei", "nope") is None


def test_editing_an_article_forgets_only_the_counts_of_its_own_pieces(tmp_path: Path) -> None:
    db = database.open_database(tmp_path / "k.sqlite3")
    knowledge = Knowledge(db, ManualClock())
    first = knowledge.save(ArticleDraft(title="七天无理由退货", body="签收后7天内可申请退货。", category="退换货"))
    knowledge.save(ArticleDraft(title="发货时间", body="现货48小时内发货,江浙沪次日达。", category="物流"))
    assert knowledge.search("江浙沪次日达什么时候到", "suggest", 3)
    counts = knowledge._counts["articles_fts_vocab"]
    assert "江浙沪" in counts
    knowledge.save(
        ArticleDraft(title="七天无理由退货说明", body="签收后7天内可申请退货,运费险抵扣。", category="退换货"),
        first.article_id,
    )
    assert "江浙沪" in counts, "an unrelated article's counts stay remembered"
    assert "运费险" not in counts
    hits = knowledge.search("运费险怎么用", "suggest", 3)
    assert [h.article_id for h in hits][:1] == [first.article_id], "the new words are counted afresh"

"""A fresh server data folder with a floor already staffed: agents, customers, chats.

Set-up goes through the server's own stores (Accounts, Conversations), before
the server starts, so the load phase measures chatting rather than 10,000
argon2 logins and routing passes. Two shortcuts, both only here:

- every bench agent shares one password hash, computed once: hashing 2,000
  passwords with the server's argon2 settings would take minutes, and the
  load connects with session tokens anyway (the login is timed on its own);
- each chat is assigned to its agent directly, four per agent, as routing
  would have done on a staffed floor.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from agent_desk.domain.clock import SystemClock
from agent_desk.protocol.messages import Role
from agent_desk.server.accounts import PASSWORD_HASHER, Accounts
from agent_desk.server.config import database_path
from agent_desk.server.conversations import Author, Conversations
from agent_desk.server.db import open_database, transaction

CHATS_PER_AGENT = 4
LOGIN_USER = "bench-login"
LOGIN_PASSWORD = "bench-login-password"
SEQ_AFTER_ASSIGN = 2
"""A seeded chat holds two events: queued, assigned."""


@dataclass(frozen=True, slots=True)
class CustomerSeat:
    token: str
    conversation_id: str


@dataclass(frozen=True, slots=True)
class AgentSeat:
    username: str
    token: str
    customers: list[CustomerSeat] = field(default_factory=list)


def seed_floor(data_dir: Path, agents: int, customers_per_agent: int = CHATS_PER_AGENT) -> list[AgentSeat]:
    """Create the accounts, sessions, customers and assigned chats; returns who is who."""
    db = open_database(database_path(data_dir))
    try:
        clock = SystemClock()
        accounts = Accounts(db, clock, token_ttl_seconds=24 * 3600.0)
        store = Conversations(db, clock)
        _add_agents(db, agents, clock.now())
        accounts.add_user(LOGIN_USER, LOGIN_PASSWORD, Role.AGENT, max_chats=0)  # the one real argon2 hash
        seats = []
        for index in range(agents):
            user = accounts.get(_agent_name(index))
            assert user is not None
            token, _ = accounts.open_session(user)
            author = Author(Role.AGENT, user.display_name, user.username)
            seat = AgentSeat(user.username, token)
            for number in range(customers_per_agent):
                customer, customer_token = store.add_customer(f"客户{index}-{number}", "zh")
                conv, _ = store.open_conversation(customer)
                store.assign(conv, author)
                seat.customers.append(CustomerSeat(customer_token, conv.id))
            seats.append(seat)
        return seats
    finally:
        db.close()


def _agent_name(index: int) -> str:
    return f"agent{index:05d}"


def _add_agents(db: sqlite3.Connection, count: int, now: float) -> None:
    shared_hash = PASSWORD_HASHER.hash(uuid.uuid4().hex)  # nobody knows this password: tokens only
    with transaction(db):
        db.executemany(
            "INSERT INTO users(username, display_name, role, password_hash, max_chats, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(_agent_name(i), f"坐席{i}", Role.AGENT.value, shared_hash, CHATS_PER_AGENT, now) for i in range(count)],
        )

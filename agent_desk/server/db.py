"""The SQLite file: opening it safely and upgrading its schema in place.

The schema version lives in ``PRAGMA user_version``. Each migration moves the
file one version up inside a transaction, so a crash mid-upgrade leaves the
old version intact.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

_V1_BASE = """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            max_chats INTEGER NOT NULL DEFAULT 4,
            created_at REAL NOT NULL
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            lang TEXT NOT NULL,
            created_at REAL NOT NULL,
            last_agent TEXT
        );
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL,
            agent TEXT,
            created_at REAL NOT NULL,
            queued_at REAL NOT NULL,
            assigned_at REAL,
            closed_at REAL,
            closed_by TEXT,
            wrap_up TEXT,
            rating INTEGER,
            last_seq INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE events (
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            seq INTEGER NOT NULL,
            ts REAL NOT NULL,
            kind TEXT NOT NULL,
            author_role TEXT,
            author_name TEXT,
            author_key TEXT,
            text TEXT,
            client_msg_id TEXT,
            detail TEXT,
            PRIMARY KEY (conversation_id, seq)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX events_client_msg ON events(author_key, client_msg_id)
            WHERE client_msg_id IS NOT NULL;
"""

# Remember every agent who ever held a chat, for read access after a requeue.
_V2_PARTICIPANTS = """
        CREATE TABLE participants (
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            username TEXT NOT NULL,
            PRIMARY KEY (conversation_id, username)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO participants(conversation_id, username)
            SELECT id, agent FROM conversations WHERE agent IS NOT NULL;
        CREATE INDEX conversations_open ON conversations(state, queued_at);
        CREATE INDEX conversations_customer ON conversations(customer_id, created_at);
"""

# A customer_join retried with the same client-chosen key finds the same customer.
_V3_JOIN_KEY = """
        ALTER TABLE customers ADD COLUMN join_key TEXT;
        CREATE UNIQUE INDEX customers_join_key ON customers(join_key) WHERE join_key IS NOT NULL;
"""

# Quick replies (team and personal), each agent's pins and greeting, team
# settings, and the knowledge base with two full-text indexes:
# - articles_fts (trigram) answers terms of 3+ characters and suggestions;
# - article_grams holds every 1- and 2-character piece of each run of letters
#   and digits (written by server/knowledge.py, contentless: it would double
#   the file), because trigram cannot match shorter terms and a LIKE over
#   every article is a table scan (~60 ms at 10,000 articles);
# - the *_vocab tables count the articles that hold a piece, so suggestions
#   can leave the commonest pieces out. The bm25 weights (title 4, body 1,
#   tags 2) are each index's rank setting.
# Foreign keys (on for every connection, see open_database) drop the pins of a
# deleted phrase and clear a greeting that pointed at it.
_V4_CONTENT = """
        CREATE TABLE phrases (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL CHECK (scope IN ('team', 'personal')),
            owner TEXT,
            grp TEXT NOT NULL,
            code TEXT,
            text TEXT NOT NULL,
            text_en TEXT,
            position INTEGER NOT NULL,
            updated_at REAL NOT NULL,
            CHECK ((scope = 'team') = (owner IS NULL))
        );
        CREATE UNIQUE INDEX phrases_code ON phrases(scope, COALESCE(owner, ''), lower(code))
            WHERE code IS NOT NULL;
        CREATE INDEX phrases_group ON phrases(scope, owner, grp, position);
        CREATE TABLE phrase_pins (
            username TEXT NOT NULL,
            phrase_id INTEGER NOT NULL REFERENCES phrases(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (username, phrase_id)
        ) WITHOUT ROWID;
        CREATE INDEX phrase_pins_phrase ON phrase_pins(phrase_id);
        CREATE TABLE agent_prefs (
            username TEXT PRIMARY KEY,
            greeting_id INTEGER REFERENCES phrases(id) ON DELETE SET NULL
        );
        CREATE INDEX agent_prefs_greeting ON agent_prefs(greeting_id);
        CREATE TABLE team_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO team_settings(key, value) VALUES ('shop_name', '');
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            category TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            lang TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, tags, content='articles', content_rowid='id', tokenize='trigram'
        );
        INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
                VALUES ('delete', old.id, old.title, old.body, old.tags);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
                VALUES ('delete', old.id, old.title, old.body, old.tags);
            INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
        END;
        CREATE VIRTUAL TABLE article_grams USING fts5(title, body, tags, content='');
        INSERT INTO article_grams(article_grams, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');
        CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
        CREATE VIRTUAL TABLE article_grams_vocab USING fts5vocab(article_grams, 'row');
"""

# Response discipline: the server's own response clocks per conversation, each
# closed round (for per-agent figures), and escalations to the specialist team.
_V5_DISCIPLINE = """
        ALTER TABLE conversations ADD COLUMN queue TEXT NOT NULL DEFAULT 'agents';
        ALTER TABLE conversations ADD COLUMN open_round_at REAL;
        ALTER TABLE conversations ADD COLUMN first_pending INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE conversations ADD COLUMN first_response REAL;
        ALTER TABLE conversations ADD COLUMN agent_messages INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE conversations ADD COLUMN customer_messages INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE response_rounds (
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            agent TEXT NOT NULL,
            started_at REAL NOT NULL,
            answered_at REAL NOT NULL,
            first INTEGER NOT NULL
        );
        CREATE INDEX response_rounds_agent ON response_rounds(agent, answered_at);
        CREATE INDEX response_rounds_time ON response_rounds(answered_at);
        CREATE TABLE escalations (
            id INTEGER PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            from_agent TEXT NOT NULL,
            reason TEXT NOT NULL,
            note TEXT NOT NULL,
            summary TEXT NOT NULL,
            status TEXT NOT NULL,
            specialist TEXT,
            return_note TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX escalations_conversation ON escalations(conversation_id, id);
        CREATE INDEX escalations_time ON escalations(created_at);
"""

# Chat practice (对聊): a trainer's rooms, their members' chats, scripted
# scenarios and the scores. Practice chats live in conversations and events
# like real ones (sequencing, resume, fetch_events) but carry their room in
# practice_room, and their response rounds carry practice = 1, so every
# production query can leave them out.
_V6_PRACTICE = """
        CREATE TABLE scenarios (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            lang TEXT NOT NULL,
            customer_name TEXT NOT NULL,
            lines TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE practice_rooms (
            id INTEGER PRIMARY KEY,
            trainer TEXT NOT NULL,
            title TEXT NOT NULL,
            scenario_id INTEGER REFERENCES scenarios(id) ON DELETE SET NULL,
            state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
            step INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            closed_at REAL
        );
        CREATE INDEX practice_rooms_trainer ON practice_rooms(trainer, created_at);
        CREATE INDEX practice_rooms_scenario ON practice_rooms(scenario_id);
        CREATE INDEX practice_rooms_open ON practice_rooms(state);
        CREATE TABLE practice_members (
            room_id INTEGER NOT NULL REFERENCES practice_rooms(id),
            trainee TEXT NOT NULL,
            conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id),
            PRIMARY KEY (room_id, trainee)
        );
        CREATE TABLE practice_scores (
            room_id INTEGER NOT NULL REFERENCES practice_rooms(id),
            trainee TEXT NOT NULL,
            deductions TEXT NOT NULL,
            total INTEGER NOT NULL,
            comments TEXT NOT NULL,
            scored_by TEXT NOT NULL,
            scored_at REAL NOT NULL,
            first_response REAL,
            response_average REAL,
            ratio REAL,
            PRIMARY KEY (room_id, trainee)
        ) WITHOUT ROWID;
        CREATE INDEX practice_scores_trainee ON practice_scores(trainee, scored_at);
        ALTER TABLE conversations ADD COLUMN practice_room INTEGER REFERENCES practice_rooms(id);
        CREATE INDEX conversations_practice ON conversations(practice_room) WHERE practice_room IS NOT NULL;
        ALTER TABLE response_rounds ADD COLUMN practice INTEGER NOT NULL DEFAULT 0;
"""

# The team lead's floor: whispers to the agent holding a chat (never events, so
# the customer cannot see them), and QC scores (质检) of closed chats with the
# figures measured when they were scored and the agent's appeal. One score per
# chat: scoring again replaces it. The response_rounds index serves the
# per-chat figures of the QC sheet; the closed_at one, today's QC sample.
_V7_FLOOR = """
        CREATE TABLE whispers (
            id INTEGER PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            lead TEXT NOT NULL,
            text TEXT NOT NULL,
            ts REAL NOT NULL
        );
        CREATE INDEX whispers_conversation ON whispers(conversation_id, ts);
        CREATE TABLE qc_scores (
            id INTEGER PRIMARY KEY,
            conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id),
            agent TEXT NOT NULL,
            lead TEXT NOT NULL,
            deductions TEXT NOT NULL,
            total INTEGER NOT NULL,
            comments TEXT NOT NULL,
            measured TEXT NOT NULL,
            scored_at REAL NOT NULL,
            appeal TEXT NOT NULL DEFAULT 'none' CHECK (appeal IN ('none', 'open', 'upheld', 'revised')),
            appeal_reason TEXT NOT NULL DEFAULT '',
            resolution_note TEXT NOT NULL DEFAULT '',
            updated_at REAL NOT NULL
        );
        CREATE INDEX qc_scores_agent ON qc_scores(agent, scored_at);
        CREATE INDEX qc_scores_time ON qc_scores(scored_at);
        CREATE INDEX response_rounds_conversation ON response_rounds(conversation_id);
        CREATE INDEX conversations_closed ON conversations(closed_at) WHERE closed_at IS NOT NULL;
"""

# English words get a word index: matching them as chains of trigrams made
# suggestions for English messages slow (bench: knowledge_search suggest_en).
_V8_WORDS = """
        CREATE VIRTUAL TABLE article_words USING fts5(
            title, body, tags, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO article_words(article_words, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');
        CREATE TRIGGER article_words_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_words(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
        END;
        CREATE TRIGGER article_words_delete AFTER DELETE ON articles BEGIN
            INSERT INTO article_words(article_words, rowid, title, body, tags)
                VALUES ('delete', old.id, old.title, old.body, old.tags);
        END;
        CREATE TRIGGER article_words_update AFTER UPDATE ON articles BEGIN
            INSERT INTO article_words(article_words, rowid, title, body, tags)
                VALUES ('delete', old.id, old.title, old.body, old.tags);
            INSERT INTO article_words(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
        END;
        INSERT INTO article_words(article_words) VALUES ('rebuild');
        CREATE VIRTUAL TABLE article_words_vocab USING fts5vocab(article_words, 'row');
"""

MIGRATIONS: tuple[str, ...] = (
    _V1_BASE,
    _V2_PARTICIPANTS,
    _V3_JOIN_KEY,
    _V4_CONTENT,
    _V5_DISCIPLINE,
    _V6_PRACTICE,
    _V7_FLOOR,
    _V8_WORDS,
)
"""SQL scripts, one per schema version. Append only: never edit a released one."""
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The file was written by a newer server; refuse rather than corrupt it."""


def open_database(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade the database file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode survives a process kill; only an OS crash or power
    # loss can drop the last commits, which a reference server accepts.
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    upgrade(db)
    return db


def schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def upgrade(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(f"database schema {current} is newer than this server ({SCHEMA_VERSION})")
    for version in range(current, target):
        # executescript commits any open transaction first, so the BEGIN and
        # COMMIT live inside the script to keep each step atomic.
        script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
        try:
            db.executescript(script)
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

    The connection runs in autocommit mode (isolation_level=None), so every
    multi-statement change must be wrapped in this. Inside a transaction that
    is already open (a group commit, server/group_commit.py) it is a savepoint:
    an error undoes this change alone, and the outer transaction commits it.
    """
    if db.in_transaction:
        with _savepoint(db):
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


@contextlib.contextmanager
def _savepoint(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("SAVEPOINT nested")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK TO nested")
        db.execute("RELEASE nested")
        raise
    db.execute("RELEASE nested")

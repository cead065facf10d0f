"""Demo data for `--demo`: accounts for every role, team quick replies, articles and
practice scenarios.

The phrases, articles and scenarios ship as JSON in ``demo_data/`` beside this
module: ``phrases.json`` is a list of ``{"group", "code", "text", "text_en"}``,
``articles.json`` a list of ``{"title", "body", "category", "tags", "lang"}`` and
``scenarios.json`` a list of ``{"title", "lang", "customer_name", "lines": [{"text",
"key_points": [...]}]}``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

import msgspec

from agent_desk.domain.phrases import PhraseFields
from agent_desk.protocol.messages import ArticleDraft, PhraseDraft, Role, ScenarioDraft
from agent_desk.server.accounts import Accounts
from agent_desk.server.knowledge import Knowledge
from agent_desk.server.phrases import Phrases
from agent_desk.server.practice import PracticeStore

log = logging.getLogger(__name__)

DEMO_SHOP_NAME = "衣橱与数码旗舰店 (Wardrobe & Gadgets Flagship)"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    username: str
    password: str
    role: Role
    display_name: str


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("agent", "agent", Role.AGENT, "小美 Mei"),
    DemoAccount("agent2", "agent2", Role.AGENT, "阿杰 Jie"),
    DemoAccount("agent3", "agent3", Role.AGENT, "小林 Lin"),
    DemoAccount("specialist", "specialist", Role.SPECIALIST, "售后专家 王芳 Wang Fang"),
    DemoAccount("trainer", "trainer", Role.TRAINER, "带教 陈老师 Chen"),
    DemoAccount("trainee", "trainee", Role.TRAINEE, "新人 小赵 Zhao"),
    DemoAccount("trainee2", "trainee2", Role.TRAINEE, "新人 小钱 Qian"),
    DemoAccount("lead", "lead", Role.LEAD, "组长 刘姐 Liu"),
    DemoAccount("admin", "admin", Role.ADMIN, "管理员 Admin"),
)


def seed_demo(accounts: Accounts) -> list[DemoAccount]:
    """Create the demo accounts that do not exist yet; returns them all."""
    for account in DEMO_ACCOUNTS:
        if accounts.get(account.username) is None:
            accounts.add_user(account.username, account.password, account.role, account.display_name)
    return list(DEMO_ACCOUNTS)


def demo_files() -> Traversable:
    return resources.files("agent_desk.server").joinpath("demo_data")


def load_phrases(data: bytes) -> list[PhraseFields]:
    """Parse phrases.json; raises msgspec.ValidationError on a malformed file."""
    drafts = msgspec.json.decode(data, type=list[PhraseDraft])
    return [PhraseFields(d.group, d.text, d.code, d.text_en) for d in drafts]


def load_articles(data: bytes) -> list[ArticleDraft]:
    """Parse articles.json; raises msgspec.ValidationError on a malformed file."""
    return msgspec.json.decode(data, type=list[ArticleDraft])


def seed_demo_content(phrases: Phrases, knowledge: Knowledge, files: Traversable | None = None) -> tuple[int, int]:
    """Load the demo phrases and articles into empty tables; returns how many of each.

    Never adds to data that is already there: a restarted demo keeps the
    phrases and articles people edited. A file that does not parse stops the
    start-up loudly rather than leaving a half-empty demo.
    """
    files = files or demo_files()
    if not phrases.shop_name():
        phrases.set_shop_name(DEMO_SHOP_NAME)
    added_phrases = added_articles = 0
    phrase_file, article_file = files.joinpath("phrases.json"), files.joinpath("articles.json")
    if phrases.count("team") == 0 and _present(phrase_file):
        added_phrases = phrases.seed_team(load_phrases(phrase_file.read_bytes()))
    if knowledge.count() == 0 and _present(article_file):
        added_articles = knowledge.save_many(load_articles(article_file.read_bytes()))
    return added_phrases, added_articles


def load_scenarios(data: bytes) -> list[ScenarioDraft]:
    """Parse scenarios.json; raises msgspec.ValidationError on a malformed file."""
    return msgspec.json.decode(data, type=list[ScenarioDraft])


def seed_demo_scenarios(store: PracticeStore, files: Traversable | None = None) -> int:
    """Load the demo practice scenarios into an empty table; returns how many.

    Like the phrases and articles, never adds to scenarios already there, and
    a file that does not parse stops the start-up.
    """
    file = (files or demo_files()).joinpath("scenarios.json")
    if store.count_scenarios() or not _present(file):
        return 0
    drafts = load_scenarios(file.read_bytes())
    for draft in drafts:
        store.save_scenario(draft, "demo")
    return len(drafts)


def _present(file: Traversable) -> bool:
    if file.is_file():
        return True
    log.warning("no demo data file %s", file.name)
    return False

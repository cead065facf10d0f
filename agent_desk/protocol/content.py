"""Quick replies and the knowledge base."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from agent_desk.protocol.base import _Request, _Server
from agent_desk.protocol.limits import (
    MAX_ARTICLE_CHARS,
    MAX_PHRASE_BATCH,
    MAX_PHRASE_CHARS,
    MAX_TEXT_CHARS,
)

# ---------------------------------------------------------------- quick replies

PhraseScope = Literal["team", "personal"]
PhraseText = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PHRASE_CHARS)]
PhraseCode = Annotated[str, msgspec.Meta(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_\-]+$")]
GroupName = Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
PhraseId = Annotated[int, msgspec.Meta(ge=1, le=2**53)]


class PhraseDraft(msgspec.Struct, kw_only=True):
    """A phrase as written by its author; the server checks it with domain.phrases."""

    group: GroupName
    text: PhraseText
    code: PhraseCode | None = None
    text_en: PhraseText | None = None
    """The English version, sent to customers who chat in English."""


class ListPhrases(_Request, tag="list_phrases"):
    """Team and personal phrases, the caller's pins and greeting. Reply: ``phrase_list``."""


class SavePhrase(_Request, tag="save_phrase"):
    """Create (no ``phrase_id``) or edit a phrase. Team phrases: leads and admins only."""

    scope: PhraseScope
    phrase: PhraseDraft
    phrase_id: PhraseId | None = None


class DeletePhrase(_Request, tag="delete_phrase"):
    phrase_id: PhraseId


class ReorderPhrases(_Request, tag="reorder_phrases"):
    """Put a group's phrases in this order (all of the group's ids, each once)."""

    scope: PhraseScope
    group: GroupName
    phrase_ids: Annotated[list[PhraseId], msgspec.Meta(max_length=MAX_PHRASE_BATCH)]


class ImportPhrases(_Request, tag="import_phrases"):
    """Add many phrases at once: all of them, or none if any is refused."""

    scope: PhraseScope
    phrases: Annotated[list[PhraseDraft], msgspec.Meta(min_length=1, max_length=MAX_PHRASE_BATCH)]


class SetPins(_Request, tag="set_pins"):
    """The caller's pinned phrases (Alt+1..9, in order) and one-key greeting."""

    phrase_ids: Annotated[list[PhraseId], msgspec.Meta(max_length=9)]
    greeting_id: PhraseId | None = None


# ---------------------------------------------------------------- knowledge

ArticleId = Annotated[int, msgspec.Meta(ge=1, le=2**53)]


class SearchKnowledge(_Request, tag="kb_search"):
    """Full-text search (Chinese and English). ``suggest`` ranks articles for a
    customer's message rather than matching the whole phrase."""

    query: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT_CHARS)]
    mode: Literal["search", "suggest"] = "search"
    limit: Annotated[int, msgspec.Meta(ge=1, le=50)] = 8


class GetArticle(_Request, tag="kb_get"):
    article_id: ArticleId


class ArticleDraft(msgspec.Struct, kw_only=True):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    body: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ARTICLE_CHARS)]
    category: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    tags: Annotated[list[Annotated[str, msgspec.Meta(min_length=1, max_length=32)]], msgspec.Meta(max_length=12)] = []
    lang: Literal["zh", "en"] = "zh"


class SaveArticle(_Request, tag="kb_save"):
    """Create (no ``article_id``) or edit an article. Leads and admins only."""

    article: ArticleDraft
    article_id: ArticleId | None = None


class DeleteArticle(_Request, tag="kb_delete"):
    article_id: ArticleId


class PhraseInfo(msgspec.Struct, kw_only=True):
    phrase_id: int
    scope: PhraseScope
    group: str
    text: str
    position: int
    """Order within its group, from 0."""
    updated_at: float
    code: str | None = None
    text_en: str | None = None
    owner: str | None = None
    """The agent a personal phrase belongs to; None for team phrases."""


class PhraseList(_Server, tag="phrase_list"):
    ref: str
    phrases: list[PhraseInfo]
    pins: list[int] = msgspec.field(default_factory=list)
    greeting_id: int | None = None
    shop_name: str = ""


class PhraseSaved(_Server, tag="phrase_saved"):
    ref: str
    phrase: PhraseInfo


class PhrasesImported(_Server, tag="phrases_imported"):
    ref: str
    count: int


class PhrasesChanged(_Server, tag="phrases_changed"):
    """Phrases of this scope changed (by a lead, or by you on another desk): list them again."""

    scope: PhraseScope


class ArticleHit(msgspec.Struct, kw_only=True):
    article_id: int
    title: str
    snippet: str
    """A short extract with each hit wrapped in 【 and 】."""
    category: str
    tags: list[str] = []
    lang: str = "zh"


class KnowledgeResults(_Server, tag="kb_results"):
    ref: str
    query: str
    hits: list[ArticleHit]


class ArticleInfo(msgspec.Struct, kw_only=True):
    article_id: int
    title: str
    body: str
    category: str
    tags: list[str]
    lang: str
    updated_at: float


class ArticleReply(_Server, tag="kb_article"):
    ref: str
    article: ArticleInfo


class KnowledgeChanged(_Server, tag="kb_changed"):
    article_id: int
    action: Literal["saved", "deleted"]

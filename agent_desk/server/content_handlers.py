"""Handlers for quick replies and the knowledge base.

Like server/handlers.py: check who is asking, call the store, return the
reply, and tell the other desks concerned that something changed. The stores
raise ProtocolError with the code to send back; nothing here writes sockets.

Change notices (phrases_changed, kb_changed) go to every desk concerned,
including the one that made the change, which gets them before its reply.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import msgspec

from agent_desk.domain.phrases import PhraseFields
from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    ArticleReply,
    DeleteArticle,
    DeletePhrase,
    GetArticle,
    ImportPhrases,
    KnowledgeChanged,
    KnowledgeResults,
    ListPhrases,
    Ok,
    PhraseDraft,
    PhraseList,
    PhraseSaved,
    PhrasesChanged,
    PhrasesImported,
    ReorderPhrases,
    SaveArticle,
    SavePhrase,
    SearchKnowledge,
    SetPins,
)
from agent_desk.server.authz import staff
from agent_desk.server.floor import Floor
from agent_desk.server.knowledge import Knowledge
from agent_desk.server.peers import Peer
from agent_desk.server.phrases import TEAM_EDITORS, Phrases, PhraseSet, Writer

ContentHandler = Callable[[Peer, Any], Awaitable[msgspec.Struct | None]]


def _fields(draft: PhraseDraft) -> PhraseFields:
    return PhraseFields(group=draft.group, text=draft.text, code=draft.code, text_en=draft.text_en)


def _writer(peer: Peer) -> Writer:
    """The staff member behind a connection; customers and anonymous peers are refused."""
    user = staff(peer)
    return Writer(user.username, user.role)


class ContentHandlers:
    """Quick replies and knowledge; ``table`` is merged into Handlers.table."""

    def __init__(self, floor: Floor, phrases: Phrases, knowledge: Knowledge) -> None:
        self._floor = floor
        self.phrases = phrases
        self.knowledge = knowledge
        self.table: dict[type[msgspec.Struct], ContentHandler] = {
            ListPhrases: self.list_phrases,
            SavePhrase: self.save_phrase,
            DeletePhrase: self.delete_phrase,
            ReorderPhrases: self.reorder_phrases,
            ImportPhrases: self.import_phrases,
            SetPins: self.set_pins,
            SearchKnowledge: self.search_knowledge,
            GetArticle: self.get_article,
            SaveArticle: self.save_article,
            DeleteArticle: self.delete_article,
        }

    # ------------------------------------------------------------ quick replies

    async def list_phrases(self, peer: Peer, msg: ListPhrases) -> PhraseList:
        writer = _writer(peer)
        pins, greeting = self.phrases.pins_for(writer.username)
        return PhraseList(
            ref=msg.id,
            phrases=self.phrases.list_for(writer.username),
            pins=pins,
            greeting_id=greeting,
            shop_name=self.phrases.shop_name(),
        )

    async def save_phrase(self, peer: Peer, msg: SavePhrase) -> PhraseSaved:
        writer = _writer(peer)
        saved = self.phrases.save(writer, msg.scope, _fields(msg.phrase), msg.phrase_id)
        self._phrases_changed(PhraseSet(saved.scope, saved.owner))
        return PhraseSaved(ref=msg.id, phrase=saved)

    async def delete_phrase(self, peer: Peer, msg: DeletePhrase) -> Ok:
        self._phrases_changed(self.phrases.delete(_writer(peer), msg.phrase_id))
        return Ok(ref=msg.id)

    async def reorder_phrases(self, peer: Peer, msg: ReorderPhrases) -> Ok:
        self._phrases_changed(self.phrases.reorder(_writer(peer), msg.scope, msg.group, msg.phrase_ids))
        return Ok(ref=msg.id)

    async def import_phrases(self, peer: Peer, msg: ImportPhrases) -> PhrasesImported:
        drafts = [_fields(d) for d in msg.phrases]
        self._phrases_changed(self.phrases.import_many(_writer(peer), msg.scope, drafts))
        return PhrasesImported(ref=msg.id, count=len(drafts))

    async def set_pins(self, peer: Peer, msg: SetPins) -> Ok:
        writer = _writer(peer)
        self.phrases.set_pins(writer, msg.phrase_ids, msg.greeting_id)
        # Pins travel with the personal set: the agent's other desks reload them.
        self._phrases_changed(PhraseSet("personal", writer.username))
        return Ok(ref=msg.id)

    def _phrases_changed(self, changed: PhraseSet) -> None:
        frame = PhrasesChanged(scope=changed.scope)
        peers = self._staff_peers() if changed.owner is None else self._peers_of(changed.owner)
        for peer in peers:
            peer.push(frame)

    # ------------------------------------------------------------ knowledge

    async def search_knowledge(self, peer: Peer, msg: SearchKnowledge) -> KnowledgeResults:
        _writer(peer)
        hits = self.knowledge.search(msg.query, msg.mode, msg.limit)
        return KnowledgeResults(ref=msg.id, query=msg.query, hits=hits)

    async def get_article(self, peer: Peer, msg: GetArticle) -> ArticleReply:
        _writer(peer)
        return ArticleReply(ref=msg.id, article=self.knowledge.get(msg.article_id))

    async def save_article(self, peer: Peer, msg: SaveArticle) -> ArticleReply:
        self._require_editor(peer)
        article = self.knowledge.save(msg.article, msg.article_id)
        self._knowledge_changed(KnowledgeChanged(article_id=article.article_id, action="saved"))
        return ArticleReply(ref=msg.id, article=article)

    async def delete_article(self, peer: Peer, msg: DeleteArticle) -> Ok:
        self._require_editor(peer)
        self.knowledge.delete(msg.article_id)
        self._knowledge_changed(KnowledgeChanged(article_id=msg.article_id, action="deleted"))
        return Ok(ref=msg.id)

    def _knowledge_changed(self, frame: KnowledgeChanged) -> None:
        for peer in self._staff_peers():
            peer.push(frame)

    # ------------------------------------------------------------ who

    @staticmethod
    def _require_editor(peer: Peer) -> None:
        if _writer(peer).role not in TEAM_EDITORS:
            raise ProtocolError(ErrorCode.FORBIDDEN, "only leads and admins edit the knowledge base")

    def _staff_peers(self) -> Iterator[Peer]:
        """Every logged-in staff connection: each one has a seat on the floor."""
        for seat in self._floor.seats.values():
            yield from seat.peers

    def _peers_of(self, username: str) -> Iterator[Peer]:
        seat = self._floor.seats.get(username)
        yield from seat.peers if seat else ()

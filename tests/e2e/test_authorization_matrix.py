"""Every request type x every role, as docs/security.md's "Authorization matrix" says.

The table is parsed from the document, so the two cannot drift: a client message
type missing from the table fails, and every cell is performed against a real
server on loopback (see matrix_world for the floor it runs on).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from matrix_world import PASSWORD, Answer, Missing, Target, World, build_world, need, open_as

from agent_desk.domain.phrases import PhraseFields
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import Limits
from agent_desk.protocol.messages import (
    CLIENT_TYPES,
    AgentStatus,
    ArticleDraft,
    CancelEscalation,
    CloseChat,
    ClosePractice,
    CustomerJoin,
    DeleteArticle,
    DeletePhrase,
    DeleteScenario,
    Error,
    Escalate,
    FetchEvents,
    FloorStatus,
    GetArticle,
    GetSettings,
    ImportPhrases,
    ListChats,
    ListLiveChats,
    ListPhrases,
    ListPracticeResults,
    ListQcScores,
    ListScenarios,
    ListTrainees,
    Login,
    Logout,
    MyStats,
    OpenChat,
    OpenPractice,
    PhraseDraft,
    Ping,
    PracticeSay,
    PracticeStep,
    QcQueue,
    Rate,
    ReorderPhrases,
    ResolveAppeal,
    Resume,
    Role,
    SaveArticle,
    SavePhrase,
    SaveScenario,
    SaveSettings,
    ScenarioDraft,
    ScenarioLine,
    ScoreChat,
    ScorePractice,
    SearchKnowledge,
    Send,
    SendBack,
    SetCapacity,
    SetPins,
    SetStatus,
    Typing,
    UnwatchChat,
    WatchChat,
    Welcome,
    Whisper,
)
from agent_desk.protocol.messages import Appeal as AppealScore
from agent_desk.server.phrases import Writer
from support import make_config, serving

pytestmark = pytest.mark.e2e

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
COLUMNS = ("agent", "specialist", "trainer", "trainee", "lead", "admin", "customer", "anonymous")
CELLS = frozenset({"allow", "own", "deny", "once"})
LAST = (
    "escalate",
    "cancel_escalation",
    "send_back",
    "close_chat",
    "rate",
    "close_practice",
    "score_practice",
    "logout",
)
"""Rows that end or move the callers' own things run after the rows that use them."""
REFUSALS = frozenset({ErrorCode.FORBIDDEN, ErrorCode.UNAUTHENTICATED})


def team_phrase(world: World) -> int:
    """A fresh team phrase, so each column deletes one that exists."""
    lead = Writer("lee", Role.LEAD)
    return world.server.phrases.save(lead, "team", PhraseFields(group="fresh", text="fresh"), None).phrase_id


def article(world: World) -> int:
    draft = ArticleDraft(title="Returns", body="Seven days, unused.", category="after_sales")
    return world.server.knowledge.save(draft).article_id


def scenario(world: World) -> int:
    trainer = world.server.accounts.get("tom")
    assert trainer is not None
    draft = ScenarioDraft(title="drill", lines=[ScenarioLine(text="hi")])
    return world.server.practice.save_scenario(trainer, draft, None).scenario_id


Build = Callable[[World, Target, str], msgspec.Struct]
"""Makes the request from the world, the target and a fresh request id."""

BUILDERS: dict[str, Build] = {
    "login": lambda w, t, i: Login(id=i, username="ann", password=PASSWORD),
    "logout": lambda w, t, i: Logout(id=i),
    "customer_join": lambda w, t, i: CustomerJoin(id=i, display_name="Nina"),
    "open_chat": lambda w, t, i: OpenChat(id=i),
    "send": lambda w, t, i: Send(id=i, conversation_id=need(t.conv), client_msg_id=f"m-{i}", text="hello"),
    "resume": lambda w, t, i: Resume(id=i, positions={need(t.conv): 0}),
    "typing": lambda w, t, i: Typing(conversation_id=need(t.conv), active=True),
    "set_status": lambda w, t, i: SetStatus(id=i, status=AgentStatus.AVAILABLE),
    "set_capacity": lambda w, t, i: SetCapacity(id=i, username=t.user, max_chats=4),
    "close_chat": lambda w, t, i: CloseChat(id=i, conversation_id=need(t.conv), wrap_up="resolved"),
    "rate": lambda w, t, i: Rate(id=i, conversation_id=need(t.conv), rating=5),
    "ping": lambda w, t, i: Ping(id=i),
    "list_chats": lambda w, t, i: ListChats(id=i, scope="customer", customer_id=need(t.customer_id)),
    "fetch_events": lambda w, t, i: FetchEvents(id=i, conversation_id=need(t.conv)),
    "list_phrases": lambda w, t, i: ListPhrases(id=i),
    "save_phrase": lambda w, t, i: SavePhrase(
        id=i,
        scope=t.scope,
        phrase=PhraseDraft(group=t.group, text=f"new {i}"),  # type: ignore[arg-type]
    ),
    "delete_phrase": lambda w, t, i: DeletePhrase(
        id=i, phrase_id=t.phrase if t.scope == "personal" else team_phrase(w)
    ),
    "reorder_phrases": lambda w, t, i: ReorderPhrases(
        id=i,
        scope=t.scope,
        group=t.group,
        phrase_ids=list(t.reorder),  # type: ignore[arg-type]
    ),
    "import_phrases": lambda w, t, i: ImportPhrases(
        id=i,
        scope=t.scope,
        phrases=[PhraseDraft(group="imported", text=f"imported {i}")],  # type: ignore[arg-type]
    ),
    "set_pins": lambda w, t, i: SetPins(id=i, phrase_ids=[t.pin]),
    "kb_search": lambda w, t, i: SearchKnowledge(id=i, query="returns"),
    "kb_get": lambda w, t, i: GetArticle(id=i, article_id=article(w)),
    "kb_save": lambda w, t, i: SaveArticle(id=i, article=ArticleDraft(title="New", body="Body.", category="faq")),
    "kb_delete": lambda w, t, i: DeleteArticle(id=i, article_id=article(w)),
    "get_settings": lambda w, t, i: GetSettings(id=i),
    "save_settings": lambda w, t, i: SaveSettings(id=i, settings=w.server.settings.get()),
    "my_stats": lambda w, t, i: MyStats(id=i),
    "escalate": lambda w, t, i: Escalate(id=i, conversation_id=need(t.conv), reason="other"),
    "cancel_escalation": lambda w, t, i: CancelEscalation(id=i, conversation_id=need(t.conv)),
    "send_back": lambda w, t, i: SendBack(id=i, conversation_id=need(t.conv), note="over to you"),
    "list_scenarios": lambda w, t, i: ListScenarios(id=i),
    "save_scenario": lambda w, t, i: SaveScenario(
        id=i, scenario=ScenarioDraft(title=f"drill {i}", lines=[ScenarioLine(text="hi")])
    ),
    "delete_scenario": lambda w, t, i: DeleteScenario(id=i, scenario_id=scenario(w)),
    "list_trainees": lambda w, t, i: ListTrainees(id=i),
    "open_practice": lambda w, t, i: OpenPractice(id=i, trainees=["tia"], title=f"room {i}"),
    "practice_say": lambda w, t, i: PracticeSay(id=i, room_id=need(t.room), text="where is my parcel?"),
    "practice_step": lambda w, t, i: PracticeStep(id=i, room_id=need(t.room)),
    "close_practice": lambda w, t, i: ClosePractice(id=i, room_id=need(t.room)),
    "score_practice": lambda w, t, i: ScorePractice(
        id=i, room_id=need(t.room), trainee=need(t.room_trainee), deductions={}
    ),
    "list_practice_results": lambda w, t, i: ListPracticeResults(id=i, trainee=need(t.trainee)),
    "list_live_chats": lambda w, t, i: ListLiveChats(id=i),
    "watch_chat": lambda w, t, i: WatchChat(id=i, conversation_id=need(t.conv)),
    "unwatch_chat": lambda w, t, i: UnwatchChat(id=i, conversation_id=need(t.conv)),
    "whisper": lambda w, t, i: Whisper(id=i, conversation_id=need(t.conv), text="ask for the order number"),
    "qc_queue": lambda w, t, i: QcQueue(id=i),
    "score_chat": lambda w, t, i: ScoreChat(id=i, conversation_id=need(t.conv), deductions={}),
    "list_qc_scores": lambda w, t, i: ListQcScores(id=i, agent=t.user),
    "appeal": lambda w, t, i: AppealScore(id=i, score_id=need(t.score), reason="I did answer"),
    "resolve_appeal": lambda w, t, i: ResolveAppeal(id=i, score_id=need(t.score), accept=True),
    "floor_status": lambda w, t, i: FloorStatus(id=i),
}


def parse_matrix(text: str) -> dict[str, dict[str, str]]:
    """The "## Authorization matrix" section's table: {action: {column: cell}}."""
    section = text.split("## Authorization matrix", 1)[1].split("\n## ", 1)[0]
    header: list[str] | None = None
    rows: dict[str, dict[str, str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or set("".join(cells)) <= set("-: "):
            continue
        if cells[0] == "Action":
            header = cells[1:]
            continue
        if header is None:
            continue
        action = re.fullmatch(r"`([a-z_]+)`", cells[0])
        assert action, f"an action is a `type` in backquotes: {line!r}"
        assert action[1] not in rows, f"{action[1]} is in the table twice"
        rows[action[1]] = dict(zip(header, cells[1:], strict=True))
    assert header is not None, "the table has no header row"
    assert tuple(header) == COLUMNS, header
    return rows


MATRIX = parse_matrix(DOC.read_text(encoding="utf-8"))


def test_every_client_message_type_is_in_the_table_once_with_known_cells() -> None:
    assert set(MATRIX) == set(CLIENT_TYPES), (
        f"missing from docs/security.md: {sorted(CLIENT_TYPES - set(MATRIX))}; "
        f"not a client type: {sorted(set(MATRIX) - CLIENT_TYPES)}"
    )
    assert set(BUILDERS) | {"hello"} == set(CLIENT_TYPES)
    for action, row in MATRIX.items():
        assert set(row.values()) <= CELLS, (action, row)
        assert row["anonymous"] != "own", f"{action}: an anonymous connection owns nothing"


def _run_order(action: str) -> int:
    return LAST.index(action) + 1 if action in LAST else 0


def _code(answer: Answer) -> ErrorCode | None:
    return answer.reply.code if isinstance(answer.reply, Error) else None


def _leaks(world: World, answer: Answer) -> list[str]:
    """Foreign text in any frame that is not an error (errors may name the id they refuse)."""
    shown = [msgspec.json.encode(f).decode() for f in answer.frames if not isinstance(f, Error)]
    return [marker for marker in world.markers if any(marker in text for text in shown)]


async def _ask(world: World, column: str, action: str, target: Target | None) -> Answer | None:
    """Perform the action as the column on the target; None when the target lacks what it names."""
    if target is None:
        return None
    try:
        message = BUILDERS[action](world, target, f"{action}-{column}")
    except Missing:
        return None
    probe = await open_as(world, column)
    try:
        return await probe.ask(message)
    finally:
        await probe.close()


async def _ask_own_else_foreign(world: World, column: str, action: str) -> Answer:
    answer = await _ask(world, column, action, world.own[column])
    if answer is None:
        answer = await _ask(world, column, action, world.foreign)
    assert answer is not None, f"{action}: the foreign target names everything"
    return answer


async def _check_cell(world: World, action: str, column: str, cell: str) -> list[str]:
    """What is wrong with this cell (empty when the server does what the table says)."""
    where = f"{action} as {column} ({cell})"
    if cell in ("once", "deny"):
        expected = {
            "once": ErrorCode.INVALID_STATE,
            "deny": ErrorCode.UNAUTHENTICATED if column == "anonymous" else ErrorCode.FORBIDDEN,
        }[cell]
        answer = await _ask_own_else_foreign(world, column, action)
        return [] if _code(answer) is expected else [f"{where}: expected {expected}, got {answer.reply}"]
    problems = []
    if cell == "allow":
        # Someone else's thing: "allow" means it is found, not only that the role passes.
        answer = await _ask_own_else_foreign(world, column, action) if column == "customer" else None
        answer = answer or await _ask(world, column, action, world.foreign)
        assert answer is not None
        if _code(answer) in REFUSALS | {ErrorCode.NOT_FOUND}:
            problems.append(f"{where}: refused {answer.reply}")
        return problems
    # The caller's own thing may have moved on (escalated, closed) by the time a row runs:
    # here only the role check must pass; the state checks are other tests' business.
    own = await _ask(world, column, action, world.own[column])
    if own is not None and _code(own) in REFUSALS:
        problems.append(f"{where}: refused on the caller's own: {own.reply}")
    foreign = await _ask(world, column, action, world.foreign)
    assert foreign is not None
    refused = _code(foreign) in (ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN)
    if not refused and (leaked := _leaks(world, foreign)):
        problems.append(f"{where}: someone else's {leaked} reached the caller: {foreign.frames}")
    return problems


async def _check_hello(world: World, column: str) -> list[str]:
    probe = await open_as(world, column)
    await probe.close()
    welcome = probe.welcome
    if not isinstance(welcome, Welcome):
        return [f"hello as {column}: got {welcome}"]
    identity = "anonymous" if welcome.user is None and welcome.customer_id is None else "known"
    if (column == "anonymous") != (identity == "anonymous"):
        return [f"hello as {column}: welcomed as {welcome}"]
    return []


async def test_every_cell_of_the_authorization_matrix(tmp_path: Path) -> None:
    # Hundreds of cells from a handful of accounts: the rate limit is not what is tested here.
    unlimited = Limits(rate_per_second=100_000.0, rate_burst=100_000)
    async with serving(make_config(tmp_path, limits=unlimited, grace_seconds=3600.0)) as server:
        world, connections = await build_world(server)
        problems: list[str] = []
        for column in COLUMNS:
            problems += await _check_hello(world, column)
        for action in sorted(set(MATRIX) - {"hello"}, key=_run_order):
            row = MATRIX[action]
            for column in COLUMNS:
                problems += await _check_cell(world, action, column, row[column])
        for conn in connections:
            await conn.close()
    assert not problems, "\n".join(problems)


async def test_hello_says_which_identity_the_connection_has(tmp_path: Path) -> None:
    """The hello row of the matrix, one level down: the welcome names the caller."""
    async with serving(make_config(tmp_path)) as server:
        world, connections = await build_world(server)
        staff = await open_as(world, "lead")
        shopper = await open_as(world, "customer")
        nobody = await open_as(world, "anonymous")
        assert isinstance(staff.welcome, Welcome)
        assert staff.welcome.user is not None
        assert staff.welcome.user.username == "lee"
        customer = world.own["customer"]
        assert customer is not None
        assert isinstance(shopper.welcome, Welcome)
        assert shopper.welcome.customer_id == customer.customer_id
        assert isinstance(nobody.welcome, Welcome)
        assert (nobody.welcome.user, nobody.welcome.customer_id) == (None, None)
        for probe in (staff, shopper, nobody):
            await probe.close()
        for conn in connections:
            await conn.close()

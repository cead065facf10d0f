"""Which agent gets the next chat: agent_desk.domain.routing."""

from __future__ import annotations

from agent_desk.domain.routing import AgentLoad, choose_agent


def load(name: str, active: int, limit: int = 4, accepting: bool = True, last: float = 0.0) -> AgentLoad:
    return AgentLoad(name, active, limit, accepting, last)


def test_nobody_with_room_means_no_agent() -> None:
    assert choose_agent([load("a", 4), load("b", 2, accepting=False)]) is None
    assert choose_agent([]) is None


def test_least_busy_agent_wins() -> None:
    assert choose_agent([load("a", 3), load("b", 1), load("c", 2)]) == "b"


def test_busyness_is_relative_to_each_agents_limit() -> None:
    assert choose_agent([load("small", 1, limit=2), load("big", 2, limit=8)]) == "big"


def test_ties_go_to_who_waited_longest_since_an_assignment() -> None:
    assert choose_agent([load("recent", 1, last=200.0), load("earlier", 1, last=100.0)]) == "earlier"


def test_sticky_agent_wins_when_they_have_room() -> None:
    agents = [load("a", 0), load("sticky", 3)]
    assert choose_agent(agents, sticky_username="sticky") == "sticky"


def test_sticky_agent_without_room_is_passed_over() -> None:
    agents = [load("a", 0), load("sticky", 4)]
    assert choose_agent(agents, sticky_username="sticky") == "a"
    paused = [load("a", 2), load("sticky", 0, accepting=False)]
    assert choose_agent(paused, sticky_username="sticky") == "a"

"""The escalation summary and reasons (agent_desk.domain.escalation)."""

from __future__ import annotations

import pytest

from agent_desk.domain.escalation import DEFAULT_REASONS, EscalationStatus, Said, check_reason, summarize


def test_summary_names_reason_questions_answers_and_note() -> None:
    said = [
        Said(True, "我买的耳机左耳没声音"),
        Said(False, "亲,麻烦您重置一下耳机试试"),
        Said(True, "试过了还是不行"),
        Said(True, "我要换货"),
    ]
    text = summarize("technical", "已让顾客重置,无效", said)
    assert text.splitlines() == [
        "Reason: technical",
        "Customer asked: 我买的耳机左耳没声音 / 试过了还是不行 / 我要换货",
        "Agent did: 亲,麻烦您重置一下耳机试试",
        "Note: 已让顾客重置,无效",
    ]


def test_summary_keeps_the_last_three_and_clips_long_lines() -> None:
    said = [Said(True, f"问题{i}") for i in range(6)] + [Said(False, "很" * 300)]
    lines = summarize("other", "", said).splitlines()
    assert lines[1] == "Customer asked: 问题3 / 问题4 / 问题5"
    assert lines[2].endswith("…")
    assert len(lines) == 3, "no note line without a note"


def test_reasons_and_open_statuses() -> None:
    check_reason("complaint", DEFAULT_REASONS)
    with pytest.raises(ValueError, match="unknown escalation reason"):
        check_reason("bored", DEFAULT_REASONS)
    assert EscalationStatus.WAITING.open
    assert EscalationStatus.TAKEN.open
    assert not EscalationStatus.RETURNED.open

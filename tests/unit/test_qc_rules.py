"""The QC rubric (agent_desk.domain.qc)."""

from __future__ import annotations

import pytest

from agent_desk.domain.qc import DEFAULT_RUBRIC, ScoreError, suggested_speed_deduction, total


def test_total_is_the_base_minus_deductions_and_never_negative() -> None:
    assert total({}) == 100
    assert total({"attitude": 5, "accuracy": 10}) == 85
    assert total({"attitude": 30, "speed": 30, "phrasing": 20, "accuracy": 40}) == 0


@pytest.mark.parametrize("deductions", [{"looks": 5}, {"speed": 31}, {"attitude": -1}])
def test_unknown_items_and_out_of_range_deductions_are_refused(deductions: dict[str, int]) -> None:
    with pytest.raises(ScoreError):
        total(deductions)


def test_default_items_are_the_trade_s_four() -> None:
    assert [item.name_zh for item in DEFAULT_RUBRIC] == ["服务态度", "响应速度", "用语规范", "业务准确性"]


@pytest.mark.parametrize(
    ("first", "average", "expected"),
    [(3.0, 20.0, 0), (10.0, None, 15), (7.5, 45.0, 16), (None, None, 30), (50.0, 300.0, 30)],
)
def test_speed_is_prefilled_from_measured_times(first: float | None, average: float | None, expected: int) -> None:
    assert suggested_speed_deduction(first, average, 5.0, 30.0) == expected

"""Quality scoring (质检): a rubric of items with deductions from a base of 100.

Leads use it for QC and trainers for practice, so a trainee is scored the
way they will be scored at work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

BASE = 100


@dataclass(frozen=True, slots=True)
class RubricItem:
    code: str
    name_zh: str
    name_en: str
    max_deduction: int


DEFAULT_RUBRIC: tuple[RubricItem, ...] = (
    RubricItem("attitude", "服务态度", "Attitude", 30),
    RubricItem("speed", "响应速度", "Speed", 30),
    RubricItem("phrasing", "用语规范", "Standard phrasing", 20),
    RubricItem("accuracy", "业务准确性", "Accuracy", 40),
)


class ScoreError(ValueError):
    """A score sheet that does not fit the rubric."""


def total(deductions: Mapping[str, int], rubric: Sequence[RubricItem] = DEFAULT_RUBRIC) -> int:
    """100 minus the deductions, never below 0. Raises ScoreError for unknown or excessive items."""
    limits = {item.code: item.max_deduction for item in rubric}
    for code, points in deductions.items():
        if code not in limits:
            raise ScoreError(f"unknown rubric item {code!r}: use {', '.join(limits)}")
        if not 0 <= points <= limits[code]:
            raise ScoreError(f"{code}: a deduction is between 0 and {limits[code]}")
    return max(0, BASE - sum(deductions.values()))


def suggested_speed_deduction(
    first_response: float | None, response_average: float | None, first_target: float, next_target: float
) -> int:
    """What the measured times suggest for the speed item (the scorer may change it).

    No first reply at all costs the whole item. Each target missed costs a
    share that grows with how far it was missed, up to the item's maximum.
    """
    if first_response is None:
        return 30
    deduction = _over(first_response, first_target, 15)
    if response_average is not None:
        deduction += _over(response_average, next_target, 15)
    return min(30, deduction)


def _over(measured: float, target: float, weight: int) -> int:
    if measured <= target:
        return 0
    return min(weight, round(weight * (measured - target) / target))

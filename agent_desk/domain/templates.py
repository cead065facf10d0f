"""Quick-reply templates: placeholders, their values, and what is still missing.

A phrase may contain ``{customer_name}``, ``{agent_name}``, ``{shop_name}`` and
``{order_id}``. Nothing else in braces is allowed, and nothing in braces is
ever sent: a placeholder without a value is asked for before sending.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

PLACEHOLDERS = ("customer_name", "agent_name", "shop_name", "order_id")
_FIELD = re.compile(r"\{([^{}]*)\}")


class TemplateError(ValueError):
    """A template that cannot be used: unknown placeholder or stray brace."""


def placeholders_in(text: str) -> list[str]:
    """Placeholder names in order of first appearance. Raises TemplateError."""
    names: list[str] = []
    for match in _FIELD.finditer(text):
        name = match.group(1)
        if name not in PLACEHOLDERS:
            raise TemplateError(f"unknown placeholder {{{name}}}: use one of {', '.join(PLACEHOLDERS)}")
        if name not in names:
            names.append(name)
    if "{" in _FIELD.sub("", text) or "}" in _FIELD.sub("", text):
        raise TemplateError("a brace without its partner: placeholders look like {customer_name}")
    return names


@dataclass(frozen=True, slots=True)
class Expansion:
    text: str
    """The text with every known value filled in; missing ones stay as {name}."""
    missing: tuple[str, ...]
    """Placeholders that still need a value, in order."""

    @property
    def complete(self) -> bool:
        return not self.missing


def expand(text: str, values: Mapping[str, str]) -> Expansion:
    """Fill in the placeholders that have a (non-blank) value."""
    names = placeholders_in(text)
    missing = tuple(n for n in names if not values.get(n, "").strip())

    def fill(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "").strip()
        return value or match.group(0)

    return Expansion(_FIELD.sub(fill, text), missing)


def has_unfilled_placeholder(text: str) -> bool:
    """True if a known placeholder is still in the text (so it must not be sent)."""
    return any(f"{{{name}}}" in text for name in PLACEHOLDERS)

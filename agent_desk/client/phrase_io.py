"""Quick replies to and from CSV and JSON files.

A file is read whole and checked whole before anything is sent: one bad row
means nothing is imported, and the error names the row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from agent_desk.domain.phrases import PhraseError, PhraseFields, check_codes_unique, check_phrase
from agent_desk.protocol.messages import PhraseInfo

COLUMNS = ("group", "code", "text", "text_en")
MAX_IMPORT = 2000


def export_csv(phrases: Iterable[PhraseInfo]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for p in phrases:
        writer.writerow([p.group, p.code or "", p.text, p.text_en or ""])
    return out.getvalue()


def export_json(phrases: Iterable[PhraseInfo]) -> str:
    rows = [{"group": p.group, "code": p.code, "text": p.text, "text_en": p.text_en} for p in phrases]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def parse_csv(text: str) -> list[PhraseFields]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header[: len(COLUMNS)]] != list(COLUMNS)[: len(header)]:
        raise PhraseError(f"line 1: the header must be {','.join(COLUMNS)}")
    rows = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 3 or len(row) > len(COLUMNS):
            raise PhraseError(f"line {line}: expected the columns {','.join(COLUMNS)}")
        cells = [*row, "", ""][: len(COLUMNS)]
        rows.append((line, _fields(cells[0], cells[1], cells[2], cells[3])))
    return _checked(rows)


def parse_json(text: str) -> list[PhraseFields]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PhraseError(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, list):
        raise PhraseError("the file must hold a JSON list of phrases")
    rows = []
    for number, item in enumerate(data, start=1):
        valid = isinstance(item, dict) and isinstance(item.get("text"), str) and isinstance(item.get("group"), str)
        if not valid:
            raise PhraseError(f"phrase {number}: needs at least a 'group' and a 'text' string")
        code, text_en = item.get("code"), item.get("text_en")
        if not isinstance(code, str | None) or not isinstance(text_en, str | None):
            raise PhraseError(f"phrase {number}: 'code' and 'text_en' must be strings or null")
        rows.append((number, _fields(item["group"], code or "", item["text"], text_en or "")))
    return _checked(rows, unit="phrase")


def _fields(group: str, code: str, text: str, text_en: str) -> PhraseFields:
    return PhraseFields(group.strip(), text.strip(), code.strip() or None, text_en.strip() or None)


def _checked(rows: Sequence[tuple[int, PhraseFields]], unit: str = "line") -> list[PhraseFields]:
    if not rows:
        raise PhraseError("the file holds no phrases")
    if len(rows) > MAX_IMPORT:
        raise PhraseError(f"at most {MAX_IMPORT} phrases in one file")
    for number, fields in rows:
        try:
            check_phrase(fields)
        except PhraseError as exc:
            raise PhraseError(f"{unit} {number}: {exc}") from None
    check_codes_unique(fields.code for _, fields in rows)
    return [fields for _, fields in rows]


def check_against_existing(new: Sequence[PhraseFields], existing: Iterable[PhraseInfo]) -> None:
    """An import may not reuse a code the set already has."""
    check_codes_unique([*(p.code for p in existing), *(f.code for f in new)])

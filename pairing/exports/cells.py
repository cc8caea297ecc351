"""Cell values for spreadsheets and CSV: neutralised against formula injection, lists joined."""

from __future__ import annotations

from typing import Iterable

# A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def safe(value: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets a single quote before it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def safe_cell(value):
    """Numbers and empty cells stay as they are; text is neutralised."""
    if value is None or isinstance(value, (int, float)):
        return value
    return safe(str(value))


def joined(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items)

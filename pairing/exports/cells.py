"""Cell values for spreadsheets and CSV: neutralised against formula injection, lists joined."""

from __future__ import annotations

from typing import Iterable

from pairing.formulas import FORMULA_STARTS, guard as safe

__all__ = ["FORMULA_STARTS", "LIST_SEPARATOR", "joined", "safe", "safe_cell"]

LIST_SEPARATOR = "; "


def safe_cell(value):
    """Numbers and empty cells stay as they are; text is neutralised."""
    if value is None or isinstance(value, (int, float)):
        return value
    return safe(str(value))


def joined(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items)

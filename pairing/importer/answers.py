"""Answers as sign-up forms write them: several choices in one cell, "other" texts, skipped questions.

Choices are joined by `┋` (问卷星), `|`, `;`, `；`, `、` or a new line; a comma (`, ` from Google Forms,
`，`) splits only between whole options: never inside brackets ("Editing (Avid, Premiere)"), and where
the column has shown a longer option whole, that option stays whole. `其他〖公路片〗`, `Other: road movie`
give the text inside; 问卷星's `(跳过)` / `(空)` are blank.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable

STRONG = re.compile(r"[┋|｜;；、\n]")
COMMA = re.compile(r"\s*[,，]\s*")
_OTHER = re.compile(r"^(?:其他|其它|other|others)\s*(?:〖(?P<a>.*)〗|[:：]\s*(?P<b>.*)|[(（](?P<c>.*)[)）])?$",
                    re.IGNORECASE | re.DOTALL)
SKIPPED = frozenset({"(跳过)", "(空)", "（跳过）", "（空）", "-3", "n/a"})
_OPEN, _CLOSE = "([{（【〖《", ")]}）】〗》"
_SKIP_STARTS = frozenset("(（-nN")


def other_text(item: str) -> str:
    """`其他〖公路片〗` → `公路片`; `Other: heist` → `heist`; a bare `其他` / `Other` → '' (no answer)."""
    match = _OTHER.match(item)
    if match is None:
        return item
    return next((g for g in match.groups() if g is not None), "").strip()


def _pieces(text: str) -> list[str]:
    """Comma-separated pieces, never splitting inside brackets."""
    pieces, depth, start = [], 0, 0
    for position, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in ",，" and depth == 0:
            pieces.append(text[start:position])
            start = position + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces]


def unskipped(text: str) -> str:
    """A cell trimmed, and blank when the form wrote that the question was skipped (`(跳过)`, `(空)`, `-3`)."""
    text = text.strip()
    if not text or text[0] not in _SKIP_STARTS:  # the common case, without normalising
        return text
    return "" if unicodedata.normalize("NFKC", text).casefold() in SKIPPED else text


def _clean(item: str) -> str:
    item = item.strip()
    if unicodedata.normalize("NFKC", item).casefold() in SKIPPED:
        return ""
    return other_text(item)


def _key(text: str) -> str:
    text = text.strip()
    return (COMMA.sub(", ", text) if _has_comma(text) else text).casefold()


def _has_comma(text: str) -> bool:
    return "," in text or "，" in text


class AnswerSplitter:
    """Splits the cells of one column, knowing the column's whole options: the cells (or `┋`-parts of
    cells) in which a choice stands alone. Commas inside a run of pieces that the column shows whole
    elsewhere, and of which a piece never stands alone, do not split."""

    def __init__(self, cells: Iterable[str] = ()):
        self.whole: dict[str, int] = {}
        self.alone: set[str] = set()
        for cell, times in Counter(cells).items():  # a column repeats its answers: learn each once
            for part in STRONG.split(cell):
                if part.strip():
                    key = _key(part)
                    self.whole[key] = self.whole.get(key, 0) + times
                    if not _has_comma(part) or len(_pieces(part)) == 1:
                        self.alone.add(key)
        self._cache: dict[str, list[str]] = {}

    def split(self, text: str) -> list[str]:
        hit = self._cache.get(text)
        if hit is None:
            hit = self._cache[text] = self._split(text)
        return hit

    def _split(self, text: str) -> list[str]:
        items = []
        for part in STRONG.split(text):
            part = part.strip()
            if part:
                items += self._commas(part)
        return [c for i in items if (c := _clean(i))]

    def _commas(self, part: str) -> list[str]:
        if not _has_comma(part):
            return [part]
        pieces = _pieces(part)
        if len(pieces) == 1:
            return pieces
        out, start = [], 0
        while start < len(pieces):
            end = self._run_end(pieces, start)
            out.append(", ".join(pieces[start:end]))
            start = end
        return out

    def _run_end(self, pieces: list[str], start: int) -> int:
        """The end of the longest run from `start` that the column shows as one option (else one piece)."""
        for end in range(len(pieces), start + 1, -1):
            run = pieces[start:end]
            needed = 2 if (start == 0 and end == len(pieces)) else 1  # the cell itself does not count
            if self.whole.get(_key(", ".join(run)), 0) >= needed and any(_key(p) not in self.alone for p in run):
                return end
        return start + 1


_PLAIN = AnswerSplitter()


def split_answer(text: str) -> list[str]:
    """One cell's items without knowing its column (brackets still protect commas)."""
    return _PLAIN._split(text) if text else []

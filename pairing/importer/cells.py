"""List cells (genres, skills, needs, availability, languages, prefers, avoid) parsed once per distinct text."""

from __future__ import annotations

from typing import Iterable

from pairing.importer.answers import AnswerSplitter, split_answer
from pairing.importer.issues import ValueProblem
from pairing.importer.slots import SlotParser
from pairing.importer.terms import TermNormaliser
from pairing.importer.values import DEFAULT_LEVEL, normalise_language, split_level
from pairing.words import msg

# (kind, canonical key, text as written) of each unknown term in a cell, so it can be located per line.
Unknown = tuple[str, str, str]


class CellParser:
    """Parses list cells; rosters repeat the same cells a lot, so each distinct text is parsed once."""

    def __init__(self, slots: SlotParser, terms: TermNormaliser):
        self.slots, self.terms = slots, terms
        self._cache: dict[tuple[str, str], tuple[object, tuple[Unknown, ...]]] = {}

    def parse(self, field: str, text: str, splitter: AnswerSplitter | None = None):
        """(value, unknown terms) for a cell of `field`; raises ValueProblem (not cached) on a bad cell."""
        key = (field, text, id(splitter))
        hit = self._cache.get(key)
        if hit is None:
            items = splitter.split(text) if splitter is not None else split_answer(text)
            hit = self._cache[key] = self._parse(field, items)
        value, unknown = hit
        return (dict(value) if field == "skills" else value), unknown

    def parse_items(self, field: str, items: tuple[str, ...]):
        """(value, unknown terms) of items already split (option columns, grids)."""
        key = (field, items, None)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._parse(field, list(items))
        value, unknown = hit
        return (dict(value) if field == "skills" else value), unknown

    def _parse(self, field: str, items: list[str]):
        if field == "genres":
            return self._terms("genre", items)
        if field == "needs":
            return self._terms("skill", [split_level(i)[0] for i in items])
        if field == "skills":
            return self._skills(items)
        if field == "availability":
            return self.slots.parse_items(items), ()
        if field == "languages":
            return _unique(normalise_language(i) for i in items), ()
        return tuple(items), ()

    def _terms(self, kind: str, items: list[str]):
        keys, unknown = [], []
        for item in items:
            result = self.terms.lookup(kind, item)
            keys.append(result.term)
            if not result.known:
                unknown.append((kind, result.term, item))
        return _unique(keys), tuple(unknown)

    def _skills(self, items: list[str]):
        skills: dict[str, int] = {}
        unknown, problems = [], []
        for item in items:
            try:
                term, level = split_level(item)
            except ValueProblem as exc:
                problems.append(exc.message)
                continue
            result = self.terms.lookup("skill", term)
            skills[result.term] = max(skills.get(result.term, 0), level or DEFAULT_LEVEL)
            if not result.known:
                unknown.append(("skill", result.term, term))
        if problems:
            raise ValueProblem(problems[0] if len(problems) == 1 else msg("importer.several", problems=problems))
        return skills, tuple(unknown)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))

"""Editing a roster cell in place (issue 11, item 5): the text a cell offers to edit, and the person it makes.

The text is read the way the importer reads a cell (its list splitting, slot grammar, capacity rule and
vocabulary), so a value typed in the table is checked exactly like one in a file; a value it cannot read
raises `CellProblem` with the importer's message, and nothing is written.
"""

from __future__ import annotations

from typing import Iterable

from pairing.domain import Person
from pairing.importer.issues import ValueProblem
from pairing.importer.slots import parse_availability
from pairing.importer.values import parse_capacity, split_level, split_list
from pairing.vocabulary import Vocabulary
from pairing.words import Message, msg

# Column header (the roster model's source text) → the person's field edited in place.
EDITABLE: dict[str, str] = {"Name": "name", "Genres": "genres", "Needs": "needs", "Skills": "skills",
                            "Capacity": "capacity", "Free slots": "availability"}


class CellProblem(ValueError):
    """A typed value that cannot be read; `.message` says what was expected (a core message)."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


def edit_text(person: Person, field: str, vocabulary: Vocabulary, lang: str) -> str:
    """What the cell's editor starts with: the value in the form it is typed."""
    if field == "name":
        return person.name
    if field in ("genres", "needs"):
        kind = "genre" if field == "genres" else "skill"
        return "; ".join(vocabulary.label(kind, key, lang) for key in getattr(person, field))
    if field == "skills":
        return "; ".join(vocabulary.label("skill", key, lang) + (f":{level}" if level != 3 else "")
                         for key, level in person.skills.items())
    if field == "capacity":
        return "" if person.capacity is None else str(person.capacity)
    return "; ".join(person.availability)


def edited(person: Person, field: str, text: str, vocabulary: Vocabulary, calendar: Iterable[str]) -> Person:
    """The person with the typed value, read like an imported cell; CellProblem when it cannot be read."""
    try:
        return person.with_changes(**{field: _value(person, field, text.strip(), vocabulary, calendar)})
    except ValueProblem as problem:
        raise CellProblem(problem.message) from None


def _value(person: Person, field: str, text: str, vocabulary: Vocabulary, calendar: Iterable[str]):
    if field == "name":
        if not text:
            raise CellProblem(msg("desktop.name_needed"))
        return text
    if field in ("genres", "needs"):
        kind = "genre" if field == "genres" else "skill"
        return tuple(dict.fromkeys(_term(vocabulary, kind, item) for item in split_list(text)))
    if field == "skills":
        skills = {}
        for item in split_list(text):
            term, level = split_level(item)
            skills[_term(vocabulary, "skill", term)] = level if level is not None else 3
        return skills
    if field == "capacity":
        return parse_capacity(text) if person.role.is_mentor else person.capacity
    return parse_availability(split_list(text), calendar)


def _term(vocabulary: Vocabulary, kind: str, text: str) -> str:
    """The canonical key of a term in either language or a synonym; an unknown term is kept as typed
    (lower case), as the import keeps it."""
    term = vocabulary.find(kind, text)
    return term.key if term else text.strip().casefold()

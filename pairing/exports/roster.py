"""The roster in the import format (BRIEF.md), so that export → import reproduces the program."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from pairing.domain import Person
from pairing.exports.atomic import Progress
from pairing.exports.cells import joined, safe_cell
from pairing.exports.csv_sheet import write_rows

COLUMNS = ("id", "name", "role", "email", "phone", "organization", "genres", "skills", "needs",
           "availability", "capacity", "languages", "prefers", "avoid", "notes")
CONTACT_COLUMNS = ("email", "phone")


def roster_columns(people: tuple[Person, ...], include_contacts: bool) -> tuple[list[str], list[str]]:
    """The known columns (contacts only when included) and the extra columns, in order of appearance."""
    known = [c for c in COLUMNS if include_contacts or c not in CONTACT_COLUMNS]
    extra = list(dict.fromkeys(key for p in people for key in p.extra))
    return known, extra


def person_fields(person: Person) -> dict[str, str]:
    """One person in the import format: canonical terms, `term:level` skills, lists joined with `; `.
    A mentor's capacity is written out even when it is the role default (the importer fills it in anyway)."""
    return {
        "id": person.id, "name": person.name, "role": str(person.role), "email": person.email,
        "phone": person.phone, "organization": person.organization, "genres": joined(person.genres),
        "skills": joined(f"{skill}:{level}" for skill, level in person.skills.items()),
        "needs": joined(person.needs), "availability": joined(person.availability),
        "capacity": str(person.effective_capacity) if person.role.is_mentor else "",
        "languages": joined(person.languages), "prefers": joined(person.prefers),
        "avoid": joined(person.avoid), "notes": person.notes,
    }


def roster_rows(people: tuple[Person, ...], include_contacts: bool,
                progress: Progress | None = None) -> Iterator[list]:
    known, extra = roster_columns(people, include_contacts)
    yield known + extra
    for person in people:
        fields = person_fields(person)
        yield [safe_cell(fields[c]) for c in known] + [safe_cell(person.extra.get(c, "")) for c in extra]
        if progress:
            progress.step()


def write_roster(people: tuple[Person, ...], path: Path, *, include_contacts: bool = False,
                 encoding: str = "utf-8-sig", progress: Progress | None = None) -> None:
    write_rows(path, roster_rows(people, include_contacts, progress), encoding)

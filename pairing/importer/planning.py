"""What an import would change (added, updated, unchanged) and applying it in the caller's session."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Mapping

from sqlalchemy.orm import Session

from pairing.domain import Person
from pairing.errors import UserError
from pairing.importer.columns import ColumnPlan
from pairing.importer.issues import Issue, Reported
from pairing.importer.parsing import ParsedRoster
from pairing.importer.reading import DELIMITER_NAMES
from pairing.storage import repo
from pairing.words import msg

PERSON_FIELDS = tuple(f.name for f in fields(Person))


@dataclass(frozen=True)
class Change:
    """An existing person and what the import makes of them."""

    before: Person
    after: Person

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name in PERSON_FIELDS if getattr(self.before, name) != getattr(self.after, name))

    def diffs(self) -> tuple[tuple[str, object, object], ...]:
        """(field, before, after) of every field the import changes: what the review shows."""
        return tuple((name, getattr(self.before, name), getattr(self.after, name)) for name in self.fields)


@dataclass(frozen=True)
class ImportPlan(Reported):
    """The diff an import makes, with its problems and what was detected; `apply_import` carries it out."""

    source: str
    added: tuple[Person, ...] = ()
    updated: tuple[Change, ...] = ()
    unchanged: tuple[Person, ...] = ()
    issues: tuple[Issue, ...] = ()
    custom_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    applied: bool = False
    column_plan: ColumnPlan | None = None  # how the columns were understood (shown by the wizard and the CLI)
    conflicts: tuple = ()           # matching.Conflict, whether refused (an error) or resolved by a choice

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def delimiter_name(self) -> str | None:
        return DELIMITER_NAMES.get(self.delimiter, self.delimiter) if self.delimiter else None


class ImportRejected(UserError):
    """An import with errors: nothing was written. `plan.errors` lists every one."""

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        super().__init__(msg("importer.rejected", file=plan.source, count=len(plan.errors)))


def plan_import(session: Session, parsed: ParsedRoster) -> ImportPlan:
    """Compare the parsed people with the program: who is new, who changes, who stays as is."""
    existing = parsed.previous
    if existing is None:
        existing = {p.id: p for p in repo.list_people(session)} if parsed.people else {}
    added, updated, unchanged = [], [], []
    for person in parsed.people:
        before = existing.get(person.id)
        if before is None:
            added.append(person)
        elif before == person:
            unchanged.append(person)
        else:
            updated.append(Change(before, person))
    return ImportPlan(
        source=parsed.source, added=tuple(added), updated=tuple(updated), unchanged=tuple(unchanged),
        issues=parsed.issues, custom_terms=_new_terms(parsed, added, updated), columns=parsed.columns,
        encoding=parsed.encoding, delimiter=parsed.delimiter, sheet=parsed.sheet, column_plan=parsed.column_plan,
        conflicts=parsed.conflicts,
    )


def _new_terms(parsed: ParsedRoster, added, updated) -> dict[str, tuple[str, ...]]:
    return {kind: keys for kind, keys in parsed.custom_terms.items() if keys and (added or updated)}


def write_plan(session: Session, plan: ImportPlan) -> ImportPlan:
    """Write the plan in the caller's transaction; a plan with errors writes nothing and raises."""
    if plan.errors:
        raise ImportRejected(plan)
    repo.add_people(session, plan.added)
    repo.update_people(session, [change.after for change in plan.updated])
    for kind, keys in plan.custom_terms.items():
        repo.add_custom_terms(session, kind, keys)
    return ImportPlan(**{**plan.__dict__, "applied": True})

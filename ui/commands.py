"""The window's roster and lock edits: each is one action of `pairing.actions`, named for the undo stack.

`document.perform` carries the action out (refusing a write over rows another viewer changed) and pushes
its undo value; the stack's commands hold that value, never widgets or sessions (issue 8).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from PySide6.QtCore import QCoreApplication

from pairing import actions
from pairing.actions import Done
from pairing.domain import Lock, Person
from ui.document import ProgramDocument


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def _names(people: Sequence[Person]) -> str:
    shown = ", ".join(p.name or p.id for p in people[:3])
    return shown + ("…" if len(people) > 3 else "")


def add_people(document: ProgramDocument, people: Iterable[Person], *, duplicate: bool = False) -> Done | None:
    """Add new people (a new person, duplicates)."""
    people = tuple(people)
    template = _t("Duplicate %1") if duplicate else _t("Add %1")
    return document.perform(template.replace("%1", _names(people)), actions.people.add_people, people)


def edit_person(document: ProgramDocument, before: Person, after: Person) -> Done | None:
    """Replace a person's fields (a new id renames them everywhere); refused if someone else changed them
    since the curator opened them."""
    text = _t("Edit %1").replace("%1", after.name or after.id)
    return document.perform(text, actions.people.edit_person, after, old_id=before.id, people=(before.id,))


def update_people(document: ProgramDocument, people: Sequence[Person], text: str) -> Done | None:
    """Several people's fields at once (an edit in the table); refused over rows someone else changed."""
    return document.perform(text, actions.people.update_people, tuple(people), people=tuple(p.id for p in people))


def delete_people(document: ProgramDocument, person_ids: Iterable[str]) -> Done | None:
    """Delete people; undo brings them back with every lock they were part of."""
    ids = tuple(dict.fromkeys(person_ids))
    people = [document.read(actions.people.person, i) for i in ids]
    text = _t("Delete %1").replace("%1", _names(people))
    return document.perform(text, actions.people.delete_people, ids, people=ids)


def set_locks(document: ProgramDocument, locks: Iterable[Lock], locked: bool, text: str | None = None) -> Done | None:
    """Lock or unlock director–mentor pairs in one step; undo restores what it found."""
    locks = tuple(locks)
    if text is None:
        first = locks[0]
        template = _t("Lock %1 with %2") if locked else _t("Unlock %1 from %2")
        text = template.replace("%1", first.director).replace("%2", first.mentor)
    return document.perform(text, actions.locks.set_locks, locks, locked)

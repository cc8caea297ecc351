"""The window's roster and lock edits: each is one action of `pairing.actions`, named for the undo stack.

`document.perform` carries the action out (refusing a write over rows another viewer changed) and pushes
its undo value; the stack's commands hold that value, never widgets or sessions (issue 8).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from pairing import actions
from pairing.actions import Done
from pairing.domain import Lock, Person
from ui.document import ProgramDocument, StepText, step_text


def _names(people: Sequence[Person]) -> str:
    shown = ", ".join(p.name or p.id for p in people[:3])
    return shown + ("…" if len(people) > 3 else "")


def add_people(document: ProgramDocument, people: Iterable[Person], *, duplicate: bool = False) -> Done | None:
    """Add new people (a new person, duplicates)."""
    people = tuple(people)
    template = QT_TRANSLATE_NOOP("Commands", "Duplicate %1") if duplicate else QT_TRANSLATE_NOOP("Commands", "Add %1")
    return document.perform(step_text("Commands", template, _names(people)), actions.people.add_people, people)


def edit_person(document: ProgramDocument, before: Person, after: Person) -> Done | None:
    """Replace a person's fields (a new id renames them everywhere); refused if someone else changed them
    since the curator opened them."""
    text = step_text("Commands", QT_TRANSLATE_NOOP("Commands", "Edit %1"), after.name or after.id)
    return document.perform(text, actions.people.edit_person, after, old_id=before.id, people=(before.id,))


def update_people(document: ProgramDocument, people: Sequence[Person], text: StepText) -> Done | None:
    """Several people's fields at once (an edit in the table); refused over rows someone else changed."""
    return document.perform(text, actions.people.update_people, tuple(people), people=tuple(p.id for p in people))


def delete_people(document: ProgramDocument, person_ids: Iterable[str]) -> Done | None:
    """Delete people; undo brings them back with every lock they were part of."""
    ids = tuple(dict.fromkeys(person_ids))
    people = [document.read(actions.people.person, i) for i in ids]
    text = step_text("Commands", QT_TRANSLATE_NOOP("Commands", "Delete %1"), _names(people))
    return document.perform(text, actions.people.delete_people, ids, people=ids)


def set_locks(document: ProgramDocument, locks: Iterable[Lock], locked: bool,
              text: StepText | None = None) -> Done | None:
    """Lock or unlock director–mentor pairs in one step; undo restores what it found."""
    locks = tuple(locks)
    if text is None:
        first = locks[0]
        template = QT_TRANSLATE_NOOP("Commands", "Lock %1 with %2") if locked else \
            QT_TRANSLATE_NOOP("Commands", "Unlock %1 from %2")
        text = step_text("Commands", template, first.director, first.mentor)
    return document.perform(text, actions.locks.set_locks, locks, locked)

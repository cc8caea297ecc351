"""Undoable roster and lock edits: each command holds ids and Person values, never widgets or sessions."""

from __future__ import annotations

from typing import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from pairing.domain import Lock, Person
from pairing.storage import repo
from ui.document import ProgramDocument


def _names(people: Sequence[Person]) -> str:
    shown = ", ".join(p.name or p.id for p in people[:3])
    return shown + ("…" if len(people) > 3 else "")


class AddPersonCommand(QUndoCommand):
    """Add one or more new people (a new person, duplicates, or people from an import)."""

    def __init__(self, document: ProgramDocument, people: Iterable[Person], *, duplicate: bool = False) -> None:
        super().__init__()
        self.document = document
        self.people = tuple(people)
        if duplicate:
            template = QCoreApplication.translate("Commands", "Duplicate %1")
        else:
            template = QCoreApplication.translate("Commands", "Add %1")
        self.setText(template.replace("%1", _names(self.people)))

    def redo(self) -> None:
        with self.document.action() as session:
            repo.add_people(session, self.people)
        self.document.rosterChanged.emit()

    def undo(self) -> None:
        with self.document.action() as session:
            for person in self.people:
                repo.delete_person(session, person.id)
        self.document.rosterChanged.emit()


class EditPersonCommand(QUndoCommand):
    """Replace a person's fields; a changed id renames the person and every reference to them."""

    def __init__(self, document: ProgramDocument, before: Person, after: Person) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Edit %1").replace("%1", after.name or after.id))
        self.document = document
        self.before, self.after = before, after

    def redo(self) -> None:
        self._write(self.before, self.after)

    def undo(self) -> None:
        self._write(self.after, self.before)

    def _write(self, old: Person, new: Person) -> None:
        renamed = old.id != new.id
        with self.document.action() as session:
            repo.save_person(session, new, old_id=old.id)
            if renamed:
                _rename_references(session, old.id, new.id)
        self.document.rosterChanged.emit()
        if renamed:
            self.document.locksChanged.emit()


def _rename_references(session, old_id: str, new_id: str) -> None:
    """Other people's preferences and avoid lists follow a renamed id (ids are unique, so this inverts)."""
    changed = []
    for person in repo.list_people(session):
        if old_id in person.prefers or old_id in person.avoid:
            changed.append(person.with_changes(
                prefers=tuple(new_id if i == old_id else i for i in person.prefers),
                avoid=tuple(new_id if i == old_id else i for i in person.avoid),
            ))
    repo.update_people(session, changed)


class DeletePeopleCommand(QUndoCommand):
    """Delete people; undo brings them back with every lock they were part of."""

    def __init__(self, document: ProgramDocument, person_ids: Iterable[str]) -> None:
        super().__init__()
        self.document = document
        ids = list(dict.fromkeys(person_ids))
        with document.read() as session:
            self.people = tuple(repo.get_person(session, i) for i in ids)
            self.locks = tuple(
                lock for lock in repo.list_locks(session) if lock.director in ids or lock.mentor in ids
            )
        self.setText(QCoreApplication.translate("Commands", "Delete %1").replace("%1", _names(self.people)))

    def redo(self) -> None:
        with self.document.action() as session:
            for person in self.people:
                repo.delete_person(session, person.id)
        self._emit()

    def undo(self) -> None:
        with self.document.action() as session:
            repo.add_people(session, self.people)
            for lock in self.locks:
                repo.add_lock(session, lock)
        self._emit()

    def _emit(self) -> None:
        self.document.rosterChanged.emit()
        if self.locks:
            self.document.locksChanged.emit()


class DeletePersonCommand(DeletePeopleCommand):
    """Delete one person (and, on undo, restore them and their locks)."""

    def __init__(self, document: ProgramDocument, person_id: str) -> None:
        super().__init__(document, [person_id])


class LockCommand(QUndoCommand):
    """Lock (locked=True) or unlock a director–mentor pair; undo restores the state it found."""

    def __init__(self, document: ProgramDocument, lock: Lock, locked: bool) -> None:
        if locked:
            text = QCoreApplication.translate("Commands", "Lock %1 with %2")
        else:
            text = QCoreApplication.translate("Commands", "Unlock %1 from %2")
        super().__init__(text.replace("%1", lock.director).replace("%2", lock.mentor))
        self.document = document
        self.lock, self.locked = lock, locked
        with document.read() as session:
            self.was_locked = lock in repo.list_locks(session)

    def redo(self) -> None:
        self._set(self.locked)

    def undo(self) -> None:
        self._set(self.was_locked)

    def _set(self, locked: bool) -> None:
        with self.document.action() as session:
            if locked:
                repo.add_lock(session, self.lock)
            else:
                repo.remove_lock(session, self.lock)
        self.document.locksChanged.emit()


class ReplaceRosterCommand(QUndoCommand):
    """An applied import: people added and people updated (with their values before), undone as one step."""

    def __init__(self, document: ProgramDocument, added: Sequence[Person], updated: Sequence[tuple[Person, Person]],
                 text: str, *, already_applied: bool = False) -> None:
        super().__init__(text)
        self.document = document
        self.added, self.updated = tuple(added), tuple(updated)
        self._skip_first_redo = already_applied

    def redo(self) -> None:
        if self._skip_first_redo:  # the import wrote it in the background; the stack only records it
            self._skip_first_redo = False
            return
        with self.document.action() as session:
            repo.add_people(session, self.added)
            repo.update_people(session, [after for _before, after in self.updated])
        self.document.rosterChanged.emit()

    def undo(self) -> None:
        with self.document.action() as session:
            for person in self.added:
                repo.delete_person(session, person.id)
            repo.update_people(session, [before for before, _after in self.updated])
        self.document.rosterChanged.emit()

"""Curator actions on the roster: add, edit (and rename), update, delete people; each undoable."""

from __future__ import annotations

from typing import Iterable, Sequence

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done, Undo, undo_step
from pairing.domain import Lock, Person, Role
from pairing.errors import ActionRefused
from pairing.storage import repo
from pairing.words import msg


def person(session: Session, person_id: str) -> Person:
    """One person of the program; refuses with a sentence naming the id when there is none."""
    try:
        return repo.get_person(session, person_id)
    except repo.NotFound:
        raise ActionRefused(msg("actions.no_person", id=person_id)) from None


def new_id(session: Session, role: Role, taken: Iterable[str] = ()) -> str:
    """A new roster id for a role, after the highest in use (never a deleted person's)."""
    return repo.next_free_id(session, role, set(taken))


@undo_step("people.add")
def add_people(session: Session, people: Sequence[Person], locks: Sequence[Lock] = ()) -> Done:
    """Add new people (and, when restoring deleted ones, their locks)."""
    people = tuple(people)
    taken = {p.id for p in repo.list_people(session)}
    clash = sorted(p.id for p in people if p.id in taken)
    if clash:
        raise ActionRefused(msg("actions.id_taken", id=clash[0]))
    repo.add_people(session, people)
    for lock in locks:
        repo.add_lock(session, lock)
    ids = [p.id for p in people]
    return Done(ChangeSet.of(people_added=ids, locks=locks), Undo("people.delete", {"ids": tuple(ids)}), ids)


@undo_step("people.delete")
def delete_people(session: Session, ids: Iterable[str]) -> Done:
    """Delete people; undo brings them back with every lock they were part of."""
    ids = tuple(dict.fromkeys(ids))
    gone = tuple(person(session, i) for i in ids)
    locks = tuple(lock for lock in repo.list_locks(session) if lock.director in ids or lock.mentor in ids)
    for p in gone:
        repo.delete_person(session, p.id)
    return Done(ChangeSet.of(people_removed=ids, locks=locks), Undo("people.add", {"people": gone, "locks": locks}))


@undo_step("people.edit")
def edit_person(session: Session, after: Person, old_id: str | None = None) -> Done:
    """Replace one person's fields; a new id renames them, and other people's prefers/avoid follow."""
    old_id = old_id or after.id
    before = person(session, old_id)
    renamed = old_id != after.id
    if renamed and after.id in {p.id for p in repo.list_people(session)}:
        raise ActionRefused(msg("actions.id_taken", id=after.id))
    repo.save_person(session, after, old_id=old_id)
    others = _rename_references(session, old_id, after.id) if renamed else ()
    changes = ChangeSet.of(people_changed={after.id, *others}, renamed=((old_id, after.id),) if renamed else ())
    return Done(changes, Undo("people.edit", {"after": before, "old_id": after.id}))


def _rename_references(session: Session, old_id: str, new_id: str) -> list[str]:
    """Other people's preferences and avoid lists follow a renamed id (ids are unique, so this inverts)."""
    changed = [
        p.with_changes(prefers=tuple(new_id if i == old_id else i for i in p.prefers),
                       avoid=tuple(new_id if i == old_id else i for i in p.avoid))
        for p in repo.list_people(session) if old_id in p.prefers or old_id in p.avoid
    ]
    repo.update_people(session, changed)
    return [p.id for p in changed]


@undo_step("people.update")
def update_people(session: Session, people: Sequence[Person]) -> Done:
    """Replace the fields of existing people (matched by id) in one step."""
    before = tuple(person(session, p.id) for p in people)
    repo.update_people(session, people)
    return Done(ChangeSet.of(people_changed=[p.id for p in people]), Undo("people.update", {"people": before}))


@undo_step("people.replace")
def replace_people(session: Session, remove: Sequence[str] = (), add: Sequence[Person] = (),
                   update: Sequence[Person] = ()) -> Done:
    """Several roster changes as one step (an import, its undo and redo)."""
    removed = tuple(person(session, i) for i in remove)
    updated_before = tuple(person(session, p.id) for p in update)
    for p in removed:
        repo.delete_person(session, p.id)
    repo.add_people(session, add)
    repo.update_people(session, update)
    changes = ChangeSet.of(people_added=[p.id for p in add], people_removed=remove,
                           people_changed=[p.id for p in update])
    return Done(changes, Undo("people.replace", {"remove": tuple(p.id for p in add), "add": removed,
                                                 "update": updated_before}))

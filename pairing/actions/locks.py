"""Curator actions on locks: lock or unlock a director–mentor pair (every run keeps a lock)."""

from __future__ import annotations

from typing import Iterable

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done, Undo, undo_step
from pairing.actions.people import person
from pairing.domain import Lock, Role
from pairing.errors import ActionRefused
from pairing.storage import repo
from pairing.words import msg


@undo_step("locks.set")
def set_locks(session: Session, locks: Iterable[Lock], locked: bool) -> Done:
    """Lock (locked=True) or unlock pairs; undo puts each pair back as it was found."""
    locks = tuple(dict.fromkeys(locks))
    existing = set(repo.list_locks(session))
    for lock in locks:
        _check(session, lock)
    was = {lock: lock in existing for lock in locks}
    for lock in locks:
        if locked:
            repo.add_lock(session, lock)
        else:
            repo.remove_lock(session, lock)
    undo = Undo("locks.restore", {"states": tuple(was.items())})
    return Done(ChangeSet.of(locks=[lk for lk in locks if was[lk] != locked]), undo)


def lock(session: Session, director: str, mentor: str) -> Done:
    return set_locks(session, [Lock(director, mentor)], True)


def unlock(session: Session, director: str, mentor: str) -> Done:
    return set_locks(session, [Lock(director, mentor)], False)


@undo_step("locks.restore")
def restore_locks(session: Session, states: tuple[tuple[Lock, bool], ...]) -> Done:
    """Each pair locked or not as given (the undo of `set_locks`); its undo puts back what it found."""
    current = set(repo.list_locks(session))
    before = tuple((lk, lk in current) for lk, _ in states)
    changes = ChangeSet()
    for value in (True, False):
        chosen = [lk for lk, on in states if on is value]
        if chosen:
            changes |= set_locks(session, chosen, value).changes
    return Done(changes, Undo("locks.restore", {"states": before}))


def _check(session: Session, lock: Lock) -> None:
    director, mentor = person(session, lock.director), person(session, lock.mentor)
    if director.role is not Role.DIRECTOR or not mentor.role.is_mentor:
        raise ActionRefused(msg("actions.lock_roles", director_id=lock.director, mentor_id=lock.mentor))

"""Several actions as one curator step (a mentor moved by hand and the pair locked): one undo for all."""

from __future__ import annotations

from functools import reduce

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done, Undo, undo, undo_step


def together(*dones: Done) -> Done:
    """Actions carried out one after another in one transaction, as one step: their changes merged, undone
    in reverse order; the value is the last action's."""
    steps = tuple(d.undo for d in reversed(dones) if d.undo is not None)
    return Done(reduce(lambda a, b: a | b, (d.changes for d in dones), ChangeSet()),
                Undo("together", {"steps": steps}) if steps else None, dones[-1].value if dones else None)


@undo_step("together")
def carry_out(session: Session, steps: tuple[Undo, ...]) -> Done:
    """Carry out undo steps in the order given; the returned undo carries out theirs in reverse."""
    return together(*(undo(session, step) for step in steps))

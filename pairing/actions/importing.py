"""Import a roster file: plan (read, map, parse, compare; writes nothing), then apply the plan.

A thin seam over `pairing.importer` (the import issue owns what a plan holds and how it is made);
the action adds what every caller needs: a change set and an undo value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done, Undo
from pairing.importer import ImportPlan, import_roster
from pairing.importer import apply_import as _apply


def plan_import(session: Session, path: str | Path, **options: Any) -> ImportPlan:
    """What importing `path` would change, with every error and warning; nothing is written.

    `options` are the importer's (`role`, `encoding`, `delimiter`, `sheet`, …). The caller's
    session may be rolled back afterwards (a first look at a new program creates its settings row)."""
    return import_roster(session, path, dry_run=True, **options)


def apply_import(session: Session, plan: ImportPlan) -> Done:
    """Carry out a plan without errors in the caller's transaction (`ImportRejected` when it has errors).

    `Done.value` is the applied plan; undo removes the people it added and puts back those it updated."""
    applied = _apply(session, plan)
    added = tuple(p.id for p in plan.added)
    updated = tuple(change.after.id for change in plan.updated)
    changes = ChangeSet.of(people_added=added, people_changed=updated, vocabulary=bool(plan.custom_terms))
    undo = Undo("people.replace", {"remove": added, "add": (),
                                   "update": tuple(change.before for change in plan.updated)})
    return Done(changes, undo, applied)


def import_file(session: Session, path: str | Path, *, dry_run: bool = False, **options: Any) -> tuple[ImportPlan, Done | None]:
    """Plan and, unless `dry_run` or the plan has errors, apply: what `pairing import` does.

    Returns the plan (applied or not) and the action's outcome (None when nothing was written)."""
    plan = plan_import(session, path, **options)
    if dry_run or plan.errors:
        return plan, None
    done = apply_import(session, plan)
    return done.value, done

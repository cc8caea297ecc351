"""Import a roster file: plan (read, map, parse, compare; writes nothing), then apply the plan.

A thin seam over `pairing.importer` (the import issue owns what a plan holds and how it is made);
the action adds what every caller needs: a change set and an undo value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from pairing.actions import properties
from pairing.actions.changes import ChangeSet, Done, Undo
from pairing.importer import ColumnPlan, ImportOptions, ImportPlan, RawTable, import_roster, plan_table, understand
from pairing.importer import apply_import as _apply
from pairing.importer.reading import read_table


def read_file(path: str | Path, *, encoding: str | None = None, delimiter: str | None = None,
              sheet: str | None = None) -> RawTable:
    """The table in a roster file, as read (the wizard's preview); touches no program."""
    return read_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet)


def understand_columns(session: Session, table: RawTable) -> tuple[ColumnPlan, Any]:
    """What each column of the table holds for this program (its remembered choices and role names),
    and the program's role names the plan is shown with."""
    return understand(session, table), properties.role_names(session)


def plan_columns(session: Session, table: RawTable, columns: ColumnPlan, options: ImportOptions) -> ImportPlan:
    """What importing the table through a column plan (as the curator set it) would change; writes nothing."""
    return plan_table(session, table, columns, options)


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

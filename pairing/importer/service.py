"""One call from a roster file to an applied (or dry-run) import plan, inside the caller's session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from pairing.domain import Role
from pairing.importer.headers import map_columns
from pairing.importer.issues import warning
from pairing.importer.parsing import parse_roster
from pairing.importer.planning import ImportPlan, apply_import, plan_import
from pairing.importer.reading import read_table
from pairing.importer.values import role_option
from pairing.storage import repo
from pairing.vocabulary import BUILTIN, Vocabulary


def program_vocabulary(session: Session) -> Vocabulary:
    """The built-in vocabulary plus the custom terms earlier imports kept."""
    vocabulary = BUILTIN
    for kind, keys in repo.custom_terms(session).items():
        vocabulary = vocabulary.with_custom(kind, keys)
    return vocabulary


def import_roster(session: Session, path: str | Path, *, role: str | Role | None = None,
                  encoding: str | None = None, delimiter: str | None = None, sheet: str | None = None,
                  dry_run: bool = False) -> ImportPlan:
    """Read, parse, plan and (unless dry_run or there are errors) apply an import.

    Returns the plan; with errors nothing is written and `plan.errors` lists them all.
    Raises UserError when the file itself cannot be read (missing, empty, binary, wrong encoding).
    """
    role = role_option(role)
    raw = read_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet)
    mapping = map_columns(raw.header, role=str(role) if role else None)
    parsed = parse_roster(raw, mapping, repo.get_settings(session), repo.list_people(session),
                          program_vocabulary(session), role)
    plan = plan_import(session, parsed)
    if sheet and raw.sheet is None:
        note = warning(raw.source, f"--sheet {sheet} applies to .xlsx workbooks only; this text file has no sheets")
        plan = replace(plan, issues=plan.issues + (note,))
    if dry_run or plan.errors:
        return plan
    return apply_import(session, plan)

"""`pairing import ROSTER --db PROGRAM`: import a roster file, or with --dry-run report what would change."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pairing.errors import UserError
from pairing.importer import ImportPlan, import_roster
from pairing.importer.reading import encoding_label
from pairing.storage import open_program

EXIT_OK, EXIT_REJECTED = 0, 1
SHOWN = 12
MAX_ERRORS, MAX_WARNINGS = 200, 40


def run(args) -> int:
    created = _new_program_file(args.db)
    try:
        plan = _import(args)
    except BaseException:
        _remove_if_created(created)
        raise
    if plan.errors or args.dry_run:
        _remove_if_created(created)  # a dry run or a rejected import leaves no new program file behind
    if plan.errors:
        _print_errors(plan)
        return EXIT_REJECTED
    _print_summary(plan, args)
    return EXIT_OK


def _import(args) -> ImportPlan:
    store = open_program(args.db)
    try:
        with store.sessions.begin() as session:
            plan = import_roster(session, args.roster, role=args.role, encoding=args.encoding,
                                 delimiter=args.delimiter, sheet=args.sheet, dry_run=args.dry_run)
            if plan.errors or args.dry_run:
                session.rollback()  # not even the settings row a first look creates is kept
            return plan
    except SQLAlchemyError as exc:  # a locked, read-only or full database: the transaction rolled back
        raise UserError(f"{args.db}: the program could not be written ({getattr(exc, 'orig', None) or exc}); "
                        "nothing was imported.") from None
    finally:
        store.close()


def _new_program_file(db: str) -> Path | None:
    """The program file this import will create, so that a rejected import leaves no empty file behind."""
    if "://" in db:
        return None
    path = Path(db).expanduser()
    return None if path.exists() else path


def _remove_if_created(path: Path | None) -> None:
    if path is None:
        return
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _print_errors(plan: ImportPlan) -> None:
    count = len(plan.errors)
    print(f"pairing import: {plan.source}: {count} error{'s' if count != 1 else ''}, nothing was imported:",
          file=sys.stderr)
    _print_issues(plan.errors, "", MAX_ERRORS, sys.stderr)
    _print_issues(plan.warnings, "warning: ", MAX_WARNINGS, sys.stderr)


def _print_summary(plan: ImportPlan, args) -> None:
    verb = "Would import" if args.dry_run else "Imported"
    print(f"{verb} {plan.source} into {args.db}")
    print(f"  read as: {_format(plan)}")
    print(f"  {len(plan.added)} added, {len(plan.updated)} updated, {len(plan.unchanged)} unchanged, "
          f"{len(plan.warnings)} warning{'s' if len(plan.warnings) != 1 else ''}")
    if args.dry_run:
        _print_changes(plan)
    _print_issues(plan.warnings, "warning: ", MAX_WARNINGS, sys.stdout)
    if args.dry_run:
        print("Dry run: nothing was written.")


def _print_issues(issues, prefix: str, limit: int, stream) -> None:
    """Every issue up to a screenful or two; a file with thousands of bad rows says how many more there are."""
    for issue in issues[:limit]:
        print(f"  {prefix}{issue}", file=stream)
    if len(issues) > limit:
        print(f"  … and {len(issues) - limit} more {prefix.rstrip(': ') or 'error'}s", file=stream)


def _format(plan: ImportPlan) -> str:
    if plan.sheet:
        return f"Excel worksheet {plan.sheet!r}, {len(plan.columns)} known columns"
    return f"{encoding_label(plan.encoding)} text, {plan.delimiter_name}-separated, {len(plan.columns)} known columns"


def _print_changes(plan: ImportPlan) -> None:
    for person in plan.added[:SHOWN]:
        print(f"  + {person.id} {person.name} ({person.role})")
    if len(plan.added) > SHOWN:
        print(f"  + … and {len(plan.added) - SHOWN} more")
    for change in plan.updated[:SHOWN]:
        print(f"  ~ {change.after.id} {change.after.name}: {', '.join(change.fields)}")
    if len(plan.updated) > SHOWN:
        print(f"  ~ … and {len(plan.updated) - SHOWN} more")

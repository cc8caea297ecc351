"""`pairing import ROSTER --db PROGRAM`: import a roster file, or with --dry-run review what would change.

Every sentence is a `pairing.words` message rendered in the `--lang` language (default: the system
locale). The report shows the column plan (each column's field and why), then with --dry-run every
person added and every changed field before → after.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pairing.actions import importing, reading
from pairing.actions.program import shown_location, storage_fault
from pairing.cli import command_renderer, waiting_teller
from pairing.importer import ImportPlan
from pairing.importer.reading import encoding_label
from pairing.importer.review import added_lines, change_lines, column_lines, conflict_lines
from pairing.importer.service import conflict_option, parse_map_option
from pairing.storage import open_program
from pairing.words import Renderer, msg

EXIT_OK, EXIT_REJECTED = 0, 1
SHOWN = None  # the review lists every person added and every change (issue 13)
MAX_ERRORS, MAX_WARNINGS = 200, 40


def add_arguments(parser) -> None:
    """The import command's own options; pairing/cli/__init__.py adds --lang to every command and gives these
    their help in the parser's language (`SHARED_HELP`)."""
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                        help="map a column by hand (repeatable); HEADER=ignore drops a column")
    parser.add_argument("--on-conflict", choices=("add", "update"),
                        help="a row whose id or e-mail names someone else: add a new person, or update them")


def run(args) -> int:
    command_renderer(args)  # errors (ImportFileError carries a message) are printed in it by pairing.cli.main
    mapping = parse_map_option(getattr(args, "map", None))
    on_conflict = conflict_option(getattr(args, "on_conflict", None))
    created = _new_program_file(args.db)
    try:
        plan, say = _import(args, mapping, on_conflict, existing=created is None)
    except BaseException:
        _remove_if_created(created)
        raise
    if plan.errors or args.dry_run:
        _remove_if_created(created)  # a dry run or a rejected import leaves no new program file behind
    if plan.errors:
        _print_errors(plan, say)
        return EXIT_REJECTED
    _print_summary(plan, args, say)
    return EXIT_OK


def _import(args, mapping, on_conflict, existing: bool) -> tuple[ImportPlan, Renderer]:
    store = open_program(args.db, on_wait=waiting_teller(args))
    say = command_renderer(args)
    try:
        # The write lock is taken before the roster is read, so ids made for new people stay free (issue 12).
        with store.writing() as session:
            if existing:  # the program's language and role names (a new program has none of its own yet)
                say = command_renderer(args, reading.program(session))
            plan, _done = importing.import_file(session, args.roster, role=args.role, encoding=args.encoding,
                                                delimiter=args.delimiter, sheet=args.sheet, dry_run=args.dry_run,
                                                mapping=mapping, on_conflict=on_conflict)
            if plan.errors or args.dry_run:
                session.rollback()  # not even the settings row a first look creates is kept
            return plan, say
    except SQLAlchemyError as exc:  # a locked, read-only or full database: the transaction rolled back
        raise storage_fault(exc, args.db) from None
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


def _print_errors(plan: ImportPlan, say: Renderer) -> None:
    print(say(msg("importer.cli_errors", file=plan.source, count=len(plan.errors))), file=sys.stderr)
    _print_issues(plan.errors, say, MAX_ERRORS, sys.stderr)
    _print_issues(plan.warnings, say, MAX_WARNINGS, sys.stderr, warning=True)
    _print_columns(plan, say, sys.stderr)


def _print_summary(plan: ImportPlan, args, say: Renderer) -> None:
    code = "importer.cli_would_import" if args.dry_run else "importer.cli_imported"
    print(say(msg(code, file=plan.source, db=shown_location(args.db))))
    print("  " + _format(plan, say))
    print("  " + say(msg("importer.cli_counts", added=len(plan.added), updated=len(plan.updated),
                         unchanged=len(plan.unchanged), warnings=len(plan.warnings))))
    _print_columns(plan, say, sys.stdout)  # how each column was understood, on every import
    if args.dry_run:
        _print_changes(plan, say)
    _print_issues(plan.warnings, say, MAX_WARNINGS, sys.stdout, warning=True)
    if args.dry_run:
        print(say(msg("importer.cli_dry_run")))


def _print_issues(issues, say: Renderer, limit: int, stream, warning: bool = False) -> None:
    """Every issue up to a screenful or two; a file with thousands of bad rows says how many more there are."""
    for issue in issues[:limit]:
        text = issue.located(say)
        print("  " + (say(msg("importer.cli_warning", text=text)) if warning else text), file=stream)
    if len(issues) > limit:
        print("  " + say(msg("importer.cli_more", count=len(issues) - limit)), file=stream)


def _format(plan: ImportPlan, say: Renderer) -> str:
    if plan.sheet:
        return say(msg("importer.cli_read_sheet", sheet=plan.sheet))
    name = {",": "comma", ";": "semicolon", "\t": "tab"}.get(plan.delimiter)
    delimiter = msg(f"importer.delimiter_{name}") if name else plan.delimiter
    return say(msg("importer.cli_read_text", encoding=encoding_label(plan.encoding), delimiter=delimiter))


def _print_columns(plan: ImportPlan, say: Renderer, stream) -> None:
    if plan.column_plan is None:
        return
    print("  " + say(msg("importer.cli_columns")), file=stream)
    for line in column_lines(plan, say):
        print("    " + line, file=stream)


def _print_changes(plan: ImportPlan, say: Renderer) -> None:
    for line in added_lines(plan, say, SHOWN) + change_lines(plan, say, SHOWN) + conflict_lines(plan, say):
        print("  " + line)

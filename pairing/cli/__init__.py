"""The headless command line: `import`, `roster`, `solve`, `export` (see BRIEF.md for the contract)."""

from __future__ import annotations

import argparse
import os
import sys

from pairing.errors import UserError

COMMANDS = ("import", "roster", "solve", "export", "program", "schedule")
EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def instructor_range(text: str) -> tuple[int, int]:
    """`1-2` → (1, 2); `2` → (2, 2)."""
    low, _, high = text.partition("-")
    try:
        low_n, high_n = int(low), int(high or low)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected MIN-MAX such as 1-2, got {text!r}") from None
    if low_n < 0 or high_n < low_n:
        raise argparse.ArgumentTypeError(f"expected 0 ≤ MIN ≤ MAX, got {text!r}")
    return low_n, high_n


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pairing", description="Talent Pairing: form mentoring teams for a film talent program."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    imp = sub.add_parser("import", help="import a roster file (CSV or XLSX) into a program")
    imp.add_argument("roster", metavar="ROSTER", help="roster file (.csv, .tsv, .txt or .xlsx)")
    imp.add_argument("--db", required=True, help="program file (.pairing) or database URL")
    imp.add_argument("--role", help="role of everyone in the file when it has no role column")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    imp.add_argument("--encoding", help="override the detected text encoding (e.g. gb18030)")
    imp.add_argument("--delimiter", help="override the detected delimiter: comma, semicolon, tab or a character")
    imp.add_argument("--sheet", help="worksheet of an XLSX file (default: the first)")
    from pairing.cli.import_cmd import add_arguments  # --map, --on-conflict, --lang (issue 13)

    add_arguments(imp)

    ros = sub.add_parser("roster", help="print the roster of a program")
    ros.add_argument("--db", required=True, help="program file (.pairing) or database URL")
    ros.add_argument("--json", action="store_true", help="print JSON with canonical terms and slots")
    ros.add_argument("--role", help="only people of this role")

    sol = sub.add_parser("solve", help="propose teams and save the run in the program")
    sol.add_argument("--db", required=True, help="program file (.pairing) or database URL")
    sol.add_argument("--time-limit", type=positive_seconds, metavar="S", help="seconds to search")
    sol.add_argument("--fair", action="store_true", help="maximise the worst team's score first")
    sol.add_argument("--instructors", type=instructor_range, metavar="MIN-MAX",
                     help="instructors per director, e.g. 1-2")
    sol.add_argument("--no-meeting", action="store_true", help="teams need not share a meeting slot")
    sol.add_argument("--seed", type=int, default=0, help="random seed (same input and seed, same teams)")
    sol.add_argument("--json", action="store_true", help="print the run as JSON")

    exp = sub.add_parser("export", help="write the latest run (or the roster) to a file")
    exp.add_argument("--db", required=True, help="program file (.pairing) or database URL")
    exp.add_argument("--format", required=True, choices=("csv", "xlsx", "pdf", "ics", "matrix", "roster"))
    exp.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    exp.add_argument("--include-contacts", action="store_true", help="include e-mail and phone")
    exp.add_argument("--encoding", default="utf-8-sig", help="CSV encoding (default UTF-8 with BOM; gb18030 for old Excel/WPS)")
    exp.add_argument("--lang", default="en", choices=("en", "zh"), help="language of the sheets")
    exp.add_argument("--run", type=int, help="run number (default: the latest)")
    exp.add_argument("--per-person", metavar="DIR", help="ics: also write one calendar per person into DIR")

    from pairing.cli import program_cmd, schedule_cmd  # the calendar issue's commands (issue 10)

    program_cmd.add_parser(sub)
    schedule_cmd.add_parser(sub)
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "import":
        from pairing.cli.import_cmd import run
    elif args.command == "roster":
        from pairing.cli.roster_cmd import run
    elif args.command == "solve":
        from pairing.cli.solve_cmd import run
    elif args.command == "program":
        from pairing.cli.program_cmd import run
    elif args.command == "schedule":
        from pairing.cli.schedule_cmd import run
    else:
        from pairing.cli.export_cmd import run
    return run(args)


def main(argv: list[str] | None = None, *, pdf_renderer=None) -> int:
    """`pdf_renderer`: a callable giving the PDF renderer (the launcher passes ui.pdf_renderer's)."""
    # Imported here, not at the top: main.py reads COMMANDS from this module on every window start,
    # and the storage stack (SQLAlchemy, Alembic) should not load before the window is shown.
    from pairing.storage import ProgramFileError

    args = build_parser().parse_args(argv)
    args.pdf_renderer = pdf_renderer
    try:
        return _dispatch(args)
    except (UserError, ProgramFileError) as exc:
        print(f"pairing {args.command}: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        print(f"pairing {args.command}: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`pairing roster … | head`): not an error. Point stdout at devnull
        # so that Python's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK

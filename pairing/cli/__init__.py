"""The headless command line: `import`, `roster`, `solve`, `export` (see BRIEF.md for the contract)."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading

from pairing.errors import UserError
from pairing.cli import settings_flags
from pairing.words import LANGS, Lang, Renderer, lang_of, msg

COMMANDS = ("import", "roster", "solve", "export", "program", "schedule")
EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def system_lang() -> Lang:
    """The language of the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): `zh` or `en`."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return lang_of(os.environ[name])
    return "en"


def argv_lang(argv: list[str]) -> Lang:
    """The `--lang` given on the command line (before it is parsed: usage errors speak it too)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return lang_of(argv[i + 1])
        if arg.startswith("--lang="):
            return lang_of(arg.partition("=")[2])
    return system_lang()


def command_renderer(args: argparse.Namespace, program=None, *, properties=None) -> Renderer:
    """The sentences of a command: in `--lang`, else the program's language, else the system's; with the
    program's role names and vocabulary when a program is open (or its role names when only its
    `properties` are read). Kept on `args` for the error printer, which says a refusal in it too."""
    if program is not None:
        renderer = program.renderer(args.lang or program.properties.language or system_lang())
    elif properties is not None:
        renderer = Renderer.for_lang(args.lang or properties.language or system_lang(),
                                     roles=properties.role_names())
    else:
        renderer = Renderer(lang_of(args.lang) if args.lang else system_lang())
    args.renderer = renderer
    return renderer


@contextlib.contextmanager
def interruptible():
    """Ctrl-C sets the event this yields instead of stopping the command: a search (solve, schedule) then
    ends early and keeps the best it found."""
    cancel = threading.Event()
    previous = signal.getsignal(signal.SIGINT)
    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        signal.signal(signal.SIGINT, lambda *_: cancel.set())
    try:
        yield cancel
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def argparse_language(lang: Lang):
    """argparse's own sentences ("usage:", "the following arguments are required") in `lang`.

    argparse looks its sentences up through the module's gettext functions `_` and `ngettext` each time;
    while a parser is built and parses in Chinese they look up `ARGPARSE_ZH` (pairing/words/catalogue/cli.py)."""
    if lang != "zh":
        yield
        return
    from pairing.words.catalogue.cli import ARGPARSE_ZH

    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: ARGPARSE_ZH.get(text, text)
    argparse.ngettext = lambda one, other, n: ARGPARSE_ZH.get(one if n == 1 else other, one if n == 1 else other)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


# Options every command shares, and the help of options other areas add (translated by dest).
SHARED_HELP = {"db": "cli.help_db", "lang": "cli.help_lang", "json": "cli.help_json", "map": "cli.help_map",
               "on_conflict": "cli.help_on_conflict"}


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The parser with every help text in `lang` (build it inside `argparse_language(lang)`)."""
    say = Renderer(lang)
    h = lambda code: say(msg(code))  # noqa: E731
    parser = argparse.ArgumentParser(prog="pairing", description=h("cli.description"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    imp = add_command(sub, "import")
    imp.add_argument("roster", metavar="ROSTER", help=h("cli.help_roster_file"))
    imp.add_argument("--role", help=h("cli.help_import_role"))
    imp.add_argument("--dry-run", action="store_true", help=h("cli.help_dry_run"))
    imp.add_argument("--encoding", help=h("cli.help_import_encoding"))
    imp.add_argument("--delimiter", help=h("cli.help_delimiter"))
    imp.add_argument("--sheet", help=h("cli.help_sheet"))
    from pairing.cli.import_cmd import add_arguments  # --map, --on-conflict (issue 13)

    add_arguments(imp)

    ros = add_command(sub, "roster", json=True)
    ros.add_argument("--role", help=h("cli.help_roster_role"))

    sol = add_command(sub, "solve", json=True)
    settings_flags.add_arguments(sol, say)  # --time-limit, --fair, --instructors, --no-meeting… (pairing/schema.py)
    sol.add_argument("--seed", type=int, default=0, help=h("cli.help_seed"))

    exp = add_command(sub, "export")
    exp.add_argument("--format", required=True, choices=("csv", "xlsx", "pdf", "ics", "matrix", "roster"),
                     help=h("cli.help_format"))
    exp.add_argument("-o", "--output", metavar="OUT", help=h("cli.help_output"))  # not needed by --per-person alone
    exp.add_argument("--include-contacts", action="store_true", help=h("cli.help_contacts"))
    exp.add_argument("--encoding", default="utf-8-sig", help=h("cli.help_export_encoding"))
    exp.add_argument("--run", type=int, help=h("cli.help_run"))
    exp.add_argument("--per-person", metavar="DIR", help=h("cli.help_per_person"))

    from pairing.cli import program_cmd, schedule_cmd  # the calendar issue's commands (issue 10)

    program_cmd.add_parser(sub, h)
    schedule_cmd.add_parser(sub, h)
    _shared_help(sub, h)
    return parser


def add_command(sub, name: str, *, json: bool = False) -> argparse.ArgumentParser:
    """A command's parser with what every command takes: `--db`, `--lang`, and `--json` when it prints JSON
    (their help, and the command's, in the parser's language: `_shared_help`)."""
    command = sub.add_parser(name, help=name)  # listed in the help; `_shared_help` words it
    command.add_argument("--db", required=True)
    if json:
        command.add_argument("--json", action="store_true")
    command.add_argument("--lang", choices=LANGS)
    return command


def _shared_help(sub, h) -> None:
    """The help of the options every command shares, and of each command in the list, in one language."""
    for choice in sub._choices_actions:
        choice.help = h(f"cli.help_{choice.dest}")
    for command in sub.choices.values():
        for action in command._actions:
            if action.dest in SHARED_HELP:
                action.help = h(SHARED_HELP[action.dest])


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
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = argv_lang(argv)
    with argparse_language(lang):
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        if args.command == "export" and not args.output and not (args.format == "ics" and args.per_person):
            parser.error(Renderer(lang)(msg("cli.output_needed", output="-o/--output", per_person="--per-person DIR")))
    args.pdf_renderer = pdf_renderer
    args.renderer = Renderer(lang)  # until the command knows its program
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        print(f"pairing {args.command}: {args.renderer(msg('cli.interrupted'))}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`pairing roster … | head`): not an error. Point stdout at devnull
        # so that Python's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        sentence = fault_sentence(exc, args)
        if sentence is None:
            raise
        print(f"pairing {args.command}: {sentence}", file=sys.stderr)
        return EXIT_REJECTED


def fault_sentence(exc: BaseException, args: argparse.Namespace) -> str | None:
    """The one place a command's failure becomes a sentence (issue 12): a user's mistake, a file-system or
    database fault; never SQL, a link or a password. None for a programming error (a traceback then)."""
    # Imported here, not at the top: main.py reads COMMANDS from this module on every window start,
    # and the storage stack (SQLAlchemy, Alembic) should not load before the window is shown.
    from sqlalchemy.exc import SQLAlchemyError

    from pairing.actions.program import storage_fault
    from pairing.faults import mask_secrets, os_reason

    if isinstance(exc, SQLAlchemyError):
        exc = storage_fault(exc, getattr(args, "db", ""))
    elif isinstance(exc, OSError):
        where = exc.filename or getattr(args, "output", None) or getattr(args, "db", "")
        exc = UserError(msg("files.cannot_read", path=str(where), reason=os_reason(exc)))
    elif not isinstance(exc, UserError):
        return None
    return mask_secrets(exc.sentence(args.renderer))


def waiting_teller(args: argparse.Namespace):
    """What storage calls while another program is writing the program this command needs: a line in the
    command's language."""
    def say_waiting(message) -> None:
        print(f"pairing: {args.renderer(message)}", file=sys.stderr, flush=True)

    return say_waiting

"""`pairing export`: write the latest run (or a given one, or the roster) to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pairing.actions import exporting, reading
from pairing.actions.program import open_program
from pairing.cli import command_renderer
from pairing.errors import UserError
from pairing.exports import ExportOptions
from pairing.words import msg


def run(args: argparse.Namespace) -> int:
    store = open_program(args.db, create=False, read_only=True)  # issue 12: reading never writes
    try:
        with store.sessions() as session:
            say = command_renderer(args, reading.program(session))
            data = exporting.export_data(session, args.format, args.run)
    finally:
        store.close()
    options = ExportOptions(lang=say.lang, include_contacts=args.include_contacts, encoding=args.encoding,
                            per_person=Path(args.per_person) if getattr(args, "per_person", None) else None)
    report = exporting.write(data, args.format, args.output, options, pdf_renderer=_renderer(args)).value
    for warning in report.warnings:
        print(say(msg("cli.warning", text=warning)), file=sys.stderr)
    print(say(report.message()))
    return 0


def _renderer(args: argparse.Namespace):
    """The PDF renderer the launcher handed in (it lives in `ui`, which `pairing` must not import)."""
    if args.format != "pdf":
        return None
    load = getattr(args, "pdf_renderer", None)
    if load is None:
        raise UserError(msg("cli.pdf_needs_launcher", command="python main.py export …"))
    return load()

"""`pairing export`: write the latest run (or a given one, or the roster) to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pairing.errors import UserError
from pairing.actions import exporting
from pairing.exports import ExportOptions
from pairing.storage import open_program


def run(args: argparse.Namespace) -> int:
    options = ExportOptions(lang=args.lang, include_contacts=args.include_contacts, encoding=args.encoding,
                            per_person=Path(args.per_person) if getattr(args, "per_person", None) else None)
    if "://" not in args.db and not Path(args.db).expanduser().exists():
        # open_program would create an empty program: a mistyped path must not leave a new file behind
        raise UserError(f"There is no program file at {args.db}.")
    store = open_program(args.db)
    try:
        with store.sessions() as session:
            data = exporting.export_data(session, args.format, args.run)
    finally:
        store.close()
    report = exporting.write(data, args.format, args.output, options, pdf_renderer=_renderer(args)).value
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    return 0


def _renderer(args: argparse.Namespace):
    """The PDF renderer the launcher handed in (it lives in `ui`, which `pairing` must not import)."""
    if args.format != "pdf":
        return None
    load = getattr(args, "pdf_renderer", None)
    if load is None:
        raise UserError("PDF export needs the Qt renderer: run it as `python main.py export …` "
                        "or the installed `pairing` command.")
    return load()

"""One call per export: write what `pairing.actions.exporting` read from the program, in any thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pairing.domain import Program, SavedRun, Schedule
from pairing.errors import UserError
from pairing.exports.atomic import CancelFlag, ExportCancelled, Progress
from pairing.exports.csv_sheet import check_encoding, write_csv
from pairing.exports.ics import write_ics, write_ics_per_person
from pairing.exports.matrix import write_matrix
from pairing.exports.pdf import PdfRenderer, write_pdf
from pairing.exports.roster import write_roster
from pairing.exports.sheet import Sheet, build_sheet, require_teams
from pairing.exports.xlsx import write_xlsx
from pairing.words import Message, msg

FORMATS: tuple[str, ...] = ("csv", "xlsx", "pdf", "ics", "matrix", "roster")
RUN_FORMATS = frozenset({"csv", "xlsx", "pdf", "ics"})  # the others need no run


@dataclass(frozen=True)
class ExportOptions:
    lang: str = "en"
    include_contacts: bool = False
    encoding: str = "utf-8-sig"  # CSV formats only
    today: dt.date | None = None  # calendar: the day "the coming Monday" counts from (tests fix it)
    per_person: Path | None = None  # calendar: also one .ics per person in this folder (issue 10)


@dataclass(frozen=True)
class ExportData:
    """Plain values read from the program, safe to hand to a background thread."""

    program: Program
    run: SavedRun | None
    schedule: Schedule | None = None  # the run's meeting schedule (issue 10)
    program_uid: str = ""  # names calendar invitations, stable for the program's life
    schedule_notes: tuple[Message, ...] = ()  # how the schedule was come by (made for this export, …)


@dataclass(frozen=True)
class ExportReport:
    path: Path
    format: str
    count: int  # teams, people (roster) or directors (matrix) written
    warnings: tuple[Message, ...] = field(default=())  # rendered by the edge, in the reader's language

    def message(self) -> Message:
        """What was written: `Wrote 3 teams to teams.csv (CSV).`"""
        what = {"roster": "sheets.what_people", "matrix": "sheets.what_directors"}.get(self.format,
                                                                                        "sheets.what_teams")
        return msg("sheets.wrote", count=self.count, what=msg(what), path=str(self.path),
                   format=self.format.upper())


def write_export(data: ExportData, fmt: str, path: str | Path | None, options: ExportOptions = ExportOptions(), *,
                 pdf_renderer: PdfRenderer | None = None, progress: Callable[[float], None] | None = None,
                 cancel: CancelFlag | None = None) -> ExportReport | None:
    """Write one export atomically. Returns None when cancelled (nothing is written then)."""
    if fmt not in FORMATS:
        raise UserError(msg("sheets.unknown_format", format=repr(fmt), formats=FORMATS))
    if fmt == "pdf" and pdf_renderer is None:
        raise UserError(msg("sheets.pdf_needs_qt", command="python main.py export"))
    if fmt in ("csv", "matrix", "roster"):
        check_encoding(options.encoding)
    path = Path(path) if path is not None else None  # None: an ics export to --per-person alone
    try:
        return _write(data, fmt, path, options, pdf_renderer, progress, cancel)
    except ExportCancelled:
        return None


def _write(data, fmt, path, options, renderer, report, cancel) -> ExportReport:
    if fmt == "roster":
        people = data.program.people
        write_roster(people, path, include_contacts=options.include_contacts, encoding=options.encoding,
                     progress=Progress(len(people), report, cancel))
        return ExportReport(path, fmt, len(people))
    if fmt == "matrix":
        count = write_matrix(data.program, path, lang=options.lang, encoding=options.encoding,
                             progress_report=report, cancel=cancel)
        return ExportReport(path, fmt, count)
    sheet = sheet_of(data, options)
    progress = Progress(len(sheet.teams), report, cancel)
    warnings = _write_sheet(sheet, fmt, path, options, renderer, progress, data)
    if sheet.note:
        warnings = [msg("sheets.partial_run", run=sheet.run_id)] + warnings
    return ExportReport(path if path is not None else options.per_person, fmt, len(sheet.teams), tuple(warnings))


def _write_sheet(sheet, fmt, path, options, renderer, progress, data) -> list[Message]:
    if fmt == "csv":
        write_csv(sheet, path, encoding=options.encoding, progress=progress)
        return []
    if fmt == "xlsx":
        write_xlsx(sheet, path, progress=progress, schedule=data.schedule)
        return []
    if fmt == "ics":
        return write_calendar(sheet, path, options, progress, data)
    return write_pdf(sheet, path, renderer, progress=progress, schedule=data.schedule)


def write_calendar(sheet: Sheet, path: Path, options: ExportOptions, progress: Progress, data: ExportData
                   ) -> list[Message]:
    """The run's meeting calendar (and one per person when asked), with warnings as messages: how the
    schedule was come by, teams changed since it was made, teams short of meetings."""
    if data.schedule is None:
        raise UserError(msg("schedule.no_schedule", run=sheet.run_id, command="pairing schedule"))
    warnings = list(data.schedule_notes)
    stale = data.schedule.stale_teams(data.run.result)
    if stale:
        warnings.append(msg("schedule.stale", run=sheet.run_id, teams=stale, command="pairing schedule"))
    warnings += [u.why for u in data.schedule.unscheduled]
    if path is not None:
        write_ics(sheet, path, data.schedule, program_uid=data.program_uid, progress=progress)
    if options.per_person is not None:
        write_ics_per_person(sheet, options.per_person, data.schedule, program_uid=data.program_uid)
    return warnings


def sheet_of(data: ExportData, options: ExportOptions) -> Sheet:
    run = require_teams(data.run)
    return build_sheet(data.program, run, lang=options.lang, include_contacts=options.include_contacts)

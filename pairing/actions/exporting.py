"""Export: read the run (or roster) to export in the caller's session, then write the file in any thread."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done
from pairing.errors import UserError
from pairing.exports import RUN_FORMATS, ExportData, ExportOptions, write_export
from pairing.exports.ics import coming_monday
from pairing.storage import program_repo, repo
from pairing.words import msg


def load_export_data(session: Session, run_id: int | None = None) -> ExportData:
    """The program and the run to export (the latest unless a run number is given).

    The program's `previous` run is the one before the exported run, as it was when that run was
    solved, so that reasons given again (in Chinese) do not call the run its own predecessor.
    """
    program = repo.load_program(session)
    try:
        run = repo.latest_run(session) if run_id is None else repo.get_run(session, run_id)
    except repo.NotFound:
        raise UserError(msg("actions.no_run", run=run_id)) from None
    if run is not None:
        earlier = [r for r in repo.list_runs(session) if r.id < run.id]
        program = dataclasses.replace(program, previous=earlier[-1].result if earlier else None)
    schedule = program_repo.get_schedule(session, run.id) if run is not None else None  # issue 10
    return ExportData(program, run, schedule, program_repo.program_uid(session))


def export_data(session: Session, fmt: str, run_id: int | None = None, today: dt.date | None = None) -> ExportData:
    """The plain values an export needs (safe to hand to a background thread); refuses a run format
    when the program has no run yet."""
    data = load_export_data(session, run_id)
    if fmt in RUN_FORMATS and data.run is None:
        raise UserError(msg("actions.export_no_run"))
    if fmt == "ics" and data.schedule is None:
        data = scheduled_for_export(session, data, today)
    return data


def scheduled_for_export(session: Session, data: ExportData, today: dt.date | None = None) -> ExportData:
    """A run without a saved schedule: the calendar export makes one (not saved) and says so (issue 10)."""
    from pairing.actions.scheduling import place, read_input

    monday = coming_monday(today or dt.date.today())
    schedule = place(read_input(session, data.run.id), fresh=True, time_limit_s=10.0, fallback_start=monday)
    notes = [msg("schedule.made_for_export", run=data.run.id, command="pairing schedule")]
    if data.program.properties.start is None and schedule.frame.start == monday:
        notes.append(msg("schedule.fallback_start", start=monday.isoformat()))
    return dataclasses.replace(data, schedule=schedule, schedule_notes=tuple(notes))


def write(data: ExportData, fmt: str, path: str | Path, options: ExportOptions = ExportOptions(), *,
          pdf_renderer=None, progress: Callable[[float], None] | None = None, cancel=None) -> Done:
    """Write one export atomically; `Done.value` is the report (None when cancelled). The program is
    not changed, so the change set is empty and there is nothing to undo."""
    report = write_export(data, fmt, path, options, pdf_renderer=pdf_renderer, progress=progress, cancel=cancel)
    return Done(ChangeSet(), None, report)


def export(session: Session, fmt: str, path: str | Path, options: ExportOptions = ExportOptions(), *,
           run_id: int | None = None, pdf_renderer=None) -> Done:
    """Read and write in one call (the command line)."""
    return write(export_data(session, fmt, run_id), fmt, path, options, pdf_renderer=pdf_renderer)

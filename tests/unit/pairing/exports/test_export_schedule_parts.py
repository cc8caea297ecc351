"""The schedule in the pairing sheets (issue 10): the PDF team pages list each team's meetings, the
workbook has every meeting and a person × week sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import openpyxl

from export_fixtures import save_program
from pdf_reading import page_texts
from pairing.domain import Cadence
from pairing.actions.exporting import load_export_data
from pairing.exports import ExportOptions, write_export
from pairing.schedule.service import make_schedule
from pairing.storage import program_repo, repo


def schedule_saved(session, **changes):
    save_program(session)
    properties = replace(program_repo.get_properties(session), start=dt.date(2026, 3, 2), **changes)
    program_repo.save_properties(session, properties)
    schedule = make_schedule(repo.load_program(session), properties, repo.latest_run(session))
    program_repo.save_schedule(session, schedule)
    return schedule


def test_the_workbook_has_every_meeting_and_a_person_by_week_sheet(session, tmp_path):
    schedule = schedule_saved(session, weeks=4, cadence=Cadence.WEEKLY)
    path = tmp_path / "teams.xlsx"
    write_export(load_export_data(session), "xlsx", path)
    book = openpyxl.load_workbook(path)
    meetings = list(book["Meetings"].iter_rows(values_only=True))
    assert meetings[0] == ("Team", "Young director", "Date", "Day and part", "Start", "End", "People")
    assert len(meetings) - 1 == len(schedule.meetings) == 12
    grid = list(book["People by week"].iter_rows(values_only=True))
    assert grid[0][:3] == ("Person", "Role", "Week 1 (03-02)") and len(grid[0]) == 2 + 4
    producer = next(row for row in grid if row[0] == "张伟 (P01)")
    assert producer[1] == "senior producer"
    in_weeks = [cell.count("·") if cell else 0 for cell in producer[2:]]
    assert in_weeks == [2, 2, 2, 2]  # two teams a week, never at the same time
    assert all(len(set(cell.split("\n"))) == cell.count("·") for cell in producer[2:])


def test_the_workbook_in_chinese(session, tmp_path):
    schedule_saved(session, weeks=2)
    path = tmp_path / "teams.xlsx"
    write_export(load_export_data(session), "xlsx", path, ExportOptions(lang="zh"))
    book = openpyxl.load_workbook(path)
    assert "会面" in book.sheetnames and "人员周日程" in book.sheetnames
    assert list(book["人员周日程"].iter_rows(values_only=True))[0][2] == "第 1 周（03-02）"


def test_pdf_team_pages_list_the_meetings(session, tmp_path, renderer):
    schedule_saved(session, weeks=6, cadence=Cadence.FORTNIGHTLY)
    path = tmp_path / "teams.pdf"
    write_export(load_export_data(session), "pdf", path, pdf_renderer=renderer)
    text = "\n".join(page_texts(path))
    assert "Meetings" in text
    assert "every second week, 2026-03-02 to 2026-03-30 (3 meetings)" in " ".join(text.split())


def test_without_a_schedule_the_sheets_are_as_before(session, tmp_path):
    save_program(session)
    path = tmp_path / "teams.xlsx"
    write_export(load_export_data(session), "xlsx", path)
    assert "Meetings" not in openpyxl.load_workbook(path).sheetnames

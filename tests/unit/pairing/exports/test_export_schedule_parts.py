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


def test_a_screenwriting_camp_says_screenwriter_in_every_sheet(session, tmp_path, renderer):
    from pairing.domain import ProgramKind, template_roles

    schedule_saved(session, weeks=2, kind=ProgramKind.SCREENWRITING, roles=template_roles(ProgramKind.SCREENWRITING))
    data = load_export_data(session)
    write_export(data, "csv", tmp_path / "t.csv")
    header = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Team,Screenwriter,Lead mentor,Instructors")
    write_export(data, "csv", tmp_path / "zh.csv", ExportOptions(lang="zh"))
    assert "编剧学员,主导师" in (tmp_path / "zh.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    write_export(data, "xlsx", tmp_path / "t.xlsx", ExportOptions(lang="zh"))
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert list(book["会面"].iter_rows(values_only=True))[0][1] == "编剧学员"
    roles = {row[1] for row in list(book["人员周日程"].iter_rows(values_only=True))[1:]}
    assert roles == {"编剧学员", "主导师", "导师"}
    write_export(data, "pdf", tmp_path / "t.pdf", ExportOptions(lang="zh"), pdf_renderer=renderer)
    text = "".join(page_texts(tmp_path / "t.pdf")).replace("青年导演计划 2026", "")  # the program's name
    assert "编剧学员" in text and "主导师" in text and "导演" not in text

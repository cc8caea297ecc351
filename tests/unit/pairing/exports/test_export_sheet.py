"""The sheet model: what every format shows for a team, in English or Chinese, without contacts by default."""

from __future__ import annotations

import pytest

from export_fixtures import save_program
from pairing.domain import RunStatus
from pairing.errors import UserError
from pairing.actions.exporting import load_export_data
from pairing.exports import ExportOptions, build_sheet, write_export
from pairing.storage import repo
from pairing.words import msg, render


def test_shared_genres_and_needs_covered_come_from_the_team(data):
    sheet = build_sheet(data.program, data.run)
    first = sheet.teams[0]
    assert first.director.name == "王芳"
    assert [m.id for m in first.mentors] == ["P01", "I01"]
    assert first.shared_genres == ("Sci-fi",)  # drama: no mentor of the team works in it
    assert first.needs_covered == ("VFX", "Sound", "Financing")  # editing: nobody teaches it
    assert first.meeting_labels == ("Mon AM", "Tue PM", "Sat AM")  # calendar order


def test_chinese_labels_for_terms_slots_roles_and_status(data):
    sheet = build_sheet(data.program, data.run, lang="zh")
    first = sheet.teams[0]
    assert first.shared_genres == ("科幻",)
    assert first.needs_covered == ("视效", "声音", "融资")
    assert first.meeting_labels == ("周一 上午", "周二 下午", "周六 上午")
    assert first.director.role_label == "青年导演"  # the program's role names (issue 10)
    assert sheet.status_label == "最优（已证明无更好方案）"
    assert [c.label for c in first.breakdown] == ["共同类型", "需求覆盖", "见面时段", "意向"]  # pairing/criteria.py


def test_contacts_are_left_out_unless_included(data):
    without = build_sheet(data.program, data.run)
    assert all(m.email == m.phone == "" for t in without.teams for m in t.members)
    with_contacts = build_sheet(data.program, data.run, include_contacts=True)
    assert with_contacts.teams[0].director.email == "wang@example.org"
    assert with_contacts.teams[0].director.phone == "138 0000 0001"


def test_a_program_without_a_run_is_refused_in_a_sentence(session, tmp_path):
    repo.add_people(session, [])
    data = load_export_data(session)
    with pytest.raises(UserError, match="no run yet"):
        write_export(data, "csv", tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


def test_an_infeasible_run_without_teams_is_refused(session, tmp_path):
    from pairing.domain import RunResult

    repo.save_run(session, repo.get_settings(session),
                  RunResult(RunStatus.INFEASIBLE, diagnosis=(msg("rules.capacity_producers", count=5, places=3),)))
    with pytest.raises(UserError, match="impossible: no pairing keeps every rule.*capacity: 5 young directors"):
        write_export(load_export_data(session), "xlsx", tmp_path / "out.xlsx")


def test_an_infeasible_run_with_a_partial_pairing_is_exported_with_a_note(session, tmp_path):
    save_program(session, status=RunStatus.INFEASIBLE)
    report = write_export(load_export_data(session), "csv", tmp_path / "out.csv")
    assert report.count == 3
    assert any("partial pairing" in render(w) for w in report.warnings)
    assert "Impossible — partial pairing" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


def test_a_run_number_that_does_not_exist_is_refused(data, session):
    with pytest.raises(UserError, match="no run number 7"):
        load_export_data(session, 7)


def test_reasons_are_the_stored_ones_in_the_sheet_language(data):
    """One run says the same in both languages: the reasons stored as solved, rendered (issue 8)."""
    from pairing.exports.service import sheet_of

    zh = sheet_of(data, ExportOptions(lang="zh"))
    en = sheet_of(data, ExportOptions(lang="en"))
    assert zh.teams[0].reasons == ("都做科幻", "覆盖：视效、声音")
    assert en.teams[0].reasons == ("both work in sci-fi", "covers: VFX, sound")
    assert zh.unmatched[0].why == "见面：李雷 (D04)在项目日程中没有空闲时段"


def test_the_sheet_shows_the_reasons_as_solved_even_after_the_roster_changed(data, session):
    from pairing.exports.service import sheet_of

    wang = repo.get_person(session, "D01")
    repo.update_people(session, [wang.with_changes(genres=("comedy",))])  # after the run: not its reason
    sheet = sheet_of(load_export_data(session), ExportOptions(lang="zh"))
    assert sheet.teams[0].reasons[0] == "都做科幻"


def test_the_stability_bonus_of_a_reproposal_is_no_part_of_a_sheet_score(data):
    """Issue 11: re-proposing identical teams must not raise their scores; the bonus is said in the reasons."""
    from dataclasses import replace

    kept = replace(data.run.result.teams[0], score=82.5 + 5.0, breakdown={**data.run.result.teams[0].breakdown,
                                                                           "stability": 5.0})
    result = replace(data.run.result, teams=(kept, *data.run.result.teams[1:]), objective=191.75, bound=191.75)
    sheet = build_sheet(data.program, replace(data.run, result=result))
    assert sheet.teams[0].score == 82.5
    assert "stability" not in [c.key for c in sheet.teams[0].breakdown]
    assert sheet.total == pytest.approx(82.5 + 64.0 + 40.25)
    assert sheet.better_possible == "best possible"


def test_how_much_better_is_said_in_curators_words(data):
    from dataclasses import replace

    feasible = replace(data.run.result, status=RunStatus.FEASIBLE)  # objective 186.75, bound 190
    assert build_sheet(data.program, replace(data.run, result=feasible)).better_possible == \
        "at most 1.7 % better is possible"
    assert build_sheet(data.program, replace(data.run, result=feasible), lang="zh").better_possible == "最多还能提高 1.7%"

"""The run history model, the gap shown for a run, and what changed between two runs."""

import datetime as dt

import pytest

from pairing.domain import RunResult, RunStatus, SavedRun, Settings, Team
from ui.models.run_history_model import RunDiffModel, RunHistoryModel, TeamChange, diff_runs

OLD = RunResult(RunStatus.OPTIMAL, 100.0, 100.0, teams=(
    Team("D01", "P01", ("I01",), 50.0), Team("D02", "P02", ("I02", "I03"), 50.0), Team("D03", "P01", ("I01",), 0.0)))
NEW = RunResult(RunStatus.FEASIBLE, 90.0, 100.0, teams_changed=2, teams=(
    Team("D01", "P01", ("I01",), 50.0), Team("D02", "P01", ("I03", "I02"), 40.0), Team("D04", "P02", ("I02",), 0.0)))


def _runs():
    when = dt.datetime(2026, 3, 2, 9, 30)
    return [SavedRun(1, when, Settings(), OLD), SavedRun(2, when + dt.timedelta(hours=1), Settings(), NEW)]


def test_history_model_passes_the_model_tester(qtbot, qtmodeltester):
    model = RunHistoryModel()
    model.set_runs(_runs())
    qtmodeltester.check(model)


def test_runs_added_changed_and_removed_are_row_changes_not_a_reset(qtbot, qtmodeltester):
    """Issue 11: the history never resets within a program; the model tester checks every signal."""
    from dataclasses import replace

    first, second = _runs()
    model = RunHistoryModel()
    model.set_runs([first, second])
    qtmodeltester.check(model)
    events = []
    model.modelAboutToBeReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda _parent, a, b: events.append(("inserted", a, b)))
    model.rowsRemoved.connect(lambda _parent, a, b: events.append(("removed", a, b)))
    model.dataChanged.connect(lambda a, b, _roles: events.append(("changed", a.row(), b.row())))
    third = SavedRun(3, second.created, Settings(), NEW)
    model.update_runs([1, 2, 3], [third])  # a new run, read alone: the others are kept as they are
    assert events == [("inserted", 2, 2)] and model.row_of(3) == 2
    events.clear()
    edited = replace(second, result=replace(NEW, teams=NEW.teams[:1]))
    model.update_runs([1, 3], [edited])  # run 2 deleted elsewhere; the edit of a deleted run is ignored
    assert events == [("removed", 1, 1)] and [r.id for r in model.runs()] == [1, 3]
    events.clear()
    model.update_runs(None, [first, replace(third, result=OLD)])  # every run read again: only 3 differs
    assert events == [("changed", 1, 1)]
    assert model.index(1, RunHistoryModel.SCORE).data() == f"{OLD.total_score:.1f}"
    model.update_runs([1, 2, 3], [second])  # a deleted run restored under its own number: back in its place
    assert [r.id for r in model.runs()] == [1, 2, 3] and "reset" not in events


def test_history_rows_show_date_status_score_gap_and_changes(qtbot):
    model = RunHistoryModel()
    model.set_runs(_runs())
    second = [model.index(1, c).data() for c in range(model.columnCount())]
    assert second == ["2", "2026-03-02 10:30", "good, not proven best", "90.0", "at most 10.0 % better is possible",
                      "2"]
    assert model.index(0, RunHistoryModel.CHANGED).data() == "—"
    assert model.index(0, RunHistoryModel.GAP).data() == "best possible"
    assert model.row_of(2) == 1


def test_the_stability_bonus_is_not_part_of_a_teams_score_or_the_runs(qtbot):
    """Issue 11: re-proposing identical teams raised the total from 1340 to 1541.5 while no team changed."""

    kept = Team("D01", "P01", ("I01",), 57.0, breakdown={"genre": 50.0, "stability": 7.0})
    again = RunResult(RunStatus.OPTIMAL, 57.0, 57.0, teams=(kept,), teams_changed=0)
    assert kept.shown_score == 50.0 and again.total_score == 50.0
    model = RunHistoryModel()
    model.set_runs([SavedRun(1, dt.datetime(2026, 3, 2), Settings(), again)])
    assert model.index(0, RunHistoryModel.SCORE).data() == "50.0"


def test_gap_is_relative_to_the_bound_and_absent_without_teams():
    assert NEW.gap_percent == pytest.approx(10.0)
    assert OLD.gap_percent == 0.0
    assert RunResult(RunStatus.INFEASIBLE).gap_percent is None


def test_diff_lists_directors_whose_team_differs_with_old_and_new_members():
    changes = diff_runs(OLD, NEW)
    # D02's instructors only changed order: not a change. D02's producer did change.
    assert changes == [
        TeamChange("D02", ("P02", "I02", "I03"), ("P01", "I02", "I03")),
        TeamChange("D04", (), ("P02", "I02")),
        TeamChange("D03", ("P01", "I01"), ()),
    ]
    assert diff_runs(NEW, NEW) == []


def test_diff_model_shows_names_before_and_after(qtbot, qtmodeltester):
    model = RunDiffModel()
    model.set_changes(diff_runs(OLD, NEW), {"D02": "Lin", "P01": "Zhou", "P02": "Helen"})
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(3)] == ["Lin", "Helen, I02, I03", "Zhou, I02, I03"]
    assert model.index(1, RunDiffModel.BEFORE).data() == "(no team)"


def test_the_diff_header_says_the_programs_word_for_a_director(qtmodeltester):
    from PySide6.QtCore import Qt

    from pairing.domain import ProgramKind, ProgramProperties, template_roles

    model = RunDiffModel()
    camp = ProgramProperties(kind=ProgramKind.SCREENWRITING, roles=template_roles(ProgramKind.SCREENWRITING))
    model.set_role_names(camp.role_names())
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Screenwriter"

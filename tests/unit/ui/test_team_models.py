"""The team, member and alternative models: Qt model contract, display, locks, drags and drops."""

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from pairing.domain import Team
from pairing.words import TermRef, msg
from ui.models.roles import FULL_TEXT_ROLE
from ui.models.team_model import (
    FRACTION_ROLE, MENTOR_MIME, TEAM_ROLE, AlternativesModel, MembersModel, MentorPayload, TeamTableModel,
)

NAMES = {"D01": "陈思远", "D02": "Lin Xiaoyu", "P01": "Zhou Min", "P02": "Helen Ma", "I01": "Ana Costa",
         "I02": "王磊"}
TEAMS = (
    Team("D01", "P01", ("I01", "I02"), 60.0, {"genre": 20.0, "needs": 40.0}, ("Mon PM", "Tue PM", "Wed AM", "Thu AM")),
    Team("D02", "P02", ("I02",), 30.0, {"genre": 30.0}, ()),
)


class RecordingHandler:
    """Stands in for the Pairing page: allows drops on D02 only and records what was applied."""

    def __init__(self):
        self.applied = []

    def preview(self, payload, director):
        return director == "D02", "ok" if director == "D02" else "no"

    def apply(self, payload, director):
        self.applied.append((payload, director))
        return True


@pytest.fixture
def team_model(qtbot):
    model = TeamTableModel()
    model.set_teams(TEAMS, NAMES, frozenset({("D01", "I01")}), "zh")
    return model


def test_team_model_passes_the_model_tester(qtmodeltester, team_model):
    qtmodeltester.check(team_model)


def test_team_rows_show_names_scores_slots_and_locks(team_model):
    row = [team_model.index(0, c).data() for c in range(team_model.columnCount())]
    assert row[:5] == ["1", "陈思远", "Zhou Min", "Ana Costa, 王磊", "60.0"]
    assert row[5] == "4"  # how many: the column stays narrow (issue 11); the tooltip and a copy list them
    slots = team_model.index(0, TeamTableModel.SLOTS)
    assert slots.data(FULL_TEXT_ROLE).startswith("周一 下午, 周二 下午, 周三 上午")  # copied in full
    assert "周三 上午" in slots.data(Qt.ItemDataRole.ToolTipRole)
    assert row[6] == "1"  # one locked pair, beside a lock icon; the tooltip names the mentor
    locks = team_model.index(0, TeamTableModel.LOCKS)
    assert not locks.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert locks.data(FULL_TEXT_ROLE) == NAMES["I01"]
    assert team_model.index(1, TeamTableModel.LOCKS).data() == ""
    assert team_model.index(1, TeamTableModel.LOCKS).data(Qt.ItemDataRole.DecorationRole) is None
    assert team_model.index(0, TeamTableModel.SCORE).data(FRACTION_ROLE) == pytest.approx(1.0)
    assert team_model.index(1, TeamTableModel.SCORE).data(FRACTION_ROLE) == pytest.approx(0.5)
    assert team_model.index(1, 0).data(TEAM_ROLE) is TEAMS[1]


def test_set_locks_updates_the_locks_column(qtbot, team_model):
    with qtbot.wait_signal(team_model.dataChanged):
        team_model.set_locks(frozenset({("D02", "P02")}))
    assert team_model.index(0, TeamTableModel.LOCKS).data() == ""
    assert team_model.index(1, TeamTableModel.LOCKS).data() != ""


def test_a_producer_cell_drags_its_producer_and_drops_go_to_the_handler(team_model):
    handler = RecordingHandler()
    team_model.move_handler = handler
    mime = team_model.mimeData([team_model.index(0, TeamTableModel.PRODUCER)])
    payload = MentorPayload.from_mime(mime)
    assert payload == MentorPayload("P01", "producer", source="D01")
    target = team_model.index(1, TeamTableModel.DIRECTOR)
    assert team_model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert not team_model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, team_model.index(0, 0))
    assert team_model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert handler.applied == [(payload, "D02")]


def test_drops_without_a_handler_or_payload_are_refused(team_model):
    mime = MentorPayload("P01", "producer", source="D01").to_mime()
    assert not team_model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, team_model.index(1, 0))
    team_model.move_handler = RecordingHandler()
    assert not team_model.dropMimeData(team_model.mimeData([]), Qt.DropAction.MoveAction, 5, 0, QModelIndex())
    assert team_model.mimeTypes() == [MENTOR_MIME]


def test_members_model_checks_locks_and_asks_to_change_them(qtbot, qtmodeltester):
    model = MembersModel()
    model.set_team(TEAMS[0], NAMES, frozenset({("D01", "I01")}))
    qtmodeltester.check(model)
    states = [model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) for r in range(model.rowCount())]
    assert states == [Qt.CheckState.Unchecked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    with qtbot.wait_signal(model.lockToggled) as blocker:
        assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == ["D01", "P01", True]
    assert not model.setData(model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    payload = MentorPayload.from_mime(model.mimeData([model.index(2, 0)]))
    assert payload == MentorPayload("I02", "instructor", source="D01")


def test_alternatives_model_shows_the_score_change_and_drags_a_replacement(qtmodeltester):
    covers = msg("team.needs_covered", covered=[TermRef("skill", "vfx")])
    both = msg("team.genres", genres=[TermRef("genre", "drama")])
    alternatives = [SimpleNamespace(role="instructor", mentor="I02", replaces="I01", delta=2.5, reasons=(covers,)),
                    SimpleNamespace(role="producer", mentor="P02", replaces="P01", delta=-1.0, reasons=(both,))]
    model = AlternativesModel()
    model.set_alternatives("D01", alternatives, NAMES)
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(5)] == ["Instructor", "王磊", "Ana Costa", "+2.5", "covers: VFX"]
    assert model.index(1, AlternativesModel.CHANGE).data() == "-1.0"
    payload = MentorPayload.from_mime(model.mimeData([model.index(0, 1)]))
    assert payload == MentorPayload("I02", "instructor", replaces="I01", target_hint="D01")


def test_the_model_sorts_itself_and_keeps_team_numbers(qtbot, team_model):
    team_model.sort(TeamTableModel.SCORE, Qt.SortOrder.AscendingOrder)
    assert [team_model.index(r, TeamTableModel.DIRECTOR).data() for r in range(2)] == ["Lin Xiaoyu", "陈思远"]
    assert [team_model.index(r, TeamTableModel.NUMBER).data() for r in range(2)] == ["2", "1"]
    assert team_model.row_of("D01") == 1
    team_model.set_teams(TEAMS, NAMES)  # a new run keeps the chosen order
    assert team_model.index(0, TeamTableModel.DIRECTOR).data() == "Lin Xiaoyu"
    team_model.sort(TeamTableModel.NUMBER, Qt.SortOrder.AscendingOrder)
    assert team_model.index(0, TeamTableModel.NUMBER).data() == "1"


def test_a_manual_change_updates_rows_in_place_not_a_reset(qtbot, qtmodeltester):
    """Issue 8: the team table turns a changed run into dataChanged on the rows that changed."""
    from pairing.domain import Team
    from ui.models.team_model import TeamTableModel

    teams = [Team("D1", "P1", ("I1",), 50.0), Team("D2", "P2", ("I2",), 40.0), Team("D3", "P1", (), 30.0)]
    model = TeamTableModel()
    model.set_teams(teams, {"D1": "Ana"})
    qtmodeltester.check(model)
    resets, changed = [], []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))
    swapped = [teams[0], Team("D2", "P1", ("I2",), 45.0), Team("D3", "P2", (), 35.0)]
    model.update_teams(swapped)
    assert resets == [] and (1, 1) in changed and (2, 2) in changed and (0, 0) not in changed
    assert model.team(1).producer == "P1" and model.team(2).producer == "P2"


def test_teams_that_come_and_go_in_the_shown_run_are_rows_inserted_and_removed(qtbot, qtmodeltester):
    """Issue 11: a director deleted in another window, a team added by hand — rows, not a reset; the model
    tester stays attached and checks every signal."""
    from pairing.domain import Team
    from ui.models.team_model import TeamTableModel

    teams = [Team(f"D{i}", "P1", ("I1",), 10.0 * i) for i in range(1, 6)]
    model = TeamTableModel()
    model.set_teams(teams, {})
    qtmodeltester.check(model)
    events = []
    model.modelAboutToBeReset.connect(lambda: events.append("reset"))
    model.rowsRemoved.connect(lambda _parent, first, last: events.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _parent, first, last: events.append(("inserted", first, last)))
    model.update_teams([teams[0], teams[3], teams[4], Team("D9", "P2", (), 5.0)])
    assert ("removed", 1, 2) in events and ("inserted", 3, 3) in events and "reset" not in events
    assert [model.team(r).director for r in range(model.rowCount())] == ["D1", "D4", "D5", "D9"]
    assert [model.index(r, TeamTableModel.NUMBER).data() for r in range(4)] == ["1", "2", "3", "4"]


def test_a_rename_and_a_lock_change_only_the_rows_they_concern(qtbot, qtmodeltester):
    from pairing.domain import Team
    from ui.models.team_model import TeamTableModel

    teams = [Team("D1", "P1", ("I1",), 50.0), Team("D2", "P2", ("I2",), 40.0), Team("D3", "P1", (), 30.0)]
    model = TeamTableModel()
    model.set_teams(teams, {"D1": "Ana", "I2": "Bo"})
    qtmodeltester.check(model)
    changed = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row(), first.column(),
                                                                          last.column())))
    model.set_names({"D1": "Ana", "I2": "Bo Li"})
    assert [c[:2] for c in changed] == [(1, 1)]
    assert model.index(1, TeamTableModel.INSTRUCTORS).data() == "Bo Li"
    changed.clear()
    model.set_locks(frozenset({("D3", "P1")}))
    assert changed == [(2, 2, TeamTableModel.LOCKS, TeamTableModel.LOCKS)]
    assert model.index(2, TeamTableModel.LOCKS).data() == "1"

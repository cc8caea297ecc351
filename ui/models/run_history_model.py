"""The run history (date, status, score, gap, teams changed) and what changed between two runs."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from pairing.domain import RunResult, RunStatus, SavedRun, Team
from pairing.words import msg
from ui.i18n import role_title, say
from ui.plain import tip

RUN_ID_ROLE = Qt.ItemDataRole.UserRole + 220
RUN_SORT_ROLE = Qt.ItemDataRole.UserRole + 221


def status_text(status: RunStatus | str) -> str:
    """The one wording of a run status, the same in the window, the sheets and the command line (issue 11)."""
    return say(msg(f"status.{RunStatus(str(status))}"))


def better_possible_text(result: RunResult) -> str:
    """How much better a pairing could still be, in the catalogue's one wording, or "—"."""
    better = result.better_possible
    return "—" if better is None else say(better)


@dataclass(frozen=True)
class TeamChange:
    """A director whose team differs between two runs: the mentors before and after (ids)."""

    director: str
    before: tuple[str, ...]
    after: tuple[str, ...]


def _members(team: Team | None) -> tuple[str, ...]:
    if team is None:
        return ()
    return ((team.producer,) if team.producer else ()) + tuple(sorted(team.instructors))


def diff_runs(old: RunResult, new: RunResult) -> list[TeamChange]:
    """Directors whose producer or instructors differ between `old` and `new`, in the new run's order."""
    before = {t.director: t for t in old.teams}
    after = {t.director: t for t in new.teams}
    order = [t.director for t in new.teams] + [d for d in before if d not in after]
    return [
        TeamChange(d, _members(before.get(d)), _members(after.get(d)))
        for d in order
        if _members(before.get(d)) != _members(after.get(d))
    ]


class RunHistoryModel(QAbstractTableModel):
    """The saved runs of the program, newest last: number, date, status, score, gap, teams changed."""

    NUMBER, CREATED, STATUS, SCORE, GAP, CHANGED = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._runs: list[SavedRun] = []
        self.roles = None  # the program's role names, for the diagnosis (issue 10)

    def set_runs(self, runs: Sequence[SavedRun]) -> None:
        """Another program's runs: a reset (within one program, `update_runs` changes rows in place)."""
        self.beginResetModel()
        self._runs = sorted(runs, key=lambda r: r.id)
        self.endResetModel()

    def update_runs(self, numbers: Iterable[int] | None, runs: Sequence[SavedRun]) -> None:
        """The runs as they are now, as row changes rather than a reset (napari's adapter pattern, issue 11): a
        run no longer among `numbers` loses its row, a run read anew replaces its row (dataChanged, only when it
        differs), a new run is inserted at its number. `numbers`: every run the program has (None: `runs`)."""
        fresh = {r.id: r for r in runs}
        keep = set(fresh) if numbers is None else set(numbers)
        self._remove_rows_not_in(keep)
        for row, run in enumerate(self._runs):
            new = fresh.get(run.id)
            if new is not None and new != run:
                self._runs[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        have = {r.id for r in self._runs}
        for run in sorted((r for r in runs if r.id not in have and r.id in keep), key=lambda r: r.id):
            row = bisect_left([r.id for r in self._runs], run.id)
            self.beginInsertRows(QModelIndex(), row, row)
            self._runs.insert(row, run)
            self.endInsertRows()

    def _remove_rows_not_in(self, keep: set[int]) -> None:
        """Remove the rows of runs not in `keep`, one block of neighbouring rows at a time, from the bottom."""
        row = len(self._runs) - 1
        while row >= 0:
            if self._runs[row].id in keep:
                row -= 1
                continue
            last = row
            while row > 0 and self._runs[row - 1].id not in keep:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._runs[row:last + 1]
            self.endRemoveRows()
            row -= 1

    def run(self, row: int) -> SavedRun:
        return self._runs[row]

    def runs(self) -> list[SavedRun]:
        return list(self._runs)

    def row_of(self, run_id: int) -> int:
        return next((i for i, r in enumerate(self._runs) if r.id == run_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (self.tr("Run"), self.tr("Date"), self.tr("Status"), self.tr("Score"), self.tr("Could be better"),
                   self.tr("Teams changed"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        run = self._runs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(run, index.column())
        if role == RUN_ID_ROLE:
            return run.id
        if role == RUN_SORT_ROLE:
            return self._sort_value(run, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (self.SCORE, self.GAP, self.CHANGED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and run.result.diagnosis:
            return tip("\n".join(say(d, self.roles) for d in run.result.diagnosis))
        return None

    def _display(self, run: SavedRun, column: int) -> str:
        result = run.result
        if column == self.NUMBER:
            return str(run.id)
        if column == self.CREATED:
            return run.created.strftime("%Y-%m-%d %H:%M")
        if column == self.STATUS:
            return status_text(result.status)
        if column == self.SCORE:
            return f"{result.total_score:.1f}"
        if column == self.GAP:
            return better_possible_text(result)
        return "—" if result.teams_changed is None else str(result.teams_changed)

    def _sort_value(self, run: SavedRun, column: int):
        if column == self.GAP:
            return run.result.gap_percent or 0.0
        if column == self.SCORE:
            return run.result.total_score
        if column == self.CHANGED:
            return run.result.teams_changed or 0
        if column == self.STATUS:
            return str(run.result.status)
        return run.id


class RunDiffModel(QAbstractTableModel):
    """What changed between two runs: one row per director whose team differs, old → new."""

    DIRECTOR, BEFORE, AFTER = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._changes: list[TeamChange] = []
        self._names: Mapping[str, str] = {}
        self._roles = None  # the program's role names (issue 10)

    def set_role_names(self, roles) -> None:
        self._roles = roles
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def set_changes(self, changes: Sequence[TeamChange], names: Mapping[str, str]) -> None:
        if list(changes) == self._changes and dict(names) == self._names:
            return  # the same comparison read again: the rows stay as they are
        self.beginResetModel()
        self._changes = list(changes)
        self._names = dict(names)
        self.endResetModel()

    def change(self, row: int) -> TeamChange:
        return self._changes[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        director = role_title(self._roles, "director") if self._roles is not None else self.tr("Director")
        headers = (director, self.tr("Before"), self.tr("After"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == self.DIRECTOR:
            return self._names.get(change.director, change.director)
        ids = change.before if index.column() == self.BEFORE else change.after
        return ", ".join(self._names.get(i, i) for i in ids) or self.tr("(no team)")

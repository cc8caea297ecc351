"""The run history panel of the Pairing page: every run, and what changed between two selected runs."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from pairing.domain import SavedRun
from ui.models.run_history_model import RUN_SORT_ROLE, RunDiffModel, RunHistoryModel, diff_runs
from ui.plain import plain_label
from ui.widgets.rows import show_rows


class RunHistoryPanel(QWidget):
    """Select one run and press Show (or double-click) to look at it; select two to see which teams changed."""

    runChosen = Signal(object)  # SavedRun

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._names: Mapping[str, str] = {}
        self.model = RunHistoryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RUN_SORT_ROLE)
        self.diff_model = RunDiffModel(self)
        layout = QHBoxLayout(self)
        layout.addLayout(self._runs_column(), 3)
        layout.addLayout(self._diff_column(), 2)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(lambda *_: self._choose())
        self.show_button.clicked.connect(self._choose)

    def _runs_column(self) -> QVBoxLayout:
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Run history: select one run to show it, two to compare"))
        self.view.setToolTip(self.view.accessibleName())
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(RunHistoryModel.NUMBER, Qt.SortOrder.DescendingOrder)
        show_rows(self.view)  # six runs at 1280×800 (issue 11)
        self.show_button = QPushButton(self.tr("&Show this run"))
        self.show_button.setAccessibleName(self.tr("Show the selected run"))
        column = QVBoxLayout()
        column.addWidget(self.view, 1)
        column.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        return column

    def _diff_column(self) -> QVBoxLayout:
        self.diff_label = plain_label(self.tr("Select two runs to see which teams changed."))
        self.diff_label.setWordWrap(True)
        self.diff_view = QTableView()
        self.diff_view.setModel(self.diff_model)
        self.diff_view.setAccessibleName(self.tr("Teams that changed between the two selected runs"))
        self.diff_view.verticalHeader().hide()
        self.diff_view.horizontalHeader().setStretchLastSection(True)
        column = QVBoxLayout()
        column.addWidget(self.diff_label)
        column.addWidget(self.diff_view, 1)
        return column

    def update_runs(self, numbers: Iterable[int] | None, runs: Sequence[SavedRun], names: Mapping[str, str],
                    roles=None) -> None:
        """The runs read anew (`runs`) among every run the program has (`numbers`; None: exactly `runs`): rows
        change in place, so the selection and the comparison stay on the same runs (issue 11)."""
        self._names = dict(names)
        if roles is not None:
            self.diff_model.set_role_names(roles)
            self.model.roles = roles
        self.model.update_runs(numbers, runs)
        self._selection_changed()

    def selected_runs(self) -> list[SavedRun]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.run(r) for r in rows]

    def _selection_changed(self) -> None:
        runs = self.selected_runs()
        if len(runs) != 2:
            self.diff_model.set_changes([], self._names)
            self.diff_label.setText(self.tr("Select two runs to see which teams changed."))
            return
        old, new = sorted(runs, key=lambda r: r.id)
        changes = diff_runs(old.result, new.result)
        self.diff_model.set_changes(changes, self._names)
        self.diff_label.setText(self.tr("From run %1 to run %2: %n team(s) changed.", "", len(changes))
                                .replace("%1", str(old.id)).replace("%2", str(new.id)))

    def _choose(self) -> None:
        runs = self.selected_runs()
        if runs:
            self.runChosen.emit(runs[-1])

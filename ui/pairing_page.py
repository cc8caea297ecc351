"""The Pairing page: settings, Propose with live progress and Cancel, teams to adjust, locks, run history."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLineEdit, QMessageBox, QToolButton, QPlainTextEdit, QProgressBar,
    QPushButton, QScrollArea, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from pairing import actions
from pairing.actions import ChangeSet, viewers
from pairing.domain import Lock, Program, RunResult, RunStatus, SavedRun
from pairing.engine import TeamEvaluator
from ui.commands import set_locks
from ui.document import ProgramDocument, step_text
from ui.i18n import data_lang, fmt, role_word, say, say_error
from ui.models.run_history_model import better_possible_text, status_text
from ui.models.team_model import MentorPayload, TeamTableModel
from ui.operations import Operation, run_in_background
from ui.pairing_settings import SettingsPanel, save_settings
from ui.pairing_work import (
    PageState, Proposed, SolveProgress, Staleness, alternatives_work, read_state, solve_work,
)
from ui.responsiveness import freeze_loaded_state, freeze_once
from ui.run_history import RunHistoryPanel
from ui.team_detail import TeamDetail
from ui.team_edits import Move, MoveRefused, Outcome, evaluate
from ui.widgets.column_fit import ColumnFitter
from ui.widgets.icons import ICON_PX
from ui.widgets.score_bar import ScoreBarDelegate
from ui.clipboard import model_tsv, put_text
from ui.plain import as_written, plain_label


def hand_made_pairs(before: RunResult, after: RunResult) -> tuple[Lock, ...]:
    """The director–mentor pairs a manual change made: they become locks, so that the next Propose keeps the
    curator's move instead of silently reverting it (issue 11)."""
    old = {t.director: set(t.mentors) for t in before.teams}
    return tuple(Lock(t.director, m) for t in after.teams for m in t.mentors if m not in old.get(t.director, set()))


def move_and_lock(session, run_id: int, result: RunResult, locks: tuple[Lock, ...]):
    """One step: the run's teams as changed by hand, and the pairs the change made locked."""
    moved = actions.runs.set_result(session, run_id, result)
    return actions.together.together(moved, actions.locks.set_locks(session, locks, True)) if locks else moved


RUN_TABLES = frozenset({"run", "run_team"})
DETAIL_EM = 30  # the selected team's detail likes this width (in "M"s); it gives it up to the teams' columns
PROGRAM_TABLES = frozenset({"person", "custom_term", "lock", "program"})


@dataclass(frozen=True)
class QueuedRead:
    """What the page still has to read: the runs a change concerned (None: every run)."""

    runs: frozenset[int] | None

    @classmethod
    def merge(cls, queued: "QueuedRead | None", runs: Iterable[int] | None) -> "QueuedRead":
        if runs is None or (queued is not None and queued.runs is None):
            return cls(None)
        return cls(frozenset(runs) | (queued.runs if queued is not None else frozenset()))


def _settings_seen(session):
    """The program settings and the version of their row (what a write of them will be checked against)."""
    return actions.reading.settings(session), viewers.settings_version(session)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PairingPage", text)


class PairingPage(QWidget):
    """Propose teams, see why, adjust them by hand, lock what is settled, compare runs.

    `proposalEnded(run_id or None)` is emitted on the GUI thread when a proposal ends in any way.
    """

    proposalEnded = Signal(object)
    stateLoaded = Signal()
    alternativesReady = Signal(str)  # director whose alternatives are now listed

    def __init__(self, document: ProgramDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.operation: Operation | None = None
        self.solve_overrides: dict[str, Any] = {}   # tests pass e.g. workers=1
        self.solve_mode = "auto"                     # or "thread" / "process"
        self.run: SavedRun | None = None
        self._program: Program | None = None
        self._staleness: Staleness | None = None
        self._names: dict[str, str] = {}
        self._roles = None  # the program's role names (issue 10), once read
        self._locks: frozenset[tuple[str, str]] = frozenset()
        self._preview_cache: tuple[tuple, tuple[bool, str]] | None = None
        self._evaluator: tuple[Program, RunResult | None, TeamEvaluator] | None = None
        self.loader: Operation | None = None
        self.alternatives_operation: Operation | None = None
        self._alternatives_wanted: tuple[str, int, RunResult] | None = None
        self._queue: QueuedRead | None = None    # what to read once the running read ends
        self._wanted_run: int | None = None      # the run to show once the state is read
        self._proposal_run: int | None = None    # a finished proposal waiting to be shown
        self.aside_box: QMessageBox | None = None  # says where a run that could not be saved went
        self._build()
        self._keyboard_moves()
        self._say_roles()
        self._connect()
        freeze_once()  # before the first background read, so that none of its objects are frozen
        self.reload()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)  # the tab's frame is margin enough: the pixels go to the teams
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._settings_area())
        splitter.addWidget(self._results_area())
        splitter.setStretchFactor(1, 1)
        em = self.fontMetrics().horizontalAdvance("M")
        splitter.setSizes([28 * em, 72 * em])
        layout.addWidget(splitter)

    def _settings_area(self) -> QScrollArea:
        self.settings_panel = SettingsPanel()
        area = QScrollArea()
        area.setWidget(self.settings_panel)
        area.setWidgetResizable(True)
        area.setAccessibleName(self.tr("Pairing settings"))
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.settings_area = area
        self._fit_settings()
        return area

    def _fit_settings(self) -> None:
        """The settings never cut at the right: their area is at least as wide as the panel's narrowest
        layout (sliders with their values) and a vertical scroll bar (issue 11, room to read)."""
        area = self.settings_area
        area.setMinimumWidth(self.settings_panel.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
                             + 2 * area.frameWidth())

    def _results_area(self) -> QWidget:
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)  # the splitter's handle parts it from the settings: room for the teams
        layout.addLayout(self._propose_bar())
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Run summary"))
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        self.details_button = QToolButton()
        self.details_button.setText(self.tr("&Details"))
        self.details_button.setCheckable(True)
        self.details_button.setToolTip(self.tr("Show the solver's figures (objective, proven bound, gap, time)"))
        self.details_button.toggled.connect(lambda _on: self.summary.setText(self._summary_text(self.run)))
        summary_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(summary_row)
        layout.addWidget(self._stale_banner())
        # Teams above the Unmatched / Run history tabs; the selected team's detail beside both, full height,
        # so that names, alternatives and runs all have room at 1280×800 (issue 11).
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.setChildrenCollapsible(False)
        teams = QWidget()
        teams_layout = QVBoxLayout(teams)
        teams_layout.setContentsMargins(0, 0, 0, 0)
        teams_layout.addWidget(self._search_box())
        teams_layout.addWidget(self._team_table(), 1)
        vertical.addWidget(teams)
        vertical.addWidget(self._lower_tabs())
        vertical.setStretchFactor(0, 1)
        vertical.setStretchFactor(1, 0)
        vertical.setSizes([10_000, 1])  # the tabs below at their minimum (six runs), the teams get the rest
        self.detail = TeamDetail()
        detail_area = QScrollArea()
        detail_area.setWidget(self.detail)
        detail_area.setWidgetResizable(True)
        detail_area.setAccessibleName(self.tr("Selected team"))
        detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.setChildrenCollapsible(False)
        beside.addWidget(vertical)
        beside.addWidget(detail_area)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 2)
        em = self.fontMetrics().horizontalAdvance("M")
        beside.setSizes([50 * em, DETAIL_EM * em])
        self.beside, self.detail_area, self._divider_moved = beside, detail_area, False
        beside.splitterMoved.connect(self._divider_dragged)
        beside.installEventFilter(self)
        layout.addWidget(beside, 1)
        return area

    def _divider_dragged(self, *_args) -> None:
        self._divider_moved = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is getattr(self, "beside", None) and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._share_room)  # once the splitter has laid out its new size
        return super().eventFilter(watched, event)

    def _search_box(self) -> QLineEdit:
        """Type a name or an id: the team that person is in is selected (Enter: the next one)."""
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Find a person's team (name or id)…"))
        self.search_edit.setAccessibleName(self.tr("Find a person's team"))
        self.search_edit.textEdited.connect(lambda text: self.find_team(text))
        self.search_edit.returnPressed.connect(lambda: self.find_team(self.search_edit.text(), after_current=True))
        return self.search_edit

    def find_team(self, text: str, *, after_current: bool = False) -> bool:
        """Select the first team (after the selected one, when asked) with a member whose name or id holds text."""
        needle = text.strip().casefold()
        if not needle:
            return False
        model, rows = self.team_model, self.team_model.rowCount()
        start = self.team_view.currentIndex().row() + 1 if after_current else 0
        for offset in range(rows):
            row = (start + offset) % rows if rows else 0
            team = model.team(row)
            members = (team.director, *team.mentors)
            if any(needle in m.casefold() or needle in self._names.get(m, "").casefold() for m in members):
                self.select_director(team.director)
                return True
        return False

    def _stale_banner(self) -> QFrame:
        """Shown when the roster, the locks or the settings changed since the shown run (issue 11)."""
        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.banner.setAccessibleName(self.tr("The shown run is out of date"))
        self.banner_label = plain_label()
        self.banner_label.setWordWrap(True)
        self.banner_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.propose_again_button = QPushButton(self.tr("Propose &again"))
        self.propose_again_button.clicked.connect(self.propose)
        self.check_teams_button = QPushButton(self.tr("C&heck teams"))
        self.check_teams_button.clicked.connect(self.check_teams)
        row = QHBoxLayout(self.banner)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.propose_again_button)
        row.addWidget(self.check_teams_button)
        self.banner.hide()
        return self.banner

    def _propose_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.propose_button = QPushButton(self.tr("&Propose teams"))
        # Extra keys as shortcuts of the page, so that the buttons keep their Alt mnemonics too.
        self.propose_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.propose_key.activated.connect(self._propose_key)
        self.propose_button.setAccessibleName(self.tr("Propose teams"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop and keep the best teams found so far (Esc)."))
        self.cancel_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.cancel_key.activated.connect(self.cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel the proposal"))
        self.cancel_button.setEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Proposal progress"))
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, 1)
        self.progress_label = plain_label(self.tr("Press Propose to form teams."))
        self.progress_label.setAccessibleName(self.tr("Proposal status"))
        self.progress_label.setWordWrap(True)
        bar.addWidget(self.propose_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.progress_bar)
        bar.addWidget(self.progress_label, 1)
        return bar

    def _team_table(self) -> QTableView:
        self.team_model = TeamTableModel(self)
        self.team_model.move_handler = self
        view = QTableView()
        view.setModel(self.team_model)  # the model sorts itself (no proxy: 2,000 teams must show at once)
        view.setAccessibleName(self.tr("Teams"))
        view.setSortingEnabled(True)
        view.sortByColumn(TeamTableModel.NUMBER, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.CopyAction)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setItemDelegateForColumn(TeamTableModel.SCORE, ScoreBarDelegate(view))
        view.verticalHeader().hide()
        view.setWordWrap(False)  # one line per team keeps rows even; tooltips hold the full text
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setHighlightSections(False)  # a selected team would make every header bold (wider)
        model = self.team_model
        # Every column in view at 1280×800 (issue 11): names as wide as the longest, elided (full in the tooltip)
        # only when the table truly lacks room; the score bar, slots and locks compact.
        self.team_columns = ColumnFitter(
            view, self.team_model.column_texts,
            minimum_em={model.DIRECTOR: 6, model.PRODUCER: 6, model.INSTRUCTORS: 9},
            extra={model.LOCKS: ICON_PX + 6, model.SCORE: view.fontMetrics().horizontalAdvance("M")},  # its bar
            stretch=(model.INSTRUCTORS,))
        self.team_columns.measured.connect(self._share_room)
        self.team_view = view
        return view

    def size_team_columns(self) -> None:
        """Team columns as wide as their header and their longest text (names in full, issue 11), fitted to the
        table; measured once the shown rows are settled."""
        self.team_columns.measure_later()

    def _share_room(self) -> None:
        """The teams get the width their columns want (no sideways scrolling at 1280×800, issue 11), the selected
        team's detail the rest: its preferred width when the teams need less (no teams yet, short names), never
        less than it needs to show its texts whole. Once the curator moves the divider, it stays there."""
        beside = self.beside
        total = sum(beside.sizes())
        if self._divider_moved or total <= 0:
            return
        area = self.detail_area
        edges = area.verticalScrollBar().sizeHint().width() + 2 * area.frameWidth()
        em = self.fontMetrics().horizontalAdvance("M")
        least = self.detail.minimumSizeHint().width() + edges
        liked = max(self.detail.sizeHint().width() + edges, DETAIL_EM * em)  # alternatives' names whole
        teams = min(max(self.team_columns.wanted_width(), total - liked), total - least)
        beside.setSizes([teams, total - teams])

    def _lower_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        self.unmatched_text = QPlainTextEdit()
        self.unmatched_text.setReadOnly(True)
        tabs.addTab(self.unmatched_text, self.tr("&Unmatched and diagnosis"))
        self.history = RunHistoryPanel()
        tabs.addTab(self.history, self.tr("&Run history"))
        self.lower_tabs = tabs
        return tabs

    def _keyboard_moves(self) -> None:
        """Cut a member (Ctrl+X in Members) and paste onto the selected team (Ctrl+V in the table): the
        keyboard way to do what drag and drop does, with the same checks. The keys are the window's
        Edit ▸ Cut/Paste, which call `cut_selection`/`paste_selection` here (one shortcut per key: two
        would be ambiguous and neither would run); the context menus carry the same actions."""
        self.clipboard: MentorPayload | None = None
        self.cut_action = QAction(self.tr("Cu&t mentor (to move to another team)"), self)
        self.cut_action.triggered.connect(self.cut_mentor)
        self.paste_action = QAction(self.tr("&Paste mentor into this team"), self)
        self.paste_action.triggered.connect(self.paste_mentor)
        for view, action in ((self.detail.members_view, self.cut_action), (self.team_view, self.paste_action)):
            view.addAction(action)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def cut_mentor(self) -> None:
        index = self.detail.members_view.currentIndex()
        if not index.isValid():
            return
        member = self.detail.members_model.member(index.row())
        self.clipboard = MentorPayload(member.mentor, member.role, source=self.detail.team.director)
        self.detail.hint.setText(self.tr("Select another team and press Ctrl+V to move %1 there.")
                                 .replace("%1", self._names.get(member.mentor, member.mentor)))

    def cut_selection(self) -> None:
        if self.detail.members_view.hasFocus():
            self.cut_mentor()

    def paste_selection(self) -> bool:
        return self.paste_mentor()

    def copy_selection(self) -> bool:
        """Ctrl+C: the selected team (or every team when none is selected) as a table for Excel or WPS."""
        rows = sorted({index.row() for index in self.team_view.selectionModel().selectedRows()})
        rows = rows or list(range(self.team_model.rowCount()))
        if not rows:
            return False
        put_text(model_tsv(self.team_model, rows))
        return True

    def paste_mentor(self) -> bool:
        director = self.selected_director()
        if self.clipboard is None or director is None:
            return False
        if self.apply(self.clipboard, director):
            self.clipboard = None
            return True
        return False

    def _connect(self) -> None:
        self.propose_button.clicked.connect(self.propose)
        self.cancel_button.clicked.connect(self.cancel)
        self.settings_panel.changed.connect(self._settings_edited)
        self.team_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected_team())
        self.detail.lockRequested.connect(self._lock_pair)
        self.detail.lockTeamRequested.connect(self._lock_team)
        self.detail.alternativeChosen.connect(self.use_alternative)
        self.history.runChosen.connect(self.show_run)
        self.document.changed.connect(self._changed_here)
        self.document.elsewhere.connect(self._changed_elsewhere)
        self.document.settingsChanged.connect(self._settings_changed)

    # -- reading ----------------------------------------------------------------------------

    def _changed_here(self, changes: ChangeSet) -> None:
        """This window's action (or its undo): read what it concerns — the runs it names, and the program
        when people, locks or settings changed (the banner depends on them)."""
        runs = changes.runs_added | changes.runs_changed | {run for run, _director in changes.teams}
        if runs or changes.runs_removed or changes.roster or changes.vocabulary or changes.locks or changes.settings:
            self.reload(runs)

    def _changed_elsewhere(self, tables: frozenset[str]) -> None:
        """Another window or process changed the program (which rows is not known): read every run when runs
        changed, else the program alone; the models change only the rows that differ (issue 11)."""
        if tables & RUN_TABLES:
            self.reload()
        elif tables & PROGRAM_TABLES:
            self.reload(())

    def reload(self, runs: Iterable[int] | None = None) -> None:
        """Read the program and the runs given (None: every run) off the GUI thread (large programs take a
        while); a change while reading adds to the next read, so nothing is missed."""
        self._settings_changed()
        self._locks_changed()
        self._queue = QueuedRead.merge(self._queue, runs)
        if self.loader is None:
            self._read_queued()

    reload_runs = reload

    def _read_queued(self) -> None:
        asked, self._queue = self._queue.runs, None
        read = self.document.reader(read_state, asked)
        self.loader = run_in_background(lambda report, cancel: read(),
                                        on_finished=self._state_loaded, on_failed=self._state_failed, parent=self)

    def _state_loaded(self, state: PageState) -> None:
        self.loader = None
        if self._queue is not None:  # changed while reading: read again (this read's runs too) before showing
            self._queue = QueuedRead.merge(self._queue, state.asked)
            self._read_queued()
            return
        self._program = state.program
        roles = self._roles = state.program.properties.role_names()
        self.team_model.set_role_names(roles)  # issue 10
        self.detail.set_role_names(roles)
        self.settings_panel.set_role_names(roles)
        self._say_roles()
        self._staleness = state.staleness
        self._names = {p.id: p.name for p in state.program.people}
        self._locks = frozenset((lk.director, lk.mentor) for lk in state.program.locks)
        self.history.update_runs(state.numbers, state.runs, self._names, roles)
        by_id = {r.id: r for r in self.history.model.runs()}
        wanted = self._wanted_run if self._wanted_run in by_id else (self.run.id if self.run else None)
        self._wanted_run = None
        runs = self.history.model.runs()
        self.show_run(by_id[wanted] if wanted in by_id else (runs[-1] if runs else None))
        freeze_loaded_state(len(state.program.directors))
        self.stateLoaded.emit()
        if self._proposal_run is not None:
            run_id, self._proposal_run = self._proposal_run, None
            self._report_proposal(by_id.get(run_id))
            self.proposalEnded.emit(run_id)

    def _report_proposal(self, run: SavedRun | None) -> None:
        if run is None:
            return
        result = run.result
        self.progress_label.setText(self.tr("Done: %1 teams, %2, in %3 s.").replace("%1", str(len(result.teams)))
                                    .replace("%2", status_text(result.status)).replace("%3", f"{result.wall_s:.1f}"))
        if result.unmatched or result.status is RunStatus.INFEASIBLE:
            self.lower_tabs.setCurrentIndex(0)

    def _state_failed(self, message: str) -> None:
        self.loader = None
        self.summary.setText(self.tr("The program could not be read: %1").replace("%1", message))
        if self._proposal_run is not None:
            self._proposal_run = None
            self.proposalEnded.emit(None)

    def program(self) -> Program:
        """The program as plain values (manual swaps and alternatives need it); read in the background."""
        if self._program is None:
            self._program = self.document.program()
        return self._program

    def run_program(self) -> Program:
        """The program as the shown run saw it: its `previous` is the run before, not the latest run
        (reasons such as "kept from the previous run" and stability scores depend on it)."""
        return self.run_evaluator().program

    def run_evaluator(self) -> TeamEvaluator:
        """The engine's evaluator of `run_program`, kept while the page shows the same program value and run
        (a drag asks it many questions); made anew when either changes — every change to the program
        (roster, locks, settings) replaces `self._program` (issue 8: the caller owns the evaluator)."""
        program = self.program()
        earlier = [r for r in self.history.model.runs() if self.run is not None and r.id < self.run.id]
        previous = earlier[-1].result if earlier else None
        kept = self._evaluator
        if kept is None or kept[0] is not program or kept[1] is not previous:
            derived = program if program.previous is previous else replace(program, previous=previous)
            self._evaluator = kept = (program, previous, TeamEvaluator(derived))
        return kept[2]

    def _locks_changed(self) -> None:
        # Small and read at once: the lock boxes must follow the click.
        self._locks = frozenset((lk.director, lk.mentor) for lk in self.document.read(actions.reading.locks))
        if self._program is not None:
            self._program = replace(self._program, locks=tuple(Lock(d, m) for d, m in sorted(self._locks)))
        self.team_model.set_locks(self._locks)
        self.detail.set_locks(self._names, self._locks)

    def _settings_changed(self) -> None:
        settings, version = self.document.read(_settings_seen)
        self.document.saw({}, version)
        self.settings_panel.set_settings(settings)
        if self._program is not None:
            self._program = replace(self._program, settings=settings)

    # -- showing a run ----------------------------------------------------------------------

    def show_run(self, run: SavedRun | None) -> None:
        selected = self.selected_director()
        same_run = run is not None and self.run is not None and run.id == self.run.id
        self.run = run
        self._preview_cache = None
        teams = run.result.teams if run else ()
        if same_run:  # the shown run as it is now (a manual change, names, locks): its rows, in place
            self.team_model.set_names(self._names)
            self.team_model.set_locks(self._locks)
            self.team_model.update_teams(teams)
        else:  # another run: every row is another team
            self.team_model.set_teams(teams, self._names, self._locks, data_lang())
        self.size_team_columns()
        self.summary.setText(self._summary_text(run))
        self.unmatched_text.setPlainText(self._unmatched_text(run) + self._stale_details(run))
        self._show_banner(run)
        if selected and self.select_director(selected):
            return
        self.detail.show_team(None, self._names, self._locks, [])

    def _role(self, role: str, count: int = 1) -> str:
        """A role in the program's own words inside a sentence ("screenwriter", "编剧学员"; issue 10)."""
        return role_word(self._roles, role, plural=count != 1)

    def _say_roles(self) -> None:
        """Texts made before the program's role names were known say them now."""
        self.propose_button.setToolTip(fmt(self.tr("Propose teams for every %1 (F5); locked pairs are kept."),
                                           self._role("director")))
        self.unmatched_text.setAccessibleName(fmt(self.tr("Unmatched %1 and diagnosis"), self._role("director", 2)))
        self._fit_settings()  # the settings' texts may have changed with the role names

    def staleness_of(self, run: SavedRun | None) -> Staleness | None:
        """How the program moved on since this run (known for the latest run), or None when it did not."""
        stale = self._staleness
        return stale if stale and run is not None and stale.run_id == run.id else None

    def _show_banner(self, run: SavedRun | None) -> None:
        stale = self.staleness_of(run)
        self.banner.setVisible(stale is not None)
        if stale is None:
            return
        names = lambda ids: ", ".join(self._names.get(i, i) for i in ids[:5]) + ("…" if len(ids) > 5 else "")  # noqa: E731
        parts = []
        if stale.new:
            parts.append(fmt(self.tr("%n new %1 without a team (%2)", "", len(stale.new)),
                             self._role("director", len(stale.new)), names(stale.new)))
        if stale.left:
            parts.append(fmt(self.tr("%n of its people left the roster (%1)", "", len(stale.left)), names(stale.left)))
        if stale.broken:
            broken = [d for d, _problems in stale.broken]
            parts.append(fmt(self.tr("%n team(s) now break a rule (%1)", "", len(broken)), names(broken)))
        if stale.settings:
            parts.append(self.tr("the pairing settings changed"))
        self.banner_label.setText(fmt(self.tr("Since run %1 was proposed: %2. Propose again, or check the teams "
                                              "and fix them by hand."), run.id, "; ".join(parts)))

    def _stale_details(self, run: SavedRun | None) -> str:
        stale = self.staleness_of(run)
        if stale is None:
            return ""
        lines = ["", "", self.tr("Since this run was proposed:")]
        lines += [fmt(self.tr("• %1 (%2) is new and has no team."), self._names.get(d, d), d) for d in stale.new]
        lines += [fmt(self.tr("• %1 left the roster."), i) for i in stale.left]
        for director, problems in stale.broken:
            lines.append(fmt(self.tr("• The team of %1 breaks a rule: %2"), self._names.get(director, director),
                             " ".join(say(p, self._roles) for p in problems)))
        if stale.settings:
            lines.append(self.tr("• The pairing settings changed."))
        return "\n".join(lines)

    def check_teams(self) -> None:
        """Show what makes the run out of date, team by team (the Unmatched and diagnosis tab)."""
        self.lower_tabs.setCurrentIndex(0)
        self.unmatched_text.setFocus()

    def _summary_text(self, run: SavedRun | None) -> str:
        if run is None:
            return self.tr("No teams yet. Set what matters on the left and press Propose.")
        result = run.result
        text = self.tr("Run %1 — %2 — %3 teams, %4 unmatched — score %5").replace("%1", str(run.id))
        text = text.replace("%2", status_text(result.status)).replace("%3", str(len(result.teams)))
        text = text.replace("%4", str(len(result.unmatched))).replace("%5", f"{result.total_score:.1f}")
        if result.status is not RunStatus.OPTIMAL and result.gap_percent is not None:
            text += " (" + better_possible_text(result) + ")"
        if self.details_button.isChecked():
            text += "\n" + self._solver_details(result)
        return text

    def _solver_details(self, result: RunResult) -> str:
        """The solver's own figures, for whoever asks (the Details toggle): objective with the stability bonus,
        proven bound, gap, time."""
        gap = result.gap_percent
        return fmt(self.tr("Solver: objective %1 (with the stability bonus), proven bound %2, gap %3, %4 s."),
                   f"{result.objective:.1f}", f"{result.bound:.1f}", "—" if gap is None else f"{gap:.2f} %",
                   f"{result.wall_s:.1f}")

    def _unmatched_text(self, run: SavedRun | None) -> str:
        if run is None:
            return ""
        result = run.result
        lines = [f"• {self._names.get(u.id, u.id)} ({u.id}): {say(u.why, self._roles)}" for u in result.unmatched]
        if result.diagnosis:
            lines += ["", self.tr("Diagnosis:")] + [f"• {say(d, self._roles)}" for d in result.diagnosis]
        if not lines and self.staleness_of(run) is None:
            return fmt(self.tr("Every %1 has a team, and every hard rule holds."), self._role("director"))
        if not lines:
            return fmt(self.tr("Every %1 of this run has a team."), self._role("director"))
        header = fmt(self.tr("%n %1 without a team:", "", len(result.unmatched)),
                     self._role("director", len(result.unmatched)))
        return "\n".join(([header] if result.unmatched else []) + lines)

    def selected_director(self) -> str | None:
        index = self.team_view.currentIndex()
        if not index.isValid():
            return None
        return self.team_model.team(index.row()).director

    def select_director(self, director: str) -> bool:
        row = self.team_model.row_of(director)
        if row < 0:
            return False
        index = self.team_model.index(row, 0)
        if self.team_view.currentIndex().row() == row:
            self._show_selected_team()  # same row (e.g. after a reset): the signal below would not fire
        self.team_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _show_selected_team(self) -> None:
        director = self.selected_director()
        team = None if director is None else self.team_model.team(self.team_model.row_of(director))
        self.detail.show_team(team, self._names, self._locks, [], data_lang())
        self.detail.hint.setText("")
        if team is not None and self.run is not None:
            self._find_alternatives(team.director)

    def _find_alternatives(self, director: str) -> None:
        """Alternatives take seconds at 2,000 directors: found in the background, one search at a time."""
        wanted = self._alternatives_wanted
        if wanted is None or wanted[:2] != (director, self.run.id) or wanted[2] is not self.run.result:
            self._alternatives_wanted = (director, self.run.id, self.run.result)
        self.detail.alternatives_placeholder(self.tr("Looking for alternatives…"))
        if self.alternatives_operation is not None:
            return  # the running search ends soon; then the latest wish is searched
        wanted = self._alternatives_wanted
        nothing_found = (wanted, ([], None))
        self.alternatives_operation = run_in_background(
            alternatives_work(self.run_program(), wanted, data_lang()),
            on_finished=self._alternatives_found,
            on_failed=lambda _message: self._alternatives_found(nothing_found),
            on_cancelled=lambda: self._alternatives_found(nothing_found),
            parent=self, quit_cancels=True)

    def _alternatives_found(self, found) -> None:
        searched, alternatives = found
        self.alternatives_operation = None
        wanted = self._alternatives_wanted
        if wanted is None:
            return
        if searched is not wanted:  # the selection or the run changed meanwhile: search for the latest
            if self.run is not None and self.run.id == wanted[1]:
                self._find_alternatives(wanted[0])
            return
        self._alternatives_wanted = None
        alternatives, reasons = alternatives
        self.detail.set_alternatives(wanted[0], alternatives, self._names)
        if reasons is not None:
            self.detail.set_reasons(wanted[0], reasons)
        self.alternativesReady.emit(wanted[0])

    # -- settings ---------------------------------------------------------------------------

    def _settings_edited(self, settings, key: str) -> None:
        save_settings(self.document, settings, key)

    # -- propose / cancel -------------------------------------------------------------------

    def propose(self) -> None:
        if self.operation is not None:
            return
        self.propose_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_bar.setRange(0, 0)  # busy: the solver does not know how long it will take
        self.progress_label.setText(self.tr("Forming teams…"))
        self.operation = run_in_background(
            solve_work(self.document.store, self.solve_overrides, self.solve_mode),
            on_progress=self._progressed, on_finished=self._proposed, on_failed=self._propose_failed,
            on_cancelled=self._propose_cancelled, parent=self, quit_cancels=True)

    def _propose_key(self) -> None:
        if self.propose_button.isEnabled():
            self.propose()

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping — keeping the best teams found so far…"))

    def _progressed(self, progress: SolveProgress) -> None:
        gap = progress.gap
        better = (self.tr("this may be the best possible") if gap is not None and gap < 0.05 else
                  self.tr("at most %1 % better is possible").replace("%1", f"{gap:.1f}") if gap is not None else
                  self.tr("still looking"))
        text = fmt(self.tr("Best so far %1 · %2 · %3 s"), f"{progress.best:.1f}", better, f"{progress.elapsed_s:.1f}")
        if self.details_button.isChecked():
            text += " · " + fmt(self.tr("proven bound %1"), f"{progress.bound:.1f}" if math.isfinite(progress.bound)
                                else "—")
        self.progress_label.setText(text)

    def _finish_operation(self) -> None:
        self.operation = None
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.propose_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _proposed(self, proposed: Proposed) -> None:
        self._finish_operation()
        if proposed.aside is not None:
            self._set_aside(proposed.aside)
            return
        done = proposed.done
        run_id = done.value
        self.progress_label.setText(self.tr("Done: run %1 saved; showing it…").replace("%1", str(run_id)))
        self._wanted_run = self._proposal_run = run_id
        # Every view reads what concerns it; this page shows the new run when read. A run is history: not undone.
        self.document.record(self.tr("Propose teams"), replace(done, undo=None), proposed.counts)

    def _set_aside(self, aside) -> None:
        """The run could not be saved in the program (another program kept its write lock, or the roster, locks
        or settings changed during the search): it was written to a file instead; say where, offer to propose
        again (issue 11: never a lost run, never a silent overwrite). The proposal ends once the curator has
        read it, so that a window closing after its proposal says it first."""
        sentence = say_error(aside, self._roles)
        self.progress_label.setText(self.tr("The teams were not saved in the program; see the message."))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Propose teams"), sentence, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        again = box.addButton(self.tr("Propose &again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setProperty("aside_path", str(aside.path))
        self.aside_box = box
        box.finished.connect(lambda _result: self._aside_read(box.clickedButton() is again))
        box.open()

    def _aside_read(self, again: bool) -> None:
        self.proposalEnded.emit(None)
        if again:
            self.propose()

    def _propose_failed(self, message: str) -> None:
        self._finish_operation()
        self.progress_label.setText(self.tr("The proposal failed."))
        self.proposalEnded.emit(None)
        QMessageBox.warning(self, self.tr("Propose teams"), as_written(message))

    def _propose_cancelled(self) -> None:
        self._finish_operation()
        self.progress_label.setText(self.tr("Cancelled before any team was found; nothing was saved."))
        self.proposalEnded.emit(None)

    # -- locks ------------------------------------------------------------------------------

    def _lock_pair(self, director: str, mentor: str, locked: bool) -> None:
        set_locks(self.document, [Lock(director, mentor)], locked)

    def _lock_team(self, director: str, locked: bool) -> None:
        row = self.team_model.row_of(director)
        if row < 0:
            return
        team = self.team_model.team(row)
        pending = [m for m in team.mentors if ((director, m) in self._locks) != locked]
        if not pending:
            return
        text = QT_TRANSLATE_NOOP("PairingPage", "Lock team") if locked else QT_TRANSLATE_NOOP("PairingPage", "Unlock team")
        set_locks(self.document, [Lock(director, m) for m in pending], locked, step_text("PairingPage", text))

    # -- manual changes (MoveHandler for the team model's drops) ------------------------------

    def _move(self, payload: MentorPayload, director: str) -> Move:
        return Move(payload.mentor, payload.role, director, payload.source, payload.replaces, payload.target_hint)

    def _outcome(self, payload: MentorPayload, director: str) -> Outcome:
        if self.run is None:
            raise MoveRefused(_tr("There are no teams yet; press Propose first."))
        return evaluate(self.run_evaluator(), self.run.result, self._move(payload, director))

    def preview(self, payload: MentorPayload, director: str) -> tuple[bool, str]:
        """Checked live while dragging: may the mentor go there, and what would the score do?"""
        key = (payload, director, self.run.id if self.run else None)
        if self._preview_cache is not None and self._preview_cache[0] == key:
            return self._preview_cache[1]
        try:
            outcome = self._outcome(payload, director)
        except MoveRefused as refused:
            answer = (False, say_error(refused, self._roles))
        else:
            answer = (outcome.allowed, self._outcome_text(outcome))
        self._preview_cache = (key, answer)
        self.detail.hint.setText(answer[1])
        return answer

    def _outcome_text(self, outcome: Outcome) -> str:
        if not outcome.allowed:
            return self.tr("Not allowed: %1").replace("%1", " ".join(say(v, self._roles) for v in outcome.violations))
        return self.tr("Score change: %1").replace("%1", f"{outcome.delta:+.1f}")

    def apply(self, payload: MentorPayload, director: str) -> bool:
        """Make a manual change if every hard rule still holds; otherwise say why and change nothing."""
        try:
            outcome = self._outcome(payload, director)
        except MoveRefused as refused:
            QMessageBox.warning(self, self.tr("Change the team"), as_written(say_error(refused, self._roles)))
            return False
        if not outcome.allowed:
            QMessageBox.warning(self, self.tr("Change the team"),
                                as_written(self.tr("This change would break a hard rule, so it was not made:\n\n%1")
                                           .replace("%1", "\n".join(say(v, self._roles) for v in outcome.violations))))
            return False
        mentor = self._names.get(payload.mentor, payload.mentor)
        text = step_text("PairingPage", QT_TRANSLATE_NOOP("PairingPage", "Move %1 to the team of %2"), mentor,
                         self._names.get(director, director))
        locks = hand_made_pairs(self.run.result, outcome.result)
        if self.document.perform(text, move_and_lock, self.run.id, outcome.result, locks) is None:
            return False
        self.show_run(replace(self.run, result=outcome.result))  # at once; the re-read that follows agrees
        self.select_director(director)
        pairs = ", ".join(f"{self._names.get(lk.director, lk.director)} – {self._names.get(lk.mentor, lk.mentor)}"
                          for lk in locks)
        self.detail.hint.setText(self._outcome_text(outcome) + " " + fmt(
            self.tr("Locked, so the next Propose keeps it: %1 (uncheck to let it change)."), pairs))
        return True

    def use_alternative(self, row: int) -> bool:
        """Apply the engine's alternative in `row` of the selected team's alternatives."""
        model = self.detail.alternatives_model
        if not 0 <= row < model.rowCount():
            return False
        payload = model.payload(row)
        return self.apply(payload, payload.target_hint)

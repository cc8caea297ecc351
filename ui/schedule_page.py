"""The Schedule page (issue 10): a week of the program as a grid (days × parts of the day) of meetings,
a person filter, the teams short of meetings with the reasons, moving a meeting by drag or keyboard with
the clash and availability checks live (undoable), and re-scheduling in the background with progress."""

from __future__ import annotations

import datetime as dt
import json
import re

from typing import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QListView, QListWidget,
    QListWidgetItem, QProgressBar, QPushButton, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from pairing.actions import scheduling
from pairing.calendar import DAY_LABELS, DAYS, PART_LABELS, PARTS
from pairing.domain import Meeting, Person, Program, SavedRun, Schedule
from pairing.schedule.edit import move_problems, target_cell
from pairing.schedule.explain import display
from pairing.schedule.frame import is_dated_calendar
from pairing.words import Renderer, msg
from ui.document import ProgramDocument, step_text
from ui.i18n import data_lang, fmt
from ui.operations import run_in_background
from ui.schedule_work import (
    RUN_TABLES, ScheduleProblems, ScheduleState, concerns_schedule_elsewhere, concerns_schedule_here,
    meetings_by_cell, read_people, read_schedule_state, runs_changed_here, schedule_state_work,
)

MEETINGS_ROLE = Qt.ItemDataRole.UserRole + 1
MIME = "application/x-pairing-meeting"
CLASH = QColor("#F8D7DA")
BUSY = QColor("#E3F0E6")


def renderer(program: Program | None) -> Renderer:
    roles = program.properties.role_names() if program is not None else None
    return Renderer.for_lang(data_lang(), **({"roles": roles} if roles else {}))


class ScheduleWeekModel(QAbstractTableModel):
    """One week of the schedule: rows are the parts of the day, columns the seven days of the week.
    Each cell holds the meetings there (of one person when the filter is set); a meeting dragged onto
    a cell is checked live (`checked` carries the problems) and `moveRequested` asks the page to move it."""

    moveRequested = Signal(object, object)  # Meeting, (week, slot)
    checked = Signal(object)  # tuple of Message: why the meeting under the cursor cannot go there

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.schedule: Schedule | None = None
        self.program: Program | None = None
        self.people: dict[str, Person] = {}
        self.by_cell: Mapping[tuple[int, str], tuple[Meeting, ...]] = {}
        self.numbers: dict[str, int] = {}
        self.week = 0
        self.person: str | None = None
        self.chosen: Meeting | None = None  # the meeting a drag or a key press moves
        self.dated = False
        self._rows, self._columns = 0, 0  # the grid's shape: none without a schedule, else parts × days
        self._by_key: dict[tuple[str, int], Meeting] | None = None
        self._cells: dict[tuple[int, int], tuple] = {}  # (row, column) → what the cell says, made when first asked

    # -- content --------------------------------------------------------------------------------

    def set_schedule(self, schedule: Schedule | None, program: Program | None, run: SavedRun | None,
                     by_cell: Mapping | None = None) -> None:
        """Show another state of the schedule in place (issue 11): the cells of the shown week whose meetings,
        names or numbers changed are announced as changed; the grid's rows and columns appear or go only when
        a schedule appears or goes. The view's current cell and selection stay."""
        before = self._cell_texts()
        old_start = self.date_of(0)
        self._set_shape(len(PARTS) if schedule is not None else 0, 7 if schedule is not None else 0,
                        lambda: self._take(schedule, program, run, by_cell))
        if self.chosen is not None:  # the same meeting (team and period) in the new schedule, wherever it is now
            self.chosen = self.find(self.chosen.team, self.chosen.period)
        after = self._cell_texts()
        for (row, column), texts in after.items():
            if before.get((row, column)) != texts:
                self.dataChanged.emit(self.index(row, column), self.index(row, column))
        if self._columns and self.date_of(0) != old_start:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    def _take(self, schedule, program, run, by_cell) -> None:
        self.schedule, self.program = schedule, program
        self.people = program.by_id() if program else {}
        self.by_cell = by_cell if by_cell is not None else meetings_by_cell(schedule)
        self._by_key = None  # (team, period) → meeting, made when first asked
        self._cells = {}
        self.numbers = {t.director: i for i, t in enumerate(run.result.teams, start=1)} if run else {}
        self.dated = bool(program and is_dated_calendar(program.settings.calendar))
        if schedule is not None:
            self.week = min(self.week, schedule.frame.weeks - 1)

    def _set_shape(self, rows: int, columns: int, take) -> None:
        """Change the grid's shape around `take()` (which changes what it shows) with the matching signals:
        columns go before rows, rows come before columns."""
        if columns < self._columns:
            self.beginRemoveColumns(QModelIndex(), columns, self._columns - 1)
            self._columns = columns
            self.endRemoveColumns()
        if rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()
        take()
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        if columns > self._columns:
            self.beginInsertColumns(QModelIndex(), self._columns, columns - 1)
            self._columns = columns
            self.endInsertColumns()

    def _cell_texts(self) -> dict[tuple[int, int], tuple]:
        """What each cell of the shown week says: compared before and after a change."""
        return {(row, column): self._cell(row, column) for row in range(self._rows) for column in range(self._columns)}

    def find(self, team: str, period: int) -> Meeting | None:
        """A team's meeting of a period in the shown schedule."""
        if self._by_key is None:
            self._by_key = {(m.team, m.period): m for m in (self.schedule.meetings if self.schedule else ())}
        return self._by_key.get((team, period))

    def set_week(self, week: int) -> None:
        self.week = week
        self._cells.clear()
        self._all_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def set_person(self, person: str | None) -> None:
        self.person = person
        self._cells.clear()
        self._all_changed()

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def date_of(self, column: int) -> dt.date | None:
        if self.schedule is None:
            return None
        return self.schedule.frame.start + dt.timedelta(days=7 * self.week + column)

    def cell_of(self, index: QModelIndex) -> tuple[int, str] | None:
        """The (week, slot) of a grid cell in the schedule's own terms."""
        when = self.date_of(index.column())
        if when is None or not index.isValid():
            return None
        part = PARTS[index.row()]
        slot = f"{when.isoformat()} {part}" if self.dated else f"{DAYS[when.weekday()]} {part}"
        return self.week, slot

    def meetings_at(self, index: QModelIndex) -> list[Meeting]:
        cell = self.cell_of(index)
        if cell is None or self.schedule is None:
            return []
        return [m for m in self.by_cell.get(cell, ()) if self.person is None or self.person in m.people]

    def index_of(self, meeting: Meeting) -> QModelIndex:
        """The grid cell of a meeting in the shown week (invalid when it is in another week)."""
        if meeting.week != self.week or self.schedule is None:
            return QModelIndex()
        column = (meeting.start.date() - self.date_of(0)).days
        return self.index(PARTS.index(meeting.slot.split(" ")[1]), column)

    def label(self, meeting: Meeting) -> str:
        person = self.people.get(meeting.team)
        return f"{self.numbers.get(meeting.team, '?')} · {person.name if person else meeting.team}"

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows or index.column() >= self._columns:
            return None
        if role == MEETINGS_ROLE:
            return tuple(self.meetings_at(index))
        text, tooltip, clash = self._cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip
        if role == Qt.ItemDataRole.BackgroundRole and clash is not None:
            return QBrush(CLASH if clash else BUSY)
        return None

    def _cell(self, row: int, column: int) -> tuple[str, str | None, bool | None]:
        """What a cell of the shown week says — its text, tooltip and whether two of its meetings share a person
        (None: no meeting) — made once per state of the model (a cell of a large program holds dozens)."""
        found = self._cells.get((row, column))
        if found is None:
            meetings, names = self.meetings_at(self.index(row, column)), self.people
            text = "\n".join(self.label(m) for m in meetings)
            tooltip = "\n".join(f"{self.label(m)}: {', '.join(names[p].name if p in names else p for p in m.people)}"
                                for m in meetings) if meetings else None
            found = self._cells[(row, column)] = (text, tooltip, self._clash(meetings) if meetings else None)
        return found

    def _clash(self, meetings: list[Meeting]) -> bool:
        people = [p for m in meetings for p in m.people]
        return len(people) != len(set(people))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return part_label(PARTS[section]) if 0 <= section < self._rows else None
        when = self.date_of(section)
        if when is None or not 0 <= section < self._columns:
            return None
        return f"{day_label(DAYS[when.weekday()])}\n{when:%m-%d}"

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        meetings = [m for index in indexes for m in self.meetings_at(index)]
        meeting = self.chosen if self.chosen in meetings else (meetings[0] if meetings else None)
        if meeting is not None:
            data.setData(MIME, json.dumps({"team": meeting.team, "period": meeting.period}).encode())
        return data

    def meeting_of(self, data: QMimeData) -> Meeting | None:
        if self.schedule is None or not data.hasFormat(MIME):
            return None
        key = json.loads(bytes(data.data(MIME)).decode())
        return self.find(key["team"], key["period"])

    def problems(self, meeting: Meeting, cell) -> tuple:
        if self.schedule is None or self.program is None:
            return ()
        return move_problems(self.schedule, self.program, meeting, cell)

    def canDropMimeData(self, data, action, row, column, parent: QModelIndex) -> bool:
        meeting = self.meeting_of(data)
        if meeting is None or not parent.isValid():
            return False
        cell = self.cell_of(parent)
        if cell == meeting.cell:
            self.checked.emit(())
            return False
        problems = self.problems(meeting, cell)
        self.checked.emit(problems)
        return not problems

    def dropMimeData(self, data, action, row, column, parent: QModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.moveRequested.emit(self.meeting_of(data), self.cell_of(parent))
        return False  # the page moves it through an undoable action; nothing to remove from the source


def day_label(day: str) -> str:
    return DAY_LABELS[data_lang()].get(day, day)


def part_label(part: str) -> str:
    return PART_LABELS[data_lang()].get(part, part)


class SchedulePage(QWidget):
    """The meeting schedule of the latest run, one week at a time.

    It follows the program in place (issue 11): a change that concerns it — this window's, another window's
    or the command line's — is read off the GUI thread, and only the cells, names and lines that differ
    change; the week, the shown person, the current cell and the chosen meeting stay. A read asked for before
    a newer change is never shown. A banner says when the schedule is out of date with its run (teams changed,
    a member no longer free, people who left, the program's dates changed), with the action that mends it."""

    said = Signal(str)
    loaded = Signal()
    resultDropped = Signal(int)  # the generation of a read that arrived after a newer change

    def __init__(self, document: ProgramDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.run: SavedRun | None = None
        self.schedule: Schedule | None = None
        self.program: Program | None = None
        self.problems = ScheduleProblems()
        self.operation = None   # a re-schedule
        self.loader = None      # a background read
        self.generation = 0     # counts the changes (and reloads) asked for; the shown state is the newest read
        self._basis: ScheduleState | None = None  # the last state read, shown or not
        self._runs_pending = True  # a run, its teams or a schedule changed since the last state shown
        self._asked = 0  # the generation of the read under way
        self._follow: tuple[str, int] | None = None  # a meeting to make current once read (after a move)
        self._say_when_read = False
        self.model = ScheduleWeekModel(self)
        self._build()
        self.model.moveRequested.connect(self.move_meeting)
        self.model.checked.connect(self._show_problems)
        document.changed.connect(self._changed_here)
        document.elsewhere.connect(self._changed_elsewhere)
        self.reload()

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.week_box = QSpinBox()
        self.week_box.setPrefix(self.tr("Week "))
        self.week_label = QLabel()
        self.person_box = QComboBox()
        self.person_box.setAccessibleName(self.tr("Show the week of"))
        # People arrive after the page is shown (read in the background): a width that holds most names.
        self.person_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person_box.setMinimumContentsLength(22)
        self.person_box.addItem(self.tr("Everyone"), None)
        self._people_items: list[tuple[str, str | None]] = [(self.tr("Everyone"), None)]  # what the box holds
        self.fresh_box = QCheckBox(self.tr("Place every meeting anew"))
        self.schedule_button = QPushButton(self.tr("&Schedule meetings"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        top = QHBoxLayout()
        for widget in (self.previous_button, self.week_box, self.next_button, self.week_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.person_box)
        top.addWidget(self.fresh_box)
        top.addWidget(self.schedule_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setAccessibleName(self.tr("Meetings of the week"))

        self.cell_list = QListWidget()
        self.cell_list.setAccessibleName(self.tr("Meetings in the selected slot"))
        _wrap_lines(self.cell_list)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unscheduled_list = QListWidget()
        _wrap_lines(self.unscheduled_list)
        self.unscheduled_list.setAccessibleName(self.tr("Teams short of meetings"))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.cell_title = QLabel(self.tr("In the selected slot (Ctrl+arrow keys move the chosen meeting):"))
        self.cell_title.setWordWrap(True)
        self.unscheduled_title = QLabel(self.tr("Teams short of meetings:"))
        for widget in (self.cell_title, self.cell_list, self.problems_label, self.unscheduled_title,
                       self.unscheduled_list):
            side_layout.addWidget(widget)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.status = QLabel(self.tr("Reading the meetings…"))  # until the first read ends (in the background)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._stale_banner())
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.previous_button.clicked.connect(lambda: self.week_box.setValue(self.week_box.value() - 1))
        self.next_button.clicked.connect(lambda: self.week_box.setValue(self.week_box.value() + 1))
        self.week_box.valueChanged.connect(self._on_week)
        self.person_box.currentIndexChanged.connect(self._on_person)
        self.schedule_button.clicked.connect(self.reschedule)
        self.cancel_button.clicked.connect(self.cancel)
        self.view.selectionModel().currentChanged.connect(self._on_cell)
        self.cell_list.currentRowChanged.connect(self._on_chosen)
        for key, days, parts in (("Ctrl+Left", -1, 0), ("Ctrl+Right", 1, 0), ("Ctrl+Up", 0, -1),
                                 ("Ctrl+Down", 0, 1)):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=days, p=parts: self.move_by(d, p))

    def _stale_banner(self) -> QFrame:
        """Shown when the schedule is out of date with its run or the roster (issue 11), as on the Pairing page."""
        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.banner.setAccessibleName(self.tr("The shown meetings are out of date"))
        self.banner_label = QLabel()
        self.banner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_label.setWordWrap(True)
        self.banner_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.update_button = QPushButton(self.tr("Schedule meetings a&gain"))
        self.update_button.clicked.connect(self.mend)
        row = QHBoxLayout(self.banner)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.update_button)
        self.banner.hide()
        return self.banner

    # -- reading --------------------------------------------------------------------------------

    def _changed_here(self, changes) -> None:
        if concerns_schedule_here(changes):
            self.reload(runs=runs_changed_here(changes))

    def _changed_elsewhere(self, tables: frozenset[str]) -> None:
        if concerns_schedule_elsewhere(tables):
            self.reload(runs=bool(tables & RUN_TABLES))

    def reload(self, runs: bool = True) -> None:
        """Read again, off the GUI thread — the program, and with `runs` its latest run and that run's schedule
        too — then change in place what is shown. A read asked for before this one is not shown."""
        self.generation += 1
        self._runs_pending |= runs
        if self.loader is None:
            self._read()

    def _read(self) -> None:
        self._asked = self.generation
        work = schedule_state_work(self.document.reader(read_schedule_state), self.document.reader(read_people),
                                   self._basis, self._runs_pending, self.generation)
        self.loader = run_in_background(work, on_finished=self._loaded, on_failed=self._read_failed, parent=self)

    def _loaded(self, state: ScheduleState) -> None:
        self.loader = None
        self._basis = state  # the run and schedule as read: a later read of the program alone keeps them
        if state.generation != self.generation:  # the program changed while it was read: that state is gone
            self.resultDropped.emit(state.generation)
            self._read()
            return
        self._runs_pending = False
        self.show_state(state)
        self.loaded.emit()
        if self._say_when_read:
            self._say_when_read = False
            self.said.emit(self.status.text())

    def _read_failed(self, message: str) -> None:
        self.loader = None
        self.status.setText(message)
        if self.generation != self._asked:  # changed meanwhile: that state may well be readable
            self._read()
            return
        if self._say_when_read:
            self._say_when_read = False
            self.said.emit(message)

    def show_state(self, state: ScheduleState) -> None:
        """Show a state read in the background: every part changes in place."""
        self.program, self.run, self.schedule, self.problems = state.program, state.run, state.schedule, state.problems
        self.model.set_schedule(self.schedule, self.program, self.run, state.by_cell)
        self._fill_people()
        self._fill_unscheduled()
        weeks = self.schedule.frame.weeks if self.schedule else 1
        self.week_box.blockSignals(True)
        self.week_box.setRange(1, weeks)
        self.week_box.blockSignals(False)
        self._show_week(self.week_box.value())
        if self._follow is not None:
            self._go_to(*self._follow)
            self._follow = None
        self._on_cell(self.view.currentIndex())
        self._show_status()
        self._show_banner()
        self.layout().activate()  # the new texts' room now, not at the next event (a longer or CJK line)

    def _fill_people(self) -> None:
        """The people of the run's teams in the Show box, changed in place: the shown person stays."""
        wanted = [(self.tr("Everyone"), None)]
        if self.run is not None and self.program is not None:
            people = self.model.people
            ids = dict.fromkeys(p for t in self.run.result.teams for p in (t.director, *t.mentors))
            mentors = sorted((i for i in ids if i in people and people[i].role.is_mentor), key=lambda i: people[i].name)
            directors = [i for i in ids if i in people and not people[i].role.is_mentor]
            wanted += [(f"{people[i].name} ({i})", i) for i in mentors + directors]
        if wanted == self._people_items:
            return  # nobody of the run's teams came, went or was renamed
        current, box, shown = self.person_box.currentData(), self.person_box, self._people_items
        box.blockSignals(True)
        for row, (text, data) in enumerate(wanted):
            found = next((r for r in range(row, len(shown)) if shown[r][1] == data), -1)
            if found < 0:
                box.insertItem(row, text, data)
                shown.insert(row, (text, data))
                continue
            for _ in range(found - row):
                box.removeItem(row)  # people no longer in the run's teams, or moved further down
                del shown[row]
            if shown[row][0] != text:
                box.setItemText(row, text)
                shown[row] = (text, data)
        while box.count() > len(wanted):
            box.removeItem(box.count() - 1)
            shown.pop()
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)
        if box.currentData() != self.model.person:
            self.model.set_person(box.currentData())

    def _fill_unscheduled(self) -> None:
        """The teams short of meetings, line by line in place (the list keeps its scroll position)."""
        say = renderer(self.program)
        _set_lines(self.unscheduled_list, [say.sentence(short.why) for short in
                                           (self.schedule.unscheduled if self.schedule else ())])
        self.unscheduled_title.setText(self.tr("Teams short of meetings: %n", "", self.unscheduled_list.count()))

    def _show_status(self) -> None:
        if self.run is None:
            self.status.setText(self.tr("No run yet: propose teams on the Pairing page, then schedule their meetings."))
        elif self.schedule is None:
            self.status.setText(self.tr("Run %1 has no meeting schedule yet: press Schedule meetings.")
                                .replace("%1", str(self.run.id)))
        else:
            frame = self.schedule.frame
            self.status.setText(self.tr("Run %1: %2 meetings over %3 weeks from %4; %5 team(s) short of meetings.")
                                .replace("%1", str(self.run.id)).replace("%2", str(len(self.schedule.meetings)))
                                .replace("%3", str(frame.weeks)).replace("%4", frame.start.isoformat())
                                .replace("%5", str(len(self.schedule.unscheduled))))

    def _show_banner(self) -> None:
        """Say how the shown schedule is out of date with its run and the roster, with the action that mends it:
        only changed teams — place those teams' meetings again; anything else — place every meeting anew."""
        problems = self.problems
        self.banner.setVisible(bool(problems))
        if not problems:
            return
        say, names = renderer(self.program), self.model.people
        who = lambda ids: ", ".join(names[i].name if i in names else i for i in ids[:5]) + ("…" if len(ids) > 5 else "")  # noqa: E731
        parts = []
        if problems.stale_teams:  # a manual change on the Pairing page: re-scheduling moves only those teams
            command = f"“{_without_mnemonic(self.schedule_button.text())}”"
            teams = tuple(display(self.program.by_id(), team) for team in problems.stale_teams)
            parts.append(say.sentence(msg("schedule.stale", run=self.run.id, teams=teams, command=command)))
        if problems.not_free:
            teams = list(dict.fromkeys(m.team for m in problems.not_free))
            parts.append(fmt(self.tr("%n meeting(s) are at a time when a member is no longer free (teams: %1).", "",
                                     len(problems.not_free)), who(teams)))
        if problems.left:
            parts.append(fmt(self.tr("%n of the people who meet left the roster (%1).", "", len(problems.left)),
                             who(list(problems.left))))
        if problems.dates_changed:
            parts.append(self.tr("The program's dates or meeting length changed since the meetings were placed."))
        self.banner_label.setText("\n".join(parts))
        self.update_button.setToolTip(self.tr("Place the meetings of the changed teams again; the others keep theirs.")
                                      if problems.only_teams else
                                      self.tr("Place every meeting anew from the run's teams and everyone's free time."))

    def mend(self) -> None:
        """The banner's action: place the changed teams' meetings again, or every meeting anew."""
        self.reschedule(fresh=not self.problems.only_teams)

    # -- navigation -----------------------------------------------------------------------------

    def _on_week(self, value: int) -> None:
        self._show_week(value)
        self._on_cell(self.view.currentIndex())

    def _show_week(self, value: int) -> None:
        if self.model.week != value - 1:
            self.model.set_week(value - 1)
        first = self.model.date_of(0)
        self.week_label.setText(f"{first:%Y-%m-%d} – {first + dt.timedelta(days=6):%Y-%m-%d}" if first else "")
        self.previous_button.setEnabled(value > 1)
        self.next_button.setEnabled(value < self.week_box.maximum())

    def _on_person(self, _index: int) -> None:
        self.model.set_person(self.person_box.currentData())
        self._on_cell(self.view.currentIndex())

    def _on_cell(self, index: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:
        """The meetings of the current cell, the chosen one (kept by team and period) current; the list changes
        only when its lines do."""
        meetings = self.model.meetings_at(index) if index.isValid() else []
        tips = self.model.data(index, Qt.ItemDataRole.ToolTipRole) if meetings else ""
        self.cell_list.blockSignals(True)
        _set_lines(self.cell_list, tips.split("\n") if tips else [])
        self.cell_list.blockSignals(False)
        chosen = self.model.chosen
        keys = [(m.team, m.period) for m in meetings]
        row = keys.index((chosen.team, chosen.period)) if chosen is not None and (chosen.team, chosen.period) in keys \
            else (0 if meetings else -1)
        self.cell_list.blockSignals(True)
        self.cell_list.setCurrentRow(row)
        self.cell_list.blockSignals(False)
        self.model.chosen = meetings[row] if meetings else None

    def _on_chosen(self, row: int) -> None:
        meetings = self.model.meetings_at(self.view.currentIndex())
        self.model.chosen = meetings[row] if 0 <= row < len(meetings) else None

    def _go_to(self, team: str, period: int) -> None:
        """Make a meeting chosen and its cell current (after it moved)."""
        meeting = self.model.find(team, period)
        if meeting is None:
            return
        self.model.chosen = meeting
        if meeting.week != self.model.week:
            self.week_box.setValue(meeting.week + 1)
        index = self.model.index_of(meeting)
        if index.isValid():
            self.view.setCurrentIndex(index)

    # -- moving ---------------------------------------------------------------------------------

    def move_by(self, days: int, parts: int) -> None:
        """Ctrl+arrow: move the chosen meeting a day or a part of the day, checked like a drop."""
        meeting = self.model.chosen
        if meeting is None or self.schedule is None:
            return
        index = self.model.index_of(meeting)
        row, column = index.row() + parts, index.column() + days
        if not (0 <= row < len(PARTS)):
            return
        when = self.model.date_of(0) + dt.timedelta(days=column)
        self.move_meeting(meeting, target_cell(self.schedule, meeting, when, PARTS[row]))

    def move_meeting(self, meeting: Meeting, cell) -> None:
        problems = self.model.problems(meeting, cell)
        if problems:
            self._show_problems(problems)
            return
        team_number = self.model.numbers.get(meeting.team, "")
        text = step_text("SchedulePage", QT_TRANSLATE_NOOP("SchedulePage", "Move the meeting of team %1"), team_number)
        self._follow = (meeting.team, meeting.period)  # current again once the moved schedule is read
        if self.document.perform(text, scheduling.move_meeting, self.run.id, meeting, cell) is None:
            self._follow = None
            return  # refused: the window says why
        self._show_problems(())

    def _show_problems(self, problems, text: str = "") -> None:
        say = renderer(self.program)
        self.problems_label.setText(text or "\n".join(say.sentence(p) for p in problems))

    # -- scheduling in the background -----------------------------------------------------------

    def reschedule(self, fresh: bool | None = None) -> None:
        """Place the latest run's meetings in the background (`fresh`: every one anew; None: as the box says)."""
        if self.run is None or (self.operation is not None and self.operation.running):
            return
        fresh = self.fresh_box.isChecked() if fresh is None else fresh
        run_id, sessions = self.run.id, self.document.store.sessions

        def work(report, cancel):
            return scheduling.schedule(sessions, run_id, fresh=fresh, cancel=cancel,
                                       progress=lambda f: report(int(f * 100)))

        self._busy(True)
        self.operation = run_in_background(work, on_finished=self._scheduled, on_failed=self._failed,
                                           on_progress=self.progress.setValue, on_cancelled=lambda: self._busy(False),
                                           parent=self, quit_cancels=True)

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.schedule_button.setEnabled(not busy)
        self.update_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _scheduled(self, done) -> None:
        self._busy(False)
        text = step_text("SchedulePage", QT_TRANSLATE_NOOP("SchedulePage", "Schedule the meetings of run %1"),
                         done.value.run_id)
        self._say_when_read = True  # the status says what was placed once the page has read it
        self.document.record(text, done)  # the views it concerns re-read (this page too); its undo is on the stack

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.status.setText(message)


def _without_mnemonic(text: str) -> str:
    """A button's words as a sentence names them: "&Schedule meetings", "安排会面(&S)" → without the key."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def _wrap_lines(widget: QListWidget) -> None:
    """Long lines (a meeting's members, a team's reasons) wrap to the list's width instead of scrolling sideways;
    the items are laid out again when the side panel is resized."""
    widget.setWordWrap(True)
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def _set_lines(widget: QListWidget, lines: list[str]) -> None:
    """A list widget's lines changed in place: the same items keep their place, selection and scroll."""
    for row, line in enumerate(lines):
        if row < widget.count():
            item = widget.item(row)
            if item.text() != line:
                item.setText(line)
        else:
            widget.addItem(QListWidgetItem(line))
    while widget.count() > len(lines):
        widget.takeItem(widget.count() - 1)

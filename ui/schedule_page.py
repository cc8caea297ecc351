"""The Schedule page (issue 10): a week of the program as a grid (days × parts of the day) of meetings,
a person filter, the teams short of meetings with the reasons, moving a meeting by drag or keyboard with
the clash and availability checks live (undoable), and re-scheduling in the background with progress."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from pairing.actions import scheduling
from pairing.actions import reading
from pairing.calendar import DAY_LABELS, DAYS, PART_LABELS, PARTS
from pairing.domain import Meeting, Program, SavedRun, Schedule
from pairing.schedule.edit import move_problems, target_cell
from pairing.schedule.frame import is_dated_calendar
from pairing.words import Renderer, msg
from ui.document import ProgramDocument
from ui.i18n import data_lang
from ui.operations import run_in_background

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
        self.numbers: dict[str, int] = {}
        self.week = 0
        self.person: str | None = None
        self.chosen: Meeting | None = None  # the meeting a drag or a key press moves
        self.dated = False

    # -- content --------------------------------------------------------------------------------

    def set_schedule(self, schedule: Schedule | None, program: Program | None, run: SavedRun | None) -> None:
        self.beginResetModel()
        self.schedule, self.program = schedule, program
        self.numbers = {t.director: i for i, t in enumerate(run.result.teams, start=1)} if run else {}
        self.dated = bool(program and is_dated_calendar(program.settings.calendar))
        if schedule is not None:
            self.week = min(self.week, schedule.frame.weeks - 1)
        if self.chosen is not None and (schedule is None or self.chosen not in schedule.meetings):
            self.chosen = None
        self.endResetModel()

    def set_week(self, week: int) -> None:
        self.week = week
        self._all_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def set_person(self, person: str | None) -> None:
        self.person = person
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
        return [m for m in self.schedule.meetings
                if m.cell == cell and (self.person is None or self.person in m.people)]

    def index_of(self, meeting: Meeting) -> QModelIndex:
        """The grid cell of a meeting in the shown week (invalid when it is in another week)."""
        if meeting.week != self.week or self.schedule is None:
            return QModelIndex()
        column = (meeting.start.date() - self.date_of(0)).days
        return self.index(PARTS.index(meeting.slot.split(" ")[1]), column)

    def label(self, meeting: Meeting) -> str:
        names = self.program.by_id() if self.program else {}
        person = names.get(meeting.team)
        return f"{self.numbers.get(meeting.team, '?')} · {person.name if person else meeting.team}"

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.schedule is None else len(PARTS)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.schedule is None else 7

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        meetings = self.meetings_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(self.label(m) for m in meetings)
        if role == Qt.ItemDataRole.ToolTipRole and meetings:
            names = self.program.by_id() if self.program else {}
            return "\n".join(f"{self.label(m)}: {', '.join(names[p].name if p in names else p for p in m.people)}"
                             for m in meetings)
        if role == Qt.ItemDataRole.BackgroundRole and meetings:
            return QBrush(CLASH if self._clash(meetings) else BUSY)
        if role == MEETINGS_ROLE:
            return tuple(meetings)
        return None

    def _clash(self, meetings: list[Meeting]) -> bool:
        people = [p for m in meetings for p in m.people]
        return len(people) != len(set(people))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return part_label(PARTS[section]) if 0 <= section < len(PARTS) else None
        when = self.date_of(section)
        if when is None or not 0 <= section < 7:
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
        return next((m for m in self.schedule.meetings if m.team == key["team"] and m.period == key["period"]), None)

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


def _page_state(session):
    """The program, its latest run and that run's schedule (a reading action; the document gives it a session)."""
    run = reading.latest_run(session)
    return reading.program(session), run, scheduling.schedule_of(session, run.id) if run else None


class SchedulePage(QWidget):
    """The meeting schedule of the latest run, one week at a time."""

    said = Signal(str)

    def __init__(self, document: ProgramDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.run: SavedRun | None = None
        self.schedule: Schedule | None = None
        self.program: Program | None = None
        self.operation = None
        self.model = ScheduleWeekModel(self)
        self._build()
        self.model.moveRequested.connect(self.move_meeting)
        self.model.checked.connect(self._show_problems)
        document.runsChanged.connect(self.reload)
        document.rosterChanged.connect(self.reload)
        document.settingsChanged.connect(self.reload)
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
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unscheduled_list = QListWidget()
        self.unscheduled_list.setWordWrap(True)
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
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
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

    # -- reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self.program, self.run, self.schedule = self.document.read(_page_state)
        self.model.set_schedule(self.schedule, self.program, self.run)
        self._fill_people()
        self._fill_unscheduled()
        weeks = self.schedule.frame.weeks if self.schedule else 1
        self.week_box.setRange(1, weeks)
        self._on_week(self.week_box.value())
        self._show_status()

    def _fill_people(self) -> None:
        current = self.person_box.currentData()
        self.person_box.blockSignals(True)
        self.person_box.clear()
        self.person_box.addItem(self.tr("Everyone"), None)
        if self.run is not None and self.program is not None:
            people = self.program.by_id()
            ids = dict.fromkeys(p for t in self.run.result.teams for p in (t.director, *t.mentors))
            mentors = sorted((i for i in ids if i in people and people[i].role.is_mentor), key=lambda i: people[i].name)
            directors = [i for i in ids if i in people and not people[i].role.is_mentor]
            for person_id in mentors + directors:
                self.person_box.addItem(f"{people[person_id].name} ({person_id})", person_id)
        found = self.person_box.findData(current)
        self.person_box.setCurrentIndex(max(found, 0))
        self.person_box.blockSignals(False)
        self.model.set_person(self.person_box.currentData())

    def _fill_unscheduled(self) -> None:
        self.unscheduled_list.clear()
        say = renderer(self.program)
        for short in (self.schedule.unscheduled if self.schedule else ()):
            self.unscheduled_list.addItem(QListWidgetItem(say.sentence(short.why)))
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
            stale = self.schedule.stale_teams(self.run.result)
            if stale:  # a manual change on the Pairing page: re-scheduling moves only those teams (issue 10)
                note = msg("schedule.stale", run=self.run.id, teams=stale, command=self.schedule_button.text().replace("&", ""))
                self.status.setText(self.status.text() + "\n" + renderer(self.program).sentence(note))

    # -- navigation -----------------------------------------------------------------------------

    def _on_week(self, value: int) -> None:
        self.model.set_week(value - 1)
        first = self.model.date_of(0)
        self.week_label.setText(f"{first:%Y-%m-%d} – {first + dt.timedelta(days=6):%Y-%m-%d}" if first else "")
        self.previous_button.setEnabled(value > 1)
        self.next_button.setEnabled(value < self.week_box.maximum())
        self._on_cell(self.view.currentIndex())

    def _on_person(self, _index: int) -> None:
        self.model.set_person(self.person_box.currentData())
        self._on_cell(self.view.currentIndex())

    def _on_cell(self, index: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:
        self.cell_list.blockSignals(True)
        self.cell_list.clear()
        meetings = self.model.meetings_at(index) if index.isValid() else []
        for meeting in meetings:
            item = QListWidgetItem(self.model.data(index, Qt.ItemDataRole.ToolTipRole).split("\n")[meetings.index(meeting)])
            self.cell_list.addItem(item)
        self.cell_list.blockSignals(False)
        chosen = meetings.index(self.model.chosen) if self.model.chosen in meetings else (0 if meetings else -1)
        self.cell_list.setCurrentRow(chosen)
        self.model.chosen = meetings[chosen] if meetings else None

    def _on_chosen(self, row: int) -> None:
        meetings = self.model.meetings_at(self.view.currentIndex())
        self.model.chosen = meetings[row] if 0 <= row < len(meetings) else None

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
        text = self.tr("Move the meeting of team %1").replace("%1", str(self.model.numbers.get(meeting.team, "")))
        if self.document.perform(text, scheduling.move_meeting, self.run.id, meeting, cell) is None:
            return  # refused: the window says why
        moved = next((m for m in self.schedule.meetings if m.team == meeting.team and m.period == meeting.period),
                     None)
        if moved is not None:
            self.model.chosen = moved
            index = self.model.index_of(moved)
            if index.isValid():
                self.view.setCurrentIndex(index)
        self._show_problems(())

    def _show_problems(self, problems, text: str = "") -> None:
        say = renderer(self.program)
        self.problems_label.setText(text or "\n".join(say.sentence(p) for p in problems))

    # -- scheduling in the background -----------------------------------------------------------

    def reschedule(self) -> None:
        if self.run is None or (self.operation is not None and self.operation.running):
            return
        run_id, fresh, sessions = self.run.id, self.fresh_box.isChecked(), self.document.store.sessions

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
        self.cancel_button.setEnabled(busy)

    def _scheduled(self, done) -> None:
        self._busy(False)
        text = self.tr("Schedule the meetings of run %1").replace("%1", str(done.value.run_id))
        self.document.record(text, done)  # the views it concerns re-read; its undo is on the stack
        self.reload()
        self.said.emit(self.status.text())

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.status.setText(message)

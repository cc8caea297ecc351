"""The selected team: score breakdown, reasons, meeting slots, members to lock, and alternatives to swap in."""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListView, QPushButton,
    QSizePolicy, QTableView, QVBoxLayout, QWidget,
)

from pairing.calendar import slot_label
from pairing.criteria import BONUS_KEYS, BY_KEY, ordered
from pairing.domain import Team
from pairing.words import SlotRef, msg
from ui.models.team_model import AlternativesModel, MembersModel
from ui.i18n import data_lang, fmt, say
from ui.plain import plain_label
from ui.widgets.rows import show_rows
from ui.widgets.score_bar import paint_bar


def criterion_label(name: str) -> str:
    """A scoring criterion's name in the interface language: the catalogue's `criteria.<key>` (issue 8: one
    name per criterion in the window, the sheets and the command line)."""
    return BY_KEY[name].name(data_lang()) if name in BY_KEY else name


class BreakdownBars(QWidget):
    """One labelled bar per criterion: how much each criterion adds to the team's score."""

    ROW = 22

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, float]] = []
        self.setAccessibleName(self.tr("Score breakdown"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_breakdown(self, breakdown: Mapping[str, float]) -> None:
        # The stability bonus is not part of a team's score (issue 11): "kept from the previous run" says it.
        breakdown = {c: v for c, v in breakdown.items() if c not in BONUS_KEYS}
        self._items = [(c, float(breakdown[c])) for c in ordered(breakdown)]
        self.setAccessibleDescription(", ".join(f"{criterion_label(c)} {v:.1f}" for c, v in self._items))
        self.setMinimumHeight(self.sizeHint().height())  # never squeezed: a cut bar would mislead
        self.updateGeometry()
        self.update()

    def items(self) -> list[tuple[str, float]]:
        return list(self._items)

    def sizeHint(self) -> QSize:
        return QSize(240, max(1, len(self._items)) * self.ROW + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, max(1, len(self._items)) * self.ROW + 4)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        label_width = max([metrics.horizontalAdvance(criterion_label(c)) for c, _ in self._items] + [0]) + 8
        top = max([abs(v) for _, v in self._items] + [1e-9])
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        if not self._items:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft, self.tr("No breakdown"))
        for row, (name, value) in enumerate(self._items):
            y = row * self.ROW
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(0, y, label_width, self.ROW, Qt.AlignmentFlag.AlignVCenter, criterion_label(name))
            bar = self.rect().adjusted(label_width, y, 0, 0)
            bar.setHeight(self.ROW)
            paint_bar(painter, bar, abs(value) / top, palette, f"{value:.1f}")
        painter.end()


def _wrapping_label(accessible: str) -> QLabel:
    label = plain_label()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(accessible)
    return label


def _narrow_margins(layout: QVBoxLayout) -> QVBoxLayout:
    """A group's layout with narrow sides: the panel is narrow beside the teams (issue 11), its texts need the room."""
    margins = layout.contentsMargins()
    layout.setContentsMargins(4, margins.top(), 4, margins.bottom())
    return layout


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class TeamDetail(QWidget):
    """Detail of one team. Emits requests; the Pairing page turns them into undoable commands."""

    lockRequested = Signal(str, str, bool)      # director, mentor, locked
    lockTeamRequested = Signal(str, bool)       # director, locked
    alternativeChosen = Signal(int)             # row in the alternatives model

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.team: Team | None = None
        self._roles = None  # the program's role names (issue 10)
        self.members_model = MembersModel(self)
        self.alternatives_model = AlternativesModel(self)
        self._build()
        self.members_model.lockToggled.connect(self.lockRequested)
        self.show_team(None, {}, frozenset(), [])

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        margins = layout.contentsMargins()  # inside a scroll area's frame: no margin at the sides (room, issue 11)
        layout.setContentsMargins(2, margins.top(), 2, margins.bottom())
        self.title = plain_label()
        self.title.setWordWrap(True)
        self.title.setAccessibleName(self.tr("Selected team"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        layout.addWidget(self._breakdown_box())
        # Alternatives before the members: at 1280×800 they are on screen without scrolling (issue 11).
        alternatives, members = self._alternatives_box(), self._members_box()
        layout.addWidget(alternatives, 1)
        layout.addWidget(members)
        self.hint = _wrapping_label(self.tr("Check result"))
        layout.addWidget(self.hint)

    def _breakdown_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Why this team"))
        layout = _narrow_margins(QVBoxLayout(box))
        self.bars = BreakdownBars()
        layout.addWidget(self.bars)
        self.reasons = _wrapping_label(self.tr("Reasons"))
        self.slots = _wrapping_label(self.tr("Meeting slots"))
        for caption, label in ((self.tr("Reasons:"), self.reasons), (self.tr("Meeting slots:"), self.slots)):
            title = QLabel(caption)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
            layout.addWidget(label)
        return box

    def _members_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Members"))
        layout = _narrow_margins(QVBoxLayout(box))
        layout.addWidget(_hint(self.tr("Check a mentor to lock the pair; drag a mentor onto another team to move them.")))
        self.members_view = QListView()
        self.members_view.setModel(self.members_model)
        self.members_view.setAccessibleName(self.tr("Team members"))
        self.members_view.setDragEnabled(True)
        self.members_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.members_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # A narrow panel (the teams take the width, issue 11) wraps a long name and role rather than scrolling.
        self.members_view.setWordWrap(True)
        self.members_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.members_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members_view.setMaximumHeight(self.fontMetrics().height() * 8 + 8)
        layout.addWidget(self.members_view)
        buttons = QHBoxLayout()
        self.lock_team_button = QPushButton(self.tr("&Lock all"))
        self.lock_team_button.setAccessibleName(self.tr("Lock every pair of this team"))
        self.lock_team_button.setToolTip(self.lock_team_button.accessibleName())
        self.lock_team_button.clicked.connect(lambda: self._request_team_lock(True))
        self.unlock_team_button = QPushButton(self.tr("U&nlock all"))
        self.unlock_team_button.setAccessibleName(self.tr("Unlock every pair of this team"))
        self.unlock_team_button.setToolTip(self.unlock_team_button.accessibleName())
        self.unlock_team_button.clicked.connect(lambda: self._request_team_lock(False))
        buttons.addWidget(self.lock_team_button)
        buttons.addWidget(self.unlock_team_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _alternatives_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Alternatives"))
        layout = _narrow_margins(QVBoxLayout(box))
        layout.addWidget(_hint(self.tr("Double-click an alternative to use it, or drag it onto a team.")))
        self.alternatives_view = QTableView()
        self.alternatives_view.setModel(self.alternatives_model)
        self.alternatives_view.setAccessibleName(self.tr("Alternative mentors"))
        self.alternatives_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alternatives_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.alternatives_view.setDragEnabled(True)
        self.alternatives_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.alternatives_view.verticalHeader().hide()
        self.alternatives_view.setWordWrap(False)
        show_rows(self.alternatives_view)  # six alternatives at 1280×800 (issue 11)
        header = self.alternatives_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Mentor, whom they replace and the score change fit the panel at 1280×800 (issue 11: the reasons needed
        # horizontal scrolling); the current alternative's role and reasons are written out under the table.
        for column in (AlternativesModel.ROLE, AlternativesModel.REASON):
            self.alternatives_view.setColumnHidden(column, True)
        self.alternatives_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(AlternativesModel.CHANGE, QHeaderView.ResizeMode.Stretch)  # the width left
        self.alternatives_view.doubleClicked.connect(lambda index: self.alternativeChosen.emit(index.row()))
        layout.addWidget(self.alternatives_view)
        self.alternative_why = _wrapping_label(self.tr("Why this alternative"))
        layout.addWidget(self.alternative_why)
        self.alternatives_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_why())
        self.alternatives_model.modelReset.connect(self._show_why)
        self.alternatives_note = _wrapping_label(self.tr("Alternatives status"))
        layout.addWidget(self.alternatives_note)
        self.use_button = QPushButton(self.tr("&Apply this alternative"))
        self.use_button.setAccessibleName(self.tr("Use the selected alternative"))
        self.use_key = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self)
        self.use_key.activated.connect(self._use_selected)
        self.use_button.clicked.connect(self._use_selected)
        layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    # -- filling ----------------------------------------------------------------------------

    def show_team(self, team: Team | None, names: Mapping[str, str], locks: frozenset[tuple[str, str]],
                  alternatives: Sequence, lang: str = "en", translate: Callable[[str], str] = str) -> None:
        self.team = team
        enabled = team is not None
        for widget in (self.lock_team_button, self.unlock_team_button, self.use_button):
            widget.setEnabled(enabled)
        self.members_model.set_team(team, names, locks)
        self.alternatives_model.set_alternatives(team.director if team else None, alternatives, names, translate)
        self.use_button.setEnabled(enabled and bool(alternatives))
        self.alternatives_note.setText("")
        if team is None:
            self.title.setText(self.tr("Select a team to see why it was formed."))
            self.bars.set_breakdown({})
            self.reasons.setText("")
            self.slots.setText("")
            return
        name = names.get(team.director, team.director)
        self.title.setText(self.tr("Team of %1 — score %2").replace("%1", name).replace("%2", f"{team.shown_score:.1f}"))
        self.bars.set_breakdown(team.breakdown)
        self.reasons.setText("\n".join(f"• {say(r, self._roles)}" for r in team.reasons) or self.tr("(none given)"))
        labels = [say(msg("engine.weekly_slot_mark", slot=SlotRef(s))) if s == team.weekly_slot else slot_label(s, lang)
                  for s in sorted(team.meeting_slots, key=lambda s: s != team.weekly_slot)]  # its weekly time first
        self.slots.setText(", ".join(labels) if labels else self.tr("No shared free slot."))

    def set_role_names(self, roles) -> None:
        """The program's words for its people (issue 10): the members' and the alternatives' roles say them."""
        self._roles = roles
        self.members_model.set_role_names(roles)
        self.alternatives_model.set_role_names(roles)

    def alternatives_placeholder(self, text: str) -> None:
        """While alternatives are being searched: an empty list and a note saying so."""
        self.alternatives_model.set_alternatives(None, [], {})
        self.use_button.setEnabled(False)
        self.alternatives_note.setText(text)

    def set_alternatives(self, director: str, alternatives: Sequence, names: Mapping[str, str]) -> None:
        if self.team is None or self.team.director != director:
            return
        self.alternatives_model.set_alternatives(director, alternatives, names)
        self.size_alternative_columns()
        self.use_button.setEnabled(bool(alternatives))
        self.alternatives_note.setText("" if alternatives else self.tr("No alternative keeps every hard rule."))

    def size_alternative_columns(self) -> None:
        """The mentor and whom they replace as wide as their names (in full, issue 11); when the panel is too
        narrow for both, they share what is left; the score change takes the rest."""
        view, model = self.alternatives_view, self.alternatives_model
        change = view.fontMetrics().horizontalAdvance(model.headerData(model.CHANGE, Qt.Orientation.Horizontal)) + 16
        for column in (model.MENTOR, model.REPLACES):
            view.resizeColumnToContents(column)
        room = view.viewport().width() - change
        names = view.columnWidth(model.MENTOR) + view.columnWidth(model.REPLACES)
        if names > room > 0:
            for column in (model.MENTOR, model.REPLACES):
                view.setColumnWidth(column, view.columnWidth(column) * room // names)

    def _show_why(self) -> None:
        """The current alternative (the first when none is chosen): its role, its mentor and why, in full."""
        model = self.alternatives_model
        current = self.alternatives_view.currentIndex()
        row = current.row() if current.isValid() else 0
        if row >= model.rowCount():
            self.alternative_why.setText("")
            return
        role, mentor, reasons = (model.index(row, c).data() for c in (model.ROLE, model.MENTOR, model.REASON))
        self.alternative_why.setText(fmt(self.tr("%1 %2: %3"), role, mentor, reasons or self.tr("(none given)")))

    def set_reasons(self, director: str, reasons: Sequence[str]) -> None:
        """The reasons in the interface language, found in the background with the alternatives."""
        if self.team is not None and self.team.director == director:
            self.reasons.setText("\n".join(f"• {r}" for r in reasons) or self.tr("(none given)"))

    def set_locks(self, names: Mapping[str, str], locks: frozenset[tuple[str, str]]) -> None:
        self.members_model.set_team(self.team, names, locks)

    def _request_team_lock(self, locked: bool) -> None:
        if self.team is not None:
            self.lockTeamRequested.emit(self.team.director, locked)

    def _use_selected(self) -> None:
        rows = self.alternatives_view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (0 if self.alternatives_model.rowCount() else -1)
        if row >= 0:
            self.alternativeChosen.emit(row)

"""Item models of the Pairing page: a run's teams, one team's members, and a director's alternatives."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Mapping, Protocol, Sequence

from PySide6.QtCore import (
    QAbstractListModel, QAbstractTableModel, QByteArray, QCoreApplication, QMimeData, QModelIndex, Qt, Signal,
)

from pairing.calendar import slot_label
from pairing.domain import Team
from ui.i18n import role_title, say
from ui.models.roles import FULL_TEXT_ROLE
from ui.plain import tip
from ui.widgets.icons import lock_icon

# Custom roles of the pairing models, defined once here.
TEAM_ROLE = Qt.ItemDataRole.UserRole + 200        # the Team value of a row
FRACTION_ROLE = Qt.ItemDataRole.UserRole + 201    # 0–1: how long a score bar is
DIRECTOR_ROLE = Qt.ItemDataRole.UserRole + 203    # the director id of a row
MENTOR_ROLE = Qt.ItemDataRole.UserRole + 204      # the mentor id of a row
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 205     # the drag payload (dict) of a row

# Drags carry a mentor between teams as a small JSON object: see `MentorPayload`.
MENTOR_MIME = "application/x-talent-pairing-mentor"


@dataclass(frozen=True)
class MentorPayload:
    """What a drag carries: a mentor, their role, the team they leave (if any) and whom they replace."""

    mentor: str
    role: str                       # "producer" or "instructor"
    source: str | None = None       # director whose team the mentor leaves; None for an alternative
    replaces: str | None = None     # mentor the alternative replaces in `target_hint`'s team
    target_hint: str | None = None  # director the alternative was proposed for

    def to_mime(self) -> QMimeData:
        mime = QMimeData()
        mime.setData(MENTOR_MIME, QByteArray(json.dumps(self.__dict__).encode()))
        return mime

    @classmethod
    def from_mime(cls, mime: QMimeData | None) -> "MentorPayload | None":
        if mime is None or not mime.hasFormat(MENTOR_MIME):
            return None
        try:
            return cls(**json.loads(bytes(mime.data(MENTOR_MIME).data()).decode()))
        except (ValueError, TypeError):
            return None


class MoveHandler(Protocol):
    """The page's side of a drop: `preview` says whether and why (hard rules checked), `apply` does it."""

    def preview(self, payload: MentorPayload, director: str) -> tuple[bool, str]: ...

    def apply(self, payload: MentorPayload, director: str) -> bool: ...


def _name(names: Mapping[str, str], person_id: str | None) -> str:
    if not person_id:
        return "—"
    return names.get(person_id, person_id)


def _full(names: Mapping[str, str], person_id: str) -> str:
    """A name in full with its id: "Maya Okafor-Lindqvist (P03)"."""
    name = names.get(person_id)
    return f"{name} ({person_id})" if name and name != person_id else person_id


class TeamTableModel(QAbstractTableModel):
    """The teams of one run: number, director, producer, instructors, score, meeting slots, locks.

    Accepts mentor drops on a team row; the decision is the `move_handler`'s (the page's).
    """

    COLUMNS = ("number", "director", "producer", "instructors", "score", "slots", "locks")
    NUMBER, DIRECTOR, PRODUCER, INSTRUCTORS, SCORE, SLOTS, LOCKS = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._teams: list[Team] = []
        self._names: Mapping[str, str] = {}
        self._locks: frozenset[tuple[str, str]] = frozenset()
        self._lang = "en"
        self._roles = None  # the program's role names (issue 10): the headers say them
        self._top = 1.0
        self._numbers: dict[str, int] = {}  # director → team number in the run (the "#" column)
        self._sort: tuple[int, Qt.SortOrder] = (self.NUMBER, Qt.SortOrder.AscendingOrder)
        self.move_handler: MoveHandler | None = None

    # -- filling ----------------------------------------------------------------------------

    def set_teams(self, teams: Sequence[Team], names: Mapping[str, str],
                  locks: frozenset[tuple[str, str]] = frozenset(), lang: str = "en") -> None:
        self.beginResetModel()
        self._numbers = {t.director: i + 1 for i, t in enumerate(teams)}
        self._names = dict(names)
        self._locks = frozenset(locks)
        self._lang = lang
        self._teams = self._sorted(teams)
        self._top = max([t.shown_score for t in self._teams] + [1.0])
        self.endResetModel()

    def update_teams(self, teams: Sequence[Team]) -> None:
        """The same run's teams as they are now (a manual change, here or in another window): row changes, not a
        reset (issue 11). A team whose director left loses its row, a changed team gets dataChanged in place
        (rows keep their order), a new team is inserted where the sort order puts it."""
        new = {t.director: t for t in teams}
        self._remove_rows(lambda team: team.director not in new)
        numbers = {t.director: i + 1 for i, t in enumerate(teams)}
        for row, old in enumerate(self._teams):
            if new[old.director] != old or numbers[old.director] != self._numbers.get(old.director):
                self._teams[row] = new[old.director]
                self._row_changed(row)
        self._numbers = numbers
        have = {t.director for t in self._teams}
        for team in teams:
            if team.director not in have:
                row = self._sorted([*self._teams, team]).index(team)
                self.beginInsertRows(QModelIndex(), row, row)
                self._teams.insert(row, team)
                self.endInsertRows()
        self._rescale()

    def set_names(self, names: Mapping[str, str]) -> None:
        """People renamed (here or elsewhere): only the rows showing one of them change (issue 11)."""
        names = dict(names)
        renamed = {i for i in set(names) | set(self._names) if names.get(i) != self._names.get(i)}
        self._names = names
        for row, team in enumerate(self._teams):
            if renamed & {team.director, *team.mentors}:
                self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _remove_rows(self, gone: Callable[[Team], bool]) -> None:
        """Remove the rows of the teams `gone` says, a block of neighbouring rows at a time, from the bottom."""
        row = len(self._teams) - 1
        while row >= 0:
            if not gone(self._teams[row]):
                row -= 1
                continue
            last = row
            while row > 0 and gone(self._teams[row - 1]):
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._teams[row:last + 1]
            self.endRemoveRows()
            row -= 1

    def _rescale(self) -> None:
        """The score bars are relative to the best team: when it changed, every bar changes."""
        top = max([t.shown_score for t in self._teams] + [1.0])
        if top != self._top and self._teams:
            self._top = top
            self.dataChanged.emit(self.index(0, self.SCORE), self.index(len(self._teams) - 1, self.SCORE))
        self._top = top

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here rather than by a proxy: a proxy asks data() for every row, slow at 2,000 teams."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self._teams)
        self._teams = self._sorted(self._teams)
        position = {t.director: i for i, t in enumerate(self._teams)}
        moved_from = self.persistentIndexList()
        moved_to = [self.index(position[old[i.row()].director], i.column()) for i in moved_from]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _sorted(self, teams: Sequence[Team]) -> list[Team]:
        column, order = self._sort
        key = self._sort_key(column)
        return sorted(teams, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _sort_key(self, column: int):
        names = self._names
        if column == self.SCORE:
            return lambda t: t.shown_score
        if column == self.SLOTS:
            return lambda t: len(t.meeting_slots)
        if column == self.LOCKS:
            return lambda t: len(self.locked_mentors(t))
        if column == self.DIRECTOR:
            return lambda t: names.get(t.director, t.director).casefold()
        if column == self.PRODUCER:
            return lambda t: names.get(t.producer or "", "").casefold()
        if column == self.INSTRUCTORS:
            return lambda t: ", ".join(names.get(i, i) for i in t.instructors).casefold()
        return lambda t: self._numbers.get(t.director, 0)

    def set_locks(self, locks: frozenset[tuple[str, str]]) -> None:
        """Locked or unlocked pairs: only the locks cells of the teams concerned change."""
        locks = frozenset(locks)
        touched = {director for director, _mentor in locks ^ self._locks}
        self._locks = locks
        for row, team in enumerate(self._teams):
            if team.director in touched:
                index = self.index(row, self.LOCKS)
                self.dataChanged.emit(index, index)

    def team(self, row: int) -> Team:
        return self._teams[row]

    def row_of(self, director: str) -> int:
        return next((i for i, t in enumerate(self._teams) if t.director == director), -1)

    def teams(self) -> list[Team]:
        return list(self._teams)

    def column_texts(self, column: int) -> list[str]:
        """The texts that decide a column's width (issue 11, every column in view): every name, and the longest
        number — read off the teams themselves, so 2,000 teams take a few milliseconds."""
        teams, names = self._teams, self._names
        if column == self.DIRECTOR:
            return list({_name(names, t.director) for t in teams})
        if column == self.PRODUCER:
            return list({_name(names, t.producer) for t in teams})
        if column == self.INSTRUCTORS:
            return list({", ".join(_name(names, i) for i in t.instructors) or "—" for t in teams})
        if not teams:
            return []
        if column == self.NUMBER:
            return [str(max(self._numbers.values(), default=len(teams)))]
        if column == self.SCORE:  # digits are as wide as each other: the longest number, and a minus if any
            scores = [t.shown_score for t in teams]
            return [f"{max(scores, key=abs):.1f}", f"{min(scores):.1f}"]
        if column == self.SLOTS:
            return [self.tr("none"), str(max(len(t.meeting_slots) for t in teams))]
        return [str(max(len(t.mentors) for t in teams))] if self._locks else []  # at most every mentor locked

    def locked_mentors(self, team: Team) -> list[str]:
        return [m for m in team.mentors if (team.director, m) in self._locks]

    # -- Qt model ---------------------------------------------------------------------------

    def set_role_names(self, roles) -> None:
        """The program's words for its people (`ProgramProperties.role_names()`), shown in the headers."""
        self._roles = roles
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def _role_headers(self) -> tuple[str, str, str]:
        if self._roles is None:
            return self.tr("Director"), self.tr("Producer"), self.tr("Instructors")
        roles, lang = self._roles, self._lang
        return (role_title(roles, "director", lang=lang), role_title(roles, "producer", lang=lang),
                role_title(roles, "instructor", plural=True, lang=lang))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._teams)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical or not 0 <= section < len(self.COLUMNS):
            return None
        director, producer, instructors = self._role_headers()
        if role == Qt.ItemDataRole.DisplayRole:  # short words: every column in view at 1280×800 (issue 11)
            return (self.tr("#"), director, producer, instructors, self.tr("Score"), self.tr("Slots"),
                    self.tr("Locks"))[section]
        if role == FULL_TEXT_ROLE:  # a copied table's header says them in full
            return (self.tr("#"), director, producer, instructors, self.tr("Score"), self.tr("Meeting slots"),
                    self.tr("Locked pairs"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("Team number"), director, producer, instructors, self.tr("Score"),
                    self.tr("Meeting slots: when every member of the team is free"),
                    self.tr("Locked pairs: kept by every Propose"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._teams):
            return None
        team = self._teams[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(team, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self._tooltip(team, column))
        if role == Qt.ItemDataRole.DecorationRole and column == self.LOCKS and self.locked_mentors(team):
            return lock_icon()
        if role == FULL_TEXT_ROLE:
            return self._full_text(team, index.row(), column)
        if role == FRACTION_ROLE and column == self.SCORE:
            return max(team.shown_score, 0.0) / self._top
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.SCORE, self.SLOTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TEAM_ROLE:
            return team
        if role == DIRECTOR_ROLE:
            return team.director
        if role == MENTOR_ROLE and column == self.PRODUCER:
            return team.producer
        return None

    def _display(self, team: Team, row: int, column: int) -> str:
        if column == self.NUMBER:
            return str(self._numbers.get(team.director, row + 1))
        if column == self.DIRECTOR:
            return _name(self._names, team.director)
        if column == self.PRODUCER:
            return _name(self._names, team.producer)
        if column == self.INSTRUCTORS:
            return ", ".join(_name(self._names, i) for i in team.instructors) or "—"
        if column == self.SCORE:
            return f"{team.shown_score:.1f}"
        if column == self.SLOTS:
            return self._slots_text(team)
        locked = len(self.locked_mentors(team))
        return str(locked) if locked else ""  # beside a lock icon; the tooltip names them

    def _full_text(self, team: Team, row: int, column: int) -> str:
        """A cell in full where it shows a short form (what Ctrl+C copies): every slot, the locked mentors."""
        if column == self.SLOTS:
            return ", ".join(slot_label(s, self._lang) for s in self._slots_in_order(team)) or self.tr("none")
        if column == self.LOCKS:
            return ", ".join(_name(self._names, m) for m in self.locked_mentors(team))
        return self._display(team, row, column)

    @staticmethod
    def _slots_in_order(team: Team) -> list[str]:
        """The team's meeting slots, its weekly time first (when the program has one)."""
        return sorted(team.meeting_slots, key=lambda s: s != team.weekly_slot)

    def _slots_text(self, team: Team) -> str:
        """How many meeting slots the team has: the column stays narrow (issue 11: it was out of view at
        1280×800); the tooltip, the team's detail and a copy list them all."""
        return str(len(team.meeting_slots)) if team.meeting_slots else self.tr("none")

    def _tooltip(self, team: Team, column: int) -> str | None:
        """Full names and ids (a narrow column elides them), every slot, the locked mentors."""
        if column == self.DIRECTOR:
            return _full(self._names, team.director)
        if column == self.PRODUCER:
            return _full(self._names, team.producer)
        if column == self.INSTRUCTORS and team.instructors:
            return "\n".join(_full(self._names, i) for i in team.instructors)
        if column == self.SLOTS and team.meeting_slots:
            return ", ".join(slot_label(s, self._lang) for s in self._slots_in_order(team))
        if column == self.LOCKS:
            locked = self.locked_mentors(team)
            return ", ".join(_name(self._names, m) for m in locked) if locked else self.tr("No locked pairs")
        ids = {self.DIRECTOR: [team.director], self.PRODUCER: [team.producer] if team.producer else [],
               self.INSTRUCTORS: list(team.instructors)}.get(column)
        if ids:
            return ", ".join(f"{_name(self._names, i)} ({i})" for i in ids)
        return None

    # -- drag and drop ----------------------------------------------------------------------

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == self.PRODUCER and self._teams[index.row()].producer:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self):
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self):
        # A copy as far as Qt knows: after a "move" drop a view clears the dragged cells itself; the
        # page makes the real change (an undoable command) when the drop is accepted.
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MENTOR_MIME]

    def mimeData(self, indexes) -> QMimeData | None:
        for index in indexes:
            team = self._teams[index.row()]
            if index.column() == self.PRODUCER and team.producer:
                return MentorPayload(team.producer, "producer", source=team.director).to_mime()
        return None

    def _drop_director(self, row: int, parent: QModelIndex) -> str | None:
        target = parent.row() if parent.isValid() else row
        return self._teams[target].director if 0 <= target < len(self._teams) else None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        payload = MentorPayload.from_mime(data)
        director = self._drop_director(row, parent)
        if payload is None or director is None or self.move_handler is None:
            return False
        allowed, _message = self.move_handler.preview(payload, director)
        return allowed

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        payload = MentorPayload.from_mime(data)
        director = self._drop_director(row, parent)
        if payload is None or director is None or self.move_handler is None:
            return False
        return self.move_handler.apply(payload, director)


@dataclass(frozen=True)
class Member:
    """One mentor of a team as the detail panel lists it."""

    mentor: str
    role: str
    locked: bool


class MentorDragSource:
    """Drag support of a model whose rows are mentors: each row gives a `payload(row)`; a mentor's role is
    said in the program's own words (issue 10)."""

    _roles = None  # the program's role names (`ProgramProperties.role_names()`), once known

    def set_role_names(self, roles) -> None:
        if roles == self._roles:
            return
        self._roles = roles
        rows = self.rowCount(QModelIndex())
        if rows:  # the role is said in the first column of both models
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0))

    def _role_text(self, role: str) -> str:
        if self._roles is not None:
            return role_title(self._roles, role)
        if role == "producer":
            return QCoreApplication.translate("MentorRole", "Producer")
        return QCoreApplication.translate("MentorRole", "Instructor")

    def supportedDragActions(self):
        # A copy as far as Qt knows: after a "move" drop a view clears the dragged cells itself; the
        # page makes the real change (an undoable command) when the drop is accepted.
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MENTOR_MIME]

    def mimeData(self, indexes) -> QMimeData | None:
        for index in indexes:
            return self.payload(index.row()).to_mime()
        return None


class MembersModel(MentorDragSource, QAbstractListModel):
    """The mentors of the selected team; check a mentor to lock the pair, drag a mentor to another team."""

    lockToggled = Signal(str, str, bool)  # director, mentor, locked

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._director: str | None = None
        self._members: list[Member] = []
        self._names: Mapping[str, str] = {}

    def set_team(self, team: Team | None, names: Mapping[str, str], locks: frozenset[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._director = team.director if team else None
        self._names = dict(names)
        self._members = [] if team is None else [
            Member(m, "producer" if m == team.producer else "instructor", (team.director, m) in locks)
            for m in team.mentors
        ]
        self.endResetModel()

    def member(self, row: int) -> Member:
        return self._members[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._members)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            role_text = self._role_text(member.role)
            return f"{_name(self._names, member.mentor)} — {role_text}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if member.locked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Checked: the pair is locked and every run keeps it. Drag to another team to move.")
        if role == MENTOR_ROLE:
            return member.mentor
        if role == DIRECTOR_ROLE:
            return self._director
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or self._director is None:
            return False
        locked = Qt.CheckState(value) == Qt.CheckState.Checked
        member = self._members[index.row()]
        if locked == member.locked:
            return False
        # The page turns this into an undoable lock command; the model follows when locks change.
        self.lockToggled.emit(self._director, member.mentor, locked)
        return True

    def payload(self, row: int) -> MentorPayload:
        member = self._members[row]
        return MentorPayload(member.mentor, member.role, source=self._director)


class AlternativesModel(MentorDragSource, QAbstractTableModel):
    """The engine's alternatives for one director: role, mentor, whom they replace, score change, why."""

    ROLE, MENTOR, REPLACES, CHANGE, REASON = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._director: str | None = None
        self._alternatives: list = []
        self._names: Mapping[str, str] = {}
        self._translate: Callable[[str], str] = str

    def set_alternatives(self, director: str | None, alternatives: Sequence, names: Mapping[str, str],
                         translate: Callable[[str], str] = str) -> None:
        self.beginResetModel()
        self._director = director
        self._alternatives = list(alternatives)
        self._names = dict(names)
        self._translate = translate
        self.endResetModel()

    def alternative(self, row: int):
        return self._alternatives[row]

    def payload(self, row: int) -> MentorPayload:
        alt = self._alternatives[row]
        return MentorPayload(alt.mentor, str(alt.role), replaces=alt.replaces, target_hint=self._director)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._alternatives)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.CHANGE:
            return self.tr("How the team's score changes with this alternative")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        # "Change", not "Score change": four columns fit the team panel at 1280×800 (issue 11).
        headers = (self.tr("Role"), self.tr("Mentor"), self.tr("Replaces"), self.tr("Change"), self.tr("Why"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._alternatives):
            return None
        alt = self._alternatives[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alt, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.REASON:
            return tip(_reasons(alt, self._roles))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.CHANGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == MENTOR_ROLE:
            return alt.mentor
        if role == PAYLOAD_ROLE:
            return self.payload(index.row())
        return None

    def _display(self, alt, column: int) -> str:
        if column == self.ROLE:
            return self._role_text(str(alt.role))
        if column == self.MENTOR:
            return _name(self._names, alt.mentor)
        if column == self.REPLACES:
            return _name(self._names, alt.replaces) if alt.replaces else self.tr("(added)")
        if column == self.CHANGE:
            return f"{alt.delta:+.1f}"
        return _reasons(alt, self._roles)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base


def _reasons(alternative, roles=None) -> str:
    """An engine alternative's reasons (messages) as one line in the interface language."""
    return "; ".join(say(r, roles) for r in alternative.reasons)

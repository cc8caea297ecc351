"""The roster table: a model over a list of pairing.domain.Person and a fast filter proxy."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Hashable, Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal,
)

from pairing.domain import Person, Role
from pairing.vocabulary import BUILTIN, Vocabulary
from pairing.words import language_label
from ui.cell_edit import EDITABLE, edit_text
from ui.i18n import data_lang
from ui.models.roles import ID_ROLE, PERSON_ROLE, SEARCH_ROLE, SORT_ROLE
from ui.plain import tip
from ui.widgets.column_fit import letters

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_EDIT = Qt.ItemDataRole.EditRole
_SERVED = frozenset({int(_DISPLAY), int(_TOOLTIP), int(_ALIGN), int(_EDIT), PERSON_ROLE, ID_ROLE, SEARCH_ROLE,
                     SORT_ROLE})


def _t(text: str) -> str:
    return QCoreApplication.translate("RosterModel", text)


@dataclass(frozen=True)
class Column:
    """One column: its header (untranslated source text), its cell text and its sort key."""

    header: str
    text: Callable[[Person, Vocabulary, str], str]
    key: Callable[[Person], object]
    numeric: bool = False
    made_of: Callable[[Person], Hashable] | None = None  # what its text depends on, when people share it




def _terms(kind: str, keys, vocabulary: Vocabulary, lang: str) -> str:
    return ", ".join(vocabulary.label(kind, key, lang) for key in keys)


def _skills(person: Person, vocabulary: Vocabulary, lang: str) -> str:
    return ", ".join(
        vocabulary.label("skill", key, lang) + (f" ({level})" if level != 3 else "")
        for key, level in person.skills.items()
    )


def _capacity(person: Person, _v, _l) -> str:
    return str(person.effective_capacity) if person.capacity is not None else f"{person.effective_capacity}*"


def _text(name: str) -> Callable[[Person, Vocabulary, str], str]:
    return lambda person, _vocabulary, _lang: getattr(person, name)


def _folded(name: str) -> Callable[[Person], str]:
    return lambda person: getattr(person, name).casefold()


def _term_list(kind: str, name: str) -> Callable[[Person, Vocabulary, str], str]:
    return lambda person, vocabulary, lang: _terms(kind, getattr(person, name), vocabulary, lang)


# Headers are marked for lupdate here and translated when shown (RosterModel.headerData).
ID = Column(QT_TRANSLATE_NOOP("RosterModel", "ID"), _text("id"), _folded("id"))
NAME = Column(QT_TRANSLATE_NOOP("RosterModel", "Name"), _text("name"), _folded("name"))
ORGANIZATION = Column(QT_TRANSLATE_NOOP("RosterModel", "Organization"), _text("organization"),
                      _folded("organization"))
GENRES = Column(QT_TRANSLATE_NOOP("RosterModel", "Genres"), _term_list("genre", "genres"), lambda p: p.genres,
                made_of=lambda p: p.genres)
NEEDS = Column(QT_TRANSLATE_NOOP("RosterModel", "Needs"), _term_list("skill", "needs"), lambda p: p.needs,
               made_of=lambda p: p.needs)
SKILLS = Column(QT_TRANSLATE_NOOP("RosterModel", "Skills"), _skills, lambda p: tuple(p.skills),
                made_of=lambda p: tuple(p.skills.items()))
SLOTS = Column(QT_TRANSLATE_NOOP("RosterModel", "Free slots"), lambda p, v, l: str(len(p.availability)),
               lambda p: len(p.availability), numeric=True)
CAPACITY = Column(QT_TRANSLATE_NOOP("RosterModel", "Capacity"), _capacity, lambda p: p.effective_capacity,
                  numeric=True)
LANGUAGES = Column(QT_TRANSLATE_NOOP("RosterModel", "Languages"),
                   lambda p, v, l: ("、" if l == "zh" else ", ").join(language_label(x, l) for x in p.languages),
                   lambda p: p.languages, made_of=lambda p: p.languages)

COLUMNS: dict[Role, tuple[Column, ...]] = {
    Role.DIRECTOR: (ID, NAME, ORGANIZATION, GENRES, NEEDS, SLOTS, LANGUAGES),
    Role.PRODUCER: (ID, NAME, ORGANIZATION, GENRES, SKILLS, SLOTS, CAPACITY, LANGUAGES),
    Role.INSTRUCTOR: (ID, NAME, ORGANIZATION, SKILLS, GENRES, SLOTS, CAPACITY, LANGUAGES),
}


def search_text(person: Person, vocabulary: Vocabulary = BUILTIN) -> str:
    """Everything a filter matches: id, name, organization, languages, every term with its synonyms."""
    parts = [person.id, person.name, person.organization, person.email, *person.languages]
    for kind, keys in (("genre", person.genres), ("skill", tuple(person.skills)), ("skill", person.needs)):
        for key in keys:
            term = vocabulary.find(kind, key)
            parts += [key, term.en, term.zh, *term.synonyms] if term else [key]
    return "\x1f".join(parts).casefold()


@dataclass(frozen=True)
class RosterRows:
    """People ready to show: sorted, with their search texts. Made by `prepare_rows` on any thread."""

    people: tuple[Person, ...]
    search: tuple[str, ...]
    vocabulary: Vocabulary
    sort_column: int
    descending: bool
    widest: tuple[tuple[Person, ...], ...] = ()  # per column, the people whose text there is about the widest


WIDEST_MEASURED = 6  # people per column whose texts are measured to size the column (issue 11)


def widest_people(people: Sequence[Person], role: Role, vocabulary: Vocabulary, lang: str,
                  ) -> tuple[tuple[Person, ...], ...]:
    """Per column, the few people whose text there is about the widest, as shown in `lang` (a Chinese character
    counted as two letters): a column is sized to their texts, so 10,000 people cost a few dozen measures.
    A text made of terms is made once per distinct set of terms (people share them)."""
    return tuple(tuple(heapq.nlargest(WIDEST_MEASURED, people, key=_width_of(column, vocabulary, lang)))
                 for column in COLUMNS[role])


def _width_of(column: Column, vocabulary: Vocabulary, lang: str) -> Callable[[Person], int]:
    if column.made_of is None:
        return lambda person: letters(column.text(person, vocabulary, lang))
    known: dict[Hashable, int] = {}

    def width(person: Person) -> int:
        made_of = column.made_of(person)
        if made_of not in known:
            known[made_of] = letters(column.text(person, vocabulary, lang))
        return known[made_of]
    return width


def prepare_rows(people: Sequence[Person], role: Role, vocabulary: Vocabulary = BUILTIN, sort_column: int = 0,
                 descending: bool = False) -> RosterRows:
    """Sort people by a column of the role's table and compute their search texts and the widest of each
    column (plain Python, no Qt)."""
    columns = COLUMNS[role]
    if 0 <= sort_column < len(columns):
        people = sorted(people, key=columns[sort_column].key, reverse=descending)
    return RosterRows(tuple(people), tuple(search_text(p, vocabulary) for p in people), vocabulary, sort_column,
                      descending, widest_people(people, role, vocabulary, data_lang()))


def _in_order(ids: Sequence[str], position: Mapping[str, int]) -> set[str]:
    """The longest subsequence of `ids` whose new positions rise (patience sorting): rows that need not move."""
    tails: list[int] = []      # the smallest new position ending a rising run of each length
    ends: list[int] = []       # where in `ids` that run ends
    before = [-1] * len(ids)   # the element before each one in its run
    for i, person_id in enumerate(ids):
        length = bisect_left(tails, position[person_id])
        if length == len(tails):
            tails.append(position[person_id])
            ends.append(i)
        else:
            tails[length], ends[length] = position[person_id], i
        before[i] = ends[length - 1] if length else -1
    kept, i = set(), ends[-1] if ends else -1
    while i >= 0:
        kept.add(ids[i])
        i = before[i]
    return kept


class RosterModel(QAbstractTableModel):
    """People of one role as rows. Sorting reorders the rows here (fast, in Python), not in a proxy.

    Name, genres, needs, skills, capacity and free slots are edited in place: `setData` does not change the
    row but asks for the edit (`editRequested`); the page carries it out as an undoable action, and the row
    changes when the action's change set comes back."""

    editRequested = Signal(str, str, str)  # person id, field, typed text

    def __init__(self, role: Role, parent=None) -> None:
        super().__init__(parent)
        self.role = role
        self.columns = COLUMNS[role]
        self._people: list[Person] = []
        self._search: list[str] = []
        self._texts: list[tuple[str, ...] | None] = []
        self._vocabulary: Vocabulary = BUILTIN
        self._lang = data_lang()
        self._sort: tuple[int, bool] = (-1, False)  # the column the rows are in order of, and descending
        self._widest: list[list[Person]] = [[] for _ in self.columns]  # measured to size the columns

    # -- plain API -----------------------------------------------------------------------------

    def set_people(self, people: Sequence[Person], vocabulary: Vocabulary = BUILTIN) -> None:
        self.set_rows(prepare_rows(people, self.role, vocabulary, sort_column=-1))

    def set_rows(self, rows: RosterRows) -> None:
        """Show prepared rows (the expensive part, sorting and search texts, is already done). The roster read
        again in the same order and words (another viewer changed it) becomes rows removed, inserted and
        changed, so that the selection and the scroll position stay (issue 11); anything else is a reset."""
        self._widest = [list(people) for people in rows.widest] or [[] for _ in self.columns]
        if self._people and self._sort == (rows.sort_column, rows.descending) and self._lang == data_lang() \
                and rows.vocabulary == self._vocabulary:
            self._update_rows(rows)
            return
        self.beginResetModel()
        self._people = list(rows.people)
        self._vocabulary = rows.vocabulary
        self._lang = data_lang()
        self._search = list(rows.search)
        self._texts = [None] * len(self._people)
        self._sort = (rows.sort_column, rows.descending)
        self.endResetModel()

    def _update_rows(self, rows: RosterRows) -> None:
        """Turn the rows shown into `rows`: rows of people who left or moved go, the rows that stay (the longest
        run already in the new order) change in place, the others are inserted where they belong."""
        ids = [p.id for p in rows.people]
        position = {person_id: n for n, person_id in enumerate(ids)}
        stay = _in_order([p.id for p in self._people if p.id in position], position)
        self._remove_rows_not_in(stay)
        fresh = dict(zip(ids, zip(rows.people, rows.search)))
        for row, person in enumerate(self._people):
            new, search = fresh[person.id]
            if new != person or search != self._search[row]:
                self._people[row], self._search[row], self._texts[row] = new, search, None
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        row = n = 0
        while n < len(ids):
            if ids[n] in stay:
                row, n = row + 1, n + 1
                continue
            start = n
            while n < len(ids) and ids[n] not in stay:
                n += 1
            self.beginInsertRows(QModelIndex(), row, row + n - start - 1)
            self._people[row:row] = rows.people[start:n]
            self._search[row:row] = rows.search[start:n]
            self._texts[row:row] = [None] * (n - start)
            self.endInsertRows()
            row += n - start

    def _remove_rows_not_in(self, stay: set[str]) -> None:
        """Remove the rows of people not in `stay`, a block of neighbouring rows at a time, from the bottom."""
        row = len(self._people) - 1
        while row >= 0:
            if self._people[row].id in stay:
                row -= 1
                continue
            last = row
            while row > 0 and self._people[row - 1].id not in stay:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            for values in (self._people, self._search, self._texts):
                del values[row:last + 1]
            self.endRemoveRows()
            row -= 1

    def people(self) -> list[Person]:
        return list(self._people)

    def person(self, row: int) -> Person:
        return self._people[row]

    # -- change sets (issue 8: rows inserted, changed and removed, not a reset) --------------------

    def remove_ids(self, ids) -> None:
        """Remove the rows of these people (those shown here), one block of rows at a time."""
        rows = sorted((r for r in (self.row_of(i) for i in ids) if r is not None), reverse=True)
        for row in rows:
            self.beginRemoveRows(QModelIndex(), row, row)
            for values in (self._people, self._search, self._texts):
                del values[row]
            self.endRemoveRows()

    def put(self, person: Person) -> None:
        """Show a person as stored now: their row changes in place, or moves, or is inserted in order."""
        self._keep_if_wide(person)
        row = self.row_of(person.id)
        if row is not None and self._sort_key(self._people[row]) == self._sort_key(person):
            self._people[row], self._search[row], self._texts[row] = person, search_text(person, self._vocabulary), None
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            return
        if row is not None:
            self.remove_ids([person.id])
        row = self._insertion_row(person)
        self.beginInsertRows(QModelIndex(), row, row)
        self._people.insert(row, person)
        self._search.insert(row, search_text(person, self._vocabulary))
        self._texts.insert(row, None)
        self.endInsertRows()

    def _keep_if_wide(self, person: Person) -> None:
        """A person added or changed joins the widest of a column when their text there is as wide."""
        for column, spec in enumerate(self.columns):
            others = [p for p in self._widest[column] if p.id != person.id]
            self._widest[column] = heapq.nlargest(
                WIDEST_MEASURED, [*others, person], key=lambda p: letters(spec.text(p, self._vocabulary, self._lang)))

    def column_texts(self, column: int) -> list[str]:
        """The texts to measure to size a column: those of the people about the widest there (issue 11)."""
        spec = self.columns[column]
        return [spec.text(p, self._vocabulary, self._lang) for p in self._widest[column]]

    def _sort_key(self, person: Person):
        column, _reverse = self._sort
        return self.columns[column].key(person) if 0 <= column < len(self.columns) else None

    def _insertion_row(self, person: Person) -> int:
        column, reverse = self._sort
        if not 0 <= column < len(self.columns):
            return len(self._people)
        key = self._sort_key(person)
        for row, other in enumerate(self._people):
            other_key = self._sort_key(other)
            if (other_key > key) if not reverse else (other_key < key):
                return row
        return len(self._people)

    def row_of(self, person_id: str) -> int | None:
        for row, person in enumerate(self._people):
            if person.id == person_id:
                return row
        return None

    def search_texts(self) -> list[str]:
        return self._search

    # -- Qt overrides --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        # The view asks for a dozen roles per cell when painting; answer the unserved ones first, cheaply.
        if role not in _SERVED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return self._row_texts(row)[column]
        if role == _EDIT:
            field = self._editable(column)
            return edit_text(self._people[row], field, self._vocabulary, self._lang) if field else None
        if role == _TOOLTIP:
            return tip(self._row_texts(row)[column])
        if role == _ALIGN:
            return _RIGHT if self.columns[column].numeric else None
        person = self._people[row]
        if role == PERSON_ROLE:
            return person
        if role == ID_ROLE:
            return person.id
        if role == SEARCH_ROLE:
            return self._search[row]
        return self.columns[column].key(person)

    def _row_texts(self, row: int) -> tuple[str, ...]:
        """The cell texts of a row, computed when the row is first painted and kept until the data changes."""
        texts = self._texts[row]
        if texts is None:
            person = self._people[row]
            texts = tuple(c.text(person, self._vocabulary, self._lang) for c in self.columns)
            self._texts[row] = texts
        return texts

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._editable(index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _editable(self, column: int) -> str | None:
        field = EDITABLE.get(self.columns[column].header)
        if field == "capacity" and not self.role.is_mentor:
            return None
        return field

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        field = self._editable(index.column()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or field is None:
            return False
        person = self._people[index.row()]
        if str(value) != edit_text(person, field, self._vocabulary, self._lang):
            self.editRequested.emit(person.id, field, str(value))
        return False  # the row changes when the action is done, not here

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _t(self.columns[section].header)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder rows by a column's key, keeping persistent indexes (selection) on their people."""
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].key
        reverse = order == Qt.SortOrder.DescendingOrder
        order_rows = sorted(range(len(self._people)), key=lambda r: key(self._people[r]), reverse=reverse)
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order_rows)}
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(new_row[i.row()], i.column()) for i in old_indexes]
        self._people = [self._people[r] for r in order_rows]
        self._search = [self._search[r] for r in order_rows]
        self._texts = [self._texts[r] for r in order_rows]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self._sort = (column, reverse)
        self.layoutChanged.emit()


class RosterFilterProxy(QSortFilterProxyModel):
    """Filters by any word of a person's search text, in either language.

    The match is computed for all rows in one Python pass when the text changes, so the per-row
    callback Qt makes is a list lookup. Sorting is delegated to the source model.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._accepted: list[bool] | None = None

    def set_filter_text(self, text: str) -> None:
        self._needle = text.strip().casefold()
        self._refilter()

    def setFilterFixedString(self, pattern: str) -> None:  # noqa: N802 - Qt API name, kept for callers
        self.set_filter_text(pattern)

    def filter_text(self) -> str:
        return self._needle

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._accepted = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _matches(self) -> list[bool]:
        source = self.sourceModel()
        texts = source.search_texts() if isinstance(source, RosterModel) else []
        needle = self._needle
        self._accepted = [needle in text for text in texts] if needle else [True] * len(texts)
        return self._accepted

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        # Called once per row: keep it a list lookup.
        accepted = self._accepted
        if accepted is None or source_row >= len(accepted):
            accepted = self._matches()
        return accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            self._accepted = None
            source.sort(column, order)

    def setSourceModel(self, model) -> None:  # noqa: N802 - Qt override
        if self.sourceModel() is not None:
            for signal in self._forget_on(self.sourceModel()):
                signal.disconnect(self._forget)
        super().setSourceModel(model)
        for signal in self._forget_on(model):
            signal.connect(self._forget)

    @staticmethod
    def _forget_on(model) -> tuple:
        """Signals after which the cached matches no longer line up with the source rows."""
        return (model.modelAboutToBeReset, model.layoutAboutToBeChanged, model.rowsAboutToBeInserted,
                model.rowsAboutToBeRemoved, model.dataChanged)

    def _forget(self, *_args) -> None:
        self._accepted = None

    def person_at(self, index: QModelIndex) -> Person | None:
        if not index.isValid():
            return None
        return self.data(index, PERSON_ROLE)

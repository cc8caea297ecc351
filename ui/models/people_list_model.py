"""An ordered list of roster ids shown as names: a person's preferences or avoid list."""

from __future__ import annotations

from typing import Mapping

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from ui.models.roles import ID_ROLE


class PeopleListModel(QAbstractListModel):
    """Ids in order; `names` maps id → name for display (unknown ids are shown as they are)."""

    def __init__(self, ids=(), names: Mapping[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._ids: list[str] = list(ids)
        self._names = dict(names or {})

    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def set_ids(self, ids) -> None:
        self.beginResetModel()
        self._ids = list(dict.fromkeys(ids))
        self.endResetModel()

    def label(self, person_id: str) -> str:
        name = self._names.get(person_id)
        return f"{name} ({person_id})" if name else person_id

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person_id = self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.label(person_id)
        if role == ID_ROLE:
            return person_id
        return None

    def append(self, person_id: str) -> bool:
        if person_id in self._ids:
            return False
        row = len(self._ids)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.append(person_id)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        """Move a row up (-1) or down (+1); returns its new row."""
        target = row + step
        if not (0 <= row < len(self._ids) and 0 <= target < len(self._ids)):
            return row
        destination = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._ids.insert(target, self._ids.pop(row))
        self.endMoveRows()
        return target

"""Models of the import wizard: the file preview and the validation report."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from pairing.importer import Issue, RawTable
from pairing.words import Renderer
from ui.i18n import data_lang
from ui.plain import tip

_DISPLAY = Qt.ItemDataRole.DisplayRole
PREVIEW_ROWS = 200


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportModels", text)


class RawTableModel(QAbstractTableModel):
    """The first rows of a roster file as read, under its header; the vertical header shows file lines."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._header: tuple[str, ...] = ()
        self._rows: list[tuple[int, tuple[str, ...]]] = []

    def set_table(self, table: RawTable | None) -> None:
        self.beginResetModel()
        self._header = table.header if table else ()
        self._rows = list(table.rows[:PREVIEW_ROWS]) if table else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        cells = self._rows[index.row()][1]
        text = cells[index.column()] if index.column() < len(cells) else ""
        return tip(text) if role == Qt.ItemDataRole.ToolTipRole else text  # a cell's text is never markup

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._header[section] if 0 <= section < len(self._header) else None
        return str(self._rows[section][0]) if 0 <= section < len(self._rows) else None


class IssueModel(QAbstractTableModel):
    """Errors first, then warnings: severity, line, column, message."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportModels", "Problem"), QT_TRANSLATE_NOOP("ImportModels", "Line"),
               QT_TRANSLATE_NOOP("ImportModels", "Column"), QT_TRANSLATE_NOOP("ImportModels", "Details"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._issues: list[Issue] = []
        self._roles = None

    def set_roles(self, roles) -> None:
        """The program's own role names for the sentences (None: the default names)."""
        self._roles = roles

    def set_issues(self, issues: Sequence[Issue]) -> None:
        self.beginResetModel()
        self._issues = sorted(issues, key=lambda i: (not i.is_error, i.line or 0))
        self.endResetModel()

    def issues(self) -> list[Issue]:
        return list(self._issues)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        issue = self._issues[index.row()]
        if role == _DISPLAY:
            return self._cell(issue, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self._cell(issue, index.column()))  # names in it are shown as written
        return None

    def _cell(self, issue: Issue, column: int) -> str:
        if column == 0:
            return (QCoreApplication.translate("ImportModels", "Error") if issue.is_error
                    else QCoreApplication.translate("ImportModels", "Warning"))
        if column == 1:
            return "" if issue.line is None else str(issue.line)
        if column == 2:
            return issue.column or ""
        return issue.text(Renderer.for_lang(data_lang(), **({"roles": self._roles} if self._roles else {})))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return _t(self.HEADERS[section])
        return None

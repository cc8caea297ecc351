"""Spreadsheet habits: people and teams copied as tab-separated text, rows pasted from Excel/WPS (issue 11).

Copied people use the roster's import columns (pairing.exports.roster), so a paste into any program goes
back through the importer — its reading, mapping, validation and review — like a file would.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QGuiApplication

from pairing.domain import Person
from pairing.exports.roster import COLUMNS, CONTACT_COLUMNS, person_fields
from pairing.importer.columns import plan_columns
from ui.models.roles import FULL_TEXT_ROLE

PASTED_NAME = "pasted rows.tsv"


def _cell(value: str) -> str:
    """A cell that cannot break the table: tabs and line breaks inside it become spaces."""
    return " ".join(str(value).replace("\t", " ").splitlines())


def tsv(rows: Iterable[Sequence[str]]) -> str:
    return "".join("\t".join(_cell(v) for v in row) + "\r\n" for row in rows)


def people_tsv(people: Sequence[Person], include_contacts: bool = True) -> str:
    """Header and one row per person in the import columns (contacts included: the curator's own clipboard)."""
    columns = [c for c in COLUMNS if include_contacts or c not in CONTACT_COLUMNS]
    extra = list(dict.fromkeys(key for p in people for key in p.extra))
    rows = [columns + extra]
    for person in people:
        fields = person_fields(person)
        rows.append([fields[c] for c in columns] + [person.extra.get(c, "") for c in extra])
    return tsv(rows)


def model_tsv(model: QAbstractItemModel, rows: Sequence[int]) -> str:
    """The header and the given rows of a table as shown (display texts), in full where a column shows a short
    form (`FULL_TEXT_ROLE`: every meeting slot, the locked mentors' names)."""
    columns = range(model.columnCount())
    horizontal = Qt.Orientation.Horizontal
    header = [str(model.headerData(c, horizontal, FULL_TEXT_ROLE) or model.headerData(c, horizontal) or "")
              for c in columns]
    body = [[str(_full(model.index(r, c)) or "") for c in columns] for r in rows]
    return tsv([header, *body])


def _full(index) -> str | None:
    full = index.data(FULL_TEXT_ROLE)
    return full if full is not None else index.data()


def put_text(text: str) -> None:
    """Put tab-separated text on the system clipboard (plain text is what Excel and WPS read).

    setText, not setMimeData with a QMimeData made here: the clipboard takes ownership of that object and
    Python would free it a second time at exit (a segmentation fault after the last test)."""
    QGuiApplication.clipboard().setText(text)


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def looks_like_rows(text: str) -> bool:
    """A header line and at least one row, separated by tabs: what copying cells from a spreadsheet gives."""
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) >= 2 and "\t" in lines[0]


def with_role_column(text: str, role: str) -> str:
    """Rows pasted on a role's page without a role column are people of that role: add the column."""
    lines = text.splitlines()
    header = lines[0].split("\t")
    if plan_columns(header).has("role"):
        return text
    return "\r\n".join([lines[0] + "\trole", *(line + f"\t{role}" if line.strip() else line
                                                 for line in lines[1:])]) + "\r\n"


def pasted_file(text: str) -> Path:
    """The pasted rows as a UTF-8 TSV file in a fresh temporary folder, for the importer to read."""
    folder = Path(tempfile.mkdtemp(prefix="talent-pairing-paste-"))
    path = folder / PASTED_NAME
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return path

"""Reading an .xlsx workbook within bounds (issue 12): streamed cell by cell, never trusting what it declares.

A workbook is a zip of XML parts. Before anything is parsed the zip's parts are counted and their
declared sizes checked; while a part is read its real size is counted too (a zip may lie). The sheet is
parsed as a stream (`iterparse`), each row handed on and dropped, so memory follows the cells that hold
something, not the sheet's declared dimension (a lone cell at XFD1048576 costs nothing). Rows, columns
and cell lengths are limited; every refusal is a sentence naming the limit, and every structural
problem is "not a readable Excel workbook: …", never an IndexError. DTDs and entities are refused
(defusedxml), so billion-laughs and external entities never expand.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from pairing.importer.issues import ImportFileError
from pairing.words import Message, msg

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a roster file may hold; a file beyond any of these is refused with a sentence naming it."""

    file_bytes: int = 64 * MB
    part_bytes: int = 100 * MB  # any one XML part, unpacked
    parts: int = 5_000
    rows: int = 100_000
    columns: int = 500
    cell_chars: int = 10_000
    cells: int = 5_000_000  # rows × width as kept in memory


LIMITS = Limits()

_MAX_EXCEL_ROW, _MAX_EXCEL_COLUMN = 1_048_576, 16_384
_REFERENCE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_OFFICE_DOCUMENT = "/officeDocument"


class _Unreadable(Exception):
    """A structural problem; carries the `why` message of `files.not_workbook`."""

    def __init__(self, why: Message) -> None:
        super().__init__(why.code)
        self.why = why


@dataclass(frozen=True)
class SheetRows:
    """The rows of one worksheet that hold something: (line number, cell texts) each."""

    title: str
    records: list[tuple[int, tuple[str, ...]]]


def check_file_size(path: Path, size: int, limits: Limits = LIMITS) -> None:
    """Refuse a roster file larger than the limit before reading it."""
    if size > limits.file_bytes:
        raise ImportFileError(msg("files.too_large", path=str(path), size_mb=_mb(size),
                                  limit_mb=_mb(limits.file_bytes)))


def read_sheet(path: Path, data: bytes, sheet: str | None = None, limits: Limits = LIMITS) -> SheetRows:
    """The cell texts of one worksheet (the first unless named), within `limits`."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return _Workbook(path, book, limits).rows(sheet)
    except _Unreadable as exc:
        raise ImportFileError(msg("files.not_workbook", path=str(path), why=exc.why)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise ImportFileError(msg("files.not_workbook", path=str(path), why=msg("files.why_not_zip"))) from None
    except (NotImplementedError, RuntimeError):  # an unsupported compression method, an encrypted part
        raise ImportFileError(msg("files.not_workbook", path=str(path), why=msg("files.why_encrypted"))) from None


class _Workbook:
    def __init__(self, path: Path, book: zipfile.ZipFile, limits: Limits) -> None:
        self.path, self.book, self.limits = path, book, limits
        self.names = {info.filename for info in book.infolist()}
        self._check_parts()

    def _check_parts(self) -> None:
        infos = self.book.infolist()
        if len(infos) > self.limits.parts:
            raise _Unreadable(msg("files.why_too_many_members", count=len(infos), limit=self.limits.parts))
        for info in infos:
            if info.file_size > self.limits.part_bytes:
                raise self._too_large(info.filename, info.file_size)

    def _too_large(self, member: str, size: int) -> _Unreadable:
        return _Unreadable(msg("files.why_member_too_large", member=member, size_mb=_mb(size),
                               limit_mb=_mb(self.limits.part_bytes)))

    # -- parts ------------------------------------------------------------------------------------

    def _open(self, member: str) -> IO[bytes]:
        if member not in self.names:
            raise _Unreadable(msg("files.why_no_workbook_part", member=member))
        return _Counted(self.book.open(member), member, self.limits.part_bytes, self)

    def _elements(self, member: str, events=("end",)) -> Iterator[tuple[str, object]]:
        """(event, element) of a part, streamed; a damaged or entity-laden part is unreadable."""
        try:
            yield from iterparse(self._open(member), events=events, forbid_dtd=True)
        except DefusedXmlException:
            raise _Unreadable(msg("files.why_entities", member=member)) from None
        except ParseError as exc:
            raise _Unreadable(msg("files.why_bad_xml", member=member, detail=str(exc))) from None

    def _relationships(self, member: str) -> dict[str, tuple[str, str]]:
        """rId → (type, part name) of a part's relationships (none when it has no `_rels` part)."""
        folder, name = posixpath.split(member)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        if rels not in self.names:
            return {}
        found = {}
        for _event, element in self._elements(rels):
            if _local(element.tag) == "Relationship" and element.get("TargetMode") != "External":
                target = _part_name(folder, element.get("Target") or "")
                found[element.get("Id") or ""] = (element.get("Type") or "", target)
        return found

    def _workbook_part(self) -> str:
        for kind, target in self._relationships("").values():
            if kind.endswith(_OFFICE_DOCUMENT):
                return target
        return "xl/workbook.xml"

    # -- the workbook ----------------------------------------------------------------------------

    def rows(self, wanted: str | None) -> SheetRows:
        part = self._workbook_part()
        sheets, date1904 = self._sheets(part)
        if not sheets:
            raise _Unreadable(msg("files.why_no_sheets"))
        links = self._relationships(part)
        title, rid = self._choose(sheets, wanted)
        if rid not in links or links[rid][1] not in self.names:
            raise _Unreadable(msg("files.why_broken_sheet_link", sheet=title))
        strings = self._shared_strings(links)
        dates = self._date_styles(links)
        reader = _SheetReader(self, links[rid][1], strings, dates, date1904)
        return SheetRows(title, reader.records())

    def _sheets(self, part: str) -> tuple[list[tuple[str, str]], bool]:
        sheets, date1904 = [], False
        for _event, element in self._elements(part):
            tag = _local(element.tag)
            if tag == "sheet":
                rid = next((v for k, v in element.attrib.items() if _local(k) == "id" and k.startswith("{")), "")
                sheets.append((element.get("name") or f"Sheet{len(sheets) + 1}", rid))
            elif tag == "workbookPr":
                date1904 = element.get("date1904") in ("1", "true")
        return sheets, date1904

    def _choose(self, sheets: list[tuple[str, str]], wanted: str | None) -> tuple[str, str]:
        if wanted is None:
            return sheets[0]
        for title, rid in sheets:
            if title == wanted:
                return title, rid
        raise ImportFileError(msg("importer.no_sheet", file=str(self.path), sheet=wanted,
                                  sheets=tuple(title for title, _ in sheets)))

    def _linked(self, links, suffix: str) -> str | None:
        return next((target for kind, target in links.values() if kind.endswith(suffix)), None)

    def _shared_strings(self, links) -> list[str]:
        part = self._linked(links, "/sharedStrings")
        if part is None or part not in self.names:
            return []
        strings = []
        for _event, element in self._elements(part):
            if _local(element.tag) == "si":
                strings.append(_string_item(element))
                element.clear()
        return strings

    def _date_styles(self, links) -> frozenset[int]:
        """The cell styles (indexes of cellXfs) whose number format shows a date or time."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        part = self._linked(links, "/styles")
        if part is None or part not in self.names:
            return frozenset()
        formats, styles, in_xfs = dict(BUILTIN_FORMATS), [], False
        for event, element in self._elements(part, events=("start", "end")):
            tag = _local(element.tag)
            if tag == "cellXfs":
                in_xfs = event == "start"
            elif event == "end" and tag == "numFmt":
                formats[_int(element.get("numFmtId"))] = element.get("formatCode") or ""
            elif event == "end" and tag == "xf" and in_xfs:
                styles.append(_int(element.get("numFmtId")))
        return frozenset(i for i, fmt in enumerate(styles) if is_date_format(formats.get(fmt, "General")))


class _Counted:
    """A part's stream that counts what it unpacks and stops at the limit (declared sizes may lie)."""

    def __init__(self, stream: IO[bytes], member: str, limit: int, book: _Workbook) -> None:
        self.stream, self.member, self.limit, self.book, self.read_bytes = stream, member, limit, book, 0

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self.stream.read(size if size and size > 0 else 65536)
        except (zlib.error, zipfile.BadZipFile, EOFError) as exc:  # damaged compressed data, a wrong CRC
            raise _Unreadable(msg("files.why_bad_xml", member=self.member, detail=_zip_detail(exc))) from None
        self.read_bytes += len(chunk)
        if self.read_bytes > self.limit:
            raise self.book._too_large(self.member, self.read_bytes)
        return chunk


def _zip_detail(exc: BaseException) -> str:
    return "a wrong checksum" if "CRC" in str(exc) else "its compressed data is broken"


class _SheetReader:
    """One worksheet streamed row by row: only cells that hold something are kept, dropped elements freed."""

    def __init__(self, book: _Workbook, part: str, strings: list[str], dates: frozenset[int], date1904: bool):
        self.book, self.part, self.strings, self.dates = book, part, strings, dates
        self.limits = book.limits
        self.epoch = dt.datetime(1904, 1, 1) if date1904 else None
        self.kept_cells = 0

    def records(self) -> list[tuple[int, tuple[str, ...]]]:
        records: list[tuple[int, tuple[str, ...]]] = []
        line = 0
        container = None
        for event, element in self.book._elements(self.part, events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                if tag == "sheetData":
                    container = element
                continue
            if tag != "row":
                continue
            line = _int(element.get("r"), line + 1)
            if not 1 <= line <= _MAX_EXCEL_ROW:
                raise _Unreadable(msg("files.why_bad_reference", ref=element.get("r"), member=self.part))
            cells = self._row(element, line)
            if cells:
                records.append((line, cells))
                self._count(records, cells)
            if container is not None:
                container.clear()  # the rows read so far: without this the tree keeps every one of them
            element.clear()
        return records

    def _count(self, records, cells) -> None:
        if len(records) > self.limits.rows:
            raise ImportFileError(msg("files.too_many_rows", path=str(self.book.path), limit=self.limits.rows))
        self.kept_cells += len(cells)
        if self.kept_cells > self.limits.cells:
            raise ImportFileError(msg("files.too_many_cells", path=str(self.book.path), limit=self.limits.cells))

    def _row(self, row, line: int) -> tuple[str, ...]:
        values: dict[int, str] = {}
        column = 0
        for cell in row:
            if _local(cell.tag) != "c":
                continue
            column = self._column(cell, column)
            text = self._text(cell)
            if not text:
                continue
            if column > self.limits.columns:
                raise ImportFileError(msg("files.too_many_columns", path=str(self.book.path), line=line,
                                          count=column, limit=self.limits.columns))
            if len(text) > self.limits.cell_chars:
                raise ImportFileError(msg("files.cell_too_long", path=str(self.book.path), line=line,
                                          column=column_letter(column), length=len(text),
                                          limit=self.limits.cell_chars))
            values[column] = text
        if not values:
            return ()
        return tuple(values.get(c, "") for c in range(1, max(values) + 1))

    def _column(self, cell, previous: int) -> int:
        ref = cell.get("r")
        if not ref:
            return previous + 1
        match = _REFERENCE.match(ref)
        column = column_number(match.group(1)) if match else 0
        if not 1 <= column <= _MAX_EXCEL_COLUMN:
            raise _Unreadable(msg("files.why_bad_reference", ref=ref, member=self.part))
        return column

    def _text(self, cell) -> str:
        kind = cell.get("t") or "n"
        if kind == "inlineStr":
            item = next((child for child in cell if _local(child.tag) == "is"), None)
            return _string_item(item) if item is not None else ""
        value = next((child.text or "" for child in cell if _local(child.tag) == "v"), "")
        if kind == "s":
            index = _int(value, -1)
            if not 0 <= index < len(self.strings):
                raise _Unreadable(msg("files.why_bad_reference", ref=cell.get("r") or value, member=self.part))
            return self.strings[index]
        if kind == "b":
            return "True" if value.strip() in ("1", "true") else "False" if value.strip() else ""
        if kind in ("str", "e", "d"):
            return value
        return self._number(value, _int(cell.get("s"), 0))

    def _number(self, value: str, style: int) -> str:
        value = value.strip()
        if not value:
            return ""
        try:
            number = float(value)
        except ValueError:
            return value
        if style in self.dates and number == number and abs(number) < 2_958_466:  # up to year 9999
            return _date_text(number, self.epoch)
        if number.is_integer() and abs(number) < 1e16:
            return str(int(number))
        return str(number)


def check_text_row(path: str, line: int, cells: list[str], count: int, limits: Limits = LIMITS) -> None:
    """The same bounds for a row of a text roster: the `count`-th row, at `line`."""
    if count > limits.rows:
        raise ImportFileError(msg("files.too_many_rows", path=path, limit=limits.rows))
    if len(cells) > limits.columns and any(c.strip() for c in cells[limits.columns:]):
        raise ImportFileError(msg("files.too_many_columns", path=path, line=line, count=len(cells),
                                  limit=limits.columns))
    for index, cell in enumerate(cells, 1):
        if len(cell) > limits.cell_chars:
            raise ImportFileError(msg("files.cell_too_long", path=path, line=line, column=index,
                                      length=len(cell), limit=limits.cell_chars))


def _date_text(serial: float, epoch: dt.datetime | None) -> str:
    """An Excel date serial as openpyxl shows it: `2026-03-02`, or `2026-03-02 14:30:00` with a time."""
    from openpyxl.utils.datetime import from_excel

    value = from_excel(serial, epoch) if epoch is not None else from_excel(serial)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _string_item(item) -> str:
    """The text of a shared or inline string: its `t`, or its runs' `t`; phonetic hints (`rPh`) left out."""
    parts = []
    for child in item:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _part_name(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


def column_number(letters: str) -> int:
    """`A` → 1, `Z` → 26, `AA` → 27, `XFD` → 16384."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def column_letter(number: int) -> str:
    """1 → `A`, 27 → `AA`."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

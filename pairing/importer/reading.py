"""Reading a roster file into rows of text: CSV/TSV/TXT with detected encoding and delimiter, or XLSX."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from pairing.errors import UserError
from pairing.formulas import unguard

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_DELIMITER_WORDS = {"comma": ",", ",": ",", "semicolon": ";", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
_OTHER_SPREADSHEETS = {".ods": "an OpenDocument (.ods)", ".numbers": "an Apple Numbers"}


_ENCODING_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16", "gb18030": "GB18030"}


def encoding_label(encoding: str | None) -> str | None:
    """How an encoding is shown to the user: `UTF-8 with BOM`, `GB18030` …"""
    if encoding is None:
        return None
    return _ENCODING_LABELS.get(encoding, encoding.upper())


@dataclass(frozen=True)
class RawTable:
    """The header and data rows of a roster file, each row with its line number in the file."""

    source: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    header_line: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    @property
    def delimiter_name(self) -> str | None:
        return DELIMITER_NAMES.get(self.delimiter, self.delimiter) if self.delimiter else None


def read_table(path, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None) -> RawTable:
    """Read a roster file; raises UserError with a sentence for anything that is not a roster."""
    path = Path(path)
    data = _read_bytes(path)
    if path.suffix.lower() in _OTHER_SPREADSHEETS:
        kind = _OTHER_SPREADSHEETS[path.suffix.lower()]
        raise UserError(f"{path} is {kind} spreadsheet, which cannot be read; save it as .xlsx or CSV and import that.")
    if data.startswith(_ZIP) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, data, sheet)
    if data.startswith(_OLE):
        raise UserError(f"{path} is an old Excel (.xls) workbook; save it as .xlsx or CSV and import that.")
    return read_text(str(path), data, encoding, delimiter)


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a roster file.")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path} does not exist.") from None
    except OSError as exc:
        raise UserError(f"{path} cannot be read: {exc.strerror}.") from None
    if not data.strip():
        raise UserError(f"{path} is empty: expected a header row (name, role, …) and one row per person.")
    return data


# -- text files ---------------------------------------------------------------------------------

def read_text(source: str, data: bytes, encoding: str | None = None, delimiter: str | None = None) -> RawTable:
    forced = encoding is not None
    if forced:
        encoding = _check_encoding_name(encoding)
        _refuse_wrong_encoding(source, data, encoding)
    else:
        _refuse_binary(source, data)
        encoding = detect_encoding(source, data)
    text = decode(source, data, encoding)
    if forced:
        _refuse_garbled(source, data, text, encoding)
    delimiter = parse_delimiter(delimiter) if delimiter else detect_delimiter(text)
    return _table_from_text(source, text, encoding, delimiter)


def _refuse_binary(source: str, data: bytes) -> None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in data[:8192]:
        raise UserError(f"{source} is not a text roster (it contains binary data); "
                        "expected a CSV or tab-separated text file, or an .xlsx workbook.")


def detect_encoding(source: str, data: bytes) -> str:
    """BOM first, then strict UTF-8, then GB18030 (which contains GBK), then charset-normalizer's guess."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for candidate in ("utf-8", "gb18030"):
        try:
            data.decode(candidate)
            return candidate
        except UnicodeDecodeError:
            pass
    return _guess_encoding(source, data)


def _guess_encoding(source: str, data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None:
        raise UserError(f"{source}: the text encoding could not be recognised; save the file as UTF-8 "
                        "or give --encoding (e.g. gb18030).")
    return best.encoding


def _check_encoding_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UserError(f"{encoding!r} is not a known text encoding; expected e.g. utf-8, gb18030 or utf-16.") from None


def _refuse_wrong_encoding(source: str, data: bytes, encoding: str) -> None:
    """A forced encoding that would garble a file whose own BOM or valid UTF-8 says otherwise."""
    evident = None
    if data.startswith(codecs.BOM_UTF8):
        evident = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        evident = "utf-16"
    else:
        try:
            data.decode("utf-8")
            evident = "utf-8"
        except UnicodeDecodeError:
            return
    if codecs.lookup(evident).name == encoding or evident == "utf-8-sig" and encoding == "utf-8":
        return
    right, forced = data.decode(evident), data.decode(encoding, errors="replace")
    if forced.lstrip("\ufeff") == right.lstrip("\ufeff"):
        return
    line = _first_differing_line(right, forced)
    raise UserError(f"{source}, line {line}: the file is {encoding_label(evident)} but --encoding {encoding} "
                    f"was given, which would garble the text; leave --encoding out or give {evident}.")


def _first_differing_line(right: str, forced: str) -> int:
    for number, (a, b) in enumerate(zip(right.lstrip("\ufeff").splitlines(), forced.splitlines()), 1):
        if a != b:
            return number
    return 1


def _refuse_garbled(source: str, data: bytes, text: str, encoding: str) -> None:
    """Text that decoded without error but cannot be a roster: lines lost, control or unassigned characters."""
    if b"\n" in data and "\n" not in text:
        raise UserError(f"{source}, line 1: read as {encoding} the file has no line breaks; "
                        "expected a different encoding (leave --encoding out to detect it).")
    for number, line in enumerate(text.splitlines(), 1):
        odd = next((ch for ch in line if ch != "\t" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")), None)
        if odd is not None:
            raise UserError(f"{source}, line {number}: read as {encoding} the text holds the character "
                            f"U+{ord(odd):04X}, which no roster has; expected a different encoding "
                            "(leave --encoding out to detect it).")


def decode(source: str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start:exc.end][:4].hex(" ")
        raise UserError(f"{source}, line {line}: the bytes {bad} cannot be read as {encoding}; expected a file "
                        "in that encoding (leave --encoding out to detect it).") from None
    return text.lstrip("\ufeff")


# -- delimiters ---------------------------------------------------------------------------------

def parse_delimiter(text: str) -> str:
    """`comma`, `semicolon`, `tab` or the character itself."""
    value = _DELIMITER_WORDS.get(text.strip().lower() if text.strip() else text)
    if value is None and len(text) == 1 and text not in "\"\r\n":
        value = text
    if value is None:
        raise UserError(f"--delimiter {text!r} is not a delimiter; expected comma, semicolon, tab or one character.")
    return value


def detect_delimiter(text: str) -> str:
    """The delimiter of the header line; csv.Sniffer on a sample when the header is ambiguous."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: _count_outside_quotes(header, d) for d in DELIMITER_NAMES}
    present = [d for d, n in counts.items() if n]
    if len(present) == 1:
        return present[0]
    if not present:
        return ","
    try:
        return csv.Sniffer().sniff(text[:16384], delimiters="".join(present)).delimiter
    except csv.Error:
        return max(present, key=counts.__getitem__)


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def _table_from_text(source: str, text: str, encoding: str, delimiter: str) -> RawTable:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    start = 1
    try:
        for cells in reader:
            records.append((start, tuple(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UserError(f"{source}, line {reader.line_num}: {exc}; expected properly quoted fields.") from None
    _refuse_open_quote(source, text, records)
    return _table(source, records, encoding=encoding, delimiter=delimiter)


def _refuse_open_quote(source: str, text: str, records) -> None:
    """An unclosed quote swallows the rest of the file into one cell: say where it opened."""
    if text.count('"') % 2 and records and any("\n" in cell for cell in records[-1][1]):
        raise UserError(f'{source}, line {records[-1][0]}: a quote (") opens a field that is never closed, so the '
                        "rest of the file would be read as one value; expected a closing quote.")


def _table(source: str, records, **details) -> RawTable:
    records = [(line, cells) for line, cells in records if any(c.strip() for c in cells)]
    if not records:
        raise UserError(f"{source} has no header row: expected a first row such as name, role, genres, availability.")
    header_line, header = records[0]
    header = _trim_trailing_blanks(header)
    rows = tuple((line, tuple(map(unguard, cells))) for line, cells in records[1:])
    return RawTable(source, header, rows, header_line, **details)


def _trim_trailing_blanks(header: tuple[str, ...]) -> tuple[str, ...]:
    end = len(header)
    while end and not header[end - 1].strip():
        end -= 1
    return header[:end]


# -- XLSX ---------------------------------------------------------------------------------------

def read_xlsx(path: Path, data: bytes, sheet: str | None = None) -> RawTable:
    import openpyxl

    if not data.startswith(_ZIP):
        raise UserError(f"{path} is not an Excel workbook (.xlsx) although its name says so; "
                        "expected a file saved by Excel, WPS or LibreOffice as .xlsx.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not need here
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook; all mean "not readable"
        raise UserError(f"{path} cannot be read as an .xlsx workbook ({exc or type(exc).__name__}).") from None
    try:
        return _table_from_sheet(str(path), book, sheet)
    finally:
        book.close()


def _table_from_sheet(source: str, book, sheet: str | None) -> RawTable:
    if sheet is None:
        worksheet = book.worksheets[0]
    elif sheet in book.sheetnames:
        worksheet = book[sheet]
    else:
        names = ", ".join(book.sheetnames)
        raise UserError(f"{source} has no worksheet named {sheet!r}; its worksheets are: {names}.")
    try:
        records = [(number, tuple(_cell_text(v) for v in values))
                   for number, values in enumerate(worksheet.iter_rows(values_only=True), 1)]
    except Exception as exc:  # damaged sheet XML: the rows are read lazily, so it shows only here
        raise UserError(f"{source}: the worksheet {worksheet.title!r} cannot be read ({exc}).") from None
    return _table(f"{source} [{worksheet.title}]", records, sheet=worksheet.title)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

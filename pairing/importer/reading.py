"""Reading a roster file into rows of text: CSV/TSV/TXT with detected encoding and delimiter, or XLSX."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pairing.importer.issues import ImportFileError
from pairing.words import msg
from pairing.formulas import unguard
from pairing.importer.workbook import check_file_size, check_text_row, read_sheet

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_DELIMITER_WORDS = {"comma": ",", ",": ",", "semicolon": ";", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
_OTHER_SPREADSHEETS = (".ods", ".numbers")


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
    encoding_guessed: bool = False  # not a BOM, not valid UTF-8 or GB18030: a guess the curator is told of
    skipped: tuple[tuple[int, str], ...] = ()  # title rows above the header: (line, text)

    @property
    def delimiter_name(self) -> str | None:
        return DELIMITER_NAMES.get(self.delimiter, self.delimiter) if self.delimiter else None


def read_table(path, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None) -> RawTable:
    """Read a roster file; raises UserError with a sentence for anything that is not a roster."""
    path = Path(path)
    data = _read_bytes(path)
    if path.suffix.lower() in _OTHER_SPREADSHEETS:
        raise ImportFileError(msg("importer.other_spreadsheet", file=str(path), kind=path.suffix.lower()))
    if data.startswith(_ZIP) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, data, sheet)
    if data.startswith(_OLE):
        raise ImportFileError(msg("importer.old_excel", file=str(path)))
    return read_text(str(path), data, encoding, delimiter)


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise ImportFileError(msg("importer.folder", file=str(path)))
    try:
        check_file_size(path, path.stat().st_size)  # issue 12: bounded before anything is read
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(msg("importer.missing", file=str(path))) from None
    except OSError as exc:
        raise ImportFileError(msg("importer.unreadable", file=str(path), reason=str(exc.strerror))) from None
    if not data.strip():
        raise ImportFileError(msg("importer.empty", file=str(path)))
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
    guessed = not forced and encoding not in _CERTAIN
    return _table_from_text(source, text, encoding, delimiter, guessed)


def _refuse_binary(source: str, data: bytes) -> None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in data[:8192]:
        raise ImportFileError(msg("importer.binary", file=source))


_CERTAIN = ("utf-8", "utf-8-sig", "utf-16", "gb18030")
MOSTLY_UTF8_BAD_BYTES = 8  # more stray bytes than this and the file is not UTF-8 with a few damaged bytes


def detect_encoding(source: str, data: bytes) -> str:
    """BOM first, then strict UTF-8, then GB18030 (which contains GBK), then charset-normalizer's guess.

    A file that is UTF-8 except for a few bytes is refused naming the first one (issue 13): read as a
    legacy code page it would import with every accented or Chinese name garbled.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_mostly_utf8(source, data, exc)
    try:
        data.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        pass
    return _guess_encoding(source, data)


def _refuse_mostly_utf8(source: str, data: bytes, first: UnicodeDecodeError) -> None:
    """UTF-8 multi-byte characters throughout and only a handful of bytes that are not: a damaged UTF-8 file."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if 0 < bad <= MOSTLY_UTF8_BAD_BYTES and wide >= bad:
        line = data[: first.start].count(b"\n") + 1
        column = first.start - (data.rfind(b"\n", 0, first.start) + 1) + 1
        raise ImportFileError(msg("importer.utf8_damaged", file=source, line=line, byte=column,
                                  value=data[first.start:first.start + 1].hex(), count=bad))


def _guess_encoding(source: str, data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:65536]))
    if not matches:
        raise ImportFileError(msg("importer.encoding_unknown", file=source))
    least = min(m.chaos for m in matches)
    close = {m.encoding for m in matches if m.chaos <= least + CHAOS_TOLERANCE}
    # On a short file many code pages read about as well; the common ones of exported sheets come first.
    return next((e for e in COMMON_LEGACY if e in close), min(matches, key=lambda m: m.chaos).encoding)


CHAOS_TOLERANCE = 0.05
COMMON_LEGACY = ("cp1252", "big5", "shift_jis", "euc_kr", "cp1251", "cp1250")


def _check_encoding_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ImportFileError(msg("importer.encoding_name", encoding=encoding)) from None


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
    raise ImportFileError(msg("importer.encoding_contradicted", file=source, line=line,
                              evident=encoding_label(evident), encoding=encoding, name=evident))


def _first_differing_line(right: str, forced: str) -> int:
    for number, (a, b) in enumerate(zip(right.lstrip("\ufeff").splitlines(), forced.splitlines()), 1):
        if a != b:
            return number
    return 1


def _refuse_garbled(source: str, data: bytes, text: str, encoding: str) -> None:
    """Text that decoded without error but cannot be a roster: lines lost, control or unassigned characters."""
    if b"\n" in data and "\n" not in text:
        raise ImportFileError(msg("importer.encoding_no_lines", file=source, encoding=encoding))
    for number, line in enumerate(text.splitlines(), 1):
        odd = next((ch for ch in line if ch != "\t" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")), None)
        if odd is not None:
            raise ImportFileError(msg("importer.encoding_odd_character", file=source, line=number,
                                      encoding=encoding, character=f"U+{ord(odd):04X}"))


def decode(source: str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start:exc.end][:4].hex(" ")
        raise ImportFileError(msg("importer.encoding_bad_bytes", file=source, line=line, bytes=bad,
                                  encoding=encoding)) from None
    return text.lstrip("\ufeff")


# -- delimiters ---------------------------------------------------------------------------------

def parse_delimiter(text: str) -> str:
    """`comma`, `semicolon`, `tab` or the character itself."""
    value = _DELIMITER_WORDS.get(text.strip().lower() if text.strip() else text)
    if value is None and len(text) == 1 and text not in "\"\r\n":
        value = text
    if value is None:
        raise ImportFileError(msg("importer.delimiter_option", text=text))
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


def _table_from_text(source: str, text: str, encoding: str, delimiter: str, guessed: bool = False) -> RawTable:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    start = 1
    try:
        for cells in reader:
            check_text_row(source, start, cells, len(records) + 1)  # issue 12: rows, columns, cell length
            records.append((start, tuple(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(msg("importer.csv_error", file=source, line=reader.line_num, reason=str(exc))) from None
    _refuse_open_quote(source, text, records)
    return _table(source, records, encoding=encoding, delimiter=delimiter, encoding_guessed=guessed)


def _refuse_open_quote(source: str, text: str, records) -> None:
    """An unclosed quote swallows the rest of the file into one cell: say where it opened."""
    if text.count('"') % 2 and records and any("\n" in cell for cell in records[-1][1]):
        raise ImportFileError(msg("importer.open_quote", file=source, line=records[-1][0]))


def _table(source: str, records, **details) -> RawTable:
    records = [(line, cells) for line, cells in records if any(c.strip() for c in cells)]
    if not records:
        raise ImportFileError(msg("importer.no_header", file=source))
    start = header_start(records)
    skipped = tuple((line, " ".join(c.strip() for c in cells if c.strip())) for line, cells in records[:start])
    header_line, header = records[start]
    header = _trim_trailing_blanks(header)
    rows = tuple((line, _unguarded(cells)) for line, cells in records[start + 1:])
    return RawTable(source, header, rows, header_line, skipped=skipped, **details)


TITLE_ROWS = 10


def _unguarded(cells) -> tuple[str, ...]:
    """The row with export guards undone; most rows have none, and checking is cheaper than mapping."""
    cells = tuple(cells)
    return tuple(map(unguard, cells)) if any(c[:1] == "'" for c in cells) else cells


def header_start(records) -> int:
    """The first row that reads as a header: a title or date row above it (one filled cell, as WPS and
    Excel sheets with a merged title have) is skipped when a row with several filled cells follows."""
    filled = [sum(1 for c in cells if c.strip()) for _line, cells in records[:TITLE_ROWS]]
    if not filled or filled[0] >= 2:
        return 0
    for index, count in enumerate(filled):
        if count >= 2:
            below = filled[index + 1:]
            # a table starts here only if the rows below it are as wide (not one stray comma in a value)
            wide = sum(1 for n in below if n >= 2)
            return index if not below or wide * 2 >= len(below) else 0
    return 0


def _trim_trailing_blanks(header: tuple[str, ...]) -> tuple[str, ...]:
    end = len(header)
    while end and not header[end - 1].strip():
        end -= 1
    return header[:end]


# -- XLSX ---------------------------------------------------------------------------------------

def read_xlsx(path: Path, data: bytes, sheet: str | None = None) -> RawTable:
    """The worksheet streamed within bounds by `workbook.read_sheet` (issue 12)."""
    if not data.startswith(_ZIP):
        raise ImportFileError(msg("importer.not_xlsx", file=str(path)))
    rows = read_sheet(path, data, sheet)
    return _table(f"{path} [{rows.title}]", rows.records, sheet=rows.title)

"""Roster files within bounds (issue 12): attack workbooks built here, each refused with a sentence or read in
bounded memory; structural damage is "not a readable Excel workbook", never an IndexError."""

from __future__ import annotations

import datetime as dt
import io
import tracemalloc
import warnings
import zipfile

import pytest

from pairing.errors import UserError
from pairing.importer.reading import read_table
from pairing.importer.workbook import LIMITS, Limits, column_letter, column_number, read_sheet
from pairing.words import render

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
MEMORY_LIMIT = 300 * 1024 * 1024

HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>role</t></is></c></row>'


def _workbook(path, sheet_xml, *, sheets='<sheet name="Roster" sheetId="1" r:id="rId1"/>', links=None,
              shared=None, extra=()):
    """A minimal .xlsx written part by part; `sheet_xml` may be a string or an iterable of chunks."""
    links = links if links is not None else (
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="x"/>')
        book.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                      f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{links}</Relationships>')
        if shared is not None:
            book.writestr("xl/sharedStrings.xml", shared)
        with book.open("xl/worksheets/sheet1.xml", "w") as part:
            for chunk in ([sheet_xml] if isinstance(sheet_xml, str) else sheet_xml):
                part.write(chunk.encode("utf-8"))
        for name, text in extra:
            book.writestr(name, text)
    return path


def _sheet(rows: str, dimension: str = "A1:B2") -> str:
    return f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'


def _refusal(path, **kwargs) -> str:
    with pytest.raises(UserError) as caught:
        read_table(path, **kwargs)
    assert "Traceback" not in str(caught.value)
    assert render(caught.value.message, "zh")  # every refusal has its Chinese sentence
    return str(caught.value)


def _peak(call) -> int:
    tracemalloc.start()
    try:
        call()
    except UserError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


# -- attacks ------------------------------------------------------------------------------------

def test_a_lone_cell_at_xfd1048576_is_refused_by_the_column_limit_in_little_memory(tmp_path):
    cell = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = _workbook(tmp_path / "far.xlsx", _sheet(HEADER + cell, "A1:XFD1048576"))
    assert path.stat().st_size < 2048
    assert _refusal(path).endswith("line 1048576: 16384 columns; a roster may have at most 500 columns.")
    assert _peak(lambda: read_table(path)) < 10 * 1024 * 1024


def test_an_empty_styled_cell_at_xfd1048576_costs_nothing(tmp_path):
    cell = '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    path = _workbook(tmp_path / "styled.xlsx", _sheet(HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>Ann'
                                                      '</t></is></c></row>' + cell, "A1:XFD1048576"))
    table = read_table(path)
    assert table.header == ("name", "role") and [line for line, _ in table.rows] == [2]


def test_a_whitespace_bomb_is_refused_before_it_is_unpacked(tmp_path):
    blank = " " * (1024 * 1024)
    chunks = [_sheet(HEADER).replace("</sheetData>", "")] + [blank] * (LIMITS.part_bytes // len(blank) + 8)
    chunks.append("</sheetData></worksheet>")
    path = _workbook(tmp_path / "bomb.xlsx", chunks)
    assert path.stat().st_size < 2 * 1024 * 1024
    sentence = _refusal(path)
    assert "is not a readable Excel workbook: the part xl/worksheets/sheet1.xml unpacks to" in sentence
    assert "over the limit of 100 MB" in sentence
    assert _peak(lambda: read_table(path)) < MEMORY_LIMIT


def test_whitespace_within_the_part_limit_is_streamed_in_bounded_memory(tmp_path):
    blank = " " * (1024 * 1024)
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>P{n}</t></is></c></row>{blank}'
                   for n in range(2, 40))
    path = _workbook(tmp_path / "airy.xlsx", _sheet(HEADER + rows))
    peak = _peak(lambda: read_table(path))
    assert peak < MEMORY_LIMIT and len(read_table(path).rows) == 38


def test_a_sheet_of_a_million_rows_stops_at_the_row_limit(tmp_path):
    def rows():
        yield _sheet(HEADER, "A1:B1048576").replace("</sheetData></worksheet>", "")
        for start in range(2, 1_048_577, 4096):
            yield "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>'
                          for n in range(start, min(start + 4096, 1_048_577)))
        yield "</sheetData></worksheet>"

    path = _workbook(tmp_path / "tall.xlsx", rows())
    assert _refusal(path).endswith("more than 100000 rows; a roster may have at most 100000 rows. Split the file.")


def test_a_smaller_row_limit_is_named(tmp_path):
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 12))
    path = _workbook(tmp_path / "r.xlsx", _sheet(HEADER + rows))
    with pytest.raises(UserError, match="more than 5 rows"):
        read_sheet(path, path.read_bytes(), limits=Limits(rows=5))


def test_a_long_cell_names_its_line_and_column(tmp_path):
    long = "x" * (LIMITS.cell_chars + 1)
    path = _workbook(tmp_path / "long.xlsx", _sheet(HEADER + f'<row r="7"><c r="C7" t="inlineStr"><is><t>{long}'
                                                    '</t></is></c></row>'))
    assert _refusal(path).endswith("line 7, column C: the cell holds 10001 characters; a cell may hold at most 10000.")


def test_billion_laughs_and_external_entities_are_refused(tmp_path):
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              f'<sst xmlns="{MAIN}"><si><t>&lol2;</t></si></sst>')
    xxe = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f'<sst xmlns="{MAIN}"><si><t>&xxe;</t></si></sst>')
    for name, shared in (("laughs.xlsx", laughs), ("xxe.xlsx", xxe)):
        path = _workbook(tmp_path / name, _sheet(HEADER), shared=shared)
        assert "the part xl/sharedStrings.xml declares XML entities" in _refusal(path)


# -- structure ----------------------------------------------------------------------------------

def test_a_workbook_without_sheets_is_not_readable(tmp_path):
    path = _workbook(tmp_path / "empty.xlsx", _sheet(HEADER), sheets="")
    assert _refusal(path).endswith("is not a readable Excel workbook: it has no worksheet.")


def test_a_broken_sheet_link_is_not_readable(tmp_path):
    links = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/missing.xml"/>'
    path = _workbook(tmp_path / "link.xlsx", _sheet(HEADER), links=links)
    assert _refusal(path).endswith("is not a readable Excel workbook: its worksheet Roster points to a part that is missing.")
    path = _workbook(tmp_path / "norel.xlsx", _sheet(HEADER), links="")
    assert "points to a part that is missing" in _refusal(path)


@pytest.mark.parametrize("damage, why", [
    (lambda data: data[: len(data) // 2], "it is not a zip archive"),
    (lambda data: data.replace(b"PK\x01\x02", b"PK\x01\x03"), "it is not a zip archive"),
])
def test_a_damaged_zip_is_not_readable(tmp_path, damage, why):
    path = _workbook(tmp_path / "ok.xlsx", _sheet(HEADER))
    path.write_bytes(damage(path.read_bytes()))
    assert why in _refusal(path)


def test_damaged_xml_and_bad_references_are_not_readable(tmp_path):
    path = _workbook(tmp_path / "xml.xlsx", _sheet(HEADER).replace("</sheetData>", "<row>"))
    assert "the part xl/worksheets/sheet1.xml is damaged" in _refusal(path)
    path = _workbook(tmp_path / "ref.xlsx", _sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'),
                     shared=f'<sst xmlns="{MAIN}"><si><t>only one</t></si></sst>')
    assert "the cell reference A1 in xl/worksheets/sheet1.xml is not valid" in _refusal(path)
    path = _workbook(tmp_path / "col.xlsx", _sheet('<row r="1"><c r="ZZZZ1"><v>1</v></c></row>'))
    assert "the cell reference ZZZZ1" in _refusal(path)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(LIMITS.file_bytes + 1)  # sparse: nothing is written
    assert _refusal(path).endswith("is 64 MB; a roster file may be at most 64 MB. Split it or remove what it does not need.")


# -- text rosters get the same bounds --------------------------------------------------------------

def test_text_rosters_are_bounded_too(tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(600)) + "\n", encoding="utf-8")
    assert _refusal(wide).endswith("line 1: 600 columns; a roster may have at most 500 columns.")
    long = tmp_path / "long.csv"
    long.write_text("name,notes\nAnn," + "y" * 10_001 + "\n", encoding="utf-8")
    assert _refusal(long).endswith("line 2, column 2: the cell holds 10001 characters; a cell may hold at most 10000.")
    tall = tmp_path / "tall.csv"
    tall.write_text("name\n" + "".join(f"P{n}\n" for n in range(100_001)), encoding="utf-8")
    assert "more than 100000 rows" in _refusal(tall)


# -- the same cells as before ---------------------------------------------------------------------

def test_cells_read_as_openpyxl_reads_them(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Roster"
    sheet.append(["name", "role", "capacity", "start", "score", "ok", "when"])
    sheet.append(["李雷", "director", 3, dt.date(2026, 3, 2), 2.5, True, dt.datetime(2026, 3, 2, 14, 30)])
    sheet.append(["Ann", "producer", 4.0, None, -1e-3, False, dt.datetime(2026, 3, 3)])
    other = book.create_sheet("Other")
    other.append(["name"])
    path = tmp_path / "made.xlsx"
    book.save(path)
    expected = [(1, ("name", "role", "capacity", "start", "score", "ok", "when")),
                (2, ("李雷", "director", "3", "2026-03-02", "2.5", "True", "2026-03-02 14:30:00")),
                (3, ("Ann", "producer", "4", "", "-0.001", "False", "2026-03-03"))]
    assert read_sheet(path, path.read_bytes()).records == expected
    assert read_sheet(path, path.read_bytes(), "Other").records == [(1, ("name",))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    assert loaded.worksheets[0]["D2"].value == dt.datetime(2026, 3, 2)  # openpyxl agrees it is a date
    loaded.close()


def test_column_letters_round_trip():
    assert [column_number(column_letter(n)) for n in (1, 26, 27, 702, 703, 16384)] == [1, 26, 27, 702, 703, 16384]
    assert column_letter(16384) == "XFD"

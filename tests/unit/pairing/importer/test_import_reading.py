"""Reading roster files: encodings, delimiters, XLSX, and files that are not rosters."""

import codecs
import csv
import io

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from pairing.errors import UserError
from pairing.importer.reading import detect_delimiter, parse_delimiter, read_table

ROWS = [
    ["id", "name", "role", "genres", "availability"],
    ["D01", "陈思远", "导演", "剧情；成长", "周一至周五 下午"],
    ["P01", "Helen Ma", "producer", "drama, social realism", "Mon-Fri PM; Sat AM"],
    ["I01", "许文静", "导师", "纪录片", "Sat"],
]


def write(path, rows=ROWS, encoding="utf-8", delimiter=","):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding, detected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16"),
])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters_are_detected(tmp_path, encoding, detected, delimiter):
    table = read_table(write(tmp_path / "r.csv", encoding=encoding, delimiter=delimiter))
    assert (table.encoding, table.delimiter) == (detected, delimiter)
    assert table.header == tuple(ROWS[0])
    assert [cells for _, cells in table.rows] == [tuple(r) for r in ROWS[1:]]


def test_line_numbers_count_blank_lines_and_multiline_cells(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text('\n\nname,role,notes\nAnn,director,"two\nlines"\n\nBob,producer,x\n', encoding="utf-8")
    table = read_table(path)
    assert table.header_line == 3
    assert [line for line, _ in table.rows] == [4, 7]


def test_overrides_win_over_detection(tmp_path):
    path = write(tmp_path / "r.txt", delimiter=";", encoding="gb18030")
    table = read_table(path, encoding="gb18030", delimiter="semicolon")
    assert table.rows[0][1][1] == "陈思远"
    with_comma = read_table(path, delimiter="comma")
    assert with_comma.delimiter == "," and len(with_comma.header) == 1


def test_header_with_list_separators_in_values_still_finds_the_comma(tmp_path):
    rows = [["name", "role", "genres"]] + [["A", "director", "a;b;c;d;e"]] * 5
    assert read_table(write(tmp_path / "r.csv", rows=rows)).delimiter == ","


@settings(max_examples=40, deadline=None)
@given(delimiter=st.sampled_from([",", ";", "\t"]),
       cells=st.lists(st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=6),
                      min_size=2, max_size=6))
def test_delimiter_detection_finds_the_delimiter_of_any_header(delimiter, cells):
    assert detect_delimiter(delimiter.join(cells) + "\n") == delimiter


@pytest.mark.parametrize("text", ["pipe", "", "ab"])
def test_bad_delimiter_option(text):
    with pytest.raises(UserError, match="not a delimiter"):
        parse_delimiter(text)


def test_forcing_a_wrong_encoding_is_an_error_naming_the_line(tmp_path):
    utf8 = write(tmp_path / "u.csv")
    with pytest.raises(UserError, match=r"line 2: the file is UTF-8 but --encoding gb18030"):
        read_table(utf8, encoding="gb18030")
    gb = write(tmp_path / "g.csv", encoding="gb18030")
    with pytest.raises(UserError, match=r"line 2: the bytes .* cannot be read as utf-8"):
        read_table(gb, encoding="utf-8")
    with pytest.raises(UserError, match="not a known text encoding"):
        read_table(gb, encoding="klingon")


def test_an_ascii_file_may_be_read_with_any_ascii_compatible_encoding(tmp_path):
    path = write(tmp_path / "a.csv", rows=[["name", "role"], ["Ann", "director"]])
    assert read_table(path, encoding="gb18030").rows[0][1] == ("Ann", "director")


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"), (b"\n \r\n", "is empty"), (b"\x7fELF\x02\x01\x00\x00binary", "binary data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Excel"), (b",,,\n,,\n", "no header row"),
])
def test_files_that_are_not_rosters(tmp_path, content, message):
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        read_table(path)


def test_missing_file_folder_and_fake_xlsx(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(UserError, match="is a folder"):
        read_table(tmp_path)
    fake = tmp_path / "r.xlsx"
    fake.write_text("name,role\n", encoding="utf-8")
    with pytest.raises(UserError, match="not an Excel workbook"):
        read_table(fake)


def write_xlsx(path, rows=ROWS, title="Roster", blank_rows=0):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for _ in range(blank_rows):
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.create_sheet("Other").append(["name"])
    book.save(path)
    return path


def test_xlsx_first_non_empty_row_is_the_header_and_numbers_read_as_text(tmp_path):
    rows = [ROWS[0] + ["capacity"], ROWS[2] + [3]]
    table = read_table(write_xlsx(tmp_path / "r.xlsx", rows=rows, blank_rows=2))
    assert table.header_line == 3 and table.header == tuple(rows[0])
    assert table.rows == ((4, tuple(ROWS[2]) + ("3",)),)
    assert table.sheet == "Roster"


def test_xlsx_sheet_option(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx")
    assert read_table(path, sheet="Other").header == ("name",)
    with pytest.raises(UserError, match="no worksheet named 'Nope'; its worksheets are: Roster, Other"):
        read_table(path, sheet="Nope")


def test_utf16_without_bom_is_not_silently_garbled(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(codecs.encode("name,role\nAnn,director\n", "utf-16-le"))
    with pytest.raises(UserError):
        read_table(path)


def test_an_unclosed_quote_names_the_line_where_it_opened(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text('name,role\nAnn,director\n"Bob,producer\nCy,instructor\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"line 3: a quote .* is never closed"):
        read_table(path)


cell_text = st.text(
    st.one_of(st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs")), st.sampled_from("陈思远林晓雨纪录片剪辑、；,;\"'\t\n")),
    max_size=12,
)


@settings(max_examples=40, deadline=None)
@given(encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       delimiter=st.sampled_from([",", ";", "\t"]),
       rows=st.lists(st.lists(cell_text, min_size=3, max_size=3).filter(lambda r: any(c.strip() for c in r)),
                     max_size=5))
def test_any_cells_survive_any_encoding_and_delimiter(tmp_path_factory, encoding, delimiter, rows):
    header = ["姓名", "role", "notes"]  # a Chinese header, as real GB18030 rosters have, makes GB18030 certain
    path = write(tmp_path_factory.mktemp("r") / "r.csv", rows=[header, *rows], encoding=encoding,
                 delimiter=delimiter)
    table = read_table(path)
    assert table.header == tuple(header) and table.delimiter == delimiter
    expected = [tuple(c.replace("\r\n", "\n") for c in row) for row in rows]
    assert [cells for _, cells in table.rows] == expected


def test_forcing_utf16_on_a_gb18030_file_is_refused_not_garbled(tmp_path):
    path = write(tmp_path / "g.csv", encoding="gb18030", delimiter=";")
    with pytest.raises(UserError, match=r"line \d+: read as utf-16"):
        read_table(path, encoding="utf-16")


def test_other_spreadsheet_formats_are_named(tmp_path):
    path = tmp_path / "r.ods"
    path.write_bytes(b"PK\x03\x04rest")
    with pytest.raises(UserError, match=r"\.ods spreadsheet, which cannot be read; save it as .xlsx"):
        read_table(path)


def test_a_damaged_workbook_is_a_sentence(tmp_path):
    import zipfile

    path = tmp_path / "r.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<broken")
    with pytest.raises(UserError, match="is not a readable Excel workbook: the part xl/workbook.xml is missing"):
        read_table(path)


def test_the_quote_that_guards_a_formula_like_cell_is_removed(tmp_path):
    path = tmp_path / "guarded.csv"
    path.write_text("name,phone,notes\nAnn,'+86 138,'=not a formula\nBo,'plain,it's fine\n", encoding="utf-8")
    table = read_table(path)
    assert [cells for _, cells in table.rows] == [("Ann", "+86 138", "=not a formula"), ("Bo", "'plain", "it's fine")]

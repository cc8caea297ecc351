"""Fuzzing the importer (issue 12): damaged text rosters and damaged workbooks are imported by the command line;
every one is imported or refused with a sentence, never a traceback, and a refused one changes nothing.

A few hundred cases run in `make test`; the long campaign is the same tests with more examples:
`PAIRING_FUZZ_EXAMPLES=5000 pytest -m fuzz`."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing.cli import main
from pairing.errors import UserError
from pairing.importer.reading import read_table
from pairing.storage import open_program, repo
from pairing.words import render

ROOT = Path(__file__).resolve().parents[4]
SAMPLE = (ROOT / "resources" / "sample" / "roster.csv").read_bytes()
EXAMPLES = int(os.environ.get("PAIRING_FUZZ_EXAMPLES", "0"))


def campaign(examples: int):
    """`examples` cases in make test (a command-line import costs ~0.3 s, a read ~10 ms); more on demand."""
    return settings(max_examples=EXAMPLES or examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

pytestmark = pytest.mark.fuzz


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    """One program with the sample roster: every fuzz case is imported into it (and must not change it)."""
    path = tmp_path_factory.mktemp("fuzz") / "p.pairing"
    assert main(["import", "--lang", "en", str(SAMPLE_PATH), "--db", str(path)]) == 0
    return path


SAMPLE_PATH = ROOT / "resources" / "sample" / "roster.csv"


def _people(path) -> list:
    store = open_program(path, read_only=True)
    try:
        with store.sessions() as session:
            return repo.list_people(session)
    finally:
        store.close()


def _import(program, data: bytes, suffix: str, tmp_path, capsys) -> None:
    """Import the bytes as a roster file; it is imported (exit 0) or refused with sentences (exit 1)."""
    roster = tmp_path / f"fuzz{suffix}"
    roster.write_bytes(data)
    before = _people(program)
    code = main(["import", "--lang", "en", str(roster), "--db", str(program), "--dry-run"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "Traceback" not in out + err
    if code == 1:
        assert err.startswith("pairing import: ") and err.strip()
    assert _people(program) == before  # a dry run, and a refused import, change nothing


# -- text rosters ---------------------------------------------------------------------------------

def _flip(data: bytes, positions: list[int], values: list[int]) -> bytes:
    mutable = bytearray(data)
    for position, value in zip(positions, values):
        mutable[position % len(mutable)] = value
    return bytes(mutable)


text_cases = st.one_of(
    st.builds(_flip, st.just(SAMPLE), st.lists(st.integers(0, len(SAMPLE) - 1), min_size=1, max_size=40),
              st.lists(st.integers(0, 255), min_size=40, max_size=40)),
    st.integers(1, len(SAMPLE)).map(lambda n: SAMPLE[:n]),
    st.sampled_from(["utf-16", "gb18030", "utf-8-sig", "cp1252", "latin-1"]).map(
        lambda enc: SAMPLE.decode("utf-8").encode(enc, errors="replace")),
    st.binary(min_size=1, max_size=2000),
    st.text(min_size=1, max_size=400).map(lambda t: t.encode("utf-8")),
    st.tuples(st.integers(1, 30_000), st.sampled_from(["x", ",", "\"", "\n", "；", "┋", " "])).map(
        lambda p: b"name,role,notes\nAnn,director," + (p[1] * p[0]).encode("utf-8")),
    st.integers(1, 2000).map(lambda n: (",".join(f"c{i}" for i in range(n)) + "\n").encode()),
)


@campaign(60)
@given(data=text_cases)
def test_any_text_roster_is_imported_or_refused_with_a_sentence(program, tmp_path, capsys, data):
    _import(program, data, ".csv", tmp_path, capsys)


@campaign(150)
@given(data=text_cases)
def test_any_text_roster_is_read_or_refused_with_a_sentence(tmp_path, data):
    _read(data, tmp_path / "fuzz.csv")


def _read(data: bytes, path: Path) -> None:
    """Reading alone (the stage where bytes become rows): a table or a UserError with its sentence."""
    path.write_bytes(data)
    try:
        read_table(path)
    except UserError as exc:
        assert render(exc.message, "en") and render(exc.message, "zh")


# -- workbooks -----------------------------------------------------------------------------------

def _sample_workbook() -> bytes:
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO(SAMPLE.decode("utf-8"))):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK = _sample_workbook()
PARTS = {info.filename: zipfile.ZipFile(io.BytesIO(WORKBOOK)).read(info) for info in
         zipfile.ZipFile(io.BytesIO(WORKBOOK)).infolist()}


def _rebuilt(drop: set[str], replace: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in PARTS.items():
            if name not in drop:
                book.writestr(name, replace.get(name, content))
    return buffer.getvalue()


def _cut(content: bytes, at: int) -> bytes:
    return content[: at % (len(content) + 1)]


part_names = st.sampled_from(sorted(PARTS))
xlsx_cases = st.one_of(
    st.builds(_flip, st.just(WORKBOOK), st.lists(st.integers(0, len(WORKBOOK) - 1), min_size=1, max_size=20),
              st.lists(st.integers(0, 255), min_size=20, max_size=20)),
    st.integers(1, len(WORKBOOK)).map(lambda n: WORKBOOK[:n]),
    st.builds(_rebuilt, st.sets(part_names, max_size=3), st.just({})),
    st.builds(lambda name, at: _rebuilt(set(), {name: _cut(PARTS[name], at)}), part_names, st.integers(0, 10**6)),
    st.builds(lambda name, junk: _rebuilt(set(), {name: junk}), part_names, st.binary(max_size=300)),
    st.builds(lambda name, flips, values: _rebuilt(set(), {name: _flip(PARTS[name], flips, values)}),
              part_names, st.lists(st.integers(0, 10**6), min_size=1, max_size=8),
              st.lists(st.integers(0, 255), min_size=8, max_size=8)),
)


@campaign(25)
@given(data=xlsx_cases)
def test_any_workbook_is_imported_or_refused_with_a_sentence(program, tmp_path, capsys, data):
    _import(program, data, ".xlsx", tmp_path, capsys)


@campaign(200)
@given(data=xlsx_cases)
def test_any_workbook_is_read_or_refused_with_a_sentence(tmp_path, data):
    _read(data, tmp_path / "fuzz.xlsx")

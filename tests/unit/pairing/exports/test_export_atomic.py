"""Atomic exports: a failure or a cancel leaves no partial file and never overwrites a good one."""

from __future__ import annotations

import threading

import pytest

from pairing.errors import UserError
from pairing.exports import FORMATS, write_export
from pairing.exports import csv_sheet, xlsx


class Boom(RuntimeError):
    pass


def _good_file(folder):
    target = folder / "sheet.out"
    target.write_bytes(b"the good export of yesterday")
    return target


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_a_csv_writer_failing_midway_keeps_the_old_file(data, out, monkeypatch):
    target = _good_file(out)
    real_writer = csv_sheet.csv.writer

    class FailingWriter:
        def __init__(self, handle):
            self.inner = real_writer(handle)

        def writerows(self, rows):
            for n, row in enumerate(rows):
                if n == 2:
                    raise Boom("disk full")
                self.inner.writerow(row)

    monkeypatch.setattr(csv_sheet.csv, "writer", FailingWriter)
    with pytest.raises(Boom):
        write_export(data, "csv", target)
    assert target.read_bytes() == b"the good export of yesterday"
    assert sorted(p.name for p in out.iterdir()) == ["sheet.out"]


def test_an_xlsx_writer_failing_midway_keeps_the_old_file(data, out, monkeypatch):
    target = _good_file(out)

    def fail(self, name, rows):
        raise Boom("no more memory")

    monkeypatch.setattr(xlsx._Book, "rows_sheet", fail)
    with pytest.raises(Boom):
        write_export(data, "xlsx", target)
    assert target.read_bytes() == b"the good export of yesterday"
    assert [p.name for p in out.iterdir()] == ["sheet.out"]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("pdf", "matrix")])
def test_a_cancelled_export_writes_nothing(data, out, fmt):
    target = _good_file(out)
    cancel = threading.Event()
    cancel.set()
    assert write_export(data, fmt, target, cancel=cancel) is None
    assert target.read_bytes() == b"the good export of yesterday"
    assert [p.name for p in out.iterdir()] == ["sheet.out"]


def test_a_cancelled_pdf_writes_nothing(data, out, renderer):
    target = _good_file(out)
    cancel = threading.Event()
    seen = []

    def progress(fraction):
        seen.append(fraction)
        cancel.set()  # the user presses Cancel after the first page

    assert write_export(data, "pdf", target, pdf_renderer=renderer, progress=progress, cancel=cancel) is None
    assert seen and target.read_bytes() == b"the good export of yesterday"
    assert [p.name for p in out.iterdir()] == ["sheet.out"]


def test_progress_reaches_the_end(data, out):
    seen = []
    report = write_export(data, "csv", out / "teams.csv", progress=seen.append)
    assert report is not None and seen[-1] == 1.0 and seen == sorted(seen)


def test_a_missing_folder_is_a_sentence(data, tmp_path):
    with pytest.raises(UserError, match="folder .* does not exist"):
        write_export(data, "csv", tmp_path / "nowhere" / "teams.csv")


def test_a_new_file_gets_ordinary_permissions(data, out):
    target = out / "teams.csv"
    write_export(data, "csv", target)
    assert target.stat().st_mode & 0o044  # readable by others, not the 0600 of a temporary file


def test_pdf_progress_counts_every_section(data, out, renderer):
    seen = []
    write_export(data, "pdf", out / "teams.pdf", pdf_renderer=renderer, progress=seen.append)
    assert len(seen) == 1 + len(data.run.result.teams)  # summary, then one per team
    assert seen == sorted(seen) and seen[-1] == 1.0 and seen[0] < 0.5

"""kill -9 at random points of import, solve and export (issue 12): the program opens in the state before or
the state after, never between; an export target is the old file or the whole new one, never part of it;
the `.part` file a killed export leaves is removed by the next export."""

from __future__ import annotations

import csv
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pairing.cli import main
from pairing.storage import open_program, repo

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "roster.csv"
KILLS_PER_COMMAND = int(os.environ.get("PAIRING_KILLS", "4"))


def _state(path) -> tuple[int, int]:
    """(people, runs) as a fresh process would see them; the file must pass SQLite's integrity check."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    store = open_program(path, read_only=True)
    try:
        with store.sessions() as session:
            return sum(repo.count_people(session).values()), len(repo.list_runs(session))
    finally:
        store.close()


def _kill_at(argv, delay: float) -> int | None:
    """Run `main.py argv` and SIGKILL it after `delay` seconds (or let it end first); its exit code or None."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *map(str, argv)], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return None


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "p.pairing"
    assert main(["import", str(SAMPLE), "--db", str(path)]) == 0
    assert main(["solve", "--db", str(path), "--time-limit", "1"]) in (0, 1)
    return path


def _newcomers(tmp_path) -> Path:
    roster = tmp_path / "newcomers.csv"
    roster.write_text("name,role,genres\n" + "".join(f"Newcomer {i},director,drama\n" for i in range(40)),
                      encoding="utf-8")
    return roster


def test_a_killed_import_leaves_the_program_before_or_after(program, tmp_path, capsys):
    before = _state(program)
    roster = _newcomers(tmp_path)
    rng = random.Random(12)
    for _ in range(KILLS_PER_COMMAND):
        _kill_at(["import", roster, "--db", program], rng.uniform(0.3, 2.5))
        people, runs = _state(program)
        assert runs == before[1] and people in (before[0], before[0] + 40)
        if people != before[0]:
            break
    assert main(["import", str(roster), "--db", str(program)]) == 0  # and it can still be written
    assert _state(program)[0] == before[0] + 40


def test_a_killed_solve_leaves_the_runs_before_or_after(program, capsys):
    before = _state(program)
    rng = random.Random(7)
    for _ in range(KILLS_PER_COMMAND):
        runs_before = _state(program)[1]
        _kill_at(["solve", "--db", program, "--time-limit", "1"], rng.uniform(0.3, 3.5))
        people, runs = _state(program)
        assert people == before[0] and runs in (runs_before, runs_before + 1)


@pytest.mark.parametrize("fmt, complete", [
    ("csv", lambda data: len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) > 10),
    ("pdf", lambda data: data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]),
])
def test_a_killed_export_leaves_the_old_file_or_the_whole_new_one(program, tmp_path, fmt, complete):
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"teams.{fmt}"
    target.write_bytes(b"yesterday")
    rng = random.Random(3)
    for _ in range(KILLS_PER_COMMAND):
        _kill_at(["export", "--db", program, "--format", fmt, "-o", target], rng.uniform(0.3, 3.0))
        data = target.read_bytes()
        assert data == b"yesterday" or complete(data)
    assert main(["export", "--db", str(program), "--format", fmt, "-o", str(target)],
                pdf_renderer=_pdf_renderer) == 0
    assert complete(target.read_bytes())
    assert sorted(p.name for p in out.iterdir()) == [target.name]  # the killed runs' .part files are gone


def _pdf_renderer():
    from ui.pdf_renderer import QtPdfRenderer

    return QtPdfRenderer()


def test_a_part_file_of_a_killed_export_is_left_only_until_the_next_export(program, tmp_path):
    # A child killed while it writes: its temporary file stays (nothing can remove it then) ...
    target = tmp_path / "teams.csv"
    child = subprocess.Popen([sys.executable, "-c", (
        "import os, sys, time\n"
        "from pairing.files import atomic_path\n"
        "with atomic_path(sys.argv[1]) as temp:\n"
        "    temp.write_bytes(b'half')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"), str(target)], cwd=ROOT, stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == b"writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert len(list(tmp_path.glob(".teams.csv.*.part"))) == 1 and not target.exists()
    time.sleep(0.05)
    # ... and the next export to the same target removes it.
    assert main(["export", "--db", str(program), "--format", "csv", "-o", str(target)]) == 0
    assert not list(tmp_path.glob(".teams.csv.*.part")) and target.exists()

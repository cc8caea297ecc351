"""Every fault a sentence and no computed work lost (issue 12): the four commands against bad program locations,
read-only media, a full disk, a busy program and an unreachable server."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import fault_helpers
from pairing.cli import main
from pairing.storage import database, open_program, repo
from pairing.synthetic import synthetic_program

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "roster.csv"
COMMANDS = {
    "import": ["import", str(SAMPLE)],
    "roster": ["roster"],
    "solve": ["solve", "--time-limit", "1"],
    "export": ["export", "--format", "csv", "-o", "OUT"],
}


def _run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _argv(command, db, tmp_path):
    return [a.replace("OUT", str(tmp_path / "out.csv")) for a in COMMANDS[command]] + ["--db", str(db)]


def _no_leak(err):
    assert "Traceback" not in err and "[SQL" not in err and "sqlalche.me" not in err and "http" not in err


def _program(path, directors=12):
    store = open_program(path)
    with store.sessions.begin() as session:
        repo.add_people(session, synthetic_program(directors, seed=1).people)
    store.close()
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_as_db_is_a_sentence_in_every_command(command, tmp_path, capsys):
    code, _, err = _run(capsys, _argv(command, tmp_path, tmp_path))
    assert code == 1 and f"{tmp_path} is a folder, not a program file" in err
    _no_leak(err)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_password_is_never_printed(command, tmp_path, capsys):
    # Port 9 on the loopback address: nothing listens, the connection is refused at once.
    url = "postgresql://app:S3cretPW@127.0.0.1:9/program"
    code, out, err = _run(capsys, _argv(command, url, tmp_path))
    assert code == 1 and "S3cretPW" not in out + err and "postgresql://app:***@127.0.0.1:9/program" in err
    _no_leak(err)


@pytest.fixture
def read_only_program(tmp_path):
    """A current program with a run, on read-only media (a tmpfs remounted read-only, as root)."""
    if not fault_helpers.can_mount():
        pytest.fail("read-only media need root to mount a tmpfs (CI and the development machines run as root)")
    media = tmp_path / "media"
    media.mkdir()
    source = _program(tmp_path / "p.pairing")
    assert main(["solve", "--db", str(source), "--time-limit", "1"]) == 0
    with fault_helpers.tmpfs(media, "4m"):
        shutil.copy(source, media / "p.pairing")
        fault_helpers.remount_read_only(media)
        yield media / "p.pairing"


def test_a_program_on_read_only_media_can_be_read_and_exported(read_only_program, tmp_path, capsys):
    capsys.readouterr()
    code, out, err = _run(capsys, ["roster", "--db", str(read_only_program), "--json"])
    assert code == 0 and len(json.loads(out)["people"]) > 6
    code, out, err = _run(capsys, ["export", "--db", str(read_only_program), "--format", "csv",
                                   "-o", str(tmp_path / "teams.csv")])
    assert code == 0 and (tmp_path / "teams.csv").read_text(encoding="utf-8-sig").count("\n") > 6
    assert sorted(p.name for p in read_only_program.parent.iterdir()) == ["p.pairing"]  # no -shm, no -wal


def test_importing_into_read_only_media_is_a_sentence(read_only_program, capsys):
    code, _, err = _run(capsys, ["import", str(SAMPLE), "--db", str(read_only_program)])
    assert code == 1 and "read-only" in err and "nothing was changed" in err
    _no_leak(err)


def test_a_solve_that_cannot_save_sets_its_run_aside(read_only_program, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("pairing.storage.saving.PAUSE_S", 0.0)
    code, out, err = _run(capsys, ["solve", "--db", str(read_only_program), "--time-limit", "1", "--json"])
    assert code == 1 and json.loads(out)["teams"]
    aside = list(tmp_path.glob("p.pairing.run-*.json"))
    assert len(aside) == 1 and f"it was written to {aside[0]} instead" in err
    saved = json.loads(aside[0].read_text(encoding="utf-8"))
    assert saved["result"] == json.loads(out) and saved["settings"]["time_limit_s"] == 1
    _no_leak(err)


def test_a_busy_program_makes_solve_wait_then_set_its_run_aside(tmp_path, capsys, monkeypatch):
    path = _program(tmp_path / "p.pairing")
    monkeypatch.setattr(database, "BUSY_STEP_S", 0.05)
    monkeypatch.setattr(database, "BUSY_LIMIT_S", 0.2)
    monkeypatch.setattr("pairing.storage.saving.PAUSE_S", 0.0)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing and does not finish
    try:
        code, out, err = _run(capsys, ["solve", "--db", str(path), "--time-limit", "1"])
    finally:
        other.close()
    aside = list(tmp_path.glob("p.pairing.run-*.json"))
    assert code == 1 and "Status:" in out and len(aside) == 1
    assert err.count("waiting for another program to finish writing") >= 1
    assert f"it was written to {aside[0]} instead, so nothing computed is lost" in err
    _no_leak(err)


def test_a_full_disk_during_import_is_a_sentence_and_changes_nothing(tmp_path, capsys):
    if not fault_helpers.can_mount():
        pytest.fail("a full disk needs root to mount a tmpfs (CI and the development machines run as root)")
    disk = tmp_path / "disk"
    disk.mkdir()
    big = tmp_path / "big.csv"
    rows = ["id,name,role,genres,notes"] + [f"D{i:05},Person {i},director,drama,{'x' * 900}" for i in range(3000)]
    big.write_text("\n".join(rows), encoding="utf-8")
    with fault_helpers.tmpfs(disk, "1m"):
        path = _program(disk / "p.pairing")
        before = _people(path)
        code, _, err = _run(capsys, ["import", str(big), "--db", str(path)])
        assert code == 1 and "the disk is full" in err and "nothing was changed" in err
        _no_leak(err)
        assert _people(path) == before


def _people(path) -> int:
    store = open_program(path, read_only=True)
    try:
        with store.sessions() as session:
            return sum(repo.count_people(session).values())
    finally:
        store.close()


def test_the_waiting_line_speaks_the_commands_language(tmp_path, capsys, monkeypatch):
    path = _program(tmp_path / "p.pairing")
    monkeypatch.setattr(database, "BUSY_STEP_S", 0.05)
    monkeypatch.setattr(database, "BUSY_LIMIT_S", 0.2)
    monkeypatch.setattr("pairing.storage.saving.PAUSE_S", 0.0)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = _run(capsys, ["solve", "--db", str(path), "--time-limit", "1", "--lang", "zh"])
    finally:
        other.close()
    assert code == 1 and "正在等待另一个程序写完" in err
    assert "waiting for another program" not in err

"""`python main.py export` as a curator runs it: every format, and the sentences for the usual mistakes."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pairing.cli import main as cli_main
from pdf_reading import all_text
from pairing.domain import Settings
from pairing.exports.synthetic import synthetic_people, synthetic_result
from pairing.storage import open_program, repo

ROOT = Path(__file__).parents[2]


def pairing(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def make_program(path: Path, *, with_run: bool = True) -> None:
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            people = synthetic_people(5)
            settings = Settings(name="Sci-fi camp 科幻训练营", start_date=dt.date(2026, 3, 2))
            repo.save_settings(session, settings)
            repo.add_people(session, people)
            if with_run:
                repo.save_run(session, settings, synthetic_result(people))
    finally:
        store.close()


@pytest.fixture(scope="module")
def program(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "camp.pairing"
    make_program(path)
    return path


def test_pdf_from_the_command_line_has_chinese_text(program, tmp_path):
    out = tmp_path / "teams.pdf"
    done = pairing("export", "--db", str(program), "--format", "pdf", "-o", str(out), "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"已写入 5 组到 {out}（PDF）。"  # --lang zh: the report too
    text = all_text(out)
    assert "科幻训练营" in text and "组别 5" in text


def test_csv_in_gb18030_and_the_other_formats(program, tmp_path):
    out = tmp_path / "teams.csv"
    done = pairing("export", "--db", str(program), "--format", "csv", "-o", str(out), "--encoding", "gb18030")
    assert done.returncode == 0, done.stderr
    with open(out, encoding="gb18030", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Team"] for r in rows] == ["1", "2", "3", "4", "5", "Unmatched"]
    for fmt in ("xlsx", "ics", "matrix", "roster"):
        code = cli_main(["export", "--db", str(program), "--format", fmt, "-o", str(tmp_path / f"out.{fmt}")])
        assert code == 0 and (tmp_path / f"out.{fmt}").stat().st_size > 0


def test_a_program_without_a_run_is_explained(tmp_path, capsys):
    path = tmp_path / "empty.pairing"
    make_program(path, with_run=False)
    code = cli_main(["export", "--db", str(path), "--format", "xlsx", "-o", str(tmp_path / "out.xlsx")])
    assert code == 1
    assert "has no run yet: propose teams first (`pairing solve`)" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()


def test_a_missing_run_number_is_explained(program, tmp_path, capsys):
    code = cli_main(["export", "--db", str(program), "--format", "csv", "-o", str(tmp_path / "x.csv"), "--run", "9"])
    assert code == 1 and "no run number 9" in capsys.readouterr().err


def test_pdf_without_the_launcher_says_why(program, tmp_path, capsys):
    code = cli_main(["export", "--db", str(program), "--format", "pdf", "-o", str(tmp_path / "t.pdf")])
    assert code == 1 and "PDF export needs the Qt renderer" in capsys.readouterr().err


def test_a_mistyped_program_path_is_explained_and_not_created(tmp_path, capsys):
    missing = tmp_path / "typo.pairing"
    code = cli_main(["export", "--db", str(missing), "--format", "csv", "-o", str(tmp_path / "x.csv")])
    assert code == 1 and f"{missing} does not exist: import a roster first" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []

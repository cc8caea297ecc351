"""`--lang zh`: every sentence the commands print is Chinese; ids, names, paths and JSON keys are not
translated (issue 8). A sentence counts as English when three English words follow each other."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pairing.cli import main as cli_main

ROOT = Path(__file__).parents[2]
ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){2,}")
ROSTER = """id,name,role,organization,genres,skills,needs,availability,capacity,languages
D01,王芳,director,北京电影学院,sci-fi;drama,,vfx;sound,Mon AM;Tue PM,,Mandarin
D02,李雷,director,,documentary,,editing,Mon-Fri PM,,Mandarin;English
D03,陈静,director,,comedy,,acting,Sat,,Mandarin
P01,张伟,producer,光影工作室,sci-fi;documentary,producing:4,,any,2,Mandarin
P02,赵敏,producer,,comedy;drama,producing:3,,Mon AM;Sat AM;Wed PM,2,Mandarin
I01,周洋,instructor,,sci-fi,vfx:5;sound:3,,any,3,Mandarin;English
I02,吴娜,instructor,,documentary,editing:4;acting:3,,Mon-Fri PM;Sat,3,Mandarin
"""


def english_in(text: str, *plain: str) -> list[str]:
    """English sentences left in `text` once paths, commands in backticks, choices, quoted values, options,
    metavars and the given plain values (file names) are taken out."""
    for value in plain:
        text = text.replace(value, " ")
    text = re.sub(r"`[^`]*`|\{[^}]*\}|'[^']*'", " ", text)  # commands, choices, quoted values
    text = re.sub(r"--?[a-z][a-z-]*", " ", text)
    text = re.sub(r"\b[A-Z][A-Z_-]+\b", " ", text)  # metavars: ROSTER, MIN-MAX, DB
    text = re.sub(r"(?<![A-Za-z])/[^\s，。：）]+", " ", text)
    return ENGLISH_RUN.findall(text)


@pytest.fixture
def program(tmp_path) -> Path:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    db = tmp_path / "camp.pairing"
    assert cli_main(["import", str(roster), "--db", str(db), "--lang", "zh"]) == 0
    return db


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = cli_main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_import_roster_solve_and_export_speak_chinese(program, tmp_path, capsys):
    capsys.readouterr()
    roster = tmp_path / "roster.csv"
    outputs = [_run(capsys, "import", str(roster), "--db", str(program), "--dry-run", "--lang", "zh"),
               _run(capsys, "roster", "--db", str(program), "--lang", "zh"),
               _run(capsys, "solve", "--db", str(program), "--time-limit", "2", "--lang", "zh")]
    for fmt in ("csv", "xlsx", "ics", "matrix", "roster"):
        outputs.append(_run(capsys, "export", "--db", str(program), "--format", fmt,
                            "-o", str(tmp_path / f"out.{fmt}"), "--lang", "zh"))
    outputs.append(_run(capsys, "export", "--db", str(program), "--format", "pdf", "-o", str(tmp_path / "o.pdf"),
                        "--lang", "zh"))  # no PDF renderer in-process: refused, in Chinese
    outputs.append(_run(capsys, "export", "--db", str(program), "--format", "csv", "-o", str(tmp_path / "x.csv"),
                        "--encoding", "klingon", "--lang", "zh"))  # refused, in Chinese
    for code, text in outputs:
        assert text.strip() and english_in(text, str(tmp_path)) == [], text
    assert [code for code, _ in outputs] == [0] * 8 + [1, 1]
    roster_text, solve_text = outputs[1][1], outputs[2][1]
    assert "青年导演" in roster_text and "科幻" in roster_text and "周一至周五 下午" in roster_text
    assert "状态：" in solve_text and "都做" in solve_text


def test_the_json_keeps_its_keys_and_gives_its_sentences_in_chinese(program, capsys):
    capsys.readouterr()
    code, text = _run(capsys, "solve", "--db", str(program), "--time-limit", "2", "--json", "--lang", "zh")
    data = json.loads(text)
    assert code == 0 and set(data) >= {"status", "objective", "bound", "teams", "unmatched", "diagnosis"}
    assert data["status"] in ("optimal", "feasible")  # status words are contract values, not sentences
    reasons = [r for team in data["teams"] for r in team["reasons"]]
    assert reasons and all(english_in(r) == [] for r in reasons)


def test_an_infeasible_program_is_diagnosed_in_chinese(tmp_path, capsys):
    roster = tmp_path / "tight.csv"
    roster.write_text("id,name,role,availability,capacity\nD01,王芳,director,Mon AM,\nD02,李雷,director,Mon AM,\n"
                      "D03,陈静,director,Mon AM,\nP01,张伟,producer,Mon AM,1\nI01,周洋,instructor,Mon AM,3\n",
                      encoding="utf-8")
    db = tmp_path / "tight.pairing"
    assert cli_main(["import", str(roster), "--db", str(db), "--lang", "zh"]) == 0
    capsys.readouterr()
    code, text = _run(capsys, "solve", "--db", str(db), "--time-limit", "2", "--lang", "zh")
    assert code == 1 and "名额" in text and "未分到组" in text
    assert english_in(text, str(tmp_path)) == [], text


@pytest.mark.parametrize("argv", [
    ["solve"],                                               # the following arguments are required
    ["solve", "--db", "x.pairing", "--instructors", "3-1"],  # our own type's refusal
    ["solve", "--db", "x.pairing", "--time-limit", "soon"],
    ["export", "--db", "x.pairing", "--format", "doc", "-o", "x"],  # invalid choice
    ["roster", "--db", "x.pairing", "--colour"],               # unrecognized arguments
    ["frobnicate"],                                         # not a command
])
def test_usage_errors_are_chinese(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli_main([*argv, "--lang", "zh"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "错误" in err and "用法" in err
    assert english_in(err) == [], err


@pytest.mark.parametrize("command", ["import", "roster", "solve", "export", "program", "schedule"])
def test_help_is_chinese(capsys, command):
    with pytest.raises(SystemExit):
        cli_main([command, "--help", "--lang", "zh"])
    text = capsys.readouterr().out
    assert "显示此帮助信息并退出" in text and english_in(text) == [], text


def test_a_missing_program_file_is_refused_in_chinese(tmp_path, capsys):
    for command in (["solve"], ["export", "--format", "csv", "-o", str(tmp_path / "o.csv")]):
        code, text = _run(capsys, *command, "--db", str(tmp_path / "none.pairing"), "--lang", "zh")
        assert code == 1 and english_in(text, str(tmp_path)) == [], text


def test_the_system_locale_is_the_default(tmp_path):
    """Without --lang, a Chinese locale speaks Chinese (here for a usage error, before any program is open)."""
    env = dict(os.environ, LC_ALL="zh_CN.UTF-8", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "solve"], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and "缺少必需的参数" in done.stderr

"""`pairing import` end to end: the sample and the done-when files, summaries, errors and exit statuses."""

import csv
import io
import pathlib

import openpyxl
import pytest

from pairing.cli import main

SAMPLE = pathlib.Path(__file__).parents[2] / "resources" / "sample"


def cli(capsys, *argv):
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse usage errors
        status = exit_.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def roster_ids(capsys, db):
    import json

    status, out, _ = cli(capsys, "roster", "--db", str(db), "--json")
    assert status == 0
    return {p["id"]: p for p in json.loads(out)["people"]}


def test_sample_imports_and_a_second_import_changes_nothing(capsys, tmp_path):
    db = tmp_path / "s.pairing"
    status, out, err = cli(capsys, "import", str(SAMPLE / "roster.csv"), "--db", str(db))
    assert status == 0 and err == ""
    assert "46 added, 0 updated, 0 unchanged, 0 warnings" in out and "UTF-8 text, comma-separated" in out
    people = roster_ids(capsys, db)
    roles = [p["role"] for p in people.values()]
    assert (roles.count("director"), roles.count("producer"), roles.count("instructor")) == (24, 8, 14)
    status, out, _ = cli(capsys, "import", str(SAMPLE / "roster.csv"), "--db", str(db))
    assert status == 0 and "0 added, 0 updated, 46 unchanged" in out


@pytest.mark.parametrize("name, shown, expected", [
    ("camp_zh_gb18030.csv", "GB18030 text, semicolon-separated", {"D31": "许嘉宁", "P11": "常慧", "I22": "龙小川"}),
    ("extra_tab_utf8bom.tsv", "UTF-8 with BOM text, tab-separated", {"D41": "Hannah Liu", "D42": "周子墨"}),
])
def test_bundled_chinese_and_tab_files(capsys, tmp_path, name, shown, expected):
    db = tmp_path / "s.pairing"
    status, out, _ = cli(capsys, "import", str(SAMPLE / name), "--db", str(db))
    assert status == 0 and shown in out
    people = roster_ids(capsys, db)
    assert {i: people[i]["name"] for i in expected} == expected


def test_gb18030_semicolon_file_with_chinese_headers(capsys, tmp_path):
    path = tmp_path / "zh.csv"
    path.write_bytes("姓名;角色;题材;擅长;档期;名额\n王小明;讲师;科幻、纪录片;剪辑：4;星期三下午;2\n".encode("gb18030"))
    status, out, _ = cli(capsys, "import", str(path), "--db", str(tmp_path / "p.pairing"))
    assert status == 0 and "GB18030" in out
    [person] = roster_ids(capsys, tmp_path / "p.pairing").values()
    assert (person["role"], person["genres"], person["skills"]) == ("instructor", ["sci-fi", "documentary"], {"editing": 4})
    assert (person["availability"], person["capacity"]) == (["Wed PM"], 2)


def test_excel_and_utf8_bom_tab_files(capsys, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Name", "Role", "Availability", "Capacity"])
    book.active.append(["Maya Okafor", "director", "Mon-Fri PM", None])
    book.active.append(["Helen Ma", "producer", "any", 2])
    book.save(tmp_path / "r.xlsx")
    tab = tmp_path / "r.tsv"
    tab.write_bytes("\ufeffname\trole\tslots\n陈思远\t导演\t周一 上午\n".encode("utf-8"))
    db = str(tmp_path / "p.pairing")
    assert cli(capsys, "import", str(tmp_path / "r.xlsx"), "--db", db)[0] == 0
    status, out, _ = cli(capsys, "import", str(tab), "--db", db)
    assert status == 0 and "UTF-8 with BOM text, tab-separated" in out
    people = roster_ids(capsys, db)
    assert {p["name"]: p["capacity"] for p in people.values()} == {"Maya Okafor": None, "Helen Ma": 2, "陈思远": None}


def test_dry_run_lists_changes_and_writes_nothing(capsys, tmp_path):
    db = str(tmp_path / "p.pairing")
    cli(capsys, "import", str(SAMPLE / "roster.csv"), "--db", db)
    edited = (SAMPLE / "roster.csv").read_text(encoding="utf-8").replace("Mon AM;Wed AM;Fri AM", "Tue AM")
    path = tmp_path / "edited.csv"
    path.write_text(edited, encoding="utf-8")
    status, out, _ = cli(capsys, "import", str(path), "--db", db, "--dry-run")
    assert status == 0 and "0 added, 1 updated, 45 unchanged" in out
    assert "~ D03 Maya Okafor:\n      availability: Mon AM, Wed AM, Fri AM → Tue AM" in out
    assert "Dry run: nothing was written." in out
    assert roster_ids(capsys, db)["D03"]["availability"] == ["Mon AM", "Wed AM", "Fri AM"]


def test_five_bad_rows_are_all_reported_on_stderr_and_nothing_is_written(capsys, tmp_path):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([
        ["name", "role", "availability", "capacity", "skills"], ["Good", "director", "Mon", "", ""],
        ["", "director", "Mon", "", ""], ["Bo", "boss", "Mon", "", ""], ["Cy", "producer", "Funday", "", ""],
        ["Di", "producer", "Mon", "lots", ""], ["Ed", "instructor", "Mon", "", "editing:7"],
    ])
    path = tmp_path / "bad.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    db = tmp_path / "p.pairing"
    status, out, err = cli(capsys, "import", str(path), "--db", str(db))
    assert status == 1 and out == ""
    assert "5 errors, nothing was imported" in err
    for line, column in [(3, "name"), (4, "role"), (5, "availability"), (6, "capacity"), (7, "skills")]:
        assert f'{path}, line {line}, column "{column}"' in err
    assert not db.exists()  # a rejected import leaves no new program file behind


@pytest.mark.parametrize("argv, message", [
    (["import", "nope.csv"], "does not exist"),
    (["import", "."], "is a folder"),
    (["import", "SAMPLE", "--delimiter", "pipe"], "not a delimiter"),
    (["import", "SAMPLE", "--encoding", "gb18030"], "would garble the text"),
    (["import", "SAMPLE", "--encoding", "nonsense"], "not a known text encoding"),
    (["import", "SAMPLE", "--role", "boss"], '"boss" is not a role'),
    (["roster"], "does not exist"),
])
def test_user_mistakes_are_sentences_with_exit_1(capsys, tmp_path, argv, message):
    argv = [str(SAMPLE / "roster.csv") if a == "SAMPLE" else a for a in argv]
    db = tmp_path / "p.pairing"
    status, out, err = cli(capsys, *argv, "--db", str(db))
    assert status == 1 and message in err


def test_usage_errors_exit_2(capsys):
    status, _, err = cli(capsys, "import")
    assert status == 2 and "usage" in err


def test_a_database_that_cannot_be_written_is_a_sentence(capsys, tmp_path, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from pairing.storage import repo

    def locked(session, people):
        busy = sqlite3.OperationalError("database is locked")
        busy.sqlite_errorcode = sqlite3.SQLITE_BUSY
        raise OperationalError("INSERT INTO person (id) VALUES (?)", {}, busy)

    monkeypatch.setattr(repo, "add_people", locked)
    status, _, err = cli(capsys, "import", str(SAMPLE / "roster.csv"), "--db", str(tmp_path / "p.pairing"))
    assert status == 1 and "stayed busy: another program kept writing it" in err and "nothing was changed" in err
    assert "INSERT" not in err and "sqlalche.me" not in err


def test_thousands_of_bad_rows_are_counted_not_all_printed(capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,role\n" + "Ann,boss\n" * 500, encoding="utf-8")
    status, _, err = cli(capsys, "import", str(path), "--db", str(tmp_path / "p.pairing"))
    assert status == 1 and "500 errors, nothing was imported" in err
    assert err.count('"boss" is not a role') == 200 and "… and 300 more" in err


FORMS = pathlib.Path(__file__).parents[1] / "data" / "forms"


def test_a_form_export_in_chinese_shows_the_column_plan_and_every_sentence_in_chinese(capsys, tmp_path):
    db = tmp_path / "p.pairing"
    status, out, err = cli(capsys, "import", str(FORMS / "wjx_text.csv"), "--db", str(db), "--dry-run", "--lang", "zh")
    assert status == 0 and not err
    assert "“序号” → 表单列：问卷星自动添加的列" in out
    assert "“6、您创作或擅长的类型：【多选题】” → 类型（85）：问题中有“类型”，指的是类型" in out
    assert "+ D01 陈思远（青年导演）" in out and "试运行：没有写入任何内容。" in out
    import re

    lines = [" ".join(w for w in line.split() if "/" not in w) for line in out.splitlines()]  # paths aside
    english = [line for line in lines if re.search(r"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){2,}", line)]
    assert english == []


def test_a_conflict_is_refused_on_the_command_line_until_the_curator_chooses(capsys, tmp_path):
    db = str(tmp_path / "p.pairing")
    cli(capsys, "import", str(SAMPLE / "roster.csv"), "--db", db)
    other = tmp_path / "other.csv"
    other.write_text("id,name,role,genres\nD01,徐彩云,director,comedy\n", encoding="utf-8")
    status, out, err = cli(capsys, "import", str(other), "--db", db)
    assert status == 1 and "the id D01 is" in err and "this row names 徐彩云" in err
    status, out, _ = cli(capsys, "import", str(other), "--db", db, "--dry-run", "--on-conflict", "add")
    assert status == 0 and "1 added, 0 updated" in out and "→ add" in out
    status, out, _ = cli(capsys, "import", str(other), "--db", db, "--dry-run", "--on-conflict", "update")
    assert status == 0 and "0 added, 1 updated" in out and "name: " in out and "→ 徐彩云" in out


def test_map_option_on_the_command_line(capsys, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("姓名,身份,作品风格\n陈思远,导演,剧情\n", encoding="utf-8")
    db = str(tmp_path / "p.pairing")
    status, out, _ = cli(capsys, "import", str(path), "--db", db, "--dry-run")
    assert status == 0 and "“作品风格” (genres)" in out
    status, out, _ = cli(capsys, "import", str(path), "--db", db, "--map", "genres=作品风格")
    assert status == 0 and roster_ids(capsys, db)["D01"]["genres"] == ["drama"]


def test_without_lang_the_report_is_in_the_programs_language_with_its_role_names(capsys, tmp_path):
    db = str(tmp_path / "p.pairing")
    cli(capsys, "import", str(SAMPLE / "roster.csv"), "--db", db)
    status, _, err = cli(capsys, "program", "--db", db, "--language", "zh")
    assert status == 0, err
    status, out, _ = cli(capsys, "import", str(FORMS / "jinshuju.csv"), "--db", db, "--dry-run")
    assert status == 0 and "试运行：没有写入任何内容。" in out and "（青年导演）" in out


def test_an_ambiguous_question_is_refused_with_the_choices(capsys, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Name,Role,Genre and language\nNew One,director,drama\n", encoding="utf-8")
    status, _, err = cli(capsys, "import", str(path), "--db", str(tmp_path / "p.pairing"))
    assert status == 1 and "could mean genres" in err and "languages" in err
    assert "choose with --map (e.g. --map genres=Genre and language)" in err

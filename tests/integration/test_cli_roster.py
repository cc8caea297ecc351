"""`pairing roster`: an aligned table (Chinese names included) or JSON in canonical form."""

import json
import pathlib

from pairing.cli import main
from pairing.cli.roster_cmd import compress_slots, display_width
from pairing.storage import open_program

SAMPLE = pathlib.Path(__file__).parents[2] / "resources" / "sample" / "roster.csv"


def imported(tmp_path, capsys):
    db = str(tmp_path / "s.pairing")
    assert main(["import", str(SAMPLE), "--db", db]) == 0
    capsys.readouterr()
    return db


def test_json_has_every_field_in_canonical_form(tmp_path, capsys):
    db = imported(tmp_path, capsys)
    assert main(["roster", "--db", db, "--json"]) == 0
    people = {p["id"]: p for p in json.loads(capsys.readouterr().out)["people"]}
    assert set(people["D01"]) == {"id", "name", "role", "email", "phone", "organization", "genres", "skills",
                                  "needs", "availability", "capacity", "languages", "prefers", "avoid", "notes",
                                  "extra"}
    assert people["D01"]["capacity"] is None and people["P01"]["capacity"] == 3
    assert people["D09"]["genres"] == ["sci-fi", "animation"]  # "science fiction" in the file
    assert people["I02"]["skills"] == {"editing": 5, "di-grading": 3}  # "剪辑:5;调色:3"
    assert people["D02"]["prefers"] == ["P03", "I05"]  # "Zhou Min;I05"
    assert people["I10"]["avoid"] == ["D12"]  # "周雨桐"
    assert people["D14"]["availability"][0] == "Mon AM" and len(people["D14"]["availability"]) == 21


def test_table_columns_line_up_with_chinese_names(tmp_path, capsys):
    db = imported(tmp_path, capsys)
    assert main(["roster", "--db", db, "--role", "producer"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line for line in lines if line[:1] == "P"]
    assert len(rows) == 8 and lines[-1].startswith("8 people")
    role_columns = {display_width(row[: row.index("producer")]) for row in rows}
    assert len(role_columns) == 1  # "高建华" is as wide on screen as "Zhou Min" padded


def test_empty_program_says_how_to_add_people(tmp_path, capsys):
    db = str(tmp_path / "e.pairing")
    main(["import", str(SAMPLE), "--db", db, "--dry-run"])
    assert not (tmp_path / "e.pairing").exists()  # a dry run writes nothing, not even a new file
    open_program(db).close()
    capsys.readouterr()
    assert main(["roster", "--db", db]) == 0
    assert "No people in this program yet" in capsys.readouterr().out


def test_compressed_availability():
    assert compress_slots(["Sat AM", "Sat PM", "Sat EVE", "Mon PM", "Tue PM", "Wed PM"]) == "Sat, Mon-Wed PM"
    assert display_width("陈思远 A") == 8


def json_to_csv(people, path):
    """Write `roster --json` output back as a roster CSV, the way a curator's script might."""
    import csv

    fields = ["id", "name", "role", "email", "phone", "organization", "genres", "skills", "needs",
              "availability", "capacity", "languages", "prefers", "avoid", "notes"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        for p in people:
            p = dict(p, skills=[f"{k}:{v}" for k, v in p["skills"].items()])
            writer.writerow(["; ".join(p[f]) if isinstance(p[f], list) else "" if p[f] is None else p[f]
                             for f in fields])


def test_sample_round_trip_through_json_changes_nothing(tmp_path, capsys):
    db = imported(tmp_path, capsys)
    main(["roster", "--db", db, "--json"])
    people = json.loads(capsys.readouterr().out)["people"]
    json_to_csv(people, tmp_path / "back.csv")
    assert main(["import", str(tmp_path / "back.csv"), "--db", db]) == 0
    assert "0 added, 0 updated, 46 unchanged, 0 warnings" in capsys.readouterr().out

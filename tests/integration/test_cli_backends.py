"""The command line on either backend (issue 12): a SQLite file, or the PostgreSQL server of PAIRING_TEST_DB.

Import, roster, solve and export round-trip; long text is accepted alike; two imports at once both land
with distinct ids; migrations run from the first revision; a password never appears."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from backends import on_server
from pairing.cli import main
from pairing.storage import open_program, repo
from pairing.storage.database import create_program_engine, current_revision, head_revision, migrate

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "roster.csv"


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_roster_solve_export_round_trip(program_location, tmp_path, capsys):
    db = str(program_location)
    assert _run(capsys, "import", SAMPLE, "--db", db)[0] == 0
    code, out, _ = _run(capsys, "roster", "--db", db, "--json")
    people = json.loads(out)["people"]
    assert code == 0 and len(people) > 20
    code, out, err = _run(capsys, "solve", "--db", db, "--time-limit", "2", "--json")
    assert code in (0, 1) and json.loads(out)["teams"], err
    code, out, _ = _run(capsys, "export", "--db", db, "--format", "csv", "-o", tmp_path / "teams.csv")
    assert code == 0 and (tmp_path / "teams.csv").read_text(encoding="utf-8-sig").count("\n") > 5


def test_long_text_is_accepted_alike_on_both_backends(program_location, tmp_path, capsys):
    organization = "影" * 5000  # over the former VARCHAR(300), within the 10,000-character cell limit
    roster = tmp_path / "long.csv"
    roster.write_text(f"name,role,organization\n{'名' * 400},director,{organization}\n", encoding="utf-8")
    code, _, err = _run(capsys, "import", roster, "--db", program_location)
    assert code == 0, err
    code, out, _ = _run(capsys, "roster", "--db", program_location, "--json")
    person = json.loads(out)["people"][0]
    assert person["organization"] == organization and len(person["name"]) == 400


def test_two_imports_at_once_both_land_with_distinct_ids(program_location, tmp_path):
    assert main(["import", str(SAMPLE), "--db", str(program_location)]) == 0
    rosters = []
    for n in range(2):
        roster = tmp_path / f"new{n}.csv"
        roster.write_text("name,role\n" + "".join(f"Newcomer {n}-{i},director\n" for i in range(25)), encoding="utf-8")
        rosters.append(roster)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    children = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import", str(r), "--db", str(program_location)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT) for r in rosters]
    results = [child.communicate(timeout=240) for child in children]
    assert [child.returncode for child in children] == [0, 0], [err.decode() for _, err in results]
    store = open_program(program_location, read_only=True)
    try:
        with store.sessions() as session:
            people = repo.list_people(session)
    finally:
        store.close()
    ids = [p.id for p in people]
    assert len(ids) == len(set(ids)) and sum(p.name.startswith("Newcomer") for p in people) == 50


def test_migrations_run_from_the_first_revision(program_location):
    engine = create_program_engine(program_location)
    try:
        migrate(engine, "0001")
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()
    store = open_program(program_location)
    try:
        assert current_revision(store.engine) == head_revision()
    finally:
        store.close()


def test_a_refused_login_or_connection_never_shows_the_password(program_location, capsys):
    if on_server():
        url = make_url(str(program_location)).set(password="Wr0ngS3cret").render_as_string(hide_password=False)
        expected = "the user name or password was refused"
    else:
        url = "postgresql://app:Wr0ngS3cret@127.0.0.1:9/program"  # nothing listens on port 9
        expected = "Cannot connect to the database"
    code, out, err = _run(capsys, "roster", "--db", url)
    assert code == 1 and expected in err and "Wr0ngS3cret" not in out + err and ":***@" in err
    assert "[SQL" not in err and "sqlalche.me" not in err and "Traceback" not in err

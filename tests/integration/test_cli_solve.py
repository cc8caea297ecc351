"""`pairing solve` end to end: the run is saved, the JSON follows the contract, infeasible exits 1."""

from __future__ import annotations

import json

from pairing.cli import main
from pairing.domain import Person, Role
from pairing.storage import open_program
from pairing.storage import repo
from pairing.synthetic import synthetic_program


def _program_file(tmp_path, people):
    path = tmp_path / "p.pairing"
    store = open_program(path)
    with store.sessions.begin() as session:
        repo.add_people(session, people)
    store.close()
    return path


def test_solve_json_follows_the_contract_and_saves_the_run(tmp_path, capsys):
    path = _program_file(tmp_path, synthetic_program(12, seed=1).people)
    assert main(["solve", "--db", str(path), "--json", "--time-limit", "1", "--instructors", "1-2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] in ("optimal", "feasible")
    assert len(data["teams"]) == 12 and data["bound"] >= data["objective"]
    team = data["teams"][0]
    assert set(team) == {"director", "producer", "instructors", "score", "breakdown", "meeting_slots",
                         "locked", "reasons"}
    assert abs(sum(team["breakdown"].values()) - team["score"]) < 0.01
    store = open_program(path)
    with store.sessions() as session:
        saved = repo.latest_run(session)
    store.close()
    assert saved is not None and len(saved.result.teams) == 12 and saved.settings.time_limit_s == 1


def test_solve_summary_names_people_and_reasons(tmp_path, capsys):
    path = _program_file(tmp_path, synthetic_program(6, seed=4).people)
    assert main(["solve", "--db", str(path), "--time-limit", "1", "--no-meeting"]) == 0
    out = capsys.readouterr().out
    assert "producer:" in out and "·" in out and "Status:" in out


def test_infeasible_program_exits_1_with_the_diagnosis(tmp_path, capsys):
    people = [Person(id=f"D{i}", name=f"Director {i}", role=Role.DIRECTOR, availability=("Mon AM",)) for i in range(3)]
    people += [Person(id="P1", name="Prod", role=Role.PRODUCER, capacity=1, availability=("Mon AM",)),
               Person(id="I1", name="Inst", role=Role.INSTRUCTOR, capacity=4, availability=("Mon AM",))]
    path = _program_file(tmp_path, people)
    assert main(["solve", "--db", str(path), "--json", "--time-limit", "1"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["status"] == "infeasible" and len(data["unmatched"]) == 2
    assert "capacity: 3 young directors but senior producers can take 1" in captured.err


def test_reproposing_the_same_teams_gives_the_same_total_score(tmp_path, capsys):
    """Issue 11: the stability bonus of a re-proposal is no part of the score the summary shows."""
    import re

    path = _program_file(tmp_path, synthetic_program(8, seed=2).people)
    totals = []
    for _ in range(2):
        assert main(["solve", "--db", str(path), "--time-limit", "2", "--no-meeting"]) == 0
        totals.append(float(re.search(r"total score ([\d.]+)", capsys.readouterr().out).group(1)))
    store = open_program(path)
    with store.sessions() as session:
        latest = repo.latest_run(session)
    store.close()
    assert latest.result.teams_changed == 0  # the second run kept every team
    assert latest.result.objective > latest.result.total_score  # the engine did count the bonus…
    assert totals[0] == totals[1]  # …and the curator does not see it

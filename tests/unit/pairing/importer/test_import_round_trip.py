"""Property: any roster imported, printed as JSON, written back as CSV and imported again changes nothing."""

import csv
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from pairing.calendar import DEFAULT_CALENDAR
from pairing.cli.roster_cmd import roster_json
from pairing.importer import import_roster
from pairing.storage import open_program, repo
from pairing.vocabulary import BUILTIN_TERMS

FIELDS = ["id", "name", "role", "email", "organization", "genres", "skills", "needs", "availability", "capacity",
          "languages", "prefers", "avoid", "notes"]
name = st.text(st.sampled_from("陈思远林晓雨王一帆 MayaOkfrJmsé"), min_size=1, max_size=8).map(str.strip).filter(bool)
words = st.lists(st.sampled_from([n for t in BUILTIN_TERMS for n in (t.key, t.zh, *t.synonyms)] + ["neo-noir"]),
                 max_size=3)
slots = st.lists(st.sampled_from(list(DEFAULT_CALENDAR) + ["Mon-Fri PM", "周三 晚上", "Sat", "any"]), max_size=3)


@st.composite
def person_row(draw, n):
    role = draw(st.sampled_from(["director", "导演", "producer", "监制", "instructor", "讲师"]))
    skills = [f"{w}:{draw(st.integers(1, 5))}" for w in draw(words)]
    return [f"X{n}", draw(name), role, f"p{n}@example.org", draw(st.sampled_from(["", "北影", "Silver Reed"])),
            "；".join(draw(words)), ";".join(skills), "、".join(draw(words)), "; ".join(draw(slots)),
            draw(st.sampled_from(["", "0", "2", "5"])), draw(st.sampled_from(["", "普通话", "English;粤语"])),
            draw(st.sampled_from(["", "X0", "X1;X2"])), draw(st.sampled_from(["", "X3"])),
            draw(st.sampled_from(["", "备注：周末", "two\nlines"]))]


rosters = st.integers(1, 6).flatmap(lambda k: st.tuples(*(person_row(n) for n in range(k))))


def write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([FIELDS, *rows])
    return path


def from_json(person):
    values = dict(person, skills=[f"{k}:{v}" for k, v in person["skills"].items()])
    return ["; ".join(values[f]) if isinstance(values[f], list) else "" if values[f] is None else values[f]
            for f in FIELDS]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rosters)
def test_round_trip_changes_nothing(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("rt")
    store = open_program(folder / "p.pairing")
    try:
        with store.sessions.begin() as session:
            first = import_roster(session, write(folder / "r.csv", rows))
            assert first.ok, first.errors
        with store.sessions() as session:
            data = json.loads(json.dumps(roster_json(repo.list_people(session)), ensure_ascii=False))
        with store.sessions.begin() as session:
            again = import_roster(session, write(folder / "back.csv", [from_json(p) for p in data["people"]]))
        assert (len(again.added), len(again.updated), len(again.unchanged)) == (0, 0, len(rows))
    finally:
        store.close()

"""A small program for the export tests: Chinese and Latin names, formula-looking text, a saved run."""

from __future__ import annotations

import datetime as dt

from pairing.domain import Person, Role, RunResult, RunStatus, Settings, Team, Unmatched
from pairing.storage import repo
from pairing.words import TermRef, msg

INJECTION = '=HYPERLINK("http://evil.example","x")'


def people() -> list[Person]:
    return [
        Person("D01", "王芳", Role.DIRECTOR, email="wang@example.org", phone="138 0000 0001",
               organization="北京电影学院", genres=("sci-fi", "drama"), needs=("vfx", "editing", "sound", "financing"),
               availability=("Mon AM", "Tue PM", "Sat AM"), languages=("zh",), notes="短片《回声》"),
        Person("D02", "Ana Silva", Role.DIRECTOR, email="ana@example.org", genres=("documentary",),
               needs=("editing",), availability=("Wed PM",), languages=("en", "pt"), avoid=("P02",)),
        Person("D03", INJECTION, Role.DIRECTOR, organization="+cmd|' /C calc'!A0", genres=("comedy",),
               needs=("acting",), availability=("Mon AM", "Wed PM"), extra={"Cohort": "B"}),
        Person("D04", "李雷", Role.DIRECTOR, genres=("wuxia",), needs=("action-choreography",),
               availability=("Sun EVE",)),
        Person("P01", "张伟", Role.PRODUCER, email="zhang@example.org", phone="139 1111 2222",
               genres=("sci-fi", "documentary"), skills={"producing": 4, "financing": 5},
               availability=("Mon AM", "Tue PM", "Wed PM"), capacity=3, languages=("zh", "en"),
               prefers=("D01",)),
        Person("P02", "[Prod]: A/B*? with a very long name indeed", Role.PRODUCER, genres=("comedy",),
               skills={"producing": 3}, availability=("Mon AM", "Wed PM"), organization="@SUM(A1)"),
        Person("I01", "陈静", Role.INSTRUCTOR, genres=("sci-fi",), skills={"vfx": 5, "sound": 3},
               availability=("Mon AM", "Tue PM", "Sat AM"), capacity=2, notes="-2 days before shoot"),
        Person("I02", "Ben Okafor", Role.INSTRUCTOR, genres=("documentary", "comedy"),
               skills={"editing": 4, "acting": 3}, availability=("Mon AM", "Wed PM"), extra={"Cohort": "A"}),
    ]


def result(status: RunStatus = RunStatus.OPTIMAL) -> RunResult:
    teams = (
        Team("D01", "P01", ("I01",), 82.5, {"genre": 90.0, "needs": 75.0, "meeting": 60.0, "preference": 100.0},
             ("Tue PM", "Mon AM", "Sat AM"), ("P01",),
             (msg("team.genres", genres=[TermRef("genre", "sci-fi")]),
              msg("team.needs_covered", covered=[TermRef("skill", "vfx"), TermRef("skill", "sound")]))),
        Team("D02", "P01", ("I02",), 64.0, {"genre": 80.0, "needs": 100.0}, ("Wed PM",), (),
             (msg("team.genres", genres=[TermRef("genre", "documentary")]),)),
        Team("D03", "P02", ("I02",), 40.25, {"genre": 50.0}, ("Mon AM", "Wed PM"), (),
             (msg("words.untranslated", text="-1 looks like a formula"),)),
    )
    return RunResult(status, objective=186.75, bound=190.0, wall_s=0.4, teams=teams,
                     unmatched=(Unmatched("D04", msg("rules.director_no_slot", director_who="李雷 (D04)",
                                                     director_id="D04")),),
                     diagnosis=(msg("rules.capacity_producers", count=4, places=3),) if status == "infeasible" else ())


SETTINGS = Settings(name="青年导演计划 2026", start_date=dt.date(2026, 3, 4))


def save_program(session, *, status: RunStatus = RunStatus.OPTIMAL, settings: Settings = SETTINGS) -> int:
    repo.save_settings(session, settings)
    repo.add_people(session, people())
    return repo.save_run(session, settings, result(status))



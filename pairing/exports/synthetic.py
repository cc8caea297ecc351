"""A synthetic program and run of any size, for the export benchmark, tests and demos (no solver needed)."""

from __future__ import annotations

import random

from pairing.calendar import DEFAULT_CALENDAR
from pairing.criteria import TEAM_KEYS
from pairing.domain import Person, Role, RunResult, RunStatus, Team, Unmatched, Weights
from pairing.words import TermRef, msg

GENRES = ("drama", "comedy", "sci-fi", "documentary", "thriller", "animation", "wuxia", "coming-of-age")
SKILLS = ("screenwriting", "cinematography", "sound", "editing", "di-grading", "vfx", "acting", "producing")
FAMILY = ("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴")
GIVEN = ("芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳")
LATIN = ("Ana Silva", "Ben Okafor", "Chloé Martin", "Dev Patel", "Emma Berg", "Farid Haddad")


def _name(rng: random.Random, chinese: bool) -> str:
    return rng.choice(FAMILY) + rng.choice(GIVEN) + rng.choice(GIVEN) if chinese else rng.choice(LATIN)


def _person(rng: random.Random, pid: str, role: Role, chinese: bool) -> Person:
    mentor = role is not Role.DIRECTOR
    return Person(
        id=pid, name=_name(rng, chinese), role=role, email=f"{pid.lower()}@example.org",
        phone=f"+86 138 {rng.randrange(10**8):08d}", organization=f"Studio {rng.randrange(40)}",
        genres=tuple(rng.sample(GENRES, 2)),
        skills={s: rng.randint(1, 5) for s in rng.sample(SKILLS, 3)} if mentor else {},
        needs=() if mentor else tuple(rng.sample(SKILLS, 2)),
        availability=tuple(sorted(set(rng.sample(DEFAULT_CALENDAR, 6)) | {"Wed PM"}, key=DEFAULT_CALENDAR.index)),
        capacity={Role.PRODUCER: 3, Role.INSTRUCTOR: 4}.get(role), languages=("zh", "en")[: rng.randint(1, 2)],
    )


def synthetic_people(teams: int, *, chinese: bool = True, seed: int = 1) -> tuple[Person, ...]:
    """`teams` directors, a producer for every 3 and an instructor for every 2, plus one spare director."""
    rng = random.Random(seed)
    directors = [_person(rng, f"D{i:04d}", Role.DIRECTOR, chinese) for i in range(1, teams + 2)]
    producers = [_person(rng, f"P{i:04d}", Role.PRODUCER, chinese) for i in range(1, teams // 3 + 2)]
    instructors = [_person(rng, f"I{i:04d}", Role.INSTRUCTOR, chinese) for i in range(1, teams // 2 + 2)]
    return tuple(directors + producers + instructors)


def synthetic_result(people: tuple[Person, ...], *, status: RunStatus = RunStatus.OPTIMAL,
                     seed: int = 1) -> RunResult:
    """Every director but the last in a team: producer i//3, two distinct instructors, scores at random."""
    rng = random.Random(seed)
    weights = Weights().as_dict()  # the breakdown is weighted as the engine does: it adds up to the score
    total = sum(weights[c] for c in TEAM_KEYS[:5])
    directors = [p for p in people if p.role is Role.DIRECTOR]
    producers = [p for p in people if p.role is Role.PRODUCER]
    instructors = [p for p in people if p.role is Role.INSTRUCTOR]
    teams = []
    for i, director in enumerate(directors[:-1]):
        half = len(instructors) // 2  # each instructor: at most 2 teams as first, 2 as second
        mentors = [producers[i // 3], instructors[i // 2], instructors[(i // 2 + half) % len(instructors)]]
        slots = set(director.availability).intersection(*(m.availability for m in mentors))
        breakdown = {c: round(rng.uniform(0, 100) * weights[c] / total, 2) for c in TEAM_KEYS[:5]}
        teams.append(Team(
            director=director.id, producer=mentors[0].id, instructors=(mentors[1].id, mentors[2].id),
            score=round(sum(breakdown.values()), 2), breakdown=breakdown,
            meeting_slots=tuple(sorted(slots, key=DEFAULT_CALENDAR.index)),
            reasons=(msg("team.genres", genres=[TermRef("genre", director.genres[0])]),
                     msg("team.needs_covered", covered=[TermRef("skill", n) for n in director.needs])),
        ))
    unmatched = (Unmatched(directors[-1].id, msg("rules.producers_full", director_id=directors[-1].id,
                                                 ids=msg("rules.names", names=[p.id for p in producers]))),)
    objective = sum(t.score for t in teams)
    return RunResult(status=status, objective=objective, bound=objective, wall_s=1.5,
                     teams=tuple(teams), unmatched=unmatched)

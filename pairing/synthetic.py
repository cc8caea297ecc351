"""Random but realistic programs (directors, producers, instructors) for tests and benchmarks."""

from __future__ import annotations

import math
import random

from pairing.calendar import DAYS, PARTS
from pairing.domain import Person, Program, Role, Settings

GENRES = ("drama", "comedy", "sci-fi", "thriller", "documentary", "horror", "romance", "action",
          "animation", "crime", "fantasy", "coming-of-age", "social-realism", "mystery", "wuxia")
GENRE_WEIGHTS = (10, 6, 5, 5, 5, 3, 4, 4, 2, 3, 2, 4, 3, 3, 1)
CRAFT_SKILLS = ("screenwriting", "cinematography", "sound", "editing", "di-grading", "vfx", "acting",
                "production-design", "music", "lighting", "action-choreography", "casting")
PRODUCER_SKILLS = ("producing", "financing", "distribution", "festival-strategy", "pitching")
SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma",
            "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo")
GIVEN = ("Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Hao", "Xin", "Yu", "Tao", "Ning", "Jun", "Lan", "Qiang",
         "Ying", "Bo", "Hui", "Chen", "Kai", "Mei")
LANGUAGES = (("Mandarin", 0.9), ("English", 0.5), ("Cantonese", 0.1), ("French", 0.05))


def synthetic_program(n_directors: int, seed: int = 0, *, settings: Settings | None = None,
                      slack: float = 1.2) -> Program:
    """A program with n directors and enough mentors (total capacity ≈ slack × demand), reproducible by seed."""
    rng = random.Random(seed)
    n_producers = max(1, math.ceil(n_directors * slack / 3))
    n_instructors = max(1, math.ceil(n_directors * 1.5 * slack / 4))
    orgs = [f"Studio {i + 1}" for i in range(max(2, n_directors // 5))]
    width = max(2, len(str(max(n_directors, n_producers, n_instructors))))
    producers = [_mentor(rng, f"P{i + 1:0{width}d}", Role.PRODUCER, orgs) for i in range(n_producers)]
    instructors = [_mentor(rng, f"I{i + 1:0{width}d}", Role.INSTRUCTOR, orgs) for i in range(n_instructors)]
    mentors = producers + instructors
    directors = [_director(rng, f"D{i + 1:0{width}d}", orgs, mentors) for i in range(n_directors)]
    producers = [_mentor_prefs(rng, p, directors) for p in producers]
    instructors = [_mentor_prefs(rng, p, directors) for p in instructors]
    return Program(settings=settings or Settings(), people=tuple(directors + producers + instructors))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}{rng.choice(('', '', rng.choice(GIVEN).lower()))}"


def _genres(rng: random.Random, low: int, high: int) -> tuple[str, ...]:
    chosen: list[str] = []
    for _ in range(rng.randint(low, high)):
        genre = rng.choices(GENRES, GENRE_WEIGHTS)[0]
        if genre not in chosen:
            chosen.append(genre)
    return tuple(chosen)


def _availability(rng: random.Random) -> tuple[str, ...]:
    """Free slots with a personal rhythm: some days, mostly afternoons and evenings."""
    days = rng.sample(DAYS, rng.randint(2, 5))
    slots = []
    for day in days:
        for part, chance in zip(PARTS, (0.45, 0.7, 0.6)):
            if rng.random() < chance:
                slots.append(f"{day} {part}")
    return tuple(slots) or (f"{days[0]} PM",)


def _languages(rng: random.Random) -> tuple[str, ...]:
    chosen = tuple(lang for lang, chance in LANGUAGES if rng.random() < chance)
    return chosen or ("Mandarin",)


def _organization(rng: random.Random, orgs: list[str]) -> str:
    return rng.choice(orgs) if rng.random() < 0.3 else ""


def _mentor(rng: random.Random, pid: str, role: Role, orgs: list[str]) -> Person:
    if role is Role.PRODUCER:
        skills = {s: rng.randint(2, 5) for s in rng.sample(PRODUCER_SKILLS, rng.randint(1, 3))}
        capacity = rng.choice((2, 3, 3, 4))
    else:
        skills = {s: rng.randint(2, 5) for s in rng.sample(CRAFT_SKILLS, rng.randint(1, 3))}
        capacity = rng.choice((3, 4, 4, 5))
    return Person(id=pid, name=_name(rng), role=role, organization=_organization(rng, orgs),
                  genres=_genres(rng, 2, 4), skills=skills, availability=_availability(rng),
                  capacity=capacity, languages=_languages(rng))


def _director(rng: random.Random, pid: str, orgs: list[str], mentors: list[Person]) -> Person:
    needs = rng.sample(CRAFT_SKILLS, rng.randint(1, 3))
    if rng.random() < 0.5:
        needs.append(rng.choice(PRODUCER_SKILLS))
    prefers = tuple(m.id for m in rng.sample(mentors, min(len(mentors), rng.choice((0, 0, 1, 2, 3)))))
    avoid = (rng.choice(mentors).id,) if rng.random() < 0.03 else ()
    return Person(id=pid, name=_name(rng), role=Role.DIRECTOR, organization=_organization(rng, orgs),
                  genres=_genres(rng, 1, 3), needs=tuple(needs), availability=_availability(rng),
                  languages=_languages(rng), prefers=prefers, avoid=avoid)


def _mentor_prefs(rng: random.Random, mentor: Person, directors: list[Person]) -> Person:
    if rng.random() < 0.3 and directors:
        picks = rng.sample(directors, min(len(directors), rng.randint(1, 2)))
        return mentor.with_changes(prefers=tuple(d.id for d in picks))
    return mentor

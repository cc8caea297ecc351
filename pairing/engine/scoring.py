"""Team scores: every soft goal as a criterion valued 0–100 per team, weighted so the breakdown adds up."""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from pairing.criteria import BY_KEY, KEYS, REGISTRY, resolve
from pairing.domain import Team
from pairing.engine.instance import MEETING_FULL, Instance, meeting_mask, slots_in
from pairing.engine.reasons import team_reasons


def team_values(inst: Instance, d: int, members: Sequence[int], usage: Mapping[int, int] | None = None
                ) -> dict[str, float]:
    """Each criterion of one team (pairing/criteria.py), 0–100 before weighting, by its scorer.

    A pair criterion (genre, preference, language, stability) gives each mentor place an equal share, and so
    does a mentor criterion (load, from the mentor's number of teams); a team criterion looks at the team as
    a whole: needs count once however many mentors cover them, the meeting slots are the slots every member
    is free."""
    values = dict.fromkeys(KEYS, 0.0)
    for value_of, keys in _PAIR_SCORERS:
        for m in members:
            got = value_of(inst, d, m)
            for key in keys:
                values[key] += inst.share * (got[key] if isinstance(got, dict) else got)
    for value_of, key in _TEAM_SCORERS:
        values[key] = value_of(inst, d, members)
    for value_of, key in _MENTOR_SCORERS:
        values[key] = inst.share * sum(value_of(inst, m, (usage or {}).get(m, 1)) for m in members)
    return values


def needs_value(inst: Instance, d: int, members: Sequence[int]) -> float:
    needs = inst.directors[d].needs
    if not needs:
        return 100.0  # nothing asked for, nothing missing
    column = {s: j for j, s in enumerate(inst.skills)}
    covered = sum(max((float(inst.level_m[m, column[n]]) for m in members), default=0.0) for n in needs)
    return 100.0 * covered / len(needs)


def meeting_value(inst: Instance, d: int, members: Sequence[int]) -> float:
    return 100.0 * min(meeting_mask(inst, d, members).bit_count(), MEETING_FULL) / MEETING_FULL


def load_value(inst: Instance, m: int, used: int) -> float:
    """A mentor's load score seen by each of its teams: 100 with one team, falling as it fills up."""
    capacity = max(int(inst.capacity[m]), 1)
    return 100.0 * (1 - (used - 1) / capacity)


def load_marginal(inst: Instance, m: int, k: int) -> float:
    """What the k-th team of a mentor adds to the total load score (the sum over its teams): concave in k,
    so the solvers fill mentors evenly."""
    capacity = max(int(inst.capacity[m]), 1)
    return inst.share * 100.0 * (1 - 2 * (k - 1) / capacity)


def weighted(inst: Instance, values: Mapping[str, float]) -> dict[str, float]:
    """The breakdown: each active criterion's weight × value; the values add up to the team score."""
    return {name: inst.weights[name] * values[name] for name in values
            if BY_KEY[name].always_listed or inst.weights[name] > 0}


def usage_of(teams: Sequence[Team], inst: Instance) -> dict[int, int]:
    usage: dict[int, int] = {}
    for team in teams:
        for mentor in team.mentors:
            m = inst.m_index.get(mentor)
            if m is not None:
                usage[m] = usage.get(m, 0) + 1
    return usage


def build_team(inst: Instance, d: int, members: Sequence[int], usage: Mapping[int, int] | None = None) -> Team:
    """A scored, explained Team from indices (producer first among members if any)."""
    values = team_values(inst, d, members, usage)
    breakdown = weighted(inst, values)
    director = inst.directors[d]
    producer = next((inst.mentors[m].id for m in members if inst.is_producer(m)), None)
    instructors = tuple(inst.mentors[m].id for m in members if not inst.is_producer(m))
    locked = tuple(inst.mentors[m].id for m in members if (d, m) in inst.lock_set)
    return Team(
        director=director.id, producer=producer, instructors=instructors,
        score=sum(breakdown.values()), breakdown=breakdown,
        meeting_slots=slots_in(inst, meeting_mask(inst, d, members)),
        locked=locked, reasons=tuple(team_reasons(inst, d, members)),
    )


# -- the registry's scorers, looked up once ----------------------------------------------------------

def scorer(path: str) -> Callable:
    """The function a criterion's `scorer` names ("module:function")."""
    return resolve(path)


def _by_scorer(scope: str) -> tuple[tuple[Callable, tuple[str, ...]], ...]:
    """Pair scorers with the criteria each values (pair_values gives four at once, so it runs once a pair;
    the solvers read the same values a block at a time, PairBlock.linear)."""
    paths = dict.fromkeys(c.scorer for c in REGISTRY if c.scope == scope)
    return tuple((scorer(path), tuple(c.key for c in REGISTRY if c.scope == scope and c.scorer == path))
                 for path in paths)


_PAIR_SCORERS = _by_scorer("pair")
_TEAM_SCORERS = tuple((scorer(c.scorer), c.key) for c in REGISTRY if c.scope == "team")
_MENTOR_SCORERS = tuple((scorer(c.scorer), c.key) for c in REGISTRY if c.scope == "mentor")

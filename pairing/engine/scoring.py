"""Team scores: every soft goal as a criterion valued 0–100 per team, weighted so the breakdown adds up."""

from __future__ import annotations

from typing import Mapping, Sequence

from pairing.domain import Team
from pairing.engine.instance import MEETING_FULL, Instance, pair_values
from pairing.engine.reasons import team_reasons


def team_values(inst: Instance, d: int, members: Sequence[int], usage: Mapping[int, int] | None = None
                ) -> dict[str, float]:
    """Each criterion of one team, 0–100 before weighting.

    Pair criteria (genre, preference, language, stability, load) give each mentor place an equal share;
    needs and meeting look at the team as a whole: a need counts once however many mentors cover it,
    and the meeting slots are the slots every member is free."""
    values = {"genre": 0.0, "needs": needs_value(inst, d, members), "meeting": meeting_value(inst, d, members),
              "preference": 0.0, "language": 0.0, "load": 0.0, "stability": 0.0}
    for m in members:
        for name, value in pair_values(inst, d, m).items():
            values[name] += inst.share * value
        values["load"] += inst.share * load_value(inst, m, (usage or {}).get(m, 1))
    return values


def needs_value(inst: Instance, d: int, members: Sequence[int]) -> float:
    needs = inst.directors[d].needs
    if not needs:
        return 100.0  # nothing asked for, nothing missing
    column = {s: j for j, s in enumerate(inst.skills)}
    covered = sum(max((float(inst.level_m[m, column[n]]) for m in members), default=0.0) for n in needs)
    return 100.0 * covered / len(needs)


def meeting_slots(inst: Instance, d: int, members: Sequence[int]) -> int:
    mask = inst.d_avail[d]
    for m in members:
        mask &= inst.m_avail[m]
    return mask


def meeting_value(inst: Instance, d: int, members: Sequence[int]) -> float:
    return 100.0 * min(meeting_slots(inst, d, members).bit_count(), MEETING_FULL) / MEETING_FULL


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
            if name in ("genre", "needs", "meeting", "preference", "language") or inst.weights[name] > 0}


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
    mask = meeting_slots(inst, d, members)
    locked = tuple(inst.mentors[m].id for m in members if (d, m) in inst.lock_set)
    return Team(
        director=director.id, producer=producer, instructors=instructors,
        score=sum(breakdown.values()), breakdown=breakdown,
        meeting_slots=tuple(s for j, s in enumerate(inst.slots) if mask >> j & 1),
        locked=locked, reasons=tuple(team_reasons(inst, d, members)),
    )

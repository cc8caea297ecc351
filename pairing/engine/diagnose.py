"""Why the hard rules cannot all hold: pre-checks over the roster and locks, reasons for each director
left without a team, and sentences for the solver's infeasibility core. Every sentence names people."""

from __future__ import annotations

from collections import Counter

import numpy as np

from pairing.engine.candidates import Arcs, by_director
from pairing.engine.instance import Instance, forbidden_reason, who

MAX_NAMED = 5


def precheck(inst: Instance, arcs: Arcs) -> list[str]:
    """Problems visible before any search: capacity, people with no possible mentor, no common slot, locks."""
    return [*_capacity(inst), *_lock_problems(inst), *_lonely_directors(inst, arcs)]


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_NAMED])
    return shown + (f" and {len(items) - MAX_NAMED} more" if len(items) > MAX_NAMED else "")


def _capacity(inst: Instance) -> list[str]:
    problems = []
    n = inst.n_directors
    producers = int(inst.capacity[: inst.n_producers].sum())
    instructors = int(inst.capacity[inst.n_producers:].sum())
    need = n * inst.options.instructors_min
    if producers < n:
        problems.append(f"capacity: {n} directors but producers can take {producers} in total")
    if instructors < need:
        problems.append(f"capacity: {n} directors need at least {need} instructor places "
                        f"({inst.options.instructors_min} each) but instructors can take {instructors} in total")
    return problems


def _lock_problems(inst: Instance) -> list[str]:
    problems = []
    for lock in inst.program.locks:
        if lock.director not in inst.d_index or lock.mentor not in inst.m_index:
            problems.append(f"lock {lock.director}–{lock.mentor}: it must pair a director of the roster with a "
                            f"producer or an instructor")
    by_d: dict[int, list[int]] = {}
    for d, m in inst.locks:
        by_d.setdefault(d, []).append(m)
        reason = forbidden_reason(inst, d, m)
        if reason:
            problems.append(f"lock {inst.directors[d].id}–{inst.mentors[m].id} breaks a rule: {reason}")
    for d, members in by_d.items():
        problems.extend(_locked_team_problems(inst, d, members))
    load = Counter(m for _, m in inst.locks)
    for m, count in sorted(load.items()):
        if count > inst.capacity[m]:
            problems.append(f"capacity: {count} directors are locked to {who(inst.mentors[m])} "
                            f"but {inst.mentors[m].id} can take {int(inst.capacity[m])}")
    return problems


def _locked_team_problems(inst: Instance, d: int, members: list[int]) -> list[str]:
    director = who(inst.directors[d])
    producers = [inst.mentors[m].id for m in members if inst.is_producer(m)]
    instructors = [inst.mentors[m].id for m in members if not inst.is_producer(m)]
    problems = []
    if len(producers) > 1:
        problems.append(f"locks: {director} is locked to {len(producers)} producers ({', '.join(producers)}) "
                        f"but a director has exactly one producer")
    if len(instructors) > inst.options.instructors_max:
        problems.append(f"locks: {director} is locked to {len(instructors)} instructors "
                        f"({', '.join(instructors)}) but the maximum is {inst.options.instructors_max}")
    if inst.options.require_meeting and len(members) > 1:
        mask = inst.d_avail[d]
        for m in members:
            mask &= inst.m_avail[m]
        if not mask:
            problems.append(f"meeting: {director} and the locked mentors {', '.join(producers + instructors)} "
                            f"share no free slot")
    return problems


def _lonely_directors(inst: Instance, arcs: Arcs) -> list[str]:
    """Directors some rule keeps from any team; found with array counts, explained one by one."""
    suspects = np.nonzero(~possible(inst, arcs))[0]
    if not len(suspects):
        return []
    problems = []
    per_director = by_director(arcs, inst.n_directors)
    for d in suspects:
        problems.extend(director_problems(inst, int(d), arcs.m[per_director[d]]))
    return problems


def possible(inst: Instance, arcs: Arcs) -> np.ndarray:
    """Per director: some slot has an allowed producer and enough allowed instructors free (or, without
    the meeting rule, enough allowed mentors at all)."""
    low = inst.options.instructors_min
    if inst.options.require_meeting:
        free_d = inst.slot_d > 0
        return ((arcs.slot_p > 0) & (arcs.slot_i >= low) & free_d).any(axis=1)
    n_p = np.bincount(arcs.d[arcs.m < inst.n_producers], minlength=inst.n_directors)
    n_i = np.bincount(arcs.d[arcs.m >= inst.n_producers], minlength=inst.n_directors)
    return (n_p > 0) & (n_i >= low)


def director_problems(inst: Instance, d: int, candidates: np.ndarray) -> list[str]:
    """What keeps one director from any team, whatever the others do."""
    director = inst.directors[d]
    if inst.options.require_meeting and not inst.d_avail[d]:
        return [f"meeting: {who(director)} has no free slot in the program calendar"]
    producers = [m for m in candidates if inst.is_producer(m)]
    instructors = [m for m in candidates if not inst.is_producer(m)]
    problems = []
    if not producers:
        problems.append(f"no possible producer for {who(director)}: " + _why_none(inst, d, inst.producer_range))
    if len(instructors) < inst.options.instructors_min:
        problems.append(f"no possible instructor for {who(director)}: "
                        + _why_none(inst, d, inst.instructor_range)
                        if not instructors else
                        f"only {len(instructors)} possible instructor(s) for {who(director)} but "
                        f"{inst.options.instructors_min} are required")
    if not problems and inst.options.require_meeting and not _has_meeting_slot(inst, d, producers, instructors):
        problems.append(f"meeting: no slot where {who(director)}, a possible producer and "
                        f"{inst.options.instructors_min} possible instructor(s) are all free")
    return problems


def _why_none(inst: Instance, d: int, mentors: range) -> str:
    if not len(mentors):
        return "the roster has none"
    reasons = [forbidden_reason(inst, d, m) for m in mentors if inst.capacity[m] > 0]
    if not reasons:
        return "all have capacity 0"
    kinds = Counter(_kind(r) for r in reasons if r)
    return "; ".join(f"{n} {kind}" for kind, n in kinds.most_common())


def _kind(reason: str) -> str:
    if "avoid" in reason:
        return "listed under avoid"
    if "both from" in reason:
        return "from the same organization"
    if "slot" in reason:
        return "share no free slot"
    return "have capacity 0"


def _has_meeting_slot(inst: Instance, d: int, producers, instructors) -> bool:
    for j in range(len(inst.slots)):
        bit = 1 << j
        if not inst.d_avail[d] & bit:
            continue
        p_ok = any(inst.m_avail[m] & bit for m in producers)
        n_i = sum(1 for m in instructors if inst.m_avail[m] & bit)
        if p_ok and n_i >= inst.options.instructors_min:
            return True
    return False


def unmatched_reason(inst: Instance, d: int, candidates: np.ndarray, used: np.ndarray) -> str:
    """Why a director was left without a team in the best partial pairing."""
    if d in inst.blocked:
        locks = [inst.mentors[m].id for ld, m in inst.locks if ld == d]
        problems = [p for p in _lock_problems(inst) if inst.directors[d].id in p]
        detail = f": {problems[0]}" if problems else ""
        return f"the locks of {inst.directors[d].id} ({', '.join(locks)}) cannot all be kept{detail}"
    own = director_problems(inst, d, candidates)
    if own:
        return own[0]
    director = inst.directors[d]
    free = [m for m in candidates if used[m] < inst.capacity[m]]
    producers = [m for m in candidates if inst.is_producer(m)]
    if not any(inst.is_producer(m) for m in free):
        return (f"every producer who could work with {director.id} "
                f"({_names([inst.mentors[m].id for m in producers])}) is full")
    if sum(1 for m in free if not inst.is_producer(m)) < inst.options.instructors_min:
        return f"every instructor who could work with {director.id} is full"
    if inst.options.require_meeting:
        return (f"no slot where {director.id}, a producer and {inst.options.instructors_min} instructor(s) "
                f"with free places are all free")
    return f"{director.id} could only be placed by leaving another director without a team"


def core_sentences(inst: Instance, groups: list[tuple[str, tuple]]) -> list[str]:
    """The solver's infeasibility core (rule groups that cannot hold together) as one sentence."""
    parts = []
    for kind, key in groups:
        if kind == "team":
            parts.append(f"{who(inst.directors[key[0]])} gets a producer and "
                         f"{inst.options.instructors_min}–{inst.options.instructors_max} instructors")
        elif kind == "capacity":
            parts.append(f"{who(inst.mentors[key[0]])} takes at most {int(inst.capacity[key[0]])}")
        elif kind == "lock":
            parts.append(f"lock {inst.directors[key[0]].id}–{inst.mentors[key[1]].id}")
        elif kind == "meeting":
            parts.append(f"{inst.directors[key[0]].id}'s team shares a meeting slot")
    if not parts:
        return []
    return ["these rules cannot all hold together: " + "; ".join(parts)]

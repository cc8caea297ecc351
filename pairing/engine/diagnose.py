"""Why the hard rules cannot all hold: pre-checks over the roster and locks, the reason each director was
left without a team, and the solver's infeasibility core — as messages (`pairing.words`) naming people.

Every message carries the ids it is about as arguments (`director_id`, `mentor_id`), so code that needs
"the problems of D10" compares ids, never text (D10 is not D100)."""

from __future__ import annotations

from collections import Counter
from types import MappingProxyType

import numpy as np

from pairing.engine.candidates import Arcs, by_director
from pairing.engine.instance import (
    AVOID, CAPACITY, MEETING, ORGANIZATION, Instance, forbidden_reason, meeting_mask, who,
)
from pairing.words import Message, RoleRef, SlotRef, msg

MAX_NAMED = 5


def precheck(inst: Instance, arcs: Arcs) -> list[Message]:
    """Problems visible before any search: capacity, people with no possible mentor, no common slot, locks."""
    return [*_capacity(inst), *lock_problems(inst), *_lonely_directors(inst, arcs)]


def pair_rule_message(inst: Instance, d: int, m: int, rule: str) -> Message:
    """A pairwise rule a director–mentor pair breaks, as a message naming both."""
    director, mentor = who(inst.directors[d]), who(inst.mentors[m])
    ids = {"director_id": inst.directors[d].id, "mentor_id": inst.mentors[m].id}
    if rule == AVOID:
        return msg("rules.avoid", director_who=director, mentor_who=mentor, **ids)
    if rule == ORGANIZATION:
        return msg("rules.same_organization", director_who=director, mentor_who=mentor,
                   organization=inst.mentors[m].organization, **ids)
    if rule == MEETING:
        return msg("rules.no_shared_slot", director_who=director, mentor_who=mentor, **ids)
    return msg("rules.capacity_zero", mentor_who=mentor, **ids)


def pair_problem(inst: Instance, d: int, m: int) -> Message | None:
    rule = forbidden_reason(inst, d, m)
    return pair_rule_message(inst, d, m, rule) if rule else None


def _names(ids: list[str]) -> Message:
    """Up to MAX_NAMED ids, then how many more."""
    if len(ids) > MAX_NAMED:
        return msg("rules.names_more", names=ids[:MAX_NAMED], more=len(ids) - MAX_NAMED)
    return msg("rules.names", names=ids)


def _capacity(inst: Instance) -> list[Message]:
    problems = []
    n = inst.n_directors
    producers = int(inst.capacity[: inst.n_producers].sum())
    instructors = int(inst.capacity[inst.n_producers:].sum())
    low = inst.options.instructors_min
    if producers < n:
        problems.append(msg("rules.capacity_producers", count=n, places=producers))
    if instructors < n * low:
        problems.append(msg("rules.capacity_instructors", count=n, need=n * low, low=low, places=instructors))
    return problems


def lock_problems(inst: Instance) -> list[Message]:
    """Locks that cannot be kept, each message with the `director_id` it concerns."""
    problems = []
    for lock in inst.program.locks:
        if lock.director not in inst.d_index or lock.mentor not in inst.m_index:
            problems.append(msg("rules.lock_not_in_roster", director_id=lock.director, mentor_id=lock.mentor))
    by_d: dict[int, list[int]] = {}
    for d, m in inst.locks:
        by_d.setdefault(d, []).append(m)
        rule = pair_problem(inst, d, m)
        if rule:
            problems.append(msg("rules.lock_breaks_rule", director_id=inst.directors[d].id,
                                mentor_id=inst.mentors[m].id, rule=rule))
    for d, members in by_d.items():
        problems.extend(_locked_team_problems(inst, d, members))
    load = Counter(m for _, m in inst.locks)
    for m, count in sorted(load.items()):
        if count > inst.capacity[m]:
            locked = sorted(inst.directors[d].id for d, lm in inst.locks if lm == m)
            problems.append(msg("rules.lock_capacity", count=count, mentor_who=who(inst.mentors[m]),
                                mentor_id=inst.mentors[m].id, capacity=int(inst.capacity[m]), director_ids=locked))
    return problems


def _locked_team_problems(inst: Instance, d: int, members: list[int]) -> list[Message]:
    director = {"director_who": who(inst.directors[d]), "director_id": inst.directors[d].id}
    producers = [inst.mentors[m].id for m in members if inst.is_producer(m)]
    instructors = [inst.mentors[m].id for m in members if not inst.is_producer(m)]
    problems = []
    if len(producers) > 1:
        problems.append(msg("rules.locks_producers", count=len(producers), ids=producers, **director))
    if len(instructors) > inst.options.instructors_max:
        problems.append(msg("rules.locks_instructors", count=len(instructors), ids=instructors,
                            high=inst.options.instructors_max, **director))
    if inst.options.require_meeting and len(members) > 1:
        if not meeting_mask(inst, d, members):
            problems.append(msg("rules.locks_no_slot", ids=producers + instructors, **director))
    return problems


def _lonely_directors(inst: Instance, arcs: Arcs) -> list[Message]:
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


def director_problems(inst: Instance, d: int, candidates: np.ndarray) -> list[Message]:
    """What keeps one director from any team, whatever the others do."""
    director = {"director_who": who(inst.directors[d]), "director_id": inst.directors[d].id}
    low = inst.options.instructors_min
    if inst.options.require_meeting and not inst.d_avail[d]:
        return [msg("rules.director_no_slot", **director)]
    producers = [m for m in candidates if inst.is_producer(m)]
    instructors = [m for m in candidates if not inst.is_producer(m)]
    problems = []
    if not producers:
        problems.append(msg("rules.no_possible_mentor", role=RoleRef("producer"),
                            why=_why_none(inst, d, inst.producer_range), **director))
    if not instructors and low > 0:
        problems.append(msg("rules.no_possible_mentor", role=RoleRef("instructor"),
                            why=_why_none(inst, d, inst.instructor_range), **director))
    elif len(instructors) < low:
        problems.append(msg("rules.few_possible_instructors", count=len(instructors), low=low, **director))
    if not problems and inst.options.require_meeting and not _has_meeting_slot(inst, d, producers, instructors):
        problems.append(msg("rules.no_meeting_possible", low=low, **director))
    return problems


_KIND_CODES = MappingProxyType({AVOID: "rules.kind_avoid", ORGANIZATION: "rules.kind_organization",
                                MEETING: "rules.kind_slot", CAPACITY: "rules.kind_capacity"})


def _why_none(inst: Instance, d: int, mentors: range) -> Message:
    if not len(mentors):
        return msg("rules.none_in_roster")
    rules = [forbidden_reason(inst, d, m) for m in mentors if inst.capacity[m] > 0]
    if not rules:
        return msg("rules.all_capacity_zero")
    kinds = Counter(rule for rule in rules if rule)
    return msg("rules.kinds", kinds=[msg(_KIND_CODES[rule], count=n) for rule, n in kinds.most_common()])


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


def unmatched_reason(inst: Instance, d: int, candidates: np.ndarray, used: np.ndarray) -> Message:
    """Why a director was left without a team in the best partial pairing."""
    director_id = inst.directors[d].id
    if d in inst.blocked:
        locks = [inst.mentors[m].id for ld, m in inst.locks if ld == d]
        mine = [p for p in lock_problems(inst) if p.arg("director_id") == director_id]
        if mine:
            return msg("rules.locks_cannot_hold_because", director_id=director_id, ids=locks, detail=mine[0])
        return msg("rules.locks_cannot_hold", director_id=director_id, ids=locks)
    own = director_problems(inst, d, candidates)
    if own:
        return own[0]
    free = [m for m in candidates if used[m] < inst.capacity[m]]
    producers = [m for m in candidates if inst.is_producer(m)]
    if not any(inst.is_producer(m) for m in free):
        return msg("rules.producers_full", director_id=director_id,
                   ids=_names([inst.mentors[m].id for m in producers]))
    if sum(1 for m in free if not inst.is_producer(m)) < inst.options.instructors_min:
        return msg("rules.instructors_full", director_id=director_id)
    if inst.options.require_meeting:
        return msg("rules.no_slot_with_free_places", director_id=director_id, low=inst.options.instructors_min)
    return msg("rules.only_by_displacing", director_id=director_id)


def core_sentences(inst: Instance, groups: list[tuple[str, tuple]]) -> list[Message]:
    """The solver's infeasibility core (rule groups that cannot hold together) as one message."""
    parts = []
    for kind, key in groups:
        if kind == "team":
            parts.append(msg("rules.core_team", director_who=who(inst.directors[key[0]]),
                             director_id=inst.directors[key[0]].id, low=inst.options.instructors_min,
                             high=inst.options.instructors_max))
        elif kind == "capacity":
            parts.append(msg("rules.core_capacity", mentor_who=who(inst.mentors[key[0]]),
                             mentor_id=inst.mentors[key[0]].id, capacity=int(inst.capacity[key[0]])))
        elif kind == "lock":
            parts.append(msg("rules.core_lock", director_id=inst.directors[key[0]].id,
                             mentor_id=inst.mentors[key[1]].id))
        elif kind == "meeting":
            parts.append(msg("rules.core_meeting", director_id=inst.directors[key[0]].id))
        elif kind == "weekly":  # each mentor's teams meet at different weekly times (eng-rule)
            parts.append(msg("engine.core_weekly", mentor_who=who(inst.mentors[key[0]]),
                             mentor_id=inst.mentors[key[0]].id, slot=SlotRef(inst.slots[key[1]])))
    return [msg("rules.core", parts=parts)] if parts else []

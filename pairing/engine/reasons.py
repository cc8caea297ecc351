"""Why a team was formed: reasons as messages (`pairing.words`), made into sentences at the edge.

A reason carries the terms, slots, names and ranks involved, never a sentence; the window, the command
line and the sheets render it in the curator's language with the program's vocabulary and role names.
"""

from __future__ import annotations

from typing import Sequence

from pairing.engine.instance import Instance, meeting_mask, slots_in
from pairing.words import LanguageRef, Message, Ordinal, SlotRef, TermRef, msg

MAX_SLOTS_SHOWN = 3


def team_reasons(inst: Instance, d: int, members: Sequence[int]) -> list[Message]:
    reasons = [
        _genre_reason(inst, d, members),
        _needs_reason(inst, d, members),
        _meeting_reason(inst, d, members),
        *_preference_reasons(inst, d, members),
        _language_reason(inst, d, members),
        _lock_reason(inst, d, members),
        _stability_reason(inst, d, members),
    ]
    return [r for r in reasons if r]


def _genre_reason(inst, d, members) -> Message | None:
    shared = [g for g in inst.directors[d].genres if any(g in inst.mentors[m].genres for m in members)]
    return msg("team.genres", genres=[TermRef("genre", g) for g in shared]) if shared else None


def _needs_reason(inst, d, members) -> Message | None:
    needs = inst.directors[d].needs
    if not needs:
        return None
    covered = [TermRef("skill", n) for n in needs if any(n in inst.mentors[m].skills for m in members)]
    missing = [TermRef("skill", n) for n in needs if TermRef("skill", n) not in covered]
    if covered and missing:
        return msg("team.needs_partly", covered=covered, missing=missing)
    return msg("team.needs_covered", covered=covered) if covered else msg("team.needs_missing", missing=missing)


def _meeting_reason(inst, d, members) -> Message:
    slots = [SlotRef(s) for s in slots_in(inst, meeting_mask(inst, d, members))]
    if not slots:
        return msg("team.no_common_slot")
    if len(slots) > MAX_SLOTS_SHOWN:
        return msg("team.meets_more", slots=slots[:MAX_SLOTS_SHOWN], total=len(slots))
    return msg("team.meets", slots=slots)


def _preference_reasons(inst, d, members) -> list[Message]:
    """Who asked for whom, by the ranks the instance resolved (`prefers` is resolved once, in compiling)."""
    director = inst.directors[d]
    reasons = []
    for m in members:
        mentor = inst.mentors[m]
        by_director, by_mentor = inst.pref_ranks.get((d, m), (None, None))
        if by_director:
            reasons.append(msg("team.director_prefers", director_name=director.name, mentor_name=mentor.name,
                               rank=Ordinal(by_director)))
        if by_mentor:
            reasons.append(msg("team.mentor_prefers", director_name=director.name, mentor_name=mentor.name,
                               rank=Ordinal(by_mentor)))
    return reasons


def _language_reason(inst, d, members) -> Message | None:
    languages = [lang for lang in inst.directors[d].languages
                 if members and all(lang.strip().casefold() in {x.strip().casefold() for x in inst.mentors[m].languages}
                                    for m in members)]
    return msg("team.language", languages=[LanguageRef(lang) for lang in languages]) if languages else None


def _lock_reason(inst, d, members) -> Message | None:
    locked = [inst.mentors[m].name for m in members if (d, m) in inst.lock_set]
    return msg("team.locked", names=locked) if locked else None


def _stability_reason(inst, d, members) -> Message | None:
    kept = [inst.mentors[m].name for m in members if (d, m) in inst.stable_pairs]
    return msg("team.kept", names=kept) if kept else None

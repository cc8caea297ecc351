"""Why a team was formed, in short sentences a curator can check, in English or Chinese."""

from __future__ import annotations

from typing import Sequence

from pairing.calendar import slot_label
from pairing.engine.instance import Instance
from pairing.vocabulary import BUILTIN, Vocabulary

ORDINALS = {"en": ("first", "second", "third", "fourth", "fifth"), "zh": ("第一", "第二", "第三", "第四", "第五")}
MAX_SLOTS_SHOWN = 3


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


_VOCABULARIES: dict[int, tuple[object, Vocabulary]] = {}


def vocabulary_of(inst: Instance) -> Vocabulary:
    """The built-in vocabulary plus the program's custom terms (built once per program)."""
    cached = _VOCABULARIES.get(id(inst.program))
    if cached is not None and cached[0] is inst.program:
        return cached[1]
    vocab = BUILTIN
    for kind, keys in inst.program.custom_terms.items():
        if kind in ("genre", "skill"):
            vocab = vocab.with_custom(kind, keys)
    _VOCABULARIES.clear()
    _VOCABULARIES[id(inst.program)] = (inst.program, vocab)
    return vocab


def team_reasons(inst: Instance, d: int, members: Sequence[int], lang: str = "en") -> list[str]:
    vocab = vocabulary_of(inst)
    reasons = [
        _genre_reason(inst, d, members, vocab, lang),
        _needs_reason(inst, d, members, vocab, lang),
        _meeting_reason(inst, d, members, lang),
        *_preference_reasons(inst, d, members, lang),
        _language_reason(inst, d, members, lang),
        *_lock_reasons(inst, d, members, lang),
        _stability_reason(inst, d, members, lang),
    ]
    return [r for r in reasons if r]


def _label(vocab: Vocabulary, kind: str, key: str, lang: str) -> str:
    """A term in the user's language; English labels read in lower case inside a sentence (VFX, DI stay)."""
    text = vocab.label(kind, key, lang)
    if _zh(lang):
        return text
    return " ".join(word if word.isupper() else word.lower() for word in text.split(" "))


def _join(items, lang: str) -> str:
    return ("、" if _zh(lang) else ", ").join(items)


def _genre_reason(inst, d, members, vocab, lang) -> str | None:
    genres = inst.directors[d].genres
    shared = [g for g in genres if any(g in inst.mentors[m].genres for m in members)]
    if not shared:
        return None
    labels = _join((_label(vocab, "genre", g, lang) for g in shared), lang)
    return f"都做{labels}" if _zh(lang) else f"both work in {labels}"


def _needs_reason(inst, d, members, vocab, lang) -> str | None:
    needs = inst.directors[d].needs
    if not needs:
        return None
    covered = [n for n in needs if any(n in inst.mentors[m].skills for m in members)]
    missing = [n for n in needs if n not in covered]
    parts = []
    if covered:
        labels = _join((_label(vocab, "skill", n, lang) for n in covered), lang)
        parts.append(f"覆盖：{labels}" if _zh(lang) else f"covers: {labels}")
    if missing:
        labels = _join((_label(vocab, "skill", n, lang) for n in missing), lang)
        parts.append(f"未覆盖：{labels}" if _zh(lang) else f"not covered: {labels}")
    return ("；" if _zh(lang) else "; ").join(parts)


def _meeting_reason(inst, d, members, lang) -> str:
    mask = inst.d_avail[d]
    for m in members:
        mask &= inst.m_avail[m]
    slots = [s for j, s in enumerate(inst.slots) if mask >> j & 1]
    if not slots:
        return "没有共同空闲时段" if _zh(lang) else "no common free slot"
    shown = _join((slot_label(s, lang) for s in slots[:MAX_SLOTS_SHOWN]), lang)
    more = len(slots) - MAX_SLOTS_SHOWN
    if _zh(lang):
        return f"可见面：{shown}" + (f" 等{len(slots)}个时段" if more > 0 else "")
    return f"meets {shown}" + (f" (+{more} more)" if more > 0 else "")


def _ordinal(rank: int, lang: str) -> str:
    words = ORDINALS["zh" if _zh(lang) else "en"]
    if rank <= len(words):
        return words[rank - 1]
    return f"第{rank}" if _zh(lang) else f"#{rank}"


def _preference_reasons(inst, d, members, lang) -> list[str]:
    director = inst.directors[d]
    reasons = []
    for m in members:
        mentor = inst.mentors[m]
        rank = _rank(director.prefers, mentor)
        if rank:
            reasons.append(f"{mentor.name}是{director.name}的{_ordinal(rank, lang)}志愿" if _zh(lang)
                           else f"{mentor.name} is {director.name}'s {_ordinal(rank, lang)} choice")
        rank = _rank(mentor.prefers, director)
        if rank:
            reasons.append(f"{director.name}是{mentor.name}的{_ordinal(rank, lang)}志愿" if _zh(lang)
                           else f"{mentor.name}'s {_ordinal(rank, lang)} choice")
    return reasons


def _rank(prefers, person) -> int | None:
    for rank, token in enumerate(prefers, start=1):
        if token == person.id or token.strip().casefold() == person.name.strip().casefold():
            return rank
    return None


def _language_reason(inst, d, members, lang) -> str | None:
    languages = [l for l in inst.directors[d].languages
                 if members and all(l.strip().casefold() in {x.strip().casefold() for x in inst.mentors[m].languages}
                                    for m in members)]
    if not languages:
        return None
    return f"共同语言：{_join(languages, lang)}" if _zh(lang) else f"common language: {_join(languages, lang)}"


def _lock_reasons(inst, d, members, lang) -> list[str]:
    locked = [inst.mentors[m].name for m in members if (d, m) in inst.lock_set]
    if not locked:
        return []
    return [f"策展人锁定：{_join(locked, lang)}" if _zh(lang) else f"locked by the curator: {_join(locked, lang)}"]


def _stability_reason(inst, d, members, lang) -> str | None:
    kept = [inst.mentors[m].name for m in members if (d, m) in inst.stable_pairs]
    if not kept:
        return None
    return f"沿用上次方案：{_join(kept, lang)}" if _zh(lang) else f"kept from the previous run: {_join(kept, lang)}"

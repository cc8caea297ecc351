"""Genres and skills of a roster normalised through the program vocabulary, cached per term."""

from __future__ import annotations

from dataclasses import dataclass, field

from pairing.vocabulary import Kind, Normalised, Vocabulary


@dataclass
class TermNormaliser:
    """Normalises each distinct term once (fuzzy suggestions are slow) and remembers where unknown ones were."""

    vocabulary: Vocabulary
    _cache: dict[tuple[str, str], Normalised] = field(default_factory=dict)
    unknown: dict[tuple[str, str], list[tuple[int, str, str]]] = field(default_factory=dict)

    def lookup(self, kind: Kind, text: str) -> Normalised:
        key = (kind, text)
        result = self._cache.get(key)
        if result is None:
            found = self.vocabulary.find(kind, text)
            result = Normalised(found.key, True) if found else self.vocabulary.normalise(kind, text)
            self._cache[key] = result
        return result

    def note_unknown(self, kind: Kind, key: str, line: int, column: str, text: str) -> None:
        self.unknown.setdefault((kind, key), []).append((line, column, text))

    def suggestion(self, kind: Kind, text: str) -> str | None:
        return self.lookup(kind, text).suggestion

    def custom_terms(self) -> dict[str, tuple[str, ...]]:
        terms: dict[str, list[str]] = {}
        for kind, key in self.unknown:
            terms.setdefault(kind, []).append(key)
        return {kind: tuple(keys) for kind, keys in terms.items()}

"""Genres and skills of a roster normalised through the program vocabulary, cached per term."""

from __future__ import annotations

from dataclasses import dataclass, field

from pairing.vocabulary import Kind, Normalised, Vocabulary

KIND_LABEL = {"genre": "genre", "skill": "skill"}


@dataclass
class TermNormaliser:
    """Normalises terms once each (fuzzy suggestions are slow) and remembers where unknown ones were."""

    vocabulary: Vocabulary
    _cache: dict[tuple[str, str], Normalised] = field(default_factory=dict)
    unknown: dict[tuple[str, str], list[tuple[int, str, str]]] = field(default_factory=dict)

    def normalise(self, kind: Kind, text: str, line: int, column: str) -> str:
        key = (kind, text)
        result = self._cache.get(key)
        if result is None:
            result = self._cache[key] = self._normalise_new(kind, text)
        if not result.known:
            self.unknown.setdefault((kind, result.term), []).append((line, column, text))
        return result.term

    def _normalise_new(self, kind: Kind, text: str) -> Normalised:
        found = self.vocabulary.find(kind, text)
        if found is not None:
            return Normalised(found.key, True)
        return self.vocabulary.normalise(kind, text)

    def suggestion(self, kind: Kind, text: str) -> str | None:
        return self._cache[(kind, text)].suggestion

    def custom_terms(self) -> dict[str, tuple[str, ...]]:
        terms: dict[str, list[str]] = {}
        for kind, key in self.unknown:
            terms.setdefault(kind, []).append(key)
        return {kind: tuple(keys) for kind, keys in terms.items()}

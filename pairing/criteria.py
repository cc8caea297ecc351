"""The scoring criteria, declared once (issue 8): key, default weight, where its value is scored, and
how it takes part in a score. Names and help in both languages are the catalogue's `criteria.<key>` and
`criteria.<key>_help` (pairing/words/catalogue/criteria.py).

Everything else derives from this registry: `Weights` (domain), the storage of weights, the engine's
criteria of a team score (`instance.BASE_CRITERIA`) and of a pair score (`edit.PAIR_CRITERIA`), the
sheets' breakdown and Settings tab, and the window's weight sliders. Adding a criterion is one entry here,
its two catalogue lines, and its scorer in the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from pairing.words import Lang, msg, render


@dataclass(frozen=True)
class Criterion:
    """One soft goal, valued 0–100 per pair or team before weighting."""

    key: str
    weight: float  # the default weight
    scorer: str  # "module:function" that values it (for genre, preference, language, stability: the key of
    #              the pair values that function returns)
    in_team: bool = True  # normalised with the others in a team's score (stability is a bonus on top)
    per_pair: bool = True  # part of a director–mentor pair score (the compatibility matrix)

    def name(self, lang: Lang | str = "en") -> str:
        return render(msg(f"criteria.{self.key}"), lang)

    def help(self, lang: Lang | str = "en") -> str:
        return render(msg(f"criteria.{self.key}_help"), lang)


REGISTRY: tuple[Criterion, ...] = (
    Criterion("genre", 3.0, "pairing.engine.instance:pair_values"),
    Criterion("needs", 4.0, "pairing.engine.scoring:needs_value"),
    Criterion("meeting", 1.0, "pairing.engine.scoring:meeting_value"),
    Criterion("preference", 2.0, "pairing.engine.instance:pair_values"),
    Criterion("language", 1.0, "pairing.engine.instance:pair_values"),
    Criterion("load", 1.0, "pairing.engine.scoring:load_value", per_pair=False),
    Criterion("stability", 1.0, "pairing.engine.instance:pair_values", in_team=False),
)

KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY)
TEAM_KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY if c.in_team)
PAIR_KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY if c.per_pair)
BONUS_KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY if not c.in_team)  # on top of a team's score
BY_KEY = {c.key: c for c in REGISTRY}


def criterion(key: str) -> Criterion:
    return BY_KEY[key]


def ordered(keys) -> list[str]:
    """Keys in the registry's order, unknown ones (from an older program) after them."""
    keys = list(keys)
    return [k for k in KEYS if k in keys] + [k for k in keys if k not in BY_KEY]

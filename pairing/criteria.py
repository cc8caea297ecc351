"""The scoring criteria, declared once (issue 8): key, default weight, where its value is scored, and
how it takes part in a score. Names and help in both languages are the catalogue's `criteria.<key>` and
`criteria.<key>_help` (pairing/words/catalogue/criteria.py).

Everything else derives from this registry: `Weights` (domain), the storage of weights, the engine's
team values and breakdown (`engine.scoring.team_values`, `weighted`), what the solvers optimise per pair
(`engine.instance.PairBlock.linear`, from each pair criterion's block scorer), the criteria of a team score
(`instance.BASE_CRITERIA`) and of a pair score (`edit.PAIR_CRITERIA`), the sheets' breakdown and Settings
tab, the window's weight sliders, the Preferences' default weights and the team's breakdown bars. Adding a
criterion is one entry here, its two catalogue lines, and its scorer in the engine (docs/architecture.md).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Literal

from pairing.words import Lang, msg, render

Scope = Literal["pair", "team", "mentor"]


@dataclass(frozen=True)
class Criterion:
    """One soft goal, valued 0–100 per pair or team before weighting."""

    key: str
    weight: float  # the default weight
    scorer: str  # "module:function" that values it, 0–100; its arguments follow the scope:
    scope: Scope = "pair"  # "pair": scorer(inst, d, m), one value per mentor place (a mapping holding
    #                        several pair criteria is read at the key); "team": scorer(inst, d, members), the
    #                        team as a whole; "mentor": scorer(inst, m, teams the mentor has), per mentor place
    in_team: bool = True  # normalised with the others in a team's score (stability is a bonus on top)
    per_pair: bool = True  # part of a director–mentor pair score (the compatibility matrix)
    always_listed: bool = True  # in a team's breakdown even when its weight is 0 (else only when weighted)
    block: str | None = None  # a pair criterion's "module:function" valuing a block of directors × all mentors
    #                           at once, scorer(block: engine.instance.PairBlock) → rows × mentors array 0–100 (or
    #                           instance.SparsePairs): what the solvers optimise (PairBlock.linear); the same
    #                           numbers as `scorer` pair by pair. Without it the block is filled by `scorer` (slow)

    def name(self, lang: Lang | str = "en") -> str:
        return render(msg(f"criteria.{self.key}"), lang)

    def help(self, lang: Lang | str = "en") -> str:
        return render(msg(f"criteria.{self.key}_help"), lang)


REGISTRY: tuple[Criterion, ...] = (
    Criterion("genre", 3.0, "pairing.engine.instance:pair_values", block="pairing.engine.instance:genre_block"),
    Criterion("needs", 4.0, "pairing.engine.scoring:needs_value", "team"),
    Criterion("meeting", 1.0, "pairing.engine.scoring:meeting_value", "team"),
    Criterion("preference", 2.0, "pairing.engine.instance:pair_values",
              block="pairing.engine.instance:preference_block"),
    Criterion("language", 1.0, "pairing.engine.instance:pair_values", block="pairing.engine.instance:language_block"),
    Criterion("load", 1.0, "pairing.engine.scoring:load_value", "mentor", per_pair=False, always_listed=False),
    Criterion("stability", 1.0, "pairing.engine.instance:pair_values", in_team=False, always_listed=False,
              block="pairing.engine.instance:stability_block"),
)

KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY)
TEAM_KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY if c.in_team)
PAIR_KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY if c.per_pair)
PAIR_SCOPE: tuple[str, ...] = tuple(c.key for c in REGISTRY if c.scope == "pair")  # the solvers' PairBlock.linear
BONUS_KEYS: tuple[str, ...] = tuple(c.key for c in REGISTRY if not c.in_team)  # on top of a team's score
BY_KEY = MappingProxyType({c.key: c for c in REGISTRY})


def criterion(key: str) -> Criterion:
    return BY_KEY[key]


def resolve(path: str) -> Callable:
    """The function a criterion names ("module:function"), imported when first asked for."""
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def ordered(keys) -> list[str]:
    """Keys in the registry's order, unknown ones (from an older program) after them."""
    keys = list(keys)
    return [k for k in KEYS if k in keys] + [k for k in keys if k not in BY_KEY]

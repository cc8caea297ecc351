"""The program settings, declared once (issue 8): each setting's type, default and bounds; its title and
description in both languages are the catalogue's `settings.<name>` and `settings.<name>_help`
(pairing/words/catalogue/settings.py). The weights are the criteria registry's (pairing/criteria.py).

Derived from it: the defaults of `domain.Settings`, the storage conversion and the JSON a run keeps
(pairing/storage/convert.py), the options of `pairing solve` with their help and bounds
(pairing/cli/settings_flags.py), the sheets' Settings tab, and the window's settings panel
(ui/pairing_settings.py), and the engine's options (`engine.SolveOptions`, one field per pairing setting). A
pairing setting (`per_run`) is in the panel, a `solve` option and an engine option with no code of its own; `RANGES` pairs a minimum and a maximum into one control and one `MIN-MAX` option.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pairing.calendar import DEFAULT_CALENDAR
from pairing.criteria import REGISTRY
from pairing.words import Lang, Message, msg, render


@dataclass(frozen=True)
class Setting:
    """One program setting: its Python type, default and bounds (inclusive; None: unbounded)."""

    name: str
    type: type
    default: Any
    low: float | None = None
    high: float | None = None
    per_run: bool = True  # a pairing setting: in the settings panel, and `pairing solve` may change it for a run
    flag: str | None = None  # its `pairing solve` option when not the one `option()` makes from its name
    metavar: str | None = None  # the option's value in `--help` (default: N for a whole number, X for another)
    decides_teams: bool = True  # which teams are allowed or best depends on it: a change makes a run out of date
    engine: str | None = None  # its field of the engine's SolveOptions when not its own name

    def engine_name(self) -> str:
        """Its field of `engine.SolveOptions` (every pairing setting is one, pairing/engine/options.py)."""
        return self.engine or self.name

    def option(self) -> str:
        """Its `pairing solve` option: `--time-limit-s X`; a switch says what it does: `--fairness` for a
        setting that is off by default, `--no-require-meeting` for one that is on."""
        if self.flag:
            return self.flag
        word = self.name.replace("_", "-")
        return f"--no-{word}" if self.type is bool and self.default else f"--{word}"

    def title(self, lang: Lang | str = "en") -> str:
        return render(msg(f"settings.{self.name}"), lang)

    def description(self, lang: Lang | str = "en") -> str:
        return render(msg(f"settings.{self.name}_help"), lang)

    def problem(self, value: Any) -> Message | None:
        """Why a value is out of bounds, or None."""
        if self.low is not None and value < self.low or self.high is not None and value > self.high:
            return msg("settings.out_of_bounds", setting=msg(f"settings.{self.name}"), value=value,
                       low=self.low, high=self.high)
        return None

    def to_json(self, value: Any) -> Any:
        if self.type is dt.date:
            return value.isoformat() if value else None
        if self.type is tuple:
            return list(value)
        return value

    def from_json(self, data: Any) -> Any:
        """A stored or JSON value (an older program may lack it: then the default)."""
        if data is None:
            return None if self.type is dt.date else self.default
        if self.type is dt.date:
            return data if isinstance(data, dt.date) else dt.date.fromisoformat(data)
        if self.type is tuple:
            return tuple(data) or self.default
        return self.type(data)


@dataclass(frozen=True)
class Range:
    """Two settings that bound one quantity, shown as one control and given as one option `MIN-MAX`;
    its title and description are `settings.<name>` and `settings.<name>_help`."""

    name: str
    low: str  # the settings holding the minimum and the maximum
    high: str
    flag: str

    def title(self, lang: Lang | str = "en") -> str:
        return render(msg(f"settings.{self.name}"), lang)

    def description(self, lang: Lang | str = "en") -> str:
        return render(msg(f"settings.{self.name}_help"), lang)


SETTINGS: tuple[Setting, ...] = (
    Setting("name", str, "Talent program", per_run=False, decides_teams=False),
    Setting("calendar", tuple, DEFAULT_CALENDAR, per_run=False),
    Setting("start_date", dt.date, None, per_run=False, decides_teams=False),
    Setting("instructors_min", int, 1, 0, 10),
    Setting("instructors_max", int, 2, 0, 10),
    Setting("require_meeting", bool, True, flag="--no-meeting"),  # the option names of BRIEF.md
    Setting("avoid_same_organization", bool, True),
    Setting("fairness", bool, False, flag="--fair", engine="fair"),
    Setting("distinct_mentor_slots", bool, False),  # issue 9 part 6 / issue 10 part 5
    Setting("time_limit_s", float, 10.0, 0.1, 3600.0, flag="--time-limit", metavar="S", decides_teams=False),
    Setting("stability_threshold", float, 5.0, 0.0, 100.0),
)
RANGES: tuple[Range, ...] = (Range("instructors", "instructors_min", "instructors_max", "--instructors"),)
WEIGHT = Setting("weight", float, 1.0, 0.0, 10.0)  # bounds of every criterion's weight
BY_NAME = {s.name: s for s in SETTINGS}
WEIGHT_DEFAULTS = {c.key: c.weight for c in REGISTRY}


def setting(name: str) -> Setting:
    return BY_NAME[name]


def default(name: str) -> Any:
    return BY_NAME[name].default


def pairing_settings() -> tuple[Setting, ...]:
    """The settings of a run, in the schema's order: what the settings panel shows and `solve` may change."""
    return tuple(s for s in SETTINGS if s.per_run)


def team_deciding() -> tuple[str, ...]:
    """The settings (and the weights) on which the teams of a run depend: a run made under other values is
    out of date (the window's banner says so)."""
    return (*(s.name for s in SETTINGS if s.decides_teams), "weights")


def run_items() -> list[Setting | Range]:
    """The pairing settings in the schema's order, a range in the place of its first setting: the rows of
    the settings panel and the options of `pairing solve`."""
    found: list[Setting | Range] = []
    for item in pairing_settings():
        bounded = range_of(item.name)
        if bounded is None:
            found.append(item)
        elif bounded not in found:
            found.append(bounded)
    return found


def range_of(name: str) -> Range | None:
    """The range a setting bounds, if any."""
    return next((r for r in RANGES if name in (r.low, r.high)), None)

"""The program settings, declared once (issue 8): each setting's type, default and bounds; its title and
description in both languages are the catalogue's `settings.<name>` and `settings.<name>_help`
(pairing/words/catalogue/settings.py). The weights are the criteria registry's (pairing/criteria.py).

Derived from it: the defaults of `domain.Settings`, the storage conversion and the JSON a run keeps
(pairing/storage/convert.py), the bounds the command line checks (`pairing solve`), the sheets' Settings
tab, and the window's settings panel.
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


SETTINGS: tuple[Setting, ...] = (
    Setting("name", str, "Talent program"),
    Setting("calendar", tuple, DEFAULT_CALENDAR),
    Setting("start_date", dt.date, None),
    Setting("instructors_min", int, 1, 0, 10),
    Setting("instructors_max", int, 2, 0, 10),
    Setting("require_meeting", bool, True),
    Setting("avoid_same_organization", bool, True),
    Setting("fairness", bool, False),
    Setting("time_limit_s", float, 10.0, 0.1, 3600.0),
    Setting("stability_threshold", float, 5.0, 0.0, 100.0),
)
WEIGHT = Setting("weight", float, 1.0, 0.0, 10.0)  # bounds of every criterion's weight
BY_NAME = {s.name: s for s in SETTINGS}
WEIGHT_DEFAULTS = {c.key: c.weight for c in REGISTRY}


def setting(name: str) -> Setting:
    return BY_NAME[name]


def default(name: str) -> Any:
    return BY_NAME[name].default

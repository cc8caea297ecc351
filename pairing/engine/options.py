"""Solver options (program settings, overridable per run) and the progress values sent while solving."""

from __future__ import annotations

from dataclasses import dataclass, fields

from pairing.domain import Settings
from pairing.schema import pairing_settings


def _from_schema(cls):
    """One option per pairing setting of the schema (pairing/schema.py), named by `Setting.engine_name`,
    with the setting's type and default: a setting added to the schema reaches the engine with no code of
    its own (issue 8 part 3). The search's own fields (seed, workers) follow the class body."""
    own = dict(cls.__annotations__)
    cls.__annotations__ = {s.engine_name(): s.type for s in pairing_settings()} | own
    for s in pairing_settings():
        setattr(cls, s.engine_name(), s.default)
    return cls


@dataclass(frozen=True)
@_from_schema
class SolveOptions:
    """How one run searches: the pairing settings of the schema (hard-rule switches, `time_limit_s`, `fair`,
    `instructors_min`/`_max`, `require_meeting`, `avoid_same_organization`, `distinct_mentor_slots` …),
    then the search's seed and number of workers."""

    seed: int = 0
    workers: int = 2

    @classmethod
    def from_settings(cls, settings: Settings, **overrides) -> "SolveOptions":
        """The options a program's settings ask for; keyword overrides (e.g. from the CLI) win when not None."""
        values = {s.engine_name(): getattr(settings, s.name) for s in pairing_settings()}
        known = {f.name for f in fields(cls)}
        unknown = set(overrides) - known
        if unknown:
            raise TypeError(f"unknown solve options: {', '.join(sorted(unknown))}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


@dataclass(frozen=True)
class Progress:
    """A snapshot of the search: plain values, safe to send across threads."""

    best: float
    bound: float
    elapsed_s: float
    phase: str  # "construct", "improve", "done"

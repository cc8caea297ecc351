"""Solver options (program settings, overridable per run) and the progress values sent while solving."""

from __future__ import annotations

from dataclasses import dataclass, fields

from pairing.domain import Settings


@dataclass(frozen=True)
class SolveOptions:
    """How one run searches: hard-rule switches from the program settings plus search limits."""

    time_limit_s: float = 10.0
    fair: bool = False
    instructors_min: int = 1
    instructors_max: int = 2
    require_meeting: bool = True
    avoid_same_organization: bool = True
    distinct_mentor_slots: bool = False  # each mentor's teams meet at different weekly times (issue 9 part 6)
    seed: int = 0
    workers: int = 2

    @classmethod
    def from_settings(cls, settings: Settings, **overrides) -> "SolveOptions":
        """The options a program's settings ask for; keyword overrides (e.g. from the CLI) win when not None."""
        values = dict(
            time_limit_s=settings.time_limit_s,
            fair=settings.fairness,
            instructors_min=settings.instructors_min,
            instructors_max=settings.instructors_max,
            require_meeting=settings.require_meeting,
            avoid_same_organization=settings.avoid_same_organization,
            distinct_mentor_slots=settings.distinct_mentor_slots,
        )
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

"""What an action changed (a change set of ids) and how to undo it (a plain value), for every action."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable, Mapping

from pairing.domain import Lock
from sqlalchemy.orm import Session


def _ids(values) -> frozenset:
    return frozenset(values or ())


@dataclass(frozen=True)
class ChangeSet:
    """Ids of what an action changed, so that every view can ask "does this concern me?".

    People are roster ids; a renamed person is in `renamed` as (old id, new id) and in `people_changed`
    under the new id. Teams are (run number, director id) pairs.
    """

    people_added: frozenset[str] = frozenset()
    people_changed: frozenset[str] = frozenset()
    people_removed: frozenset[str] = frozenset()
    renamed: tuple[tuple[str, str], ...] = ()
    locks: frozenset[Lock] = frozenset()  # pairs locked or unlocked
    runs_added: frozenset[int] = frozenset()
    runs_changed: frozenset[int] = frozenset()
    runs_removed: frozenset[int] = frozenset()
    teams: frozenset[tuple[int, str]] = frozenset()
    settings: bool = False
    vocabulary: bool = False

    @classmethod
    def of(cls, **changes: Any) -> "ChangeSet":
        """`ChangeSet.of(people_added=["D01"])`: any iterable becomes a frozen set."""
        kept = {"settings", "vocabulary", "renamed"}
        return cls(**{k: (v if k in kept else _ids(v)) for k, v in changes.items()})

    def __or__(self, other: "ChangeSet") -> "ChangeSet":
        merged = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, bool):
                merged[f.name] = mine or theirs
            elif isinstance(mine, tuple):
                merged[f.name] = mine + tuple(x for x in theirs if x not in mine)
            else:
                merged[f.name] = mine | theirs
        return ChangeSet(**merged)

    @property
    def people(self) -> frozenset[str]:
        """Every person id added, changed or removed."""
        return self.people_added | self.people_changed | self.people_removed

    @property
    def runs(self) -> frozenset[int]:
        return self.runs_added | self.runs_changed | self.runs_removed

    @property
    def roster(self) -> bool:
        return bool(self.people or self.renamed)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class Undo:
    """How to undo an action: the name of an undo step and its plain arguments (ids, domain values).

    Holds no session and no widget; `undo(session, step)` carries it out and returns the redo step."""

    step: str
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Done:
    """The outcome of an action: what changed, how to undo it, and the action's own answer (a run id…)."""

    changes: ChangeSet
    undo: Undo | None = None
    value: Any = None


_STEPS: dict[str, Callable[..., Done]] = {}


def undo_step(name: str) -> Callable[[Callable[..., Done]], Callable[..., Done]]:
    """Register a function as the undo step `name`: called as `function(session, **args)`."""

    def register(function: Callable[..., Done]) -> Callable[..., Done]:
        _STEPS[name] = function
        return function

    return register


def undo(session: Session, step: Undo) -> Done:
    """Carry out an undo step in the caller's session; the returned `Done.undo` redoes the action."""
    from pairing import actions  # noqa: F401  (every action module registers its steps on import)

    return _STEPS[step.step](session, **step.args)

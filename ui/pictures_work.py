"""The Pictures page's numbers as plain functions (no Qt): what a change affects, and only that recomputed.

The heatmap is the compatibility of every director with every producer. A pair's score depends only on the
two people of the pair (their genres, languages, needs and skills, free slots, organizations, capacity, whom
their `prefers` and `avoid` lists name), on the settings that decide teams and on whether they were a pair
in the latest run (the stability criterion). So a change recomputes (issue 11):

- a person added or edited: their row (a director) or column (a producer), and the row or column of anyone
  whose `prefers`/`avoid` now names somebody else (a name that became ambiguous, or unique);
- a new run: the rows of the directors whose team changed (the stability criterion reads the latest run);
- a setting that decides teams, or the first run (which switches stability on): the whole matrix;
- a lock, a person's notes only…: a row at most, never the matrix (locks are not part of a pair's score).

Everything here runs on a worker thread; only plain values cross threads. `tests/unit/ui/test_pictures_work.py`
checks that every kind of change gives the engine's own `TeamEvaluator.compatibility_matrix`, to the cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Callable, Sequence

import numpy as np

from pairing.domain import Program, References, Role, RunResult
from pairing.schema import team_deciding
from ui.solve_process import call_in_process, compatibility_matrix

SUBPROCESS_CELLS = 50_000  # pairs: from here a recomputation runs in a child process (it holds the GIL long)
MATRIX_SETTINGS = team_deciding()
NOBODY = "\x00"  # a `prefers`/`avoid` entry that names nobody: no id or name is a NUL character  # the settings a pair's score depends on (declared in pairing/schema.py)


@dataclass(frozen=True)
class MentorLoad:
    mentor: str
    name: str
    role: Role
    used: int
    capacity: int


@dataclass(frozen=True, eq=False)
class PicturesData:
    """Everything the three pictures draw, as plain values computed off the GUI thread."""

    directors: tuple[tuple[str, str], ...] = ()          # (id, name), rows of the heatmap
    producers: tuple[tuple[str, str], ...] = ()          # (id, name), columns of the heatmap
    scores: Any = field(default_factory=lambda: np.zeros((0, 0)))  # pair scores (rows × columns), NaN: forbidden
    chosen: frozenset[tuple[str, str]] = frozenset()     # (director, producer) pairs of the latest run
    loads: tuple[MentorLoad, ...] = ()
    team_scores: tuple[float, ...] = ()
    run_id: int | None = None
    low: float = 0.0                                     # lowest and highest allowed pair score
    high: float = 1.0
    roles: Any = None                                    # the program's role names (issue 10)

    @cached_property
    def row_of(self) -> dict[str, int]:
        return {d: i for i, (d, _name) in enumerate(self.directors)}

    @cached_property
    def column_of(self) -> dict[str, int]:
        return {p: j for j, (p, _name) in enumerate(self.producers)}

    def score(self, row: int, column: int) -> float | None:
        value = float(self.scores[row, column])
        return None if math.isnan(value) else value

    def cell(self, director: str, producer: str) -> tuple[float | None, bool]:
        """The pair's score (None: forbidden) and whether the latest run chose it."""
        return self.score(self.row_of[director], self.column_of[producer]), (director, producer) in self.chosen


@dataclass(frozen=True)
class Affected:
    """What a change between two program values touches in the heatmap: everything, or some rows
    (directors) and columns (producers), by id."""

    whole: bool = False
    directors: frozenset[str] = frozenset()
    producers: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return self.whole or bool(self.directors or self.producers)


@dataclass(frozen=True)
class Computed:
    """A background computation's answer: the program value it was computed from (the next change is measured
    against it), its pictures, what it recomputed, and the page's generation when it was asked for (an answer
    to an older generation is never shown: the program has changed since)."""

    generation: int
    program: Program
    data: PicturesData
    affected: Affected


def _references(program: Program, references: References | None = None) -> dict[str, tuple]:
    """Whom each person's `prefers` and `avoid` name, resolved by the one rule (`domain.References`)."""
    find = (references or References(program.people)).find
    return {p.id: (tuple(find(t) for t in p.prefers), tuple(find(t) for t in p.avoid)) for p in program.people}


def _has_previous(program: Program) -> bool:
    return bool(program.previous and program.previous.teams)


def _previous_teams(program: Program) -> dict[str, frozenset[str]]:
    return {t.director: frozenset(t.mentors) for t in program.previous.teams} if program.previous else {}


def affected_by(before: Program | None, now: Program) -> Affected:
    """Which rows and columns of the heatmap differ between the program as computed and as it is now."""
    if before is None or _has_previous(before) != _has_previous(now) or before.custom_terms != now.custom_terms:
        return Affected(whole=True)
    if any(getattr(before.settings, name) != getattr(now.settings, name) for name in MATRIX_SETTINGS):
        return Affected(whole=True)
    old, new = before.by_id(), now.by_id()
    old_refs, new_refs = _references(before), _references(now)
    changed = {i for i, p in new.items() if old.get(i) != p or old_refs.get(i) != new_refs[i]}
    old_prev, new_prev = _previous_teams(before), _previous_teams(now)
    changed |= {d for d in old_prev.keys() | new_prev.keys() if old_prev.get(d) != new_prev.get(d)}
    return Affected(directors=frozenset(p.id for p in now.directors if p.id in changed),
                    producers=frozenset(p.id for p in now.producers if p.id in changed))


def sub_program(program: Program, directors: Sequence[str], producers: Sequence[str]) -> Program:
    """The program cut to some directors and producers, with the same pair scores between them: `prefers` and
    `avoid` name people by the id the whole roster resolves them to (a name unique among a few people may not
    be unique in the roster); an entry naming nobody in the cut keeps its place (a preference's rank counts
    the entries before it) but names nobody."""
    wanted = set(directors) | set(producers)
    references = _references(program)
    in_cut = lambda ids: tuple(i if i in wanted else NOBODY for i in ids)  # noqa: E731
    kept = []
    for person in program.people:
        if person.id in wanted:
            prefers, avoid = references[person.id]
            kept.append(replace(person, prefers=in_cut(prefers), avoid=in_cut(avoid)))
    return replace(program, people=tuple(kept))


def producer_scores(program: Program) -> np.ndarray:
    """The pair scores of the program's directors (rows) with its producers (columns); NaN where a hard rule
    forbids the pair. The engine's `compatibility_matrix`, cut to producers (a module-level function: it is
    sent to a child process by name)."""
    directors, mentors, rows = compatibility_matrix(program)
    producers = {p.id for p in program.producers}
    columns = [j for j, m in enumerate(mentors) if m in producers]
    scores = np.array(rows, dtype=float).reshape(len(directors), len(mentors))
    return scores[:, columns]


def scores_of(program: Program, directors: Sequence[str], producers: Sequence[str],
              cancel=None) -> np.ndarray | None:
    """The scores of some directors with some producers (in the given orders); None when cancelled."""
    if not directors or not producers:
        return np.zeros((len(directors), len(producers)))
    cut = sub_program(program, directors, producers)
    if len(directors) * len(producers) >= SUBPROCESS_CELLS:
        return call_in_process(producer_scores, cut, cancel=cancel)
    return producer_scores(cut)


def updated_scores(before: PicturesData, director_ids: Sequence[str], producer_ids: Sequence[str],
                   affected: Affected, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The new matrix: the unaffected cells of `before` where they are, `rows` (the affected directors, in
    `director_ids` order, × every producer) and `columns` (every director × the affected producers)."""
    scores = np.full((len(director_ids), len(producer_ids)), np.nan)
    keep_r = [(i, before.row_of[d]) for i, d in enumerate(director_ids)
              if d in before.row_of and d not in affected.directors]
    keep_c = [(j, before.column_of[p]) for j, p in enumerate(producer_ids)
              if p in before.column_of and p not in affected.producers]
    if keep_r and keep_c:
        new_r, old_r = zip(*keep_r)
        new_c, old_c = zip(*keep_c)
        scores[np.ix_(new_r, new_c)] = before.scores[np.ix_(old_r, old_c)]
    changed_r = [i for i, d in enumerate(director_ids) if d in affected.directors or d not in before.row_of]
    changed_c = [j for j, p in enumerate(producer_ids) if p in affected.producers or p not in before.column_of]
    if changed_r:
        scores[changed_r, :] = rows
    if changed_c:
        scores[:, changed_c] = columns
    return scores


def recompute(before: Computed | None, program: Program, cancel=None) -> tuple[np.ndarray, Affected] | None:
    """The heatmap's scores for `program`, recomputing only what changed since `before`; None when cancelled."""
    director_ids = [p.id for p in program.directors]
    producer_ids = [p.id for p in program.producers]
    affected = affected_by(before.program if before else None, program)
    if affected.whole:
        scores = scores_of(program, director_ids, producer_ids, cancel)
        return None if scores is None else (scores, affected)
    old = before.data
    # New people are affected too (their rows and columns were never computed).
    affected = Affected(directors=affected.directors | {d for d in director_ids if d not in old.row_of},
                        producers=affected.producers | {p for p in producer_ids if p not in old.column_of})
    row_ids = [d for d in director_ids if d in affected.directors]
    column_ids = [p for p in producer_ids if p in affected.producers]
    rows = scores_of(program, row_ids, producer_ids, cancel)
    columns = scores_of(program, director_ids, column_ids, cancel)
    if rows is None or columns is None:
        return None
    return updated_scores(old, director_ids, producer_ids, affected, rows, columns), affected


def pictures_data(program: Program, run_id: int | None, result: RunResult | None,
                  scores: np.ndarray | None = None) -> PicturesData:
    """The pictures' values from the heatmap's scores (None: computed here, whole) and the latest run: names,
    chosen pairs, loads, scores."""
    if scores is None:
        scores = scores_of(program, [p.id for p in program.directors], [p.id for p in program.producers])
    names = {p.id: p.name for p in program.people}
    teams = result.teams if result else ()
    scores.flags.writeable = False  # shared with the GUI thread from here on
    allowed = scores[~np.isnan(scores)]
    return PicturesData(
        directors=tuple((d.id, names[d.id]) for d in program.directors),
        producers=tuple((p.id, names[p.id]) for p in program.producers),
        scores=scores,
        chosen=frozenset((t.director, t.producer) for t in teams if t.producer),
        loads=_loads(program, teams),
        team_scores=tuple(t.shown_score for t in teams),
        run_id=run_id,
        low=float(allowed.min()) if allowed.size else 0.0,
        high=float(allowed.max()) if allowed.size else 1.0,
        roles=program.properties.role_names(),
    )


def _loads(program: Program, teams) -> tuple[MentorLoad, ...]:
    used: dict[str, int] = {}
    for team in teams:
        for mentor in team.mentors:
            used[mentor] = used.get(mentor, 0) + 1
    mentors = list(program.producers) + list(program.instructors)
    return tuple(MentorLoad(m.id, m.name, m.role, used.get(m.id, 0), m.effective_capacity) for m in mentors)


def pictures_work(read: Callable[[], tuple], before: Computed | None, generation: int) -> Callable:
    """Background work: read the program and its latest run's number (`read`, a session of its own; the program
    holds that run's result as `previous`), recompute what changed since `before` (the last computation, shown
    or not) and return a `Computed`; None when cancelled."""

    def work(report, cancel) -> Computed | None:
        program, latest = read()
        done = recompute(before, program, cancel)
        if done is None:
            return None
        scores, affected = done
        data = pictures_data(program, latest, program.previous if latest is not None else None, scores)
        return Computed(generation, program, data, affected)

    return work


def concerns_pictures_here(changes) -> bool:
    """Whether this window's change (a `ChangeSet`) concerns the pictures: people, terms, settings or runs.
    Locks and meetings alone do not (no picture draws them)."""
    team_changes = {run for run, _director in changes.teams}
    return bool(changes.roster or changes.vocabulary or changes.settings or changes.runs or team_changes)


PICTURE_TABLES = frozenset({"person", "custom_term", "program", "run", "run_team"})


def concerns_pictures_elsewhere(tables: frozenset[str]) -> bool:
    """Whether another viewer's change (the tables it wrote) concerns the pictures."""
    return bool(tables & PICTURE_TABLES)

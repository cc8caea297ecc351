"""A program compiled for the algorithms: people by index, slot bitmasks, criterion weights, pair scores and
the pairwise hard rules (avoid, organization, a shared slot when meetings are required, capacity)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

import numpy as np

from pairing.criteria import BY_KEY, PAIR_SCOPE, TEAM_KEYS, resolve
from pairing.domain import Person, Program, References, Role, organization_key
from pairing.engine.options import SolveOptions

SCALE = 1000  # the solvers work in integer thousandths of a score point
MEETING_FULL = 3  # shared meeting slots that give a team full meeting marks
DENSE_LIMIT = 120_000_000  # director–mentor pairs up to which every pair value is kept (float32)
PRUNED_K = 30  # candidate arcs kept per director and role
BASE_CRITERIA = TEAM_KEYS  # the criteria normalised together in a team score (pairing/criteria.py)


def meeting_marks(shared: np.ndarray) -> np.ndarray:
    """The meeting criterion, 0–100, of a team (or pair) sharing `shared` free slots: full marks from
    MEETING_FULL slots."""
    return np.minimum(shared, MEETING_FULL) * (100 / MEETING_FULL)


def need_value(level: int) -> float:
    """How well a mentor at skill level 1–5 covers a need: 0.6 at level 1, 0.8 at 3, 1.0 at 5."""
    return 0.5 + min(max(int(level), 1), 5) / 10


def rank_value(rank: int) -> float:
    """Preference points for a rank (1 = first choice): 100, 80, 60, 40, then 20."""
    return float(max(20, 120 - 20 * rank))


@dataclass
class Instance:
    """Everything the algorithms read, indexed: directors 0..D-1, mentors 0..M-1 (producers first)."""

    program: Program
    options: SolveOptions
    directors: tuple[Person, ...]
    mentors: tuple[Person, ...]
    n_producers: int
    weights: dict[str, float]  # normalised: team score = Σ weights[c] × value_c, each value 0–100
    share: float  # the part of a pair criterion one mentor place carries: 1 / (1 + instructors_max)
    slots: tuple[str, ...]
    d_avail: list[int]  # slot bitmasks
    m_avail: list[int]
    capacity: np.ndarray
    d_index: dict[str, int]
    m_index: dict[str, int]
    avoid: set[frozenset[str]]
    previous: dict[str, frozenset[str]]
    locks: list[tuple[int, int]]
    skills: tuple[str, ...]
    genre_d: np.ndarray = field(repr=False, default=None)
    genre_m: np.ndarray = field(repr=False, default=None)
    lang_d: np.ndarray = field(repr=False, default=None)
    lang_m: np.ndarray = field(repr=False, default=None)
    need_d: np.ndarray = field(repr=False, default=None)  # directors × skills, 1 where needed
    level_m: np.ndarray = field(repr=False, default=None)  # mentors × skills, need_value of the level
    slot_d: np.ndarray = field(repr=False, default=None)
    slot_m: np.ndarray = field(repr=False, default=None)
    org_d: np.ndarray = field(repr=False, default=None)
    org_m: np.ndarray = field(repr=False, default=None)
    pref_pairs: dict[tuple[int, int], float] = field(default_factory=dict)  # (d, m) → preference value
    pref_ranks: dict[tuple[int, int], tuple[int | None, int | None]] = field(default_factory=dict)  # who asked
    avoid_pairs: list[tuple[int, int]] = field(default_factory=list)
    stable_pairs: set[tuple[int, int]] = field(default_factory=set)
    blocked: set[int] = field(default_factory=set)  # directors whose locks contradict the rules

    @property
    def lock_set(self) -> frozenset[tuple[int, int]]:
        return frozenset(self.locks)

    @property
    def n_directors(self) -> int:
        return len(self.directors)

    @property
    def n_mentors(self) -> int:
        return len(self.mentors)

    def is_producer(self, m: int) -> bool:
        return m < self.n_producers

    @property
    def producer_range(self) -> range:
        return range(self.n_producers)

    @property
    def instructor_range(self) -> range:
        return range(self.n_producers, self.n_mentors)


# -- compiling ----------------------------------------------------------------------------------

def compile_program(program: Program, options: SolveOptions) -> Instance:
    if options.distinct_mentor_slots and not options.require_meeting:
        # a team's weekly time is a slot all its members share: the rule implies the shared-slot rule
        options = replace(options, require_meeting=True)
    directors = program.directors
    mentors = program.producers + program.instructors
    slots = tuple(program.settings.calendar)
    resolve = _resolver(program)
    inst = Instance(
        program=program, options=options, directors=directors, mentors=mentors,
        n_producers=len(program.producers), weights=_weights(program),
        share=1.0 / (1 + max(options.instructors_max, 0)), slots=slots,
        d_avail=[_mask(p.availability, slots) for p in directors],
        m_avail=[_mask(p.availability, slots) for p in mentors],
        capacity=np.array([p.effective_capacity for p in mentors], dtype=np.int64),
        d_index={p.id: i for i, p in enumerate(directors)},
        m_index={p.id: i for i, p in enumerate(mentors)},
        avoid=_avoid_set(program.people, resolve),
        previous=_previous_teams(program),
        locks=[],
        skills=tuple(sorted({s for p in program.people for s in (*p.needs, *p.skills)})),
    )
    inst.locks = sorted({(inst.d_index[l.director], inst.m_index[l.mentor]) for l in program.locks
                         if l.director in inst.d_index and l.mentor in inst.m_index})
    _fill_arrays(inst, resolve)
    return inst


def _weights(program: Program) -> dict[str, float]:
    raw = program.settings.weights.as_dict()
    has_previous = bool(program.previous and program.previous.teams)
    active = [c for c in BASE_CRITERIA if raw[c] > 0]
    total = sum(raw[c] for c in active)
    total = total if total > 0 else 1.0
    weights = {c: raw[c] / total for c in BASE_CRITERIA}
    # Stability is a bonus on top of a team's score, never part of its normalisation: the same team scores
    # the same on a first run and on a re-proposal (issue 11). Keeping a whole previous team is worth its
    # weight plus the stability threshold in points, so a team changes only when the change gains more
    # than the threshold (issue 3, re-proposal).
    weights["stability"] = (
        raw["stability"] / total + program.settings.stability_threshold / 100 if has_previous else 0.0
    )
    return weights


def _mask(availability, slots) -> int:
    position = {s: i for i, s in enumerate(slots)}
    mask = 0
    for slot in availability:
        if slot in position:
            mask |= 1 << position[slot]
    return mask


def meeting_mask(inst: Instance, d: int, members) -> int:
    """The meeting slots of a team (the director and `members`), as a bitmask over `inst.slots`: the slots
    in which every one of them is free. The one definition (issue 8); `slots_in` names them."""
    mask = inst.d_avail[d]
    for m in members:
        mask &= inst.m_avail[m]
    return mask


def slots_in(inst: Instance, mask: int) -> tuple[str, ...]:
    """The slots of a bitmask, in calendar order."""
    return tuple(s for j, s in enumerate(inst.slots) if mask >> j & 1)


def _resolver(program: Program):
    """Turn an id or a (unique) name from `prefers`/`avoid` into a roster id (`domain.References`)."""
    return References(program.people).find


def _avoid_set(people, resolve) -> set[frozenset[str]]:
    pairs = set()
    for p in people:
        for token in p.avoid:
            other = resolve(token)
            if other and other != p.id:
                pairs.add(frozenset((p.id, other)))
    return pairs


def _previous_teams(program: Program) -> dict[str, frozenset[str]]:
    if not program.previous:
        return {}
    return {t.director: frozenset(t.mentors) for t in program.previous.teams}


def _fill_arrays(inst: Instance, resolve) -> None:
    directors, mentors = inst.directors, inst.mentors
    genres = sorted({g for p in (*directors, *mentors) for g in p.genres})
    languages = sorted({l.strip().casefold() for p in (*directors, *mentors) for l in p.languages})
    inst.genre_d, inst.genre_m = _multi_hot(directors, genres, lambda p: p.genres), _multi_hot(
        mentors, genres, lambda p: p.genres)
    lang = lambda p: [l.strip().casefold() for l in p.languages]  # noqa: E731
    inst.lang_d, inst.lang_m = _multi_hot(directors, languages, lang), _multi_hot(mentors, languages, lang)
    inst.need_d = _multi_hot(directors, inst.skills, lambda p: p.needs)
    inst.level_m = np.zeros((len(mentors), len(inst.skills)), dtype=np.float32)
    skill_col = {s: j for j, s in enumerate(inst.skills)}
    for i, p in enumerate(mentors):
        for skill, level in p.skills.items():
            inst.level_m[i, skill_col[skill]] = need_value(level)
    inst.slot_d = _bits(inst.d_avail, len(inst.slots))
    inst.slot_m = _bits(inst.m_avail, len(inst.slots))
    # "Independent", "自由职业" … mean no organization: they never collide (domain.organization_key).
    keys = {organization_key(p.organization) for p in (*directors, *mentors)} - {""}
    orgs = {o: i for i, o in enumerate(sorted(keys))}
    org = lambda p: orgs.get(organization_key(p.organization), -1)  # noqa: E731
    inst.org_d = np.array([org(p) for p in directors], dtype=np.int64)
    inst.org_m = np.array([org(p) for p in mentors], dtype=np.int64)
    _fill_sparse(inst, resolve)


def _multi_hot(people, vocabulary, items) -> np.ndarray:
    column = {v: j for j, v in enumerate(vocabulary)}
    matrix = np.zeros((len(people), len(vocabulary)), dtype=np.float32)
    for i, p in enumerate(people):
        for item in items(p):
            if item in column:
                matrix[i, column[item]] = 1.0
    return matrix


def _bits(masks: list[int], n_slots: int) -> np.ndarray:
    matrix = np.zeros((len(masks), n_slots), dtype=np.float32)
    for i, mask in enumerate(masks):
        for j in range(n_slots):
            if mask >> j & 1:
                matrix[i, j] = 1.0
    return matrix


def _fill_sparse(inst: Instance, resolve) -> None:
    """Preferences of both sides, avoid pairs and previous pairs, by index."""
    ranks: dict[tuple[int, int], tuple[int | None, int | None]] = {}  # (d, m) → (director's rank, mentor's)
    for d, person in enumerate(inst.directors):
        for rank, token in enumerate(person.prefers, start=1):
            m = inst.m_index.get(resolve(token) or "")
            if m is not None and (d, m) not in ranks:
                ranks[(d, m)] = (rank, None)
    for m, person in enumerate(inst.mentors):
        for rank, token in enumerate(person.prefers, start=1):
            d = inst.d_index.get(resolve(token) or "")
            if d is not None and ranks.get((d, m), (None, None))[1] is None:
                ranks[(d, m)] = (ranks.get((d, m), (None, None))[0], rank)
    inst.pref_ranks = ranks
    inst.pref_pairs = {pair: sum(0.5 * rank_value(r) for r in both if r) for pair, both in ranks.items()}
    inst.avoid_pairs = [(inst.d_index[a], inst.m_index[b]) for pair in inst.avoid for a, b in _orders(pair)
                        if a in inst.d_index and b in inst.m_index]
    inst.stable_pairs = {(inst.d_index[d], inst.m_index[m]) for d, ms in inst.previous.items() for m in ms
                         if d in inst.d_index and m in inst.m_index}


def _orders(pair: frozenset[str]):
    a, b = tuple(pair)
    return ((a, b), (b, a))


# -- pair scores in blocks ------------------------------------------------------------------------

class SparsePairs(NamedTuple):
    """A pair criterion that is 0 except on a few pairs (preferences, previous pairs): the block's rows,
    the mentors and the values (0–100) where it is set."""

    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray


@dataclass
class PairBlock:
    """Per-pair criterion values (0–100) and hard-rule masks for some directors × all mentors.

    The pair criteria are the registry's (pairing/criteria.py, scope "pair"): each is valued on first use by
    its block scorer (`Criterion.block`: `scorer(block)` → a rows × mentors array or `SparsePairs`), so a
    criterion added to the registry is optimised by every solver through `linear`, and a run that does not
    weight a criterion never pays for it. `needs` and `shared` (the team criteria, modelled by the solvers
    themselves) are computed on first use too."""

    rows: np.ndarray
    position: np.ndarray  # each director's row in the block, -1 outside it
    allowed: np.ndarray
    inst: Instance = field(repr=False)
    values: dict[str, np.ndarray | SparsePairs] = field(repr=False, default_factory=dict)

    @property
    def shape(self) -> tuple[int, int]:
        return self.allowed.shape

    def criterion(self, key: str) -> np.ndarray | SparsePairs:
        """A pair criterion as its block scorer gives it (computed once per block)."""
        if key not in self.values:
            self.values[key] = _block_value(self, key)
        return self.values[key]

    def value(self, key: str) -> np.ndarray:
        """A criterion of every pair of the block, 0–100 (a dense array); a team criterion as if the pair
        formed a team alone (`needs`, `meeting`)."""
        if key not in PAIR_SCOPE and hasattr(PairBlock, key):
            return getattr(self, key)
        got = self.criterion(key)
        return _scatter(self.shape, *got) if isinstance(got, SparsePairs) else got

    @cached_property
    def needs(self) -> np.ndarray:
        """Coverage of the director's needs by this mentor alone, 0–100."""
        need_d = self.inst.need_d[self.rows]
        count = need_d.sum(axis=1, keepdims=True)
        return (need_d @ self.inst.level_m.T) * (100.0 / np.maximum(count, 1))

    @cached_property
    def shared(self) -> np.ndarray:
        """Number of shared free slots."""
        return _shared(self.inst, self.rows)

    @property
    def meeting(self) -> np.ndarray:
        """The meeting criterion of each pair as a team of two, 0–100 (full marks from MEETING_FULL slots)."""
        return meeting_marks(self.shared)

    def linear(self, inst: Instance) -> np.ndarray:
        """The part of a team's score a mentor adds on its own: every weighted pair criterion of the registry,
        × its weight and the mentor place's share. Dense criteria in place (one pass each, in the registry's
        order), then the sparse ones only where they are set."""
        w = inst.weights
        weighted = [(self.criterion(key), np.float32(inst.share * w[key])) for key in PAIR_SCOPE if w[key]]
        out = None
        for got, factor in weighted:
            if isinstance(got, SparsePairs):
                continue
            if out is None:
                out = (got * factor).astype(np.float32, copy=False)
            else:
                out += got * factor
        if out is None:
            out = np.zeros(self.shape, dtype=np.float32)
        for got, factor in weighted:
            if isinstance(got, SparsePairs) and len(got.rows):
                out[got.rows, got.cols] += got.values * factor
        return out

    def surrogate(self, inst: Instance, meeting: bool) -> np.ndarray:
        """An optimistic pairwise value: needs as if no two mentors overlapped, meetings as the producer's
        shared slots. Never below what the pair can add to a real team."""
        value = self.linear(inst) + inst.weights["needs"] * self.needs
        if meeting:
            value = value + inst.weights["meeting"] * self.meeting
        return value


_EMPTY = tuple(np.zeros(0, dtype) for dtype in (np.int64, np.int64, np.float32))
for _array in _EMPTY:
    _array.flags.writeable = False  # a shared constant (no module state: tests/.../test_no_hidden_state.py)
del _array


def _shared(inst: Instance, rows: np.ndarray) -> np.ndarray:
    return (inst.slot_d[rows] @ inst.slot_m.T).astype(np.int32)


def pair_block(inst: Instance, rows: np.ndarray) -> PairBlock:
    """The pairs of some directors with every mentor: which are allowed (the pairwise hard rules); the pair
    criteria are valued when asked for."""
    rows = np.asarray(rows, dtype=np.int64)
    position = np.full(inst.n_directors, -1, dtype=np.int64)
    position[rows] = np.arange(len(rows))
    allowed = np.broadcast_to(inst.capacity > 0, (len(rows), inst.n_mentors)).copy()
    if inst.options.avoid_same_organization:
        org_d = inst.org_d[rows][:, None]
        allowed &= ~((org_d == inst.org_m[None, :]) & (org_d >= 0))
    block = PairBlock(rows, position, allowed, inst)
    if inst.options.require_meeting:
        allowed &= block.shared > 0
    avoid_rows, avoid_cols, _ = _block_pairs(position, *_sparse_arrays(inst, "avoid_pairs"))
    allowed[avoid_rows, avoid_cols] = False
    return block


def _block_value(block: PairBlock, key: str) -> np.ndarray | SparsePairs:
    """A pair criterion by its block scorer, or, for one that declares none, by its scorer pair by pair
    (correct, slower; a team criterion the block does not model: the pair as a team alone)."""
    criterion = BY_KEY[key]
    if criterion.block:
        return resolve(criterion.block)(block)
    value, inst = resolve(criterion.scorer), block.inst
    out = np.zeros(block.shape, dtype=np.float32)
    for r, d in enumerate(block.rows):
        for m in range(inst.n_mentors):
            got = value(inst, int(d), m) if criterion.scope == "pair" else value(inst, int(d), [m])
            out[r, m] = got[key] if isinstance(got, dict) else got
    return out


# -- today's pair criteria, a block at a time (the registry's `block` scorers) ------------------------

def genre_block(block: PairBlock) -> np.ndarray:
    """The share of the director's genres the mentor works in."""
    inst, rows = block.inst, block.rows
    genre_count = inst.genre_d[rows].sum(axis=1, keepdims=True)
    return (inst.genre_d[rows] @ inst.genre_m.T) * (100.0 / np.maximum(genre_count, 1))


def language_block(block: PairBlock) -> np.ndarray:
    """100 where director and mentor share a language."""
    inst, rows = block.inst, block.rows
    return ((inst.lang_d[rows] @ inst.lang_m.T) > 0).astype(np.float32) * 100


def preference_block(block: PairBlock) -> SparsePairs:
    """The preference value where either side asked for the other."""
    return SparsePairs(*_block_pairs(block.position, *_sparse_arrays(block.inst, "pref_pairs")))


def stability_block(block: PairBlock) -> SparsePairs:
    """100 where the pair was in a team of the previous run."""
    return SparsePairs(*_block_pairs(block.position, *_sparse_arrays(block.inst, "stable_pairs")))


def _block_pairs(position: np.ndarray, d: np.ndarray, m: np.ndarray, values: np.ndarray):
    """The pairs of a sparse collection that fall in a block, as block row, mentor and value arrays."""
    here = position[d] >= 0
    return position[d[here]], m[here], values[here]


def _scatter(shape, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> np.ndarray:
    out = np.zeros(shape, dtype=np.float32)
    out[rows, cols] = values
    return out


def _sparse_arrays(inst: Instance, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A sparse pair collection of the instance (preferences, previous pairs, avoid pairs) as director,
    mentor and value arrays, built once per collection (blocks read them many times)."""
    source = getattr(inst, name)
    cache = inst.__dict__.setdefault("_sparse", {})
    hit = cache.get(name)
    if hit is not None and hit[0] is source and hit[1] == len(source):
        return hit[2]
    if isinstance(source, dict):
        pairs, values = list(source), [float(v) for v in source.values()]
    else:
        pairs = sorted(source)
        values = [100.0] * len(pairs)  # previous pairs: full stability marks
    d = np.array([p[0] for p in pairs], dtype=np.int64)
    m = np.array([p[1] for p in pairs], dtype=np.int64)
    arrays = (d, m, np.array(values, dtype=np.float32))
    cache[name] = (source, len(source), arrays)
    return arrays


def blocks(inst: Instance, size: int | None = None):
    """All directors in row blocks small enough to keep memory flat."""
    for rows in block_rows(inst, size):
        yield pair_block(inst, rows)


def block_rows(inst: Instance, size: int | None = None):
    """The directors of each block, in order."""
    size = size or max(1, 2_000_000 // max(inst.n_mentors, 1))
    for start in range(0, inst.n_directors, size):
        yield np.arange(start, min(start + size, inst.n_directors))


# -- pairs one by one (evaluation, explanations) ----------------------------------------------------

def pair_values(inst: Instance, d: int, m: int) -> dict[str, float]:
    """The pair criteria of one director–mentor pair, 0–100 each, as pair_block computes them."""
    director, mentor = inst.directors[d], inst.mentors[m]
    genres = set(director.genres)
    langs_d = {l.strip().casefold() for l in director.languages}
    langs_m = {l.strip().casefold() for l in mentor.languages}
    return {
        "genre": 100.0 * len(genres & set(mentor.genres)) / max(len(genres), 1),
        "language": 100.0 if langs_d & langs_m else 0.0,
        "preference": inst.pref_pairs.get((d, m), 0.0),
        "stability": 100.0 if (d, m) in inst.stable_pairs else 0.0,
    }


def forbidden_reason(inst: Instance, d: int, m: int) -> str | None:
    """Which pairwise hard rule a director–mentor pair breaks, as a rule code (`AVOID`, `ORGANIZATION`,
    `MEETING`, `CAPACITY`); None if it is allowed. Sentences are made from the code by
    `pairing.engine.diagnose.pair_rule_message` (issue 8: code never reads a sentence)."""
    if frozenset((inst.directors[d].id, inst.mentors[m].id)) in inst.avoid:
        return AVOID
    if inst.options.avoid_same_organization and inst.org_d[d] >= 0 and inst.org_d[d] == inst.org_m[m]:
        return ORGANIZATION
    if inst.options.require_meeting and not inst.d_avail[d] & inst.m_avail[m]:
        return MEETING
    if inst.capacity[m] <= 0:
        return CAPACITY
    return None


AVOID, ORGANIZATION, MEETING, CAPACITY = "avoid", "organization", "meeting", "capacity"  # pairwise rules


def _who(person: Person) -> str:
    return f"{person.name} ({person.id})" if person.name and person.name != person.id else person.id


who = _who


def role_word(inst: Instance, m: int) -> str:
    return str(Role.PRODUCER) if inst.is_producer(m) else str(Role.INSTRUCTOR)

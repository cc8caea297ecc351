"""solve(): the right algorithm for each case — exact flows when nothing couples a team's mentors, a flow
construction in fixed meeting slots plus CP-SAT improvement when something does — with an honest bound."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from typing import Callable

import numpy as np

from pairing.domain import Program, RunResult, RunStatus
from pairing.engine import (
    columns, cpsat, fair_columns, large_bound, lns, mentor_slots, neighbourhoods, slot_repair, whole_lp,
)
from pairing.engine.bound import (
    ColumnBound, capacity_free_bound, column_bound, flow_bound, lagrangian_bound, next_prices, pairwise_upper,
)
from pairing.engine.candidates import Arcs, build_arcs
from pairing.engine.construct import Teams, top_arcs, constructive, exact_teams, is_complete, previous_start
from pairing.engine.diagnose import core_sentences, possible, precheck
from pairing.engine.instance import SCALE, Instance, compile_program
from pairing.engine.options import Progress, SolveOptions
from pairing.engine.result import assemble, complete_teams, objective, worst_team
from pairing.words import Message

ProgressFn = Callable[[Progress], None]
FULL_MODEL_ARCS = 1_500  # up to this many arcs CP-SAT solves the whole model (and proves optimality)
MODEL_K = 12  # candidates per director and role in larger models
DIAGNOSE_ARCS = 20_000  # largest model searched for an infeasibility core
BOUND_SHARE = 0.15  # part of the time limit spent tightening the bound after the search
LAGRANGIAN_MAX_PAIRS = 20_000_000  # its dense price matrices would not fit in memory beyond this


def is_coupled(inst: Instance) -> bool:
    """True when a rule or a weighted criterion depends on several mentors of one team at once."""
    needs = inst.weights["needs"] > 0 and any(d.needs for d in inst.directors)
    return inst.options.require_meeting or inst.weights["meeting"] > 0 or needs or inst.options.distinct_mentor_slots


def solve(program: Program, options: SolveOptions | None = None, *, progress: ProgressFn | None = None,
          cancel: threading.Event | None = None) -> RunResult:
    """Propose teams for every director, keeping every hard rule; see docs/engine.md."""
    start = time.perf_counter()
    options = options or SolveOptions.from_settings(program.settings)
    inst = compile_program(program, options)
    if not inst.n_directors:
        return RunResult(RunStatus.OPTIMAL, wall_s=time.perf_counter() - start)
    arcs = build_arcs(inst)
    diagnosis = precheck(inst, arcs)
    pairwise = not is_coupled(inst) and not options.fair
    teams, proven = exact_teams(inst, arcs) if pairwise else (_start(inst, arcs), False)
    complete = all(is_complete(inst, d, teams.get(d, [])) for d in range(inst.n_directors))
    if pairwise:  # two independent b-matchings: exact, and a shortfall in either proves no complete pairing
        status = RunStatus.OPTIMAL if proven else RunStatus.FEASIBLE
        result = assemble(inst, teams, arcs, status, float("inf") if not proven else 0.0,
                          time.perf_counter() - start, diagnosis, proven_infeasible=proven and not complete)
        _report(progress, result.objective, result.objective if proven else result.bound, start, "construct")
        _report(progress, result.objective, result.bound, start, "done")
        return result
    best = objective(inst, teams)
    _report(progress, best, float("inf"), start, "construct")
    if cancel is not None and cancel.is_set():
        result = assemble(inst, teams, arcs, RunStatus.CANCELLED, capacity_free_bound(inst, arcs),
                          time.perf_counter() - start, diagnosis)
        _report(progress, result.objective, result.bound, start, "done")
        return result
    infeasible = _proven_by_prechecks(inst, arcs)
    search = None
    fair = None
    if options.fair and _columns_fit(inst) and not infeasible:  # fairness through the team columns (eng-rule)
        fair = fair_columns.search(inst, teams, start, progress=lambda b, s: _report(progress, b, s, start, "improve"),
                                   cancel=cancel)
    if fair is not None:
        teams, bound, status = fair.teams, fair.bound, fair.status
        if not np.isfinite(bound):  # no exact pricing round finished in time
            bound = capacity_free_bound(inst, arcs)
    elif options.fair or not _columns_fit(inst):
        if not complete and _by_neighbourhoods(inst, arcs) and not _others_complete(inst, arcs, teams):
            # feasibility first: the column model around each director the construction left out
            neighbourhoods.repair(inst, arcs, teams, inst.blocked | set(_hopeless(inst, arcs)), options.seed,
                                  start + options.time_limit_s * REPAIR_SHARE, cancel)
            complete = all(is_complete(inst, d, teams.get(d, [])) for d in range(inst.n_directors))
            _report(progress, objective(inst, teams), float("inf"), start, "improve")
        prices = np.zeros(inst.n_mentors)  # the flows' mentor prices: where the column bound starts
        bound = flow_bound(inst, arcs, prices=prices)
        teams, bound, status = _improve(inst, arcs, teams, complete, bound, start, progress, cancel, prices)
        left = options.time_limit_s - (time.perf_counter() - start)
        # (the neighbourhood path spends the time left on its own bound)
        tighter = not (_by_neighbourhoods(inst, arcs) and _others_complete(inst, arcs, teams))
        if status is not RunStatus.OPTIMAL and not (cancel is not None and cancel.is_set()) and left > MIN_CORE_SECONDS \
                and tighter:
            bound = min(bound, _tighter_bound(inst, arcs, teams, start, bound))
    else:
        prices = np.zeros(inst.n_mentors)  # the flows' mentor prices: the first columns are priced under them
        flow_bound(inst, arcs, prices=prices)
        search = columns.search(inst, teams, start, progress=lambda b, s: _report(progress, b, s, start, "improve"),
                                cancel=cancel, hopeless=inst.blocked | set(_hopeless(inst, arcs)),
                                prove_infeasible=not infeasible, prices=prices)
        teams, bound, status = search.teams, search.bound, search.status
        if not np.isfinite(bound):  # no exact pricing round finished in time
            bound = capacity_free_bound(inst, arcs)
    weekly = None
    if options.distinct_mentor_slots:  # weekly slots; frees and re-places what the rule cannot keep (eng-rule)
        if _columns_fit(inst):  # the exact models kept the rule: slots only
            teams, weekly = mentor_slots.keep(inst, arcs, teams)
        else:  # construction and neighbourhoods do not: the column model re-places who is left out
            repair = max(start + options.time_limit_s, time.perf_counter() + 0.2 * options.time_limit_s)
            teams, weekly = slot_repair.keep(inst, arcs, teams, repair, cancel)
    placed_all = all(is_complete(inst, d, teams.get(d, [])) for d in range(inst.n_directors))
    if not placed_all and not infeasible and not (cancel is not None and cancel.is_set()):
        # the solver's minimal core names the rules when the program is small enough to search it; else
        # the master's phase 1 (when it proved the shortfall) names the people and the contested mentors
        left = options.time_limit_s - (time.perf_counter() - start)
        seconds = _core_seconds(left, len(arcs))
        core = _core(inst, arcs, seconds=seconds) if not diagnosis and seconds > 0 else []
        found = core or (search.diagnosis if search is not None and search.proven_infeasible else [])
        infeasible = bool(found)
        diagnosis += found
    result = assemble(inst, teams, arcs, status, bound, time.perf_counter() - start, diagnosis,
                      proven_infeasible=infeasible, weekly=weekly)
    _report(progress, result.objective, result.bound, start, "done")
    return result


CORE_SECONDS, MIN_CORE_SECONDS = 5.0, 0.5  # the infeasibility core's search, within the time left
COLUMN_MAX_PAIRS = 100_000  # director–mentor pairs up to which the team-column model is used (measured: see docs/engine.md)


def _core_seconds(left: float, n_arcs: int) -> float:
    """The core's share: what is left of the time limit, at most CORE_SECONDS; a tiny model (whole-model
    size) gets MIN_CORE_SECONDS even when the search used the whole limit (it is cheap, and it is what
    proves small programs infeasible)."""
    if n_arcs <= FULL_MODEL_ARCS:
        return min(CORE_SECONDS, max(left, MIN_CORE_SECONDS))
    return min(CORE_SECONDS, left) if left > MIN_CORE_SECONDS else 0.0


def _columns_fit(inst: Instance) -> bool:
    return inst.n_directors * inst.n_mentors <= COLUMN_MAX_PAIRS


def _proven_by_prechecks(inst: Instance, arcs: Arcs) -> bool:
    """Pre-checks that prove no pairing places everyone: too little capacity in total, a director no team
    can hold, a director whose locks cannot all be kept."""
    return bool(_capacity_short(inst) or inst.blocked or len(_hopeless(inst, arcs)))


def _capacity_short(inst: Instance) -> bool:
    n = inst.n_directors
    producers = int(inst.capacity[: inst.n_producers].sum())
    instructors = int(inst.capacity[inst.n_producers:].sum())
    return producers < n or instructors < n * inst.options.instructors_min


def explain_infeasible(program: Program, options: SolveOptions | None = None) -> list[Message]:
    """Messages saying which hard rules collide for which people ([] when nothing is found): the
    pre-checks, else the solver's infeasibility core for programs small enough to search it."""
    inst = compile_program(program, options or SolveOptions.from_settings(program.settings))
    arcs = build_arcs(inst)
    return precheck(inst, arcs) or _core(inst, arcs)


def _improve(inst: Instance, arcs: Arcs, teams: Teams, complete: bool, bound: float, start: float,
             progress: ProgressFn | None, cancel: threading.Event | None, prices: np.ndarray | None = None
             ) -> tuple[Teams, float, RunStatus]:
    """Small programs: CP-SAT on the whole model (proves optimality). Larger ones: large-neighbourhood
    search. Fairness and partial pairings: CP-SAT over the best candidates, warm-started."""
    options = inst.options
    # Directors no pairing can place (contradictory locks, no possible mentor) do not stop the search on
    # everybody else: LNS improves the others and those directors are reported unmatched.
    hopeless = inst.blocked | set(_hopeless(inst, arcs))
    others_complete = _others_complete(inst, arcs, teams)
    if others_complete and _by_neighbourhoods(inst, arcs):
        return _neighbourhoods(inst, arcs, teams, bound, start, progress, cancel, hopeless, prices)
    if others_complete and not options.fair and len(arcs) > FULL_MODEL_ARCS:
        model_arcs = _model_arcs(inst, arcs, teams)
        best = [objective(inst, teams)]

        def on_improve(gain: float) -> None:
            best[0] += gain
            _report(progress, best[0], bound, start, "improve")

        search = options.time_limit_s * (1 - BOUND_SHARE)
        teams = lns.improve(inst, model_arcs, teams, max(search - (time.perf_counter() - start), 0.05), options.seed,
                            cancel, on_improve, deadline=start + search)
        cancelled = cancel is not None and cancel.is_set()
        return teams, bound, RunStatus.CANCELLED if cancelled else RunStatus.FEASIBLE
    return _cpsat(inst, arcs, teams, complete, bound, start, progress, cancel)


REPAIR_SHARE = 0.5  # of the time limit, at most, for repairing directors the construction left out
NEIGHBOURHOODS = True  # large coupled programs: the team-column model on neighbourhoods (False: the CP-SAT LNS
# over each director's best candidates that ran before issue 9 — kept for bench_engine's comparison)
SEARCH_SHARE = 0.98  # of the time limit for the neighbourhood search and its pricing passes (the rest: results)
# after the whole LP, the search's units end here, short of that net, so that they and not the wall clock
# end it on an idle machine (at 10,000 they came within 0.3 s of the net, and two runs gave different teams)
SEARCH_UNITS_SHARE = 0.94
FIRST_PASS_SHARE = 0.3  # the first full pricing pass runs when its estimated cost is at most this share
PASS_DEADLINE_SHARE = 0.5  # the first pass stops by this share of the limit (the directors left: pairwise)
PASS_MAX_PAIRS = 30_000_000  # and the program has at most this many pairs (memory: measured 1.7 GB at 85 M)
FINAL_PASS_SHARE = 0.25  # a subgradient pass at the end is planned when two passes cost at most this share
BOUND_PASSES = 40  # subgradient passes at most
TIGHTEN_SHARE = 0.35  # of the time limit at most for tightening the bound above PASS_MAX_PAIRS (large_bound.py)
SETUP_PAIR_COST = 1.5e-7  # construction and flow bound, per director–mentor pair (deterministic units)


def _neighbourhoods(inst: Instance, arcs: Arcs, teams: Teams, bound: float, start: float,
                    progress: ProgressFn | None, cancel: threading.Event | None, hopeless: set[int],
                    prices: np.ndarray | None) -> tuple[Teams, float, RunStatus]:
    """Large coupled programs: the team-column model on neighbourhoods (neighbourhoods.py), guided by the
    duals. First a full pricing pass under the flow bound's mentor prices gives a proven bound — the
    team-column Lagrangian, below the flow bound for the same prices — and each director's reduced cost
    (what its best priced team beats its own by), which orders the seeds of the neighbourhoods (without
    the pass: the pairwise reduced costs under the same prices). After the search, subgradient passes
    lower the bound in the time left. The search budget is in deterministic units (the same teams for
    the same seed with one worker); the time limit is the safety net."""
    options = inst.options
    limit = options.time_limit_s
    deadline = start + limit * SEARCH_SHARE
    best = [objective(inst, teams)]
    proven = [bound]

    def on_improve(gain: float) -> None:
        best[0] += gain
        _report(progress, best[0], proven[0], start, "improve")

    def priced_bound(value: float) -> None:
        proven[0] = value
        _report(progress, best[0], proven[0], start, "improve")

    def priced(mu: np.ndarray, until: float, fallback: np.ndarray | None = None) -> ColumnBound:
        # over complete pairings only when one can exist; else every director may also have no team
        done = column_bound(inst, mu, until, complete=not hopeless, fallback=fallback)
        if done.value < proven[0]:
            proven[0] = done.value
            _report(progress, best[0], proven[0], start, "improve")
        return done

    pairs = inst.n_directors * inst.n_mentors
    pass_cost = pairs * neighbourhoods.PASS_PAIR_COST
    if prices is not None and whole_lp.fits(inst) and not _stopped(cancel):  # the whole-program LP (eng-large)
        whole = whole_lp.search(inst, arcs, teams, start, prices, cancel=cancel, hopeless=hopeless,
                                setup=pairs * SETUP_PAIR_COST,
                                report=lambda b, s: _report(progress, b, min(s, proven[0]), start, "improve"))
        teams, best[0], proven[0] = whole.teams, objective(inst, whole.teams), min(proven[0], whole.bound)
        budget = limit * SEARCH_UNITS_SHARE - pairs * SETUP_PAIR_COST - whole.spent
        search = neighbourhoods.improve(inst, arcs, teams, budget, options.seed, deadline=deadline, cancel=cancel,
                                        on_improve=on_improve, hopeless=hopeless, reduced=whole.reduced)
        return search.teams, proven[0], RunStatus.CANCELLED if _stopped(cancel) else RunStatus.FEASIBLE
    first = prices is not None and pass_cost <= limit * FIRST_PASS_SHARE and pairs <= PASS_MAX_PAIRS
    final = first and 2 * pass_cost <= limit * FINAL_PASS_SHARE
    began = time.perf_counter()
    fallback = pairwise_upper(inst, arcs, prices) if first else None
    done = priced(prices, start + limit * PASS_DEADLINE_SHARE, fallback) if first and not _stopped(cancel) else None
    lasted = time.perf_counter() - began
    # above PASS_MAX_PAIRS (10,000 directors) no full pass: the bound from restricted pricing, then the
    # loosest directors priced exactly (large_bound.py, eng-10k); measured there, its units lower the bound
    # far more than the search's last units raise the score, so it runs first, within TIGHTEN_SHARE
    large = None
    if prices is not None and not first and large_bound.fits(inst, arcs, PASS_MAX_PAIRS) and not _stopped(cancel):
        large = large_bound.first(inst, arcs, prices, complete=not hopeless,
                                  deadline=start + limit * PASS_DEADLINE_SHARE, cancel=cancel)
        if large is not None:
            priced_bound(min(proven[0], large.value))
            large_bound.tighten(large, limit * TIGHTEN_SHARE, start + limit * PASS_DEADLINE_SHARE, cancel,
                                on_bound=lambda value: priced_bound(min(proven[0], value)))
    if done is not None and done.upper is not None:
        reduced = neighbourhoods.reduced_costs(inst, teams, prices, done.upper)
    elif large is not None:
        reduced = neighbourhoods.reduced_costs(inst, teams, prices, large.upper)
    else:
        reduced = neighbourhoods.pairwise_reduced(inst, arcs, teams, prices) if prices is not None else None
    budget = limit * SEARCH_SHARE - pairs * SETUP_PAIR_COST - pass_cost * (int(first) + int(final))
    budget -= large.spent if large is not None else 0.0
    # (eng-10k) above PASS_MAX_PAIRS a move sees only its directors' arcs when more than
    # neighbourhoods.RESTRICT_ABOVE mentors have a place (measured there: more moves, a higher score)
    search = neighbourhoods.improve(inst, arcs, teams, max(budget, 0.0), options.seed, deadline=deadline,
                                    cancel=cancel, on_improve=on_improve, hopeless=hopeless, reduced=reduced,
                                    restrict=large is not None)
    teams = search.teams
    if large is not None and not _stopped(cancel):
        left = limit * SEARCH_SHARE - pairs * SETUP_PAIR_COST - large.spent - search.spent
        large_bound.tighten(large, left, deadline, cancel,
                            on_bound=lambda value: priced_bound(min(proven[0], value)))
        proven[0] = min(proven[0], large.value)
    # subgradient passes on the bound while a pass fits in the time left (each as long as the last one),
    # the step halved after a pass that did not lower it, at most BOUND_PASSES, until it stalls
    step, stall, lower = 1.0, 0, objective(inst, teams)
    for _ in range(BOUND_PASSES if done is not None and done.demand is not None else 0):
        if _stopped(cancel) or deadline - time.perf_counter() < lasted or stall >= 3:
            break
        began = time.perf_counter()
        trial = priced(next_prices(inst, done, lower, step), deadline)
        lasted = time.perf_counter() - began
        if trial.demand is not None and trial.value < done.value:
            done, stall = trial, 0
        else:
            step, stall = step / 2, stall + 1
    return teams, proven[0], RunStatus.CANCELLED if _stopped(cancel) else RunStatus.FEASIBLE


def _stopped(cancel: threading.Event | None) -> bool:
    return cancel is not None and cancel.is_set()


def _others_complete(inst: Instance, arcs: Arcs, teams: Teams) -> bool:
    """Every director a pairing can place has a complete team."""
    hopeless = inst.blocked | set(_hopeless(inst, arcs))
    return all(is_complete(inst, d, teams.get(d, [])) for d in range(inst.n_directors) if d not in hopeless)


def _by_neighbourhoods(inst: Instance, arcs: Arcs) -> bool:
    """Large coupled programs, not in fairness mode, go to the team-column model on neighbourhoods."""
    return NEIGHBOURHOODS and not inst.options.fair and len(arcs) > FULL_MODEL_ARCS and is_coupled(inst)


def _hopeless(inst: Instance, arcs: Arcs) -> list[int]:
    return [int(d) for d in np.nonzero(~possible(inst, arcs))[0]]


def _cpsat(inst, arcs, teams, complete, bound, start, progress, cancel) -> tuple[Teams, float, RunStatus]:
    options = replace(inst.options, time_limit_s=inst.options.time_limit_s * (1 - BOUND_SHARE))
    full = arcs.complete and len(arcs) <= FULL_MODEL_ARCS
    model_arcs = arcs if full else _model_arcs(inst, arcs, teams)
    tm = cpsat.build_model(inst, model_arcs, partial=not complete)
    cpsat.hint(tm, teams)
    remaining = max(options.time_limit_s - (time.perf_counter() - start), 0.05)
    # Small whole models solve well on one worker, which keeps them exactly repeatable.
    workers = 1 if full else options.workers
    if options.fair:
        _fair_stage(tm, remaining / 2, workers, cancel)
        remaining = max(options.time_limit_s - (time.perf_counter() - start), 0.05)

    def on_solution(best: float, solver_bound: float) -> None:
        _report(progress, best, min(bound, solver_bound) if full else bound, start, "improve")

    out = cpsat.run(tm, remaining, options.seed, workers, cancel=cancel,
                    on_solution=None if not complete else on_solution)
    cancelled = cancel is not None and cancel.is_set()
    if out.teams is not None and _better(inst, out.teams, teams):
        teams = out.teams
    if full and complete and out.teams is not None and not options.fair:
        bound = min(bound, out.bound + len(tm.terms) * 0.5 / SCALE)
    if cancelled:
        return teams, bound, RunStatus.CANCELLED
    proven = full and out.status == cpsat.cp_model.OPTIMAL
    return teams, bound, RunStatus.OPTIMAL if proven else RunStatus.FEASIBLE


def _start(inst: Instance, arcs: Arcs) -> Teams:
    """The construction, or on re-proposal the previous teams that still hold if they score better. Only
    complete teams: a director left without one holds no mentor's place (the construction keeps its locked
    mentors while it tries; the search, the neighbourhoods and CP-SAT's hint must see those places free)."""
    built = constructive(inst, arcs)
    kept = previous_start(inst, arcs)
    if inst.options.distinct_mentor_slots:  # the construction does not model the rule: repair it
        built = mentor_slots.keep(inst, arcs, built)[0]
        kept = mentor_slots.keep(inst, arcs, kept)[0] if kept is not None else None
    return complete_teams(inst, kept if kept is not None and _better(inst, kept, built) else built)


def _tighter_bound(inst: Instance, arcs: Arcs, teams: Teams, start: float, bound: float) -> float:
    """The Lagrangian bound in the time left (the share kept for it, see bound.py)."""
    if inst.n_directors * inst.n_mentors > LAGRANGIAN_MAX_PAIRS:
        return float("inf")
    seconds = max(inst.options.time_limit_s - (time.perf_counter() - start), 0.05)
    return lagrangian_bound(inst, arcs, objective(inst, teams), seconds, initial=bound)


def _better(inst: Instance, new: Teams, old: Teams) -> bool:
    """More directors placed first; then, in fairness mode, the worst team (load aside); then the total."""
    return _rank(inst, new) >= _rank(inst, old)


def _rank(inst: Instance, teams: Teams) -> tuple:
    placed = sum(1 for d, ms in teams.items() if is_complete(inst, d, ms))
    if inst.options.fair:
        return placed, round(worst_team(inst, teams, without_load=True), 6), objective(inst, teams)
    return placed, objective(inst, teams)


def _model_arcs(inst: Instance, arcs: Arcs, teams: Teams) -> Arcs:
    """The best arcs of each director plus the construction's and the locked ones."""
    top = top_arcs(inst, arcs, MODEL_K)
    keep = {(int(d), int(m)) for d, m in zip(top.d, top.m)}
    keep |= {(d, m) for d, ms in teams.items() for m in ms} | set(inst.locks)
    mask = np.array([(int(d), int(m)) in keep for d, m in zip(arcs.d, arcs.m)], dtype=bool)
    pruned = arcs.select(mask)
    pruned.complete = False
    return pruned


def _fair_stage(tm: cpsat.TeamModel, time_limit: float, workers: int, cancel) -> None:
    """Fairness mode (issue 3): with as many directors placed as possible, maximise the worst placed
    team's score (load aside: it belongs to mentors), then keep it while maximising the total."""
    model, options = tm.model, tm.inst.options
    partial = any(not isinstance(p, int) for p in tm.placed.values())
    if partial:
        out = cpsat.run(tm, time_limit / 3, options.seed, workers, cancel=cancel)
        if out.teams is not None:
            model.add(sum(tm.placed.values()) >= len(out.teams))
            cpsat.hint(tm, out.teams)
    worst = model.new_int_var(-10**9, 10**9, "worst")
    for d in tm.directors:
        slack = 10**9 * (1 - tm.placed[d]) if partial else 0
        model.add(worst <= sum(c * v for c, v in tm.team_terms[d]) + slack)
    model.maximize(worst)
    out = cpsat.run(tm, time_limit / 2, options.seed, workers, cancel=cancel)
    if out.teams is not None:
        model.add(worst >= int(round(out.objective * SCALE)))
        cpsat.hint(tm, out.teams)
    model.maximize(sum(c * v for c, v in tm.terms))


def _core(inst: Instance, arcs: Arcs, seconds: float = 5.0) -> list[Message]:
    """The solver's own infeasibility core, for programs small enough to search it."""
    if len(arcs) > DIAGNOSE_ARCS:
        return []
    deadline = time.perf_counter() + seconds
    tm = cpsat.build_model(inst, arcs, with_assumptions=True)
    out = cpsat.run(tm, max(deadline - time.perf_counter(), 0.01), inst.options.seed, 1, assumptions=True)
    return core_sentences(inst, _minimal(tm, out.core, deadline))


def _minimal(tm: cpsat.TeamModel, core: list[tuple[str, tuple]], deadline: float | None = None
             ) -> list[tuple[str, tuple]]:
    """Drop every rule group the collision does not need (deletion filter; a few small solves), so the
    sentence names only the people and rules that truly collide. Within `deadline` (a perf_counter time):
    past it the groups not yet tried stay in (still a core, only perhaps not the smallest)."""
    literal_of = {group: literal for literal, group in tm.assumptions.items()}
    kept = list(core)
    for group in list(core):
        trial = [g for g in kept if g != group]
        if not trial:
            continue
        left = 0.5 if deadline is None else min(0.5, deadline - time.perf_counter())
        if left <= 0.01:
            break
        tm.model.clear_assumptions()
        tm.model.add_assumptions([literal_of[g] for g in trial])
        solver = cpsat.cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = left
        if solver.solve(tm.model) == cpsat.cp_model.INFEASIBLE:
            kept = trial
    return kept


def _report(progress: ProgressFn | None, best: float, bound: float, start: float, phase: str) -> None:
    if progress is not None:
        progress(Progress(best=best, bound=max(bound, best), elapsed_s=time.perf_counter() - start, phase=phase))

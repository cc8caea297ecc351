"""The restricted master's dual by accelerated gradient on its smoothed form, for the whole-program LP of
large programs (whole_lp.py), where HiGHS's interior point took ~13 s a solve at 10,000 directors.

With the director duals eliminated, the restricted master's dual is to minimise over mentor prices μ

    F(μ) = Σ_d max(−UNPLACED, max_{c of d} (value(c) − Σ_{m ∈ c} μ_m)) + Σ_{m,k} max(gain(m, k) + μ_m, 0),

the Lagrangian of master.Master.lagrangian over the pool's columns only: convex, piecewise linear, and
its minimum is the restricted LP's value (LP duality). Smoothed at temperature τ — each max over a
director's columns by τ·log Σ exp(·/τ), each level's max(·, 0) by τ·log(1 + exp(·/τ)) — it becomes
differentiable, with the gradient

    ∂F_τ/∂μ_m = Σ_k σ((gain(m, k) + μ_m)/τ)  −  Σ_{c ∋ m} x_τ(c),
    x_τ = each director's softmax over its columns (and leaving it unplaced),

so x_τ is a fractional choice of teams (a primal: the LP's solution as τ falls) and the gradient is how
far each mentor's load levels are from its teams. F_τ exceeds F by at most τ·log(columns + 1) per director
and τ·log 2 per level, so a falling τ (continuation: 1, 0.3, 0.1, 0.03 points) reaches prices whose F
is within a few hundredths of a per cent of the restricted LP's value (measured at 2,000 and 10,000
directors: docs/engine.md); a first minimisation, from prices that may be far, starts hotter
(COLD_TAUS). Each τ is minimised by FISTA (Beck and Teboulle, 2009) with backtracking on the step and the
gradient restart of O'Donoghue and Candès (2015).

The prices need not be the LP's exact duals: they only steer pricing, whose Lagrangian bound holds for
any prices. Everything is plain arithmetic in a fixed order: the same pool and start give the same prices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import njit

from pairing.engine.master import UNPLACED  # a director without a team (the master's u(d) column)

TAUS = (1.0, 0.3, 0.1, 0.03)  # the temperatures of the continuation, in points of score, from near prices
# from prices that may be far (the first minimisation): larger temperatures first, whose longer steps
# travel far — prices of the order of UNPLACED when mentors are too few for every director (measured: from
# zero, 600 steps at (1 … 0.03) ended 9% above such an LP's value; from 100, at it — though in some such
# programs still ~0.5% above: the prices then steer pricing less well, every bound stays proven)
COLD_TAUS = (100.0, 30.0, 10.0, 3.0) + TAUS
MAX_STEPS = 500  # gradient steps per temperature at most (a stage usually stalls within 40-80)
STALL = 1e-7  # a temperature ends when 10 steps lower F_τ by less than this share of it
STEP_GROWTH = 0.9  # after each accepted step the Lipschitz estimate shrinks by this (backtracking doubles it)


@dataclass
class Restricted:
    """The restricted master's columns as arrays: director, members (padded with the sentinel index
    n_mentors, whose price is 0), value without load; and the mentors' load levels, flattened."""

    n_directors: int
    n_mentors: int
    d: np.ndarray
    members: np.ndarray
    value: np.ndarray
    level_mentor: np.ndarray
    level_gain: np.ndarray


@dataclass
class Dual:
    """Prices μ near the restricted LP's optimum, the restricted Lagrangian F(μ) there (≥ the LP's value),
    the smoothed choice of teams (per pool column) and the primal value it gives (≈ the LP's value),
    and the gradient steps taken."""

    mu: np.ndarray
    value: float
    x: np.ndarray
    primal: float
    steps: int


def level_arrays(gains: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Each load level's mentor and gain, flattened (master.level_gains' lists)."""
    if not gains:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    mentor = np.concatenate([np.full(len(g), m, dtype=np.int64) for m, g in enumerate(gains)])
    return mentor, np.concatenate([np.asarray(g, dtype=np.float64) for g in gains])


def minimise(pool: Restricted, start: np.ndarray, taus: tuple[float, ...] = TAUS) -> Dual:
    """Prices near the restricted master's dual optimum, from `start` (the last round's prices)."""
    n_m = pool.n_mentors
    mu = np.r_[np.asarray(start, dtype=np.float64), 0.0]  # the sentinel's price stays 0
    work = _Work(pool)
    steps = 0
    for tau in taus:
        mu, taken = _fista(work, mu, tau)
        steps += taken
    value = _exact(mu, pool.d, pool.members, pool.value, pool.n_directors, pool.level_mentor, pool.level_gain,
                   work.share, work.best)
    _smoothed(mu, taus[-1], pool.d, pool.members, pool.value, pool.n_directors, pool.level_mentor,
              pool.level_gain, work.grad, work.share, work.best, work.z)
    x = work.share.copy()
    primal = float(x @ pool.value) + _levels_value(mu, taus[-1], pool) - UNPLACED * _unplaced(work, taus[-1])
    return Dual(mu[:n_m].copy(), value, x, primal, steps)


class _Work:
    """Scratch arrays for one minimisation (allocated once)."""

    def __init__(self, pool: Restricted) -> None:
        self.pool = pool
        self.grad = np.zeros(pool.n_mentors + 1)
        self.share = np.zeros(len(pool.d))
        self.best = np.zeros(pool.n_directors)
        self.z = np.zeros(pool.n_directors)

    def smoothed(self, mu: np.ndarray, tau: float) -> tuple[float, np.ndarray]:
        p = self.pool
        value = _smoothed(mu, tau, p.d, p.members, p.value, p.n_directors, p.level_mentor, p.level_gain,
                          self.grad, self.share, self.best, self.z)
        return value, self.grad.copy()


def _fista(work: _Work, mu: np.ndarray, tau: float) -> tuple[np.ndarray, int]:
    """Minimise F_τ from mu: accelerated gradient, backtracking on the Lipschitz estimate, restarted when
    the momentum points uphill; ends when ten steps gain less than STALL of the value, or at MAX_STEPS."""
    lipschitz = 1.0 / tau
    x, y, t = mu.copy(), mu.copy(), 1.0
    fy, gy = work.smoothed(y, tau)
    history = []
    for step in range(MAX_STEPS):
        while True:
            nxt = y - gy / lipschitz
            fx, _ = work.smoothed(nxt, tau)
            if fx <= fy - 0.5 * float(gy @ gy) / lipschitz + 1e-9 * max(abs(fy), 1.0):
                break
            lipschitz *= 2.0
        t_next = (1.0 + math.sqrt(1.0 + 4.0 * t * t)) / 2.0
        if float(gy @ (nxt - x)) > 0.0:  # the momentum points uphill: restart from the new point
            y, t_next = nxt.copy(), 1.0
        else:
            y = nxt + (t - 1.0) / t_next * (nxt - x)
        x, t = nxt, t_next
        history.append(fx)
        if len(history) > 10 and history[-11] - fx < STALL * max(abs(fx), 1.0):
            return x, step + 1
        fy, gy = work.smoothed(y, tau)
        lipschitz *= STEP_GROWTH
    return x, MAX_STEPS


def _levels_value(mu: np.ndarray, tau: float, pool: Restricted) -> float:
    """The load levels' gain under the smoothed fill σ((gain + μ)/τ)."""
    t = (pool.level_gain + mu[pool.level_mentor]) / tau
    return float((pool.level_gain / (1.0 + np.exp(-np.clip(t, -500, 500)))).sum())


def _unplaced(work: _Work, tau: float) -> float:
    """The smoothed share of the directors left without a team (after `_smoothed` at τ)."""
    return float((np.exp((-UNPLACED - work.best) / tau) / work.z).sum())


@njit(cache=True)
def _smoothed(mu, tau, d, members, value, n_d, level_mentor, level_gain, grad, share, best, z):
    """F_τ(μ); its gradient into `grad`, the softmax shares into `share`; `best` and `z` per director
    (the max and the sum of exponentials behind the log-sum-exp)."""
    n_c, width = members.shape
    _priced(mu, d, members, value, n_d, share, best)
    for i in range(n_d):
        z[i] = math.exp((-UNPLACED - best[i]) / tau)
    for c in range(n_c):
        e = math.exp((share[c] - best[d[c]]) / tau)
        share[c] = e
        z[d[c]] += e
    total = 0.0
    for i in range(n_d):
        total += best[i] + tau * math.log(z[i])
    for m in range(grad.shape[0]):
        grad[m] = 0.0
    for c in range(n_c):
        p = share[c] / z[d[c]]
        share[c] = p
        for k in range(width):
            grad[members[c, k]] -= p
    for level in range(level_gain.shape[0]):
        m = level_mentor[level]
        t = (level_gain[level] + mu[m]) / tau
        if t > 0.0:  # softplus and sigmoid, written to never overflow
            total += tau * (t + math.log1p(math.exp(-t)))
            grad[m] += 1.0 / (1.0 + math.exp(-t))
        else:
            e = math.exp(t)
            total += tau * math.log1p(e)
            grad[m] += e / (1.0 + e)
    grad[grad.shape[0] - 1] = 0.0  # the sentinel's price is fixed at 0
    return total


@njit(cache=True)
def _priced(mu, d, members, value, n_d, out, best):
    """Each column's value less its members' prices into `out`; each director's best of them (−UNPLACED
    without one: the master's unplaced column) into `best`."""
    n_c, width = members.shape
    for i in range(n_d):
        best[i] = -UNPLACED
    for c in range(n_c):
        v = value[c]
        for k in range(width):
            v -= mu[members[c, k]]
        out[c] = v
        if v > best[d[c]]:
            best[d[c]] = v


@njit(cache=True)
def _exact(mu, d, members, value, n_d, level_mentor, level_gain, scratch, best):
    """F(μ) itself: each director's best column (or UNPLACED) plus every level worth taking."""
    _priced(mu, d, members, value, n_d, scratch, best)
    total = 0.0
    for i in range(n_d):
        total += best[i]
    for level in range(level_gain.shape[0]):
        total += max(level_gain[level] + mu[level_mentor[level]], 0.0)
    return total


def warm_up() -> None:
    """Compile the two kernels once (Numba keeps them on disk beside the module; `make` runs this)."""
    restricted = Restricted(1, 1, np.zeros(1, dtype=np.int32), np.array([[0, 1]], dtype=np.int32), np.ones(1),
                            np.zeros(1, dtype=np.int64), np.ones(1))
    minimise(restricted, np.zeros(1), (1.0,))

"""Exact pricing passes on two cores: this process prices the blocks of directors from the front while a
helper process prices them from the back, until they meet (issue 9, 2,000 directors: a pricing pass is
~75% of a whole-LP round, and the engine used one of the machine's two cores).

Each block's result depends only on the block, the prices and the floor (pricing._price_block), never on
who prices it, so the pass is merged in block order and is the same as pricing.price's: determinism holds
whatever the split. The helper is a plain child (`python -c HELPER`, not
multiprocessing: the app's solver already runs in a daemonic multiprocessing child, which may not have
children of its own, and forking a process that runs HiGHS's threads is unsafe). It gets the compiled
program once, builds its own Space, and prices the blocks it is sent; it ends when told, and on its own
when this process ends (its input closes), so it never outlives the solve. Should it fail, this process
prices what it held.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections import deque

import numpy as np

from pairing.engine.instance import Instance
from pairing.engine.pricing import Priced, Space, _price_block, build_space

MIN_PAIRS = 1_000_000  # director × mentor pairs from which a helper pays for its start (~0.4 s on the other core)
IN_FLIGHT = 2  # blocks sent to the helper ahead (one priced, one waiting), so it never waits for this process
HELPER = "from pairing.engine.price_pool import main; main()"  # the helper's program
POLL_S = 0.05  # while waiting for the helper, the deadline and cancel are looked at this often
STOP_S = 2.0  # how long a helper may take to end when told before it is killed


def helper_cores() -> int:
    """How many helpers can price at once: the cores this process may use, less its own (at most one)."""
    if getattr(sys, "frozen", False):  # a bundled app: sys.executable is the app, not Python
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if cores >= 2 else 0


class Pricer:
    """Pricing passes for one program (`price` = pricing.price's pass, exact or with `restrict` heuristic),
    with a helper process when `helper` is true. Use as a context manager: the helper ends with it."""

    def __init__(self, space: Space, helper: bool) -> None:
        self.space = space
        self._proc: subprocess.Popen | None = None
        self._inbox: queue.Queue = queue.Queue()
        self._outbox: queue.Queue = queue.Queue()
        self._ready = False
        self._pass = 0
        self._threads: list[threading.Thread] = []
        self.helper_blocks = 0  # blocks the helper priced, all passes (for the record and the tests)
        if helper:
            self._start()

    @property
    def helped(self) -> bool:
        """Whether a helper is started (the pass's cost in deterministic units halves: whole_lp)."""
        return self._proc is not None

    def _start(self) -> None:
        try:
            self._proc = subprocess.Popen([sys.executable, "-c", HELPER], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": _root_path()})
        except OSError:
            self._proc = None
            return
        self._threads = [
            threading.Thread(target=_write, args=(self._proc.stdin, self._outbox), daemon=True,
                             name="pricing-helper-writer"),
            threading.Thread(target=_read, args=(self._proc.stdout, self._inbox), daemon=True,
                             name="pricing-helper-reader")]
        for thread in self._threads:
            thread.start()
        self._outbox.put(("space", self.space.inst))

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the helper has the program (False: no helper, or not within `timeout` seconds)."""
        until = time.monotonic() + timeout
        while self._proc is not None and not self._ready and time.monotonic() < until:
            try:
                message = self._inbox.get(timeout=max(until - time.monotonic(), 0.0))
            except queue.Empty:
                break
            if message is None:
                self._lost(set(), deque())
            elif message[0] == "ready":
                self._ready = True
        return self._ready

    def __enter__(self) -> Pricer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._proc is None:
            return
        self._end(kill=False)

    def _end(self, kill: bool) -> None:
        """End the helper (told to, or killed), then its threads and pipes."""
        proc, self._proc = self._proc, None
        self._ready = False
        self._outbox.put(None)  # the writer closes the helper's input: it ends
        if kill:
            proc.kill()
        try:
            proc.wait(STOP_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for thread in self._threads:
            thread.join(STOP_S)
        proc.stdout.close()

    def price(self, prices: np.ndarray, floor: np.ndarray, *, per_director: int, directors: np.ndarray,
              deadline: float | None = None, cancel: threading.Event | None = None,
              restrict: int | None = None) -> Priced:
        """pricing.price(space, prices, floor, per_director=…, directors=…, deadline=…, restrict=…) on both
        cores (with `restrict`, the heuristic pass over each director's most promising mentors); also
        stopped by `cancel` (checked before each block and while waiting for the helper's): the blocks not
        priced then get an infinite upper value and the pass says it is incomplete, as at the deadline."""
        space = self.space
        n = space.inst.n_directors
        wanted = np.asarray(directors, dtype=np.int64)
        blocks = [wanted[s: s + space.block] for s in range(0, len(wanted), space.block)]
        done: list[tuple | None] = [None] * len(blocks)
        todo = deque(range(len(blocks)))
        sent: set[int] = set()
        self._pass += 1
        header = False

        def stopped() -> bool:
            return (deadline is not None and time.perf_counter() > deadline) or (cancel is not None and cancel.is_set())

        while todo or sent:
            self._collect(done, sent, todo, wait=False)
            if self._proc is not None and self._ready:
                while todo and len(sent) < IN_FLIGHT and not stopped():
                    if not header:
                        self._outbox.put(("pass", self._pass, prices, floor, per_director, restrict))
                        header = True
                    i = todo.pop()
                    sent.add(i)
                    self._outbox.put(("block", self._pass, i, blocks[i]))
            if stopped():
                break
            if todo:
                i = todo.popleft()
                rows = blocks[i]
                done[i] = _price_block(space, rows, prices, floor[rows], per_director, True, False, restrict)
            elif sent:
                self._collect(done, sent, todo, wait=True, stopped=stopped)
        best = np.full(n, -np.inf)
        upper = np.full(n, -np.inf)
        found = []
        work = 0
        for rows, result in zip(blocks, done):
            if result is None:
                upper[rows] = np.inf
                continue
            best[rows], upper[rows] = result[0], result[1]
            found.extend(result[2])
            work += result[3]
        return Priced(best, upper, found, complete=all(r is not None for r in done), work=work)

    def _collect(self, done: list, sent: set[int], todo: deque, wait: bool, stopped=None) -> None:
        """The helper's answers of this pass into `done` (waiting for one when `wait`, until `stopped()`
        says the pass is over: its blocks then stay unpriced); should the helper have ended, the blocks it
        held go back to `todo` for this process."""
        while True:
            try:
                message = self._inbox.get(timeout=POLL_S) if wait else self._inbox.get_nowait()
            except queue.Empty:
                if wait and stopped is not None and stopped():
                    return
                if wait and self._proc is not None and self._proc.poll() is None:
                    continue
                if wait:
                    self._lost(sent, todo)
                return
            wait = False
            if message is None:  # the helper ended (crashed or killed): this process prices the rest
                self._lost(sent, todo)
                return
            if message[0] == "ready":
                self._ready = True
            elif message[0] == "done" and message[1] == self._pass and message[2] in sent:
                sent.discard(message[2])
                done[message[2]] = message[3:]
                self.helper_blocks += 1

    def _lost(self, sent: set[int], todo: deque) -> None:
        if self._proc is not None:
            self._end(kill=True)
        todo.extend(sorted(sent))
        sent.clear()


def _root_path() -> str:
    """The directory holding the `pairing` package, first on the helper's module path."""
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    rest = os.environ.get("PYTHONPATH")
    return here if not rest else here + os.pathsep + rest


def _write(stream, outbox: queue.Queue) -> None:
    """Writer thread: pickles the messages to the helper in order; None closes its input."""
    try:
        while (message := outbox.get()) is not None:
            pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
            stream.flush()
    except (BrokenPipeError, OSError, ValueError):
        pass
    finally:
        try:
            stream.close()
        except OSError:
            pass


def _read(stream, inbox: queue.Queue) -> None:
    """Reader thread: the helper's answers into `inbox`; None once it has ended."""
    try:
        while True:
            inbox.put(pickle.load(stream))
    except (EOFError, OSError, ValueError, pickle.UnpicklingError):
        inbox.put(None)


def serve(source, sink) -> None:
    """The helper's loop: the program, then passes (prices, floor, columns per director) and their blocks,
    each answered with its result; ends at the end of its input."""
    space: Space | None = None
    current: tuple | None = None
    while True:
        try:
            message = pickle.load(source)
        except EOFError:
            return
        kind = message[0]
        if kind == "space":
            inst: Instance = message[1]
            space = build_space(inst)
            reply = ("ready",)
        elif kind == "pass":
            current = message[1:]
            continue
        else:
            _, number, index, rows = message
            if space is None or current is None or current[0] != number:
                continue  # a block of a pass that has moved on
            _, prices, floor, per_director, restrict = current
            best, upper, columns, steps = _price_block(space, rows, prices, floor[rows], per_director, True, False,
                                                       restrict)
            reply = ("done", number, index, best, upper, columns, steps)
        pickle.dump(reply, sink, protocol=pickle.HIGHEST_PROTOCOL)
        sink.flush()


def main() -> None:
    sink = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else written to standard output goes to standard error, not into the answers
    try:
        serve(sys.stdin.buffer, sink)
    except BrokenPipeError:
        pass


"""The engine in a child process: same result as in-process, progress over the pipe, cancel keeps the best."""

import threading

import pytest

from pairing import engine
from pairing.domain import RunStatus, Settings
from pairing.synthetic import synthetic_program
from ui.solve_process import (
    SearchProcessEnded, SolverProcessError, call_in_process, solve_in_process, team_alternatives,
)


def test_a_child_process_returns_what_the_engine_returns_with_progress():
    program = synthetic_program(12, seed=3, settings=Settings(require_meeting=False))
    options = engine.SolveOptions.from_settings(program.settings, workers=1, time_limit_s=5.0)
    seen = []
    result = solve_in_process(program, options, progress=seen.append, cancel=threading.Event())
    expected = engine.solve(program, options)
    assert result.status == expected.status
    assert [(t.director, t.producer, t.instructors) for t in result.teams] == \
        [(t.director, t.producer, t.instructors) for t in expected.teams]
    assert seen and all(isinstance(p, engine.Progress) for p in seen)


def test_cancel_stops_the_child_and_keeps_its_best_teams():
    program = synthetic_program(60, seed=5)
    options = engine.SolveOptions.from_settings(program.settings, workers=1, time_limit_s=120.0)
    cancel = threading.Event()
    result = solve_in_process(program, options, progress=lambda _p: cancel.set(), cancel=cancel)
    assert result.status is RunStatus.CANCELLED
    assert len(result.teams) + len(result.unmatched) == 60
    assert result.wall_s < 60


def test_an_engine_call_in_a_child_gives_the_same_alternatives_and_reports_errors():
    program = synthetic_program(12, seed=3, settings=Settings(require_meeting=False))
    result = engine.solve(program, engine.SolveOptions.from_settings(program.settings, workers=1))
    director = result.teams[0].director
    assert call_in_process(team_alternatives, program, result, director, "en", limit=3) == \
        team_alternatives(program, result, director, "en", limit=3)
    with pytest.raises(SolverProcessError, match="KeyError"):
        call_in_process(team_alternatives, program, result, "nobody", "en", limit=3)


def test_cancel_abandons_an_engine_call_at_once():
    import time

    cancel = threading.Event()
    timer = threading.Timer(0.5, cancel.set)
    timer.start()
    started = time.perf_counter()
    assert call_in_process(time.sleep, 60, cancel=cancel) is None
    assert time.perf_counter() - started < 30
    timer.cancel()


def test_quitting_cancels_a_running_operation_and_forgets_finished_ones(qtbot):
    from PySide6.QtCore import SIGNAL, QObject, Signal

    from ui.operations import Operation
    from ui.responsiveness import cancel_on_quit

    class App(QObject):  # stands in for the application: its real aboutToQuit is not ours to emit
        aboutToQuit = Signal()

    app = App()

    def wait_for_cancel(report, cancel):
        cancel.wait(20)
        return "stopped" if cancel.is_set() else "timed out"

    running = Operation(wait_for_cancel)
    cancel_on_quit(running, app.aboutToQuit)
    with qtbot.wait_signal(running.finished, timeout=30_000) as blocker:
        running.start()
        app.aboutToQuit.emit()
    assert blocker.args == ["stopped"]
    done = Operation(lambda report, cancel: "done")
    cancel_on_quit(done, app.aboutToQuit)
    with qtbot.wait_signal(done.finished, timeout=10_000):
        done.start()
    assert app.receivers(SIGNAL("aboutToQuit()")) == 0  # each hook was removed when its operation ended


def test_a_search_process_killed_by_the_system_is_said_in_the_curators_language():
    """What the out-of-memory killer does to a long search (issue 11: a Propose that fails): the search ends
    with a sentence in either language naming how its process ended, not Python's English."""
    import multiprocessing
    import os
    import signal

    from pairing.words import Renderer

    program = synthetic_program(60, seed=5)
    options = engine.SolveOptions.from_settings(program.settings, workers=1, time_limit_s=120.0)

    def kill_the_search(_progress) -> None:
        for child in multiprocessing.active_children():
            if child.name == "pairing-solver":
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(SearchProcessEnded) as ended:
        solve_in_process(program, options, progress=kill_the_search, cancel=threading.Event())
    assert ended.value.exit_code == -signal.SIGKILL
    assert "-9" in ended.value.sentence(Renderer("en")) and "内存不足" in ended.value.sentence(Renderer("zh"))

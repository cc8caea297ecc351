"""Background operations deliver progress, results, failures and cancellation on the GUI thread."""

import threading

from PySide6.QtCore import QThread

from pairing.errors import UserError
from ui.operations import Operation


def _collect(operation, qtbot, signal):
    with qtbot.wait_signal(signal, timeout=5000) as blocker:
        operation.start()
    return blocker.args


def test_the_result_arrives_on_the_gui_thread(qtbot):
    seen = {}

    def work(report, cancel):
        seen["worker"] = QThread.currentThread()
        report(50)
        return "done"

    operation = Operation(work)
    progress = []
    operation.progressed.connect(progress.append)
    operation.finished.connect(lambda _result: seen.setdefault("receiver", QThread.currentThread()))
    assert _collect(operation, qtbot, operation.finished) == ["done"]
    assert progress == [50]
    assert seen["worker"] is not seen["receiver"]
    qtbot.wait_until(lambda: not operation.running)  # its own slot runs after the test's, in a later event


def test_a_user_error_becomes_a_sentence(qtbot):
    def work(report, cancel):
        raise UserError("roster.csv, line 3: the name is missing.")

    operation = Operation(work)
    assert _collect(operation, qtbot, operation.failed) == ["roster.csv, line 3: the name is missing."]


def test_cancel_stops_work_that_returns_nothing(qtbot):
    started = threading.Event()

    def work(report, cancel):
        started.set()
        cancel.wait(5)
        return None

    operation = Operation(work)
    with qtbot.wait_signal(operation.cancelled, timeout=5000):
        operation.start()
        assert started.wait(5)
        operation.cancel()

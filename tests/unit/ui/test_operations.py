"""Background operations deliver progress, results, failures and cancellation on the GUI thread."""

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

from pairing.errors import UserError
from ui.operations import Operation, _Relay


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


# -- the widget that asked is deleted at each point of the work's life (issue 11: a segfault) ----------------

WAIT_S = 10


class Asker(QWidget):
    """A widget that asked for background work; every callback that reaches it is written down, with whether
    the widget was still alive (a callback reaching a deleted widget is the bug, whatever it then does)."""

    def __init__(self, reached: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reached = reached

    def progressed(self, value) -> None:
        self.reached.append(("progressed", value, Shiboken.isValid(self)))

    def finished(self, result) -> None:
        self.reached.append(("finished", result, Shiboken.isValid(self)))

    def failed(self, message) -> None:
        self.reached.append(("failed", message, Shiboken.isValid(self)))

    def cancelled(self) -> None:
        self.reached.append(("cancelled", None, Shiboken.isValid(self)))


def ask(asker: Asker, work, pool: QThreadPool) -> Operation:
    """What the pages do (run_in_background), on a pool of the test's own: bound methods and a lambda."""
    operation = Operation(work, asker)
    operation.progressed.connect(asker.progressed)
    operation.finished.connect(asker.finished)
    operation.failed.connect(asker.failed)
    operation.cancelled.connect(asker.cancelled)
    operation.finished.connect(lambda result: asker.reached.append(("lambda", result, Shiboken.isValid(asker))))
    operation.start(pool)
    return operation


def settle(pool: QThreadPool) -> None:
    """Let every worker end, then deliver everything they queued and every deletion asked for (no sleep)."""
    assert pool.waitForDone(WAIT_S * 1000)
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def relays() -> int:
    return sum(isinstance(child, _Relay) for child in QCoreApplication.instance().children())


def _delete_widget(asker: Asker, window: QWidget) -> None:
    Shiboken.delete(asker)  # at once, as a parent deletes its children


def _delete_widget_later(asker: Asker, window: QWidget) -> None:
    asker.deleteLater()  # as pytest-qt and WA_DeleteOnClose do
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _delete_window(asker: Asker, window: QWidget) -> None:
    Shiboken.delete(window)  # the window goes, and the page in it


DELETIONS = pytest.mark.parametrize("delete", [_delete_widget, _delete_widget_later, _delete_window],
                                    ids=["widget", "widget-later", "window"])


class Work:
    """Background work that reports and returns at the moments the test chooses; it writes down whether it
    saw the cancel flag, and any error its own `report` raised (the worker emitting on a deleted object)."""

    def __init__(self, *, block: bool = True) -> None:
        self.started, self.release, self.reported = threading.Event(), threading.Event(), threading.Event()
        self.block = block
        self.saw_cancel: list[bool] = []
        self.errors: list[BaseException] = []
        self.ended = threading.Event()

    def __call__(self, report, cancel):
        self.started.set()
        self.saw_cancel.append(cancel.is_set())
        try:
            report("early")
            self.reported.set()
            if self.block:
                assert self.release.wait(WAIT_S)
            self.saw_cancel.append(cancel.is_set())
            for step in range(20):
                report(step)
        except BaseException as exc:  # noqa: BLE001 - written down for the test to show
            self.errors.append(exc)
            raise
        finally:
            self.ended.set()
        return "late"


@pytest.fixture
def one_thread():
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    yield pool
    pool.waitForDone(WAIT_S * 1000)


@pytest.fixture
def window(qtbot):
    window = QWidget()
    yield window
    if Shiboken.isValid(window):
        Shiboken.delete(window)


def _assert_nothing_reached_and_nothing_left(reached, work, operation, relays_before) -> None:
    assert reached == []
    assert work.errors == []  # the worker's reports never met a deleted object
    assert not Shiboken.isValid(operation)  # the operation went with its widget
    assert relays() == relays_before  # the worker's relay was deleted once the worker had ended


@DELETIONS
def test_deleted_before_the_work_begins(qtbot, one_thread, window, delete):
    """The pool is busy: the work is queued, not begun, when its widget goes; it begins cancelled."""
    busy, reached, before = Work(), [], relays()
    ask(Asker([], window), busy, one_thread)
    assert busy.started.wait(WAIT_S)
    work = Work(block=False)
    asker = Asker(reached, window)
    operation = ask(asker, work, one_thread)
    delete(asker, window)
    busy.release.set()
    settle(one_thread)
    assert work.ended.is_set() and work.saw_cancel == [True, True]
    _assert_nothing_reached_and_nothing_left(reached, work, operation, before)


@DELETIONS
def test_deleted_while_the_work_runs(qtbot, one_thread, window, delete):
    """Gone mid-work: the work is cancelled, its later reports and result reach nobody."""
    work, reached, before = Work(), [], relays()
    asker = Asker(reached, window)
    operation = ask(asker, work, one_thread)
    assert work.started.wait(WAIT_S)
    delete(asker, window)
    work.release.set()
    settle(one_thread)
    assert work.saw_cancel == [False, True]
    _assert_nothing_reached_and_nothing_left(reached, work, operation, before)


@DELETIONS
def test_deleted_while_its_progress_is_queued(qtbot, one_thread, window, delete):
    """A report sent, not yet delivered, when the widget goes: dropped with it."""
    work, reached, before = Work(), [], relays()
    asker = Asker(reached, window)
    operation = ask(asker, work, one_thread)
    assert work.reported.wait(WAIT_S)
    delete(asker, window)
    work.release.set()
    settle(one_thread)
    _assert_nothing_reached_and_nothing_left(reached, work, operation, before)


@DELETIONS
def test_deleted_while_its_result_is_queued(qtbot, one_thread, window, delete):
    """The work has ended and its result waits in the GUI thread's queue when the widget goes."""
    work, reached, before = Work(block=False), [], relays()
    asker = Asker(reached, window)
    operation = ask(asker, work, one_thread)
    assert one_thread.waitForDone(WAIT_S * 1000)  # ended; its signals are queued, not delivered
    delete(asker, window)
    settle(one_thread)
    _assert_nothing_reached_and_nothing_left(reached, work, operation, before)


def test_a_living_widget_gets_everything_then_the_operation_and_its_relay_go(qtbot, one_thread, window):
    work, reached, before = Work(block=False), [], relays()
    operation = ask(Asker(reached, window), work, one_thread)
    with qtbot.wait_signal(operation.destroyed, timeout=WAIT_S * 1000):
        pass
    settle(one_thread)
    assert [r[0] for r in reached] == ["progressed"] * 21 + ["finished", "lambda"]
    assert all(alive for *_, alive in reached) and work.saw_cancel == [False, False]
    assert relays() == before


def test_a_report_from_a_thread_that_outlives_the_work_reaches_nobody(qtbot, one_thread, window):
    """A work that leaves a thread of its own reporting after it returned: that report is dropped, it never
    meets the relay the worker has already given up."""
    reached, late, errors = [], threading.Event(), []

    def late_report(report):
        late.wait(WAIT_S)
        try:
            report("too late")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = []

    def work(report, cancel):
        threads.append(threading.Thread(target=late_report, args=(report,)))
        threads[0].start()
        return "done"

    operation = ask(Asker(reached, window), work, one_thread)
    with qtbot.wait_signal(operation.destroyed, timeout=WAIT_S * 1000):
        pass
    settle(one_thread)
    late.set()
    threads[0].join(WAIT_S)
    settle(one_thread)
    assert [r[0] for r in reached] == ["finished", "lambda"] and errors == []


# -- the garbage collector runs on the GUI thread only (issue 11: a segfault in gc on a worker) ---------------

def test_background_work_never_runs_the_garbage_collector(qtbot, one_thread):
    """A worker that makes cyclic garbage past every threshold: no collection starts on its thread (the
    conftest installs the application's collector for qtbot tests), and the GUI thread frees the garbage."""
    import gc
    import weakref

    collections: list[str] = []

    def seen(phase, info) -> None:
        if phase == "start":
            collections.append(threading.current_thread().name)

    class Node:
        pass

    freed = []

    def work(report, cancel):
        for _ in range(20 * gc.get_threshold()[0]):
            node = Node()
            node.self = node  # only the cyclic collector frees it
        weakref.finalize(node, freed.append, True)
        return threading.current_thread().name

    gc.callbacks.append(seen)
    try:
        operation = Operation(work)
        with qtbot.wait_signal(operation.finished, timeout=WAIT_S * 1000) as ended:
            operation.start(one_thread)
        assert ended.args[0] not in collections  # no collection on the worker's thread
        qtbot.wait_until(lambda: freed == [True], timeout=WAIT_S * 1000)  # the GUI thread collected it
    finally:
        gc.callbacks.remove(seen)
    assert set(collections) == {threading.main_thread().name}


def test_a_widget_kept_only_by_its_callback_goes_cleanly_when_the_work_ends(qtbot):
    """A top-level widget nothing else keeps: its callback (a lambda over it) is the last reference. The
    operation lets go of it outside any slot or destructor; before, it died inside the destructor of its own
    child, the operation ("shared QObject was deleted directly", then a crash)."""
    import weakref

    from ui.operations import run_in_background

    shown = []
    asker = QWidget()
    run_in_background(lambda report, cancel: "done", parent=asker,
                      on_finished=lambda result, asker=asker: shown.append((result, asker.isVisible())))
    gone = weakref.ref(asker)
    del asker
    qtbot.wait_until(lambda: gone() is None, timeout=WAIT_S * 1000)
    assert shown == [("done", False)]

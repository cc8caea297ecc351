"""Background operations: run a plain function off the GUI thread, report progress, allow cancel.

The function receives `report(value)` and a `threading.Event` cancel flag; only plain values and
ids cross threads. Results come back on the GUI thread through the operation's signals.

Who lives how long (issue 11: a widget deleted while its work ran crashed the process):

- The worker never touches the `Operation`. It emits on a `_Relay` of its own, which nothing else deletes:
  the worker asks for the relay's deletion itself, after its last signal (`deleteLater` is thread-safe and
  the deletion happens on the GUI thread, after the queued signals it sent). A QObject must never be
  deleted while another thread emits on it; before, the operation was deleted with its widget, or by its
  own `deleteLater` slot as soon as the first slot of `finished` had run, while the worker was still
  inside that emit.
- The relay reaches the operation through queued connections to the operation's own slots. The operation
  lives on the GUI thread, as the child of the widget that asked for it: when that widget is deleted,
  Qt deletes the operation with it, drops the queued signals addressed to it, and the work is cancelled.
  Nothing the work sends afterwards reaches anybody: the callbacks are connected to the operation, which
  is gone.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from shiboken6 import Shiboken

from pairing.errors import UserError
from pairing.actions.program import ProgramFileError
from ui.i18n import data_lang, say_fault
from ui.responsiveness import QUIT_WAIT_MS

log = logging.getLogger(__name__)

Work = Callable[[Callable[[Any], None], threading.Event], Any]
USER_ERRORS = (UserError, ProgramFileError, ValueError, OSError)


class Operation(QObject):
    """One background job. Signals: progressed(value), finished(result), failed(message), cancelled().

    `parent`: the widget that asked for the work; the operation dies with it (the work is then cancelled
    and its results reach nobody). Without one, the application owns the operation until it ends. Either
    way the operation deletes itself once it has ended, so callers may simply forget it.
    Signals are emitted on the GUI thread; connect to them before `start()`.
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_flag = threading.Event()
        self.running = False
        self.lang = data_lang()  # failures are said in the window's language at the time the work began
        self._callbacks: dict[str, list[Callable]] = {}

    def on(self, kind: str, callback: Callable) -> None:
        """Call `callback` on `kind` ("progressed", "finished", "failed", "cancelled"), before the signal.

        Unlike a connection, the operation holds the callback in Python and lets go of it outside any slot
        or destructor once the work has ended: a callback may hold the last reference to its widget (a
        lambda over `self`), and a widget deleted while its own child was being destroyed, or inside that
        child's slot, crashed (seen with a widget that nothing else kept)."""
        self._callbacks.setdefault(kind, []).append(callback)

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run the work on a pool thread."""
        if self.parent() is None:
            self.setParent(QCoreApplication.instance())  # owned by Qt, deleted on the GUI thread
        relay = _Relay(self.cancel_flag)
        queued = Qt.ConnectionType.QueuedConnection  # the relay is emitted on from the worker thread
        relay.progressed.connect(self._progressed, queued)
        relay.finished.connect(self._finished, queued)
        relay.failed.connect(self._failed, queued)
        relay.cancelled.connect(self._cancelled, queued)
        self.destroyed.connect(relay.cancel)  # dying with its widget cancels the work (a direct call)
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runner(self._work, self.cancel_flag, self.lang, relay))

    def cancel(self) -> None:
        """Ask the work to stop; it returns what it has (a solve keeps its best pairing)."""
        self.cancel_flag.set()

    @Slot(object)
    def _progressed(self, value: Any) -> None:
        self._deliver("progressed", self.progressed, value)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._deliver("finished", self.finished, result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._deliver("failed", self.failed, message)

    @Slot()
    def _cancelled(self) -> None:
        self._deliver("cancelled", self.cancelled)

    def _deliver(self, kind: str, signal, *args) -> None:
        callbacks = self._callbacks.get(kind, [])
        if kind != "progressed":
            self._end()
        try:
            for callback in callbacks:
                callback(*args)
        finally:
            if Shiboken.isValid(self):  # a callback may have deleted its widget, and this operation with it
                signal.emit(*args)

    def _end(self) -> None:
        self.running = False
        self.deleteLater()  # after the slots of this last signal have run (this is the GUI thread)
        held, self._callbacks = self._callbacks, {}
        QTimer.singleShot(0, held.clear)  # let go of the callbacks in an event of their own

    @Slot()
    def stop_and_wait(self) -> None:
        """The application quits (`ui.responsiveness.cancel_on_quit`): cancel the work and let it end cleanly
        (a cancelled proposal still saves its best teams) before Python shuts down."""
        if self.running:
            self.cancel()
            QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS)


class _Relay(QObject):
    """What one worker emits on. Owned by the application (never by a widget, never by a Python reference
    that the worker thread could drop), and deleted only when the worker asks, after its last signal."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, cancel_flag: threading.Event) -> None:
        super().__init__(QCoreApplication.instance())
        self._cancel_flag = cancel_flag

    @Slot()
    def cancel(self) -> None:
        """Its operation was deleted (with the widget that asked): the work has nobody left to tell."""
        self._cancel_flag.set()


class _Runner(QRunnable):
    """The worker's side: runs the work and emits on the relay, never on the operation."""

    def __init__(self, work: Work, cancel_flag: threading.Event, lang: str, relay: _Relay) -> None:
        super().__init__()
        self._work, self._cancel_flag, self._lang, self._relay = work, cancel_flag, lang, relay
        self._open = True
        self._lock = threading.Lock()  # a report from a thread of the work never races the relay's deletion

    def run(self) -> None:
        try:
            kind, value = self._outcome()
            with self._lock:
                getattr(self._relay, kind).emit(*value)
        finally:
            with self._lock:
                self._open = False
                self._relay.deleteLater()  # after the signals already queued; a later report is dropped

    def report(self, value: Any) -> None:
        with self._lock:
            if self._open:
                self._relay.progressed.emit(value)

    def _outcome(self) -> tuple[str, tuple]:
        try:
            result = self._work(self.report, self._cancel_flag)
        except USER_ERRORS as exc:
            return "failed", (str(exc) if isinstance(exc, ValueError) else say_fault(exc, self._lang),)
        except Exception as exc:  # a bug, not a user mistake: log it, still tell the user in a sentence
            log.error("background operation failed:\n%s", traceback.format_exc())
            return "failed", (say_fault(exc, self._lang),)
        if self._cancel_flag.is_set() and result is None:
            return "cancelled", ()
        return "finished", (result,)


def run_in_background(
    work: Work,
    *,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_progress: Callable[[Any], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QObject | None = None,
    quit_cancels: bool = False,
) -> Operation:
    """Create an operation, connect the callbacks (before it can emit), and start it.

    `parent`: the widget whose callbacks these are; its deletion cancels the work and no callback is
    called after it (give it whenever a callback touches a widget).
    `quit_cancels`: quitting the application cancels the work and lets it end cleanly first (a long
    solve or export), see `ui.responsiveness.cancel_on_quit`.
    """
    operation = Operation(work, parent)
    if quit_cancels:
        from ui.responsiveness import cancel_on_quit

        cancel_on_quit(operation)
    for kind, callback in (("finished", on_finished), ("failed", on_failed), ("progressed", on_progress),
                           ("cancelled", on_cancelled)):
        if callback is not None:
            operation.on(kind, callback)
    operation.start()
    return operation

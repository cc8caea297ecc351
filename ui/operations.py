"""Background operations: run a plain function off the GUI thread, report progress, allow cancel.

The function receives `report(value)` and a `threading.Event` cancel flag; only plain values and
ids cross threads. Results come back on the GUI thread through the operation's signals.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken

from pairing.errors import UserError
from pairing.actions.program import ProgramFileError
from ui.i18n import data_lang, say_fault

log = logging.getLogger(__name__)

Work = Callable[[Callable[[Any], None], threading.Event], Any]
USER_ERRORS = (UserError, ProgramFileError, ValueError, OSError)


class Operation(QObject):
    """One background job. Signals: progressed(value), finished(result), failed(message), cancelled().

    Connect to the signals before `start()`: they are queued to the GUI thread.
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

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run the work on a pool thread. The operation is owned by Qt (its parent, or the application)
        and deleted on the GUI thread once it has ended, so callers may simply forget it: were the worker
        to drop the last Python reference, the QObject would otherwise die on the worker thread."""
        if self.parent() is None:
            self.setParent(QCoreApplication.instance())
        self.running = True
        for signal in (self.finished, self.failed, self.cancelled):
            signal.connect(self._stop)
            signal.connect(self.deleteLater)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def cancel(self) -> None:
        """Ask the work to stop; it returns what it has (a solve keeps its best pairing)."""
        self.cancel_flag.set()

    def _stop(self, *_args) -> None:
        self.running = False

    def _run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self.cancel_flag)
        except USER_ERRORS as exc:
            self.failed.emit(str(exc) if isinstance(exc, ValueError) else say_fault(exc, self.lang))
        except Exception as exc:  # a bug, not a user mistake: log it, still tell the user in a sentence
            if not Shiboken.isValid(self):
                return  # the window that asked for the work was closed meanwhile: nobody is left to tell
            log.error("background operation failed:\n%s", traceback.format_exc())
            self.failed.emit(say_fault(exc, self.lang))
        else:
            if self.cancel_flag.is_set() and result is None:
                self.cancelled.emit()
            else:
                self.finished.emit(result)


class _Runner(QRunnable):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        self._operation = operation

    def run(self) -> None:
        try:
            self._operation._run()
        except RuntimeError:  # "Signal source has been deleted": its window was closed while it ran
            if Shiboken.isValid(self._operation):
                raise


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

    `quit_cancels`: quitting the application cancels the work and lets it end cleanly first (a long
    solve or export), see `ui.responsiveness.cancel_on_quit`.
    """
    operation = Operation(work, parent)
    if quit_cancels:
        from ui.responsiveness import cancel_on_quit

        cancel_on_quit(operation)
    for signal, slot in (
        (operation.finished, on_finished), (operation.failed, on_failed),
        (operation.progressed, on_progress), (operation.cancelled, on_cancelled),
    ):
        if slot is not None:
            signal.connect(slot)
    operation.start()
    return operation

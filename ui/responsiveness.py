"""Keep the window responsive: GC pauses out of the way, and background work stopped when the window quits.

A full collection walks every tracked object while holding the GIL, whichever thread triggers it.
Measured with benchmarks/bench_gui_stall.py: after start-up the process holds ~130,000 tracked objects
(Qt wrappers, SQLAlchemy, OR-Tools, NumPy modules) and one full pass took 100–230 ms — a visible stall of
the GUI thread whenever a background load or save happened to trigger it. Freezing them once (they live
as long as the process) leaves full passes only the objects created since.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot


_frozen = {"done": False}


class GuiThreadCollector(QObject):
    """Python's cyclic garbage collector runs on the GUI thread only (issue 11).

    The collector starts in whichever thread allocates when a threshold is crossed: a background read, a
    solve's progress callback, the warm-up import. Such a collection walks every PySide wrapper, and one
    that ran while the GUI thread was deleting a tree of widgets read a wrapper being destroyed there (a
    segfault in `gc`'s traverse on a worker thread, the GUI thread inside a QWidget destructor). Automatic
    collection is therefore off while this is installed; a timer on the GUI thread collects with the
    interpreter's own thresholds, so garbage is freed as before, only never on another thread.
    """

    INTERVAL_MS = 200

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self, interval=self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    @Slot()
    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is crossed, as the interpreter would have."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = -1
        for generation in range(3):
            if counts[generation] <= thresholds[generation]:
                break
            due = generation
        return gc.collect(due) if due >= 0 else 0

    def uninstall(self) -> None:
        """Automatic collection as it was (tests that installed it for one test)."""
        self._timer.stop()
        self.collect_due()
        if self._was_enabled:
            gc.enable()
        self.deleteLater()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """From now on the cyclic garbage collector runs on the GUI thread only (see GuiThreadCollector)."""
    return GuiThreadCollector(app)


def freeze_long_lived_objects() -> None:
    """Collect what is garbage now, then freeze the rest (call when the window is built)."""
    gc.collect()
    gc.freeze()
    _frozen["done"] = True


def freeze_once() -> None:
    """Freeze once per process. The Pairing page calls it when first built: that is when the solver's
    modules (OR-Tools, NumPy) have just been imported, and a user action is under way anyway."""
    if not _frozen["done"]:
        freeze_long_lived_objects()


LARGE_PROGRAM = 100  # directors: below this a full collection is short and nothing needs freezing


def freeze_loaded_state(directors: int) -> None:
    """After a large read is shown (a program of thousands of people, runs of thousands of teams).

    Those values live until the next read and hold no reference cycles (frozen dataclasses and tuples),
    so reference counting frees them later even when frozen. Freezing keeps them out of full collections,
    which a background thread would otherwise trigger while holding the GIL (stalls of 100-150 ms measured
    at 2,000 directors). A young collection first, so that fresh cyclic garbage is not frozen with them.
    """
    if directors < LARGE_PROGRAM:
        return
    gc.collect(1)
    gc.freeze()


QUIT_WAIT_MS = 15_000  # a cancelled solve returns within a second or two; never hang the exit longer


def cancel_on_quit(operation, quitting=None) -> None:
    """When the application quits: cancel a long background operation and let it end cleanly (a cancelled
    proposal still saves its best teams) before Python shuts down, instead of waiting for a solve's time
    limit or dying mid-write. The hook is removed when the operation ends, and with the operation if its
    widget is deleted first (the hook is a slot of the operation). `quitting`: the signal to follow (tests
    pass their own; by default the application's aboutToQuit)."""
    if quitting is None:
        app = QCoreApplication.instance()
        if app is None:
            return
        quitting = app.aboutToQuit
    quitting.connect(operation.stop_and_wait)

    def forget(*_args) -> None:
        quitting.disconnect(operation.stop_and_wait)

    for signal in (operation.finished, operation.failed, operation.cancelled):
        signal.connect(forget)

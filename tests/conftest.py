"""Shared fixtures: fresh programs (a file in a temporary folder, or a fresh PostgreSQL schema when
PAIRING_TEST_DB=postgresql://… is set), Qt offscreen."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Hypothesis: on CI (`CI` set, as .ci/run and most CI services do) a fixed example set per test, so a clean
# clone passes or fails the same way every run; locally (`make test`) new random examples each run, and
# the failures found are replayed from .hypothesis/. Loaded here, before any test module makes its own
# @settings (they inherit what they do not set).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from pairing.storage import open_program  # noqa: E402


from backends import fresh_program_location  # noqa: E402


@pytest.fixture
def program_location(tmp_path):
    """Where a new, empty program lives: a file here, or the PostgreSQL database of PAIRING_TEST_DB emptied."""
    return fresh_program_location(tmp_path / "test.pairing")


@pytest.fixture
def store(program_location):
    """A new, empty program, closed after the test."""
    program = open_program(program_location)
    yield program
    program.close()


@pytest.fixture
def session(store):
    """A session inside a transaction that is rolled back at the end of the test."""
    with store.sessions() as session:
        with session.begin():
            yield session
            session.rollback()


@pytest.fixture(scope="session", autouse=True)
def one_qt_application(qapp):
    """One QApplication for the whole session, made before anything (the headless PDF renderer) could
    make a plain QGuiApplication that widget tests cannot use — whatever order tests run in. Like the
    program's start-up (ui.app), it registers the bundled Chinese font on a machine that has none."""
    from ui.fonts import ensure_chinese_font

    ensure_chinese_font()
    return qapp


BACKGROUND_WAIT_MS = 120_000  # a test's proposals use short time limits; a cancelled solve ends in seconds


@pytest.fixture(autouse=True)
def background_work_ends_with_its_test(request):
    """Qt tests run as the window does, and no background work of one test reaches into the next (issue 11).

    During a test that uses `qtbot`, the garbage collector runs on the GUI thread only, as in the application
    (`ui.responsiveness.collect_on_gui_thread`). After the test and its fixtures: its workers end, what they
    queued is delivered, and the widgets pytest-qt closed are deleted, so a fault is reported by the test
    that caused it (a page deleted by pytest-qt used to be destroyed only in the next test's event loop,
    while that test's work ran)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    from ui.responsiveness import collect_on_gui_thread

    collector = collect_on_gui_thread(QCoreApplication.instance()) if "qtbot" in request.fixturenames else None
    yield
    assert QThreadPool.globalInstance().waitForDone(BACKGROUND_WAIT_MS), "background work outlived its test"
    QCoreApplication.sendPostedEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if collector is not None:
        collector.uninstall()

"""Shared fixtures: fresh program files in a temporary folder, Qt offscreen."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pairing.storage import open_program  # noqa: E402


@pytest.fixture
def store(tmp_path):
    """A new, empty program file, closed after the test."""
    program = open_program(tmp_path / "test.pairing")
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
    make a plain QGuiApplication that widget tests cannot use — whatever order tests run in."""
    return qapp

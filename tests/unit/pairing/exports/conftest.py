"""Fixtures of the export tests (the program itself is in export_fixtures.py)."""

from __future__ import annotations

import pytest

from export_fixtures import save_program
from pairing.actions.exporting import export_data
from pairing.exports import ExportOptions


@pytest.fixture
def data(session):
    """The saved program and its run, read back as an export would (with a meeting schedule made for it,
    as for a calendar export of a run that has none saved)."""
    save_program(session)
    return export_data(session, "ics")


@pytest.fixture
def zh():
    return ExportOptions(lang="zh")


@pytest.fixture(scope="session")
def renderer():
    from ui.pdf_renderer import QtPdfRenderer

    return QtPdfRenderer()

"""Fixtures of the export tests (the program itself is in export_fixtures.py)."""

from __future__ import annotations

import pytest

from export_fixtures import save_program
from pairing.actions.exporting import load_export_data
from pairing.exports import ExportOptions


@pytest.fixture
def data(session):
    """The saved program and its run, read back as an export would."""
    save_program(session)
    return load_export_data(session)


@pytest.fixture
def zh():
    return ExportOptions(lang="zh")


@pytest.fixture(scope="session")
def renderer():
    from ui.pdf_renderer import QtPdfRenderer

    return QtPdfRenderer()

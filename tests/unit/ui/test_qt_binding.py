"""The installed Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 does not.

6.12.0 drops a reference to None on every void call, and the interpreter aborts ("none_dealloc")
once a long session or a 2,000-page PDF has made enough calls. pyproject.toml excludes it; this
test fails if a broken binding is installed anyway.
"""

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_release_references_to_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setToolTip("x")
    assert sys.getrefcount(None) >= before - 50

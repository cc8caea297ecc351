"""A placeholder page that builds the real one the first time it is needed."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Stands in for a page whose module is slow to import (the solver) until its tab is first shown."""

    def __init__(self, factory: Callable[[QWidget], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.factory = factory
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def materialise(self) -> QWidget:
        if self.page is None:
            self.page = self.factory(self)
            self.layout().addWidget(self.page)
        return self.page

"""The page shown when no program is open: New, Open, and the recent programs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from ui.plain import tip


class WelcomePage(QWidget):
    """Shown when no program is open: New, Open, and the recent programs."""

    def __init__(self, window) -> None:  # the MainWindow whose New/Open/open_program it calls
        super().__init__(window)
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("<h2>Talent Pairing</h2><p>Pair young directors with producers and "
                               "instructors. Open a program or start a new one.</p>"), self)
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.new_button = QPushButton(self.tr("&New program…"), self)
        self.open_button = QPushButton(self.tr("&Open program…"), self)
        self.new_button.clicked.connect(window.new_program)
        self.open_button.clicked.connect(window.open_program_dialog)
        for button in (self.new_button, self.open_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.recent_layout = QVBoxLayout()
        layout.addLayout(self.recent_layout)
        layout.addStretch(2)

    def show_recent(self, locations: list[str]) -> None:
        while self.recent_layout.count():
            item = self.recent_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if locations:
            self.recent_layout.addWidget(QLabel(self.tr("Recent programs:"), self), 0,
                                         Qt.AlignmentFlag.AlignHCenter)
        for location in locations[:5]:
            button = QPushButton(Path(location).name, self)
            button.setFlat(True)
            button.setToolTip(tip(location))
            button.clicked.connect(lambda _c=False, loc=location: self.window_.open_program(loc))
            self.recent_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)

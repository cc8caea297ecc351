"""Start the desktop application: QApplication, translations, the main window and the program to open."""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from ui import platform_check
from ui.fonts import ensure_chinese_font
from ui.i18n import resolve_language, set_interface_language
from ui.responsiveness import collect_on_gui_thread
from ui.settings_store import SettingsStore

ORGANIZATION = "TalentPairing"
APPLICATION = "Talent Pairing"
WARM_UP_JOIN_S = 10.0  # importing the solver takes about a second; never hang the exit longer
TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="talent-pairing", description="Talent Pairing desktop application")
    parser.add_argument("--open", metavar="PROGRAM", help="program file (.pairing) to open")
    parser.add_argument("--language", choices=("system", "en", "zh_CN"), help="interface language for this run")
    parser.add_argument("--benchmark-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("program", nargs="?", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


_ACTIVE: list[QTranslator] = []  # the translators installed now, so a language switch can remove them


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own (standard buttons, dialogs) for `language`; English needs none."""
    set_interface_language(language)
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    sources = ((f"talent_pairing_{language}", str(TRANSLATIONS)),
               (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    _ACTIVE.extend(installed)
    return installed


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        if translator in _ACTIVE:
            _ACTIVE.remove(translator)
    set_interface_language("en")
    QLocale.setDefault(QLocale("en_US"))


def switch_language(language: str) -> list[QTranslator]:
    """Replace whatever translators are installed by those of `language` (the window then rebuilds its text)."""
    app = QApplication.instance()
    remove_translators(app, list(_ACTIVE))
    return install_translators(app, language)


class _OnFirstExpose(QObject):
    """Runs a callback once, when the window is first on screen (or after a short fallback delay)."""

    def __init__(self, window, callback, app: QApplication) -> None:
        super().__init__(app)
        self.callback, self.done = callback, False
        window.windowHandle().installEventFilter(self)
        QTimer.singleShot(300, self.run)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.run)
        return False

    def run(self) -> None:
        if not self.done:
            self.done = True
            self.callback()


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain("talent-pairing.example")
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    ensure_chinese_font()  # a machine without a Chinese font still shows the Chinese window and names
    return app


def program_to_open(args: argparse.Namespace, settings: SettingsStore) -> str | None:
    """`--open PATH` (or a bare path), else the last program if it still exists."""
    explicit = args.open or args.program
    if explicit:
        return explicit
    last = settings.last_program()
    return last if last and ("://" in last or Path(last).exists()) else None


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    advice = platform_check.check() if QApplication.instance() is None else None
    if advice:  # Qt would abort with a misleading line; say which packages to install instead
        print(advice, file=sys.stderr)
        return 1
    app = create_application([])
    collect_on_gui_thread(app)  # background threads never run the garbage collector (issue 11)
    settings = SettingsStore()
    language = resolve_language(args.language or settings.preferences().language)
    app.translators = install_translators(app, language)

    from ui.main_window import MainWindow  # after the translators, so every string is translated

    window = MainWindow(settings)
    location = program_to_open(args, settings)
    if location:
        window.show_opening(location)
    window.show()
    app.first_expose = _OnFirstExpose(window, lambda: _after_shown(window, location, args, started), app)
    return app.exec()


def _after_shown(window, location: str | None, args: argparse.Namespace, started: float) -> None:
    """The window is on screen: now load the storage stack and open the program (about half a second)."""
    if args.benchmark_startup:
        print(f"shown {time.perf_counter() - started:.4f}", flush=True)
    if location:
        window.open_program(location)
    if args.benchmark_startup:
        window.repaint()
        print(f"ready {time.perf_counter() - started:.4f}", flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)
    else:
        QTimer.singleShot(500, warm_up_solver)


def warm_up_solver() -> None:
    """Import the solver (OR-Tools, about a second) in the background so the Pairing page opens at once.

    Only a plain module import runs off the GUI thread; no Qt object is touched there.
    """
    thread = threading.Thread(target=importlib.import_module, args=("pairing.engine",), daemon=True,
                              name="warm-up-solver")
    thread.start()
    # Quitting within a second of start-up: let the import end rather than stop the interpreter under it.
    QApplication.instance().aboutToQuit.connect(lambda: thread.join(WARM_UP_JOIN_S))

"""Screenshots of the import wizard at 1280×800 in English and Chinese, over real form exports (docs/import.md).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/import_screenshots.py [OUT]   (default docs/import)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from pairing.importer import import_roster  # noqa: E402
from pairing.storage import open_program  # noqa: E402
from ui.app import create_application, install_translators, remove_translators  # noqa: E402
from ui.settings_store import SettingsStore  # noqa: E402

SIZE = (1280, 800)
FORMS = ROOT / "tests" / "data" / "forms"
FILES = {"wjx": FORMS / "wjx_text.csv", "google": FORMS / "google_forms.csv"}


def wait(signal, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def shoot(widget, out: Path, name: str) -> None:
    for _ in range(5):
        QCoreApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def program(folder: Path) -> Path:
    """A program holding the sample roster, so the review shows updates and conflicts as well as additions."""
    path = folder / "program.pairing"
    store = open_program(path)
    with store.sessions.begin() as session:
        import_roster(session, ROOT / "resources" / "sample" / "roster.csv")
    store.close()
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "import"
    out.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    from ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for suffix, language in (("en", "en"), ("zh", "zh_CN")):
            translators = install_translators(app, language)
            window = MainWindow(SettingsStore.at(folder / f"{suffix}.ini"))
            window.open_program(str(program(folder / suffix if (folder / suffix).mkdir() is None else folder)))
            window.show()
            for key, path in FILES.items():
                wizard = window.open_import_wizard(str(path))
                wizard.resize(*SIZE)
                wizard.next()
                if wizard.table is None or wizard.column_plan is None:
                    wait(wizard.tableRead)
                shoot(wizard, out, f"import-{key}-preview-{suffix}")
                wizard.next()
                shoot(wizard, out, f"import-{key}-mapping-{suffix}")
                wizard.next()
                if wizard.plan is None:
                    wait(wizard.planReady)
                shoot(wizard, out, f"import-{key}-review-{suffix}")
                wizard.reject()
            window.close()
            remove_translators(app, translators)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

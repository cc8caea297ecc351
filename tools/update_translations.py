"""Regenerate the translation catalogues: lupdate over ui/ into the .ts files, then lrelease to .qm.

Usage: .venv/bin/python tools/update_translations.py [--no-release]
Translate new entries in the .ts files with Qt Linguist (`pyside6-linguist`) or any text editor,
then run this again so the compiled .qm files the application loads are up to date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python, else from PATH."""
    candidate = Path(sys.executable).with_name(name)
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} was not found; install PySide6 (it ships {name}) into this environment.")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update(language: str) -> Path:
    catalogue = TRANSLATIONS / f"talent_pairing_{language}.ts"
    command = [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
               "-target-language", language, "-ts", str(catalogue.relative_to(ROOT))]
    subprocess.run(command, cwd=ROOT, check=True)
    return catalogue


def release(catalogue: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(catalogue), "-qm", str(catalogue.with_suffix(".qm"))],
                   cwd=ROOT, check=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-release", action="store_true", help="only update the .ts files")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        catalogue = update(language)
        if not args.no_release:
            release(catalogue)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

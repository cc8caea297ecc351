"""The core never knows about Qt: `pairing` imports neither PySide6 nor `ui`."""

import ast
import pathlib
import subprocess
import sys

CORE = pathlib.Path(__file__).parents[3] / "pairing"
FORBIDDEN = ("PySide6", "shiboken6", "ui")


def _imported_modules(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_core_module_imports_qt_or_ui():
    offenders = [
        f"{path.relative_to(CORE.parent)} imports {module}"
        for path in CORE.rglob("*.py")
        for module in _imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    code = (
        "import pkgutil, importlib, sys, pairing\n"
        "for m in pkgutil.walk_packages(pairing.__path__, 'pairing.'):\n"
        "    if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'ui'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

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


# -- the layering contract (issue 8): domain ← engine/importer/exports/storage ← actions ← cli/ui ----------

ROOT = CORE.parent
BASE = ("pairing.domain", "pairing.words", "pairing.errors", "pairing.calendar", "pairing.vocabulary",
        "pairing.formulas", "pairing.synthetic", "pairing.faults", "pairing.files", "pairing.criteria",
        "pairing.schema")
MIDDLE = ("pairing.engine", "pairing.importer", "pairing.exports", "pairing.storage", "pairing.schedule")
ACTIONS = ("pairing.actions",)
EDGE = ("pairing.cli", "ui")

# Peers in the middle layer do not import one another, except these (each must go, none may be added):
MIDDLE_ALLOWED = {
    ("pairing.importer.planning", "pairing.storage"),  # import issue 13: the plan reads the roster itself
    ("pairing.importer.service", "pairing.storage"),
}


def _package(module: str, packages) -> str | None:
    return next((p for p in packages if module == p or module.startswith(p + ".")), None)


def _all_imports(path: pathlib.Path, module: str):
    """Every module a file imports (top level and inside functions), relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            yield base
            yield from (f"{base}.{a.name}" for a in node.names if _is_module(f"{base}.{a.name}"))


def _is_module(name: str) -> bool:
    """`pairing.engine.edit` is a module; `pairing.engine.solve` is a name the package exports."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _modules(*tops: str):
    for top in tops:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
            module = ".".join(parts)
            if ".migrations" not in module:
                yield module, path


def _edges(*tops: str):
    for module, path in _modules(*tops):
        for imported in set(_all_imports(path, module)):
            yield module, imported


def test_every_core_module_belongs_to_a_layer():
    layered = BASE + MIDDLE + ACTIONS + EDGE
    loose = [m for m, _ in _modules("pairing") if m != "pairing" and not _package(m, layered)]
    assert loose == [], "add these to a layer in tests/unit/pairing/test_layers.py"


def test_the_base_imports_nothing_above_it():
    above = MIDDLE + ACTIONS + EDGE
    offenders = [(m, i) for m, i in _edges("pairing") if _package(m, BASE) and _package(i, above)]
    assert offenders == []


def test_middle_packages_import_neither_each_other_nor_the_layers_above():
    offenders = set()
    for module, imported in _edges("pairing"):
        own, other = _package(module, MIDDLE), _package(imported, MIDDLE + ACTIONS + EDGE)
        if own is None or other is None or other == own:
            continue
        if own == "pairing.exports" and imported == "pairing.engine":
            continue  # the engine's public API (the matrix's pair scores), never its internals
        offenders.add((module, other))
    assert offenders <= MIDDLE_ALLOWED, sorted(offenders - MIDDLE_ALLOWED)
    stale = MIDDLE_ALLOWED - offenders
    assert not stale, f"no longer needed, remove from MIDDLE_ALLOWED: {sorted(stale)}"


def test_exports_use_neither_engine_internals_nor_storage():
    offenders = [(m, i) for m, i in _edges("pairing") if _package(m, ("pairing.exports",))
                 and (i.startswith("pairing.engine.") or _package(i, ("pairing.storage",)))]
    assert offenders == []


def test_actions_know_nothing_of_the_command_line_or_the_window():
    offenders = [(m, i) for m, i in _edges("pairing") if _package(m, ACTIONS) and _package(i, EDGE)]
    assert offenders == []


def test_the_window_imports_no_storage():
    """ui/ reaches the program through the action layer only (issue 8; the desktop port of issue 11)."""
    offenders = sorted({m for m, i in _edges("ui") if _package(i, ("pairing.storage",))})
    assert offenders == [], f"ui must use pairing.actions: {offenders}"


CLI_STORAGE_ALLOWED: set[str] = set()


def test_the_command_line_reaches_storage_only_to_open_a_program():
    """cli modules go through the actions (the list of those still to move only shrinks)."""
    offenders = set({m for m, i in _edges("pairing") if _package(m, ("pairing.cli",))
                        and _package(i, ("pairing.storage",)) and i not in ("pairing.storage",)
                        and i != "pairing.storage.open_program" and i != "pairing.storage.ProgramFileError"})
    assert offenders == CLI_STORAGE_ALLOWED

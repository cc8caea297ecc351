"""No hidden state in the engine (issue 8 part 5): a module of `pairing.engine` holds constants only.

The engine's answers depend on their arguments alone; what is worth keeping between questions (the compiled
program) lives in a `TeamEvaluator` its caller owns. A module-level list, dict or set, a memoising
decorator or a mutable default argument would be state shared by every caller and thread.
The rest of `pairing/` is checked by reading its source: no function fills a module-level collection
(a cache) except the registries listed below, which are filled once and then only read.
"""

from __future__ import annotations

import __future__
import ast
import dataclasses
import enum
import functools
import importlib
import pathlib
import pkgutil
import sys
import types
import typing

import numpy as np
import pytest

import pairing.engine

IMMUTABLE = (type(None), bool, int, float, complex, str, bytes, range, frozenset, type, types.ModuleType,
             types.FunctionType, types.BuiltinFunctionType, types.MappingProxyType, enum.Enum, typing.TypeVar,
             types.GenericAlias, types.UnionType, __future__._Feature)


def _engine_modules():
    yield pairing.engine
    for info in pkgutil.iter_modules(pairing.engine.__path__, "pairing.engine."):
        yield importlib.import_module(info.name)


def _is_immutable(value) -> bool:
    if isinstance(value, tuple):
        return all(_is_immutable(v) for v in value)
    if isinstance(value, frozenset):
        return all(_is_immutable(v) for v in value)
    if isinstance(value, types.FunctionType):
        return _function_problem(value) is None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.__dataclass_params__.frozen and all(
            _is_immutable(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, np.ndarray):  # a constant array is read-only
        return not value.flags.writeable
    if isinstance(value, np.generic):  # a NumPy scalar
        return True
    if type(value).__module__.startswith("numba") and hasattr(value, "py_func"):
        # a compiled function keeps machine code per argument type, never results: judge its Python source
        return _function_problem(value.py_func) is None
    if type(value).__module__ == "typing":  # Callable[...], Sequence[...] and other annotations
        return True
    return isinstance(value, IMMUTABLE)


def _function_problem(function) -> str | None:
    if hasattr(function, "cache_info") or isinstance(function, functools.partial):
        return "memoises its results"
    defaults = (*(function.__defaults__ or ()), *(function.__kwdefaults__ or {}).values())
    if any(isinstance(d, (list, dict, set, bytearray)) for d in defaults):
        return "has a mutable default argument"
    return None


def module_state(module: types.ModuleType) -> list[str]:
    """The names of a module that hold mutable state (dunder names aside)."""
    found = []
    for name, value in vars(module).items():
        if name.startswith("__") and name.endswith("__"):
            continue
        if hasattr(value, "cache_info"):
            found.append(f"{module.__name__}.{name} memoises its results")
        elif not _is_immutable(value):
            problem = _function_problem(value) if callable(value) and isinstance(value, types.FunctionType) else None
            found.append(f"{module.__name__}.{name}: {problem or type(value).__name__}")
    for name, value in vars(module).items():
        if isinstance(value, type) and value.__module__ == module.__name__:
            for attribute, member in vars(value).items():
                if isinstance(member, types.FunctionType) and _function_problem(member):
                    found.append(f"{module.__name__}.{name}.{attribute} {_function_problem(member)}")
    return found


@pytest.mark.parametrize("module", list(_engine_modules()), ids=lambda m: m.__name__)
def test_an_engine_module_holds_no_mutable_state(module):
    assert module_state(module) == []


def test_the_check_finds_a_cache_a_memo_and_a_mutable_default(monkeypatch):
    """The check above could fail: a module like the engine's old `edit.py` is caught."""
    fake = types.ModuleType("pairing.engine.fake")
    monkeypatch.setitem(sys.modules, fake.__name__, fake)  # where dataclasses look their module up
    exec(
        "import functools\n"
        "from dataclasses import dataclass\n"
        "_CACHE: list = []\n"
        "SEEN = {}\n"
        "KEYS = ('genre', ['needs'])\n"
        "@functools.lru_cache\n"
        "def compiled(program): return program\n"
        "def evaluate(program, seen=[]): return seen\n"
        "@dataclass\n"
        "class Box:\n"
        "    value: int = 0\n"
        "BOX = Box()\n"
        "import numpy as np\n"
        "SCRATCH = np.zeros(3)\n"
        "FINE = (1, 'a', frozenset({2}))\n",
        fake.__dict__,
    )
    found = " ".join(module_state(fake))
    for name in ("_CACHE", "SEEN", "KEYS", "compiled", "evaluate", "BOX", "SCRATCH"):
        assert f"fake.{name}" in found
    assert "FINE" not in found


# -- the rest of pairing/: no function fills a module-level collection -----------------------------------

CORE = pathlib.Path(pairing.__file__).parent
MUTATORS = {"append", "extend", "insert", "update", "setdefault", "add", "clear", "pop", "popitem", "remove",
            "discard", "__setitem__"}
# Registries filled once, then only read (each with where it is filled and why that is not hidden state).
REGISTRIES = {
    ("pairing/words/__init__.py", "_CATALOGUE"): "the catalogue files, loaded on first use; never changed after",
    ("pairing/actions/changes.py", "_STEPS"): "undo steps registered by @undo_step when their modules load",
}


def _module_level_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _filled_in_functions(tree: ast.Module, names: set[str]) -> set[str]:
    filled = set()
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        local = {a.arg for a in (*function.args.args, *function.args.kwonlyargs)}
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name):
                name = node.func.value.id
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                subscripts = [t.value for t in targets if isinstance(t, ast.Subscript)]
                name = next((s.id for s in subscripts if isinstance(s, ast.Name)), None)
            elif isinstance(node, ast.Global):
                filled.update(node.names)
                continue
            else:
                continue
            if name in names and name not in local:
                filled.add(name)
    return filled


def core_caches() -> set[tuple[str, str]]:
    found = set()
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.relative_to(CORE.parent).as_posix()
        found.update((relative, name) for name in _filled_in_functions(tree, _module_level_names(tree)))
    return found


def test_no_core_function_fills_a_module_level_collection():
    found = core_caches()
    assert found - set(REGISTRIES) == set(), "keep it in an object its caller owns (see TeamEvaluator)"
    assert set(REGISTRIES) <= found, "a registry listed here is gone: remove it from REGISTRIES"


def test_the_source_check_finds_the_old_engine_cache():
    source = (
        "_CACHE = []\n"
        "def instance_for(program):\n"
        "    _CACHE.insert(0, program)\n"
        "    del _CACHE[4:]\n"
        "    return _CACHE[0]\n"
        "def fine(items):\n"
        "    items.append(1)\n"
    )
    tree = ast.parse(source)
    assert _filled_in_functions(tree, _module_level_names(tree)) == {"_CACHE"}

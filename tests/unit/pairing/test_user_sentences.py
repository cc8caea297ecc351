"""Every sentence the core shows a user comes from the catalogue, in both languages (issue 8).

Read from the source of `pairing/`: what reaches a curator as text goes through one of three doors — an error
for the user (`UserError` and its kinds, whose message the command line and the window print), a line the
command line prints, or a message kept as `words.untranslated` (shown as is). None of them may be given an
English sentence written in the code: an error takes a `Message`, a printed line renders one.
"""

from __future__ import annotations

import ast
import importlib
import pathlib
import pkgutil
import re

import pairing
from pairing.errors import UserError

CORE = pathlib.Path(pairing.__file__).parent
ENGLISH = re.compile(r"[A-Za-z]+(?:[ ,;'’-]+[A-Za-z]+){2,}")  # three English words in a row


def _user_error_names() -> set[str]:
    for info in pkgutil.walk_packages(pairing.__path__, "pairing."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)
    names, todo = set(), [UserError]
    while todo:
        kind = todo.pop()
        names.add(kind.__name__)
        todo.extend(kind.__subclasses__())
    return names


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _english_text(node: ast.AST | None) -> str | None:
    """The English words of a string or f-string literal (its placeholders left out), if it has any."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = " {} ".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    found = ENGLISH.search(text)
    return found.group(0) if found else None


def english_sentences(source: str, errors: set[str]) -> list[tuple[int, str]]:
    """(line, words) of every English sentence given to an error for the user, printed, or kept untranslated."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name in errors or name == "print":
            candidates = node.args[:1]
        elif name == "msg" and node.args and getattr(node.args[0], "value", None) == "words.untranslated":
            candidates = [k.value for k in node.keywords if k.arg == "text"]
        else:
            continue
        found += [(node.lineno, words) for words in map(_english_text, candidates) if words]
    return found


def test_no_user_facing_english_sentence_is_written_in_the_core():
    errors = _user_error_names()
    offenders = [f"{path.relative_to(CORE.parent)}:{line}: {words!r}"
                 for path in sorted(CORE.rglob("*.py")) if "/catalogue/" not in path.as_posix()
                 for line, words in english_sentences(path.read_text(encoding="utf-8"), errors)]
    assert offenders == [], "put the sentence in pairing/words/catalogue (English and Chinese) and pass a msg(...)"


def test_the_check_finds_each_door():
    source = (
        "raise UserError(f'The text {bad!r} cannot be written')\n"
        "raise ActionRefused('That move is not allowed here')\n"
        "print('Wrote the sheets to disk')\n"
        "m = msg('words.untranslated', text='kept as it was written')\n"
        "raise UserError(msg('sheets.cannot_encode', text=bad))\n"
        "print(f'pairing {command}: {sentence}')\n"
        "raise KeyError(f'not a mentor of this program: {ids}')\n"  # a programming error, not for users
    )
    lines = [line for line, _ in english_sentences(source, {"UserError", "ActionRefused"})]
    assert lines == [1, 2, 3, 4]

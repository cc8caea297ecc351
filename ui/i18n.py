"""The interface language chosen at start-up, and how data terms and slots are shown in it."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from pairing.calendar import slot_label
from pairing.words import lang_of
from pairing.vocabulary import BUILTIN, Vocabulary

SUPPORTED = ("en", "zh_CN")
_current = {"language": "en"}


def resolve_language(preference: str) -> str:
    """`system` becomes the system locale's language if we have it, else English."""
    if preference in SUPPORTED:
        return preference
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def set_interface_language(language: str) -> None:
    _current["language"] = language if language in SUPPORTED else "en"


def interface_language() -> str:
    """`en` or `zh_CN`: the language widgets show data in (vocabulary labels, slots)."""
    return _current["language"]


def data_lang() -> str:
    """The short code pairing.vocabulary and pairing.calendar take: `en` or `zh`."""
    return "zh" if interface_language().startswith("zh") else "en"


def term_label(kind: str, key: str, vocabulary: Vocabulary = BUILTIN) -> str:
    return vocabulary.label(kind, key, data_lang())


def slot_text(slot: str) -> str:
    return slot_label(slot, data_lang())


def fmt(text: str, *args) -> str:
    """Fill Qt-style placeholders `%1`, `%2`… (translators may reorder them); PySide's tr returns str."""
    for number in range(len(args), 0, -1):
        text = text.replace(f"%{number}", str(args[number - 1]))
    return text


def _renderer(roles=None):
    from pairing.words import Renderer

    return Renderer(data_lang()) if roles is None else Renderer(data_lang(), roles)


def say(message, roles=None) -> str:
    """A core message (`pairing.words.Message`) as a sentence in the interface language (issue 8), with the
    program's role names when given (`ProgramProperties.role_names()`, issue 10)."""
    return _renderer(roles).sentence(message)


def say_error(error, roles=None) -> str:
    """A refused action or a user's mistake (`pairing.errors.UserError`) in the interface language."""
    return error.sentence(_renderer(roles))


def role_word(roles, role, plural: bool = False, lang: str | None = None) -> str:
    """A role in the program's own words inside a sentence: "screenwriter", "lead mentors", "编剧学员"; the
    default words when the program's are not known yet (`roles` None)."""
    from pairing.words import DEFAULT_ROLE_NAMES

    return (roles or DEFAULT_ROLE_NAMES)[str(role)].word(lang_of(lang) if lang else data_lang(), plural)


def say_fault(error: BaseException, lang: str | None = None) -> str:
    """A user's mistake or a file-system fault as a sentence in the interface language (or `lang`): never
    Python's English `str(error)` in the Chinese window."""
    from pairing.errors import UserError
    from pairing.faults import os_reason
    from pairing.words import Renderer, msg

    renderer = Renderer(lang or data_lang())
    if isinstance(error, UserError):
        return error.sentence(renderer)
    if isinstance(error, OSError):
        where = error.filename if error.filename is not None else ""
        return renderer.sentence(msg("desktop.file_fault", path=str(where), reason=os_reason(error)))
    return renderer.sentence(msg("desktop.unexpected", text=f"{type(error).__name__}: {error}"))


def role_title(roles, role, plural: bool = False, lang: str | None = None) -> str:
    """A role in the program's own words (`ProgramProperties.role_names()`), capitalised for a title or a
    header: "Screenwriters", "Senior producer", "编剧学员" (issue 10)."""
    word = role_word(roles, role, plural, lang)
    return word[:1].upper() + word[1:]

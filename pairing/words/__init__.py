"""Words are data, sentences are rendered: messages as values, one renderer per language.

A `Message` is a code plus plain arguments (ids, names, numbers, vocabulary terms, slots,
roles, lists, other messages). Code never reads a sentence: it builds messages, stores them
(`to_json` / `from_json`) and hands them to a `Renderer` for one language at the edge
(window, command line, sheets). Every code has an English and a Simplified Chinese template
in a catalogue file under `pairing/words/catalogue/` (one file per area of the core; the code
of a message starts with its file's name: `importer.no_name_column`).

Templates are `str.format` templates with named fields. Besides a message's own arguments,
every template may use the program's role words: `{director}`, `{directors}`, `{Director}`,
`{Directors}` and likewise for `producer`, `instructor` and `mentor` (the program's own names
for its people; see `RoleNames`). An English template may be a pair `(one, other)` chosen by
the argument `count`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterable, Literal, Mapping

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
ROLE_WORDS = ("director", "producer", "instructor", "mentor")


def lang_of(text: str | None) -> Lang:
    """`zh`, `zh_CN`, `zh-Hans` → `zh`; anything else (or nothing) → `en`. The one definition."""
    return "zh" if (text or "").lower().startswith("zh") else "en"


# --- values a message may carry -------------------------------------------------------------

@dataclass(frozen=True)
class TermRef:
    """A vocabulary term (`genre` or `skill`, canonical key), shown as its label in the language."""

    kind: str
    key: str


@dataclass(frozen=True)
class SlotRef:
    """A canonical slot (`Mon AM`, `2026-03-02 PM`), shown as `Mon AM` / `周一 上午`."""

    slot: str


@dataclass(frozen=True)
class RoleRef:
    """A role (`director`, `producer`, `instructor`, `mentor`), shown in the program's own words."""

    role: str
    plural: bool = False


@dataclass(frozen=True)
class LanguageRef:
    """A spoken language by its canonical English name (`Mandarin`), shown as `Mandarin` / `普通话`."""

    name: str


# Chinese names of the languages the importer folds to an English name (pairing/importer/values.py).
LANGUAGE_NAMES_ZH: Mapping[str, str] = MappingProxyType({
    "Mandarin": "普通话", "English": "英语", "Cantonese": "粤语", "French": "法语", "Japanese": "日语",
    "Korean": "韩语", "Spanish": "西班牙语", "German": "德语", "Russian": "俄语", "Arabic": "阿拉伯语",
    "Hindi": "印地语", "Italian": "意大利语", "Portuguese": "葡萄牙语",
})


def language_label(name: str, lang: str | None) -> str:
    """A language's name in the curator's language (a name the program does not know is shown as given)."""
    return LANGUAGE_NAMES_ZH.get(name, name) if lang_of(lang) == "zh" else name


@dataclass(frozen=True)
class Ordinal:
    """A rank: first, second… / 第一、第二…"""

    rank: int


@dataclass(frozen=True)
class Message:
    """One explanation, reason, warning or error: a code and its arguments, never a sentence."""

    code: str
    args: tuple[tuple[str, Any], ...] = ()

    def arg(self, name: str, default: Any = None) -> Any:
        return dict(self.args).get(name, default)

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self.args)


def msg(code: str, **args: Any) -> Message:
    """`msg("importer.no_name_column", file="a.csv")`: lists become tuples so messages stay hashable."""
    return Message(code, tuple(sorted((k, _frozen(v)) for k, v in args.items())))


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return tuple(_frozen(v) for v in items)
    return value


# --- role words ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RoleName:
    """How a program calls one role: English singular and plural, Chinese."""

    en: str
    en_plural: str
    zh: str

    def word(self, lang: Lang, plural: bool = False) -> str:
        if lang == "zh":
            return self.zh
        return self.en_plural if plural else self.en


DEFAULT_ROLE_NAMES: Mapping[str, RoleName] = MappingProxyType({
    "director": RoleName("young director", "young directors", "青年导演"),
    "producer": RoleName("senior producer", "senior producers", "监制"),
    "instructor": RoleName("instructor", "instructors", "导师"),
    "mentor": RoleName("mentor", "mentors", "指导者"),
})


def role_names(overrides: Mapping[str, RoleName] | None = None) -> Mapping[str, RoleName]:
    """The default role words with a program's own names laid over them."""
    names = dict(DEFAULT_ROLE_NAMES)
    names.update(overrides or {})
    return MappingProxyType(names)


# --- the catalogue ------------------------------------------------------------------------

Template = str | tuple[str, str]


@dataclass(frozen=True)
class Entry:
    en: Template
    zh: str

    def template(self, lang: Lang, count: Any) -> str:
        if lang == "zh":
            return self.zh
        if isinstance(self.en, tuple):
            return self.en[0] if count == 1 else self.en[1]
        return self.en


_CATALOGUE: dict[str, Entry] = {}


def entries() -> Mapping[str, Entry]:
    """Every message code of the core with its two templates (loaded once from the catalogue files)."""
    if not _CATALOGUE:
        _CATALOGUE.update(_load())
    return MappingProxyType(_CATALOGUE)


def _load() -> dict[str, Entry]:
    from pairing.words import catalogue as package

    entries: dict[str, Entry] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for code, (en, zh) in module.MESSAGES.items():
            entries[code] = Entry(en, zh)
    return entries


class UnknownMessage(KeyError):
    """A message code that no catalogue file defines (a programming error, caught by the tests)."""


# --- the renderer -------------------------------------------------------------------------

_ORDINALS = {"en": ("first", "second", "third", "fourth", "fifth"), "zh": ("第一", "第二", "第三", "第四", "第五")}
_JOIN = {"en": ", ", "zh": "、"}
_CLAUSES = {"en": "; ", "zh": "；"}


@dataclass(frozen=True)
class Renderer:
    """Turns messages into sentences of one language, with one program's role names and vocabulary."""

    lang: Lang = "en"
    roles: Mapping[str, RoleName] = field(default_factory=lambda: DEFAULT_ROLE_NAMES)
    vocabulary: Any = None  # pairing.vocabulary.Vocabulary; the built-in one when None

    @classmethod
    def for_lang(cls, lang: str | None, **kwargs: Any) -> "Renderer":
        return cls(lang_of(lang), **kwargs)

    def __call__(self, message: Message) -> str:
        return self.sentence(message)

    def sentence(self, message: Message) -> str:
        entry = entries().get(message.code)
        if entry is None:
            raise UnknownMessage(message.code)
        args = {name: self.value(v) for name, v in message.args}
        raw = dict(message.args)
        for name, value in message.args:  # numbers keep their type so `{score:.1f}` works
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                args[name] = value
        text = entry.template(self.lang, raw.get("count")).format_map({**self.role_words(), **args})
        return _tidy_zh(text) if self.lang == "zh" else text

    def sentences(self, messages: Iterable[Message]) -> list[str]:
        return [self.sentence(m) for m in messages]

    def role_words(self) -> dict[str, str]:
        words = {}
        for role, name in self.roles.items():
            singular, plural = name.word(self.lang), name.word(self.lang, plural=True)
            words[role], words[role + "s"] = singular, plural
            words[role.capitalize()], words[role.capitalize() + "s"] = _capital(singular), _capital(plural)
        return words

    def value(self, value: Any) -> str:
        """One argument as text in this language."""
        if isinstance(value, Message):
            return self.sentence(value)
        if isinstance(value, TermRef):
            return self.term_in_sentence(value.kind, value.key)
        if isinstance(value, SlotRef):
            from pairing.calendar import slot_label

            return slot_label(value.slot, self.lang)
        if isinstance(value, RoleRef):
            name = self.roles.get(value.role)
            return name.word(self.lang, value.plural) if name else value.role
        if isinstance(value, LanguageRef):
            return language_label(value.name, self.lang)
        if isinstance(value, Ordinal):
            return self.ordinal(value.rank)
        if isinstance(value, bool):
            return self.sentence(msg("words.yes" if value else "words.no"))
        if isinstance(value, tuple):
            if value and all(isinstance(v, Message) for v in value):  # clauses: "a; b" / "a；b"
                return _CLAUSES[self.lang].join(self.sentence(v) for v in value)
            return self.join(self.value(v) for v in value)
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def term(self, kind: str, key: str) -> str:
        from pairing.vocabulary import BUILTIN

        vocabulary = self.vocabulary or BUILTIN
        return vocabulary.label(kind, key, self.lang)

    def term_in_sentence(self, kind: str, key: str) -> str:
        """A term inside a sentence: English labels read in lower case (acronyms such as VFX, DI stay)."""
        text = self.term(kind, key)
        if self.lang == "zh":
            return text
        return " ".join(word if word.isupper() else word.lower() for word in text.split(" "))

    def ordinal(self, rank: int) -> str:
        words = _ORDINALS[self.lang]
        if 1 <= rank <= len(words):
            return words[rank - 1]
        return f"第{rank}" if self.lang == "zh" else f"#{rank}"

    def join(self, parts: Iterable[str]) -> str:
        return _JOIN[self.lang].join(parts)


# Chinese text puts no space between a Chinese character and full-width quotes (templates keep spaces around
# fields for Latin arguments such as `pairing schedule`; a quoted button name fills the same field)
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_BEFORE_QUOTE = re.compile(f"(?<=[{_CJK}]) +(?=[“‘])")
_SPACE_AFTER_QUOTE = re.compile(f"(?<=[”’]) +(?=[{_CJK}])")


def _tidy_zh(text: str) -> str:
    return _SPACE_AFTER_QUOTE.sub("", _SPACE_BEFORE_QUOTE.sub("", text))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def render(message: Message, lang: str | None = "en") -> str:
    """One message in one language with the default role names (for callers with no program)."""
    return Renderer.for_lang(lang).sentence(message)


# --- storage form -------------------------------------------------------------------------

def to_json(value: Any) -> Any:
    """A message (or argument) as plain JSON: messages stay values in storage, never sentences."""
    if isinstance(value, Message):
        return {"code": value.code, "args": {k: to_json(v) for k, v in value.args}}
    if isinstance(value, TermRef):
        return {"term": [value.kind, value.key]}
    if isinstance(value, SlotRef):
        return {"slot": value.slot}
    if isinstance(value, RoleRef):
        return {"role": value.role, "plural": value.plural}
    if isinstance(value, Ordinal):
        return {"ordinal": value.rank}
    if isinstance(value, LanguageRef):
        return {"language": value.name}
    if isinstance(value, tuple):
        return [to_json(v) for v in value]
    return value


def from_json(data: Any) -> Any:
    """The inverse of `to_json`."""
    if isinstance(data, list):
        return tuple(from_json(v) for v in data)
    if not isinstance(data, dict):
        return data
    if "code" in data:
        return msg(data["code"], **{k: from_json(v) for k, v in data.get("args", {}).items()})
    if "term" in data:
        return TermRef(*data["term"])
    if "slot" in data:
        return SlotRef(data["slot"])
    if "role" in data:
        return RoleRef(data["role"], bool(data.get("plural")))
    if "ordinal" in data:
        return Ordinal(int(data["ordinal"]))
    if "language" in data:
        return LanguageRef(str(data["language"]))
    raise ValueError(f"not a stored message value: {data!r}")

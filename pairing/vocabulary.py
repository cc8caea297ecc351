"""Genres and skills: a canonical vocabulary with English and Chinese synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping

from rapidfuzz import fuzz, process

Kind = Literal["genre", "skill"]


@dataclass(frozen=True)
class Term:
    """One canonical term: its key (lower-case English), labels and synonyms."""

    kind: Kind
    key: str
    en: str
    zh: str
    synonyms: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class Normalised:
    """What a roster term became: the canonical key, whether it is known, and the closest known term."""

    term: str
    known: bool
    suggestion: str | None = None


def _g(key, en, zh, *syn):
    return Term("genre", key, en, zh, syn)


def _s(key, en, zh, *syn):
    return Term("skill", key, en, zh, syn)


BUILTIN_TERMS: tuple[Term, ...] = (
    _g("drama", "Drama", "剧情", "剧情片", "dramatic"),
    _g("comedy", "Comedy", "喜剧", "喜剧片", "comedic"),
    _g("sci-fi", "Sci-fi", "科幻", "science fiction", "sf", "scifi", "科幻片"),
    _g("fantasy", "Fantasy", "奇幻", "魔幻", "玄幻"),
    _g("horror", "Horror", "恐怖", "恐怖片"),
    _g("thriller", "Thriller", "惊悚", "悬疑惊悚", "suspense", "惊悚片"),
    _g("mystery", "Mystery", "悬疑", "推理", "悬疑片"),
    _g("action", "Action", "动作", "动作片"),
    _g("crime", "Crime", "犯罪", "警匪", "noir", "犯罪片"),
    _g("romance", "Romance", "爱情", "浪漫", "romantic", "爱情片"),
    _g("documentary", "Documentary", "纪录片", "纪实", "doc", "non-fiction", "nonfiction"),
    _g("animation", "Animation", "动画", "animated", "动画片"),
    _g("family", "Family", "家庭", "儿童", "children"),
    _g("war", "War", "战争", "战争片"),
    _g("history", "History", "历史", "historical", "period", "古装"),
    _g("musical", "Musical", "歌舞", "音乐片", "music film"),
    _g("experimental", "Experimental", "实验", "实验片", "art film", "艺术片"),
    _g("coming-of-age", "Coming-of-age", "成长", "青春", "youth"),
    _g("wuxia", "Wuxia", "武侠", "martial arts", "功夫"),
    _g("western", "Western", "西部", "西部片"),
    _g("road-movie", "Road movie", "公路片", "road", "公路"),
    _g("social-realism", "Social realism", "现实主义", "社会现实", "realism", "现实题材"),
    _s("screenwriting", "Screenwriting", "编剧", "writing", "script", "scriptwriting", "剧本", "剧作", "剧本创作",
       "剧本写作", "编剧技巧", "剧本开发", "script development"),
    _s("directing", "Directing", "导演", "direction", "导演技巧", "导演创作", "执导", "场面调度"),
    _s("cinematography", "Cinematography", "摄影", "camera", "dop", "dp", "摄像", "摄影指导", "电影摄影", "视听语言"),
    _s("lighting", "Lighting", "灯光", "照明"),
    _s("sound", "Sound", "声音", "录音", "sound design", "声音设计", "audio", "mixing", "混音"),
    _s("editing", "Editing", "剪辑", "film editing", "cutting", "后期剪辑", "剪辑指导", "剪接"),
    _s("di-grading", "DI grading", "调色", "colour grading", "color grading", "grading", "di", "数字调色"),
    _s("vfx", "VFX", "视效", "visual effects", "特效", "视觉特效", "cgi"),
    _s("acting", "Acting", "表演", "performance", "actor coaching", "演员指导", "表演指导"),
    _s("producing", "Producing", "制片", "production", "producer", "制作", "制片管理", "监制"),
    _s("production-design", "Production design", "美术", "art direction", "美术设计", "set design", "美术指导"),
    _s("music", "Film music", "电影音乐", "score", "scoring", "composing", "配乐", "作曲"),
    _s("action-choreography", "Action choreography", "动作设计", "stunts", "fight choreography", "武术指导", "动作指导"),
    _s("financing", "Financing", "融资", "funding", "fundraising", "投资"),
    _s("distribution", "Distribution", "发行", "sales", "marketing", "宣发"),
    _s("festival-strategy", "Festival strategy", "电影节策略", "festivals", "festival", "影展策略"),
    _s("pitching", "Pitching", "提案", "pitch", "创投"),
    _s("casting", "Casting", "选角", "演员选择"),
    _s("costume-makeup", "Costume and make-up", "服化", "costume", "makeup", "make-up", "服装", "化妆"),
)

_SEPARATORS = re.compile(r"[\s\-_/·・]+")


def lookup_key(text: str) -> str:
    """The form terms are compared in: case-folded, separators folded to one space."""
    return _SEPARATORS.sub(" ", text.strip().casefold()).strip()


def custom_key(text: str) -> str:
    """The canonical key given to an unknown term: lower case, words joined by hyphens."""
    return lookup_key(text).replace(" ", "-")


@dataclass
class Vocabulary:
    """The terms of one program: the built-in ones plus any custom terms kept from imports."""

    terms: tuple[Term, ...] = BUILTIN_TERMS
    _index: dict[tuple[str, str], Term] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {}
        for term in self.terms:
            for name in (term.key, term.en, term.zh, *term.synonyms):
                self._index.setdefault((term.kind, lookup_key(name)), term)

    def with_custom(self, kind: Kind, keys: Iterable[str]) -> "Vocabulary":
        """A vocabulary that also knows the given custom keys (labels are the keys themselves)."""
        extra = tuple(Term(kind, k, k, k) for k in keys if (kind, lookup_key(k)) not in self._index)
        return Vocabulary(self.terms + extra) if extra else self

    def find(self, kind: Kind, text: str) -> Term | None:
        return self._index.get((kind, lookup_key(text)))

    def normalise(self, kind: Kind, text: str) -> Normalised:
        """The canonical key of a term in either language; an unknown term is kept with a suggestion."""
        term = self.find(kind, text)
        if term is not None:
            return Normalised(term.key, True)
        return Normalised(custom_key(text), False, self.closest(kind, text))

    def closest(self, kind: Kind, text: str) -> str | None:
        """The canonical key of the closest known term, if any is reasonably close."""
        choices = {name: term.key for (k, name), term in self._index.items() if k == kind}
        match = process.extractOne(lookup_key(text), list(choices), scorer=fuzz.WRatio, score_cutoff=60)
        return choices[match[0]] if match else None

    def label(self, kind: Kind, key: str, lang: str = "en") -> str:
        """A canonical key shown in the user's language; unknown keys are shown as they are."""
        term = self._index.get((kind, lookup_key(key)))
        return term.label(lang) if term else key

    def of_kind(self, kind: Kind) -> list[Term]:
        return [t for t in self.terms if t.kind == kind]


BUILTIN = Vocabulary()


def program_vocabulary(custom_terms: Mapping[str, Iterable[str]] | None = None) -> Vocabulary:
    """The built-in vocabulary plus a program's custom terms (what earlier imports kept): the one definition."""
    vocabulary = BUILTIN
    for kind, keys in (custom_terms or {}).items():
        if kind in ("genre", "skill"):
            vocabulary = vocabulary.with_custom(kind, keys)
    return vocabulary

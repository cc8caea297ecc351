"""Cell values of a roster: lists, levelled skills, roles, capacity and languages."""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping

from pairing.domain import Role
from pairing.importer.issues import ImportFileError, ValueProblem
from pairing.words import msg

_LEVEL = re.compile(r"^(?P<term>.*?)\s*[:：]\s*(?P<level>[^:：]*)$")
DEFAULT_LEVEL = 3

ROLE_WORDS: dict[str, Role] = {
    **dict.fromkeys(("director", "directors", "young director", "mentee", "导演", "青年导演", "学员", "编剧学员",
                     "screenwriter", "performer"), Role.DIRECTOR),
    **dict.fromkeys(("producer", "producers", "senior producer", "制片人", "监制", "制片", "lead mentor", "主导师",
                     "action director", "动作导演"), Role.PRODUCER),
    **dict.fromkeys(("instructor", "instructors", "导师", "讲师", "教练", "specialist", "mentor", "coach",
                     "专业导师"), Role.INSTRUCTOR),
}

# Language names folded to one English name so that the solver's "shared language" compares alike.
LANGUAGE_WORDS: dict[str, str] = {
    **dict.fromkeys(("mandarin", "普通话", "国语", "中文", "汉语", "华语", "chinese", "putonghua"),
                    "Mandarin"),
    **dict.fromkeys(("english", "英语", "英文"), "English"),
    **dict.fromkeys(("cantonese", "粤语", "广东话", "廣東話", "粵語"), "Cantonese"),
    **dict.fromkeys(("french", "法语", "法文"), "French"),
    **dict.fromkeys(("japanese", "日语", "日文"), "Japanese"),
    **dict.fromkeys(("korean", "韩语", "韩文"), "Korean"),
    **dict.fromkeys(("spanish", "西班牙语"), "Spanish"),
    **dict.fromkeys(("german", "德语"), "German"),
    **dict.fromkeys(("russian", "俄语"), "Russian"),
    **dict.fromkeys(("arabic", "阿拉伯语"), "Arabic"),
    **dict.fromkeys(("hindi", "印地语"), "Hindi"),
    **dict.fromkeys(("italian", "意大利语"), "Italian"),
    **dict.fromkeys(("portuguese", "葡萄牙语"), "Portuguese"),
}


def split_list(text: str) -> list[str]:
    """`a; b|c、d，e┋其他〖f〗` → items, trimmed, blanks dropped (see answers.py for a column's own options)."""
    from pairing.importer.answers import split_answer

    return split_answer(text)


def split_level(item: str) -> tuple[str, int | None]:
    """`editing:4` / `剪辑：4` → ('editing', 4); `vfx` → ('vfx', None). Raises ValueProblem on a bad level."""
    match = _LEVEL.match(item)
    if match is None:
        return item.strip(), None
    term, level = match["term"].strip(), unicodedata.normalize("NFKC", match["level"]).strip()
    if not level.isdigit() or not 1 <= int(level) <= 5:
        example = f'{term or "editing"}:4'
        raise ValueProblem(msg("importer.bad_level", item=item, level=level, example=example))
    if not term:
        raise ValueProblem(msg("importer.level_without_skill", item=item))
    return term, int(level)


def parse_role(text: str, words: Mapping[str, Role] | None = None) -> Role:
    """A role as a form or a colleague writes it: `导演`, `监制/制片人`, `专业导师`, `Mentor`, `Mentee`…;
    `words` are the program's own names for its roles (calendar issue), folded, checked first."""
    key = unicodedata.normalize("NFKC", text).strip().casefold()
    role = (words or {}).get(key) or ROLE_WORDS.get(key)
    if role is None:
        role = next((ROLE_WORDS[p] for p in _ROLE_PARTS.split(key) if p in ROLE_WORDS), None)
    if role is None:
        role = next((r for words, r in ROLE_CONTAINS if any(w in key for w in words)), None)
    if role is None:
        raise ValueProblem(msg("importer.bad_role", text=text))
    return role


def is_role_answer(text: str, words: Mapping[str, Role] | None = None) -> bool:
    try:
        parse_role(text, words)
    except ValueProblem:
        return False
    return True


# Form answers name roles inside longer words ("专业导师", "I am a mentor"); the lead-mentor words come first
# because "动作导演" (action director) and "主导师" (lead mentor) are a camp's lead mentors, not its mentees.
ROLE_CONTAINS: tuple[tuple[tuple[str, ...], Role], ...] = (
    (("动作导演", "action director", "lead mentor", "主导师", "监制", "制片", "producer"), Role.PRODUCER),
    (("mentee", "学员", "student", "青年导演", "导演", "director", "编剧学员", "applicant", "participant", "学生"),
     Role.DIRECTOR),
    (("导师", "讲师", "教练", "mentor", "instructor", "coach", "tutor", "专家", "specialist", "teacher", "老师"),
     Role.INSTRUCTOR),
)
_ROLE_PARTS = __import__("re").compile(r"[/／|,，、()（）]+")


def role_option(text: str | Role | None) -> Role | None:
    """The role given for a whole file (`--role`, the wizard); a bad one is the user's mistake."""
    if text is None or isinstance(text, Role):
        return text
    try:
        return parse_role(text)
    except ValueProblem as exc:
        raise ImportFileError(msg("importer.role_option", problem=exc.message)) from None


CHECKED = frozenset({"1", "√", "✓", "✔", "☑", "yes", "y", "是", "true", "x", "选中", "已选", "checked"})
UNCHECKED = frozenset({"", "0", "no", "n", "否", "false", "未选", "-", "(跳过)", "(空)", "-3", "-2"})


def looks_checked(text: str) -> bool:
    return unicodedata.normalize("NFKC", text).strip().casefold() in CHECKED


def looks_unchecked(text: str) -> bool:
    return unicodedata.normalize("NFKC", text).strip().casefold() in UNCHECKED


def parse_capacity(text: str) -> int | None:
    """A whole number ≥ 0 (`3`, `3.0` from spreadsheets); blank is None."""
    if text.isascii() and text.isdigit():
        return int(text)
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    number = text[:-2] if text.endswith(".0") else text
    if not number.isdigit():
        raise ValueProblem(msg("importer.bad_capacity", text=text))
    return int(number)


def normalise_language(text: str) -> str:
    key = unicodedata.normalize("NFKC", text).strip()
    return LANGUAGE_WORDS.get(key.casefold(), key)


def clean_text(text: str) -> str:
    """A single-line field: trimmed, inner runs of spaces collapsed."""
    text = text.strip()
    # `in` checks are much faster than a regex on the common, already clean value
    if "  " in text or "\t" in text or "\n" in text or "\r" in text or "\u3000" in text:
        return " ".join(text.split())
    return text


def program_role_words(roles) -> dict[str, Role]:
    """The program's own role names ((role, English, Chinese) triples) as role words, folded."""
    words = {}
    for role, english, chinese in roles:
        if role in ("director", "producer", "instructor"):
            for word in (english, chinese):
                if word and word.strip():
                    words[unicodedata.normalize("NFKC", word).strip().casefold()] = Role(role)
    return words

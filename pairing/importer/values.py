"""Cell values of a roster: lists, levelled skills, roles, capacity and languages."""

from __future__ import annotations

import re
import unicodedata

from pairing.domain import Role
from pairing.errors import UserError
from pairing.importer.issues import ValueProblem

_LIST_SEPARATORS = re.compile(r"[;|；、,，\n]")
_LEVEL = re.compile(r"^(?P<term>.*?)\s*[:：]\s*(?P<level>[^:：]*)$")
DEFAULT_LEVEL = 3

ROLE_WORDS: dict[str, Role] = {
    **dict.fromkeys(("director", "directors", "young director", "mentee", "导演", "青年导演"), Role.DIRECTOR),
    **dict.fromkeys(("producer", "producers", "senior producer", "制片人", "监制", "制片"), Role.PRODUCER),
    **dict.fromkeys(("instructor", "instructors", "导师", "讲师", "教练", "specialist"), Role.INSTRUCTOR),
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
    """`a; b|c、d，e` → items, trimmed, blanks dropped."""
    if not text:
        return []
    return [stripped for item in _LIST_SEPARATORS.split(text) if (stripped := item.strip())]


def split_level(item: str) -> tuple[str, int | None]:
    """`editing:4` / `剪辑：4` → ('editing', 4); `vfx` → ('vfx', None). Raises ValueProblem on a bad level."""
    match = _LEVEL.match(item)
    if match is None:
        return item.strip(), None
    term, level = match["term"].strip(), unicodedata.normalize("NFKC", match["level"]).strip()
    if not level.isdigit() or not 1 <= int(level) <= 5:
        example = f'{term or "editing"}:4'
        raise ValueProblem(f'"{item}" has level "{level}"; expected a whole number from 1 to 5 (e.g. "{example}")')
    if not term:
        raise ValueProblem(f'"{item}" has a level but no skill before the colon')
    return term, int(level)


def parse_role(text: str) -> Role:
    role = ROLE_WORDS.get(unicodedata.normalize("NFKC", text).strip().casefold())
    if role is None:
        raise ValueProblem(
            f'"{text}" is not a role; expected director, producer or instructor '
            "(or 导演 / 制片人 / 导师, young director, senior producer, 讲师 …)"
        )
    return role


def role_option(text: str | Role | None) -> Role | None:
    """The role given for a whole file (`--role`, the wizard); a bad one is the user's mistake."""
    if text is None or isinstance(text, Role):
        return text
    try:
        return parse_role(text)
    except ValueProblem as exc:
        raise UserError(f"--role: {exc}.") from None


def parse_capacity(text: str) -> int | None:
    """A whole number ≥ 0 (`3`, `3.0` from spreadsheets); blank is None."""
    if text.isascii() and text.isdigit():
        return int(text)
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    number = text[:-2] if text.endswith(".0") else text
    if not number.isdigit():
        raise ValueProblem(f'"{text}" is not a capacity; expected a whole number of directors, 0 or more')
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

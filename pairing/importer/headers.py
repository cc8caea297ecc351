"""Header text of a roster as a sign-up form writes it, normalised, and matched to fields by meaning.

`normalise_header` removes what forms add around a question (numbering `1、` `Q1.` `第1题` `(1)`,
required marks, trailing punctuation, bracketed hints); `match_header` then scores every field by the
words of the header in either language and says why, as a message the curator can read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pairing.importer.issues import field_word
from pairing.words import Message, msg

# Field → accepted header names (BRIEF.md "Roster file"), compared after `header_key`.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "编号", "序号id"),
    "name": ("name", "full name", "姓名", "名字", "your name", "您的姓名", "你的姓名", "真实姓名", "姓名name"),
    "role": ("role", "type", "角色", "身份"),
    "email": ("email", "e-mail", "email address", "邮箱", "电子邮件", "电子邮箱"),
    "phone": ("phone", "mobile", "telephone", "电话", "手机", "联系电话"),
    "organization": ("organization", "organisation", "company", "affiliation", "机构", "公司", "单位", "工作单位"),
    "genres": ("genres", "genre", "类型", "题材"),
    "skills": ("skills", "skill", "expertise", "specialty", "specialties", "技能", "专长", "擅长"),
    "needs": ("needs", "wants to learn", "需求", "希望学习"),
    "availability": ("availability", "available", "slots", "时间", "可用时间", "可用时段", "空闲时间", "档期"),
    "capacity": ("capacity", "max mentees", "名额", "容量"),
    "languages": ("languages", "language", "语言"),
    "prefers": ("prefers", "preferences", "偏好", "意向"),
    "avoid": ("avoid", "conflicts", "回避"),
    "notes": ("notes", "note", "comments", "remarks", "备注", "说明"),
}
FIELDS: tuple[str, ...] = tuple(HEADER_NAMES)
# Two columns a form splits a name into; combined into `name` unless a full-name column exists.
NAME_PARTS: dict[str, tuple[str, ...]] = {
    "given_name": ("first name", "given name", "forename", "名", "first"),
    "family_name": ("last name", "family name", "surname", "姓", "姓氏", "last"),
}
CHOOSABLE: tuple[str, ...] = FIELDS + tuple(NAME_PARTS)

# Words that carry a field's meaning inside a question, with how strongly (0-100). Latin words match
# at the start of a word ("genre" in "Which genres…"), Chinese ones anywhere in the header.
FIELD_WORDS: dict[str, tuple[tuple[str, int], ...]] = {
    "name": (("name", 70), ("姓名", 90), ("名字", 85), ("称呼", 70), ("怎么称呼", 80)),
    "given_name": (("first name", 92), ("given name", 92), ("forename", 92)),
    "family_name": (("last name", 92), ("family name", 92), ("surname", 92), ("姓氏", 92)),
    "role": (("role", 80), ("角色", 85), ("身份", 85), ("applying as", 85), ("apply as", 85),
             ("participate as", 85), ("join as", 85), ("sign up as", 85), ("报名类别", 85), ("报名类型", 85),
             ("mentor or mentee", 90), ("参与方式", 70)),
    "email": (("email", 90), ("e-mail", 90), ("e mail", 90), ("邮箱", 90), ("电子邮件", 90), ("mail", 70)),
    "phone": (("phone", 88), ("mobile", 85), ("telephone", 90), ("cell", 60), ("电话", 88), ("手机", 88),
              ("联系方式", 75)),
    "organization": (("organization", 88), ("organisation", 88), ("company", 88), ("affiliation", 88),
                     ("institution", 85), ("employer", 85), ("school", 80), ("university", 80), ("studio", 75),
                     ("机构", 88), ("公司", 88), ("单位", 88), ("学校", 82), ("院校", 82), ("工作室", 78)),
    "genres": (("genre", 90), ("类型", 85), ("题材", 90), ("片种", 88), ("kinds of film", 85),
               ("types of film", 85), ("film types", 85)),
    "skills": (("skill", 88), ("expertise", 88), ("specialt", 85), ("speciali", 85), ("can teach", 90),
               ("could teach", 90), ("teach", 80), ("strength", 70), ("技能", 88), ("专长", 88), ("擅长", 75), ("特长", 85),
               ("可指导", 88), ("指导方向", 88), ("专业方向", 80), ("能教", 85)),
    "needs": (("need", 82), ("want to learn", 92), ("like to learn", 92), ("hope to learn", 92),
              ("learn", 75), ("help with", 85), ("improve", 70), ("需求", 88), ("希望学习", 92), ("想学", 90),
              ("学习", 72), ("希望获得", 85), ("希望提升", 85), ("需要", 70), ("短板", 80)),
    "availability": (("availab", 90), ("slot", 85), ("free time", 88), ("when can", 88), ("schedule", 75),
                     ("时间", 72), ("可用时间", 90), ("空闲", 88), ("档期", 90), ("可参加", 85), ("有空", 88),
                     ("时段", 85)),
    "capacity": (("capacity", 90), ("max mentees", 92), ("how many", 75), ("mentees", 70), ("名额", 90),
                 ("容量", 90), ("带几", 85), ("人数", 70)),
    "languages": (("language", 90), ("语言", 90), ("语种", 90)),
    "prefers": (("prefer", 85), ("preference", 88), ("偏好", 88), ("意向", 88), ("希望合作", 90), ("想合作", 90),
                ("first choice", 85), ("work with", 75)),
    "avoid": (("avoid", 90), ("conflict", 80), ("回避", 90), ("不希望", 80), ("do not want", 80)),
    "notes": (("note", 80), ("comment", 80), ("remark", 80), ("anything else", 85), ("备注", 88), ("说明", 70),
              ("补充", 80), ("其他想说", 85)),
}
# A header with one of these words does not name the person even though it says "name" (片名, nickname…).
NOT_A_PERSON_NAME = ("project", "film", "title", "nick", "user", "file", "company", "school", "作品", "片名", "项目",
                     "昵称", "用户", "机构", "公司", "单位", "学校", "团队", "team")
MATCHED, SUGGESTED = 60, 50

_NUMBERING = re.compile(
    r"^\s*(?:第\s*\d+\s*题\s*[、.．:：]?|[qQ]\s*\d+\s*[、.．:：)）]?|\d+(?:\.\d+)*\s*[、.．:：)）]|"
    r"[(（【\[]\s*\d+\s*[)）】\]])\s*")
_BRACKETED = re.compile(r"[(（【\[<〔][^()（）【】\[\]<>〔〕]*[)）】\]>〕]")
_EDGE_MARKS = re.compile(r"^[\s*＊※]+|[\s*＊※:：?？。.!！,，;；、]+$")
_LATIN_CJK = re.compile(r"(?<=[A-Za-z])\s*(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s*(?=[A-Za-z])")


def header_key(text: str) -> str:
    """Trimmed, case-folded, full-width folded, stray BOM and trailing colon removed."""
    text = unicodedata.normalize("NFKC", text).replace("\ufeff", "")
    return re.sub(r"\s+", " ", text.strip().rstrip(":").strip().casefold())


def strip_numbering(text: str) -> str:
    """`1、您的姓名` → `您的姓名`; `Q3. Genres` → `Genres`; `第2题 …`, `(4) …`, `12345: …` (Canvas)."""
    text = unicodedata.normalize("NFKC", text).replace("\ufeff", "").strip()
    stripped = _NUMBERING.sub("", text, count=1)
    return stripped if stripped.strip() else text


def normalise_header(text: str) -> str:
    """The question a header asks, without numbering, required marks, bracketed hints or trailing
    punctuation; case-folded with spaces collapsed. Never empty for a header with letters in it."""
    text = strip_numbering(text)
    previous = None
    while previous != text:  # a header may carry several marks: `*3、姓名（必填）：`
        previous = text
        text = _EDGE_MARKS.sub("", text)
        without = _BRACKETED.sub(" ", text).strip()
        text = without if without else text
        text = strip_numbering(text)
    return re.sub(r"\s+", " ", text.casefold()).strip()


def halves(key: str) -> tuple[str, ...]:
    """A bilingual header's halves: `姓名 / name` → (`姓名`, `name`); `name 姓名` likewise."""
    parts = [p.strip() for p in re.split(r"\s*[/|｜]\s*", key) if p.strip()]
    if len(parts) == 1:
        parts = [p.strip() for p in _LATIN_CJK.split(key) if p.strip()]
    return tuple(parts) if len(parts) > 1 else ()


@dataclass(frozen=True)
class HeaderMatch:
    """A field a header means, how sure (0-100) and why; `alternatives` tie with it (an ambiguous header)."""

    field: str | None
    score: int
    reason: Message | None
    alternatives: tuple[str, ...] = ()


NO_MATCH = HeaderMatch(None, 0, None)
_EXACT = {header_key(name): f for f, names in (*HEADER_NAMES.items(), *NAME_PARTS.items()) for name in names}


def match_header(text: str) -> HeaderMatch:
    """The field `text` means: its own name (100), a word of the field inside the question (60-92),
    or a close misspelling (a suggestion only, score 50)."""
    key = normalise_header(text)
    candidates = [key, *halves(key)]
    for candidate in candidates:
        if candidate in _EXACT:
            return HeaderMatch(_EXACT[candidate], 100, msg("importer.reason_name", header=text,
                                                           field=field_word(_EXACT[candidate])))
    best = max((_by_words(c) for c in candidates), key=lambda m: m.score)
    if best.score:
        return best
    guess = suggest_field(key)
    if guess:
        return HeaderMatch(guess, SUGGESTED, msg("importer.reason_looks_like", header=text, field=field_word(guess)))
    return NO_MATCH


def _by_words(key: str) -> HeaderMatch:
    scores: dict[str, tuple[int, str]] = {}
    for name, words in FIELD_WORDS.items():
        for word, weight in words:
            if weight > scores.get(name, (0, ""))[0] and _contains(key, word):
                if name == "name" and any(w in key for w in NOT_A_PERSON_NAME):
                    continue
                scores[name] = (weight, word)
    if not scores:
        return NO_MATCH
    top = max(score for score, _word in scores.values())
    tied = sorted(name for name, (score, _w) in scores.items() if score == top)
    name = tied[0]
    reason = msg("importer.reason_word", word=scores[name][1], field=field_word(name))
    return HeaderMatch(name, top, reason, tuple(tied[1:]))


def _contains(key: str, word: str) -> bool:
    if word.isascii():
        return re.search(rf"(?<![a-z]){re.escape(word)}", key) is not None
    return word in key


def suggest_field(text: str) -> str | None:
    """The field whose header name is a close misspelling of `text` (`availabilty` → availability)."""
    key = header_key(text)
    if len(key) < 3:
        return None
    names = [n for n in _EXACT if n in _FUZZY]
    match = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=80)
    return _EXACT[match[0]] if match else None


_FUZZY = {header_key(name) for names in HEADER_NAMES.values() for name in names}

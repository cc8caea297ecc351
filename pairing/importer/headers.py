"""Header names of a roster (English or Chinese) mapped to Person fields, with "did you mean" help."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

# Field → accepted header names (BRIEF.md "Roster file"), compared after `header_key`.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "编号", "序号id"),
    "name": ("name", "full name", "姓名", "名字"),
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


def header_key(text: str) -> str:
    """Trimmed, case-folded, full-width folded, stray BOM and trailing colon removed."""
    text = unicodedata.normalize("NFKC", text).replace("\ufeff", "")
    return re.sub(r"\s+", " ", text.strip().rstrip(":").strip().casefold())


_BY_NAME = {header_key(name): f for f, names in HEADER_NAMES.items() for name in names}


@dataclass
class ColumnMapping:
    """Which column (by index) holds which field; columns not in `fields` are unknown (kept as notes).

    The import wizard may edit `fields` before parsing; `suggestions` says, for an unknown column,
    which field its header most resembles.
    """

    header: tuple[str, ...]
    fields: dict[int, str] = field(default_factory=dict)
    suggestions: dict[int, str] = field(default_factory=dict)
    role: str | None = None

    @property
    def unknown(self) -> dict[int, str]:
        return {i: h for i, h in enumerate(self.header) if i not in self.fields and h.strip()}

    def column_of(self, field_name: str) -> int | None:
        return next((i for i, f in self.fields.items() if f == field_name), None)

    def duplicates(self) -> dict[str, list[int]]:
        """Fields mapped from more than one column."""
        seen: dict[str, list[int]] = {}
        for index, name in sorted(self.fields.items()):
            seen.setdefault(name, []).append(index)
        return {name: cols for name, cols in seen.items() if len(cols) > 1}

    def as_names(self) -> dict[str, str]:
        """Header → field, for reports."""
        return {self.header[i]: f for i, f in sorted(self.fields.items())}


def map_columns(header, role: str | None = None) -> ColumnMapping:
    """Map each header cell to a field by its name; suggest the closest field for unknown ones."""
    header = tuple(str(h) for h in header)
    mapping = ColumnMapping(header, role=role)
    for index, text in enumerate(header):
        name = _BY_NAME.get(header_key(text))
        if name is not None:
            mapping.fields[index] = name
        elif text.strip():
            guess = suggest_field(text)
            if guess:
                mapping.suggestions[index] = guess
    return mapping


def suggest_field(text: str) -> str | None:
    """The field whose header name is a close misspelling of `text` (`availabilty` → availability)."""
    key = header_key(text)
    if len(key) < 3:
        return None
    match = process.extractOne(key, list(_BY_NAME), scorer=fuzz.ratio, score_cutoff=80)
    return _BY_NAME[match[0]] if match else None

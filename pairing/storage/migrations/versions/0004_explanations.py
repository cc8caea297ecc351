"""Explanations as values (issue 8): a run's reasons, unmatched "why" and diagnosis were stored as
sentences (English, or Chinese after a manual change in the Chinese window); they become messages
(`pairing.words` JSON: a code and its arguments).

This migration is the one place that reads the old sentences: the reasons were made from a fixed set of
templates (the engine's reasons.py before this revision), so each is turned back into its message with
the terms, slots, names and ranks it named. A sentence that matches no template (diagnoses, unmatched
reasons: many templates, only on infeasible runs) is kept as `words.untranslated`, shown as it was.
Downgrade renders the messages back into English sentences.

Revision ID: 0004
Revises: 0005 (the chain follows landing order)
"""
from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0005"
branch_labels = None
depends_on = None

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
            "第一": 1, "第二": 2, "第三": 3, "第四": 4, "第五": 5}
LANGUAGES_ZH = {"普通话": "Mandarin", "英语": "English", "粤语": "Cantonese", "法语": "French", "日语": "Japanese",
                "韩语": "Korean", "西班牙语": "Spanish", "德语": "German", "俄语": "Russian", "阿拉伯语": "Arabic",
                "印地语": "Hindi", "意大利语": "Italian", "葡萄牙语": "Portuguese"}


def _message(code: str, **args) -> dict:
    return {"code": code, "args": args}


def _untranslated(text: str) -> dict:
    return _message("words.untranslated", text=text)


def _items(text: str) -> list[str]:
    return [item.strip() for item in re.split(r", |、", text) if item.strip()]


def _terms(kind: str, text: str) -> list[dict]:
    from pairing.vocabulary import BUILTIN

    out = []
    for label in _items(text):
        term = BUILTIN.find(kind, label)
        out.append({"term": [kind, term.key if term else label]})
    return out


def _slot(label: str) -> dict:
    from pairing.calendar import DAY_LABELS, PART_LABELS

    day, _, part = label.partition(" ")
    days = {v: k for k, v in DAY_LABELS["zh"].items()}
    parts = {v: k for k, v in PART_LABELS["zh"].items()}
    return {"slot": f"{days.get(day, day)} {parts.get(part, part)}".strip()}


def _rank(word: str) -> dict:
    if word.startswith("#"):
        return {"ordinal": int(word[1:])}
    if word.startswith("第") and word[1:].isdigit():
        return {"ordinal": int(word[1:])}
    return {"ordinal": ORDINALS[word]}


def _needs(covered: str | None, missing: str | None) -> dict:
    if covered and missing:
        return _message("team.needs_partly", covered=_terms("skill", covered), missing=_terms("skill", missing))
    if covered:
        return _message("team.needs_covered", covered=_terms("skill", covered))
    return _message("team.needs_missing", missing=_terms("skill", missing))


def reason_message(text: str, director_name: str) -> dict:
    """One reason sentence of the old engine as its message."""
    rules = (
        (r"both work in (.+)", lambda m: _message("team.genres", genres=_terms("genre", m[1]))),
        (r"都做(.+)", lambda m: _message("team.genres", genres=_terms("genre", m[1]))),
        (r"covers: (.+); not covered: (.+)", lambda m: _needs(m[1], m[2])),
        (r"覆盖：(.+)；未覆盖：(.+)", lambda m: _needs(m[1], m[2])),
        (r"covers: (.+)", lambda m: _needs(m[1], None)),
        (r"覆盖：(.+)", lambda m: _needs(m[1], None)),
        (r"not covered: (.+)", lambda m: _needs(None, m[1])),
        (r"未覆盖：(.+)", lambda m: _needs(None, m[1])),
        (r"no common free slot|没有共同空闲时段", lambda m: _message("team.no_common_slot")),
        (r"meets (.+) \(\+(\d+) more\)", lambda m: _message(
            "team.meets_more", slots=[_slot(s) for s in _items(m[1])], total=len(_items(m[1])) + int(m[2]))),
        (r"可见面：(.+) 等(\d+)个时段", lambda m: _message(
            "team.meets_more", slots=[_slot(s) for s in _items(m[1])], total=int(m[2]))),
        (r"meets (.+)", lambda m: _message("team.meets", slots=[_slot(s) for s in _items(m[1])])),
        (r"可见面：(.+)", lambda m: _message("team.meets", slots=[_slot(s) for s in _items(m[1])])),
        (r"(.+) is (.+)'s (\S+) choice", lambda m: _message(
            "team.director_prefers", mentor_name=m[1], director_name=m[2], rank=_rank(m[3]))),
        (r"(.+)'s (\S+) choice", lambda m: _message(
            "team.mentor_prefers", mentor_name=m[1], director_name=director_name, rank=_rank(m[2]))),
        (r"(.+)是(.+)的(第\S+?)志愿", lambda m: _preference_zh(m, director_name)),
        (r"common language: (.+)", lambda m: _message(
            "team.language", languages=[{"language": x} for x in _items(m[1])])),
        (r"共同语言：(.+)", lambda m: _message(
            "team.language", languages=[{"language": LANGUAGES_ZH.get(x, x)} for x in _items(m[1])])),
        (r"(?:locked by the curator|策展人锁定)[:：] ?(.+)", lambda m: _message("team.locked", names=_items(m[1]))),
        (r"(?:kept from the previous run|沿用上次方案)[:：] ?(.+)", lambda m: _message("team.kept", names=_items(m[1]))),
    )
    for pattern, build in rules:
        match = re.fullmatch(pattern, text)
        if match:
            try:
                return build(match)
            except (KeyError, ValueError):
                break
    return _untranslated(text)


def _preference_zh(match, director_name: str) -> dict:
    first, second, rank = match[1], match[2], _rank(match[3])
    if first == director_name:  # "{director}是{mentor}的第一志愿": the mentor's choice
        return _message("team.mentor_prefers", director_name=first, mentor_name=second, rank=rank)
    return _message("team.director_prefers", mentor_name=first, director_name=second, rank=rank)


def _is_message(value) -> bool:
    return isinstance(value, dict) and "code" in value


def upgrade() -> None:
    connection = op.get_bind()
    person = sa.table("person", sa.column("id", sa.String), sa.column("name", sa.String))
    names = dict(connection.execute(sa.select(person.c.id, person.c.name)).all())
    team = sa.table("run_team", sa.column("pk", sa.Integer), sa.column("director", sa.String),
                    sa.column("reasons", sa.JSON))
    for pk, director, reasons in connection.execute(sa.select(team.c.pk, team.c.director, team.c.reasons)).all():
        converted = [r if _is_message(r) else reason_message(str(r), names.get(director, director))
                     for r in reasons or []]
        connection.execute(team.update().where(team.c.pk == pk).values(reasons=converted))
    run = sa.table("run", sa.column("id", sa.Integer), sa.column("unmatched", sa.JSON),
                   sa.column("diagnosis", sa.JSON))
    for run_id, unmatched, diagnosis in connection.execute(sa.select(run.c.id, run.c.unmatched, run.c.diagnosis)).all():
        unmatched = [{**u, "why": u["why"] if _is_message(u["why"]) else _untranslated(str(u["why"]))}
                     for u in unmatched or []]
        diagnosis = [d if _is_message(d) else _untranslated(str(d)) for d in diagnosis or []]
        connection.execute(run.update().where(run.c.id == run_id).values(unmatched=unmatched, diagnosis=diagnosis))


def downgrade() -> None:
    from pairing.words import from_json, render

    say = lambda value: render(from_json(value)) if _is_message(value) else value  # noqa: E731
    connection = op.get_bind()
    team = sa.table("run_team", sa.column("pk", sa.Integer), sa.column("reasons", sa.JSON))
    for pk, reasons in connection.execute(sa.select(team.c.pk, team.c.reasons)).all():
        connection.execute(team.update().where(team.c.pk == pk).values(reasons=[say(r) for r in reasons or []]))
    run = sa.table("run", sa.column("id", sa.Integer), sa.column("unmatched", sa.JSON),
                   sa.column("diagnosis", sa.JSON))
    for run_id, unmatched, diagnosis in connection.execute(sa.select(run.c.id, run.c.unmatched, run.c.diagnosis)).all():
        connection.execute(run.update().where(run.c.id == run_id).values(
            unmatched=[{**u, "why": say(u["why"])} for u in unmatched or []],
            diagnosis=[say(d) for d in diagnosis or []]))

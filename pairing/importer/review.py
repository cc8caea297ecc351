"""The review of an import plan as sentences in one language: the column plan, every person added, every
changed field before → after, every conflict. The command line prints it; the wizard shows it."""

from __future__ import annotations

from pairing.importer.columns import ColumnChoice, Kind
from pairing.importer.issues import field_word
from pairing.importer.planning import ImportPlan
from pairing.words import Renderer, RoleRef, SlotRef, TermRef, msg

TERM_FIELDS = {"genres": "genre", "needs": "skill"}


def column_line(column: ColumnChoice, say: Renderer) -> str:
    """What one column became and why: `“5、擅长类型” → genres (85): the question contains “类型” …`."""
    reason = column.reason or msg("importer.reason_unknown")
    if column.kind in (Kind.OPTION, Kind.GRID):
        return say(msg("importer.cli_column_option", header=column.header, field=field_word(column.field),
                       option=column.option, reason=reason))
    if column.kind is Kind.FIELD:
        return say(msg("importer.cli_column_field", header=column.header, field=field_word(column.field),
                       score=column.score, reason=reason))
    return say(msg(f"importer.cli_column_{column.kind}", header=column.header, reason=reason))


def column_lines(plan: ImportPlan, say: Renderer) -> list[str]:
    return [column_line(c, say) for c in plan.column_plan.columns] if plan.column_plan else []


def added_lines(plan: ImportPlan, say: Renderer, limit: int | None = None) -> list[str]:
    people = plan.added if limit is None else plan.added[:limit]
    lines = [say(msg("importer.cli_added", id=p.id, name=p.name, role=RoleRef(str(p.role)))) for p in people]
    if limit is not None and len(plan.added) > limit:
        lines.append(say(msg("importer.cli_more", count=len(plan.added) - limit)))
    return lines


def change_lines(plan: ImportPlan, say: Renderer, limit: int | None = None) -> list[str]:
    """Each updated person, then each field that changes, indented: `genres: Drama → Sci-fi`."""
    changes = plan.updated if limit is None else plan.updated[:limit]
    lines = []
    for change in changes:
        lines.append(say(msg("importer.cli_updated", id=change.after.id, name=change.after.name)))
        for name, before, after in change.diffs():
            lines.append("    " + say(msg("importer.cli_change", field=field_word(name),
                                          before=shown(name, before, say), after=shown(name, after, say))))
    if limit is not None and len(plan.updated) > limit:
        lines.append(say(msg("importer.cli_more", count=len(plan.updated) - limit)))
    return lines


def conflict_lines(plan: ImportPlan, say: Renderer) -> list[str]:
    """Conflicts the curator resolved (refused ones are errors, listed with the problems)."""
    refused = {i.line for i in plan.errors if i.message.code == "importer.conflict"}
    return [say(msg("importer.cli_conflict_resolved", line=c.line, what=c.message(), choice=choice_of(plan, c)))
            for c in plan.conflicts if c.line not in refused]


def choice_of(plan: ImportPlan, conflict) -> str:
    kept = {c.after.id for c in plan.updated} | {p.id for p in plan.unchanged}
    return "update" if conflict.existing.id in kept else "add"


def shown(name: str, value, say: Renderer) -> str:
    """A field value in the review's language: terms and slots as labels, skills with levels."""
    if value in ("", None, (), {}):
        return say(msg("importer.empty_value"))
    if name in TERM_FIELDS:
        return say.value(tuple(TermRef(TERM_FIELDS[name], v) for v in value))
    if name == "skills":
        return say.join(f"{say.term('skill', k)}:{level}" for k, level in value.items())
    if name == "availability":
        return say.value(tuple(SlotRef(s) for s in value))
    if name == "role":
        return say.value(RoleRef(str(value)))
    if name == "extra":
        return say.join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return say.join(str(v) for v in value)
    return str(value)

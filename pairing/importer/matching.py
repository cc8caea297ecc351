"""Rows matched to people already in the program (by id, e-mail, or name and role); ids and references."""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz, process

from pairing.domain import DEFAULT_CAPACITY, IdMaker, Person, Role
from pairing.importer.issues import Issue, error, warning

def name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class Matcher:
    """Finds the existing person a row describes."""

    def __init__(self, existing: list[Person]):
        self.by_id = {p.id: p for p in existing}
        self.by_email = {p.email.casefold(): p for p in existing if p.email}
        self.by_name_role = {(name_key(p.name), p.role): p for p in existing}

    def find(self, values: dict, role: Role) -> Person | None:
        if values.get("id"):
            return self.by_id.get(values["id"])
        email = values.get("email", "").casefold()
        if email and email in self.by_email:
            return self.by_email[email]
        return self.by_name_role.get((name_key(values["name"]), role))


def assign_ids(source: str, drafts, existing: list[Person],
               reader) -> tuple[list[Person], dict[str, int], list[Issue]]:
    """Each draft becomes a Person: the existing one updated, or a new one with the file's or a new id."""
    matcher, issues = Matcher(existing), []
    targets: dict[str, int] = {}
    anonymous: dict[tuple, int] = {}
    pending: list[tuple[object, Person | None]] = []
    for draft in drafts:
        found = matcher.find(draft.values, draft.role)
        target = found.id if found else draft.values.get("id")
        if target and target in targets:
            issues.append(_duplicate(source, draft, target, targets[target], reader))
            continue
        if target:
            targets[target] = draft.line
        elif (twin := anonymous.setdefault(_identity(draft), draft.line)) != draft.line:
            issues.append(_twin(source, draft, twin, reader))
            continue
        pending.append((draft, found))
    ids = IdMaker(set(matcher.by_id) | set(targets))
    people, lines = [], {}
    for draft, found in pending:
        person = _build(draft, found, ids, reader)
        people.append(person)
        lines[person.id] = draft.line
    return people, lines, issues


def _duplicate(source: str, draft, target: str, first_line: int, reader) -> Issue:
    if draft.values.get("id") == target:
        return error(source, f'the id "{target}" is already used on line {first_line}; expected a unique id '
                     "per person", draft.line, reader.header("id"))
    return error(source, f"this row describes the same person ({target}) as line {first_line}; "
                 "expected each person once", draft.line)


def _identity(draft) -> tuple:
    """What tells a new person without an id apart on the next import: the e-mail, else name and role."""
    email = draft.values.get("email", "").casefold()
    return ("email", email) if email else ("name", name_key(draft.values["name"]), draft.role)


def _twin(source: str, draft, first_line: int, reader) -> Issue:
    """Two id-less rows that the next import could not tell apart."""
    email = draft.values.get("email")
    if email:
        return error(source, f"the e-mail {email} is also on line {first_line}; expected one row per person "
                     "(give each row an id if they are two people)", draft.line, reader.header("email"))
    return error(source, f"another {draft.role} called {draft.values['name']} is on line {first_line}; expected "
                 "one row per person (give each an id or e-mail if they are two people)", draft.line,
                 reader.header("name"))


def _build(draft, found: Person | None, ids: IdMaker, reader) -> Person:
    values = dict(draft.values)
    values["role"] = draft.role
    if found is not None:
        values["id"] = found.id
        return found.with_changes(**values)
    values["id"] = values.get("id") or ids.make(draft.role)
    if draft.role.is_mentor and "capacity" not in values:
        reader.missing_capacity.append((draft.line, draft.role))
        values["capacity"] = DEFAULT_CAPACITY[draft.role]
    return Person(**values)


# -- prefers and avoid --------------------------------------------------------------------------

class Directory:
    """Everyone a reference can name: the file's people and the program's others, by id or name."""

    def __init__(self, people: list[Person], existing: list[Person]):
        everyone = {p.id: p for p in existing}
        everyone.update({p.id: p for p in people})
        self.ids = set(everyone)
        self.ids_folded = {i.casefold(): i for i in everyone}
        self.by_name: dict[str, list[str]] = {}
        for person in everyone.values():
            self.by_name.setdefault(name_key(person.name), []).append(person.id)
        self.names = {p.id: p.name for p in everyone.values()}

    def resolve(self, text: str) -> tuple[str | None, str | None]:
        """(id, None) or (None, why not)."""
        if text in self.ids:
            return text, None
        if text.casefold() in self.ids_folded:
            return self.ids_folded[text.casefold()], None
        found = self.by_name.get(name_key(text), [])
        if len(found) == 1:
            return found[0], None
        if found:
            return None, f"several people are called {text} ({', '.join(found)}); give the id instead"
        return None, f"no person in this file or program is called {text!r}{self._hint(text)}"

    def _hint(self, text: str) -> str:
        match = process.extractOne(name_key(text), list(self.by_name), scorer=fuzz.ratio, score_cutoff=75)
        return f" (did you mean {self.names[self.by_name[match[0]][0]]}?)" if match else ""


def resolve_references(source: str, people: list[Person], lines: dict[str, int], drafts,
                       existing: list[Person], reader) -> tuple[list[Person], list[Issue]]:
    """prefers/avoid names and ids → ids; anything unresolved is left out with a warning."""
    by_line = {d.line: d for d in drafts}
    directory = Directory(people, existing)
    issues: list[Issue] = []
    resolved = []
    for person in people:
        line = lines[person.id]
        changes = {name: _resolve_list(source, directory, person, by_line[line].values[name], line,
                                       reader.header(name), issues)
                   for name in ("prefers", "avoid") if name in reader.columns}
        if any(getattr(person, name) != ids for name, ids in changes.items()):
            person = person.with_changes(**changes)
        resolved.append(person)
    return resolved, issues


def _resolve_list(source, directory: Directory, person: Person, items, line, column, issues) -> tuple[str, ...]:
    ids = []
    for item in items:
        found, why = directory.resolve(item)
        if found == person.id:
            why = "a person cannot refer to themselves"
        if why:
            issues.append(warning(source, f"{why}; left out", line, column))
        elif found not in ids:
            ids.append(found)
    return tuple(ids)

"""Rows matched to people already in the program (by id, e-mail, or name and role); ids and references."""

from __future__ import annotations


from rapidfuzz import fuzz, process

from pairing.domain import DEFAULT_CAPACITY, IdMaker, Person, References, Role, name_key
from pairing.importer.issues import Issue, error, warning

from dataclasses import dataclass

from pairing.words import RoleRef, msg

ADD, UPDATE = "add", "update"
CONFLICT_CHOICES = (ADD, UPDATE)


@dataclass(frozen=True)
class Conflict:
    """A row that names a person of the program (by id or e-mail) who is someone else by name or role.

    `kind`: `id_name` (same id, other name), `id_role` (same id, other role), `email_role` (same e-mail,
    other role), `name_email` (same name and role, another e-mail). Refused unless the curator chooses
    `add` (a new person) or `update` (it is them)."""

    line: int
    kind: str
    existing: Person
    name: str
    role: Role
    file_id: str = ""
    new_email: str = ""

    def message(self):
        return msg(f"importer.conflict_{self.kind}", id=self.existing.id, name=self.name,
                   existing=self.existing.name, role=RoleRef(str(self.role)),
                   existing_role=RoleRef(str(self.existing.role)), email=self.existing.email,
                   new_email=self.new_email)


class Matcher:
    """Finds the existing person a row describes, and says when the match is doubtful (a conflict)."""

    def __init__(self, existing: list[Person]):
        self.by_id = {p.id: p for p in existing}
        self.by_email = {p.email.casefold(): p for p in existing if p.email}
        self.by_name_role = {(name_key(p.name), p.role): p for p in existing}

    def find(self, values: dict, role: Role) -> tuple[Person | None, str | None]:
        """(person, conflict kind or None)."""
        if values.get("id"):
            found = self.by_id.get(values["id"])
            if found is None:
                return None, None
            if name_key(found.name) != name_key(values["name"]):
                return found, "id_name"
            return found, ("id_role" if found.role is not role else None)
        email = values.get("email", "").casefold()
        if email and email in self.by_email:
            found = self.by_email[email]
            return found, ("email_role" if found.role is not role else None)
        found = self.by_name_role.get((name_key(values["name"]), role))
        if found is not None and email and found.email and found.email.casefold() != email:
            return found, "name_email"  # the same name, another e-mail: perhaps another person
        return found, None


def assign_ids(source: str, drafts, existing: list[Person], reader, on_conflict: str | None = None,
               choices=None) -> tuple[list[Person], dict[str, int], list[Issue], list[Conflict]]:
    """Each draft becomes a Person: the existing one updated, or a new one with the file's or a new id.
    A conflict is refused (an error) unless `choices[line]` or `on_conflict` says `add` or `update`."""
    matcher, issues, conflicts = Matcher(existing), [], []
    choices = choices or {}
    targets: dict[str, int] = {}
    anonymous: dict[tuple, int] = {}
    pending: list[tuple[object, Person | None]] = []
    for draft in drafts:
        found, kind = matcher.find(draft.values, draft.role)
        if kind is not None:
            conflict = Conflict(draft.line, kind, found, draft.values["name"], draft.role,
                                draft.values.get("id", ""), draft.values.get("email", ""))
            conflicts.append(conflict)
            choice = choices.get(draft.line, on_conflict)
            if choice not in CONFLICT_CHOICES:
                issues.append(error(source, msg("importer.conflict", what=conflict.message()), draft.line,
                                    reader.header("id") if kind.startswith("id") else reader.header("email")))
                continue
            if choice == ADD:
                found = None
                draft.values.pop("id", None)
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
    return people, lines, issues, conflicts


def _duplicate(source: str, draft, target: str, first_line: int, reader) -> Issue:
    if draft.values.get("id") == target:
        return error(source, msg("importer.duplicate_id", id=target, first=first_line), draft.line,
                     reader.header("id"))
    return error(source, msg("importer.same_person", id=target, first=first_line), draft.line)


def _identity(draft) -> tuple:
    """What tells a new person without an id apart on the next import: the e-mail, else name and role."""
    email = draft.values.get("email", "").casefold()
    return ("email", email) if email else ("name", name_key(draft.values["name"]), draft.role)


def _twin(source: str, draft, first_line: int, reader) -> Issue:
    """Two id-less rows that the next import could not tell apart."""
    email = draft.values.get("email")
    if email:
        return error(source, msg("importer.twin_email", email=email, first=first_line), draft.line,
                     reader.header("email"))
    return error(source, msg("importer.twin_name", role=RoleRef(str(draft.role)), name=draft.values["name"],
                             first=first_line), draft.line, reader.header("name"))


def _build(draft, found: Person | None, ids: IdMaker, reader) -> Person:
    values = {k: v for k, v in draft.values.items() if k not in ("given_name", "family_name")}
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

class Directory(References):
    """Everyone a reference can name: the file's people and the program's others, by id or name
    (`domain.References`, the engine's rule), and why a reference names nobody."""

    def __init__(self, people: list[Person], existing: list[Person]):
        everyone = {p.id: p for p in existing}
        everyone.update({p.id: p for p in people})
        super().__init__(list(everyone.values()))
        self.names = {p.id: p.name for p in everyone.values()}

    def resolve(self, text: str) -> tuple[str | None, str | None]:
        """(id, None) or (None, why not as a message)."""
        found = self.find(text)
        if found is not None:
            return found, None
        several = self.named(text)
        if several:
            return None, msg("importer.ref_several", text=text, ids=tuple(several))
        guess = self._hint(text)
        if guess:
            return None, msg("importer.ref_unknown_guess", text=text, guess=guess)
        return None, msg("importer.ref_unknown", text=text)

    def _hint(self, text: str) -> str | None:
        match = process.extractOne(name_key(text), list(self.by_name), scorer=fuzz.ratio, score_cutoff=75)
        return self.names[self.by_name[match[0]][0]] if match else None


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
            why = msg("importer.ref_self")
        if why:
            issues.append(warning(source, msg("importer.ref_left_out", why=why), line, column))
        elif found not in ids:
            ids.append(found)
    return tuple(ids)

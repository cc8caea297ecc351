"""The open program document: its store, its undo stack, what other viewers changed, and the signals that
say what changed.

Every change goes through the action layer (`pairing.actions`): `perform` runs one action in one
transaction — after checking that the rows it changes are the ones the curator saw — and pushes its undo
value on the stack; `read` runs a reading action. Widgets never hold sessions, only ids and plain values.
Another window or process that changes the program is noticed by polling the change counters the
database keeps (migration 0006), and the views it concerns are told (issue 11).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from pairing import actions
from pairing.actions import ChangeSet, Done, Undo
from pairing.actions.program import ProgramFileError, ProgramStore, open_program, writing
from pairing.actions import viewers
from pairing.domain import Program
from pairing.errors import UserError
from pairing.words import msg
from ui.i18n import fmt

POLL_MS = 1000  # how often other viewers' changes are looked for: one read of a ten-row table
WRITE_WAIT_S = 5.0  # how long a change made on the GUI thread waits for another program's write to end
# Which kind of view a table changed by another viewer concerns (its ids are not known: views re-read).
TABLE_KINDS: dict[str, str] = {
    "person": "roster", "custom_term": "roster", "lock": "locks", "run": "runs", "run_team": "runs",
    "schedule": "runs", "schedule_meeting": "runs", "program": "settings",
}
REFUSALS = (UserError, viewers.StaleRows)


@dataclass(frozen=True)
class StepText:
    """What an undo step is called, as a value (issue 11, honest undo): a Qt source text, its translation
    context and its arguments (names, ids, file names: data, shown as written). It is said in the window's
    language whenever it is shown, so a step made before a language switch reads in the new language.
    Make one with `step_text(context, QT_TRANSLATE_NOOP(context, "Delete %1"), names)` (lupdate finds it)."""

    context: str
    source: str
    args: tuple[str, ...] = ()

    def said(self) -> str:
        return fmt(QCoreApplication.translate(self.context, self.source), *self.args)


def step_text(context: str, source: str, *args: object) -> StepText:
    return StepText(context, source, tuple(str(a) for a in args))


def said(text: "str | StepText") -> str:
    """A step's name in the window's language (a plain string is what an older caller gave: as it is)."""
    return text.said() if isinstance(text, StepText) else text


class ActionCommand(QUndoCommand):
    """One curator action on the undo stack: it holds the action's undo value (plain data) and its name as a
    value (`StepText`), never a widget or a session. The action was already carried out when the command is
    pushed."""

    MERGE_ID = 1100  # commands with the same merge key merge (a slider dragged is one step)

    def __init__(self, document: "ProgramDocument", text: "str | StepText", undo: Undo,
                 merge: str | None = None) -> None:
        super().__init__(said(text))
        self.name = text
        self.document = document
        self.step = undo          # what undo() carries out next (then what redo() does)
        self.merge = merge
        self._done_outside = True  # push() calls redo(): the action is already done

    def id(self) -> int:
        return self.MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Keep this command's undo (the state before the first of the merged actions)."""
        return isinstance(other, ActionCommand) and self.merge is not None and other.merge == self.merge

    def carry_out(self) -> None:
        """Carry out the stored step now (an undo or a redo); raises when it cannot apply, changing nothing."""
        done = self.document.apply_step(self.step)
        self.step = done.undo

    def say_again(self) -> None:
        """Take the name of the step in the window's language now (after a language switch)."""
        self.setText(said(self.name))

    def redo(self) -> None:
        if self._done_outside:
            self._done_outside = False
            return
        self.carry_out()

    def undo(self) -> None:
        if self._done_outside:
            self._done_outside = False
            return
        self.carry_out()


class ProgramDocument(QObject):
    """One open program. `changed(ChangeSet)` tells views what this window's actions (and their undo and
    redo) changed, by id; `elsewhere(tables)` what another window or process changed (ids unknown: re-read).
    The per-kind signals (`rosterChanged` …) follow from both, for views that simply re-read.
    `refused(exception)` asks the window to say why nothing was done."""

    changed = Signal(object)
    rosterChanged = Signal()
    locksChanged = Signal()
    runsChanged = Signal()
    settingsChanged = Signal()
    refused = Signal(object)
    elsewhere = Signal(object)  # frozenset of tables another viewer changed

    def __init__(self, store: ProgramStore, parent: QObject | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self.read_only = read_only
        self.undo_stack = QUndoStack(self)
        self.viewer_id: str | None = None
        self._said_at = time.monotonic()
        self.versions: dict[str, int] = {}  # person id → the version the curator was shown
        self.settings_version: int | None = None
        self._written: dict[int, tuple] = {}  # id of a background writer's Done → its change counts
        with self.store.sessions() as session:
            self._counts = viewers.change_counts(session)
        self.poll_timer = QTimer(self, interval=POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()

    @classmethod
    def open(cls, location: str | Path, parent: QObject | None = None) -> "ProgramDocument":
        return cls(open_program(location), parent)

    @property
    def location(self) -> str:
        return self.store.location

    @property
    def title(self) -> str:
        name = self.read(actions.reading.settings).name
        return f"{name} — {Path(self.location).name}" if "://" not in self.location else name

    # -- reading --------------------------------------------------------------------------------

    def read(self, action: Callable[..., Any], *args, **kwargs) -> Any:
        """Run a reading action (`actions.reading.people`, …) in a short session of its own."""
        with self.store.sessions() as session:
            return action(session, *args, **kwargs)

    def program(self) -> Program:
        return self.read(actions.reading.program)

    def reader(self, action: Callable[..., Any], *args, **kwargs) -> Callable[[], Any]:
        """The same read as a plain function for a background thread (its own session, plain values back)."""
        sessions = self.store.sessions
        return lambda: _read(sessions, action, args, kwargs)

    def writer(self, action: Callable[..., Done], *args, **kwargs) -> Callable[[], Done] | None:
        """An action as a plain function for a background thread, in a transaction of its own; give its
        `Done` to `record` on the GUI thread. None (the window is told) when the program is read-only."""
        if self.read_only:
            self.refused.emit(ReadOnly())
            return None
        store, written = self.store, self._written

        def write() -> Done:
            done, counts = _write(store, action, args, kwargs)
            written[id(done)] = counts  # for `record`, on the GUI thread (a dict's item: safe across threads)
            return done

        return write

    def saw(self, versions: Mapping[str, int], settings: int | None = None) -> None:
        """The curator has been shown these people (at these versions) and settings."""
        self.versions.update(versions)
        if settings is not None:
            self.settings_version = settings

    # -- changing -------------------------------------------------------------------------------

    def perform(self, text: str | StepText, action: Callable[..., Done], *args, people: tuple[str, ...] = (),
                settings: bool = False, merge: str | None = None, undoable: bool = True, **kwargs) -> Done | None:
        """Carry out an action now and push its undo value; None when it was refused (the window is told).

        `people`: ids whose rows the action overwrites: refused if another viewer changed them since the
        curator saw them. `settings`: the same for the program's settings."""
        if self.read_only:
            self.refused.emit(ReadOnly())
            return None
        expected = {i: self.versions[i] for i in people if i in self.versions}
        try:
            done = self._transaction(lambda s: action(s, *args, **kwargs), expected,
                                     self.settings_version if settings else None)
        except REFUSALS as exc:
            self.refused.emit(exc)
            return None
        if done.undo is not None and undoable:
            self.undo_stack.push(ActionCommand(self, text, done.undo, merge))
        return done

    def record(self, text: str | StepText, done: Done, counts: tuple[Mapping[str, int], Mapping[str, int]] | None = None) -> None:
        """An action carried out off the GUI thread (a background import, a proposal): tell the views, push its
        undo. `counts`: the change counts just before and after its transaction (a `writer`'s are kept for
        it): what other viewers changed before it is told too. Unknown, the next poll also reports what the
        action changed (a second read of it, never a change of someone else's missed)."""
        counts = counts if counts is not None else self._written.pop(id(done), None)
        if counts is not None:
            others = viewers.changed_tables(self._counts, counts[0])
            self._counts = dict(counts[1])
        self._changed(done.changes)
        if counts is not None:
            self._elsewhere(others)
        if done.undo is not None:
            self.undo_stack.push(ActionCommand(self, text, done.undo))

    def say_steps_again(self) -> None:
        """Every step of the undo stack named in the window's language now (issue 11: after a language switch
        Edit ▸ Undo said "Undo Delete …" in the old language)."""
        stack = self.undo_stack
        for index in range(stack.count()):
            command = stack.command(index)
            if isinstance(command, ActionCommand):
                command.say_again()

    def apply_step(self, step: Undo) -> Done:
        """Carry out an undo or redo step (raises, changing nothing, when it cannot apply)."""
        if self.read_only:
            raise ReadOnly()
        return self._transaction(lambda s: actions.undo(s, step), {}, None)

    def undo(self) -> bool:
        """Undo the last action; when it cannot apply (someone changed or deleted what it restores), say so
        and leave the stack as it was."""
        return self._step(self.undo_stack.index() - 1, self.undo_stack.undo)

    def redo(self) -> bool:
        return self._step(self.undo_stack.index(), self.undo_stack.redo)

    def _step(self, index: int, move: Callable[[], None]) -> bool:
        command = self.undo_stack.command(index)
        if not isinstance(command, ActionCommand):
            return False
        try:
            command.carry_out()
        except (*REFUSALS, ReadOnly) as exc:
            self.refused.emit(exc)
            return False
        command._done_outside = True  # the stack's undo()/redo() below only moves its index
        move()
        return True

    def _transaction(self, work: Callable, people: Mapping[str, int], settings: int | None) -> Done:
        """One write under the program's write lock, like the command line's (issue 11): after another
        program's write has ended (waiting at most WRITE_WAIT_S), else refused with a sentence; the views are
        told once it is committed."""
        with writing(self.store, WRITE_WAIT_S) as session:
            before = viewers.change_counts(session)
            if people or settings is not None:
                viewers.check_versions(session, people, settings)
            done = work(session)
            session.flush()
            after = viewers.change_counts(session)
            touched = done.changes.people_added | done.changes.people_changed
            versions = viewers.person_versions(session, touched) if touched else {}
            program_changed = after.get("program") != before.get("program")
            settings_now = viewers.settings_version(session) if program_changed else None
        others = viewers.changed_tables(self._counts, before)
        self._counts = after
        self.saw(versions, settings_now)
        self._changed(done.changes)
        self._elsewhere(others)
        return done

    # -- other viewers --------------------------------------------------------------------------

    def poll(self) -> frozenset[str]:
        """Look whether another window or process changed the program; if so, tell the views it concerns."""
        try:
            counts = self.read(viewers.change_counts)
        except Exception:  # noqa: BLE001 - the file is busy or gone for a moment: look again next time
            return frozenset()
        others = viewers.changed_tables(self._counts, counts)
        self._counts = counts
        self._elsewhere(others)
        self._say_still_here()
        return others

    def _say_still_here(self) -> None:
        """Where a viewer is known to be there by the time it last said so (a shared PostgreSQL database,
        or Windows), say it every SEEN_EVERY_S seconds; a POSIX process on one SQLite file is checked by pid."""
        if self.viewer_id is None or (os.name == "posix" and self.store.engine.dialect.name == "sqlite"):
            return
        now = time.monotonic()
        if now - self._said_at < viewers.SEEN_EVERY_S:
            return
        self._said_at = now
        with contextlib.suppress(Exception):  # busy for a moment: next time
            with self.store.sessions.begin() as session:
                viewers.touch_viewer(session, self.viewer_id)
        # The viewer table is not counted (migration 0006): the counts stay, and nobody else's change is missed.

    def reload_all(self) -> None:
        """Every view reads what it shows again (after a refusal, the curator asked to reload)."""
        with self.store.sessions() as session:
            self._counts = viewers.change_counts(session)
            self.saw(viewers.person_versions(session), viewers.settings_version(session))
        self._elsewhere(frozenset(TABLE_KINDS))

    def register_viewer(self, read_only: bool = False) -> list:
        """Say this window has the program open; returns the other windows that have it open too."""
        with self.store.sessions.begin() as session:
            others = viewers.other_viewers(session)
            self.viewer_id = viewers.add_viewer(session, read_only=read_only)
        return others

    def other_viewers(self) -> list:
        with self.store.sessions.begin() as session:
            return viewers.other_viewers(session, self.viewer_id)

    # -- signals --------------------------------------------------------------------------------

    def _changed(self, changes: ChangeSet) -> None:
        if changes:
            self.changed.emit(changes)
            self._announce(_kinds(changes))

    def _elsewhere(self, tables: frozenset[str]) -> None:
        if tables:
            self.elsewhere.emit(tables)
            self._announce({TABLE_KINDS[t] for t in tables if t in TABLE_KINDS})

    def _announce(self, kinds: set[str]) -> None:
        """The per-kind signals, for views that re-read what they show."""
        signals = {"roster": self.rosterChanged, "locks": self.locksChanged, "runs": self.runsChanged,
                   "settings": self.settingsChanged}
        for kind in ("roster", "locks", "runs", "settings"):
            if kind in kinds:
                signals[kind].emit()

    # -- file -----------------------------------------------------------------------------------

    def save_as(self, target: str | Path) -> None:
        """Copy the whole program into a new file with SQLite's online backup (safe while open)."""
        if self.store.engine.dialect.name != "sqlite":
            raise ProgramFileError(msg("desktop.save_as_shared"))
        target = Path(target)
        tmp = target.with_name(target.name + ".tmp")
        tmp.unlink(missing_ok=True)
        source = sqlite3.connect(self.store.engine.url.database)
        try:
            destination = sqlite3.connect(tmp)
            with destination:
                source.backup(destination)
            destination.close()
        finally:
            source.close()
        tmp.replace(target)

    def close(self) -> None:
        self.poll_timer.stop()
        self.undo_stack.clear()
        if self.viewer_id is not None:
            with contextlib.suppress(Exception):  # the file may be gone; closing must still work
                with self.store.sessions.begin() as session:
                    viewers.remove_viewer(session, self.viewer_id)
        self.store.close()


class ReadOnly(Exception):
    """A change asked of a program opened read-only."""


def _read(sessions, action, args, kwargs):
    with sessions() as session:
        return action(session, *args, **kwargs)


def _write(store, action, args, kwargs) -> tuple[Done, tuple[dict, dict]]:
    """A background action under the program's write lock, waiting as long as a command does; with the
    change counts just before and after it."""
    with writing(store) as session:
        before = viewers.change_counts(session)
        done = action(session, *args, **kwargs)
        session.flush()
        return done, (before, viewers.change_counts(session))


def _kinds(changes: ChangeSet) -> set[str]:
    kinds = set()
    if changes.roster or changes.vocabulary:
        kinds |= {"roster", "locks"}  # a deleted person takes their locks along
    if changes.locks:
        kinds.add("locks")
    if changes.runs or changes.teams:
        kinds.add("runs")
    if changes.settings:
        kinds.add("settings")
    return kinds
